import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticles } from '../lib/analyze';
import { loadCorpus, loadLexicons } from '../lib/corpus';
import { jsonPieces } from '../lib/report-json';
import type { AnalyzeReport } from '../lib/types';

describe('jsonPieces', () => {
  let report: AnalyzeReport;
  beforeAll(async () => {
    const [{ articles }, { lexicons }] = await Promise.all([loadCorpus(), loadLexicons()]);
    report = analyzeArticles(articles, lexicons);
  });

  it('joins to JSON.stringify of the seeds report, compact and indented, one piece per article and event', () => {
    for (const indent of [0, 2, 4]) {
      const pieces = [...jsonPieces(report, indent)];
      expect(pieces.join('')).toBe(JSON.stringify(report, null, indent));
      // Streamed, not built whole: no piece holds two articles.
      expect(pieces.length).toBeGreaterThan(report.articles.length + report.events.length);
      const texts = report.articles.map((a) => JSON.stringify(a.text));
      for (const piece of pieces) expect(texts.filter((t) => piece.includes(t)).length).toBeLessThanOrEqual(1);
    }
  });

  it('writes what JSON.stringify writes for empty, missing and unwritable values', () => {
    const fixtures: object[] = [
      {},
      { a: [] },
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      { list: [1, undefined, () => 2, 'line\nbreak', { nested: ['x', []] }], when: new Date(0), empty: {} },
      { gone: { toJSON: () => undefined }, kept: { toJSON: () => 'here' } },
      [1, 2, 3],
      { only: [{ deep: { deeper: [1, { a: 'b' }] } }] },
    ];
    for (const value of fixtures) {
      for (const indent of [0, 2]) expect([...jsonPieces(value, indent)].join(''), JSON.stringify(value)).toBe(JSON.stringify(value, null, indent));
    }
  });
});
