/**
 * The whole comparison as one component tree (header, legend, aligned grid, omissions, term table),
 * rendered from a CompareReport and the URL state; a print route can render it unchanged.
 */
import type { ComponentType } from 'react';
import type { HighlightedTextProps } from '@/app/_components/highlighted-text';
import type { CompareReport, LexiconReferent, ProposedReferent } from '@/lib/types';
import { proposedForComparison } from '@/lib/view/candidates';
import { buildCompareModel, type ArticleName } from '@/lib/view/compare-model';
import { referentStyles } from '@/lib/view/referents';
import type { CompareState } from '@/lib/view/url-state';
import { AlignedGrid } from './aligned-grid';
import { CompareHeader } from './compare-header';
import { Legend } from './legend';
import { OmissionsList } from './omissions-list';
import { PrintSources } from './print-sources';
import { PrintTitle } from './print-title';
import { ProposedReferents } from './proposed-referents';
import { TermTable } from './term-table';

export interface CompareViewProps {
  report: CompareReport;
  state: CompareState;
  /** Names of every corpus article, so boilerplate twins outside the comparison can be named. */
  names?: ReadonlyMap<string, ArticleName>;
  /** All lexicon referents, so a referent keeps its colour from page to page (defaults to the report's). */
  referents?: LexiconReferent[];
  /** Labels grouped as one actor without a lexicon (the analysis's proposedReferents); shown with the candidates. */
  proposed?: readonly ProposedReferent[];
  /** Draws the grid's text instead of HighlightedText (the classroom reveal adds the student's marks). */
  textComponent?: ComponentType<HighlightedTextProps>;
}

export function CompareView({ report, state, names, referents, proposed = [], textComponent }: CompareViewProps) {
  const model = buildCompareModel(report, names, { candidates: state.cand });
  const candidateCount = [...model.rows.flatMap((r) => r.cells), ...Object.values(model.extras).flat(2)].reduce((n, c) => n + (c?.candidates.length ?? 0), 0);
  const styles = referentStyles(
    referents ?? report.referents,
    report.articles.flatMap((a) => a.terms.map((t) => t.referent)),
    model.referentsUsed,
  );
  const used = model.referentsUsed.map((id) => styles.get(id)).filter((s) => s !== undefined);
  const texts = new Map(report.articles.map((a) => [a.id, a.text]));
  const hidden = new Set(state.hide);
  return (
    <div className="space-y-8 print:space-y-4" data-compare-view="">
      <PrintTitle reports={model.columns.length} grouped={report.event !== null} />
      <CompareHeader event={report.event} model={model} state={state} />
      <Legend state={state} referents={used} hits={model.hitsByReferent} candidates={candidateCount} />
      {state.cand ? <ProposedReferents proposed={proposedForComparison(proposed, model.columns.map((c) => c.id))} columns={model.columns} /> : null}
      <section aria-labelledby="side-by-side">
        <h2 id="side-by-side" className="mb-1 text-xl font-semibold">
          Side by side
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-muted">
          Each row holds the sentences that report the same fact; an empty cell means that report has no such sentence.{' '}
          <span className="print:hidden">Hover over or tab to a highlighted term to see why its wording matters.</span>
        </p>
        <AlignedGrid model={model} texts={texts} styles={styles} hidden={hidden} boilerplateOpen={state.bp === 'open'} textComponent={textComponent} />
      </section>
      <section aria-labelledby="only-here">
        <h2 id="only-here" className="mb-3 text-xl font-semibold">
          Only in one report
        </h2>
        <OmissionsList report={report} model={model} />
      </section>
      <section aria-labelledby="terms-title" id="terms" className="scroll-mt-6">
        <h2 id="terms-title" className="mb-3 text-xl font-semibold">
          Terms by report
        </h2>
        <TermTable
          articles={report.articles.map((a) => ({ id: a.id, outlet: a.outlet, published: a.published }))}
          referents={[...styles.values()]}
          rows={report.terms}
          initialRef={state.print ? null : state.ref}
        />
      </section>
      <PrintSources report={report} columns={model.columns} />
    </div>
  );
}
