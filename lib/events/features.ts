/**
 * What one article contributes to event matching: the content words, names and dates of its own body
 * paragraphs (chrome, captions and boilerplate left out), plus the date that places it in time.
 */
import type { TokenTable } from '../token-table';
import type { ArticleAnalysis, BoilerplateInfo, Paragraph, Sentence, Span } from '../types';
import { dayNumber, findTimeExpressions, rangeOf, type DayRange, type TimeExpression } from './dates';
import {
  capitalisedMidSentence,
  capitalisedMidSentenceIn,
  contentKeyOfId,
  contentKeysOf,
  drainTally,
  forgetKnown,
  knownWords,
  namesIn,
  namesInRange,
  sentenceRanges,
  tokenizeSentences,
  wordTally,
  type NameRun,
  type TokenizedSentence,
} from './names';
import { contentKey } from './words';

/** A content word's count and how it was written ("forces", "forced" share a stem). */
export interface WordCount {
  count: number;
  /** The form first seen. */
  surface: string;
  /** Occurrences per form, in order of first occurrence; null when the word was written one way (most are). */
  forms: Map<string, number> | null;
}

/**
 * Keys (in order of first occurrence) with their counts: an article's content words or name keys.
 * Two flat arrays, not a Map: they live for the whole stage, and a Map entry (with an object per
 * word) was most of what the features kept in memory, copied by every young-generation GC.
 */
export interface KeyCounts {
  keys: string[];
  counts: Int32Array;
}

/** An article's content words (stemmed keys) with how each was written. */
export interface ArticleWords extends KeyCounts {
  /** Per key, the form first seen. */
  surfaces: string[];
  /**
   * The few keys written in more than one form: one row per key and form (`slots[r]`, the key's index;
   * `forms[r]`; `formCounts[r]`), a key's rows in order of its forms' first occurrence. null when none.
   */
  forms: { slots: Int32Array; forms: string[]; formCounts: Int32Array } | null;
}

/** The count and forms of key number `slot` of `words`, as a `WordCount` (made when asked). */
export function wordCountAt(words: ArticleWords, slot: number): WordCount {
  let forms: Map<string, number> | null = null;
  const rows = words.forms;
  if (rows !== null) {
    for (let r = 0; r < rows.slots.length; r++) if (rows.slots[r] === slot) (forms ??= new Map()).set(rows.forms[r]!, rows.formCounts[r]!);
  }
  return { count: words.counts[slot]!, surface: words.surfaces[slot]!, forms };
}

/** One spelling of a name in an article. */
export interface NameForm {
  surface: string;
  count: number;
  /**
   * Its first occurrence in the body text, `[start, end)` (start -1: seen only in the title so far);
   * two numbers, not a Span object per spelling kept for the whole stage.
   */
  start: number;
  end: number;
  /** Among the name's spellings, the how-manieth to get its `start` (0, 1, …; -1 while `start` is -1). */
  atRank: number;
}

/**
 * A name's count, how it was written, and where each spelling first occurs in the body. The first
 * spelling's fields sit in the count itself and later ones in a short list (`formsOf` lists them
 * all): an article holds about a hundred names, most with one spelling, kept for the whole stage, and
 * a count, a list and a spelling object per name made most of what its features kept in memory.
 */
export interface NameCount {
  count: number;
  /** How many spellings have their `start` so far. */
  placed: number;
  /** The first spelling (title included): its `NameForm` fields, its count as `formCount`. */
  surface: string;
  formCount: number;
  start: number;
  end: number;
  atRank: number;
  /**
   * The other spellings, in order of first occurrence, each linked to the next; null when there is
   * one (most names). A chain, not a list: a list given its second entry by concat met arrays of
   * another map than the ones it was optimised for (a deopt and a second compile per first run).
   */
  more: LaterForm | null;
}

/** A name's second or later spelling. */
export interface LaterForm extends NameForm {
  next: LaterForm | null;
}

/** Each spelling of a name, in order of first occurrence (title included). */
export function formsOf(c: NameCount): NameForm[] {
  const forms: NameForm[] = [{ surface: c.surface, count: c.formCount, start: c.start, end: c.end, atRank: c.atRank }];
  for (let f = c.more; f !== null; f = f.next) forms.push({ surface: f.surface, count: f.count, start: f.start, end: f.end, atRank: f.atRank });
  return forms;
}

/** The spellings with a body occurrence, `[surface, first occurrence]`, in the order they first occur in the body. */
export function firstAtOf(c: NameCount): [string, Span][] {
  const forms = formsOf(c);
  const out: [string, Span][] = [];
  for (const f of forms) if (f.start >= 0) out.push([f.surface, { start: f.start, end: f.end }]);
  if (c.placed > 1) out.sort((x, y) => rankOf(forms, x[0]) - rankOf(forms, y[0]));
  return out;
}

function rankOf(forms: NameForm[], surface: string): number {
  return forms.find((f) => f.surface === surface)?.atRank ?? -1;
}

/** A left-out paragraph whose twins sit in other articles (what could have made them look alike). */
export interface SharedBoilerplate {
  paragraph: number;
  kind: BoilerplateInfo['kind'];
  /** Ids of other articles holding a twin. */
  twins: string[];
}

export interface ArticleFeatures {
  id: string;
  /** Stemmed content words with their counts and forms. */
  words: ArticleWords;
  /** Name keys (one per identifying word, `nameKey`) with their occurrences. */
  names: KeyCounts;
  /** Whole-name key ("glan hghts") → counts, for showing names as written. */
  phrases: Map<string, NameCount>;
  /** Day-level dates the text refers to (YYYY-MM-DD) → mentions. */
  dates: Map<string, number>;
  /** All time expressions found in the counted text. */
  times: TimeExpression[];
  /** Where the article sits in time: its publication date, or else a date its text states. */
  when: DayRange | null;
  /** The date `when` came from, as YYYY-MM-DD or YYYY-MM. */
  whenDate: string | null;
  whenFrom: 'published' | 'text' | null;
  /** Paragraphs left out because they are not body text or are boilerplate. */
  leftOut: number;
  shared: SharedBoilerplate[];
}

/** One occurrence of a name (key) written `surface`, in the body at `[start, end)` or in the title (`start` -1). */
function bumpName(map: Map<string, NameCount>, key: string, surface: string, start: number, end: number): void {
  let c = map.get(key);
  if (!c) map.set(key, (c = { count: 0, placed: 0, surface, formCount: 0, start: -1, end: -1, atRank: -1, more: null }));
  c.count++;
  if (c.surface === surface) {
    c.formCount++;
    if (start >= 0 && c.start < 0) {
      c.start = start;
      c.end = end;
      c.atRank = c.placed++;
    }
    return;
  }
  let form = c.more;
  let last: LaterForm | null = null;
  while (form !== null && form.surface !== surface) {
    last = form;
    form = form.next;
  }
  if (form === null) {
    form = { surface, count: 0, start: -1, end: -1, atRank: -1, next: null };
    if (last === null) c.more = form;
    else last.next = form;
  }
  form.count++;
  if (start >= 0 && form.start < 0) {
    form.start = start;
    form.end = end;
    form.atRank = c.placed++;
  }
}

/**
 * Keys counted in order of first occurrence, into scratch arrays reused from article to article
 * (growing them is paid once), then copied out at their exact size (`take`).
 */
class KeyTally {
  // A Map per article, not one cleared each time: V8 allocates the tables of a Map whose table is
  // in the old generation there too, so a long-lived Map's every table waited for a full GC.
  private slotOf = new Map<string, number>();
  protected readonly keys: string[] = [];
  // Plain lists that grow by themselves: a typed array replaced when full changed the field's
  // constness, so V8 deprecated the object's map and threw away the code reading it.
  protected readonly counts: number[] = [];
  protected size = 0;

  /** Adds `n` occurrences of `key`: its slot, or -1 - its slot when `key` is new. */
  add(key: string, n: number): number {
    const slot = this.slotOf.get(key);
    if (slot !== undefined) {
      this.counts[slot]! += n;
      return slot;
    }
    const fresh = this.size++;
    this.slotOf.set(key, fresh);
    this.keys[fresh] = key;
    this.counts[fresh] = n;
    return -1 - fresh;
  }

  reset(): void {
    this.slotOf = new Map();
    this.size = 0;
  }

  take(): KeyCounts {
    const out = { keys: this.keys.slice(0, this.size), counts: Int32Array.from(this.counts.slice(0, this.size)) };
    this.reset();
    return out;
  }
}

/**
 * `KeyTally` of content words with their forms. `n` occurrences of `norm` at once give the same
 * entry as `n` single ones: an entry keeps only the order in which keys and forms first occur, and
 * their totals.
 */
class WordsTally extends KeyTally {
  private readonly surfaces: string[] = [];
  private readonly formSlots: number[] = [];
  private readonly formNorms: string[] = [];
  private readonly formCounts: number[] = [];
  private formSize = 0;

  count(key: string, norm: string, n: number): void {
    const at = this.add(key, n);
    if (at < 0) {
      this.surfaces[-1 - at] = norm;
      return;
    }
    let r = 0;
    while (r < this.formSize && this.formSlots[r] !== at) r++;
    // Forms are listed once a second one turns up, the first with what it had so far.
    if (r === this.formSize) {
      if (norm === this.surfaces[at]) return;
      this.addForm(at, this.surfaces[at]!, this.counts[at]! - n);
    }
    for (; r < this.formSize; r++) {
      if (this.formSlots[r] === at && this.formNorms[r] === norm) {
        this.formCounts[r]! += n;
        return;
      }
    }
    this.addForm(at, norm, n);
  }

  private addForm(slot: number, norm: string, n: number): void {
    const r = this.formSize++;
    this.formSlots[r] = slot;
    this.formNorms[r] = norm;
    this.formCounts[r] = n;
  }

  override reset(): void {
    super.reset();
    this.formSize = 0;
  }

  takeWords(): ArticleWords {
    const size = this.size;
    const forms =
      this.formSize === 0
        ? null
        : { slots: Int32Array.from(this.formSlots.slice(0, this.formSize)), forms: this.formNorms.slice(0, this.formSize), formCounts: Int32Array.from(this.formCounts.slice(0, this.formSize)) };
    const surfaces = this.surfaces.slice(0, size);
    const { keys, counts } = this.take();
    return { keys, counts, surfaces, forms };
  }
}

/** The article being read: its words, name keys and whole names (one article at a time). */
const WORDS = new WordsTally();
const NAMES = new KeyTally();
let phrases = new Map<string, NameCount>();

/** One occurrence (or `n`) of an ordinary word written `norm`, whose content key is `key` (null: none). */
function countWord(key: string | null, norm: string, n: number): void {
  if (key !== null) WORDS.count(key, norm, n);
}

/** One name run (a `RunSink`); `start` is -1 for the title, whose names have no body occurrence. */
function countRun(start: number, end: number, keys: readonly string[], surface: string): void {
  // Most names are one word: no join.
  if (keys.length === 1) {
    const key = keys[0]!;
    NAMES.add(key, 1);
    bumpName(phrases, key, surface, start, end);
    return;
  }
  // Each key once, in order of first occurrence (as a Set of the keys would give them).
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (keys.indexOf(key) === i) NAMES.add(key, 1);
  }
  bumpName(phrases, keys.join(' '), surface, start, end);
}

/** The ordinary words and name runs of one sentence read from Token objects. */
function read(source: string, sentence: TokenizedSentence, known: ReadonlySet<string>, titleCase: boolean): void {
  const found = namesIn(source, sentence, known, titleCase);
  for (const t of found.words) countWord(contentKey(t.norm), t.norm, 1);
  for (const run of found.runs) countRun(titleCase ? -1 : run.start, run.end, run.keys, run.surface);
}

/** The date an article sits at: published, else the latest date its text states in full. */
function placeInTime(published: string | null, times: TimeExpression[]): Pick<ArticleFeatures, 'when' | 'whenDate' | 'whenFrom'> {
  // A valid YYYY-MM-DD (what dayNumber accepts) covers its own day: rangeOf's answer, without splitting it again.
  const day = published ? dayNumber(published) : null;
  if (published && day !== null) return { when: { from: day, to: day }, whenDate: published, whenFrom: 'published' };
  // Only dates written out with their year: a "Posted July 10, 2018" line says when, "In 2018" does not.
  for (const precision of ['day', 'month'] as const) {
    const stated = times.filter((t) => !t.relative && t.precision === precision).map((t) => t.date).sort();
    const latest = stated[stated.length - 1];
    if (latest) return { when: rangeOf(latest), whenDate: latest, whenFrom: 'text' };
  }
  return { when: null, whenDate: null, whenFrom: null };
}

/** Reads one article's event features; `tokens`, the text's token table when there is one, spares tokenising again. */
export function articleFeatures(article: ArticleAnalysis, tokens?: TokenTable): ArticleFeatures {
  // Two functions: the boilerplate twins are read from objects the boilerplate stage makes in a few
  // shapes, which deoptimised the whole reading on a "wrong map" twice per first run (a 40-90 ms
  // compile of it each time); now such a deopt costs a recompile of the small function only.
  return bodyFeatures(article, tokens, sharedBoilerplate(article));
}

/** The article's left-out body paragraphs that have twins in other articles. */
function sharedBoilerplate(article: ArticleAnalysis): SharedBoilerplate[] {
  const shared = SHARED;
  shared.length = 0;
  for (const p of article.paragraphs) {
    // Only body paragraphs would have counted; chrome shared with other pages is not shared wording.
    if (p.role !== 'body' || p.boilerplate === null) continue;
    // Other articles holding a twin, in order of first mention: a paragraph lists a few matches, so
    // a look along the list does (no Set per paragraph).
    const twins: string[] = [];
    for (const m of p.boilerplate.matches) if (m.article !== article.id && !twins.includes(m.article)) twins.push(m.article);
    // Kept as a copy of its own length: a list grown by push reserves 17 slots for one twin.
    if (twins.length) shared.push(new SharedParagraph(p.index, p.boilerplate.kind, twins.slice()));
  }
  return shared.slice();
}

/*
 * An article's shared paragraphs live for the whole stage: made by a constructor and gathered in
 * scratch (copied out at their length), not as literals, whose allocation sites V8 pretenured at the
 * first scavenge that found them alive, throwing away sharedBoilerplate's optimised code.
 */
const SHARED: SharedBoilerplate[] = [];

/** A `SharedBoilerplate` (fields in the order the literal had them). */
class SharedParagraph implements SharedBoilerplate {
  constructor(
    public paragraph: number,
    public kind: BoilerplateInfo['kind'],
    public twins: string[],
  ) {}
}

/** `articleFeatures` once the shared boilerplate is known. */
function bodyFeatures(article: ArticleAnalysis, tokens: TokenTable | undefined, shared: SharedBoilerplate[]): ArticleFeatures {
  const { text } = article;
  const counted: Paragraph[] = [];
  // Paragraph index → counted (1), for picking the sentences: indices (a paragraph's place in the
  // list, as segmenting numbers them), not a Set of them.
  let size = 0;
  for (const p of article.paragraphs) size = Math.max(size, p.index + 1);
  const isCounted = new Uint8Array(size);
  for (const p of article.paragraphs) {
    if (p.role === 'body' && p.boilerplate === null) {
      counted.push(p);
      isCounted[p.index] = 1;
    }
  }
  const sentences: Sentence[] = [];
  for (const s of article.sentences) if (isCounted[s.paragraph] === 1) sentences.push(s);

  WORDS.reset();
  NAMES.reset();
  phrases = new Map<string, NameCount>();
  // The title counts once, as a reader's first clue; an invented one (the first sentence) would
  // count that sentence twice.
  // A title made from the first sentence is body text, read with the body.
  const ownTitle = article.titleFrom !== 'first-sentence';
  const readTitle = (known: ReadonlySet<string>) => read(article.title, tokenizeSentences(article.title, [{ start: 0, end: article.title.length }])[0]!, known, true);
  const ranges = sentenceRanges(text, sentences, tokens);
  if (ranges && tokens) {
    // The same reading straight from the token table (no Token per word, flags and content keys
    // memoised per vocabulary word); held equal to the path below by tests/events-fast-path.test.ts.
    // Known names by word id (marks, zeroed again below); the title, which has no table, reads them as words.
    const known = capitalisedMidSentenceIn(tokens, ranges);
    const vocabulary = tokens.vocabulary.words;
    const keys = contentKeysOf(tokens.vocabulary);
    // Ordinary words are counted per word id over the whole body, then once per distinct word
    // (after the title's, as they would have come one by one).
    const tally = wordTally(tokens.vocabulary);
    try {
      if (ownTitle) readTitle(knownWords(known, tokens.vocabulary));
      for (let r = 0; r < ranges.length; r += 2) namesInRange(tokens, ranges[r]!, ranges[r + 1]!, known, tally, countRun);
    } finally {
      forgetKnown(known);
    }
    drainTally(tally, (id, n) => countWord(contentKeyOfId(keys, vocabulary, id), vocabulary[id]!, n));
  } else {
    const tokenized = tokenizeSentences(text, sentences, tokens);
    const known = capitalisedMidSentence(text, tokenized);
    if (ownTitle) readTitle(known);
    for (const s of tokenized) read(text, s, known, false);
  }

  const times = findTimeExpressions(text, counted, article.published, tokens);
  const dates = new Map<string, number>();
  for (const t of times) if (t.precision === 'day') dates.set(t.date, (dates.get(t.date) ?? 0) + 1);

  return {
    id: article.id,
    words: WORDS.takeWords(),
    names: NAMES.take(),
    phrases,
    dates,
    times,
    ...placeInTime(article.published, times),
    leftOut: article.paragraphs.length - counted.length,
    shared,
  };
}
