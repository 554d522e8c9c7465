/**
 * Candidate drafts of one article: token ranges `[from, to)` with the evidence gathered for them,
 * kept in buckets by start token so that they can be merged walking the tokens in order (no keyed
 * map, no sort of keys).
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
  /** Drafts by start token; a bucket holds the drafts of one start in the order they were made. */
  private readonly byFrom: (Draft<E>[] | undefined)[];
  private count = 0;

  /** `tokens` bounds the start tokens (every `from` lies below it). */
  constructor(tokens: number) {
    this.byFrom = new Array<Draft<E>[] | undefined>(tokens);
  }

  /** The number of drafts made. */
  get size(): number {
    return this.count;
  }

  /** The draft of `[from, to)`, made (with no evidence) when new. */
  at(from: number, to: number): Draft<E> {
    const bucket = this.byFrom[from];
    if (bucket) {
      for (const d of bucket) if (d.to === to) return d;
    }
    // Made with -0, a double (0 is a small integer), then set to 0: V8 lays the field out for doubles
    // from the start. With 0 in the literal, the first fraction stored (a referent label's divergence)
    // deprecated the drafts' map, and drafts were migrated one by one when next read (merge never got
    // optimised in a first run: ~100 ms at 10 MB).
    const d: Draft<E> = { from, to, parts: [], referent: null, labelDivergence: -0 };
    d.labelDivergence = 0;
    if (bucket) bucket.push(d);
    else this.byFrom[from] = [d];
    this.count++;
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
    const { byFrom } = this;
    // Indexed loops and the de-duplication written out (no iterator, no closure per piece of
    // evidence): this runs once per article, and the for…of/`.some` form stayed unoptimised in a
    // first run (~100 ms of a 10 MB corpus in baseline code).
    for (let from = 0; from < byFrom.length; from++) {
      const bucket = byFrom[from];
      if (bucket === undefined) continue;
      // Longest first: a stable sort, though two drafts of one start never share an end.
      if (bucket.length > 1) bucket.sort(longestFirst);
      for (let b = 0; b < bucket.length; b++) {
        const d = bucket[b]!;
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
    }
    return out;
  }
}

const longestFirst = (x: { to: number }, y: { to: number }) => y.to - x.to;
