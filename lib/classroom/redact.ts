/**
 * Blind-mode redaction: finds the spans of an article that give its outlet away (the outlet's name and
 * aliases, web addresses, datelines, "Source: X" credits, site chrome that names the site), so a view
 * can draw a neutral marker over them. Pure; every span is an offset range into the original text,
 * which is never rewritten (the marker is a segment layer, see lib/view/segments.ts).
 */
import type { ParagraphRole, RoleReason, Span } from '../types';

/** What a reader sees in place of a redacted span. */
export const REDACTED = '[source redacted]';

export type RedactionReason = 'name' | 'address' | 'dateline' | 'credit' | 'chrome';

/** A span to hide in blind mode, and why. */
export interface Redaction extends Span {
  reason: RedactionReason;
}

/** What identifies an outlet: its name as the corpus records it and the address of an article. */
export interface OutletIdentity {
  outlet: string | null;
  url: string | null;
}

/** The paragraph facts redaction needs (a subset of `Paragraph`). */
export interface ParagraphInfo extends Span {
  role: ParagraphRole;
  reason: Pick<RoleReason, 'code'> | null;
}

/** A compiled matcher for a set of outlets' names; build once per page with {@link nameMatcher}. */
export interface NameMatcher {
  /** Every alias, longest first (for explanations and tests). */
  aliases: string[];
  /** Global, case-insensitive, Unicode; null when there is nothing to match. */
  pattern: RegExp | null;
}

// Second-level labels under a country code ("presstv.co.uk"): the registrable name sits one label further left.
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'or', 'ne', 'go']);
// Host labels that name infrastructure, not an outlet.
const GENERIC_LABELS = new Set(['www', 'm', 'amp', 'cdn', 'news', 'web', 'static', 'media', 'en', 'english', 'mobile']);

/** The label a host is registered under: "www.presstv.co.uk" → "presstv", "yjc.ir" → "yjc". */
export function hostStem(host: string): string | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length < 2) return null;
  labels.pop();
  if (labels.length >= 2 && SECOND_LEVEL.has(labels[labels.length - 1]!)) labels.pop();
  const stem = labels[labels.length - 1];
  if (!stem || stem.length < 3 || /^\d+$/.test(stem) || GENERIC_LABELS.has(stem)) return null;
  return stem;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./i, '') || null;
  } catch {
    return null;
  }
}

/**
 * The names an outlet goes by: the recorded name, its parts around a bracketed acronym
 * ("Young Journalists Club (YJC)" → also "Young Journalists Club" and "YJC"), the name without a
 * leading "The", a domain-like name without its ending ("deminorias.com" → "deminorias"), and the
 * article address's host and its registered label ("presstv.ir", "presstv").
 */
export function outletAliases({ outlet, url }: OutletIdentity): string[] {
  const out = new Set<string>();
  const add = (s: string | null | undefined) => {
    const t = s?.trim();
    if (t && t.length >= 3 && !/^\d+$/.test(t)) out.add(t);
  };
  if (outlet) {
    const name = outlet.trim();
    add(name);
    const paren = /^(.+?)\s*\(([^()]+)\)\s*$/u.exec(name);
    if (paren) {
      add(paren[1]);
      add(paren[2]);
    }
    for (const n of [...out]) if (/^the\s+\S/iu.test(n)) add(n.replace(/^the\s+/iu, ''));
    if (/^[a-z0-9.-]+\.[a-z]{2,24}$/iu.test(name)) add(hostStem(name));
  }
  if (url) {
    const host = hostOf(url);
    if (host) {
      add(host);
      add(hostStem(host));
    }
  }
  return [...out];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for every alias of every outlet, longest first so the fullest name wins. Words of an
 * alias may be written together or with a hyphen ("Press TV", "PressTV", "Press-TV"), in any case.
 */
export function nameMatcher(identities: readonly OutletIdentity[]): NameMatcher {
  const aliases = [...new Set(identities.flatMap(outletAliases))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (aliases.length === 0) return { aliases, pattern: null };
  const alternatives = aliases.map((a) =>
    a
      .split(/[\s\u00a0-]+/u)
      .filter(Boolean)
      .map(escapeRegExp)
      .join('[\\s\\u00a0._-]*'),
  );
  return { aliases, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') };
}

/** A web address written out: "https://…", "www.…". */
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'“”‘’()[\]]+/giu;
/** A host label next to a name match: "www." before it, ".co.uk" after it. */
const HOST_LABEL_BEFORE = /(?:[a-z0-9-]+\.)+$/iu;
const HOST_LABEL_AFTER = /^(?:\.[a-z0-9-]*[a-z][a-z0-9-]*)+/iu;
/** "TEHRAN, Young Journalists Club (YJC) -", "TEHRAN, July 05 -", "BEIRUT (Reuters) -". */
const DATELINE =
  /^\p{Lu}[\p{Lu}'’.-]{2,}(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+){0,3}(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]*,[^\n–—-]{1,60}?)?[ \t]*[-–—]+[ \t]*/u;
/** "Source: Press TV", "(Via: AFP)", "Courtesy of: …", on a line of its own. */
const CREDIT_LINE = /^[([]?[ \t]*(?:sources?|via|credits?|courtesy(?:[ \t]+of)?|originally[ \t]+published[ \t]+(?:at|by|on|in))[ \t]*:[^\n]*/iu;
/** Chrome whose very job is to name or address the site. */
const SELF_CHROME: ReadonlySet<string> = new Set(['mirror-addresses', 'bare-url', 'source-credit']);

/** Name and address spans in `text[from, to)`: the outlets' names (a host around a name taken whole) and every written-out URL. */
export function findNamesAndAddresses(text: string, matcher: NameMatcher, from = 0, to = text.length): Redaction[] {
  const out: Redaction[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(URL_RE)) {
    const raw = m[0].replace(/[.,;:!?]+$/u, '');
    out.push({ start: from + m.index, end: from + m.index + raw.length, reason: 'address' });
  }
  if (matcher.pattern) {
    for (const m of slice.matchAll(new RegExp(matcher.pattern.source, matcher.pattern.flags))) {
      let start = from + m.index;
      let end = start + m[0].length;
      // "www.presstv.co.uk" or "deminorias.com": the whole host goes, not only the name inside it.
      const before = HOST_LABEL_BEFORE.exec(text.slice(Math.max(from, start - 80), start));
      const after = HOST_LABEL_AFTER.exec(text.slice(end, Math.min(to, end + 80)));
      if (after && !/^\.\s/u.test(text.slice(end, end + 2))) end += after[0].length;
      if (before) start -= before[0].length;
      out.push({ start, end, reason: 'name' });
    }
  }
  return out;
}

/**
 * Every span of an article that gives an outlet away: name and address matches anywhere; a dateline
 * at the start of a paragraph or line; a credit line ("Source: …"); and, whole, any chrome paragraph
 * that lists the site's addresses, credits a source, or names or links an outlet. Sorted, disjoint.
 */
export function findSelfReferences(article: { text: string; paragraphs: readonly ParagraphInfo[] }, matcher: NameMatcher): Redaction[] {
  const { text } = article;
  const spans: Redaction[] = findNamesAndAddresses(text, matcher);
  for (const p of article.paragraphs) {
    const names = spans.some((s) => s.start < p.end && s.end > p.start);
    if (p.role === 'chrome' && (names || (p.reason && SELF_CHROME.has(p.reason.code)))) {
      spans.push({ ...trimSpan(text, p), reason: 'chrome' });
      continue;
    }
    // Lines, because some sources separate paragraphs by single line breaks only.
    let lineStart = p.start;
    for (const line of text.slice(p.start, p.end).split('\n')) {
      const lead = line.length - line.trimStart().length;
      const body = line.slice(lead);
      const at = lineStart + lead;
      const credit = CREDIT_LINE.exec(body);
      if (credit) spans.push({ ...trimSpan(text, { start: at, end: at + credit[0].length }), reason: 'credit' });
      else {
        const dateline = DATELINE.exec(body);
        if (dateline) spans.push({ ...trimSpan(text, { start: at, end: at + dateline[0].length }), reason: 'dateline' });
      }
      lineStart += line.length + 1;
    }
  }
  return mergeRedactions(spans.filter((s) => s.end > s.start));
}

/** Sorts spans and merges the ones that overlap or touch; the earlier span's reason is kept. */
export function mergeRedactions(spans: readonly Redaction[]): Redaction[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Redaction[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** `text[start, end)` with every redacted part replaced by the marker (for quotes outside the segment view). */
export function redactedSlice(text: string, start: number, end: number, redactions: readonly Span[], marker = REDACTED): string {
  let out = '';
  let at = start;
  for (const r of redactions) {
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (e <= s || s < at) continue;
    out += text.slice(at, s) + marker;
    at = e;
  }
  return out + text.slice(at, end);
}

/** A short string (title, event label, boilerplate word swap) with outlet names and addresses replaced. */
export function redactString(s: string, matcher: NameMatcher, marker = REDACTED): string {
  return redactedSlice(s, 0, s.length, mergeRedactions(findNamesAndAddresses(s, matcher)), marker);
}
