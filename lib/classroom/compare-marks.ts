/**
 * The reveal: sets a student's marks beside Parallax's own labels (loaded lexicon terms) by offset
 * overlap, and sums up how far they agree. Pure; the reveal panel and the answer key render its result.
 */
import type { ArticleAnalysis, Connotation, LexiconRef, Voice } from '../types';
import type { StudentMark } from './marks';

/** One labelled occurrence Parallax found, in the same coordinates as a student mark. */
export interface ParallaxLabel {
  article: number;
  start: number;
  end: number;
  /** Groups occurrences of one wording in one article: marking any of them counts as finding it. */
  key: string;
  text: string;
  referent: string;
  label: string;
  connotation: Connotation;
  voice: Voice;
  entry: LexiconRef;
}

/** A wording of one article, with every occurrence of it. */
export interface LabelGroup {
  key: string;
  article: number;
  labels: ParallaxLabel[];
}

export interface FoundByBoth extends LabelGroup {
  /** The student's marks that overlap an occurrence of the wording. */
  marks: StudentMark[];
}

export interface Agreement {
  /** Student marks that overlap a Parallax label. */
  marksMatched: number;
  marks: number;
  /** Parallax wordings (per article) the student marked at least once. */
  wordingsFound: number;
  wordings: number;
  /** marksMatched / marks; null without marks. */
  precision: number | null;
  /** wordingsFound / wordings; null when Parallax labelled nothing. */
  recall: number | null;
  /** Harmonic mean of precision and recall; null when either is missing. */
  f1: number | null;
}

export interface MarkComparison {
  both: FoundByBoth[];
  studentOnly: StudentMark[];
  parallaxOnly: LabelGroup[];
  agreement: Agreement;
}

/** True when two spans of the same article share at least one character. */
export function overlaps(a: { article: number; start: number; end: number }, b: { article: number; start: number; end: number }): boolean {
  return a.article === b.article && a.start < b.end && b.start < a.end;
}

/**
 * Compares marks with labels. A mark and a label agree when they overlap by at least one character
 * in the same article. Agreement is F1 over two different units, because a student marks a word once
 * to say "this wording is loaded" while Parallax labels every occurrence: precision counts marks
 * (how many of the student's marks are Parallax labels), recall counts wordings (how many of the
 * wordings Parallax labels the student marked at least once somewhere in that article).
 */
export function compareMarks(marks: readonly StudentMark[], labels: readonly ParallaxLabel[]): MarkComparison {
  const groups = new Map<string, LabelGroup>();
  for (const l of labels) {
    const g = groups.get(l.key);
    if (g) g.labels.push(l);
    else groups.set(l.key, { key: l.key, article: l.article, labels: [l] });
  }
  const both: FoundByBoth[] = [];
  const parallaxOnly: LabelGroup[] = [];
  for (const g of groups.values()) {
    const hitting = marks.filter((m) => g.labels.some((l) => overlaps(m, l)));
    if (hitting.length) both.push({ ...g, marks: hitting });
    else parallaxOnly.push(g);
  }
  const studentOnly = marks.filter((m) => !labels.some((l) => overlaps(m, l)));
  const firstAt = (g: LabelGroup) => g.article * 1e9 + Math.min(...g.labels.map((l) => l.start));
  both.sort((a, b) => firstAt(a) - firstAt(b));
  // Wordings Parallax found more often come first: they are the ones most worth discussing.
  parallaxOnly.sort((a, b) => b.labels.length - a.labels.length || firstAt(a) - firstAt(b));
  const marksMatched = marks.length - studentOnly.length;
  const precision = marks.length ? marksMatched / marks.length : null;
  const recall = groups.size ? both.length / groups.size : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    both,
    studentOnly: [...studentOnly],
    parallaxOnly,
    agreement: { marksMatched, marks: marks.length, wordingsFound: both.length, wordings: groups.size, precision, recall, f1 },
  };
}

/**
 * Parallax's labels for the reveal: the loaded lexicon terms (connotation not 0) of each compared
 * article, leaving out site chrome (redacted in blind mode) and, when the exercise names focus
 * referents, terms for other referents.
 */
export function parallaxLabels(articles: readonly ArticleAnalysis[], focus: readonly string[] = []): ParallaxLabel[] {
  const out: ParallaxLabel[] = [];
  articles.forEach((a, article) => {
    for (const t of a.terms) {
      if (t.connotation === 0) continue;
      if (focus.length && !focus.includes(t.referent)) continue;
      const paragraph = a.paragraphs[a.sentences[t.sentence]?.paragraph ?? -1];
      if (paragraph?.role === 'chrome') continue;
      out.push({
        article,
        start: t.start,
        end: t.end,
        key: `${article}:${t.entry.lexicon}/${t.entry.id}`,
        text: t.text,
        referent: t.referent,
        label: t.label,
        connotation: t.connotation,
        voice: t.voice,
        entry: t.entry,
      });
    }
  });
  return out;
}
