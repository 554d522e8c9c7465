import { describe, expect, it } from 'vitest';
import { blindModel, sourceLabel } from '../lib/classroom/blind-model';
import { buildClassroom } from '../lib/classroom/classroom-model';
import { classroomParams, cleanQuestions, exerciseFormSchema, exerciseHref } from '../lib/classroom/classroom-state';
import { encodeMarks } from '../lib/classroom/marks';
import { answerKey, discussionQuestions } from '../lib/classroom/questions';
import { REDACTED, nameMatcher } from '../lib/classroom/redact';
import { compareArticles } from '../lib/compare';
import type { ArticleAnalysis, LexiconReferent } from '../lib/types';
import { buildCompareModel } from '../lib/view/compare-model';
import { compareHref, parseCompareState } from '../lib/view/url-state';
import { loadSeeds } from './helpers/seed-analysis';

const OUTLETS = /press\s*tv|presstv|young journalists club|yjc/i;
const [press, yjc] = loadSeeds(['000', '002']) as [ArticleAnalysis, ArticleAnalysis];
press.outlet = 'Press TV';
press.url = 'http://www.presstv.ir/Detail/2018/07/06/567259/x';
yjc.outlet = 'Young Journalists Club (YJC)';
yjc.url = 'https://yjc.ir/en/news/25532/';
const REFERENTS: LexiconReferent[] = [
  { id: 'syrian-government', name: 'Syrian government', description: '' },
  { id: 'armed-opposition', name: 'Armed opposition', description: '' },
];
const report = compareArticles([press, yjc], { referents: REFERENTS });

describe('classroom state in the address', () => {
  it('reads blind mode, focus, questions and marks, and writes them back in the same form', () => {
    const params = { articles: 'a,b', blind: '1', focus: 'armed-opposition,<x>', q: 'Who speaks?\nWho is silent?', marks: 'AQASEQE', reveal: '1' };
    const r = parseCompareState(params);
    expect(r.ok && r.state).toMatchObject({ blind: true, focus: ['armed-opposition'], q: ['Who speaks?', 'Who is silent?'], marks: 'AQASEQE', reveal: true });
    const href = r.ok ? compareHref(r.state) : '';
    expect(href).toBe('/compare?articles=a,b&blind=1&focus=armed-opposition&q=Who%20speaks%3F%0AWho%20is%20silent%3F&marks=AQASEQE&reveal=1');
    expect(parseCompareState(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual(r);
  });

  it('leaves an ordinary comparison exactly as it was', () => {
    const r = parseCompareState({ articles: 'a,b' });
    expect(r.ok && classroomParams(r.state)).toEqual([]);
    expect(r.ok && compareHref(r.state)).toBe('/compare?articles=a,b');
  });

  it('keeps a malformed marks code out and never writes print into a link', () => {
    const r = parseCompareState({ articles: 'a,b', blind: '1', marks: 'no spaces allowed', print: '1' });
    expect(r.ok && r.state.marks).toBeUndefined();
    expect(r.ok && r.state.print).toBe(true);
    expect(r.ok && compareHref(r.state)).toBe('/compare?articles=a,b&blind=1');
  });

  it('cleans teacher questions: one per line, no control characters, at most six', () => {
    expect(cleanQuestions('  Who?\r\n\n\u0007Why  not?\n1\n2\n3\n4\n5')).toEqual(['Who?', 'Why not?', '1', '2', '3', '4']);
    expect(cleanQuestions('x'.repeat(500))[0]).toHaveLength(240);
  });

  it('turns the exercise form into one blind link, and says what is wrong with a bad one', () => {
    const form = exerciseFormSchema.safeParse({ article: ['a1', 'b2'], focus: 'armed-opposition', questions: 'Who is quoted?' });
    expect(form.success && exerciseHref(form.data)).toBe('/compare?articles=a1,b2&blind=1&focus=armed-opposition&q=Who%20is%20quoted%3F');
    const bad = exerciseFormSchema.safeParse({ article: 'a1' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toContain('pick at least 2 reports');
  });
});

describe('the blind model', () => {
  const matcher = nameMatcher([press, yjc]);
  const blind = blindModel(buildCompareModel(report, new Map(), { candidates: false }), matcher);

  it('names the reports Source A, Source B… and drops their addresses and Parallax labels', () => {
    expect(sourceLabel(0)).toBe('Source A');
    expect(blind.columns.map((c) => c.outlet)).toEqual(['Source A', 'Source B']);
    expect(blind.columns.every((c) => c.url === null && c.loadedTerms === 0)).toBe(true);
    const cells = blind.rows.flatMap((r) => r.cells).filter((c) => c !== null);
    expect(cells.every((c) => c.terms.length === 0 && c.candidates.length === 0)).toBe(true);
    expect(blind.rows.every((r) => r.swaps.length === 0)).toBe(true);
    expect(blind.referentsUsed).toEqual([]);
  });

  it('keeps no outlet name anywhere in the model', () => {
    expect(JSON.stringify(blind)).not.toMatch(OUTLETS);
  });
});

describe('the classroom model', () => {
  it('fits the marks to the texts, lists them with redacted quotes and tags, and finds the redactions', () => {
    const dateline = yjc.text.indexOf('TEHRAN, Young');
    const marks = encodeMarks([
      { article: 0, start: press.text.indexOf('Takfiri'), end: press.text.indexOf('Takfiri') + 7, referent: 1 },
      { article: 1, start: dateline, end: dateline + 'TEHRAN, Young Journalists Club (YJC) -“The talks'.length, referent: null },
      { article: 1, start: yjc.text.length + 5, end: yjc.text.length + 9, referent: null },
    ]);
    const c = buildClassroom(report, [], REFERENTS, { marks, focus: ['armed-opposition', 'nobody'] });
    expect(c.marksProblem).toBeNull();
    expect(c.items.map((i) => [i.source, i.quote, i.referentName])).toEqual([
      ['Source A', 'Takfiri', 'Armed opposition'],
      ['Source B', `${REDACTED}“The talks`, null],
    ]);
    expect(c.items[0]!.tag).toBe('AO');
    expect(c.focus.map((r) => r.id)).toEqual(['armed-opposition']);
    expect(c.redactions.get(yjc.id)?.length).toBeGreaterThan(0);
  });
});

describe('questions and the answer key', () => {
  it('asks the built-in questions around the focus referents, then the teacher’s', () => {
    const qs = discussionQuestions([{ name: 'Armed opposition' }], ['Mine?']);
    expect(qs.map((q) => q.kind)).toEqual(['names', 'omissions', 'quoted', 'teacher']);
    expect(qs[0]!.text).toContain('armed opposition');
  });

  it('suggests the wordings per source, what each leaves out and whom each quotes', () => {
    const key = answerKey(report, REFERENTS);
    const opposition = key.names.find((n) => n.referent.id === 'armed-opposition');
    expect(opposition?.byArticle[0]?.some((w) => w.label === 'militants')).toBe(true);
    expect(key.omissions.map((o) => o.count)).toEqual(report.articles.map((a) => report.omissions.filter((o) => o.article === a.id).length));
    expect(key.quoted[0]?.some((q) => q.speaker === 'Hussein Abazeed' && q.times > 1)).toBe(true);
  });
});
