/**
 * The reveal: which outlet each source was, the agreement between the student's marks and Parallax's
 * labels (explained in words), and the three groups (both found, only the student, only Parallax)
 * with the lexicon's note for each label.
 */
import Link from 'next/link';
import type { CSSProperties, ReactNode } from 'react';
import { sourceLabel } from '@/lib/classroom/blind-model';
import type { MarkItem } from '@/lib/classroom/classroom-model';
import type { LabelGroup, MarkComparison } from '@/lib/classroom/compare-marks';
import type { CompareReport, LexiconReferent } from '@/lib/types';
import { articleShortName, formatDate } from '@/lib/view/compare-model';
import { connotationSign, connotationWords, type ReferentStyle } from '@/lib/view/referents';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export interface RevealPanelProps {
  report: CompareReport;
  comparison: MarkComparison;
  items: MarkItem[];
  styles: ReadonlyMap<string, ReferentStyle>;
  focus: LexiconReferent[];
  blindHref: string;
}

const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)}%`);

export function RevealPanel({ report, comparison, items, styles, focus, blindHref }: RevealPanelProps) {
  const { agreement: a } = comparison;
  const itemOf = (m: { article: number; start: number }) => items.find((i) => i.article === m.article && i.start === m.start);
  const source = (article: number) => {
    const art = report.articles[article];
    return `${sourceLabel(article)} (${art ? articleShortName(art) : '?'})`;
  };
  return (
    <section aria-labelledby="reveal-title" className="space-y-6" data-testid="reveal-panel">
      <Breadcrumb trail={[{ href: '/', label: 'Library' }, { href: blindHref, label: 'Blind comparison' }]} current="Reveal" printed={false} />
      <div>
        <h1 id="reveal-title" className="text-3xl font-semibold tracking-tight">
          The reveal
        </h1>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2" data-testid="sources-revealed">
          {report.articles.map((art, i) => (
            <li key={art.id} className="rounded-lg border border-rule bg-white px-4 py-3 text-sm">
              <span className="font-semibold">{sourceLabel(i)}</span> was <span className="font-semibold">{art.outlet ?? 'an unknown outlet'}</span>
              {art.published ? `, ${formatDate(art.published)}` : ''}: <span className="font-serif">{art.title}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="grid gap-6 rounded-lg border border-rule bg-white p-5 lg:grid-cols-[auto_minmax(0,1fr)]" data-testid="agreement">
        <div className="text-center lg:border-r lg:border-rule lg:pr-8">
          <div className="text-5xl font-semibold tabular-nums text-accent" data-f1={a.f1 === null ? '' : a.f1.toFixed(3)}>
            {pct(a.f1)}
          </div>
          <div className="mt-1 text-sm text-muted">agreement (F1)</div>
        </div>
        <div className="max-w-3xl space-y-2 text-sm leading-relaxed">
          {a.marks === 0 ? (
            <p>
              You made no marks, so there is nothing to compare yet. <Link href={blindHref} className="text-accent hover:underline">Go back to the blind view</Link> and mark
              the words you find loaded or one-sided.
            </p>
          ) : (
            <>
              <p>
                <strong>{a.marksMatched}</strong> of your <strong>{a.marks}</strong> marks ({pct(a.precision)}) are words Parallax also labels as loaded, and you marked{' '}
                <strong>{a.wordingsFound}</strong> of the <strong>{a.wordings}</strong> loaded wordings Parallax found ({pct(a.recall)}).
              </p>
              <p className="text-muted">
                The agreement figure is F1, the balance of those two shares: it is high only when most of your marks are Parallax labels <em>and</em> you found most of
                Parallax&apos;s. A mark agrees with a label when they share at least one word; Parallax counts a wording once per source, however often it is used, so
                marking it once is enough.{focus.length ? ` Only labels for ${focus.map((r) => r.name).join(', ')} count in this exercise.` : ''}
              </p>
            </>
          )}
          <p className="text-muted">
            Parallax&apos;s labels come from its lexicon, a list of wordings with notes and sources; it is a second opinion, not the right answer. A word only you marked may
            be loaded in a way no lexicon lists yet.
          </p>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Group title="You both found" count={byEntry(comparison.both).length} group="both" empty="No overlap yet.">
          {byEntry(comparison.both).map((groups) => (
            <LabelItem key={groups[0]!.key} groups={groups} styles={styles} source={source}>
              {groups.flatMap((g) => g.marks).map((m) => {
                const it = itemOf(m);
                const referent = groups[0]!.labels[0]!.referent;
                return it ? (
                  <span key={it.index} className="mt-1 block text-xs text-muted">
                    Your mark {it.index + 1}: <q>{it.quote}</q>
                    {it.referentName ? (
                      it.referentName === styles.get(referent)?.name ? (
                        <span className="text-emerald-800"> · you also said it describes {it.referentName} ✓</span>
                      ) : (
                        <span> · you said it describes {it.referentName}</span>
                      )
                    ) : null}
                  </span>
                ) : null;
              })}
            </LabelItem>
          ))}
        </Group>
        <Group title="Only you found" count={comparison.studentOnly.length} group="student" empty="Every mark of yours is a Parallax label too.">
          {comparison.studentOnly.map((m) => {
            const it = itemOf(m);
            return (
              <li key={`${m.article}-${m.start}`} className="rounded-md border border-rule bg-white p-3 text-sm" data-reveal-item="">
                <q className="font-serif text-[1.02rem]">{it?.quote}</q>
                <span className="mt-0.5 block text-xs text-muted">
                  {source(m.article)} · your mark {it ? it.index + 1 : ''}
                  {it?.referentName ? ` · describes ${it.referentName}` : ''}
                </span>
                <span className="mt-1 block text-xs text-muted">No lexicon entry covers this wording. Talk about why you marked it: whom does it describe, and how?</span>
              </li>
            );
          })}
        </Group>
        <Group title="Only Parallax found" count={byEntry(comparison.parallaxOnly).length} group="parallax" empty="You found every wording Parallax labels.">
          {byEntry(comparison.parallaxOnly).map((groups) => (
            <LabelItem key={groups[0]!.key} groups={groups} styles={styles} source={source} />
          ))}
        </Group>
      </div>
      <p className="no-print text-sm">
        <Link href={blindHref} className="text-accent hover:underline">
          Back to the blind view
        </Link>{' '}
        <span className="text-muted">to change your marks. The full analysis follows below, with your marks in pink.</span>
      </p>
    </section>
  );
}

function Group({ title, count, group, empty, children }: { title: string; count: number; group: string; empty: string; children: ReactNode }) {
  return (
    <section aria-label={title} data-group={group} className="min-w-0">
      <h2 className="mb-2 text-lg font-semibold">
        {title} <span className="font-normal text-muted">({count})</span>
      </h2>
      {count === 0 ? <p className="text-sm text-muted">{empty}</p> : <ul className="space-y-2">{children}</ul>}
    </section>
  );
}

/** Groups of one lexicon entry (the same wording in several sources) together, in first-seen order. */
function byEntry<G extends LabelGroup>(groups: readonly G[]): G[][] {
  const out = new Map<string, G[]>();
  for (const g of groups) {
    const entry = g.labels[0]!.entry;
    const key = `${entry.lexicon}/${entry.id}`;
    const list = out.get(key);
    if (list) list.push(g);
    else out.set(key, [g]);
  }
  return [...out.values()];
}

function LabelItem({ groups, styles, source, children }: { groups: LabelGroup[]; styles: ReadonlyMap<string, ReferentStyle>; source: (article: number) => string; children?: ReactNode }) {
  const label = groups[0]!.labels[0]!;
  const style = styles.get(label.referent);
  const vars = { '--ref-ink': style?.ink ?? '#555', '--ref-tint': style?.tint ?? '#eee' } as CSSProperties;
  return (
    <li className="rounded-md border border-rule bg-white p-3 text-sm" style={vars} data-reveal-item="" data-referent={label.referent}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <q className="font-serif text-[1.05rem]">{label.label}</q>
        <span className="text-xs">
          <span className="ref-chip">{style?.code ?? '?'}</span> {style?.name ?? label.referent}, {connotationWords(label.connotation)} ({connotationSign(label.connotation)})
        </span>
      </div>
      <ul className="mt-1 text-xs text-muted">
        {groups.map((g) => (
          <li key={g.key}>
            {source(g.article)}: {g.labels.length === 1 ? 'once' : `${g.labels.length} times`}
            {g.labels.every((l) => l.voice === 'quoted') ? ', in quotations' : ''}
          </li>
        ))}
      </ul>
      {label.entry.note ? <p className="mt-1.5 text-xs leading-relaxed text-muted">{label.entry.note}</p> : null}
      {children}
    </li>
  );
}
