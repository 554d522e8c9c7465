/**
 * Tells which shown names are places, people or organisations by letting compromise read a short
 * window around one occurrence of each, so its cost follows the names on screen, not the corpus size.
 */
import { findNames, type NameKind } from '../adapters/nlp';
import type { Span } from '../types';

/** Where one name occurs: the article text, the name's span and the sentence around it. */
export interface Occurrence {
  text: string;
  at: Span;
  /** The window is clipped to this sentence, so compromise sees grammatical context. */
  sentence: Span;
}

/** One name to classify, with occurrences to try in order until compromise recognises one. */
export interface KindRequest {
  key: string;
  occurrences: Occurrence[];
}

/** Characters of context kept before and after a name: enough for "the southern city of …". */
const BEFORE = 60;
const AFTER = 30;

/** What compromise says a name is. */
export interface NameInfo {
  kind: NameKind;
  /** A place known as a country ("Syria"), which a label passes over for a more specific place. */
  country: boolean;
}

/**
 * Kinds by key; a key compromise recognises in none of its occurrences is left out. Each key is
 * settled once, by the first occurrence compromise recognises; at most `budget` keys are tried, in
 * the order requested (no request is read past the one that meets the budget).
 */
export function classifyNames(requests: Iterable<KindRequest>, budget = Infinity): Map<string, NameInfo> {
  const kinds = new Map<string, NameInfo>();
  const done = new Set<string>();
  for (const r of requests) {
    // Past the budget, names stay unclassified ("the names …"): the wording degrades, not the time.
    if (done.size >= budget) break;
    if (done.has(r.key)) continue;
    done.add(r.key);
    for (const o of r.occurrences) {
      const info = classifyOne(o);
      if (info) {
        kinds.set(r.key, info);
        break;
      }
    }
    // The budget met, no further request is read (they may be made as they are read).
    if (done.size >= budget) break;
  }
  return kinds;
}

function classifyOne(o: Occurrence): NameInfo | null {
  let from = Math.max(o.sentence.start, o.at.start - BEFORE);
  let to = Math.min(o.sentence.end, o.at.end + AFTER);
  // Whole words only: a cut word at the edge could be read as a name of its own.
  while (from > o.sentence.start && /\S/.test(o.text[from - 1] ?? '')) from--;
  while (to < o.sentence.end && /\S/.test(o.text[to] ?? '')) to++;
  let best: NameInfo | null = null;
  let bestOverlap = 0;
  for (const m of findNames(o.text.slice(from, to), from)) {
    const overlap = Math.min(m.end, o.at.end) - Math.max(m.start, o.at.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [{ kind: m.kind, country: m.country }, overlap];
  }
  return best;
}
