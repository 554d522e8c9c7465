/**
 * Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
 * Words"): which words one outlet uses more than the others, shrunk toward a background frequency
 * list so that a handful of short articles still gives stable, comparable z-scores.
 */

/** Word counts: word → number of uses. */
export type Counts = ReadonlyMap<string, number>;

/** Relative frequency of a word in general use (0..1), or undefined when unknown. */
export type Background = (word: string) => number | undefined;

/** Tuning for {@link logOddsZ}. */
export interface LogOddsOptions {
  /**
   * Total pseudo-count of the prior (α0). Larger shrinks more: a word must be used more often before
   * its z-score grows. Default 100, sized for a few short articles: one or two uses of a word are
   * never significant, a dozen against none are (Monroe et al. used larger priors for larger corpora).
   */
  priorSize?: number;
  /** Frequency given to a word the background does not know. Default 1e-6. */
  floor?: number;
  /**
   * Score only the words `focus` uses at least this often (the totals still count every word).
   * Default 0: every word either side uses. A caller that keeps only frequent focus words saves
   * scoring the whole vocabulary of the rest.
   */
  minFocusCount?: number;
}

/** The score of one word: z > 1.96 means "used more by the focus side" at the usual 5% level. */
export interface WordScore {
  word: string;
  /** Estimated log-odds ratio, focus vs rest. */
  delta: number;
  /** delta divided by its estimated standard deviation. */
  z: number;
  focusCount: number;
  restCount: number;
}

function total(counts: Counts): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

/**
 * Background built from pooled counts (the whole corpus being analysed), optionally mixed with a
 * general frequency list: `weight` of the list plus `1 - weight` of the pool.
 */
export function pooledBackground(pool: Counts, list?: Background, weight = 0.5): Background {
  const n = total(pool);
  return (word) => {
    const own = n > 0 ? (pool.get(word) ?? 0) / n : 0;
    const general = list?.(word);
    if (general === undefined) return own > 0 ? own : undefined;
    return weight * general + (1 - weight) * own;
  };
}

/**
 * Scores every word used by either side: the log-odds of the word in `focus` minus its log-odds in
 * `rest`, each smoothed by the prior α_w = α0 · p_background(w), divided by its approximate standard
 * deviation sqrt(1/(y_focus + α_w) + 1/(y_rest + α_w)). Sorted by z, highest first.
 */
export function logOddsZ(focus: Counts, rest: Counts, background: Background, options: LogOddsOptions = {}): WordScore[] {
  const nf = total(focus);
  const nr = total(rest);
  const minFocus = options.minFocusCount ?? 0;
  const words = minFocus > 0 ? focus.keys() : new Set<string>([...focus.keys(), ...rest.keys()]);
  const scores: WordScore[] = [];
  for (const word of words) {
    const yf = focus.get(word) ?? 0;
    if (yf < minFocus) continue;
    scores.push(scoreWord(word, yf, rest.get(word) ?? 0, nf, nr, background, options));
  }
  return scores.sort((x, y) => y.z - x.z || x.word.localeCompare(y.word));
}

/**
 * The score of one word from its counts (`yf` of `nf` focus uses, `yr` of `nr` in the rest): what
 * {@link logOddsZ} computes for each word, for callers that keep their counts in their own shape.
 */
export function scoreWord(word: string, yf: number, yr: number, nf: number, nr: number, background: Background, options: LogOddsOptions = {}): WordScore {
  const a = priorOf(background(word), options);
  const delta = deltaOf(a, yf, yr, nf, nr, options);
  return { word, delta, z: zOf(delta, a, yf, yr), focusCount: yf, restCount: yr };
}

/** The prior α_w = α0 · p_background(w) of a word whose background frequency is `p` (see {@link scoreWord}). */
export function priorOf(p: number | undefined, options: LogOddsOptions = {}): number {
  const floor = options.floor ?? 1e-6;
  return (options.priorSize ?? 100) * Math.max(p ?? floor, floor);
}

/** The estimated log-odds ratio of {@link scoreWord}, from the word's prior `a` (see {@link priorOf}). */
function deltaOf(a: number, yf: number, yr: number, nf: number, nr: number, options: LogOddsOptions): number {
  const a0 = options.priorSize ?? 100;
  const lf = Math.log((yf + a) / Math.max(nf + a0 - yf - a, 1e-9));
  const lr = Math.log((yr + a) / Math.max(nr + a0 - yr - a, 1e-9));
  return lf - lr;
}

/**
 * The z of {@link scoreWord} from the word's prior `a` (see {@link priorOf}) instead of the word: the
 * same float, for a caller that looks each word's prior up once rather than once per count.
 */
export function zFromPrior(a: number, yf: number, yr: number, nf: number, nr: number, options: LogOddsOptions = {}): number {
  return zOf(deltaOf(a, yf, yr, nf, nr, options), a, yf, yr);
}

/** The log-odds ratio `delta` over its estimated standard deviation. */
function zOf(delta: number, a: number, yf: number, yr: number): number {
  return delta / Math.sqrt(1 / (yf + a) + 1 / (yr + a));
}
