/** The comparison page: 2 to 6 reports side by side; every view choice lives in the search params. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UnknownArticleError, getComparisonView } from '@/lib/server/library';
import type { ArticleName } from '@/lib/view/compare-model';
import { parseCompareState, type RawSearchParams } from '@/lib/view/url-state';
import { ClassroomView } from './_components/classroom-view';
import { CompareView } from './_components/compare-view';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Comparison' };

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const parsed = parseCompareState(await searchParams);
  if (!parsed.ok) return <CompareProblem message={parsed.message} />;
  const { state } = parsed;
  let view;
  try {
    view = await getComparisonView(state.articles);
  } catch (e) {
    if (e instanceof UnknownArticleError) notFound();
    throw e;
  }
  if (state.blind) {
    // Classroom mode: blind view, reveal, worksheet or answer key (app/compare/_components/classroom-view.tsx).
    return (
      <main className="mx-auto max-w-[96rem] px-4 pb-24 pt-6 sm:px-6">
        <ClassroomView view={view} state={state} />
      </main>
    );
  }
  const { comparison: report, analysis, referents } = view;
  const names = new Map<string, ArticleName>(analysis.articles.map((a) => [a.id, { id: a.id, outlet: a.outlet, title: a.title, published: a.published }]));
  return (
    <main className="mx-auto max-w-[96rem] px-4 pb-16 pt-6 sm:px-6">
      <CompareView report={report} state={state} names={names} referents={referents} proposed={analysis.proposedReferents} />
    </main>
  );
}

function CompareProblem({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-3xl px-4 pt-10 sm:px-6">
      <h1 className="text-2xl font-semibold">Which reports should be compared?</h1>
      <p className="mt-3 text-muted" data-testid="compare-problem">
        This link does not name a comparison: {message}.
      </p>
      <Link href="/" className="mt-6 inline-block text-accent hover:underline">
        Pick articles in the library
      </Link>
    </main>
  );
}
