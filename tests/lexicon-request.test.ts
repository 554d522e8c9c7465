import { describe, expect, it } from 'vitest';
import { readLexiconRequest } from '../app/_lib/lexicon-request';
import { patchInput } from '../lib/lexicon/edit-request';

const post = (body: string) => new Request('http://127.0.0.1/api/lexicons/syria', { method: 'PATCH', body, headers: { 'Content-Type': 'application/json' } });

describe('reading a lexicon API request', () => {
  it('answers 400 naming the body when it is not JSON', async () => {
    const read = await readLexiconRequest(post('{not json'), patchInput);
    if (!('refused' in read)) throw new Error('a broken body was accepted');
    expect(read.refused.status).toBe(400);
    expect(await read.refused.json()).toEqual({ error: 'the body is not JSON', field: 'body' });
  });

  it('answers 422 naming the first field that does not validate', async () => {
    const read = await readLexiconRequest(post(JSON.stringify({ version: 'v1', edits: 'remove everything' })), patchInput);
    if (!('refused' in read)) throw new Error('an invalid body was accepted');
    expect(read.refused.status).toBe(422);
    const body = (await read.refused.json()) as { error: string; field: string };
    expect(body.field).toBe('edits');
    expect(body.error).toMatch(/^edits: /);
  });

  it('hands back the parsed data of a valid body', async () => {
    const read = await readLexiconRequest(post(JSON.stringify({ version: 'v1', edits: [{ kind: 'remove-entry', id: 'rebels' }] })), patchInput);
    if ('refused' in read) throw new Error(`a valid body was refused: ${await read.refused.text()}`);
    expect(read.data.version).toBe('v1');
    expect(read.data.edits).toHaveLength(1);
  });
});
