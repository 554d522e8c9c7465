/**
 * GET /api/lexicons lists the lexicons; POST starts a new topic lexicon, validated like the shipped
 * ones and written atomically (never replacing an existing one).
 */
import { LexiconConflictError, loadLexicons, writeLexiconFile } from '@/lib/corpus';
import { createInput, describeZod } from '@/lib/lexicon/edit-request';
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
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'the body is not JSON', field: 'body' }, { status: 400 });
  }
  const input = createInput.safeParse(body);
  if (!input.success) return Response.json(describeZod(input.error), { status: 422 });
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
