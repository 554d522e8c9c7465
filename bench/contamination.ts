/**
 * Contamination audit of the hand-written cue lists (lib/candidates/word-lists.ts) against BASIL (Fan
 * et al. 2019), read at run time from ../shared/eval/basil and never copied into the project: their
 * first author had seen BASIL's 80 most frequent gold lexical-bias span strings, so any entry sharing
 * a word with those strings could owe its place to the evaluation data and must not be scored on it.
 *
 * The contaminated words, computed deterministically:
 * - gold strings are the `text` of every lexical span of every event, lower-cased and trimmed;
 * - they are ranked by frequency. Only some 40 strings occur more than once, so the 80th place falls
 *   among hundreds of strings seen once and the ranking depends on how ties are broken; the author's
 *   tie order is unknown, so the set is the UNION of the top 80 under both natural orders (first seen,
 *   reading events by file name; and alphabetical);
 * - the words of those strings are their folded tokens (lib/normalize `tokenize`).
 * An entry is contaminated when one of its content words (all its words, if it has only stop words)
 * equals a contaminated word in any regular inflection (what the matcher would match) or by stem.
 *
 * `npx tsx bench/contamination.ts` prints the audit of the shipped lists (no BASIL text, only our own
 * entries) and exits 1 when a contaminated entry is kept without the licensed-list exception.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileCues, inflections, type CueMatcher } from '../lib/candidates/cues';
import { licensedCueLists } from '../lib/candidates/licensed';
import { CUE_LISTS, STOPWORDS, type CueList } from '../lib/candidates/word-lists';
import { stem } from '../lib/candidates/words';
import { tokenize } from '../lib/normalize';

export const TOP = 80;

interface GoldEvent {
  articles: { lexical_spans: { text: string }[] }[];
}

/** The BASIL events folder: env BASIL_DIR, else ../shared/eval/basil next to the project. */
export function basilDir(): string {
  return process.env.BASIL_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'eval', 'basil');
}

/** Gold lexical span strings (lower-cased, trimmed) with their counts, in first-seen order. */
export function goldStringCounts(dir = basilDir()): Map<string, number> {
  const counts = new Map<string, number>();
  const eventsDir = path.join(dir, 'events');
  for (const f of readdirSync(eventsDir).filter((x) => x.endsWith('.json')).sort()) {
    const e = JSON.parse(readFileSync(path.join(eventsDir, f), 'utf8')) as GoldEvent;
    for (const a of e.articles) for (const s of a.lexical_spans) {
      const k = s.text.toLowerCase().trim();
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

/** The words of the `top` most frequent gold strings, under both tie orders (see the header). */
export function contaminatedWords(counts = goldStringCounts(), top = TOP): Set<string> {
  const firstSeen = [...counts].sort((a, b) => b[1] - a[1]); // stable: ties keep first-seen order
  const alphabetical = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words = new Set<string>();
  for (const ranking of [firstSeen, alphabetical]) for (const [s] of ranking.slice(0, top)) for (const t of tokenize(s)) words.add(t.norm);
  return words;
}

/** The words of an entry that count for contamination: its content words, or all if it has none. */
function entryWords(entry: string): string[] {
  const words = tokenize(entry).map((t) => t.norm);
  const content = words.filter((w) => !STOPWORDS.has(w));
  return content.length ? content : words;
}

/** True when the entry shares a word with `words` (in any regular inflection, or by stem). */
export function isContaminated(entry: string, words: ReadonlySet<string>, stems: ReadonlySet<string>): boolean {
  return entryWords(entry).some((w) => inflections(w).some((f) => words.has(f)) || stems.has(stem(w)));
}

/** True when `matcher` matches the whole entry as one phrase (the entry is in one of its lists). */
export function matchesWhole(matcher: CueMatcher, entry: string): boolean {
  let at: CueMatcher['root'] | undefined = matcher.root;
  for (const t of tokenize(entry)) at = at?.next.get(t.norm);
  return !!at?.list;
}

export interface AuditRow {
  list: string;
  entry: string;
  /** Kept because the licensed lists, as shipped, flag the entry anyway. */
  licensed: boolean;
}

/** Every contaminated entry of `lists`, and whether the licensed lists cover it. */
export function audit(lists: readonly CueList[] = CUE_LISTS, words = contaminatedWords()): AuditRow[] {
  const stems = new Set([...words].map(stem));
  const licensed = compileCues(licensedCueLists(), false);
  const rows: AuditRow[] = [];
  for (const list of lists) {
    for (const raw of list.words.split(',')) {
      const entry = raw.trim();
      if (entry && isContaminated(entry, words, stems)) rows.push({ list: list.id, entry, licensed: matchesWhole(licensed, entry) });
    }
  }
  return rows;
}

/** `lists` without any contaminated entry, licensed or not (for the strict figure of the benchmark). */
export function withoutContaminated(lists: readonly CueList[], words = contaminatedWords()): CueList[] {
  const stems = new Set([...words].map(stem));
  return lists
    .map((l) => ({ ...l, words: l.words.split(',').map((e) => e.trim()).filter((e) => e && !isContaminated(e, words, stems)).join(', ') }))
    .filter((l) => l.words.length > 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const counts = goldStringCounts();
  const words = contaminatedWords(counts);
  const rows = audit(CUE_LISTS, words);
  const bad = rows.filter((r) => !r.licensed);
  console.log(
    JSON.stringify(
      {
        bench: 'contamination',
        goldStrings: counts.size,
        top: TOP,
        contaminatedWords: words.size,
        shippedEntries: CUE_LISTS.reduce((n, l) => n + l.words.split(',').length, 0),
        contaminatedEntries: rows.length,
        keptByLicensedList: rows.filter((r) => r.licensed).map((r) => `${r.list}: ${r.entry}`),
        keptWithoutLicence: bad.map((r) => `${r.list}: ${r.entry}`),
      },
      null,
      1,
    ),
  );
  if (bad.length) process.exitCode = 1;
}
