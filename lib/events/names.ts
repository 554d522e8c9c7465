/**
 * Names in running text (capitalised word runs such as "Nassib", "Golan Heights", "Dara’a al-Balad")
 * and the spelling fold that makes transliteration variants of one name share a key.
 */
import { foldWord, tokenize } from '../normalize';
import { tokensIn, type TokenTable } from '../token-table';
import type { Span, Token } from '../types';

/** A run of capitalised words read as one name. */
export interface NameRun extends Span {
  /** Keys of the words that identify the name (titles and connectors left out), in order. */
  keys: string[];
  /** The name as written, from its first to its last key word. */
  surface: string;
}

// Office and courtesy words: "Senate Majority Leader Harry Reid", "President Obama" and "Obama" name
// one person, so a run keeps only what follows its last title word.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'dame', 'lady', 'president', 'vice', 'secretary', 'minister',
  'prime', 'sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor',
  'mayor', 'sheriff', 'king', 'queen', 'prince', 'princess', 'sheikh', 'gen', 'general', 'col',
  'colonel', 'lt', 'capt', 'captain', 'maj', 'major', 'sgt', 'adm', 'admiral', 'judge', 'justice',
  'chief', 'speaker', 'leader', 'whip', 'chairman', 'chairwoman', 'chair', 'ceo', 'director',
  'commissioner', 'ambassador', 'attorney', 'agent', 'spokesman', 'spokeswoman', 'former', 'lord',
  'ayatollah', 'pope', 'rev', 'reverend',
]);

// Lower-case particles that stay inside a name ("Dara’a al-Balad", "Ludwig van Beethoven").
const CONNECTORS = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'ibn', 'bint', 'abu', 'abd', 'de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'y']);

// Capitalised words that are never names on their own: calendar words are dates, the rest are how
// sentences, headlines and quotations commonly start.
const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'im', 'ive',
  'id', 'ill', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we',
  'they', 'you', 'his', 'her', 'our', 'their', 'my', 'your', 'in', 'on', 'at', 'of', 'for', 'and',
  'but', 'or', 'if', 'as', 'to', 'by', 'with', 'from', 'after', 'before', 'when', 'while', 'there',
  'here', 'what', 'who', 'why', 'how', 'where', 'which', 'not', 'no', 'yes', 'so', 'then', 'also',
  'photo', 'file', 'source', 'editors', 'note', 'update', 'updated', 'read', 'more', 'watch', 'video',
]);

/**
 * Folds a name for matching across spellings: `foldWord`, then letters mapped to what
 * transliterations swap (q/c→k, ph→f), doubled letters collapsed, and vowels after the first letter
 * dropped (a first vowel becomes `a`). "Dara’a", "Daraa" and "Deraa" all give `dr`; "Nassib",
 * "Nasib" and "Naseeb" give `nsb`; "Syrian" meets "Syria" (`sr`). Short words (three letters or
 * fewer, mostly acronyms) keep their folded form, because their skeletons would collide.
 */
export function nameKey(word: string): string {
  let key = KEYS.get(word);
  if (key === undefined) {
    // Bounded memo: names repeat across sentences and articles, and the fold is pure.
    if (KEYS.size > 50_000) KEYS.clear();
    KEYS.set(word, (key = computeNameKey(word)));
  }
  return key;
}

const KEYS = new Map<string, string>();

function computeNameKey(word: string): string {
  const folded = foldWord(word).replace(/[^a-z0-9]/g, '');
  if (folded.length <= 3) return folded;
  // Demonyms in -ian/-ean meet their place once the vowels go: Syrian/Syria, Jordanian/Jordan.
  const stemmed = folded.length > 5 && /(?:[iey]|ic)an$/.test(folded) ? folded.slice(0, -1) : folded;
  const mapped = stemmed.replace(/ph/g, 'f').replace(/[qc]/g, 'k').replace(/(.)\1+/g, '$1');
  const head = /[aeiouy]/.test(mapped[0] ?? '') ? 'a' : (mapped[0] ?? '');
  const skeleton = head + mapped.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  return skeleton.length >= 2 ? skeleton : folded;
}

/** Folds a multi-word name ("Dara’a al-Balad") to the keys of its identifying words ("dr bld"). */
export function nameKeyOf(phrase: string): string {
  return tokenize(phrase)
    .filter((t) => !CONNECTORS.has(t.norm) && !TITLES.has(t.norm) && t.norm.length > 1)
    .map((t) => nameKey(t.norm))
    .join(' ');
}

function isCapitalised(text: string, t: Token): boolean {
  const code = text.charCodeAt(t.start);
  // ASCII fast path: most tokens are plain English words.
  if (code < 128) return code >= 65 && code <= 90;
  const first = text[t.start] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** True when the token starts a sentence or a quotation, where capitals say nothing about names. */
/**
 * True when the token starts a sentence or a quotation, where capitals say nothing about names. Only
 * the first token and the few characters before a token are looked at, so a sentence costs O(length).
 */
function opensClause(text: string, t: Token, first: boolean): boolean {
  if (first) return true;
  const before = text.slice(Math.max(0, t.start - 4), t.start);
  // A dash opens a clause only as punctuation ("TEHRAN -Militants"), not inside "Syrian-Jordanian".
  return /[“"‘(:]\s*$/u.test(before) || /(?:\s[-–—]{1,2}|[–—])\s*$/u.test(before);
}

/** What `namesIn` found in one sentence: name runs, and the tokens that are ordinary words. */
export interface SentenceNames {
  runs: NameRun[];
  words: Token[];
}

/** A sentence's start offset with its tokens, so each sentence is tokenised once. */
export interface TokenizedSentence {
  start: number;
  tokens: Token[];
}

/** Tokenises sentence spans once for `capitalisedMidSentence` and `namesIn` (reading `table` when given). */
export function tokenizeSentences(text: string, spans: Span[], table?: TokenTable): TokenizedSentence[] {
  const shared = table?.text === text ? table : undefined;
  return spans.map((s) => ({ start: s.start, tokens: shared ? tokensIn(shared, s.start, s.end) : tokenize(text, s.start, s.end) }));
}

/**
 * Splits one sentence's tokens into name runs and ordinary words. A capitalised word opening a
 * sentence or quotation counts as a name only when `knownNames` (folded words seen capitalised
 * mid-sentence in the same article) holds it: "Russia has…" is a name, "Meanwhile, …" is not.
 * With `titleCase` (headlines) every word is held to that test.
 */
export function namesIn(text: string, sentence: TokenizedSentence, knownNames: ReadonlySet<string>, titleCase = false): SentenceNames {
  const runs: NameRun[] = [];
  const words: Token[] = [];
  // The open run; flushRun empties it. A plain loop and module-level helpers: this runs per token.
  const run: Token[] = [];
  const tokens = sentence.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const t = tokens[index]!;
    const cap = isCapitalised(text, t) && t.norm.length > 1 && !NOT_NAMES.has(t.norm) && !startsWithDigit(t.norm);
    // In a headline every word may be capitalised ("Trump Sends Investigators to Hawaii"), so there
    // only words the body writes as names count.
    const isName = cap && ((!titleCase && !opensClause(text, t, index === 0)) || knownNames.has(t.norm));
    // Guarded: reading index -1 of an empty array is a slow named-property lookup in V8.
    const prev = run.length > 0 ? run[run.length - 1] : undefined;
    const joined = prev !== undefined && JOINED.test(text.slice(prev.end, t.start));
    if (isName) {
      // A possessive ends a name: "NAACP’s Washington bureau" names two things.
      if (!joined || (prev && POSSESSIVE_END.test(text.slice(prev.start, prev.end)))) flushRun(text, run, runs, words);
      run.push(t);
    } else if (joined && CONNECTORS.has(t.norm) && !cap) {
      run.push(t);
    } else {
      flushRun(text, run, runs, words);
      words.push(t);
    }
  }
  flushRun(text, run, runs, words);
  return { runs, words };
}

const JOINED = /^[ \t\u00a0\-‐‑]*$/u;

/** `/^\d/.test(s)` without a regular expression (\d is ASCII here). */
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}
const POSSESSIVE_END = /['’‘ʼ]s$/u;
const TITLE_OF = /\b(\p{L}+)\s+of\s+$/u;

/** Closes the open run: trailing connectors go back to the words, the rest becomes a name run (if any key word is left). */
function flushRun(text: string, run: Token[], runs: NameRun[], words: Token[]): void {
  if (!run.length) return;
  while (run.length && CONNECTORS.has(run[run.length - 1]!.norm)) words.push(run.pop()!);
  // Keep what follows the last title word, when a name follows it at all.
  let from = 0;
  run.forEach((t, i) => {
    if (TITLES.has(t.norm) && run.slice(i + 1).some((u) => !TITLES.has(u.norm) && !CONNECTORS.has(u.norm))) from = i + 1;
  });
  // "Chief of Staff Rahm Emanuel", "Secretary of State Hillary Clinton": the word after
  // "<title> of" belongs to the office.
  const before = run[0] ? text.slice(Math.max(0, run[0].start - 24), run[0].start) : '';
  if (from === 0 && run.length >= 3 && TITLE_OF.test(before) && TITLES.has(foldWord(TITLE_OF.exec(before)?.[1] ?? ''))) from = 1;
  const keyTokens = run.slice(from).filter((t) => !CONNECTORS.has(t.norm) && !TITLES.has(t.norm));
  const first = keyTokens[0];
  const last = keyTokens[keyTokens.length - 1];
  if (first && last) {
    runs.push({ start: first.start, end: last.end, keys: keyTokens.map((t) => nameKey(t.norm)), surface: text.slice(first.start, last.end).replace(/['’‘ʼ]s$/u, '') });
  }
  run.length = 0;
}

/** Folded words an article writes capitalised somewhere other than at the start of a sentence. */
export function capitalisedMidSentence(text: string, sentences: TokenizedSentence[]): Set<string> {
  const seen = new Set<string>();
  for (const s of sentences) {
    for (let index = 0; index < s.tokens.length; index++) {
      const t = s.tokens[index]!;
      if (isCapitalised(text, t) && !NOT_NAMES.has(t.norm) && !opensClause(text, t, index === 0)) seen.add(t.norm);
    }
  }
  return seen;
}
