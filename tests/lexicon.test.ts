import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicon, matchTerms, parseLexicon, type CompiledLexicon } from '../lib/lexicon';
import { joins, matchTermsInTable } from '../lib/lexicon/matcher';
import { tokenize } from '../lib/normalize';
import { splitParagraphs, splitSentences } from '../lib/segment';
import { tokenRange, tokensOfRange, tokenTable, Vocabulary } from '../lib/token-table';
import type { Lexicon } from '../lib/types';
import { ROOT, SEED_IDS, seedText } from './helpers/seeds';
import { randomBelow } from './helpers/random';

const FILE = 'lexicons/syria.yaml';

function loadSyria(): Lexicon {
  const parsed = parseLexicon(readFileSync(path.join(ROOT, FILE), 'utf8'), FILE);
  if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
  return parsed.lexicon;
}

const syria = loadSyria();
const compiled = compileLexicon([syria]);

function entry(label: string) {
  const found = syria.entries.find((e) => e.label === label);
  if (!found) throw new Error(`no entry labelled ${label}`);
  return found;
}

/** Matches in a small fixture, as [text, label] pairs. */
function find(text: string, lexicon: CompiledLexicon = compiled): Array<[string, string]> {
  return matchTerms(text, tokenize(text), lexicon).map((m) => [m.text, m.entry.label]);
}

/** A minimal valid lexicon file around the given entry lines (YAML flow mappings). */
function fixture(...entries: string[]): string {
  return [
    'id: test',
    'title: Test',
    'language: en',
    'description: A fixture.',
    'referents:',
    '  - {id: armed-opposition, name: Armed opposition, description: Fighters.}',
    '  - {id: syrian-government, name: Government, description: The state.}',
    'entries:',
    ...entries.map((e) => `  - {${e}}`),
  ].join('\n');
}

const GOOD = 'id: rebels, referent: armed-opposition, label: rebels, variants: [rebels], connotation: 0, role: head, note: Wire word., source: {name: Reuters Handbook of Journalism}';

function errorsOf(yaml: string, file = 'lexicons/bad.yaml'): string[] {
  const parsed = parseLexicon(yaml, file);
  if (!('errors' in parsed)) throw new Error('expected the fixture to be rejected');
  return parsed.errors;
}

describe('the bundled Syria lexicon', () => {
  it('validates against the schema and the cross-entry rules', () => {
    const parsed = parseLexicon(readFileSync(path.join(ROOT, FILE), 'utf8'), FILE);
    expect('errors' in parsed ? parsed.errors : []).toEqual([]);
    expect(syria.id).toBe('syria');
  });

  it('defines the referents the reports compare', () => {
    const ids = syria.referents.map((r) => r.id);
    for (const id of ['armed-opposition', 'syrian-government', 'foreign-sponsors', 'isis', 'israel', 'golan-heights',
      'military-operations', 'agreements', 'monitors', 'hezbollah', 'daraa', 'nassib-crossing']) {
      expect(ids).toContain(id);
    }
  });

  it('compiles without wordings claimed twice', () => {
    expect(compiled.conflicts).toEqual([]);
    expect(compiled.entries).toHaveLength(syria.entries.length);
  });

  it('gives every armed-opposition label the same referent id', () => {
    const labels = ['Takfiri militants', 'Takfiris', 'Takfiri', 'militants', 'terrorists', 'terror outfits', 'terrorist groups',
      'rebels', 'anti-Assad rebels', 'the opposition', 'opposition factions', 'insurgents'];
    expect(new Set(labels.map((l) => entry(l).referent))).toEqual(new Set(['armed-opposition']));
  });

  it('ranks "terrorists" strictly below "rebels"', () => {
    expect(entry('terrorists').connotation).toBeLessThan(entry('rebels').connotation);
  });

  it('ranks every "Takfiri" wording strictly below "insurgents"', () => {
    for (const label of ['Takfiri', 'Takfiri militants', 'Takfiris']) {
      expect(entry(label).connotation).toBeLessThan(entry('insurgents').connotation);
    }
  });

  it('ranks "regime" strictly below "government forces"', () => {
    expect(entry('regime').connotation).toBeLessThan(entry('government forces').connotation);
    expect(entry('regime').referent).toBe(entry('government forces').referent);
  });

  it('gives place-name entries a neutral connotation', () => {
    for (const label of ['Daraa', 'Nassib crossing', 'Daraa al-Balad']) expect(entry(label).connotation).toBe(0);
  });

  it('marks the sponsor wordings as modifiers of the foreign-sponsors referent', () => {
    for (const label of ['foreign-backed', 'foreign-sponsored', 'Western-sponsored', 'Turkish-backed', 'Iran-backed']) {
      expect(entry(label)).toMatchObject({ referent: 'foreign-sponsors', role: 'modifier' });
    }
  });
});

describe('parseLexicon fix-it messages', () => {
  it('accepts a minimal valid file', () => {
    const parsed = parseLexicon(fixture(GOOD), 'lexicons/ok.yaml');
    expect('lexicon' in parsed && parsed.lexicon.entries[0]?.label).toBe('rebels');
  });

  it('names file, entry and field for a connotation out of range, with the value and the scale', () => {
    const [message] = errorsOf(fixture(GOOD.replace('connotation: 0', 'connotation: 5')));
    expect(message).toBe(
      'lexicons/bad.yaml: entry "rebels": connotation must be an integer from -2 to 2 (got 5); ' +
        'use -2 for delegitimising, -1 mildly so, 0 for neutral, +1 mildly legitimising, +2 for legitimising wording',
    );
  });

  it('rejects a fractional connotation the same way', () => {
    expect(errorsOf(fixture(GOOD.replace('connotation: 0', 'connotation: 0.5')))[0]).toContain('entry "rebels": connotation must be an integer');
  });

  it('reports an empty note and an empty source name separately', () => {
    const errors = errorsOf(fixture(GOOD.replace('note: Wire word.', 'note: ""').replace('{name: Reuters Handbook of Journalism}', '{name: " "}')));
    expect(errors).toEqual([
      expect.stringMatching(/^lexicons\/bad\.yaml: entry "rebels": note must not be empty/),
      expect.stringMatching(/^lexicons\/bad\.yaml: entry "rebels": source\.name must not be empty .*name a style guide or study/),
    ]);
  });

  it('reports a missing field as missing', () => {
    const [message] = errorsOf(fixture(GOOD.replace(', role: head', '')));
    expect(message).toMatch(/^lexicons\/bad\.yaml: entry "rebels": role is missing; use "modifier" for words that stack/);
  });

  it('suggests the intended name for a misspelt field', () => {
    const errors = errorsOf(fixture(GOOD.replace('connotation: 0', 'conotation: 0')));
    expect(errors).toContain('lexicons/bad.yaml: entry "rebels": unknown field "conotation"; did you mean "connotation"?');
  });

  it('refers to an entry without an id by its position', () => {
    const errors = errorsOf(fixture(GOOD, GOOD.replace('id: rebels, ', '')));
    expect(errors[0]).toMatch(/^lexicons\/bad\.yaml: entry #2: id is missing/);
  });

  it('rejects two entries with the same id', () => {
    const errors = errorsOf(fixture(GOOD, GOOD.replace('variants: [rebels]', 'variants: [insurgents]')));
    expect(errors).toEqual(['lexicons/bad.yaml: entry "rebels" (#2): id is also used by entry #1; give each entry its own id']);
  });

  it('rejects a referent that is not listed, naming the ones that are', () => {
    const [message] = errorsOf(fixture(GOOD.replace('referent: armed-opposition', 'referent: rebel-groups')));
    expect(message).toBe(
      'lexicons/bad.yaml: entry "rebels": referent "rebel-groups" is not listed under referents; add it there or use one of: armed-opposition, syrian-government',
    );
  });

  it('rejects one wording claimed by entries with different referents, even when written differently', () => {
    const other = GOOD.replace('id: rebels', 'id: loyalists').replace('armed-opposition', 'syrian-government').replace('[rebels]', '[Rebels]');
    const [message] = errorsOf(fixture(GOOD, other));
    expect(message).toMatch(/^lexicons\/bad\.yaml: entry "loyalists": variant "Rebels" is also claimed by entry "rebels"; a wording can name only one referent/);
  });

  it('rejects an exclusion that contains none of the entry\'s variants', () => {
    const [message] = errorsOf(fixture(GOOD.replace('variants: [rebels]', 'variants: [rebels], exclude: [deal a blow]')));
    expect(message).toMatch(/^lexicons\/bad\.yaml: entry "rebels": exclude "deal a blow" contains none of the entry's variants/);
  });

  it('points at the line and column of a YAML syntax error', () => {
    const [message] = errorsOf('id: test\ntitle: [unclosed\n');
    expect(message).toMatch(/^lexicons\/bad\.yaml: line \d+, column \d+: .+; fix the YAML syntax there$/);
  });

  it('rejects a file that is not a mapping', () => {
    expect(errorsOf('- just\n- a list\n')).toEqual([
      'lexicons/bad.yaml: the file must be a YAML mapping with id, title, language, description, referents and entries',
    ]);
  });
});

describe('matchTerms', () => {
  it('derives plurals and singulars of common nouns', () => {
    expect(find('A Takfiri militant, one terror outfit and an opposition faction.')).toEqual([
      ['Takfiri militant', 'Takfiri militants'],
      ['terror outfit', 'terror outfits'],
      ['opposition faction', 'opposition factions'],
    ]);
    expect(find('militancies and militancy')).toEqual([['militancies', 'militancy'], ['militancy', 'militancy']]);
  });

  it('matches possessives through the folded token', () => {
    expect(find('the regime’s tanks, the rebels\' flag, the militants’ positions')).toEqual([
      ['regime’s', 'regime'],
      ['rebels', 'rebels'],
      ['militants', 'militants'],
    ]);
  });

  it('ignores capitals', () => {
    expect(find('TAKFIRI MILITANTS and Terror Outfits')).toEqual([
      ['TAKFIRI MILITANTS', 'Takfiri militants'],
      ['Terror Outfits', 'terror outfits'],
    ]);
  });

  it('quotes each spelling of an entry from its own text, one after another and from the token table', () => {
    // Matches share the string of their entry's last match when it reads the same: case, length and
    // position must not leak from one match, or one text, into the next.
    const text = 'Rebels, REBELS and rebels; rebels. Rebels and the Rebels.';
    expect(find(text).map(([t]) => t)).toEqual(['Rebels', 'REBELS', 'rebels', 'rebels', 'Rebels', 'Rebels']);
    expect(find('the REBELS').map(([t]) => t)).toEqual(['REBELS']);
    const table = tokenTable(text);
    expect(matchTermsInTable(table, 0, table.count, compiled).map((m) => [m.text, text.slice(m.start, m.end)]).every(([a, b]) => a === b)).toBe(true);
  });

  it('treats hyphenated and spaced forms alike', () => {
    expect(find('foreign backed militancy; Israeli occupied Golan Heights; the Israeli-occupied Golan')).toEqual([
      ['foreign backed', 'foreign-backed'],
      ['militancy', 'militancy'],
      ['Israeli occupied Golan Heights', 'Israeli-occupied Golan Heights'],
      ['Israeli-occupied Golan', 'Israeli-occupied Golan Heights'],
    ]);
  });

  it('folds curly and straight apostrophes and transliterations of one place to one referent', () => {
    const text = 'Dara’a, Dara\'a, Daraa, Deraa; Nassib, Nasib, Naseeb';
    const referents = matchTerms(text, tokenize(text), compiled).map((m) => m.entry.referent);
    expect(referents).toEqual(['daraa', 'daraa', 'daraa', 'daraa', 'nassib-crossing', 'nassib-crossing', 'nassib-crossing']);
  });

  it('prefers the longest entry at a position', () => {
    expect(find('the so-called Syrian Observatory for Human Rights and Syrian government forces')).toEqual([
      ['so-called Syrian Observatory for Human Rights', 'so-called Syrian Observatory'],
      ['Syrian government forces', 'government forces'],
    ]);
  });

  it('never joins words across punctuation', () => {
    expect(find('They were anti-Assad. Rebels later left.')).toEqual([['Rebels', 'rebels']]);
  });

  it('drops a variant inside an excluded phrase but keeps it elsewhere', () => {
    expect(find('It would deal a blow to the deal with Russia.')).toEqual([['deal', 'deal']]);
  });

  it('reports stacked modifiers separately, each carrying the whole phrase', () => {
    const text = 'Foreign-sponsored Takfiri militants and Turkish-backed Takfiri militants';
    const [a, b, c, d] = matchTerms(text, tokenize(text), compiled);
    expect([a?.entry.label, a?.entry.role, b?.entry.label, b?.entry.role]).toEqual(['foreign-sponsored', 'modifier', 'Takfiri militants', 'head']);
    expect(a?.phrase).toEqual({ start: 0, end: 'Foreign-sponsored Takfiri militants'.length });
    expect(b?.phrase).toEqual(a?.phrase);
    expect(c?.entry.referent).toBe('foreign-sponsors');
    expect(text.slice(d?.phrase?.start, d?.phrase?.end)).toBe('Turkish-backed Takfiri militants');
  });

  it('reports "Takfiri" before another head as its own modifier, stacking through several modifiers', () => {
    const text = 'foreign-backed Takfiri terrorist groups';
    const hits = matchTerms(text, tokenize(text), compiled);
    expect(hits.map((h) => [h.text, h.entry.label, h.entry.role])).toEqual([
      ['foreign-backed', 'foreign-backed', 'modifier'],
      ['Takfiri', 'Takfiri', 'modifier'],
      ['terrorist groups', 'terrorist groups', 'head'],
    ]);
    expect(new Set(hits.map((h) => JSON.stringify(h.phrase)))).toEqual(new Set([JSON.stringify({ start: 0, end: text.length })]));
  });

  it('leaves the phrase empty when a modifier is not followed by a head', () => {
    const text = 'Turkish-backed forces, and rebels';
    expect(matchTerms(text, tokenize(text), compiled).map((h) => h.phrase)).toEqual([null, null]);
  });

  it('keeps the first lexicon\'s claim when two lexicons name one wording differently', () => {
    const other: Lexicon = {
      ...syria,
      id: 'other',
      referents: [{ id: 'fighters', name: 'Fighters', description: 'Anyone armed.' }],
      entries: [{ ...entry('rebels'), id: 'rebels-other', referent: 'fighters' }],
    };
    const both = compileLexicon([syria, other]);
    expect(both.conflicts).toEqual(['"rebels" is claimed by syria/rebels and other/rebels-other; syria keeps it']);
    const [hit] = matchTerms('rebels', tokenize('rebels'), both);
    expect(hit?.entry).toMatchObject({ lexicon: 'syria', referent: 'armed-opposition' });
  });

  it('finds nothing with an empty lexicon', () => {
    expect(find('Takfiri militants', compileLexicon([]))).toEqual([]);
  });
});

describe('matchTermsInTable (the trie walked by word id over a token table)', () => {
  const JOINER = /^['’]?[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*(?:[-\u2010\u2011][ \t\u00a0]*)?$/;
  const random = randomBelow(987654);
  const pick = <T,>(list: readonly T[]): T => list[random(list.length)]!;

  it('joins gives the regular expression’s answer on every gap', () => {
    const alphabet = ["'", '’', ' ', '\t', '\u00a0', '\r', '\n', '-', '\u2010', '\u2011', 'a', '.', '\u2012'];
    let joined = 0;
    for (let trial = 0; trial < 20000; trial++) {
      let text = '';
      const length = random(10);
      for (let k = 0; k < length; k++) text += pick(alphabet);
      const from = random(text.length + 1);
      const to = random(text.length + 2);
      const expected = to > from && to - from <= 6 && JOINER.test(text.slice(from, to));
      if (expected) joined++;
      expect([text, from, to, joins(text, from, to)]).toEqual([text, from, to, expected]);
    }
    expect(joined).toBeGreaterThan(500);
  });

  const words = [...new Set(syria.entries.flatMap((e) => e.variants.flatMap((v) => tokenize(v).map((t) => v.slice(t.start, t.end)))))];
  const other = compileLexicon([{ ...syria, id: 'other', entries: syria.entries.slice(0, 5) }]);
  const vocabulary = new Vocabulary();
  const same = (text: string, lexicon: CompiledLexicon, from = 0, to = text.length) => {
    const table = tokenTable(text, vocabulary);
    const range = tokenRange(table, from, to);
    if (!range) return 0;
    const expected = matchTerms(text, tokensOfRange(table, range), lexicon);
    expect(matchTermsInTable(table, range[0], range[1], lexicon)).toEqual(expected);
    return expected.length;
  };

  it('finds what matchTerms finds in every seed, sentence by sentence', () => {
    let found = 0;
    for (const id of SEED_IDS) {
      const text = seedText(id);
      for (const p of splitParagraphs(text)) for (const s of splitSentences(text, p)) found += same(text, compiled, s.start, s.end);
      found += same(text, compiled);
    }
    expect(found).toBeGreaterThan(50);
  });

  it('finds what matchTerms finds in random texts of lexicon words, across two lexicons and a growing vocabulary', () => {
    const separators = [' ', ' ', ' ', '  ', '-', ' - ', '\n', '\r\n', ', ', '. ', '’ ', "' ", '\u00a0', '\t', ' \n\n ', '’s '];
    const fillers = ['the', 'and', 'said', 'Syrian', 'army', 'x' + random(1000)];
    let found = 0;
    for (let trial = 0; trial < 1500; trial++) {
      let text = '';
      const length = 1 + random(14);
      for (let k = 0; k < length; k++) {
        let word = random(4) === 0 ? pick(fillers) : pick(words);
        if (random(5) === 0) word = word.toUpperCase();
        text += word + pick(separators);
      }
      fillers[5] = 'x' + random(100000);
      const lexicon = trial % 3 === 0 ? other : compiled;
      found += same(text, lexicon);
      found += same(text, lexicon, random(text.length), text.length);
    }
    expect(found).toBeGreaterThan(1000);
  });
});
