import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectBoilerplate, runBoilerplateStage, type ArticleBoilerplate, type BoilerplateDoc } from '../lib/boilerplate/index';
import { findNearDuplicates, type NearDuplicateDoc } from '../lib/boilerplate/near-duplicates';
import { splitParagraphs } from '../lib/segment';
import type { BoilerplateInfo } from '../lib/types';
import { randomBelow } from './helpers/random';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

function loadSeeds(): BoilerplateDoc[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(CORPUS + file, 'utf8');
      const meta = JSON.parse(readFileSync(CORPUS + file.replace(/\.txt$/, '.meta.json'), 'utf8')) as { outlet: string };
      return { id: file.replace(/\.txt$/, ''), outlet: meta.outlet, text, paragraphs: splitParagraphs(text) };
    });
}

const docs = loadSeeds();
const result = runBoilerplateStage(docs);

interface Located {
  doc: BoilerplateDoc;
  index: number;
  info: BoilerplateInfo | null;
}

function locate(prefix: string, start: string): Located {
  const d = docs.findIndex((x) => x.id.startsWith(prefix));
  const doc = docs[d];
  if (!doc) throw new Error(`no seed ${prefix}`);
  const index = doc.paragraphs.findIndex((s) => doc.text.slice(s.start, s.end).startsWith(start));
  if (index < 0) throw new Error(`no paragraph "${start}" in ${prefix}`);
  return { doc, index, info: result[d]?.paragraphs[index]?.boilerplate ?? null };
}

const STOCK_PAIRS: [string, string][] = [
  ['The recapture of Dara’a is highly important', "The establishment of full government control over Dara'a"],
  ["The territory's return to the Syrian government control", "The territory's return to Syrian government control"],
  ['Syria has been gripped by foreign-backed militancy', 'Syria has been gripped by foreign-sponsored militancy'],
];

function pairOf([a, b]: [string, string]): [Located, Located] {
  return [locate('000', a), locate('001', b)];
}

describe('findNearDuplicates on the sample articles', () => {
  it.each(STOCK_PAIRS)('matches the Press TV stock pair "%s" both ways', (...pair) => {
    const [x, y] = pairOf(pair);
    expect(x.info?.matches).toEqual([expect.objectContaining({ article: y.doc.id, paragraph: y.index })]);
    expect(y.info?.matches).toEqual([expect.objectContaining({ article: x.doc.id, paragraph: x.index })]);
    expect(x.info?.kind).toBe('stock');
    expect(x.info?.family).toBe(y.info?.family);
    expect(x.info?.family).toBe(`${x.doc.id}#${x.index}`);
    expect(x.info?.matches[0]?.similarity).toBeGreaterThan(0.6);
  });

  it('names "foreign-backed" / "foreign-sponsored" as a swap, from each side', () => {
    const [x, y] = pairOf(STOCK_PAIRS[2] as [string, string]);
    expect(x.info?.matches[0]?.differences).toContainEqual(expect.objectContaining({ this: 'foreign-backed', other: 'foreign-sponsored' }));
    expect(y.info?.matches[0]?.differences).toContainEqual(expect.objectContaining({ this: 'foreign-sponsored', other: 'foreign-backed' }));
    expect(x.info?.matches[0]?.differences).toContainEqual(expect.objectContaining({ this: 'The Syrian government', other: 'Damascus' }));
  });

  it('names "wounded militants" against "wounded terrorists" and "would" against "could"', () => {
    const [x] = pairOf(STOCK_PAIRS[0] as [string, string]);
    const diffs = x.info?.matches[0]?.differences ?? [];
    expect(diffs.some((d) => d.this.startsWith('militants') && d.other.startsWith('terrorists'))).toBe(true);
    const [z, w] = pairOf(STOCK_PAIRS[1] as [string, string]);
    expect(z.info?.matches[0]?.differences).toContainEqual(expect.objectContaining({ this: 'would', other: 'could' }));
    expect(w.info?.matches[0]?.differences).toContainEqual(expect.objectContaining({ this: 'could', other: 'would' }));
  });

  it('gives every difference offsets into its own article, with insertion points empty', () => {
    for (const [d, article] of result.entries()) {
      const text = docs[d]?.text ?? '';
      for (const p of article.paragraphs) {
        for (const m of p.boilerplate?.matches ?? []) {
          for (const diff of m.differences) {
            expect(text.slice(diff.start, diff.end)).toBe(diff.this);
            expect(diff.this === '' ? diff.start === diff.end : diff.end > diff.start).toBe(true);
          }
        }
      }
    }
  });

  it('groups the chrome repeated between the two Press TV articles into chrome families', () => {
    for (const start of ['News', 'Press TV’s website', 'www.presstv.co.uk', 'SHARE THIS ARTICLE']) {
      const x = locate('000', start);
      const y = locate('001', start);
      expect(x.info).toMatchObject({ kind: 'chrome', family: `${x.doc.id}#${x.index}` });
      expect(y.info?.family).toBe(x.info?.family);
      expect(x.info?.matches).toEqual([{ article: y.doc.id, paragraph: y.index, similarity: 1, differences: [] }]);
    }
  });

  it('groups the three headlines of seed 003 into one chrome family, each listing the other two', () => {
    const infos = [0, 1, 2].map((i) => result[3]?.paragraphs[i]?.boilerplate);
    expect(new Set(infos.map((i) => i?.family))).toEqual(new Set([`${docs[3]?.id}#0`]));
    expect(infos.map((i) => i?.kind)).toEqual(['chrome', 'chrome', 'chrome']);
    expect(infos.map((i) => i?.matches.map((m) => m.paragraph))).toEqual([[1, 2], [0, 2], [0, 1]]);
  });

  it('forms no family between unrelated news paragraphs', () => {
    const families = new Map<string, string[]>();
    for (const [d, article] of result.entries()) {
      for (const [i, p] of article.paragraphs.entries()) {
        if (!p.boilerplate) continue;
        const members = families.get(p.boilerplate.family) ?? [];
        members.push(`${docs[d]?.id.slice(0, 3)}:${i}:${p.role}`);
        families.set(p.boilerplate.family, members);
      }
    }
    const bodyFamilies = [...families.values()].filter((members) => members.some((m) => m.endsWith(':body')));
    const stock = STOCK_PAIRS.map((pair) => pairOf(pair).map((l) => `${l.doc.id.slice(0, 3)}:${l.index}:body`));
    expect(bodyFamilies).toEqual(stock);
    // Besides those: four chrome pairs, the repeated headline, and two AFP captions of one photo series.
    expect(families.size).toBe(3 + 4 + 1 + 1);
    const captions = [...families.values()].filter((m) => m.every((x) => x.endsWith(':caption')));
    expect(captions).toEqual([['000:2:caption', '000:9:caption']]);
  });

  it('gives the same families whatever order the articles come in', () => {
    const reversed = runBoilerplateStage([...docs].reverse()).reverse();
    const families = (r: ArticleBoilerplate[]) => r.map((a) => a.paragraphs.map((p) => p.boilerplate?.family ?? null));
    expect(families(reversed)).toEqual(families(result));
  });
});

describe('detectBoilerplate', () => {
  it('returns per article and per paragraph the same families as the full stage', () => {
    const families = detectBoilerplate(docs);
    expect(families).toEqual(result.map((a) => a.paragraphs.map((p) => p.boilerplate)));
  });

  it('takes roles from the caller when given, for the chrome kind', () => {
    const asBody = detectBoilerplate(docs.map((d) => ({ ...d, roles: d.paragraphs.map(() => 'body' as const) })));
    expect(asBody[0]?.[0]?.kind).toBe('stock');
  });
});

describe('findNearDuplicates on small fixtures', () => {
  const para = 'Syria has been gripped by foreign-backed militancy since March 2011 and the war has killed many people.';
  const doc = (id: string, outlet: string | null, text: string): NearDuplicateDoc => ({
    id,
    outlet,
    text,
    paragraphs: splitParagraphs(text),
  });

  it('calls a family copied when it spans outlets, stock within one outlet', () => {
    const copied = findNearDuplicates([doc('a', 'Outlet A', para), doc('b', 'Outlet B', para)]);
    expect(copied[0]?.[0]?.kind).toBe('copied');
    const stock = findNearDuplicates([doc('a', 'Outlet A', para), doc('b', 'outlet a', para)]);
    expect(stock[0]?.[0]?.kind).toBe('stock');
  });

  it('treats articles of unknown outlet as different outlets', () => {
    const out = findNearDuplicates([doc('a', null, para), doc('b', null, para)]);
    expect(out[0]?.[0]?.kind).toBe('copied');
  });

  it('lists at most maxMatches twins but keeps every copy in the family', () => {
    const docs6 = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => doc(id, 'Outlet A', para));
    const out = findNearDuplicates(docs6, { maxMatches: 2 });
    expect(out.map((d) => d[0]?.family)).toEqual(Array(6).fill('a#0'));
    expect(out.every((d) => (d[0]?.matches.length ?? 0) >= 1 && (d[0]?.matches.length ?? 0) <= 2)).toBe(true);
  });

  it('leaves paragraphs without words and unrelated paragraphs alone', () => {
    const out = findNearDuplicates([
      doc('a', 'X', '***\n\nThe army entered the crossing on Friday after a two-week battle.'),
      doc('b', 'Y', '***\n\nJordan kept its border closed to the displaced families.'),
    ]);
    expect(out).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('quotes each spelling of a one-word difference from its own text (one-word quotes are shared)', () => {
    // One folded word spelt three ways (two of them of one length), each against "Moscow" in a fifth
    // article: one run quotes the same word id from every side.
    const spellings = ['ASSAD', 'Assad', 'assad', 'Assad'];
    const docs5 = [...spellings, 'Moscow'].map((word, k) => doc(`d${k}`, `Outlet ${k}`, para.replace('militancy', word)));
    const out = findNearDuplicates(docs5, { maxMatches: 5 });
    const pairs = (k: number, twin: number) =>
      out[k]?.[0]?.matches.find((m) => m.article === `d${twin}`)?.differences.map((x) => [x.this, x.other]);
    for (const [k, word] of spellings.entries()) {
      expect(pairs(k, 4)).toEqual([[word, 'Moscow']]);
      expect(pairs(4, k)).toEqual([['Moscow', word]]);
      // Folded, the four spellings are the same words: no differences between them.
      for (let twin = 0; twin < 4; twin++) if (twin !== k) expect(pairs(k, twin)).toEqual([]);
    }
  });

  it('finds a paragraph copied with sentences added, by containment', () => {
    const extra =
      'Damascus blames its Western and regional foes for the violence and says they arm the groups. ' +
      'Officials repeated the charge on Monday, citing weapons seized in the south near the border.';
    const added = `${para} ${extra}`;
    const out = findNearDuplicates([doc('a', 'X', para), doc('b', 'Y', added)]);
    const match = out[0]?.[0]?.matches[0];
    expect(match).toMatchObject({ article: 'b', paragraph: 0 });
    expect(match?.similarity).toBeLessThan(0.6);
    expect(out[1]?.[0]?.matches[0]?.differences).toEqual([
      { this: extra.slice(0, -1), other: '', start: para.length + 1, end: added.length - 1 },
    ]);
  });
});

describe('findNearDuplicates with and without the SIMD kernels', () => {
  it('finds the same families, twins and differences on reworded copies of the seed paragraphs', () => {
    // 80 articles of 20 seed paragraphs each, a word in ten dropped or swapped for another seed word,
    // and a stock line in every article: near-twins everywhere and one crowded bucket, as in the
    // synthetic bench corpus.
    const next = randomBelow(41);
    const seeds = docs.flatMap((d) => d.paragraphs.map((span) => d.text.slice(span.start, span.end)));
    const vocabulary = seeds.flatMap((p) => p.split(/\s+/u)).filter(Boolean);
    const articles: NearDuplicateDoc[] = Array.from({ length: 80 }, (_, a) => {
      const paragraphs = Array.from({ length: 20 }, (_, k) => {
        if (k === 19) return 'Related news';
        const words = (seeds[next(seeds.length)] ?? '').split(/ +/u).filter((w) => next(20) !== 0);
        return words.map((w) => (next(20) === 0 ? (vocabulary[next(vocabulary.length)] ?? w) : w)).join(' ') || 'Empty';
      });
      const text = paragraphs.join('\n\n');
      return { id: `a${a}`, outlet: `Outlet ${next(4)}`, text, paragraphs: splitParagraphs(text) };
    });
    for (const options of [{}, { hashes: 13, rowsPerBand: 1, bucketWindow: 2 }, { hashes: 33, bucketWindow: 40, minEstimatedJaccard: 0.5 }]) {
      const fast = findNearDuplicates(articles, options);
      const plain = findNearDuplicates(articles, { ...options, simd: false });
      expect(fast).toEqual(plain);
      expect(fast.flat().filter(Boolean).length).toBeGreaterThan(500);
    }
  });
});
