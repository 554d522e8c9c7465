import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLexiconEdit, applyLexiconEdits, entryFromCandidate, idFromLabel, newLexicon, uniqueId, type EditResult } from '../lib/lexicon-edit';
import { parseLexicon } from '../lib/lexicon/schema';
import { ROOT } from './helpers/seeds';

const SYRIA = readFileSync(path.join(ROOT, 'lexicons', 'syria.yaml'), 'utf8');
const source = { name: 'Reuters Handbook of Journalism', section: 'Terrorism' };

function ok(result: EditResult) {
  if ('errors' in result) throw new Error(result.errors.join('\n'));
  return result;
}

describe('accepting a candidate into the shipped lexicon', () => {
  const entry = entryFromCandidate(
    { text: 'gunmen' },
    { referent: 'armed-opposition', connotation: -1, note: 'Describes people by their weapons rather than their cause.', source },
  );

  it('drafts an entry whose label, variant and id come from the candidate', () => {
    expect(entry).toMatchObject({ id: 'gunmen', label: 'gunmen', variants: ['gunmen'], role: 'head', referent: 'armed-opposition' });
  });

  it('adds it, validates the result and keeps the file’s comments and anchors', () => {
    const result = ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'add-entry', entry }));
    expect(result.lexicon.entries.find((e) => e.id === 'gunmen')).toMatchObject({ label: 'gunmen', connotation: -1 });
    expect(result.yaml.startsWith('# Wording choices in English-language reporting on the war in Syria.')).toBe(true);
    expect(result.yaml).toContain('source: &smyth');
    expect('lexicon' in parseLexicon(result.yaml, 'syria.yaml')).toBe(true);
  });

  it('refuses a wording another entry already claims, saying which', () => {
    const rebels = entryFromCandidate({ text: 'rebels' }, { referent: 'armed-opposition', connotation: 0, note: 'Neutral.', source }, ['rebels']);
    const result = applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'add-entry', entry: rebels });
    expect('errors' in result && result.errors.join('\n')).toMatch(/variant "rebels" is also claimed by entry/);
  });

  it('adds a new referent along with an entry that names it', () => {
    const e = entryFromCandidate({ text: 'White Helmets' }, { referent: 'civil-defence', connotation: 1, note: 'The Syria Civil Defence rescue service.', source });
    const referent = { id: 'civil-defence', name: 'Syria Civil Defence', description: 'The volunteer rescue service in opposition-held areas.' };
    const result = ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'add-entry', entry: e, referent }));
    expect(result.lexicon.referents.map((r) => r.id)).toContain('civil-defence');
  });

  it('rejects an entry for a referent the lexicon does not have', () => {
    const e = entryFromCandidate({ text: 'caravan members' }, { referent: 'migrants', connotation: 0, note: 'Neutral.', source });
    const result = applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'add-entry', entry: e });
    expect('errors' in result && result.errors.join('\n')).toMatch(/referent "migrants" is not listed under referents/);
  });
});

describe('editing and removing entries', () => {
  it('changes an entry’s connotation and note', () => {
    const result = ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'update-entry', id: 'takfiris', changes: { connotation: -1, note: 'Edited.' } }));
    expect(result.lexicon.entries.find((e) => e.id === 'takfiris')).toMatchObject({ connotation: -1, note: 'Edited.' });
  });

  it('rejects an out-of-range connotation with the schema’s fix-it message', () => {
    const result = applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'update-entry', id: 'takfiris', changes: { connotation: 5 as never } });
    expect('errors' in result && result.errors.join('\n')).toMatch(/entry "takfiris": connotation must be an integer from -2 to 2/);
  });

  it('removes an entry', () => {
    const result = ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'remove-entry', id: 'takfiris' }));
    expect(result.lexicon.entries.some((e) => e.id === 'takfiris')).toBe(false);
    const before = parseLexicon(SYRIA, 'syria.yaml');
    if (!('lexicon' in before)) throw new Error(before.errors.join('\n'));
    expect(result.lexicon.entries.length).toBe(before.lexicon.entries.length - 1);
  });

  it('names the known ids when asked to change an entry that does not exist', () => {
    const result = applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'remove-entry', id: 'no-such-entry' });
    expect('errors' in result && result.errors[0]).toMatch(/there is no entry "no-such-entry"; choose one of: .*takfiri-militants/);
  });

  it('applies a series of edits and stops at the first that fails', () => {
    const result = applyLexiconEdits(SYRIA, 'syria.yaml', [
      { kind: 'update-entry', id: 'takfiris', changes: { note: 'Once.' } },
      { kind: 'remove-entry', id: 'missing' },
      { kind: 'update-entry', id: 'takfiris', changes: { note: 'Twice.' } },
    ]);
    expect('errors' in result && result.errors[0]).toMatch(/no entry "missing"/);
  });
});

describe('starting a topic lexicon', () => {
  const referent = { id: 'migrants', name: 'People in the caravan', description: 'Central Americans travelling north together in 2018.' };
  const entry = entryFromCandidate({ text: 'asylum-seekers' }, { referent: 'migrants', connotation: 1, note: 'Stresses a legal claim to protection.', source });

  it('writes a valid lexicon file from a first referent and entry', () => {
    const result = ok(newLexicon({ id: 'immigration', title: 'Immigration wording', description: 'Labels for migrants and border policy.' }, referent, entry));
    expect(result.lexicon).toMatchObject({ id: 'immigration', language: 'en', referents: [referent], entries: [entry] });
    expect(result.yaml).toMatch(/^# Immigration wording: a topic lexicon started in Parallax\./);
  });

  it('refuses an id that is not kebab-case', () => {
    const result = newLexicon({ id: 'Immigration 2018', title: 'x', description: 'y' }, referent, entry);
    expect('errors' in result && result.errors.join('\n')).toMatch(/id must be a kebab-case id/);
  });

  it('refuses to remove the only entry of a lexicon', () => {
    const { yaml } = ok(newLexicon({ id: 'immigration', title: 'Immigration wording', description: 'd' }, referent, entry));
    const result = applyLexiconEdit(yaml, 'immigration.yaml', { kind: 'remove-entry', id: entry.id });
    expect('errors' in result && result.errors[0]).toMatch(/only entry; delete the lexicon file instead/);
  });
});

describe('ids', () => {
  it('derives kebab-case ids from labels and keeps them unique', () => {
    expect(idFromLabel('Takfiri militants')).toBe('takfiri-militants');
    expect(idFromLabel('Assad’s forces')).toBe('assad-forces');
    expect(uniqueId('rebels', ['rebels', 'rebels-2'])).toBe('rebels-3');
  });
});

describe('editing an entry that defines a shared source', () => {
  // In the shipped file "takfiri-militants" defines `source: &smyth` and later entries reuse `*smyth`.
  const smyth = () => ok(parseLexicon(SYRIA, 'syria.yaml') as EditResult).lexicon.entries.find((e) => e.id === 'takfiris')!.source;

  it('removes it and the entries that reused its source keep that source', () => {
    const result = ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'remove-entry', id: 'takfiri-militants' }));
    expect(result.lexicon.entries.some((e) => e.id === 'takfiri-militants')).toBe(false);
    expect(result.lexicon.entries.find((e) => e.id === 'takfiris')!.source).toEqual(smyth());
    expect(result.yaml).toContain('&smyth');
  });

  it('gives it a new source and the others keep the old one', () => {
    const result = ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'update-entry', id: 'takfiri-militants', changes: { source: { name: 'Parallax user' } } }));
    expect(result.lexicon.entries.find((e) => e.id === 'takfiri-militants')!.source).toEqual({ name: 'Parallax user' });
    expect(result.lexicon.entries.find((e) => e.id === 'takfiri')!.source).toEqual(smyth());
  });
});

describe('what an edit changes in the file', () => {
  const changed = (before: string, after: string) => {
    const a = before.split('\n');
    const b = after.split('\n');
    let head = 0;
    while (head < a.length && a[head] === b[head]) head++;
    let tail = 0;
    while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
  };
  const gunmen = entryFromCandidate({ text: 'gunmen' }, { referent: 'armed-opposition', connotation: -1, note: 'Names people by their weapons.', source });

  it('adds an entry as new lines at the end of the entries and leaves every other line alone', () => {
    const diff = changed(SYRIA, ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'add-entry', entry: gunmen })).yaml);
    expect(diff.removed).toEqual([]);
    expect(diff.added[0]).toBe('  - id: gunmen');
    expect(diff.added.every((l) => l === '' || l.startsWith('    ') || l.startsWith('  - '))).toBe(true);
  });

  it('removes an entry by cutting its lines and nothing else', () => {
    const diff = changed(SYRIA, ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'remove-entry', id: 'rebels' })).yaml);
    expect(diff.added).toEqual([]);
    expect(diff.removed[0]).toBe('  - id: rebels');
    expect(diff.removed.length).toBeLessThan(12);
  });

  it('rewrites only the entry whose note changed', () => {
    const diff = changed(SYRIA, ok(applyLexiconEdit(SYRIA, 'syria.yaml', { kind: 'update-entry', id: 'rebels', changes: { note: 'Edited.' } })).yaml);
    expect(diff.removed.length).toBeLessThan(14);
    expect(diff.added).toContain('    note: Edited.');
  });
});
