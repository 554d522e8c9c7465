/**
 * Span segmentation for highlighting: turns a range of text plus layers of marks (terms, word
 * changes…) into a tree of segments that a renderer can map to nested elements, never to HTML strings.
 */

/** A mark to draw over `[start, end)` of the text, carrying whatever the renderer needs. */
export interface Mark<T> {
  start: number;
  end: number;
  data: T;
}

/** Plain text between marks. */
export interface TextSegment {
  kind: 'text';
  start: number;
  end: number;
}

/** A mark clipped to its range, with the finer layers inside it as children. */
export interface MarkSegment<T> {
  kind: 'mark';
  /** Index of the layer the mark came from (0 is outermost). */
  layer: number;
  start: number;
  end: number;
  /** True when the mark was clipped at the edge of the requested range (it continues outside). */
  clipped: boolean;
  data: T;
  children: Segment<T>[];
}

export type Segment<T> = TextSegment | MarkSegment<T>;

/**
 * Orders one layer's marks and drops those that overlap an earlier kept mark (earliest start wins,
 * then the longer mark), so that each layer's marks are disjoint. Marks are clipped to `[start, end)`.
 */
export function disjointMarks<T>(marks: readonly Mark<T>[], start: number, end: number): (Mark<T> & { clipped: boolean })[] {
  const clipped = marks
    .map((m) => ({ start: Math.max(m.start, start), end: Math.min(m.end, end), data: m.data, clipped: m.start < start || m.end > end }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: (Mark<T> & { clipped: boolean })[] = [];
  let reach = start;
  for (const m of clipped) {
    if (m.start < reach) continue;
    kept.push(m);
    reach = m.end;
  }
  return kept;
}

/**
 * Builds the segment tree for `[start, end)` of a text. `layers[0]` marks wrap `layers[1]` marks and
 * so on: an inner mark that crosses an outer mark's edge is split at that edge, so the tree nests
 * properly. Within one layer, overlapping marks are resolved by `disjointMarks` (a later mark that
 * overlaps an earlier one is left out). Adjacent text is never split without a reason, and the
 * segments cover `[start, end)` exactly, in order.
 */
export function buildSegments<T>(start: number, end: number, layers: readonly (readonly Mark<T>[])[]): Segment<T>[] {
  if (end < start) throw new RangeError(`segment range is reversed: [${start}, ${end})`);
  // Resolve overlaps once per layer over the whole range, so a mark is either shown whole or not at all.
  const resolved = layers.map((marks) => disjointMarks(marks, start, end));
  return buildLayer(start, end, resolved, 0);
}

type Resolved<T> = Mark<T> & { clipped: boolean };

function buildLayer<T>(start: number, end: number, layers: readonly Resolved<T>[][], layer: number): Segment<T>[] {
  if (start === end) return [];
  if (layer >= layers.length) return [{ kind: 'text', start, end }];
  const out: Segment<T>[] = [];
  let at = start;
  for (const m of layers[layer] ?? []) {
    const s = Math.max(m.start, start);
    const e = Math.min(m.end, end);
    if (e <= s) continue;
    if (s > at) out.push(...buildLayer(at, s, layers, layer + 1));
    out.push({
      kind: 'mark',
      layer,
      start: s,
      end: e,
      clipped: m.clipped || s > m.start || e < m.end,
      data: m.data,
      children: buildLayer(s, e, layers, layer + 1),
    });
    at = e;
  }
  if (at < end) out.push(...buildLayer(at, end, layers, layer + 1));
  return out;
}

/** Flattens a segment tree into leaf runs, each listing the marks (outermost first) that cover it. */
export function flattenSegments<T>(segments: readonly Segment<T>[], outer: T[] = []): { start: number; end: number; marks: T[] }[] {
  const out: { start: number; end: number; marks: T[] }[] = [];
  for (const s of segments) {
    if (s.kind === 'text') out.push({ start: s.start, end: s.end, marks: outer });
    else if (s.children.length === 0) out.push({ start: s.start, end: s.end, marks: [...outer, s.data] });
    else out.push(...flattenSegments(s.children, [...outer, s.data]));
  }
  return out;
}
