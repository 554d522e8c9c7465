/** The top of a blind comparison: what blind mode hides, one card per source, the exercise's focus and questions, and the teacher's downloads. */
import Link from 'next/link';
import type { ClassroomModel } from '@/lib/classroom/classroom-model';
import { discussionQuestions } from '@/lib/classroom/questions';
import { REDACTED, redactString } from '@/lib/classroom/redact';
import type { CompareReport } from '@/lib/types';
import { formatDate, type CompareModel } from '@/lib/view/compare-model';
import { compareHref, type CompareState } from '@/lib/view/url-state';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export interface ClassroomHeaderProps {
  report: CompareReport;
  /** The blinded model (columns are "Source A"…). */
  model: CompareModel;
  state: CompareState;
  classroom: ClassroomModel;
}

/** The state an exercise link carries (no marks, no reveal): what the worksheet and answer key are printed from. */
export function exerciseState(state: CompareState): CompareState {
  return { ...state, marks: undefined, reveal: undefined, key: undefined, print: undefined, hide: [], ref: null };
}

export function ClassroomHeader({ report, model, state, classroom }: ClassroomHeaderProps) {
  const event = report.event;
  const first = event?.dates[0];
  const last = event?.dates[event.dates.length - 1];
  const exercise = exerciseState(state);
  const questions = discussionQuestions(classroom.focus, (state.q ?? []).map((q) => redactString(q, classroom.matcher)));
  return (
    <header className="space-y-5">
      <Breadcrumb trail={[{ href: '/', label: 'Library' }]} current="Blind comparison" printed={false} />
      <div className="max-w-4xl">
        <p className="mb-1 inline-flex items-center gap-2 rounded-full border border-rule bg-white px-2.5 py-0.5 text-xs font-medium uppercase tracking-wider text-muted">
          <span aria-hidden>◐</span> Blind mode
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{event ? redactString(event.label, classroom.matcher) : `Comparing ${model.columns.length} reports`}</h1>
        <p className="mt-2 leading-relaxed text-muted">
          {first && last ? <span className="text-ink">{first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`}. </span> : null}
          {model.columns.length} reports{event ? ' of the same event' : ''}, with the outlets hidden: each is a <em>source</em>, and anything in its text that would give the outlet
          away is shown as <span className="whitespace-nowrap rounded-sm border border-dashed border-stone-400 bg-stone-100 px-1 font-sans text-xs">{REDACTED}</span>. Parallax&apos;s
          own labels are hidden too, so that you judge the wording for yourself.
        </p>
      </div>
      <ol className="grid gap-3" style={{ gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, 16rem), 1fr))` }}>
        {model.columns.map((c) => (
          <li key={c.id} className="rounded-lg border border-rule bg-white p-4" data-column={c.id}>
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <span className="font-semibold">{c.outlet}</span>
              <span className="text-muted">{c.published ? formatDate(c.published) : 'undated'}</span>
            </div>
            <p className="mt-1 font-serif text-[1.05rem] leading-snug text-ink">{c.title}</p>
            <p className="mt-2 text-xs text-muted">
              {c.words.toLocaleString('en')} words · {c.onlyHere} sentence{c.onlyHere === 1 ? '' : 's'} only here
            </p>
          </li>
        ))}
      </ol>
      <section aria-labelledby="exercise-title" className="rounded-lg border border-rule bg-white p-4" data-testid="exercise">
        <h2 id="exercise-title" className="text-base font-semibold">
          Questions for discussion
        </h2>
        {classroom.focus.length ? (
          <div className="mt-2 text-sm">
            <span className="text-muted">Look closely at how each source names: </span>
            <ul className="mt-1 space-y-0.5">
              {classroom.focus.map((r) => (
                <li key={r.id} data-focus={r.id}>
                  <span className="font-medium">{r.name}</span> <span className="text-muted">— {r.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ol className="mt-3 list-decimal space-y-1.5 pl-5 font-serif text-[1.02rem] leading-relaxed">
          {questions.map((q, i) => (
            <li key={i} data-question={q.kind}>
              {q.text}
            </li>
          ))}
        </ol>
      </section>
      <div className="no-print flex flex-wrap items-center gap-x-5 gap-y-2 text-sm" data-testid="teacher-tools">
        <span className="text-muted">For the teacher:</span>
        <a href={compareHref(exercise, '/api/export')} download className="text-accent hover:underline" data-testid="download-worksheet">
          worksheet (PDF)
        </a>
        <a href={compareHref({ ...exercise, key: true }, '/api/export')} download className="text-accent hover:underline" data-testid="download-key">
          answer key (PDF)
        </a>
        <Link href={`${compareHref(exercise)}&print=1`} prefetch={false} className="text-accent hover:underline">
          preview the worksheet
        </Link>
        <Link href={compareHref({ ...state, blind: undefined, reveal: undefined, marks: undefined, focus: undefined, q: undefined })} prefetch={false} className="text-accent hover:underline" data-testid="blind-off">
          leave blind mode
        </Link>
      </div>
    </header>
  );
}
