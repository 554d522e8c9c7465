/**
 * The shared vocabulary of Parallax: every stage takes and returns these plain, serialisable shapes.
 *
 * Offsets: every `start`/`end` is a UTF-16 code-unit index into `Article.text` (a JavaScript string
 * index), `end` exclusive, so `text.slice(start, end)` is the exact quote. The UI, JSON, CSV and PDF
 * exports all render from these offsets; no stage rewrites the text.
 */

/** A half-open range `[start, end)` into an article's `text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also carries its exact quote, `text === article.text.slice(start, end)`. */
export interface Quote extends Span {
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Input: what the corpus module hands to the analysis core.
// ---------------------------------------------------------------------------------------------

/** One article as loaded: its exact text plus what is known about it. */
export interface ArticleInput {
  /** File name without extension; a plain id (`[A-Za-z0-9_-]+`). */
  id: string;
  /** Where it came from: a path relative to the working directory, or `corpus:<file>`. */
  source: string;
  /** Text exactly as received (for Markdown: the body after the front matter). */
  text: string;
  outlet: string | null;
  /** Title from metadata; when null the analysis takes it from the text. */
  title: string | null;
  /** YYYY-MM-DD, or null when unknown. */
  published: string | null;
  url: string | null;
  /** BCP 47 tag; `en` when not stated. */
  language: string;
}

/** A file or path that could not be loaded, with what a person should do about it. */
export interface LoadError {
  file: string;
  reason: string;
  hint: string;
}

// ---------------------------------------------------------------------------------------------
// Stage outputs.
// ---------------------------------------------------------------------------------------------

/** A word-like token with its offsets and a normalised form for matching. */
export interface Token extends Span {
  /** Folded form: lower case, curly apostrophes and dashes made plain, diacritics removed. */
  norm: string;
}

export type ParagraphRole = 'title' | 'body' | 'caption' | 'chrome';

/** Why a paragraph is chrome or a caption: a short code plus words a reader understands. */
export interface RoleReason {
  code:
    | 'breadcrumb'
    | 'share-buttons'
    | 'mirror-addresses'
    | 'bare-url'
    | 'related-news'
    | 'template-error'
    | 'repeated-headline'
    | 'source-credit'
    | 'posted-date'
    | 'photo-caption'
    | 'headline'
    | 'other';
  explanation: string;
}

/** A twin of a paragraph elsewhere in the corpus. */
export interface BoilerplateMatch {
  /** Article id of the twin (may be the same article). */
  article: string;
  /** Index of the twin in that article's `paragraphs`. */
  paragraph: number;
  /** 0..1, how much of the wording the two share. */
  similarity: number;
  /** Word runs that differ: what this paragraph says where the twin says `other`. */
  differences: BoilerplateDifference[];
}

export interface BoilerplateDifference {
  /** Wording in this paragraph ('' when the twin adds words here). */
  this: string;
  /** Wording in the twin ('' when this paragraph adds words). */
  other: string;
  /** Offsets of `this` in this article (start === end for an insertion point). */
  start: number;
  end: number;
}

export interface BoilerplateInfo {
  /** Stable id shared by every paragraph of one near-duplicate family. */
  family: string;
  /** `chrome` for site furniture, `stock` for re-used paragraphs of one outlet, `copied` across outlets. */
  kind: 'chrome' | 'stock' | 'copied';
  matches: BoilerplateMatch[];
}

export interface Paragraph extends Span {
  index: number;
  role: ParagraphRole;
  /** Set when role is not `body` (and for headlines), null otherwise. */
  reason: RoleReason | null;
  boilerplate: BoilerplateInfo | null;
}

export interface Sentence extends Span {
  index: number;
  /** Index into `paragraphs`. */
  paragraph: number;
}

/** Connotation toward the referent: -2 delegitimising … 0 neutral … +2 legitimising. */
export type Connotation = -2 | -1 | 0 | 1 | 2;

export type Voice = 'narrator' | 'quoted';

/** Where a lexicon label came from. */
export interface LexiconSource {
  /** e.g. "AP Stylebook", "Reuters Handbook of Journalism", "BBC Editorial Guidelines". */
  name: string;
  url?: string;
  /** Section or page, when the source has one. */
  section?: string;
}

/** The lexicon entry a term hit came from (a copy, so a report stands alone). */
export interface LexiconRef {
  lexicon: string;
  id: string;
  note: string;
  source: LexiconSource;
}

/** One terminology choice found in an article. */
export interface TermHit extends Quote {
  /** Who or what is named, e.g. `armed-opposition`, `syrian-government`. */
  referent: string;
  /** Canonical wording of the entry, e.g. "Takfiri militants". */
  label: string;
  connotation: Connotation;
  voice: Voice;
  /** For `quoted`: inside quotation marks (`direct`) or reported speech (`reported`). */
  quote: 'direct' | 'reported' | null;
  /** Set when this hit is a modifier stacked onto a following head ("Foreign-sponsored" in "Foreign-sponsored Takfiri militants"): the whole phrase. */
  phrase: Span | null;
  entry: LexiconRef;
  sentence: number;
}

export interface ArticleStats {
  words: number;
  characters: number;
  /** Share of characters in chrome or boilerplate paragraphs, 0..1. */
  boilerplateShare: number;
  /** Term hits with a non-zero connotation. */
  loadedTerms: number;
}

/** The per-article part of the analyze report. */
export interface ArticleAnalysis {
  id: string;
  source: string;
  outlet: string | null;
  title: string;
  /** Where the title came from. */
  titleFrom: 'metadata' | 'text' | 'first-sentence';
  published: string | null;
  url: string | null;
  language: string;
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  terms: TermHit[];
  /** Wording worth a look that no lexicon entry covers: loaded cues, swaps, outlet-specific labels. */
  candidates?: Candidate[];
  stats: ArticleStats;
}

/** What `parallax analyze --json` prints. */
export interface AnalyzeReport {
  kind: 'parallax.analyze';
  version: 1;
  lexicons: LexiconSummary[];
  articles: ArticleAnalysis[];
  /** Articles grouped by the event they report. */
  events: EventGroup[];
  /** Labels that different outlets use for one actor, grouped without a lexicon (per event). */
  proposedReferents: ProposedReferent[];
  /** Files that were not analysed and why. */
  rejected: LoadError[];
}

export interface LexiconSummary {
  id: string;
  title: string;
  entries: number;
  referents: number;
}

// ---------------------------------------------------------------------------------------------
// Lexicon: data files in lexicons/*.yaml, validated where they enter (lib/lexicon/schema.ts).
// ---------------------------------------------------------------------------------------------

/** Who or what a set of labels names. */
export interface LexiconReferent {
  id: string;
  name: string;
  description: string;
}

/** One wording of a referent, with its connotation and provenance. */
export interface LexiconEntry {
  id: string;
  referent: string;
  /** Canonical wording shown in tables. */
  label: string;
  /** Surface forms to match; plural/possessive/case/hyphen/apostrophe variants are derived by the matcher. */
  variants: string[];
  connotation: Connotation;
  /** Neutral explanation of why this wording matters, never a verdict on an outlet. */
  note: string;
  source: LexiconSource;
  /** `modifier`: a word that stacks onto a following noun phrase ("foreign-backed", "Takfiri"). */
  role: 'head' | 'modifier';
  /** Phrases containing a variant in which it is not this term ("deal a blow" is not a deal); matches inside them are dropped. */
  exclude?: string[];
}

export interface Lexicon {
  id: string;
  title: string;
  language: string;
  description: string;
  referents: LexiconReferent[];
  entries: LexiconEntry[];
}

// ---------------------------------------------------------------------------------------------
// Events and comparison (issue "Comparison engine").
// ---------------------------------------------------------------------------------------------

/** Articles that report the same happening. */
export interface EventGroup {
  /** Stable id derived from the member ids. */
  id: string;
  articles: string[];
  /** Dates the grouping relied on (YYYY-MM-DD or YYYY-MM), earliest first. */
  dates: string[];
  /** Why these articles were grouped, in words a teacher could read. */
  why: string;
  /** A short name for the event ("Daraa offensive, July 2018"), from shared places and words. */
  label: string;
}

/** One article's sentence in an aligned row. */
export interface RowCell extends Span {
  article: string;
  /** Index into that article's `sentences`. */
  sentence: number;
}

/** A word-level difference inside an aligned row, in one article's text. */
export interface WordChange extends Span {
  article: string;
  /** `replaced`: other reports put different words here; `added`: only this report has these words. */
  kind: 'replaced' | 'added';
}

/** A terminology swap the lexicon knows: the same referent named differently in one row. */
export interface TermSwap {
  referent: string;
  /** Canonical label used by each article in this row. */
  labels: Record<string, string>;
  connotations: Record<string, Connotation>;
}

export interface AlignedRow {
  index: number;
  /** At most one cell per article; articles without a matching sentence have none. */
  cells: RowCell[];
  /** 0..1: how alike the cells are (1 for a single cell). */
  similarity: number;
  changes: WordChange[];
  swaps: TermSwap[];
}

/** A sentence (fact, quote) one article carries and the others do not. */
export interface Omission extends Span {
  article: string;
  sentence: number;
  missingFrom: string[];
}

export interface TermTableRow {
  referent: string;
  label: string;
  connotation: Connotation;
  counts: Record<string, { narrator: number; quoted: number }>;
}

export type SourceKind = 'named' | 'anonymous' | 'agency' | 'unresolved';

/** Someone quoted or credited in an article. */
export interface SourceMention extends Span {
  article: string;
  /** The speaker as written ("Hussein Abazeed", "a Syrian military source", "SANA", "he"). */
  speaker: string;
  kind: SourceKind;
  /** The quoted or attributed material, when it can be delimited. */
  quote: Span | null;
  /** For a pronoun speaker ("he") resolved to a person named earlier: that earlier mention. */
  antecedent?: Quote;
}

/** What `parallax compare --json` prints: the comparison the UI and the PDF render. */
export interface CompareReport {
  kind: 'parallax.compare';
  version: 1;
  event: EventGroup | null;
  articles: ArticleAnalysis[];
  rows: AlignedRow[];
  omissions: Omission[];
  terms: TermTableRow[];
  sources: SourceMention[];
  referents: LexiconReferent[];
}

// ---------------------------------------------------------------------------------------------
// Candidates (issue "Any topic, not only Syria"): wording worth a reader's look when no lexicon knows it.
// ---------------------------------------------------------------------------------------------

/** A span whose wording is loaded or diverges from how the other reports of the event put it. */
export interface Candidate extends Quote {
  /** Higher is more worth a look; comparable within one analysis run, not across runs. */
  score: number;
  /** Why it was flagged, in words a reader understands, strongest first. */
  reasons: string[];
  /** Id of the proposed referent this wording names (see `ProposedReferent`), or null. */
  proposedReferent: string | null;
}

/** Labels that different outlets use for one actor or thing, grouped without a lexicon. */
export interface ProposedReferent {
  /** Stable id: `proposed:` plus the folded most-used label ("proposed:militants"). */
  id: string;
  /** The labels, most used first, as folded words ("militants", "rebels", ...). */
  labels: string[];
  /** Uses of each label per article id. */
  counts: Record<string, Record<string, number>>;
  /** Why these labels were grouped, for a reader. */
  why: string;
}
