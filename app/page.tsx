import { getAnalysis } from '@/lib/server/library';

export const dynamic = 'force-dynamic';

/** The library: every article of the corpus with its outlet, date and analysis figures. */
export default async function LibraryPage() {
  const report = await getAnalysis();
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-semibold">Parallax</h1>
      <p className="text-stone-600">How different outlets word the same event.</p>
      <ul className="mt-6 space-y-2">
        {report.articles.map((a) => (
          <li key={a.id} className="rounded border border-stone-200 bg-white p-3">
            <div className="text-sm text-stone-500">
              {a.outlet ?? 'Unknown outlet'} · {a.published ?? 'undated'} · {a.stats.words} words
            </div>
            <div className="font-medium">{a.title}</div>
          </li>
        ))}
      </ul>
    </main>
  );
}
