/**
 * The lexicons: every topic lexicon with its size, a way to start a new one, and, when a wording is
 * being added (`?add=…&from=…`), the choice of lexicon to add it to.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { findWording, listLexicons } from '@/lib/server/lexicons';
import { addToLexiconHref } from '@/lib/view/candidates';
import type { RawSearchParams } from '@/lib/view/url-state';
import { readAddParams } from './_components/add-params';
import { ScrollToHash } from './_components/scroll-to-hash';
import { WordingContextNote } from './_components/wording-context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Lexicons' };

export default async function LexiconsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { add, from } = readAddParams(await searchParams);
  const [{ lexicons, errors }, context] = await Promise.all([listLexicons(), add && from ? findWording(from, add) : null]);
  const newHref = add ? `/lexicons/new?${new URLSearchParams({ add, ...(from ? { from } : {}) }).toString()}` : '/lexicons/new';
  return (
    <main className="mx-auto max-w-5xl px-4 pb-16 pt-8 sm:px-6">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">Lexicons</h1>
        <p className="mt-2 text-[1.05rem] leading-relaxed text-muted">
          A lexicon lists the ways reports name the people, groups and things of one topic, each with its connotation, a neutral note and a source.
          Parallax highlights every wording a lexicon lists, in every article, as soon as you save it.
        </p>
        <p className="mt-2 text-sm text-muted">
          To add a wording you meet while reading, open its explanation in an article or comparison (wordings no lexicon covers yet are framed{' '}
          <span className="cand cursor-default font-serif text-ink">like this</span>) and choose “Add to a lexicon”.
        </p>
      </div>

      <ScrollToHash state={add ?? ''} />
      {add ? (
        <section id="add" aria-labelledby="add-title" className="mt-8 scroll-mt-6 rounded-lg border-2 border-accent/30 bg-white p-4 sm:p-5" data-testid="add-chooser">
          <h2 id="add-title" className="text-xl font-semibold">
            Add <q className="font-serif">{add}</q> to a lexicon
          </h2>
          {context ? (
            <div className="mt-3">
              <WordingContextNote context={context} />
            </div>
          ) : null}
          <p className="mt-4 text-sm text-muted">Which topic does it belong to?</p>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {lexicons.map((l) => (
              <li key={l.id}>
                <Link href={addToLexiconHref(add, from ?? undefined, l.id)} className="block rounded-md border border-rule px-4 py-3 hover:border-accent hover:bg-sky-50/50" data-add-to={l.id}>
                  <span className="font-medium text-accent">{l.title}</span>
                  <span className="block text-xs text-muted">
                    {l.entries} wordings of {l.referents} referents
                  </span>
                </Link>
              </li>
            ))}
            <li>
              <Link href={newHref} className="block rounded-md border border-dashed border-stone-400 px-4 py-3 hover:border-accent hover:bg-sky-50/50" data-add-to="new">
                <span className="font-medium text-accent">A new topic lexicon…</span>
                <span className="block text-xs text-muted">starting with this wording</span>
              </Link>
            </li>
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="all-title" className="mt-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="all-title" className="text-xl font-semibold">
            Topics
          </h2>
          <Link href={newHref} className="rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white hover:bg-accent/90" data-testid="start-lexicon">
            Start a new topic lexicon
          </Link>
        </div>
        {lexicons.length === 0 ? <p className="rounded-lg border border-rule bg-white p-5 text-muted">No lexicons yet: start one for the topic you are reading about.</p> : null}
        <ul className="grid gap-4 md:grid-cols-2" data-testid="lexicon-list">
          {lexicons.map((l) => (
            <li key={l.id} className="flex flex-col rounded-lg border border-rule bg-white p-5" data-lexicon={l.id}>
              <h3 className="text-lg font-semibold">
                <Link href={`/lexicons/${l.id}`} className="text-ink hover:text-accent hover:underline">
                  {l.title}
                </Link>
              </h3>
              <p className="mt-1 text-xs text-muted">
                <code>lexicons/{l.id}.yaml</code> · {l.entries} wordings · {l.referents} referents
              </p>
              <p className="mt-3 line-clamp-4 text-sm leading-relaxed text-muted">{l.description}</p>
            </li>
          ))}
        </ul>
      </section>

      {errors.length ? (
        <section className="mt-8 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" aria-labelledby="broken-title">
          <h2 id="broken-title" className="font-semibold">
            {errors.length} lexicon file{errors.length === 1 ? '' : 's'} could not be loaded
          </h2>
          <ul className="mt-2 space-y-2">
            {errors.map((e) => (
              <li key={e.file}>
                <code className="text-xs">{e.file.replace(/^.*[\\/]/, '')}</code>
                <pre className="mt-1 whitespace-pre-wrap font-sans text-amber-950">{e.reason}</pre>
                <span className="text-muted">{e.hint}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
