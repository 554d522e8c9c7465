/**
 * One tokenisation per article, shared by the stages: a compact table of the tokens `tokenize` gives
 * for the whole text (offsets in typed arrays, folded words interned once per corpus), from which any
 * span's tokens can be read back exactly as `tokenize(text, start, end)` would return them.
 */
import { foldWord, tokenize } from './normalize';
import type { Token } from './types';

/** Interns folded words: each distinct fold gets one id and one shared string. */
export class Vocabulary {
  /** Id → folded word. */
  readonly words: string[] = [];
  private readonly byWord = new Map<string, number>();
  /**
   * Spelling as written → id, so a word written the same way is folded only once: open-addressed by a
   * hash of its code units, four ints per slot (hash, id + 1 or 0 for empty, the spelling's offset in
   * `spelt` and its length), and found by comparing the text in place, instead of a slice and a Map
   * lookup per token (~1.6 million at 10 MB): only a new spelling is sliced.
   */
  private raw = new Int32Array(4 * 4096);
  private rawSize = 0;
  /** The spellings' code units, end to end. */
  private spelt = new Uint16Array(65536);
  private speltSize = 0;

  get size(): number {
    return this.words.length;
  }

  /** How many distinct spellings it has met (each folded once). */
  get spellings(): number {
    return this.rawSize;
  }

  /** The id of a folded word, adding it when new. */
  idOf(norm: string): number {
    let id = this.byWord.get(norm);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(norm);
      this.byWord.set(norm, id);
    }
    return id;
  }

  /** The id of a word as written (folded with `foldWord`). */
  idOfRaw(raw: string): number {
    return this.idOfSpelling(raw, 0, raw.length, spellingHash(raw, 0, raw.length));
  }

  /** {@link idOfRaw} of `text[start..end)`, whose {@link spellingHash} is `hash`, read in place. */
  idOfSpelling(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const { raw, spelt } = this;
    const mask = (raw.length >> 2) - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = raw[4 * at + 1] as number;
      if (id === 0) return this.addSpelling(text, start, end, hash);
      if (raw[4 * at] === hash && raw[4 * at + 3] === length && sameUnits(text, start, spelt, raw[4 * at + 2] as number, length)) return id - 1;
    }
  }

  /**
   * Folds and files a spelling {@link idOfSpelling} did not find: a method of its own, so that the
   * lookup, run per token, stays small enough to inline into the scan.
   */
  private addSpelling(text: string, start: number, end: number, hash: number): number {
    const id = this.idOf(foldWord(text.slice(start, end)));
    if (2 * (this.rawSize + 1) > this.raw.length >> 2) this.growRaw();
    const raw = this.raw;
    const mask = (raw.length >> 2) - 1;
    let at = hash & mask;
    while ((raw[4 * at + 1] as number) !== 0) at = (at + 1) & mask;
    raw[4 * at] = hash;
    raw[4 * at + 1] = id + 1;
    raw[4 * at + 2] = this.keepSpelling(text, start, end - start);
    raw[4 * at + 3] = end - start;
    this.rawSize++;
    return id;
  }

  /** Copies `text[start..start + length)` to the end of `spelt`, returning its offset. */
  private keepSpelling(text: string, start: number, length: number): number {
    if (this.speltSize + length > this.spelt.length) {
      const grown = new Uint16Array(Math.max(2 * this.spelt.length, this.speltSize + length));
      grown.set(this.spelt);
      this.spelt = grown;
    }
    const spelt = this.spelt;
    const offset = this.speltSize;
    for (let k = 0; k < length; k++) spelt[offset + k] = text.charCodeAt(start + k);
    this.speltSize = offset + length;
    return offset;
  }

  private growRaw(): void {
    const old = this.raw;
    const raw = new Int32Array(2 * old.length);
    const mask = (raw.length >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if ((old[from + 1] as number) === 0) continue;
      let at = (old[from] as number) & mask;
      while ((raw[4 * at + 1] as number) !== 0) at = (at + 1) & mask;
      raw.set(old.subarray(from, from + 4), 4 * at);
    }
    this.raw = raw;
  }
}

/** A hash of the code units of `text[start..end)`: the key of a spelling in {@link Vocabulary} (exported for its tests). */
export function spellingHash(text: string, start: number, end: number): number {
  return finishHash(hashUnits(FNV_OFFSET, text, start, end));
}

/** FNV-1a over code units, as {@link hashUnits} steps it (tokenTable steps it inline for ASCII letters). */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** `h` stepped by the code units of `text[from..to)`. */
function hashUnits(h: number, text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}

/** The last mixing of a spelling's hash, so that its low bits (the table's slot) depend on every unit. */
function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Whether `text[start..start + length)` has the code units of `units[from..from + length)`. */
function sameUnits(text: string, start: number, units: Uint16Array, from: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(start + k) !== units[from + k]) return false;
  return true;
}

/**
 * A memo indexed by word id of `vocabulary` (flags, stem ids...): `memo` itself while it has a slot for
 * every word, else a copy grown to twice the vocabulary (at least 1024 slots) with the known values
 * kept and the new slots zero. `make` builds an empty array of the memo's kind.
 */
export function sizedForVocabulary<T extends Uint8Array | Int32Array>(memo: T | undefined, vocabulary: Vocabulary, make: (length: number) => T): T {
  if (memo && memo.length >= vocabulary.size) return memo;
  const grown = make(Math.max(1024, vocabulary.size * 2));
  if (memo) grown.set(memo);
  return grown;
}

/**
 * A memo per vocabulary, indexed by word id (see {@link sizedForVocabulary}): the returned function
 * gives `vocabulary`'s memo, grown to its size. Vocabularies are held weakly.
 */
export function memoByVocabulary<T extends Uint8Array | Int32Array>(make: (length: number) => T): (vocabulary: Vocabulary) => T {
  const memos = new WeakMap<Vocabulary, T>();
  return (vocabulary) => {
    const known = memos.get(vocabulary);
    const memo = sizedForVocabulary(known, vocabulary, make);
    if (memo !== known) memos.set(vocabulary, memo);
    return memo;
  };
}

/** The tokens of one text: token k spans `[starts[k], ends[k])` and folds to `vocabulary.words[ids[k]]`. */
export interface TokenTable {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly ids: Int32Array;
  readonly vocabulary: Vocabulary;
}

/** Apostrophes that join two word parts ("Dara’a"), as in normalize's WORD pattern (compared, not looked up: this runs after every word). */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x60 || c === 0xb4;
}
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not. Filled lazily. */
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp < 0x10000) {
    let known = BMP[cp] as number;
    if (known === 0) BMP[cp] = known = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return known === 1;
  }
  let known = ASTRAL.get(cp);
  if (known === undefined) ASTRAL.set(cp, (known = WORD_CHAR.test(String.fromCodePoint(cp))));
  return known;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Length in code units of the word character at `i`, or 0 when there is none (a lone surrogate is none). */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (isLowSurrogate(d)) return isWordCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return c === c && isWordCodePoint(c) ? 1 : 0;
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = isWordCodePoint(c) ? 1 : 0;

let scratch = { starts: new Int32Array(4096), ends: new Int32Array(4096), ids: new Int32Array(4096) };

/**
 * Tokenises `text` once, with the same tokens as `tokenize(text)`. A hand-written scan rather than the
 * regular expression: it allocates nothing per token but a spelling not seen before in the corpus
 * (the vocabulary finds a known one by comparing the text in place), and only new spellings are
 * folded. Pass one `vocabulary` for a whole corpus.
 */
export function tokenTable(text: string, vocabulary: Vocabulary = new Vocabulary()): TokenTable {
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const first = wordCharAt(text, i);
    if (first === 0) {
      // Step over a whole surrogate pair, as a Unicode-aware regular expression does. (The next
      // character is read only when there is one: a read past the end, at a text's final full stop,
      // made V8 throw away this function's optimised code.)
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < len && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      continue;
    }
    const start = i;
    i += first;
    // The spelling's hash is stepped along the scan (see spellingHash), so the text is read once.
    let h = hashUnits(FNV_OFFSET, text, start, i);
    for (;;) {
      let w: number;
      // ASCII letters and digits by table (most of the text), anything else through wordCharAt.
      for (;;) {
        if (i >= len) break;
        const c = text.charCodeAt(i);
        if (c < 128) {
          if (ASCII_WORD[c] === 0) break;
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
        } else if ((w = wordCharAt(text, i)) > 0) {
          h = hashUnits(h, text, i, i + w);
          i += w;
        } else break;
      }
      // An apostrophe continues the word only when a word character follows it.
      if (i + 1 < len && isJoiner(text.charCodeAt(i)) && (w = wordCharAt(text, i + 1)) > 0) {
        h = hashUnits(h, text, i, i + 1 + w);
        i += 1 + w;
      } else break;
    }
    if (n === scratch.starts.length) grow();
    scratch.starts[n] = start;
    scratch.ends[n] = i;
    scratch.ids[n] = vocabulary.idOfSpelling(text, start, i, finishHash(h));
    n++;
  }
  return { text, count: n, starts: scratch.starts.slice(0, n), ends: scratch.ends.slice(0, n), ids: scratch.ids.slice(0, n), vocabulary };
}

function grow(): void {
  const size = scratch.starts.length * 2;
  const next = { starts: new Int32Array(size), ends: new Int32Array(size), ids: new Int32Array(size) };
  next.starts.set(scratch.starts);
  next.ends.set(scratch.ends);
  next.ids.set(scratch.ids);
  scratch = next;
}

/** Index of the first token that ends after `at` (binary search). */
function firstEndingAfter(table: TokenTable, at: number): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table.ends[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The token index range `[first, last)` covering `[from, to)`, or null when a token of the whole text
 * crosses either edge (then the span's own tokens differ: `tokenize` cuts the word at the edge).
 */
export function tokenRange(table: TokenTable, from: number, to: number): [number, number] | null {
  const first = firstEndingAfter(table, from);
  if (first < table.count && (table.starts[first] as number) < from) return null;
  // The first token ending after `to` (ends ascend, so it is found by the same binary search).
  const last = firstEndingAfter(table, to);
  if (last < table.count && (table.starts[last] as number) < to) return null;
  return [first, last];
}

/** The tokens of `[from, to)`, equal to `tokenize(table.text, from, to)` but read from the table. */
export function tokensIn(table: TokenTable, from: number, to: number): Token[] {
  const range = tokenRange(table, from, to);
  return range ? tokensOfRange(table, range) : tokenize(table.text, from, to);
}

/** The table's tokens `[first, last)` as `Token`s (a range from `tokenRange`). */
export function tokensOfRange(table: TokenTable, range: readonly [number, number]): Token[] {
  const words = table.vocabulary.words;
  const out: Token[] = new Array(range[1] - range[0]);
  for (let k = range[0]; k < range[1]; k++) {
    out[k - range[0]] = { start: table.starts[k] as number, end: table.ends[k] as number, norm: words[table.ids[k] as number] as string };
  }
  return out;
}
