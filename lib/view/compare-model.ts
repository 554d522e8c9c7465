/**
 * The side-by-side view model: turns a CompareReport into columns and aligned rows of cells, each
 * cell knowing its sentence, terms, word changes, paragraph role and boilerplate. Pure, so the web
 * page and the print route render the same model.
 */
import { candidatesWithin, uncoveredCandidates } from './candidates';
import type {
  ArticleAnalysis,
  BoilerplateDifference,
  Candidate,
  BoilerplateInfo,
  CompareReport,
  ParagraphRole,
  RoleReason,
  TermHit,
  TermSwap,
  WordChange,
} from '../types';

/** Enough about any corpus article to name it (boilerplate twins may sit outside the comparison). */
export interface ArticleName {
  id: string;
  outlet: string | null;
  title: string;
  published: string | null;
}

export interface ColumnView extends ArticleName {
  url: string | null;
  /** Sentences this article has in no other compared report. */
  onlyHere: number;
  loadedTerms: number;
  words: number;
  boilerplateShare: number;
}

/** Where a boilerplate paragraph's twin lives and which words differ. */
export interface BoilerplateTwin {
  article: ArticleName;
  /** True when the twin is one of the compared articles. */
  inComparison: boolean;
  /** True when the twin is another paragraph of the same article (a repeated headline, say). */
  sameArticle: boolean;
  paragraph: number;
  similarity: number;
  differences: BoilerplateDifference[];
}

export interface BoilerplateView {
  kind: BoilerplateInfo['kind'] | 'chrome';
  family: string | null;
  reason: RoleReason | null;
  twins: BoilerplateTwin[];
}

export interface CellView {
  article: string;
  sentence: number;
  start: number;
  end: number;
  paragraph: number;
  role: ParagraphRole;
  reason: RoleReason | null;
  /** First sentence of its paragraph: the view leaves a little room above it. */
  paragraphStart: boolean;
  /** Set for site furniture and re-used paragraphs. */
  boilerplate: BoilerplateView | null;
  /** First cell of that boilerplate paragraph in the grid: it carries the explanation. */
  boilerplateFirst: boolean;
  terms: TermHit[];
  /** Candidate wordings in this sentence that no term covers (empty when candidates are hidden). */
  candidates: Candidate[];
  changes: WordChange[];
  /** Compared articles that have no sentence in this row, when this sentence is an omission. */
  missingFrom: string[] | null;
}

export interface RowView {
  index: number;
  similarity: number;
  /** One slot per column, null where that article has no sentence in this row. */
  cells: (CellView | null)[];
  swaps: TermSwap[];
}

/** A paragraph that sits outside the aligned rows (headline, caption, site furniture), shown in its own band. */
export interface ParagraphView {
  article: string;
  paragraph: number;
  start: number;
  end: number;
  role: ParagraphRole;
  reason: RoleReason | null;
  boilerplate: BoilerplateView | null;
  terms: TermHit[];
  /** Candidate wordings in this paragraph that no term covers (empty when candidates are hidden). */
  candidates: Candidate[];
}

/** Bands of unaligned paragraphs, one list per column. */
export interface ExtraBands {
  headline: ParagraphView[][];
  captions: ParagraphView[][];
  /** Site furniture, boilerplate and anything else the alignment left out. */
  furniture: ParagraphView[][];
}

export interface CompareModel {
  columns: ColumnView[];
  rows: RowView[];
  extras: ExtraBands;
  /** Referent ids that occur in the compared articles, in the report's referent order. */
  referentsUsed: string[];
  /** Term hits per referent over the compared articles. */
  hitsByReferent: Record<string, number>;
}

/** Describes a paragraph's boilerplate (or site furniture); null for an ordinary paragraph. */
export function describeBoilerplate(
  article: ArticleAnalysis,
  paragraphIndex: number,
  names: ReadonlyMap<string, ArticleName>,
  compared: ReadonlySet<string>,
): BoilerplateView | null {
  const p = article.paragraphs[paragraphIndex];
  if (!p) return null;
  if (!p.boilerplate && p.role !== 'chrome') return null;
  const twins: BoilerplateTwin[] = (p.boilerplate?.matches ?? []).map((m) => ({
    article: names.get(m.article) ?? { id: m.article, outlet: null, title: m.article, published: null },
    inComparison: compared.has(m.article),
    sameArticle: m.article === article.id,
    paragraph: m.paragraph,
    similarity: m.similarity,
    differences: m.differences,
  }));
  // Twins inside the comparison first: those are the ones a reader can see on screen.
  twins.sort((a, b) => Number(b.sameArticle) - Number(a.sameArticle) || Number(b.inComparison) - Number(a.inComparison) || b.similarity - a.similarity);
  return { kind: p.boilerplate?.kind ?? 'chrome', family: p.boilerplate?.family ?? null, reason: p.reason, twins };
}

/**
 * Builds the view model. `names` should cover the whole corpus so that boilerplate twins outside the
 * comparison can be named; missing names fall back to the id.
 */
export function buildCompareModel(
  report: CompareReport,
  names: ReadonlyMap<string, ArticleName> = new Map(),
  options: { candidates?: boolean } = {},
): CompareModel {
  const allNames = new Map(names);
  const candidatesOf = new Map(report.articles.map((a) => [a.id, options.candidates === false ? [] : uncoveredCandidates(a.candidates, a.terms)]));
  for (const a of report.articles) allNames.set(a.id, { id: a.id, outlet: a.outlet, title: a.title, published: a.published });
  const compared = new Set(report.articles.map((a) => a.id));
  const columnOf = new Map(report.articles.map((a, i) => [a.id, i]));
  const byId = new Map(report.articles.map((a) => [a.id, a]));

  const termsBySentence = new Map<string, TermHit[]>();
  const hitsByReferent: Record<string, number> = {};
  for (const a of report.articles) {
    for (const t of a.terms) {
      const key = `${a.id}#${t.sentence}`;
      const list = termsBySentence.get(key);
      if (list) list.push(t);
      else termsBySentence.set(key, [t]);
      hitsByReferent[t.referent] = (hitsByReferent[t.referent] ?? 0) + 1;
    }
  }
  const omissions = new Map(report.omissions.map((o) => [`${o.article}#${o.sentence}`, o.missingFrom]));
  const onlyHere = new Map<string, number>();
  for (const o of report.omissions) onlyHere.set(o.article, (onlyHere.get(o.article) ?? 0) + 1);

  const seenBoilerplate = new Set<string>();
  const rows: RowView[] = report.rows.map((row) => {
    const cells: (CellView | null)[] = report.articles.map(() => null);
    for (const c of row.cells) {
      const col = columnOf.get(c.article);
      const article = byId.get(c.article);
      const sentence = article?.sentences[c.sentence];
      if (col === undefined || !article || !sentence) continue;
      const paragraph = article.paragraphs[sentence.paragraph];
      const prev = article.sentences[c.sentence - 1];
      const boilerplate = describeBoilerplate(article, sentence.paragraph, allNames, compared);
      const bpKey = `${article.id}#${sentence.paragraph}`;
      const boilerplateFirst = boilerplate !== null && !seenBoilerplate.has(bpKey);
      if (boilerplate) seenBoilerplate.add(bpKey);
      cells[col] = {
        article: c.article,
        sentence: c.sentence,
        start: c.start,
        end: c.end,
        paragraph: sentence.paragraph,
        role: paragraph?.role ?? 'body',
        reason: paragraph?.reason ?? null,
        paragraphStart: !prev || prev.paragraph !== sentence.paragraph,
        boilerplate,
        boilerplateFirst,
        terms: termsBySentence.get(`${c.article}#${c.sentence}`) ?? [],
        candidates: candidatesWithin(candidatesOf.get(c.article) ?? [], c),
        changes: row.changes.filter((ch) => ch.article === c.article),
        missingFrom: omissions.get(`${c.article}#${c.sentence}`) ?? null,
      };
    }
    return { index: row.index, similarity: row.similarity, cells, swaps: row.swaps };
  });

  const referentsUsed = [
    ...report.referents.map((r) => r.id).filter((id) => hitsByReferent[id]),
    ...Object.keys(hitsByReferent).filter((id) => !report.referents.some((r) => r.id === id)),
  ];

  const extras: ExtraBands = { headline: [], captions: [], furniture: [] };
  for (const a of report.articles) {
    const aligned = new Set(report.rows.flatMap((r) => r.cells.filter((c) => c.article === a.id).map((c) => a.sentences[c.sentence]?.paragraph)));
    const headline: ParagraphView[] = [];
    const captions: ParagraphView[] = [];
    const furniture: ParagraphView[] = [];
    for (const p of a.paragraphs) {
      if (aligned.has(p.index)) continue;
      const view: ParagraphView = {
        article: a.id,
        paragraph: p.index,
        start: p.start,
        end: p.end,
        role: p.role,
        reason: p.reason,
        boilerplate: describeBoilerplate(a, p.index, allNames, compared),
        terms: a.terms.filter((t) => t.start >= p.start && t.end <= p.end),
        candidates: candidatesWithin(candidatesOf.get(a.id) ?? [], p),
      };
      (p.role === 'title' ? headline : p.role === 'caption' && !view.boilerplate ? captions : furniture).push(view);
    }
    extras.headline.push(headline);
    extras.captions.push(captions);
    extras.furniture.push(furniture);
  }

  const columns: ColumnView[] = report.articles.map((a) => ({
    id: a.id,
    outlet: a.outlet,
    title: a.title,
    published: a.published,
    url: a.url,
    onlyHere: onlyHere.get(a.id) ?? 0,
    loadedTerms: a.stats.loadedTerms,
    words: a.stats.words,
    boilerplateShare: a.stats.boilerplateShare,
  }));
  return { columns, rows, extras, referentsUsed, hitsByReferent };
}

/** "Press TV, 6 Jul 2018": how a report is named in running text. */
export function articleShortName(a: Pick<ArticleName, 'outlet' | 'published' | 'id'>): string {
  const outlet = a.outlet ?? 'Unknown outlet';
  return a.published ? `${outlet}, ${formatDate(a.published)}` : outlet;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** YYYY-MM-DD → "6 Jul 2018"; YYYY-MM → "Jul 2018"; anything else unchanged. Locale-free so server and client agree. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** 0.873 → "87%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
