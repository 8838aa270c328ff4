/**
 * The streamed row-update GEMM for a C of one row: C (1 × m) = epilogue(A (1 × k) · B (k × m)),
 * z = wᵀX in logistic regression. The register-blocked rows form (./gemm.ts) walks B in strips a
 * few vectors wide, down all of k: for one row of C that reads each of B's cache lines in pieces,
 * at strides of a whole row, and keeps few products in flight. Here B streams through once in
 * row order instead, `depth` rows at a time (one sequential stream per row), while C — one row,
 * in L1 — is read and written once per block of rows:
 *
 *   C[j] = (((C[j] + a₀·B[p, j]) + a₁·B[p+1, j]) + …)   for each vector of j, aₜ = A[0, p+t] splat
 *
 * `depth` is matmul's schedule's (src/ops/matmul.ts, the TS target's too: 8 rows for one row of
 * C); 2, 4, 6 and 8 measured within noise of each other for W2's z = wᵀX (12288 × 209, both
 * dtypes), 1.6× (float64) and 1.25× (float32) the rows form's speed.
 *
 * Each element's products are added in k order (as the scalar form's), so the result does not
 * depend on `depth`. The first block of rows starts from 0 (from C with `accumulate`); the
 * epilogue runs over C after the last. No fused multiply-add: bit-reproducible.
 */
import { E, type Expr } from '../../kernel/expr.js';
import type { GemmSpec } from './gemm.js';
import type { Func } from './instr.js';
import { isLit, Kernel, type Lin, type View } from './kernel.js';

/**
 * Whether `s` takes the streamed form: C is one row, C's and B's rows are contiguous, and C is
 * not accumulated into through an epilogue (C itself holds the running sums).
 */
export function streams(s: GemmSpec): boolean {
  const identity = (s.epilogue ?? E.acc).k === 'acc';
  return (
    isLit(s.n, 1) &&
    isLit(s.c.strides[1]!, 1) &&
    isLit(s.b.strides[1]!, 1) &&
    !(s.accumulate && !identity)
  );
}

/** The streamed form of `s` (see {@link streams}), `depth` rows of B per pass over C. */
export function streamFunc(s: GemmSpec, depth: number): Func {
  const K = new Kernel(s.name, s.dtype, s.params);
  const show = (l: Lin) => (typeof l === 'number' ? `${l}` : `${l.mul ?? 1}·${l.sym}`);
  K.f.note(
    `C (1 × ${show(s.m)}) = ${s.accumulate ? 'C + ' : ''}A·B, k = ${show(s.k)}, streamed rows form, ${depth} rows of B per pass`,
  );
  new Stream(K, s, depth).emit();
  return K.finish();
}

class Stream {
  private readonly p: number;
  private readonly j: number;
  private readonly pb: number;
  private readonly q: number;
  private readonly pc: number;
  private readonly a: number[];

  constructor(
    private readonly K: Kernel,
    private readonly s: GemmSpec,
    private readonly depth: number,
  ) {
    const f = K.f;
    this.p = f.local('i32', 'p');
    this.j = f.local('i32', 'j');
    this.pb = f.local('i32', 'pb');
    this.q = f.local('i32', 'q');
    this.pc = f.local('i32', 'pc');
    this.a = Array.from({ length: depth }, (_, t) => f.local('v128', `a${t}`));
  }

  emit(): void {
    const { K, s } = this;
    // the first block of rows starts from 0 (or C); a k of 0 leaves C = 0 (or C) too
    if (!s.accumulate) this.clear();
    K.blocks(this.p, s.k, [this.depth, 1], (rows) => this.rowBlock(rows));
    const e = s.epilogue ?? E.acc;
    if (e.k !== 'acc') this.epilogue(e);
  }

  /** C = 0. */
  private clear(): void {
    const { K, s } = this;
    const zero = K.splat({ k: 'const', value: 0 });
    this.overC((vector, col) => {
      if (vector) K.f.get(zero);
      else K.f.op(`${K.s}.const`, 0);
      const l = K.f.local(vector ? 'v128' : K.s, 'z');
      K.f.set(l);
      K.store(this.pc, s.c, [0, col], l, vector ? 1 : undefined);
    });
  }

  /** C[j] += Σₜ A[0, p+t]·B[p+t, j] over `rows` rows of B from p, in order. */
  private rowBlock(rows: number): void {
    const { K, s } = this;
    const f = K.f;
    const splat = K.dtype === 'float64' ? 'v128.load64_splat' : 'v128.load32_splat';
    const scalarA = Array.from({ length: rows }, (_, t) => f.local(K.s, `as${t}`));
    // pb = B[p, 0]; the row's A elements, splat and scalar
    K.pointer(this.pb, s.b, [{ local: this.p }, 0]);
    K.pointer(this.q, s.a, [0, { local: this.p }]);
    for (let t = 0; t < rows; t++) {
      f.mem(splat, K.at(this.q, s.a, [0, t]), Math.log2(K.es)).set(this.a[t]!);
      f.mem(`${K.s}.load`, K.at(this.q, s.a, [0, t]), Math.log2(K.es)).set(scalarA[t]!);
    }
    this.overC((vector, col) => {
      const ty = vector ? 'v128' : K.s;
      const op = vector ? K.v : K.s;
      const c = f.local(ty, 'c');
      // q = pb + j elements: B[p, j]
      f.get(this.pb).get(this.j).i32(Math.log2(K.es)).op('i32.shl').op('i32.add').set(this.q);
      if (vector) f.mem('v128.load', K.at(this.pc, s.c, [0, col]), Math.log2(K.es));
      else K.loadScalar(this.pc, s.c, [0, col]);
      for (let t = 0; t < rows; t++) {
        if (vector) f.mem('v128.load', K.at(this.q, s.b, [t, col]), Math.log2(K.es));
        else K.loadScalar(this.q, s.b, [t, col]);
        f.get(vector ? this.a[t]! : scalarA[t]!)
          .op(`${op}.mul`)
          .op(`${op}.add`);
      }
      f.set(c);
      K.store(this.pc, s.c, [0, col], c, vector ? 1 : undefined);
    });
  }

  /** C[j] = epilogue(C[j]) with its views at [0, j]. */
  private epilogue(e: Expr): void {
    const { K, s } = this;
    const f = K.f;
    const views = s.views ?? [];
    const pe = views.map((_, v) => f.local('i32', `pe${v}`));
    this.overC((vector, col) => {
      views.forEach((view, v) => K.pointer(pe[v]!, view, [0, { local: this.j }]));
      const out = f.local(vector ? 'v128' : K.s, 'out');
      K.expr(e, vector, (view) => {
        if (view < 0) {
          if (vector) f.mem('v128.load', K.at(this.pc, s.c, [0, col]), Math.log2(K.es));
          else K.loadScalar(this.pc, s.c, [0, col]);
        } else if (vector) K.loadVector(pe[view]!, views[view]!, [0, col], 1);
        else K.loadScalar(pe[view]!, views[view]!, [0, col]);
      });
      f.set(out);
      K.store(this.pc, s.c, [0, col], out, vector ? 1 : undefined);
    });
  }

  private overC(body: (vector: boolean, col: number) => void): void {
    overRow(this.K, { j: this.j, pc: this.pc }, this.s.c, this.s.m, body);
  }
}

/**
 * `body` for every element of a row of `m` elements of view `c`: two vectors at a time (`col` 0
 * and W, relative to j), then one, then single elements (a literal m's rest: its vectors, then
 * its elements); pc = c[0, j] set for each step.
 */
export function overRow(
  K: Kernel,
  at: { readonly j: number; readonly pc: number },
  c: View,
  m: Lin,
  body: (vector: boolean, col: number) => void,
): void {
  const W = K.W;
  K.blocks(at.j, m, [2 * W, W, 1], (len) => {
    K.pointer(at.pc, c, [0, { local: at.j }]);
    const vectors = Math.floor(len / W) * W;
    for (let col = 0; col < vectors; col += W) body(true, col);
    for (let col = vectors; col < len; col++) body(false, col);
  });
}
