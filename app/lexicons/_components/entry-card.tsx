/** One lexicon entry as the lexicon page lists it: wording, connotation, variants, note and source, with edit and remove. */
import Link from 'next/link';
import type { LexiconEntry } from '@/lib/types';
import { connotationSign, connotationUnderline, connotationWords } from '@/lib/view/referents';
import { RemoveEntry } from './remove-entry';

export interface EntryCardProps {
  lexicon: string;
  version: string;
  entry: LexiconEntry;
  /** Just added or saved: the card is marked so the eye finds it. */
  fresh: boolean;
  editHref: string;
  /** The article the wording came from: a fresh card links back to it. */
  from?: string | null;
}

export function EntryCard({ lexicon, version, entry, fresh, editHref, from }: EntryCardProps) {
  const others = entry.variants.filter((v) => v.toLowerCase() !== entry.label.toLowerCase());
  return (
    <article className={`min-w-0 rounded-md border bg-white p-3 sm:p-4 ${fresh ? 'border-accent ring-2 ring-accent/20' : 'border-rule'}`} data-entry={entry.id}>
      {fresh ? (
        <p className="mb-2 text-xs font-medium text-emerald-800">
          Saved just now.
          {from ? (
            <>
              {' '}
              <Link href={`/articles/${from}`} className="underline">
                See it in the article →
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h4 className="min-w-0 font-serif text-lg font-semibold leading-snug">
          <span className={`term u-${connotationUnderline(entry.connotation)} cursor-default bg-transparent`} data-code={connotationSign(entry.connotation)}>
            {entry.label}
          </span>
        </h4>
        <span className="text-xs text-muted">
          {connotationWords(entry.connotation)}
          {entry.role === 'modifier' ? ' · stacks onto a name' : ''}
        </span>
      </div>
      {others.length ? (
        <p className="mt-1 text-sm text-muted">
          Also matches: {others.map((v, i) => (
            <span key={v}>
              {i > 0 ? ', ' : ''}
              <q>{v}</q>
            </span>
          ))}
        </p>
      ) : null}
      <p className="mt-2 text-sm leading-relaxed">{entry.note}</p>
      <p className="mt-1 text-xs text-muted">
        Source:{' '}
        {entry.source.url ? (
          <a href={entry.source.url} rel="noreferrer noopener" target="_blank" className="text-accent hover:underline">
            {entry.source.name}
          </a>
        ) : (
          entry.source.name
        )}
        {entry.source.section ? `, ${entry.source.section}` : ''}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-1">
        <Link href={editHref} scroll={false} className="text-sm text-accent hover:underline" data-edit-entry={entry.id} aria-label={`Edit “${entry.label}”`}>
          Edit
        </Link>
        <RemoveEntry lexicon={lexicon} version={version} entry={{ id: entry.id, label: entry.label }} />
      </div>
    </article>
  );
}
