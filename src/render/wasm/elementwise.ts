/**
 * Elementwise kernels (out = expr(loads…) over an n-d index space) and sum reductions along one
 * axis of a 2-d index space (out[i] = epilogue(Σⱼ summand[i, j]), or Σᵢ), every operand a
 * strided view (./kernel.ts), the formulas in the expression IR (src/kernel/expr.ts).
 *
 * Elementwise: axes that are contiguous in every view (literal sizes and strides) are merged;
 * the innermost axis along which `out` has stride 1 is vectorized (v128 loads where a view has
 * stride 1 there, splats where 0, lane-wise gathers otherwise), 4 vectors per step, then single
 * vectors and a scalar tail. `acc` in the expression is out's current value (out += …).
 *
 * Reductions, in one of three forms: `lanes` (the summed axis is contiguous in every summand
 * view: 4 vector accumulators of W lanes, added pairwise then horizontally, scalar tail),
 * `columns` (the kept axis is contiguous in `out` and the views: vectors of out accumulate down
 * the summed axis in order, as a JS loop would), `scalar` (any layout, in order).
 */
import { GradgenError } from '../../errors.js';
import { E, type Dtype, type Expr } from '../../kernel/expr.js';
import type { Func } from './instr.js';
import { isLit, Kernel, type KernelParam, type Lin, type View } from './kernel.js';

export interface ElementwiseSpec {
  readonly name: string;
  readonly dtype: Dtype;
  readonly params: readonly KernelParam[];
  readonly shape: readonly Lin[];
  /** One stride per axis of `shape`. */
  readonly out: View;
  readonly views: readonly View[];
  /** The value stored at each element: loads read `views`, `acc` reads `out`. */
  readonly expr: Expr;
}

/** Vectors per step of the elementwise inner loop (4 independent chains hide latency). */
const UNROLL = 4;

/** Merges axis a into a + 1 where every view (and out) is contiguous across them. */
function mergeAxes(shape: readonly Lin[], views: readonly View[]): { shape: Lin[]; views: View[] } {
  let sh = [...shape];
  let vs = views.map((v) => [...v.strides]);
  for (let a = sh.length - 2; a >= 0; a--) {
    const inner = sh[a + 1]!;
    const ok =
      typeof inner === 'number' &&
      typeof sh[a] === 'number' &&
      vs.every(
        (st) =>
          typeof st[a] === 'number' &&
          typeof st[a + 1] === 'number' &&
          st[a] === (st[a + 1] as number) * inner,
      );
    if (!ok) continue;
    sh = [...sh.slice(0, a), (sh[a] as number) * inner, ...sh.slice(a + 2)];
    vs = vs.map((st) => [...st.slice(0, a), st[a + 1]!, ...st.slice(a + 2)]);
  }
  return { shape: sh, views: views.map((v, i) => ({ base: v.base, strides: vs[i]! })) };
}

/** Moves axis `a` last. */
const toLast = <T>(xs: readonly T[], a: number): T[] => [
  ...xs.slice(0, a),
  ...xs.slice(a + 1),
  xs[a]!,
];

export function elementwiseFunc(s: ElementwiseSpec): Func {
  for (const v of [s.out, ...s.views])
    if (v.strides.length !== s.shape.length)
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `wasm elementwise ${s.name}: every view needs ${s.shape.length} strides`,
      );
  const K = new Kernel(s.name, s.dtype, s.params);
  const merged = mergeAxes(s.shape, [s.out, ...s.views]);
  let shape = merged.shape;
  let views = merged.views;
  // the vector axis: the innermost along which out is contiguous
  let vecAxis = -1;
  for (let a = shape.length - 1; a >= 0 && vecAxis < 0; a--)
    if (isLit(views[0]!.strides[a]!, 1)) vecAxis = a;
  if (vecAxis >= 0 && vecAxis !== shape.length - 1) {
    shape = toLast(shape, vecAxis);
    views = views.map((v) => ({ base: v.base, strides: toLast(v.strides, vecAxis) }));
  }
  if (shape.length === 0) shape = [1];
  const vector = vecAxis >= 0;
  K.f.note(`elementwise over [${shape.map(show).join(', ')}]${vector ? '' : ' (scalar)'}`);
  const ptrs = views.map((_, v) => K.f.local('i32', v === 0 ? 'po' : `p${v - 1}`));
  const ivs = shape.map((_, a) => K.f.local('i32', `i${a}`));
  const last = shape.length - 1;
  const nest = (a: number): void => {
    if (a < last) return K.blocks(ivs[a]!, shape[a]!, [1], () => nest(a + 1));
    const steps = vector ? [UNROLL * K.W, K.W, 1] : [1];
    K.blocks(ivs[a]!, shape[a]!, steps, (len) => {
      views.forEach((v, k) =>
        K.pointer(
          ptrs[k]!,
          v,
          ivs.map((l) => ({ local: l })),
        ),
      );
      const V = vector ? Math.floor(len / K.W) : 0;
      for (let q = 0; q < V; q++) element(K, views, ptrs, s.expr, q * K.W, true);
      for (let q = V * K.W; q < len; q++) element(K, views, ptrs, s.expr, q, false);
    });
  };
  nest(0);
  return K.finish();
}

/** out[… , x] = expr at inner offset x (a vector of W there, or one element). */
function element(
  K: Kernel,
  views: readonly View[],
  ptrs: readonly number[],
  expr: Expr,
  x: number,
  vector: boolean,
): void {
  const idx = views[0]!.strides.map((_, a, all) => (a === all.length - 1 ? x : 0));
  const out = K.f.local(vector ? 'v128' : K.s, 'v');
  K.expr(expr, vector, (view) => {
    const k = view < 0 ? 0 : view + 1;
    if (vector) K.loadVector(ptrs[k]!, views[k]!, idx, idx.length - 1);
    else K.loadScalar(ptrs[k]!, views[k]!, idx);
  });
  K.f.set(out);
  K.store(ptrs[0]!, views[0]!, idx, out, vector ? idx.length - 1 : undefined);
}

export interface ReduceSpec {
  readonly name: string;
  readonly dtype: Dtype;
  readonly params: readonly KernelParam[];
  /** [n, m]: the index space; `axis` is summed, the other kept. */
  readonly shape: readonly [Lin, Lin];
  readonly axis: 0 | 1;
  /** Summand views, strides [i, j]. */
  readonly views: readonly View[];
  /** The summand at [i, j] (loads read `views`); default load(0). */
  readonly summand?: Expr;
  /** One stride, along the kept axis. */
  readonly out: View;
  /** Applied to each sum (`acc`) as it is stored; loads read `epilogueViews` (one stride). */
  readonly epilogue?: Expr;
  readonly epilogueViews?: readonly View[];
}

export type ReduceForm = 'lanes' | 'columns' | 'scalar';

const show = (l: Lin) =>
  typeof l === 'number' ? `${l}` : `${l.mul ?? 1}·${l.sym}${l.add ? ` + ${l.add}` : ''}`;
const unit = (l: Lin) => isLit(l, 0) || isLit(l, 1);

/** The form a reduction compiles to. */
export function reduceForm(s: ReduceSpec): ReduceForm {
  const red = s.axis;
  const kept = 1 - s.axis;
  const lanes =
    s.views.every((v) => unit(v.strides[red]!)) && s.views.some((v) => isLit(v.strides[red]!, 1));
  const cols =
    isLit(s.out.strides[0]!, 1) &&
    s.views.every((v) => unit(v.strides[kept]!)) &&
    (s.epilogueViews ?? []).every((v) => unit(v.strides[0]!));
  return cols && (s.axis === 0 || !lanes)
    ? 'columns'
    : lanes
      ? 'lanes'
      : cols
        ? 'columns'
        : 'scalar';
}

export function reduceFunc(s: ReduceSpec): Func {
  const K = new Kernel(s.name, s.dtype, s.params);
  const form = reduceForm(s);
  // normalize to kept axis 0, summed axis 1
  const sw = (v: View): View =>
    s.axis === 1 ? v : { base: v.base, strides: [v.strides[1]!, v.strides[0]!] };
  const [n, m] = s.axis === 1 ? s.shape : [s.shape[1], s.shape[0]];
  const views = s.views.map(sw);
  const epViews = s.epilogueViews ?? [];
  const summand = s.summand ?? E.load(0);
  const epi = s.epilogue ?? E.acc;
  K.f.note(`out[${show(n)}] = Σ over ${show(m)} (axis ${s.axis} summed), ${form} form`);
  const i = K.f.local('i32', 'i');
  const j = K.f.local('i32', 'j');
  const ptrs = views.map((_, v) => K.f.local('i32', `p${v}`));
  const po = K.f.local('i32', 'po');
  const pe = epViews.map((_, v) => K.f.local('i32', `pe${v}`));
  const setPtrs = (inner: number | { local: number }) =>
    views.forEach((v, k) => K.pointer(ptrs[k]!, v, [{ local: i }, inner]));
  const store = (sum: number, vector: boolean, x: number) => {
    K.pointer(po, s.out, [{ local: i }]);
    epViews.forEach((v, k) => K.pointer(pe[k]!, v, [{ local: i }]));
    const out = K.f.local(vector ? 'v128' : K.s, 'v');
    K.expr(epi, vector, (view) => {
      if (view < 0) K.f.get(sum);
      else if (vector) K.loadVector(pe[view]!, epViews[view]!, [x], 0);
      else K.loadScalar(pe[view]!, epViews[view]!, [x]);
    });
    K.f.set(out);
    K.store(po, s.out, [x], out, vector ? 0 : undefined);
  };
  const summandAt = (idx: number[], vector: boolean, axis: number) =>
    K.expr(summand, vector, (view) => {
      if (view < 0)
        throw new GradgenError('E_BAD_ARGUMENT', `wasm reduce ${s.name}: the summand has no acc`);
      if (vector) K.loadVector(ptrs[view]!, views[view]!, idx, axis);
      else K.loadScalar(ptrs[view]!, views[view]!, idx);
    });
  if (form === 'columns') {
    // i walks the kept axis in blocks of vectors; j runs down the summed axis in order
    K.blocks(i, n, [UNROLL * K.W, K.W, 1], (len) => {
      const V = Math.floor(len / K.W);
      const lanes = [...Array(V).keys()].map((q) => ({ x: q * K.W, vector: true }));
      for (let x = V * K.W; x < len; x++) lanes.push({ x, vector: false });
      const accs = lanes.map(({ vector }) => K.f.local(vector ? 'v128' : K.s, 'acc'));
      lanes.forEach(({ vector }, q) => zero(K, accs[q]!, vector));
      K.blocks(j, m, [1], () => {
        setPtrs({ local: j });
        lanes.forEach(({ x, vector }, q) => {
          K.f.get(accs[q]!);
          summandAt([x, 0], vector, 0);
          K.f.op(vector ? `${K.v}.add` : `${K.s}.add`).set(accs[q]!);
        });
      });
      lanes.forEach(({ x, vector }, q) => store(accs[q]!, vector, x));
    });
    return K.finish();
  }
  K.blocks(i, n, [1], () => {
    const sum = K.f.local(K.s, 'sum');
    K.f.op(`${K.s}.const`, 0).set(sum);
    if (form === 'lanes') lanesSum(K, j, m, sum, setPtrs, summandAt);
    else
      K.blocks(j, m, [1], () => {
        setPtrs({ local: j });
        K.f.get(sum);
        summandAt([0, 0], false, 1);
        K.f.op(`${K.s}.add`).set(sum);
      });
    store(sum, false, 0);
  });
  return K.finish();
}

function zero(K: Kernel, local: number, vector: boolean): void {
  if (vector) K.f.get(K.splat({ k: 'const', value: 0 })).set(local);
  else K.f.op(`${K.s}.const`, 0).set(local);
}

/** sum += Σⱼ summand[i, j] with UNROLL vector accumulators, then pairwise, lanes, scalar tail. */
function lanesSum(
  K: Kernel,
  j: number,
  m: Lin,
  sum: number,
  setPtrs: (inner: { local: number }) => void,
  summandAt: (idx: number[], vector: boolean, axis: number) => void,
): void {
  const f = K.f;
  const accs = [...Array(UNROLL).keys()].map((q) => f.local('v128', `acc${q}`));
  accs.forEach((a) => zero(K, a, true));
  K.blocks(j, m, [UNROLL * K.W, K.W, 1], (len) => {
    setPtrs({ local: j });
    const V = Math.floor(len / K.W);
    for (let q = 0; q < V; q++) {
      f.get(accs[q]!);
      summandAt([0, q * K.W], true, 1);
      f.op(`${K.v}.add`).set(accs[q]!);
    }
    for (let x = V * K.W; x < len; x++) {
      f.get(sum);
      summandAt([0, x], false, 1);
      f.op(`${K.s}.add`).set(sum);
    }
  });
  // (acc0 + acc1) + (acc2 + acc3), then its lanes, then the tail already in sum
  f.get(accs[0]!)
    .get(accs[1]!)
    .op(`${K.v}.add`)
    .get(accs[2]!)
    .get(accs[3]!)
    .op(`${K.v}.add`)
    .op(`${K.v}.add`);
  const t = f.local('v128', 'total');
  f.set(t);
  for (let l = 0; l < K.W; l++) {
    f.get(t).op(`${K.v}.extract_lane`, l);
    if (l > 0) f.op(`${K.s}.add`);
  }
  f.get(sum).op(`${K.s}.add`).set(sum);
}
