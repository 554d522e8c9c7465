/**
 * `parallax analyze`: the per-article report (terms, boilerplate) as JSON or a readable summary.
 */
import { analyzeArticles } from '../../lib/analyze';
import type { AnalyzeReport, ArticleAnalysis } from '../../lib/types';
import { jsonPieces } from '../../lib/report-json';
import { loadInputs, loadLexiconOption, parseOptions, reportErrors, writePieces } from './shared';

export async function runAnalyze(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean' },
    lexicons: { type: 'string' },
    'no-lexicon': { type: 'boolean' },
  });
  const loaded = await loadInputs(positionals);
  const lex = await loadLexiconOption(values);
  const errors = [...loaded.errors, ...lex.errors];
  reportErrors(errors);
  const report = analyzeArticles(loaded.articles, lex.lexicons, { rejected: errors });
  // Indented for a person at a terminal, compact for a program (smaller and faster to write); written
  // piece by piece, as a large corpus's report is longer than one string may be.
  if (values.json) await writePieces(process.stdout, jsonPieces(report, process.stdout.isTTY ? 2 : 0), '\n');
  else process.stdout.write(formatAnalyze(report));
  if (loaded.articles.length === 0) process.stderr.write('parallax analyze: no article could be analysed\n');
  return errors.length > 0 || loaded.articles.length === 0 ? 1 : 0;
}

function snippet(a: ArticleAnalysis, start: number, end: number, max = 70): string {
  const s = a.text.slice(start, end).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A readable summary: per article, terms by referent, then flagged boilerplate. */
export function formatAnalyze(report: AnalyzeReport): string {
  const out: string[] = [];
  for (const a of report.articles) {
    out.push(`\n${a.id}  ${a.outlet ?? 'unknown outlet'}  ${a.published ?? 'undated'}`);
    out.push(`  ${a.title}`);
    out.push(`  ${a.stats.words} words, ${a.terms.length} terms (${a.stats.loadedTerms} loaded), boilerplate ${Math.round(a.stats.boilerplateShare * 100)}%`);
    const byReferent = new Map<string, Map<string, { narrator: number; quoted: number; connotation: number }>>();
    for (const t of a.terms) {
      const labels = byReferent.get(t.referent) ?? new Map();
      byReferent.set(t.referent, labels);
      const c = labels.get(t.label) ?? { narrator: 0, quoted: 0, connotation: t.connotation };
      c[t.voice]++;
      labels.set(t.label, c);
    }
    for (const [referent, labels] of [...byReferent].sort(([x], [y]) => x.localeCompare(y))) {
      const parts = [...labels].map(([label, c]) => {
        const sign = c.connotation > 0 ? `+${c.connotation}` : String(c.connotation);
        const voice = c.quoted ? ` (${c.narrator} narrator, ${c.quoted} quoted)` : ` ×${c.narrator}`;
        return `"${label}" [${sign}]${voice}`;
      });
      out.push(`  ${referent}: ${parts.join(', ')}`);
    }
    const flagged = a.paragraphs.filter((p) => p.role === 'chrome' || p.role === 'caption' || p.boilerplate);
    if (flagged.length) out.push('  flagged paragraphs:');
    for (const p of flagged) {
      const what = p.role === 'body' ? 'shared' : p.role;
      out.push(`    ¶${p.index} ${what}${p.reason ? ` (${p.reason.code})` : ''}: ${snippet(a, p.start, p.end)}`);
      for (const m of p.boilerplate?.matches ?? []) {
        const diffs = m.differences
          .filter((d) => d.this || d.other)
          .slice(0, 6)
          .map((d) => `"${d.this}" / "${d.other}"`)
          .join(', ');
        out.push(`      ≈ ${m.article} ¶${m.paragraph} (${Math.round(m.similarity * 100)}%)${diffs ? `: ${diffs}` : ''}`);
      }
    }
  }
  if (report.rejected.length) out.push(`\n${report.rejected.length} file(s) rejected (see above).`);
  return `${out.join('\n')}\n`;
}
