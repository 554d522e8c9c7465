import { describe, expect, it } from 'vitest';
import { analyzeArticles } from '../lib/analyze';
import { compareArticles, termTable } from '../lib/compare';
import { loadLexicons } from '../lib/corpus';
import { findOmissions } from '../lib/omissions';
import type { ArticleAnalysis, CompareReport, EventGroup, Sentence } from '../lib/types';
import { analyzeText, loadSeeds, seedId, sentenceWith } from './helpers/seed-analysis';
import { SEED_IDS, seedText } from './helpers/seeds';

const seeds = loadSeeds(['000', '002', '003', '004']);
const [a000, , a003, a004] = seeds as [ArticleAnalysis, ArticleAnalysis, ArticleAnalysis, ArticleAnalysis];
const report = compareArticles(seeds);

function rowOf(r: CompareReport, article: ArticleAnalysis, s: Sentence) {
  return r.rows.find((row) => row.cells.some((c) => c.article === article.id && c.sentence === s.index));
}

describe('compareArticles on the sample articles', () => {
  it('returns a versioned compare report with the articles as given', () => {
    expect(report.kind).toBe('parallax.compare');
    expect(report.version).toBe(1);
    expect(report.event).toBeNull();
    expect(report.articles.map((a) => a.id)).toEqual(seeds.map((a) => a.id));
    expect(report.rows.map((r) => r.index)).toEqual(report.rows.map((_, i) => i));
  });

  it('carries the event it was given', () => {
    const event: EventGroup = { id: 'e1', articles: seeds.map((a) => a.id), dates: ['2018-07'], why: 'test', label: 'Daraa' };
    expect(compareArticles(seeds, { event }).event).toBe(event);
  });

  it('aligns the Nassib recapture, marks the wording that differs and names the terminology swap', () => {
    const row = rowOf(report, a000, sentenceWith(a000, 'had captured the Nassib border crossing'))!;
    expect(row.cells.map((c) => c.article)).toContain(a003.id);
    const marked = row.changes.filter((c) => c.article === a000.id).map((c) => a000.text.slice(c.start, c.end));
    expect(marked.join(' | ')).toContain('had captured');
    expect(row.swaps).toContainEqual({
      referent: 'syrian-government',
      labels: { [a000.id]: 'government forces', [a003.id]: "al-Assad's forces" },
      connotations: { [a000.id]: 0, [a003.id]: -1 },
    });
  });

  it('lists a sentence only one article carries as missing from all the others', () => {
    const s = sentenceWith(a003, 'The offices of the Syrian border control and customs were largely damaged');
    const omission = report.omissions.find((o) => o.article === a003.id && o.sentence === s.index);
    expect(omission?.missingFrom).toEqual([seeds[0]!.id, seeds[1]!.id, a004.id]);
    expect(a003.text.slice(omission!.start, omission!.end)).toBe(a003.text.slice(s.start, s.end));
  });

  it('lists an aligned sentence as missing only from the articles outside its row', () => {
    const s = sentenceWith(a004, 'displaced around 320,000 people');
    const omission = report.omissions.find((o) => o.article === a004.id && o.sentence === s.index);
    expect(omission?.missingFrom).toEqual([seeds[0]!.id, seeds[1]!.id]);
  });

  it('never lists captions, titles or chrome as omissions', () => {
    for (const o of report.omissions) {
      const article = seeds.find((a) => a.id === o.article)!;
      const paragraph = article.paragraphs[article.sentences[o.sentence]!.paragraph]!;
      expect(paragraph.role).toBe('body');
    }
    const caption = sentenceWith(a000, 'Takfiri militants drag a mortar launcher');
    expect(report.omissions.some((o) => o.article === a000.id && o.sentence === caption.index)).toBe(false);
  });

  it('has no omissions when only one article is compared', () => {
    expect(findOmissions([a000], compareArticles([a000]).rows)).toEqual([]);
  });

  it('collects the sources of every article', () => {
    const bySpeaker = (id: string, speaker: string) => report.sources.find((m) => m.article === id && m.speaker === speaker);
    expect(bySpeaker(a000.id, 'Hussein Abazeed')?.kind).toBe('named');
    expect(bySpeaker(a003.id, 'SANA')?.kind).toBe('agency');
    expect(bySpeaker(a004.id, 'he')?.kind).toBe('unresolved');
  });

  it('keeps every offset exact: cells, changes, omissions and sources', () => {
    const text = (id: string) => seeds.find((a) => a.id === id)!.text;
    for (const row of report.rows) {
      for (const c of row.cells) {
        const s = seeds.find((a) => a.id === c.article)!.sentences[c.sentence]!;
        expect([c.start, c.end]).toEqual([s.start, s.end]);
      }
      for (const ch of row.changes) {
        const cell = row.cells.find((c) => c.article === ch.article)!;
        expect(ch.start >= cell.start && ch.end <= cell.end && ch.end > ch.start).toBe(true);
      }
    }
    for (const m of report.sources) expect(text(m.article).slice(m.start, m.end)).toBe(m.speaker);
  });

  it('throws when two articles share an id', () => {
    expect(() => compareArticles([a000, a000])).toThrow(/appears twice/);
  });
});

describe('termTable', () => {
  it('counts each label per article, split into narrator and quoted, zeros included', () => {
    const x = analyzeText('x', 'Rebels advanced.\n\n“The rebels are gone,” he said. Militants fled.', []);
    const y = analyzeText('y', 'Militants advanced.', []);
    const hit = (a: ArticleAnalysis, word: string, label: string, connotation: -1 | 0, voice: 'narrator' | 'quoted', from = 0) => {
      const start = a.text.indexOf(word, from);
      return {
        start,
        end: start + word.length,
        text: word,
        referent: 'armed-opposition',
        label,
        connotation,
        voice,
        quote: voice === 'quoted' ? ('direct' as const) : null,
        phrase: null,
        entry: { lexicon: 't', id: label, note: '', source: { name: 't' } },
        sentence: a.sentences.find((s) => s.start <= start && start < s.end)!.index,
      };
    };
    x.terms = [hit(x, 'Rebels', 'rebels', 0, 'narrator'), hit(x, 'rebels', 'rebels', 0, 'quoted'), hit(x, 'Militants', 'militants', -1, 'narrator')];
    y.terms = [hit(y, 'Militants', 'militants', -1, 'narrator')];
    expect(termTable([x, y])).toEqual([
      { referent: 'armed-opposition', label: 'militants', connotation: -1, counts: { x: { narrator: 1, quoted: 0 }, y: { narrator: 1, quoted: 0 } } },
      { referent: 'armed-opposition', label: 'rebels', connotation: 0, counts: { x: { narrator: 1, quoted: 1 }, y: { narrator: 0, quoted: 0 } } },
    ]);
  });

  it('sorts by referent, then connotation, then label, and counts every fixture hit outside chrome', () => {
    const rows = report.terms;
    const keys = rows.map((r) => [r.referent, r.connotation, r.label] as const);
    const sorted = [...keys].sort((p, q) => p[0].localeCompare(q[0]) || p[1] - q[1] || p[2].localeCompare(q[2]));
    expect(keys).toEqual(sorted);
    for (const a of seeds) {
      const counted = rows.reduce((n, r) => n + (r.counts[a.id]?.narrator ?? 0) + (r.counts[a.id]?.quoted ?? 0), 0);
      expect(counted).toBe(a.terms.filter((t) => a.paragraphs[a.sentences[t.sentence]!.paragraph]!.role !== 'chrome').length);
    }
  });

  it('lists the referents the report uses, with the definitions it was given', () => {
    const withDefs = compareArticles(seeds, {
      referents: [
        { id: 'syrian-government', name: 'Syrian government', description: 'd' },
        { id: 'unused', name: 'Unused', description: 'u' },
      ],
    });
    expect(withDefs.referents).toEqual([
      { id: 'syrian-government', name: 'Syrian government', description: 'd' },
      { id: 'armed-opposition', name: 'armed-opposition', description: '' },
    ]);
  });
});

describe('compareArticles through the real analyze pipeline and lexicon', async () => {
  const { lexicons } = await loadLexicons();
  const ids = ['000', '002', '003', '004'].map(seedId);
  const inputs = SEED_IDS.filter((id) => ids.includes(id)).map((id) => ({
    id,
    source: `corpus:${id}.txt`,
    text: seedText(id),
    outlet: null,
    title: null,
    published: null,
    url: null,
    language: 'en',
  }));
  const articles = analyzeArticles(inputs, lexicons).articles;
  const real = compareArticles(articles, { referents: lexicons.flatMap((l) => l.referents) });
  const [r000, r002, r003, r004] = articles as [ArticleAnalysis, ArticleAnalysis, ArticleAnalysis, ArticleAnalysis];
  const together = (x: ArticleAnalysis, xs: string, y: ArticleAnalysis, ys: string) =>
    rowOf(real, x, sentenceWith(x, xs))?.cells.some((c) => c.article === y.id && c.sentence === sentenceWith(y, ys).index);

  it('aligns the three golden pairs', () => {
    expect(together(r000, 'had captured the Nassib border crossing', r003, 'have retaken control of the Nasib')).toBe(true);
    expect(together(r003, 'more than 320,000 people have fled', r004, 'displaced around 320,000 people')).toBe(true);
    expect(together(r002, 'say they are returning to talks', r003, 'agreed to resume suspended talks')).toBe(true);
  });

  it("names the government forces / al-Assad's forces swap from the lexicon", () => {
    const row = rowOf(real, r000, sentenceWith(r000, 'had captured the Nassib border crossing'))!;
    const swap = row.swaps.find((s) => s.referent === 'syrian-government');
    expect(swap?.labels[r000.id]).toBe('government forces');
    expect(swap?.labels[r003.id]).toBe("al-Assad's forces");
    expect(swap!.connotations[r003.id]).toBeLessThan(swap!.connotations[r000.id]!);
  });
});
