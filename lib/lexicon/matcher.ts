/**
 * Lexicon matcher: compiles every entry into one token trie keyed by folded words, then finds the
 * longest entry at each token in a single left-to-right pass (flat cost as lexicons grow, unlike a
 * regex alternation; see the shared PERFORMANCE notes).
 */
import { sliceOrKnown, tokenize } from '../normalize';
import { sizedForVocabulary, type TokenTable, type Vocabulary } from '../token-table';
import type { Lexicon, LexiconEntry, Quote, Span, Token } from '../types';

/** An entry as the matcher reports it: the entry plus the lexicon it came from. */
export interface CompiledEntry extends LexiconEntry {
  lexicon: string;
}

/** A lexicon entry found in a text; `text === source.slice(start, end)`. */
export interface TermMatch extends Quote {
  entry: CompiledEntry;
  /** For stacked labels ("Foreign-sponsored Takfiri militants"): the whole phrase, on every part. */
  phrase: Span | null;
}

/** One step of the trie: the next folded word, and the entry (if any) whose variant ends here. */
export interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: Terminal | null;
}

/** What ends at a trie node: an entry, or (entry null) an exclusion phrase that swallows its words. */
export interface Terminal {
  entry: CompiledEntry | null;
  /** Written in the lexicon, as opposed to derived (plural/singular); written forms win ties. */
  explicit: boolean;
}

/** All lexicons in one trie; build once with `compileLexicon` and reuse for every article. */
export interface CompiledLexicon {
  readonly root: TrieNode;
  readonly entries: readonly CompiledEntry[];
  /** Wordings claimed by entries of different lexicons; the first lexicon given keeps them. */
  readonly conflicts: readonly string[];
}

/**
 * Compiles lexicons into one trie. Each variant is added as its folded token sequence; head entries
 * whose last word is a lower-case common noun also get its plural or singular ("militants" also
 * matches "militant"), while names ("Daesh", "Golan Heights") and modifiers are taken as written.
 */
export function compileLexicon(lexicons: readonly Lexicon[]): CompiledLexicon {
  const root: TrieNode = { children: new Map(), terminal: null };
  const entries: CompiledEntry[] = [];
  const conflicts: string[] = [];
  const owner = new Map<string, CompiledEntry>();

  const add = (words: string[], terminal: Terminal) => {
    if (words.length === 0) return;
    let node = root;
    for (const w of words) {
      let next = node.children.get(w);
      if (!next) node.children.set(w, (next = { children: new Map(), terminal: null }));
      node = next;
    }
    const old = node.terminal;
    if (!old || (terminal.explicit && !old.explicit) || (old.entry === null && terminal.entry !== null)) {
      node.terminal = terminal;
    }
    const key = words.join(' ');
    const claimant = owner.get(key);
    if (terminal.entry && terminal.explicit) {
      if (!claimant) owner.set(key, terminal.entry);
      else if (claimant.lexicon !== terminal.entry.lexicon && claimant.referent !== terminal.entry.referent) {
        conflicts.push(
          `"${key}" is claimed by ${claimant.lexicon}/${claimant.id} and ${terminal.entry.lexicon}/${terminal.entry.id}; ${claimant.lexicon} keeps it`,
        );
      }
    }
  };

  // Written variants first, so a derived form never displaces another entry's written one.
  const derived: Array<[string[], Terminal]> = [];
  for (const lexicon of lexicons) {
    for (const e of lexicon.entries) {
      const entry: CompiledEntry = { ...e, lexicon: lexicon.id };
      entries.push(entry);
      for (const variant of e.variants) {
        const words = foldWords(variant);
        add(words, { entry, explicit: true });
        if (e.role === 'head') {
          for (const form of inflect(variant, words)) derived.push([form, { entry, explicit: false }]);
        }
      }
      for (const phrase of e.exclude ?? []) derived.push([foldWords(phrase), { entry: null, explicit: false }]);
    }
  }
  for (const [words, terminal] of derived) add(words, terminal);
  return { root, entries, conflicts };
}

/**
 * Finds lexicon terms among `tokens` (from `tokenize(text, ...)`), longest match first at each token.
 * Words of one term may be separated only by spaces, one line break or a hyphen, so a term never
 * spans punctuation ("rebels. Terror" is not "rebels terror"). Modifiers directly followed by a head
 * are reported separately, each carrying the whole stacked phrase in `phrase`.
 */
export function matchTerms(text: string, tokens: readonly Token[], compiled: CompiledLexicon): TermMatch[] {
  const found: Array<{ start: number; end: number; entry: CompiledEntry }> = [];
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = compiled.root;
    let best: { last: number; terminal: Terminal } | null = null;
    for (let j = i; j < tokens.length; j++) {
      const token = tokens[j] as Token;
      node = node.children.get(token.norm);
      if (!node) break;
      // Whether the words join is asked only once the trie goes on (most words end the walk).
      if (j > i && !joins(text, (tokens[j - 1] as Token).end, token.start)) break;
      if (node.terminal) best = { last: j, terminal: node.terminal };
    }
    if (!best) {
      i++;
      continue;
    }
    const entry = best.terminal.entry;
    if (entry) found.push({ start: (tokens[i] as Token).start, end: (tokens[best.last] as Token).end, entry });
    i = best.last + 1;
  }
  return stack(text, found);
}

/** The trie with its words numbered (codes from 1), so a token table's word ids can walk it. */
interface CodedNode {
  children: Map<number, CodedNode>;
  terminal: Terminal | null;
}

interface CodedTrie {
  root: CodedNode;
  /** The root's children by code (an array: the root is looked up at every token). */
  rootByCode: (CodedNode | undefined)[];
  /** Folded word → code, for every word on any edge of the trie. */
  codes: Map<string, number>;
  /** Per vocabulary, per word id: the word's code, -1 when no edge carries it, 0 not yet known. */
  byVocabulary: WeakMap<Vocabulary, Int32Array>;
}

const codedTries = new WeakMap<CompiledLexicon, CodedTrie>();

function codedTrieOf(compiled: CompiledLexicon): CodedTrie {
  let trie = codedTries.get(compiled);
  if (!trie) {
    const codes = new Map<string, number>();
    const code = (node: TrieNode): CodedNode => {
      const children = new Map<number, CodedNode>();
      for (const [word, child] of node.children) {
        let c = codes.get(word);
        if (c === undefined) codes.set(word, (c = codes.size + 1));
        children.set(c, code(child));
      }
      return { children, terminal: node.terminal };
    };
    const root = code(compiled.root);
    const rootByCode: (CodedNode | undefined)[] = new Array<CodedNode | undefined>(codes.size + 1).fill(undefined);
    for (const [c, child] of root.children) rootByCode[c] = child;
    trie = { root, rootByCode, codes, byVocabulary: new WeakMap() };
    codedTries.set(compiled, trie);
  }
  return trie;
}

// The word codes of the last lexicon and vocabulary matched (one pair serves a whole corpus).
let lastCompiled: CompiledLexicon | null = null;
let lastVocabulary: Vocabulary | null = null;
let lastTrie: CodedTrie | null = null;
let lastCodes: Int32Array = new Int32Array(0);

/**
 * `matchTerms` over the tokens `[first, last)` of a token table (a range from `tokenRange`), with the
 * same result as `matchTerms(table.text, tokensOfRange(table, [first, last]), compiled)`: the trie is
 * walked by word id (each id's code memoised per lexicon and vocabulary), so no Token is made.
 */
export function matchTermsInTable(table: TokenTable, first: number, last: number, compiled: CompiledLexicon): TermMatch[] {
  const { vocabulary } = table;
  if (compiled !== lastCompiled || vocabulary !== lastVocabulary || lastCodes.length < vocabulary.size) {
    const trie = codedTrieOf(compiled);
    lastCodes = sizedForVocabulary(trie.byVocabulary.get(vocabulary), vocabulary, (n) => new Int32Array(n));
    trie.byVocabulary.set(vocabulary, lastCodes);
    lastCompiled = compiled;
    lastVocabulary = vocabulary;
    lastTrie = trie;
  }
  const trie = lastTrie!;
  const known = lastCodes;
  const { text, ids, starts, ends } = table;
  const words = vocabulary.words;
  let found: Array<{ start: number; end: number; entry: CompiledEntry }> | null = null;
  let i = first;
  const { rootByCode } = trie;
  while (i < last) {
    let node: CodedNode | undefined;
    let bestLast = -1;
    let best: Terminal | null = null;
    for (let j = i; j < last; j++) {
      const id = ids[j]!;
      let c = known[id]!;
      if (c === 0) known[id] = c = trie.codes.get(words[id]!) ?? -1;
      if (c < 0) break;
      node = node === undefined ? rootByCode[c] : node.children.get(c);
      if (!node) break;
      // Whether the words join is asked only once the trie goes on (most words end the walk).
      if (j > i && !joins(text, ends[j - 1]!, starts[j]!)) break;
      if (node.terminal) {
        bestLast = j;
        best = node.terminal;
      }
    }
    if (!best) {
      i++;
      continue;
    }
    const entry = best.entry;
    if (entry) (found ??= []).push({ start: starts[i]!, end: ends[bestLast]!, entry });
    i = bestLast + 1;
  }
  return found ? stack(text, found) : [];
}

// Per entry, the last text it was found as.
const lastSpelling = new WeakMap<CompiledEntry, string>();

/**
 * `text.slice(start, end)`, a match of `entry`: the string given for its last match when that reads the
 * same. A 10 MB corpus has ~130,000 hits but ~150 spellings, and the hits are kept to the end of the
 * analysis: one string per spelling rather than one per hit (~3.7 MB less to copy at each scavenge).
 */
function spelling(text: string, start: number, end: number, entry: CompiledEntry): string {
  const last = lastSpelling.get(entry);
  const quote = sliceOrKnown(last, text, start, end);
  if (quote !== last) lastSpelling.set(entry, quote);
  return quote;
}

/** Quotes each match and gives every run of adjacent modifiers that ends in a head the span of the whole run. */
function stack(text: string, found: Array<{ start: number; end: number; entry: CompiledEntry }>): TermMatch[] {
  // Plain literals rather than spreads (which cost more in this per-term loop); same keys, same order.
  // By push rather than map, whose optimised form gives a holey array where the builtin gave a packed
  // one: the loop below, optimised for one, was thrown away at the first of the other.
  const out: TermMatch[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    out.push({ start: f.start, end: f.end, entry: f.entry, phrase: null, text: spelling(text, f.start, f.end, f.entry) });
  }
  let runStart = 0;
  for (let k = 0; k < out.length; k++) {
    const hit = out[k]!;
    const prev = k > 0 ? out[k - 1] : undefined; // never index -1: a slow property lookup in V8
    const continues = prev !== undefined && prev.entry.role === 'modifier' && joins(text, prev.end, hit.start);
    if (!continues) runStart = k;
    if (hit.entry.role === 'head' && k > runStart) {
      const phrase = { start: out[runStart]!.start, end: hit.end };
      for (let r = runStart; r <= k; r++) out[r]!.phrase = phrase;
    }
  }
  return out;
}

// Between two words of one term: blanks, at most one line break, and at most one hyphen; a plural
// possessive apostrophe may end the first word ("militants’ positions" is not a term, but "rebels’ " is fine).
// That is /^['’]?[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*(?:[-\u2010\u2011][ \t\u00a0]*)?$/ on the gap, read by
// character code without slicing (each part's characters differ from the next part's, so reading
// greedily left to right never needs to back up). `from` is not negative.
export function joins(text: string, from: number, to: number): boolean {
  if (to <= from || to - from > 6) return false;
  // As slice would, read no further than the text's end (an empty gap joins).
  const end = Math.min(to, text.length);
  let i = from;
  if (i >= end) return true;
  let c = text.charCodeAt(i);
  if (c === 0x27 || c === 0x2019) {
    if (++i === end) return true;
    c = text.charCodeAt(i);
  }
  while (c === 0x20 || c === 0x09 || c === 0xa0) {
    if (++i === end) return true;
    c = text.charCodeAt(i);
  }
  if (c === 0x0d) {
    if (++i === end) return false;
    c = text.charCodeAt(i);
    if (c !== 0x0a) return false;
  }
  if (c === 0x0a) {
    if (++i === end) return true;
    c = text.charCodeAt(i);
  }
  while (c === 0x20 || c === 0x09 || c === 0xa0) {
    if (++i === end) return true;
    c = text.charCodeAt(i);
  }
  if (c === 0x2d || c === 0x2010 || c === 0x2011) {
    if (++i === end) return true;
    c = text.charCodeAt(i);
  }
  while (c === 0x20 || c === 0x09 || c === 0xa0) {
    if (++i === end) return true;
    c = text.charCodeAt(i);
  }
  return false;
}

function foldWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

/** The plural or singular of a variant's last word, when that word is a lower-case common noun. */
function inflect(variant: string, words: string[]): string[][] {
  const lastToken = tokenize(variant).at(-1);
  const last = words.at(-1);
  if (!lastToken || !last) return [];
  const written = variant.slice(lastToken.start, lastToken.end);
  if (written !== written.toLowerCase() || !/^[a-z]+$/.test(last)) return [];
  const stem = words.slice(0, -1);
  return [plural(last), singular(last)].filter((w): w is string => w !== null && w !== last).map((w) => [...stem, w]);
}

function plural(word: string): string | null {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word.endsWith('s') && !word.endsWith('ss') ? null : `${word}es`;
  return `${word}s`;
}

function singular(word: string): string | null {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^sui]s$/.test(word)) return word.slice(0, -1);
  return null;
}
