/**
 * Which article pairs are worth a cosine: every pair in a corpus of a few hundred, and beyond that
 * only each article's strongest candidates found through its rarer shared features, so the work
 * stays near-linear where all pairs would grow with the square of the corpus.
 */
import type { FeatureSpace } from './vectors';

export interface PairOptions {
  /** Up to this many articles every pair is compared. */
  allPairsUpTo: number;
  /** Beyond that, each article keeps this many candidates. */
  candidatesPerArticle: number;
}

/** Pairs `[i, j]` with i < j, each once, in ascending order. */
export function candidatePairs(space: FeatureSpace, options: PairOptions): [number, number][] {
  const n = space.vectors.length;
  const out: [number, number][] = [];
  if (n <= options.allPairsUpTo) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
    return out;
  }
  // Postings of features rare enough to tell events apart: one held by a twentieth of the corpus
  // says little about which happening an article reports, and its postings are what costs.
  const cap = Math.max(30, Math.ceil(n / 20));
  // Postings in flat arrays (feature id → [offsets[id], offsets[id + 1]) of postArticles and
  // postWeights), articles ascending: the inner loop below runs for every shared rare feature.
  const keep = (id: number) => (space.df[id] ?? 0) >= 2 && (space.df[id] ?? 0) <= cap;
  const offsets = new Int32Array(space.keys.length + 1);
  for (let id = 0; id < space.keys.length; id++) offsets[id + 1] = offsets[id]! + (keep(id) ? (space.df[id] ?? 0) : 0);
  const postArticles = new Int32Array(offsets[space.keys.length]!);
  const postWeights = new Float64Array(postArticles.length);
  const fill = offsets.slice(0, space.keys.length);
  space.vectors.forEach((v, article) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      if (!keep(id)) continue;
      const at = fill[id]!++;
      postArticles[at] = article;
      postWeights[at] = v.weights[k] ?? 0;
    }
  });
  const postings: Postings = { offsets, articles: postArticles, weights: postWeights };
  // Each pair's partial sum is the same float from either side (the same products, in ascending
  // feature order), so it is summed once, by the earlier article; with a weight of 0 or below (which
  // the default weights never give) an article may be touched and not summed, and both sides are read.
  let positive = true;
  for (let at = 0; at < postWeights.length; at++) if (!(postWeights[at]! > 1e-150 && postWeights[at]! < Infinity)) positive = false;
  const pick = positive ? pickOnce(space, postings, options.candidatesPerArticle) : pickBothSides(space, postings, options.candidatesPerArticle);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    for (const j of pick(i)) {
      const key = Math.min(i, j) * n + Math.max(i, j);
      if (!seen.has(key)) {
        seen.add(key);
        out.push([Math.min(i, j), Math.max(i, j)]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Posting lists of the rare features: feature id → `[offsets[id], offsets[id + 1])` of `articles` and `weights`, articles ascending. */
interface Postings {
  offsets: Int32Array;
  articles: Int32Array;
  weights: Float64Array;
}

/**
 * Article i's candidates (`strongest` over every article sharing a rare feature with it), asked for
 * i = 0, 1, 2…: each article's partial sums with all others, read from its own features' postings.
 */
function pickBothSides(space: FeatureSpace, postings: Postings, k: number): (i: number) => number[] {
  const { offsets, articles, weights } = postings;
  const partial = new Float64Array(space.vectors.length);
  const touched: number[] = [];
  const top: number[] = [];
  return (i) => {
    const v = space.vectors[i]!;
    for (let f = 0; f < v.ids.length; f++) {
      const id = v.ids[f]!;
      const weight = v.weights[f] ?? 0;
      for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
        const article = articles[at]!;
        if (article === i) continue;
        if (partial[article] === 0) touched.push(article);
        partial[article]! += weight * weights[at]!;
      }
    }
    strongest(touched, partial, k, top);
    for (const j of touched) partial[j] = 0;
    touched.length = 0;
    return top;
  };
}

/**
 * `pickBothSides` with each pair summed once, when every posting weight is positive (so an article
 * touched has a partial above 0, from either side). Article i sums its partials with later articles
 * only (the postings after its own, found by a cursor per feature as i goes up), then offers each to
 * that later article's short list of its `k` strongest earlier partners (kept in `strongest`'s order);
 * its own earlier partners come from its list. The `k` strongest of all are the `k` strongest of the
 * later ones and the `k` strongest earlier ones, so the candidates are the same.
 */
function pickOnce(space: FeatureSpace, postings: Postings, k: number): (i: number) => number[] {
  const { offsets, articles, weights } = postings;
  const n = space.vectors.length;
  const partial = new Float64Array(n);
  const touched: number[] = [];
  const top: number[] = [];
  // Per article, up to k earlier partners and their partials, strongest first.
  const earlyIds = new Int32Array(n * k);
  const earlyValues = new Float64Array(n * k);
  const earlyCount = new Int32Array(n);
  // Per feature: the posting of the article at hand (articles before it lie behind).
  const cursor = offsets.slice(0, offsets.length - 1);
  return (i) => {
    const v = space.vectors[i]!;
    for (let f = 0; f < v.ids.length; f++) {
      const id = v.ids[f]!;
      const end = offsets[id + 1]!;
      // No postings (a feature too common or too rare): nothing to read, and no cursor to move.
      if (offsets[id] === end) continue;
      const weight = v.weights[f] ?? 0;
      // Skip i's own posting: the later articles follow it.
      for (let at = cursor[id]!++ + 1; at < end; at++) {
        const article = articles[at]!;
        if (partial[article] === 0) touched.push(article);
        partial[article]! += weight * weights[at]!;
      }
    }
    const later = touched.length;
    const base = i * k;
    for (let e = 0; e < earlyCount[i]!; e++) {
      const h = earlyIds[base + e]!;
      partial[h] = earlyValues[base + e]!;
      touched.push(h);
    }
    strongest(touched, partial, k, top);
    for (let t = 0; t < later; t++) offerEarlier(earlyIds, earlyValues, earlyCount, k, touched[t]!, i, partial[touched[t]!]!);
    for (const j of touched) partial[j] = 0;
    touched.length = 0;
    return top;
  };
}

/** Whether partial `p` of article `h` goes before entry `at` in `strongest`'s order: a larger partial, or the same and a lower index. */
function isBefore(values: Float64Array, ids: Int32Array, at: number, p: number, h: number): boolean {
  const v = values[at]!;
  // Every compare made each time: exact ties are rare, and a compare first made after V8 has
  // optimised the caller has no type feedback (a deopt).
  const lower = h < ids[at]!;
  const equal = p === v;
  return p > v || (equal && lower);
}

/** Offers earlier article `h` with partial `p` to article j's list of its `k` strongest earlier partners (see `pickOnce`). */
function offerEarlier(ids: Int32Array, values: Float64Array, count: Int32Array, k: number, j: number, h: number, p: number): void {
  if (k <= 0) return;
  const base = j * k;
  const fullSize = k - 1;
  let size = count[j]!;
  // Most offers, once the list is full, are not before its last entry. The test is made before
  // knowing the list is full (its slot is read whatever it holds): lists fill only after V8 has
  // optimised this, and arithmetic or a compare first reached then had no type feedback, which
  // deoptimised candidatePairs' per-article reader twice per first 10 MB run.
  const beforeLast = isBefore(values, ids, base + fullSize, p, h);
  if (size === k) {
    if (!beforeLast) return;
    size = fullSize;
  }
  let at = size;
  while (at > 0 && isBefore(values, ids, base + at - 1, p, h)) {
    ids[base + at] = ids[base + at - 1]!;
    values[base + at] = values[base + at - 1]!;
    at--;
  }
  ids[base + at] = h;
  values[base + at] = p;
  count[j] = size + 1;
}

/**
 * The first `k` of `touched` in the order of `(a, b) => partial[b] - partial[a] || a - b` (strongest
 * first, ties to the lower index), in that order, in `top` (reused). The same as sorting `touched` and
 * taking `k`, but only the best `k` are kept in order as the list is read: an article touches hundreds
 * of others through its rare features and keeps about 25.
 */
export function strongest(touched: readonly number[], partial: Float64Array, k: number, top: number[] = []): number[] {
  top.length = 0;
  if (k <= 0) return top;
  for (let t = 0; t < touched.length; t++) {
    const j = touched[t]!;
    const p = partial[j]!;
    // Before `x` in the sort order: a larger partial, or the same and a lower index.
    const before = (x: number) => p > partial[x]! || (p === partial[x]! && j < x);
    if (top.length === k) {
      if (!before(top[k - 1]!)) continue;
      top.pop();
    }
    let at = top.length;
    top.push(j);
    while (at > 0 && before(top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = j;
  }
  return top;
}
