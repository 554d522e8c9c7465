/**
 * The one adapter over compromise: finds people, places and organisations in short texts and hands
 * them back as plain `NameMention`s with offsets, so no other module ever sees compromise's shapes.
 */
import nlp from 'compromise';
import type { Span } from '../types';

/** What kind of thing a name names. */
export type NameKind = 'person' | 'place' | 'organization';

/** A name as written, with its offsets into the text that was passed in. */
export interface NameMention extends Span {
  /** Exact quote: `text.slice(start, end)` of the input (possessive `'s` and punctuation left out). */
  text: string;
  kind: NameKind;
  /** True for a place compromise knows as a country (a label prefers the more specific place). */
  country: boolean;
}

// Configured once when the module loads: compromise keeps one global lexicon, so per-call words would
// leak between callers. Its lexicon reads "Jordan" as a first name, which puts the country among the
// people in every Middle East report; "Michael Jordan" is still a person, by his first name. The
// agencies are organisations wherever they appear.
nlp.plugin({
  words: {
    jordan: 'Country',
    sana: 'Organization',
    afp: 'Organization',
    reuters: 'Organization',
    daesh: 'Organization',
  },
});

// Nor does it chunk: the last step of compromise's pipeline groups terms into noun and verb chunks
// (term.chunk) after every tag is set, and only tags are read here: roughly 10-20% of each call on
// the sentence windows the events stage hands over (the chunker's matcher is also built on first use).
const world = nlp.world() as { hooks: string[] };
world.hooks = world.hooks.filter((hook) => hook !== 'chunks');

/** The slice of compromise's `.json({ offset: true })` output that we read. */
interface RawTerm {
  post?: unknown;
  tags?: unknown;
  offset?: { start?: unknown; length?: unknown };
}
interface RawSentence {
  terms?: unknown;
}
interface Term {
  start: number;
  end: number;
  post: string;
  tags: Set<string>;
}

const POSSESSIVE = /['’‘ʼ]s?$/u;
// Between two terms of one name only spaces or hyphens may stand; a comma or full stop ends the name
// (compromise's own selections return "Dara’a, Syria," as one place).
const JOINER = /^[\s\-‐‑]*$/u;
// A name starts at its first capital: "southern city of Dara’a" names Dara’a.
const LOWER_LEAD = /^(?:\p{Ll}[\p{L}’'-]*\s+)+/u;

function termsOf(sentence: RawSentence): Term[] {
  if (!Array.isArray(sentence.terms)) return [];
  const out: Term[] = [];
  for (const t of sentence.terms as RawTerm[]) {
    const start = t.offset?.start;
    const length = t.offset?.length;
    if (typeof start !== 'number' || typeof length !== 'number') continue;
    const tags = Array.isArray(t.tags) ? t.tags.filter((x): x is string => typeof x === 'string') : [];
    out.push({ start, end: start + length, post: typeof t.post === 'string' ? t.post : '', tags: new Set(tags) });
  }
  return out;
}

function kindOf(term: Term): NameKind | null {
  if (term.tags.has('Person')) return 'person';
  if (term.tags.has('Place')) return 'place';
  if (term.tags.has('Organization')) return 'organization';
  return null;
}

function mention(text: string, run: Term[], kind: NameKind, base: number): NameMention | null {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return null;
  const quote = text.slice(first.start, last.end).replace(POSSESSIVE, '');
  const lead = LOWER_LEAD.exec(quote);
  const start = first.start + (lead ? lead[0].length : 0);
  const end = first.start + quote.length;
  if (end <= start || !/\p{Lu}/u.test(text.slice(start, end))) return null;
  const country = kind === 'place' && run.some((t) => t.tags.has('Country'));
  return { start: base + start, end: base + end, text: text.slice(start, end), kind, country };
}

/**
 * People, places and organisations in `text`, in text order, with offsets shifted by `base` (pass the
 * text's position in a longer document). A name is a run of terms compromise tags with one kind,
 * joined only by spaces or hyphens. Meant for short texts such as the sentence around a name:
 * compromise's full tagging runs at roughly 0.05-0.17 MB/s.
 */
export function findNames(text: string, base = 0): NameMention[] {
  if (!text.trim()) return [];
  // One pass over the whole document's terms: three selections (.people(), .places(),
  // .organizations()) with offsets cost about twice as much for short texts.
  const raw: unknown = nlp(text).json({ offset: true });
  if (!Array.isArray(raw)) return [];
  const out: NameMention[] = [];
  for (const sentence of raw as RawSentence[]) {
    let run: Term[] = [];
    let runKind: NameKind | null = null;
    const flush = () => {
      const m = runKind ? mention(text, run, runKind, base) : null;
      if (m) out.push(m);
      run = [];
      runKind = null;
    };
    for (const term of termsOf(sentence)) {
      const kind = kindOf(term);
      if (kind !== runKind) flush();
      if (kind) {
        run.push(term);
        runKind = kind;
        if (!JOINER.test(term.post)) flush();
      }
    }
    flush();
  }
  return out;
}
