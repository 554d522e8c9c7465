/**
 * Lexicon editing, the pure part: turns a user's decision (accept a candidate, edit or remove an
 * entry, start a topic lexicon) into new YAML text, validated exactly as shipped lexicons are. Edits
 * go through the YAML document, so comments, anchors and layout of the file survive; writing the file
 * (atomically) is the corpus module's job.
 */
import { isAlias, isMap, isNode, isSeq, parseDocument, stringify, visit, type Document, type Node } from 'yaml';
import { foldPhrase } from './normalize';
import { parseLexicon } from './lexicon/schema';
import { spliceItems, type ItemChange } from './lexicon/splice';
import type { Connotation, Lexicon, LexiconEntry, LexiconReferent, LexiconSource, Quote } from './types';

/** One change to a lexicon. */
export type LexiconEdit =
  | { kind: 'add-entry'; entry: LexiconEntry; /** Added too when the entry names a referent the lexicon lacks. */ referent?: LexiconReferent }
  | { kind: 'update-entry'; id: string; changes: Partial<Omit<LexiconEntry, 'id'>> }
  | { kind: 'remove-entry'; id: string }
  | { kind: 'add-referent'; referent: LexiconReferent }
  | { kind: 'update-referent'; id: string; changes: Partial<Omit<LexiconReferent, 'id'>> };

/** The new file text and the lexicon it validates to, or every problem, as fix-it sentences. */
export type EditResult = { yaml: string; lexicon: Lexicon } | { errors: string[] };

/** What a user states when accepting a candidate or term into a lexicon. */
export interface AcceptFields {
  referent: string;
  connotation: Connotation;
  note: string;
  source: LexiconSource;
  /** Canonical wording; defaults to the candidate's text. */
  label?: string;
  /** Extra wordings to match besides the label. */
  variants?: string[];
  role?: LexiconEntry['role'];
  /** Entry id; defaults to one derived from the label, made unique among `takenIds`. */
  id?: string;
}

/** Turns a label into a kebab-case id ("Takfiri militants" → "takfiri-militants"). */
export function idFromLabel(label: string): string {
  return foldPhrase(label).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'entry';
}

/** An id not among `taken`: the base itself, or the base with "-2", "-3", ... */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A lexicon entry drafted from a candidate or term the user accepted. */
export function entryFromCandidate(candidate: Pick<Quote, 'text'>, fields: AcceptFields, takenIds: Iterable<string> = []): LexiconEntry {
  const label = (fields.label ?? candidate.text).replace(/\s+/g, ' ').trim();
  const variants = [...new Set([label, ...(fields.variants ?? [])].map((v) => v.trim()).filter(Boolean))];
  return {
    id: fields.id ?? uniqueId(idFromLabel(label), takenIds),
    referent: fields.referent,
    label,
    variants,
    connotation: fields.connotation,
    note: fields.note.trim(),
    source: fields.source,
    role: fields.role ?? 'head',
  };
}

/** The file name a lexicon with this id is saved under. */
export function lexiconFileName(id: string): string {
  return `${id}.yaml`;
}

/** Applies one edit to a lexicon file's text; never throws. The result is validated as a whole. */
export function applyLexiconEdit(yamlText: string, fileName: string, edit: LexiconEdit): EditResult {
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  if (doc.errors.length) return validate(yamlText, fileName);
  const changes = itemChanges(doc, edit);
  const problem = applyToDocument(doc, edit, fileName);
  if (problem) return { errors: [problem] };
  let text: string;
  try {
    // Only the touched entry is rewritten when possible, so the file's own folding and layout survive.
    text = spliceItems(yamlText, doc, changes) ?? doc.toString({ lineWidth: 100 });
  } catch (e) {
    // The document model can refuse to print (an alias whose anchor went missing, say): report, never throw.
    return { errors: [`${fileName}: the edited lexicon could not be written as YAML (${(e as Error).message}); edit the file by hand`] };
  }
  return validate(text, fileName);
}

/** Applies several edits in order; stops at the first that fails validation. */
export function applyLexiconEdits(yamlText: string, fileName: string, edits: readonly LexiconEdit[]): EditResult {
  let result: EditResult = validate(yamlText, fileName);
  for (const edit of edits) {
    if ('errors' in result) return result;
    result = applyLexiconEdit(result.yaml, fileName, edit);
  }
  return result;
}

/**
 * Starts a topic lexicon from its first referent and entry (a lexicon must have at least one of
 * each, as the shipped ones do); the YAML carries a short header saying how the file is organised.
 */
export function newLexicon(
  meta: { id: string; title: string; description: string; language?: string },
  referent: LexiconReferent,
  entry: LexiconEntry,
): EditResult {
  const fileName = lexiconFileName(meta.id);
  const lexicon: Lexicon = {
    id: meta.id,
    title: meta.title,
    language: meta.language ?? 'en',
    description: meta.description,
    referents: [referent],
    entries: [entry],
  };
  const header = [
    `# ${meta.title.replace(/\s+/g, ' ')}: a topic lexicon started in Parallax.`,
    '#',
    '# Each entry is one way of naming a referent. `connotation` is toward the referent:',
    '# -2 delegitimising, -1 mildly so, 0 neutral, +1 mildly legitimising, +2 legitimising.',
    '# Notes describe the wording and who tends to use it; they are never a verdict on an outlet.',
    '',
  ].join('\n');
  return validate(header + stringify(lexicon, { lineWidth: 100 }), fileName);
}

function validate(yaml: string, fileName: string): EditResult {
  const parsed = parseLexicon(yaml, fileName);
  return 'errors' in parsed ? parsed : { yaml, lexicon: parsed.lexicon };
}

/** The list items an edit touches, read before it is applied (whether a new entry's referent is new, say). */
function itemChanges(doc: Document, edit: LexiconEdit): ItemChange[] {
  switch (edit.kind) {
    case 'add-entry': {
      const changes: ItemChange[] = [{ list: 'entries', kind: 'append', value: clean(edit.entry) }];
      if (edit.referent && indexById(doc, 'referents', edit.referent.id) < 0) changes.push({ list: 'referents', kind: 'append', value: clean(edit.referent) });
      return changes;
    }
    case 'add-referent':
      return [{ list: 'referents', kind: 'append', value: clean(edit.referent) }];
    case 'update-entry':
      return [{ list: 'entries', kind: 'replace', id: edit.id }];
    case 'update-referent':
      return [{ list: 'referents', kind: 'replace', id: edit.id }];
    case 'remove-entry':
      return [{ list: 'entries', kind: 'remove', id: edit.id }];
  }
}

/** Index of the item with this id in a top-level list, or -1. */
function indexById(doc: Document, list: 'entries' | 'referents', id: string): number {
  const seq = doc.get(list, true);
  if (!isSeq(seq)) return -1;
  return seq.items.findIndex((item) => isMap(item) && item.get('id') === id);
}

function ids(doc: Document, list: 'entries' | 'referents'): string[] {
  const seq = doc.get(list, true);
  if (!isSeq(seq)) return [];
  return seq.items.flatMap((item) => (isMap(item) && typeof item.get('id') === 'string' ? [item.get('id') as string] : []));
}

/** Changes the document in place; returns a fix-it message when the edit cannot apply. */
function applyToDocument(doc: Document, edit: LexiconEdit, file: string): string | null {
  switch (edit.kind) {
    case 'add-referent':
      if (indexById(doc, 'referents', edit.referent.id) >= 0) {
        return `${file}: referent "${edit.referent.id}" already exists; edit it, or choose another id`;
      }
      doc.addIn(['referents'], doc.createNode(clean(edit.referent)));
      return null;
    case 'add-entry': {
      if (indexById(doc, 'entries', edit.entry.id) >= 0) {
        return `${file}: entry "${edit.entry.id}" already exists; edit that entry, or use the id ${uniqueId(edit.entry.id, ids(doc, 'entries'))}`;
      }
      if (edit.referent && indexById(doc, 'referents', edit.referent.id) < 0) doc.addIn(['referents'], doc.createNode(clean(edit.referent)));
      doc.addIn(['entries'], doc.createNode(clean(edit.entry)));
      return null;
    }
    case 'update-entry':
    case 'update-referent': {
      const list = edit.kind === 'update-entry' ? 'entries' : 'referents';
      const i = indexById(doc, list, edit.id);
      if (i < 0) return `${file}: there is no ${list === 'entries' ? 'entry' : 'referent'} "${edit.id}"; choose one of: ${ids(doc, list).join(', ')}`;
      for (const [field, value] of Object.entries(edit.changes)) {
        rehomeAnchors(doc, doc.getIn([list, i, field], true));
        if (value === undefined) doc.deleteIn([list, i, field]);
        else doc.setIn([list, i, field], doc.createNode(typeof value === 'object' ? clean(value) : value));
      }
      return null;
    }
    case 'remove-entry': {
      const i = indexById(doc, 'entries', edit.id);
      if (i < 0) return `${file}: there is no entry "${edit.id}"; choose one of: ${ids(doc, 'entries').join(', ')}`;
      if (ids(doc, 'entries').length === 1) return `${file}: "${edit.id}" is the lexicon's only entry; delete the lexicon file instead`;
      rehomeAnchors(doc, doc.getIn(['entries', i], true));
      doc.deleteIn(['entries', i]);
      return null;
    }
  }
}

/**
 * Before `leaving` is removed or replaced, moves each anchored node inside it to the first alias
 * elsewhere that refers to it, so entries sharing a source through an anchor (`&smyth` … `*smyth`)
 * keep that source when the entry that happened to define it goes.
 */
function rehomeAnchors(doc: Document, leaving: unknown): void {
  if (!isNode(leaving)) return;
  const anchored: Node[] = [];
  visit(leaving, {
    Node(_key, node) {
      if (node.anchor && !isAlias(node)) anchored.push(node);
    },
  });
  for (const node of anchored) {
    let moved = false;
    visit(doc, {
      Alias(_key, alias, path) {
        if (moved) return visit.BREAK;
        if (alias.source !== node.anchor || path.includes(leaving)) return undefined;
        moved = true;
        return node;
      },
    });
  }
}

/** Drops undefined fields, which YAML would otherwise write as `null`. */
function clean<T extends object>(value: T): T {
  if (Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
