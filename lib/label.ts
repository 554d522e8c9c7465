/**
 * Label stage: finds lexicon terms sentence by sentence and records, for each, whose voice it is in
 * (narrator or quoted) and where its entry came from, as self-contained `TermHit`s.
 */
import { tokenize } from './normalize';
import { matchTerms, type CompiledLexicon } from './lexicon/matcher';
import { tokenRange, tokensIn, type TokenTable, type Vocabulary } from './token-table';
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
  const table = tokens?.text === text ? tokens : undefined;
  sentences.forEach((s, position) => {
    // Most sentences hold no term: when none of their words can start one, skip reading them.
    if (table && !mayHoldTerm(table, s.start, s.end, compiled)) return;
    // One tokenisation per sentence serves both the matcher and the reported-speech finder.
    const words = table ? tokensIn(table, s.start, s.end) : tokenize(text, s.start, s.end);
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

/**
 * Per lexicon and vocabulary, per word id: 1 when the word is a term by itself, 3 when it starts only
 * longer terms, 2 when it starts none, 0 not yet known.
 */
const openers = new WeakMap<CompiledLexicon, WeakMap<Vocabulary, Uint8Array>>();

/**
 * False only when no word of `[start, end)` can start a match (a term word by itself, or the first word
 * of a longer term followed by its second word), so the sentence has none. True when unsure: a word of
 * the table crossing an edge tokenises differently, and whether two words join is left to `matchTerms`.
 */
function mayHoldTerm(table: TokenTable, start: number, end: number, compiled: CompiledLexicon): boolean {
  const range = tokenRange(table, start, end);
  if (!range) return true;
  let byVocabulary = openers.get(compiled);
  if (!byVocabulary) openers.set(compiled, (byVocabulary = new WeakMap()));
  const { vocabulary } = table;
  let known = byVocabulary.get(vocabulary);
  if (!known || known.length < vocabulary.size) {
    const grown = new Uint8Array(Math.max(1024, vocabulary.size * 2));
    if (known) grown.set(known);
    byVocabulary.set(vocabulary, (known = grown));
  }
  const { root } = compiled;
  for (let k = range[0]; k < range[1]; k++) {
    const id = table.ids[k]!;
    let opens = known[id]!;
    if (opens === 0) {
      const node = root.children.get(vocabulary.words[id]!);
      known[id] = opens = !node ? 2 : node.terminal ? 1 : 3;
    }
    if (opens === 1) return true;
    if (opens === 3 && k + 1 < range[1] && root.children.get(vocabulary.words[id]!)!.children.has(vocabulary.words[table.ids[k + 1]!]!)) return true;
  }
  return false;
}
