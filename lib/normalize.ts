/**
 * Normalisation stage: turns text into word tokens whose `norm` is folded for matching while their
 * offsets still point into the original text, so nothing downstream ever needs a rewritten copy.
 */
import type { Token } from './types';

/** Letters, digits and combining marks, joined by in-word apostrophes ("Dara’a", "Syria’s"). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ`´][\p{L}\p{N}\p{M}]+)*/gu;
const APOSTROPHES = /['’‘ʼ`´]/g;
const COMBINING = /\p{M}/gu;
const POSSESSIVE = /['’‘ʼ`´]s$/u;
const PLAIN_ASCII = /^[A-Za-z0-9]+$/;
const LOWER_WORD = /^[a-z]+$/;

/** `\s` of a JavaScript regular expression (with or without the `u` flag), by code unit: for scans that visit every character. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** An ASCII letter or digit, by code unit. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Folds one word for matching: lower case, diacritics and apostrophes removed, possessive `'s` dropped.
 * "Dara’a" and "Daraa" fold alike; so do "al-Assad’s" parts and "al-Assad".
 */
export function foldWord(word: string): string {
  // Most words are plain ASCII letters: skip the Unicode normalisation, which dominates the cost.
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  const noPossessive = word.replace(POSSESSIVE, '');
  return noPossessive.normalize('NFKD').replace(COMBINING, '').replace(APOSTROPHES, '').toLowerCase();
}

/**
 * Splits text into word tokens. Hyphens, spaces and punctuation separate tokens, so "foreign-backed"
 * and "foreign backed" give the same token sequence; the caller can read the separator from the text.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const start = from + (m.index ?? 0);
    tokens.push({ start, end: start + m[0].length, norm: foldWord(m[0]) });
  }
  return tokens;
}

/** True when the token was written with a possessive `'s` ("Syria’s"). */
export function isPossessive(text: string, token: Token): boolean {
  return POSSESSIVE.test(text.slice(token.start, token.end));
}

/**
 * True when `phrase` is one word of lower-case ASCII letters: its own only token, which folds to
 * itself, so callers may use it as it is without tokenising (most entries of the word lists are).
 */
export function isLowerWord(phrase: string): boolean {
  return LOWER_WORD.test(phrase);
}

/** Folds a whole phrase to a space-joined sequence of folded words (for keys and comparisons). */
export function foldPhrase(phrase: string): string {
  if (isLowerWord(phrase)) return phrase;
  return tokenize(phrase)
    .map((t) => t.norm)
    .join(' ');
}

/**
 * `text.slice(start, end)`, given as `known` when that reads the same. Reports quote the same few
 * spellings over and over (term hits, one-word boilerplate differences): keeping the last string of a
 * spelling and handing it out again gives a report one string per spelling rather than one per quote.
 */
export function sliceOrKnown(known: string | undefined, text: string, start: number, end: number): string {
  return known !== undefined && known.length === end - start && text.startsWith(known, start) ? known : text.slice(start, end);
}

/** Counts words the way the library table shows them. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
