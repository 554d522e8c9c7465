/**
 * Label stage: finds lexicon terms sentence by sentence and records, for each, whose voice it is in
 * (narrator or quoted) and where its entry came from, as self-contained `TermHit`s.
 */
import { tokenize } from './normalize';
import { matchTerms, type CompiledEntry, type CompiledLexicon } from './lexicon/matcher';
import { sizedForVocabulary, tokenRange, tokensOfRange, type TokenTable, type Vocabulary } from './token-table';
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
  const opens = table ? openersFor(compiled, table.vocabulary) : undefined;
  // A copy of each entry, so a saved report stands alone even if the lexicon changes later; one per
  // entry and article, shared by its hits (an article names the same few referents many times).
  const copies = new Map<CompiledEntry, TermHit['entry']>();
  const entryCopy = (entry: CompiledEntry): TermHit['entry'] => {
    let copy = copies.get(entry);
    if (!copy) copies.set(entry, (copy = { lexicon: entry.lexicon, id: entry.id, note: entry.note, source: { ...entry.source } }));
    return copy;
  };
  sentences.forEach((s, position) => {
    // A range when the table's tokens are exactly the sentence's (no word cut by an edge).
    const range = table ? tokenRange(table, s.start, s.end) : null;
    // Most sentences hold no term: when none of their words can start one, skip reading them.
    if (range && opens && !mayHoldTerm(table!, range, compiled, opens)) return;
    // One tokenisation per sentence serves both the matcher and the reported-speech finder.
    const words = range ? tokensOfRange(table!, range) : tokenize(text, s.start, s.end);
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
        entry: entryCopy(entry),
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

/** The opener memo of a lexicon over a vocabulary, grown to the vocabulary's size. */
function openersFor(compiled: CompiledLexicon, vocabulary: Vocabulary): Uint8Array {
  let byVocabulary = openers.get(compiled);
  if (!byVocabulary) openers.set(compiled, (byVocabulary = new WeakMap()));
  const known = sizedForVocabulary(byVocabulary.get(vocabulary), vocabulary, (n) => new Uint8Array(n));
  byVocabulary.set(vocabulary, known);
  return known;
}

/**
 * False only when no word of the table's tokens `range` can start a match (a term word by itself, or
 * the first word of a longer term followed by its second word), so the sentence has none. Whether two
 * words join is left to `matchTerms`.
 */
function mayHoldTerm(table: TokenTable, range: readonly [number, number], compiled: CompiledLexicon, known: Uint8Array): boolean {
  const { root } = compiled;
  const { words } = table.vocabulary;
  for (let k = range[0]; k < range[1]; k++) {
    const id = table.ids[k]!;
    let opens = known[id]!;
    if (opens === 0) {
      const node = root.children.get(words[id]!);
      known[id] = opens = !node ? 2 : node.terminal ? 1 : 3;
    }
    if (opens === 1) return true;
    if (opens === 3 && k + 1 < range[1] && root.children.get(words[id]!)!.children.has(words[table.ids[k + 1]!]!)) return true;
  }
  return false;
}
