/**
 * The MinHash row minimums of ./minhash computed four rows per instruction with WebAssembly SIMD. The
 * rows are 32-bit integer arithmetic (xor, multiply, shift, unsigned minimum), which i32x4 does lane by
 * lane with the same wrap-around, so the values are the JavaScript loop's bit for bit. There is no
 * WebAssembly toolchain in the project, so the module's bytes are written out here by a small emitter,
 * with its text format alongside; a small module compiles synchronously.
 */

/**
 * The kernel, in the text format:
 *
 * (module
 *   (memory (export "memory") 1)
 *   ;; For `count` paragraphs: paragraph p's shingles are the i32s at byte addresses
 *   ;; [offsets[p], offsets[p + 1]); `vectors` seed vectors (four rows each) are at `seeds`; each
 *   ;; paragraph's `vectors` minimum vectors are written at `out`, one after the other.
 *   (func (export "signatures") (param $offsets i32) (param $count i32) (param $seeds i32)
 *                               (param $vectors i32) (param $out i32)
 *     (local $end i32) (local $seed i32) (local $v i32) (local $x i32)
 *     (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
 *     (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128)
 *     (local $h v128) (local $a v128) (local $k v128)
 *     (local.set $k (v128.const i32x4 0x9e3779b1 0x9e3779b1 0x9e3779b1 0x9e3779b1))
 *     (block $done (loop $paragraph
 *       (br_if $done (i32.eqz (local.get $count)))
 *       (local.set $end (i32.load offset=4 (local.get $offsets)))
 *       (local.set $seed (local.get $seeds))
 *       (local.set $v (local.get $vectors))
 *       ;; Four vectors (sixteen rows) per pass over the shingles.
 *       (block $quadsDone (loop $quad
 *         (br_if $quadsDone (i32.lt_u (local.get $v) (i32.const 4)))
 *         (local.set $s0 (v128.load offset=0 (local.get $seed)))   ;; ... $s1-$s3 at 16, 32, 48
 *         (local.set $m0 (v128.const i32x4 -1 -1 -1 -1))          ;; ... $m1-$m3
 *         (local.set $x (i32.load (local.get $offsets)))
 *         (block $shinglesDone (loop $shingle
 *           (br_if $shinglesDone (i32.ge_u (local.get $x) (local.get $end)))
 *           (local.set $h (i32x4.splat (i32.load (local.get $x))))
 *           ;; m0 = min_u(xorshift15(imul(h ^ s0, k)), m0); the same for rows 1-3
 *           (local.set $a (i32x4.mul (v128.xor (local.get $h) (local.get $s0)) (local.get $k)))
 *           (local.set $m0 (i32x4.min_u (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 15)))
 *                                       (local.get $m0)))
 *           ...
 *           (local.set $x (i32.add (local.get $x) (i32.const 4)))
 *           (br $shingle)))
 *         (v128.store offset=0 (local.get $out) (local.get $m0))    ;; ... $m1-$m3 at 16, 32, 48
 *         (local.set $out (i32.add (local.get $out) (i32.const 64)))
 *         (local.set $seed (i32.add (local.get $seed) (i32.const 64)))
 *         (local.set $v (i32.sub (local.get $v) (i32.const 4)))
 *         (br $quad)))
 *       ;; The vectors left over, one per pass: the same loop with $s0 and $m0 only, stepping by 16.
 *       (block $onesDone (loop $one
 *         (br_if $onesDone (i32.eqz (local.get $v)))
 *         ...
 *         (br $one)))
 *       (local.set $offsets (i32.add (local.get $offsets) (i32.const 4)))
 *       (local.set $count (i32.sub (local.get $count) (i32.const 1)))
 *       (br $paragraph)))))
 */
function signaturesCode(): number[] {
  // Locals by index: the five parameters, then the i32 and v128 locals in the order declared above.
  const [offsets, count, seeds, vectors, out, end, seed, v, x] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const s = [9, 10, 11, 12];
  const m = [13, 14, 15, 16];
  const [h, a, k] = [17, 18, 19];

  const body: number[] = [
    ...v128Const(0x9e3779b1), ...set(k),
    ...block(...loop(
      ...get(count), I32_EQZ, ...brIf(1),
      ...get(offsets), ...i32Load(4), ...set(end),
      ...get(seeds), ...set(seed),
      ...get(vectors), ...set(v),
      ...rowsPass(4),
      ...rowsPass(1),
      ...get(offsets), ...i32Const(4), I32_ADD, ...set(offsets),
      ...get(count), ...i32Const(1), I32_SUB, ...set(count),
      ...br(0),
    )),
  ];

  /** The loop over the seed vectors, `width` (4 or 1) of them per pass over the paragraph's shingles. */
  function rowsPass(width: number): number[] {
    const lanes = s.slice(0, width).map((_, r) => r);
    const enough = width === 1 ? [...get(v), I32_EQZ] : [...get(v), ...i32Const(width), I32_LT_U];
    return block(...loop(
      ...enough, ...brIf(1),
      ...lanes.flatMap((r) => [...get(seed), ...simd(V128_LOAD, 4, 16 * r), ...set(s[r] as number)]),
      ...lanes.flatMap((r) => [...v128Const(0xffffffff), ...set(m[r] as number)]),
      ...get(offsets), ...i32Load(0), ...set(x),
      ...block(...loop(
        ...get(x), ...get(end), I32_GE_U, ...brIf(1),
        ...get(x), ...i32Load(0), ...simd(I32X4_SPLAT), ...set(h),
        ...lanes.flatMap((r) => [
          ...get(h), ...get(s[r] as number), ...simd(V128_XOR), ...get(k), ...simd(I32X4_MUL), ...tee(a),
          ...get(a), ...i32Const(15), ...simd(I32X4_SHR_U), ...simd(V128_XOR),
          ...get(m[r] as number), ...simd(I32X4_MIN_U), ...set(m[r] as number),
        ]),
        ...get(x), ...i32Const(4), I32_ADD, ...set(x),
        ...br(0),
      )),
      ...lanes.flatMap((r) => [...get(out), ...get(m[r] as number), ...simd(V128_STORE, 4, 16 * r)]),
      ...get(out), ...i32Const(16 * width), I32_ADD, ...set(out),
      ...get(seed), ...i32Const(16 * width), I32_ADD, ...set(seed),
      ...get(v), ...i32Const(width), I32_SUB, ...set(v),
      ...br(0),
    ));
  }

  return [...vector([[4, I32], [11, V128]]), ...body, END];
}

/**
 * The byte-sketch test of ./minhash's `jaccardCannotReach` over the pairs of one LSH bucket, in the
 * text format (the sketches are at address 0, `stride` bytes each, a multiple of 16; padding bytes are
 * 0 on both sides, so they count as equal):
 *
 *   ;; Writes the pairs (a, b) of positions in the bucket, a < b ≤ a + window, whose sketches differ
 *   ;; in at most `allowed` bytes to `out` (two i32 each, in the walk's order); returns their count.
 *   (func (export "sketchPairs") (param $members i32) (param $count i32) (param $window i32)
 *                                (param $stride i32) (param $allowed i32) (param $out i32) (result i32)
 *     (local $a i32) (local $b i32) (local $limit i32) (local $pa i32) (local $pb i32) (local $v i32)
 *     (local $equal i32) (local $found i32)
 *     (block $done (loop $first
 *       (br_if $done (i32.ge_u (local.get $a) (local.get $count)))
 *       (local.set $pa (i32.mul (i32.load (i32.add (local.get $members) (i32.shl (local.get $a) (i32.const 2))))
 *                               (local.get $stride)))
 *       (local.set $limit (i32.add (i32.add (local.get $a) (i32.const 1)) (local.get $window)))
 *       (local.set $limit (select (local.get $count) (local.get $limit)
 *                                 (i32.gt_u (local.get $limit) (local.get $count))))
 *       (local.set $b (i32.add (local.get $a) (i32.const 1)))
 *       (block $seconds (loop $second
 *         (br_if $seconds (i32.ge_u (local.get $b) (local.get $limit)))
 *         (local.set $pb ...the same for $b...)
 *         (local.set $equal (i32.const 0))
 *         (local.set $v (i32.const 0))
 *         (block $counted (loop $bytes
 *           (br_if $counted (i32.ge_u (local.get $v) (local.get $stride)))
 *           ;; one bit per equal byte of the 16 at $v
 *           (local.set $equal (i32.add (local.get $equal) (i32.popcnt (i8x16.bitmask
 *             (i8x16.eq (v128.load (i32.add (local.get $pa) (local.get $v)))
 *                       (v128.load (i32.add (local.get $pb) (local.get $v))))))))
 *           (local.set $v (i32.add (local.get $v) (i32.const 16)))
 *           (br $bytes)))
 *         (if (i32.le_s (i32.sub (local.get $stride) (local.get $equal)) (local.get $allowed))
 *           (then
 *             (i32.store offset=0 (local.get $out) (local.get $a))
 *             (i32.store offset=4 (local.get $out) (local.get $b))
 *             (local.set $out (i32.add (local.get $out) (i32.const 8)))
 *             (local.set $found (i32.add (local.get $found) (i32.const 1)))))
 *         (local.set $b (i32.add (local.get $b) (i32.const 1)))
 *         (br $second)))
 *       (local.set $a (i32.add (local.get $a) (i32.const 1)))
 *       (br $first)))
 *     (local.get $found))
 */
function sketchPairsCode(): number[] {
  const [members, count, window, stride, allowed, out, a, b, limit, pa, pb, v, equal, found] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const sketchAt = (index: number) => [...get(members), ...get(index), ...i32Const(2), I32_SHL, I32_ADD, ...i32Load(0), ...get(stride), I32_MUL];
  const body: number[] = [
    ...block(...loop(
      ...get(a), ...get(count), I32_GE_U, ...brIf(1),
      ...sketchAt(a), ...set(pa),
      ...get(a), ...i32Const(1), I32_ADD, ...get(window), I32_ADD, ...set(limit),
      ...get(count), ...get(limit), ...get(limit), ...get(count), I32_GT_U, SELECT, ...set(limit),
      ...get(a), ...i32Const(1), I32_ADD, ...set(b),
      ...block(...loop(
        ...get(b), ...get(limit), I32_GE_U, ...brIf(1),
        ...sketchAt(b), ...set(pb),
        ...i32Const(0), ...set(equal),
        ...i32Const(0), ...set(v),
        ...block(...loop(
          ...get(v), ...get(stride), I32_GE_U, ...brIf(1),
          ...get(equal),
          ...get(pa), ...get(v), I32_ADD, ...simd(V128_LOAD, 4, 0),
          ...get(pb), ...get(v), I32_ADD, ...simd(V128_LOAD, 4, 0),
          ...simd(I8X16_EQ), ...simd(I8X16_BITMASK), I32_POPCNT, I32_ADD, ...set(equal),
          ...get(v), ...i32Const(16), I32_ADD, ...set(v),
          ...br(0),
        )),
        ...get(stride), ...get(equal), I32_SUB, ...get(allowed), I32_LE_S,
        ...ifThen(
          ...get(out), ...get(a), ...i32Store(0),
          ...get(out), ...get(b), ...i32Store(4),
          ...get(out), ...i32Const(8), I32_ADD, ...set(out),
          ...get(found), ...i32Const(1), I32_ADD, ...set(found),
        ),
        ...get(b), ...i32Const(1), I32_ADD, ...set(b),
        ...br(0),
      )),
      ...get(a), ...i32Const(1), I32_ADD, ...set(a),
      ...br(0),
    )),
    ...get(found),
  ];
  return [...vector([[8, I32]]), ...body, END];
}

/** The module: one memory, `signatures` (type 0) and `sketchPairs` (type 1). */
function kernelBytes(): Uint8Array<ArrayBuffer> {
  const functions = [signaturesCode(), sketchPairsCode()];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vector([
      [0x60, ...vector([I32, I32, I32, I32, I32].map((t) => [t])), ...vector([])], // type 0: five i32 -> ()
      [0x60, ...vector([I32, I32, I32, I32, I32, I32].map((t) => [t])), ...vector([[I32]])], // type 1: six i32 -> i32
    ])),
    ...section(3, vector([[0], [1]])), // the functions' types
    ...section(5, vector([[0x00, 1]])), // one memory, at least one 64 KiB page, no maximum
    ...section(7, vector([[...name('memory'), 0x02, 0], [...name('signatures'), 0x00, 0], [...name('sketchPairs'), 0x00, 1]])), // exports
    ...section(10, vector(functions.map((code) => [...leb(code.length), ...code]))), // the functions' bodies
  ]);
}

const I32 = 0x7f;
const V128 = 0x7b;

// Opcodes used by the kernel (WebAssembly core spec; SIMD ones follow the 0xfd prefix as LEB128).
const END = 0x0b;
const SELECT = 0x1b;
const I32_EQZ = 0x45;
const I32_LT_U = 0x49;
const I32_GT_U = 0x4b;
const I32_LE_S = 0x4c;
const I32_GE_U = 0x4f;
const I32_POPCNT = 0x69;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const V128_LOAD = 0x00;
const V128_STORE = 0x0b;
const V128_CONST = 0x0c;
const I32X4_SPLAT = 0x11;
const I8X16_EQ = 0x23;
const I8X16_BITMASK = 0x64;
const V128_XOR = 0x51;
const I32X4_SHR_U = 0xad;
const I32X4_MUL = 0xb5;
const I32X4_MIN_U = 0xb7;

/** Unsigned LEB128. */
function leb(n: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (n !== 0);
  return bytes;
}

/** Signed LEB128 (i32.const's immediate). */
function sleb(n: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
}

const vector = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, content: number[]): number[] => [id, ...leb(content.length), ...content];
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));
const get = (local: number): number[] => [0x20, ...leb(local)];
const set = (local: number): number[] => [0x21, ...leb(local)];
const tee = (local: number): number[] => [0x22, ...leb(local)];
const i32Const = (value: number): number[] => [0x41, ...sleb(value)];
/** i32.load with a 4-byte alignment hint at a constant offset. */
const i32Load = (offset: number): number[] => [0x28, 2, ...leb(offset)];
/** i32.store with a 4-byte alignment hint at a constant offset. */
const i32Store = (offset: number): number[] => [0x36, 2, ...leb(offset)];
/** A SIMD instruction, with its memory alignment hint (log2) and offset when it has them. */
const simd = (op: number, ...memarg: number[]): number[] => [0xfd, ...leb(op), ...memarg.flatMap((b, i) => (i === 0 ? [b] : leb(b)))];
/** v128.const with the same 32-bit value in all four lanes, little-endian. */
const v128Const = (lane: number): number[] => [0xfd, ...leb(V128_CONST), ...[0, 1, 2, 3].flatMap(() => [lane & 255, (lane >>> 8) & 255, (lane >>> 16) & 255, lane >>> 24])];
/** block and loop with no result (block type 0x40), closed by their `end`. */
const block = (...instructions: number[]): number[] => [0x02, 0x40, ...instructions, END];
const loop = (...instructions: number[]): number[] => [0x03, 0x40, ...instructions, END];
const ifThen = (...instructions: number[]): number[] => [0x04, 0x40, ...instructions, END];
const br = (depth: number): number[] => [0x0c, depth];
const brIf = (depth: number): number[] => [0x0d, depth];

interface Kernel {
  memory: WebAssembly.Memory;
  signatures: (offsets: number, count: number, seeds: number, vectors: number, out: number) => void;
  sketchPairs: (members: number, count: number, window: number, stride: number, allowed: number, out: number) => number;
}

let compiled: WebAssembly.Module | null | undefined;

/** A new instance of the kernels with its own memory, or null where WebAssembly or its SIMD instructions are missing. */
function instantiate(): Kernel | null {
  try {
    if (compiled === undefined) {
      compiled = null;
      const bytes = kernelBytes();
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
    if (compiled === null) return null;
    const exports = new WebAssembly.Instance(compiled).exports;
    return {
      memory: exports.memory as WebAssembly.Memory,
      signatures: exports.signatures as Kernel['signatures'],
      sketchPairs: exports.sketchPairs as Kernel['sketchPairs'],
    };
  } catch {
    compiled = null;
    return null;
  }
}

/** The instance that computes signatures, kept between calls (its memory holds one chunk). */
let kernel: Kernel | null | undefined;

function simdKernel(): Kernel | null {
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

/** Whether the WebAssembly SIMD kernels can run here. */
export function hasSimdKernels(): boolean {
  return simdKernel() !== null;
}

/** Grows `memory` to at least `bytes`. */
function reserve(memory: WebAssembly.Memory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / 65536));
}

/** Paragraphs per call of the kernel: their shingles and rows are copied in and out of its memory. */
const CHUNK_PARAGRAPHS = 512;

/**
 * The signatures of ./minhash's `rangeSignatures` (`seeds` its row seeds, `shingle` its shingle
 * hashes of a paragraph's words `ids[from..to)`, written into the array given and returning their
 * count), or null when the kernel is unavailable. Paragraphs go through the kernel's memory a chunk at a time.
 */
export function simdSignatures(
  ids: Int32Array,
  firstToken: Int32Array,
  seeds: Int32Array,
  shingle: (ids: Int32Array, from: number, to: number, into: Int32Array, at: number) => number,
): Uint32Array | null {
  const kernel = simdKernel();
  if (kernel === null) return null;
  const hashes = seeds.length;
  const n = firstToken.length - 1;
  const sig = new Uint32Array(n * hashes);
  const vectors = Math.ceil(hashes / 4);
  const stride = 4 * vectors; // rows per paragraph in the kernel's output, padded to whole vectors
  // Layout, in bytes: seeds (padded with zeros), then the output rows, the shingle offsets, and last
  // the shingles, which may grow the memory for a long paragraph.
  const seedsAt = 0;
  const outAt = seedsAt + 16 * vectors;
  const offsetsAt = outAt + 4 * stride * CHUNK_PARAGRAPHS;
  const shinglesAt = offsetsAt + 4 * (CHUNK_PARAGRAPHS + 1);
  let capacity = 1 << 16; // shingles that fit
  const ensure = () => reserve(kernel.memory, shinglesAt + 4 * capacity);
  ensure();
  let memory = new Int32Array(kernel.memory.buffer);
  memory.fill(0, seedsAt >> 2, outAt >> 2);
  memory.set(seeds, seedsAt >> 2);
  let first = 0; // first paragraph of the chunk being filled
  let size = 0; // shingles in the chunk so far
  for (let p = 0; p < n; p++) {
    const from = firstToken[p] as number;
    const to = firstToken[p + 1] as number;
    const most = to === from ? 0 : 2 * (to - from) - 1;
    if (p - first === CHUNK_PARAGRAPHS || size + most > capacity) {
      flushChunk(kernel, memory, sig, first, p, shinglesAt + 4 * size, seedsAt, vectors, outAt, offsetsAt, hashes);
      first = p;
      size = 0;
    }
    if (most > capacity) {
      capacity = most;
      ensure();
      memory = new Int32Array(kernel.memory.buffer);
    }
    memory[(offsetsAt >> 2) + (p - first)] = shinglesAt + 4 * size;
    size += shingle(ids, from, to, memory, (shinglesAt >> 2) + size);
  }
  flushChunk(kernel, memory, sig, first, n, shinglesAt + 4 * size, seedsAt, vectors, outAt, offsetsAt, hashes);
  return sig;
}

/**
 * Runs the kernel over the chunk's paragraphs [first, end), whose shingles end at byte `shinglesEnd`,
 * and copies their rows into `sig`. A top-level function rather than a closure per call: V8 optimised
 * the paragraph loop with the warm-up call's closure inlined and threw that code away at the next
 * call's (a 'wrong call target' deopt in a first run).
 */
function flushChunk(
  kernel: Kernel,
  memory: Int32Array,
  sig: Uint32Array,
  first: number,
  end: number,
  shinglesEnd: number,
  seedsAt: number,
  vectors: number,
  outAt: number,
  offsetsAt: number,
  hashes: number,
): void {
  const count = end - first;
  const stride = 4 * vectors;
  memory[(offsetsAt >> 2) + count] = shinglesEnd;
  kernel.signatures(offsetsAt, count, seedsAt, vectors, outAt);
  const rows = new Uint32Array(kernel.memory.buffer, outAt, count * stride);
  if (stride === hashes) sig.set(rows, first * hashes);
  else for (let p = 0; p < count; p++) sig.set(rows.subarray(p * stride, p * stride + hashes), (first + p) * hashes);
}

/**
 * The byte sketch of ./minhash's `byteSketch` in a kernel's memory (one instance per sketch, dropped
 * with it), with the test of `jaccardCannotReach` run over whole LSH buckets: an unrelated pair fails
 * on 64 bytes compared sixteen at a time, instead of a loop of 32-bit words per pair.
 */
export class SimdSketch {
  /** The positions (a, b) of the pairs the last {@link passing} kept, two numbers per pair. */
  pairs = new Int32Array(0);
  private members = new Int32Array(0);
  private membersAt = 0;
  private pairsAt = 0;
  private capacity = 0;

  private constructor(
    private readonly kernel: Kernel,
    private readonly stride: number,
    private readonly window: number,
    private readonly sketchBytes: number,
  ) {
    // Room from the start for the largest bucket there can be (every paragraph: ~44 bytes each with
    // the default window), so `passing` does not grow it during the walk: growing was first reached
    // after V8 had optimised the walk, with no type feedback for it, and deoptimised the walk.
    this.layout(Math.max(1024, Math.ceil(sketchBytes / stride)));
  }

  /**
   * The sketch of `sig` (`hashes` values per paragraph) for buckets walked with `window`, or null where
   * the kernels cannot run.
   */
  static of(sig: Uint32Array, hashes: number, window: number): SimdSketch | null {
    const kernel = instantiate();
    if (kernel === null) return null;
    const n = Math.floor(sig.length / hashes);
    // Each paragraph's low bytes in `stride` bytes, padded with zeros to whole vectors.
    const stride = 16 * Math.ceil(hashes / 16);
    const sketch = new SimdSketch(kernel, stride, Math.max(0, window), n * stride);
    const bytes = new Uint8Array(kernel.memory.buffer, 0, n * stride);
    for (let p = 0; p < n; p++) {
      for (let k = 0, at = p * stride, from = p * hashes; k < hashes; k++) bytes[at + k] = (sig[from + k] as number) & 255;
    }
    return sketch;
  }

  /**
   * Of the pairs forEachCandidate visits in the bucket `members[from..to)` (each member with the next
   * `window`), those that `jaccardCannotReach` with `allowed` differing values does not rule out, in the
   * same order: their positions in the bucket (0 for `from`) in {@link pairs}. Returns their count.
   */
  passing(members: Int32Array, from: number, to: number, allowed: number): number {
    const count = to - from;
    if (count > this.capacity) this.layout(Math.max(count, 2 * this.capacity));
    const own = this.members;
    for (let x = 0; x < count; x++) own[x] = members[from + x] as number;
    return this.kernel.sketchPairs(this.membersAt, count, this.window, this.stride, clamp(allowed), this.pairsAt);
  }

  /** Room for buckets of `capacity` members after the sketch: the members, then their pairs. */
  private layout(capacity: number): void {
    this.capacity = capacity;
    this.membersAt = 16 * Math.ceil(this.sketchBytes / 16);
    this.pairsAt = this.membersAt + 4 * capacity;
    const pairs = 2 * capacity * Math.min(this.window, capacity);
    reserve(this.kernel.memory, this.pairsAt + 4 * pairs);
    this.members = new Int32Array(this.kernel.memory.buffer, this.membersAt, capacity);
    this.pairs = new Int32Array(this.kernel.memory.buffer, this.pairsAt, pairs);
  }
}

/**
 * An allowance as the kernel's signed i32 compare reads it, with JavaScript's answers: a negative one
 * allows nothing, and one past every count (or NaN, which no count exceeds) allows everything.
 */
function clamp(allowed: number): number {
  return allowed < 0 ? -1 : allowed < 2 ** 30 ? Math.floor(allowed) : 2 ** 30;
}
