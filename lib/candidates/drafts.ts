/**
 * Candidate drafts of one article: token ranges `[from, to)` with the evidence gathered for them,
 * found again by range, and merged in order of start (longest first).
 */

/** A token range with its evidence (`E` is the kind of one piece of evidence). */
export interface Draft<E> {
  from: number;
  to: number;
  parts: E[];
  referent: string | null;
  /** For a referent label: share of the other sides whose usual label for it is a different word. */
  labelDivergence: number;
}

/** The drafts of one article, at most one per token range. */
export class DraftTable<E> {
  /** The drafts in the order they were made. */
  private readonly drafts: Draft<E>[] = [];
  /**
   * Each draft by its range (`from * stride + to`). A few dozen drafts per article: a table by start
   * token (8 bytes per token of the article) and a bucket array per start cost more to allocate.
   */
  private readonly byRange = new Map<number, Draft<E>>();
  private readonly stride: number;

  /** `tokens` bounds the start tokens (every `from` lies below it). */
  constructor(tokens: number) {
    this.stride = tokens + 1;
  }

  /** The number of drafts made. */
  get size(): number {
    return this.drafts.length;
  }

  /** The draft of `[from, to)`, if made. */
  get(from: number, to: number): Draft<E> | undefined {
    return this.byRange.get(from * this.stride + to);
  }

  /** The draft of `[from, to)`, made (with no evidence) when new. */
  at(from: number, to: number): Draft<E> {
    return this.byRange.get(from * this.stride + to) ?? this.made(from, to, []);
  }

  /**
   * Adds the piece of evidence `part` to the draft of `[from, to)`, made when new with a list of
   * exactly that piece: most drafts get one (an empty list given one push reserves 17 slots).
   */
  add(from: number, to: number, part: E): Draft<E> {
    const d = this.byRange.get(from * this.stride + to);
    if (d === undefined) return this.made(from, to, [part]);
    d.parts.push(part);
    return d;
  }

  private made(from: number, to: number, parts: E[]): Draft<E> {
    // Made with -0, a double (0 is a small integer), then set to 0: V8 lays the field out for doubles
    // from the start. With 0 in the literal, the first fraction stored (a referent label's divergence)
    // deprecated the drafts' map, and drafts were migrated one by one when next read (merge never got
    // optimised in a first run: ~100 ms at 10 MB).
    const d: Draft<E> = { from, to, parts, referent: null, labelDivergence: -0 };
    d.labelDivergence = 0;
    this.drafts.push(d);
    this.byRange.set(from * this.stride + to, d);
    return d;
  }

  /**
   * Merges the drafts whose token ranges overlap, pooling their evidence: visited by start, longest
   * first, each draft joins the last merged one when it starts before that one ends. A piece of
   * evidence equal (`same`) to one already pooled is not added again. The drafts themselves are
   * reused (and changed) as the merged ones: read the table no more afterwards.
   */
  merge(same: (p: E, q: E) => boolean): Draft<E>[] {
    const out: Draft<E>[] = [];
    let last: Draft<E> | undefined;
    const { drafts } = this;
    // No two drafts share a range, so this order is total (the order they were made plays no part).
    if (drafts.length > 1) drafts.sort(byStartLongestFirst);
    // Indexed loops and the de-duplication written out (no iterator, no closure per piece of
    // evidence): this runs once per article, and the for…of/`.some` form stayed unoptimised in a
    // first run (~100 ms of a 10 MB corpus in baseline code).
    for (let b = 0; b < drafts.length; b++) {
      const d = drafts[b]!;
      if (last === undefined || d.from >= last.to) {
        out.push((last = d));
        continue;
      }
      if (d.to > last.to) last.to = d.to;
      const pooled = last.parts;
      const parts = d.parts;
      for (let k = 0; k < parts.length; k++) {
        const p = parts[k]!;
        let known = false;
        for (let j = 0; j < pooled.length && !known; j++) known = same(p, pooled[j]!);
        if (!known) pooled.push(p);
      }
      last.referent ??= d.referent;
      last.labelDivergence = Math.max(last.labelDivergence, d.labelDivergence);
    }
    return out;
  }
}

/**
 * `parts` sorted in place by strength, strongest first, equal ones in their order (as a stable sort
 * by `q.strength - p.strength`). By insertion: a span has a few parts, mostly one, and
 * Array.prototype.sort copies even those into scratch of its own (~10 MB of garbage at 10 MB).
 */
export function sortStrongerFirst<P extends { strength: number }>(parts: P[]): P[] {
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k]!;
    let j = k - 1;
    for (; j >= 0 && parts[j]!.strength < p.strength; j--) parts[j + 1] = parts[j]!;
    parts[j + 1] = p;
  }
  return parts;
}

const byStartLongestFirst = (x: { from: number; to: number }, y: { from: number; to: number }) => x.from - y.from || y.to - x.to;
