/**
 * Minimal-diff writing of a lexicon edit: the original file text with only the list items an edit
 * touched written anew, so the rest of the file (hand-folded notes, flow lists, comments) stays byte
 * for byte and a reviewer sees a diff of the one entry that changed. Re-printing the whole document
 * instead would re-fold every note in the file. A rewritten item spells out values it shared through
 * a YAML alias (`source: *reuters` becomes the source itself); the meaning is unchanged.
 */
import { Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Node, type YAMLSeq } from 'yaml';

/** One top-level list change, in terms of ids (the caller has already checked that the edit applies). */
export type ItemChange =
  | { list: 'entries' | 'referents'; kind: 'append'; value: object }
  | { list: 'entries' | 'referents'; kind: 'remove'; id: string }
  | { list: 'entries' | 'referents'; kind: 'replace'; id: string };

const LINE_WIDTH = 100;

/**
 * True when the node is, or holds, an anchor: other items may refer to it, so cutting or rewriting it
 * needs the whole document. (An alias inside an item is fine: a rewritten item spells the value out.)
 */
function definesAnchor(node: unknown): boolean {
  if (!isNode(node)) return false;
  let found = false;
  visit(node, {
    Node(_key, n) {
      if (!isAlias(n) && n.anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function blockSeq(doc: Document, list: string): YAMLSeq | null {
  const seq = doc.get(list, true);
  return isSeq(seq) && !seq.flow && seq.items.length > 0 ? seq : null;
}

function itemAt(seq: YAMLSeq, id: string): Node | null {
  const item = seq.items.find((i) => isMap(i) && i.get('id') === id);
  return isNode(item) ? item : null;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/** Where an item's lines start and end, and the indentation of its "- " marker; null for anything unusual. */
function itemLines(text: string, item: Node): { from: number; to: number; indent: number } | null {
  const range = item.range;
  if (!range) return null;
  const from = lineStart(text, range[0]);
  const marker = text.slice(from, range[0]);
  if (!/^ *- $/.test(marker)) return null;
  return { from, to: range[2], indent: marker.length - 2 };
}

/** Fields the shipped lexicons write as folded blocks (`note: >-`). */
const PROSE = new Set(['note', 'description']);

/** An item written as a block list entry at the given indentation, ending with a newline, in the shipped files' style. */
function itemText(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  const doc = new Document([value]);
  visit(doc, {
    // Lists inside an item (variants, exclude) are one-line flow lists, as in the shipped files.
    Seq(_key, seq, path) {
      if (path.length > 1) seq.flow = true;
    },
    Scalar(_key, scalar, path) {
      const parent = path[path.length - 1];
      const long = typeof scalar.value === 'string' && scalar.value.length > 60;
      if (long && isPair(parent) && isScalar(parent.key) && PROSE.has(String(parent.key.value))) scalar.type = Scalar.BLOCK_FOLDED;
    },
  });
  return doc
    .toString({ lineWidth: LINE_WIDTH, flowCollectionPadding: false })
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/**
 * The edited file text, or null when it must be written from the document model (shared anchors or
 * aliases, flow-style lists, or a result that would not read back as the edited document).
 */
export function spliceItems(text: string, edited: Document, changes: readonly ItemChange[]): string | null {
  const original = parseDocument(text, { uniqueKeys: true });
  if (original.errors.length) return null;
  const cuts: { from: number; to: number; insert: string }[] = [];
  for (const change of changes) {
    const seq = blockSeq(original, change.list);
    if (!seq) return null;
    if (change.kind === 'append') {
      const last = seq.items[seq.items.length - 1];
      const lines = isNode(last) ? itemLines(text, last) : null;
      if (!lines) return null;
      const newline = text[lines.to - 1] === '\n' ? '' : '\n';
      cuts.push({ from: lines.to, to: lines.to, insert: newline + itemText(change.value, lines.indent) });
      continue;
    }
    const item = itemAt(seq, change.id);
    const lines = item ? itemLines(text, item) : null;
    if (!item || !lines || definesAnchor(item)) return null;
    if (change.kind === 'remove') {
      cuts.push({ ...lines, insert: '' });
      continue;
    }
    const editedSeq = blockSeq(edited, change.list);
    const now = editedSeq ? itemAt(editedSeq, change.id) : null;
    if (!now || definesAnchor(now)) return null;
    cuts.push({ ...lines, insert: itemText(now.toJS(edited), lines.indent) });
  }
  // Later cuts first, so earlier offsets stay valid.
  let out = text;
  for (const cut of cuts.sort((a, b) => b.from - a.from)) out = out.slice(0, cut.from) + cut.insert + out.slice(cut.to);
  // Belt and braces: keep the splice only when it reads back as exactly the edited document.
  const check = parseDocument(out, { uniqueKeys: true });
  if (check.errors.length) return null;
  const same = JSON.stringify(check.toJS({ maxAliasCount: -1 })) === JSON.stringify(edited.toJS({ maxAliasCount: -1 }));
  return same ? out : null;
}
