import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../lib/memo';

describe('boundedMemo', () => {
  it('computes each key once, null answers included, and starts again empty past its bound', () => {
    const calls: string[] = [];
    const memo = boundedMemo((k: string) => {
      calls.push(k);
      return k === 'none' ? null : k.length;
    }, 3);
    expect([memo('a'), memo('bb'), memo('a'), memo('none'), memo('none')]).toEqual([1, 2, 1, null, null]);
    expect(calls).toEqual(['a', 'bb', 'none']);
    // A fourth key finds the memo full: it is emptied, so 'a' is computed again.
    expect([memo('dddd'), memo('a')]).toEqual([4, 1]);
    expect(calls).toEqual(['a', 'bb', 'none', 'dddd', 'a']);
  });
});
