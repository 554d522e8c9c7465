import { describe, expect, it } from 'vitest';
import { EMPTY, estimateJaccard, jaccardAtLeast, minhashSignatures } from '../lib/boilerplate/minhash';

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
