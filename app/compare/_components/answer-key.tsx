/**
 * The answer key (`blind=1&key=1`, printed as a separate PDF from the worksheet): which outlet each
 * source is, suggested answers to the worksheet's questions, then the full analysis unblinded.
 */
import type { ReactNode } from 'react';
import { sourceLabel } from '@/lib/classroom/blind-model';
import type { ClassroomModel } from '@/lib/classroom/classroom-model';
import { answerKey, discussionQuestions, type Question } from '@/lib/classroom/questions';
import type { CompareReport, LexiconReferent, ProposedReferent } from '@/lib/types';
import { formatDate, type ArticleName } from '@/lib/view/compare-model';
import { connotationSign } from '@/lib/view/referents';
import type { CompareState } from '@/lib/view/url-state';
import { CompareView } from './compare-view';

export interface AnswerKeyProps {
  report: CompareReport;
  state: CompareState;
  names: ReadonlyMap<string, ArticleName>;
  referents: LexiconReferent[];
  classroom: ClassroomModel;
  proposed: readonly ProposedReferent[];
}

const KIND_WORDS = { named: 'named', anonymous: 'unnamed', agency: 'organisation', unresolved: 'unclear' } as const;

export function AnswerKey({ report, state, names, referents, classroom, proposed }: AnswerKeyProps) {
  const key = answerKey(report, referents, classroom.focus.map((r) => r.id));
  const questions = discussionQuestions(classroom.focus, state.q ?? []);
  const sources = report.articles.map((a, i) => ({ id: a.id, label: sourceLabel(i) }));
  const quote = (article: number, start: number, end: number) => {
    const t = (report.articles[article]?.text ?? '').slice(start, end).replace(/\s+/g, ' ').trim();
    return t.length > 220 ? `${t.slice(0, 220)}…` : t;
  };
  const answer = (q: Question): ReactNode => {
    switch (q.kind) {
      case 'names':
        return key.names.length === 0 ? (
          <p className="text-muted">The lexicon labels no terms in these reports.</p>
        ) : (
          key.names.map((n) => (
            <div key={n.referent.id} className="mt-2 break-inside-avoid">
              <p className="font-medium">{n.referent.name}</p>
              <ul className="mt-0.5 space-y-0.5">
                {sources.map((s, i) => (
                  <li key={s.id}>
                    <span className="font-medium">{s.label}:</span>{' '}
                    {(n.byArticle[i] ?? []).length === 0 ? (
                      <span className="text-muted">does not name them with a lexicon term</span>
                    ) : (
                      (n.byArticle[i] ?? []).map((w, k) => (
                        <span key={w.label}>
                          {k > 0 ? ', ' : ''}
                          <q>{w.label}</q> {connotationSign(w.connotation)} ×{w.narrator + w.quoted}
                          {w.quoted ? <span className="text-muted"> ({w.quoted} in quotations)</span> : null}
                        </span>
                      ))
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )).concat(
            <p key="signs" className="mt-2 text-xs text-muted">
              Signs: −− strongly and − mildly delegitimising, 0 neutral, + mildly and ++ strongly legitimising wording (toward the people named, from the lexicon).
            </p>,
          )
        );
      case 'omissions':
        return (
          <ul className="space-y-1.5">
            {sources.map((s, i) => {
              const o = key.omissions[i];
              return (
                <li key={s.id}>
                  <span className="font-medium">{s.label}</span> has {o?.count ?? 0} sentence{o?.count === 1 ? '' : 's'} no other source carries
                  {o && o.examples.length ? ', for example:' : '.'}
                  {o?.examples.map((e) => (
                    <span key={e.start} className="my-0.5 ml-1 block border-l-2 border-rule pl-3 font-serif text-muted">
                      {quote(i, e.start, e.end)}
                    </span>
                  ))}
                </li>
              );
            })}
          </ul>
        );
      case 'quoted':
        return (
          <ul className="space-y-1">
            {sources.map((s, i) => (
              <li key={s.id}>
                <span className="font-medium">{s.label}:</span>{' '}
                {(key.quoted[i] ?? []).length === 0
                  ? 'quotes no one'
                  : (key.quoted[i] ?? []).map((q, k) => (
                      <span key={q.speaker}>
                        {k > 0 ? '; ' : ''}
                        {q.speaker} <span className="text-muted">({KIND_WORDS[q.kind]}{q.times > 1 ? `, ${q.times}×` : ''})</span>
                      </span>
                    ))}
              </li>
            ))}
          </ul>
        );
      case 'teacher':
        return <p className="text-muted">Your own question: no suggested answer. The full analysis below has the material.</p>;
    }
  };
  return (
    <div className="space-y-10" data-classroom="answer-key">
      <section className="mx-auto max-w-5xl space-y-6 print:max-w-none" aria-labelledby="key-title">
        <header className="border-b-2 border-ink pb-3">
          <p className="text-xs font-semibold uppercase tracking-[0.2em] text-red-800">Answer key · for the teacher, not for students</p>
          <h1 id="key-title" className="mt-1 text-3xl font-semibold tracking-tight">
            {report.event?.label ?? `${report.articles.length} reports of one event`}
          </h1>
          <p className="mt-1 text-muted">Which outlet each source is, suggested answers to the worksheet&apos;s questions, and Parallax&apos;s full analysis.</p>
        </header>
        <section aria-labelledby="key-sources">
          <h2 id="key-sources" className="mb-2 text-lg font-semibold">
            The sources
          </h2>
          <table className="w-full text-left text-sm" data-testid="key-sources">
            <thead className="border-b border-rule text-muted">
              <tr>
                <th className="py-1 pr-4 font-medium">Source</th>
                <th className="py-1 pr-4 font-medium">Outlet</th>
                <th className="py-1 pr-4 font-medium">Published</th>
                <th className="py-1 font-medium">Headline and address</th>
              </tr>
            </thead>
            <tbody>
              {report.articles.map((a, i) => (
                <tr key={a.id} className="border-b border-rule/60 align-top">
                  <td className="whitespace-nowrap py-1.5 pr-4 font-semibold">{sourceLabel(i)}</td>
                  <td className="py-1.5 pr-4">{a.outlet ?? 'unknown'}</td>
                  <td className="py-1.5 pr-4">{a.published ? formatDate(a.published) : 'undated'}</td>
                  <td className="py-1.5">
                    <span className="font-serif">{a.title}</span>
                    {a.url ? <span className="block break-all text-xs text-muted">{a.url}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="key-answers">
          <h2 id="key-answers" className="mb-2 text-lg font-semibold">
            Suggested answers
          </h2>
          <ol className="space-y-5">
            {questions.map((q, i) => (
              <li key={i} className="text-sm leading-relaxed" data-answer={q.kind}>
                <p className="font-serif text-[1.02rem] font-medium">
                  <span className="mr-1.5 font-sans">{i + 1}.</span>
                  {q.text}
                </p>
                <div className="mt-1 pl-5">{answer(q)}</div>
              </li>
            ))}
          </ol>
        </section>
      </section>
      <section aria-label="Full analysis" className="break-before-page">
        <CompareView report={report} state={state} names={names} referents={referents} proposed={proposed} />
      </section>
    </div>
  );
}
