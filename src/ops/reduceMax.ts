import type { Attrs, Node } from '../ir/node.js';
import type * as Builder from '../builder/core.js';
import { forLoop, type KernelWriter, type StructuralOp, type TensorValue } from './define.js';
import { reducedAxes, reducedShape, reductionCall, reductionShape } from './sum.js';

/**
 * For each element of x (row-major), the flat index of the result it is reduced into, and its
 * position (row-major) among the elements reduced into that result.
 */
export function reductionIndex(x: TensorValue, attrs: Attrs): { out: number[]; pos: number[] } {
  const axes = reducedAxes(attrs, x.shape.length);
  const keptStrides: number[] = [];
  const posStrides: number[] = [];
  let kept = 1;
  let reduced = 1;
  for (let i = x.shape.length - 1; i >= 0; i--) {
    const inAxes = axes.includes(i);
    keptStrides[i] = inAxes ? 0 : kept;
    posStrides[i] = inAxes ? reduced : 0;
    if (inAxes) reduced *= x.shape[i]!;
    else kept *= x.shape[i]!;
  }
  const out: number[] = [];
  const pos: number[] = [];
  const index = new Array<number>(x.shape.length).fill(0);
  for (let k = 0; k < x.data.length; k++) {
    let o = 0;
    let p = 0;
    for (let i = 0; i < index.length; i++) {
      o += index[i]! * keptStrides[i]!;
      p += index[i]! * posStrides[i]!;
    }
    out.push(o);
    pos.push(p);
    for (let i = index.length - 1; i >= 0; i--) {
      if (++index[i]! < x.shape[i]!) break;
      index[i] = 0;
    }
  }
  return { out, pos };
}

/**
 * The loops of a reduction that keeps a running value per result: the kept axes outside, the
 * reduced ones inside (in row-major order, so `step` sees the elements in order), each result
 * stored through the epilogue. `start` declares the running locals; `step(v)` folds in one element.
 */
export function emitRunning(
  k: KernelWriter,
  start: () => void,
  step: (value: string) => void,
  result: () => string,
): void {
  const dims = k.args[0]!.dims;
  const axes = reducedAxes(k.attrs, dims.length);
  const idx = dims.map((_, a) => k.local(`i${a}`));
  const keptAxes = dims.map((_, a) => a).filter((a) => !axes.includes(a));
  const keptIdx = keptAxes.map((a) => idx[a]!);
  const outIdx =
    k.attrs.keepdims === true
      ? idx.map((v, a) => (axes.includes(a) ? '0' : v))
      : keptIdx.length > 0
        ? keptIdx
        : ['0'];
  // the running locals are declared outside every loop when all axes are reduced: a block
  const topLevel = keptAxes.length === 0;
  if (topLevel) k.line('{');
  keptAxes.forEach((a) => k.line(forLoop(idx[a]!, dims[a]!)));
  start();
  axes.forEach((a) => k.line(forLoop(idx[a]!, dims[a]!)));
  step(k.load(0, idx));
  axes.forEach(() => k.line('}'));
  k.store(k.outIsScalar ? [] : outIdx, result());
  keptAxes.forEach(() => k.line('}'));
  if (topLevel) k.line('}');
}

/** x broadcast against the result kept as 1s on the reduced axes. */
function kept(b: typeof Builder, n: Node, x: Node, attrs: Attrs): Node {
  return attrs.keepdims === true
    ? n
    : b.reshape(n, reducedShape(x.shape, reducedAxes(attrs, x.shape.length), true));
}

/**
 * The kinks of a max (min) reduction and of its arg: x − max is 0 exactly at the tied elements and
 * of one sign elsewhere, so its signs change exactly where the set of tied elements does.
 */
export function extremumKinks(
  op: 'reduceMax' | 'reduceMin',
  x: Node,
  attrs: Attrs,
  b: typeof Builder,
): Node[] {
  return [b.sub(x, kept(b, b.apply(op, [x], attrs), x, attrs))];
}

/** max or min over some axes (attrs as `sum`'s); NaN if any reduced element is NaN. */
function extremum(name: 'reduceMax' | 'reduceMin'): StructuralOp {
  const isMax = name === 'reduceMax';
  const pick = isMax ? Math.max : Math.min;
  const fn = isMax ? 'Math.max' : 'Math.min';
  /** [x = the extremum of its group]: the tied elements, which share the derivative evenly. */
  const ties = (b: typeof Builder, x: Node, out: Node, attrs: Attrs) =>
    b.eq(x, kept(b, out, x, attrs));
  const count = (b: typeof Builder, mask: Node, attrs: Attrs, keepdims: boolean) =>
    b.apply('sum', [mask], { axis: attrs.axis ?? null, keepdims });
  return {
    kind: 'structural',
    name,
    arity: 1,
    commutative: false,
    smooth: false,
    shape: reductionShape(name),
    eval: ([x], attrs, outShape) => {
      const out = new Float64Array(
        Math.max(
          1,
          outShape.reduce((p, d) => p * d, 1),
        ),
      );
      out.fill(isMax ? -Infinity : Infinity);
      const { out: into } = reductionIndex(x!, attrs);
      x!.data.forEach((v, k) => (out[into[k]!] = pick(out[into[k]!]!, v)));
      return out;
    },
    emit: (k) => {
      const acc = k.local('acc');
      emitRunning(
        k,
        () => k.line(`let ${acc} = ${isMax ? '-Infinity' : 'Infinity'};`),
        (v) => k.line(`${acc} = ${fn}(${acc}, ${v});`),
        () => acc,
      );
    },
    // the extremum is one of the elements
    range: ([a]) => a!,
    math: (args, attrs) => reductionCall(isMax ? 'max' : 'min', args, attrs),
    // d max = Σ [tied]·dx / (number of ties)
    jvp: ({ tangents: [t], args: [x], out, attrs, b }) => {
      if (!t) return null;
      const mask = ties(b, x!, out, attrs);
      const keepdims = attrs.keepdims === true;
      return b.div(count(b, b.mul(mask, t), attrs, keepdims), count(b, mask, attrs, keepdims));
    },
    // ∂max/∂xᵢ = [xᵢ tied with the max]/(number of ties): ties split the gradient evenly
    vjp: ({ g, args: [x], out, attrs, b }) => {
      const mask = ties(b, x!, out, attrs);
      return [b.mul(mask, b.div(kept(b, g, x!, attrs), count(b, mask, attrs, true)))];
    },
    // the piece is the set of tied elements
    kinks: ([x], attrs, b) => extremumKinks(name, x!, attrs, b),
  };
}

export const reduceMax = extremum('reduceMax');
export const reduceMin = extremum('reduceMin');
