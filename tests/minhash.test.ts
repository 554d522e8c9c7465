import { describe, expect, it } from 'vitest';
import {
  byteSketch,
  EMPTY,
  estimateJaccard,
  fmix32,
  forEachCandidate,
  allowedDifferences,
  jaccardAtLeast,
  jaccardCannotReach,
  rangeSignatures,
} from '../lib/boilerplate/minhash';
import { hasSimdKernels, SimdSketch } from '../lib/boilerplate/minhash-simd';
import { splitParagraphs } from '../lib/segment';
import { tokenRange, tokenTable, Vocabulary } from '../lib/token-table';
import { randomBelow } from './helpers/random';
import { SEED_IDS, seedText } from './helpers/seeds';

/** `rangeSignatures` of paragraphs given as lists of word ids, laid end to end for it. */
function minhashSignatures(words: readonly ArrayLike<number>[], hashes: number, options: { simd?: boolean } = {}): Uint32Array {
  const firstToken = new Int32Array(words.length + 1);
  for (let p = 0; p < words.length; p++) firstToken[p + 1] = firstToken[p]! + words[p]!.length;
  const ids = new Int32Array(firstToken[words.length]!);
  for (let p = 0; p < words.length; p++) ids.set(words[p]!, firstToken[p]);
  return rangeSignatures(ids, firstToken, hashes, options);
}

/** Word-id paragraphs drawn from a small vocabulary, so some of them overlap. */
function paragraphs(count: number, seed: number): number[][] {
  const next = randomBelow(seed);
  return Array.from({ length: count }, () => Array.from({ length: next(40) }, () => next(60)));
}

describe('minhashSignatures', () => {
  it('gives each row the minimum of its permutation over the unigram and bigram shingles', () => {
    const words = paragraphs(30, 3);
    const sig = minhashSignatures(words, 5);
    // The same paragraph always gets the same signature, and an empty one stays EMPTY.
    expect(minhashSignatures([words[0]!], 5)).toEqual(sig.subarray(0, 5));
    expect([...minhashSignatures([[]], 5)]).toEqual([EMPTY, EMPTY, EMPTY, EMPTY, EMPTY]);
  });

  it('equals a row-by-row computation of the documented permutations, whatever the number of rows', () => {
    // The signature loop takes several rows per pass over the shingles; this is the plain definition.
    const reference = (ids: readonly number[], hashes: number): number[] => {
      const shingles: number[] = [];
      let prev = 0;
      ids.forEach((id, t) => {
        const h = fmix32(Math.imul(id + 1, 0x9e3779b1));
        shingles.push(h);
        if (t > 0) shingles.push(fmix32(Math.imul(prev, 0x01000193) ^ h ^ 0x5bd1e995));
        prev = h;
      });
      return Array.from({ length: hashes }, (_, k) => {
        const seed = fmix32(0x9e3779b9 + k * 0x632be5ab);
        if (!shingles.length) return EMPTY;
        return Math.min(...shingles.map((s) => {
          const x = Math.imul(s ^ seed, 0x9e3779b1);
          return (x ^ (x >>> 15)) >>> 0;
        }));
      });
    };
    const words = paragraphs(40, 11);
    for (const hashes of [1, 3, 4, 5, 7, 64]) {
      for (const simd of [true, false]) {
        const sig = minhashSignatures(words, hashes, { simd });
        words.forEach((ids, p) => expect([...sig.subarray(p * hashes, (p + 1) * hashes)]).toEqual(reference(ids, hashes)));
      }
    }
  });

  it('computes the same rows with WebAssembly SIMD as in JavaScript, chunk edges and long paragraphs included', () => {
    // Node 20 has WebAssembly SIMD: without it both calls would take the JavaScript path.
    expect(hasSimdKernels()).toBe(true);
    const next = randomBelow(17);
    // 1,300 paragraphs cross the kernel's chunks of 512; a fifth are empty, a few are longer than its
    // first shingle buffer (65,536 shingles), and one far longer than any paragraph the kernel has
    // seen (600,000 shingles), which makes it grow its memory mid-chunk.
    const words = Array.from({ length: 1300 }, (_, p) => {
      const length = p % 5 === 0 ? 0 : p === 601 ? 300000 : p % 331 === 7 ? 35000 + next(5000) : next(120);
      return Int32Array.from({ length }, () => next(2000));
    });
    for (const hashes of [1, 2, 3, 5, 6, 13, 64, 65]) {
      expectSameRows(minhashSignatures(words, hashes), minhashSignatures(words, hashes, { simd: false }), `${hashes} hashes`);
    }
    // And the seeds' paragraphs, as the near-duplicate pass numbers their words.
    const vocabulary = new Vocabulary();
    const seeds = SEED_IDS.flatMap((id) => {
      const text = seedText(id);
      const table = tokenTable(text, vocabulary);
      return splitParagraphs(text).map((span) => {
        const range = tokenRange(table, span.start, span.end);
        return range ? table.ids.subarray(range[0], range[1]) : new Int32Array(0);
      });
    });
    expect(seeds.length).toBeGreaterThan(50);
    expectSameRows(minhashSignatures(seeds, 64), minhashSignatures(seeds, 64, { simd: false }), 'seeds');
  });

  it('estimates identical paragraphs as Jaccard 1', () => {
    const sig = minhashSignatures([[1, 2, 3, 4], [1, 2, 3, 4]], 64);
    expect(estimateJaccard(sig, 64, 0, 1)).toBe(1);
  });
});

/** Equal signature arrays, reported by the first differing value (a deep equality of long arrays is slow). */
function expectSameRows(seen: Uint32Array, expected: Uint32Array, what: string): void {
  let first = 0;
  while (first < seen.length && seen[first] === expected[first]) first++;
  expect(first === seen.length && seen.length === expected.length ? 'same' : `${what}: differ at value ${first} of ${expected.length}`).toBe('same');
}

describe('jaccardAtLeast', () => {
  it('answers exactly as estimateJaccard >= min, for every pair and threshold', () => {
    const words = paragraphs(60, 11);
    for (const hashes of [1, 7, 64]) {
      const sig = minhashSignatures(words, hashes);
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          for (const min of [0, 0.1, 0.3, 0.5, 0.9, 1]) {
            expect(jaccardAtLeast(sig, hashes, i, j, min)).toBe(estimateJaccard(sig, hashes, i, j) >= min);
          }
        }
      }
    }
  });
});

describe('jaccardCannotReach', () => {
  it('holds each signature value\'s low eight bits, four to a word', () => {
    const sig = minhashSignatures(paragraphs(9, 5), 6);
    const sketch = byteSketch(sig, 6);
    expect(sketch.length).toBe(9 * 2);
    for (let p = 0; p < 9; p++) {
      for (let k = 0; k < 6; k++) {
        expect((sketch[p * 2 + (k >> 2)]! >>> ((k & 3) * 8)) & 255).toBe(sig[p * 6 + k]! & 255);
      }
    }
  });

  it('never rules out a pair that reaches the threshold, and rules out most pairs that do not', () => {
    // Random paragraphs, and near-copies of half of them (one word in five replaced), so that many
    // pairs reach each threshold.
    const base = paragraphs(80, 23);
    const edits = paragraphs(40, 29);
    const words = [...base, ...base.slice(0, 40).map((ids, p) => ids.map((id, k) => (k % 5 === 2 ? (edits[p]![k] ?? id + 1) : id)))];
    for (const hashes of [1, 3, 4, 7, 64]) {
      const sig = minhashSignatures(words, hashes);
      const sketch = byteSketch(sig, hashes);
      for (const min of [0, 0.1, 0.3, 0.5, 0.9, 1]) {
        let below = 0;
        let reached = 0;
        let ruledOut = 0;
        for (let i = 0; i < words.length; i++) {
          for (let j = i + 1; j < words.length; j++) {
            const reaches = jaccardAtLeast(sig, hashes, i, j, min);
            const cannot = jaccardCannotReach(sketch, hashes, i, j, min);
            if (reaches) {
              reached++;
              expect(cannot, `pair ${i},${j} at ${min} with ${hashes} hashes`).toBe(false);
            } else below++;
            if (cannot) ruledOut++;
          }
        }
        // A bound that never rules anything out would be useless (and would pass the test above); at the
        // default threshold (0.3) it should rule out nearly all pairs below it.
        if (hashes === 64 && min >= 0.3) expect(ruledOut / below).toBeGreaterThan(0.9);
        // ...and the first test must have had pairs to check.
        if (min <= 0.5) expect(reached).toBeGreaterThan(10);
      }
    }
  });
});

describe('jaccardCannotReach', () => {
  it('is exactly "more sketch bytes differ than the threshold allows"', () => {
    const base = paragraphs(60, 31);
    const words = [...base, ...base.map((ids) => ids.map((id, k) => (k % 4 === 1 ? id + 1 : id)))];
    for (const hashes of [1, 5, 8, 63, 64]) {
      const sig = minhashSignatures(words, hashes);
      const sketch = byteSketch(sig, hashes);
      for (const min of [0, 0.3, 0.7, 1]) {
        const allowed = hashes - Math.ceil(min * hashes - 1e-9);
        const wrong: string[] = [];
        let ruledOut = 0;
        for (let i = 0; i < words.length; i++) {
          for (let j = 0; j < words.length; j++) {
            let differing = 0;
            for (let k = 0; k < hashes; k++) if ((sig[i * hashes + k]! & 255) !== (sig[j * hashes + k]! & 255)) differing++;
            const cannot = jaccardCannotReach(sketch, hashes, i, j, min);
            if (cannot !== differing > allowed) wrong.push(`${i},${j}`);
            if (cannot) ruledOut++;
          }
        }
        expect(wrong, `${hashes} hashes, min ${min}`).toEqual([]);
        if (min > 0 && hashes > 1) expect(ruledOut).toBeGreaterThan(0);
      }
    }
  });
});

describe('SimdSketch', () => {
  it('keeps exactly the bucket pairs jaccardCannotReach does not rule out, in the walk order', () => {
    expect(hasSimdKernels()).toBe(true);
    const next = randomBelow(37);
    // Random paragraphs and near-copies of them, so that all thresholds keep some pairs and drop others.
    const base = paragraphs(150, 43);
    const words = [...base, ...base.map((ids) => ids.map((id) => (next(6) === 0 ? id + 1 : id)))];
    let keptPairs = 0;
    let ruledOut = 0;
    for (const hashes of [1, 5, 16, 17, 64]) {
      const sig = minhashSignatures(words, hashes);
      const sketch = byteSketch(sig, hashes);
      for (const window of [0, 1, 5, 40]) {
        const simd = SimdSketch.of(sig, hashes, window)!;
        // Buckets of paragraphs in random order, the last one larger than the kernel's first room (1,024).
        for (const size of [2, 3, 9, 30, 1500]) {
          const members = Int32Array.from({ length: size + 4 }, () => next(words.length));
          for (const min of [0, 0.3, 0.6, 1, 1.5, Number.NaN]) {
            const expected: number[] = [];
            let visited = 0;
            for (let a = 2; a < size + 2; a++) {
              for (let b = a + 1; b < Math.min(size + 2, a + 1 + window); b++) {
                visited++;
                if (!jaccardCannotReach(sketch, hashes, members[a]!, members[b]!, min)) expected.push(a - 2, b - 2);
              }
            }
            const kept = simd.passing(members, 2, size + 2, allowedDifferences(hashes, min));
            expect([...simd.pairs.subarray(0, 2 * kept)], `${hashes} hashes, window ${window}, ${size} members, min ${min}`).toEqual(expected);
            keptPairs += kept;
            ruledOut += visited - kept;
          }
        }
      }
    }
    // Both answers must have come up often.
    expect(keptPairs).toBeGreaterThan(1000);
    expect(ruledOut).toBeGreaterThan(1000);
  });
});

/** The banding walk as first written (one packed Float64Array sort per band), the order the fast one must keep. */
function candidatesByPackedSort(sig: Uint32Array, n: number, o: { hashes: number; rowsPerBand: number; bucketWindow: number }): number[] {
  const out: number[] = [];
  const rows = Math.max(1, o.rowsPerBand);
  const bands = Math.floor(o.hashes / rows);
  const keys = new Uint32Array(n);
  for (let band = 0; band < bands; band++) {
    const order: number[] = [];
    for (let p = 0; p < n; p++) {
      const base = p * o.hashes + band * rows;
      if (sig[base] === EMPTY) continue;
      let key = band;
      for (let r = 0; r < rows; r++) key = fmix32(Math.imul(key, 0x27d4eb2d) ^ (sig[base + r] ?? 0));
      keys[p] = key >>> 0;
      order.push(p);
    }
    const sorted = Float64Array.from(order, (p) => keys[p]! * 2 ** 21 + p)
      .sort()
      .map((x) => x % 2 ** 21);
    let runStart = 0;
    for (let x = 1; x <= sorted.length; x++) {
      if (x < sorted.length && keys[sorted[x]!] === keys[sorted[runStart]!]) continue;
      for (let a = runStart; a < x; a++) {
        for (let b = a + 1; b < Math.min(x, a + 1 + o.bucketWindow); b++) out.push(sorted[a]!, sorted[b]!);
      }
      runStart = x;
    }
  }
  return out;
}

/** Equal visit lists, reported by the first difference (a deep equality of long arrays is slow). */
function expectSameVisits(seen: number[], expected: number[]): void {
  let first = 0;
  while (first < seen.length && seen[first] === expected[first]) first++;
  expect(first === seen.length && seen.length === expected.length ? 'same' : `differ at visit ${first >> 1} of ${expected.length >> 1}`).toBe('same');
}

describe('forEachCandidate', () => {
  it('visits the same pairs in the same order as one sort per band, crowded buckets and empty paragraphs included', () => {
    // Many exact copies make crowded buckets (one key repeated) that share their first sorting pass
    // with other keys; near-copies and empty paragraphs fill in the rest.
    for (const [count, seed] of [[40, 5], [300, 7], [1500, 11]] as const) {
      const base = paragraphs(count, seed);
      const words = base.map((ids, p) => (p % 3 === 0 ? base[0]! : p % 3 === 1 && p > 6 ? base[p - 6]!.map((id, k) => (k % 7 === 3 ? id + 60 : id)) : ids));
      words[2] = [];
      for (const hashes of [7, 64]) {
        const sig = minhashSignatures(words, hashes);
        for (const [rowsPerBand, bucketWindow] of [[2, 5], [1, 3], [3, 1], [2, 40]] as const) {
          const o = { hashes, rowsPerBand, bucketWindow };
          const seen: number[] = [];
          forEachCandidate(sig, words.length, o, (i, j) => seen.push(i, j));
          expect(seen.length).toBeGreaterThan(0);
          expectSameVisits(seen, candidatesByPackedSort(sig, words.length, o));
        }
      }
    }
  });

  it('sorts keys that share their first bits but arrive out of order (the radix path of a large bucket)', () => {
    // 600 paragraphs: half of them one repeated paragraph (a crowded key), the rest distinct, so the
    // crowded key's first-pass bucket also holds other keys, before and after it.
    const base = paragraphs(600, 13);
    const words = base.map((ids, p) => (p % 2 === 0 ? [1, 2, 3, 4, 5, 6, 7] : [...ids, 1000 + p]));
    const sig = minhashSignatures(words, 64);
    const o = { hashes: 64, rowsPerBand: 2, bucketWindow: 5 };
    const seen: number[] = [];
    forEachCandidate(sig, words.length, o, (i, j) => seen.push(i, j));
    expectSameVisits(seen, candidatesByPackedSort(sig, words.length, o));
  });
});
