/**
 * GET /api/lexicons lists the lexicons; POST starts a new topic lexicon, validated like the shipped
 * ones and written atomically (never replacing an existing one).
 */
import { LexiconConflictError, loadLexicons, writeLexiconFile } from '@/lib/corpus';
import { createInput } from '@/lib/lexicon/edit-request';
import { readLexiconRequest } from '@/app/_lib/lexicon-request';
import { newLexicon } from '@/lib/lexicon-edit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const { lexicons, errors } = await loadLexicons();
  return Response.json({
    lexicons: lexicons.map((l) => ({ id: l.id, title: l.title, description: l.description, entries: l.entries.length, referents: l.referents.length })),
    errors,
  });
}

export async function POST(request: Request): Promise<Response> {
  const input = await readLexiconRequest(request, createInput);
  if ('refused' in input) return input.refused;
  const { id, title, description, referent, entry } = input.data;
  const made = newLexicon({ id, title, description }, referent, entry);
  if ('errors' in made) return Response.json({ error: made.errors.join('\n'), field: 'entry' }, { status: 422 });
  try {
    const file = await writeLexiconFile(id, made.yaml, null);
    return Response.json({ id, version: file.version }, { status: 201 });
  } catch (e) {
    if (e instanceof LexiconConflictError) return Response.json({ error: `a lexicon "${id}" already exists`, field: 'id' }, { status: 409 });
    throw e;
  }
}
