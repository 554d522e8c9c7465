/** Starts a topic lexicon, optionally with a wording carried in from an article (`?add=…&from=…`). */
import type { Metadata } from 'next';
import { findWording, listLexicons } from '@/lib/server/lexicons';
import { emptyDraft } from '@/lib/view/lexicon-form';
import type { RawSearchParams } from '@/lib/view/url-state';
import { readAddParams } from '../_components/add-params';
import { NewLexiconForm } from '../_components/new-lexicon-form';
import { WordingContextNote } from '../_components/wording-context';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New topic lexicon' };

export default async function NewLexiconPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { add, from } = readAddParams(await searchParams);
  const [{ lexicons }, context] = await Promise.all([listLexicons(), add && from ? findWording(from, add) : null]);
  return (
    <main className="mx-auto max-w-4xl px-4 pb-16 pt-6 sm:px-6">
      <Breadcrumb trail={[{ href: '/lexicons', label: 'Lexicons' }]} current="New topic" />
      <div className="mt-3 max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">Start a topic lexicon</h1>
        <p className="mt-2 leading-relaxed text-muted">
          Give the topic a title and its first wording: who it names, how it leans, and why. Add more wordings from the lexicon&apos;s page or from
          any article&apos;s highlights.
        </p>
      </div>
      {context ? (
        <div className="mt-5">
          <WordingContextNote context={context} />
        </div>
      ) : null}
      <div className="mt-6">
        <NewLexiconForm initial={emptyDraft(add ?? '')} taken={lexicons.map((l) => l.id)} {...(from ? { from } : {})} />
      </div>
    </main>
  );
}
