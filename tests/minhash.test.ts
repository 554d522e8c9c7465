import { describe, expect, it } from 'vitest';
import {
  byteSketch,
  EMPTY,
  estimateJaccard,
  fmix32,
  jaccardAtLeast,
  jaccardCannotReach,
  minhashSignatures,
} from '../lib/boilerplate/minhash';

/** Word-id paragraphs drawn from a small vocabulary, so some of them overlap. */
function paragraphs(count: number, seed: number): number[][] {
  let state = seed;
  const next = (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % below;
  };
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
      const sig = minhashSignatures(words, hashes);
      words.forEach((ids, p) => expect([...sig.subarray(p * hashes, (p + 1) * hashes)]).toEqual(reference(ids, hashes)));
    }
  });

  it('estimates identical paragraphs as Jaccard 1', () => {
    const sig = minhashSignatures([[1, 2, 3, 4], [1, 2, 3, 4]], 64);
    expect(estimateJaccard(sig, 64, 0, 1)).toBe(1);
  });
});

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
