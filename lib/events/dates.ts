/**
 * Time expressions a reader uses to place a report in time ("July 3, 2018", "on Friday", "Since late
 * July", "In 2018"), resolved to calendar dates relative to the publication date.
 */
import { isAsciiAlnum, isSpace } from '../normalize';
import { memoByVocabulary, tokenRange, type TokenTable } from '../token-table';
import type { Span } from '../types';
import { boundedMemo } from '../memo';

export type DatePrecision = 'day' | 'month' | 'year';

/** A time expression found in the text, resolved to a date. */
export interface TimeExpression extends Span {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY, following `precision`. */
  date: string;
  precision: DatePrecision;
  /** True when the text gives no year or names a weekday, so the date came from `published`. */
  relative: boolean;
}

/** An inclusive range of days (days since 1970-01-01, UTC). */
export interface DayRange {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
/** Words that open a time expression, in either case at the start ("In 2018", "since 2011"). */
function words(list: string[]): string {
  return `(?:${list.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})`;
}
const BEFORE_MONTH = ['in', 'since', 'until', 'by', 'from', 'early', 'mid', 'late', 'last', 'next', 'this', 'during'];
const BEFORE_YEAR = ['in', 'since', 'by', 'until', 'of', 'from', 'during', 'before', 'after'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// One alternation, tried left to right at each position, so "July 3, 2018" wins over "July".
const EXPRESSION_SOURCE = [
  String.raw`\b(?<iso>${YEAR}-[01]\d-[0-3]\d)\b`,
  String.raw`\b(?<md>${MONTH})\s+(?<mdDay>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<mdYear>${YEAR})\b)?`,
  String.raw`\b(?<dm>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<dmMonth>${MONTH})(?:,?\s+(?<dmYear>${YEAR}))?\b`,
  String.raw`\b(?<my>${MONTH}),?\s+(?<myYear>${YEAR})\b`,
  // A bare month only after words that make it a time ("since late July", "in May"), never "may".
  String.raw`\b${words(BEFORE_MONTH)}[\s-]+(?:(?:early|mid|late)[\s-]+)?(?<month>${MONTH})(?![\w-])`,
  String.raw`\b(?:(?<wdMod>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?<weekday>${WEEKDAY_NAMES.join('|')})\b`,
  String.raw`\b(?<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow)\b`,
  String.raw`\b${words(BEFORE_YEAR)}\s+(?<year>${YEAR})\b`,
].join('|');
const EXPRESSION = new RegExp(EXPRESSION_SOURCE, 'gu');
/** The same pattern, sticky: tried only where an expression can open (see `matchExpressions`). */
const EXPRESSION_AT = new RegExp(EXPRESSION_SOURCE, 'uy');

/**
 * Every word an expression can open with, spelt as the pattern allows (months as MONTH spells them,
 * the listed words with either case of their first letter); the rest open with a digit.
 */
const OPENERS = new Set([
  ...['Jan', 'January', 'Feb', 'February', 'Mar', 'March', 'Apr', 'April', 'May', 'Jun', 'June', 'Jul', 'July'],
  ...['Aug', 'August', 'Sep', 'Sept', 'Sepember', 'September', 'Oct', 'October', 'Nov', 'November', 'Dec', 'December'],
  ...[...BEFORE_MONTH, ...BEFORE_YEAR, 'today', 'yesterday', 'tomorrow'].flatMap((w) => [w, `${w[0]!.toUpperCase()}${w.slice(1)}`]),
  ...WEEKDAY_NAMES,
]);

/** Day number of a YYYY-MM-DD date, or null when it is not a real date (memoised: a corpus names the same few hundred days over and over). */
export const dayNumber: (iso: string) => number | null = boundedMemo(computeDayNumber);

function computeDayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/** YYYY-MM-DD of a day number (memoised). */
export const isoDay: (day: number) => string = boundedMemo(computeIsoDay);

/**
 * `new Date(day * DAY_MS).toISOString().slice(0, 10)`: for a whole day of the years 1000-9999 by
 * calendar arithmetic (days to civil date, as in H. Hinnant's chrono algorithms), without a Date and
 * its full ISO string; a corpus spread over years misses the memo thousands of times.
 */
export function computeIsoDay(day: number): string {
  if (!Number.isInteger(day) || day < -354285 || day > 2932896) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  // Days since 0000-03-01, in 400-year eras of 146097 days; March-based years put leap days last.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The range of days a YYYY, YYYY-MM or YYYY-MM-DD date covers. */
export function rangeOf(date: string): DayRange | null {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return null;
  if (d !== undefined) {
    const day = dayNumber(date);
    return day === null ? null : { from: day, to: day };
  }
  if (m !== undefined) return { from: Date.UTC(y, m - 1, 1) / DAY_MS, to: Date.UTC(y, m, 0) / DAY_MS };
  return { from: Date.UTC(y, 0, 1) / DAY_MS, to: Date.UTC(y, 11, 31) / DAY_MS };
}

/** Days between two ranges (0 when they overlap). */
export function gapDays(a: DayRange, b: DayRange): number {
  return Math.max(0, a.from - b.to, b.from - a.to);
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Of the years around the reference, the one that puts month/day nearest to it. */
function nearestYear(month: number, day: number, ref: number): number {
  const y = new Date(ref * DAY_MS).getUTCFullYear();
  let best = y;
  let bestGap = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    const gap = Math.abs(Date.UTC(cand, month, day) / DAY_MS - ref);
    if (gap < bestGap) [best, bestGap] = [cand, gap];
  }
  return best;
}

function dayDate(year: number, month: number, day: number): string | null {
  const iso = `${year}-${pad(month + 1)}-${pad(day)}`;
  return dayNumber(iso) === null ? null : iso;
}

type Groups = Record<string, string | undefined>;

function resolve(g: Groups, ref: number | null): Omit<TimeExpression, 'start' | 'end' | 'text'> | null {
  if (g.iso) return dayNumber(g.iso) === null ? null : { date: g.iso, precision: 'day', relative: false };
  const mdMonth = g.md ?? g.dmMonth;
  const mdDay = g.mdDay ?? g.dm;
  if (mdMonth && mdDay) {
    const month = monthIndex(mdMonth);
    const year = g.mdYear ?? g.dmYear;
    if (year) {
      const date = dayDate(Number(year), month, Number(mdDay));
      return date ? { date, precision: 'day', relative: false } : null;
    }
    if (ref === null) return null;
    const date = dayDate(nearestYear(month, Number(mdDay), ref), month, Number(mdDay));
    return date ? { date, precision: 'day', relative: true } : null;
  }
  if (g.my && g.myYear) return { date: `${g.myYear}-${pad(monthIndex(g.my) + 1)}`, precision: 'month', relative: false };
  if (g.month) {
    if (ref === null) return null;
    const month = monthIndex(g.month);
    return { date: `${nearestYear(month, 15, ref)}-${pad(month + 1)}`, precision: 'month', relative: true };
  }
  if (g.weekday) {
    if (ref === null) return null;
    const want = WEEKDAYS.indexOf(g.weekday.toLowerCase());
    const refDay = (new Date(ref * DAY_MS).getUTCDay() + 7) % 7;
    // News writes "on Friday" for the past week (or today); "next Friday" looks ahead.
    const back = (refDay - want + 7) % 7;
    const mod = g.wdMod?.toLowerCase();
    const day = mod === 'next' ? ref + (((want - refDay + 7) % 7) || 7) : ref - (mod === 'last' && back === 0 ? 7 : back);
    return { date: isoDay(day), precision: 'day', relative: true };
  }
  if (g.rel) {
    if (ref === null) return null;
    const rel = g.rel.toLowerCase();
    const shift = rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0;
    return { date: isoDay(ref + shift), precision: 'day', relative: true };
  }
  if (g.year) return { date: g.year, precision: 'year', relative: false };
  return null;
}

/**
 * Time expressions in the given spans of `text`, resolved against `published` (YYYY-MM-DD) where the
 * text leaves the year or day implicit; those are skipped when `published` is null.
 */
export function findTimeExpressions(text: string, spans: Span[], published: string | null, table?: TokenTable): TimeExpression[] {
  const ref = published ? dayNumber(published) : null;
  const out = FOUND;
  out.length = 0;
  const shared = table !== undefined && table.text === text ? table : undefined;
  for (const span of spans) {
    // No pre-test for a digit or a month (half the paragraphs have neither): matchExpressions only
    // tries the pattern where one opens, and its scan for those costs less than the pre-test did.
    const slice = text.slice(span.start, span.end);
    // With the text's token table, the word starts worth a look come from its tokens (see
    // matchExpressionsInTable); a span cutting a token is read as before.
    const range = shared ? tokenRange(shared, span.start, span.end) : null;
    const found = shared && range ? matchExpressionsInTable(slice, shared, range[0], range[1], span.start) : matchExpressions(slice);
    for (const m of found) {
      const resolved = resolve((m.groups ?? {}) as Groups, ref);
      if (!resolved) continue;
      const start = span.start + (m.index ?? 0);
      out.push(new FoundTime(start, start + m[0].length, m[0], resolved.date, resolved.precision, resolved.relative));
    }
  }
  return out.slice();
}

/*
 * An article's time expressions are kept for the whole events stage. Made by a constructor and
 * gathered in scratch (copied out at their length), not as literals: V8 pretenured the literals'
 * allocation sites once a scavenge found them alive and threw away findTimeExpressions' optimised
 * code ('code dependencies'), a second compile per first run.
 */
const FOUND: TimeExpression[] = [];

/** A `TimeExpression` (fields in the order the literal had them). */
class FoundTime implements TimeExpression {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public date: string,
    public precision: DatePrecision,
    public relative: boolean,
  ) {}
}

/** An ASCII word character as `\b` sees it (the pattern has no `i` flag, so only these count). */
function isWordChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 95;
}

/** Weak openers: words that open an expression only before a year, a month or a weekday ("in", "Since", "last"). */
const WEAK_OPENERS = new Set([...BEFORE_MONTH, ...BEFORE_YEAR].flatMap((w) => [w, `${w[0]!.toUpperCase()}${w.slice(1)}`]));

/**
 * OPENERS by first letter (ASCII) and length, each with 1 when weak, 2 otherwise: a word of the text is
 * looked up with `startsWith` at its offset, so no substring is made per word.
 */
const OPENER_SLOTS: ([string, 1 | 2][] | undefined)[] = [];
for (const w of OPENERS) {
  const slot = (w.charCodeAt(0) << 4) | w.length;
  (OPENER_SLOTS[slot] ??= []).push([w, WEAK_OPENERS.has(w) ? 1 : 2]);
}

/** 2 when `slice.slice(p, q)` (a whole word of ASCII word characters) is a strong opener, 1 a weak one, 0 neither. */
function openerAt(slice: string, p: number, q: number): 0 | 1 | 2 {
  if (q - p > 15) return 0;
  const slot = OPENER_SLOTS[(slice.charCodeAt(p) << 4) | (q - p)];
  if (slot === undefined) return 0;
  // Indexed, not for…of with destructuring: this runs for every candidate word.
  for (let i = 0; i < slot.length; i++) if (slice.startsWith(slot[i]![0], p)) return slot[i]![1];
  return 0;
}

/**
 * Whether an expression can open with the weak opener ending at `q`: after it, past spaces and
 * hyphens, there must come a year (1…, 2…), a month or weekday (capital J F M A S O N D T W), or
 * early/mid/late. A superset of what the pattern accepts there; the pattern itself decides.
 */
function weakOpenerMayStart(slice: string, q: number): boolean {
  let r = q;
  while (r < slice.length && (slice.charCodeAt(r) === 0x2d || isSpace(slice.charCodeAt(r)))) r++;
  if (r === q || r >= slice.length) return false;
  switch (slice.charCodeAt(r)) {
    case 0x31: case 0x32: // 1 2
    case 0x4a: case 0x46: case 0x4d: case 0x41: case 0x53: case 0x4f: case 0x4e: case 0x44: case 0x54: case 0x57: // J F M A S O N D T W
    case 0x65: case 0x6d: case 0x6c: // e m l
      return true;
    default:
      return false;
  }
}

/**
 * The matches `slice.matchAll(EXPRESSION)` gives, trying the pattern only where an expression can
 * open: at a word boundary, before a digit or a word of OPENERS (a weak one only when what follows
 * it could continue an expression). The long alternation is otherwise tried at every position of
 * every paragraph, which made it the costliest part of reading dates.
 */
export function matchExpressions(slice: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  // The word starts worth a look come from CANDIDATE (the regular expression engine skips the other
  // words far faster than a loop over char codes, and the weak openers with nothing date-like after
  // them too); which of them may open an expression is then decided as before, word by word.
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(slice); found !== null; found = CANDIDATE.exec(slice)) {
    const p = found.index;
    const c = slice.charCodeAt(p);
    let q = p + 1;
    while (q < slice.length && isWordChar(slice.charCodeAt(q))) q++;
    const opener = c >= 48 && c <= 57 ? 2 : openerAt(slice, p, q);
    if (opener === 2 || (opener === 1 && weakOpenerMayStart(slice, q))) {
      EXPRESSION_AT.lastIndex = p;
      const m = EXPRESSION_AT.exec(slice);
      if (m) {
        out.push(m);
        CANDIDATE.lastIndex = p + m[0].length;
        continue;
      }
    }
    // No expression starts inside this word: its other positions are not word boundaries.
    CANDIDATE.lastIndex = q;
  }
  return out;
}

/**
 * The word starts where `matchExpressions` may try the pattern: an ASCII word (as `\b` sees words)
 * opening with a digit or spelt as one of OPENERS, a weak one only when `weakOpenerMayStart` holds
 * after it (the lookahead is that test: spaces or hyphens, then one of its characters; none of those
 * is a space or a hyphen, so backtracking finds no other way). "in", "of", "by" and "from" are among
 * the commonest words of a text, and each was a match object and a test in the loop. Longer openers
 * first, though the closing `\b` would make the alternation backtrack to them anyway.
 */
const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
const CANDIDATE = new RegExp(
  String.raw`\b(?:\d|(?:${[...OPENERS].filter((w) => !WEAK_OPENERS.has(w)).sort(byLength).join('|')})\b|(?:${[...WEAK_OPENERS].sort(byLength).join('|')})\b(?=[\s-]+[12JFMASONDTWeml]))`,
  'g',
);

/**
 * `matchExpressions(slice)` read through a token table: tokens `[first, last)` of `table` are those of
 * `slice`, which starts at `offset` of the table's text. Every word start CANDIDATE can find is an
 * ASCII letter or digit, so it lies in a token: at its start, or after a character of it that is no
 * ASCII word character (an apostrophe, a non-ASCII letter). The token's fold keeps its ASCII letters
 * and digits in order, lower-cased (NFKD leaves them; only marks, apostrophes and a final 's go), so
 * whether a token can hold such a word start is a question about its word id (`openerFlags`), asked
 * once per vocabulary word: most tokens are skipped on one array read, where the regular expression
 * ran its alternation at every position of every paragraph. The word starts found are held to
 * CANDIDATE's test as in matchExpressions; the pattern is then tried only where it could match
 * there (`mayMatchAt`): "in Daraa", "of militants" or "320,000" open no expression.
 */
export function matchExpressionsInTable(slice: string, table: TokenTable, first: number, last: number, offset: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const { text, starts, ends, ids } = table;
  const words = table.vocabulary.words;
  const flags = openerFlags(table.vocabulary);
  const scan: Scan = { slice, text, offset, resume: 0, out };
  for (let k = first; k < last; k++) {
    const id = ids[k] as number;
    let flag = flags[id] as number;
    if (flag === 0) flags[id] = flag = openerFlag(words[id] as string);
    if (flag === NO_OPENER) continue;
    const start = starts[k] as number;
    const end = ends[k] as number;
    if (end - offset <= scan.resume) continue;
    // Plain (ASCII letters and digits only, nearly every token): its one word start is its first
    // character, and a word opening there is the whole token, so its fold must be an opener's.
    let i = start;
    while (i < end && isAsciiAlnum(text.charCodeAt(i))) i++;
    if (i === end) {
      if ((flag & WHOLE) !== 0) tryAt(scan, start);
      continue;
    }
    tryAt(scan, start);
    for (let j = i + 1; j < end; j++) tryAt(scan, j);
  }
  return out;
}

/** What `matchExpressionsInTable` carries between tokens: `resume` is where CANDIDATE's scan would go on. */
interface Scan {
  slice: string;
  text: string;
  offset: number;
  resume: number;
  out: RegExpExecArray[];
}

/** CANDIDATE's test and matchExpressions' step at `at` of the text (`at - offset` of the slice). */
function tryAt(scan: Scan, at: number): void {
  const { slice, offset } = scan;
  const p = at - offset;
  if (p < scan.resume) return;
  const c = slice.charCodeAt(p);
  // A word start as `\b` sees it: an ASCII letter or digit after no ASCII word character.
  if (!isAsciiAlnum(c) || (p > 0 && isWordChar(slice.charCodeAt(p - 1)))) return;
  let q = p + 1;
  while (q < slice.length && isWordChar(slice.charCodeAt(q))) q++;
  const opener = c <= 57 ? 2 : openerAt(slice, p, q);
  if (opener === 2 || (opener === 1 && weakOpenerMayStart(slice, q))) {
    if (mayMatchAt(slice, p, q, opener === 1)) {
      EXPRESSION_AT.lastIndex = p;
      const m = EXPRESSION_AT.exec(slice);
      if (m) {
        scan.out.push(m);
        scan.resume = p + m[0].length;
        return;
      }
    }
    scan.resume = q;
  }
  // A word start that is no candidate leaves `resume` as it was (none lies inside [p, q) anyway).
}

/**
 * Whether EXPRESSION can match at the candidate `[p, q)` of `slice` (a superset: the pattern decides).
 * A number opens only a YYYY-MM-DD date (four digits, then a hyphen) or a day before its month (one
 * or two digits, perhaps "st"/"nd"/"rd"/"th", then white space); a weak opener only a month (perhaps
 * after early/mid/late), a weekday or a year (18…, 19…, 20…) after spaces or hyphens. Months, weekdays
 * and today/yesterday/tomorrow are always tried.
 */
function mayMatchAt(slice: string, p: number, q: number, weak: boolean): boolean {
  const c = slice.charCodeAt(p);
  if (c <= 57) {
    let d = p + 1;
    while (d < q && slice.charCodeAt(d) <= 57) d++;
    // (A read past the end is NaN, no hyphen, but V8 deoptimises at the first one: tested first.)
    if (d - p === 4) return q === d && q < slice.length && slice.charCodeAt(q) === 0x2d;
    return d - p <= 2 && q - d <= 2 && q < slice.length && isSpace(slice.charCodeAt(q));
  }
  if (!weak) return true;
  let r = q;
  while (r < slice.length && (slice.charCodeAt(r) === 0x2d || isSpace(slice.charCodeAt(r)))) r++;
  const a = slice.charCodeAt(r);
  const b = slice.charCodeAt(r + 1);
  if (a === 0x31) return b === 0x38 || b === 0x39;
  if (a === 0x32) return b === 0x30;
  // (NaN past the end: no key.)
  return AFTER_WEAK.has(a * 0x10000 + b * 0x100 + slice.charCodeAt(r + 2));
}

/**
 * How a word after a weak opener may begin besides a year: a month, a weekday or early/mid/late, by
 * the char codes of its first three letters (all ASCII, below 0x100).
 */
const AFTER_WEAK = new Set(
  [...MONTHS.map((m) => `${m[0]!.toUpperCase()}${m.slice(1)}`), ...WEEKDAY_NAMES.map((w) => w.slice(0, 3)), 'ear', 'mid', 'lat'].map(
    (w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1) * 0x100 + w.charCodeAt(2),
  ),
);

/** The openers lower-cased, without those holding a shorter one ("during" holds "in"). */
const LOWER_OPENERS = ((all: string[]) => all.filter((w) => !all.some((v) => v !== w && w.includes(v))))([...new Set([...OPENERS].map((w) => w.toLowerCase()))]);
const ALL_LOWER_OPENERS = new Set([...OPENERS].map((w) => w.toLowerCase()));

/** `openerFlag` values (never 0, which marks a word not yet asked): see `openerFlag`. */
const NO_OPENER = 1;
const MAY_HOLD = 2;
const WHOLE = 4;

/**
 * Whether a token folded to `norm` may hold a word start CANDIDATE finds: NO_OPENER when its fold holds
 * neither an ASCII digit nor an opener's lower-case spelling; else MAY_HOLD, plus WHOLE when a plain
 * token of that fold (the fold is then the token lower-cased) opens with one: it starts with a digit
 * or is an opener.
 */
function openerFlag(norm: string): number {
  const digitFirst = norm.charCodeAt(0) >= 48 && norm.charCodeAt(0) <= 57;
  if (digitFirst || ALL_LOWER_OPENERS.has(norm)) return MAY_HOLD | WHOLE;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c >= 48 && c <= 57) return MAY_HOLD;
  }
  for (const w of LOWER_OPENERS) if (norm.includes(w)) return MAY_HOLD;
  return NO_OPENER;
}

/** Per word id of a vocabulary: its `openerFlag`, 0 while not yet asked. */
const openerFlags = memoByVocabulary((n) => new Uint8Array(n));

/** The matches of the whole pattern over `slice`, as a plain global scan finds them (for tests). */
export function matchExpressionsByScan(slice: string): RegExpExecArray[] {
  return [...slice.matchAll(EXPRESSION)];
}

/** "6 July 2018", "July 2018" or "2018" for a YYYY-MM-DD, YYYY-MM or YYYY date. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m === undefined ? undefined : MONTH_NAMES[Number(m) - 1];
  if (!month) return y ?? date;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** "5–10 July 2018", "30 June – 2 July 2018" or "6 July 2018" for an inclusive range of days. */
export function formatRange(range: DayRange): string {
  const a = isoDay(range.from);
  const b = isoDay(range.to);
  if (a === b) return formatDate(a);
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  const monthA = MONTH_NAMES[Number(ma) - 1] ?? '';
  if (ya !== yb) return `${formatDate(a)} – ${formatDate(b)}`;
  if (ma !== mb) return `${Number(da)} ${monthA} – ${formatDate(b)}`;
  return `${Number(da)}–${Number(db)} ${monthA} ${yb}`;
}
