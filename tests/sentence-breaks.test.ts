import { describe, expect, it } from 'vitest';
import { handlesAll, hasClass, icuSentenceBoundaries, sentenceBoundaries, sentenceBoundariesIn, simpleSentenceBoundaries } from '../lib/sentence-breaks';
import { random, randomBelow } from './helpers/random';
import { splitParagraphs } from '../lib/segment';
import { SEED_IDS, seedText } from './helpers/seeds';

/** Deterministic strings over `alphabet`, `count` of them, 1 to `maxLength` characters long. */
function randomStrings(alphabet: readonly string[], count: number, maxLength: number, seed: number): string[] {
  const next = randomBelow(seed);
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(maxLength) }, () => alphabet[next(alphabet.length)]).join(''));
}

describe('sentenceBoundaries', () => {
  it('equals ICU on random strings of every character class the fast path handles', () => {
    // Two of each class at least: letters, digits, terminators, closing marks, continuing marks, spaces, line ends, symbols.
    const every = ['a', 'b', 'A', 'B', '1', '.', '!', '?', ' ', '\n', '\r', '\t', '"', "'", '(', ')', '[', ']', '{', '}', ',', '-', ':', ';', '$', '/', '\u00a0', '‘', '’', '“', '”', '«', '»', '–', '—', '…', '•'];
    // Weighted toward terminators and what follows them, where the rules are.
    const hot = ['a', 'A', '1', '.', '.', '!', '?', ' ', ' ', '\n', '"', '’', ')', ',', ';', '–', '$', '\u00a0'];
    for (const s of [...randomStrings(every, 20_000, 14, 7), ...randomStrings(hot, 20_000, 24, 11)]) {
      const fast = simpleSentenceBoundaries(s);
      expect(fast, JSON.stringify(s)).not.toBeNull();
      expect(fast, JSON.stringify(s)).toEqual(icuSentenceBoundaries(s));
    }
  });

  it('equals ICU on every paragraph of the seeds, and takes the fast path for most of them', () => {
    let fast = 0;
    let total = 0;
    for (const id of SEED_IDS) {
      const text = seedText(id);
      for (const p of splitParagraphs(text)) {
        const body = text.slice(p.start, p.end);
        total++;
        if (simpleSentenceBoundaries(body)) fast++;
        expect(sentenceBoundaries(body), `${id} at ${p.start}`).toEqual(icuSentenceBoundaries(body));
      }
    }
    expect(fast / total).toBeGreaterThan(0.8);
  });

  it('applies the rules a reader would check by hand', () => {
    const split = (s: string) => {
      const ends = simpleSentenceBoundaries(s)!;
      return ends.map((end, i) => s.slice(i === 0 ? 0 : ends[i - 1], end));
    };
    expect(split('It rose 3.5 points. Then it fell.')).toEqual(['It rose 3.5 points. ', 'Then it fell.']);
    expect(split('The U.S. army left. Talks began.')).toEqual(['The U.S. army left. ', 'Talks began.']);
    expect(split('He said "Stop." Nobody did!')).toEqual(['He said "Stop." ', 'Nobody did!']);
    expect(split('Really? yes, really')).toEqual(['Really? ', 'yes, really']);
    expect(split('Wait... (see below) it ends.\nNext')).toEqual(['Wait... (see below) it ends.\n', 'Next']);
  });

  it('leaves strings with other characters to ICU', () => {
    for (const s of ['Café ouvert.', 'Soft\u00adhyphen.', 'Line\u2028separator.', 'Arabic درعا.', 'Form\ffeed.']) {
      expect(simpleSentenceBoundaries(s)).toBeNull();
      expect(sentenceBoundaries(s)).toEqual(icuSentenceBoundaries(s));
    }
  });

  it('handlesAll agrees with the class table on every code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      expect(handlesAll(`ab${s}cd`, 2, 3), c.toString(16)).toBe(hasClass(c));
    }
  });

  it('sentenceBoundariesIn equals sentenceBoundaries of the slice, on the seeds and on random texts cut at random', () => {
    const spansOf = (text: string) => splitParagraphs(text).map((p): [number, number] => [p.start, p.end]);
    for (const id of SEED_IDS) {
      const text = seedText(id);
      for (const [from, to] of spansOf(text)) expect(sentenceBoundariesIn(text, from, to), `${id} at ${from}`).toEqual(sentenceBoundaries(text.slice(from, to)));
    }
    const alphabet = ['a', 'b', 'A', 'B', '1', '.', '.', '!', '?', ' ', ' ', '\n', '\r', '\t', '"', "'", '(', ')', ',', '-', ';', '$', '\u00a0', '‘', '’', '“', '”', '–', '…', 'é', '\u2028'];
    const next = random(17);
    const pick = (below: number) => Math.floor(next() * below);
    for (let t = 0; t < 2_000; t++) {
      // Mostly texts of handled characters, so the plain path is the one tested.
      const letters = pick(4) === 0 ? alphabet : alphabet.slice(0, -2);
      const text = Array.from({ length: 1 + pick(120) }, () => letters[pick(letters.length)]).join('');
      // Spans in order (as paragraphs come), then a few anywhere (the scans' memory must not mislead).
      const cuts = Array.from({ length: pick(8) }, () => pick(text.length + 1)).sort((x, y) => x - y);
      const spans: [number, number][] = [];
      let from = 0;
      for (const cut of [...cuts, text.length]) {
        spans.push([from, cut]);
        from = cut;
      }
      for (let k = 0; k < 3; k++) {
        const a = pick(text.length + 1);
        spans.push([a, a + pick(text.length + 1 - a)]);
      }
      for (const [a, b] of spans) expect(sentenceBoundariesIn(text, a, b), `${JSON.stringify(text)} ${a}-${b}`).toEqual(sentenceBoundaries(text.slice(a, b)));
    }
  });
});
