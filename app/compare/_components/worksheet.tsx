/**
 * The blind worksheet (`blind=1&print=1`): a handout with the sources named only by letter, how to
 * work, the questions for discussion with room to answer, then the reports side by side, redacted and
 * without Parallax's labels. Printed to PDF by the export route; readable on screen as a preview.
 */
import type { ClassroomModel } from '@/lib/classroom/classroom-model';
import { discussionQuestions } from '@/lib/classroom/questions';
import { REDACTED, redactString } from '@/lib/classroom/redact';
import type { CompareReport } from '@/lib/types';
import { formatDate, type CompareModel } from '@/lib/view/compare-model';
import type { ReferentStyle } from '@/lib/view/referents';
import { AlignedGrid } from './aligned-grid';
import { classroomText } from './classroom-text';

export interface WorksheetProps {
  report: CompareReport;
  /** The blinded model. */
  model: CompareModel;
  texts: ReadonlyMap<string, string>;
  styles: ReadonlyMap<string, ReferentStyle>;
  classroom: ClassroomModel;
  /** The teacher's questions (from `q=`). */
  questions: string[];
}

export function Worksheet({ report, model, texts, styles, classroom, questions }: WorksheetProps) {
  const event = report.event;
  const first = event?.dates[0];
  const last = event?.dates[event.dates.length - 1];
  const list = discussionQuestions(classroom.focus, questions.map((q) => redactString(q, classroom.matcher)));
  return (
    <div className="mx-auto max-w-5xl space-y-7 print:max-w-none" data-classroom="worksheet">
      <header className="border-b-2 border-ink pb-3">
        <p className="text-xs font-semibold uppercase tracking-[0.2em] text-muted">Worksheet · reading the news side by side</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{event ? redactString(event.label, classroom.matcher) : `${model.columns.length} reports of one event`}</h1>
        <p className="mt-1 text-muted">
          {first && last ? `${first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`} · ` : ''}
          {model.columns.length} reports by different outlets
        </p>
        <div className="mt-5 grid grid-cols-[auto_1fr_auto_10rem] items-end gap-x-3 text-sm">
          <span>Name</span>
          <span className="border-b border-ink/60" />
          <span>Date</span>
          <span className="border-b border-ink/60" />
        </div>
      </header>

      <section aria-labelledby="ws-how" className="space-y-2">
        <h2 id="ws-how" className="text-lg font-semibold">
          How to work
        </h2>
        <p className="max-w-3xl leading-relaxed">
          The reports below tell the same story. Their outlets are hidden: each is called a <strong>source</strong>, and words that would give the outlet away are
          replaced by <span className="whitespace-nowrap rounded-sm border border-dashed border-stone-400 px-1 font-sans text-xs">{REDACTED}</span>. Sentences that report the same
          fact sit on the same row. Read them side by side and <strong>underline the words you find loaded or one-sided</strong>; next to each, write whom it describes.
        </p>
        <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {model.columns.map((c) => (
            <li key={c.id}>
              <span className="font-semibold">{c.outlet}</span> <span className="text-muted">· {c.published ? formatDate(c.published) : 'undated'} · {c.words.toLocaleString('en')} words</span>
              <span className="block font-serif">{c.title}</span>
            </li>
          ))}
        </ul>
        {classroom.focus.length ? (
          <div className="max-w-3xl rounded-md border border-rule px-4 py-3 text-sm">
            <span className="font-semibold">Look closely at how each source names:</span>
            <ul className="mt-1 space-y-0.5">
              {classroom.focus.map((r) => (
                <li key={r.id}>
                  <span className="font-medium">{r.name}</span> <span className="text-muted">— {r.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="ws-questions">
        <h2 id="ws-questions" className="text-lg font-semibold">
          Questions for discussion
        </h2>
        <ol className="mt-2 space-y-5">
          {list.map((q, i) => (
            <li key={i} className="break-inside-avoid" data-question={q.kind}>
              <p className="font-serif text-[1.05rem] leading-snug">
                <span className="mr-1.5 font-sans font-semibold">{i + 1}.</span>
                {q.text}
              </p>
              <div aria-hidden className="mt-1">
                {[0, 1, 2, 3].map((k) => (
                  <div key={k} className="h-8 border-b border-stone-400/80" />
                ))}
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="ws-reports" className="break-before-page">
        <h2 id="ws-reports" className="mb-1 text-lg font-semibold">
          The reports, side by side
        </h2>
        <p className="mb-3 text-sm text-muted">
          One row per fact; an empty cell means that source has no such sentence. Shaded words are worded differently from the other sources; green words appear in this
          source only.
        </p>
        <AlignedGrid model={model} texts={texts} styles={styles} hidden={new Set()} boilerplateOpen={false} textComponent={classroomText({ redactions: classroom.redactions })} />
      </section>
    </div>
  );
}
