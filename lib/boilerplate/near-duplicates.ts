/**
 * Near-duplicate paragraphs across a corpus in near-linear time: word unigram+bigram shingles, MinHash
 * signatures and LSH banding find candidates, an exact common-subsequence length verifies them, and a
 * bounded word diff (jsdiff's, replayed in ./myers) names the swaps of the accepted ones.
 */
import { alignWith, gluedAt, widenToCompounds, type SequenceAlignment, type SequenceRun } from '../adapters/diff';
import { sliceOrKnown, tokenize } from '../normalize';
import { tokenRange, type TokenTable, type Vocabulary } from '../token-table';
import { LcsScratch } from './lcs';
import { diffIds } from './myers';
import { allowedDifferences, byteSketch, fmix32, forEachBucket, jaccardAtLeast, jaccardCannotReach, rangeSignatures } from './minhash';
import { SimdSketch } from './minhash-simd';
import type { BoilerplateDifference, BoilerplateInfo, BoilerplateMatch, ParagraphRole, Span } from '../types';

/** One article as the near-duplicate pass sees it: plain data, no disk access. */
export interface NearDuplicateDoc {
  id: string;
  /** Outlet name; `stock` needs both sides' outlets known and equal (or the same article). */
  outlet: string | null;
  text: string;
  paragraphs: readonly Span[];
  /** Roles from `classifyParagraphs`; families of non-body paragraphs with chrome are `chrome`. */
  roles?: readonly ParagraphRole[];
  /** The text's token table, when the caller has one: spares tokenising every paragraph again. */
  tokens?: TokenTable;
}

/** Tuning for {@link findNearDuplicates}; the defaults suit news paragraphs. */
export interface NearDuplicateOptions {
  /** MinHash signature length. Default 64. */
  hashes?: number;
  /** Signature values per LSH band; fewer rows find looser twins. Default 2 (32 bands of 2). */
  rowsPerBand?: number;
  /** Skip candidates whose signatures agree on fewer than this share of values. Default 0.3. */
  minEstimatedJaccard?: number;
  /** Accept a pair when 2·common/(|a|+|b|) of their word sequences reaches this. Default 0.6. */
  minSimilarity?: number;
  /** Or when this share of the shorter paragraph's words is found in order in the longer one. Default 0.8. */
  minContainment?: number;
  /** Containment only counts when the shorter paragraph has at least this many words. Default 12. */
  minContainmentWords?: number;
  /** ...and when the pair's similarity is at least this; a headline is not a copy of its lede. Default 0.45. */
  minContainmentSimilarity?: number;
  /** Shorter paragraphs (fewer words than this) only match word-for-word copies. Default 6. */
  minFuzzyWords?: number;
  /** Pairs whose shorter side has fewer words than this need `minShortSimilarity`. Default 12. */
  shortWords?: number;
  /** Similarity needed by short pairs, where a couple of shared words weigh a lot. Default 0.8. */
  minShortSimilarity?: number;
  /** In a crowded LSH bucket, compare each paragraph with this many following members. Default 5. */
  bucketWindow?: number;
  /** Twins listed per paragraph (the family itself is not capped). Default 3. */
  maxMatches?: number;
  /**
   * Time limit of the diff that lists an accepted pair's differences, in ms; a pair past it is left
   * unmatched. Default 1000: that diff is already bounded by the pair's known edit distance (well under
   * a millisecond for news paragraphs), so the limit only guards against pathological inputs. A tight
   * limit made results depend on machine load: a process paused mid-diff lost a genuine twin.
   */
  diffTimeoutMs?: number;
  /**
   * Run the MinHash and sketch kernels with WebAssembly SIMD where it is available. Default true; the
   * results are the same either way (false runs the JavaScript loops, which the tests compare).
   */
  simd?: boolean;
}

const DEFAULTS: Required<NearDuplicateOptions> = {
  hashes: 64,
  rowsPerBand: 2,
  minEstimatedJaccard: 0.3,
  minSimilarity: 0.6,
  minContainment: 0.8,
  minContainmentWords: 12,
  minContainmentSimilarity: 0.45,
  minFuzzyWords: 6,
  shortWords: 12,
  minShortSimilarity: 0.8,
  bucketWindow: 5,
  maxMatches: 3,
  diffTimeoutMs: 1000,
  simd: true,
};

/**
 * Every paragraph's listed twins, `slots` per paragraph in the order they were accepted: the twin, the
 * pair's similarity and its differences, already quoted (alignments are not kept, to save memory). Flat
 * arrays rather than a list and an object per paragraph and twin (~5 MB at 10 MB), which lived through
 * the whole pass and so were copied by every scavenge meanwhile.
 */
interface Twins {
  slots: number;
  /** Per paragraph: how many twins it lists. */
  count: Int32Array;
  /** Per slot: the twin, the similarity, and its differences' index in `differences`. */
  ids: Int32Array;
  similarity: Float64Array;
  differenceAt: Int32Array;
  differences: BoilerplateDifference[][];
}

/**
 * Finds families of near-identical paragraphs across all `docs` (and within one doc). Returns, per doc
 * and per paragraph, the paragraph's family with its twins, or null. Twins are listed both ways unless
 * a family outgrows `maxMatches`; each match carries the differing word runs with offsets into this doc.
 */
export function findNearDuplicates(
  docs: readonly NearDuplicateDoc[],
  options: NearDuplicateOptions = {},
): (BoilerplateInfo | null)[][] {
  const o = { ...DEFAULTS, ...options };
  const corpus = indexCorpus(docs);
  const n = corpus.docOf.length;
  const signatures = rangeSignatures(corpus.ids, corpus.firstToken, o.hashes, { simd: o.simd });
  // The sketch test runs bucket by bucket in the SIMD kernel when it can, else pair by pair here.
  const simdSketch = o.simd ? SimdSketch.of(signatures, o.hashes, o.bucketWindow) : null;
  const sketch = simdSketch ? null : byteSketch(signatures, o.hashes);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  // Twin counts and twin ids in dense arrays (`maxMatches` slots per paragraph): the hot skip tests
  // below should not chase per-paragraph objects, whose cache misses cost more than the tests.
  const twins: Twins = {
    slots: o.maxMatches,
    count: new Int32Array(n),
    ids: new Int32Array(n * o.maxMatches),
    similarity: new Float64Array(n * o.maxMatches),
    differenceAt: new Int32Array(n * o.maxMatches),
    differences: [],
  };
  const listed = twins.count;
  const twinIds = twins.ids;
  const rejected = new PairSet();
  const lcs = new LcsScratch();

  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[x] !== r) {
      const next = parent[x] ?? r;
      parent[x] = r;
      x = next;
    }
    return r;
  };

  // Consider a pair that shares a bucket. The tests before `verify` only return (no state changes), so
  // their order is free: cheapest and most decisive first. Most candidates share a band by chance and
  // fail the sketch (tested before `consider` is called); a pair already listed or rejected was
  // similar enough to pass it, so those lookups come after it.
  const consider = (i: number, j: number): void => {
    // Already one family and a twin list is full: the pair could only add a one-way listing, and
    // each verified pair costs a word diff, so big families stay linear (about maxMatches/2 per member).
    if (((listed[i] ?? 0) >= o.maxMatches || (listed[j] ?? 0) >= o.maxMatches) && find(i) === find(j)) return;
    if (lists(twinIds, listed, o.maxMatches, i, j) || lists(twinIds, listed, o.maxMatches, j, i)) return;
    if (rejected.has(i, j)) return;
    if (!jaccardAtLeast(signatures, o.hashes, i, j, o.minEstimatedJaccard)) return;
    const alignment = verify(corpus, i, j, o, lcs);
    if (!alignment) {
      rejected.add(i, j);
      return;
    }
    const similarity = round3(alignment.similarity);
    const listI = (listed[i] as number) < o.maxMatches;
    const listJ = (listed[j] as number) < o.maxMatches;
    if (listI || listJ) {
      // Only a side that lists the pair gets its differences (the other's list was made and dropped).
      differencesFor(docs, corpus, i, j, alignment, listI, listJ, twins.differences);
      const at = twins.differences.length - (listI && listJ ? 2 : 1);
      if (listI) addTwin(twins, i, j, similarity, at);
      if (listJ) addTwin(twins, j, i, similarity, listI ? at + 1 : at);
    }
    parent[find(i)] = find(j);
  };

  // The pairs forEachCandidate would visit, bucket by bucket, with consider's first test answered from
  // each member's family and full list looked up once per bucket rather than twice per pair: big
  // families meet again in band after band once they are settled. The cached answer can only be
  // stale towards "no" (families only merge and lists only grow), and a "no" goes to consider, which
  // tests again.
  const rootAt = new Int32Array(n);
  const fullAt = new Uint8Array(n);
  const lookUp = (members: Int32Array, from: number, to: number): void => {
    for (let x = from; x < to; x++) {
      const p = members[x] as number;
      const count = listed[p] as number;
      // A paragraph that lists no twin was never in an accepted pair (the first one would have been
      // listed), so it is still its own family: no need to read the union-find.
      rootAt[x] = count === 0 && o.maxMatches > 0 ? p : find(p);
      fullAt[x] = count >= o.maxMatches ? 1 : 0;
    }
  };
  // Bucket positions a and b already one family, with a full twin list: consider's first test, read
  // from what lookUp cached for the bucket.
  // All four reads every time: the roots were rarely read (a list is seldom full), so they had no type
  // feedback when V8 first optimised the walk, which then deoptimised at the first full list.
  const settled = (a: number, b: number): boolean => {
    const full = (fullAt[a] as number) | (fullAt[b] as number);
    const same = rootAt[a] === rootAt[b];
    return full === 1 && same;
  };
  if (simdSketch) {
    // The kernel keeps the bucket's pairs that pass the sketch, in the walk's order; most buckets keep none.
    const allowed = allowedDifferences(o.hashes, o.minEstimatedJaccard);
    forEachBucket(signatures, n, o, (members, from, to) => {
      const kept = simdSketch.passing(members, from, to, allowed);
      if (kept === 0) return;
      lookUp(members, from, to);
      const pairs = simdSketch.pairs;
      for (let q = 0; q < 2 * kept; q += 2) {
        const a = from + (pairs[q] as number);
        const b = from + (pairs[q + 1] as number);
        if (settled(a, b)) continue;
        consider(members[a] as number, members[b] as number);
      }
    });
  } else {
    const bytes = sketch as Uint32Array;
    forEachBucket(signatures, n, o, (members, from, to) => {
      lookUp(members, from, to);
      for (let a = from; a < to; a++) {
        const limit = Math.min(to, a + 1 + o.bucketWindow);
        const i = members[a] as number;
        for (let b = a + 1; b < limit; b++) {
          if (settled(a, b)) continue;
          const j = members[b] as number;
          if (!jaccardCannotReach(bytes, o.hashes, i, j, o.minEstimatedJaccard)) consider(i, j);
        }
      }
    });
  }
  return buildInfos(docs, corpus, twins, find);
}

/** Lists `other` as paragraph p's next twin, its differences at `differenceAt` in `twins.differences`. */
function addTwin(twins: Twins, p: number, other: number, similarity: number, differenceAt: number): void {
  const k = twins.count[p] as number;
  const slot = p * twins.slots + k;
  twins.ids[slot] = other;
  twins.similarity[slot] = similarity;
  twins.differenceAt[slot] = differenceAt;
  twins.count[p] = k + 1;
}

/**
 * A set of paragraph pairs, open-addressed in a typed array: the verified pairs that failed. (A Set of
 * i·n + j numbers held heap numbers past 2^30, about 35,000 paragraphs, each allocated and hashed.) A
 * pair's two paragraphs sit side by side, so a lookup of a random pair reads one cache line, not one
 * in each of two arrays.
 */
class PairSet {
  /** Slot k holds its pair at 2k (the first paragraph, -1 when empty) and 2k + 1. */
  private slots = new Int32Array(2048).fill(-1);
  private size = 0;

  has(i: number, j: number): boolean {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let at = pairHash(i, j) & mask; ; at = (at + 1) & mask) {
      const f = slots[2 * at] as number;
      if (f === -1) return false;
      if (f === i && slots[2 * at + 1] === j) return true;
    }
  }

  add(i: number, j: number): void {
    if (2 * (this.size + 1) > this.slots.length >> 1) this.grow();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let at = pairHash(i, j) & mask;
    // Both halves compared without `&&`: the second was rarely reached (a slot of the same first
    // paragraph), so it had no type feedback when V8 optimised the caller, which then deoptimised.
    for (let f = slots[2 * at] as number; f !== -1; f = slots[2 * at] as number) {
      if (((f ^ i) | ((slots[2 * at + 1] as number) ^ j)) === 0) return;
      at = (at + 1) & mask;
    }
    slots[2 * at] = i;
    slots[2 * at + 1] = j;
    this.size++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) if ((old[at] as number) !== -1) this.add(old[at] as number, old[at + 1] as number);
  }
}

function pairHash(i: number, j: number): number {
  return fmix32(Math.imul(i, 0x9e3779b1) ^ j);
}

/** True when paragraph `p` already lists paragraph `other` as a twin (this runs for every LSH candidate). */
function lists(twinIds: Int32Array, listed: Int32Array, slots: number, p: number, other: number): boolean {
  const end = p * slots + (listed[p] as number);
  for (let k = p * slots; k < end; k++) if (twinIds[k] === other) return true;
  return false;
}

// ----- Corpus index: folded word ids and offsets, flat, so 100,000 paragraphs stay small. -----

interface CorpusIndex {
  /** Per doc: its number of paragraphs. */
  paragraphCounts: Int32Array;
  docOf: Int32Array;
  paraOf: Int32Array;
  /**
   * Every token's interned word id, paragraph after paragraph (`firstToken` gives each one's start).
   * No view per paragraph: ~35,000 objects at 10 MB, kept for the whole pass; only accepted pairs take one.
   */
  ids: Int32Array;
  /** Per paragraph: offset of its first token in `ids`/`starts`/`ends` (and one past the last). */
  firstToken: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /**
   * Per word id: the last quote of a run of that one word ('' at first). Most differences are single
   * words, and the same few thousand spellings recur ~300,000 times at 10 MB: a quote that reads the
   * same is taken from here rather than sliced again, so the report holds one string per spelling.
   */
  wordQuotes: string[];
}

function indexCorpus(docs: readonly NearDuplicateDoc[]): CorpusIndex {
  const vocabulary = new Map<string, number>();
  // Sized at first for every token of the docs' token tables, which hold at least the paragraphs'
  // tokens, so the columns grow only for docs without one (growing from 65,536 to ~1.6 million tokens
  // copied each array five times).
  let capacity = 0;
  for (const doc of docs) if (doc.tokens?.text === doc.text) capacity += doc.tokens.ids.length;
  const columns = new TokenColumns(Math.max(1 << 16, capacity));
  // A shared token table's word ids, mapped once each to ours (-1: not seen yet).
  const remaps = new Map<Vocabulary, Int32Array>();
  const remapFor = (shared: Vocabulary): Int32Array => {
    let remap = remaps.get(shared);
    if (!remap || remap.length < shared.size) {
      const grown = new Int32Array(shared.size).fill(-1);
      if (remap) grown.set(remap);
      remaps.set(shared, (remap = grown));
    }
    return remap;
  };
  // Indexed loops, not forEach callbacks, and the paragraph lists read apart (their lengths, then their
  // spans): lists come with two maps (packed and holey, as their makers built them; an empty one has a
  // third), and the first list of another map deoptimised the loop that read it.
  const paragraphCounts = paragraphCountsOf(docs);
  const spans = spanBoundsOf(docs, paragraphCounts);
  // Sized from the spans, not grown by push: plain arrays of ~35,000 numbers outlived several scavenges.
  const n = spans.length >> 1;
  const docOf = new Int32Array(n);
  const paraOf = new Int32Array(n);
  const firstToken = new Int32Array(n + 1);
  const index: DocIndex = { spans, docOf, paraOf, firstToken, vocabulary, columns };
  let q = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d] as NearDuplicateDoc;
    const table = doc.tokens?.text === doc.text ? doc.tokens : undefined;
    q = indexDoc(doc, d, table, table ? remapFor(table.vocabulary) : null, q, paragraphCounts[d] as number, index);
  }
  const size = columns.size;
  firstToken[n] = size;
  const wordQuotes: string[] = [];
  for (let w = 0; w < vocabulary.size; w++) wordQuotes.push('');
  return {
    wordQuotes,
    paragraphCounts,
    ids: columns.ids.slice(0, size),
    docOf,
    paraOf,
    firstToken,
    starts: columns.starts.slice(0, size),
    ends: columns.ends.slice(0, size),
  };
}

/**
 * Word ids and offsets of every token in growable typed arrays (a million tokens in plain arrays cost
 * several times their size in garbage as the arrays grow). A class with its size in a field, not
 * variables captured by a closure: the copy loop keeps the arrays and the size in locals.
 */
class TokenColumns {
  size = 0;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Room for `extra` more tokens. */
  reserve(extra: number): void {
    while (this.size + extra > this.ids.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
  }

  push(id: number, start: number, end: number): void {
    this.reserve(1);
    this.ids[this.size] = id;
    this.starts[this.size] = start;
    this.ends[this.size] = end;
    this.size++;
  }
}

/**
 * Our id of a folded word. Ids are numbered by first occurrence, whatever the source of the tokens:
 * the MinHash shingles hash them, so the numbering decides the candidates.
 */
function idOf(vocabulary: Map<string, number>, norm: string): number {
  let id = vocabulary.get(norm);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(norm, id);
  }
  return id;
}

/** What {@link indexDoc} fills, per paragraph and token. */
interface DocIndex {
  spans: Int32Array;
  docOf: Int32Array;
  paraOf: Int32Array;
  firstToken: Int32Array;
  vocabulary: Map<string, number>;
  columns: TokenColumns;
}

/**
 * Indexes the `count` paragraphs of doc d, the first of them paragraph q of the corpus; returns the
 * next paragraph's number. A function of its own, called per doc: as the body of indexCorpus' loop it
 * was compiled on the stack (on-stack replacement) and thrown away at the next scavenge ('code
 * dependencies'), leaving the rest of the corpus to the interpreter; this one is compiled again.
 */
function indexDoc(doc: NearDuplicateDoc, d: number, table: TokenTable | undefined, remap: Int32Array | null, q: number, count: number, index: DocIndex): number {
  const { spans, docOf, paraOf, firstToken, vocabulary, columns } = index;
  for (let p = 0; p < count; p++, q++) {
    const start = spans[2 * q] as number;
    const end = spans[2 * q + 1] as number;
    docOf[q] = d;
    paraOf[q] = p;
    firstToken[q] = columns.size;
    const range = table ? tokenRange(table, start, end) : null;
    if (table && remap && range) copyTokens(table, range[0], range[1], remap, vocabulary, columns);
    else for (const token of tokenize(doc.text, start, end)) columns.push(idOf(vocabulary, token.norm), token.start, token.end);
  }
  return q;
}

/** Appends tokens [from, to) of a token table to `columns`, its word ids mapped to ours by `remap` (filled at first sight). */
function copyTokens(
  table: TokenTable,
  from: number,
  to: number,
  remap: Int32Array,
  vocabulary: Map<string, number>,
  columns: TokenColumns,
): void {
  columns.reserve(to - from);
  const { ids, starts, ends } = columns;
  const words = table.vocabulary.words;
  let size = columns.size;
  for (let k = from; k < to; k++) {
    const shared = table.ids[k] as number;
    let id = remap[shared] as number;
    if (id < 0) remap[shared] = id = idOf(vocabulary, words[shared] as string);
    ids[size] = id;
    starts[size] = table.starts[k] as number;
    ends[size] = table.ends[k] as number;
    size++;
  }
  columns.size = size;
}

/** Each doc's number of paragraphs, read in a loop of its own (see indexCorpus). */
function paragraphCountsOf(docs: readonly NearDuplicateDoc[]): Int32Array {
  const counts = new Int32Array(docs.length);
  for (let d = 0; d < docs.length; d++) counts[d] = (docs[d] as NearDuplicateDoc).paragraphs.length;
  return counts;
}

/** Every paragraph's start and end, paragraph after paragraph (two numbers each), read in a loop of its own (see indexCorpus). */
function spanBoundsOf(docs: readonly NearDuplicateDoc[], paragraphCounts: Int32Array): Int32Array {
  let total = 0;
  for (let d = 0; d < paragraphCounts.length; d++) total += paragraphCounts[d] as number;
  const bounds = new Int32Array(2 * total);
  let q = 0;
  for (let d = 0; d < docs.length; d++) {
    const paragraphs = (docs[d] as NearDuplicateDoc).paragraphs;
    for (let p = 0, count = paragraphCounts[d] as number; p < count; p++, q++) {
      const span = paragraphs[p] as Span;
      bounds[2 * q] = span.start;
      bounds[2 * q + 1] = span.end;
    }
  }
  return bounds;
}

// ----- Verification and output. -----

/**
 * Exact check of a candidate pair; undefined when it is not a near-duplicate. Both tests read only the
 * length of the longest common subsequence, which a bit-parallel pass gives in microseconds, so jsdiff
 * runs only for accepted pairs (to list their differences), bounded by their known edit distance.
 */
function verify(
  corpus: CorpusIndex,
  i: number,
  j: number,
  o: Required<NearDuplicateOptions>,
  lcs: LcsScratch,
): SequenceAlignment | undefined {
  // The pair's words are read from the flat id array by their offsets, which sit in one small array,
  // rather than through each paragraph's view (an object per paragraph, a cache miss per pair); the
  // views are only taken for the pairs accepted.
  const { ids, firstToken } = corpus;
  const aFrom = firstToken[i] as number;
  const aTo = firstToken[i + 1] as number;
  const bFrom = firstToken[j] as number;
  const bTo = firstToken[j + 1] as number;
  const total = aTo - aFrom + (bTo - bFrom);
  const shorter = Math.min(aTo - aFrom, bTo - bFrom);
  // One changed word is a third of "News / Syria": short lines such as "Related news" or
  // "Source: Press TV" would chain unrelated furniture into one family, so they must match exactly.
  if (shorter < o.minFuzzyWords && !sameWords(ids, aFrom, aTo, bFrom, bTo)) return undefined;
  // Two headlines of one story share "talks", "Russian Federation": short pairs need more in common.
  const minSimilarity = shorter < o.shortWords ? Math.max(o.minSimilarity, o.minShortSimilarity) : o.minSimilarity;
  // Edits (insertions + deletions) are total − 2·common; past both bounds neither test can pass.
  // (The bound is what a verifying diff used to stop at, so a pair over it stays rejected.)
  const bySimilarity = total * (1 - minSimilarity);
  const containable = shorter >= o.minContainmentWords;
  const byContainment = containable ? Math.min(total - 2 * o.minContainment * shorter, total * (1 - o.minContainmentSimilarity)) : -1;
  const maxEditLength = Math.floor(Math.max(bySimilarity, byContainment));
  const common = lcs.lengthIn(ids, aFrom, aTo, ids, bFrom, bTo);
  const edits = total - 2 * common;
  if (edits > maxEditLength) return undefined;
  // The same measures alignSequences reports, from the same common length.
  const similarity = total === 0 ? 1 : (2 * common) / total;
  const containment = shorter === 0 ? (total === 0 ? 1 : 0) : common / shorter;
  const bySim = similarity >= minSimilarity;
  const byCont = containable && containment >= o.minContainment && similarity >= o.minContainmentSimilarity;
  if (!bySim && !byCont) return undefined;
  // The differences come from jsdiff's walk replayed over typed arrays (the same runs, without an
  // object per step). It stops at the first edit length that reaches the end, so this bound gives the
  // same runs as any larger one; the timeout stays as a guard (a timed-out pair is left unmatched).
  const a = ids.subarray(aFrom, aTo);
  const b = ids.subarray(bFrom, bTo);
  return alignWith(a, b, { maxEditLength: edits, timeoutMs: o.diffTimeoutMs }, diffIds);
}

/** Whether `ids[aFrom..aTo)` and `ids[bFrom..bTo)` are the same words. */
function sameWords(ids: Int32Array, aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (ids[aFrom + k] !== ids[bFrom + k]) return false;
  return true;
}

function buildInfos(
  docs: readonly NearDuplicateDoc[],
  corpus: CorpusIndex,
  twins: Twins,
  find: (x: number) => number,
): (BoilerplateInfo | null)[][] {
  // What families read of each doc and paragraph, gathered first in loops of their own: the docs' and
  // roles' objects come in several shapes, which deoptimised this whole function (several times a run)
  // when they were read in its loops. The two passes over the paragraphs are functions of their own
  // too: V8 compiled the first by on-stack replacement together with the second, which had not run yet
  // and so had no type feedback, and that code deoptimised as soon as the second pass began.
  const ids = docIds(docs);
  const facts = familyFacts(docs, corpus, twins.count, find, ids);
  return infosOf(corpus, twins, find, ids, facts);
}

/** Per family (indexed by its union-find root): see {@link familyFacts}. */
interface FamilyFacts {
  /** Its lowest (article id, paragraph) member. */
  lowest: Int32Array;
  /** Whether it spans more than one outlet and more than one article (only "at most one" matters). */
  manyOutlets: Uint8Array;
  manyArticles: Uint8Array;
  /** Whether a member is body text, and whether one is chrome. */
  hasBody: Uint8Array;
  hasChrome: Uint8Array;
}

function familyFacts(
  docs: readonly NearDuplicateDoc[],
  corpus: CorpusIndex,
  listed: Int32Array,
  find: (x: number) => number,
  ids: readonly string[],
): FamilyFacts {
  const { docOf, paraOf } = corpus;
  const n = docOf.length;
  const outlets = outletNumbers(docs);
  const roles = roleCodes(docs, corpus.paragraphCounts, n);
  // The result is made before the loop, not after: V8 compiles this function on the stack in the loop,
  // and a literal after it had no type feedback then (a deopt as the loop ended).
  const facts: FamilyFacts = {
    lowest: new Int32Array(n).fill(-1),
    manyOutlets: new Uint8Array(n),
    manyArticles: new Uint8Array(n),
    hasBody: new Uint8Array(n),
    hasChrome: new Uint8Array(n),
  };
  const { lowest, manyOutlets, manyArticles, hasBody, hasChrome } = facts;
  const firstOutlet = new Int32Array(n).fill(-1);
  const firstArticle = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    if (listed[p] === 0) continue;
    const root = find(p);
    const d = docOf[p] as number;
    const best = lowest[root] as number;
    if (best < 0 || compareMembers(ids[d] as string, paraOf[p] as number, ids[docOf[best] as number] as string, paraOf[best] as number) < 0) lowest[root] = p;
    const key = outlets[d] as number;
    const first = firstOutlet[root] as number;
    if (first < 0) firstOutlet[root] = key;
    else if (first !== key) manyOutlets[root] = 1;
    if ((firstArticle[root] as number) < 0) firstArticle[root] = d;
    else if (firstArticle[root] !== d) manyArticles[root] = 1;
    const role = roles[p] as number;
    if (role === BODY) hasBody[root] = 1;
    if (role === CHROME) hasChrome[root] = 1;
  }
  return facts;
}

/** Each listed paragraph's family, kind and matches, per doc and paragraph (null for the others). */
function infosOf(
  corpus: CorpusIndex,
  twins: Twins,
  find: (x: number) => number,
  ids: readonly string[],
  facts: FamilyFacts,
): (BoilerplateInfo | null)[][] {
  const { docOf, paraOf } = corpus;
  const { lowest, manyOutlets, manyArticles, hasBody, hasChrome } = facts;
  const out = emptyRows(corpus.paragraphCounts);
  // One family name per family, not a string per member.
  const families = new Map<number, string>();
  for (let p = 0; p < docOf.length; p++) {
    if (twins.count[p] === 0) continue;
    const root = find(p);
    const head = lowest[root] as number;
    const kind: BoilerplateInfo['kind'] =
      hasBody[root] === 0 && hasChrome[root] === 1 ? 'chrome' : manyOutlets[root] === 0 || manyArticles[root] === 0 ? 'stock' : 'copied';
    const row = out[docOf[p] as number];
    let family = families.get(root);
    if (family === undefined) families.set(root, (family = `${ids[docOf[head] as number]}#${paraOf[head]}`));
    if (row) row[paraOf[p] as number] = { family, kind, matches: matchesOf(twins, p, ids, corpus) };
  }
  return out;
}

/** Role codes of {@link roleCodes}: what a family's kind reads of its members' roles. */
const BODY = 0;
const CHROME = 1;
const OTHER_ROLE = 2;

/** Each doc's id ('' for a missing one), by doc index. */
function docIds(docs: readonly NearDuplicateDoc[]): string[] {
  const ids: string[] = [];
  for (let d = 0; d < docs.length; d++) ids.push(docs[d]?.id ?? '');
  return ids;
}

/** Each doc's outlet as families compare it (trimmed, lower-case), numbered; an unknown outlet only matches its own article. */
function outletNumbers(docs: readonly NearDuplicateDoc[]): Int32Array {
  const numbers = new Map<string, number>();
  const out = new Int32Array(docs.length);
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    const outlet = doc?.outlet?.trim().toLowerCase();
    const key = outlet ? outlet : `\u0000${doc?.id ?? d}`;
    let k = numbers.get(key);
    if (k === undefined) numbers.set(key, (k = numbers.size));
    out[d] = k;
  }
  return out;
}

/** Each paragraph's role (body when not given) as BODY, CHROME or OTHER_ROLE, paragraph after paragraph. */
function roleCodes(docs: readonly NearDuplicateDoc[], paragraphCounts: Int32Array, n: number): Uint8Array {
  const codes = new Uint8Array(n);
  let p = 0;
  for (let d = 0; d < docs.length; d++) {
    const roles = (docs[d] as NearDuplicateDoc).roles;
    for (let k = 0, count = paragraphCounts[d] as number; k < count; k++) {
      const role = roles?.[k] ?? 'body';
      codes[p++] = role === 'body' ? BODY : role === 'chrome' ? CHROME : OTHER_ROLE;
    }
  }
  return codes;
}

/** A null per paragraph of each doc. */
function emptyRows(paragraphCounts: Int32Array): (BoilerplateInfo | null)[][] {
  // Array.from rather than pushes in a loop, which V8 inlined into buildInfos with a check of the list's
  // map that failed on its first push (new Array(0) also has another map than longer ones: not filled).
  return Array.from(paragraphCounts, (count) => (count > 0 ? new Array<BoilerplateInfo | null>(count).fill(null) : []));
}

/** Scratch of {@link matchesOf} (see {@link exactCopy}). */
const matchScratch: BoilerplateMatch[] = [];

/**
 * Paragraph p's twins as matches, most similar first, then by (article, paragraph). Lists hold at most
 * `maxMatches` twins, so they are placed by insertion (stable, as the sort it replaces).
 */
function matchesOf(twins: Twins, p: number, ids: readonly string[], corpus: CorpusIndex): BoilerplateMatch[] {
  const matches = matchScratch;
  const count = twins.count[p] as number;
  for (let k = 0; k < count; k++) {
    const slot = p * twins.slots + k;
    const other = twins.ids[slot] as number;
    // Similarity laid out as a double from the start (made with -0, then set): the first pairs of a
    // run are often exact copies, whose similarity 1 laid the field out as a small integer, and the
    // first fraction then changed the objects' map and deoptimised the code that makes and reads them.
    const match: BoilerplateMatch = {
      article: ids[corpus.docOf[other] as number] as string,
      paragraph: corpus.paraOf[other] as number,
      similarity: -0,
      differences: twins.differences[twins.differenceAt[slot] as number] as BoilerplateDifference[],
    };
    match.similarity = twins.similarity[slot] as number;
    let at = k;
    matches[k] = match;
    while (at > 0 && compareMatches(matches[at - 1] as BoilerplateMatch, match) > 0) {
      matches[at] = matches[at - 1] as BoilerplateMatch;
      at--;
    }
    matches[at] = match;
  }
  return exactCopy(matches, count);
}

/**
 * The first `count` items of a scratch list, as a list of exactly that many (packed, as the scratch).
 * A list built by push from empty reserves 16 slots at its first item, ~130 bytes more than a match's
 * one to three or a pair's few differences need, and these lists are kept: the report holds them.
 */
function exactCopy<T>(scratch: T[], count: number): T[] {
  return scratch.slice(0, count);
}

function compareMatches(x: BoilerplateMatch, y: BoilerplateMatch): number {
  return y.similarity - x.similarity || compareMembers(x.article, x.paragraph, y.article, y.paragraph);
}

/**
 * The differing word runs of the aligned pair (a, b), quoted and positioned from each side, pushed to
 * `out`: the list for `a` (its own words as `this`) when `forA`, then the list for `b` when `forB`.
 * Both come from one widening of the runs and share their quotes.
 */
function differencesFor(
  docs: readonly NearDuplicateDoc[],
  corpus: CorpusIndex,
  a: number,
  b: number,
  alignment: SequenceAlignment,
  forA: boolean,
  forB: boolean,
  out: BoilerplateDifference[][],
): void {
  const textA = docs[corpus.docOf[a] ?? 0]?.text ?? '';
  const textB = docs[corpus.docOf[b] ?? 0]?.text ?? '';
  const fromA = scratchA;
  const fromB = scratchB;
  const runs = widenToCompounds(
    alignment.runs,
    (t) => glued(corpus, textA, a, t),
    (t) => glued(corpus, textB, b, t),
    tokenCount(corpus, a),
    tokenCount(corpus, b),
  );
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k] as SequenceRun;
    const inA = locate(corpus, a, run.aStart, run.aEnd);
    const inB = locate(corpus, b, run.bStart, run.bEnd);
    const quoteA = quote(corpus, textA, a, run.aStart, run.aEnd, inA);
    const quoteB = quote(corpus, textB, b, run.bStart, run.bEnd, inB);
    if (forA) fromA[k] = new Difference(quoteA, quoteB, inA.start, inA.end);
    if (forB) fromB[k] = new Difference(quoteB, quoteA, inB.start, inB.end);
  }
  if (forA) out.push(exactCopy(fromA, runs.length));
  if (forB) out.push(exactCopy(fromB, runs.length));
}

/**
 * A `BoilerplateDifference` (fields in the order the literal had them). The report keeps them, and made
 * as a literal they outlived a scavenge: V8 pretenured its allocation site and threw away
 * differencesFor's optimised code ('code dependencies'), a second compile in every first 10 MB run.
 */
class Difference implements BoilerplateDifference {
  this: string;
  other: string;
  start: number;
  end: number;
  constructor(quote: string, other: string, start: number, end: number) {
    this.this = quote;
    this.other = other;
    this.start = start;
    this.end = end;
  }
}

/** Scratch lists of {@link differencesFor} (see {@link exactCopy}). */
const scratchA: BoilerplateDifference[] = [];
const scratchB: BoilerplateDifference[] = [];

/** The text of tokens [from, to) of paragraph p, at `at`; a single word's spelling is read from `corpus.wordQuotes` when it is the same. */
function quote(corpus: CorpusIndex, text: string, p: number, from: number, to: number, at: Span): string {
  if (to - from !== 1) return text.slice(at.start, at.end);
  const id = corpus.ids[(corpus.firstToken[p] as number) + from] as number;
  const last = corpus.wordQuotes[id] as string;
  const spelt = sliceOrKnown(last, text, at.start, at.end);
  if (spelt !== last) corpus.wordQuotes[id] = spelt;
  return spelt;
}

/** Whether tokens t−1 and t of paragraph p are one hyphenated word (widening asks only for 0 < t < its token count). */
function glued(corpus: CorpusIndex, text: string, p: number, t: number): boolean {
  const first = corpus.firstToken[p] ?? 0;
  return gluedAt(text, corpus.ends[first + t - 1] ?? 0, corpus.starts[first + t] ?? 0);
}

function tokenCount(corpus: CorpusIndex, p: number): number {
  return (corpus.firstToken[p + 1] ?? 0) - (corpus.firstToken[p] ?? 0);
}

/** Character span of tokens [from, to) of paragraph p; an empty range is the insertion point before token `from`. */
function locate(corpus: CorpusIndex, p: number, from: number, to: number): Span {
  const first = corpus.firstToken[p] ?? 0;
  const count = tokenCount(corpus, p);
  if (to > from) return { start: corpus.starts[first + from] ?? 0, end: corpus.ends[first + to - 1] ?? 0 };
  const at = from < count ? (corpus.starts[first + from] ?? 0) : (corpus.ends[first + count - 1] ?? 0);
  return { start: at, end: at };
}

function compareMembers(a: string, ap: number, b: string, bp: number): number {
  return a < b ? -1 : a > b ? 1 : ap - bp;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
