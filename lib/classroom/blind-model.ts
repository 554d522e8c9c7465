/**
 * The blind view model: a copy of the side-by-side model in which each report is "Source A",
 * "Source B"…, titles and boilerplate notes say no outlet's name, no address is linked, and
 * Parallax's own labels (terms, swaps, candidates, counts) are left out until the reveal. Pure.
 */
import type { ArticleName, BoilerplateView, CellView, CompareModel, ColumnView, ParagraphView } from '../view/compare-model';
import { redactString, type NameMatcher } from './redact';

/** "Source A" … "Source Z" for the i-th compared report. */
export function sourceLabel(index: number): string {
  return `Source ${String.fromCharCode(65 + (index % 26))}`;
}

/** How an article outside the comparison is named in blind mode. */
const ANOTHER_REPORT = 'another report';

/**
 * Blinds a model built by `buildCompareModel` (pass `candidates: false` there). Column ids stay,
 * they are opaque; everything written out in words goes through the redactor.
 */
export function blindModel(model: CompareModel, matcher: NameMatcher): CompareModel {
  const labelOf = new Map(model.columns.map((c, i) => [c.id, sourceLabel(i)]));
  const redact = (s: string) => redactString(s, matcher);
  const name = (a: ArticleName): ArticleName => ({ id: a.id, outlet: labelOf.get(a.id) ?? ANOTHER_REPORT, title: redact(a.title), published: a.published });
  const boilerplate = (b: BoilerplateView | null): BoilerplateView | null =>
    b && {
      ...b,
      reason: b.reason && { ...b.reason, explanation: redact(b.reason.explanation) },
      twins: b.twins.map((t) => ({
        ...t,
        article: name(t.article),
        differences: t.differences.map((d) => ({ ...d, this: redact(d.this), other: redact(d.other) })),
      })),
    };
  const cell = (c: CellView | null): CellView | null =>
    c && { ...c, terms: [], candidates: [], reason: c.reason && { ...c.reason, explanation: redact(c.reason.explanation) }, boilerplate: boilerplate(c.boilerplate) };
  const paragraph = (p: ParagraphView): ParagraphView => ({
    ...p,
    terms: [],
    candidates: [],
    reason: p.reason && { ...p.reason, explanation: redact(p.reason.explanation) },
    boilerplate: boilerplate(p.boilerplate),
  });
  const columns: ColumnView[] = model.columns.map((c, i) => ({ ...c, outlet: sourceLabel(i), title: redact(c.title), url: null, loadedTerms: 0 }));
  return {
    columns,
    rows: model.rows.map((r) => ({ ...r, cells: r.cells.map(cell), swaps: [] })),
    extras: {
      headline: model.extras.headline.map((l) => l.map(paragraph)),
      captions: model.extras.captions.map((l) => l.map(paragraph)),
      furniture: model.extras.furniture.map((l) => l.map(paragraph)),
    },
    referentsUsed: [],
    hitsByReferent: {},
  };
}
