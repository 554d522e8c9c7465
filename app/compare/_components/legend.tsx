/** The key to the highlights: one entry per referent (with a show/hide link), then the cues for connotation, voice, changes and boilerplate. */
import Link from 'next/link';
import type { CSSProperties } from 'react';
import type { CompareState } from '@/lib/view/url-state';
import { compareHref } from '@/lib/view/url-state';
import type { ReferentStyle } from '@/lib/view/referents';
import type { Connotation } from '@/lib/types';
import { connotationSign, connotationUnderline, connotationWords } from '@/lib/view/referents';

export interface LegendProps {
  state: CompareState;
  referents: ReferentStyle[];
  hits: Record<string, number>;
  /** Candidate wordings marked in the grid (0 when they are hidden). */
  candidates?: number;
}

const CONNOTATIONS: Connotation[] = [-2, -1, 0, 1, 2];

export function Legend({ state, referents, hits, candidates = 0 }: LegendProps) {
  const hidden = new Set(state.hide);
  return (
    <section aria-labelledby="legend-title" className="rounded-lg border border-rule bg-white p-4 text-sm" data-testid="legend">
      <h2 id="legend-title" className="mb-3 text-base font-semibold">
        How to read the highlights
      </h2>
      <div className="grid gap-x-10 gap-y-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          <h3 className="mb-2 font-medium text-muted">Who is named: colour and code, with the number of terms</h3>
          {referents.length === 0 ? <p className="text-muted">No lexicon terms in these reports.</p> : null}
          <ul className="grid gap-x-6 gap-y-1.5 sm:grid-cols-2">
            {referents.map((r) => {
              const isHidden = hidden.has(r.id);
              const nextHide = isHidden ? state.hide.filter((id) => id !== r.id) : [...state.hide, r.id];
              return (
                <li key={r.id} className="flex min-w-0 items-baseline gap-2" style={{ '--ref-ink': r.ink, '--ref-tint': r.tint } as CSSProperties} title={r.description || undefined}>
                  <span className={`ref-chip ${isHidden ? 'opacity-40' : ''}`}>{r.code}</span>
                  <span className={isHidden ? 'text-muted line-through' : ''}>{r.name}</span>
                  <span className="shrink-0 tabular-nums text-muted">{hits[r.id] ?? 0}</span>
                  <Link
                    href={compareHref({ ...state, hide: nextHide })}
                    scroll={false}
                    replace
                    className="no-print shrink-0 text-xs text-accent hover:underline"
                    data-referent-toggle={r.id}
                    aria-label={`${isHidden ? 'Show' : 'Hide'} highlights for ${r.name}`}
                  >
                    {isHidden ? 'show' : 'hide'}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="space-y-3">
          <div>
            <h3 className="mb-1.5 font-medium text-muted">Connotation (underline)</h3>
            <ul className="space-y-1 font-serif">
              {CONNOTATIONS.map((c) => (
                <li key={c} style={{ '--ref-ink': '#444', '--ref-tint': '#eee' } as CSSProperties}>
                  <span className={`term u-${connotationUnderline(c)} cursor-default`} data-code={connotationSign(c)}>
                    wording
                  </span>{' '}
                  <span className="font-sans text-muted">{connotationWords(c)}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-1.5 font-medium text-muted">Voice and changes</h3>
            <ul className="space-y-1">
              <li style={{ '--ref-ink': '#444', '--ref-tint': '#eee' } as CSSProperties}>
                <span className="term u-dotted cursor-default font-serif" data-voice="quoted" data-code="">
                  quoted
                </span>{' '}
                <span className="text-muted">a source&apos;s words (italic, opening quote mark); plain: the report&apos;s own words</span>
              </li>
              <li data-testid="candidate-key">
                <span className="cand cursor-default font-serif">wording</span>{' '}
                <span className="text-muted">
                  a candidate: no lexicon covers it, but it is loaded or differs from the other reports{state.cand ? ` (${candidates})` : ''}
                </span>{' '}
                <Link
                  href={compareHref({ ...state, cand: !state.cand })}
                  scroll={false}
                  replace
                  className="no-print text-xs text-accent hover:underline"
                  data-candidate-toggle={state.cand ? 'hide' : 'show'}
                  aria-label={`${state.cand ? 'Hide' : 'Show'} candidate wordings`}
                >
                  {state.cand ? 'hide' : 'show'}
                </Link>
              </li>
              <li>
                <mark className="chg chg-replaced">different words</mark> <span className="text-muted">where the other reports word the same fact differently</span>
              </li>
              <li>
                <mark className="chg chg-added">added words</mark> <span className="text-muted">that only this report has in the sentence</span>
              </li>
              <li className="text-muted">
                <span className="font-medium text-ink">▸ Site furniture, shared paragraph</span>: boilerplate or copied text, collapsed. A{' '}
                <span className="font-medium text-ink">◆</span> under a row number: that sentence is in one report only.
              </li>
            </ul>
          </div>
        </div>
      </div>
    </section>
  );
}
