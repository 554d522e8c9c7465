/**
 * MinHash signatures over word unigram+bigram shingles and LSH banding: the candidate-pair generator
 * of the near-duplicate pass, linear in the number of paragraphs.
 */
import { simdSignatures } from './minhash-simd';

/** How signatures are cut into bands and how crowded buckets are walked. */
export interface BandingOptions {
  hashes: number;
  rowsPerBand: number;
  bucketWindow: number;
}

/** MurmurHash3's finaliser: a fast bijective 32-bit mixer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Signature value of a paragraph without words (never a real minimum, as it is skipped). */
export const EMPTY = 0xffffffff;

/** The row seeds of a signature of `hashes` values: row k maps x -> xorshift15(imul(x ^ seeds[k], odd)). */
function rowSeeds(hashes: number): Int32Array {
  return Int32Array.from({ length: hashes }, (_, k) => fmix32(0x9e3779b9 + k * 0x632be5ab));
}

/**
 * Writes the shingle hashes of a paragraph's word ids, `ids[from..to)`, into `into` from `at`: each
 * word's hash, and after the first each bigram's; returns their count (2·words − 1, or 0).
 */
function shingles(ids: ArrayLike<number>, from: number, to: number, into: Int32Array, at: number): number {
  let m = at;
  let prev = 0;
  for (let t = from; t < to; t++) {
    const h = fmix32(Math.imul((ids[t] ?? 0) + 1, 0x9e3779b1));
    into[m++] = h;
    if (t > from) into[m++] = fmix32(Math.imul(prev, 0x01000193) ^ h ^ 0x5bd1e995);
    prev = h;
  }
  return m - at;
}

/**
 * One signature of `hashes` minimums per paragraph, over its unigram and bigram shingles; paragraph
 * p's word ids are `ids[firstToken[p]..firstToken[p + 1])`, laid end to end (no view per paragraph:
 * an object each, ~35,000 at 10 MB, kept for the whole near-duplicate pass). Unigrams keep short
 * paragraphs findable and bigrams keep order; word trigrams alone share only 35-50% between Press TV's
 * reworded stock paragraphs, too little for cheap banding. The rows are computed four at a time by
 * WebAssembly SIMD where it is available (./minhash-simd, the same values), else by
 * {@link plainSignatures}; `simd: false` asks for the latter.
 */
export function rangeSignatures(ids: Int32Array, firstToken: Int32Array, hashes: number, { simd = true } = {}): Uint32Array {
  const seeds = rowSeeds(hashes);
  return (simd ? simdSignatures(ids, firstToken, seeds, shingles) : null) ?? plainSignatures(ids, firstToken, seeds);
}

/** {@link rangeSignatures} in JavaScript alone. */
function plainSignatures(words: Int32Array, firstToken: Int32Array, seeds: Int32Array): Uint32Array {
  const n = firstToken.length - 1;
  const hashes = seeds.length;
  const sig = new Uint32Array(n * hashes).fill(EMPTY);
  // Row k maps x -> xorshift(imul(x ^ seed_k, odd)): xor, odd multiply and xorshift are each
  // bijective, so every row is a permutation of the (already fmix-mixed) shingle hashes.
  let shingled = new Int32Array(256);
  for (let p = 0; p < n; p++) {
    const from = firstToken[p] as number;
    const to = firstToken[p + 1] as number;
    const count = to === from ? 0 : 2 * (to - from) - 1;
    if (count > shingled.length) shingled = new Int32Array(2 * count);
    const m = shingles(words, from, to, shingled, 0);
    if (m === 0) continue; // stays EMPTY
    // Four rows per pass over the shingles, so their minimums stay in registers rather than going
    // through the array (about twice as fast as one row per pass). Values are compared as unsigned
    // 32-bit integers (`>>> 0`), which V8 keeps in integer registers.
    const base = p * hashes;
    let k = 0;
    for (; k + 4 <= hashes; k += 4) {
      const seedA = seeds[k] as number;
      const seedB = seeds[k + 1] as number;
      const seedC = seeds[k + 2] as number;
      const seedD = seeds[k + 3] as number;
      let minA = 0xffffffff;
      let minB = 0xffffffff;
      let minC = 0xffffffff;
      let minD = 0xffffffff;
      for (let x = 0; x < m; x++) {
        const s = shingled[x] as number;
        const a = Math.imul(s ^ seedA, 0x9e3779b1);
        const b = Math.imul(s ^ seedB, 0x9e3779b1);
        const c = Math.imul(s ^ seedC, 0x9e3779b1);
        const d = Math.imul(s ^ seedD, 0x9e3779b1);
        const valueA = (a ^ (a >>> 15)) >>> 0;
        const valueB = (b ^ (b >>> 15)) >>> 0;
        const valueC = (c ^ (c >>> 15)) >>> 0;
        const valueD = (d ^ (d >>> 15)) >>> 0;
        if (valueA < minA) minA = valueA;
        if (valueB < minB) minB = valueB;
        if (valueC < minC) minC = valueC;
        if (valueD < minD) minD = valueD;
      }
      sig[base + k] = minA;
      sig[base + k + 1] = minB;
      sig[base + k + 2] = minC;
      sig[base + k + 3] = minD;
    }
    // Rows left over when `hashes` is not a multiple of four, one per pass.
    for (; k < hashes; k++) {
      const seed = seeds[k] as number;
      let min = 0xffffffff;
      for (let x = 0; x < m; x++) {
        const a = Math.imul((shingled[x] as number) ^ seed, 0x9e3779b1);
        const value = (a ^ (a >>> 15)) >>> 0;
        if (value < min) min = value;
      }
      sig[base + k] = min;
    }
  }
  return sig;
}

/** Share of signature positions on which two paragraphs agree: an unbiased Jaccard estimate. */
export function estimateJaccard(sig: Uint32Array, hashes: number, i: number, j: number): number {
  const a = i * hashes;
  const b = j * hashes;
  let same = 0;
  for (let k = 0; k < hashes; k++) if (sig[a + k] === sig[b + k]) same++;
  return same / hashes;
}

/**
 * Exactly `estimateJaccard(sig, hashes, i, j) >= min`, stopping as soon as the positions left cannot
 * reach `min` (most LSH candidates share only a band or two).
 */
export function jaccardAtLeast(sig: Uint32Array, hashes: number, i: number, j: number, min: number): boolean {
  const a = i * hashes;
  const b = j * hashes;
  // same / hashes >= min, in whole positions: the loop stops once `same` plus the positions left
  // falls short (no division in this loop, the hottest of the near-duplicate pass).
  const needed = Math.ceil(min * hashes - 1e-9);
  let same = 0;
  let reach = hashes;
  for (let k = 0; k < hashes; k++) {
    if (sig[a + k] === sig[b + k]) same++;
    else if (--reach < needed) return false;
  }
  return same / hashes >= min;
}

/**
 * A compact copy of the signatures for a quick first test: the low eight bits of each value, four
 * values per 32-bit word (`hashes / 4` words per paragraph, rounded up: one cache line for 64 hashes).
 * Two paragraphs whose values differ in those bits differ in the values too, so the count of differing
 * bytes is a lower bound on the count of differing values: see {@link jaccardCannotReach}.
 */
export function byteSketch(sig: Uint32Array, hashes: number): Uint32Array {
  const n = Math.floor(sig.length / hashes);
  const words = Math.ceil(hashes / 4);
  const sketch = new Uint32Array(n * words);
  for (let p = 0; p < n; p++) {
    for (let k = 0; k < hashes; k++) {
      const w = p * words + (k >> 2);
      sketch[w] = ((sketch[w] as number) | (((sig[p * hashes + k] as number) & 255) << ((k & 3) * 8))) >>> 0;
    }
  }
  return sketch;
}

/** How many of `hashes` values two signatures may differ in and still reach an estimated Jaccard of `min`. */
export function allowedDifferences(hashes: number, min: number): number {
  return hashes - Math.ceil(min * hashes - 1e-9);
}

/**
 * True when the sketches alone prove `jaccardAtLeast(sig, hashes, i, j, min)` false: more bytes
 * differ than the signatures may differ in. A quarter of the memory the signatures take, read in
 * one place; unrelated values share their low byte once in 256 times, so nearly every LSH candidate
 * below the threshold (pairs that share one band by chance) fails here.
 */
export function jaccardCannotReach(sketch: Uint32Array, hashes: number, i: number, j: number, min: number): boolean {
  const words = Math.ceil(hashes / 4);
  const allowed = allowedDifferences(hashes, min);
  const a = i * words;
  const b = j * words;
  let differing = 0;
  for (let w = 0; w < words; w++) {
    const x = (sketch[a + w] as number) ^ (sketch[b + w] as number);
    // The top bit of each byte of `zero` is set exactly when that byte of x is 0 (no carry crosses a
    // byte: each byte adds at most 0x7f + 0x7f), so the count of equal bytes is the sum of those bits.
    // Padding bytes of a last partial word are 0 on both sides, so they never count as differing.
    const zero = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
    differing += 4 - (Math.imul(zero >>> 7, 0x01010101) >>> 24);
    // Most candidates differ everywhere: stop once the bound is passed (it only grows).
    if (differing > allowed) return true;
  }
  return false;
}

/**
 * Calls `visit(i, j)` (i < j) for pairs that share an LSH bucket: each member of a bucket with the next
 * `bucketWindow` members (see {@link forEachBucket}), which keeps the pass linear however crowded a
 * bucket is.
 */
export function forEachCandidate(
  sig: Uint32Array,
  n: number,
  o: BandingOptions,
  visit: (i: number, j: number) => void,
): void {
  forEachBucket(sig, n, o, (members, from, to) => {
    for (let a = from; a < to; a++) {
      const limit = Math.min(to, a + 1 + o.bucketWindow);
      const i = members[a] as number;
      for (let b = a + 1; b < limit; b++) visit(i, members[b] as number);
    }
  });
}

/**
 * Calls `bucket(members, from, to)` for every LSH bucket of two or more paragraphs, band after band and
 * in key order within a band; the bucket's paragraphs are `members[from..to)`, in paragraph order (the
 * array is reused: read it during the call). Buckets are found by sorting each band's (key, paragraph)
 * pairs, so there is no per-bucket allocation.
 */
export function forEachBucket(
  sig: Uint32Array,
  n: number,
  o: Pick<BandingOptions, 'hashes' | 'rowsPerBand'>,
  bucket: (members: Int32Array, from: number, to: number) => void,
): void {
  const rows = Math.max(1, o.rowsPerBand);
  const bands = Math.floor(o.hashes / rows);
  // Keys are computed a few bands at a time, reading a cache line of each signature per group (one
  // band at a time read one value per row: a cache miss per paragraph and band).
  const group = Math.max(1, Math.min(bands, Math.floor(16 / rows)));
  const groupKeys = new Uint32Array(group * n);
  const groupIds = new Int32Array(group * n);
  const groupSize = new Int32Array(group);
  const keys = new Uint32Array(n);
  const ids = new Int32Array(n);
  const spareKeys = new Uint32Array(n);
  const spareIds = new Int32Array(n);
  // Buckets of a first counting pass by the keys' top bits: about eight pairs per bucket.
  const bits = Math.max(1, Math.min(16, Math.ceil(Math.log2(Math.max(2, n))) - 3));
  const shift = 32 - bits;
  const ends = new Int32Array((1 << bits) + 1);
  // The radix pass's counts, made here: made in sortBucket, the allocation was first reached (by a
  // crowded bucket) after V8 had optimised it without feedback for it, which deoptimised it.
  const counts = new Int32Array(257);
  for (let first = 0; first < bands; first += group) {
    const last = Math.min(bands, first + group);
    bandKeys(sig, n, o.hashes, rows, first, last, groupKeys, groupIds, groupSize);
    for (let band = first; band < last; band++) {
      const g = band - first;
      const m = groupSize[g] as number;
      sortBand(groupKeys, groupIds, g * n, m, shift, ends, keys, ids, spareKeys, spareIds, counts);
      let runStart = 0;
      for (let x = 1; x <= m; x++) {
        if (x < m && keys[x] === keys[runStart]) continue;
        if (x - runStart > 1) bucket(ids, runStart, x);
        runStart = x;
      }
    }
  }
}

/**
 * The keys of bands [first, last) for every paragraph with words: band `first + g`'s (key, paragraph)
 * pairs at `g·n` of `groupKeys`/`groupIds`, `groupSize[g]` of them. Its own function, like sortBand, so
 * V8 compiles this loop alone rather than the whole walk from it (on-stack replacement).
 */
function bandKeys(
  sig: Uint32Array,
  n: number,
  hashes: number,
  rows: number,
  first: number,
  last: number,
  groupKeys: Uint32Array,
  groupIds: Int32Array,
  groupSize: Int32Array,
): void {
  groupSize.fill(0);
  for (let p = 0; p < n; p++) {
    for (let band = first; band < last; band++) {
      const base = p * hashes + band * rows;
      if (sig[base] === EMPTY) continue; // no words, nothing to compare
      let key = band;
      for (let r = 0; r < rows; r++) key = fmix32(Math.imul(key, 0x27d4eb2d) ^ (sig[base + r] as number));
      const g = band - first;
      const at = g * n + (groupSize[g] as number);
      groupKeys[at] = key >>> 0;
      groupIds[at] = p;
      groupSize[g] = (groupSize[g] as number) + 1;
    }
  }
}

/**
 * Places a band's `m` (key, paragraph) pairs, read from `groupKeys`/`groupIds` at `from`, into `keys`/`ids`
 * sorted by key, paragraphs in order within a key: a stable counting pass on the top bits, then each
 * bucket sorted stably (equal keys never move past each other). A function of its own so that a
 * deoptimisation in the rarely taken radix path recompiles this, not the walk of the buckets with its
 * callback.
 */
function sortBand(
  groupKeys: Uint32Array,
  groupIds: Int32Array,
  from: number,
  m: number,
  shift: number,
  ends: Int32Array,
  keys: Uint32Array,
  ids: Int32Array,
  spareKeys: Uint32Array,
  spareIds: Int32Array,
  counts: Int32Array,
): void {
  ends.fill(0);
  for (let x = 0; x < m; x++) {
    const b = ((groupKeys[from + x] as number) >>> shift) + 1;
    ends[b] = (ends[b] as number) + 1;
  }
  for (let b = 1; b < ends.length; b++) ends[b] = (ends[b] as number) + (ends[b - 1] as number);
  for (let x = 0; x < m; x++) {
    const key = groupKeys[from + x] as number;
    const at = ends[key >>> shift] as number;
    ends[key >>> shift] = at + 1;
    keys[at] = key;
    ids[at] = groupIds[from + x] as number;
  }
  let start = 0;
  for (let b = 0; b < ends.length - 1; b++) {
    const end = ends[b] as number;
    if (end - start > 1) sortBucket(keys, ids, start, end, spareKeys, spareIds, counts);
    start = end;
  }
}

/**
 * Stable sort of `keys[from, to)` (with `ids` alongside): insertion for small ranges and ranges already
 * in order (a crowded bucket is one repeated key), else a radix sort, a byte per pass, through the
 * spare arrays, so no range costs more than linear time.
 */
function sortBucket(
  keys: Uint32Array,
  ids: Int32Array,
  from: number,
  to: number,
  spareKeys: Uint32Array,
  spareIds: Int32Array,
  count: Int32Array,
): void {
  let ordered = true;
  for (let x = from + 1; x < to && ordered; x++) ordered = (keys[x - 1] as number) <= (keys[x] as number);
  if (ordered) return;
  if (to - from <= 32) {
    for (let x = from + 1; x < to; x++) {
      const key = keys[x] as number;
      const id = ids[x] as number;
      let y = x - 1;
      while (y >= from && (keys[y] as number) > key) {
        keys[y + 1] = keys[y] as number;
        ids[y + 1] = ids[y] as number;
        y--;
      }
      keys[y + 1] = key;
      ids[y + 1] = id;
    }
    return;
  }
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let x = from; x < to; x++) {
      const b = (((keys[x] as number) >>> shift) & 255) + 1;
      count[b] = (count[b] as number) + 1;
    }
    for (let b = 1; b < 257; b++) count[b] = (count[b] as number) + (count[b - 1] as number);
    for (let x = from; x < to; x++) {
      const key = keys[x] as number;
      const b = (key >>> shift) & 255;
      const at = from + (count[b] as number);
      count[b] = (count[b] as number) + 1;
      spareKeys[at] = key;
      spareIds[at] = ids[x] as number;
    }
    keys.set(spareKeys.subarray(from, to), from);
    ids.set(spareIds.subarray(from, to), from);
  }
}
