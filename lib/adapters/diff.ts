/**
 * Adapter over the `diff` package (jsdiff v9): the one module that imports it, turning its change
 * objects into our own token-run and word-change shapes, always with a bounded cost.
 */
import { diffArrays } from 'diff';
import { tokenize } from '../normalize';
import type { Quote, Span } from '../types';

/** Limits on one diff; jsdiff is O(N·D), so every call is bounded by both. */
export interface DiffLimits {
  /** Give up (return undefined) past this many inserted plus deleted tokens. Default: the total length. */
  maxEditLength?: number;
  /** Give up (return undefined) after this many milliseconds. Default 50. */
  timeoutMs?: number;
  /**
   * Give up (return undefined) before diffing when the two differing middles, multiplied, pass this
   * many word pairs: a bound on the work that, unlike the time limit, gives the same answer however
   * busy the machine is. Default: none.
   */
  maxWork?: number;
}

/** One run of an alignment, as half-open token-index ranges into each sequence. */
export interface SequenceRun {
  /** `same`: the tokens match; `changed`: `a` has these tokens where `b` has those (either may be empty). */
  kind: 'same' | 'changed';
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** How two token sequences line up. */
export interface SequenceAlignment {
  runs: SequenceRun[];
  /** Tokens the two sequences have in common, in order (the length of the common subsequence found). */
  common: number;
  /** 2·common / (|a| + |b|): 1 for identical sequences, 0 for nothing shared. */
  similarity: number;
  /** common / min(|a|, |b|): how much of the shorter sequence is found in the longer one. */
  containment: number;
}

/** A word run that differs between two texts, quoted from each side; an empty quote marks an insertion point. */
export interface WordChange {
  a: Quote;
  b: Quote;
}

/** A word-level comparison of two passages. */
export interface WordDiff {
  similarity: number;
  containment: number;
  changes: WordChange[];
}

// Generous enough for paragraphs and aligned sentence pairs, short enough that a pathological pair
// cannot stall a whole corpus run (unrelated 10,000-word texts take ~19 s unbounded).
const DEFAULT_TIMEOUT_MS = 50;

/**
 * Aligns two token sequences (compared with ===), or returns undefined when they are too different to
 * diff within `limits`. Adjacent deletions and insertions are merged into one `changed` run.
 */
export function alignSequences(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
  limits: DiffLimits = {},
): SequenceAlignment | undefined {
  return alignWith(a, b, limits, (midA, midB, maxEditLength, timeout) => diffArrays(midA, midB, { maxEditLength, timeout }));
}

/** One change of a middle diff, as jsdiff's change objects carry it. */
export interface MiddleChange {
  count: number;
  added?: boolean;
  removed?: boolean;
}

/** Diffs the middle of two sequences within the limits, or returns undefined: jsdiff's `diffArrays` contract. */
export type MiddleDiff<T> = (a: T[], b: T[], maxEditLength: number, timeoutMs: number) => readonly MiddleChange[] | undefined;

/** Items `[from, to)` of an array or a typed array, as the plain array a middle diff takes. */
function middle<T>(a: ArrayLike<T>, from: number, to: number): T[] {
  if (Array.isArray(a)) return a.slice(from, to);
  // A loop, not Array.from: that walks the typed array's iterator, an object per item.
  const out = new Array<T>(to - from);
  for (let i = from; i < to; i++) out[i - from] = a[i] as T;
  return out;
}

/**
 * `alignSequences` with another diff of the middle (one that returns what `diffArrays` would, such as
 * the typed replay in lib/boilerplate/myers.ts), so both share the same head/tail trim and run building.
 * Takes typed arrays too (word ids), so callers need not copy whole sequences: only the middle is copied.
 */
export function alignWith<T extends string | number>(
  a: ArrayLike<T>,
  b: ArrayLike<T>,
  limits: DiffLimits,
  diffMiddle: MiddleDiff<T>,
): SequenceAlignment | undefined {
  const maxEditLength = Math.max(0, Math.floor(limits.maxEditLength ?? a.length + b.length));
  // A shared head and tail cost jsdiff time (its copies, and the tail's snakes on every path) but
  // cannot change the result, so only the middle is diffed.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (limits.maxWork !== undefined && (a.length - head - tail) * (b.length - head - tail) > limits.maxWork) return undefined;
  const midA = middle(a, head, a.length - tail);
  const midB = middle(b, head, b.length - tail);
  const changes =
    midA.length === 0 && midB.length === 0 ? [] : diffMiddle(midA, midB, maxEditLength, limits.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (changes === undefined) return undefined;

  const runs: SequenceRun[] = [];
  if (head > 0) runs.push({ kind: 'same', aStart: 0, aEnd: head, bStart: 0, bEnd: head });
  let ai = head;
  let bi = head;
  let common = head + tail;
  for (const change of changes) {
    const n = change.count;
    if (!change.added && !change.removed) {
      const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
      if (last?.kind === 'same') {
        last.aEnd += n;
        last.bEnd += n;
      } else runs.push({ kind: 'same', aStart: ai, aEnd: ai + n, bStart: bi, bEnd: bi + n });
      ai += n;
      bi += n;
      common += n;
      continue;
    }
    const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
    const run: SequenceRun =
      last && last.kind === 'changed' ? last : { kind: 'changed', aStart: ai, aEnd: ai, bStart: bi, bEnd: bi };
    if (run !== last) runs.push(run);
    if (change.removed) ai += n;
    else bi += n;
    run.aEnd = ai;
    run.bEnd = bi;
  }
  if (tail > 0) {
    const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
    if (last?.kind === 'same') {
      last.aEnd += tail;
      last.bEnd += tail;
    } else runs.push({ kind: 'same', aStart: ai, aEnd: ai + tail, bStart: bi, bEnd: bi + tail });
  }
  const total = a.length + b.length;
  const shorter = Math.min(a.length, b.length);
  return {
    runs,
    common,
    similarity: total === 0 ? 1 : (2 * common) / total,
    containment: shorter === 0 ? (total === 0 ? 1 : 0) : common / shorter,
  };
}

/**
 * Word-diffs two passages (folded words, so curly and straight apostrophes or case do not count as
 * changes) and quotes each differing run from its own text. Undefined when too different within `limits`.
 */
export function diffWordsBounded(
  textA: string,
  spanA: Span,
  textB: string,
  spanB: Span,
  limits: DiffLimits = {},
): WordDiff | undefined {
  const tokensA = tokenize(textA, spanA.start, spanA.end);
  const tokensB = tokenize(textB, spanB.start, spanB.end);
  const alignment = alignSequences(
    tokensA.map((t) => t.norm),
    tokensB.map((t) => t.norm),
    limits,
  );
  if (!alignment) return undefined;
  const changes: WordChange[] = [];
  const glued = (text: string, tokens: readonly Span[]) => (t: number) => isGlued(text, tokens[t - 1], tokens[t]);
  const runs = widenToCompounds(alignment.runs, glued(textA, tokensA), glued(textB, tokensB), tokensA.length, tokensB.length);
  for (const run of runs) {
    changes.push({
      a: quoteRun(textA, tokensA, run.aStart, run.aEnd, spanA),
      b: quoteRun(textB, tokensB, run.bStart, run.bEnd, spanB),
    });
  }
  return { similarity: alignment.similarity, containment: alignment.containment, changes };
}

/**
 * Quotes tokens [from, to) of a passage. An empty range becomes an insertion point at the start of the
 * next token (or the end of the last one), so a reader sees where the other side adds words.
 */
export function quoteRun(text: string, tokens: readonly Span[], from: number, to: number, within: Span): Quote {
  if (to > from) {
    const start = tokens[from]?.start ?? within.start;
    const end = tokens[to - 1]?.end ?? within.end;
    return { start, end, text: text.slice(start, end) };
  }
  const at = tokens[from]?.start ?? tokens[from - 1]?.end ?? within.start;
  return { start: at, end: at, text: '' };
}

/** True when two neighbouring tokens are written as one hyphenated word ("foreign-backed"). */
export function isGlued(text: string, left: Span | undefined, right: Span | undefined): boolean {
  return left !== undefined && right !== undefined && gluedAt(text, left.end, right.start);
}

/**
 * {@link isGlued} from the left token's end and the right token's start: one hyphen (-, ‐ or ‑)
 * between them and nothing else.
 */
export function gluedAt(text: string, leftEnd: number, rightStart: number): boolean {
  if (rightStart - leftEnd !== 1) return false;
  const c = text.charCodeAt(leftEnd);
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/**
 * Returns the changed runs, each widened over neighbouring same tokens that are glued to it (by a
 * hyphen) on either side, so a reader sees "foreign-backed" / "foreign-sponsored" rather than
 * "backed" / "sponsored". `gluedA(t)` tells whether tokens t−1 and t of `a` form one written word.
 * Runs that meet after widening are merged.
 */
export function widenToCompounds(
  runs: readonly SequenceRun[],
  gluedA: (t: number) => boolean,
  gluedB: (t: number) => boolean,
  lengthA: number,
  lengthB: number,
): SequenceRun[] {
  const out: SequenceRun[] = [];
  for (const run of runs) {
    const kind = run.kind;
    if (kind !== 'changed') continue;
    const r: SequenceRun = { kind, aStart: run.aStart, aEnd: run.aEnd, bStart: run.bStart, bEnd: run.bEnd };
    const hasA = r.aEnd > r.aStart;
    const hasB = r.bEnd > r.bStart;
    // Tokens just outside a changed run are common to both sides, so both sides widen together. The
    // steps are counted from -1 so that the count and the moves run for every run, glued or not: run
    // only for the rare glued one, their arithmetic had no type feedback when V8 optimised this and
    // sent it back to be compiled again.
    let back = -1;
    do back++;
    while (r.aStart - back > 0 && r.bStart - back > 0 && ((hasA && gluedA(r.aStart - back)) || (hasB && gluedB(r.bStart - back))));
    r.aStart -= back;
    r.bStart -= back;
    let ahead = -1;
    do ahead++;
    while (r.aEnd + ahead < lengthA && r.bEnd + ahead < lengthB && ((hasA && gluedA(r.aEnd + ahead)) || (hasB && gluedB(r.bEnd + ahead))));
    r.aEnd += ahead;
    r.bEnd += ahead;
    // Guarded: index -1 of an empty array is a slow property lookup in V8.
    const k = out.length;
    const last = k > 0 ? out[k - 1] : undefined;
    const lastAEnd = last ? last.aEnd : -1;
    const lastBEnd = last ? last.bEnd : -1;
    // A run that meets the last one is merged into it. Worked out and stored for every run (a run that
    // does not merge stores its own ends again): merges are rare, and their arithmetic and stores,
    // reached only then, had no type feedback when V8 optimised this, which compiled it again.
    // (Only the `a` sides decide a merge, so a run that does not merge may still start on the `b` side
    // before the last one ends: it keeps its own ends.)
    const merge = last !== undefined && r.aStart <= lastAEnd;
    const mergedAEnd = Math.max(lastAEnd, r.aEnd);
    const mergedBEnd = Math.max(lastBEnd, r.bEnd);
    const target = merge && last ? last : r;
    target.aEnd = merge ? mergedAEnd : r.aEnd;
    target.bEnd = merge ? mergedBEnd : r.bEnd;
    const previous = k - 1;
    out[merge ? previous : k] = target;
  }
  return out;
}
