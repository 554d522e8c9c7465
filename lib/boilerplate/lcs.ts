/**
 * Exact length of the longest common subsequence of two word-id sequences, bit-parallel (Allison–Dix,
 * Hyyrö 2004): O(|b|·⌈|a|/32⌉) word operations and no allocation per call, so the near-duplicate pass
 * can decide every candidate pair exactly and keep the costlier jsdiff diff for the pairs it accepts.
 */

/** Reusable scratch space: sized for the vocabulary and the longest sequence seen so far. */
export class LcsScratch {
  /** Per word id: the stamp of the call that last gave it a slot, and that slot. */
  private stamp = new Int32Array(0);
  private slot = new Int32Array(0);
  private call = 0;
  /** Match masks, `words` 32-bit words per slot, and the running state vector. */
  private masks = new Uint32Array(0);
  private state = new Uint32Array(0);

  /**
   * LCS length of `a` and `b` (non-negative integer ids, compared by value). The shorter sequence
   * is the bit vector, so the cost is O(longer · ⌈shorter/32⌉).
   */
  length(a: ArrayLike<number>, b: ArrayLike<number>): number {
    return this.lengthIn(a, 0, a.length, b, 0, b.length);
  }

  /**
   * {@link length} of `a[aFrom..aTo)` and `b[bFrom..bTo)`: the near-duplicate pass reads its paragraphs
   * from one flat array of word ids, with no view object per paragraph to load (a cache miss each, for
   * pairs drawn at random from the corpus).
   */
  lengthIn(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): number {
    const aShorter = aTo - aFrom <= bTo - bFrom;
    const short = aShorter ? a : b;
    const from = aShorter ? aFrom : bFrom;
    const m = aShorter ? aTo - aFrom : bTo - bFrom;
    const long = aShorter ? b : a;
    const longFrom = aShorter ? bFrom : aFrom;
    const longTo = aShorter ? bTo : aTo;
    if (m <= 0) return 0;
    const words = (m + 31) >>> 5;
    this.prepare(short, from, m, words);
    const { stamp, slot, masks, state: v } = this;
    const call = this.call;
    // Most paragraphs have at most 64 words: the state then stays in two local variables, not the array.
    if (words <= 2) return m - this.shortOnes(long, longFrom, longTo, m, words);
    v.fill(0xffffffff, 0, words);
    for (let t = longFrom; t < longTo; t++) {
      const id = long[t] as number;
      // A word the short side lacks leaves the state as it is: (V + 0) | V = V.
      if (id >= stamp.length || stamp[id] !== call) continue;
      const base = (slot[id] as number) * words;
      let carry = 0;
      for (let w = 0; w < words; w++) {
        const vw = v[w] as number;
        const u = (vw & (masks[base + w] as number)) >>> 0;
        // V' = (V + U) | (V − U), with V − U = V & ~U since U ⊆ V; only the sum carries.
        const sum = vw + u + carry;
        carry = sum > 0xffffffff ? 1 : 0;
        v[w] = (sum | (vw & ~u)) >>> 0;
      }
    }
    // Zeros among the first m bits count the common subsequence.
    let ones = 0;
    for (let w = 0; w < words; w++) {
      let x = v[w] as number;
      if (w === words - 1 && (m & 31) !== 0) x &= (1 << (m & 31)) - 1;
      ones += popcount(x);
    }
    return m - ones;
  }

  /**
   * The ones left among the first m ≤ 64 bits of the state after the pass over `long[from..to)`: the loop of
   * `length` for one or two words, with the words in locals (`words` 1 keeps the high word at 0).
   */
  private shortOnes(long: ArrayLike<number>, from: number, to: number, m: number, words: number): number {
    const { stamp, slot, masks } = this;
    const call = this.call;
    let low = 0xffffffff;
    let high = words === 2 ? 0xffffffff : 0;
    for (let t = from; t < to; t++) {
      const id = long[t] as number;
      if (id >= stamp.length || stamp[id] !== call) continue;
      const base = (slot[id] as number) * words;
      const uLow = (low & (masks[base] as number)) >>> 0;
      const sum = low + uLow;
      low = (sum | (low & ~uLow)) >>> 0;
      if (words === 2) {
        const uHigh = (high & (masks[base + 1] as number)) >>> 0;
        high = (high + uHigh + (sum > 0xffffffff ? 1 : 0)) | (high & ~uHigh);
        high >>>= 0;
      }
    }
    if ((m & 31) !== 0) {
      if (words === 1) low &= (1 << (m & 31)) - 1;
      else high &= (1 << (m & 31)) - 1;
    }
    return popcount(low) + popcount(high);
  }

  /** Builds the match mask of each distinct id of `short[from..from + m)`, one bit per position. */
  private prepare(short: ArrayLike<number>, from: number, m: number, words: number): void {
    this.call = (this.call + 1) | 0;
    if (this.call === 0) {
      // Stamps wrapped around: forget them all rather than mistake an old slot for a new one.
      this.stamp.fill(0);
      this.call = 1;
    }
    let maxId = 0;
    for (let t = from; t < from + m; t++) maxId = Math.max(maxId, short[t] as number);
    if (maxId >= this.stamp.length) {
      const size = Math.max(maxId + 1, this.stamp.length * 2, 1024);
      const stamp = new Int32Array(size);
      stamp.set(this.stamp);
      const slot = new Int32Array(size);
      slot.set(this.slot);
      this.stamp = stamp;
      this.slot = slot;
    }
    if (this.masks.length < m * words) this.masks = new Uint32Array(Math.max(m * words, this.masks.length * 2));
    if (this.state.length < words) this.state = new Uint32Array(Math.max(words, this.state.length * 2));
    const { stamp, slot, masks, call } = this;
    let slots = 0;
    for (let t = 0; t < m; t++) {
      const id = short[from + t] as number;
      if (stamp[id] !== call) {
        stamp[id] = call;
        slot[id] = slots;
        // A loop, not masks.fill: a builtin call per distinct word cost more than clearing its 1-3 words.
        for (let w = slots * words, end = w + words; w < end; w++) masks[w] = 0;
        slots++;
      }
      const at = (slot[id] as number) * words + (t >>> 5);
      masks[at] = ((masks[at] as number) | (1 << (t & 31))) >>> 0;
    }
  }
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
