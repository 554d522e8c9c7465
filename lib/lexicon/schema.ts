/**
 * Lexicon validation: where a YAML lexicon file enters the program, turned into a checked `Lexicon`
 * or into fix-it messages that name the file, the entry and the field.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { foldPhrase } from '../normalize';
import type { Lexicon } from '../types';

/** Either the validated lexicon or every problem found, each a sentence a lexicon editor can act on. */
export type ParseLexiconResult = { lexicon: Lexicon } | { errors: string[] };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = z.string().trim().min(1);

const SourceSchema = z.strictObject({
  name: text,
  url: z.url({ protocol: /^https?$/ }).optional(),
  section: text.optional(),
});

const EntrySchema = z.strictObject({
  id: z.string().regex(ID),
  referent: z.string().regex(ID),
  label: text,
  variants: z.array(text).min(1),
  connotation: z.literal([-2, -1, 0, 1, 2]),
  note: text,
  source: SourceSchema,
  role: z.enum(['head', 'modifier']),
  exclude: z.array(text).optional(),
});

const ReferentSchema = z.strictObject({ id: z.string().regex(ID), name: text, description: text });

const LexiconSchema = z.strictObject({
  id: z.string().regex(ID),
  title: text,
  language: text,
  description: text,
  referents: z.array(ReferentSchema).min(1),
  entries: z.array(EntrySchema).min(1),
});

// The schema's output must be assignable to the shared type, so a drift between the two fails to compile.
const _typeCheck = (v: z.infer<typeof LexiconSchema>): Lexicon => v;
void _typeCheck;

/** What each field must hold and how to fix it, keyed by the field path without list indices. */
const RULES: Record<string, { rule: string; hint: string }> = {
  id: { rule: 'must be a kebab-case id', hint: 'use lower-case letters, digits and single hyphens, e.g. "takfiri-militants"' },
  referent: { rule: 'must be a referent id', hint: 'use the id of one of the referents listed under `referents`' },
  label: { rule: 'must be a non-empty string', hint: 'give the canonical wording shown in tables, e.g. "Takfiri militants"' },
  variants: {
    rule: 'must be a non-empty list of phrases',
    hint: 'list the wordings to match, e.g. [Takfiri militants]; plural, case, hyphen and apostrophe forms are derived',
  },
  connotation: {
    rule: 'must be an integer from -2 to 2',
    hint: 'use -2 for delegitimising, -1 mildly so, 0 for neutral, +1 mildly legitimising, +2 for legitimising wording',
  },
  note: { rule: 'must not be empty', hint: 'explain neutrally what the wording implies and who uses it, never a verdict on an outlet' },
  source: { rule: 'must be a mapping with a name', hint: 'e.g. {name: "Reuters Handbook of Journalism", section: "Terrorism"}' },
  'source.name': { rule: 'must not be empty', hint: 'name a style guide or study, e.g. "Reuters Handbook of Journalism"' },
  'source.url': { rule: 'must be an http(s) address', hint: 'omit url when you are not sure of the address' },
  'source.section': { rule: 'must be a non-empty string when given', hint: 'name the section or page, or leave it out' },
  role: { rule: 'must be "head" or "modifier"', hint: 'use "modifier" for words that stack onto a following label, such as "foreign-backed"' },
  exclude: { rule: 'must be a list of phrases', hint: 'list phrases in which a variant is not this term, e.g. [deal a blow]' },
  name: { rule: 'must not be empty', hint: 'give the name shown to readers, e.g. "Armed opposition"' },
  description: { rule: 'must not be empty', hint: 'describe in a sentence who or what this is' },
  title: { rule: 'must not be empty', hint: 'give the lexicon a title shown in reports' },
  language: { rule: 'must not be empty', hint: 'give a BCP 47 language tag such as "en"' },
  referents: { rule: 'must be a non-empty list', hint: 'list who or what the labels name: {id, name, description}' },
  entries: { rule: 'must be a non-empty list', hint: 'list the wordings: {id, referent, label, variants, connotation, note, source, role}' },
};

/** Parses and validates one lexicon file; never throws. */
export function parseLexicon(yamlText: string, fileName: string): ParseLexiconResult {
  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : '';
        // Pretty messages end their first line with " at line L, column C:"; we say that up front instead.
        const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return `${fileName}: ${where}${message}; fix the YAML syntax there`;
      }),
    };
  }
  let data: unknown;
  try {
    // Sources are shared through YAML anchors, so allow many aliases (each expands to one small mapping).
    data = doc.toJS({ maxAliasCount: 10_000 });
  } catch (e) {
    return { errors: [`${fileName}: ${(e as Error).message}; reduce the use of YAML aliases`] };
  }
  return validateLexicon(data, fileName);
}

/** Validates already-parsed lexicon data (shape and cross-entry rules); never throws. */
export function validateLexicon(data: unknown, fileName: string): ParseLexiconResult {
  if (!isRecord(data)) {
    return { errors: [`${fileName}: the file must be a YAML mapping with id, title, language, description, referents and entries`] };
  }
  const errors: string[] = [];
  const parsed = LexiconSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(describeIssue(fileName, data, issue));
  }
  errors.push(...crossCheck(fileName, data));
  if (errors.length > 0 || !parsed.success) return { errors: [...new Set(errors)] };
  return { lexicon: parsed.data };
}

function describeIssue(file: string, data: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = locate(data, path);
  const fieldPath = path.slice(where.depth);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(where.kind);
    return issue.keys
      .map((k) => {
        const near = closest(k, known);
        const hint = near ? `did you mean "${near}"?` : `known fields are ${known.join(', ')}`;
        const name = formatPath([...fieldPath, k]);
        return `${file}: ${where.label}unknown field "${name}"; ${hint}`;
      })
      .join('\n');
  }
  const field = formatPath(fieldPath) || 'the value';
  const key = fieldPath.filter((p) => typeof p === 'string').join('.');
  const value = valueAt(data, path);
  // A list item ("variants[2]") breaks the item's rule, not the list's.
  const rule = typeof fieldPath.at(-1) === 'number' ? { rule: 'must be a non-empty phrase', hint: RULES[key]?.hint ?? 'remove it' } : RULES[key];
  if (value === undefined) return `${file}: ${where.label}${field} is missing; ${rule?.hint ?? issue.message}`;
  const got = ` (got ${JSON.stringify(value)?.slice(0, 60) ?? String(value)})`;
  if (!rule) return `${file}: ${where.label}${field}: ${issue.message}${got}`;
  return `${file}: ${where.label}${field} ${rule.rule}${got}; ${rule.hint}`;
}

/** Names the entry or referent a path points into, by its id when it has one. */
function locate(data: Record<string, unknown>, path: (string | number)[]): { label: string; depth: number; kind: string } {
  const [list, index] = path;
  if ((list === 'entries' || list === 'referents') && typeof index === 'number') {
    const item = (data[list] as unknown[] | undefined)?.[index];
    const id = isRecord(item) && typeof item.id === 'string' && item.id ? `"${item.id}"` : `#${index + 1}`;
    const noun = list === 'entries' ? 'entry' : 'referent';
    return { label: `${noun} ${id}: `, depth: 2, kind: path[2] === 'source' && path.length === 3 ? 'source' : noun };
  }
  return { label: '', depth: 0, kind: 'lexicon' };
}

function knownKeys(kind: string): string[] {
  if (kind === 'entry') return Object.keys(EntrySchema.shape);
  if (kind === 'referent') return Object.keys(ReferentSchema.shape);
  if (kind === 'source') return Object.keys(SourceSchema.shape);
  return Object.keys(LexiconSchema.shape);
}

/** Cross-entry rules the schema cannot express; tolerant of malformed entries (the schema reports those). */
function crossCheck(file: string, data: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const referents = Array.isArray(data.referents) ? data.referents.filter(isRecord) : [];
  const entries = Array.isArray(data.entries) ? data.entries : [];
  const referentIds = new Set<string>();
  for (const r of referents) {
    if (typeof r.id !== 'string') continue;
    if (referentIds.has(r.id)) errors.push(`${file}: referent "${r.id}": id is used by more than one referent; give each referent its own id`);
    referentIds.add(r.id);
  }
  const entryIds = new Map<string, number>();
  const claims = new Map<string, { entry: string; referent: string; variant: string }>();
  entries.forEach((e, i) => {
    if (!isRecord(e)) return;
    const name = typeof e.id === 'string' && e.id ? e.id : `#${i + 1}`;
    const at = `${file}: entry "${name}"${entryIds.has(name) ? ` (#${i + 1})` : ''}: `;
    if (typeof e.id === 'string') {
      const first = entryIds.get(e.id);
      if (first !== undefined) errors.push(`${at}id is also used by entry #${first + 1}; give each entry its own id`);
      else entryIds.set(e.id, i);
    }
    const referent = typeof e.referent === 'string' ? e.referent : null;
    if (referent && ID.test(referent) && !referentIds.has(referent)) {
      errors.push(`${at}referent "${referent}" is not listed under referents; add it there or use one of: ${[...referentIds].join(', ')}`);
    }
    const variants = Array.isArray(e.variants) ? e.variants.filter((v): v is string => typeof v === 'string') : [];
    const keys: string[] = [];
    for (const variant of variants) {
      const key = foldPhrase(variant);
      if (!key) {
        if (variant.trim()) errors.push(`${at}variant ${JSON.stringify(variant)} has no words to match; remove it`);
        continue;
      }
      keys.push(key);
      const other = claims.get(key);
      if (!other) claims.set(key, { entry: name, referent: referent ?? '', variant });
      else if (other.entry !== name) {
        const why =
          other.referent !== referent
            ? `a wording can name only one referent (that entry names "${other.referent}")`
            : 'a match could not tell which label to report';
        errors.push(`${at}variant ${JSON.stringify(variant)} is also claimed by entry "${other.entry}"; ${why}; keep it in one entry`);
      }
    }
    const excludes = Array.isArray(e.exclude) ? e.exclude.filter((v): v is string => typeof v === 'string') : [];
    for (const phrase of excludes) {
      const folded = ` ${foldPhrase(phrase)} `;
      if (!keys.some((k) => folded.includes(` ${k} `))) {
        errors.push(`${at}exclude ${JSON.stringify(phrase)} contains none of the entry's variants, so it can never apply; quote the phrase around a variant, e.g. "deal a blow"`);
      }
    }
  });
  return errors;
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The known field nearest to a misspelt one (edit distance at most 2), for "did you mean". */
function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
