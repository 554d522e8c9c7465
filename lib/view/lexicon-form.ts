/**
 * The lexicon forms' pure side: turns what a person typed into the API's edit payloads, and the API's
 * validation answers back into messages per form field, so each message sits next to its field.
 */
import { foldPhrase } from '../normalize';
import type { Connotation, LexiconEntry, LexiconReferent, LexiconSource } from '../types';

/** The fields of the entry and new-lexicon forms that a message can belong to; `form` is the whole form. */
export type FormField =
  | 'lexicon-id'
  | 'title'
  | 'description'
  | 'referent'
  | 'referent-name'
  | 'referent-description'
  | 'label'
  | 'variants'
  | 'connotation'
  | 'note'
  | 'source-name'
  | 'source-url'
  | 'source-section'
  | 'role'
  | 'form';

export type FieldErrors = Partial<Record<FormField, string[]>>;

/** What the entry form holds: strings as typed, so the form can be re-shown unchanged. */
export interface EntryDraft {
  label: string;
  /** Other wordings, one per line (commas also separate). */
  variants: string;
  /** An existing referent id, or '' for a new referent. */
  referent: string;
  referentName: string;
  referentDescription: string;
  connotation: string;
  note: string;
  sourceName: string;
  sourceUrl: string;
  sourceSection: string;
  role: LexiconEntry['role'];
}

/** Turns a label or name into a kebab-case id ("Takfiri militants" → "takfiri-militants"); same rule as the lexicon editor. */
export function slug(text: string): string {
  return foldPhrase(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`, … when taken. */
export function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The variants a draft lists: the label first, then each other wording once, in the order typed. */
export function draftVariants(draft: Pick<EntryDraft, 'label' | 'variants'>): string[] {
  const all = [draft.label, ...draft.variants.split(/[\n,]/)].map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const seen = new Set<string>();
  return all.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function draftSource(draft: EntryDraft): LexiconSource {
  const source: LexiconSource = { name: draft.sourceName.trim() };
  if (draft.sourceUrl.trim()) source.url = draft.sourceUrl.trim();
  if (draft.sourceSection.trim()) source.section = draft.sourceSection.trim();
  return source;
}

/** The new referent a draft asks for, or null when it picks an existing one. */
export function draftReferent(draft: EntryDraft, takenReferents: Iterable<string>): LexiconReferent | null {
  if (draft.referent) return null;
  const name = draft.referentName.trim();
  return { id: freeId(slug(name) || 'referent', takenReferents), name, description: draft.referentDescription.trim() };
}

/**
 * The entry a draft describes. Values are passed on as typed (trimmed) so the server, not the form,
 * decides what is valid and says so; an unreadable connotation is sent as it is for the same reason.
 */
export function draftEntry(draft: EntryDraft, referentId: string, id: string): Omit<LexiconEntry, 'connotation'> & { connotation: Connotation | string } {
  const n = Number(draft.connotation);
  const connotation = draft.connotation.trim() !== '' && [-2, -1, 0, 1, 2].includes(n) ? (n as Connotation) : draft.connotation;
  return {
    id,
    referent: referentId,
    label: draft.label.replace(/\s+/g, ' ').trim(),
    variants: draftVariants(draft),
    connotation,
    note: draft.note.trim(),
    source: draftSource(draft),
    role: draft.role,
  };
}

/** A blank draft, with the wording filled in when one was passed along (`?add=`). */
export function emptyDraft(label = '', referent = ''): EntryDraft {
  return {
    label: label.replace(/\s+/g, ' ').trim().slice(0, 200),
    variants: '',
    referent,
    referentName: '',
    referentDescription: '',
    connotation: '',
    note: '',
    sourceName: '',
    sourceUrl: '',
    sourceSection: '',
    role: 'head',
  };
}

/** A draft prefilled from an existing entry, for the edit form. */
export function draftFromEntry(entry: LexiconEntry): EntryDraft {
  return {
    label: entry.label,
    variants: entry.variants.filter((v) => v !== entry.label).join('\n'),
    referent: entry.referent,
    referentName: '',
    referentDescription: '',
    connotation: String(entry.connotation),
    note: entry.note,
    sourceName: entry.source.name,
    sourceUrl: entry.source.url ?? '',
    sourceSection: entry.source.section ?? '',
    role: entry.role,
  };
}

/** The fields whose values differ between an entry and its edited version (for an `update-entry`). */
export function changedFields(before: LexiconEntry, after: Omit<LexiconEntry, 'id'>): Partial<Omit<LexiconEntry, 'id'>> {
  const changes: Partial<Omit<LexiconEntry, 'id'>> = {};
  const keys = ['referent', 'label', 'variants', 'connotation', 'note', 'source', 'role'] as const;
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Validation answers → field messages.
// ---------------------------------------------------------------------------------------------

/** Zod issue paths (as the routes print them) to form fields: the last named step decides. */
const PATH_FIELDS: [RegExp, FormField][] = [
  [/(?:^|\.)source\.url$/, 'source-url'],
  [/(?:^|\.)source\.section$/, 'source-section'],
  [/(?:^|\.)source(?:\.name)?$/, 'source-name'],
  [/(?:^|\.)variants(?:\.\d+)?$/, 'variants'],
  [/(?:^|\.)referent\.(?:name|id)$/, 'referent-name'],
  [/(?:^|\.)referent\.description$/, 'referent-description'],
  [/(?:^|\.)(?:entry|changes)\.referent$/, 'referent'],
  [/(?:^|\.)(?:entry|changes)\.id$/, 'label'],
  [/(?:^|\.)label$/, 'label'],
  [/(?:^|\.)connotation$/, 'connotation'],
  [/(?:^|\.)note$/, 'note'],
  [/(?:^|\.)role$/, 'role'],
  [/^id$/, 'lexicon-id'],
  [/^title$/, 'title'],
  [/^description$/, 'description'],
];

/** What the lexicon validator says about an entry's field, by the words its messages start with. */
const ENTRY_MESSAGE_FIELDS: [RegExp, FormField][] = [
  [/^(?:variants?|exclude)\b/, 'variants'],
  [/^label\b/, 'label'],
  [/^id\b/, 'label'],
  [/^connotation\b/, 'connotation'],
  [/^note\b/, 'note'],
  [/^source\.url\b/, 'source-url'],
  [/^source\.section\b/, 'source-section'],
  [/^source\b/, 'source-name'],
  [/^role\b/, 'role'],
  [/^referent\b/, 'referent'],
];

// A zod issue as printed by describeZod: "edits.0.entry.label: label is required".
const ZOD_ISSUE = /^((?:edits|entry|referent|changes|id|title|description|version|body)(?:\.[\w-]+)*): ([\s\S]*)$/;
const ZOD_SPLIT = /; (?=(?:edits|entry|referent|changes|id|title|description|version|body)(?:\.[\w-]+)*: )/;

function fieldOfPath(path: string): FormField {
  for (const [re, field] of PATH_FIELDS) if (re.test(path)) return field;
  return 'form';
}

/** One validator message (file prefix and all) → its field and the words to show there. */
function placeValidatorMessage(line: string): [FormField, string] {
  const text = line.replace(/^[^\s:]+\.ya?ml: /, '');
  const entry = /^entry "[^"]*"(?: \(#\d+\))?: ([\s\S]*)$/.exec(text);
  if (entry?.[1] !== undefined) {
    const rest = entry[1];
    for (const [re, field] of ENTRY_MESSAGE_FIELDS) if (re.test(rest)) return [field, rest];
    return ['form', text];
  }
  if (/^entry "[^"]*" already exists/.test(text)) return ['label', text];
  const referent = /^referent "[^"]*"(?::)? ([\s\S]*)$/.exec(text);
  if (referent?.[1] !== undefined) return [/^:?\s*description\b/.test(referent[1]) ? 'referent-description' : 'referent-name', text];
  const top = /^(id|title|description)\b/.exec(text);
  if (top?.[1]) return [top[1] === 'id' ? 'lexicon-id' : (top[1] as FormField), text];
  return ['form', text];
}

/** The messages for fields a form does not show, so it can list them at the top instead. */
export function otherErrors(errors: FieldErrors, shown: readonly FormField[]): string[] {
  return Object.entries(errors).flatMap(([field, messages]) => (field === 'form' || !shown.includes(field as FormField) ? (messages ?? []) : []));
}

/**
 * Spreads an API error answer (`{error, field}` from the lexicon routes) over the form's fields:
 * zod issues go by their path, validator sentences by the field they name; the rest stays on the form.
 * With the draft, a message about the wording typed as the label goes next to the label.
 */
export function fieldErrors(answer: { error?: unknown; field?: unknown }, draft?: Pick<EntryDraft, 'label'>): FieldErrors {
  const out: FieldErrors = {};
  // A message about the variant that is the label itself belongs next to the label, where it was typed.
  const label = draft ? foldPhrase(draft.label) : '';
  const add = (field: FormField, message: string) => {
    const m = message.trim();
    const variant = /^variant "((?:[^"\\]|\\.)*)"/.exec(m)?.[1];
    if (field === 'variants' && label && variant !== undefined && foldPhrase(variant) === label) field = 'label';
    if (m) (out[field] ??= []).push(m);
  };
  const error = typeof answer.error === 'string' ? answer.error : 'the server refused the change';
  const first = error.split('\n')[0] ?? '';
  if (ZOD_ISSUE.test(first) && !/\.ya?ml: /.test(first)) {
    for (const issue of error.split(ZOD_SPLIT)) {
      const m = ZOD_ISSUE.exec(issue);
      if (m?.[1] !== undefined && m[2] !== undefined) add(fieldOfPath(m[1]), m[2]);
      else add('form', issue);
    }
    return out;
  }
  for (const line of error.split('\n')) {
    const [field, message] = placeValidatorMessage(line);
    add(field, message);
  }
  // A conflict or a missing lexicon is about the whole form; the routes name those fields.
  if (answer.field === 'version' || answer.field === 'body') return { form: Object.values(out).flat() };
  if (answer.field === 'id' && out.form) return { ...out, 'lexicon-id': out.form, form: undefined };
  return out;
}
