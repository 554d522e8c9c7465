/**
 * Words a teacher can read for why articles were (or were not) grouped, and a short name for each
 * event, built from the dates, names and words the members share.
 */
import type { NameKind } from '../adapters/nlp';
import type { ArticleAnalysis, Span } from '../types';
import { formatDate, formatRange, isoDay, type DayRange } from './dates';
import { firstAtOf, wordCountAt, type ArticleFeatures, type NameCount, type WordCount } from './features';
import type { KindRequest, NameInfo } from './kinds';
import { weightOf, type FeatureSpace, type SparseVector } from './vectors';

export interface ExplainContext {
  articles: ArticleAnalysis[];
  features: ArticleFeatures[];
  space: FeatureSpace;
  /** The article most alike in wording to article i, dates aside (-1 when none was compared). */
  nearest: (i: number) => number;
  maxGapDays: number;
}

export interface Description {
  why: string;
  label: string;
  dates: string[];
}

/** A name chosen for display: how it is written, its keys, and one body occurrence. */
export interface Shown {
  text: string;
  /** Whole-name key (`glan hghts`). */
  key: string;
  keys: string[];
  score: number;
  /** Body occurrences to classify it by, the shown spelling first (at most two). */
  seen: { article: number; span: Span }[];
  /** Members that use it, and how often in all. */
  holders: number;
  count: number;
}

/** What a single article shares with its closest other article in wording. */
export interface Closest {
  index: number;
  names: Shown[];
  words: string[];
}

/** What a group's description will mention, chosen before names are classified. */
export interface Picks {
  /** Members in the group: larger groups get their names classified first. */
  size: number;
  names: Shown[];
  /**
   * Null for a single article with a name to show: its words only ever stand in for a missing name
   * in its label, so they are not worked out then.
   */
  words: string[] | null;
  /**
   * For a single article: its closest other article in wording, and what the two share (null for a
   * group, or when none was compared). Worked out when first asked: a singleton whose wording is set
   * aside as boilerplate never shows it, and the names' kinds rarely get as far as singletons.
   */
  closest: () => Closest | null;
}

type Kinds = ReadonlyMap<string, NameInfo>;

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function count(n: number, unit: string): string {
  return `${SMALL[n] ?? String(n)} ${unit}${n === 1 ? '' : 's'}`;
}

/** "5 days", "three weeks", "about four months", "more than three years". */
export function describeGap(days: number): string {
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  if (days < 60) return count(Math.round(days / 7), 'week');
  if (days < 365) return `about ${count(Math.round(days / 30.44), 'month')}`;
  const years = days / 365.25;
  const whole = Math.floor(years);
  return years - whole > 0.08 ? `more than ${count(whole, 'year')}` : count(whole, 'year');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The written form most members use; ties go to the plainer spelling ("Daraa" over "Dara’a"). */
function bestSurface(votes: Map<string, number>, total: Map<string, number>): string {
  // A demonym shares its place's key ("Syrian"/"Syria"); the place reads better in a list of places.
  const demonym = (s: string) => (/(?:[iey]|ic)an$/i.test(s) ? 1 : 0);
  const plain = (s: string) => (/['’‘ʼ]/.test(s) ? 1 : 0);
  return (
    [...votes].sort(
      (a, b) =>
        demonym(a[0]) - demonym(b[0]) ||
        b[1] - a[1] ||
        plain(a[0]) - plain(b[0]) ||
        (total.get(b[0]) ?? 0) - (total.get(a[0]) ?? 0) ||
        a[0].length - b[0].length ||
        a[0].localeCompare(b[0]),
    )[0]?.[0] ?? ''
  );
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** One vote per member for each spelling it uses. */
function nameSurface(forms: NameCount[]): string {
  const votes = new Map<string, number>();
  const total = new Map<string, number>();
  for (const c of forms) {
    // The spellings in order (as formsOf lists them), read where they sit: no list made per name.
    add(votes, c.surface, 1);
    add(total, c.surface, c.formCount);
    for (let f = c.more; f !== null; f = f.next) {
      add(votes, f.surface, 1);
      add(total, f.surface, f.count);
    }
  }
  return bestSurface(votes, total);
}

/** One vote per member for the form it writes most. */
function wordSurface(forms: WordCount[]): string {
  const votes = new Map<string, number>();
  const total = new Map<string, number>();
  for (const c of forms) {
    const counts = c.forms ?? new Map([[c.surface, c.count]]);
    const main = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? c.surface;
    add(votes, main, 1);
    for (const [f, n] of counts) add(total, f, n);
  }
  return bestSurface(votes, total);
}

/*
 * The objects below are made by constructors, not literals: V8 tracks a literal's allocation site and,
 * once its objects survive a young-generation GC, starts allocating them in the old generation and
 * throws away the optimised code that made them (a 'code dependencies' deopt and a second compile of
 * consider and shownOf per first run). A group's drafts and shown names are few; copying them is cheap.
 */

/** A shared name before its written form is chosen (that costs a vote over spellings, so it waits). */
class NameDraft {
  shown: Shown | null = null;
  constructor(
    readonly phrase: string,
    readonly keys: string[],
    readonly forms: NameCount[],
    readonly score: number,
    readonly holders: number,
    readonly count: number,
  ) {}
}

/** A `Shown` (fields in the order the literal had them). */
class ShownName implements Shown {
  constructor(
    readonly text: string,
    readonly key: string,
    readonly keys: string[],
    readonly score: number,
    readonly seen: Shown['seen'],
    readonly holders: number,
    readonly count: number,
  ) {}
}

/** Scratch for a shown name's occurrences (see shownOf). */
const SEEN: Shown['seen'] = [];

/** One of `Shown['seen']`. */
class SeenAt {
  constructor(
    readonly article: number,
    readonly span: Span,
  ) {}
}

/** A whole-name key's words and their feature ids (-1: no such name feature), worked out once per corpus. */
class PhraseInfo {
  constructor(
    readonly keys: string[],
    readonly ids: Int32Array,
  ) {}
}
const phrasesBySpace = new WeakMap<FeatureSpace, Map<string, PhraseInfo>>();

function phraseInfo(space: FeatureSpace, phrase: string): PhraseInfo {
  let infos = phrasesBySpace.get(space);
  if (!infos) phrasesBySpace.set(space, (infos = new Map()));
  let info = infos.get(phrase);
  if (!info) {
    const keys = phrase.split(' ');
    const ids = new Int32Array(keys.length);
    for (let k = 0; k < keys.length; k++) ids[k] = space.nameIds.get(keys[k]!) ?? -1;
    infos.set(phrase, (info = new PhraseInfo(keys, ids)));
  }
  return info;
}

/** Names held by at least `need` members, each with its score, holders and count (in first-seen order); `sums` as in `sharedOf`. */
function nameDrafts(members: number[], ctx: ExplainContext, weights: SparseVector[], need: number, sums: Sums): NameDraft[] {
  const { sum, inside } = sums;
  const drafts: NameDraft[] = [];
  const consider = (phrase: string, forms: NameCount[]) => {
    if (forms.length < need) return;
    const { keys, ids } = phraseInfo(ctx.space, phrase);
    // Every word of the name must be shared, or "Hussein Abazeed" would ride on a shared "Hussein".
    // (inside[id]: members whose weight for it is above 0; a word with no feature has none.)
    let fewest = Infinity;
    for (let k = 0; k < ids.length; k++) fewest = Math.min(fewest, ids[k]! < 0 ? 0 : inside[ids[k]!]!);
    if (fewest < need) return;
    // Mean over the name's words, so long names do not win by length, times the share of members
    // using it. No discount for use elsewhere in the corpus: "Daraa" stays the place of a Daraa event
    // even when another event happened there too. Added member by member, word by word; for a
    // one-word name (most) that is the member order of `sum`, divided by 1: the same float.
    let score = 0;
    if (ids.length === 1) score = sum[ids[0]!]!;
    else for (const w of weights) for (let k = 0; k < ids.length; k++) score += weightOf(w, ids[k]! < 0 ? undefined : ids[k]!) / keys.length;
    score *= forms.length / members.length;
    let count = 0;
    for (const c of forms) count += c.count;
    drafts.push(new NameDraft(phrase, keys, forms, score, forms.length, count));
  };
  const first = members[0];
  if (members.length === 1 && first !== undefined) {
    // One member (most groups): its own names, each held once, in its order.
    ctx.features[first]!.phrases.forEach((c, phrase) => consider(phrase, [c]));
  } else {
    const byPhrase = new Map<string, NameCount[]>();
    for (const i of members) ctx.features[i]!.phrases.forEach((c, key) => push(byPhrase, key, c));
    byPhrase.forEach((forms, phrase) => consider(phrase, forms));
  }
  return drafts;
}

/**
 * Names held by at least `need` members, strongest first, longer names absorbing their parts; at most
 * `max`. Written forms are only worked out for the names that get that far (and for score ties, which
 * they break), so a member's hundreds of names cost a score each, not a vote over spellings. Holders
 * and one-word scores come from `sums` (the members' dense sums, see `sharedOf`).
 */
function sharedNames(members: number[], ctx: ExplainContext, weights: SparseVector[], need: number, max: number, sums: Sums): Shown[] {
  const drafts = nameDrafts(members, ctx, weights, need, sums);
  const shownOf = (d: NameDraft): Shown => {
    if (d.shown) return d.shown;
    // Occurrences written the way the name will be shown come first, so compromise classifies
    // "Syria", not "Syrian"; other spellings are fallbacks when it recognises none of those.
    const text = nameSurface(d.forms);
    // Gathered in scratch and copied at their length: a list literal kept with the name was
    // pretenured like the objects above (and one grown by push reserves 17 slots).
    const seen = SEEN;
    seen.length = 0;
    for (const pass of [true, false]) {
      for (const i of members) {
        const c = ctx.features[i]!.phrases.get(d.phrase);
        for (const [surface, span] of c ? firstAtOf(c) : []) {
          if ((surface === text) === pass && seen.length < 2) seen.push(new SeenAt(i, span));
        }
      }
    }
    return (d.shown = new ShownName(text, d.phrase, d.keys, d.score, seen.slice(), d.holders, d.count));
  };
  drafts.sort((a, b) => b.score - a.score || shownOf(a).text.localeCompare(shownOf(b).text));
  const contains = (big: { keys: string[] }, small: { keys: string[] }) => small.keys.every((k) => big.keys.includes(k));
  const chosen: Shown[] = [];
  for (const c of drafts) {
    if (chosen.length >= max) break;
    // Later mentions use the surname, so "Weiner" outscores "Anthony Weiner"; show the full name
    // when as many members write it out.
    const full = drafts
      .filter((d) => d.keys.length > c.keys.length && d.holders >= c.holders && contains(d, c))
      .sort((a, b) => b.holders - a.holders || b.count - a.count || a.keys.length - b.keys.length)[0];
    // The full name's fields written out, not spread and then `score` overwritten: the overwrite made
    // Shown's score field mutable, which threw away the code compiled so far that counted on it.
    const f = full ? shownOf(full) : null;
    const shown = f ? new ShownName(f.text, f.key, f.keys, c.score, f.seen, f.holders, f.count) : shownOf(c);
    if (!chosen.some((d) => contains(d, shown) || contains(shown, d))) chosen.push(shown);
  }
  return chosen;
}

/** Per feature id: summed weight, members with a weight above 0 and members holding it (zeros between uses). */
interface Sums {
  sum: Float64Array;
  inside: Int32Array;
  held: Int32Array;
}
const sumsBySpace = new WeakMap<FeatureSpace, Sums>();

/**
 * `sums` holding the members' vectors: each vector added into `sum` in member order (so each sum is
 * the same float as adding member by member) and `inside`. Hand it back to `clearSums`.
 */
function sumsOf(space: FeatureSpace, weights: SparseVector[]): Sums {
  let sums = sumsBySpace.get(space);
  if (!sums) sumsBySpace.set(space, (sums = { sum: new Float64Array(space.keys.length), inside: new Int32Array(space.keys.length), held: new Int32Array(space.keys.length) }));
  const { sum, inside } = sums;
  for (const w of weights) {
    for (let k = 0; k < w.ids.length; k++) {
      sum[w.ids[k]!]! += w.weights[k]!;
      if (w.weights[k]! > 0) inside[w.ids[k]!]!++;
    }
  }
  return sums;
}

function clearSums(sums: Sums, weights: SparseVector[]): void {
  for (const w of weights) {
    for (let k = 0; k < w.ids.length; k++) {
      sums.sum[w.ids[k]!] = 0;
      sums.inside[w.ids[k]!] = 0;
    }
  }
}

/**
 * The shared names and words of `members`. Both read every feature at once from the same dense rows
 * (see `sumsOf`), instead of a binary search per feature and member.
 */
function sharedOf(members: number[], ctx: ExplainContext, weights: SparseVector[], need: number, max: number): { names: Shown[]; words: string[] };
function sharedOf(members: number[], ctx: ExplainContext, weights: SparseVector[], need: number, max: number, wordsIfNoName: true): { names: Shown[]; words: string[] | null };
function sharedOf(members: number[], ctx: ExplainContext, weights: SparseVector[], need: number, max: number, wordsIfNoName = false): { names: Shown[]; words: string[] | null } {
  const sums = sumsOf(ctx.space, weights);
  const names = sharedNames(members, ctx, weights, need, max, sums);
  // With `wordsIfNoName`, words only when no name was found (see `Picks.words`).
  const words = wordsIfNoName && names.length > 0 ? null : sharedWords(members, ctx, need, max, sums);
  clearSums(sums, weights);
  return { names, words };
}

/** The names `sharedNames` ranks for `members`, before their written forms: phrase, score, holders and count (for tests). */
export function nameScores(members: number[], ctx: ExplainContext, need: number): { phrase: string; score: number; holders: number; count: number }[] {
  const weights: SparseVector[] = [];
  for (const i of members) weights.push(ctx.space.vectors[i]!);
  const sums = sumsOf(ctx.space, weights);
  const drafts = nameDrafts(members, ctx, weights, need, sums);
  clearSums(sums, weights);
  return drafts.map((d) => ({ phrase: d.phrase, score: d.score, holders: d.holders, count: d.count }));
}

/** The `k`-th largest of `values` (1 <= k <= values.length, counting repeats), as a descending sort would place it. */
export function kthLargest(values: readonly number[], k: number): number {
  // The k largest so far, descending: groups show at most four words, so k is small.
  const top = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (size === k && !(v > top[k - 1]!)) continue;
    let at = size < k ? size++ : k - 1;
    while (at > 0 && v > top[at - 1]!) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = v;
  }
  return top[k - 1]!;
}

/**
 * The cut that keeps every word: a constant, not `-Infinity` written in place, whose negation had no
 * type feedback until the first group with few words, and deoptimised `sharedWords` there.
 */
const NO_CUT = -Infinity;

/**
 * Content words held by at least `need` members, by summed weight; at most `max`. Only words that can
 * reach the first `max` places (ties included, which their written forms break) get a written form.
 * `sums` holds the members' dense sums (see `sharedOf`).
 */
function sharedWords(members: number[], ctx: ExplainContext, need: number, max: number, sums: Sums): string[] {
  const { space } = ctx;
  const { sum, inside, held } = sums;
  // How well a word speaks for this group: its summed weight in the members, times the share of the
  // corpus's articles holding it that are members ("government" is everywhere; "ceasefire" is here).
  const distinctOf = (id: number) => (sum[id]! * inside[id]!) / Math.max(space.df[id] ?? inside[id]!, 1);
  const ids: number[] = [];
  const scores: number[] = [];
  const consider = (id: number, holders: number) => {
    if (holders >= need) {
      ids.push(id);
      scores.push((distinctOf(id) * holders) / members.length);
    }
  };
  // Members holding each word, in first-seen order (each member's words by feature id, in the order
  // of its words map). A single article holds each once, in its own order: the same loop, so no
  // branch of its own that the first groups (which have several members) leave without type
  // feedback, to deoptimise and recompile this function when the first lone article gets here.
  const seen: number[] = [];
  for (const i of members) {
    const row = space.wordRows[i]!;
    for (let k = 0; k < row.length; k++) if (held[row[k]!]!++ === 0) seen.push(row[k]!);
  }
  for (const id of seen) {
    consider(id, held[id]!);
    held[id] = 0;
  }
  // Only words that can reach the first `max` places (ties included, which their written forms
  // break) get a written form, from each member holding them (in member order).
  const cut = scores.length > max ? kthLargest(scores, max) : NO_CUT;
  // Built by push: `.filter` over a `.map` result (whose elements kind differs between V8's bytecode
  // and optimised code) deoptimised sharedWords on a "wrong map" up to 70 times in one run.
  // A member's words are in the order of its feature ids in wordRows, so a word's place there is its slot.
  const formsOf = (id: number) => {
    const forms: WordCount[] = [];
    for (const i of members) {
      const slot = space.wordRows[i]!.indexOf(id);
      if (slot >= 0) forms.push(wordCountAt(ctx.features[i]!.words, slot));
    }
    return forms;
  };
  const kept: { text: string; score: number }[] = [];
  for (let k = 0; k < ids.length; k++) {
    if (scores[k]! >= cut) kept.push({ text: wordSurface(formsOf(ids[k]!)), score: scores[k]! });
  }
  return kept
    .sort((a, b) => b.score - a.score || a.text.localeCompare(b.text))
    .slice(0, max)
    .map((x) => x.text);
}

function nameClause(names: Shown[], kinds: Kinds): string[] {
  const groups: [NameKind | null, string, string][] = [
    ['place', 'the place', 'the places'],
    ['person', 'the person', 'the people'],
    ['organization', 'the organisation', 'the organisations'],
    [null, 'the name', 'the names'],
  ];
  const out: string[] = [];
  for (const [kind, one, many] of groups) {
    // Built by push, not .filter(...).map(...), whose results come in more than one elements kind
    // (a "wrong map" deopt of this function and of describeGroup, where it is inlined).
    const texts: string[] = [];
    for (const n of names) if ((kinds.get(n.key)?.kind ?? null) === kind) texts.push(n.text);
    if (texts.length) out.push(`${texts.length === 1 ? one : many} ${list(texts)}`);
  }
  return out;
}

function whatShared(names: Shown[], words: string[], kinds: Kinds): string {
  const parts = nameClause(names, kinds);
  if (words.length) parts.push(`the word${words.length === 1 ? '' : 's'} ${list(words)}`);
  return parts.length ? list(parts) : 'little wording';
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, s.lastIndexOf(' ', max - 1) > max / 2 ? s.lastIndexOf(' ', max - 1) : max - 1)}…`;
}

function monthLabel(range: DayRange | null): string {
  return range ? formatDate(isoDay(range.from).slice(0, 7)) : '';
}

function makeLabel(names: Shown[], words: string[] | null, kinds: Kinds, range: DayRange | null, fallback: string): string {
  // "Daraa, July 2018" says more than "Syria, July 2018": a place below country level comes first.
  const place = (n: Shown) => kinds.get(n.key)?.kind === 'place';
  const head = names.find((n) => place(n) && !kinds.get(n.key)?.country) ?? names.find(place) ?? names[0];
  // (`words` is null only when there is a name to head the label.)
  const word = words?.[0];
  const name = head?.text ?? (word ? word.replace(/^\p{L}/u, (c) => c.toUpperCase()) : clip(fallback, 60));
  const month = monthLabel(range);
  return month ? `${name}, ${month}` : name;
}

function spanOf(members: number[], ctx: ExplainContext): DayRange | null {
  // A loop, not .map(...).filter(...) and spreads (builtin results of more than one elements kind: see nameClause).
  let from = Infinity;
  let to = -Infinity;
  let known = 0;
  for (const i of members) {
    const w = ctx.features[i]!.when;
    if (w === null) continue;
    known++;
    from = Math.min(from, w.from);
    to = Math.max(to, w.to);
  }
  return known ? { from, to } : null;
}

/** Boilerplate this article shares with articles outside `members`: the wording that was set aside. */
function setAside(i: number, members: number[], ctx: ExplainContext): string {
  const f = ctx.features[i]!;
  // Most articles share no boilerplate: nothing to look up.
  if (!f.shared.length) return '';
  const inside = new Set(members.map((m) => ctx.articles[m]!.id));
  const twins = new Set<string>();
  const kinds = new Set<string>();
  for (const s of f.shared) {
    const outside = s.twins.filter((t) => !inside.has(t));
    if (!outside.length) continue;
    outside.forEach((t) => twins.add(t));
    kinds.add(s.kind);
  }
  if (!twins.size) return '';
  const outlet = ctx.articles[i]!.outlet;
  const what = kinds.has('stock') && kinds.size === 1
    ? `${outlet ? `${outlet}’s` : 'the outlet’s'} stock background paragraphs`
    : kinds.has('copied') && kinds.size === 1 ? 'paragraphs copied between outlets' : 'repeated paragraphs';
  return `its shared wording with ${list([...twins].sort())} is ${what}, which are left out`;
}

/** Whether `setAside(i, members, ctx)` says anything: some boilerplate of article i has a twin outside `members`. */
function setsAside(i: number, members: number[], ctx: ExplainContext): boolean {
  const f = ctx.features[i]!;
  if (!f.shared.length) return false;
  const inside = new Set<string>();
  for (const m of members) inside.add(ctx.articles[m]!.id);
  for (const s of f.shared) for (const t of s.twins) if (!inside.has(t)) return true;
  return false;
}

/** Chooses the names and words a group's description will show. */
export function pickShared(members: number[], ctx: ExplainContext): Picks {
  // Members' weights are read from their sparse vectors by feature id (see weightOf).
  // Built by push, as `pw` below is a literal: a `.map` result's elements kind differs between V8's
  // bytecode and optimised code, and sharedWords and sharedNames were deoptimised on a "wrong map" for it
  // again and again (dozens of times per run).
  const weights: SparseVector[] = [];
  for (const i of members) weights.push(ctx.space.vectors[i]!);
  const first = members[0];
  if (members.length === 1 && first !== undefined) {
    const own = sharedOf(members, ctx, weights, 1, 3, true);
    let pair: Closest | null | undefined;
    const closest = () => {
      if (pair === undefined) {
        const other = ctx.nearest(first);
        pair = null;
        if (other >= 0) {
          const pw = [weights[0]!, ctx.space.vectors[other]!];
          const shared = sharedOf([first, other], ctx, pw, 2, 3);
          pair = { index: other, names: shared.names, words: shared.words };
        }
      }
      return pair;
    };
    return { size: 1, names: own.names, words: own.words, closest };
  }
  const need = Math.max(2, Math.ceil(members.length / 2));
  const { names, words } = sharedOf(members, ctx, weights, need, 4);
  return { size: members.length, names, words, closest: noClosest };
}

function noClosest(): null {
  return null;
}

/**
 * The name occurrences compromise should read to classify the names the picks will show, largest
 * groups first. Made as they are read: classifyNames stops at its budget, and a singleton's closest
 * match (see `Picks`) is only worked out if the requests get that far.
 */
export function* kindRequests(picks: Picks[], ctx: ExplainContext): Generator<KindRequest> {
  const request = (n: Shown): KindRequest | null => {
    const occurrences = n.seen.map(({ article: i, span }) => {
      const article = ctx.articles[i]!;
      const sentence = article.sentences.find((s) => s.start <= span.start && s.end >= span.end) ?? span;
      return { text: article.text, at: span, sentence };
    });
    return occurrences.length ? { key: n.key, occurrences } : null;
  };
  for (const p of [...picks].sort((a, b) => b.size - a.size)) {
    for (const n of p.names) {
      const r = request(n);
      if (r) yield r;
    }
    for (const n of p.closest()?.names ?? []) {
      const r = request(n);
      if (r) yield r;
    }
  }
}

/** The dated articles' ranges, sorted by end and by start (see `datedNeighbours`). */
interface DatedIndex {
  tos: Float64Array;
  froms: Float64Array;
}
const datedIndexes = new WeakMap<ExplainContext, DatedIndex>();

/** Index of the first value of an ascending array greater than `x` (or >= when `orEqual`). */
function firstAbove(sorted: Float64Array, x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (orEqual ? sorted[mid]! < x : sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For a dated article with range `when`, over the other dated articles: how many there are, the
 * smallest `gapDays` to one of them (0 when there is none), and whether all of them end before it
 * starts (`after`) or all start after it ends (`before`). The same answers as comparing it with every
 * other article, from two sorted arrays and binary searches: a corpus has hundreds of singletons.
 * Counting relies on the article itself being dated: its own range is neither before nor after it.
 */
export function datedNeighbours(when: DayRange, ctx: ExplainContext): { dated: number; nearest: number; after: boolean; before: boolean } {
  let index = datedIndexes.get(ctx);
  if (!index) {
    const ranges = ctx.features.map((f) => f.when).filter((w): w is DayRange => w !== null);
    index = { tos: Float64Array.from(ranges, (r) => r.to).sort(), froms: Float64Array.from(ranges, (r) => r.from).sort() };
    datedIndexes.set(ctx, index);
  }
  const dated = index.tos.length - 1;
  // Others ending before `when` starts, and others starting after it ends; the rest overlap it.
  const left = firstAbove(index.tos, when.from, true);
  const rightFrom = firstAbove(index.froms, when.to, false);
  const right = index.froms.length - rightFrom;
  let nearest = 0;
  if (dated > 0 && left + right === dated) {
    nearest = Math.min(left > 0 ? when.from - index.tos[left - 1]! : Infinity, right > 0 ? index.froms[rightFrom]! - when.to : Infinity);
  }
  return { dated, nearest, after: left === dated, before: right === dated };
}

function describeSingle(i: number, picks: Picks, kinds: Kinds, ctx: ExplainContext): Description {
  const f = ctx.features[i]!;
  const me = ctx.articles[i]!;
  const label = makeLabel(picks.names, picks.words, kinds, f.when, me.title);
  const dates = f.whenDate ? [f.whenDate] : [];
  if (ctx.articles.length === 1) return { why: 'The only article in the corpus, so there is nothing to group it with.', label, dates };

  const parts: string[] = [];
  const when = f.when;
  let farApart = false;
  if (when && f.whenDate) {
    const month = formatDate(f.whenDate.slice(0, 7));
    const { dated, nearest, after, before } = datedNeighbours(when, ctx);
    farApart = dated > 0 && nearest > ctx.maxGapDays;
    if (farApart) {
      const them = dated === 1 ? 'the other article' : 'the others';
      parts.push(`Published in ${month}, ${describeGap(nearest)} ${after ? `after ${them}` : before ? `before ${them}` : 'from the nearest other article'}`);
    } else parts.push(`Published in ${month}`);
  }
  const aside = setAside(i, [i], ctx);
  if (aside) parts.push(aside);
  else if (picks.closest()) {
    const c = picks.closest()!;
    const shared = whatShared(c.names, c.words, kinds);
    const cid = ctx.articles[c.index]!.id;
    parts.push(farApart ? `its closest match in wording, ${cid}, shares ${shared}` : `it shares too little with any other article: the closest, ${cid}, has only ${shared} in common`);
  }
  const why = parts.join('; ');
  return { why: `${why.charAt(0).toUpperCase()}${why.slice(1)}.`, label, dates };
}

/** The why, label and dates of one group of article indices, given its picks and the names' kinds. */
export function describeGroup(members: number[], picks: Picks, kinds: Kinds, ctx: ExplainContext): Description {
  const first = members[0];
  if (members.length === 1 && first !== undefined) return describeSingle(first, picks, kinds, ctx);
  const need = Math.max(2, Math.ceil(members.length / 2));
  const { names } = picks;
  // A group's words are always worked out (only a single article's may be left null).
  const words = picks.words ?? [];
  const range = spanOf(members, ctx);

  const parts: string[] = [];
  // By push (see nameClause): an empty .map result and a full one have different maps, and the
  // first group with a member dated from its text deoptimised describeGroup right after its compile.
  const undated: string[] = [];
  const fromText: string[] = [];
  for (const i of members) {
    if (!ctx.features[i]!.when) undated.push(ctx.articles[i]!.id);
    if (ctx.features[i]!.whenFrom === 'text') fromText.push(ctx.articles[i]!.id);
  }
  if (range) {
    const days = range.to - range.from;
    let clause = days === 0 ? `Published on the same day (${formatRange(range)})` : `Published within ${describeGap(days)} of each other (${formatRange(range)})`;
    const notes: string[] = [];
    if (fromText.length) notes.push(`the date of ${list(fromText)} is read from its text`);
    if (undated.length) notes.push(`${list(undated)} ${undated.length === 1 ? 'has' : 'have'} no date`);
    if (notes.length) clause += ` (${notes.join('; ')})`;
    parts.push(`${clause} and share ${whatShared(names, words, kinds)}`);
  } else parts.push(`No dates are known; they share ${whatShared(names, words, kinds)}`);

  const sharedDays = new Map<string, number>();
  for (const i of members) for (const d of ctx.features[i]!.dates.keys()) sharedDays.set(d, (sharedDays.get(d) ?? 0) + 1);
  const refer: string[] = [];
  for (const [d, n] of sharedDays) if (n >= need) refer.push(d);
  refer.sort();
  // Only whether any member's wording was set aside is said, not what (see `setsAside`).
  const aside = members.some((i) => setsAside(i, members, ctx));
  let why = parts.join('; ');
  if (refer.length) why += `; ${members.length === 2 ? 'both' : 'they'} refer to ${list(refer.slice(0, 3).map(formatDate))}`;
  if (aside) why += '. Paragraphs repeated from articles outside this event were left out';
  const stated = new Set<string>();
  for (const i of members) {
    const d = ctx.features[i]!.whenDate;
    if (d !== null) stated.add(d);
  }
  for (const d of refer) stated.add(d);
  const dates = [...stated].sort();
  return { why: `${why}.`, label: makeLabel(names, words, kinds, range, ctx.articles[first!]!.title), dates };
}
