/**
 * One lexicon: its referents with their wordings, a form to add a wording (prefilled from `?add=`),
 * and per entry an edit form (`?edit=ID`) and a remove button. Every change goes through the API.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { CSSProperties } from 'react';
import { findWording, getLexiconDocument } from '@/lib/server/lexicons';
import type { Lexicon } from '@/lib/types';
import { draftFromEntry, emptyDraft } from '@/lib/view/lexicon-form';
import { referentStyles } from '@/lib/view/referents';
import type { RawSearchParams } from '@/lib/view/url-state';
import { readAddParams } from '../_components/add-params';
import { EntryCard } from '../_components/entry-card';
import { EntryForm } from '../_components/entry-form';
import { ScrollToHash } from '../_components/scroll-to-hash';
import { WordingContextNote } from '../_components/wording-context';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const doc = await getLexiconDocument((await params).id);
  return { title: doc && 'lexicon' in doc ? doc.lexicon.title : 'Lexicon' };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LexiconPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const doc = await getLexiconDocument(id);
  if (!doc) notFound();
  const { add, from, edit } = readAddParams(search);
  if ('errors' in doc) return <BrokenLexicon id={id} errors={doc.errors} />;
  const { lexicon, version } = doc;
  const context = add && from ? await findWording(from, add) : null;
  const fresh = one(search.added) ?? one(search.saved) ?? null;
  const styles = referentStyles(lexicon.referents);
  const here = (extra: Record<string, string>) => `/lexicons/${id}?${new URLSearchParams({ ...(from ? { from } : {}), ...extra }).toString()}`;
  return (
    <main className="mx-auto max-w-5xl px-4 pb-16 pt-6 sm:px-6">
      <Breadcrumb trail={[{ href: '/lexicons', label: 'Lexicons' }]} current={lexicon.title} />
      <header className="mt-3 max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">{lexicon.title}</h1>
        <p className="mt-2 leading-relaxed text-muted">{lexicon.description}</p>
        <p className="mt-2 text-xs text-muted">
          <code>lexicons/{lexicon.id}.yaml</code> · {lexicon.entries.length} wordings · {lexicon.referents.length} referents · language {lexicon.language}
        </p>
      </header>

      <Status search={search} lexicon={lexicon} from={from} />
      <ScrollToHash state={JSON.stringify(search)} />

      <section id="add" aria-labelledby="add-title" className="mt-6 scroll-mt-6">
        <details open={!!add} className="group rounded-lg border border-rule bg-white">
          <summary className="cursor-pointer list-none px-4 py-3 text-base font-semibold marker:hidden sm:px-5 [&::-webkit-details-marker]:hidden" data-testid="add-entry-toggle">
            <span id="add-title">
              <span aria-hidden className="mr-1.5 inline-block text-accent transition-transform group-open:rotate-90">
                ▸
              </span>
              {add ? (
                <>
                  Add <q className="font-serif">{add}</q> to this lexicon
                </>
              ) : (
                'Add a wording'
              )}
            </span>
          </summary>
          <div className="space-y-4 border-t border-rule px-4 pb-5 pt-4 sm:px-5">
            {context ? <WordingContextNote context={context} /> : null}
            <EntryForm
              lexicon={lexicon.id}
              version={version}
              referents={lexicon.referents}
              entryIds={lexicon.entries.map((e) => e.id)}
              initial={emptyDraft(add ?? '', lexicon.referents[0]?.id ?? '')}
              {...(from ? { from } : {})}
            />
          </div>
        </details>
      </section>

      <section aria-labelledby="referents-title" className="mt-10">
        <h2 id="referents-title" className="mb-3 text-xl font-semibold">
          Who is named, and how
        </h2>
        <nav aria-label="Referents" className="mb-6 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {lexicon.referents.map((r) => {
            const s = styles.get(r.id);
            return (
              <a key={r.id} href={`#ref-${r.id}`} className="inline-flex items-baseline gap-1.5 text-accent hover:underline" style={{ '--ref-ink': s?.ink, '--ref-tint': s?.tint } as CSSProperties}>
                <span className="ref-chip">{s?.code}</span>
                {r.name}
              </a>
            );
          })}
        </nav>
        <div className="space-y-8">
          {lexicon.referents.map((r) => {
            const entries = lexicon.entries.filter((e) => e.referent === r.id);
            const s = styles.get(r.id);
            return (
              <section key={r.id} aria-labelledby={`ref-${r.id}`} data-referent-section={r.id} style={{ '--ref-ink': s?.ink, '--ref-tint': s?.tint } as CSSProperties}>
                <h3 id={`ref-${r.id}`} className="flex scroll-mt-6 items-baseline gap-2 text-lg font-semibold">
                  <span className="ref-chip">{s?.code}</span> {r.name}
                  <span className="text-sm font-normal text-muted">{entries.length}</span>
                </h3>
                <p className="mb-3 mt-1 max-w-3xl text-sm text-muted">{r.description}</p>
                {entries.length === 0 ? <p className="text-sm text-muted">No wordings yet.</p> : null}
                <ul className="grid gap-3 lg:grid-cols-2">
                  {entries.map((e) => (
                    <li key={e.id} id={`entry-${e.id}`} className={`scroll-mt-6 ${edit === e.id ? 'lg:col-span-2' : ''}`}>
                      {edit === e.id ? (
                        <div className="rounded-md border border-accent bg-white p-4" data-editing={e.id}>
                          <h4 className="mb-3 font-semibold">
                            Edit <q className="font-serif">{e.label}</q>
                          </h4>
                          <EntryForm
                            lexicon={lexicon.id}
                            version={version}
                            referents={lexicon.referents}
                            entryIds={lexicon.entries.map((x) => x.id)}
                            initial={draftFromEntry(e)}
                            entry={e}
                            cancelHref={`${here({})}#entry-${e.id}`}
                            {...(from ? { from } : {})}
                          />
                        </div>
                      ) : (
                        <EntryCard lexicon={lexicon.id} version={version} entry={e} fresh={fresh === e.id} editHref={`${here({ edit: e.id })}#entry-${e.id}`} from={from} />
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </section>
    </main>
  );
}

/** The message after a change, with the way back to the article the wording came from. */
function Status({ search, lexicon, from }: { search: RawSearchParams; lexicon: Lexicon; from: string | null }) {
  const entryId = one(search.added) ?? one(search.saved) ?? one(search.unchanged);
  const entry = entryId ? lexicon.entries.find((e) => e.id === entryId) : undefined;
  const removed = one(search.removed);
  let message: string | null = null;
  if (one(search.created) === '1') message = `Lexicon created. Its wordings are highlighted in every article from now on.`;
  else if (entry && one(search.added)) message = `Added “${entry.label}”. Every article that uses it now shows it as a term.`;
  else if (entry && one(search.saved)) message = `Saved “${entry.label}”. The analysis uses the change at once.`;
  else if (entry) message = `Nothing to save: “${entry.label}” is unchanged.`;
  else if (removed) message = `Removed “${removed.slice(0, 200)}”. Articles no longer mark it as a term.`;
  if (!message) return null;
  return (
    <p role="status" className="mt-5 max-w-3xl rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="lexicon-status">
      {message}
      {from ? (
        <>
          {' '}
          <Link href={`/articles/${from}`} className="font-medium underline" data-testid="back-to-article">
            See it in the article →
          </Link>
        </>
      ) : null}
    </p>
  );
}

function BrokenLexicon({ id, errors }: { id: string; errors: string[] }) {
  return (
    <main className="mx-auto max-w-3xl px-4 pt-8 sm:px-6">
      <Breadcrumb trail={[{ href: '/lexicons', label: 'Lexicons' }]} current={id} />
      <h1 className="mt-3 text-2xl font-semibold">This lexicon file does not validate</h1>
      <p className="mt-2 text-muted">
        Parallax skips <code>lexicons/{id}.yaml</code> until it is fixed. Edit the file by hand; each problem names the entry and field:
      </p>
      <ul className="mt-4 list-disc space-y-1 pl-5 text-sm">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </main>
  );
}
