import { describe, expect, it } from 'vitest';
import { quotedRanges, type QuoteCursor } from '../lib/candidates/words';
import type { Span } from '../lib/types';
import { random } from './helpers/random';

/** quotedRanges as it was written: every character of the paragraph visited in turn. */
function reference(text: string, from: number, to: number): Span[] {
  const closer = new Map([
    [0x201c, 0x201d],
    [0xab, 0xbb],
    [0x2018, 0x2019],
  ]);
  const ranges: Span[] = [];
  let open = -1;
  let close = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (open < 0) {
      if (c === 0x22) {
        open = i;
        close = 0x22;
      } else if ((c === 0x201c || c === 0xab || c === 0x2018) && (c !== 0x2018 || i === from || /[\s(\[]/u.test(text[i - 1] ?? ''))) {
        open = i;
        close = closer.get(c)!;
      }
    } else if (c === close && (c !== 0x2019 || !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ''))) {
      ranges.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  if (open >= 0) ranges.push({ start: open, end: to });
  return ranges;
}

describe('quoted stretches', () => {
  it('are those of a scan of every character, on random texts read paragraph by paragraph', () => {
    const next = random(11);
    const pieces = ['"', '“', '”', '«', '»', '‘', '’', ' ', '(', '[', 'a', 'b', '9', 'é', 'word ', '\n', '’s', ' ‘x'];
    let found = 0;
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = Math.floor(next() * 80);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
      // Paragraphs: cuts at random points, read in order with one cursor (as articleWords does), and
      // each also read alone.
      const cuts = [0, ...Array.from({ length: 3 }, () => Math.floor(next() * (text.length + 1))).sort((x, y) => x - y), text.length];
      const marks: QuoteCursor = { from: 0, at: -1 };
      for (let k = 0; k + 1 < cuts.length; k++) {
        const expected = reference(text, cuts[k]!, cuts[k + 1]!);
        expect(quotedRanges(text, cuts[k]!, cuts[k + 1]!, marks)).toEqual(expected);
        expect(quotedRanges(text, cuts[k]!, cuts[k + 1]!)).toEqual(expected);
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(200);
  });
});
