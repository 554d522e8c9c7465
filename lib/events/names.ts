/**
 * Names in running text (capitalised word runs such as "Nassib", "Golan Heights", "Dara’a al-Balad")
 * and the spelling fold that makes transliteration variants of one name share a key.
 */
import { foldWord, isSpace, tokenize } from '../normalize';
import { sizedForVocabulary, tokenRange, tokensIn, type TokenTable, type Vocabulary } from '../token-table';
import type { Span, Token } from '../types';
import { boundedMemo } from '../memo';
import { contentKey } from './words';

/** A run of capitalised words read as one name. */
export interface NameRun extends Span {
  /** Keys of the words that identify the name (titles and connectors left out), in order. */
  keys: string[];
  /** The name as written, from its first to its last key word. */
  surface: string;
}

// Office and courtesy words: "Senate Majority Leader Harry Reid", "President Obama" and "Obama" name
// one person, so a run keeps only what follows its last title word.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'dame', 'lady', 'president', 'vice', 'secretary', 'minister',
  'prime', 'sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor',
  'mayor', 'sheriff', 'king', 'queen', 'prince', 'princess', 'sheikh', 'gen', 'general', 'col',
  'colonel', 'lt', 'capt', 'captain', 'maj', 'major', 'sgt', 'adm', 'admiral', 'judge', 'justice',
  'chief', 'speaker', 'leader', 'whip', 'chairman', 'chairwoman', 'chair', 'ceo', 'director',
  'commissioner', 'ambassador', 'attorney', 'agent', 'spokesman', 'spokeswoman', 'former', 'lord',
  'ayatollah', 'pope', 'rev', 'reverend',
]);

// Lower-case particles that stay inside a name ("Dara’a al-Balad", "Ludwig van Beethoven").
const CONNECTORS = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'ibn', 'bint', 'abu', 'abd', 'de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'y']);

// Capitalised words that are never names on their own: calendar words are dates, the rest are how
// sentences, headlines and quotations commonly start.
const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'im', 'ive',
  'id', 'ill', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we',
  'they', 'you', 'his', 'her', 'our', 'their', 'my', 'your', 'in', 'on', 'at', 'of', 'for', 'and',
  'but', 'or', 'if', 'as', 'to', 'by', 'with', 'from', 'after', 'before', 'when', 'while', 'there',
  'here', 'what', 'who', 'why', 'how', 'where', 'which', 'not', 'no', 'yes', 'so', 'then', 'also',
  'photo', 'file', 'source', 'editors', 'note', 'update', 'updated', 'read', 'more', 'watch', 'video',
]);

/**
 * Folds a name for matching across spellings: `foldWord`, then letters mapped to what
 * transliterations swap (q/c→k, ph→f), doubled letters collapsed, and vowels after the first letter
 * dropped (a first vowel becomes `a`). "Dara’a", "Daraa" and "Deraa" all give `dr`; "Nassib",
 * "Nasib" and "Naseeb" give `nsb`; "Syrian" meets "Syria" (`sr`). Short words (three letters or
 * fewer, mostly acronyms) keep their folded form, because their skeletons would collide.
 */
export const nameKey: (word: string) => string = boundedMemo(computeNameKey);

// Memoised above: names repeat across sentences and articles, and the fold is pure.
function computeNameKey(word: string): string {
  const folded = foldWord(word).replace(/[^a-z0-9]/g, '');
  if (folded.length <= 3) return folded;
  // Demonyms in -ian/-ean meet their place once the vowels go: Syrian/Syria, Jordanian/Jordan.
  const stemmed = folded.length > 5 && /(?:[iey]|ic)an$/.test(folded) ? folded.slice(0, -1) : folded;
  const mapped = stemmed.replace(/ph/g, 'f').replace(/[qc]/g, 'k').replace(/(.)\1+/g, '$1');
  const head = /[aeiouy]/.test(mapped[0] ?? '') ? 'a' : (mapped[0] ?? '');
  const skeleton = head + mapped.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  return skeleton.length >= 2 ? skeleton : folded;
}

/** Folds a multi-word name ("Dara’a al-Balad") to the keys of its identifying words ("dr bld"). */
export function nameKeyOf(phrase: string): string {
  return tokenize(phrase)
    .filter((t) => !CONNECTORS.has(t.norm) && !TITLES.has(t.norm) && t.norm.length > 1)
    .map((t) => nameKey(t.norm))
    .join(' ');
}

function isCapitalised(text: string, t: Token): boolean {
  return isCapitalisedAt(text, t.start);
}

function isCapitalisedAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // ASCII fast path: most tokens are plain English words.
  if (code < 128) return code >= 65 && code <= 90;
  const first = text[at] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/**
 * True when the token starts a sentence or a quotation, where capitals say nothing about names. Only
 * the first token and the few characters before a token are looked at, so a sentence costs O(length).
 */
function opensClause(text: string, t: Token, first: boolean): boolean {
  return first || opensClauseAt(text, t.start);
}

/**
 * `/[“"‘(:]\s*$/u` or `/(?:\s[-–—]{1,2}|[–—])\s*$/u` on the four characters before `at`, read by char
 * code (this runs for every capitalised word): skip trailing white space, then look at the last mark.
 * A dash opens a clause only as punctuation ("TEHRAN -Militants"), not inside "Syrian-Jordanian".
 */
export function opensClauseAt(text: string, at: number): boolean {
  const lo = Math.max(0, at - 4);
  let j = at - 1;
  while (j >= lo && isSpace(text.charCodeAt(j))) j--;
  if (j < lo) return false;
  const c = text.charCodeAt(j);
  if (c === 0x201c || c === 0x22 || c === 0x2018 || c === 0x28 || c === 0x3a || c === 0x2013 || c === 0x2014) return true;
  if (c !== 0x2d) return false;
  // A hyphen after white space, or two dashes after white space.
  if (j - 1 < lo) return false;
  const b = text.charCodeAt(j - 1);
  if (isSpace(b)) return true;
  return (b === 0x2d || b === 0x2013 || b === 0x2014) && j - 2 >= lo && isSpace(text.charCodeAt(j - 2));
}

/** `/^[ \t\u00a0\-‐‑]*$/u` on `text.slice(from, to)`: only spaces and hyphens between two words. */
export function joinedBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x2d && c !== 0x2010 && c !== 0x2011) return false;
  }
  return true;
}

/** What `namesIn` found in one sentence: name runs, and the tokens that are ordinary words. */
export interface SentenceNames {
  runs: NameRun[];
  words: Token[];
}

/** A sentence's start offset with its tokens, so each sentence is tokenised once. */
export interface TokenizedSentence {
  start: number;
  tokens: Token[];
}

/** Tokenises sentence spans once for `capitalisedMidSentence` and `namesIn` (reading `table` when given). */
export function tokenizeSentences(text: string, spans: Span[], table?: TokenTable): TokenizedSentence[] {
  const shared = table?.text === text ? table : undefined;
  return spans.map((s) => ({ start: s.start, tokens: shared ? tokensIn(shared, s.start, s.end) : tokenize(text, s.start, s.end) }));
}

/**
 * Splits one sentence's tokens into name runs and ordinary words. A capitalised word opening a
 * sentence or quotation counts as a name only when `knownNames` (folded words seen capitalised
 * mid-sentence in the same article) holds it: "Russia has…" is a name, "Meanwhile, …" is not.
 * With `titleCase` (headlines) every word is held to that test.
 */
export function namesIn(text: string, sentence: TokenizedSentence, knownNames: ReadonlySet<string>, titleCase = false): SentenceNames {
  const runs: NameRun[] = [];
  const words: Token[] = [];
  const spill = (t: Token) => words.push(t);
  // The open run; flushRun empties it. A plain loop and module-level helpers: this runs per token.
  const run: Token[] = [];
  const tokens = sentence.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const t = tokens[index]!;
    const cap = isCapitalised(text, t) && t.norm.length > 1 && !NOT_NAMES.has(t.norm) && !startsWithDigit(t.norm);
    // In a headline every word may be capitalised ("Trump Sends Investigators to Hawaii"), so there
    // only words the body writes as names count.
    const isName = cap && ((!titleCase && !opensClause(text, t, index === 0)) || knownNames.has(t.norm));
    // Guarded: reading index -1 of an empty array is a slow named-property lookup in V8.
    const prev = run.length > 0 ? run[run.length - 1] : undefined;
    const joined = prev !== undefined && joinedBetween(text, prev.end, t.start);
    if (isName) {
      // A possessive ends a name: "NAACP’s Washington bureau" names two things.
      if (!joined || (prev && POSSESSIVE_END.test(text.slice(prev.start, prev.end)))) flushRun(text, run, runs, spill);
      run.push(t);
    } else if (joined && CONNECTORS.has(t.norm) && !cap) {
      run.push(t);
    } else {
      flushRun(text, run, runs, spill);
      words.push(t);
    }
  }
  flushRun(text, run, runs, spill);
  return { runs, words };
}

/** What the name tests need to know of one word of a vocabulary (bits of `WordFacts.flags`). */
const KNOWN = 1;
/** Not in NOT_NAMES. */
const NAMEABLE = 2;
/** NAMEABLE, longer than one letter and not starting with a digit: may open or extend a name run. */
const NAME_WORD = 4;
const CONNECTOR = 8;
/** In TITLES. */
const TITLE = 16;

/** Per word id of a corpus vocabulary: name flags and content key, worked out once per word, not per token. */
interface WordFacts {
  flags: Uint8Array;
  /** `contentKey` of the word (null: not a content word); undefined until first met. */
  keys: (string | null | undefined)[];
  /** Scratch counts per word id for a `WordTally`, all zero between articles. */
  counts: Int32Array;
  /** `nameKey` of the word; undefined until first asked. */
  nameKeys: (string | undefined)[];
  /** Scratch marks per word id for a `KnownIds`, all zero between articles. */
  marks: Uint8Array;
}
const factsByVocabulary = new WeakMap<Vocabulary, WordFacts>();

function factsOf(vocabulary: Vocabulary): WordFacts {
  let facts = factsByVocabulary.get(vocabulary);
  if (!facts || facts.flags.length < vocabulary.size) {
    const flags = sizedForVocabulary(facts?.flags, vocabulary, (n) => new Uint8Array(n));
    facts = {
      flags,
      keys: memoList(facts?.keys, flags.length),
      counts: sizedForVocabulary(facts?.counts, vocabulary, (n) => new Int32Array(n)),
      nameKeys: memoList(facts?.nameKeys, flags.length),
      marks: sizedForVocabulary(facts?.marks, vocabulary, (n) => new Uint8Array(n)),
    };
    factsByVocabulary.set(vocabulary, facts);
  }
  return facts;
}

/**
 * A memo by word id holding `old`'s entries, undefined up to `length`. Filled, not empty: an empty list
 * first written at a high id (an article's first word in a corpus-wide vocabulary) turns into a
 * dictionary, a hash table per lookup, and code optimised for the other kind was thrown away at it.
 */
function memoList<T>(old: (T | undefined)[] | undefined, length: number): (T | undefined)[] {
  const list: (T | undefined)[] = new Array<T | undefined>(length).fill(undefined);
  if (old) for (let i = 0; i < old.length; i++) list[i] = old[i];
  return list;
}

/**
 * Ordinary words of one text counted by word id, in place of a list of token indices: the caller
 * reads `order` (ids in order of first occurrence, which is all the word maps keep of the order) with
 * their counts, and hands the tally back to `drainTally`, which zeroes the counts for the next text.
 */
export interface WordTally {
  /** Occurrences per word id: scratch shared per vocabulary, zero for every word not in `order`. */
  readonly counts: Int32Array;
  readonly order: number[];
}

/** An empty tally over `vocabulary`; drain it (`drainTally`) before asking for the next. */
export function wordTally(vocabulary: Vocabulary): WordTally {
  return { counts: factsOf(vocabulary).counts, order: [] };
}

/** Calls `each(id, count)` for the tallied words in order of first occurrence, and zeroes the tally. */
export function drainTally(tally: WordTally, each: (id: number, count: number) => void): void {
  const { counts, order } = tally;
  for (let i = 0; i < order.length; i++) {
    const id = order[i] as number;
    const count = counts[id] as number;
    counts[id] = 0;
    each(id, count);
  }
  order.length = 0;
}

function tallyWord(tally: WordTally, id: number): void {
  if (tally.counts[id]!++ === 0) tally.order.push(id);
}

function flagsOf(facts: WordFacts, words: readonly string[], id: number): number {
  let f = facts.flags[id] as number;
  if (f === 0) {
    const norm = words[id] as string;
    f = KNOWN;
    if (!NOT_NAMES.has(norm)) {
      f |= NAMEABLE;
      if (norm.length > 1 && !startsWithDigit(norm)) f |= NAME_WORD;
    }
    if (CONNECTORS.has(norm)) f |= CONNECTOR;
    if (TITLES.has(norm)) f |= TITLE;
    facts.flags[id] = f;
  }
  return f;
}

/**
 * `contentKey` by word id of a vocabulary (undefined until first asked: see `contentKeyOfId`). Fetch
 * it once per article: the per-vocabulary lookup is a WeakMap get.
 */
export function contentKeysOf(vocabulary: Vocabulary): (string | null | undefined)[] {
  return factsOf(vocabulary).keys;
}

/** `contentKey` of word `id`, memoised in `keys` (from `contentKeysOf`). */
export function contentKeyOfId(keys: (string | null | undefined)[], words: readonly string[], id: number): string | null {
  let key = keys[id];
  if (key === undefined) keys[id] = key = contentKey(words[id] as string);
  return key;
}

/**
 * Token index ranges `[first, last)` of the spans in `table` (two entries per span), or null when the
 * table is not of `text` or an edge of some span cuts one of its tokens (then `tokenizeSentences` is
 * the way: `tokenize` would cut the word too).
 */
export function sentenceRanges(text: string, spans: Span[], table: TokenTable | undefined): Int32Array | null {
  if (!table || table.text !== text) return null;
  const out = new Int32Array(spans.length * 2);
  for (let i = 0; i < spans.length; i++) {
    const range = tokenRange(table, spans[i]!.start, spans[i]!.end);
    if (!range) return null;
    out[2 * i] = range[0];
    out[2 * i + 1] = range[1];
  }
  return out;
}

/**
 * Receives each name run of `namesInRange` as it closes: its span (from its first to its last key
 * word), the keys of its identifying words and the name as written. `keys` is a scratch array, valid
 * only during the call.
 */
export type RunSink = (start: number, end: number, keys: readonly string[], surface: string) => void;

/**
 * `namesIn` for tokens `[first, last)` of a table (one sentence, never a headline): the same runs, in
 * the same order, handed to `onRun`, and the ordinary words counted into `words` by word id, in the
 * order `namesIn` lists them (so the tally's order of first occurrence is that list's). Reads the
 * typed arrays and per-word flags: the members of a run are consecutive tokens, so the open run is
 * just the index where it starts, and no Token, run or key list is made per name.
 */
export function namesInRange(table: TokenTable, first: number, last: number, knownNames: KnownIds, words: WordTally, onRun: RunSink): void {
  const { text, starts, ends, ids } = table;
  const vocabulary = table.vocabulary.words;
  const facts = factsOf(table.vocabulary);
  // The open run is tokens [open, k): each token either joins it or closes it.
  let open = first;
  for (let k = first; k < last; k++) {
    const start = starts[k] as number;
    const id = ids[k] as number;
    const flags = flagsOf(facts, vocabulary, id);
    const cap = (flags & NAME_WORD) !== 0 && isCapitalisedAt(text, start);
    const isName = cap && ((k !== first && !opensClauseAt(text, start)) || knownNames.marks[id] === 1);
    const joined = open < k && joinedBetween(text, ends[k - 1] as number, start);
    if (isName) {
      // A possessive ends a name: "NAACP’s Washington bureau" names two things.
      if (!joined || endsPossessive(text, starts[k - 1] as number, ends[k - 1] as number)) {
        if (open < k) flushRange(table, facts, open, k, words, onRun);
        open = k;
      }
    } else if (!(joined && (flags & CONNECTOR) !== 0 && !cap)) {
      // Most words close no run: no call for an empty one (flushRange is too large to be inlined).
      if (open < k) flushRange(table, facts, open, k, words, onRun);
      tallyWord(words, id);
      open = k + 1;
    }
  }
  flushRange(table, facts, open, last, words, onRun);
}

/** `/['’‘ʼ]s$/u.test(text.slice(start, end))` without the slice. */
export function endsPossessive(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text.charCodeAt(end - 1) !== 0x73) return false;
  const q = text.charCodeAt(end - 2);
  return q === 0x27 || q === 0x2019 || q === 0x2018 || q === 0x2bc;
}

/** The keys `flushRange` hands to its sink (reused: the sink reads them during the call). */
const RUN_KEYS: string[] = [];

/** `flushRun` for the run of tokens `[from, to)` of a table, read through the words' flags. */
function flushRange(table: TokenTable, facts: WordFacts, from: number, to: number, words: WordTally, onRun: RunSink): void {
  if (from >= to) return;
  const { text, starts, ends, ids } = table;
  const flags = facts.flags;
  // Trailing connectors go back to the words, last first (as flushRun pops them).
  let end = to;
  while (end > from && ((flags[ids[end - 1] as number] as number) & CONNECTOR) !== 0) tallyWord(words, ids[--end] as number);
  if (end === from) return;
  // afterLastTitle: past the last title word before the last name word.
  let lastName = end - 1;
  while (lastName >= from && ((flags[ids[lastName] as number] as number) & (TITLE | CONNECTOR)) !== 0) lastName--;
  let head = from;
  for (let i = lastName - 1; i >= from; i--) {
    if (((flags[ids[i] as number] as number) & TITLE) !== 0) {
      head = i + 1;
      break;
    }
  }
  // Added, not assigned in a branch: the branch is first taken after V8 has optimised this function,
  // and an addition there had no type feedback (a deopt and a second compile per run).
  if (head === from && end - from >= 3) head += afterTitleOf(text, starts[from] as number);
  let count = 0;
  let firstKey = -1;
  let lastKey = -1;
  for (let i = head; i < end; i++) {
    const id = ids[i] as number;
    if (((flags[id] as number) & (TITLE | CONNECTOR)) !== 0) continue;
    let key = facts.nameKeys[id];
    if (key === undefined) facts.nameKeys[id] = key = nameKey(table.vocabulary.words[id] as string);
    RUN_KEYS[count++] = key;
    if (firstKey < 0) firstKey = i;
    lastKey = i;
  }
  if (count === 0) return;
  RUN_KEYS.length = count;
  const a = starts[firstKey] as number;
  const b = ends[lastKey] as number;
  onRun(a, b, RUN_KEYS, text.slice(a, endsPossessive(text, a, b) ? b - 2 : b));
}

/** 1 when the run at `start` follows "<title> of" ("Chief of Staff Rahm Emanuel": its first word belongs to the office), else 0. */
function afterTitleOf(text: string, start: number): number {
  if (!endsWithOf(text, start)) return 0;
  const before = text.slice(Math.max(0, start - 24), start);
  return TITLE_OF.test(before) && TITLES.has(foldWord(TITLE_OF.exec(before)?.[1] ?? '')) ? 1 : 0;
}

/**
 * The words an article writes capitalised mid-sentence (`capitalisedMidSentence`), by word id: marked
 * in `marks` (scratch per vocabulary) and listed in `ids`, so a name test reads a mark instead of
 * hashing the word. Hand it back to `forgetKnown` before asking for the next.
 */
export interface KnownIds {
  readonly marks: Uint8Array;
  readonly ids: number[];
}

/** `capitalisedMidSentence` over token index ranges of a table (from `sentenceRanges`), by word id. */
export function capitalisedMidSentenceIn(table: TokenTable, ranges: Int32Array): KnownIds {
  const { text, starts, ids } = table;
  const vocabulary = table.vocabulary.words;
  const facts = factsOf(table.vocabulary);
  const marks = facts.marks;
  const seen: number[] = [];
  for (let r = 0; r < ranges.length; r += 2) {
    const first = ranges[r] as number;
    const last = ranges[r + 1] as number;
    for (let k = first + 1; k < last; k++) {
      const id = ids[k] as number;
      if (marks[id] === 1) continue;
      const start = starts[k] as number;
      if ((flagsOf(facts, vocabulary, id) & NAMEABLE) !== 0 && isCapitalisedAt(text, start) && !opensClauseAt(text, start)) {
        marks[id] = 1;
        seen.push(id);
      }
    }
  }
  return { marks, ids: seen };
}

/** The words of `known` as `capitalisedMidSentence` gives them (for reading a title, which has no table). */
export function knownWords(known: KnownIds, vocabulary: Vocabulary): Set<string> {
  const out = new Set<string>();
  for (const id of known.ids) out.add(vocabulary.words[id] as string);
  return out;
}

/** Zeroes the marks of `known` for the next article. */
export function forgetKnown(known: KnownIds): void {
  for (const id of known.ids) known.marks[id] = 0;
  known.ids.length = 0;
}

/** `/^\d/.test(s)` without a regular expression (\d is ASCII here). */
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}
const POSSESSIVE_END = /['’‘ʼ]s$/u;
const TITLE_OF = /\b(\p{L}+)\s+of\s+$/u;

/**
 * Whether the text before `at` ends with `\s+of\s+`, which TITLE_OF needs at the end of any window
 * before `at`: read by char code, so a run not after "of" (nearly all) costs no slice and no regular
 * expression.
 */
export function endsWithOf(text: string, at: number): boolean {
  let j = at - 1;
  if (j < 0 || !isSpace(text.charCodeAt(j))) return false;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  return j >= 2 && text.charCodeAt(j) === 0x66 && text.charCodeAt(j - 1) === 0x6f && isSpace(text.charCodeAt(j - 2));
}

/**
 * Where a run's name starts once titles are dropped: after its last title word, when a name word
 * (neither title nor connector) follows that title at all; else 0. That title is the last one before
 * the last name word, so two backward passes find it without slicing the run.
 */
export function afterLastTitle(run: readonly { norm: string }[]): number {
  let lastName = run.length - 1;
  while (lastName >= 0 && (TITLES.has(run[lastName]!.norm) || CONNECTORS.has(run[lastName]!.norm))) lastName--;
  for (let i = lastName - 1; i >= 0; i--) if (TITLES.has(run[i]!.norm)) return i + 1;
  return 0;
}

/** Closes the open run: trailing connectors go back to the words (through `spill`), the rest becomes a name run (if any key word is left). */
function flushRun<T extends Token>(text: string, run: T[], runs: NameRun[], spill: (t: T) => unknown): void {
  if (!run.length) return;
  while (run.length && CONNECTORS.has(run[run.length - 1]!.norm)) spill(run.pop()!);
  let from = afterLastTitle(run);
  // "Chief of Staff Rahm Emanuel", "Secretary of State Hillary Clinton": the word after
  // "<title> of" belongs to the office.
  if (from === 0 && run.length >= 3) {
    const before = text.slice(Math.max(0, run[0]!.start - 24), run[0]!.start);
    if (TITLE_OF.test(before) && TITLES.has(foldWord(TITLE_OF.exec(before)?.[1] ?? ''))) from = 1;
  }
  const keyTokens: T[] = [];
  for (let i = from; i < run.length; i++) if (!CONNECTORS.has(run[i]!.norm) && !TITLES.has(run[i]!.norm)) keyTokens.push(run[i]!);
  const first = keyTokens[0];
  const last = keyTokens[keyTokens.length - 1];
  if (first && last) {
    // Built by push, like the table path's key list: a `.map` result is a holey array, another map,
    // and the run sink optimised for one deoptimised at the first title read with the other.
    const keys: string[] = [];
    for (const t of keyTokens) keys.push(nameKey(t.norm));
    runs.push({ start: first.start, end: last.end, keys, surface: text.slice(first.start, last.end).replace(/['’‘ʼ]s$/u, '') });
  }
  run.length = 0;
}

/** Folded words an article writes capitalised somewhere other than at the start of a sentence. */
export function capitalisedMidSentence(text: string, sentences: TokenizedSentence[]): Set<string> {
  const seen = new Set<string>();
  for (const s of sentences) {
    for (let index = 0; index < s.tokens.length; index++) {
      const t = s.tokens[index]!;
      if (isCapitalised(text, t) && !NOT_NAMES.has(t.norm) && !opensClause(text, t, index === 0)) seen.add(t.norm);
    }
  }
  return seen;
}
