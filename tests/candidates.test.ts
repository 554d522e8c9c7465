import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeArticles } from '../lib/analyze';
import { loadArticles } from '../lib/corpus';
import { compareArticles } from '../lib/compare';
import { discoverCandidates, findCandidates, pairsFromRows, type CandidateReport } from '../lib/candidates';
import { compileCues, defaultCueLists, inflections, matchCues, type CueHit, type CueMatcher } from '../lib/candidates/cues';
import { MANNER_ADVERB, NEUTRAL_LY, type CueList } from '../lib/candidates/word-lists';
import { tokenTable, Vocabulary } from '../lib/token-table';
import { addStemCounts, articleWords, CAPITAL, normAt, clearStemCounts, wordRange, hasStemRun, QUOTED, quotedRanges, stem, stemIndex, stemOf, StemPresence, usesStem, wordTokens, type ArticleWords } from '../lib/candidates/words';
import { tokenize } from '../lib/normalize';
import type { ArticleAnalysis, Candidate } from '../lib/types';
import { CORPUS_DIR } from './helpers/seeds';
import { invented } from './helpers/invented';


const texts = (list: Candidate[] | undefined) => (list ?? []).map((c) => c.text.toLowerCase());

describe('candidates on the seeds with the Syria lexicon switched off', () => {
  let articles: ArticleAnalysis[];
  let report: CandidateReport;
  const get = (prefix: string) => [...report.candidates].find(([id]) => id.startsWith(prefix))![1];

  beforeAll(async () => {
    const loaded = await loadArticles([CORPUS_DIR]);
    // No lexicons: nothing here may rely on knowing the topic.
    articles = analyzeArticles(loaded.articles, []).articles;
    const ids = articles.map((a) => a.id);
    report = discoverCandidates(articles, [ids.filter((id) => !id.startsWith('001')), ids.filter((id) => id.startsWith('001'))]);
  });

  it('runs without any lexicon term', () => {
    expect(articles.every((a) => a.terms.length === 0)).toBe(true);
  });

  it('surfaces each outlet’s label for the armed opposition as a candidate', () => {
    expect(texts(get('000'))).toEqual(expect.arrayContaining(['militants', 'terrorists']));
    expect(texts(get('002'))).toContain('militants');
    expect(texts(get('003'))).toContain('rebels');
    expect(texts(get('004'))).toEqual(expect.arrayContaining(['rebels', 'insurgents', 'terrorists']));
  });

  it('gives militants, rebels and terrorists one proposed referent', () => {
    const labelled = [...report.candidates.values()].flat().filter((c) => /^(?:militants?|rebels?|terrorists?)$/i.test(c.text));
    const ids = new Set(labelled.map((c) => c.proposedReferent));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(id).toMatch(/^proposed:/);
    const referent = report.referents.find((r) => r.id === id)!;
    expect(referent.labels).toEqual(expect.arrayContaining(['militants', 'rebels']));
  });

  it('explains a label by the words the other outlets use for the same actor', () => {
    const militants = get('002').find((c) => c.text === 'militants')!;
    expect(militants.reasons.join(' ')).toMatch(/other reports call 'rebels'/);
    const rebels = get('003').find((c) => c.text === 'rebels')!;
    expect(rebels.reasons.join(' ')).toMatch(/other reports call 'militants'/);
  });

  it('groups the same labels when swaps are read from the comparison engine’s alignment', () => {
    const event = articles.filter((a) => !a.id.startsWith('001'));
    const pairs = pairsFromRows(compareArticles(event).rows);
    expect(pairs.length).toBeGreaterThan(0);
    const withEngine = discoverCandidates(event, [event.map((a) => a.id)], { alignedPairs: pairs });
    const group = withEngine.referents.find((r) => r.labels.includes('militants'))!;
    expect(group.labels).toEqual(expect.arrayContaining(['militants', 'rebels']));
    expect(group.labels.some((l) => l.startsWith('terrorist'))).toBe(true);
  });

  it('quotes every candidate exactly from its article', () => {
    for (const a of articles) for (const c of report.candidates.get(a.id)!) expect(a.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('flags nothing in headlines, chrome, captions or boilerplate', () => {
    for (const a of articles) {
      const skipped = a.paragraphs.filter((p) => p.role !== 'body' || p.boilerplate);
      for (const c of report.candidates.get(a.id)!) expect(skipped.some((p) => c.start < p.end && p.start < c.end)).toBe(false);
    }
    // Seed 003 repeats its headline "Syrian rebels in south agree ..." three times before the body.
    const firstBody = articles.find((a) => a.id.startsWith('003'))!.paragraphs.find((p) => p.role === 'body')!;
    expect(get('003').every((c) => c.start >= firstBody.start)).toBe(true);
  });

  it('returns candidates in text order, without overlaps, scored in (0, 1] with at least one reason', () => {
    for (const list of report.candidates.values()) {
      list.forEach((c, i) => {
        expect(c.score).toBeGreaterThan(0);
        expect(c.score).toBeLessThanOrEqual(1);
        expect(c.reasons.length).toBeGreaterThan(0);
        if (i > 0) expect(c.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
      });
    }
  });
});

/** The seeds analysed without a lexicon, and their two events ({000, 002, 003, 004} and {001}). */
async function seedsByEvent(): Promise<{ articles: ArticleAnalysis[]; groups: string[][] }> {
  const articles = analyzeArticles((await loadArticles([CORPUS_DIR])).articles, []).articles;
  const ids = articles.map((a) => a.id);
  return { articles, groups: [ids.filter((id) => !id.startsWith('001')), ids.filter((id) => id.startsWith('001'))] };
}

describe('scoring by event', () => {
  it('finds for each article what it finds when each article marks the other reports itself', async () => {
    const { articles, groups } = await seedsByEvent();
    let found = 0;
    // By outlet, and each article its own side (then every report of an event is another's other).
    for (const sideOf of [undefined, (a: ArticleAnalysis) => a.id]) {
      const byEvent = discoverCandidates(articles, groups, { sideOf, minScore: 0.2 });
      // A copy of the first article repeats an id, and then articles are scored one by one, each
      // marking the other reports of its event itself (the first article's drafts are merged twice).
      const oneByOne = discoverCandidates([...articles, { ...articles[0]! }], groups, { sideOf, minScore: 0.2 });
      for (const a of articles.slice(1)) {
        expect(byEvent.candidates.get(a.id)).toEqual(oneByOne.candidates.get(a.id));
        expect(byEvent.signals.get(a.id)).toEqual(oneByOne.signals.get(a.id));
        found += byEvent.candidates.get(a.id)!.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it('gives each article its own swaps when the drafts are made and scored article by article', async () => {
    const seeds = await seedsByEvent();
    const sentence = (verb: string, noun: string) =>
      `The mayor ${verb} the plan to close the ${noun} on Monday.\n\nCity officials said the ${noun} had room for two hundred people.`;
    const swapped = [
      invented('x1', 'Outlet A', sentence('criticized', 'shelter')),
      invented('x2', 'Outlet B', sentence('criticized', 'shelter')),
      invented('x3', 'Outlet C', sentence('slammed', 'shelter')),
      invented('y1', 'Outlet A', sentence('blasted', 'clinic')),
      invented('y2', 'Outlet B', sentence('questioned', 'clinic')),
      invented('y3', 'Outlet C', sentence('questioned', 'clinic')),
    ];
    // The lone first article is the one repeated (see above): it is the only one scored twice.
    const lone = invented('lone', 'Outlet Z', 'The senator lambasted the bogus report.');
    const articles = [lone, ...seeds.articles, ...swapped];
    const groups = [...seeds.groups, ['x1', 'x2', 'x3'], ['y1', 'y2', 'y3']];
    const byEvent = discoverCandidates(articles, groups, { minScore: 0.2 });
    const oneByOne = discoverCandidates([...articles, { ...lone }], groups, { minScore: 0.2 });
    for (const a of articles.slice(1)) {
      expect(byEvent.candidates.get(a.id)).toEqual(oneByOne.candidates.get(a.id));
      expect(byEvent.signals.get(a.id)).toEqual(oneByOne.signals.get(a.id));
    }
    for (const id of ['x3', 'y1']) expect(byEvent.signals.get(id)!.flat()).toContain('swap');
  });
});

describe('the cap on wordings per article', () => {
  it('keeps, by score, the spans of the first distinct wordings up to the cap, below the cap and past it alike', async () => {
    const { articles, groups } = await seedsByEvent();
    const words = new Map(articles.map((a) => [a.id, articleWords(a)]));
    // A span's wording: the stem ids of its tokens.
    const wording = (id: string, c: Candidate) => {
      const w = words.get(id)!;
      const { from, to } = wordRange(w, c.start, c.end);
      return [...w.stemIds.subarray(from, to)].join(' ');
    };
    const all = findCandidates(articles, groups, { minScore: 0.3, maxPerArticle: 1e9 });
    let capped = 0;
    let uncapped = 0;
    for (let cap = 1; cap <= 40; cap++) {
      const found = findCandidates(articles, groups, { minScore: 0.3, maxPerArticle: cap });
      for (const [id, list] of all) {
        const byScore = [...list].sort((x, y) => y.score - x.score || x.start - y.start);
        const kept = new Set<string>();
        for (const c of byScore) if (kept.size < cap) kept.add(wording(id, c));
        expect(found.get(id)).toEqual(list.filter((c) => kept.has(wording(id, c))));
        if (list.length > cap) capped++;
        else uncapped++;
      }
    }
    expect(capped).toBeGreaterThan(100);
    expect(uncapped).toBeGreaterThan(5);
  });
});

describe('the least score', () => {
  it('drops exactly the spans scored below it, whatever their evidence (spans are not dropped early by mistake)', async () => {
    const { articles, groups } = await seedsByEvent();
    const key = (c: Candidate) => JSON.stringify(c);
    // No cap, so the spans kept at one least score are a subset of those kept at a lower one.
    const all = findCandidates(articles, groups, { minScore: 0, maxPerArticle: 1e9 });
    let compared = 0;
    for (const minScore of [0.25, 0.3, 0.4, 0.45, 0.5, 0.6]) {
      const found = findCandidates(articles, groups, { minScore, maxPerArticle: 1e9 });
      for (const [id, list] of all) {
        const got = new Set((found.get(id) ?? []).map(key));
        for (const c of list) {
          // Scores are rounded to 0.001: only those clear of the line are certain either way.
          if (c.score >= minScore + 0.001) expect(got.has(key(c))).toBe(true);
          if (c.score <= minScore - 0.001) expect(got.has(key(c))).toBe(false);
          compared++;
        }
        for (const k of got) expect(list.map(key)).toContain(k);
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('candidates on a new topic', () => {
  const sentence = (verb: string) =>
    `The mayor ${verb} the plan to close the shelter on Monday.\n\nCity officials said the shelter had room for two hundred people.`;
  const a = invented('a', 'Outlet A', sentence('criticized'));
  const b = invented('b', 'Outlet B', sentence('criticized'));
  const c = invented('c', 'Outlet C', sentence('slammed'));

  it('says which word only one outlet uses and what the others say in its place', () => {
    const slammed = findCandidates([a, b, c], [['a', 'b', 'c']]).get('c')!.find((x) => x.text === 'slammed')!;
    expect(slammed.reasons).toContain("only this outlet says 'slammed' where the others say 'criticized' in the matching sentence");
    expect(slammed.reasons.join(' ')).toMatch(/loaded verb of saying/);
  });

  it('scores the loaded word above the neutral one it replaces', () => {
    const found = findCandidates([a, b, c], [['a', 'b', 'c']]);
    const criticized = found.get('a')!.find((x) => x.text === 'criticized');
    const slammed = found.get('c')!.find((x) => x.text === 'slammed')!;
    expect(slammed.score).toBeGreaterThan(criticized?.score ?? 0);
  });

  it('finds the same swap when the machine pauses during the sentence diff (results never depend on load)', () => {
    const calm = findCandidates([a, b, c], [['a', 'b', 'c']]);
    // Every clock reading 120 ms after the last: a machine so busy that each step of the diff waits.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 120));
    try {
      const busy = findCandidates([a, b, c], [['a', 'b', 'c']]);
      expect(busy.get('c')!.find((x) => x.text === 'slammed')!.reasons).toContain(
        "only this outlet says 'slammed' where the others say 'criticized' in the matching sentence",
      );
      expect(busy).toEqual(calm);
    } finally {
      clock.mockRestore();
    }
  });

  it('uses aligned sentence pairs passed in instead of aligning itself', () => {
    const none = findCandidates([a, c], [['a', 'c']], { alignedPairs: [] }).get('c')!.find((x) => x.text === 'slammed')!;
    expect(none.reasons.join(' ')).not.toMatch(/where Outlet A says/);
    const s = (x: ArticleAnalysis) => ({ article: x.id, start: x.sentences[0]!.start, end: x.sentences[0]!.end });
    const given = findCandidates([a, c], [['a', 'c']], { alignedPairs: [{ a: s(a), b: s(c) }] }).get('c')!;
    expect(given.find((x) => x.text === 'slammed')!.reasons.join(' ')).toMatch(/where Outlet A says 'criticized'/);
  });

  it('still finds loaded language in an article with no other report of its event', () => {
    const alone = invented('x', 'Outlet X', 'The senator lambasted the bogus report.');
    const found = texts(findCandidates([alone], []).get('x'));
    expect(found).toEqual(expect.arrayContaining(['lambasted', 'bogus']));
  });

  it('marks a loaded word inside a quotation and scores it below the same word in narration', () => {
    const quoted = invented('q', 'Outlet Q', '“This is a bogus crisis,” the governor said.');
    const narrated = invented('n', 'Outlet N', 'The governor called it a bogus crisis.');
    const found = findCandidates([quoted, narrated], []);
    const inQuote = found.get('q')!.find((x) => x.text === 'bogus')!;
    const inNarration = found.get('n')!.find((x) => x.text === 'bogus')!;
    expect(inQuote.reasons.join(' ')).toMatch(/inside a quotation/);
    expect(inQuote.score).toBeLessThan(inNarration.score);
  });

  it('caps the number of distinct wordings per article', () => {
    const loaded = invented('l', 'Outlet L', 'A laughable, bogus, absurd, ridiculous, outrageous, shameful, disgraceful and stupid plan.');
    const found = findCandidates([loaded], [], { maxPerArticle: 3 }).get('l')!;
    expect(new Set(texts(found)).size).toBe(3);
  });
});

describe('the word layer', () => {
  it('reads the same tokens from an article’s token table as from tokenising again', async () => {
    const { tokenTable, Vocabulary } = await import('../lib/token-table');
    const loaded = await loadArticles([CORPUS_DIR]);
    const analysed = analyzeArticles(loaded.articles, []).articles;
    const vocabulary = new Vocabulary();
    for (const a of analysed) {
      const fromTable = articleWords(a, tokenTable(a.text, vocabulary));
      const again = articleWords(a);
      expect(fromTable.count).toBeGreaterThan(100);
      expect(wordTokens(fromTable)).toEqual(wordTokens(again));
      expect(fromTable.sentenceTokens).toEqual(again.sentenceTokens);
      // Equal stems, equal ids, whichever way the words were read.
      expect([...fromTable.stemIds]).toEqual([...again.stemIds]);
      expect(fromTable.stops.includes(0) && fromTable.stops.includes(1)).toBe(true);
    }
  });

  it('keeps each token’s sentence, quotation and capital as the text and its sentences have them', async () => {
    const loaded = await loadArticles([CORPUS_DIR]);
    const analysed = analyzeArticles(loaded.articles, []).articles;
    let quoted = 0;
    let capital = 0;
    for (const a of analysed) {
      const w = articleWords(a);
      expect([w.starts.length, w.ends.length, w.norms.length, w.stemIds.length, w.stops.length, w.sentences.length, w.flags.length]).toEqual(Array(7).fill(w.count));
      w.sentenceTokens.forEach((range, s) => {
        for (let i = range.start; i < range.end; i++) {
          expect(w.sentences[i]).toBe(s);
          const sentence = a.sentences[s]!;
          expect(w.starts[i]! >= sentence.start && w.ends[i]! <= sentence.end).toBe(true);
          expect(stemOf(w.stemIds[i]!)).toBe(stem(w.norms[i]!));
          const inQuote = quotedRanges(a.text, a.paragraphs[sentence.paragraph]!.start, a.paragraphs[sentence.paragraph]!.end).some((q) => q.start <= w.starts[i]! && w.ends[i]! <= q.end);
          expect((w.flags[i]! & QUOTED) !== 0).toBe(inQuote);
          const initial = a.text[w.starts[i]!]!;
          expect((w.flags[i]! & CAPITAL) !== 0).toBe(i > range.start && initial !== initial.toLowerCase());
          if (inQuote) quoted++;
          if (w.flags[i]! & CAPITAL) capital++;
        }
      });
    }
    expect(quoted).toBeGreaterThan(10);
    expect(capital).toBeGreaterThan(10);
  });
});

describe('the word layer as objects', () => {
  it('gives each token its fields (wordToken), read from the columns', () => {
    const w = articleWords(invented('t', 'T', 'Rebels said “we won” in Aleppo.'));
    const tokens = wordTokens(w);
    expect(tokens.map((t) => [t.norm, t.stem, t.stop, t.quoted, t.capital, t.sentence])).toEqual([
      ['rebels', 'rebel', false, false, false, w.sentences[0]],
      ['said', 'said', true, false, false, w.sentences[0]],
      ['we', 'we', true, true, false, w.sentences[0]],
      ['won', 'won', false, true, false, w.sentences[0]],
      ['in', 'in', true, false, false, w.sentences[0]],
      ['aleppo', 'aleppo', false, false, true, w.sentences[0]],
    ]);
    expect(tokens.map((t) => w.text.slice(t.start, t.end))).toEqual(['Rebels', 'said', 'we', 'won', 'in', 'Aleppo']);
  });
});

describe('the stem index', () => {
  it('answers presence and counts as a plain scan of the tokens does', async () => {
    const loaded = await loadArticles([CORPUS_DIR]);
    const analysed = analyzeArticles(loaded.articles, []).articles;
    const words = analysed.map((a) => articleWords(a));
    const allIds = new Set(words.flatMap((w) => [...w.stemIds]));
    for (const w of words) {
      const index = stemIndex(w);
      const counts = new Float64Array(Math.max(...allIds) + 1);
      addStemCounts(index, counts);
      for (const id of allIds) {
        const tokens = wordTokens(w);
        const content = tokens.flatMap((t, i) => (!t.stop && w.stemIds[i] === id ? [i] : []));
        const every = tokens.flatMap((_, i) => (w.stemIds[i] === id ? [i] : []));
        expect(usesStem(index, id)).toBe(content.length > 0);
        expect(counts[id]).toBe(content.length);
        expect(hasStemRun(w, [id], 0, 1)).toBe(every.length > 0);
        if (every.length) expect(tokens[every[0]!]!.stem).toBe(stemOf(id));
      }
    }
  });

  it('adds and clears counts by stem id as a plain scan of the tokens gives them, touched stems in order of id', async () => {
    const loaded = await loadArticles([CORPUS_DIR]);
    const words = analyzeArticles(loaded.articles, []).articles.map((a) => articleWords(a));
    const size = Math.max(...words.map((w) => Math.max(...w.stemIds))) + 1;
    // Counts start from those of the article before, so 'touched' lists only stems new to the running sum.
    const counts = new Float64Array(size);
    const plain = new Float64Array(size);
    for (const w of words) {
      const index = stemIndex(w);
      const touched: number[] = [];
      const plainTouched: number[] = [];
      let plainTotal = 0;
      // The content tokens (stop words left out) one by one; stems new to the running sum, by id.
      for (let i = 0; i < w.stemIds.length; i++) {
        if (w.stops[i] === 1) continue;
        const id = w.stemIds[i]!;
        if (plain[id] === 0 && !plainTouched.includes(id)) plainTouched.push(id);
        plainTotal++;
      }
      for (let i = 0; i < w.stemIds.length; i++) if (w.stops[i] === 0) plain[w.stemIds[i]!]! += 1;
      plainTouched.sort((x, y) => x - y);
      expect(addStemCounts(index, counts, touched)).toBe(plainTotal);
      expect(touched).toEqual(plainTouched);
      expect([...counts]).toEqual([...plain]);
    }
    for (const w of words) clearStemCounts(stemIndex(w), counts);
    expect(counts.every((n) => n === 0)).toBe(true);
  });

  it('holds the stem ids of the content tokens, one per token, in increasing order', async () => {
    const loaded = await loadArticles([CORPUS_DIR]);
    const words = analyzeArticles(loaded.articles, []).articles.map((a) => articleWords(a));
    for (const w of words) {
      const values: number[] = [];
      for (let i = 0; i < w.count; i++) if (w.stops[i] === 0) values.push(w.stemIds[i]!);
      expect([...stemIndex(w).content]).toEqual(values.sort((x, y) => x - y));
    }
  });

  it('finds a run of stems where a search of the stem ids as text does, runs from every article tried on every article', async () => {
    const loaded = await loadArticles([CORPUS_DIR]);
    const words = analyzeArticles(loaded.articles, []).articles.map((a) => articleWords(a));
    const asText = (ids: ArrayLike<number>) => ` ${Array.from(ids).join(' ')} `;
    let found = 0;
    let tried = 0;
    for (const source of words) {
      // Runs of one to four tokens at a stride through the article, and runs that end past it.
      for (let from = 0; from < source.count; from += 7) {
        for (let length = 1; length <= 4; length++) {
          const to = Math.min(source.count, from + length);
          for (const w of words) {
            const expected = asText(w.stemIds).includes(asText(source.stemIds.subarray(from, to)));
            expect(hasStemRun(w, source.stemIds, from, to)).toBe(expected);
            tried++;
            if (expected) found++;
          }
        }
      }
      // A run whose head matches the article's last tokens but which goes on past its end.
      const w = words[0]!;
      const tail = [...w.stemIds.subarray(w.count - 2), -1];
      expect(hasStemRun(w, tail, 0, 3)).toBe(false);
      expect(hasStemRun(w, tail, 0, 2)).toBe(true);
    }
    // Both answers come up often.
    expect(found).toBeGreaterThan(tried / 10);
    expect(found).toBeLessThan(tried);
  });

  it('marks, as bits, exactly the stems each article uses, as usesStem answers them, and clears them all', async () => {
    const loaded = await loadArticles([CORPUS_DIR]);
    const analysed = analyzeArticles(loaded.articles, []).articles;
    const words = analysed.map((a) => articleWords(a));
    const indexes = words.map((w) => stemIndex(w));
    const allIds = [...new Set(words.flatMap((w) => [...w.stemIds]))];
    const presence = new StemPresence();
    // A missing article holds no bit; the last bit (31) is a sign bit in Int32 arithmetic.
    const marked = [indexes[0], undefined, ...indexes.slice(1), ...Array.from({ length: 32 - indexes.length - 2 }, () => undefined), indexes[2]];
    expect(marked.length).toBe(32);
    for (let round = 0; round < 2; round++) {
      presence.mark(marked);
      for (const id of allIds) {
        marked.forEach((index, k) => expect(((presence.usedBy(id) >>> k) & 1) === 1).toBe(!!index && usesStem(index, id)));
      }
      presence.clear();
      for (const id of allIds) expect(presence.usedBy(id)).toBe(0);
    }
    expect(() => presence.mark(new Array(33).fill(indexes[0]))).toThrow();
  });
});

describe('cue matching', () => {
  const match = (text: string) => {
    const a = invented('t', 'T', text);
    const w = articleWords(a);
    return matchCues(w, compileCues()).map((h) => text.slice(w.starts[h.from]!, w.ends[h.to - 1]!));
  };

  it('matches inflected forms of listed words and phrases', () => {
    expect(match('She lambastes it. He lambasted it. They are lambasting it. He lashed out.')).toEqual(['lambastes', 'lambasted', 'lambasting', 'lashed out']);
  });

  it('does not match a different word that merely shares a stem', () => {
    expect(match('The convoy took the route through the town.')).toEqual([]);
  });

  it('reads a capitalised one-word cue in mid-sentence as a name', () => {
    expect(match('A statement from Rampage Jackson followed.')).toEqual([]);
  });

  it('finds, on the seeds and with its own lists, the hits of a trie walk from every token', async () => {
    // The walk as it was before words were first screened by stem: a lookup among the phrases' first words at every token.
    const plain = (w: ArticleWords, matcher: CueMatcher) => {
      const hits: CueHit[] = [];
      let i = 0;
      while (i < w.count) {
        let at = matcher.root.next.get(normAt(w, i));
        let best: CueHit | null = at?.list ? { from: i, to: i + 1, list: at.list } : null;
        for (let j = i + 1; j < w.count && at && w.sentences[j] === w.sentences[i]; j++) {
          at = at.next.get(normAt(w, j));
          if (at?.list) best = { from: i, to: j + 1, list: at.list };
        }
        if (best && !(best.to - best.from === 1 && (w.flags[i]! & CAPITAL) !== 0)) {
          hits.push(best);
          i = best.to;
          continue;
        }
        const norm = normAt(w, i);
        if (matcher.mannerAdverbs && (w.flags[i]! & CAPITAL) === 0 && w.stops[i] === 0 && norm.length >= 6 && norm.endsWith('ly') && !NEUTRAL_LY.has(norm)) {
          hits.push({ from: i, to: i + 1, list: MANNER_ADVERB });
        }
        i++;
      }
      return hits;
    };
    const loaded = await loadArticles([CORPUS_DIR]);
    const analysed = analyzeArticles(loaded.articles, []).articles;
    // Words tokenised again, and words read from token tables (whose phrase starts are memoised by word id).
    const vocabulary = new Vocabulary();
    const words = [...analysed.map((a) => articleWords(a)), ...analysed.map((a) => articleWords(a, tokenTable(a.text, vocabulary)))];
    expect(words.some((w) => w.wordIds.some((id) => id >= 0))).toBe(true);
    const own = compileCues([{ id: 'own', weight: 1, reason: '{w}', words: 'the regime, said, attack, rebel forces, killed, government troops' }], false);
    let found = 0;
    for (const matcher of [compileCues(), own]) {
      for (const w of words) {
        const hits = matchCues(w, matcher);
        expect(hits).toEqual(plain(w, matcher));
        found += hits.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it('compiles each phrase into the trie its tokens and their inflections make, one-word phrases too', () => {
    // The plain compile: every phrase tokenised, each level's forms the inflections of its token.
    type Node = CueMatcher['root'];
    const plainTrie = (lists: CueList[]) => {
      const root: Node = { next: new Map(), list: null };
      for (const list of lists) {
        for (const raw of list.words.split(',')) {
          let level = [root];
          for (const t of tokenize(raw.trim())) {
            const next: Node[] = [];
            for (const at of level) {
              for (const form of inflections(t.norm)) {
                let child = at.next.get(form);
                if (!child) at.next.set(form, (child = { next: new Map(), list: null }));
                next.push(child);
              }
            }
            level = next;
          }
          for (const at of level) at.list ??= list;
        }
      }
      return root;
    };
    const same = (x: Node, y: Node, path: string): number => {
      expect([path, x.list]).toEqual([path, y.list]);
      expect([path, [...x.next.keys()]]).toEqual([path, [...y.next.keys()]]);
      let n = 1;
      for (const [form, child] of x.next) n += same(child, y.next.get(form)!, `${path} ${form}`);
      return n;
    };
    const own: CueList[] = [
      { id: 'own', weight: 1, reason: '{w}', words: 'naïve, U-turn, rabble-rouser, don’t know, slam, slammed, A, x, 9/11, bully, tax, Seize, lash out' },
      { id: 'second', weight: 0.5, reason: '{w}', words: 'slam, lash out, seize, hit' },
    ];
    for (const lists of [defaultCueLists(), own]) expect(same(compileCues(lists).root, plainTrie(lists), '')).toBeGreaterThan(20);
  });

  it('rejects an empty entry in a cue list', () => {
    expect(() => compileCues([{ id: 'x', weight: 1, reason: '{w}', words: 'a,,b' }])).toThrow(/empty entry/);
  });

  it('inflects regular verbs and nouns', () => {
    expect(inflections('slam')).toEqual(expect.arrayContaining(['slams', 'slammed', 'slamming']));
    expect(inflections('bully')).toEqual(expect.arrayContaining(['bullies', 'bullied', 'bullying']));
    expect(inflections('seize')).toEqual(expect.arrayContaining(['seizes', 'seized', 'seizing']));
  });
});

describe('pairs from the comparison engine', () => {
  it('pairs every two cells of a row and nothing across rows', () => {
    const cell = (article: string, start: number) => ({ article, sentence: 0, start, end: start + 5 });
    const pairs = pairsFromRows([{ cells: [cell('a', 0), cell('b', 10), cell('c', 20)] }, { cells: [cell('a', 30)] }]);
    expect(pairs.map((p) => `${p.a.article}${p.a.start}-${p.b.article}${p.b.start}`)).toEqual(['a0-b10', 'a0-c20', 'b10-c20']);
  });
});

describe('word layer', () => {
  it('stems inflections of one word alike and keeps derivations apart', () => {
    expect(stem('rebels')).toBe(stem('rebel'));
    expect(stem('seized')).toBe(stem('seize'));
    expect(stem('militancy')).not.toBe(stem('militant'));
  });

  it('finds quotations but not apostrophes', () => {
    const text = 'Syria’s army said “we won” and ‘fine’ today.';
    const ranges = quotedRanges(text, 0, text.length).map((r) => text.slice(r.start, r.end));
    expect(ranges).toEqual(['“we won”', '‘fine’']);
  });
});
