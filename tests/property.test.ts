import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticles } from '../lib/analyze';
import { compareArticles } from '../lib/compare';
import { parseLexicon } from '../lib/lexicon/schema';
import type { ArticleAnalysis, ArticleInput, Lexicon, Span } from '../lib/types';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/seeds';

const parsed = parseLexicon(readFileSync(path.join(ROOT, 'lexicons', 'syria.yaml'), 'utf8'), 'lexicons/syria.yaml');
if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
const LEXICONS: Lexicon[] = [parsed.lexicon];

/** True when an offset does not split a surrogate pair (a character boundary for UTF-16 text). */
function onBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

function checkSpan(text: string, span: Span, what: string): void {
  expect(span.start, `${what} start`).toBeGreaterThanOrEqual(0);
  expect(span.end, `${what} end`).toBeLessThanOrEqual(text.length);
  expect(span.start, `${what} ordered`).toBeLessThanOrEqual(span.end);
  expect(onBoundary(text, span.start) && onBoundary(text, span.end), `${what} on character boundaries`).toBe(true);
}

function checkArticle(a: ArticleAnalysis): void {
  for (const p of a.paragraphs) {
    checkSpan(a.text, p, 'paragraph');
    for (const m of p.boilerplate?.matches ?? []) for (const d of m.differences) checkSpan(a.text, d, 'difference');
  }
  for (const s of a.sentences) checkSpan(a.text, s, 'sentence');
  for (const t of a.terms) {
    checkSpan(a.text, t, 'term');
    expect(a.text.slice(t.start, t.end)).toBe(t.text);
  }
}

const article = (id: string, text: string): ArticleInput => ({ id, source: id, text, outlet: null, title: null, published: null, url: null, language: 'en' });

// Text that stresses the core: seed words, quotes, RTL, zero-width and combining marks, lone surrogates.
const pieces = fc.constantFrom(
  'Takfiri militants', 'rebels', 'the Syrian regime', 'Dara’a', "Dara'a", 'foreign-backed', '“', '”', '"', ' said ', '\n\n', '\n', '. ',
  'دمشق', 'שלום', '\u200b', '\u200d', '\u202e', 'e\u0301', '\ud800', '\udc00', '😀', '(Photo by AFP)', 'SHARE THIS ARTICLE', ' ', '-', '—',
);
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 80 }).map((xs) => xs.join('')),
);

describe('the pure core on any input', () => {
  it('analyses any string without throwing, with every offset inside the text, on character boundaries, quoting its slice', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        const report = analyzeArticles([article('a', a), article('b', b)], LEXICONS);
        report.articles.forEach(checkArticle);
      }),
      { numRuns: 150 },
    );
  });

  it('compares any two analysed strings with every row, change and omission inside its article', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        const report = analyzeArticles([article('a', a), article('b', b)], LEXICONS);
        const cmp = compareArticles(report.articles);
        const textOf = new Map(report.articles.map((x) => [x.id, x.text]));
        for (const row of cmp.rows) {
          for (const c of row.cells) checkSpan(textOf.get(c.article)!, c, 'cell');
          for (const c of row.changes) checkSpan(textOf.get(c.article)!, c, 'change');
        }
        for (const o of cmp.omissions) checkSpan(textOf.get(o.article)!, o, 'omission');
        for (const s of cmp.sources) checkSpan(textOf.get(s.article)!, s, 'source');
      }),
      { numRuns: 60 },
    );
  });

  it('handles one very long line and 10,000 repeated words', () => {
    const longLine = 'militants '.repeat(10_000);
    const noSpaces = 'x'.repeat(200_000);
    const report = analyzeArticles([article('long', longLine), article('nospace', noSpaces)], LEXICONS);
    report.articles.forEach(checkArticle);
    expect(report.articles[0]!.terms.length).toBe(10_000);
  });
});
