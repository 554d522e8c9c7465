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
  const seen = new Set<number>();
  const partial = new Float64Array(n);
  const touched: number[] = [];
  const top: number[] = [];
  space.vectors.forEach((v, i) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      const weight = v.weights[k] ?? 0;
      for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
        const article = postArticles[at]!;
        if (article === i) continue;
        if (partial[article] === 0) touched.push(article);
        partial[article]! += weight * postWeights[at]!;
      }
    }
    for (const j of strongest(touched, partial, options.candidatesPerArticle, top)) {
      const key = Math.min(i, j) * n + Math.max(i, j);
      if (!seen.has(key)) {
        seen.add(key);
        out.push([Math.min(i, j), Math.max(i, j)]);
      }
    }
    for (const j of touched) partial[j] = 0;
    touched.length = 0;
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
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
