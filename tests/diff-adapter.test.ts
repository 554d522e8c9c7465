import { describe, expect, it } from 'vitest';
import { alignSequences, diffWordsBounded, gluedAt, isGlued, widenToCompounds, type SequenceRun } from '../lib/adapters/diff';
import { randomBelow } from './helpers/random';
import { tokenize } from '../lib/normalize';

const whole = (text: string) => ({ start: 0, end: text.length });

/** A seeded word salad, so "very different" texts are the same on every run. */
function words(count: number, seed: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(`w${state % 5000}`);
  }
  return out.join(' ');
}

describe('alignSequences', () => {
  it('splits two sequences into same and changed runs with token ranges', () => {
    const out = alignSequences(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
    expect(out?.runs).toEqual([
      { kind: 'same', aStart: 0, aEnd: 1, bStart: 0, bEnd: 1 },
      { kind: 'changed', aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { kind: 'same', aStart: 2, aEnd: 4, bStart: 2, bEnd: 4 },
      { kind: 'changed', aStart: 4, aEnd: 4, bStart: 4, bEnd: 5 },
    ]);
    expect(out?.common).toBe(3);
    expect(out?.similarity).toBeCloseTo(6 / 9);
    expect(out?.containment).toBeCloseTo(3 / 4);
  });

  it('calls identical and empty sequences fully similar', () => {
    expect(alignSequences([1, 2, 3], [1, 2, 3])).toMatchObject({ similarity: 1, containment: 1, common: 3 });
    expect(alignSequences([], [])).toMatchObject({ runs: [], similarity: 1 });
    expect(alignSequences([], ['a'])).toMatchObject({ similarity: 0, containment: 0 });
  });

  it('returns undefined when the edit length passes maxEditLength', () => {
    expect(alignSequences(['a', 'b', 'c'], ['x', 'y', 'z'], { maxEditLength: 2 })).toBeUndefined();
    expect(alignSequences(['a', 'b', 'c'], ['a', 'y', 'c'], { maxEditLength: 2 })).toBeDefined();
  });

  it('gives up on very different long texts instead of running for seconds', () => {
    const a = words(20_000, 1).split(' ');
    const b = words(20_000, 2).split(' ');
    expect(alignSequences(a, b, { timeoutMs: 10 })).toBeUndefined();
    expect(alignSequences(a, b, { maxEditLength: 50 })).toBeUndefined();
  });

  it('gives up before diffing when the differing middles pass maxWork, however much time is left', () => {
    const a = words(2_000, 1).split(' ');
    const b = words(2_000, 2).split(' ');
    expect(alignSequences(a, b, { maxWork: 1_000_000, timeoutMs: Infinity })).toBeUndefined();
    // A shared head and tail are not work: the same long texts with one word changed still diff.
    const c = [...a];
    c[1_000] = 'changed';
    expect(alignSequences(a, c, { maxWork: 1_000_000 })?.runs.filter((r) => r.kind === 'changed')).toHaveLength(1);
    expect(alignSequences(a.slice(0, 900), b.slice(0, 900), { maxWork: 1_000_000, timeoutMs: Infinity })).toBeDefined();
  });
});

describe('diffWordsBounded', () => {
  it('quotes a hyphenated swap whole: "foreign-backed" against "foreign-sponsored"', () => {
    const a = 'Syria has been gripped by foreign-backed militancy since March 2011.';
    const b = 'Syria has been gripped by foreign-sponsored militancy since March 2011.';
    const out = diffWordsBounded(a, whole(a), b, whole(b));
    expect(out?.changes).toEqual([
      { a: { start: 26, end: 40, text: 'foreign-backed' }, b: { start: 26, end: 43, text: 'foreign-sponsored' } },
    ]);
  });

  it('does not count curly against straight apostrophes or case as a change', () => {
    const a = 'The recapture of Dara’a is highly important.';
    const b = "the recapture of Dara'a is highly important";
    expect(diffWordsBounded(a, whole(a), b, whole(b))).toMatchObject({ similarity: 1, changes: [] });
  });

  it('marks words only one side has with an empty quote at the next word', () => {
    const a = 'between Israel and militants';
    const b = 'between Israel and the militants';
    const out = diffWordsBounded(a, whole(a), b, whole(b));
    expect(out?.changes).toEqual([{ a: { start: 19, end: 19, text: '' }, b: { start: 19, end: 22, text: 'the' } }]);
  });

  it('works on spans inside larger texts, with offsets into those texts', () => {
    const a = 'Intro.\n\nwounded militants for years';
    const b = 'wounded terrorists for years';
    const out = diffWordsBounded(a, { start: 8, end: a.length }, b, whole(b));
    expect(out?.changes).toEqual([{ a: { start: 16, end: 25, text: 'militants' }, b: { start: 8, end: 18, text: 'terrorists' } }]);
  });

  it('returns undefined for very different long texts under a small bound', () => {
    const a = words(5_000, 3);
    const b = words(5_000, 4);
    expect(diffWordsBounded(a, whole(a), b, whole(b), { maxEditLength: 100 })).toBeUndefined();
    expect(diffWordsBounded(a, whole(a), b, whole(b), { timeoutMs: 5 })).toBeUndefined();
  });
});

describe('widenToCompounds', () => {
  it('merges changed runs that meet after widening over a glued token', () => {
    const runs = [
      { kind: 'changed' as const, aStart: 0, aEnd: 1, bStart: 0, bEnd: 1 },
      { kind: 'same' as const, aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { kind: 'changed' as const, aStart: 2, aEnd: 3, bStart: 2, bEnd: 3 },
    ];
    const glued = (t: number) => t === 1 || t === 2;
    expect(widenToCompounds(runs, glued, glued, 3, 3)).toEqual([{ kind: 'changed', aStart: 0, aEnd: 3, bStart: 0, bEnd: 3 }]);
  });

  it('widens and merges as the plain step-by-step version does, on random alignments and glue', () => {
    const below = randomBelow(2024);
    let merged = 0;
    for (let c = 0; c < 3000; c++) {
      const a = Array.from({ length: 1 + below(14) }, () => below(3));
      const b = Array.from({ length: 1 + below(14) }, () => below(3));
      const runs = alignSequences(a, b)?.runs ?? [];
      // Glue is dense enough that chains cross whole runs, so merged runs can end past the later run.
      const glueA = new Set(Array.from({ length: a.length }, (_, t) => t).filter(() => below(5) < 2));
      const glueB = new Set(Array.from({ length: b.length }, (_, t) => t).filter(() => below(5) < 2));
      const gluedA = (t: number) => glueA.has(t);
      const gluedB = (t: number) => glueB.has(t);
      const plain = widenPlain(runs, gluedA, gluedB, a.length, b.length);
      if (plain.length < runs.filter((r) => r.kind === 'changed').length) merged++;
      expect(widenToCompounds(runs, gluedA, gluedB, a.length, b.length)).toEqual(plain);
    }
    expect(merged).toBeGreaterThan(100);
  });
});

/** widenToCompounds as first written: one step at a time, a meeting run merged into the last in place. */
function widenPlain(
  runs: readonly SequenceRun[],
  gluedA: (t: number) => boolean,
  gluedB: (t: number) => boolean,
  lengthA: number,
  lengthB: number,
): SequenceRun[] {
  const out: SequenceRun[] = [];
  for (const run of runs) {
    if (run.kind !== 'changed') continue;
    const r: SequenceRun = { ...run };
    const hasA = r.aEnd > r.aStart;
    const hasB = r.bEnd > r.bStart;
    while (r.aStart > 0 && r.bStart > 0 && ((hasA && gluedA(r.aStart)) || (hasB && gluedB(r.bStart)))) {
      r.aStart--;
      r.bStart--;
    }
    while (r.aEnd < lengthA && r.bEnd < lengthB && ((hasA && gluedA(r.aEnd)) || (hasB && gluedB(r.bEnd)))) {
      r.aEnd++;
      r.bEnd++;
    }
    const last = out[out.length - 1];
    if (last && r.aStart <= last.aEnd) {
      last.aEnd = Math.max(last.aEnd, r.aEnd);
      last.bEnd = Math.max(last.bEnd, r.bEnd);
    } else out.push(r);
  }
  return out;
}

describe('gluedAt', () => {
  it('joins two tokens across exactly one hyphen, as isGlued does from their spans', () => {
    const text = 'foreign-backed foreign‐sponsored Turkish‑backed anti - Assad pro–Kremlin well--known';
    const tokens = tokenize(text);
    const joined = tokens.slice(1).flatMap((t, k) => (gluedAt(text, tokens[k]!.end, t.start) ? [`${tokens[k]!.norm}+${t.norm}`] : []));
    expect(joined).toEqual(['foreign+backed', 'foreign+sponsored', 'turkish+backed']);
    tokens.slice(1).forEach((t, k) => expect(gluedAt(text, tokens[k]!.end, t.start)).toBe(isGlued(text, tokens[k], t)));
  });
});
