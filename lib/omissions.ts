/**
 * Omissions: body sentences (facts, quotes) that one compared article carries and at least one other
 * does not, read off the aligned rows.
 */
import type { AlignedRow, ArticleAnalysis, Omission } from './types';
import { isAlignable } from './align';

/**
 * For every alignable sentence, the compared articles with no sentence in its row. Chrome, captions
 * and titles never count: they are not reporting. Ordered by article (in the given order), then text.
 */
export function findOmissions(articles: readonly ArticleAnalysis[], rows: readonly Pick<AlignedRow, 'cells'>[]): Omission[] {
  if (articles.length < 2) return [];
  const ids = articles.map((a) => a.id);
  const presentIn = new Map<string, Set<string>>();
  for (const row of rows) {
    const present = new Set(row.cells.map((c) => c.article));
    for (const c of row.cells) presentIn.set(`${c.article}:${c.sentence}`, present);
  }
  const out: Omission[] = [];
  for (const article of articles) {
    for (const s of article.sentences) {
      if (!isAlignable(article, s)) continue;
      const present = presentIn.get(`${article.id}:${s.index}`) ?? new Set([article.id]);
      const missingFrom = ids.filter((id) => !present.has(id));
      if (missingFrom.length > 0) out.push({ article: article.id, sentence: s.index, start: s.start, end: s.end, missingFrom });
    }
  }
  return out;
}
