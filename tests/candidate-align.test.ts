import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticles } from '../lib/analyze';
import { loadArticles } from '../lib/corpus';
import { popcount } from '../lib/boilerplate/lcs';
import { alignWith } from '../lib/adapters/diff';
import { diffIds } from '../lib/boilerplate/myers';
import { alignByOverlap, findSwaps, swapEditBound, type AlignedPair } from '../lib/candidates/swaps';
import { articleWords, stemIdCount, stemOf, type ArticleWords } from '../lib/candidates/words';
import type { ArticleAnalysis } from '../lib/types';
import { CORPUS_DIR } from './helpers/seeds';

/**
 * alignByOverlap as it was written with a Map of sentences by stem id and an array per sentence:
 * the flat typed arrays that replaced them must pair the same sentences in the same order.
 */
function reference(
  words: readonly ArticleWords[],
  textOf: (article: string, sentence: number) => { start: number; end: number } | undefined,
  sameSide: (x: string, y: string) => boolean,
  minOverlap: number,
  minShared: number,
): AlignedPair[] {
  const setArticle: number[] = [];
  const setSentence: number[] = [];
  const setStems: number[][] = [];
  const index = new Map<number, number[]>();
  words.forEach((w, ai) => {
    w.sentenceTokens.forEach((range, si) => {
      if (!range || range.end <= range.start) return;
      const stems: number[] = [];
      for (let i = range.start; i < range.end; i++) if (w.stops[i] === 0 && !stems.includes(w.stemIds[i]!)) stems.push(w.stemIds[i]!);
      if (stems.length < minShared) return;
      const set = setStems.push(stems) - 1;
      setArticle.push(ai);
      setSentence.push(si);
      for (const id of stems) index.set(id, [...(index.get(id) ?? []), set]);
    });
  });
  const n = setStems.length;
  const common = Math.max(8, Math.ceil(n * 0.15));
  const bitOf = new Map<number, number>();
  for (const [id, list] of index) if (list.length > common) bitOf.set(id, bitOf.size);
  const width = Math.ceil(bitOf.size / 32);
  const masks = setStems.map((stems) => {
    const mask = new Int32Array(width);
    for (const s of stems) if (bitOf.has(s)) mask[bitOf.get(s)! >> 5]! |= 1 << (bitOf.get(s)! & 31);
    return mask;
  });
  const pairs: AlignedPair[] = [];
  const seen = new Set<number>();
  for (let xi = 0; xi < n; xi++) {
    const shared = new Map<number, number>();
    let frequent = 0;
    for (const s of setStems[xi]!) {
      const list = index.get(s)!;
      if (list.length > common) frequent++;
      else for (const yi of list) if (yi !== xi) shared.set(yi, (shared.get(yi) ?? 0) + 1);
    }
    if (frequent) for (const [yi, c] of shared) shared.set(yi, c + masks[xi]!.reduce((t, m, k) => t + popcount(m & masks[yi]![k]!), 0));
    const best = new Map<number, { yi: number; dice: number }>();
    for (const [yi, count] of shared) {
      const x = setArticle[xi]!;
      const y = setArticle[yi]!;
      if (x === y || count < minShared || words[x] === words[y] || sameSide(words[x]!.id, words[y]!.id)) continue;
      const dice = (2 * count) / (setStems[xi]!.length + setStems[yi]!.length);
      const prev = best.get(y);
      if (dice >= minOverlap && (!prev || dice > prev.dice)) best.set(y, { yi, dice });
    }
    for (const { yi } of best.values()) {
      const key = xi < yi ? xi * n + yi : yi * n + xi;
      if (seen.has(key)) continue;
      seen.add(key);
      const wx = words[setArticle[xi]!]!;
      const wy = words[setArticle[yi]!]!;
      const a = textOf(wx.id, setSentence[xi]!);
      const b = textOf(wy.id, setSentence[yi]!);
      if (a && b) pairs.push({ a: { article: wx.id, start: a.start, end: a.end }, b: { article: wy.id, start: b.start, end: b.end } });
    }
  }
  return pairs;
}

describe('sentence alignment by shared words', () => {
  let articles: ArticleAnalysis[];
  beforeAll(async () => {
    articles = analyzeArticles((await loadArticles([CORPUS_DIR])).articles, []).articles;
  });

  it('pairs the sentences of the seeds as the Map-based alignment did, at several thresholds', () => {
    const words = articles.map((a) => articleWords(a));
    expect(stemIdCount()).toBeGreaterThan(0);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const textOf = (id: string, s: number) => byId.get(id)?.sentences[s];
    // Sides: by outlet, and also every article its own side (then two reports of one outlet are paired too).
    const sides: ((x: string, y: string) => boolean)[] = [(x, y) => byId.get(x)?.outlet === byId.get(y)?.outlet, (x, y) => x === y];
    let total = 0;
    for (const sameSide of sides) {
      for (const [minOverlap, minShared] of [[0.25, 2], [0.1, 1], [0.4, 3]] as const) {
        // Each article with the others, and the seeds repeated (so that many stems pass the frequent-stem cut).
        for (const group of [words, [...words, ...words.map((w) => ({ ...w, id: `${w.id}-again` }))]]) {
          const textOfAny = (id: string, s: number) => textOf(id.replace(/-again$/, ''), s);
          const got = alignByOverlap(group, textOfAny, sameSide, { minOverlap, minShared });
          expect(got).toEqual(reference(group, textOfAny, sameSide, minOverlap, minShared));
          total += got.length;
        }
      }
    }
    expect(total).toBeGreaterThan(100);
  });

  it('pairs no sentences within one side, so discoverCandidates can skip aligning an event of one side', () => {
    const words = articles.map((a) => articleWords(a));
    const byId = new Map(articles.map((a) => [a.id, a]));
    const textOf = (id: string, s: number) => byId.get(id)?.sentences[s];
    let across = 0;
    for (const [minOverlap, minShared] of [[0.25, 2], [0.1, 1]] as const) {
      for (const w of words) expect(alignByOverlap([w], textOf, (x, y) => x === y, { minOverlap, minShared })).toEqual([]);
      // Every seed of one side: none paired; each its own side: many.
      expect(alignByOverlap(words, textOf, () => true, { minOverlap, minShared })).toEqual([]);
      across += alignByOverlap(words, textOf, (x, y) => x === y, { minOverlap, minShared }).length;
    }
    expect(across).toBeGreaterThan(10);
  });

  it('aligns each group alike whatever was aligned before, so discoverCandidates can align events in any order', () => {
    const words = articles.map((a) => articleWords(a));
    const byId = new Map(articles.map((a) => [a.id, a]));
    const textOf = (id: string, s: number) => byId.get(id)?.sentences[s];
    const sameSide = (x: string, y: string) => byId.get(x)?.outlet === byId.get(y)?.outlet;
    // Groups of the first two seeds up to all of them, aligned in turn, then again in the reverse order.
    const groups = words.map((_, k) => words.slice(0, Math.max(2, k + 1)));
    const alone = groups.map((g) => alignByOverlap(g, textOf, sameSide));
    let pairs = 0;
    for (let k = groups.length - 1; k >= 0; k--) {
      expect(alignByOverlap(groups[k]!, textOf, sameSide)).toEqual(alone[k]);
      pairs += alone[k]!.length;
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it('diffs sentence pairs within the edit bound exactly when they are alike enough to keep, with the same runs', () => {
    // Each sentence of the seeds against a copy with a random share of its words replaced, dropped or
    // doubled (from none to most), so that pairs fall on both sides of each least similarity.
    let seed = 5;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const runs: [Int32Array, Int32Array][] = [];
    for (const w of articles.map((x) => articleWords(x))) {
      for (const range of w.sentenceTokens) {
        if (!range || range.end - range.start < 4) continue;
        const a = w.stemIds.subarray(range.start, range.end);
        const rate = next() * 0.9;
        const b: number[] = [];
        for (const id of a) {
          const r = next();
          if (r < rate / 3) b.push(w.stemIds[Math.floor(next() * w.count)]!);
          else if (r < (2 * rate) / 3) continue;
          else if (r < rate) b.push(id, id);
          else b.push(id);
        }
        runs.push([a, Int32Array.from(b)]);
      }
    }
    let kept = 0;
    let dropped = 0;
    for (const minSimilarity of [0.3, 0.5, 0.55, 0.7]) {
      for (const [a, b] of runs) {
        const total = a.length + b.length;
        const full = alignWith(a, b, { maxEditLength: Math.ceil(total * 0.8) }, diffIds);
        const bounded = alignWith(a, b, { maxEditLength: swapEditBound(total, minSimilarity) }, diffIds);
        if (full && full.similarity >= minSimilarity) {
          expect(bounded).toEqual(full);
          kept++;
        } else {
          expect(!bounded || bounded.similarity < minSimilarity).toBe(true);
          dropped++;
        }
      }
    }
    expect(kept).toBeGreaterThan(50);
    expect(dropped).toBeGreaterThan(50);
  });

  it('lists each swap\'s content stems exactly, as the plain filter of its token range does', () => {
    const words = articles.map((a) => articleWords(a));
    const byId = new Map(words.map((w): [string, ArticleWords] => [w.id, w]));
    const textOf = (id: string, s: number) => articles.find((a) => a.id === id)?.sentences[s];
    const pairs = alignByOverlap(words, textOf, (x, y) => x === y, { minOverlap: 0.1, minShared: 1 });
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const lengths = new Set<number>();
    for (const maxContent of [1, 2, 3]) {
      for (const s of findSwaps(pairs, byId, texts, { maxContent, minSimilarity: 0.1, maxRun: 10 })) {
        const w = byId.get(s.article)!;
        const plain: string[] = [];
        for (let i = s.from; i < s.to; i++) if (w.stops[i] === 0) plain.push(stemOf(w.stemIds[i]!));
        expect(s.stems).toEqual(plain);
        expect(s.stems.length).toBeLessThanOrEqual(maxContent);
        lengths.add(s.stems.length);
      }
    }
    expect([...lengths].sort()).toEqual([1, 2, 3]);
  });
});
