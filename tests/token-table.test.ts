import { describe, expect, it } from 'vitest';
import { countWords, tokenize } from '../lib/normalize';
import { sizedForVocabulary, tokenRange, tokensIn, tokenTable, Vocabulary } from '../lib/token-table';
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
