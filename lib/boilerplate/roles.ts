/**
 * Paragraph roles: tells the headline, site chrome (breadcrumbs, share blocks, mirror lists, credits,
 * dates, template errors) and photo captions apart from the body, by general patterns and position.
 */
import { CharScan } from '../char-scan';
import { foldPhrase, isAsciiAlnum, isSpace } from '../normalize';
import { tokenRange, type TokenTable } from '../token-table';
import type { ParagraphRole, RoleReason, Span } from '../types';

/** The role of one paragraph and, when it is not plain body text, why. */
export interface RoleAssignment {
  role: ParagraphRole;
  reason: RoleReason | null;
}

/** Tuning for {@link classifyParagraphs}. */
export interface RoleOptions {
  /** Title from metadata, when known: a paragraph with this wording is the title, later copies chrome. */
  title?: string | null;
  /** Longest headline, in words. Default 30. */
  maxTitleWords?: number;
  /** Longest mid-article section heading, in words. Default 15. */
  maxHeadingWords?: number;
  /** The text's token table, when the caller has one: most paragraphs' word counts are read from it. */
  tokens?: TokenTable;
}

type Code = RoleReason['code'];

const reason = (code: Code, explanation: string): RoleReason => ({ code, explanation });

// ----- Patterns. Each is written for a kind of furniture, not for one site's wording. -----

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE =
  `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}` +
  '|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})';
const WEEKDAY = '(?:\\p{L}+day,?\\s+)?';
const TIME = '(?:[,\\s|–—-]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*\\p{Lu}{2,5})?)?';

/** "Posted July 10, 2018", "Updated: 10 July 2018 14:32 GMT", "Published on 2018-07-10 by admin". */
export const POSTED = new RegExp(
  `^(?:posted|published|updated|last updated|first published|date)(?:\\s+(?:on|at))?\\s*:?\\s*${WEEKDAY}${DATE}${TIME}(?:\\s.{0,60})?$`,
  'iu',
);
/** A line that is only a date (and maybe a time): page furniture, not prose. */
export const DATE_ONLY = new RegExp(`^${WEEKDAY}${DATE}${TIME}$`, 'iu');

/** Server-side include failures and unrendered template tags. */
const TEMPLATE_ERROR =
  /^(?:\[?\s*an error (?:has )?occurred while processing (?:this|the) directive\s*\]?|\{\{[^}]*\}\}|\{%[^%]*%\}|<!--#[^>]*-->|\$\{[^}]*\}|%%[A-Z_]+%%|undefined|null|NaN|\[object Object\])$/iu;

/** One item of a bare address list: a URL or a host name with a letter TLD. */
const URL_OR_HOST =
  /^<?(?:(?:https?:\/\/|www\.)\S+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?:\/\S*)?)>?$/iu;

/** The call to action that opens a share block ("SHARE THIS ARTICLE", "Share on Facebook", "Follow us"). */
const SHARE_CALL =
  /^(?:share(?:\s+(?:this|the|on|via|to))?(?:\s+(?:article|story|post|page|video|facebook|twitter|x|whatsapp|telegram|email|link))?|tweet(?:\s+this)?|follow\s+us(?:\s+on\s+\S+)?|print(?:\s+this)?(?:\s+(?:article|page|story))?|e-?mail\s+this(?:\s+(?:article|story|page))?|copy\s+link)\s*:?$/iu;
/** Words that make up a row of share buttons when a paragraph consists of nothing else. */
export const SHARE_WORDS: ReadonlySet<string> = new Set(
  'facebook twitter x whatsapp telegram linkedin reddit pinterest tumblr email e mail print share tweet messenger vk viber copy link comments comment flipboard pocket sms'.split(' '),
);

/** "... can also be accessed at the following alternate addresses:", "Our mirror sites". */
const MIRROR =
  /\b(?:alternate|alternative|mirror|backup)\s+(?:web\s*)?(?:address|site|domain|url|link|website)s?\b|\b(?:can|may)\s+(?:also\s+)?be\s+(?:accessed|reached|visited)\s+(?:at|via|through|from|on)\b/iu;

/** Headers of link lists ("Related news", "Read more", "You may also like", "Most read"). */
const RELATED_HEADER =
  /^(?:related(?:\s+(?:news|stories|articles|posts|content|coverage|links|topics|videos|reading))?|read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this(?:\s+(?:story|topic))?|more\s+(?:news|stories)|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+(?:for\s+you|stories|articles))?|most\s+(?:read|popular|viewed|shared)|trending(?:\s+(?:now|stories))?|top\s+stories|latest\s+news|editor'?s\s+picks)\s*:?$/iu;
/** A teaser link with its label ("READ MORE: Syria's army enters Nassib"). */
const RELATED_TEASER = /^(?:read\s+more|read\s+also|also\s+read|related|see\s+also|watch|listen)\s*:\s*\S/iu;

/** "Source: Press TV", "(Via: AFP)", "Credit: Reuters". */
const SOURCE_LABEL = /^[([]?\s*(?:sources?|via|credits?|courtesy(?:\s+of)?|originally\s+published\s+(?:at|by|on|in))\s*:\s*\S/iu;
/** Wire-style credits: "Reporting by X; Editing by Y", "Additional reporting by Z" (names capitalised). */
const REPORTING_BY =
  /^[([]?\s*(?:[Ww]ith\s+)?(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Tt]ranslated|[Pp]roduced|[Rr]esearch)\s+by\s+\p{Lu}[^.]{0,200}\.?$/u;
/** A dash-led agency signature: "— AFP", "– Reuters/AP". */
const DASH_CREDIT = /^[-–—]\s*\p{Lu}[\p{L}&.'’]*(?:(?:\s+|\s*\/\s*)\p{Lu}[\p{L}&.'’]*){0,3}$/u;
/** "By Jane Smith" or "By Jane Smith, Reuters": a byline. */
const BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}(?:\s*[,|–—-]\s*[\p{L} .&]{1,40})?$/u;

/** A photo credit in brackets at the end: "(Photo by AFP)", "(File photo by Reuters)", "(AP Photo/Hussein Malla)". */
export const CAPTION_PAREN =
  /\(\s*(?:[\p{L}.&]+\s+){0,3}(?:file\s+)?(?:photo|photograph|image|picture|pic|video\s+grab|screen\s?grab|screenshot)s?\b[^()]{0,80}\)\s*\.?$/iu;
/** A labelled credit closing a caption: "... Photo: Reuters", "... Picture credit: AP". */
export const CAPTION_LABEL_END =
  /(?:^|[.!?”"’)]\s+|\s[|/–—-]\s*)(?:photo|photograph|image|picture|pic)s?(?:\s+credit)?\s*:\s*[^.:]{1,60}\.?$/iu;
/** A caption that opens with its label: "Photo: Syrian soldiers at ...", "Image caption ...", "Image copyright Getty Images". */
export const CAPTION_LABEL_START = /^(?:(?:photo|photograph|picture|image)(?:\s+credit)?\s*:|(?:image|media|video)\s+(?:copyright|caption|source)\b)/iu;
/** Picture agencies and copyright marks that end a caption: "Getty Images", "AFP via Getty Images", "© Reuters". */
export const CAPTION_AGENCY_END = /(?:getty\s+images|shutterstock|alamy|istock(?:photo)?|©\s*[^.©]{1,60})\s*\)?\.?$/iu;

// ----- Classification. -----

// The reasons classifyParagraphs gives itself, one object each, shared by the paragraphs that have
// them (the report's paragraphs keep them to the end). Made per paragraph, they outlived a scavenge,
// V8 pretenured their allocation site and threw away classifyParagraphs' optimised code, which had
// inlined it ('code dependencies'): a second compile in every first 10 MB run.
const REPEATED_HEADLINE = reason('repeated-headline', 'Repeats the headline; scrapers often copy it.');
const HEADLINE = reason('headline', 'The headline: the first paragraph, short and without a full stop.');
const SECTION_HEADING = reason('headline', 'A section heading inside the article.');

/**
 * Classifies every paragraph of one article. Pure: reads only `text` and the spans.
 * The title is the first paragraph that is neither chrome nor a caption, when it reads like a headline
 * (short, one line, no sentence-final punctuation); later paragraphs with the title's wording are chrome.
 * Short headline-like lines inside the body stay `body` with reason code `headline` (section headings).
 */
export function classifyParagraphs(text: string, paragraphs: readonly Span[], options: RoleOptions = {}): RoleAssignment[] {
  const maxTitleWords = options.maxTitleWords ?? 30;
  const maxHeadingWords = options.maxHeadingWords ?? 15;
  const metaTitle = options.title ? foldPhrase(options.title) : '';
  const metaWords = options.title ? quickWordCount(options.title) : 0;
  const out: RoleAssignment[] = [];
  let titleKey: string | null = null;
  let titleWords = 0;
  let seenContent = false;
  const table = options.tokens?.text === text ? options.tokens : undefined;
  // Each paragraph's word count, kept for the section-heading pass below.
  const counts: number[] = [];

  for (const span of paragraphs) {
    const raw = text.slice(span.start, span.end);
    // Counted once here: every test below reads it.
    const words = wordCountIn(text, span.start, span.end, table);
    counts.push(words);
    const fixed = fixedRole(raw, words);
    if (fixed) {
      out.push(fixed);
      continue;
    }
    // Only fold paragraphs that could be the title or a copy of it (about as many words), which
    // spares folding every paragraph of a large corpus.
    const candidate = seenContent ? near(words, titleWords) || near(words, metaWords) : words <= maxTitleWords || near(words, metaWords);
    const key = candidate ? foldPhrase(raw) : null;
    if (titleKey !== null && key === titleKey) {
      out.push({ role: 'chrome', reason: REPEATED_HEADLINE });
      continue;
    }
    const matchesMeta = metaTitle !== '' && key === metaTitle;
    if (!seenContent && key !== null && (matchesMeta || headingLike(raw, maxTitleWords, words))) {
      titleKey = key;
      titleWords = words;
      seenContent = true;
      out.push({ role: 'title', reason: HEADLINE });
      continue;
    }
    if (matchesMeta && titleKey === null) {
      titleKey = key;
      titleWords = words;
    }
    seenContent = true;
    out.push({ role: 'body', reason: null });
  }

  // Section headings need a following body paragraph, so a stray short line at the end is not one.
  let bodyFollows = false;
  for (let i = out.length - 1; i >= 0; i--) {
    const cur = out[i];
    const span = paragraphs[i];
    if (!cur || !span || cur.role !== 'body') continue;
    if (bodyFollows && headingLike(text.slice(span.start, span.end), maxHeadingWords, counts[i])) {
      cur.reason = SECTION_HEADING;
    }
    bodyFollows = true;
  }
  return out;
}

/**
 * Recognises chrome and captions from a paragraph's own wording, without looking at its neighbours.
 * Returns null for anything that could be ordinary prose.
 */
export function classifyFixed(raw: string): RoleAssignment | null {
  return fixedRole(raw, quickWordCount(raw));
}

/** True when a paragraph of `words` words is within two words of `target` (when there is one). */
function near(words: number, target: number): boolean {
  return target > 0 && Math.abs(words - target) <= 2;
}

/** `classifyFixed` given the paragraph's `quickWordCount`. */
function fixedRole(raw: string, words: number): RoleAssignment | null {
  // Chrome is short; long paragraphs can only be captions, so skip the other patterns (and their cost).
  if (words > 40) return words <= 120 && isCaption(raw.trim()) ? caption() : null;
  // Non-breaking and repeated spaces are layout, not wording.
  const flat = needsFlattening(raw) ? raw.replace(/\s+/gu, ' ').trim() : raw;
  const oneLine = !raw.trim().includes('\n');
  const chrome = (code: Code, explanation: string): RoleAssignment => ({ role: 'chrome', reason: reason(code, explanation) });

  if (words <= 12 && TEMPLATE_ERROR.test(flat)) return chrome('template-error', 'A web-page template error or placeholder, not article text.');
  // Every address pattern needs a full stop before a non-space character or a "://".
  const dotted = mayHoldAddress(flat);
  if (dotted && isAddressList(flat)) return chrome('bare-url', 'A bare web address, not article text.');
  if (oneLine && words <= 16 && isBreadcrumb(flat)) return chrome('breadcrumb', 'Site navigation (section breadcrumb).');
  if (isShareBlock(raw.trim(), words)) return chrome('share-buttons', 'Share buttons and app links from the page.');
  if (introducesAddresses(flat, dotted) && MIRROR.test(flat)) return chrome('mirror-addresses', 'Points readers to alternate web addresses of the site.');
  if (words <= 8 && RELATED_HEADER.test(flat)) return chrome('related-news', 'Header of a list of links to other articles.');
  if (words <= 30 && oneLine && RELATED_TEASER.test(flat)) return chrome('related-news', 'A link to another article.');
  if (isCredit(flat, words)) return chrome('source-credit', 'Credits the source or the staff of the story.');
  if (words <= 16 && hasDigit(flat) && (POSTED.test(flat) || DATE_ONLY.test(flat))) return chrome('posted-date', 'The publication date line.');
  if (words <= 6 && BYLINE.test(flat)) return chrome('other', 'A byline.');
  return isCaption(flat) ? caption() : null;
}

/**
 * False when `raw.replace(/\s+/gu, ' ').trim()` would return `raw` unchanged: no white space at either
 * end, and none inside but single plain spaces. A scan by char code spares most short paragraphs a
 * Unicode regular expression.
 */
export function needsFlattening(raw: string): boolean {
  const last = raw.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || raw.charCodeAt(i + 1) === 32) return true;
    } else if (isSpace(c)) {
      return true;
    }
  }
  return false;
}

function caption(): RoleAssignment {
  return { role: 'caption', reason: reason('photo-caption', 'A photo caption with its picture credit.') };
}

/** True when a line reads like a headline: one line, short, starts like a title, no closing full stop. */
export function looksLikeHeading(raw: string, maxWords: number): boolean {
  return headingLike(raw, maxWords);
}

/**
 * `looksLikeHeading`, with the untrimmed text's word count when the caller has it. The cheap tests on
 * the first and last characters come first: most paragraphs are prose ending in a full stop.
 */
function headingLike(raw: string, maxWords: number, knownWords?: number): boolean {
  const p = raw.trim();
  if (!/^[\p{Lu}\p{N}"'“‘«]/u.test(p)) return false;
  // A question mark may close a headline; a full stop, colon or comma closes prose or a label. The
  // last character before any closing quotes and brackets is found walking back from the end: an
  // end-anchored pattern would be tried at every position of a long paragraph.
  let end = p.length;
  while (end > 0 && TRAILING_CLOSER.test(p[end - 1] as string)) end--;
  if (end > 0 && SENTENCE_END.test(p[end - 1] as string)) return false;
  if (p.includes('\n')) return false;
  // A count of the untrimmed text holds when trimming removed nothing (some spaces count as letters there).
  const words = knownWords !== undefined && p.length === raw.length ? knownWords : quickWordCount(p);
  return words >= 2 && words <= maxWords;
}

/** A closing quote, bracket or space to look past when finding a line's final punctuation; and that punctuation. */
const TRAILING_CLOSER = /^[\s"'”’»)\]]$/u;
const SENTENCE_END = /^[.!;:,…]$/u;

/** A mirror notice ends by introducing a list (":") or carries the addresses itself (`dotted`: mayHoldAddress). */
function introducesAddresses(flat: string, dotted: boolean): boolean {
  return flat.endsWith(':') || (dotted && ADDRESS_IN.test(flat));
}

/** An address inside a text: a www. or http(s):// one, or a host name. */
export const ADDRESS_IN = /(?:www\.|https?:\/\/)\S|[a-z0-9-]\.[a-z]{2,}(?:[/\s,]|$)/iu;
/** A full stop between a letter or digit and a letter: what a bare address list needs. */
export const DOTTED_NAME = /[a-z0-9]\.[a-z]/iu;

/**
 * False only when neither ADDRESS_IN nor DOTTED_NAME can match: no full stop is followed by a
 * character other than white space, and there is no "://". Prose stops are followed by a space, so
 * most paragraphs are ruled out by a few indexOf calls instead of two Unicode pattern scans.
 */
export function mayHoldAddress(flat: string): boolean {
  for (let i = flat.indexOf('.'); i >= 0; i = flat.indexOf('.', i + 1)) {
    if (i + 1 < flat.length && !isSpace(flat.charCodeAt(i + 1))) return true;
  }
  return flat.includes('://');
}

/** True when the text holds an ASCII digit, which every date pattern needs (`\d`, ASCII even in a Unicode pattern). */
export function hasDigit(flat: string): boolean {
  for (let i = 0; i < flat.length; i++) {
    const c = flat.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isAddressList(flat: string): boolean {
  if (!DOTTED_NAME.test(flat)) return false;
  const items = flat.split(/[\s,|;]+/u).filter(Boolean);
  return items.length > 0 && items.length <= 10 && items.every((item) => URL_OR_HOST.test(item));
}

function isBreadcrumb(p: string): boolean {
  const parts = p.split(/\s+(?:\/|>|\||::)\s+|\s*[»›→]\s*/u);
  if (parts.length < 2) return false;
  return parts.every((part) => {
    const ws = part.split(' ').filter(Boolean);
    if (ws.length === 0 || ws.length > 4) return false;
    // Navigation labels are Title Case words; prose between slashes is not.
    return ws.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:and|of|the|in|&)$/u.test(w)) && !/[.!?,;:]/u.test(part);
  });
}

function isShareBlock(p: string, words: number): boolean {
  if (words > 25) return false;
  const lineEnd = p.indexOf('\n');
  const firstLine = (lineEnd < 0 ? p : p.slice(0, lineEnd)).trim();
  if (SHARE_CALL.test(firstLine)) return true;
  if (words > 12 || !mayBeShareWord(p)) return false;
  const folded = p.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return folded.length >= 2 && folded.every((w) => SHARE_WORDS.has(w));
}

/**
 * False when the first word of `p` (as the split in isShareBlock finds it) is surely not a share word:
 * it is made of ASCII letters and digits, and lower-cased it is not in SHARE_WORDS. Anything else
 * outside ASCII before or at its end may fold or split differently, so it counts as a possible one.
 */
export function mayBeShareWord(p: string): boolean {
  let i = 0;
  while (i < p.length && !isAsciiAlnum(p.charCodeAt(i))) {
    if (p.charCodeAt(i) >= 128) return true;
    i++;
  }
  let k = i;
  while (k < p.length && isAsciiAlnum(p.charCodeAt(k))) k++;
  if (k < p.length && p.charCodeAt(k) >= 128) return true;
  return SHARE_WORDS.has(p.slice(i, k).toLowerCase());
}

function isCredit(flat: string, words: number): boolean {
  if (words <= 15 && SOURCE_LABEL.test(flat)) return true;
  if (REPORTING_BY.test(flat)) return true;
  return words <= 5 && DASH_CREDIT.test(flat);
}

export function isCaption(flat: string): boolean {
  // Each end-anchored pattern is tried only on the tail it can match, and only when the last characters
  // allow it, so long paragraphs stay cheap: a bracketed credit ends in ")" and starts at the last "(",
  // a labelled one has its colon near the end, an agency's name or a copyright mark ends the text.
  const end = flat.length;
  // Before an optional final full stop: all three end-anchored patterns allow one.
  const e = end > 0 && flat.charCodeAt(end - 1) === 0x2e ? end - 1 : end;
  if (closesBracket(flat, e)) {
    const paren = flat.lastIndexOf('(');
    if (paren >= 0 && CAPTION_PAREN.test(flat.slice(paren))) return true;
  }
  // A colon within the last 64 characters: the last colon's place, without scanning the whole text for it.
  if (flat.indexOf(':', end - 64) >= 0 && CAPTION_LABEL_END.test(flat)) return true;
  return CAPTION_LABEL_START.test(flat) || (mayEndWithAgency(flat, e) && CAPTION_AGENCY_END.test(flat.slice(-120)));
}

/** True when `flat.slice(0, e)` ends in ")" and white space: CAPTION_PAREN's end (`\)\s*\.?$`, the dot already left out). */
function closesBracket(flat: string, e: number): boolean {
  let k = e;
  while (k > 0 && isSpace(flat.charCodeAt(k - 1))) k--;
  return k > 0 && flat.charCodeAt(k - 1) === 0x29;
}

/** The last five letters of CAPTION_AGENCY_END's names, lower case. */
const AGENCY_ENDINGS = ['mages', 'stock', 'alamy', 'photo'];

/**
 * False only when CAPTION_AGENCY_END cannot match the last 120 characters of `flat` (`e` leaves out an
 * optional final full stop): there is no © among them, and before an optional ")" and white space the
 * text does not end in the last five letters of an agency's name. A character outside ASCII there
 * counts as a possible match, since case folding in a Unicode pattern lets "ſ" stand for "s", "K" for "k".
 */
function mayEndWithAgency(flat: string, e: number): boolean {
  if (flat.indexOf('©', flat.length - 120) >= 0) return true;
  // The step over a ")" is a subtraction made every time: as a branch, first taken after V8 had
  // optimised this (few captions end in a bracket), it had no type feedback and sent it back.
  let k = e - (e > 0 && flat.charCodeAt(e - 1) === 0x29 ? 1 : 0);
  while (k > 0 && isSpace(flat.charCodeAt(k - 1))) k--;
  if (k < 5) return false;
  // An indexed loop: leaving a for...of early looks up the iterator's 'return', first done (a match)
  // after V8 had optimised this, so without type feedback (another deopt).
  for (let x = 0; x < AGENCY_ENDINGS.length; x++) {
    const ending = AGENCY_ENDINGS[x] as string;
    let same = true;
    for (let j = 0; j < 5; j++) {
      const c = flat.charCodeAt(k - 5 + j);
      if (c >= 128) return true;
      if ((c | 0x20) !== ending.charCodeAt(j)) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  return false;
}

/**
 * Counts words roughly (runs of letters, digits and apostrophes) in one pass without a regex, for
 * the length guards; a classifier over 100,000 paragraphs should not pay for a Unicode tokenizer.
 */
export function quickWordCount(s: string): number {
  return quickWordCountIn(s, 0, s.length);
}

const WORD_ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_ASCII[c] = 1;
for (let c = 65; c <= 90; c++) WORD_ASCII[c] = 1;
for (let c = 97; c <= 122; c++) WORD_ASCII[c] = 1;
WORD_ASCII[39] = 2;

/**
 * `quickWordCountIn(text, from, to)`, read from the text's token table where the two counts agree: the
 * span holds only characters that both call alike (ASCII but the backquote, the Latin-1 and Latin
 * Extended-A letters, no-break space, dashes, curly double quotes, the right single quote, bullet,
 * ellipsis, guillemets), no two apostrophes in a row (one word here, two tokens), and no token of the
 * table crosses its edges (`tokenRange`). Then its words are its tokens, counted by two binary searches
 * instead of a pass over every character. Tested against quickWordCountIn (tests/boilerplate-roles.test.ts).
 */
export function wordCountIn(text: string, from: number, to: number, table: TokenTable | undefined): number {
  if (table !== undefined && odd.next(text, from) >= to) {
    const range = tokenRange(table, from, to);
    if (range) return range[1] - range[0];
  }
  return quickWordCountIn(text, from, to);
}

/** A character `quickWordCountIn` and the tokenizer may read differently, or the first of two apostrophes. */
const ODD_CHAR =
  /[^\t\n\r\x20-\x5f\x61-\x7e\u00a0\u00ab\u00bb\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u2013\u2014\u2019\u201c\u201d\u2022\u2026]|['\u2019](?=['\u2019])/g;
const odd = new CharScan(ODD_CHAR);

/** `quickWordCount` of `s.slice(from, to)`, reading `s` in place (a slice is slower to read by char code). */
export function quickWordCountIn(s: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    // A table for ASCII (most characters); 2 marks the apostrophe, a letter only inside a word.
    const kind = c < 128 ? (WORD_ASCII[c] as number) : c === 0x2019 ? 2 : c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) ? 1 : 0;
    const word: boolean = kind === 1 || (kind === 2 && inWord);
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}
