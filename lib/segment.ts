/**
 * Segmentation stage: paragraphs (blank-line separated, or line separated when a text has no blank
 * lines at all) and sentences inside each paragraph. Works per paragraph because Intl.Segmenter is
 * super-linear in the length of one string (see shared PERFORMANCE notes).
 */
import { isSpace } from './normalize';
import { sentenceBoundariesIn } from './sentence-breaks';
import type { Span } from './types';

const BLANK_LINE = /\r?\n[ \t\u00a0]*\r?\n/;

/**
 * Paragraph spans, trimmed of surrounding white space; empty paragraphs are dropped. The separators
 * are the matches of `/\r?\n(?:[ \t\u00a0]*\r?\n)+/g` (blank lines), or of `/\r?\n/g` in a text
 * without any, found from line break to line break (indexOf) instead of by the pattern, which
 * allocated a match per separator (tests/segment.test.ts holds the two equal).
 */
export function splitParagraphs(text: string): Span[] {
  const blank = BLANK_LINE.test(text);
  const spans: Span[] = [];
  let cursor = 0;
  for (let n = text.indexOf('\n'); n >= 0; n = text.indexOf('\n', n + 1)) {
    const end = blank ? blankLinesEnd(text, n + 1) : n + 1;
    if (end < 0) continue;
    // The separator starts at a carriage return before the line feed, unless that was the last one's.
    const at = n - 1 >= cursor && text.charCodeAt(n - 1) === 0x0d ? n - 1 : n;
    const trimmed = trimSpan(text, cursor, at);
    if (trimmed.end > trimmed.start) spans.push(trimmed);
    cursor = end;
    n = end - 1;
  }
  const trimmed = trimSpan(text, cursor, text.length);
  if (trimmed.end > trimmed.start) spans.push(trimmed);
  return spans;
}

/**
 * After a line feed at `from - 1`: the end of the blank lines that follow it (`(?:[ \t\u00a0]*\r?\n)+`,
 * taken greedily: just past the last line feed), or -1 when no blank line follows.
 */
function blankLinesEnd(text: string, from: number): number {
  let end = -1;
  let k = from;
  for (;;) {
    let c = codeAt(text, k);
    while (c === 0x20 || c === 0x09 || c === 0xa0) c = codeAt(text, ++k);
    if (c === 0x0d) c = codeAt(text, ++k);
    if (c !== 0x0a) return end;
    end = ++k;
  }
}

/**
 * The character code at `k`, or -1 past the end: never a read out of bounds (NaN), which at the first
 * text ending in a line break made V8 throw away the optimised code around it.
 */
function codeAt(text: string, k: number): number {
  return k < text.length ? text.charCodeAt(k) : -1;
}

/** Narrows a span so it starts and ends on non-space characters. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

// Abbreviations after which a full stop does not end a sentence.
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'gov', 'sen',
  'rep', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/** Sentence spans inside one paragraph span. Line breaks inside a paragraph also end a sentence. */
export function splitSentences(text: string, paragraph: Span): Span[] {
  const bounds: number[] = [];
  sentenceSpansInto(text, paragraph.start, paragraph.end, bounds);
  const out: Span[] = [];
  for (let k = 0; k < bounds.length; k += 2) out.push({ start: bounds[k]!, end: bounds[k + 1]! });
  return out;
}

/**
 * `splitSentences(text, { start: from, end: to })` appended to `out` as start, end pairs: no span
 * object per segment or sentence, and no slice of the paragraph (ICU aside).
 */
export function sentenceSpansInto(text: string, from: number, to: number, out: number[]): void {
  let pendingStart = -1;
  let pendingEnd = -1;
  let cursor = from;
  // ICU's sentence segments (UAX #29), from the plain-JavaScript path where the paragraph allows it.
  for (const end of sentenceBoundariesIn(text, from, to)) {
    // The segment trimmed of white space, as trimSpan would.
    let s = cursor;
    let e = from + end;
    cursor = e;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e <= s) continue;
    if (pendingStart >= 0 && endsWithAbbreviation(text, pendingStart, pendingEnd) && !hasLineBreak(text, pendingEnd, s)) {
      pendingEnd = e;
      continue;
    }
    if (pendingStart >= 0) out.push(pendingStart, pendingEnd);
    pendingStart = s;
    pendingEnd = e;
  }
  if (pendingStart >= 0) out.push(pendingStart, pendingEnd);
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) return true;
  return false;
}

/** The longest abbreviation: a longer word before a full stop is not one. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/**
 * True when `text.slice(start, end)` ends with an abbreviation or a single initial and its full stop:
 * the last word of letters and dots (within the last 8 characters, leading dots dropped) is in
 * ABBREVIATIONS or is one letter. Read by char code, and the word is sliced only when it is short enough
 * to be one; `/([A-Za-z.]+)\.$/` on the tail, as before, is the definition (tests/segment.test.ts).
 */
export function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  const dot = end - 1;
  const lo = Math.max(start, end - 8);
  if (dot <= lo || text.charCodeAt(dot) !== 0x2e) return false;
  // The run of letters and dots before the final one, as far back as the tail goes.
  let p = dot;
  while (p > lo && isLetterOrDot(text.charCodeAt(p - 1))) p--;
  while (p < dot && text.charCodeAt(p) === 0x2e) p++;
  const length = dot - p;
  // Single capital initials ("J. Smith") also do not end sentences.
  if (length === 1) return true;
  return length > 1 && length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(p, dot).toLowerCase());
}

function isLetterOrDot(c: number): boolean {
  return c === 0x2e || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
