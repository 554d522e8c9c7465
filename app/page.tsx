/** The library: every article of the corpus, grouped by the event it reports, ready to pick for a comparison. */
import Link from 'next/link';
import { getAnalysis } from '@/lib/server/library';
import { parseLibraryState, type RawSearchParams } from '@/lib/view/url-state';
import { LibraryTable, type LibraryEvent, type LibraryRow } from './_components/library-table';

export const dynamic = 'force-dynamic';

export default async function LibraryPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [report, params] = await Promise.all([getAnalysis(), searchParams]);
  const eventOf = new Map<string, string>();
  for (const e of report.events) for (const id of e.articles) if (!eventOf.has(id)) eventOf.set(id, e.id);
  const rows: LibraryRow[] = report.articles.map((a) => ({
    id: a.id,
    outlet: a.outlet ?? 'Unknown outlet',
    published: a.published,
    title: a.title,
    words: a.stats.words,
    loadedTerms: a.stats.loadedTerms,
    boilerplateShare: a.stats.boilerplateShare,
    event: eventOf.get(a.id) ?? null,
  }));
  const events: LibraryEvent[] = report.events.map((e) => ({ id: e.id, label: e.label, dates: e.dates, why: e.why, articles: e.articles }));

  return (
    <main className="mx-auto max-w-6xl px-4 pb-10 pt-8 sm:px-6">
      <div className="mb-6 max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">Library</h1>
        <p className="mt-2 text-[1.05rem] leading-relaxed text-muted">
          Reports that cover the same event are grouped together. Pick two to six of them to read side by side: Parallax lines up the sentences that
          report the same fact and marks how each report names the people and groups involved.
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-rule bg-white p-6">
          The library is empty. <Link href="/import" className="text-accent underline">Import an article</Link> to start.
        </p>
      ) : (
        <LibraryTable rows={rows} events={events} initial={parseLibraryState(params)} />
      )}
      {report.rejected.length > 0 ? (
        <details open className="mt-8 rounded-lg border border-rule bg-white p-4 text-sm" data-testid="rejected-files">
          <summary className="cursor-pointer font-medium">
            {report.rejected.length} file{report.rejected.length === 1 ? '' : 's'} could not be read
          </summary>
          <ul className="mt-3 space-y-2">
            {report.rejected.map((r) => (
              <li key={r.file}>
                <code className="text-xs">{r.file.replace(/^.*[\\/]/, '')}</code>: {r.reason}. <span className="text-muted">{r.hint}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </main>
  );
}
