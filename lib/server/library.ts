/**
 * Server-side access for the app: loads the corpus and lexicons and caches the analysis until a file
 * changes. Lives in lib/ so route handlers, pages and the PDF renderer share one cache.
 */
import { createHash } from 'node:crypto';
import { analyzeArticles } from '../analyze';
import { compareArticles } from '../compare';
import { loadCorpus, loadLexicons } from '../corpus';
import type { AnalyzeReport, CompareReport, LexiconReferent } from '../types';

let cached: { key: string; report: AnalyzeReport; referents: LexiconReferent[] } | null = null;

/** The analysis of the whole corpus (recomputed whenever any article, metadata or lexicon changes). */
export async function getAnalysis(): Promise<AnalyzeReport> {
  const [loaded, lex] = await Promise.all([loadCorpus(), loadLexicons()]);
  // Hashing the inputs (a few hundred KB at most) is far cheaper than re-running the analysis.
  const key = createHash('sha256').update(JSON.stringify([loaded, lex])).digest('hex');
  if (cached?.key === key) return cached.report;
  const report = analyzeArticles(loaded.articles, lex.lexicons, { rejected: [...loaded.errors, ...lex.errors] });
  cached = { key, report, referents: lex.lexicons.flatMap((l) => l.referents) };
  return report;
}

/** Thrown for a comparison request that names articles the corpus does not have. */
export class UnknownArticleError extends Error {
  constructor(readonly ids: string[]) {
    super(`no article with id ${ids.map((i) => `"${i}"`).join(', ')} in the corpus`);
  }
}

/**
 * The comparison of 2 to 6 corpus articles, in the order given. The event is the one that holds
 * all of them, when there is one.
 */
export async function getComparison(ids: string[]): Promise<CompareReport> {
  const report = await getAnalysis();
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new UnknownArticleError(missing);
  const articles = ids.map((id) => byId.get(id)!);
  const event = report.events.find((e) => ids.every((id) => e.articles.includes(id))) ?? null;
  return compareArticles(articles, { event, referents: cached?.referents ?? [] });
}
