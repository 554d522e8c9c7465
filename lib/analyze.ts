/**
 * The analyze pipeline: normalize → segment → label → boilerplate → events → candidates over a set of articles, giving the
 * `parallax analyze` report. Pure: takes loaded articles and lexicons, returns plain data.
 */
import { sentenceSpansInto, splitParagraphs } from './segment';
import { classifyParagraphs } from './boilerplate/roles';
import { detectBoilerplate, type BoilerplateDoc } from './boilerplate';
import { compileLexicon, type CompiledLexicon } from './lexicon';
import { labelTerms } from './label';
import { groupEvents } from './events';
import { discoverCandidates } from './candidates';
import { tokenTable, Vocabulary, type TokenTable } from './token-table';
import type {
  AnalyzeReport,
  ArticleAnalysis,
  ArticleInput,
  Candidate,
  Lexicon,
  LexiconSummary,
  LoadError,
  Paragraph,
  Sentence,
  Span,
} from './types';

export interface AnalyzeOptions {
  /** Files that could not be loaded, carried into the report. */
  rejected?: LoadError[];
  /** Called as each corpus-wide stage starts (and with `done` at the end), e.g. to time the stages. */
  onStage?: (stage: AnalyzeStage) => void;
}

/** The stages `analyzeArticles` runs, in order. */
export type AnalyzeStage = 'articles' | 'boilerplate' | 'events' | 'candidates' | 'done';

/** Stage 1-3 for one article: paragraphs with roles, sentences, lexicon terms (boilerplate comes later, corpus-wide). */
export function analyzeOne(input: ArticleInput, compiled: CompiledLexicon): ArticleAnalysis {
  return analyzeTokenized(input, compiled, tokenTable(input.text));
}

/** Segment stage for one article: paragraphs with their roles (no boilerplate families yet) and sentences; `tokens`, its token table when the caller has one, spares counting words again. */
export function segmentArticle(text: string, tokens?: TokenTable): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const spans = splitParagraphs(text);
  const roles = classifyParagraphs(text, spans, { tokens });
  // By push rather than map: an optimised map may give a holey array, and the later stages' code,
  // optimised for the packed arrays of most articles, was thrown away at the first holey one.
  const paragraphs: Paragraph[] = [];
  for (let index = 0; index < spans.length; index++) {
    const s = spans[index]!;
    paragraphs.push({ index, start: s.start, end: s.end, role: roles[index]?.role ?? 'body', reason: roles[index]?.reason ?? null, boilerplate: null });
  }
  const sentences: Sentence[] = [];
  const bounds: number[] = [];
  for (const p of paragraphs) {
    bounds.length = 0;
    sentenceSpansInto(text, p.start, p.end, bounds);
    for (let k = 0; k < bounds.length; k += 2) sentences.push({ index: sentences.length, paragraph: p.index, start: bounds[k]!, end: bounds[k + 1]! });
  }
  return { paragraphs, sentences };
}

/** `analyzeOne` given the article's token table, which the later corpus-wide stages reuse. */
function analyzeTokenized(input: ArticleInput, compiled: CompiledLexicon, tokens: TokenTable): ArticleAnalysis {
  const { text } = input;
  const { paragraphs, sentences } = segmentArticle(text, tokens);
  const terms = labelTerms(text, sentences, compiled, tokens);
  const { title, titleFrom } = chooseTitle(input, paragraphs, sentences);
  return {
    id: input.id,
    source: input.source,
    outlet: input.outlet,
    title,
    titleFrom,
    published: input.published,
    url: input.url,
    language: input.language,
    text,
    paragraphs,
    sentences,
    terms,
    stats: {
      // The table holds exactly the tokens countWords counts.
      words: tokens.count,
      characters: text.length,
      boilerplateShare: 0,
      loadedTerms: terms.filter((t) => t.connotation !== 0).length,
    },
  };
}

const DATELINE = /^[A-Z][A-Z .'’-]{1,40},[^-–—\n]{0,60}?\s?[-–—]+\s?/u;

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

function chooseTitle(
  input: ArticleInput,
  paragraphs: Paragraph[],
  sentences: Sentence[],
): { title: string; titleFrom: ArticleAnalysis['titleFrom'] } {
  if (input.title) return { title: input.title, titleFrom: 'metadata' };
  const heading = paragraphs.find((p) => p.role === 'title');
  if (heading) return { title: input.text.slice(heading.start, heading.end).replace(/\s+/g, ' '), titleFrom: 'text' };
  const first = sentences.find((s) => paragraphs[s.paragraph]?.role === 'body') ?? sentences[0];
  const raw = first ? input.text.slice(first.start, first.end) : input.id;
  return { title: clip(raw.replace(DATELINE, '').replace(/\s+/g, ' ').trim(), 110) || input.id, titleFrom: 'first-sentence' };
}

/** True when a span overlaps one of `sorted` (term hits sorted by start, which do not overlap each other). */
function overlapsAny(sorted: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const next = sorted[lo];
  return next !== undefined && next.start < span.end;
}

function boilerplateShare(paragraphs: Paragraph[]): number {
  let total = 0;
  let flagged = 0;
  for (const p of paragraphs) {
    const len = p.end - p.start;
    total += len;
    if (p.role === 'chrome' || p.boilerplate) flagged += len;
  }
  return total === 0 ? 0 : Math.round((flagged / total) * 1000) / 1000;
}

export function summarizeLexicons(lexicons: Lexicon[]): LexiconSummary[] {
  return lexicons.map((l) => ({ id: l.id, title: l.title, entries: l.entries.length, referents: l.referents.length }));
}

/**
 * What the boilerplate stage reads of each article: its paragraphs themselves as spans (a copy of each
 * span, ~35,000 at 10 MB, lived through the whole stage) and their roles. Lists made by push, not map
 * (whose optimised form may give holey arrays: see segmentArticle); loops in functions of their own, as
 * a loop in analyzeArticles made V8 compile that whole function on the stack (twice in a first 10 MB run).
 */
function boilerplateDocs(articles: readonly ArticleAnalysis[], tokens: readonly TokenTable[]): BoilerplateDoc[] {
  const docs: BoilerplateDoc[] = [];
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    const roles: Paragraph['role'][] = [];
    for (const p of a.paragraphs) roles.push(p.role);
    docs.push({ id: a.id, outlet: a.outlet, text: a.text, paragraphs: a.paragraphs, roles, tokens: tokens[i] });
  }
  return docs;
}

/** Files each paragraph's boilerplate family (aligned with the articles and their paragraphs) and the articles' boilerplate shares. */
function fileFamilies(articles: readonly ArticleAnalysis[], families: readonly (readonly (Paragraph['boilerplate'] | undefined)[] | undefined)[]): void {
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    const perParagraph = families[i] ?? [];
    for (let j = 0; j < a.paragraphs.length; j++) a.paragraphs[j]!.boilerplate = perParagraph[j] ?? null;
    a.stats.boilerplateShare = boilerplateShare(a.paragraphs);
  }
}

/** Gives each article its candidates: a candidate is wording no lexicon covers, so those that overlap a term already labelled are dropped. */
function fileCandidates(articles: readonly ArticleAnalysis[], candidates: ReadonlyMap<string, Candidate[]>): void {
  for (const a of articles) a.candidates = (candidates.get(a.id) ?? []).filter((c) => !overlapsAny(a.terms, c));
}

/** Runs the whole analyze pipeline over a corpus. */
export function analyzeArticles(inputs: ArticleInput[], lexicons: Lexicon[], options: AnalyzeOptions = {}): AnalyzeReport {
  options.onStage?.('articles');
  const compiled = compileLexicon(lexicons);
  // Each article is tokenised once; its table serves labelling, boilerplate and events.
  const vocabulary = new Vocabulary();
  const tokens = inputs.map((input) => tokenTable(input.text, vocabulary));
  const articles = inputs.map((input, i) => analyzeTokenized(input, compiled, tokens[i] as TokenTable));
  options.onStage?.('boilerplate');
  fileFamilies(articles, detectBoilerplate(boilerplateDocs(articles, tokens)));
  options.onStage?.('events');
  const tokensOf = new Map(articles.map((a, i) => [a, tokens[i]]));
  const events = groupEvents(articles, {}, (a) => tokensOf.get(a));
  // Candidates compare each article with the other reports of its event, so they come after grouping.
  options.onStage?.('candidates');
  const discovered = discoverCandidates(
    articles,
    events.map((e) => e.articles),
    { tokens: new Map(articles.map((a, i) => [a.id, tokens[i] as TokenTable])) },
  );
  fileCandidates(articles, discovered.candidates);
  options.onStage?.('done');
  return {
    kind: 'parallax.analyze',
    version: 1,
    lexicons: summarizeLexicons(lexicons),
    articles,
    events,
    proposedReferents: discovered.referents,
    rejected: options.rejected ?? [],
  };
}
