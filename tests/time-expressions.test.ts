import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTimeExpressions, matchExpressions, matchExpressionsByScan, matchExpressionsInTable } from '../lib/events/dates';
import { tokenRange, tokenTable, Vocabulary } from '../lib/token-table';
import { randomBelow } from './helpers/random';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

/** Date-ish words and near misses, glued by spaces, punctuation or nothing at all. */
const PIECES = [
  'July', 'Jul.', 'Jul', 'June', 'Junes', 'May', 'may', 'Sept', 'Sepember', 'September', 'Dec.', '3', '03', '3rd', '21st',
  '2018', '1999', '1812', '2099', '2018-07-06', '2018-13-40', 'in', 'In', 'IN', 'since', 'late', 'mid', 'early', 'of', 'after', 'Before',
  'Monday', 'Mondays', 'last', 'Next', 'this', 'Today', 'yesterday', 'tomorrow', 'the', 'army', 'é', '_', 'x1', 'Syria’s',
];
// Unicode spaces and hyphen runs too: matchExpressions skips them by char code after "in", "last"…
const GLUE = [' ', ' ', ' ', '', ',', ', ', '.', '-', '\n', ' of ', '’', '\u00a0', '\u2003', ' - ', '\t', '--', ' early ', '-mid-'];

function text(seed: number, length: number): string {
  const next = randomBelow(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[next(PIECES.length)]! + GLUE[next(GLUE.length)]!;
  return out;
}

const shape = (ms: RegExpExecArray[]) => ms.map((m) => ({ index: m.index, text: m[0], groups: { ...m.groups } }));

describe('matchExpressions', () => {
  it('finds what a global scan of the whole pattern finds, on 3,000 texts of date words and near misses', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const t = text(seed, 1 + (seed % 25));
      expect(shape(matchExpressions(t))).toEqual(shape(matchExpressionsByScan(t)));
    }
  });

  it('finds what a global scan finds in every paragraph of the sample articles', () => {
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
      for (const paragraph of readFileSync(CORPUS + file, 'utf8').split(/\n\s*\n/)) {
        expect(shape(matchExpressions(paragraph))).toEqual(shape(matchExpressionsByScan(paragraph)));
      }
    }
  });

  it('finds the same through a token table, on the 3,000 texts and on spans of them', () => {
    // One vocabulary for all, as a corpus has: a word's flag is worked out once and read again.
    const vocabulary = new Vocabulary();
    for (let seed = 1; seed <= 3000; seed++) {
      const t = text(seed, 1 + (seed % 25));
      const table = tokenTable(t, vocabulary);
      expect(shape(matchExpressionsInTable(t, table, 0, table.count, 0))).toEqual(shape(matchExpressionsByScan(t)));
      // A span starting and ending at token edges, read as its own slice.
      if (table.count >= 3) {
        const from = table.starts[1]!;
        const to = table.ends[table.count - 2]!;
        const range = tokenRange(table, from, to)!;
        const slice = t.slice(from, to);
        expect(shape(matchExpressionsInTable(slice, table, range[0], range[1], from))).toEqual(shape(matchExpressionsByScan(slice)));
      }
    }
  });

  it('finds the same through a token table in every paragraph of the sample articles, and findTimeExpressions gives the same with one', () => {
    const vocabulary = new Vocabulary();
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
      const whole = readFileSync(CORPUS + file, 'utf8');
      const table = tokenTable(whole, vocabulary);
      const spans: { start: number; end: number }[] = [];
      for (const m of whole.matchAll(/[^\n]+/g)) spans.push({ start: m.index, end: m.index + m[0].length });
      for (const { start, end } of spans) {
        const range = tokenRange(table, start, end)!;
        const slice = whole.slice(start, end);
        expect(shape(matchExpressionsInTable(slice, table, range[0], range[1], start))).toEqual(shape(matchExpressionsByScan(slice)));
      }
      expect(findTimeExpressions(whole, spans, '2018-07-10', table)).toEqual(findTimeExpressions(whole, spans, '2018-07-10'));
    }
  });

  it('reads "since late July", "last Friday" and "3rd of May, 2018" as one expression each', () => {
    expect(matchExpressions('Fighting since late July; last Friday; on 3rd of May, 2018.').map((m) => m[0])).toEqual([
      'since late July',
      'last Friday',
      '3rd of May, 2018',
    ]);
  });
});
