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
  /** Content word (`talk`) → feature id, and name key (`nsb`) → feature id: `index` without the prefixes. */
  wordIds: ReadonlyMap<string, number>;
  nameIds: ReadonlyMap<string, number>;
  /** Feature id → its key without the prefix (`talk`, `nsb`, `2018-07-06`). */
  rawKeys: string[];
  /** Per article, the feature ids of its content words in the order of its `words` keys. */
  wordRows: Int32Array[];
}

/** Builds one TF-IDF vector per article (sublinear tf: 1 + ln count). */
export function vectorize(features: ArticleFeatures[], w: VectorWeights): FeatureSpace {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const rawKeys: string[] = [];
  const dfList: number[] = [];
  // Per namespace, raw key → id: the prefixed key ("w:talk") is built once per feature, not once
  // per article holding it. Ids still follow first sight (words, then names, then dates).
  const namespaces = [
    { prefix: 'w:', ids: new Map<string, number>() },
    { prefix: 'n:', ids: new Map<string, number>() },
    { prefix: 'd:', ids: new Map<string, number>() },
  ] as const;
  const idOf = (ns: 0 | 1 | 2, raw: string): number => {
    const space = namespaces[ns];
    let id = space.ids.get(raw);
    if (id === undefined) {
      id = keys.length;
      const key = space.prefix + raw;
      space.ids.set(raw, id);
      index.set(key, id);
      keys.push(key);
      rawKeys.push(raw);
      dfList.push(0);
    }
    dfList[id]!++;
    return id;
  };
  // Each article's rows in typed arrays (words, then names, then dates, as the features list them).
  const perArticle = features.map((f) => {
    const size = f.words.keys.length + f.names.keys.length + f.dates.size;
    const rows = { ids: new Int32Array(size), counts: new Float64Array(size), mults: new Float64Array(size) };
    let r = 0;
    for (let k = 0; k < f.words.keys.length; k++) {
      rows.ids[r] = idOf(0, f.words.keys[k]!);
      rows.counts[r] = f.words.counts[k]!;
      rows.mults[r++] = w.words;
    }
    for (let k = 0; k < f.names.keys.length; k++) {
      rows.ids[r] = idOf(1, f.names.keys[k]!);
      rows.counts[r] = f.names.counts[k]!;
      rows.mults[r++] = w.names;
    }
    // forEach, not for…of: no entry array per feature while this runs unoptimised (a cold start).
    f.dates.forEach((count, k) => {
      rows.ids[r] = idOf(2, k);
      rows.counts[r] = count;
      rows.mults[r++] = w.dates;
    });
    return rows;
  });
  const n = features.length;
  const df = Int32Array.from(dfList);
  // One idf per feature (the same expression each row would compute).
  const idfs = new Float64Array(df.length);
  for (let id = 0; id < df.length; id++) idfs[id] = Math.log((n + w.priorDocuments) / ((df[id] ?? 0) + 1));
  // Feature id → its row in the article at hand (ids are distinct within an article).
  const rowOf = new Int32Array(keys.length);
  const vectors = perArticle.map((rows) => {
    // Rows in order of feature id: the ids sorted as an Int32Array (no comparator, and faster than
    // sorting doubles), each row found again through rowOf.
    for (let row = 0; row < rows.ids.length; row++) rowOf[rows.ids[row]!] = row;
    const ids = rows.ids.slice().sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const row = rowOf[id]!;
      const value = tf(rows.counts[row]!) * idfs[id]! * rows.mults[row]!;
      weights[i] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / norm;
    return { ids, weights };
  });
  // Rows start with the words, in the order of the article's map.
  const wordRows = perArticle.map((rows, i) => rows.ids.subarray(0, features[i]!.words.keys.length));
  return { vectors, keys, index, df, wordIds: namespaces[0].ids, nameIds: namespaces[1].ids, rawKeys, wordRows };
}

/** 1 + ln(count) for the counts most features have (a count repeats across a million rows). */
const TF = Float64Array.from({ length: 64 }, (_, c) => 1 + Math.log(c));

/** Sublinear term frequency, 1 + ln(count): the table's value for a small whole count, the same float. */
export function tf(count: number): number {
  return count < 64 && count >= 0 && Number.isInteger(count) ? TF[count]! : 1 + Math.log(count);
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

/**
 * Cosines of one vector against many: `a` is spread once into a dense row, so each partner costs one
 * pass over its own ids with no branching. Sums run in ascending id order and non-shared ids add an
 * exact zero, so every value equals `cosine(a, b)` to the last bit. `row` must hold zeros (size: the
 * number of features) and is left holding zeros.
 */
export function cosinesFrom(a: SparseVector, partners: readonly SparseVector[], row: Float64Array): Float64Array {
  const out = new Float64Array(partners.length);
  for (let i = 0; i < a.ids.length; i++) row[a.ids[i]!] = a.weights[i]!;
  for (let p = 0; p < partners.length; p++) {
    const b = partners[p]!;
    const ids = b.ids;
    const weights = b.weights;
    let sum = 0;
    for (let j = 0; j < ids.length; j++) sum += row[ids[j]!]! * weights[j]!;
    out[p] = sum;
  }
  for (let i = 0; i < a.ids.length; i++) row[a.ids[i]!] = 0;
  return out;
}

/** The weight of feature `id` in `v` (0 when absent or undefined): a binary search over its sorted ids. */
export function weightOf(v: SparseVector, id: number | undefined): number {
  if (id === undefined) return 0;
  const ids = v.ids;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = ids[mid]!;
    if (x === id) return v.weights[mid]!;
    if (x < id) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}
