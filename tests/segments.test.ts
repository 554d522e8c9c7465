import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegments, disjointMarks, flattenSegments, type Mark, type Segment } from '../lib/view/segments';

/** The text of each leaf run with the marks over it, for readable expectations. */
function runs<T>(text: string, segments: Segment<T>[]) {
  return flattenSegments(segments).map((r) => [text.slice(r.start, r.end), r.marks] as const);
}

const mark = <T>(start: number, end: number, data: T): Mark<T> => ({ start, end, data });

describe('span segmentation', () => {
  it('returns the whole range as one text segment when there are no marks', () => {
    expect(buildSegments(3, 10, [[], []])).toEqual([{ kind: 'text', start: 3, end: 10 }]);
  });

  it('returns nothing for an empty range', () => {
    expect(buildSegments(5, 5, [[mark(0, 10, 'a')]])).toEqual([]);
  });

  it('splits text around a mark and keeps the text on either side', () => {
    const text = 'Takfiri militants agree';
    const segs = buildSegments(0, text.length, [[mark(0, 17, 'term')]]);
    expect(runs(text, segs)).toEqual([
      ['Takfiri militants', ['term']],
      [' agree', []],
    ]);
  });

  it('nests an inner mark inside the outer mark that contains it', () => {
    const text = 'the rebels agreed';
    const segs = buildSegments(0, text.length, [[mark(4, 10, 'term')], [mark(4, 17, 'change')]]);
    // The change crosses the term's end, so it is split there: part inside the term, part after it.
    expect(runs(text, segs)).toEqual([
      ['the ', []],
      ['rebels', ['term', 'change']],
      [' agreed', ['change']],
    ]);
    const outer = segs[1];
    expect(outer?.kind === 'mark' && outer.children[0]?.kind === 'mark' && outer.children[0].clipped).toBe(true);
  });

  it('clips marks to the requested range and says they were clipped', () => {
    const segs = buildSegments(5, 10, [[mark(0, 7, 'a')]]);
    expect(segs[0]).toMatchObject({ kind: 'mark', start: 5, end: 7, clipped: true });
    expect(segs[1]).toEqual({ kind: 'text', start: 7, end: 10 });
  });

  it('leaves out a mark that overlaps an earlier mark of the same layer, whole', () => {
    const kept = disjointMarks([mark(0, 5, 'first'), mark(3, 9, 'overlapping'), mark(9, 12, 'after')], 0, 20);
    expect(kept.map((m) => m.data)).toEqual(['first', 'after']);
  });

  it('prefers the longer of two marks that start together', () => {
    const kept = disjointMarks([mark(0, 3, 'short'), mark(0, 8, 'long')], 0, 20);
    expect(kept.map((m) => m.data)).toEqual(['long']);
  });

  it('keeps a mark out of every piece of the range once an overlap dropped it', () => {
    // A layer-1 mark that loses to an earlier one must not reappear after an outer mark splits the range.
    const text = 'abcdefghijklmno';
    const segs = buildSegments(0, text.length, [[mark(3, 8, 'O')], [mark(0, 10, 'A'), mark(5, 15, 'B')]]);
    expect(flattenSegments(segs).flatMap((r) => r.marks)).not.toContain('B');
  });

  it('refuses a reversed range', () => {
    expect(() => buildSegments(4, 2, [])).toThrow(/reversed/);
  });

  it('always covers the range exactly, in order, with marks nested inside their parents', () => {
    const markArb = (n: number) => fc.array(fc.tuple(fc.nat(60), fc.nat(20), fc.constant(n)), { maxLength: 8 });
    fc.assert(
      fc.property(fc.nat(30), fc.nat(40), markArb(0), markArb(1), (start, len, outer, inner) => {
        const end = start + len;
        const layers = [outer, inner].map((l) => l.map(([s, w, layer], i) => mark(s, s + w, `${layer}:${i}`)));
        const segs = buildSegments(start, end, layers);
        const leaves = flattenSegments(segs);
        let at = start;
        for (const leaf of leaves) {
          expect(leaf.start).toBe(at);
          expect(leaf.end).toBeGreaterThan(leaf.start);
          at = leaf.end;
        }
        expect(at).toBe(len === 0 ? start : end);
        const check = (list: Segment<string>[], lo: number, hi: number) => {
          for (const s of list) {
            expect(s.start).toBeGreaterThanOrEqual(lo);
            expect(s.end).toBeLessThanOrEqual(hi);
            if (s.kind === 'mark') check(s.children, s.start, s.end);
          }
        };
        check(segs, start, end);
      }),
    );
  });
});
