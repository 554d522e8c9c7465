import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticles } from '../lib/analyze';
import { averageLinkage } from '../lib/events/cluster';
import { classifyNames, type KindRequest } from '../lib/events/kinds';
import { loadArticles } from '../lib/corpus';
import { eventFeatures, findTimeExpressions, groupEvents, nameKey, nameKeyOf, scorePairs } from '../lib/events';
import type { ArticleAnalysis, BoilerplateInfo, Paragraph } from '../lib/types';
import { CORPUS_DIR } from './helpers/seeds';
import { invented } from './helpers/invented';

const A000 = '000_aa3b1d39a0c4470b';
const A001 = '001_d6d9fc5bcd022e88';

let seeds: ArticleAnalysis[] = [];

beforeAll(async () => {
  const { articles } = await loadArticles([CORPUS_DIR]);
  // No lexicon: terminology plays no part in grouping.
  seeds = analyzeArticles(articles, []).articles;
});

/** An analysis in which every paragraph is body text and nothing is boilerplate. */
function bodyOnly(id: string, text: string, published: string | null, title = id): ArticleAnalysis {
  return invented(id, null, text, published, title);
}

// Press TV's stock background paragraphs, as 000 and 001 word them.
const STOCK = ['The recapture of Dara’a is highly important', 'The establishment of full government control', "The territory's return", 'Syria has been gripped'];

function isStock(a: ArticleAnalysis, p: Paragraph): boolean {
  return (a.id === A000 || a.id === A001) && STOCK.some((s) => a.text.slice(p.start, p.end).startsWith(s));
}

/** The seeds with no paragraph marked as boilerplate, whatever the boilerplate stage found. */
function unmarked(articles: ArticleAnalysis[]): ArticleAnalysis[] {
  return articles.map((a) => ({ ...a, paragraphs: a.paragraphs.map((p) => ({ ...p, boilerplate: null })) }));
}

/**
 * Marks exactly the stock paragraphs of 000 and 001 as one outlet's stock, each pointing at the
 * other article, so these tests do not depend on what the boilerplate stage currently detects.
 */
function markStock(articles: ArticleAnalysis[]): ArticleAnalysis[] {
  return unmarked(articles).map((a) => ({
    ...a,
    paragraphs: a.paragraphs.map((p) => {
      if (!isStock(a, p)) return p;
      const twin = a.id === A000 ? A001 : A000;
      const info: BoilerplateInfo = { family: 'press-tv-background', kind: 'stock', matches: [{ article: twin, paragraph: 0, similarity: 0.8, differences: [] }] };
      return { ...p, boilerplate: info };
    }),
  }));
}

const ids = (groups: { articles: string[] }[]) => groups.map((g) => g.articles.map((id) => id.slice(0, 3)).join(',')).sort();

describe('groupEvents on the seed corpus', () => {
  it('groups the seeds as {000, 002, 003, 004} and {001}', () => {
    expect(ids(groupEvents(seeds))).toEqual(['000,002,003,004', '001']);
  });

  it('explains that 001 was published more than three years after the others', () => {
    const single = groupEvents(seeds).find((g) => g.articles.includes(A001));
    expect(single?.why).toMatch(/^Published in September 2021, more than three years after the others/);
    expect(single?.dates).toEqual(['2021-09-05']);
  });

  it('dates the main event from its publication dates and names it after a shared place and month', () => {
    const main = groupEvents(seeds).find((g) => g.articles.length === 4);
    expect(main?.why).toContain('Published within 5 days of each other (5–10 July 2018)');
    expect(main?.dates.slice(0, 3)).toEqual(['2018-07-05', '2018-07-06', '2018-07-10']);
    expect(main?.label).toMatch(/^\S.*, July 2018$/);
  });

  it('gives every article exactly one group and ids that do not depend on the input order', () => {
    const forward = groupEvents(seeds);
    const backward = groupEvents([...seeds].reverse());
    expect(backward).toEqual(forward);
    expect(forward.flatMap((g) => g.articles).sort()).toEqual(seeds.map((a) => a.id).sort());
    expect(new Set(forward.map((g) => g.id)).size).toBe(forward.length);
  });

  it('derives an event id from its members only, so other articles do not change it', () => {
    const main = groupEvents(seeds).find((g) => g.articles.length === 4);
    const without001 = groupEvents(seeds.filter((a) => a.id !== A001));
    expect(without001).toHaveLength(1);
    expect(without001[0]?.id).toBe(main?.id);
  });
});

describe('grouping at scale', () => {
  it('groups the seeds the same way when candidates come from shared rarer features instead of all pairs', () => {
    expect(groupEvents(seeds, { allPairsUpTo: 0, nameKinds: false })).toEqual(groupEvents(seeds, { nameKinds: false }));
  });

  it('never lets an undated article bridge two dates months apart', () => {
    const day = (d: number) => ({ from: d, to: d });
    // Pairs (0, 1) and (1, 2), both 0.9.
    const edges = { a: [0, 1], b: [1, 2], similarity: [0.9, 0.9] };
    expect(averageLinkage(3, edges, { threshold: 0.2, ranges: [day(0), null, day(100)], maxGapDays: 30 })).toEqual([[0, 1], [2]]);
    expect(averageLinkage(3, edges, { threshold: 0.2, ranges: [day(0), null, day(10)], maxGapDays: 30 })).toEqual([[0, 1, 2]]);
  });

  it('joins by the mean over all member pairs, so one strong pair does not chain in a stranger', () => {
    // Pairs (0, 1) at 0.9 and (1, 2) at 0.3.
    const edges = { a: [0, 1], b: [1, 2], similarity: [0.9, 0.3] };
    // (0,1) join first; 2 then averages (0 + 0.3) / 2 = 0.15 with them, below 0.2.
    expect(averageLinkage(3, edges, { threshold: 0.2, ranges: [null, null, null], maxGapDays: 30 })).toEqual([[0, 1], [2]]);
  });
});

describe('boilerplate and event grouping', () => {
  it('finds the three stock paragraphs in each of 000 and 001', () => {
    const marked = markStock(seeds);
    for (const id of [A000, A001]) expect(marked.find((a) => a.id === id)?.paragraphs.filter((p) => p.boilerplate)).toHaveLength(3);
  });

  it('counts nothing from paragraphs marked as boilerplate: marking them equals blanking them', () => {
    const marked = markStock(seeds);
    const blanked = unmarked(seeds).map((a) => {
      let text = a.text;
      for (const p of a.paragraphs) if (isStock(a, p)) text = text.slice(0, p.start) + ' '.repeat(p.end - p.start) + text.slice(p.end);
      return { ...a, text };
    });
    const pair = (xs: ArticleAnalysis[]) => scorePairs(xs).find((s) => s.a === A000 && s.b === A001)?.content ?? NaN;
    expect(pair(marked)).toBeCloseTo(pair(blanked), 12);
  });

  it('keeps the stock paragraphs from pulling 000 and 001 together', () => {
    const pair = (xs: ArticleAnalysis[], b: string) => scorePairs(xs).find((s) => s.a === A000 && s.b === b)?.content ?? NaN;
    const marked = markStock(seeds);
    // Counted as body text, the stock paragraphs make 001 about as close to 000 as 000's own event is.
    expect(pair(unmarked(seeds), A001)).toBeGreaterThan(pair(marked, A001) + 0.05);
    expect(pair(marked, '002_5e2392d7e9ddb078')).toBeGreaterThan(pair(marked, A001) + 0.1);
  });

  it('says that 001 shares only stock paragraphs with 000, and that they were left out', () => {
    const single = groupEvents(markStock(seeds)).find((g) => g.articles.includes(A001));
    expect(single?.why).toContain(`its shared wording with ${A000} is Press TV’s stock background paragraphs, which are left out`);
  });

  it('says of 000\'s event that paragraphs repeated from outside it were left out, and not when none were marked', () => {
    const groups = groupEvents(markStock(seeds));
    const event = groups.find((g) => g.articles.includes(A000));
    expect(event?.articles.length).toBeGreaterThan(1);
    expect(event?.why).toContain('Paragraphs repeated from articles outside this event were left out');
    // Unmarked, nothing was set aside.
    const before = groupEvents(unmarked(seeds)).find((g) => g.articles.includes(A000));
    expect(before?.articles.length).toBeGreaterThan(1);
    expect(before?.why).not.toContain('Paragraphs repeated');
  });

  it('ignores paragraphs whose role is not body', () => {
    const a = bodyOnly('a', 'Talks on the Nassib crossing resumed.\n\nSHARE THIS ARTICLE Daraa Daraa Daraa', '2018-07-06');
    const chrome = { ...a, paragraphs: a.paragraphs.map((p, i) => (i === 1 ? { ...p, role: 'chrome' as const } : p)) };
    expect(eventFeatures([a])[0]?.names.keys.includes(nameKey('Daraa'))).toBe(true);
    expect(eventFeatures([chrome])[0]?.names.keys.includes(nameKey('Daraa'))).toBe(false);
  });
});

describe('dates', () => {
  const body = () => seeds.find((s) => s.id === A000)!.text;

  it('keeps identical reports apart when their publication dates are months apart', () => {
    const groups = groupEvents([bodyOnly('early', body(), '2018-07-06'), bodyOnly('late', body(), '2018-11-02')]);
    expect(ids(groups)).toEqual(['ear', 'lat']);
    expect(groups.find((g) => g.articles[0] === 'late')?.why).toMatch(/^Published in November 2018, about four months after the other article/);
  });

  it('groups the same reports when they were published two days apart', () => {
    expect(groupEvents([bodyOnly('early', body(), '2018-07-06'), bodyOnly('late', body(), '2018-07-08')])).toHaveLength(1);
  });

  it('resolves time expressions against the publication date', () => {
    const text = 'On Friday talks resumed. In 2018, the army moved. Since late July, attacks rose. Photo taken July 3, 2018.';
    const found = findTimeExpressions(text, [{ start: 0, end: text.length }], '2018-07-10');
    expect(found.map((t) => [t.text, t.date, t.precision])).toEqual([
      ['Friday', '2018-07-06', 'day'],
      ['In 2018', '2018', 'year'],
      ['Since late July', '2018-07', 'month'],
      ['July 3, 2018', '2018-07-03', 'day'],
    ]);
    expect(found.every((t) => text.slice(t.start, t.end) === t.text)).toBe(true);
  });

  it('skips weekdays when there is no publication date to count from', () => {
    expect(findTimeExpressions('On Friday talks resumed.', [{ start: 0, end: 24 }], null)).toEqual([]);
  });

  it('places an undated article by a full date its text states', () => {
    const [f] = eventFeatures([bodyOnly('a', 'Posted July 10, 2018\n\nIn 2015 the crossing closed; on Friday it reopened.', null)]);
    expect([f?.whenDate, f?.whenFrom]).toEqual(['2018-07-10', 'text']);
  });
});

describe('names', () => {
  it('folds the spellings of one place to one key', () => {
    expect(new Set(['Dara’a', "Dara'a", 'Daraa', 'Deraa', 'DARAA'].map(nameKey)).size).toBe(1);
    expect(new Set(['Nassib', 'Nasib', 'Naseeb'].map(nameKey)).size).toBe(1);
    expect(nameKey('Syrian')).toBe(nameKey('Syria'));
  });

  it('keeps different places apart', () => {
    const places = ['Daraa', 'Damascus', 'Douma', 'Idlib', 'Homs', 'Hama', 'Aleppo', 'Jordan', 'Golan', 'Quneitra', 'Nassib', 'Busra'];
    expect(new Set(places.map(nameKey)).size).toBe(places.length);
  });

  it('reads titles off a name, so "Senate Majority Leader Harry Reid" and "Harry Reid" meet', () => {
    const [f] = eventFeatures([bodyOnly('a', 'The bill stalled, said Senate Majority Leader Harry Reid on Monday.', '2010-12-01')]);
    expect([...(f?.phrases.keys() ?? [])]).toEqual([nameKeyOf('Harry Reid')]);
  });

  it('folds names in the articles so Daraa, Dara’a and Deraa count as one shared place', () => {
    const a = bodyOnly('a', 'Government forces entered Daraa on Friday.', '2018-07-06');
    const b = bodyOnly('b', 'Government forces entered Dara’a on Friday.', '2018-07-06');
    const c = bodyOnly('c', 'Government forces entered Deraa on Friday.', '2018-07-06');
    const keys = eventFeatures([a, b, c]).map((f) => f.names.keys);
    expect(keys).toEqual([[nameKey('Daraa')], [nameKey('Daraa')], [nameKey('Daraa')]]);
  });
});

describe('labels', () => {
  it('labels a single article by its name, or by its strongest word when it names nothing', () => {
    const named = bodyOnly('a', 'Talks on the Nassib crossing resumed in Daraa. The Nassib crossing reopened.', '2018-07-06');
    const nameless = bodyOnly('b', 'the ceasefire collapsed. shelling resumed and the ceasefire talks stalled.', '2019-03-02');
    const groups = groupEvents([named, nameless]);
    expect(groups.map((g) => g.articles)).toEqual([['a'], ['b']]);
    expect(groups[0]?.label).toMatch(/^(Nassib|Daraa), July 2018$/);
    expect(groups[1]?.label).toBe('Ceasefire, March 2019');
  });
});

describe('name kinds', () => {
  it('reads no request past the one that meets the budget (requests may be made as they are read)', () => {
    const keys = ['a', 'a', 'b', 'b', 'c', 'd'];
    for (const budget of [0, 1, 2, 3, 10]) {
      const read: string[] = [];
      function* requests(): Generator<KindRequest> {
        for (const key of keys) {
          read.push(key);
          yield { key, occurrences: [] };
        }
      }
      expect(classifyNames(requests(), budget).size).toBe(0);
      // Distinct keys: a, b, c, d. The budget-th one is the last read.
      const last = budget === 0 ? 1 : Math.min(keys.length, keys.indexOf(['a', 'b', 'c', 'd'][Math.min(budget, 4) - 1]!) + 1);
      expect([budget, read]).toEqual([budget, keys.slice(0, last)]);
    }
  });
});

describe('edge cases', () => {
  it('returns no groups for no articles', () => {
    expect(groupEvents([])).toEqual([]);
  });

  it('gives a lone article a singleton group that says so', () => {
    const [g] = groupEvents([bodyOnly('only', 'Talks resumed in Daraa.', '2018-07-06')]);
    expect(g?.articles).toEqual(['only']);
    expect(g?.why).toMatch(/only article/);
  });
});
