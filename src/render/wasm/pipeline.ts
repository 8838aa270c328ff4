/**
 * Two GEMMs over the rows of one matrix X in one pass (the kernel IR's pipelining,
 * src/kernel/pipeline.ts):
 *
 *   g: C₁ (n × 1) = epilogue(X (n × k) · B (k × 1))     dw = X·dZᵀ, with w's update as epilogue
 *   z: C₂ (1 × k) = C₁ᵀ·X                              the next step's product w'ᵀX
 *
 * Each block of `rows` rows of X is read once for both, while it is in L1: the block's dot
 * products, their epilogue into C₁, then the block's row updates of C₂ from the values just
 * computed. Done apart, the two read all of X from memory (or L3) each; W2's X is 20 MB.
 *
 * The sums are the separate kernels', bit for bit: each dot product as the dot form's (./gemm.ts:
 * vector lanes along k, their sum, then the k mod W rest in order) and each element of C₂ in row
 * order, as the streamed form's (./stream.ts). No fused multiply-add.
 */
import { E } from '../../kernel/expr.js';
import { dotTail, dotVectors } from './dot.js';
import { gemmForm, type GemmSpec } from './gemm.js';
import type { Func } from './instr.js';
import { isLit, Kernel, type View } from './kernel.js';
import { overRow, streams } from './stream.js';

/**
 * Rows of X per block: the one-column dot form's (./gemm.ts tilesOf: R sums, one B and one X
 * vector live). Measured on W2's shape (12288 × m) with our encoder: 6 rows at m = 209 and 8 at
 * m = 1024 both ran the pass 1.4–2.4× (median 1.6×) the speed of the two kernels apart.
 */
export const PIPELINE_ROWS = 6;

const sameView = (a: View, b: View) => JSON.stringify(a) === JSON.stringify(b);

/** Why `g` then `z` cannot be one pass (undefined: they can). */
export function pipelineProblem(g: GemmSpec, z: GemmSpec): string | undefined {
  if (!isLit(g.m, 1) || g.accumulate || gemmForm(g) !== 'dot') return 'g is not a dot-form column';
  if (!isLit(z.n, 1) || z.accumulate || (z.epilogue ?? E.acc).k !== 'acc' || !streams(z))
    return 'z is not a streamed row without epilogue';
  if (!sameView(g.a, z.b)) return 'g and z read different views of X';
  // (z's A is g's C: the same buffer, along the same axis; one element has no stride to match)
  const along = isLit(g.n, 1) || JSON.stringify(z.a.strides[1]) === JSON.stringify(g.c.strides[0]);
  if (JSON.stringify(z.a.base) !== JSON.stringify(g.c.base) || !along) return "z's A is not g's C";
  return undefined;
}

export function pipelineFunc(g: GemmSpec, z: GemmSpec, rows: number): Func {
  const problem = pipelineProblem(g, z);
  if (problem) throw new Error(`internal: wasm pipeline ${g.name}: ${problem}`);
  const K = new Kernel(g.name, g.dtype, g.params);
  K.f.note(
    `C₁ = epilogue(X·B) and C₂ = C₁ᵀ·X in one pass over X's rows, ${rows} rows at a time (dot form, then streamed rows)`,
  );
  new Pipeline(K, g, z).emit(rows);
  return K.finish();
}

class Pipeline {
  private readonly f: Kernel['f'];
  private readonly i: number;
  private readonly j: number;
  private readonly pa: number;
  private readonly pb: number;
  private readonly pc: number;
  private readonly end: number;
  private readonly q: number;
  private readonly pe: number[];

  constructor(
    private readonly K: Kernel,
    private readonly g: GemmSpec,
    private readonly z: GemmSpec,
  ) {
    const f = K.f;
    this.f = f;
    this.i = f.local('i32', 'i');
    this.j = f.local('i32', 'j');
    this.pa = f.local('i32', 'pa');
    this.pb = f.local('i32', 'pb');
    this.pc = f.local('i32', 'pc');
    this.end = f.local('i32', 'end');
    this.q = f.local('i32', 'q');
    this.pe = (g.views ?? []).map((_, v) => f.local('i32', `pe${v}`));
  }

  emit(rows: number): void {
    this.clear();
    this.K.blocks(this.i, this.g.n, [rows, 1], (R) => {
      const sums = this.dots(R);
      const values = this.epilogue(sums);
      this.rowUpdates(values);
    });
  }

  /** C₂ = 0. */
  private clear(): void {
    const { K, z } = this;
    const zero = K.splat({ k: 'const', value: 0 });
    this.overRow((vector, col) => {
      const l = K.f.local(vector ? 'v128' : K.s, 'z');
      if (vector) K.f.get(zero);
      else K.f.op(`${K.s}.const`, 0);
      K.f.set(l);
      K.store(this.pc, z.c, [0, col], l, vector ? 1 : undefined);
    });
  }

  /** The R dot products X[i + r, :]·B[:, 0], as the dot form sums them (./dot.ts), into locals. */
  private dots(R: number): number[] {
    const { K, g, f } = this;
    f.note(`${R} rows of X: dot products with B`);
    K.pointer(this.pa, g.a, [{ local: this.i }, 0]);
    K.pointer(this.pb, g.b, [0, 0]);
    const acc = Array.from({ length: R }, (_, r) => [f.local('v128', `c${r}`)]);
    const zero = K.splat({ k: 'const', value: 0 });
    for (const [l] of acc) f.get(zero).set(l!);
    const at = { pa: this.pa, pb: this.pb, end: this.end };
    dotVectors(K, at, g.a, g.b, acc, g.k);
    const sums = acc.map(([v], r) => {
      const s = f.local(K.s, `s${r}`);
      K.laneSum(v!);
      f.set(s);
      return [s];
    });
    dotTail(K, at, g.a, g.b, sums, g.k);
    return sums.map(([s]) => s!);
  }

  /** C₁[i + r, 0] = epilogue(sum r), each value also kept in a scalar local (returned). */
  private epilogue(sums: readonly number[]): number[] {
    const { K, g, f } = this;
    const views = g.views ?? [];
    views.forEach((view, v) => K.pointer(this.pe[v]!, view, [{ local: this.i }, 0]));
    K.pointer(this.pc, g.c, [{ local: this.i }, 0]);
    return sums.map((s, r) => {
      const out = f.local(K.s, `w${r}`);
      K.expr(g.epilogue ?? E.acc, false, (view) => {
        if (view < 0) f.get(s);
        else K.loadScalar(this.pe[view]!, views[view]!, [r, 0]);
      });
      f.set(out);
      K.store(this.pc, g.c, [r, 0], out);
      return out;
    });
  }

  /** C₂[0, j] += Σᵣ C₁[i + r, 0]·X[i + r, j] in row order, for every j (the rows from L1). */
  private rowUpdates(values: readonly number[]): void {
    const { K, z, f } = this;
    f.note(`the same ${values.length} rows of X: row updates of C₂`);
    const splats = values.map((w, r) => {
      const v = f.local('v128', `a${r}`);
      f.get(w).op(`${K.v}.splat`).set(v);
      return v;
    });
    const row = f.local('i32', 'row');
    K.pointer(row, z.b, [{ local: this.i }, 0]);
    this.overRow((vector, col) => {
      const ty = vector ? 'v128' : K.s;
      const op = vector ? K.v : K.s;
      const c = f.local(ty, 'c');
      // q = X[i, j]
      f.get(row).get(this.j).i32(Math.log2(K.es)).op('i32.shl').op('i32.add').set(this.q);
      if (vector) f.mem('v128.load', K.at(this.pc, z.c, [0, col]), Math.log2(K.es));
      else K.loadScalar(this.pc, z.c, [0, col]);
      values.forEach((w, r) => {
        if (vector) f.mem('v128.load', K.at(this.q, z.b, [r, col]), Math.log2(K.es));
        else K.loadScalar(this.q, z.b, [r, col]);
        f.get(vector ? splats[r]! : w)
          .op(`${op}.mul`)
          .op(`${op}.add`);
      });
      f.set(c);
      K.store(this.pc, z.c, [0, col], c, vector ? 1 : undefined);
    });
  }

  private overRow(body: (vector: boolean, col: number) => void): void {
    overRow(this.K, { j: this.j, pc: this.pc }, this.z.c, this.z.m, body);
  }
}
