/**
 * Server-side access for the app: loads the corpus and lexicons and caches the analysis until a file
 * changes. Lives in lib/ so route handlers, pages and the PDF renderer share one cache.
 */
import { createHash } from 'node:crypto';
import { analyzeArticles } from '../analyze';
import { loadCorpus, loadLexicons } from '../corpus';
import type { AnalyzeReport } from '../types';

let cached: { key: string; report: AnalyzeReport } | null = null;

/** The analysis of the whole corpus (recomputed whenever any article, metadata or lexicon changes). */
export async function getAnalysis(): Promise<AnalyzeReport> {
  const [loaded, lex] = await Promise.all([loadCorpus(), loadLexicons()]);
  // Hashing the inputs (a few hundred KB at most) is far cheaper than re-running the analysis.
  const key = createHash('sha256').update(JSON.stringify([loaded, lex])).digest('hex');
  if (cached?.key === key) return cached.report;
  const report = analyzeArticles(loaded.articles, lex.lexicons, { rejected: [...loaded.errors, ...lex.errors] });
  cached = { key, report };
  return report;
}
