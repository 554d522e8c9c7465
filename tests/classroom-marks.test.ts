import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MARK_LENGTH, addMark, decodeMarks, encodeMarks, fitMarks, normaliseMarks, removeMark, type StudentMark } from '../lib/classroom/marks';

const mark = (article: number, start: number, end: number, referent: number | null = null): StudentMark => ({ article, start, end, referent });

describe('marks codes', () => {
  it('round-trips marks through a short URL-safe code', () => {
    const marks = [mark(0, 120, 137, 0), mark(0, 1400, 1409), mark(1, 5, 20, 3)];
    const code = encodeMarks(marks);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(24);
    expect(decodeMarks(code)).toEqual({ ok: true, marks });
  });

  it('writes nothing for no marks and reads nothing back', () => {
    expect(encodeMarks([])).toBe('');
    expect(decodeMarks('  ')).toEqual({ ok: true, marks: [] });
  });

  it('round-trips any set of marks, in reading order', () => {
    const arb = fc.array(
      fc.record({
        article: fc.integer({ min: 0, max: 5 }),
        start: fc.integer({ min: 0, max: 200_000 }),
        len: fc.integer({ min: 1, max: MAX_MARK_LENGTH }),
        referent: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const marks = normaliseMarks(raw.map((r) => mark(r.article, r.start, r.start + r.len, r.referent)));
        // Merging overlaps can make a mark longer than a single selection may be; the code keeps those out.
        const fitting = marks.filter((m) => m.end - m.start <= MAX_MARK_LENGTH);
        expect(decodeMarks(encodeMarks(fitting))).toEqual({ ok: true, marks: fitting });
      }),
    );
  });

  it('says what is wrong with a mistyped, truncated or foreign code', () => {
    const code = encodeMarks([mark(0, 300, 310), mark(1, 40, 52, 2)]);
    expect(decodeMarks(`${code}!`)).toMatchObject({ ok: false, message: expect.stringMatching(/characters/) });
    expect(decodeMarks(code.slice(0, -3))).toMatchObject({ ok: false, message: expect.stringMatching(/cut short/) });
    expect(decodeMarks('Ag')).toMatchObject({ ok: false, message: expect.stringMatching(/another version/) });
  });
});

describe('editing marks', () => {
  it('keeps marks sorted and merges overlapping marks of one article', () => {
    expect(normaliseMarks([mark(1, 0, 5), mark(0, 10, 20), mark(0, 15, 25, 2), mark(0, 30, 30)])).toEqual([mark(0, 10, 25, 2), mark(1, 0, 5)]);
  });

  it('replaces the marks a new mark overlaps, so marking a word again changes its tag', () => {
    const marks = [mark(0, 10, 20, 1), mark(0, 40, 50)];
    expect(addMark(marks, mark(0, 12, 18, 4))).toEqual([mark(0, 12, 18, 4), mark(0, 40, 50)]);
    expect(addMark(marks, mark(1, 12, 18))).toHaveLength(3);
  });

  it('removes one mark by its place in reading order', () => {
    expect(removeMark([mark(0, 40, 50), mark(0, 10, 20)], 0)).toEqual([mark(0, 40, 50)]);
  });

  it('drops marks outside the compared texts and tags outside the referent list', () => {
    expect(fitMarks([mark(0, 10, 20, 9), mark(1, 95, 105), mark(2, 0, 4)], [100, 100], 5)).toEqual([mark(0, 10, 20)]);
  });
});
