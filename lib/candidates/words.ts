/**
 * Word layer for candidate discovery: the body tokens of an article with a light stem, a stop-word
 * flag, a quotation flag and their sentence, so every signal counts and compares the same units.
 */
import { tokenize } from '../normalize';
import { sizedForVocabulary, tokenRange, type TokenTable, type Vocabulary } from '../token-table';
import type { ArticleAnalysis, Span, Token } from '../types';
import { LEFT_DOUBLE, LEFT_SINGLE, RIGHT_DOUBLE, RIGHT_SINGLE, STRAIGHT_DOUBLE } from '../voice';
import { STOPWORDS } from './word-lists';

/** A body token as the candidate signals see it. */
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

/** The tokens of one article's body text, in order. */
export interface ArticleWords {
  id: string;
  /** The article's text (the same string, not a copy). */
  text: string;
  tokens: WordToken[];
  /** Each token's stem as an interned integer (see `stemId`): equal stems, equal ids. */
  stemIds: Int32Array;
  /** 1 where the token is a stop word (its `stop` flag), so hot loops need not load the token object. */
  stops: Uint8Array;
  /** Token index range `[start, end)` of each sentence (empty for sentences outside the body). */
  sentenceTokens: Span[];
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

/**
 * Quoted stretches of one paragraph: curly and guillemet quotes pair by direction, straight double
 * quotes toggle. A single curly quote opens only after a space or bracket and closes only before a
 * non-letter, so apostrophes ("Syria’s", "’90s") are never taken for quotation marks.
 */
export function quotedRanges(text: string, from: number, to: number): Span[] {
  const ranges: Span[] = [];
  let open = -1;
  let closer = 0;
  // Compared by code unit (the openers of CLOSER spelt out, not a Map lookup): this runs for every
  // character of every body paragraph.
  for (let i = from; i < to; i++) {
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

/** Forgets all stem ids once there are more than `limit`; ids handed out before must not be mixed with later ones. */
export function forgetStemIds(limit = 1_000_000): void {
  if (stemIdTable.size <= limit) return;
  stemIdTable = new Map();
  stemById = [];
  stemGeneration++;
}

/** Stem, stem id and stop flag of each folded word of a vocabulary, filled as words are first met. */
interface WordFacts {
  generation: number;
  stems: (string | undefined)[];
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
      stems: facts?.stems ?? [],
      ids: sizedForVocabulary(facts?.ids, vocabulary, (n) => new Int32Array(n)),
      stops: sizedForVocabulary(facts?.stops, vocabulary, (n) => new Uint8Array(n)),
    };
    factsByVocabulary.set(vocabulary, facts);
  }
  return facts;
}

/**
 * Tokenises the body sentences of one article (chrome, captions, titles and boilerplate are skipped).
 * Given the article's token table (see token-table.ts), reads the tokens from it instead of
 * tokenising again, and stems each distinct word of the table's vocabulary once; without one (or
 * for a sentence whose edge cuts a word of the table), it tokenises and stems word by word.
 */
export function articleWords(article: ArticleAnalysis, table?: TokenTable): ArticleWords {
  const { text } = article;
  const tokens: WordToken[] = [];
  const ids: number[] = [];
  const stops: number[] = [];
  const sentenceTokens: Span[] = [];
  const quotesByParagraph = new Map<number, Span[]>();
  const usable = table !== undefined && table.text === text;
  const facts = usable ? factsOf(table.vocabulary) : undefined;
  const words = usable ? table.vocabulary.words : undefined;
  for (const s of article.sentences) {
    const from = tokens.length;
    if (isBodyParagraph(article, s.paragraph)) {
      let quotes = quotesByParagraph.get(s.paragraph);
      if (!quotes) {
        const p = article.paragraphs[s.paragraph]!;
        quotes = quotedRanges(text, p.start, p.end);
        quotesByParagraph.set(s.paragraph, quotes);
      }
      const push = (start: number, end: number, norm: string, stemmed: string, id: number, stop: boolean, first: boolean) => {
        ids.push(id);
        stops.push(stop ? 1 : 0);
        // Built field by field: spreading a token here made this loop ~8x slower on V8 (BASIL: ~4 s against ~0.5 s).
        tokens.push({
          start,
          end,
          norm,
          stem: stemmed,
          sentence: s.index,
          stop,
          quoted: quotes.length > 0 && quotes.some((q) => q.start <= start && end <= q.end),
          capital: !first && startsUpper(text, start),
        });
      };
      const range = usable ? tokenRange(table, s.start, s.end) : null;
      if (range && facts && words) {
        for (let k = range[0]; k < range[1]; k++) {
          const id = table!.ids[k] as number;
          const norm = words[id] as string;
          let stemmed = facts.stems[id];
          if (stemmed === undefined) {
            facts.stems[id] = stemmed = stem(norm);
            facts.ids[id] = stemId(stemmed);
            facts.stops[id] = isStop(norm) ? 1 : 2;
          }
          push(table!.starts[k] as number, table!.ends[k] as number, norm, stemmed, facts.ids[id] as number, facts.stops[id] === 1, k === range[0]);
        }
      } else {
        let first = true;
        for (const t of tokenize(text, s.start, s.end)) {
          const stemmed = stem(t.norm);
          push(t.start, t.end, t.norm, stemmed, stemId(stemmed), isStop(t.norm), first);
          first = false;
        }
      }
    }
    sentenceTokens[s.index] = { start: from, end: tokens.length };
  }
  return { id: article.id, text, tokens, stemIds: Int32Array.from(ids), stops: Uint8Array.from(stops), sentenceTokens };
}

/**
 * The token index range `[from, to)` of the body tokens lying within `[start, end)` of the text:
 * from the first token starting at or after `start` (a binary search) up to the first that ends past `end`.
 */
export function wordRange(tokens: readonly WordToken[], start: number, end: number): { from: number; to: number } {
  let from = 0;
  let hi = tokens.length;
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (tokens[mid]!.start < start) from = mid + 1;
    else hi = mid;
  }
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= end) to++;
  return { from, to };
}

/** Counts of each stem among an article's content tokens (stop words left out). */
export function stemCounts(words: ArticleWords): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of words.tokens) if (!t.stop) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1);
  return counts;
}

/**
 * Where each stem occurs in an article, for phrase lookups: token indexes ordered by (stem id,
 * position), packed as id·2^21 + index in one sorted typed array (no map, no array per stem).
 */
export interface StemIndex {
  /** Sorted packed (stem id, token index) of the content tokens (stop words left out). */
  content: Float64Array;
  /** The same over every token, built when first asked for (see `someTokenWithStem`). */
  all: Float64Array | null;
}

const PACK = 2 ** 21;

function packed(words: ArticleWords, contentOnly: boolean): Float64Array {
  const { stemIds, stops } = words;
  const out = new Float64Array(stemIds.length);
  let m = 0;
  for (let i = 0; i < stemIds.length; i++) if (!contentOnly || stops[i] === 0) out[m++] = stemIds[i]! * PACK + i;
  return out.subarray(0, m).sort();
}

/** The stem index of an article (token counts stay far below 2^21, so the packing is exact). */
export function stemIndex(words: ArticleWords): StemIndex {
  return { content: packed(words, true), all: null };
}

/** First position of `sorted` holding stem id `id` or a larger one. */
function lowerBound(sorted: Float64Array, id: number): number {
  const key = id * PACK;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a content token of the article has stem id `id`. */
export function usesStem(index: StemIndex, id: number): boolean {
  const at = lowerBound(index.content, id);
  return at < index.content.length && Math.floor(index.content[at]! / PACK) === id;
}

/** Calls `visit(stemId, count)` for each stem of the article's content tokens, by id (read from its stem index). */
export function forEachStemCount(index: StemIndex, visit: (id: number, count: number) => void): void {
  const { content } = index;
  let at = 0;
  while (at < content.length) {
    const id = Math.floor(content[at]! / PACK);
    let end = at + 1;
    while (end < content.length && Math.floor(content[end]! / PACK) === id) end++;
    visit(id, end - at);
    at = end;
  }
}

/** Calls `visit` with each token index whose stem id is `id`, in text order, until it returns true. */
export function someTokenWithStem(words: ArticleWords, index: StemIndex, id: number, visit: (i: number) => boolean): boolean {
  const all = (index.all ??= packed(words, false));
  for (let at = lowerBound(all, id); at < all.length; at++) {
    const v = all[at]!;
    if (Math.floor(v / PACK) !== id) break;
    if (visit(v - id * PACK)) return true;
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
      for (let at = 0; at < content.length; at++) bits[Math.floor(content[at]! / PACK)]! |= 1 << k;
    });
  }

  /** Bits of the marked articles that use stem id `id`. */
  usedBy(id: number): number {
    return this.bits[id] ?? 0;
  }

  /** Unmarks every article marked so far. */
  clear(): void {
    const bits = this.bits;
    for (const { content } of this.marked) for (let at = 0; at < content.length; at++) bits[Math.floor(content[at]! / PACK)] = 0;
    this.marked.length = 0;
  }
}
