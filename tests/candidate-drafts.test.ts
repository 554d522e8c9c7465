import { describe, expect, it } from 'vitest';
import { DraftTable, sortStrongerFirst, type Draft } from '../lib/candidates/drafts';
import { random } from './helpers/random';

/** The merge as it was written before the table: drafts sorted by start, longest first, then folded. */
function reference(drafts: Draft<string>[]): Draft<string>[] {
  const sorted = [...drafts].sort((x, y) => x.from - y.from || y.to - x.to);
  const out: Draft<string>[] = [];
  for (const d of sorted) {
    const last = out.at(-1);
    if (last && d.from < last.to) {
      last.to = Math.max(last.to, d.to);
      for (const p of d.parts) if (!last.parts.includes(p)) last.parts.push(p);
      last.referent ??= d.referent;
      last.labelDivergence = Math.max(last.labelDivergence, d.labelDivergence);
    } else out.push({ ...d, parts: [...d.parts] });
  }
  return out;
}

describe('candidate drafts', () => {
  it('keeps one draft per token range', () => {
    const table = new DraftTable<string>(10);
    const d = table.at(3, 5);
    d.parts.push('x');
    expect(table.at(3, 5)).toBe(d);
    expect(table.at(3, 4)).not.toBe(d);
    expect(table.add(3, 5, 'y')).toBe(d);
    expect(d.parts).toEqual(['x', 'y']);
    expect(table.add(4, 5, 'z').parts).toEqual(['z']);
    expect(table.get(4, 5)?.parts).toEqual(['z']);
    expect(table.get(4, 6)).toBeUndefined();
    expect(table.size).toBe(3);
  });

  it('merges overlapping drafts by start, longest first, pooling distinct evidence', () => {
    const table = new DraftTable<string>(20);
    table.at(5, 6).parts.push('b', 'a');
    table.at(2, 3).parts.push('c');
    const long = table.at(5, 8);
    long.parts.push('a');
    long.referent = 'r';
    table.at(7, 9).labelDivergence = 0.5;
    table.at(12, 13).parts.push('d');
    const merged = table.merge((p, q) => p === q);
    expect(merged.map((d) => [d.from, d.to, d.parts, d.referent, d.labelDivergence])).toEqual([
      [2, 3, ['c'], null, 0],
      [5, 9, ['a', 'b'], 'r', 0.5],
      [12, 13, ['d'], null, 0],
    ]);
  });

  it('merges as a sort of all drafts by start and length does, on random drafts', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const tokens = 1 + Math.floor(next() * 60);
      const table = new DraftTable<string>(tokens);
      const made: Draft<string>[] = [];
      const drafts = 1 + Math.floor(next() * 30);
      for (let k = 0; k < drafts; k++) {
        const from = Math.floor(next() * tokens);
        const to = from + 1 + Math.floor(next() * Math.min(4, tokens - from));
        const e = `e${Math.floor(next() * 6)}`;
        // Found again by range whichever way it was made (add gives a new draft its one piece of evidence).
        expect(table.get(from, to)).toBe(made.find((m) => m.from === from && m.to === to));
        let d: Draft<string>;
        if (next() < 0.5) d = table.add(from, to, e);
        else {
          d = table.at(from, to);
          d.parts.push(e);
        }
        if (!made.includes(d)) made.push(d);
        if (next() < 0.2) d.referent ??= `r${k}`;
        if (next() < 0.2) d.labelDivergence = Math.max(d.labelDivergence, next());
      }
      const expected = reference(made.map((d) => ({ ...d, parts: [...d.parts] })));
      expect(table.merge((p, q) => p === q)).toEqual(expected);
    }
  });

  it('sorts evidence strongest first, ties in their order, as the stable built-in sort does', () => {
    const next = random(11);
    for (let round = 0; round < 500; round++) {
      // Few distinct strengths, so ties are common.
      const parts = Array.from({ length: Math.floor(next() * 9) }, (_, k) => ({ k, strength: Math.floor(next() * 4) / 4 }));
      const expected = [...parts].sort((p, q) => q.strength - p.strength);
      expect(sortStrongerFirst(parts)).toEqual(expected);
    }
  });
});
