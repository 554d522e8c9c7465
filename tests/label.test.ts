import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelTerms } from '../lib/label';
import { compileLexicon, parseLexicon } from '../lib/lexicon';
import { splitParagraphs, splitSentences } from '../lib/segment';
import type { Sentence, TermHit } from '../lib/types';
import { tokenTable, Vocabulary } from '../lib/token-table';
import { ROOT, SEED_IDS, seedText, type SeedId } from './helpers/seeds';
import { randomBelow } from './helpers/random';

const parsed = parseLexicon(readFileSync(path.join(ROOT, 'lexicons/syria.yaml'), 'utf8'), 'lexicons/syria.yaml');
if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
const compiled = compileLexicon([parsed.lexicon]);

/** Sentences the way the analyze stage builds them. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  splitParagraphs(text).forEach((p, paragraph) => {
    for (const s of splitSentences(text, p)) out.push({ index: out.length, paragraph, start: s.start, end: s.end });
  });
  return out;
}

const seeds = SEED_IDS.map((id) => {
  const text = seedText(id);
  const sentences = sentencesOf(text);
  return { id, text, sentences, hits: labelTerms(text, sentences, compiled) };
});
const allHits = seeds.flatMap((s) => s.hits.map((h) => ({ ...h, seed: s.id })));

function hitsOf(id: SeedId): TermHit[] {
  return seeds.find((s) => s.id === id)?.hits ?? [];
}

/** The hits inside the first occurrence of `context` in a seed (a space in `context` matches any white space). */
function hitsWithin(id: SeedId, context: string): TermHit[] {
  const pattern = new RegExp(context.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const m = pattern.exec(seedText(id));
  if (!m) throw new Error(`context not found: ${context}`);
  return hitsOf(id).filter((h) => h.start >= m.index && h.end <= m.index + m[0].length);
}

// Every label the issue requires, with the referent it must be reported under.
const REQUIRED: Array<[string, string]> = [
  ['Takfiri militants', 'armed-opposition'],
  ['Takfiris', 'armed-opposition'],
  ['militants', 'armed-opposition'],
  ['terrorists', 'armed-opposition'],
  ['terror outfits', 'armed-opposition'],
  ['terrorist groups', 'armed-opposition'],
  ['rebels', 'armed-opposition'],
  ['anti-Assad rebels', 'armed-opposition'],
  ['the opposition', 'armed-opposition'],
  ['opposition factions', 'armed-opposition'],
  ['insurgents', 'armed-opposition'],
  ['regime', 'syrian-government'],
  ['government forces', 'syrian-government'],
  ["al-Assad's forces", 'syrian-government'],
  ['Syrian military', 'syrian-government'],
  ['Syrian army', 'syrian-government'],
  ['national army', 'syrian-government'],
  ['SAA', 'syrian-government'],
  ['pro-government forces', 'syrian-government'],
  ['foreign-backed', 'foreign-sponsors'],
  ['foreign-sponsored', 'foreign-sponsors'],
  ['Western-sponsored', 'foreign-sponsors'],
  ['Turkish-backed', 'foreign-sponsors'],
  ['Iran-backed', 'foreign-sponsors'],
  ['Daesh', 'isis'],
  ['Israeli regime', 'israel'],
  ['occupied Golan Heights', 'golan-heights'],
  ['Israeli-occupied Golan Heights', 'golan-heights'],
  ['so-called Syrian Observatory', 'monitors'],
  ['liberation operation', 'military-operations'],
  ['anti-terror offensive', 'military-operations'],
  ['reconciliation agreement', 'agreements'],
];

describe('labelTerms on the seed articles', () => {
  it.each(REQUIRED)('finds "%s" under the referent %s', (label, referent) => {
    const found = allHits.filter((h) => h.label === label);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((h) => h.referent))).toEqual(new Set([referent]));
  });

  it('reports every armed-opposition wording of the seeds under one referent id', () => {
    const labels = REQUIRED.slice(0, 11).map(([label]) => label);
    const referents = new Set(allHits.filter((h) => labels.includes(h.label)).map((h) => h.referent));
    expect(referents).toEqual(new Set(['armed-opposition']));
    expect(new Set(allHits.filter((h) => labels.includes(h.label)).map((h) => h.label))).toEqual(new Set(labels));
  });

  it('gives every hit the exact text at its offsets, inside its sentence', () => {
    for (const { text, sentences, hits } of seeds) {
      for (const h of hits) {
        expect(h.text).toBe(text.slice(h.start, h.end));
        const s = sentences[h.sentence];
        expect(s && s.start <= h.start && h.end <= s.end).toBe(true);
        if (h.phrase) expect(h.phrase.start <= h.start && h.end <= h.phrase.end).toBe(true);
      }
    }
  });

  it('sorts hits by start without overlaps', () => {
    for (const { hits } of seeds) {
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.end).toBeLessThanOrEqual(hits[i]!.start);
    }
  });

  it('copies the entry\'s lexicon, id, note and source onto each hit', () => {
    const [hit] = hitsWithin('001_d6d9fc5bcd022e88', 'Terror outfits');
    expect(hit?.entry).toMatchObject({ lexicon: 'syria', id: 'terror-outfits', source: { name: 'Reuters Handbook of Journalism' } });
    expect(hit?.entry.note.length).toBeGreaterThan(20);
    expect(hit).toMatchObject({ text: 'Terror outfits', label: 'terror outfits', connotation: -2, voice: 'narrator', quote: null });
  });

  it('gives hits a copy of their entry that stays as it was when the lexicon changes, one per compiled entry', () => {
    // A lexicon of its own, parsed again: the test changes its entry.
    const again = parseLexicon(readFileSync(path.join(ROOT, 'lexicons/syria.yaml'), 'utf8'), 'lexicons/syria.yaml');
    if ('errors' in again) throw new Error(again.errors.join('\n'));
    const lexicon = again.lexicon;
    const own = compileLexicon([lexicon]);
    const text = 'Rebels shelled the town. Later the rebels withdrew.';
    const sentences = sentencesOf(text);
    const [first, second] = labelTerms(text, sentences, own);
    const compiledEntry = own.entries.find((e) => e.id === first?.entry.id)!;
    expect(first?.entry).not.toBe(compiledEntry);
    // Shared by the hits of one entry, in this article and the next.
    expect(second?.entry).toBe(first?.entry);
    expect(labelTerms(text, sentences, own)[0]?.entry).toBe(first?.entry);
    const note = first!.entry.note;
    compiledEntry.note = 'changed';
    compiledEntry.source.name = 'changed';
    expect(first?.entry.note).toBe(note);
    expect(first?.entry.source.name).not.toBe('changed');
    // A lexicon compiled again gives its hits copies of their own.
    expect(labelTerms(text, sentences, compileLexicon([lexicon]))[0]?.entry).not.toBe(first?.entry);
  });

  it('stacks "Foreign-sponsored" onto "Takfiri militants" in seed 000', () => {
    const hits = hitsWithin('000_aa3b1d39a0c4470b', 'Foreign-sponsored Takfiri militants');
    expect(hits.map((h) => [h.text, h.label, h.referent])).toEqual([
      ['Foreign-sponsored', 'foreign-sponsored', 'foreign-sponsors'],
      ['Takfiri militants', 'Takfiri militants', 'armed-opposition'],
    ]);
    const text = seedText('000_aa3b1d39a0c4470b');
    for (const h of hits) expect(text.slice(h.phrase?.start, h.phrase?.end)).toBe('Foreign-sponsored Takfiri militants');
  });

  it('stacks "Turkish-backed" onto "Takfiri militants" across a no-break space in seed 001', () => {
    const hits = hitsWithin('001_d6d9fc5bcd022e88', 'Turkish-backed Takfiri militants');
    expect(hits.map((h) => h.label)).toEqual(['Turkish-backed', 'Takfiri militants']);
    expect(seedText('001_d6d9fc5bcd022e88').slice(hits[0]?.end, hits[1]?.start)).toBe('\u00a0');
    expect(hits[0]?.phrase).toEqual(hits[1]?.phrase);
    expect(hits[0]?.phrase).not.toBeNull();
  });

  it('reports "Takfiri terror group" as the modifier "Takfiri" on the head "terror group"', () => {
    for (const id of ['000_aa3b1d39a0c4470b', '002_5e2392d7e9ddb078'] as const) {
      const hits = hitsWithin(id, 'Takfiri terror group');
      expect(hits.map((h) => [h.label, h.phrase !== null])).toEqual([['Takfiri', true], ['terror group', true]]);
    }
  });

  it('folds the spellings of Daraa and Nassib in the seeds to one referent each', () => {
    const daraa = new Set(allHits.filter((h) => h.referent === 'daraa').map((h) => h.text.replace(/[’']s$/, '')));
    expect(daraa).toEqual(new Set(['Dara’a', "Dara'a", 'Daraa', 'Deraa']));
    const nassib = new Set(allHits.filter((h) => h.referent === 'nassib-crossing').map((h) => h.text));
    expect(nassib).toEqual(new Set(['Nassib', 'Nasib', 'Naseeb']));
  });

  it('does not count "deal a blow" as a deal', () => {
    for (const id of ['000_aa3b1d39a0c4470b', '001_d6d9fc5bcd022e88'] as const) {
      expect(hitsWithin(id, 'deal a blow')).toEqual([]);
    }
  });

  it('keeps "terrorists" in "Daesh terrorists" out of the armed-opposition counts', () => {
    const [hit] = hitsWithin('000_aa3b1d39a0c4470b', 'Daesh terrorists');
    expect(hit).toMatchObject({ label: 'Daesh terrorists', referent: 'isis' });
  });

  it('tells narrator wording from quoted wording', () => {
    const voices = (id: SeedId, context: string) => hitsWithin(id, context).map((h) => [h.text, h.voice, h.quote]);
    expect(voices('004_1a7acaa75544b218', 'the Syrian regime offer no safety')).toEqual([['regime', 'quoted', 'direct']]);
    expect(voices('000_aa3b1d39a0c4470b', '“Militants will hand over')).toEqual([['Militants', 'quoted', 'direct']]);
    expect(voices('000_aa3b1d39a0c4470b', 'Foreign-sponsored Takfiri militants say they have agreed')).toEqual([
      ['Foreign-sponsored', 'narrator', null],
      ['Takfiri militants', 'narrator', null],
    ]);
    expect(voices('000_aa3b1d39a0c4470b', 'The Syrian government says the Israeli regime')).toEqual([
      ['Syrian government', 'narrator', null],
      ['Israeli regime', 'quoted', 'reported'],
    ]);
  });

  it('counts a spread of narrator and quoted hits in every seed with speech', () => {
    for (const { id, hits } of seeds) {
      expect(hits.some((h) => h.voice === 'narrator'), id).toBe(true);
      expect(hits.some((h) => h.voice === 'quoted'), id).toBe(true);
    }
  });

  it('finds nothing with an empty lexicon', () => {
    const text = seedText('000_aa3b1d39a0c4470b');
    expect(labelTerms(text, sentencesOf(text), compileLexicon([]))).toEqual([]);
  });

  it('finds the same terms when it reads a shared token table (which skips sentences no term can start in)', () => {
    const vocabulary = new Vocabulary();
    const texts = [
      ...SEED_IDS.map(seedText),
      // Sentences without any term word, one with only the first word of a two-word term, two-word
      // terms split by a line break or a hyphen, and a word cut by the sentence edge.
      'Nothing here. Heavy rain fell. They said heavy\nbombardment followed. The so-called Syrian Observatory spoke.',
      'A truce held. The foreign-backed militants left. Dara’a was quiet.Rebels returned.',
    ];
    for (const text of texts) {
      const sentences = sentencesOf(text);
      const plain = labelTerms(text, sentences, compiled);
      expect(labelTerms(text, sentences, compiled, tokenTable(text, vocabulary))).toEqual(plain);
    }
    // The fixtures do hold terms, so the comparison is not between two empty lists.
    expect(labelTerms(texts.at(-1)!, sentencesOf(texts.at(-1)!), compiled).length).toBeGreaterThan(2);
  });

  it('finds the same terms and voices from a token table in random texts with quotes and speech verbs', () => {
    const words = ['militants', 'Takfiri', 'terrorists', 'regime', 'rebels', 'opposition', 'said', 'told', 'according', 'to',
      'Reuters', 'the', 'army', 'that', 'claimed', 'on', 'Monday', 'he', 'which', 'much'];
    const separators = [' ', ' ', ' ', ', ', '. ', '-', ' “', '” ', ' "', '" ', ' ‘', '’ ', '\n', '\n\n', ': '];
    const random = randomBelow(4242);
    const vocabulary = new Vocabulary();
    const voices = new Set<string>();
    for (let trial = 0; trial < 600; trial++) {
      let text = '';
      const length = 1 + random(30);
      for (let k = 0; k < length; k++) text += words[random(words.length)]! + separators[random(separators.length)]!;
      const sentences = sentencesOf(text);
      const plain = labelTerms(text, sentences, compiled);
      for (const h of plain) voices.add(`${h.voice}/${h.quote}`);
      expect(labelTerms(text, sentences, compiled, tokenTable(text, vocabulary))).toEqual(plain);
    }
    expect([...voices].sort()).toEqual(['narrator/null', 'quoted/direct', 'quoted/reported']);
  });

  it('still sorts the hits by start when the sentences come out of order', () => {
    const { text, sentences, hits } = seeds[0]!;
    const reversed = labelTerms(text, [...sentences].reverse(), compiled);
    expect(reversed.map((h) => [h.start, h.end, h.sentence])).toEqual(hits.map((h) => [h.start, h.end, h.sentence]));
    expect(hits.length).toBeGreaterThan(2);
  });

  it('numbers hits by sentence position when spans carry no index', () => {
    const text = 'Rebels left. The regime stayed.';
    const spans = sentencesOf(text).map(({ start, end }) => ({ start, end }));
    expect(labelTerms(text, spans, compiled).map((h) => [h.label, h.sentence])).toEqual([['rebels', 0], ['regime', 1]]);
  });
});
