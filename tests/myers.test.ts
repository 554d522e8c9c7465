import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { alignSequences, alignWith } from '../lib/adapters/diff';
import { diffIds } from '../lib/boilerplate/myers';
import { randomBelow } from './helpers/random';


/** A sequence and an edited copy: words swapped, dropped and inserted, as near-duplicate paragraphs differ. */
function pair(seed: number): [number[], number[]] {
  const next = randomBelow(seed);
  const alphabet = 2 + next(30);
  const a = Array.from({ length: next(70) }, () => next(alphabet));
  const rate = next(60) / 100;
  const b: number[] = [];
  for (const x of a) {
    const r = next(1000) / 1000;
    if (r < rate / 3) continue;
    if (r < (2 * rate) / 3) b.push(next(alphabet));
    else b.push(x);
    if (next(1000) / 1000 < rate / 3) b.push(next(alphabet));
  }
  return seed % 2 ? [a, b] : [b, a];
}

/** A sequence and a copy with some items dropped (either way round): one side is a subsequence of the other. */
function deletionsOnly(seed: number): [number[], number[]] {
  const next = randomBelow(seed);
  const a = Array.from({ length: next(50) }, () => next(4));
  const b = a.filter(() => next(4) > 0);
  return seed % 2 ? [a, b] : [b, a];
}

/** jsdiff's change list without the values, in the shape diffIds returns. */
function jsdiff(a: number[], b: number[], maxEditLength = a.length + b.length) {
  return diffArrays(a, b, { maxEditLength })?.map((c) => ({ count: c.count, added: c.added, removed: c.removed }));
}

describe('diffIds', () => {
  it('returns the change list jsdiff returns, on 3,000 random pairs of edited sequences', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const [a, b] = pair(seed);
      expect(diffIds(a, b, a.length + b.length)).toEqual(jsdiff(a, b));
    }
  });

  it('gives up exactly where jsdiff does under a maxEditLength', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const [a, b] = pair(seed);
      const max = randomBelow(seed + 99)(a.length + b.length + 1);
      expect(diffIds(a, b, max)).toEqual(jsdiff(a, b, max));
    }
  });

  it('returns the change list jsdiff returns with the limit at the edit distance itself, and gives up one below it', () => {
    // The near-duplicate pass diffs with its pairs' exact distance, where skipping the diagonals that
    // cannot end within the limit skips the most; pure insertions and deletions reach one end early.
    for (let seed = 1; seed <= 3000; seed++) {
      const [a, b] = seed % 3 === 0 ? deletionsOnly(seed) : pair(seed);
      const changes = jsdiff(a, b) ?? [];
      const distance = changes.reduce((n, c) => n + (c.added || c.removed ? c.count : 0), 0);
      expect(diffIds(a, b, distance)).toEqual(jsdiff(a, b, distance));
      if (distance > 0) expect(diffIds(a, b, distance - 1)).toEqual(jsdiff(a, b, distance - 1));
    }
  });

  it('handles empty and identical sequences', () => {
    expect(diffIds([], [], 0)).toEqual(jsdiff([], []));
    expect(diffIds([1, 2], [], 2)).toEqual(jsdiff([1, 2], []));
    expect(diffIds([], [3], 1)).toEqual(jsdiff([], [3]));
    expect(diffIds([4, 5, 6], [4, 5, 6], 0)).toEqual(jsdiff([4, 5, 6], [4, 5, 6]));
  });
});

describe('alignWith diffIds', () => {
  it('aligns as alignSequences does, head and tail trimmed, runs merged', () => {
    const viaIds = (a: number[], b: number[], maxEditLength?: number) =>
      alignWith(a, b, { maxEditLength }, (x, y, max) => diffIds(x, y, max));
    for (let seed = 1; seed <= 1500; seed++) {
      const [a, b] = pair(seed * 13);
      const max = seed % 3 === 0 ? undefined : randomBelow(seed)(a.length + b.length + 1);
      expect(viaIds(a, b, max)).toEqual(alignSequences(a, b, { maxEditLength: max }));
    }
  });

  it('aligns typed arrays (views of word ids) as it aligns the same plain arrays', () => {
    const diff = (x: number[], y: number[], max: number) => diffIds(x, y, max);
    for (let seed = 1; seed <= 500; seed++) {
      const [a, b] = pair(seed * 7);
      // Views into larger arrays, as the near-duplicate index and the candidates' stems hand them over.
      const va = Int32Array.from([9, ...a, 9]).subarray(1, a.length + 1);
      const vb = Int32Array.from([8, ...b]).subarray(1);
      expect(alignWith(va, vb, {}, diff)).toEqual(alignWith(a, b, {}, diff));
    }
  });
});
