'use client';
/**
 * Starts a topic lexicon through POST /api/lexicons: a title, an id, a description, and its first
 * referent and entry (a lexicon always has at least one of each).
 */
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { draftEntry, draftReferent, fieldErrors, otherErrors, slug, type EntryDraft, type FieldErrors, type FormField } from '@/lib/view/lexicon-form';
import { ENTRY_FIELDS, EntryFields, Field, INPUT } from './entry-fields';
import { FormErrors } from './form-errors';

export interface NewLexiconFormProps {
  initial: EntryDraft;
  /** Ids already taken by lexicons (checked here too, so the message comes before a round trip). */
  taken: string[];
  from?: string;
}

const SHOWN: FormField[] = ['lexicon-id', 'title', 'description', ...ENTRY_FIELDS];

export function NewLexiconForm({ initial, taken, from }: NewLexiconFormProps) {
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [description, setDescription] = useState('');
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const lexiconId = idTouched ? id : slug(title);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    // "new" would be hidden behind this very page's address.
    if (lexiconId === 'new' || taken.includes(lexiconId)) {
      setErrors({ 'lexicon-id': [`a lexicon "${lexiconId}" already exists or the id is reserved; choose another id`] });
      return;
    }
    setBusy(true);
    const referent = draftReferent({ ...draft, referent: '' }, []) ?? { id: '', name: '', description: '' };
    const entry = draftEntry(draft, referent.id, slug(draft.label) || 'entry');
    try {
      const res = await fetch('/api/lexicons', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: lexiconId, title, description, referent, entry }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
      if (!res.ok) {
        setErrors(fieldErrors(body, draft));
        setBusy(false);
        return;
      }
      const q = new URLSearchParams({ created: '1' });
      if (from) q.set('from', from);
      router.push(`/lexicons/${encodeURIComponent(lexiconId)}?${q.toString()}`);
      router.refresh();
    } catch {
      setErrors({ form: ['the server could not be reached; check the connection and try again'] });
      setBusy(false);
    }
  }

  const general = otherErrors(errors, SHOWN);
  return (
    <form onSubmit={submit} noValidate className="space-y-6" data-testid="new-lexicon-form" aria-busy={busy || undefined}>
      <FormErrors messages={general} />
      <fieldset className="space-y-4 rounded-lg border border-rule bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">The topic</legend>
        <div className="grid gap-x-6 gap-y-4 md:grid-cols-2">
          <Field id="lex-title" label="Title" hint="e.g. “Housing policy wording”." errors={errors.title}>
            {(d, inv) => <input id="lex-title" name="title" className={INPUT} value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />}
          </Field>
          <Field id="lex-id" label="Id" hint={<>The file name: lexicons/{lexiconId || 'id'}.yaml. Lower-case letters, digits and hyphens.</>} errors={errors['lexicon-id']}>
            {(d, inv) => (
              <input
                id="lex-id"
                name="id"
                className={`${INPUT} font-mono text-sm`}
                value={lexiconId}
                onChange={(e) => {
                  setIdTouched(true);
                  setId(e.target.value);
                }}
                aria-describedby={d || undefined}
                aria-invalid={inv}
              />
            )}
          </Field>
          <div className="md:col-span-2">
            <Field id="lex-description" label="Description" hint="What the topic covers and which coverage it was built from." errors={errors.description}>
              {(d, inv) => (
                <textarea id="lex-description" name="description" rows={2} className={INPUT} value={description} onChange={(e) => setDescription(e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />
              )}
            </Field>
          </div>
        </div>
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-rule bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">Its first wording</legend>
        <EntryFields idPrefix="first" draft={draft} onChange={setDraft} errors={errors} referents={[]} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={busy} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent/90 disabled:opacity-60">
          {busy ? 'Creating…' : 'Create the lexicon'}
        </button>
        {Object.keys(errors).length && !general.length ? (
          <p role="alert" className="text-sm text-red-800">
            Not created: see the messages by the fields above.
          </p>
        ) : null}
      </div>
    </form>
  );
}
