/**
 * Event grouping: sorts a corpus into events (articles that report the same happening) from their
 * dates, the places and people they name, and the words of their own body text.
 */
import type { TokenTable } from '../token-table';
import type { ArticleAnalysis, EventGroup } from '../types';
import { averageLinkage, type EdgeList } from './cluster';
import { gapDays } from './dates';
import { describeGroup, kindRequests, pickShared } from './explain';
import { classifyNames } from './kinds';
import { articleFeatures, type ArticleFeatures } from './features';
import { candidatePairs } from './pairs';
import { cosine, cosinesFrom, vectorize, type FeatureSpace, type SparseVector, type VectorWeights } from './vectors';

export { nameKey, nameKeyOf } from './names';
export { findTimeExpressions, type TimeExpression } from './dates';
export type { ArticleFeatures } from './features';

/** Tuning knobs; every one has a default measured on the BASIL benchmark (bench/events.bench.ts). */
export interface EventOptions {
  /** Average similarity two groups need to be joined, 0..1. */
  threshold?: number;
  /** Publication dates further apart than this never share an event. */
  maxGapDays?: number;
  /** Publication dates this close carry no penalty. */
  closeDays?: number;
  /** Beyond `closeDays`, similarity is scaled by exp(-(gap - closeDays) / decayDays). */
  decayDays?: number;
  weights?: Partial<VectorWeights>;
  /**
   * Ask compromise whether each shown name is a place, person or organisation (it reads a short
   * window around one occurrence of each). Off, names are just "names"; grouping is unaffected.
   */
  nameKinds?: boolean;
  /**
   * At most this many distinct names are classified per call, the largest groups' first: compromise
   * costs 2-8 ms per name (a window or two of tagging), which a corpus of hundreds of events cannot
   * afford per name. Enough for the labels of a small corpus such as the samples (6 names) and of the
   * largest events of a big one (about three); the other names read "the names …". Grouping is unaffected.
   */
  nameKindBudget?: number;
  /** Up to this many articles every pair is compared; beyond, candidates come from rarer shared features. */
  allPairsUpTo?: number;
  /** For larger corpora: how many candidate partners each article keeps. */
  candidatesPerArticle?: number;
}

/**
 * Defaults sit in the middle of a plateau of a grid over BASIL (pairwise F1 >= 0.99 for thresholds
 * 0.18-0.22 and name/date weights 2-3) that also keeps the seed corpus right; see bench/events.bench.ts.
 */
export const DEFAULT_EVENT_OPTIONS: Required<Omit<EventOptions, 'weights'>> & { weights: VectorWeights } = {
  threshold: 0.2,
  maxGapDays: 30,
  closeDays: 3,
  decayDays: 10,
  weights: { words: 1, names: 2, dates: 2, priorDocuments: 30 },
  nameKinds: true,
  nameKindBudget: 12,
  allPairsUpTo: 400,
  candidatesPerArticle: 25,
};

/** One pair of articles as the grouping sees it. */
export interface PairScore {
  a: string;
  b: string;
  /** Cosine of the two articles' word, name and date vectors, 0..1. */
  content: number;
  /** Days between their dates, null when either is unknown. */
  gapDays: number | null;
  /** `content` after the date penalty; null when the date gap forbids a shared event. */
  similarity: number | null;
}

interface Prepared {
  articles: ArticleAnalysis[];
  features: ArticleFeatures[];
  space: FeatureSpace;
  options: typeof DEFAULT_EVENT_OPTIONS;
  gap: (i: number, j: number) => number | null;
  /** Content similarity, then the date penalty; null when the date gap forbids a shared event. */
  score: (content: number, gap: number | null) => number | null;
}

/** The token table of an article's text, when the caller kept one (see `tokenTable`). */
export type TokensOf = (article: ArticleAnalysis) => TokenTable | undefined;

function prepare(input: ArticleAnalysis[], given: EventOptions, tokensOf?: TokensOf): Prepared {
  const options = { ...DEFAULT_EVENT_OPTIONS, ...given, weights: { ...DEFAULT_EVENT_OPTIONS.weights, ...given.weights } };
  // Sorted by id so that the result never depends on the order the corpus was listed in.
  const articles = [...input].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const features = articles.map((a) => articleFeatures(a, tokensOf?.(a)));
  const space = vectorize(features, options.weights);
  const gap = (i: number, j: number) => {
    const a = features[i]!.when;
    const b = features[j]!.when;
    return a && b ? gapDays(a, b) : null;
  };
  const score = (content: number, g: number | null) => {
    if (g !== null && g > options.maxGapDays) return null;
    const penalty = g === null || g <= options.closeDays ? 1 : Math.exp(-(g - options.closeDays) / options.decayDays);
    return content * penalty;
  };
  return { articles, features, space, options, gap, score };
}

/** FNV-1a over the sorted member ids: the same members always give the same event id. */
function eventId(ids: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of ids.join('\n')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `event-${h.toString(16).padStart(8, '0')}`;
}

/**
 * Groups articles into events. Every article lands in exactly one group (a singleton when nothing
 * else reports its happening). Groups come largest first, then by earliest publication (undated
 * last), then by first id; each carries the dates it rests on, a `why` in plain words and a short
 * `label`. Near-linear in the corpus beyond `allPairsUpTo` articles; see bench/events.bench.ts.
 * `tokensOf` hands over token tables the caller already has; the groups are the same without it.
 */
export function groupEvents(articles: ArticleAnalysis[], options: EventOptions = {}, tokensOf?: TokensOf): EventGroup[] {
  if (!articles.length) return [];
  const p = prepare(articles, options, tokensOf);
  const n = p.articles.length;
  const edges: EdgeList = { a: [], b: [], similarity: [] };
  // Best match in wording per article, dates aside, for explaining singletons: its index and cosine
  // (typed arrays: an object per article, made with a whole -1 and given fractions later, changed its
  // field's representation and deoptimised the code reading it).
  const nearestIndex = new Int32Array(n).fill(-1);
  const nearestContent = new Float64Array(n).fill(-1);
  const row = new Float64Array(p.space.keys.length);
  // Each article's cosines with its later partners are taken in one dense pass (see cosinesFrom),
  // in the order candidatePairs gives: by first article, then second. Partners and their vectors are
  // listed by push on both paths, so the lists have one elements kind (a .map result has another).
  const partners: number[] = [];
  const vectors: SparseVector[] = [];
  const scoreFrom = (i: number) => {
    vectors.length = 0;
    for (let k = 0; k < partners.length; k++) vectors.push(p.space.vectors[partners[k]!]!);
    const contents = cosinesFrom(p.space.vectors[i]!, vectors, row);
    for (let k = 0; k < partners.length; k++) {
      const j = partners[k]!;
      const content = contents[k]!;
      if (content > nearestContent[i]!) {
        nearestIndex[i] = j;
        nearestContent[i] = content;
      }
      if (content > nearestContent[j]!) {
        nearestIndex[j] = i;
        nearestContent[j] = content;
      }
      const similarity = p.score(content, p.gap(i, j));
      if (similarity !== null && similarity > 0) {
        edges.a.push(i);
        edges.b.push(j);
        edges.similarity.push(similarity);
      }
    }
  };
  if (n <= p.options.allPairsUpTo) {
    // Every pair: no need to list them first.
    for (let i = 0; i < n; i++) {
      partners.length = 0;
      for (let j = i + 1; j < n; j++) partners.push(j);
      scoreFrom(i);
    }
  } else {
    const pairs = candidatePairs(p.space, p.options);
    for (let from = 0; from < pairs.length; ) {
      const i = pairs[from]![0];
      partners.length = 0;
      let to = from;
      for (; to < pairs.length && pairs[to]![0] === i; to++) partners.push(pairs[to]![1]);
      scoreFrom(i);
      from = to;
    }
  }
  const clusters = averageLinkage(n, edges, {
    threshold: p.options.threshold,
    ranges: p.features.map((f) => f.when),
    maxGapDays: p.options.maxGapDays,
  });
  const ctx = { articles: p.articles, features: p.features, space: p.space, nearest: (i: number) => nearestIndex[i]!, maxGapDays: p.options.maxGapDays };
  const picks = clusters.map((members) => pickShared(members, ctx));
  const kinds = p.options.nameKinds ? classifyNames(kindRequests(picks, ctx), p.options.nameKindBudget) : new Map();
  const groups = clusters.map((members, k) => {
    const ids = members.map((i) => p.articles[i]!.id).sort();
    const { why, label, dates } = describeGroup(members, picks[k]!, kinds, ctx);
    // Sorted by publication, not by the dates the texts mention (which may be years back).
    const published = Math.min(...members.map((i) => p.features[i]!.when?.from ?? Infinity));
    return { group: { id: eventId(ids), articles: ids, dates, why, label } satisfies EventGroup, published };
  });
  groups.sort(
    (x, y) =>
      y.group.articles.length - x.group.articles.length ||
      x.published - y.published ||
      (x.group.articles[0] ?? '').localeCompare(y.group.articles[0] ?? ''),
  );
  return groups.map((g) => g.group);
}

/** Every pair's scores, for inspection and tests: what the grouping weighed for each pair (O(n²)). */
export function scorePairs(articles: ArticleAnalysis[], options: EventOptions = {}): PairScore[] {
  const p = prepare(articles, options);
  const out: PairScore[] = [];
  for (let i = 0; i < p.articles.length; i++) {
    for (let j = i + 1; j < p.articles.length; j++) {
      const content = cosine(p.space.vectors[i]!, p.space.vectors[j]!);
      const gap = p.gap(i, j);
      out.push({ a: p.articles[i]!.id, b: p.articles[j]!.id, content, gapDays: gap, similarity: p.score(content, gap) });
    }
  }
  return out;
}

/** The event features of each article, in the order given, for inspection and tests. */
export function eventFeatures(articles: ArticleAnalysis[]): ArticleFeatures[] {
  return articles.map((a) => articleFeatures(a));
}
