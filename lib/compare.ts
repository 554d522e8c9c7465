/**
 * The comparison report: aligns the articles' sentences, diffs the aligned pairs, names terminology
 * swaps, lists omissions, sources and the term × outlet table, as one plain CompareReport.
 */
import { alignSentences, type AlignOptions } from './align';
import { findOmissions } from './omissions';
import { findSources, type SourceOptions } from './sources';
import type {
  AlignedRow,
  ArticleAnalysis,
  CompareReport,
  EventGroup,
  LexiconReferent,
  TermHit,
  TermTableRow,
} from './types';
import { diffRow, termSwaps, type RowDiffOptions } from './word-diff';

/** Options for {@link compareArticles}. */
export interface CompareOptions {
  /** The event the articles were grouped under, carried into the report. */
  event?: EventGroup | null;
  /** Referent definitions from the lexicons; referents used by terms but missing here get a bare entry. */
  referents?: LexiconReferent[];
  align?: AlignOptions;
  diff?: RowDiffOptions;
  sources?: SourceOptions;
}

/**
 * Compares analysed articles (made for 2 to 6; more only cost more time). Pure: the articles are not
 * modified, and the report refers to their text by offsets. Throws only when two articles share an id,
 * since every per-article record is keyed by it.
 */
export function compareArticles(articles: ArticleAnalysis[], options: CompareOptions = {}): CompareReport {
  const byId = new Map<string, ArticleAnalysis>();
  for (const a of articles) {
    if (byId.has(a.id)) throw new Error(`compareArticles: article id "${a.id}" appears twice; ids must be unique`);
    byId.set(a.id, a);
  }
  const textOf = (id: string) => byId.get(id)?.text ?? '';
  const rows: AlignedRow[] = alignSentences(articles, options.align).map((row, index) => {
    const { changes } = diffRow(row.cells, textOf, options.diff);
    return { index, cells: row.cells, similarity: row.similarity, changes, swaps: termSwaps(row.cells, (id) => byId.get(id)) };
  });
  const terms = termTable(articles);
  return {
    kind: 'parallax.compare',
    version: 1,
    event: options.event ?? null,
    articles,
    rows,
    omissions: findOmissions(articles, rows),
    terms,
    sources: articles.flatMap((a) => findSources(a, options.sources)),
    referents: usedReferents(terms, rows, options.referents ?? []),
  };
}

/** Term hits that count in the table: everywhere but site chrome (titles and captions frame too). */
function countedHits(article: ArticleAnalysis): TermHit[] {
  return article.terms.filter((t) => {
    const sentence = article.sentences[t.sentence];
    const p = sentence ? article.paragraphs[sentence.paragraph] : undefined;
    return !p || (p.role !== 'chrome' && p.boilerplate?.kind !== 'chrome');
  });
}

/**
 * The term × outlet table: one row per referent and label, with each article's uses split into the
 * narrator's own words and quoted speech; every compared article has a count, zero included. Sorted by
 * referent, then connotation (most delegitimising first), then label.
 */
export function termTable(articles: readonly ArticleAnalysis[]): TermTableRow[] {
  const rows = new Map<string, TermTableRow>();
  const empty = () => Object.fromEntries(articles.map((a) => [a.id, { narrator: 0, quoted: 0 }]));
  for (const article of articles) {
    for (const hit of countedHits(article)) {
      const key = `${hit.referent}\u0000${hit.label}`;
      let row = rows.get(key);
      if (!row) {
        row = { referent: hit.referent, label: hit.label, connotation: hit.connotation, counts: empty() };
        rows.set(key, row);
      }
      const cell = row.counts[article.id];
      if (cell) cell[hit.voice]++;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.referent.localeCompare(b.referent) || a.connotation - b.connotation || a.label.localeCompare(b.label),
  );
}

/** The referents the table or the swaps mention, in the lexicon's order, so the report stands alone. */
function usedReferents(terms: TermTableRow[], rows: AlignedRow[], known: LexiconReferent[]): LexiconReferent[] {
  const used = new Set<string>(terms.map((t) => t.referent));
  for (const r of rows) for (const s of r.swaps) used.add(s.referent);
  const out = known.filter((r) => used.has(r.id));
  const have = new Set(out.map((r) => r.id));
  for (const id of [...used].sort()) {
    if (!have.has(id)) out.push({ id, name: id, description: '' });
  }
  return out;
}
