/**
 * Segmentation stage: paragraphs (blank-line separated, or line separated when a text has no blank
 * lines at all) and sentences inside each paragraph. Works per paragraph because Intl.Segmenter is
 * super-linear in the length of one string (see shared PERFORMANCE notes).
 */
import { isSpace } from './normalize';
import { sentenceBoundaries } from './sentence-breaks';
import type { Span } from './types';

const BLANK_LINE = /\r?\n[ \t\u00a0]*\r?\n/;

/** Paragraph spans, trimmed of surrounding white space; empty paragraphs are dropped. */
export function splitParagraphs(text: string): Span[] {
  const separator = BLANK_LINE.test(text) ? /\r?\n(?:[ \t\u00a0]*\r?\n)+/g : /\r?\n/g;
  const spans: Span[] = [];
  let cursor = 0;
  const push = (start: number, end: number) => {
    const trimmed = trimSpan(text, start, end);
    if (trimmed.end > trimmed.start) spans.push(trimmed);
  };
  for (const m of text.matchAll(separator)) {
    const at = m.index ?? 0;
    push(cursor, at);
    cursor = at + m[0].length;
  }
  push(cursor, text.length);
  return spans;
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
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'gov', 'sen',
  'rep', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/** Sentence spans inside one paragraph span. Line breaks inside a paragraph also end a sentence. */
export function splitSentences(text: string, paragraph: Span): Span[] {
  const out: Span[] = [];
  let pending: Span | null = null;
  let from = paragraph.start;
  // ICU's sentence segments (UAX #29), from the plain-JavaScript path where the paragraph allows it.
  for (const end of sentenceBoundaries(text.slice(paragraph.start, paragraph.end))) {
    const span = trimSpan(text, from, paragraph.start + end);
    from = paragraph.start + end;
    if (span.end <= span.start) continue;
    if (pending && endsWithAbbreviation(text, pending) && !/\n/.test(text.slice(pending.end, span.start))) {
      pending = { start: pending.start, end: span.end };
      continue;
    }
    if (pending) out.push(pending);
    pending = span;
  }
  if (pending) out.push(pending);
  return out;
}

function endsWithAbbreviation(text: string, span: Span): boolean {
  const tail = text.slice(Math.max(span.start, span.end - 8), span.end);
  const m = /([A-Za-z.]+)\.$/.exec(tail);
  if (!m || !m[1]) return false;
  const word = m[1].toLowerCase().replace(/^\.+/, '');
  // Single capital initials ("J. Smith") also do not end sentences.
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}
