/**
 * Everything a classroom page needs from one comparison and its URL state: the redactions per
 * article, the student's marks read from their code and fitted to the texts, the marks as list items
 * and as text layers, and the focus referents. Pure; the blind, reveal, worksheet and answer-key views
 * render from it.
 */
import type { CompareReport, LexiconReferent, Span } from '../types';
import { referentStyles } from '../view/referents';
import { sourceLabel } from './blind-model';
import { decodeMarks, encodeMarks, fitMarks, type StudentMark } from './marks';
import { findSelfReferences, nameMatcher, redactedSlice, type NameMatcher, type OutletIdentity, type Redaction } from './redact';

/** A student mark as drawn in the text. */
export interface MarkSpan extends Span {
  /** Its place in the marks list (shown as a number, so text and list can be matched up). */
  index: number;
  /** The referent's short code (as in the legend), when the student tagged one. */
  tag: string | null;
  referentName: string | null;
}

/** A student mark as listed beside the text. */
export interface MarkItem extends MarkSpan {
  article: number;
  articleId: string;
  /** "Source A". */
  source: string;
  referent: number | null;
  /** The marked words, with anything redacted replaced by the marker. */
  quote: string;
}

export interface ClassroomModel {
  matcher: NameMatcher;
  redactions: Map<string, Redaction[]>;
  marks: StudentMark[];
  /** The canonical code of `marks` ('' for none). */
  code: string;
  /** Why the `marks=` code could not be read, or null. */
  marksProblem: string | null;
  items: MarkItem[];
  spans: Map<string, MarkSpan[]>;
  focus: LexiconReferent[];
  /** Short code per referent id, as the legend shows it. */
  codes: Map<string, string>;
}

/**
 * Builds the model. `corpus` should name every outlet of the library (not only the compared ones):
 * a report may credit another outlet, and boilerplate notes may name articles outside the comparison.
 */
export function buildClassroom(
  report: Pick<CompareReport, 'articles'>,
  corpus: readonly OutletIdentity[],
  referents: readonly LexiconReferent[],
  state: { marks?: string | undefined; focus?: string[] | undefined },
): ClassroomModel {
  const matcher = nameMatcher([...corpus, ...report.articles]);
  const redactions = new Map(report.articles.map((a) => [a.id, findSelfReferences(a, matcher)]));
  const decoded = decodeMarks(state.marks ?? '');
  const marks = decoded.ok ? fitMarks(decoded.marks, report.articles.map((a) => a.text.length), referents.length) : [];
  const styles = referentStyles(referents);
  const codes = new Map([...styles.values()].map((s) => [s.id, s.code]));
  const items: MarkItem[] = marks.map((m, index) => {
    const article = report.articles[m.article]!;
    const referent = m.referent === null ? undefined : referents[m.referent];
    return {
      index,
      article: m.article,
      articleId: article.id,
      source: sourceLabel(m.article),
      start: m.start,
      end: m.end,
      referent: referent ? m.referent : null,
      tag: referent ? (codes.get(referent.id) ?? null) : null,
      referentName: referent?.name ?? null,
      quote: redactedSlice(article.text, m.start, m.end, redactions.get(article.id) ?? []).replace(/\s+/g, ' ').trim(),
    };
  });
  const spans = new Map<string, MarkSpan[]>();
  for (const it of items) {
    const list = spans.get(it.articleId) ?? [];
    list.push({ start: it.start, end: it.end, index: it.index, tag: it.tag, referentName: it.referentName });
    spans.set(it.articleId, list);
  }
  const focus = (state.focus ?? []).map((id) => referents.find((r) => r.id === id)).filter((r) => r !== undefined);
  return { matcher, redactions, marks, code: encodeMarks(marks), marksProblem: decoded.ok ? null : decoded.message, items, spans, focus, codes };
}
