import { describe, expect, it } from 'vitest';
import { logOddsZ, pooledBackground, priorOf, scoreWord, zFromPrior } from '../lib/candidates/log-odds';
import { random } from './helpers/random';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('log-odds with an informative Dirichlet prior', () => {
  const focus = counts({ militants: 15, talks: 5, russia: 4 });
  const rest = counts({ rebels: 14, talks: 6, russia: 5 });
  const pool = counts({ militants: 15, rebels: 14, talks: 11, russia: 9 });

  it('gives a word one side uses much more a significant positive z-score', () => {
    const scores = logOddsZ(focus, rest, pooledBackground(pool));
    const militants = scores.find((s) => s.word === 'militants')!;
    expect(militants.z).toBeGreaterThan(1.96);
    expect(scores[0]!.word).toBe('militants');
  });

  it('gives the rest side’s favourite word a significant negative z-score', () => {
    const rebels = logOddsZ(focus, rest, pooledBackground(pool)).find((s) => s.word === 'rebels')!;
    expect(rebels.z).toBeLessThan(-1.96);
    expect(rebels.focusCount).toBe(0);
    expect(rebels.restCount).toBe(14);
  });

  it('with minFocusCount scores only the focus side’s frequent words, with the same z as a full run', () => {
    const bg = pooledBackground(pool);
    const full = new Map(logOddsZ(focus, rest, bg).map((s) => [s.word, s.z]));
    const some = logOddsZ(focus, rest, bg, { minFocusCount: 5 });
    expect(some.map((s) => s.word).sort()).toEqual(['militants', 'talks']);
    for (const s of some) expect(s.z).toBe(full.get(s.word));
  });

  it('is antisymmetric: swapping the sides flips the sign of every score', () => {
    const bg = pooledBackground(pool);
    const ab = new Map(logOddsZ(focus, rest, bg).map((s) => [s.word, s.z]));
    for (const s of logOddsZ(rest, focus, bg)) expect(s.z).toBeCloseTo(-ab.get(s.word)!, 10);
  });

  it('does not call a word used equally by both sides distinctive', () => {
    const talks = logOddsZ(focus, rest, pooledBackground(pool)).find((s) => s.word === 'talks')!;
    expect(Math.abs(talks.z)).toBeLessThan(1);
  });

  it('does not treat a single use as significant, however rare the word', () => {
    const scores = logOddsZ(counts({ slammed: 1, said: 20 }), counts({ said: 21 }), pooledBackground(counts({ slammed: 1, said: 41 })));
    expect(scores.find((s) => s.word === 'slammed')!.z).toBeLessThan(1.96);
  });

  it('shrinks more with a larger prior', () => {
    const bg = pooledBackground(pool);
    const small = logOddsZ(focus, rest, bg, { priorSize: 100 }).find((s) => s.word === 'militants')!;
    const large = logOddsZ(focus, rest, bg, { priorSize: 100_000 }).find((s) => s.word === 'militants')!;
    expect(Math.abs(large.delta)).toBeLessThan(Math.abs(small.delta));
  });
});

describe('pooled background', () => {
  it('uses the corpus’s own frequencies when no general list is given', () => {
    const bg = pooledBackground(counts({ a: 3, b: 1 }));
    expect(bg('a')).toBeCloseTo(0.75);
    expect(bg('missing')).toBeUndefined();
  });

  it('mixes a general frequency list with the corpus by the given weight', () => {
    const bg = pooledBackground(counts({ a: 1, b: 1 }), (w) => (w === 'a' ? 0.1 : undefined), 0.5);
    expect(bg('a')).toBeCloseTo(0.5 * 0.1 + 0.5 * 0.5);
    expect(bg('b')).toBeCloseTo(0.5);
  });
});

describe('z from a prior looked up once', () => {
  it('is the very z of scoreWord, known and unknown words, any options', () => {
    const next = random(20260);
    const pool = counts({ a: 3, b: 1, c: 40 });
    const bg = pooledBackground(pool, (w) => (w === 'c' ? undefined : next() * 1e-3), next());
    for (let k = 0; k < 2000; k++) {
      const word = ['a', 'b', 'c', 'unknown'][k % 4]!;
      const options = k % 3 === 0 ? {} : { priorSize: 1 + next() * 1000, floor: next() * 1e-4 };
      const yf = Math.floor(next() * 50);
      const yr = Math.floor(next() * 50);
      const nf = yf + Math.floor(next() * 5000);
      const nr = yr + Math.floor(next() * 5000);
      const p = bg(word);
      // The same background value for the prior as scoreWord reads (the list is random per call).
      const fixed = () => p;
      expect(zFromPrior(priorOf(p, options), yf, yr, nf, nr, options)).toBe(scoreWord(word, yf, yr, nf, nr, fixed, options).z);
    }
  });
});
