import { describe, expect, it, vi } from 'vitest';
import { centralCell, diffRow, termSwaps } from '../lib/word-diff';
import type { ArticleAnalysis, RowCell, TermHit, WordChange } from '../lib/types';
import { analyzeText, loadSeeds, sentenceWith } from './helpers/seed-analysis';

function cellOf(article: ArticleAnalysis, needle: string): RowCell {
  const s = sentenceWith(article, needle);
  return { article: article.id, sentence: s.index, start: s.start, end: s.end };
}

function quoted(articles: ArticleAnalysis[], changes: WordChange[], article: string, kind?: WordChange['kind']): string[] {
  const text = articles.find((a) => a.id === article)!.text;
  return changes.filter((c) => c.article === article && (!kind || c.kind === kind)).map((c) => text.slice(c.start, c.end));
}

describe('diffRow on the golden pair', () => {
  const [a000, a003] = loadSeeds(['000', '003']) as [ArticleAnalysis, ArticleAnalysis];
  const articles = [a000, a003];
  const textOf = (id: string) => articles.find((a) => a.id === id)!.text;
  const cells = [cellOf(a000, 'had captured the Nassib border crossing'), cellOf(a003, 'have retaken control of the Nasib')];
  const { changes, tooDifferent } = diffRow(cells, textOf);

  it('marks the differing verbs in both sentences as replaced', () => {
    expect(tooDifferent).toEqual([]);
    expect(quoted(articles, changes, a000.id, 'replaced').join(' | ')).toContain('had captured');
    expect(quoted(articles, changes, a003.id, 'replaced').join(' | ')).toContain('retaken control');
  });

  it('leaves the shared wording unmarked', () => {
    for (const id of [a000.id, a003.id]) {
      expect(quoted(articles, changes, id).some((q) => q.includes('border crossing'))).toBe(false);
    }
  });

  it('keeps every change inside its own cell, non-empty, with a quote that is exact text', () => {
    for (const ch of changes) {
      const cell = cells.find((c) => c.article === ch.article)!;
      expect(ch.start).toBeGreaterThanOrEqual(cell.start);
      expect(ch.end).toBeLessThanOrEqual(cell.end);
      expect(ch.end).toBeGreaterThan(ch.start);
      expect(textOf(ch.article).slice(ch.start, ch.end).trim().length).toBeGreaterThan(0);
    }
  });
});

describe('diffRow on small rows', () => {
  const a = analyzeText('a', 'Troops entered the town on Friday.', []);
  const b = analyzeText('b', 'Troops entered the town.', []);
  const c = analyzeText('c', 'Troops entered the town on Friday night.', []);
  const articles = [a, b, c];
  const textOf = (id: string) => articles.find((x) => x.id === id)!.text;
  const whole = (x: ArticleAnalysis): RowCell => ({ article: x.id, sentence: 0, start: x.sentences[0]!.start, end: x.sentences[0]!.end });

  it('marks words only one report has as added, and nothing in the report that lacks them', () => {
    const { changes } = diffRow([whole(a), whole(b)], textOf);
    expect(quoted(articles, changes, 'a', 'added')).toEqual(['on Friday']);
    expect(quoted(articles, changes, 'b')).toEqual([]);
  });

  it('diffs three cells against the most central one', () => {
    expect(centralCell([whole(b), whole(c), whole(a)], textOf)).toBe(2);
    const { changes } = diffRow([whole(b), whole(c), whole(a)], textOf);
    // "night" only c has; "on Friday" a shares with c, so it is no change in a, the central cell.
    expect(quoted(articles, changes, 'c', 'added')).toEqual(['night']);
    expect(quoted(articles, changes, 'a')).toEqual([]);
    expect(quoted(articles, changes, 'b')).toEqual([]);
  });

  it('marks central words every other cell lacks as added', () => {
    const p = analyzeText('p', 'Troops quickly entered the town on Friday.', []);
    const q = analyzeText('q', 'Troops entered the town on Friday night.', []);
    const r = analyzeText('r', 'Troops entered the town on Friday morning.', []);
    const all = [p, q, r];
    const text = (id: string) => all.find((x) => x.id === id)!.text;
    const row = [whole(p), whole(q), whole(r)];
    expect(centralCell(row, text)).toBe(0);
    const { changes } = diffRow(row, text);
    expect(quoted(all, changes, 'p', 'added')).toEqual(['quickly']);
    expect(quoted(all, changes, 'q', 'added')).toEqual(['night']);
    expect(quoted(all, changes, 'r', 'added')).toEqual(['morning']);
  });

  it('marks the whole other sentence replaced when the pair is too different to diff', () => {
    const x = analyzeText('x', 'Shelling hit the northern districts overnight.', []);
    const both = [a, x];
    const { changes, tooDifferent } = diffRow([whole(a), whole(x)], (id) => both.find((y) => y.id === id)!.text, {
      limits: { maxEditLength: 0 },
    });
    expect(tooDifferent).toEqual(['x']);
    expect(changes).toEqual([{ article: 'x', start: whole(x).start, end: whole(x).end, kind: 'replaced' }]);
  });

  it('gives the same changes when the machine pauses during each diff (highlights never depend on load)', () => {
    const x = analyzeText('x', 'Shelling hit the northern districts of the town overnight, residents said.', []);
    const both = [a, x];
    const text = (id: string) => both.find((y) => y.id === id)!.text;
    const calm = diffRow([whole(a), whole(x)], text);
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 40));
    try {
      expect(diffRow([whole(a), whole(x)], text)).toEqual(calm);
    } finally {
      clock.mockRestore();
    }
    expect(calm.tooDifferent).toEqual([]);
  });

  it('returns nothing for a single cell', () => {
    expect(diffRow([whole(a)], textOf)).toEqual({ changes: [], tooDifferent: [] });
  });
});

describe('termSwaps', () => {
  const [a000, a003] = loadSeeds(['000', '003']) as [ArticleAnalysis, ArticleAnalysis];
  const byId = (id: string) => [a000, a003].find((a) => a.id === id);
  const cells = [cellOf(a000, 'had captured the Nassib border crossing'), cellOf(a003, 'have retaken control of the Nasib')];

  it("names government forces / al-Assad's forces as one referent worded two ways", () => {
    expect(termSwaps(cells, byId)).toEqual([
      {
        referent: 'syrian-government',
        labels: { [a000.id]: 'government forces', [a003.id]: "al-Assad's forces" },
        connotations: { [a000.id]: 0, [a003.id]: -1 },
      },
    ]);
  });

  it('reports no swap when the lexicon knows no terms', () => {
    const [b000, b003] = loadSeeds(['000', '003'], []) as [ArticleAnalysis, ArticleAnalysis];
    expect(termSwaps(cells, (id) => [b000, b003].find((a) => a.id === id))).toEqual([]);
  });

  it('reports no swap when both cells use the same label', () => {
    expect(termSwaps([cells[0]!, { ...cells[0]!, article: 'copy' }], (id) => (id === 'copy' ? { ...a000, id: 'copy' } : a000))).toEqual([]);
  });

  it('prefers the head term to a stacked modifier of the same referent', () => {
    const x = analyzeText('x', 'Foreign-sponsored militants withdrew.', []);
    const y = analyzeText('y', 'Rebels withdrew.', []);
    const hit = (over: Partial<TermHit>): TermHit => ({
      start: 0,
      end: 0,
      text: '',
      referent: 'armed-opposition',
      label: '',
      connotation: 0,
      voice: 'narrator',
      quote: null,
      phrase: null,
      entry: { lexicon: 't', id: 't', note: '', source: { name: 't' } },
      sentence: 0,
      ...over,
    });
    x.terms = [
      hit({ start: 0, end: 17, text: 'Foreign-sponsored', label: 'foreign-sponsored', connotation: -2, phrase: { start: 0, end: 27 } }),
      hit({ start: 18, end: 27, text: 'militants', label: 'militants', connotation: -1 }),
    ];
    y.terms = [hit({ start: 0, end: 6, text: 'Rebels', label: 'rebels' })];
    const swaps = termSwaps([cellOf(x, 'militants'), cellOf(y, 'Rebels')], (id) => (id === 'x' ? x : y));
    expect(swaps).toEqual([{ referent: 'armed-opposition', labels: { x: 'militants', y: 'rebels' }, connotations: { x: -1, y: 0 } }]);
  });
});
