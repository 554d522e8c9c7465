import { describe, expect, it } from 'vitest';
import { countWords, tokenize } from '../lib/normalize';
import { sizedForVocabulary, spellingHash, tokenRange, tokensIn, tokenTable, Vocabulary } from '../lib/token-table';
import { randomBelow } from './helpers/random';

/** Characters that stress the word pattern: apostrophes, marks, non-Latin letters, astral letters, lone surrogates. */
const ALPHABET = [
  'a', 'B', 'z', '0', '9', ' ', ' ', '\n', '-', '.', ',', '"', '“', '”',
  "'", '’', '‘', 'ʼ', '`', '´', 'é', 'ü', 'ß', 'ı', '\u0301', 'ـ', 'د', 'ر', '中', '٣',
  '\u00a0', '\u2009', '😀', '𝐀', '\ud835', '\udc00', '\u200d', '_', '#',
];

function randomText(length: number, seed: number): string {
  const next = randomBelow(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[next(ALPHABET.length)];
  return out;
}

describe('tokenTable', () => {
  it('gives the tokens of tokenize for news text, with folded words interned', () => {
    const text = 'Syria’s army entered Dara’a al-Balad on Friday; “rebels” left. SANA said so.';
    const table = tokenTable(text);
    expect(tokensIn(table, 0, text.length)).toEqual(tokenize(text));
    expect(table.count).toBe(countWords(text));
    expect(table.vocabulary.words[table.ids[0] ?? -1]).toBe('syria');
  });

  it('agrees with tokenize on random text full of apostrophes, marks, surrogates and scripts', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(1 + (seed % 90), seed);
      expect(tokensIn(tokenTable(text), 0, text.length)).toEqual(tokenize(text));
    }
  });

  it('reads any span back as tokenize(text, start, end) would, even when the span cuts a word', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = randomText(60, seed * 7);
      const table = tokenTable(text);
      for (let from = 0; from <= text.length; from += 7) {
        for (let to = from; to <= text.length; to += 5) expect(tokensIn(table, from, to)).toEqual(tokenize(text, from, to));
      }
    }
  });

  it('reports a span whose edge cuts a word as having no clean token range', () => {
    const table = tokenTable('foreign-backed militants');
    expect(tokenRange(table, 0, 24)).toEqual([0, 3]);
    expect(tokenRange(table, 8, 24)).toEqual([1, 3]);
    expect(tokenRange(table, 2, 24)).toBeNull();
    expect(tokenRange(table, 0, 20)).toBeNull();
  });

  it('shares one vocabulary across texts, so one fold has one id', () => {
    const vocabulary = new Vocabulary();
    const a = tokenTable('Daraa rebels', vocabulary);
    const b = tokenTable('REBELS of DARAA', vocabulary);
    expect(b.ids[0]).toBe(a.ids[1]);
    expect(b.ids[2]).toBe(a.ids[0]);
    expect(vocabulary.size).toBe(3);
  });

  it('finds a spelling read in place by the scan as idOfRaw finds its string, and folds each spelling once', () => {
    // Random text spells words every way (surrogates, marks, apostrophes), over a vocabulary that grows
    // its spelling table several times: the scan's inline hash must be idOfRaw's, or a spelling seen by
    // one would be new to the other (a second slot, an id of a fold met again).
    const vocabulary = new Vocabulary();
    const seen = new Map<string, number>();
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(400, seed);
      const table = tokenTable(text, vocabulary);
      for (let k = 0; k < table.count; k++) {
        const spelling = text.slice(table.starts[k], table.ends[k]);
        const id = table.ids[k] as number;
        expect(vocabulary.words[id]).toBe(tokenize(spelling)[0]?.norm);
        const size = vocabulary.size;
        expect(vocabulary.idOfRaw(spelling)).toBe(id);
        expect(vocabulary.size).toBe(size);
        if (!seen.has(spelling)) seen.set(spelling, id);
        expect(seen.get(spelling)).toBe(id);
      }
    }
    expect(seen.size).toBeGreaterThan(5000);
    expect(vocabulary.spellings).toBe(seen.size);
    // Ids in order of first sight: a plain Map of folds over the same spellings gives the same ones.
    const plain = new Map<string, number>();
    for (const spelling of seen.keys()) {
      const norm = tokenize(spelling)[0]?.norm as string;
      if (!plain.has(norm)) plain.set(norm, plain.size);
      expect(seen.get(spelling)).toBe(plain.get(norm));
    }
  });

  it('tells apart two spellings of the same hash by their text', () => {
    // Two words whose hashes collide, found among random ones (a 32-bit hash collides within ~2^16 words).
    const next = randomBelow(11);
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    while (!pair) {
      let word = '';
      for (let k = 0; k < 7; k++) word += String.fromCharCode(97 + next(26));
      const hash = spellingHash(word, 0, word.length);
      const other = byHash.get(hash);
      if (other !== undefined && other !== word) pair = [other, word];
      else byHash.set(hash, word);
    }
    const table = tokenTable(`${pair[0]} ${pair[1]} ${pair[0]}`);
    expect(Array.from(table.ids)).toEqual([0, 1, 0]);
    expect(table.vocabulary.words).toEqual(pair);
  });
});

describe('sizedForVocabulary', () => {
  it('keeps a memo that has a slot per word, and otherwise grows it with its values kept and new slots zero', () => {
    const vocabulary = new Vocabulary();
    const made = sizedForVocabulary<Uint8Array>(undefined, vocabulary, (n) => new Uint8Array(n));
    expect(made.length).toBe(1024);
    made[3] = 7;
    expect(sizedForVocabulary(made, vocabulary, (n) => new Uint8Array(n))).toBe(made);
    for (let i = 0; i < 1500; i++) vocabulary.idOf(`w${i}`);
    const grown = sizedForVocabulary(made, vocabulary, (n) => new Uint8Array(n));
    expect(grown).not.toBe(made);
    expect(grown.length).toBe(3000);
    expect(grown[3]).toBe(7);
    expect(grown.slice(1024).every((v) => v === 0)).toBe(true);
  });
});
