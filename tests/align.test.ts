import { describe, expect, it } from 'vitest';
import { alignSentences, isAlignable, skeleton, stem, type SentenceRow } from '../lib/align';
import { maxWeightAssignment } from '../lib/align/assignment';
import type { ArticleAnalysis } from '../lib/types';
import { analyzeText, loadSeeds, sentenceWith } from './helpers/seed-analysis';

const seeds = loadSeeds(['000', '002', '003', '004']);
const seedsWithoutLexicon = loadSeeds(['000', '002', '003', '004'], []);
const [a000, a002, a003, a004] = seeds as [ArticleAnalysis, ArticleAnalysis, ArticleAnalysis, ArticleAnalysis];

/** The row holding the sentence of `article` that contains `needle`. */
function rowWith(rows: SentenceRow[], article: ArticleAnalysis, needle: string): SentenceRow {
  const s = sentenceWith(article, needle);
  const row = rows.find((r) => r.cells.some((c) => c.article === article.id && c.sentence === s.index));
  if (!row) throw new Error(`no row holds "${needle}"`);
  return row;
}

function aligned(rows: SentenceRow[], x: ArticleAnalysis, xNeedle: string, y: ArticleAnalysis, yNeedle: string): boolean {
  const ys = sentenceWith(y, yNeedle);
  return rowWith(rows, x, xNeedle).cells.some((c) => c.article === y.id && c.sentence === ys.index);
}

describe('alignSentences on the sample articles', () => {
  const rows = alignSentences(seeds);

  it('aligns "government forces had captured the Nassib border crossing" with "al-Assad\'s forces have retaken control of the Nasib border crossing"', () => {
    expect(aligned(rows, a000, 'had captured the Nassib border crossing', a003, 'have retaken control of the Nasib border crossing')).toBe(true);
  });

  it('aligns "more than 320,000 people have fled" with "displaced around 320,000 people"', () => {
    expect(aligned(rows, a003, 'more than 320,000 people have fled', a004, 'displaced around 320,000 people')).toBe(true);
  });

  it('aligns "returning to talks with Russia" with "agreed to resume suspended talks"', () => {
    expect(aligned(rows, a002, 'say they are returning to talks with Russia', a003, 'agreed to resume suspended talks')).toBe(true);
  });

  it('still aligns all three pairs without any lexicon terms', () => {
    const bare = alignSentences(seedsWithoutLexicon);
    const [b000, b002, b003, b004] = seedsWithoutLexicon as [ArticleAnalysis, ArticleAnalysis, ArticleAnalysis, ArticleAnalysis];
    expect(aligned(bare, b000, 'had captured the Nassib border crossing', b003, 'have retaken control of the Nasib')).toBe(true);
    expect(aligned(bare, b003, 'more than 320,000 people have fled', b004, 'displaced around 320,000 people')).toBe(true);
    expect(aligned(bare, b002, 'say they are returning to talks', b003, 'agreed to resume suspended talks')).toBe(true);
  });

  it('puts every body sentence in exactly one row, with at most one cell per article', () => {
    const seen = new Set<string>();
    for (const row of rows) {
      const articles = row.cells.map((c) => c.article);
      expect(new Set(articles).size).toBe(articles.length);
      for (const c of row.cells) {
        const key = `${c.article}:${c.sentence}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    const expected = seeds.flatMap((a) => a.sentences.filter((s) => isAlignable(a, s)).map((s) => `${a.id}:${s.index}`));
    expect([...seen].sort()).toEqual(expected.sort());
  });

  it('never lets titles, captions or site chrome take part', () => {
    const kept = new Set(rows.flatMap((r) => r.cells.map((c) => `${c.article}:${c.sentence}`)));
    const caption = sentenceWith(a000, 'Takfiri militants drag a mortar launcher');
    const headline = sentenceWith(a003, 'Syrian rebels in south agree to resume talks');
    const chrome = sentenceWith(a000, 'SHARE THIS ARTICLE');
    for (const [article, s] of [[a000, caption], [a003, headline], [a000, chrome]] as const) {
      expect(kept.has(`${article.id}:${s.index}`)).toBe(false);
    }
  });

  it('gives cells exact sentence offsets, a similarity of 1 to single cells and 0..1 to the others', () => {
    for (const row of rows) {
      for (const c of row.cells) {
        const article = seeds.find((a) => a.id === c.article)!;
        const s = article.sentences[c.sentence]!;
        expect([c.start, c.end]).toEqual([s.start, s.end]);
      }
      if (row.cells.length === 1) expect(row.similarity).toBe(1);
      else {
        expect(row.similarity).toBeGreaterThan(0);
        expect(row.similarity).toBeLessThanOrEqual(1);
      }
    }
  });

  it("keeps the first article's reading order", () => {
    const order = rows.flatMap((r) => r.cells.filter((c) => c.article === a000.id).map((c) => c.sentence));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('aligns nothing when the threshold is above every similarity', () => {
    expect(alignSentences(seeds, { threshold: 1.01 }).every((r) => r.cells.length === 1)).toBe(true);
  });
});

describe('alignSentences on small texts', () => {
  const first = analyzeText(
    'first',
    'Troops captured the Nassib crossing on Friday.\n\nThe army shelled Daraa overnight.\n\nAid convoys waited at the border.',
    [],
  );
  const second = analyzeText(
    'second',
    'Aid convoys were still waiting at the border.\n\nA spokesman declined to comment on the talks.\n\nTroops have recaptured the Nasib crossing, state media said.',
    [],
  );
  const rows = alignSentences([first, second]);

  it('matches reworded sentences whatever their order', () => {
    expect(aligned(rows, first, 'Troops captured', second, 'Troops have recaptured')).toBe(true);
    expect(aligned(rows, first, 'Aid convoys waited', second, 'Aid convoys were still waiting')).toBe(true);
  });

  it('places a sentence only the second article has right after its neighbour in that article', () => {
    const previous = rows.indexOf(rowWith(rows, second, 'Aid convoys were still waiting'));
    const lonely = rows.indexOf(rowWith(rows, second, 'A spokesman declined'));
    expect(rowWith(rows, second, 'A spokesman declined').cells).toHaveLength(1);
    expect(lonely).toBe(previous + 1);
  });

  it('leaves an unrelated sentence alone in its row', () => {
    expect(rowWith(rows, first, 'The army shelled Daraa').cells).toHaveLength(1);
  });

  it('does not glue two sentences of one article into a row through a third', () => {
    const third = analyzeText('third', 'Troops captured the Nassib crossing and aid convoys waited at the border.', []);
    for (const row of alignSentences([first, second, third])) {
      const ids = row.cells.map((c) => c.article);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('folding for similarity', () => {
  it('gives spelling variants of a name one consonant skeleton', () => {
    expect(new Set(['nassib', 'nasib', 'naseeb'].map(skeleton))).toEqual(new Set(['nsb']));
    expect(new Set(['daraa', 'deraa'].map(skeleton))).toEqual(new Set(['dr']));
    expect(skeleton('syrian')).toBe(skeleton('syria'));
    expect(skeleton('damascus')).not.toBe(skeleton('daraa'));
  });

  it('stems plurals and -ed/-ing forms to one key', () => {
    expect(stem('forces')).toBe(stem('force'));
    expect(stem('captured')).toBe(stem('capture'));
    expect(stem('talks')).toBe(stem('talk'));
    expect(stem('retaken')).toBe(stem('retake'));
    expect(stem('talks')).not.toBe(stem('troops'));
  });
});

describe('maxWeightAssignment', () => {
  it('prefers the best total over the single best pair', () => {
    // Greedy would take 0.9 and leave the second row with nothing (total 0.9); 0.8 + 0.85 is better.
    expect(maxWeightAssignment([[0.9, 0.8], [0.85, 0]])).toEqual([1, 0]);
  });

  it('handles more rows than columns and leaves zero-weight rows unassigned', () => {
    expect(maxWeightAssignment([[0.5], [0.7], [0]])).toEqual([-1, 0, -1]);
    expect(maxWeightAssignment([[0, 0]])).toEqual([-1]);
    expect(maxWeightAssignment([])).toEqual([]);
  });
});
