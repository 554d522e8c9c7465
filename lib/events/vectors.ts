/**
 * TF-IDF vectors over words, names and dates, with the corpus itself as the document-frequency
 * source and a smoothing prior so that a corpus of five articles still weighs words sensibly.
 */
import type { ArticleFeatures } from './features';

export interface VectorWeights {
  /** Multiplier for content words. */
  words: number;
  /** Multiplier for name keys (people, places, organisations). */
  names: number;
  /** Multiplier for day-level dates the text refers to. */
  dates: number;
  /**
   * Pseudo-documents in which every feature is assumed to occur once: idf = ln((N + P) / (df + 1)).
   * With few articles idf stays flat (plain word overlap); with hundreds the corpus counts dominate.
   */
  priorDocuments: number;
}

/** A sparse, L2-normalised vector: feature ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface FeatureSpace {
  vectors: SparseVector[];
  /** Feature id → key (`w:talk`, `n:nsb`, `d:2018-07-06`). */
  keys: string[];
  /** Key → feature id. */
  index: Map<string, number>;
  /** Feature id → number of articles holding it. */
  df: Int32Array;
}

/** The prefixed feature keys of one article with their raw counts and namespace multipliers. */
function* featureCounts(f: ArticleFeatures, w: VectorWeights): Generator<[string, number, number]> {
  for (const [k, c] of f.words) yield [`w:${k}`, c.count, w.words];
  for (const [k, n] of f.names) yield [`n:${k}`, n, w.names];
  for (const [k, n] of f.dates) yield [`d:${k}`, n, w.dates];
}

/** Builds one TF-IDF vector per article (sublinear tf: 1 + ln count). */
export function vectorize(features: ArticleFeatures[], w: VectorWeights): FeatureSpace {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const dfList: number[] = [];
  const perArticle: [number, number, number][][] = features.map((f) => {
    const rows: [number, number, number][] = [];
    for (const [key, count, mult] of featureCounts(f, w)) {
      let id = index.get(key);
      if (id === undefined) {
        id = keys.length;
        index.set(key, id);
        keys.push(key);
        dfList.push(0);
      }
      dfList[id] = (dfList[id] ?? 0) + 1;
      rows.push([id, count, mult]);
    }
    return rows;
  });
  const n = features.length;
  const df = Int32Array.from(dfList);
  const vectors = perArticle.map((rows) => {
    rows.sort((a, b) => a[0] - b[0]);
    const ids = new Int32Array(rows.length);
    const weights = new Float64Array(rows.length);
    let norm = 0;
    rows.forEach(([id, count, mult], i) => {
      const idf = Math.log((n + w.priorDocuments) / ((df[id] ?? 0) + 1));
      const value = (1 + Math.log(count)) * idf * mult;
      ids[i] = id;
      weights[i] = value;
      norm += value * value;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / norm;
    return { ids, weights };
  });
  return { vectors, keys, index, df };
}

/** Cosine of two normalised sparse vectors (a merge over their sorted ids). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Feature key → weight in one vector (for explanations, which only look at a few articles). */
export function weightsByKey(space: FeatureSpace, v: SparseVector): Map<string, number> {
  const out = new Map<string, number>();
  v.ids.forEach((id, i) => out.set(space.keys[id] ?? '', v.weights[i] ?? 0));
  return out;
}
