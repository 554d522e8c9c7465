/**
 * Sentence features for alignment: folds each sentence to weighted keys that survive rewording
 * (stems, spelling-folded names, whole numbers, lexicon referents), so "captured the Nassib border
 * crossing" and "retaken control of the Nasib border crossing" share most of their weight.
 */
import { foldWord } from '../normalize';
import { boundedMemo } from '../memo';
import type { ArticleAnalysis, Sentence, TermHit } from '../types';

/** One sentence's keys with their weights (IDF times a kind multiplier). */
export interface SentenceFeatures {
  article: number;
  sentence: Sentence;
  weights: Map<string, number>;
  /** Sum of `weights`, cached for the similarity denominator. */
  norm: number;
}

// Function words and reporting verbs: present in most sentences, so they say nothing about the fact.
const STOPWORDS = new Set(
  (
    'a an the of in on at to for from with by as and or but nor is are was were be been being am it its ' +
    'this that these those there their they them he she his her him we our us you your i me my who whom ' +
    'which what when where while after before over under into onto than then so if not no only also ' +
    'other such some all both each any up out about since per via very more most much many can could ' +
    'would will shall should may might must do does did done has have had having says said say told ' +
    'tell according al el just still yet again however meanwhile even within without against between ' +
    'during near around upon across among whether though although because until ' +
    // Titles: a title is not a name, and outlets title the same person differently.
    'president mr mrs ms dr king minister general'
  ).split(' '),
);

// Days and months are capitalised but are no names: plain words, so a shared "Friday" counts a little.
const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december'
  ).split(' '),
);

// Irregular forms the suffix stripper cannot reach.
const IRREGULAR: Record<string, string> = {
  fled: 'flee', fleeing: 'flee', taken: 'take', took: 'take', retaken: 'retake', retook: 'retake',
  seized: 'seize', held: 'hold', began: 'begin', begun: 'begin', fought: 'fight', lost: 'lose',
  left: 'leave', gave: 'give', given: 'give', met: 'meet', came: 'come', went: 'go', gone: 'go',
  killed: 'kill', men: 'man', women: 'woman', children: 'child', people: 'people',
};

// A handful of concepts news rewrites swap freely; folded to one key so paraphrases still meet.
// Kept tiny on purpose: a general synonym list would merge facts that differ.
const CONCEPT_WORDS: Record<string, string[]> = {
  '~resume': ['resume', 'return', 'restart', 'renew'],
  '~capture': ['capture', 'recapture', 'retake', 'seize'],
  '~talk': ['talk', 'negotiation', 'negotiate'],
  '~flee': ['flee', 'displace', 'displacement'],
  '~arms': ['weapon', 'arm', 'munition'],
  '~truce': ['ceasefire', 'truce'],
};

/** Lemma-ish stem: plural, -ed, -ing, -ment, -ion and a final -e removed, so "forces"/"force" and "captured"/"capture" meet. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return stem2(irregular);
  return stem2(word);
}

function stem2(word: string): string {
  if (word.length <= 3) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(?:ch|sh|x|z|ss)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  else if (s.endsWith('ment') && s.length > 7) s = s.slice(0, -4);
  else if (s.endsWith('ion') && s.length > 7) s = s.slice(0, -3);
  // "stopped" → "stopp" → "stop"; keep "ll"/"ss" ("kill", "pass").
  if (/([b-df-hj-km-rt-z])\1$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

let conceptByStem: Map<string, string> | null = null;

/** Stem → concept key, built once from {@link CONCEPT_WORDS} through the same stemmer the text goes through. */
function concepts(): Map<string, string> {
  if (conceptByStem) return conceptByStem;
  conceptByStem = new Map();
  for (const [concept, words] of Object.entries(CONCEPT_WORDS)) for (const w of words) conceptByStem.set(stem(w), concept);
  return conceptByStem;
}

/**
 * Consonant skeleton of a folded name: first letter kept, later vowels dropped, doubled letters
 * collapsed, a demonym's "-ian" read as the place. Nassib/Nasib/Naseeb → "nsb", Daraa/Deraa → "dr",
 * Syrian/Syria → "sr", Jordanian/Jordan → "jrdn".
 */
export function skeleton(folded: string): string {
  const w = folded.replace(/[^a-z0-9]/g, '');
  const base = w.endsWith('ian') ? w.slice(0, -1) : w;
  if (base.length === 0) return folded;
  const rest = base.slice(1).replace(/[aeiouy]/g, '');
  return (base[0] + rest).replace(/(.)\1+/g, '$1');
}

/** Numbers as written ("320,000", "2.5") folded to their digits, so separators do not matter. */
const NUMBER = /\d+(?:[.,]\d+)*/g;

// Kind multipliers on top of IDF: a shared figure or name is far stronger evidence of the same fact
// than a shared common word. Long figures (320,000) more so than small ones (4, July 3).
const WEIGHT_NUMBER_LONG = 4;
const WEIGHT_NUMBER_SHORT = 1;
const WEIGHT_YEAR = 2;
const WEIGHT_NAME = 2;
const WEIGHT_REFERENT = 2;
const WEIGHT_WORD = 1;
// A concept match ("resume"/"return") is a paraphrase of the same action: stronger than a shared word.
const WEIGHT_CONCEPT = 2;

/** A word of a sentence: offsets, folded form, and whether it was written with a capital. */
interface Word {
  start: number;
  norm: string;
  capital: boolean;
}

// The same word pattern as lib/normalize, with folding cached: NFKD folding dominates the cost of
// alignment otherwise, and news text repeats its words.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ`´][\p{L}\p{N}\p{M}]+)*/gu;

function words(text: string, sentence: Sentence, cache: Map<string, string>): Word[] {
  const out: Word[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(WORD)) {
    const raw = m[0];
    let norm = cache.get(raw);
    if (norm === undefined) {
      norm = foldWord(raw);
      cache.set(raw, norm);
    }
    const first = raw[0] ?? '';
    out.push({ start: sentence.start + (m.index ?? 0), norm, capital: first !== first.toLowerCase() });
  }
  return out;
}

/** Raw (pre-IDF) keys of one sentence with their kind multipliers. */
function sentenceKeys(
  text: string,
  sentence: Sentence,
  tokens: readonly Word[],
  terms: readonly TermHit[],
  lowercaseSeen: ReadonlySet<string>,
): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (key: string, mult: number) => keys.set(key, Math.max(keys.get(key) ?? 0, mult));
  // Lexicon hits name a referent however it is worded ("government forces" / "al-Assad's forces"):
  // one key per referent, and the hit's own words stop counting as plain words.
  const covered: { start: number; end: number }[] = [];
  for (const t of terms) {
    if (t.start < sentence.start || t.end > sentence.end) continue;
    add(`@${t.referent}`, WEIGHT_REFERENT);
    covered.push(t.phrase ?? t);
  }
  const inHit = (start: number) => covered.some((c) => start >= c.start && start < c.end);
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(NUMBER)) {
    const digits = m[0].replace(/[.,]/g, '');
    // A year places a fact in time but many facts share one; a count ("320,000") nearly identifies it.
    const year = /^(?:19|20)\d\d$/.test(m[0]);
    add(`#${digits}`, year ? WEIGHT_YEAR : digits.length >= 3 ? WEIGHT_NUMBER_LONG : WEIGHT_NUMBER_SHORT);
  }
  tokens.forEach((tok, i) => {
    if (inHit(tok.start) || /^\d/.test(tok.norm) || STOPWORDS.has(tok.norm)) return;
    // A capital at the start of a sentence proves nothing; there, the word is a name only if the
    // compared texts never write it in lower case.
    const asName = tok.capital && !CALENDAR.has(tok.norm) && (i > 0 || !lowercaseSeen.has(tok.norm));
    if (!asName && tok.norm.length < 2) return;
    const [key, mult] = wordKey(tok.norm, asName);
    add(key, mult);
  });
  return keys;
}

// Folded word → key, as a name and as a word. Pure functions of the word, so one memo of each
// serves every call (bounded, so a long-running server does not grow them without bound).
const nameKeyOf = boundedMemo((norm: string): readonly [string, number] => [`N:${skeleton(norm)}`, WEIGHT_NAME]);
const plainKeyOf = boundedMemo((norm: string): readonly [string, number] => {
  const s = stem(norm);
  const concept = concepts().get(s);
  return concept ? [concept, WEIGHT_CONCEPT] : [s, WEIGHT_WORD];
});

function wordKey(norm: string, asName: boolean): readonly [string, number] {
  return asName ? nameKeyOf(norm) : plainKeyOf(norm);
}

/** Which articles' sentences take part in alignment: body text, never chrome, captions or titles. */
export function isAlignable(article: ArticleAnalysis, sentence: Sentence): boolean {
  const p = article.paragraphs[sentence.paragraph];
  if (!p || p.role !== 'body') return false;
  // Stock and copied paragraphs still report facts (and their word swaps matter); chrome does not.
  return p.boilerplate?.kind !== 'chrome';
}

/**
 * Features of every alignable sentence of every article, weighted by IDF over the compared
 * sentences: a key every sentence shares weighs little, a figure only two sentences share weighs a lot.
 */
export function buildFeatures(articles: readonly ArticleAnalysis[]): SentenceFeatures[][] {
  const cache = new Map<string, string>();
  const lowercaseSeen = new Set<string>();
  const tokenized = articles.map((a) => {
    const hitsBySentence = new Map<number, TermHit[]>();
    for (const t of a.terms) {
      const list = hitsBySentence.get(t.sentence);
      if (list) list.push(t);
      else hitsBySentence.set(t.sentence, [t]);
    }
    return a.sentences
      .filter((s) => isAlignable(a, s))
      .map((s) => {
        const tokens = words(a.text, s, cache);
        for (const t of tokens) if (!t.capital) lowercaseSeen.add(t.norm);
        return { sentence: s, tokens, terms: hitsBySentence.get(s.index) ?? [] };
      });
  });
  const raw = tokenized.map((list, ai) =>
    list.map(({ sentence, tokens, terms }) => ({
      article: ai,
      sentence,
      keys: sentenceKeys(articles[ai]!.text, sentence, tokens, terms, lowercaseSeen),
    })),
  );
  const df = new Map<string, number>();
  let total = 0;
  for (const list of raw) {
    for (const r of list) {
      total++;
      for (const k of r.keys.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    }
  }
  return raw.map((list) =>
    list.map((r) => {
      const weights = new Map<string, number>();
      let norm = 0;
      for (const [k, mult] of r.keys) {
        const w = mult * Math.log(1 + total / (df.get(k) ?? 1));
        weights.set(k, w);
        norm += w;
      }
      return { article: r.article, sentence: r.sentence, weights, norm };
    }),
  );
}

/** Fewest keys two sentences must share to count as alike at all: two shared words is coincidence. */
export const MIN_SHARED_KEYS = 3;

/**
 * Weighted overlap of two sentences, 0..1: shared weight over the geometric mean of their totals;
 * 0 when they share fewer than {@link MIN_SHARED_KEYS} keys.
 */
export function similarity(a: SentenceFeatures, b: SentenceFeatures): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let shared = 0;
  let count = 0;
  for (const [k, w] of small.weights) {
    const v = large.weights.get(k);
    if (v === undefined) continue;
    shared += Math.min(w, v);
    count++;
  }
  if (count < MIN_SHARED_KEYS) return 0;
  return shared / Math.sqrt(a.norm * b.norm);
}
