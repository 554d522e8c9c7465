/**
 * Sentence alignment across 2 to 6 articles: pairwise similarity, one-to-one maximum-weight matching
 * above a threshold per article pair, then links merged into rows with at most one sentence per
 * article, in reading order.
 */
import type { ArticleAnalysis, RowCell } from '../types';
import { maxWeightAssignment } from './assignment';
import { buildFeatures, similarity, type SentenceFeatures } from './features';

export { isAlignable, skeleton, stem } from './features';

/** Options for {@link alignSentences}. */
export interface AlignOptions {
  /** Minimum similarity (0..1) for two sentences to be linked. Default {@link DEFAULT_ALIGN_THRESHOLD}. */
  threshold?: number;
}

/**
 * Tuned on the sample corpus: reworded reports of one fact score about 0.25-0.5 (0.22-0.25 without
 * lexicon referents), most unrelated sentences of one story below 0.2.
 */
export const DEFAULT_ALIGN_THRESHOLD = 0.22;

/** A row of aligned sentences before word diffs: cells in article order and how alike they are. */
export interface SentenceRow {
  cells: RowCell[];
  /** Mean pairwise similarity of the cells; 1 for a single cell. */
  similarity: number;
}

/** A link between two sentences of two different articles. */
export interface SentenceLink {
  /** Article positions (indexes into the compared list) and sentence indexes. */
  a: { article: number; sentence: number };
  b: { article: number; sentence: number };
  similarity: number;
}

/**
 * Aligns the body sentences of the given articles. Sentences may appear in any order in each article
 * (aggregators shuffle them); each sentence ends up in exactly one row, unmatched ones alone.
 */
export function alignSentences(articles: readonly ArticleAnalysis[], options: AlignOptions = {}): SentenceRow[] {
  const threshold = options.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const features = buildFeatures(articles);
  const nodes: Node[] = features.flatMap((list, article) => list.map((f) => ({ article, sentence: f.sentence.index, id: 0 })));
  nodes.forEach((n, i) => (n.id = i));
  const scores = pairScores(features, nodes.length);
  const links = matchPairs(nodes, scores, threshold);
  return buildRows(articles, features, nodes, links, scores, threshold);
}

/** A sentence taking part, numbered across all articles (`id`) so pair scores can use number keys. */
interface Node {
  article: number;
  sentence: number;
  id: number;
}

/** Similarity of sentence pairs by `lo * count + hi` of their node ids; absent pairs share no key. */
interface ScoreTable {
  count: number;
  map: Map<number, number>;
}

const pairId = (t: ScoreTable, x: number, y: number) => (x < y ? x * t.count + y : y * t.count + x);
const scoreOf = (t: ScoreTable, x: Node, y: Node) => t.map.get(pairId(t, x.id, y.id)) ?? 0;

/**
 * Similarity of every cross-article sentence pair that shares at least one key, found through an
 * inverted index so pairs with nothing in common cost nothing.
 */
function pairScores(features: SentenceFeatures[][], count: number): ScoreTable {
  const postings = new Map<string, number[]>();
  const flat = features.flat();
  flat.forEach((f, id) => {
    for (const k of f.weights.keys()) {
      const p = postings.get(k);
      if (p) p.push(id);
      else postings.set(k, [id]);
    }
  });
  const table: ScoreTable = { count, map: new Map() };
  for (const list of postings.values()) {
    for (let i = 0; i < list.length; i++) {
      const x = flat[list[i]!]!;
      for (let j = i + 1; j < list.length; j++) {
        const y = flat[list[j]!]!;
        if (x.article === y.article) continue;
        const key = pairId(table, list[i]!, list[j]!);
        if (!table.map.has(key)) table.map.set(key, similarity(x, y));
      }
    }
  }
  return table;
}

/**
 * One-to-one matching per article pair: among pairs at or above the threshold, the set of links with
 * the best total similarity (so one sentence cannot take the partner a better-fitting one needed).
 * Returned best first, the order in which rows are then merged.
 */
function matchPairs(nodes: readonly Node[], scores: ScoreTable, threshold: number): SentenceLink[] {
  // Candidate pairs grouped by article pair; the matrix only has sentences with a candidate.
  const byPair = new Map<number, [Node, Node, number][]>();
  for (const [key, sim] of scores.map) {
    if (sim < threshold) continue;
    const x = nodes[Math.floor(key / scores.count)]!;
    const y = nodes[key % scores.count]!;
    const [a, b] = x.article < y.article ? [x, y] : [y, x];
    const pk = a.article * 1000 + b.article;
    const list = byPair.get(pk);
    if (list) list.push([a, b, sim]);
    else byPair.set(pk, [[a, b, sim]]);
  }
  const links: SentenceLink[] = [];
  for (const list of byPair.values()) {
    const rows = [...new Set(list.map((c) => c[0]))].sort((p, q) => p.id - q.id);
    const cols = [...new Set(list.map((c) => c[1]))].sort((p, q) => p.id - q.id);
    const matrix = rows.map(() => new Array<number>(cols.length).fill(0));
    for (const [a, b, sim] of list) matrix[rows.indexOf(a)]![cols.indexOf(b)] = sim;
    maxWeightAssignment(matrix).forEach((j, i) => {
      if (j < 0) return;
      const a = rows[i]!;
      const b = cols[j]!;
      links.push({ a: { article: a.article, sentence: a.sentence }, b: { article: b.article, sentence: b.sentence }, similarity: matrix[i]![j]! });
    });
  }
  // Ties broken by position so results never depend on Map iteration order.
  return links.sort(
    (x, y) =>
      y.similarity - x.similarity ||
      x.a.article - y.a.article ||
      x.a.sentence - y.a.sentence ||
      x.b.article - y.b.article ||
      x.b.sentence - y.b.sentence,
  );
}

/**
 * Union-find over sentences whose merge refuses a second sentence of one article in a row, and rows
 * whose members are, on average, not alike (a chain A~B~C must not glue A to an unrelated C).
 */
class Groups {
  private readonly parent: number[];
  private readonly members = new Map<number, Node[]>();

  constructor(nodes: readonly Node[], private readonly score: (x: Node, y: Node) => number, private readonly minLinkage: number) {
    this.parent = nodes.map((n) => n.id);
    for (const n of nodes) this.members.set(n.id, [n]);
  }

  find(id: number): number {
    let root = id;
    while (this.parent[root] !== root) root = this.parent[root]!;
    let cur = id;
    while (cur !== root) {
      const next = this.parent[cur]!;
      this.parent[cur] = root;
      cur = next;
    }
    return root;
  }

  membersOf(root: number): Node[] {
    return this.members.get(root) ?? [];
  }

  /** Merges the rows of two sentences when allowed; false when refused. */
  union(x: Node, y: Node): boolean {
    const rx = this.find(x.id);
    const ry = this.find(y.id);
    if (rx === ry) return true;
    const mx = this.membersOf(rx);
    const my = this.membersOf(ry);
    if (my.some((n) => mx.some((m) => m.article === n.article))) return false;
    let sum = 0;
    for (const n of mx) for (const m of my) sum += this.score(n, m);
    if (sum / (mx.length * my.length) < this.minLinkage) return false;
    mx.push(...my);
    this.parent[ry] = rx;
    this.members.delete(ry);
    return true;
  }
}

// A row of three or more may hold pairs that were not linked directly, but on average its members
// must still look like one fact: at least this share of the link threshold.
const ROW_LINKAGE = 0.6;

function buildRows(
  articles: readonly ArticleAnalysis[],
  features: SentenceFeatures[][],
  nodes: readonly Node[],
  links: SentenceLink[],
  scores: ScoreTable,
  threshold: number,
): SentenceRow[] {
  const score = (x: Node, y: Node) => scoreOf(scores, x, y);
  const idOf = new Map(nodes.map((n) => [`${n.article}:${n.sentence}`, n]));
  const node = (article: number, sentence: number) => idOf.get(`${article}:${sentence}`)!;
  const groups = new Groups(nodes, score, threshold * ROW_LINKAGE);
  // Links arrive best first, so a strong link claims the row before a weak one can block it.
  for (const l of links) groups.union(node(l.a.article, l.a.sentence), node(l.b.article, l.b.sentence));

  const order = readingOrder(features, (ai, si) => groups.find(node(ai, si).id));
  return order.map((root) => {
    const cells = [...groups.membersOf(root)].sort((x, y) => x.article - y.article);
    return {
      cells: cells.map(({ article, sentence }) => {
        const a = articles[article]!;
        const s = a.sentences[sentence]!;
        return { article: a.id, sentence, start: s.start, end: s.end };
      }),
      similarity: meanSimilarity(cells, score),
    };
  });
}

function meanSimilarity(cells: Node[], score: (x: Node, y: Node) => number): number {
  if (cells.length < 2) return 1;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      sum += score(cells[i]!, cells[j]!);
      n++;
    }
  }
  return Math.round((sum / n) * 1000) / 1000;
}

/**
 * Orders rows by the first article's reading order; each later article's rows not yet placed go
 * right after the row of that article's previous sentence (or before its next one), so a sentence
 * only one report has sits next to its neighbours in that report.
 */
function readingOrder(features: SentenceFeatures[][], rowOf: (article: number, sentence: number) => number): number[] {
  const order: number[] = [];
  const placed = new Set<number>();
  features.forEach((list, ai) => {
    let after = -1;
    list.forEach((f, i) => {
      const row = rowOf(ai, f.sentence.index);
      if (placed.has(row)) {
        after = order.indexOf(row);
        return;
      }
      let at = after + 1;
      if (after === -1) {
        // No earlier sentence of this article placed yet: go before its next placed one, if any.
        const next = list.slice(i + 1).find((g) => placed.has(rowOf(ai, g.sentence.index)));
        at = next ? order.indexOf(rowOf(ai, next.sentence.index)) : order.length;
      }
      order.splice(at, 0, row);
      placed.add(row);
      after = at;
    });
  });
  return order;
}
