import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLexiconEdits } from '../../lib/lexicon-edit';
import { createInput, describeZod, patchInput } from '../../lib/lexicon/edit-request';
import { changedFields, draftEntry, draftFromEntry, draftReferent, draftVariants, fieldErrors, otherErrors, slug, type EntryDraft } from '../../lib/view/lexicon-form';
import { ROOT } from '../helpers/seeds';

const SYRIA = readFileSync(path.join(ROOT, 'lexicons', 'syria.yaml'), 'utf8');

const draft: EntryDraft = {
  label: '  gunmen ',
  variants: 'armed men\ngunmen, Gunmen\n\n',
  referent: 'armed-opposition',
  referentName: '',
  referentDescription: '',
  connotation: '-1',
  note: ' Names people by their weapons. ',
  sourceName: 'Parallax user',
  sourceUrl: '',
  sourceSection: '',
  role: 'head',
};

/** The answer the PATCH route gives for a body that fails its zod schema. */
function patchAnswer(body: unknown) {
  const parsed = patchInput.safeParse(body);
  if (parsed.success) throw new Error('expected the body to be refused');
  return describeZod(parsed.error);
}

describe('turning a draft into an entry', () => {
  it('lists the label first and every other wording once, whatever the separator or case', () => {
    expect(draftVariants(draft)).toEqual(['gunmen', 'armed men']);
  });

  it('trims the text fields, reads the connotation as a number and leaves out empty source parts', () => {
    expect(draftEntry(draft, 'armed-opposition', 'gunmen')).toEqual({
      id: 'gunmen',
      referent: 'armed-opposition',
      label: 'gunmen',
      variants: ['gunmen', 'armed men'],
      connotation: -1,
      note: 'Names people by their weapons.',
      source: { name: 'Parallax user' },
      role: 'head',
    });
  });

  it('passes an unreadable connotation on unchanged so the server can say what is wrong', () => {
    expect(draftEntry({ ...draft, connotation: '' }, 'x', 'y').connotation).toBe('');
  });

  it('makes a new referent with an id from its name that no referent has yet', () => {
    expect(draftReferent({ ...draft, referent: '', referentName: 'Local militias', referentDescription: 'Armed locals.' }, ['local-militias'])).toEqual({
      id: 'local-militias-2',
      name: 'Local militias',
      description: 'Armed locals.',
    });
    expect(draftReferent(draft, [])).toBeNull();
  });

  it('folds accents and punctuation out of ids', () => {
    expect(slug('Dara’a ‒ “old town”')).toBe('daraa-old-town');
  });

  it('sends only the fields an edit changed', () => {
    const entry = { id: 'gunmen', referent: 'armed-opposition', label: 'gunmen', variants: ['gunmen'], connotation: -1 as const, note: 'n', source: { name: 's' }, role: 'head' as const };
    const edited = draftEntry({ ...draftFromEntry(entry), note: 'changed' }, entry.referent, entry.id);
    expect(changedFields(entry, edited as typeof entry)).toEqual({ note: 'changed' });
  });
});

describe('placing validation messages next to their fields', () => {
  it('puts each zod issue of an edit on the field its path names', () => {
    const answer = patchAnswer({
      version: 'v',
      edits: [{ kind: 'add-entry', entry: { id: 'x', referent: 'armed-opposition', label: ' ', variants: ['x'], connotation: 3, note: 'n', source: { name: 's', url: 'ftp://x' } } }],
    });
    const errors = fieldErrors(answer);
    expect(errors.label).toEqual(['label is required']);
    expect(errors.connotation).toEqual(['connotation must be -2, -1, 0, 1 or 2']);
    expect(errors['source-url']?.length).toBe(1);
    expect(errors.form).toBeUndefined();
  });

  it('puts a wording another entry claims on the wordings field, with the validator’s explanation', () => {
    const result = applyLexiconEdits(SYRIA, 'lexicons/syria.yaml', [
      { kind: 'add-entry', entry: { id: 'fighters', referent: 'syrian-government', label: 'fighters', variants: ['fighters', 'terrorists'], connotation: 0, note: 'n', source: { name: 's' }, role: 'head' } },
    ]);
    if (!('errors' in result)) throw new Error('expected the edit to be refused');
    const errors = fieldErrors({ error: result.errors.join('\n'), field: 'edits' });
    expect(errors.variants?.[0]).toMatch(/^variant "terrorists" is also claimed by entry "terrorists"; a wording can name only one referent/);
  });

  it('puts a claimed wording on the label when the label is that wording', () => {
    const result = applyLexiconEdits(SYRIA, 'lexicons/syria.yaml', [
      { kind: 'add-entry', entry: { id: 'terrorists-2', referent: 'syrian-government', label: 'Terrorists', variants: ['Terrorists'], connotation: -2, note: 'n', source: { name: 's' }, role: 'head' } },
    ]);
    if (!('errors' in result)) throw new Error('expected the edit to be refused');
    const errors = fieldErrors({ error: result.errors.join('\n'), field: 'edits' }, { label: 'Terrorists' });
    expect(errors.label?.[0]).toMatch(/^variant "Terrorists" is also claimed by entry "terrorists"/);
    expect(errors.variants).toBeUndefined();
  });

  it('puts a taken entry id on the label, whose words the id comes from', () => {
    const result = applyLexiconEdits(SYRIA, 'lexicons/syria.yaml', [
      { kind: 'add-entry', entry: { id: 'takfiris', referent: 'armed-opposition', label: 'takfiris', variants: ['takfiri fighters'], connotation: -2, note: 'n', source: { name: 's' }, role: 'head' } },
    ]);
    if (!('errors' in result)) throw new Error('expected the edit to be refused');
    expect(fieldErrors({ error: result.errors.join('\n'), field: 'edits' }).label?.[0]).toMatch(/entry "takfiris" already exists; .*use the id takfiris-2/);
  });

  it('puts a new lexicon’s missing title on the title and a taken id on the id', () => {
    const parsed = createInput.safeParse({ id: 'housing', title: '', description: 'd', referent: { id: 'r', name: 'n', description: 'd' }, entry: {} });
    if (parsed.success) throw new Error('expected the body to be refused');
    const errors = fieldErrors(describeZod(parsed.error));
    expect(errors.title).toEqual(['title is required']);
    expect(fieldErrors({ error: 'a lexicon "syria" already exists', field: 'id' })['lexicon-id']).toEqual(['a lexicon "syria" already exists']);
  });

  it('keeps a stale-version answer on the whole form', () => {
    const errors = fieldErrors({ error: 'the lexicon changed since you read it; reload and apply your edit again', field: 'version' });
    expect(otherErrors(errors, ['label'])).toEqual(['the lexicon changed since you read it; reload and apply your edit again']);
  });
});
