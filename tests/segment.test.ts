import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, endsWithAbbreviation, splitParagraphs, splitSentences, trimSpan } from '../lib/segment';
import { SEED_IDS } from './helpers/seeds';
import { random } from './helpers/random';
import { seedText } from './helpers/seeds';

describe('segment', () => {
  it('splits on blank lines when a text has them', () => {
    const text = seedText('000_aa3b1d39a0c4470b');
    const paragraphs = splitParagraphs(text);
    expect(text.slice(paragraphs[0]!.start, paragraphs[0]!.end)).toBe('News \u00a0 / \u00a0 Syria');
    expect(text.slice(paragraphs[1]!.start, paragraphs[1]!.end)).toBe(
      'Takfiri militants agree to renounce violence as deal with Russia on south Syria looms',
    );
    // The share block is one paragraph of two lines, as the page had it.
    expect(text.slice(paragraphs.at(-1)!.start, paragraphs.at(-1)!.end)).toBe('SHARE THIS ARTICLE\nPress TV News Roku');
  });

  it('splits on single line breaks in a text with no blank lines (seed 002)', () => {
    const text = seedText('002_5e2392d7e9ddb078');
    const paragraphs = splitParagraphs(text);
    expect(paragraphs).toHaveLength(13);
    expect(text.slice(paragraphs[12]!.start, paragraphs[12]!.end)).toBe('Source: Press TV');
  });

  it('never returns a paragraph with surrounding white space', () => {
    const text = '\n\n  First para.  \n\n\n\t Second para. \n';
    const spans = splitParagraphs(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First para.', 'Second para.']);
  });

  it('keeps an honorific abbreviation inside its sentence', () => {
    const text = 'Mr. Assad spoke. Dr. Smith replied on Friday.';
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Mr. Assad spoke.', 'Dr. Smith replied on Friday.']);
  });

  it('ends a sentence at a line break inside a paragraph', () => {
    const text = 'SHARE THIS ARTICLE\nPress TV News Roku';
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['SHARE THIS ARTICLE', 'Press TV News Roku']);
  });

  it('splits the seed sentences with closing quotes where a reader would', () => {
    const text = seedText('004_1a7acaa75544b218');
    const para = splitParagraphs(text).find((p) => text.slice(p.start, p.end).startsWith('In addition to ending'))!;
    const sentences = splitSentences(text, para).map((s) => text.slice(s.start, s.end));
    expect(sentences).toHaveLength(3);
    expect(sentences[1]).toBe('"The war and more fighting won\'t stop the struggles of the Syrian people".');
  });

  it('endsWithAbbreviation reads the tail as the regular expression on its slice does', () => {
    const reference = (text: string, start: number, end: number) => {
      const m = /([A-Za-z.]+)\.$/.exec(text.slice(Math.max(start, end - 8), end));
      if (!m || !m[1]) return false;
      const word = m[1].toLowerCase().replace(/^\.+/, '');
      return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
    };
    const pieces = ['Mr', 'mr', 'DR', 'Prof', 'Sept', 'U.S', 'u.s', 'e.g', 'No', 'St', 'J', 'x', '.', '.', '.', ' ', 'said', 'Smith', '..', '3', '-'];
    const next = random(29);
    const pick = (below: number) => Math.floor(next() * below);
    for (let t = 0; t < 20_000; t++) {
      const text = Array.from({ length: 1 + pick(6) }, () => pieces[pick(pieces.length)]).join('');
      const end = pick(text.length + 1);
      const start = pick(end + 1);
      expect(endsWithAbbreviation(text, start, end), `${JSON.stringify(text)} ${start}-${end}`).toBe(reference(text, start, end));
    }
  });

  it('splitParagraphs cuts where the separator patterns match, on the seeds and on random texts', () => {
    const reference = (text: string) => {
      const separator = /\r?\n[ \t\u00a0]*\r?\n/.test(text) ? /\r?\n(?:[ \t\u00a0]*\r?\n)+/g : /\r?\n/g;
      const spans: { start: number; end: number }[] = [];
      let cursor = 0;
      for (const m of text.matchAll(separator)) {
        const trimmed = trimSpan(text, cursor, m.index);
        if (trimmed.end > trimmed.start) spans.push(trimmed);
        cursor = m.index + m[0].length;
      }
      const trimmed = trimSpan(text, cursor, text.length);
      if (trimmed.end > trimmed.start) spans.push(trimmed);
      return spans;
    };
    for (const id of SEED_IDS) expect(splitParagraphs(seedText(id)), id).toEqual(reference(seedText(id)));
    const alphabet = ['a', 'b', ' ', '\t', '\u00a0', '\r', '\n', '\n', '\r\n', '\v', '.'];
    const next = random(31);
    for (let t = 0; t < 20_000; t++) {
      const text = Array.from({ length: Math.floor(next() * 16) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(splitParagraphs(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
