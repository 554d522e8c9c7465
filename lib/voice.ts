/**
 * Voice stage: finds the stretches of an article that carry someone else's words, either inside
 * quotation marks (direct) or attributed to a speaker (reported), so each term can be told apart
 * as the narrator's own wording or a quoted one.
 */
import { tokenize } from './normalize';
import type { Span, Token, Voice } from './types';

export type QuoteKind = 'direct' | 'reported';

/** A stretch of text in someone else's voice. Direct regions include their quotation marks. */
export interface QuoteRegion extends Span {
  kind: QuoteKind;
}

/** A sentence span; `paragraph` (as on `Sentence`) groups sentences so a quote can run to its paragraph's end. */
export type SentenceSpan = Span & { paragraph?: number };

/** Speech verbs that introduce or close reported speech. Nouns that double as verbs ("reports", "states", "claims") are left out. */
const SPEECH = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'added', 'adding', 'noted', 'stated', 'claimed', 'claiming',
  'reported', 'announced', 'confirmed', 'insisted', 'insisting', 'warned', 'wrote', 'writes', 'explained', 'indicated',
  'argued', 'alleged', 'stressed', 'acknowledged', 'declared', 'asserted', 'denied',
]);
const TELL = new Set(['tell', 'tells', 'told']);
/** Words that may sit between a speech verb and its content: when, where, to whom. */
const TIME = new Set([
  'on', 'in', 'at', 'last', 'this', 'late', 'early', 'earlier', 'later', 'today', 'yesterday', 'tonight', 'morning',
  'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december',
]);
const LISTENER = new Set(['reuters', 'afp', 'ap', 'reporters', 'journalists', 'him', 'her', 'them', 'us', 'me', 'sputnik']);
const FILLER = new Set(['a', 'an', 'the', 'statement', 'interview', 'news', 'agency', 'conference', 'briefing', 'press']);
/** Before these, a speech verb is an adjective or a noun ("the much-reported collaboration", "have a say"). */
const NOT_A_VERB_AFTER = new Set(['the', 'a', 'an', 'much', 'widely', 'so']);
/** At most this many words between a closing attribution's clause boundary and its verb ("pro-Damascus sources have said"). */
const MAX_SPEAKER_WORDS = 10;

/** Direct and reported regions of a text, sorted by start; regions may nest (a quote inside reported speech). */
export function findQuoteRegions(text: string, sentences: readonly SentenceSpan[]): QuoteRegion[] {
  const direct = findDirectQuotes(text, sentences);
  const reported: QuoteRegion[] = [];
  for (const s of sentences) {
    reported.push(...findReportedSpeech(text, s, tokenize(text, s.start, s.end), regionsInSentence(direct, s)));
  }
  return sortRegions([...direct, ...reported]);
}

/** Quotation-mark regions of a whole text, paragraph by paragraph, sorted by start. */
export function findDirectQuotes(text: string, sentences: readonly SentenceSpan[]): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  const marks: MarkCursor = { from: 0, at: -1 };
  for (const p of paragraphSpans(text, sentences)) directQuotes(text, p, out, marks);
  return out;
}

/** Kinds of word that start reported speech (see `reportKind`): "according" (of "according to") and speech verbs. */
export const ACCORDING = 1;
export const SPEECH_VERB = 2;

/**
 * Reported-speech regions of one sentence, given its tokens (`tokenize(text, s.start, s.end)`) and
 * the direct quotes touching it (speech verbs inside quotation marks are the speaker's, not ours).
 * `kinds`, each token's `reportKind` when the caller has them (memoised by word id, say), spares
 * reading every token's word to find the few that start reported speech.
 */
export function findReportedSpeech(
  text: string,
  sentence: Span,
  tokens: readonly Token[],
  direct: readonly QuoteRegion[],
  kinds?: ArrayLike<number>,
): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  for (const span of reportedSpeech(text, sentence, tokens, direct, kinds)) {
    const trimmed = trimToWords(text, span);
    // A literal rather than a spread of `trimmed` (always just start and end): same keys, same order.
    if (trimmed) out.push({ start: trimmed.start, end: trimmed.end, kind: 'reported' });
  }
  return out;
}

/**
 * ACCORDING for "according", SPEECH_VERB for a speech verb, else 0: the kind of reported speech a word
 * may start. `findReportedSpeech` finds nothing in a sentence whose words are all 0.
 */
export function reportKind(norm: string): number {
  return norm === 'according' ? ACCORDING : SPEECH.has(norm) ? SPEECH_VERB : 0;
}

/** Sorts regions by start, the longer first when two start together (the order `voiceOf` expects). */
export function sortRegions(regions: QuoteRegion[]): QuoteRegion[] {
  return regions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The voice of a span, given regions sorted by start: a direct quote wins over reported speech, which wins over the narrator. */
export function voiceOf(regions: readonly QuoteRegion[], span: Span): { voice: Voice; quote: QuoteKind | null } {
  let quote: QuoteKind | null = null;
  for (const r of regions) {
    if (r.start >= span.end) break;
    if (r.end <= span.start) continue;
    if (r.kind === 'direct') return { voice: 'quoted', quote: 'direct' };
    quote = 'reported';
  }
  return quote ? { voice: 'quoted', quote } : { voice: 'narrator', quote: null };
}

/**
 * The regions (as returned by `findQuoteRegions`) that overlap one sentence, in order; a binary
 * search plus a short walk back, so labelling stays linear in long articles with many quotes.
 */
export function regionsInSentence(regions: readonly QuoteRegion[], sentence: Span): QuoteRegion[] {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((regions[mid] as QuoteRegion).start < sentence.end) lo = mid + 1;
    else hi = mid;
  }
  const out: QuoteRegion[] = [];
  for (let i = lo - 1; i >= 0; i--) {
    const r = regions[i] as QuoteRegion;
    if (r.end > sentence.start) out.push(r);
    // Direct quotes never overlap each other, and reported regions stay inside their sentence, so
    // nothing before a direct quote that ends before this sentence can reach into it.
    else if (r.kind === 'direct') break;
  }
  return out.reverse();
}

/** Paragraph extents from the sentences: by their `paragraph` index, else a line break between sentences starts a new one. */
function paragraphSpans(text: string, sentences: readonly SentenceSpan[]): Span[] {
  const out: Span[] = [];
  let prev: SentenceSpan | undefined;
  for (const s of sentences) {
    const last = out.at(-1);
    const same =
      prev !== undefined && last !== undefined &&
      (s.paragraph !== undefined && prev.paragraph !== undefined
        ? s.paragraph === prev.paragraph
        : !text.slice(prev.end, s.start).includes('\n'));
    if (same && last) last.end = s.end;
    else out.push({ start: s.start, end: s.end });
    prev = s;
  }
  return out;
}

const LETTER = /[\p{L}\p{N}]/u;
// Quotation marks by code unit (also read by the candidates' quotation scan).
export const LEFT_DOUBLE = 0x201c; // “
export const RIGHT_DOUBLE = 0x201d; // ”
export const STRAIGHT_DOUBLE = 0x22; // "
export const LEFT_SINGLE = 0x2018; // ‘
export const RIGHT_SINGLE = 0x2019; // ’

/** Any character `directQuotes` acts on; every other character leaves its state as it is. */
const QUOTE_MARK = /[\u201c\u201d"\u2018\u2019]/g;

/** The first quotation mark at or after `from` was found at `at` (text.length when none), for one text. */
export interface MarkCursor {
  from: number;
  at: number;
}

/**
 * Index of the first quotation mark (of QUOTE_MARK) at or after `from`, or text.length. The answer of
 * the last search is reused while it still lies ahead, so a scan that moves forward reads the text once.
 */
export function nextQuoteMark(text: string, from: number, cursor: MarkCursor): number {
  return nextMarkOf(QUOTE_MARK, text, from, cursor);
}

/**
 * `nextQuoteMark` for any set of marks: `marks` is a global pattern of one character, and `cursor`
 * belongs to one text and one pattern (the word layer of candidates has its own set, with guillemets).
 */
export function nextMarkOf(marks: RegExp, text: string, from: number, cursor: MarkCursor): number {
  if (cursor.at >= from && cursor.from <= from) return cursor.at;
  marks.lastIndex = from;
  const m = marks.exec(text);
  cursor.from = from;
  cursor.at = m ? m.index : text.length;
  return cursor.at;
}

/**
 * Quotation-mark pairs inside one paragraph, appended to `out`: “…” and "…" (either closing mark ends
 * either opening, since copy often mixes them), and ‘…’ when the marks sit at word edges so apostrophes
 * are not taken for quotes. An unclosed double quote runs to the paragraph's end, as news style leaves
 * a quote open when it continues into the next paragraph. Only the quotation marks are visited (found
 * by `nextQuoteMark`): no other character opens or closes anything.
 */
function directQuotes(text: string, p: Span, out: QuoteRegion[], marks: MarkCursor): void {
  let openAt = -1;
  let single = false;
  for (let i = nextQuoteMark(text, p.start, marks); i < p.end; i = nextQuoteMark(text, i + 1, marks)) {
    const c = text.charCodeAt(i);
    if (openAt >= 0) {
      const closesDouble = !single && (c === RIGHT_DOUBLE || c === STRAIGHT_DOUBLE);
      const closesSingle = single && c === RIGHT_SINGLE && !LETTER.test(text[i + 1] ?? '');
      if (closesDouble || closesSingle) {
        out.push({ start: openAt, end: i + 1, kind: 'direct' });
        openAt = -1;
      }
    } else if (c === LEFT_DOUBLE || c === STRAIGHT_DOUBLE) {
      openAt = i;
      single = false;
    } else if (c === LEFT_SINGLE && !LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '')) {
      openAt = i;
      single = true;
    }
  }
  if (openAt >= 0 && !single) out.push({ start: openAt, end: p.end, kind: 'direct' });
}

/**
 * Reported speech in one sentence, as spans (not yet trimmed):
 * - "according to X": the rest of the sentence outside the "according to X" clause;
 * - a closing attribution ("…, X said.", "…, X says, including …", "X told Reuters, accusing …"):
 *   the sentence outside the "X said" clause;
 * - an inverted attribution after a quote ("…,” said X, a spokesman for …"): the words before it; the
 *   speaker's description after the verb stays the narrator's;
 * - an opening attribution ("X said (that) …", "X told Reuters that …", "X say they …"): only what
 *   follows the verb, so the subject stays the narrator's wording. A trailing non-restrictive
 *   ", which …" or ", where …" clause is left to the narrator too: in news copy it is almost always
 *   the writer's background gloss ("Dara’a, which is known as the birth place of …").
 */
function reportedSpeech(text: string, s: Span, tokens: readonly Token[], direct: readonly QuoteRegion[], kinds: ArrayLike<number> | undefined): Span[] {
  const out: Span[] = [];

  for (let i = 0; i + 1 < tokens.length; i++) {
    if ((kinds ? kinds[i] : reportKind((tokens[i] as Token).norm)) !== ACCORDING) continue;
    const t = tokens[i] as Token;
    if ((tokens[i + 1] as Token).norm !== 'to' || insideAny(direct, t)) continue;
    const afterTo = (tokens[i + 1] as Token).end;
    const comma = text.indexOf(',', afterTo);
    const clauseEnd = comma >= 0 && comma < s.end ? comma + 1 : s.end;
    if (i === 0) out.push({ start: clauseEnd, end: s.end });
    else out.push({ start: s.start, end: t.start }, { start: clauseEnd, end: s.end });
  }

  for (let v = 0; v < tokens.length; v++) {
    if ((kinds ? kinds[v] : reportKind((tokens[v] as Token).norm)) !== SPEECH_VERB) continue;
    const verb = tokens[v] as Token;
    if (insideAny(direct, verb)) continue;
    const prevEnd = v > 0 ? (tokens[v - 1] as Token).end : s.start;
    const gapBefore = text.slice(prevEnd, verb.start);
    if (/[-\u2010\u2011]$/.test(gapBefore) || (v > 0 && NOT_A_VERB_AFTER.has((tokens[v - 1] as Token).norm))) continue;

    if (/[”"]$/.test(gapBefore.replace(/[\s,]+$/, ''))) {
      // Inverted: `“…,” said Hussein Abazeed, a spokesman …` — what precedes is the speech.
      out.push({ start: s.start, end: verb.start });
      continue;
    }
    const closing = closingAttribution(text, s, tokens, v);
    if (closing) {
      out.push({ start: s.start, end: closing.start }, { start: closing.end, end: s.end });
      continue;
    }
    const from = complementStart(text, tokens, v) ?? s.end;
    const rest = text.slice(from, s.end);
    const gloss = /,\s*(?:which|where)\b/i.exec(rest);
    out.push({ start: from, end: gloss ? from + gloss.index : s.end });
    break; // Later verbs sit inside this speech.
  }
  return out;
}

/** True when the token lies inside one of the regions. */
function insideAny(regions: readonly QuoteRegion[], t: Token): boolean {
  for (const d of regions) if (t.start >= d.start && t.end <= d.end) return true;
  return false;
}

/**
 * When the verb at `v` closes a clause ("…, he said." / "…, SANA reported Friday." / "…, X says, …"),
 * the span of that "speaker + verb (+ when/to whom)" clause; null when speech follows the verb.
 */
function closingAttribution(text: string, s: Span, tokens: readonly Token[], v: number): Span | null {
  let k = v + 1;
  while (k < tokens.length) {
    const t = tokens[k] as Token;
    const isAdjunct = TIME.has(t.norm) || LISTENER.has(t.norm) || FILLER.has(t.norm) || /^\d+$/.test(t.norm);
    if (!isAdjunct || !/^\s+$/.test(text.slice((tokens[k - 1] as Token).end, t.start))) break;
    k++;
  }
  const clauseEnd = (tokens[k - 1] as Token).end;
  const next = tokens[k];
  if (next && !/^\s*[,;:.!?)\]—–]/.test(text.slice(clauseEnd, next.start))) return null;
  // The speaker: back to the previous clause boundary (punctuation or a quotation mark).
  let first = 0;
  for (let j = v; j > 0; j--) {
    if (/[,;:“”"(—–]/.test(text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start))) {
      first = j;
      break;
    }
  }
  if (v - first > MAX_SPEAKER_WORDS) return null;
  return { start: first === 0 ? s.start : (tokens[first] as Token).start, end: clauseEnd };
}

/** Where the reported content starts after an opening speech verb: past "to Reuters", "on Sunday" and "that". */
function complementStart(text: string, tokens: readonly Token[], v: number): number | null {
  let k = v + 1;
  if (TELL.has((tokens[v] as Token).norm)) {
    // "told Russia’s Sputnik news agency that …": skip the listener up to "that" if it comes soon, else one word.
    const limit = Math.min(tokens.length, v + 9);
    let that = -1;
    for (let j = v + 1; j < limit; j++) {
      if (/[,;:.]/.test(text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start))) break;
      if ((tokens[j] as Token).norm === 'that') {
        that = j;
        break;
      }
    }
    k = that >= 0 ? that + 1 : v + 2;
  } else {
    while (k < tokens.length && TIME.has((tokens[k] as Token).norm)) k++;
    if (tokens[k]?.norm === 'that') k++;
  }
  return tokens[k]?.start ?? null;
}

/** Narrows a span to start and end on a word or quotation mark; null when nothing is left. */
function trimToWords(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /[\s,;:.]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;:.]/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}
