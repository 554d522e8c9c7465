/**
 * Sources: who each article quotes or credits (named people, unnamed sources, agencies and
 * organisations, and pronoun speakers nobody is named for), found by patterns around attribution verbs.
 */
import { findNames } from './adapters/nlp';
import { boundedMemo } from './memo';
import type { ArticleAnalysis, Paragraph, Quote, Sentence, SourceKind, SourceMention, Span } from './types';

/** Options for {@link findSources}. */
export interface SourceOptions {
  /**
   * Ask compromise (through lib/adapters/nlp) whether a lone capitalised speaker ("Damascus says") is
   * a place or organisation rather than a surname: one short call per distinct word, cached. Default true.
   */
  useNlp?: boolean;
}

interface Tok extends Span {
  text: string;
  lower: string;
  word: boolean;
}

// Auxiliaries are part of the verb match ("have said") so the speaker scan starts before them.
const VERB =
  /(?<![\p{L}\p{N}-])(?:(?:has|have|had)\s+)?(?:also\s+)?(said|says|say|told|tells|noted|notes|added|adds|wrote|writes|reported|reports|confirmed|confirms|announced|announces|stated|states|quoted|claimed|claims|declared|insisted|explained|warned|tweeted|according\s+to)(?![\p{L}\p{N}-])/giu;
// The same pattern without the global flag, for a stateless "is there any attribution here" test.
const HAS_VERB = new RegExp(VERB.source, 'iu');
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*[\p{L}\p{N}\p{M}]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]/gu;

const DETERMINERS = new Set(['a', 'an', 'the', 'another', 'one', 'some', 'several', 'two', 'three']);
// Words that may sit inside a speaker phrase ("room for southern Syria", "Observatory for Human Rights").
const CONNECTORS = new Set(['of', 'for', 'in', 'from', 'at', 'with']);
// Words that end a speaker phrase when scanning away from the verb: clause openers, auxiliaries, adverbs.
const BOUNDARY = new Set(
  (
    'that which who whom whose as while because after before when if but so or nor then where since until ' +
    'though although also meanwhile however earlier later reportedly previously recently yesterday today now ' +
    'there here what how not never is are was were be been being has have had would will can could should may ' +
    'might must do does did on to by into over against during than upon under about said says told noted added ' +
    'and regarding separately moreover additionally hours days'
  ).split(' '),
);
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'abd', 'de', 'van', 'von', 'da', 'di', 'bint', 'ben']);
const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const OTHER_PRONOUNS = new Set(['they', 'it', 'we', 'i', 'you', 'this', 'these', 'those']);
// People speaking without a name: the head of "a Syrian military source", "pro-Damascus sources".
const ROLE_NOUNS = new Set(
  (
    'source official spokesman spokesperson spokeswoman officer commander witness activist resident negotiator ' +
    'monitor diplomat analyst insider militant rebel fighter soldier member aide adviser advisor expert observer ' +
    'person people someone correspondent reporter journalist doctor medic worker leader figure minister ' +
    'ambassador envoy governor mayor director secretary lawmaker senator prosecutor chief president general'
  ).split(' '),
);
// Bodies speaking as one: "the Syrian military", "the joint opposition operations room", "the statement".
const INSTITUTIONS = new Set(
  (
    'agency television tv channel network radio newspaper daily media outlet broadcaster observatory ministry ' +
    'government military army command council committee office statement room organization organisation ' +
    'group coalition police nations presidency kremlin pentagon administration department authority ' +
    'authorities forces regime movement front union parliament court'
  ).split(' '),
);
// Agencies, outlets and organisations by name.
const KNOWN_AGENCY =
  /\b(?:SANA|Reuters|AFP|Agence France[- ]Presse|AP|Associated Press|Sputnik|TASS|RIA Novosti|Interfax|IRNA|Fars|Tasnim|Mehr|Press ?TV|Al[- ]Jazeera|Al[- ]Arabiya|Al[- ]Mayadeen|Al[- ]Masdar|BBC|CNN|Fox News|New York Times|Washington Post|Guardian|Anadolu|Xinhua|Bloomberg|YJC|Observatory|United Nations|UN|UNHCR|OCHA|ICRC|Red Cross|Amnesty|Human Rights Watch|Kremlin|Pentagon|White House|State Department|Hezbollah|Hamas|NATO)\b/u;

/** Who each article quotes or credits, in text order. Titles, captions and chrome are not searched. */
export function findSources(article: ArticleAnalysis, options: SourceOptions = {}): SourceMention[] {
  const useNlp = options.useNlp ?? true;
  const out: SourceMention[] = [];
  for (const sentence of article.sentences) {
    const paragraph = article.paragraphs[sentence.paragraph];
    if (!paragraph || paragraph.role !== 'body' || paragraph.boilerplate?.kind === 'chrome') continue;
    out.push(...sentenceSources(article, paragraph, sentence, out, useNlp));
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function lex(text: string, from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.slice(from, to).matchAll(WORD)) {
    const start = from + (m.index ?? 0);
    toks.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase(), word: /^[\p{L}\p{N}]/u.test(m[0]) });
  }
  return toks;
}

const isCap = (t: Tok | undefined) => !!t && t.word && /^\p{Lu}/u.test(t.text);
const bare = (w: string) => w.replace(/['’]s?$/u, '');
const singular = (w: string) =>
  w.endsWith('ies') ? `${w.slice(0, -3)}y` : /(?:ss|ch|sh|x)es$/u.test(w) ? w.slice(0, -2) : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;

/** The speaker phrase ending just before token `end` (exclusive), scanning left; null when there is none. */
function phraseBefore(toks: Tok[], end: number): { from: number; to: number } | null {
  let i = end - 1;
  const first = toks[i];
  if (!first || !first.word) return null;
  if (SUBJECT_PRONOUNS.has(first.lower) || OTHER_PRONOUNS.has(first.lower)) return { from: i, to: end };
  let from = end;
  for (let n = 0; i >= 0 && n < 14; i--, n++) {
    const t = toks[i]!;
    if (!t.word) break;
    if (DETERMINERS.has(t.lower)) {
      from = i;
      // "the" continues the phrase only after a connector inside it ("room of the militants").
      const left = toks[i - 1];
      if (left && CONNECTORS.has(left.lower) && toks[i - 2]?.word) continue;
      break;
    }
    if (CONNECTORS.has(t.lower)) {
      const left = toks[i - 1];
      if (!left || !left.word || BOUNDARY.has(left.lower)) break;
      continue;
    }
    if (t.lower === 'and' && isCap(toks[i - 1]) && isCap(toks[i + 1])) continue; // "Army and Armed Forces"
    if (BOUNDARY.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower) || OTHER_PRONOUNS.has(t.lower)) break;
    from = i;
  }
  // A phrase never starts on a connector ("in southern Syria" left over when the scan ran out).
  while (from < end && CONNECTORS.has(toks[from]!.lower)) from++;
  return from < end ? { from, to: end } : null;
}

/** The phrase starting at token `start`, scanning right: for "said a Syrian military source", "according to SANA". */
function phraseAfter(toks: Tok[], start: number, loose: boolean): { from: number; to: number } | null {
  const first = toks[start];
  if (!first || !first.word) return null;
  if (!loose && !DETERMINERS.has(first.lower) && !isCap(first)) return null;
  let to = start;
  for (let i = start; i < toks.length && i - start < 12; i++) {
    const t = toks[i]!;
    if (!t.word) break;
    if (CONNECTORS.has(t.lower)) {
      // Inside a name ("Observatory for Human Rights") a connector continues; otherwise ("source on Thursday") it ends.
      if (!isCap(toks[i - 1]) || !isCap(toks[i + 1])) break;
      continue;
    }
    if (i > start && DETERMINERS.has(t.lower) && !CONNECTORS.has(toks[i - 1]!.lower)) break;
    if (BOUNDARY.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower) || OTHER_PRONOUNS.has(t.lower)) break;
    to = i + 1;
  }
  return to > start ? { from: start, to } : null;
}

const APPOSITIVE_OPENER = /^(?:a|an|the|another|one|who|speaking|citing|head|chief|leader|spokesman|spokeswoman|spokesperson|member|commander|director|minister|secretary)\b/iu;

/**
 * "Hussein Abazeed, a spokesman for militants in southern Syria, said": when a comma stands right
 * before the verb, the speaker is the phrase before the appositive.
 */
function speakerBeforeAppositive(toks: Tok[], verbTok: number): { from: number; to: number } | null {
  if (toks[verbTok - 1]?.text !== ',') return null;
  let i = verbTok - 2;
  while (i >= 0 && toks[i]!.word) i--;
  if (i < 0 || toks[i]!.text !== ',') return null;
  const opener = toks[i + 1];
  if (!opener || !APPOSITIVE_OPENER.test(opener.text)) return null;
  return phraseBefore(toks, i);
}

type Classified = SourceKind | 'pronoun' | null;

function classify(words: Tok[], knownPeople: Set<string>, nlpKind: () => 'person' | 'place' | 'organization' | null): Classified {
  const first = words[0];
  if (!first) return null;
  if (words.length === 1 && SUBJECT_PRONOUNS.has(first.lower)) return 'pronoun';
  if (OTHER_PRONOUNS.has(first.lower)) return null;
  const phrase = words.map((w) => w.text).join(' ');
  if (KNOWN_AGENCY.test(phrase)) return 'agency';
  const cut = words.findIndex((w) => CONNECTORS.has(w.lower));
  const head = singular(bare((cut > 0 ? words[cut - 1]! : words[words.length - 1]!).lower));
  if (ROLE_NOUNS.has(head)) return 'anonymous';
  if (INSTITUTIONS.has(head) || words.some((w) => isCap(w) && INSTITUTIONS.has(singular(bare(w.lower))))) return 'agency';
  const caps = words.filter((w) => isCap(w));
  // "Adnan al Masalameh", "Bashar al-Assad", "Mr Smith and Ms Jones".
  const nameLike = words.every((w) => isCap(w) || PARTICLES.has(w.lower) || w.lower === 'and' || /^(?:al|el)-/iu.test(w.text));
  if (nameLike && caps.length >= 2) return 'named';
  if (nameLike && caps.length === 1) {
    if (knownPeople.has(bare(first.lower))) return 'named';
    const kind = nlpKind();
    // News style names a person by surname after the first mention; a place or body named alone
    // ("Damascus says") speaks for a government.
    return kind === 'place' || kind === 'organization' ? 'agency' : 'named';
  }
  return null;
}

/**
 * Whether compromise reads a lone capitalised speaker ("Damascus", "Moscow") as a person, place or
 * organisation. Memoised by word: the answer for a bare word does not depend on the article, and
 * compromise's lexicon is configured once at load, so the memo is safe to share and keeps the slow
 * tagger (~0.1 MB/s) to one short call per distinct word.
 */
const nameKind = boundedMemo((word: string): 'person' | 'place' | 'organization' | null => {
  // Tagged in a minimal reporting clause so compromise sees the word as a subject, as in the article.
  const probe = `${word} said.`;
  return findNames(probe).find((n) => n.start === 0)?.kind ?? null;
}, 5000);

/** The span of quotation-mark pairs in a paragraph (curly, or straight paired in order). */
function quotePairs(text: string, p: Span): Span[] {
  const pairs: Span[] = [];
  let open: number | null = null;
  let straight: number | null = null;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (c === '“') open = i;
    else if (c === '”' && open !== null) {
      pairs.push({ start: open, end: i + 1 });
      open = null;
    } else if (c === '"') {
      if (straight === null) straight = i;
      else {
        pairs.push({ start: straight, end: i + 1 });
        straight = null;
      }
    }
  }
  return pairs.sort((a, b) => a.start - b.start);
}

/** Trims white space, quotation marks and closing punctuation; null when nothing is left. */
function trimQuote(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /[\s"“”'‘’,:;،]/u.test(text[s] ?? '')) s++;
  while (e > s && /[\s"“”'‘’.,:;!?،]/u.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}

// Time and manner phrases between a verb and what was said ("said on Sunday that", "announced in a statement that").
const AFTER_VERB =
  /^\s*(?:(?:late |early |earlier )?on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b)?\s*(?:in a statement\b)?\s*(?:afternoon\b)?\s*(?:that\b)?/u;

function sentenceSources(
  article: ArticleAnalysis,
  paragraph: Paragraph,
  sentence: Sentence,
  earlier: readonly SourceMention[],
  useNlp: boolean,
): SourceMention[] {
  const { text } = article;
  const body = text.slice(sentence.start, sentence.end);
  if (!HAS_VERB.test(body)) return [];
  const toks = lex(text, sentence.start, sentence.end);
  const pairs = quotePairs(text, paragraph);
  const inQuote = (at: number) => pairs.some((q) => at > q.start && at < q.end - 1);
  const knownPeople = new Set<string>();
  for (const m of earlier) if (m.kind === 'named' && !m.antecedent) for (const w of m.speaker.split(/\s+/)) knownPeople.add(bare(w.toLowerCase()));
  const found: SourceMention[] = [];

  const emit = (range: { from: number; to: number }, kind: Classified, quote: Span | null) => {
    const start = toks[range.from]!.start;
    const end = toks[range.to - 1]!.end;
    if (found.some((f) => f.start === start && f.end === end) || kind === null) return;
    const mention: SourceMention = { article: article.id, start, end, speaker: text.slice(start, end), kind: 'unresolved', quote };
    if (kind === 'pronoun') {
      const antecedent = resolvePronoun(article, paragraph, start, [...earlier, ...found]);
      if (antecedent) {
        mention.kind = 'named';
        mention.antecedent = antecedent;
      }
    } else mention.kind = kind;
    found.push(mention);
  };
  const kindOf = (range: { from: number; to: number }): Classified => {
    const words = toks.slice(range.from, range.to);
    return classify(words, knownPeople, () => (useNlp ? nameKind(words[0]!.text) : null));
  };

  for (const m of body.matchAll(VERB)) {
    const vStart = sentence.start + (m.index ?? 0);
    const vEnd = vStart + m[0].length;
    if (inQuote(vStart)) continue;
    const vTok = toks.findIndex((t) => t.start >= vStart);
    const afterTok = toks.findIndex((t) => t.start >= vEnd);
    const verb = (m[1] ?? '').toLowerCase();
    const after = afterTok < 0 ? toks.length : afterTok;

    if (verb.startsWith('according')) {
      const range = phraseAfter(toks, after, true);
      if (!range) continue;
      const npEnd = toks[range.to - 1]!.end;
      // "According to X, claim." or "claim, according to X."
      const quote = vStart - sentence.start < 3 ? trimQuote(text, npEnd, sentence.end) : trimQuote(text, sentence.start, vStart);
      emit(range, kindOf(range), quote);
      continue;
    }

    const prev = toks[vTok - 1];
    const afterQuote = prev && !prev.word && /[”"]/u.test(prev.text + (toks[vTok - 2]?.text ?? ''));
    let speaker = speakerBeforeAppositive(toks, vTok) ?? (afterQuote ? null : phraseBefore(toks, vTok));
    let inverted = false;
    if (!speaker && afterQuote) {
      // "…,” said Hussein Abazeed, a spokesman for militants."
      speaker = phraseAfter(toks, after, false);
      inverted = true;
    }
    if (!speaker) continue;
    const kind = kindOf(speaker);
    const spStart = toks[speaker.from]!.start;

    // "told Reuters": the outlet that carried the words is credited too.
    let from = vEnd;
    if (!inverted && (verb === 'told' || verb === 'tells')) {
      const recipient = phraseAfter(toks, after, true);
      if (recipient) {
        if (kindOf(recipient) === 'agency') emit(recipient, 'agency', null);
        from = toks[recipient.to - 1]!.end;
      }
    }
    emit(speaker, kind, attributed(text, sentence, pairs, { spStart, vStart, from }, inverted));
  }
  return found;
}

/**
 * What was said: the quotation the attribution follows ("“…,” he said"), else the clause after the
 * verb ("said a ceasefire would…"), else, for "claim, the United Nations says, …", the claim before.
 */
function attributed(
  text: string,
  sentence: Sentence,
  pairs: readonly Span[],
  at: { spStart: number; vStart: number; from: number },
  inverted: boolean,
): Span | null {
  const before = inverted ? at.vStart : at.spStart;
  const lastPair = [...pairs].reverse().find((q) => q.end <= before && q.end > sentence.start);
  // A quotation closing shortly before the speaker is theirs ("“…four towns” it had recently recaptured, Abazeed noted").
  if (lastPair && (inverted || text.slice(lastPair.end, at.spStart).trim().length < 60)) {
    return trimQuote(text, lastPair.start, lastPair.end);
  }
  if (inverted) return null;
  const rest = text.slice(at.from, sentence.end);
  const skip = AFTER_VERB.exec(rest)?.[0].length ?? 0;
  const parenthetical = /^\s*[,.;]/u.test(rest.slice(skip)) || /^\s*[,.]/u.test(rest);
  if (!parenthetical) {
    // A second attribution closing the sentence ("…, according to the Associated Press") is not part of the claim.
    const tail = /,\s*according to\b/iu.exec(rest);
    const clause = trimQuote(text, at.from + skip, tail ? at.from + tail.index : sentence.end);
    if (clause) return clause;
  }
  if (text.slice(sentence.start, at.spStart).trimEnd().endsWith(',')) return trimQuote(text, sentence.start, at.spStart);
  return null;
}

/**
 * The person a "he"/"she" most likely stands for: the one named speaker earlier in this or the
 * previous body paragraph. Null when there is none or more than one (then it stays unresolved).
 */
function resolvePronoun(article: ArticleAnalysis, paragraph: Paragraph, at: number, mentions: readonly SourceMention[]): Quote | null {
  const previous = [...article.paragraphs].reverse().find((p) => p.index < paragraph.index && p.role === 'body');
  const windowStart = previous ? previous.start : paragraph.start;
  const people = mentions.filter((m) => m.kind === 'named' && m.start >= windowStart && m.start < at);
  const names = new Map<string, Quote>();
  for (const m of people) {
    const who = m.antecedent ?? { start: m.start, end: m.end, text: m.speaker };
    // A surname mention ("Abazeed") is the same person as an earlier full one ("Hussein Abazeed").
    const full = [...names.keys()].find((n) => n.split(/\s+/).includes(who.text) || who.text.split(/\s+/).includes(n));
    if (!full) names.set(who.text, who);
  }
  if (names.size !== 1) return null;
  return [...names.values()][0] ?? null;
}
