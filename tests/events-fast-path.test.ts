/**
 * The events stage's fast paths, held equal to the plain computations they stand for: char-code
 * tests against the regular expressions they replace, and features read from a token table against
 * features read from Token objects.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticles } from '../lib/analyze';
import { loadArticles } from '../lib/corpus';
import { eventFeatures, nameKeyOf } from '../lib/events';
import { computeIsoDay, gapDays, type DayRange } from '../lib/events/dates';
import { datedNeighbours, kthLargest, nameScores, type ExplainContext } from '../lib/events/explain';
import { articleFeatures, firstAtOf, formsOf, wordCountAt, type ArticleFeatures, type NameCount, type WordCount } from '../lib/events/features';
import { contentKey } from '../lib/events/words';
import {
  afterLastTitle,
  capitalisedMidSentence,
  capitalisedMidSentenceIn,
  endsPossessive,
  endsWithOf,
  forgetKnown,
  joinedBetween,
  knownWords,
  namesIn,
  opensClauseAt,
  sentenceRanges,
  tokenizeSentences,
} from '../lib/events/names';
import { tokenize } from '../lib/normalize';
import { candidatePairs, strongest } from '../lib/events/pairs';
import { tf, vectorize, weightOf, type FeatureSpace } from '../lib/events/vectors';
import { DEFAULT_EVENT_OPTIONS } from '../lib/events';
import { tokenTable, Vocabulary } from '../lib/token-table';
import type { ArticleAnalysis } from '../lib/types';
import { CORPUS_DIR } from './helpers/seeds';
import { invented } from './helpers/invented';
import { randomBelow } from './helpers/random';

let seeds: ArticleAnalysis[] = [];

beforeAll(async () => {
  const { articles } = await loadArticles([CORPUS_DIR]);
  seeds = analyzeArticles(articles, []).articles;
});

// Edge fixtures: dashes and quotation marks before capitals, connectors, titles, possessives,
// non-breaking and other Unicode spaces, and a sentence edge inside a word.
const FIXTURES = [
  'TEHRAN -Militants left. Syrian-Jordanian talks. A -- B met C —D and E – F. “Daraa is free,” he said.',
  'He said: Assad won. (Reuters) Ludwig van Beethoven and Dara’a al-Balad met Abu Bakr al Baghdadi.',
  'Chief of Staff Rahm Emanuel spoke to Secretary of State Hillary Clinton and Senate Majority Leader Harry Reid.',
  'The NAACP’s Washington bureau\u00a0-\u00a0Golan Heights\u2010Nassib\u2011Crossing.\u2003\u2014Hezbollah\u3000“Iran',
  'x\u2028Moscow \ufeffKiev \u205fParis\u202fRome\u1680Oslo\u2009Bern ‘Tokyo "Seoul :Lima -\tQuito --\u00a0Lagos',
  'Édouard Ölander met Łukasz in Zürich; ÅSA and ØRSTED said ß is lower-case. 2018 Report: Al-Qaeda',
];

function texts(): string[] {
  return [...seeds.map((a) => a.text), ...FIXTURES];
}

describe('events fast paths', () => {
  it('opensClauseAt answers as the regular expressions on the four characters before every position', () => {
    const plain = (text: string, at: number) => {
      const before = text.slice(Math.max(0, at - 4), at);
      return /[“"‘(:]\s*$/u.test(before) || /(?:\s[-–—]{1,2}|[–—])\s*$/u.test(before);
    };
    let opened = 0;
    for (const text of texts()) {
      for (let at = 0; at <= text.length; at++) {
        const want = plain(text, at);
        if (opensClauseAt(text, at) !== want) expect([text.slice(Math.max(0, at - 4), at), opensClauseAt(text, at)]).toEqual([text.slice(Math.max(0, at - 4), at), want]);
        if (want) opened++;
      }
    }
    expect(opened).toBeGreaterThan(20);
  });

  it('joinedBetween answers as the regular expression between every pair of nearby tokens', () => {
    const JOINED = /^[ \t\u00a0\-‐‑]*$/u;
    let joined = 0;
    for (const text of texts()) {
      const tokens = tokenize(text);
      for (let i = 0; i < tokens.length; i++) {
        for (let j = i + 1; j < Math.min(tokens.length, i + 3); j++) {
          const from = tokens[i]!.end;
          const to = tokens[j]!.start;
          const want = JOINED.test(text.slice(from, to));
          expect(joinedBetween(text, from, to)).toBe(want);
          if (want) joined++;
        }
      }
    }
    expect(joined).toBeGreaterThan(100);
  });

  it('endsPossessive answers as the regular expression on every token and on every short slice', () => {
    const POSSESSIVE = /['’‘ʼ]s$/u;
    let possessive = 0;
    for (const text of [...texts(), "it's ’S ‘s ʼs 's s ’ss x’s"]) {
      for (const t of tokenize(text)) {
        const want = POSSESSIVE.test(text.slice(t.start, t.end));
        expect(endsPossessive(text, t.start, t.end)).toBe(want);
        if (want) possessive++;
      }
      for (let at = 0; at + 4 <= text.length; at += 3) {
        for (let length = 0; length <= 4; length++) expect(endsPossessive(text, at, at + length)).toBe(POSSESSIVE.test(text.slice(at, at + length)));
      }
    }
    expect(possessive).toBeGreaterThan(5);
  });

  it('endsWithOf holds wherever the "<title> of" pattern finds a match in the window before a name', () => {
    const TITLE_OF = /\b(\p{L}+)\s+of\s+$/u;
    let matched = 0;
    for (const text of [...texts(), 'Secretary of  State; Chief of\u00a0Staff, Head of\nX, of Y,of Z, Xof W, proof of\tV']) {
      for (let at = 0; at <= text.length; at++) {
        if (!TITLE_OF.test(text.slice(Math.max(0, at - 24), at))) continue;
        matched++;
        expect([text.slice(Math.max(0, at - 24), at), endsWithOf(text, at)]).toEqual([text.slice(Math.max(0, at - 24), at), true]);
      }
    }
    expect(matched).toBeGreaterThan(5);
  });

  it('marks the words capitalised mid-sentence that the Token path finds, and clears the marks', () => {
    const fixtures = FIXTURES.map((text, i) => invented(`f${i}`, null, text, '2018-07-06'));
    const vocabulary = new Vocabulary();
    let found = 0;
    for (const a of [...seeds, ...fixtures]) {
      const table = tokenTable(a.text, vocabulary);
      const ranges = sentenceRanges(a.text, a.sentences, table)!;
      const known = capitalisedMidSentenceIn(table, ranges);
      const want = capitalisedMidSentence(a.text, tokenizeSentences(a.text, a.sentences));
      expect(knownWords(known, vocabulary)).toEqual(want);
      expect(known.ids.length).toBe(want.size);
      found += want.size;
      const marks = known.marks;
      forgetKnown(known);
      expect(marks.every((m) => m === 0)).toBe(true);
    }
    expect(found).toBeGreaterThan(50);
  });

  it('reads the same features from a token table as from Token objects', () => {
    const fixtures = FIXTURES.map((text, i) => invented(`f${i}`, null, text, '2018-07-06', i % 2 ? `Title ${i}: Daraa Talks` : `f${i}`));
    const articles = [...seeds, ...fixtures];
    const vocabulary = new Vocabulary();
    const tables = articles.map((a) => tokenTable(a.text, vocabulary));
    // The table path is the one taken (no sentence edge cuts a word here).
    articles.forEach((a, i) => expect(sentenceRanges(a.text, a.sentences, tables[i])).not.toBeNull());
    const fast = articles.map((a, i) => articleFeatures(a, tables[i]));
    const plain = eventFeatures(articles);
    expect(fast).toEqual(plain);
    // Insertion order too (vectorize numbers features by first sight).
    expect(fast.map((f) => [...f.words.keys, ...f.names.keys, ...f.phrases.keys()])).toEqual(plain.map((f) => [...f.words.keys, ...f.names.keys, ...f.phrases.keys()]));
    expect(fast.reduce((n, f) => n + f.phrases.size, 0)).toBeGreaterThan(50);
  });
});

describe('article words', () => {
  // The Map of WordCount per word that the features kept before their flat arrays, counted occurrence
  // by occurrence from Token objects: title first (unless made from the first sentence), then the body.
  const plainWords = (a: ArticleAnalysis): Map<string, WordCount> => {
    const words = new Map<string, WordCount>();
    const count = (norm: string) => {
      const key = contentKey(norm);
      if (key === null) return;
      const w = words.get(key);
      if (!w) words.set(key, { count: 1, surface: norm, forms: null });
      else {
        w.count++;
        if (w.forms || norm !== w.surface) {
          w.forms ??= new Map([[w.surface, w.count - 1]]);
          w.forms.set(norm, (w.forms.get(norm) ?? 0) + 1);
        }
      }
    };
    const body = new Set(a.paragraphs.filter((p) => p.role === 'body' && p.boilerplate === null).map((p) => p.index));
    const sentences = tokenizeSentences(a.text, a.sentences.filter((s) => body.has(s.paragraph)));
    const known = capitalisedMidSentence(a.text, sentences);
    if (a.titleFrom !== 'first-sentence') {
      for (const t of namesIn(a.title, tokenizeSentences(a.title, [{ start: 0, end: a.title.length }])[0]!, known, true).words) count(t.norm);
    }
    for (const s of sentences) for (const t of namesIn(a.text, s, known).words) count(t.norm);
    return words;
  };

  it('keeps the keys, counts and forms a Map of WordCount per word would, in the same order', () => {
    const fixtures = FIXTURES.map((text, i) => invented(`f${i}`, null, `${text} Forces forced the force; FORCES forced.`, '2018-07-06', `Force ${i}: forcing`));
    const articles = [...seeds, ...fixtures];
    const vocabulary = new Vocabulary();
    let several = 0;
    for (const a of articles) {
      const want = plainWords(a);
      for (const f of [articleFeatures(a, tokenTable(a.text, vocabulary)), articleFeatures(a)]) {
        expect(f.words.keys).toEqual([...want.keys()]);
        f.words.keys.forEach((key, slot) => {
          const got = wordCountAt(f.words, slot);
          const w = want.get(key)!;
          expect([got.count, got.surface, got.forms && [...got.forms]], key).toEqual([w.count, w.surface, w.forms && [...w.forms]]);
          if (got.forms) several++;
        });
      }
    }
    expect(several).toBeGreaterThan(50);
  });
});

describe('datedNeighbours', () => {
  it('gives what comparing the article with every other dated article gives', () => {
    // Deterministic pseudo-random ranges: days, months and years, with repeats and overlaps.
    let seed = 12345;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + next(12);
      const whens: (DayRange | null)[] = Array.from({ length: n }, () => {
        if (next(5) === 0) return null;
        const from = 17_000 + next(120);
        return { from, to: from + [0, 0, 0, 29, 364][next(5)]! };
      });
      const features = whens.map((when) => ({ when }) as ArticleFeatures);
      const ctx = { articles: [], features, space: null, nearest: () => -1, maxGapDays: 30 } as unknown as ExplainContext;
      whens.forEach((when, i) => {
        if (!when) return;
        const others = whens.filter((w, j): w is DayRange => j !== i && w !== null);
        const gaps = others.map((w) => gapDays(when, w));
        expect(datedNeighbours(when, ctx)).toEqual({
          dated: others.length,
          nearest: gaps.length ? Math.min(...gaps) : 0,
          after: others.every((w) => w.to < when.from),
          before: others.every((w) => w.from > when.to),
        });
      });
    }
  });
});

describe('computeIsoDay', () => {
  it('writes every day as the Date ISO string does', () => {
    const plain = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    // Every day of 1900-2100, a stride over the rest, the edges of the arithmetic's range and beyond, and part days.
    const days: number[] = [];
    for (let day = -25_567; day <= 47_482; day++) days.push(day);
    for (let day = -400_000; day <= 2_950_000; day += 997) days.push(day);
    days.push(-354_286, -354_285, -354_284, 2_932_895, 2_932_896, 2_932_897, 0.5, -0.5, 17_718.25, -1e6);
    for (const day of days) if (computeIsoDay(day) !== plain(day)) expect([day, computeIsoDay(day)]).toEqual([day, plain(day)]);
    expect(computeIsoDay(17_718)).toBe('2018-07-06');
  });
});

describe('tf', () => {
  it('gives 1 + ln(count) to the last bit, from the table or not', () => {
    for (let c = 0; c <= 300; c++) expect(tf(c)).toBe(1 + Math.log(c));
    for (const c of [0.5, 1.5, 63.5, 64, 1e6, -1, NaN]) expect(tf(c)).toBe(1 + Math.log(c));
  });
});

describe('weightOf', () => {
  it('reads each feature weight of the seeds vectors as a key → weight map of the vector does', () => {
    const space = vectorize(eventFeatures(seeds), DEFAULT_EVENT_OPTIONS.weights);
    for (const v of space.vectors) {
      const byKey = new Map(Array.from(v.ids, (id, i) => [space.keys[id]!, v.weights[i]!]));
      for (let id = 0; id < space.keys.length; id++) expect(weightOf(v, id)).toBe(byKey.get(space.keys[id]!) ?? 0);
      expect(weightOf(v, undefined)).toBe(0);
    }
    for (const [k, id] of space.wordIds) expect(space.index.get(`w:${k}`)).toBe(id);
    for (const [k, id] of space.nameIds) expect(space.index.get(`n:${k}`)).toBe(id);
  });

  it('lists each article\'s word features in the order of its words map, with their raw keys', () => {
    const features = eventFeatures(seeds);
    const space = vectorize(features, DEFAULT_EVENT_OPTIONS.weights);
    features.forEach((f, i) => {
      expect(Array.from(space.wordRows[i]!, (id) => space.rawKeys[id])).toEqual([...f.words.keys]);
      expect(Array.from(space.wordRows[i]!, (id) => space.keys[id])).toEqual([...f.words.keys].map((k) => `w:${k}`));
    });
    for (const [k, id] of space.nameIds) expect(space.rawKeys[id]).toBe(k);
  });
});

describe('name spellings', () => {
  it('keeps spellings in order of first use and first body occurrences in order of the body', () => {
    // The title spells the place "Deraa" first; the body writes "Daraa" before "Deraa".
    const text = 'Talks went on in Daraa today. Later, officials in Deraa and Daraa said more. Deraa is calm.';
    const a = invented('a', null, text, '2018-07-06', 'Deraa talks');
    const vocabulary = new Vocabulary();
    for (const f of [eventFeatures([a])[0]!, articleFeatures(a, tokenTable(text, vocabulary))]) {
      const c = f.phrases.get(nameKeyOf('Daraa'))!;
      expect(c.count).toBe(5);
      expect(formsOf(c).map((x) => [x.surface, x.count])).toEqual([['Deraa', 3], ['Daraa', 2]]);
      expect(firstAtOf(c)).toEqual([
        ['Daraa', { start: text.indexOf('Daraa'), end: text.indexOf('Daraa') + 5 }],
        ['Deraa', { start: text.indexOf('Deraa'), end: text.indexOf('Deraa') + 5 }],
      ]);
    }
  });
});

describe('nameScores', () => {
  it('scores and counts holders of shared names as a binary search per word and member does', () => {
    const features = eventFeatures(seeds);
    const space = vectorize(features, DEFAULT_EVENT_OPTIONS.weights);
    const ctx = { articles: seeds, features, space, nearest: () => -1, maxGapDays: 30 } as ExplainContext;
    // The computation nameScores replaced: holders and score per name read member by member.
    const plain = (members: number[], need: number) => {
      const byPhrase = new Map<string, NameCount[]>();
      for (const i of members) for (const [key, c] of features[i]!.phrases) byPhrase.set(key, [...(byPhrase.get(key) ?? []), c]);
      const out: { phrase: string; score: number; holders: number; count: number }[] = [];
      for (const [phrase, forms] of byPhrase) {
        if (forms.length < need) continue;
        const keys = phrase.split(' ');
        const ids = keys.map((k) => space.nameIds.get(k));
        const fewest = Math.min(...ids.map((id) => members.filter((i) => weightOf(space.vectors[i]!, id) > 0).length));
        if (fewest < need) continue;
        let score = 0;
        for (const i of members) for (const id of ids) score += weightOf(space.vectors[i]!, id) / keys.length;
        score *= forms.length / members.length;
        out.push({ phrase, score, holders: forms.length, count: forms.reduce((n, c) => n + c.count, 0) });
      }
      return out;
    };
    // Every article alone, every pair, and deterministic pseudo-random sets of three to eight.
    const next = randomBelow(99);
    const sets: number[][] = features.map((_, i) => [i]);
    for (let i = 0; i < features.length; i++) for (let j = i + 1; j < features.length; j++) sets.push([i, j]);
    for (let t = 0; t < 40; t++) sets.push([...new Set(Array.from({ length: 3 + next(6) }, () => next(features.length)))].sort((a, b) => a - b));
    let multiWord = 0;
    for (const members of sets) {
      for (const need of [1, 2, Math.max(2, Math.ceil(members.length / 2))]) {
        const want = plain(members, need);
        expect(nameScores(members, ctx, need)).toEqual(want);
        multiWord += want.filter((d) => d.phrase.includes(' ')).length;
      }
    }
    expect(multiWord).toBeGreaterThan(20);
  });
});

describe('kthLargest', () => {
  it('gives the value a descending sort puts at place k, repeats counted', () => {
    const next = randomBelow(7);
    for (let trial = 0; trial < 2000; trial++) {
      // Few distinct values, so ties are common; integers and fractions mixed.
      const values = Array.from({ length: 1 + next(30) }, () => (next(3) === 0 ? next(6) : next(6) / 7));
      const k = 1 + next(Math.min(values.length, 5));
      const sorted = Float64Array.from(values).sort();
      expect([values, k, kthLargest(values, k)]).toEqual([values, k, sorted[values.length - k]]);
    }
  });
});

describe('afterLastTitle', () => {
  it('finds where the name starts as the per-word scan over the rest of the run does', () => {
    const TITLE = new Set(['president', 'senator', 'chief', 'mr']);
    const CONNECTOR = new Set(['al', 'van', 'de']);
    const plain = (norms: string[]) => {
      let from = 0;
      norms.forEach((w, i) => {
        if (TITLE.has(w) && norms.slice(i + 1).some((u) => !TITLE.has(u) && !CONNECTOR.has(u))) from = i + 1;
      });
      return from;
    };
    // Every run of up to five words drawn from titles, connectors and names.
    const pool = ['president', 'senator', 'chief', 'mr', 'al', 'van', 'de', 'obama', 'assad', 'reid'];
    const runs: string[][] = [[]];
    for (let length = 1; length <= 5; length++) {
      for (let code = 0; code < 10 ** length; code += length >= 4 ? 7 : 1) {
        runs.push(Array.from({ length }, (_, k) => pool[Math.floor(code / 10 ** k) % 10]!));
      }
    }
    for (const norms of runs) expect([norms, afterLastTitle(norms.map((norm) => ({ norm })))]).toEqual([norms, plain(norms)]);
  });
});

describe('candidatePairs', () => {
  /** The candidate search with postings as lists of objects, as it was first written. */
  function plainPairs(space: FeatureSpace, perArticle: number): [number, number][] {
    const n = space.vectors.length;
    const cap = Math.max(30, Math.ceil(n / 20));
    const postings: { article: number; weight: number }[][] = space.keys.map(() => []);
    space.vectors.forEach((v, article) => {
      v.ids.forEach((id, k) => {
        if (space.df[id]! >= 2 && space.df[id]! <= cap) postings[id]!.push({ article, weight: v.weights[k]! });
      });
    });
    const out = new Map<number, [number, number]>();
    space.vectors.forEach((v, i) => {
      const partial = new Map<number, number>();
      v.ids.forEach((id, k) => {
        for (const p of postings[id]!) if (p.article !== i) partial.set(p.article, (partial.get(p.article) ?? 0) + v.weights[k]! * p.weight);
      });
      const best = [...partial].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, perArticle);
      for (const [j] of best) out.set(Math.min(i, j) * n + Math.max(i, j), [Math.min(i, j), Math.max(i, j)]);
    });
    return [...out.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  it('finds the pairs the plain posting lists find on the seeds and fixtures', () => {
    const fixtures = FIXTURES.map((text, i) => invented(`f${i}`, null, `${text} ${seeds[i % seeds.length]!.text.slice(0, 2000)}`, '2018-07-06'));
    const space = vectorize(eventFeatures([...seeds, ...fixtures]), DEFAULT_EVENT_OPTIONS.weights);
    for (const perArticle of [1, 2, 5]) {
      const pairs = candidatePairs(space, { allPairsUpTo: 0, candidatesPerArticle: perArticle });
      expect(pairs).toEqual(plainPairs(space, perArticle));
      expect(pairs.length).toBeGreaterThan(perArticle * 3);
    }
  });

  it('finds the same pairs summing each pair once, with tied partials, and reading both sides when a weight is tiny', () => {
    // Copies tie with their originals on every partial sum, which the lower index breaks.
    const copies = seeds.map((a) => ({ ...a, id: `${a.id}-copy` }));
    const fixtures = FIXTURES.map((text, i) => invented(`f${i}`, null, `${text} ${seeds[i % seeds.length]!.text.slice(0, 2000)}`, '2018-07-06'));
    const space = vectorize(eventFeatures([...seeds, ...fixtures, ...copies]), DEFAULT_EVENT_OPTIONS.weights);
    // One article's weights scaled below 1e-150 (still above 0): the pairs are read from both sides.
    const tiny: FeatureSpace = { ...space, vectors: space.vectors.map((v, i) => (i === 1 ? { ids: v.ids, weights: v.weights.map((w) => w * 1e-155) } : v)) };
    for (const s of [space, tiny]) {
      for (const perArticle of [1, 2, 3, 5, 25]) {
        const pairs = candidatePairs(s, { allPairsUpTo: 0, candidatesPerArticle: perArticle });
        expect(pairs).toEqual(plainPairs(s, perArticle));
      }
    }
  });

  it('keeps the strongest candidates a sort of all of them would put first, ties and repeats included', () => {
    const next = randomBelow(3);
    for (let trial = 0; trial < 2000; trial++) {
      // Few distinct partial sums, so ties are common; some articles listed twice.
      const partial = Float64Array.from({ length: 1 + next(40) }, () => (next(4) === 0 ? 0 : next(5) / 8));
      const touched = Array.from({ length: next(60) }, () => next(partial.length));
      const k = next(8);
      const sorted = [...touched].sort((a, b) => partial[b]! - partial[a]! || a - b).slice(0, k);
      expect([touched, k, strongest(touched, partial, k)]).toEqual([touched, k, sorted]);
    }
  });
});
