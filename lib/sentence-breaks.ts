/**
 * Sentence boundaries as `Intl.Segmenter` (ICU, Unicode UAX #29) gives them, computed in plain
 * JavaScript for strings made only of the characters news text mostly uses: ASCII letters, digits,
 * spaces and punctuation, plus curly quotes, dashes and the no-break space. ICU costs about as much as
 * the rest of the segment stage together; any string holding another character goes to ICU, so the
 * answer is always ICU's (tests/sentence-breaks.test.ts holds the two equal, on the seeds and on
 * random strings of every character class).
 */
import { CharScan } from './char-scan';

// UAX #29 sentence-break classes of the characters handled here.
const OTHER = 0; // "Any": symbols such as $ % & * / @ + = < > _ | ~ # ^ ` …
const LOWER = 1;
const UPPER = 2;
const NUMERIC = 3;
const A_TERM = 4; // .
const S_TERM = 5; // ! ?
const CLOSE = 6; // quotes and brackets
const S_CONTINUE = 7; // , - : ; and the en and em dashes
const SP = 8; // space, tab, no-break space
const PARA_SEP = 9; // line feed, carriage return
const UNHANDLED = 10;

const ASCII = new Uint8Array(128).fill(OTHER);
for (let c = 0; c < 32; c++) ASCII[c] = UNHANDLED; // control characters (tab and line ends set below)
ASCII[127] = UNHANDLED;
for (let c = 97; c <= 122; c++) ASCII[c] = LOWER;
for (let c = 65; c <= 90; c++) ASCII[c] = UPPER;
for (let c = 48; c <= 57; c++) ASCII[c] = NUMERIC;
ASCII[0x2e] = A_TERM;
ASCII[0x21] = S_TERM;
ASCII[0x3f] = S_TERM;
for (const c of '"\'()[]{}') ASCII[c.charCodeAt(0)] = CLOSE;
for (const c of ',-:;') ASCII[c.charCodeAt(0)] = S_CONTINUE;
ASCII[0x20] = SP;
ASCII[0x09] = SP;
ASCII[0x0a] = PARA_SEP;
ASCII[0x0d] = PARA_SEP;

/** Classes of the few non-ASCII characters handled; every other one sends the string to ICU. */
const WIDE = new Map<number, number>([
  [0x00a0, SP],
  [0x2018, CLOSE], // ‘
  [0x2019, CLOSE], // ’
  [0x201c, CLOSE], // “
  [0x201d, CLOSE], // ”
  [0x00ab, CLOSE], // «
  [0x00bb, CLOSE], // »
  [0x2013, S_CONTINUE], // –
  [0x2014, S_CONTINUE], // —
  [0x2026, OTHER], // …
  [0x2022, OTHER], // •
]);

let segmenter: Intl.Segmenter | null = null;

/**
 * The end offset of each sentence segment of `s` (the last is `s.length`; none for an empty string),
 * exactly as `Intl.Segmenter('en', { granularity: 'sentence' })` segments it.
 */
export function sentenceBoundaries(s: string): number[] {
  return sentenceBoundariesIn(s, 0, s.length);
}

/** ICU's answer (the reference the fast path is tested against). */
export function icuSentenceBoundaries(s: string): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: number[] = [];
  for (const seg of segmenter.segment(s)) out.push(seg.index + seg.segment.length);
  return out;
}

/**
 * `sentenceBoundaries(text.slice(from, to))` without the slice or a pass that classifies every
 * character: one regular-expression scan per text finds the characters the fast path does not handle
 * (a span holding one goes to ICU), and the rules are applied only at the full stops, question and
 * exclamation marks and line ends, found by a second scan; every other character only moves on to the
 * next (tests/sentence-breaks.test.ts holds it to `sentenceBoundaries` on the seeds and random texts).
 * Spans of one text are best read in order: each scan then reads the text once.
 */
export function sentenceBoundariesIn(text: string, from: number, to: number): number[] {
  if (!handlesAll(text, from, to)) return icuSentenceBoundaries(text.slice(from, to));
  return plainBoundariesIn(text, from, to);
}

/** True when every character of `text.slice(from, to)` has a class here, so the fast path takes it. */
export function handlesAll(text: string, from: number, to: number): boolean {
  return unhandled.next(text, from) >= to;
}

/** Any character whose class is UNHANDLED (see ASCII and WIDE). */
const UNHANDLED_CHAR = /[^\t\n\r\x20-\x7e\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g;
/** The characters the rules act at: terminators and line ends. */
const TERMINATOR = /[.!?\n\r]/g;

const unhandled = new CharScan(UNHANDLED_CHAR);
const terminators = new CharScan(TERMINATOR);

/** Whether the class tables give character code `c` a class (the definition `UNHANDLED_CHAR` is tested against). */
export function hasClass(c: number): boolean {
  return classOf(c) !== UNHANDLED;
}

/** The class of a handled character (never UNHANDLED for one that `UNHANDLED_CHAR` passes). */
function classOf(c: number): number {
  return c < 128 ? (ASCII[c] as number) : (WIDE.get(c) ?? UNHANDLED);
}

/** The UAX #29 rules, as ICU applies them, for a span of handled characters only, read in place (offsets from `from`). */
function plainBoundariesIn(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let i = terminators.next(text, from);
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      // SB3, SB4: a line end closes the sentence (CR LF as one).
      i += c === 0x0d && i + 1 < to && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      out.push(i - from);
      i = terminators.next(text, i);
      continue;
    }
    const k = c === 0x2e ? A_TERM : S_TERM;
    const next = i + 1 < to ? classOf(text.charCodeAt(i + 1)) : -1;
    if (k === A_TERM) {
      // SB6: a full stop before a digit ("3.5"); SB7: between letters and a capital ("U.S").
      if (next === NUMERIC) {
        i = terminators.next(text, i + 1);
        continue;
      }
      const prev = i > from ? classOf(text.charCodeAt(i - 1)) : -1;
      if ((prev === UPPER || prev === LOWER) && next === UPPER) {
        i = terminators.next(text, i + 1);
        continue;
      }
    }
    // The terminator, then closing punctuation, then spaces (SB9, SB10 never break inside these).
    let j = i + 1;
    while (j < to && classOf(text.charCodeAt(j)) === CLOSE) j++;
    while (j < to && classOf(text.charCodeAt(j)) === SP) j++;
    const after = j < to ? classOf(text.charCodeAt(j)) : -1;
    if (k === A_TERM) {
      // SB8: no break when a lower-case letter follows, past anything but letters, line ends and terminators.
      let m = j;
      let cm = after;
      while (m < to) {
        if (cm === LOWER || cm === UPPER || cm === PARA_SEP || cm === A_TERM || cm === S_TERM) break;
        m++;
        cm = m < to ? classOf(text.charCodeAt(m)) : -1;
      }
      if (cm === LOWER) {
        i = terminators.next(text, i + 1);
        continue;
      }
    }
    // SB8a: no break before a continuing mark or another terminator.
    if (after === S_CONTINUE || after === A_TERM || after === S_TERM) {
      i = terminators.next(text, j);
      continue;
    }
    // SB11: break after the spaces, taking a following line end into the sentence.
    if (after === PARA_SEP) j += text.charCodeAt(j) === 0x0d && j + 1 < to && text.charCodeAt(j + 1) === 0x0a ? 2 : 1;
    out.push(j - from);
    i = terminators.next(text, j);
  }
  if (to > from && out[out.length - 1] !== to - from) out.push(to - from);
  return out;
}

/** The fast path: the boundaries for a string of handled characters only, or null when it holds any other. */
export function simpleSentenceBoundaries(s: string): number[] | null {
  return handlesAll(s, 0, s.length) ? plainBoundariesIn(s, 0, s.length) : null;
}
