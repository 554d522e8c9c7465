/**
 * "Different outlets' words for the same actor": labels the candidate stage grouped as naming one
 * actor, per compared report, so the term-by-outlet reading works on a topic no lexicon covers yet.
 */
import type { ProposedView } from '@/lib/view/candidates';
import { addToLexiconHref } from '@/lib/view/candidates';
import type { ColumnView } from '@/lib/view/compare-model';
import { articleShortName } from '@/lib/view/compare-model';

export interface ProposedReferentsProps {
  proposed: ProposedView[];
  columns: ColumnView[];
}

export function ProposedReferents({ proposed, columns }: ProposedReferentsProps) {
  if (proposed.length === 0) return null;
  const byId = new Map(columns.map((c) => [c.id, c]));
  return (
    <section aria-labelledby="proposed-title" className="rounded-lg border border-dashed border-stone-400 bg-white p-4 text-sm" data-testid="proposed-referents">
      <h2 id="proposed-title" className="text-base font-semibold">
        Different outlets&apos; words for the same actor
      </h2>
      <p className="mt-1 max-w-3xl text-muted">
        Found without a lexicon: these words appear in matching sentences, one report using one where another uses the other. Check that they
        really name the same actor before reading anything into it.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {proposed.map((p) => (
          <div key={p.id} className="min-w-0 rounded-md border border-rule p-3" data-proposed={p.id}>
            <p className="font-medium">
              {p.labels.map((l, i) => (
                <span key={l}>
                  {i > 0 ? <span className="text-muted"> / </span> : null}
                  <q className="font-serif">{l}</q>
                </span>
              ))}
            </p>
            <dl className="mt-2">
              {p.rows.map((row) => {
                const column = byId.get(row.article);
                return (
                  <div key={row.article} className="grid gap-x-3 border-t border-rule/70 py-1 sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)]" data-proposed-row={row.article}>
                    <dt className="text-muted">{column ? articleShortName(column) : row.article}</dt>
                    <dd className="flex flex-wrap gap-x-3">
                      {row.labels.length === 0 ? <span className="text-muted">none of these words</span> : null}
                      {row.labels.map((l) => (
                        <span key={l.label} className="whitespace-nowrap">
                          <q className="font-serif">{l.label}</q> <span className="tabular-nums text-muted">×{l.count}</span>
                        </span>
                      ))}
                    </dd>
                  </div>
                );
              })}
            </dl>
            <p className="no-print mt-2 text-xs text-muted">
              Add to a lexicon:{' '}
              {p.labels.map((l, i) => (
                <span key={l}>
                  {i > 0 ? ' · ' : ''}
                  <a href={addToLexiconHref(l, p.rows.find((r) => r.labels.some((x) => x.label === l))?.article)} className="text-accent hover:underline">
                    {l}
                  </a>
                </span>
              ))}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
