/**
 * `parallax compare`: aligns 2 to 6 reports of one event and prints the comparison report (JSON) or a
 * readable row-by-row summary for a terminal.
 */
import { analyzeArticles } from '../../lib/analyze';
import { compareArticles } from '../../lib/compare';
import { loadArticles, loadCorpus } from '../../lib/corpus';
import { PLAIN_ID } from '../../lib/ingest';
import type { AnalyzeReport, ArticleAnalysis, CompareReport, LoadError } from '../../lib/types';
import { loadLexiconOption, parseOptions, reportErrors } from './shared';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

/** Loads the corpus plus any paths among `refs`, analyses them together and picks the referenced articles. */
export async function resolveArticles(
  refs: string[],
  values: { lexicons?: string; 'no-lexicon'?: boolean },
): Promise<{ report: AnalyzeReport; chosen: ArticleAnalysis[]; errors: LoadError[]; referents: ReturnType<typeof Array.prototype.flat> }> {
  const corpus = await loadCorpus();
  const corpusIds = new Set(corpus.articles.map((a) => a.id));
  const paths = refs.filter((r) => !(PLAIN_ID.test(r) && corpusIds.has(r)));
  const extra = paths.length ? await loadArticles(paths) : { articles: [], errors: [] };
  const lex = await loadLexiconOption(values);
  // Articles given by path replace a corpus article of the same id rather than clash with it.
  const extraIds = new Set(extra.articles.map((a) => a.id));
  const inputs = [...corpus.articles.filter((a) => !extraIds.has(a.id)), ...extra.articles];
  const errors = [...corpus.errors, ...extra.errors, ...lex.errors];
  const report = analyzeArticles(inputs, lex.lexicons, { rejected: errors });
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const chosen: ArticleAnalysis[] = [];
  const pathIds = extra.articles.map((a) => a.id);
  for (const ref of refs) {
    const id = PLAIN_ID.test(ref) && corpusIds.has(ref) ? ref : undefined;
    const article = id ? byId.get(id) : undefined;
    if (article && !chosen.includes(article)) chosen.push(article);
  }
  for (const id of pathIds) {
    const article = byId.get(id);
    if (article && !chosen.includes(article)) chosen.push(article);
  }
  return { report, chosen, errors, referents: lex.lexicons.flatMap((l) => l.referents) };
}

/** Builds the comparison for the referenced articles, with the event that holds them all. */
export function buildComparison(report: AnalyzeReport, chosen: ArticleAnalysis[], referents: CompareReport['referents']): CompareReport {
  const ids = chosen.map((a) => a.id);
  const event = report.events.find((e) => ids.every((id) => e.articles.includes(id))) ?? null;
  return compareArticles(chosen, { event, referents });
}

export async function runCompare(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean' },
    lexicons: { type: 'string' },
    'no-lexicon': { type: 'boolean' },
  });
  if (positionals.length < MIN_COMPARED) {
    throw new Error(`give ${MIN_COMPARED} to ${MAX_COMPARED} article ids (from corpus/) or paths, e.g. parallax compare 000_aa3b1d39a0c4470b 003_0702bf80221a2f16`);
  }
  const { report, chosen, errors, referents } = await resolveArticles(positionals, values);
  reportErrors(errors);
  if (chosen.length < MIN_COMPARED || chosen.length > MAX_COMPARED) {
    process.stderr.write(`parallax compare: ${chosen.length} article(s) could be loaded; a comparison takes ${MIN_COMPARED} to ${MAX_COMPARED}\n`);
    return 1;
  }
  const comparison = buildComparison(report, chosen, referents as CompareReport['referents']);
  process.stdout.write(values.json ? `${JSON.stringify(comparison, null, 2)}\n` : formatCompare(comparison));
  return errors.length ? 1 : 0;
}

/** A readable comparison: each aligned row with its cells, changed words in ⟦brackets⟧, swaps named. */
export function formatCompare(c: CompareReport): string {
  const out: string[] = [];
  const letter = new Map(c.articles.map((a, i) => [a.id, String.fromCharCode(65 + i)]));
  const byId = new Map(c.articles.map((a) => [a.id, a]));
  if (c.event) out.push(`Event: ${c.event.label}\n  ${c.event.why}`);
  for (const a of c.articles) out.push(`[${letter.get(a.id)}] ${a.id}  ${a.outlet ?? 'unknown outlet'}  ${a.published ?? 'undated'}  ${a.title}`);
  out.push('');
  for (const row of c.rows) {
    if (row.cells.length < 2) continue;
    out.push(`Row ${row.index}  (similarity ${row.similarity.toFixed(2)})`);
    for (const cell of row.cells) {
      const text = byId.get(cell.article)?.text ?? '';
      const marks = row.changes.filter((ch) => ch.article === cell.article && ch.start >= cell.start && ch.end <= cell.end).sort((x, y) => x.start - y.start);
      let s = '';
      let at = cell.start;
      for (const m of marks) {
        s += `${text.slice(at, m.start)}⟦${text.slice(m.start, m.end)}⟧`;
        at = m.end;
      }
      s += text.slice(at, cell.end);
      out.push(`  [${letter.get(cell.article)}] ${s.replace(/\s+/g, ' ')}`);
    }
    for (const sw of row.swaps) {
      out.push(`  swap (${sw.referent}): ${Object.entries(sw.labels).map(([id, l]) => `[${letter.get(id)}] "${l}" (${sw.connotations[id]})`).join(' / ')}`);
    }
    out.push('');
  }
  const only = c.omissions.length;
  out.push(`${only} sentence(s) appear in only some of the reports (see --json omissions[]).`);
  out.push('\nTerms (narrator/quoted):');
  for (const t of c.terms) {
    const counts = c.articles.map((a) => `${letter.get(a.id)} ${t.counts[a.id]?.narrator ?? 0}/${t.counts[a.id]?.quoted ?? 0}`).join('  ');
    out.push(`  ${t.referent.padEnd(20)} ${t.label.padEnd(28)} ${String(t.connotation).padStart(2)}   ${counts}`);
  }
  out.push('\nSources:');
  for (const s of c.sources) out.push(`  [${letter.get(s.article)}] ${s.kind.padEnd(10)} ${s.speaker}`);
  return `${out.join('\n')}\n`;
}
