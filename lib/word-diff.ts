/**
 * Differences inside one aligned row: word changes (diffed only between aligned sentences, never whole
 * articles, through the bounded jsdiff adapter) and the terminology swaps the lexicon can name.
 */
import { diffWordsBounded, type DiffLimits } from './adapters/diff';
import { tokenize } from './normalize';
import type { ArticleAnalysis, Connotation, RowCell, TermHit, TermSwap, Token, WordChange } from './types';

/** Options for {@link diffRow}. */
export interface RowDiffOptions {
  /** Bounds on each sentence-pair diff; past them the pair counts as too different to diff. */
  limits?: DiffLimits;
}

/** What {@link diffRow} found in one row. */
export interface RowDiff {
  changes: WordChange[];
  /** Articles whose cell was too different from the central cell to diff (marked wholly `replaced`). */
  tooDifferent: string[];
}

// Aligned sentences diff in well under a millisecond. A pair of run-on "sentences" of over a thousand
// words each counts as too different to diff: a bound on the work that does not depend on how busy
// the machine is (a 25 ms time limit here made a comparison's highlights change under load). The
// time limit stays, far above any real pair, as a guard only.
const DEFAULT_LIMITS: DiffLimits = { maxWork: 1_000_000, timeoutMs: 1000 };

/**
 * Index of the most central cell: the one whose folded words overlap the others' most (summed
 * Jaccard). Diffing every cell against it shows each report's departures from the common wording.
 */
export function centralCell(cells: readonly RowCell[], textOf: (article: string) => string): number {
  if (cells.length <= 2) return 0;
  const sets = cells.map((c) => new Set(tokenize(textOf(c.article), c.start, c.end).map((t) => t.norm)));
  let best = 0;
  let bestScore = -1;
  sets.forEach((a, i) => {
    let score = 0;
    sets.forEach((b, j) => {
      if (i === j) return;
      let shared = 0;
      for (const w of a) if (b.has(w)) shared++;
      const union = a.size + b.size - shared;
      score += union === 0 ? 0 : shared / union;
    });
    // Ties go to the earlier article, so the first report reads as the reference.
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Word changes of one row, with offsets into each article's text. Two cells are diffed against each
 * other; three or more each against the most central cell. In a non-central cell a run is `replaced`
 * when the central cell has other words there and `added` when it has none. In the central cell a run
 * is `added` when every other diffed cell lacks it, `replaced` when some cell words it differently, and
 * unmarked when some cells lack it but the rest share it (the lacking cells then carry no words to mark,
 * and calling shared words "replaced" would be wrong). A pair jsdiff gives up on (too different) marks
 * the whole non-central sentence `replaced` and adds nothing to the central cell: the row's low
 * similarity already tells the reader the wording differs throughout.
 */
export function diffRow(
  cells: readonly RowCell[],
  textOf: (article: string) => string,
  options: RowDiffOptions = {},
): RowDiff {
  if (cells.length < 2) return { changes: [], tooDifferent: [] };
  const limits = options.limits ?? DEFAULT_LIMITS;
  const ci = centralCell(cells, textOf);
  const center = cells[ci]!;
  const centerText = textOf(center.article);
  const centerTokens = tokenize(centerText, center.start, center.end);
  // Per central token: in how many pair diffs the other side lacked it, and had other words for it.
  const addedIn = new Array<number>(centerTokens.length).fill(0);
  const replacedIn = new Array<number>(centerTokens.length).fill(0);
  let diffed = 0;
  const changes: WordChange[] = [];
  const tooDifferent: string[] = [];

  cells.forEach((cell, i) => {
    if (i === ci) return;
    const text = textOf(cell.article);
    const diff = diffWordsBounded(centerText, center, text, cell, limits);
    if (!diff) {
      tooDifferent.push(cell.article);
      changes.push({ article: cell.article, start: cell.start, end: cell.end, kind: 'replaced' });
      return;
    }
    diffed++;
    for (const ch of diff.changes) {
      const inCenter = ch.a.end > ch.a.start;
      const inOther = ch.b.end > ch.b.start;
      if (inOther) changes.push({ article: cell.article, start: ch.b.start, end: ch.b.end, kind: inCenter ? 'replaced' : 'added' });
      if (!inCenter) continue;
      centerTokens.forEach((t, k) => {
        if (t.start < ch.a.start || t.end > ch.a.end) return;
        if (inOther) replacedIn[k]!++;
        else addedIn[k]!++;
      });
    }
  });

  changes.push(...centerRuns(center.article, centerTokens, addedIn, replacedIn, diffed));
  changes.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
  return { changes: bridgeFunctionWords(changes, textOf), tooDifferent };
}

/** Joins consecutive marked central tokens of one kind into runs (see {@link diffRow} for the kinds). */
function centerRuns(article: string, tokens: Token[], addedIn: number[], replacedIn: number[], diffed: number): WordChange[] {
  const runs: WordChange[] = [];
  let prevKind: WordChange['kind'] | null = null;
  tokens.forEach((t, k) => {
    const kind: WordChange['kind'] | null =
      (replacedIn[k] ?? 0) > 0 ? 'replaced' : diffed > 0 && addedIn[k] === diffed ? 'added' : null;
    const last = runs[runs.length - 1];
    if (kind && last && prevKind === kind) last.end = t.end;
    else if (kind) runs.push({ article, start: t.start, end: t.end, kind });
    prevKind = kind;
  });
  return runs;
}

// Up to two function words between two changes: a paraphrase keeps "the" and "to" by chance, and
// highlighting "[came close] to the [Jordanian border]" as three pieces reads worse than one.
const FUNCTION_GAP = /^[\s,]*(?:(?:the|a|an|of|to|in|on|at|and|for|with|by|from|as|its|their)\b[\s,]*){0,2}$/iu;

/** Joins changes of one article separated only by a couple of function words; `replaced` wins. */
function bridgeFunctionWords(changes: WordChange[], textOf: (article: string) => string): WordChange[] {
  const out: WordChange[] = [];
  for (const ch of changes) {
    const last = out[out.length - 1];
    if (last && last.article === ch.article && FUNCTION_GAP.test(textOf(ch.article).slice(last.end, ch.start))) {
      last.end = Math.max(last.end, ch.end);
      if (ch.kind === 'replaced') last.kind = 'replaced';
      continue;
    }
    out.push({ ...ch });
  }
  return out;
}

/**
 * The lexicon term a cell uses for each referent: head terms before stacked modifiers ("militants"
 * rather than "Foreign-sponsored"), then the first in reading order.
 */
function termsInCell(cell: RowCell, terms: readonly TermHit[]): Map<string, TermHit> {
  const byReferent = new Map<string, TermHit>();
  for (const t of terms) {
    if (t.start < cell.start || t.end > cell.end) continue;
    const held = byReferent.get(t.referent);
    // `phrase` is set only on modifiers stacked onto a head.
    if (!held || (held.phrase !== null && t.phrase === null)) byReferent.set(t.referent, t);
  }
  return byReferent;
}

/**
 * Terminology swaps in one row: a referent at least two cells name, with different canonical labels
 * ("government forces" / "al-Assad's forces"). Every cell naming the referent is listed.
 */
export function termSwaps(cells: readonly RowCell[], articleOf: (id: string) => ArticleAnalysis | undefined): TermSwap[] {
  if (cells.length < 2) return [];
  const perReferent = new Map<string, { labels: Record<string, string>; connotations: Record<string, Connotation> }>();
  for (const cell of cells) {
    const article = articleOf(cell.article);
    if (!article) continue;
    for (const [referent, hit] of termsInCell(cell, article.terms)) {
      const entry = perReferent.get(referent) ?? { labels: {}, connotations: {} };
      entry.labels[cell.article] = hit.label;
      entry.connotations[cell.article] = hit.connotation;
      perReferent.set(referent, entry);
    }
  }
  const swaps: TermSwap[] = [];
  for (const [referent, entry] of perReferent) {
    if (new Set(Object.values(entry.labels)).size < 2) continue;
    swaps.push({ referent, labels: entry.labels, connotations: entry.connotations });
  }
  return swaps.sort((a, b) => (a.referent < b.referent ? -1 : a.referent > b.referent ? 1 : 0));
}
