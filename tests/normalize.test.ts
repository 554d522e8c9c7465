import { describe, expect, it } from 'vitest';
import { foldPhrase, foldWord, isPossessive, isSpace, tokenize } from '../lib/normalize';

describe('normalize', () => {
  it('folds curly and straight apostrophes, capitals and diacritics alike', () => {
    expect(foldWord('Dara’a')).toBe(foldWord("Dara'a"));
    expect(foldWord('Dara’a')).toBe('daraa');
    expect(foldWord('Nu‘aima')).toBe('nuaima');
    expect(foldWord('Été')).toBe('ete');
  });

  it('drops a possessive ’s but keeps the offsets over the whole written word', () => {
    const text = 'Syria’s foreign-backed militancy';
    const [syria] = tokenize(text);
    expect(syria).toEqual({ start: 0, end: 7, norm: 'syria' });
    expect(isPossessive(text, syria!)).toBe(true);
  });

  it('gives hyphenated and spaced compounds the same token sequence', () => {
    expect(foldPhrase('Foreign-sponsored')).toBe(foldPhrase('foreign sponsored'));
    expect(tokenize('al-Assad’s forces').map((t) => t.norm)).toEqual(['al', 'assad', 'forces']);
  });

  it('keeps every token slice equal to the original text, even with astral and combining characters', () => {
    const text = 'Ab\u0301c 𝒳yz — “Daraa” 320,000';
    for (const t of tokenize(text)) expect(t.end).toBeGreaterThan(t.start);
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['Ab\u0301c', '𝒳yz', 'Daraa', '320', '000']);
  });
});

describe('isSpace', () => {
  it('answers as /\\s/u does, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpace(c), c.toString(16)).toBe(/\s/u.test(String.fromCharCode(c)));
  });
});
