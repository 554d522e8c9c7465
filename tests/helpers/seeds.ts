/** Test helper: the bundled seed articles, read from corpus/ exactly as shipped. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS_DIR = path.join(ROOT, 'corpus');

export const SEED_IDS = [
  '000_aa3b1d39a0c4470b',
  '001_d6d9fc5bcd022e88',
  '002_5e2392d7e9ddb078',
  '003_0702bf80221a2f16',
  '004_1a7acaa75544b218',
] as const;

export type SeedId = (typeof SEED_IDS)[number];

/** The text of one seed, exactly as in corpus/. */
export function seedText(id: SeedId): string {
  return readFileSync(path.join(CORPUS_DIR, `${id}.txt`), 'utf8');
}

/** Every .txt in corpus/ (to notice when a seed goes missing). */
export function corpusTxtFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
}
