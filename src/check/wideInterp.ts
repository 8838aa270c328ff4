/**
 * The reference interpreter again, in double-double with an unbounded exponent (`wideDD.ts`):
 * the value of a graph to ~32 digits for the same float64 inputs, from a semantics per op, with
 * no intermediate overflow or underflow. The rewrite audit measures float64 results against it.
 * Layout ops only move elements, so their float64 `eval` is run on element indices to learn where
 * each element goes; sums and products accumulate in the wide arithmetic.
 */
import { toposort, leavesOf } from '../ir/graph.js';
import { broadcastStrides } from '../ir/interp.js';
import { assertNever, type ApplyNode, type Attrs, type Node } from '../ir/node.js';
import { concreteShape, sizeOf } from '../ir/shape.js';
import { bindInputs, type InputValues } from '../ir/values.js';
import { opDef, type OpName } from '../ops/index.js';
import { reducedAxes } from '../ops/sum.js';
import { reductionIndex } from '../ops/reduceMax.js';
import * as W from './wideDD.js';
import type { Wide } from './wideDD.js';

/** A tensor of reference values, row-major. */
export interface WideTensor {
  readonly shape: readonly number[];
  readonly values: readonly Ref[];
}

/**
 * A reference value and a bound on its absolute error. Inputs are exact; each operation adds its
 * rounding and propagates its operands' errors through its derivative, so that a reference that
 * cannot decide (log(eˣ) for a subnormal x: 1 + x is 1 to 106 bits) says so rather than mislead.
 */
export interface Ref {
  readonly v: Wide;
  readonly err: Wide;
}

/** The rounding of one double-double operation (elementary functions: a little more). */
const EPS = W.fromNumber(2 ** -100);
const { abs, add, mul } = W;
const rounding = (v: Wide) => mul(abs(v), EPS);

type Scalar = (xs: readonly Ref[], attrs: Attrs) => Ref;

/** a + b: the operands' errors, plus the rounding, or the absorbed operand (~100 bits apart). */
function sum(a: Ref, b: Ref): Ref {
  const v = add(a.v, b.v);
  const [big, small] = a.v.e >= b.v.e ? [a.v, b.v] : [b.v, a.v];
  const absorbed = W.sign(small) !== 0 && W.sign(big) !== 0 && big.e - small.e > 100;
  return { v, err: add(add(a.err, b.err), absorbed ? abs(small) : rounding(v)) };
}
const negate = (a: Ref): Ref => ({ v: W.neg(a.v), err: a.err });
/** a·b: |a|·δb + |b|·δa + δa·δb, plus the rounding. */
function product(a: Ref, b: Ref): Ref {
  const v = mul(a.v, b.v);
  const spread = add(add(mul(abs(a.v), b.err), mul(abs(b.v), a.err)), mul(a.err, b.err));
  return { v, err: add(spread, rounding(v)) };
}
/** a/b = a·(1/b), with δ(1/b) = δb/(|b|(|b| − δb)) (infinite when b's error reaches 0). */
function quotient(a: Ref, b: Ref): Ref {
  const room = W.sub(abs(b.v), b.err);
  const inverse: Ref = {
    v: W.div(W.ONE, b.v),
    err:
      W.sign(b.err) === 0
        ? rounding(W.div(W.ONE, b.v))
        : W.sign(room) > 0
          ? W.div(b.err, mul(abs(b.v), room))
          : W.fromNumber(Infinity),
  };
  const v = W.div(a.v, b.v);
  const p = product(a, inverse);
  return { v, err: add(p.err, rounding(v)) };
}
/** f(x) with |f′(x)| given from x and y = f(x): δy = |f′|·δx + rounding. */
const unary = (f: (x: Wide) => Wide, slope: (x: Wide, y: Wide) => Wide) => {
  return ([a]: readonly Ref[]): Ref => {
    const v = f(a!.v);
    const spread = W.sign(a!.err) === 0 ? W.ZERO : mul(abs(slope(a!.v, v)), a!.err);
    return {
      v,
      err: add(Number.isNaN(spread.m[0]) ? W.fromNumber(Infinity) : spread, rounding(v)),
    };
  };
};
/** A decision (a comparison, a branch) the operands' errors may overturn. */
const decided = (a: Ref, b: Ref) =>
  W.compare(abs(W.sub(a.v, b.v)), add(a.err, b.err)) > 0 ||
  (W.sign(a.err) === 0 && W.sign(b.err) === 0);
const UNDECIDED: Ref = { v: W.ZERO, err: W.fromNumber(Infinity) };
const bracket =
  (test: (c: number) => boolean): Scalar =>
  ([a, b]) =>
    decided(a!, b!) ? { v: test(W.compare(a!.v, b!.v)) ? W.ONE : W.ZERO, err: W.ZERO } : UNDECIDED;
const chosen = (f: (a: Wide, b: Wide) => Wide): Scalar => {
  return ([a, b]) => {
    const v = f(a!.v, b!.v);
    const err = decided(a!, b!) ? (v === a!.v ? a!.err : b!.err) : W.max(a!.err, b!.err);
    return { v, err };
  };
};
const n = W.fromNumber;

/** The reference semantics of each elementwise op (a test checks every one of `OPS` has one). */
export const WIDE_SCALAR: Partial<Record<OpName, Scalar>> = {
  add: ([a, b]) => sum(a!, b!),
  sub: ([a, b]) => sum(a!, negate(b!)),
  mul: ([a, b]) => product(a!, b!),
  div: ([a, b]) => quotient(a!, b!),
  neg: ([a]) => negate(a!),
  // |f′| from x and y: eˣ → y; log → 1/x; √ → 1/(2y); xᵏ → k·y/x; σ → y(1 − y); tanh → 1 − y²
  exp: unary(W.exp, (_x, y) => y),
  log: unary(W.log, (x) => W.div(W.ONE, x)),
  // log1p → 1/(1 + x); expm1 → eˣ = y + 1
  log1p: unary(W.log1p, (x) => W.div(W.ONE, W.add(W.ONE, x))),
  expm1: unary(W.expm1, (_x, y) => W.add(y, W.ONE)),
  sqrt: unary(W.sqrt, (_x, y) => W.div(W.ONE, mul(n(2), y))),
  square: ([a]) => product(a!, a!),
  abs: unary(W.abs, () => W.ONE),
  sign: ([a]) => ({ v: n(W.sign(a!.v)), err: decided(a!, exact(0)) ? W.ZERO : n(Infinity) }),
  pow: ([a], attrs) => {
    const k = attrs.k as number;
    return unary(
      (x) => W.pow(x, k),
      (x) => mul(n(k), W.pow(x, k - 1)),
    )([a!]);
  },
  sigmoid: unary(W.sigmoid, (_x, y) => mul(y, W.sub(W.ONE, y))),
  softplus: unary(W.softplus, (x) => W.sigmoid(x)),
  tanh: unary(W.tanh, (_x, y) => W.sub(W.ONE, mul(y, y))),
  relu: unary(
    (x) => (W.sign(x) > 0 ? x : W.ZERO),
    () => W.ONE,
  ),
  leakyRelu: ([a], attrs) => {
    const slope = attrs.slope as number;
    return unary(
      (x) => (W.sign(x) > 0 ? x : mul(n(slope), x)),
      () => W.ONE,
    )([a!]);
  },
  // min(max(x, lo), hi): the chosen operand's error, or both's where the choice is undecided
  clip: ([a], attrs) => {
    const above = chosen(W.max)([a!, exact(attrs.lo as number)], attrs);
    return chosen(W.min)([above, exact(attrs.hi as number)], attrs);
  },
  max: chosen(W.max),
  min: chosen(W.min),
  gt: bracket((c) => c > 0),
  ge: bracket((c) => c >= 0),
  lt: bracket((c) => c < 0),
  le: bracket((c) => c <= 0),
  eq: bracket((c) => c === 0),
  where: ([c, a, b]) => {
    // the branch is known when the condition is exactly 0 or certainly not (|c| > its error)
    const zero = W.sign(c!.v) === 0 && W.sign(c!.err) === 0;
    if (!zero && W.compare(abs(c!.v), c!.err) <= 0) return UNDECIDED;
    return zero ? b! : a!;
  },
  broadcastTo: ([a]) => a!,
};

function exact(x: number): Ref {
  return { v: W.fromNumber(x), err: W.ZERO };
}
const ZERO = exact(0);

function elementwise(f: Scalar, attrs: Attrs, args: readonly WideTensor[], shape: number[]) {
  const strides = args.map((a) => broadcastStrides(a.shape, shape));
  const values: Ref[] = [];
  for (let k = 0; k < sizeOf(shape); k++) {
    let rest = k;
    const offsets = args.map(() => 0);
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      const i = rest % shape[axis]!;
      rest = Math.floor(rest / shape[axis]!);
      strides.forEach((s, j) => (offsets[j]! += i * s[axis]!));
    }
    values.push(
      f(
        args.map((a, j) => a.values[offsets[j]!]!),
        attrs,
      ),
    );
  }
  return { shape, values };
}

function sumWide(x: WideTensor, attrs: Attrs, shape: number[]): WideTensor {
  const axes = reducedAxes(attrs, x.shape.length);
  const acc: Ref[] = Array.from({ length: Math.max(1, sizeOf(shape)) }, () => ZERO);
  const keptStrides: number[] = [];
  let stride = 1;
  for (let i = x.shape.length - 1; i >= 0; i--) {
    keptStrides[i] = axes.includes(i) ? 0 : stride;
    if (!axes.includes(i)) stride *= x.shape[i]!;
  }
  x.values.forEach((v, k) => {
    let rest = k;
    let o = 0;
    for (let i = x.shape.length - 1; i >= 0; i--) {
      o += (rest % x.shape[i]!) * keptStrides[i]!;
      rest = Math.floor(rest / x.shape[i]!);
    }
    acc[o] = sum(acc[o]!, v);
  });
  return { shape, values: acc };
}

/** Each element's result index, from the float64 layout of a reduction. */
const groupsOf = (x: WideTensor, attrs: Attrs) =>
  reductionIndex({ shape: x.shape, data: new Float64Array(x.values.length) }, attrs);

/** max (min) per result: the chosen element's reference (both errors where the choice is open). */
function extremumWide(x: WideTensor, attrs: Attrs, shape: number[], isMax: boolean): WideTensor {
  const { out } = groupsOf(x, attrs);
  const pick = chosen(isMax ? W.max : W.min);
  const acc: (Ref | undefined)[] = new Array(Math.max(1, sizeOf(shape))).fill(undefined);
  x.values.forEach((v, k) => {
    const a = acc[out[k]!];
    acc[out[k]!] = a ? pick([a, v], attrs) : v;
  });
  return { shape, values: acc.map((a) => a!) };
}

/** The first position of the max (min) per result, undecided where some comparison is. */
function argWide(x: WideTensor, attrs: Attrs, shape: number[], isMax: boolean): WideTensor {
  const { out, pos } = groupsOf(x, attrs);
  const best: (Ref | undefined)[] = [];
  const at: number[] = new Array(Math.max(1, sizeOf(shape))).fill(0);
  const open: boolean[] = [];
  x.values.forEach((v, k) => {
    const o = out[k]!;
    const b = best[o];
    if (b && !decided(v, b)) open[o] = true;
    const c = b ? W.compare(v.v, b.v) : NaN;
    if (!b || (isMax ? c > 0 : c < 0)) {
      best[o] = v;
      at[o] = pos[k]!;
    }
  });
  return { shape, values: at.map((p, o) => (open[o] ? UNDECIDED : exact(p))) };
}

function matmulWide(a: WideTensor, b: WideTensor, shape: number[]): WideTensor {
  const [n, m] = shape as [number, number];
  const k = a.shape[1]!;
  const values: Ref[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = ZERO;
      for (let p = 0; p < k; p++) {
        const [x, y] = [a.values[i * k + p]!, b.values[p * m + j]!];
        s = sum(s, product(x!, y!));
      }
      values.push(s);
    }
  }
  return { shape, values };
}

/**
 * softmax, logSoftmax or logsumexp along `attrs.axis`, from wide exps: the unbounded exponent
 * needs no max-shift. logsumexp keeps the axis as 1, as the op does.
 */
function softmaxWide(
  x: WideTensor,
  attrs: Attrs,
  shape: number[],
  kind: 'softmax' | 'logSoftmax' | 'logsumexp',
): WideTensor {
  const axis = attrs.axis as number;
  const n = x.shape[axis]!;
  const inner = x.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const exps = x.values.map((v) => WIDE_SCALAR.exp!([v], {}));
  const values: Ref[] = new Array<Ref>(sizeOf(shape));
  for (let o = 0; o < x.values.length / n; o++) {
    const base = Math.floor(o / inner) * n * inner + (o % inner);
    let total = ZERO;
    for (let k = 0; k < n; k++) total = sum(total, exps[base + k * inner]!);
    if (kind === 'logsumexp') values[o] = WIDE_SCALAR.log!([total], {});
    for (let k = 0; k < n && kind !== 'logsumexp'; k++) {
      const p = quotient(exps[base + k * inner]!, total);
      values[base + k * inner] = kind === 'softmax' ? p : WIDE_SCALAR.log!([p], {});
    }
  }
  return { shape, values };
}

function structural(
  n: ApplyNode,
  args: readonly WideTensor[],
  shape: number[],
  dims: Record<string, number>,
): WideTensor {
  const def = opDef(n.op);
  if (def.kind !== 'structural') throw new Error(`internal: ${n.op} is not structural`);
  if (n.op === 'sum') return sumWide(args[0]!, n.attrs, shape);
  if (n.op === 'matmul') return matmulWide(args[0]!, args[1]!, shape);
  if (n.op === 'softmax' || n.op === 'logSoftmax' || n.op === 'logsumexp') {
    return softmaxWide(args[0]!, n.attrs, shape, n.op);
  }
  if (n.op === 'reduceMax' || n.op === 'reduceMin')
    return extremumWide(args[0]!, n.attrs, shape, n.op === 'reduceMax');
  if (n.op === 'argmax' || n.op === 'argmin')
    return argWide(args[0]!, n.attrs, shape, n.op === 'argmax');
  // a marker for the differentiators: its value is its operand's
  if (n.op === 'stopGradient') return args[0]!;
  if (args.length === 0) {
    return { shape, values: [...def.eval([], n.attrs, shape, dims)].map(exact) };
  }
  if (def.view || def.moves) {
    // a layout op moves elements: run it on their (1-based) indices to learn where each one
    // goes; 0 is a zero it fills in (pad)
    const all = args.flatMap((a) => a.values);
    let next = 1;
    const indexed = args.map((a) => ({
      shape: a.shape,
      data: Float64Array.from(a.values, () => next++),
    }));
    const moved = def.eval(indexed, n.attrs, shape, dims);
    return { shape, values: [...moved].map((i) => (i === 0 ? ZERO : all[i - 1]!)) };
  }
  throw new Error(`internal: no reference semantics for op '${n.op}'`);
}

/** The reference value of every node `roots` need, for the float64 `values` of their leaves. */
export function runWide(roots: readonly Node[], values: InputValues): Map<Node, WideTensor> {
  const bound = bindInputs(leavesOf(roots, 'audit'), values, 'audit');
  const result = new Map<Node, WideTensor>();
  for (const n of toposort(roots)) {
    const shape = concreteShape(n.shape, bound.dims, 'audit', n.site);
    switch (n.kind) {
      case 'input':
      case 'param':
        result.set(n, { shape, values: [...bound.data.get(n)!].map(exact) });
        break;
      case 'const':
        result.set(n, { shape, values: new Array<Ref>(sizeOf(shape)).fill(exact(n.value)) });
        break;
      case 'apply': {
        const args = n.args.map((a) => result.get(a)!);
        const f = WIDE_SCALAR[n.op as OpName];
        if (opDef(n.op).kind === 'elementwise') {
          if (!f) throw new Error(`internal: no reference semantics for op '${n.op}'`);
          result.set(n, elementwise(f, n.attrs, args, shape));
        } else result.set(n, structural(n, args, shape, bound.dims));
        break;
      }
      default:
        assertNever(n);
    }
  }
  return result;
}
