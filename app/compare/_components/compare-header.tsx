/** The top of a comparison: the event, one card per report, the downloads and the boilerplate switch. */
import Link from 'next/link';
import type { EventGroup } from '@/lib/types';
import type { CompareModel } from '@/lib/view/compare-model';
import { formatDate, percent } from '@/lib/view/compare-model';
import { articlesQuery, compareHref, type CompareState } from '@/lib/view/url-state';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export function CompareHeader({ event, model, state }: { event: EventGroup | null; model: CompareModel; state: CompareState }) {
  const ids = model.columns.map((c) => c.id);
  const first = event?.dates[0];
  const last = event?.dates[event.dates.length - 1];
  return (
    <header className="space-y-5 print:space-y-3">
      <Breadcrumb trail={[{ href: '/', label: 'Library' }]} current="Comparison" printed={false} />
      <div className="max-w-4xl">
        <h1 className="text-3xl font-semibold tracking-tight">{event ? event.label : `Comparing ${model.columns.length} reports`}</h1>
        {event ? (
          <p className="mt-2 leading-relaxed text-muted">
            {first && last ? <span className="text-ink">{first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`}. </span> : null}
            {event.why}
          </p>
        ) : (
          <p className="mt-2 text-muted">These reports were not grouped as one event; rows line up wherever their sentences match.</p>
        )}
      </div>
      <ol className="grid gap-3" style={{ gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, 16rem), 1fr))` }}>
        {model.columns.map((c, i) => (
          <li key={c.id} className="rounded-lg border border-rule bg-white p-4" data-column={c.id}>
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <span className="font-semibold">
                <span className="sr-only">Report {i + 1}: </span>
                {c.outlet ?? 'Unknown outlet'}
              </span>
              <span className="text-muted">{c.published ? formatDate(c.published) : 'undated'}</span>
            </div>
            <Link href={`/articles/${c.id}`} className="mt-1 block font-serif text-[1.05rem] leading-snug text-ink hover:text-accent hover:underline">
              {c.title}
            </Link>
            <p className="mt-2 text-xs text-muted">
              {c.words.toLocaleString('en')} words · {c.loadedTerms} loaded term{c.loadedTerms === 1 ? '' : 's'} · {c.onlyHere} sentence{c.onlyHere === 1 ? '' : 's'} only here ·{' '}
              {percent(c.boilerplateShare)} boilerplate
            </p>
            {c.url ? (
              <a href={c.url} rel="noreferrer noopener" target="_blank" className="mt-1 block truncate text-xs text-accent hover:underline print:whitespace-normal print:break-all">
                {c.url.replace(/^https?:\/\//, '')}
              </a>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="no-print flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <span className="flex items-center gap-2">
          <span className="text-muted">Boilerplate:</span>
          <Link
            href={compareHref({ ...state, bp: 'closed' })}
            scroll={false}
            replace
            aria-current={state.bp === 'closed' ? 'true' : undefined}
            className={state.bp === 'closed' ? 'font-medium text-ink' : 'text-accent hover:underline'}
          >
            collapsed
          </Link>
          <span aria-hidden className="text-muted">
            |
          </span>
          <Link
            href={compareHref({ ...state, bp: 'open' })}
            scroll={false}
            replace
            aria-current={state.bp === 'open' ? 'true' : undefined}
            className={state.bp === 'open' ? 'font-medium text-ink' : 'text-accent hover:underline'}
            data-testid="boilerplate-open"
          >
            expanded
          </Link>
        </span>
        <span className="flex items-center gap-3">
          <span className="text-muted">Download:</span>
          <a href={`/api/compare?${articlesQuery(ids)}`} download className="text-accent hover:underline" data-testid="download-json">
            comparison (JSON)
          </a>
          <a href={`/api/terms.csv?${articlesQuery(ids)}`} download className="text-accent hover:underline" data-testid="download-csv">
            term table (CSV)
          </a>
        </span>
        {/* The same view printed by the server (app/api/export): the address carries every view option. */}
        <span className="flex items-center gap-2">
          <span className="text-muted">Export PDF:</span>
          <a href={`${compareHref(state, '/api/export')}&paper=a4`} download className="text-accent hover:underline" data-testid="export-pdf-a4">
            A4
          </a>
          <span aria-hidden className="text-muted">
            |
          </span>
          <a href={`${compareHref(state, '/api/export')}&paper=letter`} download className="text-accent hover:underline" data-testid="export-pdf-letter">
            US Letter
          </a>
        </span>
        <a href="#terms" className="text-accent hover:underline">
          Jump to the term table
        </a>
        {/* Classroom mode: outlets hidden for students (the reveal shows this header again, with a way back). */}
        <Link href={compareHref(state.blind ? { ...state, reveal: undefined } : { ...state, blind: true, hide: [], ref: null })} className="text-accent hover:underline" data-testid="blind-on">
          {state.blind ? 'Back to the blind view' : 'Blind mode for a class'}
        </Link>
      </div>
    </header>
  );
}
