/** Test helper: a plain body-only analysis of a small invented text (no lexicon, no chrome). */
import { splitParagraphs, splitSentences } from '../../lib/segment';
import type { ArticleAnalysis, Paragraph, Sentence } from '../../lib/types';

export function invented(id: string, outlet: string | null, text: string, published: string | null = null, title = id): ArticleAnalysis {
  const paragraphs: Paragraph[] = splitParagraphs(text).map((s, index) => ({ ...s, index, role: 'body', reason: null, boilerplate: null }));
  const sentences: Sentence[] = [];
  for (const p of paragraphs) for (const s of splitSentences(text, p)) sentences.push({ ...s, index: sentences.length, paragraph: p.index });
  return {
    id,
    source: id,
    outlet,
    title,
    titleFrom: 'metadata',
    published,
    url: null,
    language: 'en',
    text,
    paragraphs,
    sentences,
    terms: [],
    stats: { words: 0, characters: text.length, boilerplateShare: 0, loadedTerms: 0 },
  };
}
