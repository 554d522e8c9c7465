/**
 * Student marks: words a student found loaded or one-sided, as offsets into one of the compared
 * articles, optionally tagged with a lexicon referent. Marks travel as a short code (the `marks=`
 * search param, the text a student hands in) and live in the browser's localStorage. Pure and
 * dependency-free, so the browser and the server read and write the same code.
 *
 * Code format (version 1): base64url, no padding, of the bytes
 *   1, then per mark (sorted by article, then start): article, start, length, referent + 1
 * each an unsigned LEB128 varint; `start` is the distance from the previous mark's start when both
 * marks are in the same article (so codes stay short), `referent + 1` is 0 for no referent. Article
 * is the index in the comparison's `articles=` order; referent the index in the lexicons' referent
 * list, so a code is read against the same articles and lexicons it was made with.
 */

/** One marked stretch of text. */
export interface StudentMark {
  /** Index of the article in the comparison (`articles=` order). */
  article: number;
  start: number;
  end: number;
  /** Index into the lexicon referent list, or null when the student did not say whom it describes. */
  referent: number | null;
}

export const MARKS_VERSION = 1;
/** Limits that keep a code short enough for a link and a mark a phrase rather than a page. */
export const MAX_MARKS = 200;
export const MAX_MARK_LENGTH = 300;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Marks in reading order, without exact duplicates, and with overlapping marks in one article merged. */
export function normaliseMarks(marks: readonly StudentMark[]): StudentMark[] {
  const sorted = marks
    .filter((m) => Number.isInteger(m.article) && m.article >= 0 && Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start)
    .map((m) => ({ ...m }))
    .sort((a, b) => a.article - b.article || a.start - b.start || b.end - a.end);
  const out: StudentMark[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && last.article === m.article && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      last.referent ??= m.referent;
    } else out.push(m);
  }
  return out.slice(0, MAX_MARKS);
}

/** Adds a mark; marks it overlaps in the same article are replaced by it (marking again re-tags). */
export function addMark(marks: readonly StudentMark[], mark: StudentMark): StudentMark[] {
  return normaliseMarks([...marks.filter((m) => m.article !== mark.article || m.end <= mark.start || m.start >= mark.end), mark]);
}

/** Removes the mark at `index` (in normalised order). */
export function removeMark(marks: readonly StudentMark[], index: number): StudentMark[] {
  return normaliseMarks(marks).filter((_, i) => i !== index);
}

function pushVarint(bytes: number[], n: number): void {
  let v = n;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
}

function toBase64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(code: string): number[] | null {
  if (code.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < code.length; i += 4) {
    const chunk = code.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? INDEX.get(chunk[k]!) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  return bytes;
}

/** The code for a set of marks ('' for none). */
export function encodeMarks(marks: readonly StudentMark[]): string {
  const list = normaliseMarks(marks);
  if (list.length === 0) return '';
  const bytes = [MARKS_VERSION];
  let prev: StudentMark | null = null;
  for (const m of list) {
    pushVarint(bytes, m.article);
    pushVarint(bytes, prev && prev.article === m.article ? m.start - prev.start : m.start);
    pushVarint(bytes, m.end - m.start);
    pushVarint(bytes, m.referent === null ? 0 : m.referent + 1);
    prev = m;
  }
  return toBase64Url(bytes);
}

export type DecodeResult = { ok: true; marks: StudentMark[] } | { ok: false; message: string };

/** Reads a code back; says what is wrong with one that was cut short, mistyped or too long. */
export function decodeMarks(code: string): DecodeResult {
  const trimmed = code.trim();
  if (trimmed === '') return { ok: true, marks: [] };
  if (trimmed.length > 4 * MAX_MARKS * 4) return { ok: false, message: 'the marks code is too long' };
  if (!/^[A-Za-z0-9_-]+$/.test(trimmed)) return { ok: false, message: 'the marks code has characters that do not belong in it; copy it again' };
  const bytes = fromBase64Url(trimmed);
  if (!bytes) return { ok: false, message: 'the marks code is cut short; copy all of it' };
  if (bytes[0] !== MARKS_VERSION) return { ok: false, message: 'the marks code was made by another version of Parallax' };
  let at = 1;
  const read = (): number | null => {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const b = bytes[at++];
      if (b === undefined) return null;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
    return null;
  };
  const marks: StudentMark[] = [];
  let prev: StudentMark | null = null;
  while (at < bytes.length) {
    const article = read();
    const start = read();
    const length = read();
    const referent = read();
    if (article === null || start === null || length === null || referent === null) return { ok: false, message: 'the marks code is cut short; copy all of it' };
    if (length === 0 || length > MAX_MARK_LENGTH) return { ok: false, message: 'the marks code holds a mark of an impossible length' };
    const abs: number = prev && prev.article === article ? prev.start + start : start;
    const mark: StudentMark = { article, start: abs, end: abs + length, referent: referent === 0 ? null : referent - 1 };
    marks.push(mark);
    prev = mark;
    if (marks.length > MAX_MARKS) return { ok: false, message: `a marks code holds at most ${MAX_MARKS} marks` };
  }
  return { ok: true, marks: normaliseMarks(marks) };
}

/**
 * Keeps the marks that fit the comparison they are read against: an article that exists, offsets
 * inside its text, a referent index the list has (else the tag is dropped, the mark kept).
 */
export function fitMarks(marks: readonly StudentMark[], textLengths: readonly number[], referents: number): StudentMark[] {
  return normaliseMarks(
    marks
      .filter((m) => m.article < textLengths.length && m.end <= (textLengths[m.article] ?? 0))
      .map((m) => ({ ...m, referent: m.referent !== null && m.referent < referents ? m.referent : null })),
  );
}
