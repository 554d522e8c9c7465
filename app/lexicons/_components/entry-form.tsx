'use client';
/**
 * Adds an entry to a lexicon or edits one, through PATCH /api/lexicons/ID. The server validates the
 * whole lexicon; a refusal comes back as messages placed next to the fields they concern.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { LexiconEdit } from '@/lib/lexicon-edit';
import type { LexiconEntry, LexiconReferent } from '@/lib/types';
import { changedFields, draftEntry, draftReferent, fieldErrors, freeId, otherErrors, slug, type EntryDraft, type FieldErrors } from '@/lib/view/lexicon-form';
import { ENTRY_FIELDS, EntryFields } from './entry-fields';
import { FormErrors } from './form-errors';

export interface EntryFormProps {
  lexicon: string;
  /** The lexicon version the page was rendered from; a stale one is refused (409). */
  version: string;
  referents: LexiconReferent[];
  entryIds: string[];
  initial: EntryDraft;
  /** Set to edit this entry; otherwise the form adds a new one. */
  entry?: LexiconEntry;
  /** The article the wording came from: the saved page links back to it. */
  from?: string;
  cancelHref?: string;
}

export function EntryForm({ lexicon, version, referents, entryIds, initial, entry, from, cancelHref }: EntryFormProps) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const prefix = entry ? `edit-${entry.id}` : 'add';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    const referent = draftReferent(draft, referents.map((r) => r.id));
    const referentId = referent?.id ?? draft.referent;
    const id = entry?.id ?? freeId(slug(draft.label) || 'entry', entryIds);
    const next = draftEntry(draft, referentId, id);
    const edits: unknown[] = [];
    if (entry) {
      if (referent) edits.push({ kind: 'add-referent', referent } satisfies LexiconEdit);
      const { id: _id, ...rest } = next;
      const changes = changedFields(entry, rest as Omit<LexiconEntry, 'id'>);
      if (Object.keys(changes).length === 0) {
        setBusy(false);
        router.push(done(id, 'unchanged'));
        return;
      }
      edits.push({ kind: 'update-entry', id: entry.id, changes });
    } else {
      edits.push({ kind: 'add-entry', entry: next, ...(referent ? { referent } : {}) });
    }
    try {
      const res = await fetch(`/api/lexicons/${encodeURIComponent(lexicon)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version, edits }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
      if (!res.ok) {
        setErrors(fieldErrors(body, draft));
        setBusy(false);
        return;
      }
      router.push(done(id, entry ? 'saved' : 'added'));
      router.refresh();
    } catch {
      setErrors({ form: ['the server could not be reached; check the connection and try again'] });
      setBusy(false);
    }
  }

  function done(id: string, what: 'added' | 'saved' | 'unchanged'): string {
    const q = new URLSearchParams({ [what]: id });
    if (from) q.set('from', from);
    return `/lexicons/${encodeURIComponent(lexicon)}?${q.toString()}#entry-${encodeURIComponent(id)}`;
  }

  const general = otherErrors(errors, ENTRY_FIELDS);
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid={entry ? 'edit-entry-form' : 'add-entry-form'} aria-busy={busy || undefined}>
      <FormErrors messages={general} />
      <EntryFields idPrefix={prefix} draft={draft} onChange={setDraft} errors={errors} referents={referents} />
      <div className="flex flex-wrap items-center gap-4 pt-1">
        <button type="submit" disabled={busy} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent/90 disabled:opacity-60">
          {busy ? 'Saving…' : entry ? 'Save changes' : 'Add to lexicon'}
        </button>
        {Object.keys(errors).length && !general.length ? (
          <p role="alert" className="text-sm text-red-800">
            Not saved: see the messages by the fields above.
          </p>
        ) : null}
        {cancelHref ? (
          <Link href={cancelHref} scroll={false} className="text-sm text-accent hover:underline">
            Cancel
          </Link>
        ) : null}
      </div>
    </form>
  );
}
