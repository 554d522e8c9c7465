import { describe, expect, it } from 'vitest';
import { alignSequences } from '../lib/adapters/diff';
import { LcsScratch } from '../lib/boilerplate/lcs';
import { randomBelow } from './helpers/random';

/** Textbook O(n·m) dynamic programme, the reference the bit-parallel version must agree with. */
function lcsByTable(a: readonly number[], b: readonly number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row.push(x === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, row[j - 1] ?? 0));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** A seeded sequence of ids below `alphabet`. */
function sequence(length: number, alphabet: number, seed: number): number[] {
  const next = randomBelow(seed);
  return Array.from({ length }, () => next(alphabet));
}

describe('LcsScratch.length', () => {
  const lcs = new LcsScratch();

  it('gives 0 when either side is empty and the length for identical sequences', () => {
    expect(lcs.length([], [1, 2, 3])).toBe(0);
    expect(lcs.length([4, 5], [])).toBe(0);
    expect(lcs.length([1, 2, 3, 2, 1], [1, 2, 3, 2, 1])).toBe(5);
  });

  it('counts an in-order common subsequence, not shared words', () => {
    expect(lcs.length([1, 2, 3, 4], [4, 3, 2, 1])).toBe(1);
    expect(lcs.length([1, 2, 9, 3, 4], [1, 2, 3, 7, 4])).toBe(4);
  });

  it('agrees with the textbook table across word boundaries of the bit vector (lengths 1-200)', () => {
    for (let k = 0; k < 300; k++) {
      const a = sequence(1 + ((k * 37) % 200), 3 + (k % 40), k + 1);
      const b = sequence(1 + ((k * 53) % 200), 3 + (k % 40), k + 1000);
      expect(lcs.length(a, b)).toBe(lcsByTable(a, b));
    }
  });

  it('agrees with the common words of a jsdiff alignment', () => {
    for (let k = 0; k < 50; k++) {
      const a = sequence(60, 20, k + 7);
      const b = a.map((x, i) => ((i * 7 + k) % 5 === 0 ? x + 100 : x)).filter((_, i) => (i + k) % 11 !== 0);
      expect(lcs.length(a, b)).toBe(alignSequences(a, b)?.common);
    }
  });

  it('gives lengthIn of two ranges of one array the length of the two slices, either side shorter', () => {
    const next = randomBelow(29);
    const ids = Int32Array.from(sequence(3000, 30, 31));
    for (let k = 0; k < 300; k++) {
      const aFrom = next(2800);
      const aTo = aFrom + next(k % 3 === 0 ? 150 : 70);
      const bFrom = next(2800);
      const bTo = bFrom + next(k % 5 === 0 ? 150 : 70);
      const slices = lcsByTable([...ids.subarray(aFrom, aTo)], [...ids.subarray(bFrom, bTo)]);
      expect(lcs.lengthIn(ids, aFrom, aTo, ids, bFrom, bTo), `${aFrom}-${aTo} / ${bFrom}-${bTo}`).toBe(slices);
      expect(lcs.lengthIn(ids, bFrom, bTo, ids, aFrom, aTo)).toBe(slices);
    }
  });

  it('handles large word ids and reuse between calls of different sizes', () => {
    expect(lcs.length([1_000_000, 5, 2_000_000], [5, 2_000_000])).toBe(2);
    expect(lcs.length([1], [1])).toBe(1);
  });
});
