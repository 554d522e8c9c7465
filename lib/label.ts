/**
 * Label stage: finds lexicon terms sentence by sentence and records, for each, whose voice it is in
 * (narrator or quoted) and where its entry came from, as self-contained `TermHit`s.
 */
import { tokenize } from './normalize';
import { matchTerms, matchTermsInTable, type CompiledEntry, type CompiledLexicon, type TermMatch } from './lexicon/matcher';
import { memoByVocabulary, tokenRange, tokensOfRange, type TokenTable } from './token-table';
import { findDirectQuotes, findReportedSpeech, regionsInSentence, reportKind, sortRegions, voiceOf, type SentenceSpan } from './voice';
import type { LexiconRef, TermHit, Token } from './types';

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
  const speech = table ? speechFlagsFor(table.vocabulary) : undefined;
  sentences.forEach((s, position) => {
    // A range when the table's tokens are exactly the sentence's (no word cut by an edge): then the
    // matcher reads the table's word ids, and Token objects are made only for reported speech.
    const range = table ? tokenRange(table, s.start, s.end) : null;
    let words: Token[] | null = null;
    let matches: TermMatch[];
    if (range) matches = matchTermsInTable(table!, range[0], range[1], compiled);
    else matches = matchTerms(text, (words = tokenize(text, s.start, s.end)), compiled);
    if (matches.length === 0) return;
    const quotes = regionsInSentence(direct, s);
    // Without a speech verb or "according" the sentence has no reported speech (findReportedSpeech
    // would return none), so its regions are its direct quotes. The kinds of its words, read by word id,
    // spare findReportedSpeech looking each word up.
    const regions =
      range && !reportKinds(table!, range, speech!)
        ? sortRegions(quotes)
        : sortRegions([...quotes, ...findReportedSpeech(text, s, words ?? tokensOfRange(table!, range!), quotes, range ? tokenKinds : undefined)]);
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
  // Sentences come in order, so the hits usually do too: sort only when some pair is out of order
  // (a sort of a sorted array, being stable, gives the same array).
  for (let k = 1; k < hits.length; k++) {
    if (byStart(hits[k - 1]!, hits[k]!) > 0) return hits.sort(byStart);
  }
  return hits;
}

// A copy of each entry, so a saved report stands alone even if the lexicon changes later; one per
// compiled entry (an analysis compiles its lexicons afresh), shared by the hits of every article: a
// copy per entry and article was ~50,000 objects at 10 MB, kept to the end of the analysis.
const copies = new WeakMap<CompiledEntry, TermHit['entry']>();

function entryCopy(entry: CompiledEntry): TermHit['entry'] {
  let copy = copies.get(entry);
  if (!copy) copies.set(entry, (copy = new EntryCopy(entry.lexicon, entry.id, entry.note, { ...entry.source })));
  return copy;
}

/**
 * A `LexiconRef` (fields in the order the literal had them). The copies live to the end of the
 * analysis; made as a literal, they outlived a scavenge, V8 pretenured the literal's allocation site
 * and threw away the optimised code of labelTerms' sentence callback, which had inlined entryCopy
 * ('code dependencies'): a second compile of it in every first 10 MB run. A constructor has no such site.
 */
class EntryCopy implements LexiconRef {
  constructor(
    public lexicon: string,
    public id: string,
    public note: string,
    public source: LexiconRef['source'],
  ) {}
}

function byStart(a: TermHit, b: TermHit): number {
  return a.start - b.start || a.end - b.end;
}

/** The speech-word memo of a vocabulary: per word id, 1 + the word's `reportKind`, 0 not yet known. */
const speechFlagsFor = memoByVocabulary((n) => new Uint8Array(n));

/** The `reportKind` of each token of the last range `reportKinds` read, from its first token on. */
let tokenKinds = new Uint8Array(256);

/**
 * Writes the `reportKind` of each of the table's tokens `range` into `tokenKinds`; false when none is
 * "according" or a speech verb (then there is no reported speech in the range).
 */
function reportKinds(table: TokenTable, range: readonly [number, number], known: Uint8Array): boolean {
  const { words } = table.vocabulary;
  if (tokenKinds.length < range[1] - range[0]) tokenKinds = new Uint8Array(2 * (range[1] - range[0]));
  const kinds = tokenKinds;
  let any = false;
  for (let k = range[0]; k < range[1]; k++) {
    const id = table.ids[k]!;
    let flag = known[id]!;
    if (flag === 0) known[id] = flag = 1 + reportKind(words[id]!);
    kinds[k - range[0]] = flag - 1;
    if (flag > 1) any = true;
  }
  return any;
}
