/**
 * Server-side access for the app: loads the corpus and lexicons and caches the analysis until a file
 * changes. Lives in lib/ so route handlers, pages and the PDF renderer share one cache.
 */
import { createHash } from 'node:crypto';
import { analyzeArticles } from '../analyze';
import { compareArticles } from '../compare';
import { dataStamp, loadCorpus, loadLexicons } from '../corpus';
import type { AnalyzeReport, CompareReport, LexiconReferent } from '../types';

let cached: { key: string; stamp: string | null; report: AnalyzeReport; referents: LexiconReferent[] } | null = null;

/** The analysis of the whole corpus (recomputed whenever any article, metadata or lexicon changes). */
export async function getAnalysis(): Promise<AnalyzeReport> {
  // Stat the folders first: while no file changed, skip reading and parsing them (the YAML lexicons
  // alone cost tens of ms). The stamp is taken before the files are read, so what we read is never
  // older than what the stamp stands for.
  const stamp = await dataStamp();
  if (stamp.settled && cached?.stamp === stamp.key) return cached.report;
  const [loaded, lex] = await Promise.all([loadCorpus(), loadLexicons()]);
  // Hashing the inputs (a few hundred KB at most) is far cheaper than re-running the analysis.
  const key = createHash('sha256').update(JSON.stringify([loaded, lex])).digest('hex');
  const settledStamp = stamp.settled ? stamp.key : null;
  if (cached?.key === key) {
    cached.stamp = settledStamp;
    return cached.report;
  }
  const report = analyzeArticles(loaded.articles, lex.lexicons, { rejected: [...loaded.errors, ...lex.errors] });
  cached = { key, stamp: settledStamp, report, referents: lex.lexicons.flatMap((l) => l.referents) };
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

/** Everything a comparison page shows, from one read of the corpus. */
export interface ComparisonView {
  comparison: CompareReport;
  analysis: AnalyzeReport;
  /** Every referent the lexicons define, in lexicon order (the app colours referents in this order). */
  referents: LexiconReferent[];
}

// Comparisons already computed for the current analysis: re-rendering a page to hide a referent or
// open the boilerplate should not re-align the articles. Cleared whenever the analysis changes.
const comparisons = new Map<string, CompareReport>();
let comparisonsFor = '';
const MAX_CACHED_COMPARISONS = 32;

/**
 * The comparison of 2 to 6 corpus articles together with the analysis and referents, reading the
 * corpus once (getComparison plus getAnalysis would read and hash it twice) and reusing a comparison
 * already made from the same files. Throws UnknownArticleError like getComparison.
 */
export async function getComparisonView(ids: string[]): Promise<ComparisonView> {
  const analysis = await getAnalysis();
  const current = cached;
  if (!current || current.report !== analysis) {
    // Another request replaced the analysis in between: fall back to the uncached path.
    return { comparison: await getComparison(ids), analysis, referents: cached?.referents ?? [] };
  }
  if (comparisonsFor !== current.key) {
    comparisons.clear();
    comparisonsFor = current.key;
  }
  const key = ids.join(',');
  let comparison = comparisons.get(key);
  if (!comparison) {
    const byId = new Map(analysis.articles.map((a) => [a.id, a]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) throw new UnknownArticleError(missing);
    const event = analysis.events.find((e) => ids.every((id) => e.articles.includes(id))) ?? null;
    comparison = compareArticles(ids.map((id) => byId.get(id)!), { event, referents: current.referents });
    if (comparisons.size >= MAX_CACHED_COMPARISONS) comparisons.delete(comparisons.keys().next().value!);
    comparisons.set(key, comparison);
  }
  return { comparison, analysis, referents: current.referents };
}

/** The analysis and the lexicon referents from one read of the corpus. */
export async function getAnalysisView(): Promise<{ analysis: AnalyzeReport; referents: LexiconReferent[] }> {
  const analysis = await getAnalysis();
  const current = cached;
  return { analysis, referents: current && current.report === analysis ? current.referents : [] };
}
