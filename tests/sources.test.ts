import { describe, expect, it } from 'vitest';
import { findSources } from '../lib/sources';
import type { ArticleAnalysis, SourceMention } from '../lib/types';
import { analyzeText, loadSeeds } from './helpers/seed-analysis';

const seeds = loadSeeds(['000', '001', '002', '003', '004']);
const [a000, a001, a002, a003, a004] = seeds as [ArticleAnalysis, ArticleAnalysis, ArticleAnalysis, ArticleAnalysis, ArticleAnalysis];
const found = new Map(seeds.map((a) => [a.id, findSources(a)]));

function mentions(article: ArticleAnalysis, speaker: string): SourceMention[] {
  return (found.get(article.id) ?? []).filter((m) => m.speaker === speaker);
}

function quoteOf(article: ArticleAnalysis, m: SourceMention | undefined): string | null {
  return m?.quote ? article.text.slice(m.quote.start, m.quote.end) : null;
}

describe('findSources on the sample articles', () => {
  it('finds Hussein Abazeed as a named source, with what he said', () => {
    const [first] = mentions(a000, 'Hussein Abazeed');
    expect(first?.kind).toBe('named');
    expect(quoteOf(a000, first)).toMatch(/^a ceasefire would take hold in Dara’a/);
    // 002 puts him after the quotation: "…,” said Hussein Abazeed, a spokesman for militants".
    const [inverted] = mentions(a002, 'Hussein Abazeed');
    expect(inverted?.kind).toBe('named');
    expect(quoteOf(a002, inverted)).toMatch(/^The talks will resume/);
  });

  it('reads "Abazeed noted" as the same named person and quotes the quotation before it', () => {
    const noted = mentions(a000, 'Abazeed');
    expect(noted.map((m) => m.kind)).toEqual(['named', 'named']);
    expect(quoteOf(a000, noted[1])).toBe('The Nassib crossing will come under a Syrian civil administration, with Russian supervision');
  });

  it('finds "a Syrian military source" as anonymous, before and after the verb', () => {
    expect(mentions(a000, 'A Syrian military source')[0]?.kind).toBe('anonymous');
    const [after] = mentions(a002, 'a Syrian military source');
    expect(after?.kind).toBe('anonymous');
    expect(quoteOf(a002, after)).toMatch(/^Thanks to the efforts of Russian officers/);
  });

  it('finds other unnamed sources: spokesmen, sources, witnesses, activists, negotiators, monitors', () => {
    expect(mentions(a001, 'an unnamed army spokesman')[0]?.kind).toBe('anonymous');
    expect(mentions(a002, 'sources')[0]?.kind).toBe('anonymous');
    expect(mentions(a004, 'pro-Damascus sources')[0]?.kind).toBe('anonymous');
    expect(mentions(a004, 'Witnesses')[0]?.kind).toBe('anonymous');
    expect(mentions(a000, 'Activists')[0]?.kind).toBe('anonymous');
    expect(mentions(a001, 'local negotiators')[0]?.kind).toBe('anonymous');
    expect(mentions(a003, 'Worldwide monitors')[0]?.kind).toBe('anonymous');
  });

  it('finds agencies, outlets and organisations', () => {
    expect(mentions(a003, 'SANA')[0]?.kind).toBe('agency');
    expect(mentions(a001, 'SANA')[0]?.kind).toBe('agency');
    expect(mentions(a002, 'Syria’s official news agency SANA')[0]?.kind).toBe('agency');
    expect(mentions(a001, 'Reuters').map((m) => m.kind)).toEqual(['agency', 'agency']);
    expect(mentions(a000, 'Russia’s Sputnik news agency')[0]?.kind).toBe('agency');
    expect(mentions(a000, 'Syria’s state-run television network')[0]?.kind).toBe('agency');
    expect(mentions(a003, 'the Syrian Observatory for Human Rights monitor')[0]?.kind).toBe('agency');
  });

  it('quotes the claim before a parenthetical attribution ("…, the United Nations says, …")', () => {
    const [un] = mentions(a004, 'the United Nations');
    expect(un?.kind).toBe('agency');
    expect(quoteOf(a004, un)).toBe('The Russia-backed regime offensive has displaced around 320,000 people since June 19');
  });

  it('marks "he said" with nobody named before it as unresolved', () => {
    const he = (found.get(a004.id) ?? []).filter((m) => m.speaker === 'he');
    expect(he.length).toBeGreaterThanOrEqual(1);
    expect(he.every((m) => m.kind === 'unresolved' && m.antecedent === undefined)).toBe(true);
    expect(quoteOf(a004, he[0])).toBe('The Russians and the Syrian regime offer no safety');
    expect(mentions(a003, 'He')[0]?.kind).toBe('unresolved');
    expect(mentions(a003, 'he')[0]?.kind).toBe('unresolved');
  });

  it('never reads photo credits, captions or site chrome as sources', () => {
    const speakers = seeds.flatMap((a) => (found.get(a.id) ?? []).map((m) => m.speaker));
    expect(speakers).not.toContain('AFP');
    expect(speakers).not.toContain('Press TV');
  });

  it('does not take "much-reported" for an attribution', () => {
    const at = a000.text.indexOf('much-reported');
    expect((found.get(a000.id) ?? []).some((m) => m.start < at + 20 && m.end > at - 120)).toBe(false);
  });

  it('gives every mention a speaker that is its exact slice and a quote inside the article', () => {
    for (const a of seeds) {
      for (const m of found.get(a.id) ?? []) {
        expect(a.text.slice(m.start, m.end)).toBe(m.speaker);
        expect(m.article).toBe(a.id);
        if (m.quote) {
          expect(m.quote.end).toBeGreaterThan(m.quote.start);
          expect(m.quote.end).toBeLessThanOrEqual(a.text.length);
        }
      }
    }
  });
});

describe('findSources on small texts', () => {
  it('resolves "he" to the one person named in the same or previous paragraph', () => {
    const text = 'Hussein Abazeed, a spokesman for the fighters, said the deal would hold.\n\n“We will not leave,” he said.';
    const [, he] = findSources(analyzeText('t', text, []));
    expect(he?.kind).toBe('named');
    expect(he?.speaker).toBe('he');
    expect(he?.antecedent).toEqual({ start: 0, end: 15, text: 'Hussein Abazeed' });
  });

  it('leaves "he" unresolved when two people were named', () => {
    const text = 'Hussein Abazeed said the deal would hold. Ibrahim Jabbawi said it would not.\n\n“We stay,” he said.';
    const he = findSources(analyzeText('t', text, [])).find((m) => m.speaker === 'he');
    expect(he?.kind).toBe('unresolved');
  });

  it('leaves "he" unresolved when the person was named three paragraphs earlier', () => {
    const text = 'Hussein Abazeed said the deal would hold.\n\nTalks went on.\n\nShelling resumed.\n\n“We stay,” he said.';
    expect(findSources(analyzeText('t', text, [])).find((m) => m.speaker === 'he')?.kind).toBe('unresolved');
  });

  it('asks compromise whether a lone capitalised speaker is a place speaking for a government', () => {
    const text = 'Moscow said the talks had failed. Abazeed said they had not.';
    const [moscow, abazeed] = findSources(analyzeText('t', text, []));
    expect(moscow).toMatchObject({ speaker: 'Moscow', kind: 'agency' });
    expect(abazeed).toMatchObject({ speaker: 'Abazeed', kind: 'named' });
  });

  it('credits the outlet a source "told", but not an unnamed audience', () => {
    const text = 'A commander told the BBC that the town had fallen. An official told reporters the road was open.';
    const speakers = findSources(analyzeText('t', text, [])).map((m) => `${m.kind}:${m.speaker}`);
    expect(speakers).toEqual(['anonymous:A commander', 'agency:the BBC', 'anonymous:An official']);
  });

  it('finds "according to" at either end of a sentence', () => {
    const text = 'According to local officials, the road is open. The bridge was destroyed, according to SANA.';
    const a = analyzeText('t', text, []);
    const [officials, sana] = findSources(a);
    expect(officials).toMatchObject({ speaker: 'local officials', kind: 'anonymous' });
    expect(a.text.slice(officials!.quote!.start, officials!.quote!.end)).toBe('the road is open');
    expect(sana).toMatchObject({ speaker: 'SANA', kind: 'agency' });
    expect(a.text.slice(sana!.quote!.start, sana!.quote!.end)).toBe('The bridge was destroyed');
  });

  it('ignores attribution verbs inside quotation marks', () => {
    const text = '“Nobody said it would be easy,” the minister said.';
    expect(findSources(analyzeText('t', text, [])).map((m) => m.speaker)).toEqual(['the minister']);
  });
});
