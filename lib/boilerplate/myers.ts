/**
 * jsdiff's array diff (Myers' O(ND) walk with its edge pruning and tie-breaks), replayed over integer
 * ids with typed arrays. It returns the very change list `diffArrays` returns for number arrays, without
 * an object per path step, which made the diff the costliest part of listing near-duplicate swaps.
 * tests/myers.test.ts holds it to jsdiff on random sequences.
 */

/** One run of a change list, shaped as jsdiff's change objects (without their values). */
export interface ChangeRun {
  count: number;
  added: boolean;
  removed: boolean;
}

const COMMON = 0;
const ADDED = 1;
const REMOVED = 2;

/** Growable pool of path components: a linked list, newest first, as jsdiff's `lastComponent` chain. */
class Components {
  prev = new Int32Array(256);
  kind = new Int8Array(256);
  count = new Int32Array(256);
  size = 0;

  add(prev: number, kind: number, count: number): number {
    if (this.size === this.prev.length) {
      const grow = <T extends Int32Array | Int8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.prev = grow(this.prev, (n) => new Int32Array(n));
      this.kind = grow(this.kind, (n) => new Int8Array(n));
      this.count = grow(this.count, (n) => new Int32Array(n));
    }
    const id = this.size++;
    this.prev[id] = prev;
    this.kind[id] = kind;
    this.count[id] = count;
    return id;
  }
}

let scratch = { oldPos: new Int32Array(256), last: new Int32Array(256) };
const pool = new Components();

/**
 * The change list of `diffArrays(oldIds, newIds, { maxEditLength, timeout })`: undefined when the edit
 * distance exceeds `maxEditLength` or the walk outlasts `timeoutMs`. jsdiff reads the clock once per edit
 * length; this reads it every eighth (edit lengths 1, 9, 17...): reading it cost a fifth of the walk
 * for paragraph pairs, and the limit is a guard far above what real pairs take, so it can only stop a
 * runaway walk a few edit lengths later.
 */
export function diffIds(
  oldIds: ArrayLike<number>,
  newIds: ArrayLike<number>,
  maxEditLength: number,
  timeoutMs = Infinity,
): ChangeRun[] | undefined {
  const oldLen = oldIds.length;
  const newLen = newIds.length;
  const limit = Math.min(maxEditLength, oldLen + newLen);
  const abortAfter = Date.now() + timeoutMs;
  // Per diagonal (offset by `off`): the furthest old position reached and its last component; -2
  // marks an absent path (jsdiff's `undefined`).
  const off = limit + 1;
  // Scratch shared between calls (the near-duplicate pass makes thousands): cleared, not reallocated.
  if (scratch.oldPos.length < 2 * off + 1) scratch = { oldPos: new Int32Array(4 * off + 2), last: new Int32Array(4 * off + 2) };
  const { oldPos, last } = scratch;
  oldPos.fill(-2, 0, 2 * off + 1);
  last.fill(-1, 0, 2 * off + 1);
  const parts = pool;
  parts.size = 0;

  /** Follows equal items along diagonal `d` from the path's position; returns the new position. */
  const extractCommon = (d: number): number => {
    let o = oldPos[d + off]!;
    let n = o - d;
    let common = 0;
    while (n + 1 < newLen && o + 1 < oldLen && oldIds[o + 1] === newIds[n + 1]) {
      n++;
      o++;
      common++;
    }
    if (common) last[d + off] = parts.add(last[d + off]!, COMMON, common);
    oldPos[d + off] = o;
    return n;
  };

  oldPos[off] = -1;
  let newPos = extractCommon(0);
  if (oldPos[off]! + 1 >= oldLen && newPos + 1 >= newLen) return build(parts, last[off]!);

  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= limit && ((editLength & 7) !== 1 || Date.now() <= abortAfter); editLength++) {
    for (let d = Math.max(minDiagonal, -editLength); d <= Math.min(maxDiagonal, editLength); d += 2) {
      const removeOld = oldPos[d - 1 + off]!;
      const removeLast = last[d - 1 + off]!;
      const addOld = oldPos[d + 1 + off]!;
      const addLast = last[d + 1 + off]!;
      const hasRemove = removeOld !== -2;
      const hasAdd = addOld !== -2;
      // jsdiff clears the path it may branch from towards removal: nobody else reads it again.
      if (hasRemove) oldPos[d - 1 + off] = -2;
      const canAdd = hasAdd && addOld - d >= 0 && addOld - d < newLen;
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        oldPos[d + off] = -2;
        continue;
      }
      // Branch from the path furthest along the old sequence (an insertion keeps its old position).
      if (!canRemove || (canAdd && removeOld < addOld)) {
        oldPos[d + off] = addOld;
        last[d + off] = extend(parts, addLast, ADDED);
      } else {
        oldPos[d + off] = removeOld + 1;
        last[d + off] = extend(parts, removeLast, REMOVED);
      }
      newPos = extractCommon(d);
      const reachedOld = oldPos[d + off]! + 1 >= oldLen;
      if (reachedOld && newPos + 1 >= newLen) return build(parts, last[d + off]!);
      if (reachedOld) maxDiagonal = Math.min(maxDiagonal, d - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, d + 1);
    }
  }
  return undefined;
}

/** jsdiff's `addToPath`: a step of the same kind as the last one lengthens it (as a new component). */
function extend(parts: Components, lastId: number, kind: number): number {
  if (lastId >= 0 && parts.kind[lastId] === kind) return parts.add(parts.prev[lastId]!, kind, parts.count[lastId]! + 1);
  return parts.add(lastId, kind, 1);
}

function build(parts: Components, lastId: number): ChangeRun[] {
  const out: ChangeRun[] = [];
  for (let id = lastId; id >= 0; id = parts.prev[id]!) {
    const kind = parts.kind[id]!;
    out.push({ count: parts.count[id]!, added: kind === ADDED, removed: kind === REMOVED });
  }
  return out.reverse();
}
