/**
 * Terminology swaps: inside sentences that report the same thing, a short run of words where one
 * report has different words in the same slot ("rebels" ↔ "militants"). Takes aligned sentence pairs
 * from the comparison engine, or aligns sentences itself by shared content words.
 */
import { alignSequences } from '../adapters/diff';
import type { AlignedRow } from '../types';
import type { ArticleWords, WordToken } from './words';

/** One sentence (or any passage) of one article, by offsets into its text. */
export interface SentenceRef {
  article: string;
  start: number;
  end: number;
}

/** Two passages that report the same thing, from two articles. */
export interface AlignedPair {
  a: SentenceRef;
  b: SentenceRef;
}

/** A same-slot word swap, seen from one article. */
export interface Swap {
  article: string;
  /** Token-index range in that article's body tokens. */
  from: number;
  to: number;
  /** The article with the other wording, and that wording as written. */
  other: string;
  otherText: string;
  /** Stems of the content words on each side, for grouping labels. */
  stems: string[];
  otherStems: string[];
  /** 0..1: how alike the two sentences are outside this slot (the alignment's Dice similarity). */
  similarity: number;
}

/** Aligned pairs from the comparison engine's rows: every two cells of a row (`CompareReport.rows`). */
export function pairsFromRows(rows: readonly Pick<AlignedRow, 'cells'>[]): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  for (const { cells } of rows) {
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const a = cells[i]!;
        const b = cells[j]!;
        pairs.push({ a: { article: a.article, start: a.start, end: a.end }, b: { article: b.article, start: b.start, end: b.end } });
      }
    }
  }
  return pairs;
}

/** Tuning for swap finding and the fallback alignment. */
export interface SwapOptions {
  /** Longest run, in tokens, on either side of a swap. Default 4. */
  maxRun?: number;
  /** Most content words on either side of a swap: terminology is short, paraphrase is long. Default 2. */
  maxContent?: number;
  /** Least similarity of two aligned sentences for a swap between them to count. Default 0.5. */
  minSimilarity?: number;
  /** Least Dice overlap of content stems for the fallback to pair two sentences. Default 0.25. */
  minOverlap?: number;
  /** Least content stems two sentences must share to be paired by the fallback. Default 2. */
  minShared?: number;
}

function contentStems(tokens: readonly WordToken[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t && !t.stop) out.push(t.stem);
  }
  return out;
}

/**
 * Pairs sentences of different articles of one event that share enough content words (Dice
 * coefficient over content stems): for each sentence, its best partner in each other article.
 * `sameSide(x, y)` tells when two articles must not be compared (e.g. the same outlet).
 */
export function alignByOverlap(
  words: readonly ArticleWords[],
  textOf: (article: string, sentence: number) => { start: number; end: number } | undefined,
  sameSide: (x: string, y: string) => boolean = (x, y) => x === y,
  options: SwapOptions = {},
): AlignedPair[] {
  const minOverlap = options.minOverlap ?? 0.25;
  const minShared = options.minShared ?? 2;
  const sets: { article: number; sentence: number; stems: Set<string> }[] = [];
  const index = new Map<string, number[]>();
  words.forEach((w, ai) => {
    w.sentenceTokens.forEach((range, si) => {
      if (!range || range.end <= range.start) return;
      const stems = new Set(contentStems(w.tokens, range.start, range.end));
      if (stems.size < minShared) return;
      const id = sets.push({ article: ai, sentence: si, stems }) - 1;
      for (const s of stems) {
        let list = index.get(s);
        if (!list) index.set(s, (list = []));
        list.push(id);
      }
    });
  });
  const pairs: AlignedPair[] = [];
  const seen = new Set<string>();
  // Words found in a large share of sentences (the main actor's name) say little about which two
  // sentences match, and cost quadratic time; they still count in the overlap, via the second pass.
  const common = Math.max(8, Math.ceil(sets.length * 0.15));
  sets.forEach((x, xi) => {
    const shared = new Map<number, number>();
    const frequent: string[] = [];
    for (const s of x.stems) {
      const list = index.get(s) ?? [];
      if (list.length > common) {
        frequent.push(s);
        continue;
      }
      for (const yi of list) if (yi !== xi) shared.set(yi, (shared.get(yi) ?? 0) + 1);
    }
    if (frequent.length) {
      for (const [yi, n] of shared) {
        const y = sets[yi]!.stems;
        let extra = 0;
        for (const s of frequent) if (y.has(s)) extra++;
        shared.set(yi, n + extra);
      }
    }
    const best = new Map<number, { yi: number; dice: number }>();
    for (const [yi, n] of shared) {
      const y = sets[yi]!;
      if (y.article === x.article || n < minShared) continue;
      if (sameSide(words[x.article]!.id, words[y.article]!.id)) continue;
      const dice = (2 * n) / (x.stems.size + y.stems.size);
      const prev = best.get(y.article);
      if (dice >= minOverlap && (!prev || dice > prev.dice)) best.set(y.article, { yi, dice });
    }
    for (const { yi } of best.values()) {
      const key = xi < yi ? `${xi}:${yi}` : `${yi}:${xi}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const y = sets[yi]!;
      const a = textOf(words[x.article]!.id, x.sentence);
      const b = textOf(words[y.article]!.id, y.sentence);
      if (a && b) {
        pairs.push({ a: { article: words[x.article]!.id, start: a.start, end: a.end }, b: { article: words[y.article]!.id, start: b.start, end: b.end } });
      }
    }
  });
  return pairs;
}

/** Size of the multiset intersection of two token sequences' stems. */
function sharedCount(a: readonly WordToken[], b: readonly WordToken[]): number {
  const bag = new Map<string, number>();
  for (const t of a) bag.set(t.stem, (bag.get(t.stem) ?? 0) + 1);
  let n = 0;
  for (const t of b) {
    const left = bag.get(t.stem) ?? 0;
    if (left > 0) {
      bag.set(t.stem, left - 1);
      n++;
    }
  }
  return n;
}

/** Drops function words from both ends of a run. */
function trimStops(run: WordToken[]): WordToken[] {
  let from = 0;
  let to = run.length;
  while (from < to && run[from]!.stop) from++;
  while (to > from && run[to - 1]!.stop) to--;
  return run.slice(from, to);
}

function tokenRange(tokens: readonly WordToken[], start: number, end: number): { from: number; to: number } {
  let from = 0;
  while (from < tokens.length && tokens[from]!.start < start) from++;
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= end) to++;
  return { from, to };
}

/**
 * Finds same-slot swaps in aligned pairs that are alike outside the slot: a changed run of at most
 * `maxRun` tokens and `maxContent` content words on each side, with content words on both sides
 * that differ, and matching words right before or after it. Runs
 * made only of names and numbers ("Friday" ↔ "July 6") are left out. Each swap is reported from
 * both sides.
 */
export function findSwaps(
  pairs: readonly AlignedPair[],
  words: ReadonlyMap<string, ArticleWords>,
  texts: ReadonlyMap<string, string>,
  options: SwapOptions = {},
): Swap[] {
  const maxRun = options.maxRun ?? 4;
  const maxContent = options.maxContent ?? 2;
  const minSimilarity = options.minSimilarity ?? 0.5;
  const swaps: Swap[] = [];
  for (const pair of pairs) {
    const wa = words.get(pair.a.article);
    const wb = words.get(pair.b.article);
    const ta = texts.get(pair.a.article);
    const tb = texts.get(pair.b.article);
    if (!wa || !wb || ta === undefined || tb === undefined) continue;
    const ra = tokenRange(wa.tokens, pair.a.start, pair.a.end);
    const rb = tokenRange(wb.tokens, pair.b.start, pair.b.end);
    const sa = wa.tokens.slice(ra.from, ra.to);
    const sb = wb.tokens.slice(rb.from, rb.to);
    if (!sa.length || !sb.length) continue;
    // The words the two share in any order bound the common subsequence: skip hopeless pairs
    // before paying for a diff.
    if ((2 * sharedCount(sa, sb)) / (sa.length + sb.length) < minSimilarity) continue;
    const alignment = alignSequences(
      sa.map((t) => t.stem),
      sb.map((t) => t.stem),
      { maxEditLength: Math.ceil((sa.length + sb.length) * 0.8) },
    );
    if (!alignment || alignment.similarity < minSimilarity) continue;
    const { similarity } = alignment;
    const runs = alignment.runs;
    runs.forEach((run, k) => {
      if (run.kind !== 'changed') return;
      const na = run.aEnd - run.aStart;
      const nb = run.bEnd - run.bStart;
      if (na === 0 || nb === 0 || na > maxRun || nb > maxRun) return;
      const before = runs[k - 1];
      const after = runs[k + 1];
      if (!(before?.kind === 'same') && !(after?.kind === 'same')) return;
      const aTok = trimStops(sa.slice(run.aStart, run.aEnd));
      const bTok = trimStops(sb.slice(run.bStart, run.bEnd));
      const aStems = aTok.filter((t) => !t.stop).map((t) => t.stem);
      const bStems = bTok.filter((t) => !t.stop).map((t) => t.stem);
      if (!aStems.length || !bStems.length || aStems.length > maxContent || bStems.length > maxContent) return;
      if (aTok.every((t) => t.stop || t.capital) && bTok.every((t) => t.stop || t.capital)) return;
      // Same words, or the same word spelt apart ("workforce" / "work force").
      if (aStems.join('') === bStems.join('')) return;
      const aFrom = wa.tokens.indexOf(aTok[0]!, ra.from);
      const bFrom = wb.tokens.indexOf(bTok[0]!, rb.from);
      const aText = ta.slice(aTok[0]!.start, aTok.at(-1)!.end);
      const bText = tb.slice(bTok[0]!.start, bTok.at(-1)!.end);
      swaps.push({ article: wa.id, from: aFrom, to: aFrom + aTok.length, other: wb.id, otherText: bText, stems: aStems, otherStems: bStems, similarity });
      swaps.push({ article: wb.id, from: bFrom, to: bFrom + bTok.length, other: wa.id, otherText: aText, stems: bStems, otherStems: aStems, similarity });
    });
  }
  return swaps;
}
