/**
 * Average-linkage agglomerative grouping over a sparse similarity graph: repeatedly joins the two
 * most alike groups until no pair is alike enough, never joining groups whose dates lie too far apart.
 */
import type { DayRange } from './dates';

/**
 * Scored pairs of items as three parallel lists (pair k: `a[k]`, `b[k]`, `similarity[k]`); pairs not
 * given count as similarity 0. Lists, not an object per pair: a 10 MB corpus scores tens of thousands
 * of pairs, kept until the grouping starts, and their objects were copied by every young-generation GC
 * in between.
 */
export interface EdgeList {
  a: number[];
  b: number[];
  similarity: number[];
}

export interface LinkageOptions {
  /** Mean pairwise similarity two groups need to be joined. */
  threshold: number;
  /** Each item's date range, or null when undated (undated items never block a join). */
  ranges: (DayRange | null)[];
  /** No group may hold two items whose dates lie more than this many days apart. */
  maxGapDays: number;
}

interface Entry {
  similarity: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

/**
 * Max-heap on similarity; ties go to the lower indices so results never depend on push order. Entries
 * live in parallel typed arrays: a large join re-offers every neighbour, and objects per entry made
 * the heap the costliest part of the linkage.
 */
class Heap {
  private sim = new Float64Array(64);
  private ids = new Int32Array(64 * 4);
  size = 0;

  private above(x: number, y: number): boolean {
    const sx = this.sim[x]!;
    const sy = this.sim[y]!;
    if (sx !== sy) return sx > sy;
    const ax = this.ids[4 * x]!;
    const ay = this.ids[4 * y]!;
    return ax < ay || (ax === ay && this.ids[4 * x + 1]! < this.ids[4 * y + 1]!);
  }

  private swap(x: number, y: number): void {
    const s = this.sim[x]!;
    this.sim[x] = this.sim[y]!;
    this.sim[y] = s;
    for (let k = 0; k < 4; k++) {
      const t = this.ids[4 * x + k]!;
      this.ids[4 * x + k] = this.ids[4 * y + k]!;
      this.ids[4 * y + k] = t;
    }
  }

  push(e: Entry): void {
    if (this.size === this.sim.length) {
      const sim = new Float64Array(this.size * 2);
      sim.set(this.sim);
      const ids = new Int32Array(this.size * 8);
      ids.set(this.ids);
      this.sim = sim;
      this.ids = ids;
    }
    let i = this.size++;
    this.sim[i] = e.similarity;
    this.ids[4 * i] = e.a;
    this.ids[4 * i + 1] = e.b;
    this.ids[4 * i + 2] = e.va;
    this.ids[4 * i + 3] = e.vb;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): Entry | undefined {
    if (this.size === 0) return undefined;
    const top: Entry = { similarity: this.sim[0]!, a: this.ids[0]!, b: this.ids[1]!, va: this.ids[2]!, vb: this.ids[3]! };
    const last = --this.size;
    if (last > 0) {
      this.sim[0] = this.sim[last]!;
      this.ids.copyWithin(0, 4 * last, 4 * last + 4);
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < last && this.above(l, best)) best = l;
        if (r < last && this.above(r, best)) best = r;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top;
  }
}

/**
 * Groups items 0..n-1. A group's similarity to another is the mean of all member pairs' similarities
 * (average linkage), which keeps one strong pair from chaining unrelated reports together. Each
 * group tracks the latest start and earliest end of its members' dates, which tells in O(1) whether
 * a join would put two items more than `maxGapDays` apart. Time O(E log E) for E edges plus the
 * neighbour updates of each join; returns groups of ascending indices in order of their first item.
 */
export function averageLinkage(n: number, edges: EdgeList, options: LinkageOptions): number[][] {
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Uint8Array(n).fill(1);
  const version = new Int32Array(n);
  // Sum of pairwise similarities between two groups (absent: no member pair was scored above 0).
  const sums: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const latestFrom = options.ranges.map((r) => (r ? r.from : -Infinity));
  const earliestTo = options.ranges.map((r) => (r ? r.to : Infinity));
  const blocked = (x: number, y: number) =>
    Math.max(latestFrom[x]!, latestFrom[y]!) - Math.min(earliestTo[x]!, earliestTo[y]!) > options.maxGapDays;
  const heap = new Heap();
  const offer = (x: number, y: number) => {
    const sum = sums[x]!.get(y) ?? 0;
    const similarity = sum / (members[x]!.length * members[y]!.length);
    if (similarity >= options.threshold && !blocked(x, y)) {
      const a = x < y ? x : y;
      const b = x < y ? y : x;
      heap.push({ similarity, a, b, va: version[a]!, vb: version[b]! });
    }
  };
  for (let k = 0; k < edges.a.length; k++) {
    const ea = edges.a[k]!;
    const eb = edges.b[k]!;
    const similarity = edges.similarity[k]!;
    if (ea === eb || similarity <= 0) continue;
    sums[ea]!.set(eb, (sums[ea]!.get(eb) ?? 0) + similarity);
    sums[eb]!.set(ea, (sums[eb]!.get(ea) ?? 0) + similarity);
  }
  for (let x = 0; x < n; x++) for (const y of sums[x]!.keys()) if (x < y) offer(x, y);

  while (heap.size) {
    const e = heap.pop()!;
    if (!alive[e.a] || !alive[e.b] || version[e.a] !== e.va || version[e.b] !== e.vb) continue;
    // Fold the group with fewer neighbours into the other: the work of a join is its neighbour count.
    // (No [keep, drop] array literals: the second was first made after V8 had optimised this loop, and
    // had no type feedback there, a deopt and a second compile of the whole linkage per run.)
    const { a, b } = e;
    const aKeeps = sums[a]!.size >= sums[b]!.size;
    const keep = aKeeps ? a : b;
    const drop = aKeeps ? b : a;
    for (const [c, s] of sums[drop]!) {
      if (c === keep) continue;
      sums[keep]!.set(c, (sums[keep]!.get(c) ?? 0) + s);
      const back = sums[c]!;
      back.set(keep, (back.get(keep) ?? 0) + s);
      back.delete(drop);
    }
    sums[keep]!.delete(drop);
    sums[drop] = new Map();
    alive[drop] = 0;
    members[keep]!.push(...members[drop]!);
    members[drop] = [];
    latestFrom[keep] = Math.max(latestFrom[keep]!, latestFrom[drop]!);
    earliestTo[keep] = Math.min(earliestTo[keep]!, earliestTo[drop]!);
    version[keep]!++;
    for (const c of sums[keep]!.keys()) offer(keep, c);
  }
  // A loop rather than .filter(...).map(...): the optimised code expected one elements kind of the
  // filtered array and met another (a "wrong map" deopt at the end of the first large run).
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) if (alive[i] && members[i]!.length > 0) groups.push(members[i]!.sort(byNumber));
  return groups.sort((x, y) => x[0]! - y[0]!);
}

function byNumber(x: number, y: number): number {
  return x - y;
}
