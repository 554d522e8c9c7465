/**
 * Classroom mode of the comparison (`blind=1`): the blind page with student marking, the reveal, the
 * printable worksheet (`print=1`) and the answer key (`key=1`), all from one comparison and the URL.
 * In blind mode nothing rendered here names an outlet: columns are "Source A"…, text goes through the
 * redactor, Parallax's labels wait for the reveal, and client components get only blind data.
 */
import type { ComparisonView } from '@/lib/server/library';
import { blindModel, sourceLabel } from '@/lib/classroom/blind-model';
import { buildClassroom } from '@/lib/classroom/classroom-model';
import { compareMarks, parallaxLabels } from '@/lib/classroom/compare-marks';
import { redactedSlice } from '@/lib/classroom/redact';
import { buildCompareModel, type ArticleName } from '@/lib/view/compare-model';
import { referentStyles } from '@/lib/view/referents';
import { compareHref, type CompareState } from '@/lib/view/url-state';
import { AlignedGrid } from './aligned-grid';
import { AnswerKey } from './answer-key';
import { ClassroomHeader } from './classroom-header';
import { classroomText } from './classroom-text';
import { CompareView } from './compare-view';
import { MarkingTool } from './marking-tool';
import { OmissionsList } from './omissions-list';
import { RevealPanel } from './reveal-panel';
import { Worksheet } from './worksheet';

export function ClassroomView({ view, state }: { view: ComparisonView; state: CompareState }) {
  const { comparison: report, analysis, referents } = view;
  const classroom = buildClassroom(report, analysis.articles, referents, state);
  const names = new Map<string, ArticleName>(analysis.articles.map((a) => [a.id, { id: a.id, outlet: a.outlet, title: a.title, published: a.published }]));
  const ids = report.articles.map((a) => a.id);

  if (state.key) return <AnswerKey report={report} state={state} names={names} referents={referents} classroom={classroom} proposed={analysis.proposedReferents} />;

  // Everything below is blind until the reveal: the model is built without candidates, then blinded.
  const model = blindModel(buildCompareModel(report, names, { candidates: false }), classroom.matcher);
  const texts = new Map(report.articles.map((a) => [a.id, a.text]));
  const styles = referentStyles(referents);
  const redactedQuote = (article: string, start: number, end: number) => redactedSlice(texts.get(article) ?? '', start, end, classroom.redactions.get(article) ?? []);

  if (state.print) {
    return <Worksheet report={report} model={model} texts={texts} styles={styles} classroom={classroom} questions={state.q ?? []} />;
  }

  if (state.reveal) {
    const comparison = compareMarks(classroom.marks, parallaxLabels(report.articles, classroom.focus.map((r) => r.id)));
    return (
      <div className="space-y-10" data-classroom="reveal">
        <RevealPanel
          report={report}
          comparison={comparison}
          items={classroom.items}
          styles={referentStyles(referents, report.articles.flatMap((a) => a.terms.map((t) => t.referent)))}
          focus={classroom.focus}
          blindHref={compareHref({ ...state, reveal: undefined })}
        />
        <CompareView report={report} state={state} names={names} referents={referents} proposed={analysis.proposedReferents} textComponent={classroomText({ marks: classroom.spans })} />
      </div>
    );
  }

  const Text = classroomText({ redactions: classroom.redactions, marks: classroom.spans });
  const focusIds = new Set(classroom.focus.map((r) => r.id));
  const tagOptions = referents
    .map((r, index) => ({ index, name: r.name, code: classroom.codes.get(r.id) ?? '?', focus: focusIds.has(r.id) }))
    .sort((a, b) => Number(b.focus) - Number(a.focus));
  return (
    <div className="space-y-8" data-classroom="blind">
      <ClassroomHeader report={report} model={model} state={state} classroom={classroom} />
      <MarkingTool
        articles={ids.map((id, i) => ({ id, label: sourceLabel(i) }))}
        referents={tagOptions}
        marks={classroom.items.map((m) => ({ article: m.article, start: m.start, end: m.end, referent: m.referent, quote: m.quote }))}
        problem={classroom.marksProblem}
        storageKey={`parallax:marks:${ids.join(',')}`}
        revealHref={compareHref({ ...state, marks: classroom.code || undefined, reveal: true })}
      />
      <section aria-labelledby="side-by-side" data-markable="">
        <h2 id="side-by-side" className="mb-1 text-xl font-semibold">
          Side by side
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-muted">
          Each row holds the sentences that report the same fact; an empty cell means that source has no such sentence. Shaded words are worded differently from
          the other sources, green ones appear only in this source.
        </p>
        <AlignedGrid model={model} texts={texts} styles={styles} hidden={new Set()} boilerplateOpen={state.bp === 'open'} textComponent={Text} />
      </section>
      <section aria-labelledby="only-here">
        <h2 id="only-here" className="mb-3 text-xl font-semibold">
          Only in one source
        </h2>
        <OmissionsList report={report} model={model} quote={redactedQuote} />
      </section>
    </div>
  );
}
