/**
 * Test support for the comparison engine: builds ArticleAnalysis objects from the sample corpus with
 * the real paragraph roles and sentence split, and term hits from a tiny inline lexicon fixture.
 */
import { segmentArticle } from '../../lib/analyze';
import { countWords } from '../../lib/normalize';
import type { ArticleAnalysis, Connotation, Sentence, TermHit } from '../../lib/types';
import { SEED_IDS, seedText } from './seeds';

/** One wording the fixture lexicon knows, matched case-insensitively as a regular expression. */
export interface FixtureTerm {
  referent: string;
  label: string;
  connotation: Connotation;
  pattern: RegExp;
}

/** A tiny stand-in for the real lexicon: enough to name the Syrian government and the armed opposition. */
export const FIXTURE_TERMS: FixtureTerm[] = [
  { referent: 'syrian-government', label: "al-Assad's forces", connotation: -1, pattern: /\bal-Assad['’]s forces\b/gi },
  { referent: 'syrian-government', label: 'government forces', connotation: 0, pattern: /\bgovernment forces\b/gi },
  { referent: 'armed-opposition', label: 'rebels', connotation: 0, pattern: /\brebels?\b/gi },
  { referent: 'armed-opposition', label: 'militants', connotation: -1, pattern: /\bmilitants?\b/gi },
  { referent: 'armed-opposition', label: 'opposition', connotation: 0, pattern: /\bopposition\b/gi },
];

/** The full id of the seed whose id starts with `prefix` ("000"). */
export function seedId(prefix: string): (typeof SEED_IDS)[number] {
  const id = SEED_IDS.find((i) => i.startsWith(prefix));
  if (!id) throw new Error(`no sample article starts with ${prefix}`);
  return id;
}

/** Analyses one text: real paragraph roles and sentences, term hits from `terms`, no boilerplate families. */
export function analyzeText(id: string, text: string, terms: FixtureTerm[] = FIXTURE_TERMS): ArticleAnalysis {
  const { paragraphs, sentences } = segmentArticle(text);
  const hits: TermHit[] = [];
  for (const t of terms) {
    for (const m of text.matchAll(t.pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const sentence = sentences.find((s) => s.start <= start && end <= s.end);
      if (!sentence) continue;
      hits.push({
        start,
        end,
        text: m[0],
        referent: t.referent,
        label: t.label,
        connotation: t.connotation,
        voice: 'narrator',
        quote: null,
        phrase: null,
        entry: { lexicon: 'fixture', id: t.label, note: '', source: { name: 'test fixture' } },
        sentence: sentence.index,
      });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  return {
    id,
    source: `corpus:${id}.txt`,
    outlet: null,
    title: id,
    titleFrom: 'text',
    published: null,
    url: null,
    language: 'en',
    text,
    paragraphs,
    sentences,
    terms: hits,
    stats: { words: countWords(text), characters: text.length, boilerplateShare: 0, loadedTerms: hits.length },
  };
}

/** Reads and analyses sample articles by id prefix ("000", "003"). */
export function loadSeeds(prefixes: string[], terms: FixtureTerm[] = FIXTURE_TERMS): ArticleAnalysis[] {
  return prefixes.map((p) => {
    const id = seedId(p);
    return analyzeText(id, seedText(id), terms);
  });
}

/** Finds the sentence of `article` containing `needle`, failing loudly when the text has changed. */
export function sentenceWith(article: ArticleAnalysis, needle: string): Sentence {
  const at = article.text.indexOf(needle);
  const s = at < 0 ? undefined : article.sentences.find((x) => x.start <= at && at + needle.length <= x.end);
  if (!s) throw new Error(`no sentence of ${article.id} contains "${needle}"`);
  return s;
}
