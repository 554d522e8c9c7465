/**
 * GET /api/lexicons/ID returns a lexicon with its version; PATCH applies edits (add, update, remove
 * entries and referents), validates the result like the shipped files and saves it atomically; the
 * next analysis uses it at once.
 */
import { LexiconConflictError, readLexiconFile, writeLexiconFile } from '@/lib/corpus';
import { patchInput } from '@/lib/lexicon/edit-request';
import { readLexiconRequest } from '@/app/_lib/lexicon-request';
import { applyLexiconEdits } from '@/lib/lexicon-edit';
import { parseLexicon } from '@/lib/lexicon/schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  const file = await readLexiconFile(id);
  if (!file) return Response.json({ error: `no lexicon "${id}"`, field: 'id' }, { status: 404 });
  const parsed = parseLexicon(file.yaml, `lexicons/${id}.yaml`);
  if ('errors' in parsed) return Response.json({ id, version: file.version, errors: parsed.errors }, { status: 200 });
  return Response.json({ id, version: file.version, lexicon: parsed.lexicon });
}

export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  const input = await readLexiconRequest(request, patchInput);
  if ('refused' in input) return input.refused;
  const file = await readLexiconFile(id);
  if (!file) return Response.json({ error: `no lexicon "${id}"`, field: 'id' }, { status: 404 });
  if (file.version !== input.data.version) {
    return Response.json({ error: 'the lexicon changed since you read it; reload and apply your edit again', field: 'version', version: file.version }, { status: 409 });
  }
  const edited = applyLexiconEdits(file.yaml, `lexicons/${id}.yaml`, input.data.edits);
  if ('errors' in edited) return Response.json({ error: edited.errors.join('\n'), field: 'edits' }, { status: 422 });
  try {
    const saved = await writeLexiconFile(id, edited.yaml, file.version);
    return Response.json({ id, version: saved.version, entries: edited.lexicon.entries.length });
  } catch (e) {
    if (e instanceof LexiconConflictError) return Response.json({ error: e.message, field: 'version' }, { status: 409 });
    throw e;
  }
}
