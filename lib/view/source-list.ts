/**
 * The printed list of who each report quotes: a comparison's source mentions folded into one entry
 * per speaker and article (surname-only and pronoun mentions joined to the named person), with the
 * first thing each speaker is quoted as saying. Pure, so the print section only renders it.
 */
import type { SourceKind, SourceMention } from '../types';

/** One speaker in one article. */
export interface SourceEntry {
  /** The speaker as first written in full ("Hussein Abazeed", "a Syrian military source", "he"). */
  speaker: string;
  kind: SourceKind;
  /** How many times the article quotes or credits this speaker. */
  mentions: number;
  /** The first quoted or attributed words, shortened to a line or two; null when none could be delimited. */
  quote: string | null;
}

/** Reading order of the kinds: people by name first, speakers nobody is named for last. */
const KIND_ORDER: Record<SourceKind, number> = { named: 0, agency: 1, anonymous: 2, unresolved: 3 };

/** Lower case, no diacritics, plain apostrophes: "Dara’a" and "dara'a" are one speaker. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Shortens quoted words at a word boundary, with an ellipsis. */
export function clipQuote(s: string, max = 110): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * Groups `sources` per article id (in the order of `articleIds`). A one-word named speaker that is the
 * surname of a person named earlier in the same article joins that person ("Abazeed" → "Hussein
 * Abazeed"); a pronoun resolved to an earlier name joins that name. `texts` gives each article's text
 * for the quotes.
 */
export function groupSources(
  sources: readonly SourceMention[],
  articleIds: readonly string[],
  texts: ReadonlyMap<string, string>,
): Map<string, SourceEntry[]> {
  const out = new Map<string, SourceEntry[]>(articleIds.map((id) => [id, []]));
  const byArticle = new Map<string, SourceMention[]>();
  for (const s of sources) {
    const list = byArticle.get(s.article);
    if (list) list.push(s);
    else byArticle.set(s.article, [s]);
  }
  for (const id of articleIds) {
    const mentions = [...(byArticle.get(id) ?? [])].sort((a, b) => a.start - b.start);
    const text = texts.get(id) ?? '';
    const entries = new Map<string, SourceEntry & { first: number }>();
    /** Surname → key of the full name it belongs to. */
    const surnames = new Map<string, string>();
    for (const m of mentions) {
      const written = m.antecedent?.text ?? m.speaker;
      let key = fold(written);
      const words = key.split(' ');
      if (m.kind === 'named' || m.antecedent) {
        if (words.length === 1 && surnames.has(key)) key = surnames.get(key)!;
        else if (words.length > 1) surnames.set(words[words.length - 1]!, key);
      }
      const quote = m.quote ? clipQuote(text.slice(m.quote.start, m.quote.end)) : null;
      const entry = entries.get(key);
      if (entry) {
        entry.mentions += 1;
        entry.quote ??= quote;
        // A pronoun resolved to a name makes the entry a named one.
        if (KIND_ORDER[m.kind] < KIND_ORDER[entry.kind]) entry.kind = m.kind;
      } else {
        entries.set(key, { speaker: written.replace(/\s+/g, ' ').trim(), kind: m.antecedent ? 'named' : m.kind, mentions: 1, quote, first: m.start });
      }
    }
    out.set(
      id,
      [...entries.values()]
        .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.first - b.first)
        .map(({ speaker, kind, mentions: n, quote }) => ({ speaker, kind, mentions: n, quote })),
    );
  }
  return out;
}
