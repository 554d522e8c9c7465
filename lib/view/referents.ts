/**
 * How referents and connotations are shown: a colour-blind-safe colour and a short code per referent,
 * an underline style and plain words per connotation. Pure data, shared by the web view and print.
 */
import type { Connotation, LexiconReferent, Voice } from '../types';

/** One referent's look: `ink` for underlines and borders, `tint` for a light background, `code` as a text cue. */
export interface ReferentStyle {
  id: string;
  name: string;
  description: string;
  code: string;
  ink: string;
  tint: string;
}

/**
 * Paul Tol's "muted" qualitative scheme (built to stay distinguishable with the common colour-vision
 * deficiencies), with the light sand and cyan darkened so a 2px underline stands out on white, plus
 * grey. Colour is never the only cue: every highlight also carries the referent code as text.
 */
export const REFERENT_PALETTE: readonly { ink: string; tint: string }[] = [
  { ink: '#332288', tint: '#E3E0F3' },
  { ink: '#CC6677', tint: '#F8E3E6' },
  { ink: '#44AA99', tint: '#DDF1ED' },
  { ink: '#882255', tint: '#F1DDE7' },
  { ink: '#999933', tint: '#EFEFD8' },
  { ink: '#4A9CC6', tint: '#E1F1FA' },
  { ink: '#117733', tint: '#DAEFE0' },
  { ink: '#B39A2D', tint: '#F7F1D9' },
  { ink: '#AA4499', tint: '#F4E0F0' },
  { ink: '#666666', tint: '#E8E8E8' },
];

/**
 * Candidate short codes for a referent id, best first: initials for several words ("armed-opposition"
 * → "AO"), else the first two letters ("russia" → "RU"), then the first letter with each later letter
 * ("israel" → "IS", "IR", …) so that two referents rarely need a digit to tell them apart.
 */
export function referentCodeCandidates(id: string): string[] {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toUpperCase());
  const first = words[0] ?? '';
  if (!first) return ['?'];
  const out: string[] = [];
  if (words.length > 1) out.push(words.slice(0, 3).map((w) => w[0]).join(''));
  const letters = words.join('');
  for (let i = 1; i < letters.length; i++) out.push(`${letters[0]}${letters[i]}`);
  if (out.length === 0) out.push(first);
  return [...new Set(out)];
}

/** The preferred short code for a referent id. */
export function referentCode(id: string): string {
  return referentCodeCandidates(id)[0] ?? '?';
}

/**
 * Assigns each referent a style. When the lexicons name no more referents than the palette has
 * colours, a referent keeps its colour everywhere (colour by lexicon order); otherwise colours go to
 * the referents `used` on the page first, so that the ones on screen never share a colour. Ids that
 * appear only in hits (no lexicon entry) are appended. Codes follow lexicon order and are the same on
 * every page; codes that would collide get another letter, then a digit.
 */
export function referentStyles(
  referents: readonly LexiconReferent[],
  extraIds: readonly string[] = [],
  used: readonly string[] = [],
): Map<string, ReferentStyle> {
  const all: LexiconReferent[] = [];
  for (const r of referents) if (!all.some((a) => a.id === r.id)) all.push(r);
  for (const id of extraIds) {
    if (!all.some((r) => r.id === id)) all.push({ id, name: humanise(id), description: '' });
  }
  const order =
    all.length <= REFERENT_PALETTE.length
      ? all
      : [...used.map((id) => all.find((r) => r.id === id)).filter((r) => r !== undefined), ...all.filter((r) => !used.includes(r.id))];
  // Codes follow lexicon order, so a referent has the same code on every page.
  const codes = new Map<string, string>();
  const usedCodes = new Set<string>();
  for (const r of all) {
    const candidates = referentCodeCandidates(r.id);
    let code = candidates.find((c) => !usedCodes.has(c)) ?? candidates[0] ?? '?';
    for (let n = 2; usedCodes.has(code); n++) code = `${candidates[0] ?? '?'}${n}`;
    usedCodes.add(code);
    codes.set(r.id, code);
  }
  const styles = new Map<string, ReferentStyle>();
  order.forEach((r, i) => {
    const colour = REFERENT_PALETTE[i % REFERENT_PALETTE.length] ?? { ink: '#555555', tint: '#E8E8E8' };
    styles.set(r.id, { id: r.id, name: r.name, description: r.description, code: codes.get(r.id) ?? '?', ...colour });
  });
  return styles;
}

/** "armed-opposition" → "Armed opposition", for referents the lexicon does not describe. */
export function humanise(id: string): string {
  const s = id.replace(/[-_]+/g, ' ').trim();
  return s ? s[0]!.toUpperCase() + s.slice(1) : id;
}

/** The underline drawn under a term, by connotation: never the only cue (the words and sign go with it). */
export type UnderlineStyle = 'wavy' | 'dashed' | 'dotted' | 'solid' | 'double';

export function connotationUnderline(c: Connotation): UnderlineStyle {
  switch (c) {
    case -2:
      return 'wavy';
    case -1:
      return 'dashed';
    case 0:
      return 'dotted';
    case 1:
      return 'solid';
    case 2:
      return 'double';
  }
}

/** Connotation in words: it describes the wording's lean toward the referent, not the outlet. */
export function connotationWords(c: Connotation): string {
  switch (c) {
    case -2:
      return 'strongly delegitimising wording';
    case -1:
      return 'mildly delegitimising wording';
    case 0:
      return 'neutral wording';
    case 1:
      return 'mildly legitimising wording';
    case 2:
      return 'strongly legitimising wording';
  }
}

/** A compact sign for the connotation ("−−", "−", "0", "+", "++"), used beside the referent code. */
export function connotationSign(c: Connotation): string {
  return c === 0 ? '0' : (c < 0 ? '−' : '+').repeat(Math.abs(c));
}

export function voiceWords(voice: Voice, quote: 'direct' | 'reported' | null): string {
  if (voice === 'narrator') return "the report's own words";
  return quote === 'reported' ? 'reported speech of a source' : 'a direct quotation of a source';
}
