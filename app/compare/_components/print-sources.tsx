/**
 * "Who is quoted" on paper: per report, each speaker it quotes or credits, with the kind of source
 * and the first words attributed to them. Paper only; the data is CompareReport.sources.
 */
import type { CompareReport } from '@/lib/types';
import type { ColumnView } from '@/lib/view/compare-model';
import { articleShortName } from '@/lib/view/compare-model';
import { groupSources } from '@/lib/view/source-list';

export function PrintSources({ report, columns }: { report: CompareReport; columns: ColumnView[] }) {
  const texts = new Map(report.articles.map((a) => [a.id, a.text]));
  const groups = groupSources(report.sources, columns.map((c) => c.id), texts);
  return (
    <section aria-labelledby="sources-title" className="hidden print:block" data-print-sources="">
      <h2 id="sources-title" className="mb-1 text-xl font-semibold">
        Who is quoted
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-muted">
        The speakers each report quotes or credits, as the text names them: <b className="font-medium text-ink">named</b> people,{' '}
        <b className="font-medium text-ink">agency</b> (news agencies, governments and other bodies), <b className="font-medium text-ink">anonymous</b> sources,
        and <b className="font-medium text-ink">unresolved</b> speakers (a pronoun with no name nearby).
      </p>
      <div className="grid gap-x-8 gap-y-5" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 17rem), 1fr))' }}>
        {columns.map((c) => {
          const list = groups.get(c.id) ?? [];
          return (
            <section key={c.id} aria-label={`Quoted in ${articleShortName(c)}`} className="min-w-0">
              <h3 className="mb-1.5 border-b border-rule pb-1 font-semibold">
                {articleShortName(c)} <span className="font-normal text-muted">({list.length})</span>
              </h3>
              {list.length === 0 ? <p className="text-sm text-muted">Nobody is quoted or credited.</p> : null}
              <ul className="space-y-1.5 text-sm">
                {list.map((s, i) => (
                  <li key={`${s.speaker}-${i}`} data-source-kind={s.kind}>
                    <span className="font-medium">{s.speaker}</span>{' '}
                    <span className="whitespace-nowrap rounded border border-rule px-1 text-[0.7rem] uppercase tracking-wide text-muted">{s.kind}</span>
                    {s.mentions > 1 ? <span className="text-muted"> ×{s.mentions}</span> : null}
                    {s.quote ? <span className="block font-serif text-muted">“{s.quote}”</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
