/**
 * Shape-specialized GEMM kernels: C (n × m) = epilogue(A (n × k) · B (k × m)), every operand a
 * strided view (./kernel.ts: transposes are strides), sizes literal or linear in a runtime i32
 * parameter (the batch size). One of three forms, by which axis is contiguous:
 *
 * - rows: C's and B's rows are contiguous (column stride 1). A register block of `mr` rows ×
 *   `nv` vectors of C lives in v128 locals; per k step it loads `nv` vectors of B's row and
 *   splats one A element per row (v128.load64_splat): `mr·nv` multiply-adds per `nv + mr` loads.
 * - dot: A's rows and B's columns are contiguous along k (e.g. dW₁ = dZ₁·Xᵀ with X row-major).
 *   A block of `dr` rows × `dc` columns of C, each a v128 of partial sums along k, horizontally
 *   added at the end (plus a scalar tail where k is not a multiple of the lanes).
 * - scalar: any other layout, a plain triple loop (correct, not fast).
 * A C with contiguous columns instead of rows is computed as Cᵀ = Bᵀ·Aᵀ.
 *
 * Large literal k is cut into blocks of `kc` (cache tiling; the rows form takes kc/4 where kc
 * of B's rows span more than `raMax` bytes, chosen at run time for a runtime stride):
 * the B panel of one block stays in L2 while every row block of A passes over it; C holds the
 * partial sums between blocks and the epilogue applies at the last. With `accumulate`, C = C +
 * epilogue(A·B): for the identity epilogue the first block starts from C; otherwise C is read in
 * the epilogue and k is not tiled.
 * Epilogue views must not overlap C.
 *
 * Read-ahead: the register blocks walk B a few columns (rows form) or rows (dot form) at a time,
 * so B's first pass from L3 or memory waits on one line after another. Where B's part that the
 * next blocks use (rows form: the k block; dot form: the next `jc` columns) spans `raMin` bytes
 * or more, it is read once in address order first (one dropped load per 64-byte line, which the
 * hardware prefetchers follow): the blocks then find it in L2. It changes no result.
 *
 * Packing (rows form, ./pack.ts): where B's row stride is a multiple of `packAlign` bytes, its
 * rows in one L1 set evict each other; given a `scratch` area, each k block × `nc` columns of B
 * is copied there (row stride an odd number of lines) and the register blocks read the copy. A
 * runtime stride is checked at run time (the function has both codes). It changes no result.
 *
 * Summation order, per k block: the rows and scalar forms add each element's products in k order
 * to the sum of the blocks before (so in k order overall); the dot form sums the block's first
 * ⌊klen/W⌋·W products in W interleaved partial sums (lane l: the products l, l + W, …), adds
 * them as (s₀ + s₁) + (s₂ + s₃) (float32, W = 4) or s₀ + s₁ (float64), then the block's last
 * klen mod W products in k order, then the sum of the blocks before (test: gemm.test.ts, bit for
 * bit). The error is within the usual k·ε·Σ|aᵢbᵢ| of any order. No fused multiply-add (no
 * relaxed SIMD): bit-reproducible.
 */
import { GradgenError } from '../../errors.js';
import { E, exprUses, type Dtype, type Expr } from '../../kernel/expr.js';
import { dotTail, dotVectors } from './dot.js';
import type { Func } from './instr.js';
import { isLit, Kernel, scale, type KernelParam, type Lin, type View } from './kernel.js';
import {
  PACK_MIN_ROWS,
  packedBytes,
  packedStride,
  packingOf,
  packPanel,
  panelLoop,
  strideRest,
  type Packing,
} from './pack.js';

export interface GemmSpec {
  readonly name: string;
  readonly dtype: Dtype;
  /** The function's parameters, in order: i32 sizes/base addresses, scalars of the dtype. */
  readonly params: readonly KernelParam[];
  readonly n: Lin;
  readonly k: Lin;
  readonly m: Lin;
  /** A (n × k), B (k × m), C (n × m); strides [row, column] in elements. */
  readonly a: View;
  readonly b: View;
  readonly c: View;
  /** Applied to each element as it is stored, `acc` being (A·B)[i, j]; default `acc`. */
  readonly epilogue?: Expr;
  /** The epilogue's views, indexed by [i, j] (a bias b[i] broadcast along j: strides [1, 0]). */
  readonly views?: readonly View[];
  /** C = C + epilogue(A·B) instead of C = epilogue(A·B). */
  readonly accumulate?: boolean;
  /** Tile sizes (defaults: {@link defaultTiles}, then by shape: see `tilesOf`). */
  readonly tiles?: Partial<GemmTiles>;
  /**
   * The byte address of a scratch area the rows form may pack B's panels into (./pack.ts; the
   * function's `scratchBytes` says how much of it it uses); without one, B is never packed.
   */
  readonly scratch?: number;
}

export interface GemmTiles {
  /** Rows form: rows × vectors of C per register block. */
  readonly mr: number;
  readonly nv: number;
  /** Dot form: rows × columns of C per register block. */
  readonly dr: number;
  readonly dc: number;
  /** k block (cache tile) for a literal k larger than it. */
  readonly kc: number;
  /** Rows form: k steps per loop iteration (a literal k). */
  readonly ku: number;
  /**
   * Read-ahead: B's part that the next register blocks use (rows form: the k block, all columns;
   * dot form: `jc` columns, all of k) is first read once in address order, one load per 64-byte
   * line, when it spans at least `raMin` bytes; at most its first `raMax` bytes (both below 2³¹).
   */
  readonly raMin: number;
  readonly raMax: number;
  /** Dot form: B columns per read-ahead (at least `dc`). */
  readonly jc: number;
  /**
   * Rows form: B is packed (./pack.ts) where its row stride in bytes is a multiple of
   * `packAlign` (0: never), in panels of a k block × `nc` columns.
   */
  readonly packAlign: number;
  readonly nc: number;
}

/**
 * Chosen by interleaved measurement on the 2-core development machine (AMD EPYC, 48 KB L1d and
 * 1 MB L2 per core; the course shapes and 256³, both dtypes). Rows form 4 × 2 vectors: 8
 * accumulators + 2 B vectors + 1 splat = 11 of the 16 xmm registers; 4 × 3 (16 live values)
 * and 3 × 3 run 30–40% slower (V8 then spills), 5 × 2 and 6 × 1 10–30% slower. Dot form 2 × 4:
 * 8 sums + 4 B vectors + 1 A vector, 6 loads per 8 multiply-adds; on W4's dW₁ (20 × 12288, k =
 * 209; timed by CPU time, X hot or in L2) 6–10% faster than 3 × 2 in both dtypes, 1.05× (f64)
 * and 1.10× (f32) in the training step; 4 × 2, 2 × 3, 2 × 2 within 2% of 3 × 2, 1 × 4 and 4 × 1
 * 8–20% slower, 3 × 3 and 5 × 2 2× slower (spills).
 * kc = 256 keeps a k-block of B (256 × 209 doubles = 428 KB for W4's layer 1) in L2 while the
 * row blocks of A pass over it; 128 and 512 measured within 5–10% of it. Unrolling the rows
 * form's k loop (ku = 2 or 4) made every shape 30–50% slower: V8 keeps both steps' B vectors
 * live and spills.
 *
 * Read-ahead from 32 KB (below it B is mostly still in L1/L2 and the pass only costs) up to
 * 512 KB (about half of L2), in the dot form 64 columns at a time (W4's dW₁: 64 rows of X, 107 KB
 * in float64): in W4's training step (plain node, X 20 MB in L3 or memory) it took Z₁ = W₁·X from
 * 20.0 to 26.2 GFLOP/s and dW₁ = dZ₁·Xᵀ from 18.3 to 24.7 in float64, 47 → 55 and 49 → 51 in
 * float32 (the step 1.30× and 1.05× faster); with B hot in the cache (the same kernel timed in a
 * loop) it is within noise.
 *
 * Packing where B's rows are a multiple of 4096 bytes apart, in panels of 64 columns: W4's Z₁
 * (20 × 12288 · 12288 × m, runtime m, CPU time, X from memory) went from 10–11 to 16–19
 * GFLOP/s at f64 m = 512 and 1024, from 20–23 to 32–37 at f32 m = 1024 (m = 500 and 1000:
 * 18–20 and 36–40, unchanged); W5's 128 × 784 · 784 × m from 10–12 to 20–22 (f64 m = 512, 1024,
 * 2048) and 22 to 42–43 (f32 m = 1024, 2048). At 2048-byte strides (f64 m = 256, f32 m = 512)
 * it was within noise either way, so it is left out; panels of 16 to 256 columns measured
 * within noise of 64.
 */
export function defaultTiles(_dtype: Dtype): GemmTiles {
  return {
    mr: 4,
    nv: 2,
    dr: 2,
    dc: 4,
    kc: 256,
    ku: 1,
    raMin: 32768,
    raMax: 524288,
    jc: 64,
    packAlign: 4096,
    nc: 64,
  };
}

export type GemmForm = 'rows' | 'dot' | 'scalar';

interface Plan {
  readonly n: Lin;
  readonly k: Lin;
  readonly m: Lin;
  readonly a: View;
  readonly b: View;
  readonly c: View;
  readonly views: readonly View[];
  /** The epilogue as stored (accumulate folded in: C + e, with C the last view). */
  readonly epi: Expr;
  /** The first k block starts from C (accumulate with the identity epilogue). */
  readonly initFromC: boolean;
  readonly tilesK: boolean;
  readonly form: GemmForm;
  /** Rows form: whether B is packed into `scratch` (./pack.ts). */
  readonly packing: Packing;
  readonly scratch: number;
}

const tr = (v: View): View => ({ base: v.base, strides: [v.strides[1]!, v.strides[0]!] });

/** Cᵀ = Bᵀ·Aᵀ: the same GEMM with its operands, result and epilogue views transposed. */
export function transposedSpec(s: GemmSpec): GemmSpec {
  const views = (s.views ?? []).map(tr);
  return { ...s, n: s.m, m: s.n, a: tr(s.b), b: tr(s.a), c: tr(s.c), views };
}

function plan(s: GemmSpec, t: GemmTiles): Plan {
  const [c0, c1] = s.c.strides;
  const flip = !isLit(c1!, 1) && isLit(c0!, 1);
  const g = flip ? transposedSpec(s) : s;
  const e = s.epilogue ?? E.acc;
  const identity = e.k === 'acc';
  const initFromC = !!s.accumulate && identity;
  const gv = g.views ?? [];
  const epi = s.accumulate && !identity ? E.add(E.load(gv.length), e) : e;
  const views = s.accumulate && !identity ? [...gv, g.c] : gv;
  const tilesK = typeof s.k === 'number' && s.k > t.kc && !(s.accumulate && !identity);
  const rows = isLit(g.c.strides[1]!, 1) && isLit(g.b.strides[1]!, 1);
  const dot = isLit(g.a.strides[1]!, 1) && isLit(g.b.strides[0]!, 1);
  const W = s.dtype === 'float64' ? 2 : 4;
  // a narrow C (m below two vectors) wastes the rows form's lanes: take the dot form if it fits
  const narrow = typeof g.m === 'number' && g.m < 2 * W;
  const form: GemmForm = rows && !(dot && narrow) ? 'rows' : dot ? 'dot' : 'scalar';
  const packing = form === 'rows' ? packs(s, g.n, g.b, t) : 'never';
  const { n, m, a, b, c } = g;
  return {
    n,
    m,
    a,
    b,
    c,
    k: s.k,
    views,
    epi,
    initFromC,
    tilesK,
    form,
    packing,
    scratch: s.scratch ?? 0,
  };
}

/**
 * Rows form: B is packed where a scratch area is given, k is literal (so a panel's rows are at
 * most kc) and at least PACK_MIN_ROWS, more than one row block of A reads each panel, and B's
 * row stride in bytes is a multiple of packAlign (checked at run time where the stride is known
 * only then).
 */
function packs(s: GemmSpec, n: Lin, b: View, t: GemmTiles): Packing {
  if (s.scratch === undefined || typeof s.k !== 'number' || s.k < PACK_MIN_ROWS) return 'never';
  if (typeof n === 'number' && n <= t.mr) return 'never';
  return packingOf(b.strides[0]!, s.dtype === 'float64' ? 8 : 4, t.packAlign);
}

/**
 * The tiles of spec `s`: {@link defaultTiles}, then by shape, then the spec's own.
 *
 * A C of one column (dw = X·dZᵀ, 12288 × 209 · 209 × 1 in W2): 6 rows per dot-form block, so 6
 * sums + 1 B + 1 A vector are live. Measured on that shape against the 3 × 2 default of the time:
 * 1.35× the speed in float64, 1.1× in float32, 8 rows spilling (0.9× and 0.65×); against the
 * 2 × 4 default (with its read-ahead of B), on a slower memory system: 2.2–2.9× in float64, 1.25×
 * in float32 (8 rows: within noise in float64, 0.65× in float32).
 */
function tilesOf(s: GemmSpec): GemmTiles {
  const byShape: Partial<GemmTiles> = isLit(s.m, 1) ? { dr: 6, dc: 1 } : {};
  return { ...defaultTiles(s.dtype), ...byShape, ...s.tiles };
}

/** The form a spec compiles to (for tests and the WAT comments). */
export const gemmForm = (s: GemmSpec): GemmForm => plan(s, tilesOf(s)).form;

function check(s: GemmSpec): void {
  const lins: Lin[] = [
    s.n,
    s.k,
    s.m,
    ...[s.a, s.b, s.c, ...(s.views ?? [])].flatMap((v) => v.strides),
  ];
  for (const l of lins)
    if (
      (typeof l === 'number' && (!Number.isInteger(l) || l < 0)) ||
      (typeof l !== 'number' && (l.mul ?? 1) < 0)
    )
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `wasm gemm ${s.name}: sizes and strides must be ≥ 0 integers, got ${JSON.stringify(l)}`,
      );
  for (const v of [s.a, s.b, s.c, ...(s.views ?? [])])
    if (v.strides.length !== 2)
      throw new GradgenError('E_BAD_ARGUMENT', `wasm gemm ${s.name}: every view needs 2 strides`);
  const uses = exprUses(s.epilogue ?? E.acc);
  for (const l of uses.loads)
    if (!(l >= 0 && l < (s.views ?? []).length))
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `wasm gemm ${s.name}: the epilogue loads view ${l}, not given`,
      );
}

export function gemmFunc(s: GemmSpec): Func {
  check(s);
  const t = tilesOf(s);
  const p = plan(s, t);
  const K = new Kernel(s.name, s.dtype, s.params);
  const g = new Gemm(K, p, t);
  K.f.note(
    `C (${show(s.n)} × ${show(s.m)}) = ${p.initFromC ? 'C + ' : ''}A·B, k = ${show(s.k)}, ${p.form} form` +
      (p.tilesK ? `, k blocks of ${g.kcChoices().join(' or ')}` : ''),
  );
  g.emit();
  const func = K.finish();
  if (p.packing === 'never') return func;
  const rows = p.tilesK ? t.kc : (s.k as number);
  return { ...func, scratchBytes: packedBytes(rows, t.nc, K.es) };
}

const show = (l: Lin) =>
  typeof l === 'number' ? `${l}` : `${l.mul ?? 1}·${l.sym}${l.add ? ` + ${l.add}` : ''}`;

/** Loops and micro-kernels of one GEMM. */
class Gemm {
  private readonly i: number;
  private readonly j: number;
  private readonly kb: number;
  private readonly pa: number;
  private readonly pb: number;
  private readonly pc: number;
  private readonly end: number;
  private readonly pe: number[];
  /** The k block size of the code being emitted (see {@link kcChoices}). */
  private kc: number;
  /** Whether the code being emitted reads B packed (./pack.ts), and B's view as it reads it. */
  private packed = false;
  private bv: View;
  /** Packed: the panel's first column and width; C's column jb + j (j is the panel's, then). */
  private readonly jb: number;
  private readonly w: number;
  private readonly cCol: number;

  constructor(
    private readonly K: Kernel,
    private readonly p: Plan,
    private readonly t: GemmTiles,
  ) {
    const f = K.f;
    this.i = f.local('i32', 'i');
    this.j = f.local('i32', 'j');
    this.kb = f.local('i32', 'kb');
    this.pa = f.local('i32', 'pa');
    this.pb = f.local('i32', 'pb');
    this.pc = f.local('i32', 'pc');
    this.end = f.local('i32', 'end');
    this.pe = p.views.map((_, v) => f.local('i32', `pe${v}`));
    this.kc = t.kc;
    this.bv = p.b;
    const packs = p.packing !== 'never';
    this.jb = packs ? f.local('i32', 'jb') : -1;
    this.w = packs ? f.local('i32', 'w') : -1;
    this.cCol = packs ? f.local('i32', 'col') : -1;
  }

  /** The kernel: packed, unpacked, or (a runtime stride) the one the stride check picks. */
  emit(): void {
    const { p, K } = this;
    if (p.packing === 'never') return this.emitK();
    const asPacked = () => {
      this.packed = true;
      this.bv = { base: p.scratch, strides: [packedStride(this.t.nc, K.es), 1] };
      this.emitK();
      this.packed = false;
      this.bv = p.b;
    };
    if (p.packing === 'always') return asPacked();
    const f = K.f;
    f.op('block').op('block');
    strideRest(K, p.b.strides[0]!, this.t.packAlign);
    f.op('br_if', 0);
    f.note(`B packed: its row stride is a multiple of ${this.t.packAlign} bytes`);
    asPacked();
    f.op('br', 1).op('end');
    this.emitK();
    f.op('end');
  }

  /** The local holding C's column of the register block. */
  private col(): number {
    return this.packed ? this.cCol : this.j;
  }

  /** The k blocks (of a size chosen at run time where B's row stride is known only then). */
  private emitK(): void {
    const { p, K } = this;
    if (!p.tilesK) return this.blocksOf(p.k);
    const tiled = (kc: number) => {
      this.kc = kc;
      K.blocks(this.kb, p.k, [kc], (klen) => this.blocksOf(klen));
    };
    const choices = this.kcChoices();
    if (choices.length === 1) return tiled(choices[0]!);
    // a runtime row stride of B: the largest k block whose rows span at most raMax bytes
    const f = K.f;
    const s0 = p.b.strides[0]!;
    f.op('block');
    choices.forEach((kc, q) => {
      if (q === choices.length - 1) return tiled(kc);
      f.op('block');
      K.lin(scale(s0, kc * K.es), 'span');
      f.i32(this.t.raMax).op('i32.gt_u').op('br_if', 0);
      f.note(`k blocks of ${kc} where they span at most ${this.t.raMax} bytes of B`);
      tiled(kc);
      f.op('br', 1).op('end');
    });
    f.op('end');
  }

  /**
   * Rows form: kc where its block of B's rows spans at most raMax bytes, else kc/4 (so that the
   * block fits the read-ahead and L2: W4's Z₁ at m = 500 and 1000 in float64, 1.2× faster than
   * with kc; kc/2 measured the same as kc/4 where both fit); both, chosen at run time, where B's
   * row stride is known only then. The dot form: kc.
   */
  kcChoices(): number[] {
    const { p, t, K } = this;
    const kcs = [t.kc, Math.max(1, t.kc >> 2)].filter((kc, q, a) => a.indexOf(kc) === q);
    const s0 = p.b.strides[0]!;
    if (p.form !== 'rows') return [t.kc];
    if (typeof s0 !== 'number') return kcs;
    return [kcs.find((kc) => kc * s0 * K.es <= t.raMax) ?? kcs[kcs.length - 1]!];
  }

  /**
   * Rows form: reads B's rows [kb, kb + klen) ahead (see {@link GemmTiles.raMin}). A k block of
   * B's rows is walked by the register blocks a few columns at a time, one row (one line, often
   * one page) per k step: from L3 or memory that waits on every line. Read once in address
   * order first (the hardware prefetchers follow it), the block then comes from L2.
   */
  private readRows(klen: Lin): void {
    const { K, p } = this;
    if (!this.mayRead(klen, p.m)) return;
    const f = K.f;
    const last = [f.local('i32', 'lr'), f.local('i32', 'lc')] as const;
    if (p.tilesK) f.get(this.kb);
    else f.i32(0);
    K.lin(klen, 'k');
    f.op('i32.add').i32(1).op('i32.sub').set(last[0]);
    K.lin(p.m, 'm');
    f.i32(1).op('i32.sub').set(last[1]);
    K.pointer(this.pa, p.b, [p.tilesK ? { local: this.kb } : 0, 0]);
    K.pointer(this.end, p.b, [{ local: last[0] }, { local: last[1] }]);
    f.note(`read ahead: B's rows of this k block`);
    this.readSpan([klen, p.m]);
  }

  /** Dot form: at the first j block at or past `next`, reads B's columns [j, j + jc) ahead. */
  private readCols(next: number): void {
    const { K, p, t } = this;
    const cols = typeof p.m === 'number' ? Math.min(p.m, t.jc) : t.jc;
    if (!this.mayRead(p.k, cols)) return;
    const f = K.f;
    const last = [f.local('i32', 'lr'), f.local('i32', 'lc')] as const;
    f.get(this.j).get(next).op('i32.ge_u').op('if');
    f.note(`read ahead: B's next ${t.jc} columns`);
    // last = B[k - 1, min(j + jc, m) - 1]
    K.lin(p.k, 'k');
    f.i32(1).op('i32.sub').set(last[0]);
    f.get(this.j).i32(t.jc).op('i32.add').set(next);
    f.get(next);
    K.lin(p.m, 'm');
    f.get(next);
    K.lin(p.m, 'm');
    f.op('i32.lt_u').op('select').i32(1).op('i32.sub').set(last[1]);
    K.pointer(this.pa, p.b, [0, { local: this.j }]);
    K.pointer(this.end, p.b, [{ local: last[0] }, { local: last[1] }]);
    this.readSpan([p.k]);
    f.op('end');
  }

  /** False where B's span over `rows` × `cols` is known to be empty or below raMin bytes. */
  private mayRead(rows: Lin, cols: Lin): boolean {
    const [s0, s1] = this.p.b.strides;
    if (isLit(rows, 0) || isLit(cols, 0)) return false;
    const lits = [rows, cols, s0!, s1!];
    if (!lits.every((l) => typeof l === 'number')) return true;
    const [r, c, a, b] = lits as number[];
    return ((r! - 1) * a! + (c! - 1) * b! + 1) * this.K.es >= this.t.raMin;
  }

  /**
   * One i32 load (dropped: the load itself is the point) per 64 bytes from pa up to end (the
   * last element's address, so every load is inside B), when end − pa ≥ raMin; at most raMax
   * bytes. Nothing where one of `sizes` is 0 at run time (then B has no elements).
   */
  private readSpan(sizes: readonly Lin[]): void {
    const { K, t } = this;
    const f = K.f;
    const { pa, end } = this;
    f.op('block');
    for (const l of sizes) if (typeof l !== 'number') (K.lin(l), f.op('i32.eqz').op('br_if', 0));
    f.get(end).get(pa).op('i32.sub').i32(t.raMin).op('i32.lt_s').op('br_if', 0);
    // end = min(end, pa + raMax)
    f.get(end);
    f.get(pa).i32(t.raMax).op('i32.add');
    f.get(end).get(pa).op('i32.sub').i32(t.raMax).op('i32.lt_u').op('select').set(end);
    f.op('loop');
    f.get(pa).mem('i32.load', 0, 2).op('drop');
    f.get(pa).i32(64).op('i32.add').tee(pa).get(end).op('i32.le_u').op('br_if', 0);
    f.op('end').op('end');
  }

  /** All of C's register blocks for the k block [kb, kb + klen). */
  private blocksOf(klen: Lin): void {
    const { p, K, t } = this;
    if (p.form === 'rows') {
      this.readRows(klen);
      if (this.packed) this.packedBlocks(klen);
      else this.rowBlocks(klen, p.m);
    } else if (p.form === 'dot') {
      const next = K.f.local('i32', 'next');
      K.f.i32(0).set(next);
      K.blocks(this.j, p.m, [t.dc, 1], (C) => {
        this.readCols(next);
        K.blocks(this.i, p.n, [t.dr, 1], (R) => this.dotMicro(R, C, klen));
      });
    } else
      K.blocks(this.i, p.n, [1], () =>
        K.blocks(this.j, p.m, [1], () => this.micro(1, 1, 0, klen, false)),
      );
  }

  /** Rows form: the register blocks of C's rows × `cols` columns (from j = 0). */
  private rowBlocks(klen: Lin, cols: Lin | { readonly local: number }): void {
    const { p, K, t } = this;
    const W = K.W;
    K.blocks(this.i, p.n, [t.mr, 1], (R) =>
      K.blocks(this.j, cols, [t.nv * W, W, 1], (len) => {
        const V = Math.floor(len / W);
        if (V > 0) this.micro(R, V * W, 0, klen, true);
        if (len % W) this.micro(R, len % W, V * W, klen, false);
      }),
    );
  }

  /**
   * Rows form, B packed: per panel of nc columns, the k block's rows of it copied into the
   * scratch area, then the register blocks of every row block of A over the copy.
   */
  private packedBlocks(klen: Lin): void {
    const { p, K, t } = this;
    panelLoop(K, this.jb, this.w, p.m, t.nc, () => {
      const src = K.f.local('i32', 'pksrc');
      K.pointer(src, p.b, [p.tilesK ? { local: this.kb } : 0, { local: this.jb }]);
      K.f.note(`B's k block × the panel's columns, packed`);
      packPanel(K, src, p.b.strides[0]!, klen, this.w, p.scratch, this.bv.strides[0] as number);
      this.rowBlocks(klen, { local: this.w });
    });
  }

  /**
   * Sets pa, pb, pc to A[i, kb], B[kb, j + col0], C[i, j + col0] (B packed: the panel's [0, j +
   * col0], C's column jb + j + col0).
   */
  private pointers(col0: number): void {
    const { K, p } = this;
    const kb = this.p.tilesK ? { local: this.kb } : 0;
    if (this.packed) K.f.get(this.jb).get(this.j).op('i32.add').set(this.cCol);
    K.pointer(this.pa, p.a, [{ local: this.i }, kb]);
    K.pointer(this.pb, this.bv, [this.packed ? 0 : kb, { local: this.j }]);
    K.pointer(this.pc, p.c, [{ local: this.i }, { local: this.col() }]);
    if (col0) {
      K.f
        .get(this.pb)
        .i32(col0 * K.es * (this.bv.strides[1] as number))
        .op('i32.add')
        .set(this.pb);
      K.f
        .get(this.pc)
        .i32(col0 * K.es)
        .op('i32.add')
        .set(this.pc);
    }
  }

  /**
   * Rows form (or scalar form): an R × len block of C at column col0 of the j block, in vectors
   * of W lanes (`vector`) or len scalar columns. k steps advance pa by A's column stride and pb
   * by B's row stride.
   */
  private micro(R: number, len: number, col0: number, klen: Lin, vector: boolean): void {
    const { K, p } = this;
    const f = K.f;
    const W = K.W;
    const V = vector ? len / W : len;
    const ty = vector ? 'v128' : K.s;
    f.note(`${R} × ${len} block of C${vector ? ` (${V} vectors)` : ''}`);
    this.pointers(col0);
    const acc = grid(R, V, (r, v) => K.f.local(ty, `c${r}_${v}`));
    this.init(acc, vector, (r, v) => [r, vector ? v * W : v]);
    const b = Array.from({ length: V }, (_, v) => f.local(ty, `b${v}`));
    const a = f.local(ty, 'a');
    // k steps of `unroll` products (a literal k; then the k % unroll rest), counted down in
    // `end`; a runtime k may be 0
    const U = typeof klen === 'number' ? Math.min(this.t.ku, klen) : 1;
    const step = (q: number) => {
      b.forEach((bv, v) => {
        if (vector) f.mem('v128.load', K.at(this.pb, this.bv, [q, v * W]), Math.log2(K.es)).set(bv);
        else (K.loadScalar(this.pb, this.bv, [q, v]), f.set(bv));
      });
      const splat = K.dtype === 'float64' ? 'v128.load64_splat' : 'v128.load32_splat';
      for (let r = 0; r < R; r++) {
        f.mem(vector ? splat : `${K.s}.load`, K.at(this.pa, p.a, [r, q]), Math.log2(K.es)).set(a);
        const op = vector ? K.v : K.s;
        for (let v = 0; v < V; v++)
          f.get(acc[r]![v]!).get(a).get(b[v]!).op(`${op}.mul`).op(`${op}.add`).set(acc[r]![v]!);
      }
    };
    const runtime = typeof klen !== 'number';
    if (runtime) K.lin(klen, 'k');
    else f.i32(Math.floor(klen / U));
    f.set(this.end);
    if (runtime) f.op('block').get(this.end).op('i32.eqz').op('br_if', 0);
    f.op('loop');
    for (let q = 0; q < U; q++) step(q);
    this.advance(this.pa, p.a.strides[1]!, U);
    this.advance(this.pb, this.bv.strides[0]!, U);
    f.get(this.end).i32(1).op('i32.sub').tee(this.end).op('br_if', 0).op('end');
    if (runtime) f.op('end');
    if (!runtime) for (let q = 0; q < klen % U; q++) step(q);
    this.finish(acc, vector, (r, v) => [r, vector ? v * W : v], col0);
  }

  /** Dot form: an R × C block of C, vectors along k, then a scalar tail and horizontal sums. */
  private dotMicro(R: number, C: number, klen: Lin): void {
    const { K, p } = this;
    const f = K.f;
    f.note(`${R} × ${C} block of C (dot products along k)`);
    this.pointers(0);
    const acc = grid(R, C, (r, c) => f.local('v128', `c${r}_${c}`));
    const zero = K.splat({ k: 'const', value: 0 });
    for (const row of acc) for (const l of row) f.get(zero).set(l);
    const at = { pa: this.pa, pb: this.pb, end: this.end };
    dotVectors(K, at, p.a, p.b, acc, klen);
    // horizontal sums into scalars, then the tail k % W one element at a time
    const sums = acc.map((row, r) => this.horizontalSums(row, r));
    dotTail(K, at, p.a, p.b, sums, klen);
    this.init(sums, false, (r, c) => [r, c], true);
    this.finish(sums, false, (r, c) => [r, c], 0);
  }

  /**
   * Each vector's lane sum, (l₀ + l₁) + (l₂ + l₃) (float32) or l₀ + l₁ (float64), into new scalar
   * locals: W vectors at a time shuffled into one vector of their sums (two shuffles and an add
   * per halving, fewer ops than extracting every lane), a lone vector lane by lane.
   */
  private horizontalSums(vs: readonly number[], r: number): number[] {
    const { K } = this;
    const f = K.f;
    const W = K.W;
    const out = vs.map((_, c) => f.local(K.s, `s${r}_${c}`));
    for (let c0 = 0; c0 < vs.length; c0 += W) {
      const g = vs.slice(c0, c0 + W);
      if (g.length === 1) {
        K.laneSum(g[0]!);
        f.set(out[c0]!);
        continue;
      }
      const v = f.local('v128', 'hs');
      // pairs: [x₀ + x₁, x₂ + x₃, y₀ + y₁, y₂ + y₃] (float32) or [x₀ + x₁, y₀ + y₁] (float64)
      const pair = (x: number, y: number) => {
        const [even, odd] =
          W === 4
            ? [
                [0, 2, 4, 6],
                [1, 3, 5, 7],
              ]
            : [
                [0, 2],
                [1, 3],
              ];
        f.get(x).get(y).shuffle(even, K.es).get(x).get(y).shuffle(odd, K.es);
        f.op(`${K.v}.add`);
      };
      let lanes: number[];
      if (W === 2) {
        pair(g[0]!, g[1]!);
        lanes = [0, 1];
      } else if (g.length === 2) {
        pair(g[0]!, g[1]!);
        f.set(v).get(v).get(v).get(v).shuffle([1, 0, 3, 2], 4).op('f32x4.add');
        lanes = [0, 2];
      } else {
        const p = f.local('v128', 'hp');
        pair(g[0]!, g[1]!);
        f.set(p);
        pair(g[2]!, g[3] ?? g[2]!);
        f.set(v);
        f.get(p).get(v).shuffle([0, 2, 4, 6], 4).get(p).get(v).shuffle([1, 3, 5, 7], 4);
        f.op('f32x4.add');
        lanes = [0, 1, 2, 3];
      }
      f.set(v);
      g.forEach((_, q) =>
        f
          .get(v)
          .op(`${K.v}.extract_lane`, lanes[q]!)
          .set(out[c0 + q]!),
      );
    }
    return out;
  }

  /**
   * Starts the accumulators: 0 (or C, `initFromC`) in the first k block, C's partial sums in
   * later ones. With `add`, the accumulators already hold this block's sums: C is added to them.
   */
  private init(
    acc: number[][],
    vector: boolean,
    at: (r: number, v: number) => number[],
    add = false,
  ): void {
    const { K, p } = this;
    const f = K.f;
    const zero = vector ? K.splat({ k: 'const', value: 0 }) : -1;
    const fromC = () =>
      acc.forEach((row, r) =>
        row.forEach((l, v) => {
          if (add) f.get(l);
          if (vector) f.mem('v128.load', K.at(this.pc, p.c, at(r, v)), Math.log2(K.es));
          else K.loadScalar(this.pc, p.c, at(r, v));
          if (add) f.op(`${K.s}.add`);
          f.set(l);
        }),
      );
    const fresh = () => {
      if (p.initFromC) return fromC();
      if (add) return;
      for (const row of acc)
        for (const l of row) {
          if (vector) f.get(zero).set(l);
          else f.op(`${K.s}.const`, 0).set(l);
        }
    };
    if (!p.tilesK) return fresh();
    f.get(this.kb).op('i32.eqz').op('if');
    fresh();
    f.op('else');
    fromC();
    f.op('end');
  }

  /** Stores the accumulators: the epilogue at the last k block, the raw partial sums before. */
  private finish(
    acc: number[][],
    vector: boolean,
    at: (r: number, v: number) => number[],
    col0: number,
  ): void {
    const { K, p } = this;
    const f = K.f;
    const final = () => {
      this.p.views.forEach((view, v) => {
        K.pointer(this.pe[v]!, view, [{ local: this.i }, { local: this.col() }]);
        if (col0) {
          const st = view.strides[1]!;
          K.f.get(this.pe[v]!);
          K.lin(mulLin(col0, st, K.es));
          K.f.op('i32.add').set(this.pe[v]!);
        }
      });
      acc.forEach((row, r) =>
        row.forEach((l, v) => {
          const idx = at(r, v);
          const out = f.local(vector ? 'v128' : K.s, 'out');
          K.expr(p.epi, vector, (view) => {
            if (view < 0) f.get(l);
            else if (vector) K.loadVector(this.pe[view]!, p.views[view]!, idx, 1);
            else K.loadScalar(this.pe[view]!, p.views[view]!, idx);
          });
          f.set(out);
          K.store(this.pc, p.c, idx, out, vector ? 1 : undefined);
        }),
      );
    };
    if (!p.tilesK) return final();
    const raw = () =>
      acc.forEach((row, r) =>
        row.forEach((l, v) => K.store(this.pc, p.c, at(r, v), l, vector ? 1 : undefined)),
      );
    // last block: kb + kc ≥ k
    f.get(this.kb)
      .i32(this.kc)
      .op('i32.add')
      .i32(p.k as number)
      .op('i32.ge_u')
      .op('if');
    final();
    f.op('else');
    raw();
    f.op('end');
  }

  private advance(ptr: number, stride: Lin, count = 1): void {
    if (isLit(stride, 0)) return;
    const f = this.K.f;
    f.get(ptr);
    this.K.lin(mulLin(count, stride, this.K.es), 'step');
    f.op('i32.add').set(ptr);
  }
}

/** `count · stride · es` bytes as a Lin (count literal, or stride literal). */
function mulLin(count: Lin, stride: Lin, es: number): Lin {
  if (typeof count === 'number')
    return typeof stride === 'number' ? count * stride * es : scale(stride, count * es);
  if (typeof stride === 'number') return scale(count, stride * es);
  throw new GradgenError('E_UNSUPPORTED', 'wasm gemm: a runtime size times a runtime stride');
}

function grid<T>(R: number, C: number, mk: (r: number, c: number) => T): T[][] {
  return Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => mk(r, c)));
}
