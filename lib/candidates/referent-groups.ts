/**
 * Same-referent grouping without a lexicon: labels that different outlets use for one actor
 * ("militants" / "rebels" / "terrorists") grouped into a proposed referent, from four kinds of
 * evidence: same-slot swaps, words that only one side of an aligned sentence pair has, context words
 * shared within the event, and complementary use across outlets.
 */
import { gluedAt } from '../adapters/diff';
import type { ProposedReferent } from '../types';
import type { AlignedPair, Swap } from './swaps';
import { memoByVocabulary } from '../token-table';
import { CAPITAL, normAt, stemId, stemIdCount, stemOf, wordRange, type ArticleWords, type WordToken } from './words';

/** Tuning for {@link proposeReferents}. */
export interface ReferentOptions {
  /** Least evidence for two labels to be linked. Default 0.6. */
  minLink?: number;
  /** Least uses of a label across an event. Default 2. */
  minUses?: number;
  /** Most labels in one proposed referent (a guard against chaining). Default 8. */
  maxLabels?: number;
}

/** A proposed referent with what the candidate finder needs to find its labels again. */
export interface ReferentGroup extends ProposedReferent {
  /** Index of the event (in the `groups` given) it was found in. */
  event: number;
  /** Stems of its labels, in the order of `labels`. */
  stems: string[];
}

/** The proposed referents, and per event the people-naming labels that were considered. */
export interface ReferentProposal {
  groups: ReferentGroup[];
  /** Per event (index into `groups` given): stems of nouns that name people or groups and that some side never uses. */
  labels: string[][];
}

/** What the grouping is computed from. */
export interface ReferentInput {
  words: readonly ArticleWords[];
  /** Article ids per event. */
  groups: readonly (readonly string[])[];
  /** Outlet (or article id when unknown) per article id: articles of one side are never contrasted. */
  sideOf: (article: string) => string;
  pairs: readonly AlignedPair[];
  swaps: readonly Swap[];
}

const DETERMINERS = new Set(
  'the a an their its his her our these those some many several all of for with by against between among from'.split(' '),
);
/** Words after which a plural-looking "-s" form is a verb ("he says"), not a plural noun. */
const SUBJECTS = new Set('he she it who which that'.split(' '));
/** Words after which a word is being used as a verb ("to return", "they hope"). */
const VERBAL = new Set('to will would can could may might must should they we i he she it who not did does do'.split(' '));

// Evidence that a noun names people or a group of them, the kind of thing outlets label differently.
/** Agentive endings: "militant", "terrorist", "insurgent", "protester", "rebel", "soldier", "civilian", "detainee". */
const AGENTIVE = /(?:[^m]ists?|ants?|[^m]ents?|ers?|ors?|ians?|ees?|ites?|els?)$/;
/** Common nouns with those endings that do not name people. */
const NOT_AGENTIVE =
  /^(?:border|order|number|power|water|matter|letter|paper|center|centre|other|after|under|over|river|quarter|chapter|corner|danger|error|floor|door|labou?r|colou?r|factor|sector|honou?r|terror|mirror|dinner|summer|winter|cancer|computer|manner|offer|answer|tower|hour|level|model|panel|channel|hotel|label|tunnel|vessel|fuel|travel|parcel|event|moment|element|statement|agreement|government|movement|content|extent|percent|intent|incident|accident|talent|comment|settlement|amount|plant|grant|variant|frontier|surrender|handover|weather|register|meter|letter|filter|trigger|shelter|barrier|ladder|lawn|disaster|character|theater|theatre|desert|concert|effort|report|resort|airport|support)s?$/;
/** Words that follow a person as subject ("militants say", "rebels who"). */
const PERSON_NEXT = new Set(
  'who whom say said says told claim claimed claims hope hoped fear feared want wanted agree agreed accuse accused insist insisted deny denied warn warned demand demanded refuse refused reject rejected announce announced fled vowed argue argued believe believed'.split(' '),
);
/** Words that count people before a noun ("thousands of", "numerous"). */
const PERSON_PREV = new Set('thousands hundreds dozens numerous scores'.split(' '));
/** Heads after which the word before is a group's label ("terrorist groups", "opposition factions"). */
const GROUP_HEAD = new Set(
  'group groups faction factions fighters forces movement members supporters leaders leader commanders commander spokesman spokeswoman spokesperson positions ranks'.split(' '),
);

// What a word tells {@link ActorEvidence.add} about itself or the word beside it, as bits: it depends
// on the word alone, so it is worked out once per word id of a vocabulary (an array read per use and
// neighbour instead of up to six Set and Map lookups).
/** In SUBJECTS. */
const SUBJECT = 1;
/** In DETERMINERS. */
const DETERMINER = 2;
/** In VERBAL. */
const BEFORE_VERB = 4;
/** In PERSON_NEXT or GROUP_HEAD: a word that follows a person or group. */
const AFTER_PERSON = 8;
/** In PERSON_PREV: a word that counts people before a noun. */
const BEFORE_PERSON = 16;
/** An agentive ending (AGENTIVE) on a word that is not one of NOT_AGENTIVE. */
const AGENTIVE_WORD = 32;

function classesOf(norm: string): number {
  return (
    (SUBJECTS.has(norm) ? SUBJECT : 0) |
    (DETERMINERS.has(norm) ? DETERMINER : 0) |
    (VERBAL.has(norm) ? BEFORE_VERB : 0) |
    (PERSON_NEXT.has(norm) || GROUP_HEAD.has(norm) ? AFTER_PERSON : 0) |
    (PERSON_PREV.has(norm) ? BEFORE_PERSON : 0) |
    (AGENTIVE.test(norm) && !NOT_AGENTIVE.test(norm) ? AGENTIVE_WORD : 0)
  );
}

/** The word is its stem plus "s" or "es" (see {@link isPluralOf}); set only by {@link classesAt}, read only of the word itself. */
const PLURAL = 64;
/** Marks a memoised entry of {@link classesByWordId} (0: not worked out yet). */
const KNOWN = 128;
const classesByWordId = memoByVocabulary((n) => new Uint8Array(n));

/**
 * The bits of token `i` of `words` (see {@link classesOf}) and {@link PLURAL}, none for no token (-1).
 * Memoised by word id in `memo` (its vocabulary's, or null when the words were not read from a token
 * table): the plural test depends on the word alone too, as its stem does.
 */
function classesAt(words: ArticleWords, i: number, memo: Uint8Array | null): number {
  if (i < 0) return 0;
  const id = words.wordIds[i]!;
  if (memo === null || id < 0 || id >= memo.length) return wordBits(words, i);
  const bits = memo[id]!;
  if (bits !== 0) return bits;
  return (memo[id] = wordBits(words, i) | KNOWN);
}

/** {@link classesOf} of token `i` of `words`, with {@link PLURAL} when it is the plural of its stem. */
function wordBits(words: ArticleWords, i: number): number {
  const norm = normAt(words, i);
  return classesOf(norm) | (isPluralOf(norm, stemOf(words.stemIds[i]!)) ? PLURAL : 0);
}

/** One use of a word, with its neighbours in the sentence (see {@link actorLike}). */
export interface Use {
  token: WordToken;
  prev: WordToken | undefined;
  next: WordToken | undefined;
  article: string;
}

/** One use of a label: token `i` of an article's words, whose side is number `side` of its event. */
interface LabelUse {
  words: ArticleWords;
  i: number;
  side: number;
}

/**
 * The evidence that a stem names people or a group, tallied use by use (see {@link actorLike}): one
 * record per stem rather than a record per use, as most stems of an event never qualify.
 */
class ActorEvidence {
  uses = 0;
  capital = 0;
  nominal = 0;
  verbal = 0;
  agentive = false;
  plurals = 0;
  personContexts = 0;
  /** The word as written at its first use. */
  first = '';

  /**
   * Adds one use of the word `norm` (stem `stem`), with the words before and after it in its sentence
   * (undefined at either end), and whether no content word follows it.
   */
  add(norm: string, stem: string, capital: boolean, prev: string | undefined, next: string | undefined, nextStop: boolean): void {
    const own = classesOf(norm) | (isPluralOf(norm, stem) ? PLURAL : 0);
    this.addClassified(norm, capital, own, prev === undefined ? 0 : classesOf(prev), next === undefined ? 0 : classesOf(next), nextStop);
  }

  /**
   * `add` with the bits of the word (PLURAL among them) and of the words before and after it given
   * (see {@link classesOf}; 0 for none). `norm` is read only at the first use.
   */
  addClassified(norm: string, capital: boolean, own: number, before: number, after: number, nextStop: boolean): void {
    if (this.uses++ === 0) this.first = norm;
    if (capital) this.capital++;
    const plural = (own & PLURAL) !== 0;
    // A determiner alone does not make a noun ("the former senator"): the noun phrase must end here.
    if (plural && (before & SUBJECT) === 0) {
      this.nominal++;
      this.plurals++;
    }
    else if ((before & DETERMINER) !== 0 && nextStop) this.nominal++;
    else if ((before & BEFORE_VERB) !== 0) this.verbal++;
    if (!this.agentive && (own & AGENTIVE_WORD) !== 0) this.agentive = true;
    if ((after & AFTER_PERSON) !== 0 || (before & BEFORE_PERSON) !== 0) this.personContexts++;
  }

  /** Adds token `i` of an article's words (see `add`), with `memo` the word bits of their vocabulary (see {@link classesAt}). */
  addToken(words: ArticleWords, i: number, memo: Uint8Array | null): void {
    const prev = prevInSentence(words, i);
    const next = nextInSentence(words, i);
    // The word itself only for the first use; whether it is a plural comes with its memoised bits.
    this.addClassified(
      this.uses === 0 ? normAt(words, i) : '',
      (words.flags[i]! & CAPITAL) !== 0,
      classesAt(words, i, memo),
      classesAt(words, prev, memo),
      classesAt(words, next, memo),
      next < 0 || words.stops[next] === 1,
    );
  }

  /**
   * Looks like a noun naming people or a group (seen in the plural or after a determiner, more
   * often than as a verb, rarely capitalised; and either an agentive ending or a person-like context).
   */
  actorLike(): boolean {
    // One person-like context can be chance; two cannot. An agentive ending counts on a noun seen in
    // the plural, since adjectives share those endings ("prominent", "current") but never take "-s".
    const person = (this.agentive && this.plurals > 0) || this.personContexts >= 2;
    return person && this.capital * 2 <= this.uses && this.nominal > this.verbal && !/(?:ly|ing|ed)$/.test(this.first);
  }
}

/** {@link ActorEvidence.actorLike} over a list of uses. */
export function actorLike(uses: readonly Use[]): boolean {
  const evidence = new ActorEvidence();
  for (const { token, prev, next } of uses) evidence.add(token.norm, token.stem, token.capital, prev?.norm, next?.norm, !next || next.stop);
  return evidence.actorLike();
}

/** `norm` is `stem` plus "s" or "es" (tested without building either string: this runs for every use). */
function isPluralOf(norm: string, stem: string): boolean {
  const extra = norm.length - stem.length;
  if (extra !== 1 && extra !== 2) return false;
  if (norm.charCodeAt(norm.length - 1) !== 115 /* s */ || (extra === 2 && norm.charCodeAt(norm.length - 2) !== 101) /* e */) return false;
  return norm.startsWith(stem);
}

/** The index of the token before token `i` when it is in the same sentence, else -1. */
function prevInSentence(words: ArticleWords, i: number): number {
  return i > 0 && words.sentences[i - 1] === words.sentences[i] ? i - 1 : -1;
}

/** The index of the token after token `i` when it is in the same sentence, else -1. */
function nextInSentence(words: ArticleWords, i: number): number {
  return i + 1 < words.count && words.sentences[i + 1] === words.sentences[i] ? i + 1 : -1;
}

/** Weights by context stem id, in order of first use (sums and products are taken in that order). */
type Vector = Map<number, number>;

/**
 * Context vectors of the labels over one event, by label number (see `labelAt`): content words
 * within six tokens, weighted by closeness. Only words that two or more sides use count, since a
 * word one side alone uses cannot show that two sides' labels play the same part. Weighted by rarity
 * among labels, unit length. Keyed by numbers rather than stems: the same entries in the same order.
 */
function contextVectors(
  words: readonly ArticleWords[],
  isLabel: Uint8Array,
  labelAt: Int32Array,
  labelCount: number,
  sideCount: Int32Array,
): (Vector | undefined)[] {
  const vectors: (Vector | undefined)[] = [];
  for (let k = 0; k < labelCount; k++) vectors.push(undefined);
  let labelsSeen = 0;
  for (const w of words) {
    const { count, stemIds: ids, stops, sentences } = w;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      if (isLabel[id] !== 1) continue;
      const label = labelAt[id]!;
      let v = vectors[label];
      if (!v) {
        vectors[label] = v = new Map();
        labelsSeen++;
      }
      for (let j = Math.max(0, i - 6); j <= i + 6 && j < count; j++) {
        // Only stems two or more sides use count (see above).
        if (j === i || stops[j] === 1 || ids[j] === id || sideCount[ids[j]!]! < 2) continue;
        if (sentences[j] !== sentences[i]) continue;
        const context = ids[j]!;
        v.set(context, (v.get(context) ?? 0) + 1 / Math.sqrt(Math.abs(j - i)));
      }
    }
  }
  const df = new Map<number, number>();
  for (const v of vectors) if (v) for (const f of v.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = Math.max(labelsSeen, 2);
  for (const v of vectors) {
    if (!v) continue;
    let len = 0;
    for (const [f, x] of v) {
      const y = Math.sqrt(x) * Math.log((n + 1) / (df.get(f) ?? 1));
      v.set(f, y);
      len += y * y;
    }
    len = Math.sqrt(len) || 1;
    for (const [f, y] of v) v.set(f, y / len);
  }
  return vectors;
}

function cosine(a: Vector | undefined, b: Vector | undefined): number {
  if (!a || !b) return 0;
  let s = 0;
  for (const [f, x] of a) s += x * (b.get(f) ?? 0);
  return s;
}

/** Coefficient of variation of per-side rates: 0 when every side uses a word equally often. */
function unevenness(rates: readonly number[]): number {
  // Plain loops (same sums, same order): `.reduce` here and `.map` below were deoptimisation triggers.
  let total = 0;
  for (let i = 0; i < rates.length; i++) total += rates[i]!;
  const mean = total / Math.max(rates.length, 1);
  if (mean === 0) return 0;
  let squares = 0;
  for (let i = 0; i < rates.length; i++) squares += (rates[i]! - mean) ** 2;
  const variance = squares / rates.length;
  return Math.sqrt(variance) / mean;
}

/**
 * How much two labels complement each other across sides: 1 when one side's label fills exactly the
 * gap the other side's leaves (together they are used evenly), 0 when adding them evens nothing out.
 */
export function complementarity(a: readonly number[], b: readonly number[]): number {
  const sum: number[] = [];
  for (let i = 0; i < a.length; i++) sum.push(a[i]! + (b[i] ?? 0));
  const gain = Math.min(unevenness(a), unevenness(b)) - unevenness(sum);
  const worst = Math.min(unevenness(a), unevenness(b));
  return worst > 0 ? Math.max(0, Math.min(1, gain / worst)) : 0;
}

/** The label as written, folded, with a hyphenated first part kept ("asylum-seekers", not "seekers"). */
function surfaceForm({ words, i }: LabelUse): string {
  const prev = prevInSentence(words, i);
  const norm = normAt(words, i);
  if (prev >= 0 && words.stops[prev] === 0 && gluedAt(words.text, words.ends[prev]!, words.starts[i]!)) return `${normAt(words, prev)}-${norm}`;
  return norm;
}

/**
 * The key of an unordered pair of stem ids (each below `idCount`), the same for either order: swap
 * evidence is looked up by the stems of two labels, as numbers rather than a string composed per pair.
 */
const pairKey = (x: number, y: number, idCount: number) => (x < y ? x * idCount + y : y * idCount + x);

/**
 * The label numbers (see `labelAt`; label stems are marked in `isLabel` by stem id) among the words
 * of `[start, end)`, in order of first use, into `out` (emptied first).
 */
function labelsWithin(words: ArticleWords | undefined, start: number, end: number, isLabel: Uint8Array, labelAt: Int32Array, out: number[]): void {
  out.length = 0;
  if (!words) return;
  const { stemIds, stops } = words;
  const { from, to } = wordRange(words, start, end);
  for (let i = from; i < to; i++) {
    if (stops[i] === 0 && isLabel[stemIds[i]!] === 1) {
      const label = labelAt[stemIds[i]!]!;
      if (!out.includes(label)) out.push(label);
    }
  }
}

/**
 * Average-linkage clustering: repeatedly merges the two clusters whose labels are, on average, most
 * strongly linked, while their strongest link reaches `minLink` and their average reaches
 * `minAverage · minLink`. Unlike single linkage, one stray link cannot chain unrelated words in.
 */
export function averageLinkage(
  items: readonly string[],
  link: (x: string, y: string) => number,
  minLink: number,
  maxSize = Infinity,
  minAverage = 0.5,
): string[][] {
  const n = items.length;
  const links = new Float64Array(n * n);
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (x !== y) links[x * n + y] = link(items[x]!, items[y]!);
  return linkClusters(n, links, minLink, maxSize, minAverage).map((cluster) => cluster.map((x) => items[x]!));
}

/**
 * {@link averageLinkage} of items 0..n-1 whose link from x to y is `links[x * n + y]`: the clusters
 * as lists of item numbers, each in the order its items joined (the same sums in the same order).
 */
function linkClusters(n: number, links: Float64Array, minLink: number, maxSize: number, minAverage: number): number[][] {
  const clusters: number[][] = [];
  for (let x = 0; x < n; x++) clusters.push([x]);
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const a = clusters[i]!;
        const b = clusters[j]!;
        if (a.length + b.length > maxSize) continue;
        let sum = 0;
        let max = -Infinity;
        for (let p = 0; p < a.length; p++) {
          const row = a[p]! * n;
          for (let q = 0; q < b.length; q++) {
            const v = links[row + b[q]!]!;
            sum += v;
            max = Math.max(max, v);
          }
        }
        const avg = sum / (a.length * b.length);
        // Both the strongest single link and the average must hold up.
        if (max >= minLink && avg >= minLink * minAverage && avg > best) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) return clusters;
    const merged = clusters[bi]!;
    for (const x of clusters[bj]!) merged.push(x);
    clusters.splice(bj, 1);
  }
}

/**
 * Proposes referents. Within each event, the candidate labels are nouns that look like they name
 * people or groups and that some side never uses. Two labels are linked on the sum of: same-slot
 * swaps, being the one-sided words of aligned sentence pairs, shared context words, and
 * complementary use across sides; labels join one group by average linkage (capped in size).
 * Groups whose labels are all one side's wording show no difference and are dropped.
 */
export function proposeReferents(input: ReferentInput, options: ReferentOptions = {}): ReferentProposal {
  const minLink = options.minLink ?? 0.6;
  const minUses = options.minUses ?? 2;
  const maxLabels = options.maxLabels ?? 8;
  const byId = new Map(input.words.map((w) => [w.id, w]));
  // Stem ids of the swaps' last content words (interned before the tallies are sized, in case one is new).
  const swapIds = swapStemIds(input.swaps);
  const idCount = stemIdCount();
  const swapEvidence = swapEvidenceOf(swapIds, idCount);
  const proposals: ReferentGroup[] = [];
  const considered: string[][] = input.groups.map(() => []);
  const claimed = new Set<string>();

  const scan: EventScan = {
    input,
    byId,
    minUses,
    minLink,
    maxLabels,
    pairsByGroup: pairsByGroup(input),
    swapEvidence,
    idCount,
    considered,
    claimed,
    suffixes: new Map(),
    proposals,
    tally: new Int32Array(idCount),
    sideCount: new Int32Array(idCount),
    lastSide: new Int32Array(idCount),
    touched: [],
    evidence: [],
    evidenceIds: [],
    evidenceAt: new Int32Array(idCount),
    isLabel: new Uint8Array(idCount),
    labelAt: new Int32Array(idCount),
    marked: [],
  };
  // One event at a time, each in a top-level function: V8 compiles (and after a deoptimisation
  // recompiles) a callback as one unit, and this one, with the linking inlined, took ~200 ms a compile.
  proposeForEvents(scan, input.groups);
  return { groups: proposals, labels: considered };
}

/**
 * The stem ids of each swap's last content word and of the other side's, two per swap (-1 for both
 * when either is missing or they are the same). This loop and the next run once per call, each in a
 * function of its own: V8 compiled their loops by on-stack replacement with the whole of
 * proposeReferents.
 */
function swapStemIds(swaps: readonly Swap[]): number[] {
  const swapIds: number[] = [];
  for (const s of swaps) {
    const x = s.stems.at(-1);
    const y = s.otherStems.at(-1);
    swapIds.push(x && y && x !== y ? stemId(x) : -1, x && y && x !== y ? stemId(y) : -1);
  }
  return swapIds;
}

/** Swap evidence by the pair of label stems (see `pairKey`) of the ids of {@link swapStemIds}. */
function swapEvidenceOf(swapIds: readonly number[], idCount: number): Map<number, number> {
  const swapEvidence = new Map<number, number>();
  // Each swap is reported from both sides, hence half a point each time.
  for (let k = 0; k < swapIds.length; k += 2) {
    if (swapIds[k]! < 0) continue;
    const key = pairKey(swapIds[k]!, swapIds[k + 1]!, idCount);
    swapEvidence.set(key, (swapEvidence.get(key) ?? 0) + 0.5);
  }
  return swapEvidence;
}

/**
 * {@link proposeForEvent} for each event in turn: the hot loop of a function run once, in a function
 * of its own, so V8's on-stack replacement compiles this small loop rather than the whole of
 * proposeReferents (~10-15 ms, thrown away at once by a code dependency in a first 10 MB run).
 */
function proposeForEvents(scan: EventScan, groups: readonly (readonly string[])[]): void {
  for (let gi = 0; gi < groups.length; gi++) proposeForEvent(scan, groups[gi]!, gi);
}

/**
 * Aligned pairs by the event both their articles belong to (pairs across events are never read),
 * in the order given; no list for an event without any.
 */
function pairsByGroup(input: ReferentInput): (AlignedPair[] | undefined)[] {
  const groupsOf = new Map<string, number[]>();
  for (let gi = 0; gi < input.groups.length; gi++) {
    for (const id of input.groups[gi]!) {
      const list = groupsOf.get(id);
      if (!list) groupsOf.set(id, [gi]);
      else if (!list.includes(gi)) list.push(gi);
    }
  }
  const byGroup: (AlignedPair[] | undefined)[] = [];
  for (let gi = 0; gi < input.groups.length; gi++) byGroup.push(undefined);
  for (const p of input.pairs) {
    const inA = groupsOf.get(p.a.article);
    const inB = groupsOf.get(p.b.article);
    if (!inA || !inB) continue;
    for (const gi of inA) {
      if (!inB.includes(gi)) continue;
      const list = byGroup[gi];
      if (list) list.push(p);
      else byGroup[gi] = [p];
    }
  }
  return byGroup;
}

/** The state {@link proposeForEvent} reads and fills, shared by the events of one call. */
interface EventScan {
  input: ReferentInput;
  byId: Map<string, ArticleWords>;
  minUses: number;
  minLink: number;
  maxLabels: number;
  pairsByGroup: (AlignedPair[] | undefined)[];
  /** Swap evidence by the pair of label stems (see `pairKey`, with `idCount`). */
  swapEvidence: Map<number, number>;
  idCount: number;
  considered: string[][];
  claimed: Set<string>;
  suffixes: Map<string, number>;
  proposals: ReferentGroup[];
  /** Per stem id, over the event being read: uses, sides using it, last side seen (members come side by side). */
  tally: Int32Array;
  sideCount: Int32Array;
  lastSide: Int32Array;
  touched: number[];
  /** The evidence of each stem that can qualify over the event being read, its stem id, and by stem id its place in these lists plus one (0: none). */
  evidence: ActorEvidence[];
  evidenceIds: number[];
  evidenceAt: Int32Array;
  isLabel: Uint8Array;
  /** Per stem id marked in isLabel, its label's number: its place among the event's labels, sorted. */
  labelAt: Int32Array;
  /** Stem ids of the labels of the event being read, marked in isLabel until the next event starts. */
  marked: number[];
}

/** The labels of event `gi` (article ids `group`), and the referents proposed from them (see {@link proposeReferents}). */
function proposeForEvent(scan: EventScan, group: readonly string[], gi: number): void {
  const { input, byId, tally, sideCount, touched, isLabel, labelAt, marked } = scan;
  for (const id of marked) isLabel[id] = 0;
  marked.length = 0;
  // Lists built by push (not `.map`/`.filter`), so their elements kind is the same whether V8 runs this
  // function's bytecode or its optimised code; a mismatch was a deoptimisation loop.
  const members: ArticleWords[] = [];
  for (const id of group) {
    const w = byId.get(id);
    if (w) members.push(w);
  }
  const sideSet = new Set<string>();
  for (const w of members) sideSet.add(input.sideOf(w.id));
  if (sideSet.size < 2) return;
  const sides: string[] = [];
  const sideIndex = new Map<string, number>();
  for (const s of sideSet) {
    sideIndex.set(s, sides.length);
    sides.push(s);
  }
  // First pass: how often and by which sides each stem is used; Use records only for the
  // stems that can still qualify (most words of an event are used once). Members are visited side
  // by side, so a side is counted when it differs from the last side seen for the stem.
  const sideLength: number[] = [];
  for (let k = 0; k < sides.length; k++) sideLength.push(0);
  const bySide: { w: ArticleWords; side: number }[] = [];
  for (const w of members) bySide.push({ w, side: sideIndex.get(input.sideOf(w.id))! });
  bySide.sort(bySideOrder);
  for (const id of touched) tally[id] = 0;
  touched.length = 0;
  // Each pass over the event's tokens in its own function: V8 compiles small functions faster and
  // recompiles only the one a deoptimisation hit (this function whole took ~200 ms a compile).
  for (const { w, side } of bySide) tallyStems(scan, w, side, sideLength);
  // Second pass: the evidence per qualifying stem, tallied in place (no record per use), then Use
  // records for the few stems that turn out to be labels.
  const { evidence, evidenceIds, evidenceAt } = scan;
  for (const id of evidenceIds) evidenceAt[id] = 0;
  evidence.length = 0;
  evidenceIds.length = 0;
  for (const w of members) tallyEvidence(scan, w, sides.length);
  const labelIds: number[] = [];
  for (let k = 0; k < evidence.length; k++) if (evidence[k]!.actorLike()) labelIds.push(evidenceIds[k]!);
  // Sorted by stem (as `sort()` sorts strings), so each label's number is its place in `labels`.
  labelIds.sort(byStem);
  const labels: string[] = [];
  for (let k = 0; k < labelIds.length; k++) labels.push(stemOf(labelIds[k]!));
  scan.considered[gi] = labels;
  if (labels.length < 2) return;
  for (let k = 0; k < labelIds.length; k++) {
    isLabel[labelIds[k]!] = 1;
    labelAt[labelIds[k]!] = k;
    marked.push(labelIds[k]!);
  }
  const uses: LabelUse[][] = [];
  for (let k = 0; k < labels.length; k++) uses.push([]);
  for (const w of members) collectUses(w, sideIndex.get(input.sideOf(w.id))!, isLabel, labelAt, uses);
  // The rest in its own function: V8 compiles (and after a deoptimisation recompiles) this callback
  // as one unit, and with the linking and clustering inlined each compile took ~200 ms.
  // Pushed into the shared list, not spread into it: a spread of the returned array (empty or not)
  // made V8 drop this function's optimised code on a "wrong map" again and again.
  const { pairsByGroup, swapEvidence, idCount, claimed, suffixes, proposals, minLink, maxLabels } = scan;
  groupLabels(
    { gi, labels, labelIds, uses, sides, sideLength, members, isLabel, labelAt, sideCount, pairs: pairsByGroup[gi], byId, swapEvidence, idCount, input, claimed, suffixes },
    minLink,
    maxLabels,
    proposals,
  );
}

const bySideOrder = (x: { side: number }, y: { side: number }) => x.side - y.side;

/** Stem ids in the order of their stems (as strings, the order of `Array.prototype.sort`; stems are distinct). */
function byStem(x: number, y: number): number {
  const a = stemOf(x);
  const b = stemOf(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds the content tokens of article `w` (of side number `side`) to the event's tallies of uses and sides by stem id (see {@link proposeForEvent}). */
function tallyStems(scan: EventScan, w: ArticleWords, side: number, sideLength: number[]): void {
  const { tally, sideCount, lastSide, touched } = scan;
  const { stemIds: ids, stops } = w;
  for (let i = 0; i < ids.length; i++) {
    if (stops[i] === 1) continue;
    sideLength[side]! += 1;
    const id = ids[i]!;
    if (tally[id] === 0) {
      touched.push(id);
      tally[id] = 1;
      sideCount[id] = 1;
      lastSide[id] = side;
    } else {
      tally[id]!++;
      if (lastSide[id] !== side) {
        sideCount[id]!++;
        lastSide[id] = side;
      }
    }
  }
}

/** Adds the uses in article `w` of each stem that can still qualify as a label (used often enough, and not by all `sides` sides) to its evidence. */
function tallyEvidence(scan: EventScan, w: ArticleWords, sides: number): void {
  const { tally, sideCount, minUses, evidence, evidenceIds, evidenceAt } = scan;
  const { stemIds: ids, stops } = w;
  const memo = w.vocabulary ? classesByWordId(w.vocabulary) : null;
  for (let i = 0; i < ids.length; i++) {
    if (stops[i] === 1) continue;
    const id = ids[i]!;
    if (tally[id]! < minUses || sideCount[id]! >= sides) continue;
    let at = evidenceAt[id]!;
    if (at === 0) {
      evidence.push(new ActorEvidence());
      evidenceIds.push(id);
      evidenceAt[id] = at = evidence.length;
    }
    evidence[at - 1]!.addToken(w, i, memo);
  }
}

/** Adds the uses in article `w` (of side number `side`) of the label stems (marked in `isLabel`) to `uses`, by label number. */
function collectUses(w: ArticleWords, side: number, isLabel: Uint8Array, labelAt: Int32Array, uses: LabelUse[][]): void {
  const { stemIds: ids } = w;
  for (let i = 0; i < ids.length; i++) {
    if (isLabel[ids[i]!] !== 1 || w.stops[i] === 1) continue;
    uses[labelAt[ids[i]!]!]!.push({ words: w, i, side });
  }
}

/** What {@link groupLabels} reads of one event. */
interface EventLabels {
  gi: number;
  /** The label stems, sorted; a label's number is its place here. */
  labels: string[];
  /** Their stem ids. */
  labelIds: number[];
  /** The uses of each label, by number. */
  uses: LabelUse[][];
  sides: string[];
  sideLength: number[];
  members: ArticleWords[];
  isLabel: Uint8Array;
  labelAt: Int32Array;
  /** How many sides use each stem (by id). */
  sideCount: Int32Array;
  pairs: readonly AlignedPair[] | undefined;
  byId: Map<string, ArticleWords>;
  swapEvidence: Map<number, number>;
  idCount: number;
  input: ReferentInput;
  /** Ids given so far (a new one is added for each proposal). */
  claimed: Set<string>;
  /** Per main label whose id was taken, the suffix to try next (see {@link proposeCluster}). */
  suffixes: Map<string, number>;
}

/** Links the labels of one event, clusters them and adds the proposed referents to `proposals` (see {@link proposeReferents}). */
function groupLabels(event: EventLabels, minLink: number, maxLabels: number, proposals: ReferentGroup[]): void {
  const { labels, labelIds, uses, sides, sideLength, members, isLabel, labelAt, sideCount, byId, swapEvidence, idCount } = event;
  const count = labels.length;
  const rates: number[][] = [];
  for (let l = 0; l < count; l++) {
    const r: number[] = [];
    for (let k = 0; k < sides.length; k++) r.push(0);
    for (const u of uses[l]!) r[u.side]! += 1;
    const rate: number[] = [];
    for (let k = 0; k < r.length; k++) rate.push(r[k]! / Math.max(1, sideLength[k]!));
    rates.push(rate);
  }
  const vectors = contextVectors(members, isLabel, labelAt, count, sideCount);

  // Labels that one side of an aligned pair has and the other lacks, by label number (a pair's
  // evidence at [lower · count + higher]).
  const pairEvidence = new Float64Array(count * count);
  const oneSided = new Float64Array(count);
  const pairs = event.pairs;
  if (pairs) {
    const scratch: PairScratch = { a: [], b: [], ua: [], ub: [] };
    for (let k = 0; k < pairs.length; k++) addPairEvidence(byId, pairs[k]!, isLabel, labelAt, count, pairEvidence, oneSided, scratch);
  }

  // The link of each two labels, both ways.
  const links = new Float64Array(count * count);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      // A label one-sided in no pair counts as once (as it would be looked up with a default of 1).
      const paired = pairEvidence[i * count + j]! / Math.sqrt((oneSided[i]! || 1) * (oneSided[j]! || 1));
      // Complementary use only strengthens evidence of shared contexts or sentences; alone,
      // any two words that different outlets happen to use would qualify.
      const together = paired + cosine(vectors[i], vectors[j]);
      const link = (swapEvidence.get(pairKey(labelIds[i]!, labelIds[j]!, idCount)) ?? 0) + together * (1 + complementarity(rates[i]!, rates[j]!));
      links[i * count + j] = link;
      links[j * count + i] = link;
    }
  }
  const clusters = linkClusters(count, links, minLink, maxLabels, 0.5);

  // Each cluster's proposal in its own function (few clusters qualify): V8 compiles the linking and
  // clustering above without it, and this function took ~200 ms a compile with it inlined.
  for (const cluster of clusters) if (cluster.length >= 2) proposeCluster(event, cluster, proposals);
}

/** The proposed referent of a cluster of labels (by number) of one event, added to `proposals` unless one side alone uses them. */
function proposeCluster(event: EventLabels, cluster: number[], proposals: ReferentGroup[]): void {
  const { gi, labels, uses, input, claimed } = event;
  const stems: string[] = [];
  for (const l of cluster) stems.push(labels[l]!);
  const counts = new Map<string, Record<string, number>>();
  const total = new Map<string, number>();
  const using = new Set<string>();
  const display = new Map<string, string>();
  for (let c = 0; c < cluster.length; c++) {
    const m = stems[c]!;
    const forms = new Map<string, number>();
    const perArticle = new Map<string, number>();
    for (const u of uses[cluster[c]!]!) {
      const article = u.words.id;
      const form = surfaceForm(u);
      forms.set(form, (forms.get(form) ?? 0) + 1);
      perArticle.set(article, (perArticle.get(article) ?? 0) + 1);
      total.set(m, (total.get(m) ?? 0) + 1);
      using.add(input.sideOf(article));
    }
    // Counted in a Map, then written into the record once per article (same keys in the same order):
    // counting in the record made V8 change each article's field from constant to mutable, a map
    // generalisation per article and label (~1,900 in a 10 MB run).
    const record: Record<string, number> = {};
    for (const [article, n] of perArticle) record[article] = n;
    counts.set(m, record);
    // Show the form writers use most ("militants" rather than "militant").
    display.set(m, [...forms].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]?.[0] ?? m);
  }
  if (using.size < 2) return;
  const ordered = [...stems].sort((p, q) => total.get(q)! - total.get(p)! || p.localeCompare(q));
  const names: string[] = [];
  for (const m of ordered) names.push(display.get(m) ?? m);
  let id = `proposed:${names[0]}`;
  if (claimed.has(id)) {
    // The first free suffix from 2. Ids are never given back, so every suffix below the one this
    // name took last is still taken: the search resumes there (many events share a main label).
    let n = event.suffixes.get(names[0]!) ?? 2;
    while (claimed.has(`proposed:${names[0]}-${n}`)) n++;
    id = `proposed:${names[0]}-${n}`;
    event.suffixes.set(names[0]!, n + 1);
  }
  claimed.add(id);
  const byName: Record<string, Record<string, number>> = {};
  for (let i = 0; i < ordered.length; i++) byName[names[i]!] = counts.get(ordered[i]!) ?? {};
  const quoted: string[] = [];
  for (const n of names) quoted.push(`"${n}"`);
  proposals.push({
    id,
    event: gi,
    stems: ordered,
    labels: names,
    counts: byName,
    why: `The reports of this event name what seems to be one actor differently: ${quoted.join(', ')} appear in matching sentences and similar contexts, and where one report uses one word the others tend to use another.`,
  });
}

/** Lists reused by {@link addPairEvidence} from pair to pair. */
interface PairScratch {
  a: number[];
  b: number[];
  ua: number[];
  ub: number[];
}

/**
 * Adds the labels (by number, of `count`) that one side of aligned pair `p` has and the other lacks
 * to `oneSided`, and the link between each label of one side and each of the other to `pairEvidence`.
 */
function addPairEvidence(
  byId: Map<string, ArticleWords>,
  p: AlignedPair,
  isLabel: Uint8Array,
  labelAt: Int32Array,
  count: number,
  pairEvidence: Float64Array,
  oneSided: Float64Array,
  scratch: PairScratch,
): void {
  const { a, b, ua, ub } = scratch;
  labelsWithin(byId.get(p.a.article), p.a.start, p.a.end, isLabel, labelAt, a);
  labelsWithin(byId.get(p.b.article), p.b.start, p.b.end, isLabel, labelAt, b);
  ua.length = 0;
  ub.length = 0;
  for (const x of a) if (!b.includes(x)) ua.push(x);
  for (const x of b) if (!a.includes(x)) ub.push(x);
  for (const x of ua) oneSided[x]! += 1;
  for (const x of ub) oneSided[x]! += 1;
  const weight = 1 / Math.sqrt(Math.max(1, ua.length * ub.length));
  // The two lists share no label, so each pair of labels gains at most once per aligned pair.
  for (const x of ua) for (const y of ub) pairEvidence[x < y ? x * count + y : y * count + x]! += weight;
}
