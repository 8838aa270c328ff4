import { GradgenError, at } from '../errors.js';
import type { Attrs } from '../ir/node.js';
import { formatShape, type Dim, type Shape } from '../ir/shape.js';
import { union } from './interval.js';
import { forLoop, printed, PREC, type StructuralOp } from './define.js';
import { copyWindow, shiftedIndex, type Window } from './slice.js';

/**
 * Where each operand goes along `axis`: its window of the result. Only a lone operand may have
 * the batch dimension there (a sum of lengths with m in it is not a shape): its window is all.
 */
export function operandWindows(shapes: readonly Shape[], axis: number): Window[] {
  let offset = 0;
  return shapes.map((s) => {
    const d = s[axis]!;
    if (typeof d !== 'number') return { axis, start: 0, end: null };
    offset += d;
    return { axis, start: offset - d, end: offset };
  });
}

function concatShape(xs: readonly Shape[], attrs: Attrs, site: () => string | undefined): Shape {
  const fail = (why: string): never => {
    throw new GradgenError('E_SHAPE', `concat: ${why}${at(site())}`);
  };
  const listed = (is: readonly number[]) =>
    is.map((i) => `operand ${i + 1} is ${formatShape(xs[i]!)}`).join(', ');
  if (xs.length === 0) fail('needs at least one operand');
  const first = xs[0]!;
  const axis = attrs.axis as number;
  const scalars = xs.flatMap((s, i) => (s.length === 0 ? [i] : []));
  if (scalars.length > 0) fail(`a scalar has no axis to join along: ${listed(scalars)}`);
  if (!Number.isInteger(axis) || axis < 0 || axis >= first.length) {
    fail(`axis ${String(axis)} is out of range for shape ${formatShape(first)}`);
  }
  const fits = (s: Shape) =>
    s.length === first.length && s.every((d, k) => k === axis || d === first[k]);
  const bad = xs.flatMap((s, i) => (fits(s) ? [] : [i]));
  if (bad.length > 0) {
    fail(
      `the operands must have the same shape but along axis ${axis}: operand 1 is ${formatShape(first)}, ${listed(bad)}`,
    );
  }
  if (xs.length === 1) return first;
  const symbolic = xs.flatMap((s, i) => (typeof s[axis] === 'number' ? [] : [i]));
  if (symbolic.length > 0) {
    fail(
      `along the batch dimension '${xs[symbolic[0]!]![axis]}' the result's length would depend on it, which a shape cannot hold (${listed(symbolic)}); join along another axis, or slice fixed-length windows first`,
    );
  }
  const length = xs.reduce((p, s) => p + (s[axis] as number), 0);
  return first.map((d, k): Dim => (k === axis ? length : d));
}

/** [a, b, …] joined along `axis` (attrs `axis` ≥ 0); the operands match on every other axis. */
export const concat: StructuralOp = {
  kind: 'structural',
  name: 'concat',
  arity: -1,
  commutative: false,
  smooth: true,
  moves: true,
  shape: concatShape,
  eval: (xs, attrs, outShape) => {
    const out = new Float64Array(outShape.reduce((p, d) => p * d, 1));
    const windows = operandWindows(
      xs.map((x) => x.shape),
      attrs.axis as number,
    );
    xs.forEach((x, i) => copyWindow(out, x.data, outShape, windows[i]!, 'scatter'));
    return out;
  },
  emit: (k) => {
    const axis = k.attrs.axis as number;
    const windows = operandWindows(
      k.args.map((a) => a.dims.map((d) => (/^\d+$/.test(d) ? Number(d) : d))),
      axis,
    );
    k.args.forEach((a, i) => {
      const idx = a.dims.map((_, j) => k.local(`i${j}`));
      a.dims.forEach((d, j) => k.line(forLoop(idx[j]!, d)));
      const to = idx.map((v, j) => (j === axis ? shiftedIndex(windows[i]!, v, k.outDims[j]!) : v));
      k.store(to, k.load(i, idx));
      a.dims.forEach(() => k.line('}'));
    });
  },
  range: (rs) => rs.reduce((a, r) => union(a, r)),
  math: (xs, attrs) =>
    // `concat_1(a, b)`: the axis as a subscript, like Σ_1
    printed(`concat_${String(attrs.axis)}(${xs.map((x) => x.text).join(', ')})`, PREC.atom),
  // the tangents are joined like the values (a zero tangent is zeros of its operand's shape)
  jvp: ({ tangents, args, attrs, b }) =>
    tangents.some((t) => t)
      ? b.concat(
          tangents.map((t, i) => t ?? b.constant(0, args[i]!.shape)),
          { axis: attrs.axis as number },
        )
      : null,
  // each operand gets its window of the adjoint
  vjp: ({ g, args, attrs, needs, b }) =>
    operandWindows(
      args.map((a) => a.shape),
      attrs.axis as number,
    ).map(({ axis, start, end }, i) =>
      needs[i] ? b.apply('slice', [g], { axis, start, end }) : null,
    ),
};
