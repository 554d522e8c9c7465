/**
 * Builds synthetic corpora from the seed articles for benchmarks: sentences are reshuffled into new
 * articles and a share of their words replaced, so near-duplicate detection sees realistic (not
 * wholesale) repetition. Seeded, so every run measures the same text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { splitParagraphs, splitSentences } from '../lib/segment';
import type { ArticleInput } from '../lib/types';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedTexts(): string[] {
  const dir = path.join(ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

/** Every sentence of the seeds, and every word, as pools to draw from. */
export function pools(): { sentences: string[]; words: string[] } {
  const sentences: string[] = [];
  for (const text of seedTexts()) {
    for (const p of splitParagraphs(text)) for (const s of splitSentences(text, p)) sentences.push(text.slice(s.start, s.end));
  }
  const words = [...new Set(sentences.join(' ').split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w)))];
  return { sentences, words };
}

/**
 * Synthetic articles totalling about `targetBytes` of UTF-8: 8-20 paragraphs of 1-3 seed sentences,
 * with `mutation` of the words replaced by random seed words.
 */
export function syntheticCorpus(targetBytes: number, seed = 1, mutation = 0.25): ArticleInput[] {
  const random = rng(seed);
  const { sentences, words } = pools();
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: ArticleInput[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const paragraphs: string[] = [];
    const n = 8 + Math.floor(random() * 13);
    for (let i = 0; i < n; i++) {
      const k = 1 + Math.floor(random() * 3);
      const sents: string[] = [];
      for (let j = 0; j < k; j++) {
        sents.push(
          pick(sentences)
            .split(' ')
            .map((w) => (random() < mutation ? pick(words) : w))
            .join(' '),
        );
      }
      paragraphs.push(sents.join(' '));
    }
    const text = `${paragraphs.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text);
    const id = `syn-${String(out.length).padStart(6, '0')}`;
    out.push({ id, source: `synthetic:${id}`, text, outlet: `Outlet ${out.length % 7}`, title: null, published: '2018-07-06', url: null, language: 'en' });
  }
  return out;
}
