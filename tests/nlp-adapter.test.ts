import { describe, expect, it } from 'vitest';
import nlp from 'compromise';
import { findNames } from '../lib/adapters/nlp';
import { SEED_IDS, seedText } from './helpers/seeds';

const LEAD =
  'Hussein Abazeed, a spokesman for militants in southern Syria, said a ceasefire would take hold in the ' +
  'southern city of Dara’a, the birth place of Syria’s militancy. Reuters and the United Nations reported the talks.';

describe('nlp adapter', () => {
  it('returns plain objects of our own shape, with exact quotes at their offsets', () => {
    const names = findNames(LEAD);
    expect(names.length).toBeGreaterThan(0);
    for (const m of names) {
      expect(Object.keys(m).sort()).toEqual(['country', 'end', 'kind', 'start', 'text']);
      expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
      expect(LEAD.slice(m.start, m.end)).toBe(m.text);
      expect(['person', 'place', 'organization']).toContain(m.kind);
    }
    expect(JSON.parse(JSON.stringify(names))).toEqual(names);
  });

  it('tells people from places and organisations', () => {
    const byText = new Map(findNames(LEAD).map((m) => [m.text, m.kind]));
    expect(byText.get('Hussein Abazeed')).toBe('person');
    expect(byText.get('Reuters')).toBe('organization');
    expect(byText.get('Dara’a')).toBe('place');
    expect(byText.get('United Nations')).toBe('organization');
  });

  it('marks countries, leaves out possessives and punctuation, and returns names in text order', () => {
    const names = findNames(LEAD);
    const syria = names.filter((m) => m.text === 'Syria');
    expect(syria.length).toBe(2);
    expect(syria.every((m) => m.country)).toBe(true);
    expect(names.some((m) => /[’',.]$/.test(m.text))).toBe(false);
    expect(names.map((m) => m.start)).toEqual([...names.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('reads Jordan as a country but Michael Jordan as a person', () => {
    expect(findNames('Both Jordan and Israel refused.').find((m) => m.text === 'Jordan')).toMatchObject({ kind: 'place', country: true });
    expect(findNames('Michael Jordan scored.')[0]).toMatchObject({ text: 'Michael Jordan', kind: 'person' });
  });

  it('shifts offsets by the base a caller passes for a slice of a longer text', () => {
    const text = `Intro paragraph.\n\n${LEAD}`;
    const base = text.indexOf('Hussein');
    const shifted = findNames(text.slice(base), base);
    expect(shifted.find((m) => m.kind === 'person')).toMatchObject({ text: 'Hussein Abazeed', start: base });
    for (const m of shifted) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('returns nothing for blank text', () => {
    expect(findNames('')).toEqual([]);
    expect(findNames('   \n ')).toEqual([]);
  });
});

describe('nlp adapter pipeline', () => {
  // compromise's own pipeline (14.x): the adapter runs it all but the last step, which groups terms
  // into chunks once every tag is set.
  const FULL = ['contractions', 'alias', 'machine', 'index', 'id', 'freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo', 'postTagger', 'chunks'];

  it('runs compromise without its chunking step and nothing else left out', () => {
    expect([...(nlp.world() as { hooks: string[] }).hooks, 'chunks']).toEqual(FULL);
  });

  it('finds the same names in the seeds sentence by sentence as the full pipeline', () => {
    const texts: string[] = [LEAD];
    for (const id of SEED_IDS) {
      // Sentence-sized windows, as the events stage hands over (the adapter is meant for short texts).
      for (const s of seedText(id).split(/(?<=[.!?”"])\s+/)) if (s.trim()) texts.push(s);
    }
    const world = nlp.world() as { hooks: string[] };
    const mine = texts.map((t) => findNames(t, 7));
    const without = world.hooks;
    world.hooks = FULL;
    let full: ReturnType<typeof findNames>[];
    try {
      full = texts.map((t) => findNames(t, 7));
    } finally {
      world.hooks = without;
    }
    expect(texts.length).toBeGreaterThan(100);
    expect(mine.flat().length).toBeGreaterThan(100);
    expect(mine).toEqual(full);
  });
});
