/**
 * Builds synthetic corpora from the seed articles for benchmarks: sentences are reshuffled into new
 * articles and a share of their words replaced, so near-duplicate detection sees realistic (not
 * wholesale) repetition, and publication dates spread them over events. Seeded, so every run
 * measures the same text.
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

/** How synthetic articles are dated, which decides the events they form. */
export interface SyntheticOptions {
  /**
   * `events` (default): consecutive articles come in runs of 1-60 (about 9 on average) published
   * within three days, runs 33-44 days apart, so they group into events of the sizes a news corpus
   * has. `one-day`: every article is dated 2018-07-06 like the seeds, so the whole corpus is one event
   * (2,400 articles at 10 MB, which no real corpus has, and which makes per-event work quadratic).
   */
  dates?: 'events' | 'one-day';
}

const DAY_MS = 86_400_000;

/**
 * Synthetic articles totalling about `targetBytes` of UTF-8: 8-20 paragraphs of 1-3 seed sentences,
 * with `mutation` of the words replaced by random seed words. Dates come from a separate generator,
 * so the texts are the same whichever `dates` is chosen.
 */
export function syntheticCorpus(targetBytes: number, seed = 1, mutation = 0.25, options: SyntheticOptions = {}): ArticleInput[] {
  const random = rng(seed);
  const dateOf = options.dates === 'one-day' ? () => '2018-07-06' : eventDates(rng(seed ^ 0x5eed));
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
    out.push({ id, source: `synthetic:${id}`, text, outlet: `Outlet ${out.length % 7}`, title: null, published: dateOf(), url: null, language: 'en' });
  }
  return out;
}

/** Publication dates for consecutive articles: runs of a geometric-like size (mean about 9, at most 60) per event. */
function eventDates(random: () => number): () => string {
  let day = Date.UTC(2000, 0, 1) / DAY_MS;
  let left = 0;
  return () => {
    if (left === 0) {
      left = Math.min(60, 1 + Math.floor(-Math.log(1 - random()) * 8));
      // More than the 30 days past which two articles never share an event, even with the jitter below.
      day += 33 + Math.floor(random() * 12);
    }
    left--;
    return new Date((day + Math.floor(random() * 3)) * DAY_MS).toISOString().slice(0, 10);
  };
}
