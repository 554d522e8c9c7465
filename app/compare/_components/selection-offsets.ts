/**
 * Turns a browser selection in the comparison grid into offsets into one article's text. The server
 * renders each stretch of real text inside an element carrying its start offset (`data-o`, see
 * classroom-text.tsx); redaction markers, labels and tooltips sit outside those and never count.
 */
import { MAX_MARK_LENGTH } from '@/lib/classroom/marks';

export type PendingMark =
  | { kind: 'ok'; article: number; start: number; end: number; quote: string }
  | { kind: 'too-long' }
  | { kind: 'across-reports' };

/** Letters, digits and the apostrophes and hyphens inside words. */
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
/** What a mark should not start or end with. */
const EDGE_CHAR = /[\s.,;:!?"“”‘()[\]…–—]/u;

interface Located {
  node: Text;
  /** Offset of the node's first character in its article's text. */
  start: number;
}

/** The text nodes of one article inside `root`, in document order, with their offsets. */
function articleTextNodes(root: Element, article: string): Located[] {
  const out: Located[] = [];
  const seen = new Map<Element, number>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    const wrap = parent?.closest('[data-o]');
    if (!parent || !wrap || parent.closest('[role=tooltip]')) continue;
    if (wrap.closest('[data-article]')?.getAttribute('data-article') !== article) continue;
    const before = seen.get(wrap) ?? 0;
    out.push({ node: n as Text, start: Number(wrap.getAttribute('data-o')) + before });
    seen.set(wrap, before + (n as Text).length);
  }
  return out;
}

/** The article offset of a boundary point; a point between text nodes snaps forward (start) or back (end). */
function offsetOf(nodes: readonly Located[], container: Node, offset: number, side: 'start' | 'end'): number | null {
  let previousEnd: number | null = null;
  for (const { node, start } of nodes) {
    if (node === container) return start + Math.min(offset, node.length);
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.comparePoint(container, offset) < 0) return side === 'start' ? start : previousEnd;
    previousEnd = start + node.length;
  }
  return side === 'end' ? previousEnd : null;
}

/** Widens a boundary inside a text node to the whole word, then steps past spaces and punctuation. */
function widen(range: Range): void {
  if (range.startContainer.nodeType === Node.TEXT_NODE) {
    const data = (range.startContainer as Text).data;
    let o = range.startOffset;
    if (o < data.length && WORD_CHAR.test(data[o]!)) while (o > 0 && WORD_CHAR.test(data[o - 1]!)) o--;
    while (o < data.length && EDGE_CHAR.test(data[o]!)) o++;
    range.setStart(range.startContainer, o);
  }
  if (range.endContainer.nodeType === Node.TEXT_NODE) {
    const data = (range.endContainer as Text).data;
    let o = range.endOffset;
    if (o > 0 && WORD_CHAR.test(data[o - 1]!)) while (o < data.length && WORD_CHAR.test(data[o]!)) o++;
    while (o > 0 && EDGE_CHAR.test(data[o - 1]!)) o--;
    if (range.endContainer !== range.startContainer || o >= range.startOffset) range.setEnd(range.endContainer, o);
  }
}

function articleOf(node: Node): string | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest('[data-article]')?.getAttribute('data-article') ?? null;
}

/** Reads a selection inside `root` as a mark of one of `articles` (ids in comparison order), or says why it is not one. */
export function readSelection(root: Element, selected: Range, articles: readonly string[]): PendingMark | null {
  const id = articleOf(selected.startContainer);
  if (!id || !articles.includes(id)) return null;
  if (articleOf(selected.endContainer) !== id) return { kind: 'across-reports' };
  const range = selected.cloneRange();
  widen(range);
  const nodes = articleTextNodes(root, id);
  const start = offsetOf(nodes, range.startContainer, range.startOffset, 'start');
  const end = offsetOf(nodes, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  if (end - start > MAX_MARK_LENGTH) return { kind: 'too-long' };
  const quote = range.toString().replace(/\s+/g, ' ').trim();
  return { kind: 'ok', article: articles.indexOf(id), start, end, quote };
}
