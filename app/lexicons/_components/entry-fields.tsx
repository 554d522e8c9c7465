'use client';
/**
 * The fields of one lexicon entry (wording, referent, connotation, note, source, role), each with
 * its hint and, after a refused save, the server's message right below it.
 */
import type { ReactNode } from 'react';
import type { LexiconReferent } from '@/lib/types';
import type { EntryDraft, FieldErrors, FormField } from '@/lib/view/lexicon-form';

export const INPUT =
  'w-full rounded-md border border-rule bg-white px-3 py-2 text-[0.95rem] text-ink placeholder:text-stone-400 aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50/40';

const CONNOTATIONS: { value: string; sign: string; words: string }[] = [
  { value: '-2', sign: '−2', words: 'strongly delegitimising' },
  { value: '-1', sign: '−1', words: 'mildly delegitimising' },
  { value: '0', sign: '0', words: 'neutral' },
  { value: '1', sign: '+1', words: 'mildly legitimising' },
  { value: '2', sign: '+2', words: 'strongly legitimising' },
];

/** A labelled field with its hint and its messages; the control gets the ids it must point to. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  children: (describedBy: string, invalid: boolean) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children(describedBy, !!errors?.length)}
      <FieldMessage id={`${id}-error`} errors={errors} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FieldMessage({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800 first-letter:uppercase" data-field-error="">
      {errors.join(' ')}
    </p>
  );
}

export interface EntryFieldsProps {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  draft: EntryDraft;
  onChange: (draft: EntryDraft) => void;
  errors: FieldErrors;
  /** Referents to choose from; when empty the referent is always typed as a new one. */
  referents: LexiconReferent[];
}

/** The fields every entry form shows. */
export const ENTRY_FIELDS: FormField[] = ['label', 'variants', 'referent', 'referent-name', 'referent-description', 'connotation', 'note', 'source-name', 'source-url', 'source-section', 'role'];

export function EntryFields({ idPrefix, draft, onChange, errors, referents }: EntryFieldsProps) {
  const set = <K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => onChange({ ...draft, [key]: value });
  const id = (name: string) => `${idPrefix}-${name}`;
  const newReferent = referents.length === 0 || draft.referent === '';
  return (
    <div className="grid gap-x-6 gap-y-4 md:grid-cols-2">
      <Field id={id('label')} label="Wording" hint="As tables show it, e.g. “Takfiri militants”. Plural, possessive and case forms match too." errors={errors.label}>
        {(d, inv) => <input id={id('label')} name="label" className={INPUT} value={draft.label} onChange={(e) => set('label', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />}
      </Field>
      <Field id={id('variants')} label="Other wordings to match (optional)" hint="One per line, e.g. “terror groups”." errors={errors.variants}>
        {(d, inv) => (
          <textarea id={id('variants')} name="variants" rows={2} className={INPUT} value={draft.variants} onChange={(e) => set('variants', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />
        )}
      </Field>
      <div className="space-y-3 md:col-span-2">
        {referents.length > 0 ? (
          <Field id={id('referent')} label="Who or what it names" hint="The referent: the same actor may be named many ways." errors={errors.referent}>
            {(d, inv) => (
              <select id={id('referent')} name="referent" className={`${INPUT} md:max-w-md`} value={draft.referent} onChange={(e) => set('referent', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv}>
                {referents.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
                <option value="">A new referent…</option>
              </select>
            )}
          </Field>
        ) : null}
        {newReferent ? (
          <div className="grid gap-x-6 gap-y-4 rounded-md border border-dashed border-rule p-3 md:grid-cols-2">
            <Field id={id('referent-name')} label={referents.length ? 'New referent: name' : 'Who or what it names'} hint="e.g. “Armed opposition”, “Housing ministry”." errors={errors['referent-name']}>
              {(d, inv) => (
                <input id={id('referent-name')} name="referentName" className={INPUT} value={draft.referentName} onChange={(e) => set('referentName', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />
              )}
            </Field>
            <Field id={id('referent-description')} label="Description" hint="One neutral sentence on who or what this is." errors={errors['referent-description']}>
              {(d, inv) => (
                <input id={id('referent-description')} name="referentDescription" className={INPUT} value={draft.referentDescription} onChange={(e) => set('referentDescription', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />
              )}
            </Field>
          </div>
        ) : null}
      </div>
      <fieldset className="md:col-span-2" aria-describedby={[`${id('connotation')}-hint`, errors.connotation?.length ? `${id('connotation')}-error` : ''].filter(Boolean).join(' ')}>
        <legend className="mb-1 text-sm font-medium">Connotation toward the referent</legend>
        <div className="grid gap-2 sm:grid-cols-5">
          {CONNOTATIONS.map((c) => (
            <label
              key={c.value}
              className={`flex cursor-pointer items-baseline gap-2 rounded-md border bg-white px-3 py-2 text-sm has-[:checked]:border-accent has-[:checked]:bg-sky-50 ${errors.connotation?.length ? 'border-red-700' : 'border-rule'}`}
            >
              <input type="radio" name={id('connotation')} value={c.value} checked={draft.connotation === c.value} onChange={() => set('connotation', c.value)} data-connotation-option={c.value} />
              <span>
                <span className="font-semibold tabular-nums">{c.sign}</span> <span className="text-muted sm:block sm:text-xs">{c.words}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldMessage id={`${id('connotation')}-error`} errors={errors.connotation} />
        <p id={`${id('connotation')}-hint`} className="mt-1 text-xs text-muted">
          How the wording leans toward who it names, not a verdict on the outlet that uses it.
        </p>
      </fieldset>
      <div className="md:col-span-2">
        <Field id={id('note')} label="Note" hint="Neutrally: what the wording implies and who tends to use it." errors={errors.note}>
          {(d, inv) => <textarea id={id('note')} name="note" rows={3} className={INPUT} value={draft.note} onChange={(e) => set('note', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />}
        </Field>
      </div>
      <Field id={id('source-name')} label="Source" hint="A style guide or study; “Parallax user” for your own judgement." errors={errors['source-name']}>
        {(d, inv) => (
          <input id={id('source-name')} name="sourceName" className={INPUT} value={draft.sourceName} onChange={(e) => set('sourceName', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />
        )}
      </Field>
      <div className="grid gap-x-4 gap-y-4 sm:grid-cols-2">
        <Field id={id('source-section')} label="Section (optional)" errors={errors['source-section']}>
          {(d, inv) => (
            <input id={id('source-section')} name="sourceSection" className={INPUT} value={draft.sourceSection} onChange={(e) => set('sourceSection', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />
          )}
        </Field>
        <Field id={id('source-url')} label="Address (optional)" errors={errors['source-url']}>
          {(d, inv) => (
            <input id={id('source-url')} name="sourceUrl" type="url" inputMode="url" className={INPUT} value={draft.sourceUrl} onChange={(e) => set('sourceUrl', e.target.value)} aria-describedby={d || undefined} aria-invalid={inv} />
          )}
        </Field>
      </div>
      <fieldset className="md:col-span-2">
        <legend className="mb-1 text-sm font-medium">Kind of wording</legend>
        <div className="flex flex-col gap-1.5 text-sm sm:flex-row sm:gap-5">
          <label className="flex items-center gap-2">
            <input type="radio" name={id('role')} value="head" checked={draft.role === 'head'} onChange={() => set('role', 'head')} /> a name for the referent
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={id('role')} value="modifier" checked={draft.role === 'modifier'} onChange={() => set('role', 'modifier')} /> a word stacked onto a name, like “foreign-backed”
          </label>
        </div>
        <FieldMessage id={`${id('role')}-error`} errors={errors.role} />
      </fieldset>
    </div>
  );
}
