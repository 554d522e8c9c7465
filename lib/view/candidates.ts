/**
 * How candidates (wording worth a look that no lexicon covers) and proposed referents are shown:
 * which candidates to mark, how to summarise them, and the links that turn them into lexicon entries.
 * Pure, shared by the article page, the comparison and its tests.
 */
import type { Candidate, ProposedReferent, Span } from '../types';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The candidates no lexicon term covers: a span the lexicon already labels is shown as a term, never
 * also as a candidate (the candidate stage looks at wording only, so it can flag known terms too).
 */
export function uncoveredCandidates(candidates: readonly Candidate[] | undefined, terms: readonly Span[]): Candidate[] {
  if (!candidates?.length) return [];
  if (!terms.length) return [...candidates];
  return candidates.filter((c) => !terms.some((t) => overlaps(c, t)));
}

/** The candidates inside `[start, end)` (a sentence or paragraph). */
export function candidatesWithin(candidates: readonly Candidate[], span: Span): Candidate[] {
  return candidates.filter((c) => c.start >= span.start && c.end <= span.end);
}

/** One distinct candidate wording in an article, with how often it occurs and its strongest reasons. */
export interface CandidateWording {
  /** The wording as first written in the article. */
  text: string;
  count: number;
  score: number;
  reasons: string[];
  /** Offset of the first occurrence, for a link into the text. */
  first: number;
}

/** Groups an article's candidates by folded wording, best score first. */
export function candidateWordings(candidates: readonly Candidate[]): CandidateWording[] {
  const byKey = new Map<string, CandidateWording>();
  for (const c of candidates) {
    const key = c.text.toLowerCase().replace(/\s+/g, ' ');
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { text: c.text, count: 1, score: c.score, reasons: c.reasons, first: c.start });
    else {
      seen.count += 1;
      if (c.score > seen.score) [seen.score, seen.reasons] = [c.score, c.reasons];
      seen.first = Math.min(seen.first, c.start);
    }
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score || a.first - b.first);
}

/** One compared report's words for a proposed referent. */
export interface ProposedRow {
  article: string;
  labels: { label: string; count: number }[];
}

/** A proposed referent as the comparison shows it: only the compared reports, in their order. */
export interface ProposedView {
  id: string;
  /** Labels used by at least one compared report, most used first. */
  labels: string[];
  rows: ProposedRow[];
  why: string;
}

/**
 * The proposed referents worth showing for a comparison: those that at least two of the compared
 * reports name, with different words between them (otherwise there is no contrast to read).
 */
export function proposedForComparison(proposed: readonly ProposedReferent[], articles: readonly string[]): ProposedView[] {
  const out: ProposedView[] = [];
  for (const p of proposed) {
    const rows: ProposedRow[] = articles.map((article) => ({
      article,
      labels: p.labels
        .map((label) => ({ label, count: p.counts[label]?.[article] ?? 0 }))
        .filter((l) => l.count > 0)
        .sort((a, b) => b.count - a.count),
    }));
    const naming = rows.filter((r) => r.labels.length > 0);
    const usual = new Set(naming.map((r) => r.labels[0]?.label));
    if (naming.length < 2 || usual.size < 2) continue;
    const labels = p.labels.filter((l) => rows.some((r) => r.labels.some((x) => x.label === l)));
    out.push({ id: p.id, labels, rows, why: p.why });
  }
  return out;
}

/** Where "Add to lexicon" leads: the lexicon chooser, carrying the wording and the article it came from. */
export function addToLexiconHref(text: string, from?: string, lexicon?: string): string {
  const q = new URLSearchParams({ add: text.replace(/\s+/g, ' ').trim() });
  if (from) q.set('from', from);
  return `${lexicon ? `/lexicons/${encodeURIComponent(lexicon)}` : '/lexicons'}?${q.toString()}#add`;
}

/** Where a term's "Edit in lexicon" leads: its entry's edit form on the lexicon page. */
export function editEntryHref(lexicon: string, entry: string, from?: string): string {
  const q = new URLSearchParams({ edit: entry });
  if (from) q.set('from', from);
  return `/lexicons/${encodeURIComponent(lexicon)}?${q.toString()}#entry-${encodeURIComponent(entry)}`;
}
