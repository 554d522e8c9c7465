/**
 * Terminology swaps: inside sentences that report the same thing, a short run of words where one
 * report has different words in the same slot ("rebels" ↔ "militants"). Takes aligned sentence pairs
 * from the comparison engine, or aligns sentences itself by shared content words.
 */
import { alignWith } from '../adapters/diff';
import { popcount } from '../boilerplate/lcs';
import { diffIds } from '../boilerplate/myers';
import type { AlignedRow } from '../types';
import { CAPITAL, stemIdCount, stemOf, wordRange, type ArticleWords } from './words';

/** Time limit of one sentence-pair diff, ms: as for boilerplate twins, far above what a real pair takes. */
const SWAP_DIFF_TIMEOUT_MS = 1000;

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

// Per stem id, the stamp of the last sentence that took it (stamps only grow, so nothing is cleared
// between sentences or calls): a typed-array read where a Map lookup per token was.
let seenIn = new Int32Array(1024);
let sentenceStamp = 0;
// Per stem id, its number among the stems of one alignByOverlap call, valid where `localIn` holds
// that call's stamp.
let localOf = new Int32Array(1024);
let localIn = new Int32Array(1024);
let callStamp = 0;

/**
 * The sentences of one event worth pairing (at least `minShared` distinct content stems), as flat
 * arrays: sentence k is `sentence[k]` of article `article[k]`, its distinct stems (numbered per call,
 * in order of first use) are `stems[from[k] .. from[k + 1])`; the sentences holding stem l are
 * `postings[postFrom[l] .. postFrom[l + 1])`, in order.
 */
interface SentenceSets {
  article: number[];
  sentence: number[];
  from: number[];
  stems: number[];
  postFrom: Int32Array;
  postings: Int32Array;
}

/** The sentence sets of `words` (see {@link SentenceSets}). */
function sentenceSets(words: readonly ArticleWords[], minShared: number): SentenceSets {
  const article: number[] = [];
  const sentence: number[] = [];
  const from: number[] = [0];
  const stems: number[] = [];
  // Per local stem, how many sentences hold it.
  const holders: number[] = [];
  const idCount = stemIdCount();
  if (seenIn.length < idCount) seenIn = new Int32Array(idCount * 2);
  if (localIn.length < idCount) {
    localOf = new Int32Array(idCount * 2);
    localIn = new Int32Array(idCount * 2);
  }
  if (++callStamp > 0x3fffffff) {
    localIn.fill(0);
    callStamp = 1;
  }
  const taken = seenIn;
  const call = callStamp;
  // A sentence's distinct stems, the first `distinct` of `ids`: reused from sentence to sentence by a
  // count (`ids.length = 0` gives the array up, and every sentence grew a new one by push).
  const ids: number[] = [];
  for (let ai = 0; ai < words.length; ai++) {
    const w = words[ai]!;
    const stemIds = w.stemIds;
    const sentences = w.sentenceTokens;
    for (let si = 0; si < sentences.length; si++) {
      const range = sentences[si];
      if (!range || range.end <= range.start) continue;
      if (++sentenceStamp > 0x3fffffff) {
        taken.fill(0);
        sentenceStamp = 1;
      }
      const stamp = sentenceStamp;
      let distinct = 0;
      for (let i = range.start; i < range.end; i++) {
        if (w.stops[i] === 1) continue;
        const id = stemIds[i]!;
        if (taken[id] === stamp) continue;
        taken[id] = stamp;
        ids[distinct++] = id;
      }
      if (distinct < minShared) continue;
      for (let k = 0; k < distinct; k++) {
        const id = ids[k]!;
        let local: number;
        if (localIn[id] === call) {
          local = localOf[id]!;
          holders[local]! += 1;
        } else {
          localIn[id] = call;
          local = localOf[id] = holders.length;
          holders.push(1);
        }
        stems.push(local);
      }
      article.push(ai);
      sentence.push(si);
      from.push(stems.length);
    }
  }
  const postFrom = new Int32Array(holders.length + 1);
  for (let l = 0; l < holders.length; l++) postFrom[l + 1] = postFrom[l]! + holders[l]!;
  const postings = new Int32Array(stems.length);
  const fill = postFrom.slice(0, holders.length);
  for (let k = 0; k < article.length; k++) {
    for (let p = from[k]!; p < from[k + 1]!; p++) postings[fill[stems[p]!]!++] = k;
  }
  return { article, sentence, from, stems, postFrom, postings };
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
  // Each sentence's distinct content stems, and the sentences of each stem, in flat typed arrays
  // (no Map by stem id, no array per sentence or stem).
  const sets = sentenceSets(words, minShared);
  // Articles not to compare, as a flat byte matrix: `same[x][y]` over nested `.map` arrays of booleans
  // deoptimised this function on a "wrong map" run after run.
  const articleCount = words.length;
  const same = new Uint8Array(articleCount * articleCount);
  for (let x = 0; x < articleCount; x++) {
    for (let y = 0; y < articleCount; y++) {
      const wx = words[x]!;
      const wy = words[y]!;
      if (wx === wy || sameSide(wx.id, wy.id)) same[x * articleCount + y] = 1;
    }
  }
  const best = pairSentences(sets, same, articleCount, minOverlap, minShared);
  const pairs: AlignedPair[] = [];
  for (let k = 0; k < best.length; k += 2) {
    const xi = best[k]!;
    const yi = best[k + 1]!;
    const wx = words[sets.article[xi]!]!;
    const wy = words[sets.article[yi]!]!;
    const a = textOf(wx.id, sets.sentence[xi]!);
    const b = textOf(wy.id, sets.sentence[yi]!);
    if (a && b) pairs.push({ a: { article: wx.id, start: a.start, end: a.end }, b: { article: wy.id, start: b.start, end: b.end } });
  }
  return pairs;
}

/**
 * The pairs of {@link alignByOverlap} as sentence numbers (see {@link SentenceSets}), two per pair,
 * in the order they are found: for each sentence in turn, its best partner in each other article
 * (in the order those articles were first met), each pair once.
 */
function pairSentences(sets: SentenceSets, same: Uint8Array, articleCount: number, minOverlap: number, minShared: number): number[] {
  const { article, from, stems, postFrom, postings } = sets;
  const n = article.length;
  const localCount = postFrom.length - 1;
  const out: number[] = [];
  const seen = new Set<number>();
  // Words found in a large share of sentences (the main actor's name) say little about which two
  // sentences match, and cost quadratic time; they still count in the overlap, via the second pass.
  const common = Math.max(8, Math.ceil(n * 0.15));
  // The frequent stems as bits: each sentence's set of them is a bit mask, so counting the ones two
  // sentences share is a popcount per 32 stems.
  const bitOf = new Int32Array(localCount);
  let bits = 0;
  for (let l = 0; l < localCount; l++) bitOf[l] = postFrom[l + 1]! - postFrom[l]! > common ? bits++ : -1;
  const width = Math.ceil(bits / 32);
  const masks = new Int32Array(n * width);
  for (let i = 0; i < n && width; i++) {
    for (let p = from[i]!; p < from[i + 1]!; p++) {
      const bit = bitOf[stems[p]!]!;
      if (bit >= 0) masks[i * width + (bit >> 5)]! |= 1 << (bit & 31);
    }
  }
  const shared = new Int32Array(n);
  // The sentences sharing a stem with the one being read, the first `touchedCount` of `touched`
  // (reused by a count: `length = 0` gave the array up, and every sentence grew a new one).
  const touched: number[] = [];
  // Per article, the best partner of the sentence being read (-1: none yet) and its Dice; `order`
  // lists the articles given one, in the order they first were (its first `orderCount`, as `touched`).
  const bestOf = new Int32Array(articleCount).fill(-1);
  const bestDice = new Float64Array(articleCount);
  const order: number[] = [];
  for (let xi = 0; xi < n; xi++) {
    const xFrom = from[xi]!;
    const xTo = from[xi + 1]!;
    const xArticle = article[xi]!;
    let touchedCount = 0;
    let frequent = 0;
    for (let p = xFrom; p < xTo; p++) {
      const l = stems[p]!;
      const first = postFrom[l]!;
      const last = postFrom[l + 1]!;
      if (last - first > common) {
        frequent++;
        continue;
      }
      for (let q = first; q < last; q++) {
        const yi = postings[q]!;
        if (yi === xi) continue;
        if (shared[yi] === 0) touched[touchedCount++] = yi;
        shared[yi]!++;
      }
    }
    if (frequent) {
      for (let t = 0; t < touchedCount; t++) {
        const yi = touched[t]!;
        for (let k = 0; k < width; k++) shared[yi]! += popcount(masks[xi * width + k]! & masks[yi * width + k]!);
      }
    }
    let orderCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const yi = touched[t]!;
      const count = shared[yi]!;
      shared[yi] = 0;
      const yArticle = article[yi]!;
      if (yArticle === xArticle || count < minShared || same[xArticle * articleCount + yArticle] === 1) continue;
      const dice = (2 * count) / (xTo - xFrom + (from[yi + 1]! - from[yi]!));
      if (dice < minOverlap) continue;
      if (bestOf[yArticle] === -1) {
        order[orderCount++] = yArticle;
        bestOf[yArticle] = yi;
        bestDice[yArticle] = dice;
      } else if (dice > bestDice[yArticle]!) {
        bestOf[yArticle] = yi;
        bestDice[yArticle] = dice;
      }
    }
    for (let o = 0; o < orderCount; o++) {
      const yArticle = order[o]!;
      const yi = bestOf[yArticle]!;
      bestOf[yArticle] = -1;
      const key = xi < yi ? xi * n + yi : yi * n + xi;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(xi, yi);
    }
  }
  return out;
}

let bag = new Int32Array(1024);

/** Size of the multiset intersection of two runs of interned stems. */
function sharedCount(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): number {
  if (bag.length < stemIdCount()) bag = new Int32Array(stemIdCount() * 2);
  for (let i = aFrom; i < aTo; i++) bag[a[i]!]!++;
  let n = 0;
  for (let i = bFrom; i < bTo; i++) {
    const id = b[i]!;
    if (bag[id]! > 0) {
      bag[id]!--;
      n++;
    }
  }
  for (let i = aFrom; i < aTo; i++) bag[a[i]!] = 0;
  return n;
}

/** The token range `[from, to)` less the function words at both ends. */
function trimStops(words: ArticleWords, from: number, to: number): [number, number] {
  while (from < to && words.stops[from] === 1) from++;
  while (to > from && words.stops[to - 1] === 1) to--;
  return [from, to];
}

/** How many content words `[from, to)` holds. */
function contentCount(words: ArticleWords, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (words.stops[i] === 0) n++;
  return n;
}

/**
 * The stems of the `n` content words of `[from, to)`, in order, as a list of exactly `n`: the swaps
 * keep theirs until every event is drafted, and a list built by push reserves 17 slots.
 */
function contentStems(words: ArticleWords, from: number, to: number, n: number): string[] {
  let i = from;
  while (words.stops[i] !== 0) i++;
  const first = stemOf(words.stemIds[i]!);
  if (n === 1) return [first];
  const out = [first];
  for (i++; i < to; i++) if (words.stops[i] === 0) out.push(stemOf(words.stemIds[i]!));
  return out.slice();
}

/** Every word of `[from, to)` is a function word or capitalised mid-sentence (names, dates). */
function onlyNames(words: ArticleWords, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (words.stops[i] === 0 && (words.flags[i]! & CAPITAL) === 0) return false;
  return true;
}

/**
 * The most edits worth diffing two runs of `total` tokens for: past it their similarity (total less
 * edits, over total) falls below `minSimilarity`, and the pair is dropped either way, so the diff
 * stops there instead of at 80% of the tokens. One edit of slack covers rounding at the boundary;
 * a diff that ends within the bound is the same whatever the bound (the walk does not depend on it).
 */
export function swapEditBound(total: number, minSimilarity: number): number {
  const bound = Math.ceil(total * 0.8);
  return Math.min(bound, Math.max(0, Math.floor(total * (1 - minSimilarity)) + 1));
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
    const ra = wordRange(wa, pair.a.start, pair.a.end);
    const rb = wordRange(wb, pair.b.start, pair.b.end);
    const na = ra.to - ra.from;
    const nb = rb.to - rb.from;
    if (!na || !nb) continue;
    // The words the two share in any order bound the common subsequence: skip hopeless pairs
    // before paying for a diff.
    // Stems as interned ids (see words.ts), so the pair is diffed with the typed replay of jsdiff's
    // walk (lib/boilerplate/myers.ts, held to jsdiff by tests/myers.test.ts) rather than jsdiff itself.
    const ia = wa.stemIds;
    const ib = wb.stemIds;
    if ((2 * sharedCount(ia, ra.from, ra.to, ib, rb.from, rb.to)) / (na + nb) < minSimilarity) continue;
    const alignment = alignWith(
      ia.subarray(ra.from, ra.to),
      ib.subarray(rb.from, rb.to),
      // The edit bound already bounds the work; the time limit only guards against pathological input.
      // The default 50 ms made results depend on machine load: on a busy machine a paused diff lost a swap.
      { maxEditLength: swapEditBound(na + nb, minSimilarity), timeoutMs: SWAP_DIFF_TIMEOUT_MS },
      diffIds,
    );
    if (!alignment || alignment.similarity < minSimilarity) continue;
    const { similarity } = alignment;
    const runs = alignment.runs;
    runs.forEach((run, k) => {
      if (run.kind !== 'changed') return;
      const ca = run.aEnd - run.aStart;
      const cb = run.bEnd - run.bStart;
      if (ca === 0 || cb === 0 || ca > maxRun || cb > maxRun) return;
      const before = runs[k - 1];
      const after = runs[k + 1];
      if (!(before?.kind === 'same') && !(after?.kind === 'same')) return;
      // The changed runs as token indexes of each article, function words dropped from both ends.
      const [aFrom, aTo] = trimStops(wa, ra.from + run.aStart, ra.from + run.aEnd);
      const [bFrom, bTo] = trimStops(wb, rb.from + run.bStart, rb.from + run.bEnd);
      // Counted first: the stems are listed only for a swap that may be kept.
      const aCount = contentCount(wa, aFrom, aTo);
      const bCount = contentCount(wb, bFrom, bTo);
      if (!aCount || !bCount || aCount > maxContent || bCount > maxContent) return;
      if (onlyNames(wa, aFrom, aTo) && onlyNames(wb, bFrom, bTo)) return;
      const aStems = contentStems(wa, aFrom, aTo, aCount);
      const bStems = contentStems(wb, bFrom, bTo, bCount);
      // Same words, or the same word spelt apart ("workforce" / "work force").
      if (aStems.join('') === bStems.join('')) return;
      const aText = ta.slice(wa.starts[aFrom]!, wa.ends[aTo - 1]!);
      const bText = tb.slice(wb.starts[bFrom]!, wb.ends[bTo - 1]!);
      swaps.push({ article: wa.id, from: aFrom, to: aTo, other: wb.id, otherText: bText, stems: aStems, otherStems: bStems, similarity });
      swaps.push({ article: wb.id, from: bFrom, to: bTo, other: wa.id, otherText: aText, stems: bStems, otherStems: aStems, similarity });
    });
  }
  return swaps;
}
