/**
 * The shape of lexicon edits as they arrive over HTTP, checked with zod before they reach the pure
 * editor; whether the edited lexicon is valid is then decided by the same parser as the shipped files.
 */
import { z } from 'zod';
import type { LexiconEdit } from '../lexicon-edit';

const connotation = z.union([z.literal(-2), z.literal(-1), z.literal(0), z.literal(1), z.literal(2)], {
  error: 'connotation must be -2, -1, 0, 1 or 2',
});
const source = z.object({
  name: z.string().trim().min(1, { error: 'name the source (a style guide, a study, or "Parallax user")' }).max(300),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  section: z.string().max(300).optional(),
});
const text = (field: string, max: number) => z.string({ error: `${field} is required` }).trim().min(1, { error: `${field} is required` }).max(max);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'ids use lower-case letters, digits and hyphens' });

export const entryInput = z.object({
  id,
  referent: id,
  label: text('label', 200),
  variants: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
  connotation,
  note: text('note', 2000),
  source,
  role: z.enum(['head', 'modifier']).default('head'),
});

export const referentInput = z.object({ id, name: text('name', 200), description: text('description', 2000) });

export const editInput: z.ZodType<LexiconEdit> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add-entry'), entry: entryInput, referent: referentInput.optional() }),
  z.object({ kind: z.literal('update-entry'), id, changes: entryInput.omit({ id: true }).partial() }),
  z.object({ kind: z.literal('remove-entry'), id }),
  z.object({ kind: z.literal('add-referent'), referent: referentInput }),
  z.object({ kind: z.literal('update-referent'), id, changes: referentInput.omit({ id: true }).partial() }),
]) as z.ZodType<LexiconEdit>;

/** PATCH /api/lexicons/ID: the version read, and the edits to apply in order. */
export const patchInput = z.object({
  version: z.string().min(1).max(64),
  edits: z.array(editInput).min(1).max(100),
});

/** POST /api/lexicons: a new topic lexicon with its first referent and entry. */
export const createInput = z.object({
  id,
  title: text('title', 200),
  description: text('description', 2000),
  referent: referentInput,
  entry: entryInput,
});

/** "field: message" for the first problems, for a 422 answer. */
export function describeZod(error: z.ZodError): { error: string; field: string } {
  const first = error.issues[0];
  return {
    error: error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    field: first ? String(first.path[0] ?? 'body') : 'body',
  };
}
