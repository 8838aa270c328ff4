import * as I from './interval.js';
import type { Attrs } from '../ir/node.js';
import { forLoop, printed, PREC, sizeExpr, type Printed, type StructuralOp } from './define.js';
import { GradgenError, at } from '../errors.js';
import { formatShape, type Dim, type Shape } from '../ir/shape.js';

/** The reduced axes (normalized, sorted); `null` in attrs means every axis. */
export function reducedAxes(attrs: Attrs, rank: number): number[] {
  const axis = attrs.axis as readonly number[] | null;
  return axis === null ? [...Array(rank).keys()] : [...axis];
}

/** Shape after summing `axes` of `shape` (kept as 1s with keepdims). */
export function reducedShape(shape: Shape, axes: readonly number[], keepdims: boolean): Dim[] {
  const out: Dim[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

/** The shape rule of a reduction over attrs' axes (`sum`, `reduceMax`, `argmax`, …). */
export function reductionShape(op: string): StructuralOp['shape'] {
  return ([x], attrs, site) => {
    const axes = reducedAxes(attrs, x!.length);
    for (const a of axes) {
      if (!Number.isInteger(a) || a < 0 || a >= x!.length) {
        throw new GradgenError(
          'E_SHAPE',
          `${op}: axis ${a} is out of range for shape ${formatShape(x!)}${at(site())}`,
        );
      }
    }
    return reducedShape(x!, axes, attrs.keepdims === true);
  };
}

/** How a reduction reads in a formula: `Σ_1 x`, `max x`, `argmax_0 (a + b)`. */
export function reductionMath(symbol: string, [x]: readonly Printed[], attrs: Attrs): Printed {
  const axis = attrs.axis as readonly number[] | null;
  return printed(
    `${symbol}${axis === null ? '' : `_${axis.join(',')}`} ${x!.prec >= PREC.atom ? x!.text : `(${x!.text})`}`,
    PREC.unary,
  );
}

/**
 * A reduction written as a function of its operand: `max_1(x)`, `argmax_0_2(x)` (axes 0 and 2),
 * `max(a + b)` (every axis). One word before `(`: it reads as a function, never as a name.
 */
export function reductionCall(symbol: string, [x]: readonly Printed[], attrs: Attrs): Printed {
  const axis = attrs.axis as readonly number[] | null;
  const sub = axis === null ? '' : axis.map((a) => `_${a}`).join('');
  return printed(`${symbol}${sub}(${x!.text})`, PREC.atom);
}

/**
 * Σ of all of `data` by Neumaier's compensated summation: the error does not grow with the length,
 * which keeps a cost's round-off (and so a gradient check's noise floor) small.
 */
export function compensatedSum(data: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Σ over some axes (attrs: `axis` = sorted axis list or null for all, `keepdims`). Summing every
 * axis without keepdims gives a scalar.
 */
export const sum: StructuralOp = {
  kind: 'structural',
  name: 'sum',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: reductionShape('sum'),
  eval: ([x], attrs, outShape) => {
    const axes = reducedAxes(attrs, x!.shape.length);
    if (axes.length === x!.shape.length) return Float64Array.of(compensatedSum(x!.data));
    const out = new Float64Array(
      Math.max(
        1,
        outShape.reduce((p, d) => p * d, 1),
      ),
    );
    const keptStrides: number[] = [];
    let stride = 1;
    for (let i = x!.shape.length - 1; i >= 0; i--) {
      keptStrides[i] = axes.includes(i) ? 0 : stride;
      if (!axes.includes(i)) stride *= x!.shape[i]!;
    }
    const index = new Array<number>(x!.shape.length).fill(0);
    for (let k = 0; k < x!.data.length; k++) {
      let o = 0;
      for (let i = 0; i < index.length; i++) o += index[i]! * keptStrides[i]!;
      out[o]! += x!.data[k]!;
      for (let i = index.length - 1; i >= 0; i--) {
        if (++index[i]! < x!.shape[i]!) break;
        index[i] = 0;
      }
    }
    return out;
  },
  emit: (k) => {
    const [x] = k.args;
    const dims = x!.dims;
    const axes = reducedAxes(k.attrs, dims.length);
    const idx = dims.map((_, a) => k.local(`i${a}`));
    const kept = idx.filter((_, a) => !axes.includes(a));
    if (axes.length === dims.length) {
      // a total (the cost, usually; with keepdims too): compensated summation, as in the interpreter
      const [s, c, v, t] = ['s', 'c', 'v', 't'].map((n) => k.local(n)) as [
        string,
        string,
        string,
        string,
      ];
      k.line('{');
      k.line(`let ${s} = 0;`);
      k.line(`let ${c} = 0;`);
      dims.forEach((d, a) => k.line(forLoop(idx[a]!, d)));
      k.line(`const ${v} = ${k.load(0, idx)};`);
      k.line(`const ${t} = ${s} + ${v};`);
      k.line(`${c} += Math.abs(${s}) >= Math.abs(${v}) ? ${s} - ${t} + ${v} : ${v} - ${t} + ${s};`);
      k.line(`${s} = ${t};`);
      dims.forEach(() => k.line('}'));
      if (k.outIsScalar) k.line(`${k.out} = ${s} + ${c};`);
      else {
        // through a local: an epilogue (3·Σx) applies to the whole total
        const total = k.local('total');
        k.line(`const ${total} = ${s} + ${c};`);
        k.store(
          dims.map(() => '0'),
          total,
        );
      }
      k.line('}');
      return;
    }
    const trailing = axes.every((a) => a >= dims.length - axes.length);
    const keptIdx = kept.length > 0 ? kept : ['0'];
    const outIdx =
      k.attrs.keepdims === true ? idx.map((v, a) => (axes.includes(a) ? '0' : v)) : keptIdx;
    if (trailing) {
      // reduced axes innermost: accumulate each result in a register
      const acc = k.local('acc');
      // declared outside every loop when all axes are reduced: keep it in a block of its own
      const topLevel = axes.length === dims.length;
      if (topLevel) k.line('{');
      dims.forEach((d, a) => {
        if (a === dims.length - axes.length) k.line(`let ${acc} = 0;`);
        k.line(forLoop(idx[a]!, d));
      });
      k.line(`${acc} += ${k.load(0, idx)};`);
      axes.forEach(() => k.line('}'));
      k.store(outIdx, acc);
      dims.slice(0, dims.length - axes.length).forEach(() => k.line('}'));
      if (topLevel) k.line('}');
      return;
    }
    // reduced axes outside: accumulate into the zeroed result, then apply the epilogue
    k.zero('0', sizeExpr(k.outDims));
    dims.forEach((d, a) => k.line(forLoop(idx[a]!, d)));
    k.line(`${k.outAt(outIdx)} += ${k.load(0, idx)};`);
    dims.forEach(() => k.line('}'));
    if (k.epilogue) {
      const o = k.outDims.map((_, a) => k.local(`o${a}`));
      k.outDims.forEach((d, a) => k.line(forLoop(o[a]!, d)));
      k.store(o, k.outAt(o));
      k.outDims.forEach(() => k.line('}'));
    }
  },
  // a sum of non-negative (positive) terms is non-negative (positive)
  range: ([a]) => (I.isNonNegative(a!) ? I.interval(0, Infinity, I.isPositive(a!)) : I.REALS),
  math: (args, attrs) => reductionMath('Σ', args, attrs),
  // the tangent is summed like the value
  jvp: ({ tangents: [t], attrs, b }) => (t ? b.apply('sum', [t], attrs) : null),
  // every summed element receives the adjoint of its sum
  vjp: ({ g, args: [x], attrs, b }) => {
    const axes = reducedAxes(attrs, x!.shape.length);
    const kept = attrs.keepdims === true ? g : b.reshape(g, reducedShape(x!.shape, axes, true));
    return [b.broadcastTo(kept, x!.shape)];
  },
};
