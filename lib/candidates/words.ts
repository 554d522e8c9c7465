/**
 * Word layer for candidate discovery: the body tokens of an article with a light stem, a stop-word
 * flag, a quotation flag and their sentence, so every signal counts and compares the same units.
 */
import { tokenize } from '../normalize';
import { sizedForVocabulary, tokenRange, type TokenTable, type Vocabulary } from '../token-table';
import type { ArticleAnalysis, Span, Token } from '../types';
import { LEFT_DOUBLE, LEFT_SINGLE, nextMarkOf, RIGHT_DOUBLE, RIGHT_SINGLE, STRAIGHT_DOUBLE, type MarkCursor } from '../voice';
import { STOPWORDS } from './word-lists';

/** A body token as the candidate signals see it (see {@link wordToken}: the word layer keeps no such objects). */
export interface WordToken extends Token {
  /** Light stem of `norm` ("slammed" → "slam", "rebels" → "rebel"), the unit every signal counts. */
  stem: string;
  /** Index into the article's `sentences`. */
  sentence: number;
  /** A function word, number or single letter: never a candidate on its own. */
  stop: boolean;
  /** Inside quotation marks in its paragraph. */
  quoted: boolean;
  /** Starts with a capital letter and is not the first word of its sentence (a name, most likely). */
  capital: boolean;
}

/** Bit of `ArticleWords.flags`: the token is inside quotation marks in its paragraph. */
export const QUOTED = 1;
/** Bit of `ArticleWords.flags`: the token starts with a capital letter and is not the first word of its sentence. */
export const CAPITAL = 2;

/**
 * The tokens of one article's body text, in order, as parallel arrays by token index (no object per
 * token): token i spans `[starts[i], ends[i])` of the text, folds to `norms[i]`, stems to
 * `stemOf(stemIds[i])`; see {@link WordToken} for the meaning of each field.
 */
export interface ArticleWords {
  id: string;
  /** The article's text (the same string, not a copy). */
  text: string;
  /** The number of body tokens. */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /**
   * The folded word of each token tokenised here, by token index; a token read from a token table has
   * none here (its vocabulary has it, by word id): read either with {@link normAt}. Not a string per
   * token of every article kept for the whole stage (~12 MB that survived every scavenge at 10 MB).
   */
  norms: string[];
  /**
   * Each token's word id in `vocabulary` when read from a token table, else -1 (for what depends on
   * the word alone, memoised by id; see `memoByVocabulary`).
   */
  wordIds: Int32Array;
  /** The vocabulary of the token table read, if any. */
  vocabulary: Vocabulary | undefined;
  /** Each token's stem as an interned integer (see `stemId`): equal stems, equal ids. */
  stemIds: Int32Array;
  /** 1 where the token is a stop word. */
  stops: Uint8Array;
  /** Each token's sentence (an index into the article's `sentences`). */
  sentences: Int32Array;
  /** {@link QUOTED} and {@link CAPITAL} bits of each token. */
  flags: Uint8Array;
  /** Token index range `[start, end)` of each sentence (empty for sentences outside the body). */
  sentenceTokens: Span[];
}

/** The folded word of token `i` of an article's words (the vocabulary's own string when read from a token table). */
export function normAt(words: ArticleWords, i: number): string {
  const id = words.wordIds[i]!;
  return id >= 0 ? words.vocabulary!.words[id]! : words.norms[i]!;
}

/** Token `i` of an article's words as an object (for tests, benchmarks and other cold paths). */
export function wordToken(words: ArticleWords, i: number): WordToken {
  const flags = words.flags[i]!;
  return {
    start: words.starts[i]!,
    end: words.ends[i]!,
    norm: normAt(words, i),
    stem: stemOf(words.stemIds[i]!),
    sentence: words.sentences[i]!,
    stop: words.stops[i] === 1,
    quoted: (flags & QUOTED) !== 0,
    capital: (flags & CAPITAL) !== 0,
  };
}

/** Every token of an article's words as objects, in order (see {@link wordToken}). */
export function wordTokens(words: ArticleWords): WordToken[] {
  return Array.from({ length: words.count }, (_, i) => wordToken(words, i));
}

const VOWEL = /[aeiouy]/;
const UNDOUBLE = /([bdfgkmnprt])\1$/;

/**
 * A deliberately light English stemmer: strips plural, past and progressive endings and a final
 * "e", so inflections of one word meet ("seize", "seized", "seizes" → "seiz"). It never merges
 * derivations ("militant" and "militancy" stay apart), which keeps referent labels distinct.
 */
export function stem(norm: string): string {
  let w = norm;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && VOWEL.test(w.slice(0, -3)) && w.length > 5) w = w.slice(0, -3).replace(UNDOUBLE, '$1');
  else if (w.endsWith('ed') && VOWEL.test(w.slice(0, -2)) && w.length > 4) w = w.slice(0, -2).replace(UNDOUBLE, '$1');
  if (w.endsWith('e') && w.length > 3 && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** Opening quotation marks (by code unit) and the marks that close them: “ ”, « », ‘ ’. */
const CLOSER = new Map([
  [LEFT_DOUBLE, RIGHT_DOUBLE],
  [0xab, 0xbb],
  [LEFT_SINGLE, RIGHT_SINGLE],
]);

/** Every character {@link quotedRanges} acts on; any other leaves its state as it is. */
const QUOTE_MARK = /["\u201c\u201d\u00ab\u00bb\u2018\u2019]/g;

/** Where the last quotation mark search of one text started and what it found (see `nextMarkOf`). */
export type QuoteCursor = MarkCursor;

/**
 * Quoted stretches of one paragraph: curly and guillemet quotes pair by direction, straight double
 * quotes toggle. A single curly quote opens only after a space or bracket and closes only before a
 * non-letter, so apostrophes ("Syria’s", "’90s") are never taken for quotation marks. Only the
 * quotation marks are visited (found by one regular-expression scan, whose last answer `marks` keeps
 * for the next paragraph of the same text): no other character opens or closes anything.
 */
export function quotedRanges(text: string, from: number, to: number, marks: QuoteCursor = { from: 0, at: -1 }): Span[] {
  const ranges: Span[] = [];
  let open = -1;
  let closer = 0;
  // Compared by code unit (the openers of CLOSER spelt out, not a Map lookup).
  for (let i = nextMarkOf(QUOTE_MARK, text, from, marks); i < to; i = nextMarkOf(QUOTE_MARK, text, i + 1, marks)) {
    const c = text.charCodeAt(i);
    if (open < 0) {
      if (c === STRAIGHT_DOUBLE) {
        open = i;
        closer = STRAIGHT_DOUBLE;
      } else if ((c === LEFT_DOUBLE || c === 0xab || c === LEFT_SINGLE) && (c !== LEFT_SINGLE || i === from || /[\s(\[]/u.test(text[i - 1] ?? ''))) {
        open = i;
        closer = CLOSER.get(c)!;
      }
    } else if (c === closer && (c !== RIGHT_SINGLE || !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ''))) {
      ranges.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  // An unclosed quotation runs to the end of its paragraph, as news copy continues a quote.
  if (open >= 0) ranges.push({ start: open, end: to });
  return ranges;
}

/** True when the character at `at` changes under lower-casing (an ASCII test first: most words are ASCII). */
function startsUpper(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const initial = text[at] ?? '';
  return initial !== initial.toLowerCase();
}

/** True for paragraphs a reader would count as the article's own body text. */
export function isBodyParagraph(article: ArticleAnalysis, index: number): boolean {
  const p = article.paragraphs[index];
  return !!p && p.role === 'body' && !p.boilerplate;
}

// Stems as integers, so signals can count and compare them in typed arrays. The interner lives as
// long as the process; `forgetStemIds` starts it afresh (between corpora, when it has grown large).
let stemIdTable = new Map<string, number>();
let stemById: string[] = [];
let stemGeneration = 0;

/** The interned id of a stem. */
export function stemId(stemmed: string): number {
  let id = stemIdTable.get(stemmed);
  if (id === undefined) {
    stemIdTable.set(stemmed, (id = stemIdTable.size));
    stemById.push(stemmed);
  }
  return id;
}

/** The stem an id stands for (the inverse of `stemId`). */
export function stemOf(id: number): string {
  return stemById[id] ?? '';
}

/** How many stems have ids (every id is below this). */
export function stemIdCount(): number {
  return stemIdTable.size;
}

/** Changes each time the stem ids are forgotten (see `forgetStemIds`): what is memoised by stem id holds within one generation. */
export function stemIdGeneration(): number {
  return stemGeneration;
}

/** Forgets all stem ids once there are more than `limit`; ids handed out before must not be mixed with later ones. */
export function forgetStemIds(limit = 1_000_000): void {
  if (stemIdTable.size <= limit) return;
  stemIdTable = new Map();
  stemById = [];
  stemGeneration++;
}

/** Stem id and stop flag of each folded word of a vocabulary, filled as words are first met (`stops` 0: not yet; 1: a stop word; 2: not). */
interface WordFacts {
  generation: number;
  ids: Int32Array;
  stops: Uint8Array;
}
const factsByVocabulary = new WeakMap<Vocabulary, WordFacts>();
const isStop = (norm: string) => STOPWORDS.has(norm) || norm.length < 2 || /\d/.test(norm);

function factsOf(vocabulary: Vocabulary): WordFacts {
  let facts = factsByVocabulary.get(vocabulary);
  if (facts && facts.generation !== stemGeneration) facts = undefined;
  if (!facts || facts.stops.length < vocabulary.size) {
    facts = {
      generation: stemGeneration,
      ids: sizedForVocabulary(facts?.ids, vocabulary, (n) => new Int32Array(n)),
      stops: sizedForVocabulary(facts?.stops, vocabulary, (n) => new Uint8Array(n)),
    };
    factsByVocabulary.set(vocabulary, facts);
  }
  return facts;
}

/** Growable scratch columns for {@link articleWords}, copied out at the end of each article. */
let scratch = { starts: new Int32Array(4096), ends: new Int32Array(4096), ids: new Int32Array(4096), wordIds: new Int32Array(4096), stops: new Uint8Array(4096), sentences: new Int32Array(4096), flags: new Uint8Array(4096) };

function growScratch(): void {
  const size = scratch.starts.length * 2;
  const next = { starts: new Int32Array(size), ends: new Int32Array(size), ids: new Int32Array(size), wordIds: new Int32Array(size), stops: new Uint8Array(size), sentences: new Int32Array(size), flags: new Uint8Array(size) };
  next.starts.set(scratch.starts);
  next.ends.set(scratch.ends);
  next.ids.set(scratch.ids);
  next.wordIds.set(scratch.wordIds);
  next.stops.set(scratch.stops);
  next.sentences.set(scratch.sentences);
  next.flags.set(scratch.flags);
  scratch = next;
}

/** True when `[start, end)` lies within one of `quotes`. */
function inQuotes(quotes: readonly Span[], start: number, end: number): boolean {
  for (const q of quotes) if (q.start <= start && end <= q.end) return true;
  return false;
}

/**
 * Tokenises the body sentences of one article (chrome, captions, titles and boilerplate are skipped).
 * Given the article's token table (see token-table.ts), reads the tokens from it instead of
 * tokenising again, and stems each distinct word of the table's vocabulary once; without one (or
 * for a sentence whose edge cuts a word of the table), it tokenises and stems word by word.
 */
export function articleWords(article: ArticleAnalysis, table?: TokenTable): ArticleWords {
  const { text } = article;
  const norms: string[] = [];
  let n = 0;
  const sentenceTokens: Span[] = [];
  const quotesByParagraph = new Map<number, Span[]>();
  const marks: QuoteCursor = { from: 0, at: -1 };
  const usable = table !== undefined && table.text === text;
  const facts = usable ? factsOf(table.vocabulary) : undefined;
  const words = usable ? table.vocabulary.words : undefined;
  const push = (start: number, end: number, norm: string, wordId: number, id: number, stop: boolean, sentence: number, quotes: readonly Span[], first: boolean) => {
    if (n === scratch.starts.length) growScratch();
    scratch.starts[n] = start;
    scratch.ends[n] = end;
    scratch.ids[n] = id;
    scratch.wordIds[n] = wordId;
    scratch.stops[n] = stop ? 1 : 0;
    scratch.sentences[n] = sentence;
    scratch.flags[n] = (quotes.length > 0 && inQuotes(quotes, start, end) ? QUOTED : 0) | (!first && startsUpper(text, start) ? CAPITAL : 0);
    // By index: the tokens read from a token table before it have none here.
    norms[n] = norm;
    n++;
  };
  for (const s of article.sentences) {
    const from = n;
    if (isBodyParagraph(article, s.paragraph)) {
      let quotes = quotesByParagraph.get(s.paragraph);
      if (!quotes) {
        const p = article.paragraphs[s.paragraph]!;
        quotes = quotedRanges(text, p.start, p.end, marks);
        quotesByParagraph.set(s.paragraph, quotes);
      }
      const range = usable ? tokenRange(table, s.start, s.end) : null;
      if (range && facts && words) {
        // `push` written out, into the columns made room for once per sentence (this runs for every
        // body token of the corpus; the closure kept the token count in a context slot).
        const [first, last] = range;
        while (n + (last - first) > scratch.starts.length) growScratch();
        const { starts, ends, ids, wordIds, stops, sentences, flags } = scratch;
        for (let k = first; k < last; k++) {
          const id = table!.ids[k] as number;
          // Known by the typed stop flag, not by a list of stems (a holey list read per token).
          if (facts.stops[id] === 0) {
            const norm = words[id] as string;
            facts.ids[id] = stemId(stem(norm));
            facts.stops[id] = isStop(norm) ? 1 : 2;
          }
          const start = table!.starts[k] as number;
          const end = table!.ends[k] as number;
          starts[n] = start;
          ends[n] = end;
          ids[n] = facts.ids[id] as number;
          wordIds[n] = id;
          stops[n] = facts.stops[id] === 1 ? 1 : 0;
          sentences[n] = s.index;
          flags[n] = (quotes.length > 0 && inQuotes(quotes, start, end) ? QUOTED : 0) | (k !== first && startsUpper(text, start) ? CAPITAL : 0);
          n++;
        }
      } else {
        let first = true;
        for (const t of tokenize(text, s.start, s.end)) {
          push(t.start, t.end, t.norm, -1, stemId(stem(t.norm)), isStop(t.norm), s.index, quotes, first);
          first = false;
        }
      }
    }
    sentenceTokens[s.index] = { start: from, end: n };
  }
  // The columns are views of two arrays per article, not an array each: every typed array of more
  // than a few values has a backing store of its own outside the heap, made and freed one by one.
  const columns = new Int32Array(5 * n);
  const bytes = new Uint8Array(2 * n);
  return {
    id: article.id,
    text,
    count: n,
    starts: column(columns, 0, scratch.starts, n),
    ends: column(columns, 1, scratch.ends, n),
    norms,
    wordIds: column(columns, 2, scratch.wordIds, n),
    vocabulary: usable ? table.vocabulary : undefined,
    stemIds: column(columns, 3, scratch.ids, n),
    stops: column(bytes, 0, scratch.stops, n),
    sentences: column(columns, 4, scratch.sentences, n),
    flags: column(bytes, 1, scratch.flags, n),
    sentenceTokens,
  };
}

/** Column `k` of `n` values in `into`, copied from the first `n` of `from` (an array of the same kind). */
function column<A extends Int32Array | Uint8Array>(into: A, k: number, from: A, n: number): A {
  const out = into.subarray(k * n, (k + 1) * n) as A;
  out.set(from.subarray(0, n));
  return out;
}

/**
 * The token index range `[from, to)` of the body tokens lying within `[start, end)` of the text:
 * from the first token starting at or after `start` (a binary search) up to the first that ends past `end`.
 */
export function wordRange(words: ArticleWords, start: number, end: number): { from: number; to: number } {
  const { starts, ends, count } = words;
  let from = 0;
  let hi = count;
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (starts[mid]! < start) from = mid + 1;
    else hi = mid;
  }
  let to = from;
  while (to < count && ends[to]! <= end) to++;
  return { from, to };
}

/** Counts of each stem among an article's content tokens (stop words left out). */
export function stemCounts(words: ArticleWords): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < words.count; i++) {
    if (words.stops[i] === 1) continue;
    const stemmed = stemOf(words.stemIds[i]!);
    counts.set(stemmed, (counts.get(stemmed) ?? 0) + 1);
  }
  return counts;
}

/**
 * Which stems an article's content tokens have, for presence and counts: their stem ids, one per
 * token, sorted (no map, no array per stem).
 */
export interface StemIndex {
  /** The stem ids of the content tokens (stop words left out), in increasing order. */
  content: Int32Array;
}

/**
 * The stem index of an article. Ids alone, sorted as integers: nothing reads a token's place from
 * the index, and a sort of (stem id, token index) packed as doubles, which it was, took twice as long.
 */
export function stemIndex(words: ArticleWords): StemIndex {
  const { stemIds, stops } = words;
  const out = new Int32Array(stemIds.length);
  let m = 0;
  for (let i = 0; i < stemIds.length; i++) if (stops[i] === 0) out[m++] = stemIds[i]!;
  return { content: out.subarray(0, m).sort() };
}

/** First position of `sorted` holding stem id `id` or a larger one. */
function lowerBound(sorted: Int32Array, id: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a content token of the article has stem id `id`. */
export function usesStem(index: StemIndex, id: number): boolean {
  const at = lowerBound(index.content, id);
  return at < index.content.length && index.content[at] === id;
}

/**
 * Adds each stem's count among the article's content tokens to `counts` (by stem id), listing in
 * `touched`, when given, each stem whose count was 0 before (in order of stem id, as the index is
 * sorted); returns the number of content tokens. One token at a time, with no callback per stem.
 */
export function addStemCounts(index: StemIndex, counts: Float64Array, touched?: number[]): number {
  const { content } = index;
  for (let at = 0; at < content.length; at++) {
    const id = content[at]!;
    if (touched !== undefined && counts[id] === 0) touched.push(id);
    counts[id]! += 1;
  }
  return content.length;
}

/** Sets the count of each stem of the article's content tokens back to 0 in `counts` (see {@link addStemCounts}). */
export function clearStemCounts(index: StemIndex, counts: Float64Array): void {
  const { content } = index;
  for (let at = 0; at < content.length; at++) counts[content[at]!] = 0;
}

/**
 * True when the stem ids `stems[from .. to)` occur as consecutive tokens of the article (stop words
 * included). A plain scan of its stem ids: asked only for wordings of two tokens or more whose
 * content stems the article all uses (~15,000 times at 10 MB), it costs less than sorting a second
 * index of every token's positions for the ~1,400 articles asked.
 */
export function hasStemRun(words: ArticleWords, stems: ArrayLike<number>, from: number, to: number): boolean {
  const ids = words.stemIds;
  const length = to - from;
  const first = stems[from];
  for (let i = 0; i + length <= ids.length; i++) {
    if (ids[i] !== first) continue;
    let j = 1;
    while (j < length && ids[i + j] === stems[from + j]) j++;
    if (j === length) return true;
  }
  return false;
}

/**
 * Which of up to 32 articles use each stem among their content tokens, as one bit per article by
 * stem id: one array read per stem answers `usesStem` for all of them at once, instead of a binary
 * search per stem and article. `mark` the articles, read, then `clear` before marking others.
 */
export class StemPresence {
  private bits = new Uint32Array(1024);
  private marked: StemIndex[] = [];

  /** Marks the articles of `indexes` (at most 32; bit k for the k-th, none for a missing one). */
  mark(indexes: readonly (StemIndex | undefined)[]): void {
    if (indexes.length > 32) throw new Error('StemPresence holds at most 32 articles');
    if (this.bits.length < stemIdCount()) this.bits = new Uint32Array(stemIdCount() * 2);
    const bits = this.bits;
    indexes.forEach((index, k) => {
      if (!index) return;
      this.marked.push(index);
      const { content } = index;
      for (let at = 0; at < content.length; at++) bits[content[at]!]! |= 1 << k;
    });
  }

  /** Bits of the marked articles that use stem id `id`. */
  usedBy(id: number): number {
    return this.bits[id] ?? 0;
  }

  /** Unmarks every article marked so far. */
  clear(): void {
    const bits = this.bits;
    for (const { content } of this.marked) for (let at = 0; at < content.length; at++) bits[content[at]!] = 0;
    this.marked.length = 0;
  }
}
