import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexiconConflictError, loadLexicons, readLexiconFile, writeLexiconFile } from '../lib/corpus';
import { patchInput } from '../lib/lexicon/edit-request';
import { applyLexiconEdits, newLexicon } from '../lib/lexicon-edit';

const referent = { id: 'migrants', name: 'People migrating', description: 'People crossing a border to live elsewhere.' };
const entry = {
  id: 'illegals', referent: 'migrants', label: 'illegals', variants: ['illegals'], connotation: -2 as const,
  note: 'A noun that defines people by their legal status; AP advises against it.', source: { name: 'AP Stylebook' }, role: 'head' as const,
};

describe('lexicon files', () => {
  it('starts a topic lexicon, edits it through validated requests, and the loader picks it up at once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-lex-'));
    const made = newLexicon({ id: 'immigration', title: 'Immigration wording', description: 'Test lexicon.' }, referent, entry);
    if ('errors' in made) throw new Error(made.errors.join('\n'));
    const created = await writeLexiconFile('immigration', made.yaml, null, dir);
    const request = patchInput.parse({
      version: created.version,
      edits: [{ kind: 'add-entry', entry: { ...entry, id: 'asylum-seekers', label: 'asylum-seekers', variants: ['asylum-seekers'], connotation: 0 } }],
    });
    const edited = applyLexiconEdits(created.yaml, 'lexicons/immigration.yaml', request.edits);
    if ('errors' in edited) throw new Error(edited.errors.join('\n'));
    await writeLexiconFile('immigration', edited.yaml, created.version, dir);
    const { lexicons, errors } = await loadLexicons(dir);
    expect(errors).toEqual([]);
    expect(lexicons[0]?.entries.map((e) => e.id)).toEqual(['illegals', 'asylum-seekers']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.tmp'))).toEqual([]);
  });

  it('refuses a write based on a stale version instead of losing the other edit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-lex-'));
    const made = newLexicon({ id: 'topic', title: 'Topic', description: 'Test.' }, referent, entry);
    if ('errors' in made) throw new Error(made.errors.join('\n'));
    const first = await writeLexiconFile('topic', made.yaml, null, dir);
    await writeLexiconFile('topic', `${made.yaml}\n# edited by A\n`, first.version, dir);
    await expect(writeLexiconFile('topic', `${made.yaml}\n# edited by B\n`, first.version, dir)).rejects.toBeInstanceOf(LexiconConflictError);
    await expect(writeLexiconFile('topic', made.yaml, null, dir)).rejects.toBeInstanceOf(LexiconConflictError);
    expect((await readLexiconFile('topic', dir))?.yaml).toContain('edited by A');
  });

  it('rejects an edit request with a message naming the field', () => {
    const bad = patchInput.safeParse({ version: 'x', edits: [{ kind: 'add-entry', entry: { ...entry, connotation: 5 } }] });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('connotation');
  });

  it('never builds a path from an id that is not a plain lexicon id', async () => {
    expect(await readLexiconFile('../package')).toBeNull();
    await expect(writeLexiconFile('../evil', 'x', null)).rejects.toThrow(/not a lexicon id/);
  });
});
