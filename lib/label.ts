/**
 * Label stage: finds lexicon terms sentence by sentence and records, for each, whose voice it is in
 * (narrator or quoted) and where its entry came from, as self-contained `TermHit`s.
 */
import { tokenize } from './normalize';
import { matchTerms, type CompiledLexicon } from './lexicon/matcher';
import { tokensIn, type TokenTable } from './token-table';
import { findDirectQuotes, findReportedSpeech, regionsInSentence, sortRegions, voiceOf, type SentenceSpan } from './voice';
import type { TermHit } from './types';

/**
 * Term hits of one article, sorted by start. Matching runs inside each sentence, so a term never
 * spans two sentences, and `sentence` is the sentence's `index` (its position when spans carry none).
 * `tokens`, the article's token table when the caller has one, spares tokenising each sentence again.
 */
export function labelTerms(
  text: string,
  sentences: readonly (SentenceSpan & { index?: number })[],
  compiled: CompiledLexicon,
  tokens?: TokenTable,
): TermHit[] {
  if (compiled.entries.length === 0) return [];
  const direct = findDirectQuotes(text, sentences);
  const hits: TermHit[] = [];
  sentences.forEach((s, position) => {
    // One tokenisation per sentence serves both the matcher and the reported-speech finder.
    const words = tokens?.text === text ? tokensIn(tokens, s.start, s.end) : tokenize(text, s.start, s.end);
    const matches = matchTerms(text, words, compiled);
    if (matches.length === 0) return;
    const quotes = regionsInSentence(direct, s);
    const regions = sortRegions([...quotes, ...findReportedSpeech(text, s, words, quotes)]);
    for (const m of matches) {
      const { voice, quote } = voiceOf(regions, m);
      const { entry } = m;
      hits.push({
        start: m.start,
        end: m.end,
        text: m.text,
        referent: entry.referent,
        label: entry.label,
        connotation: entry.connotation,
        voice,
        quote,
        phrase: m.phrase,
        // A copy, so a saved report stands alone even if the lexicon changes later.
        entry: { lexicon: entry.lexicon, id: entry.id, note: entry.note, source: { ...entry.source } },
        sentence: s.index ?? position,
      });
    }
  });
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}
