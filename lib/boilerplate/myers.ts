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
    if (this.size === this.prev.length) this.grow();
    const id = this.size++;
    this.prev[id] = prev;
    this.kind[id] = kind;
    this.count[id] = count;
    return id;
  }

  /** Doubles the pool (kept out of `add`, which is inlined in the walk and should stay small). */
  private grow(): void {
    const prev = new Int32Array(this.prev.length * 2);
    prev.set(this.prev);
    const kind = new Int8Array(this.kind.length * 2);
    kind.set(this.kind);
    const count = new Int32Array(this.count.length * 2);
    count.set(this.count);
    this.prev = prev;
    this.kind = kind;
    this.count = count;
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

  oldPos[off] = -1;
  const firstNew = followCommon(oldIds, newIds, oldPos, last, parts, off, 0);
  // Both ends tested, not `&&`: the second test is rarely reached, and unreached arithmetic has no type
  // feedback when the walk is optimised.
  const firstReachedOld = oldPos[off]! + 1 >= oldLen;
  const firstReachedNew = firstNew + 1 >= newLen;
  if (firstReachedOld && firstReachedNew) return build(parts, last[off]!);
  let newPos = firstNew;

  // jsdiff's bounds start at ±Infinity; no diagonal beyond ±limit is visited, so ±off stand for them
  // (small integers throughout, so the walk's arithmetic keeps one type).
  let minDiagonal = -off;
  let maxDiagonal = off;
  // The walk ends on the diagonal of the last items, `target`. A path on diagonal d after e edits needs
  // at least |d − target| more, so past limit − e from the target it cannot end within the limit, nor
  // can any path it leads to (each edit moves one diagonal). Such diagonals are skipped: jsdiff visits
  // them, but every diagonal within that band reads only diagonals that were within it one edit
  // before, and the bounds a skipped path would have set only exclude diagonals outside the band, so
  // the paths in the band, and the one that ends, are jsdiff's. With the limit at the pair's edit
  // distance, as the near-duplicate pass gives it, this halves the diagonals visited.
  const target = oldLen - newLen;
  for (let editLength = 1; editLength <= limit && ((editLength & 7) !== 1 || Date.now() <= abortAfter); editLength++) {
    const slack = limit - editLength;
    const first = Math.max(minDiagonal, -editLength);
    // jsdiff's diagonals are first, first + 2, ...: the first of them in the band.
    const skip = Math.max(0, target - slack - first);
    const end = Math.min(maxDiagonal, editLength, target + slack);
    for (let d = first + 2 * ((skip + 1) >> 1); d <= end; d += 2) {
      // Every index and bound is worked out whether or not its branch is taken: a branch first taken
      // after V8 optimised the walk (a pure deletion, a side reaching its end) had no type feedback
      // for its arithmetic and sent the walk back to be compiled again.
      const at = d + off;
      const removeAt = at - 1;
      const addAt = at + 1;
      const removeOld = oldPos[removeAt]!;
      const removeLast = last[removeAt]!;
      const addOld = oldPos[addAt]!;
      const addLast = last[addAt]!;
      const addNew = addOld - d;
      const hasRemove = removeOld !== -2;
      const hasAdd = addOld !== -2;
      // jsdiff clears the path it may branch from towards removal: nobody else reads it again.
      if (hasRemove) oldPos[removeAt] = -2;
      const canAdd = hasAdd && addNew >= 0 && addNew < newLen;
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      // Absent unless a branch below sets it; stored every time, as the dead end is rare.
      oldPos[at] = -2;
      if (!canAdd && !canRemove) continue;
      // Branch from the path furthest along the old sequence (an insertion keeps its old position).
      const removed = removeOld + 1;
      if (!canRemove || (canAdd && removeOld < addOld)) {
        oldPos[at] = addOld;
        last[at] = extend(parts, addLast, ADDED);
      } else {
        oldPos[at] = removed;
        last[at] = extend(parts, removeLast, REMOVED);
      }
      newPos = followCommon(oldIds, newIds, oldPos, last, parts, at, d);
      const reachedOld = oldPos[at]! + 1 >= oldLen;
      const reachedNew = newPos + 1 >= newLen;
      if (reachedOld && reachedNew) return build(parts, last[at]!);
      const below = Math.min(maxDiagonal, d - 1);
      const above = Math.max(minDiagonal, d + 1);
      if (reachedOld) maxDiagonal = below;
      if (reachedNew) minDiagonal = above;
    }
  }
  return undefined;
}

/**
 * Follows equal items along the diagonal at `at` (diagonal d) from the path's position, adding a common
 * component when there are some; returns the new position in the new sequence. A top-level function
 * rather than a closure per diff: its state is the arrays passed in.
 */
function followCommon(
  oldIds: ArrayLike<number>,
  newIds: ArrayLike<number>,
  oldPos: Int32Array,
  last: Int32Array,
  parts: Components,
  at: number,
  d: number,
): number {
  const oldLen = oldIds.length;
  const newLen = newIds.length;
  let o = oldPos[at]!;
  let n = o - d;
  let common = 0;
  while (n + 1 < newLen && o + 1 < oldLen && oldIds[o + 1] === newIds[n + 1]) {
    n++;
    o++;
    common++;
  }
  if (common > 0) last[at] = parts.add(last[at]!, COMMON, common);
  oldPos[at] = o;
  return n;
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
