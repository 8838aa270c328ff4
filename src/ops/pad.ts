import { GradgenError, at } from '../errors.js';
import { formatShape, sameShape, type Shape } from '../ir/shape.js';
import { union, point } from './interval.js';
import { forLoop, printed, PREC, sizeExpr, type StructuralOp } from './define.js';
import {
  checkWindow,
  copyWindow,
  leastLength,
  shiftedIndex,
  windowDim,
  windowOf,
  windowText,
} from './slice.js';

/**
 * The adjoint of slice: x placed in the window `[start, end)` along `axis` of a zero tensor of
 * `shape` (attrs: slice's window and `shape`, the sliced tensor's). slice(pad(x)) = x.
 */
export const pad: StructuralOp = {
  kind: 'structural',
  name: 'pad',
  arity: 1,
  commutative: false,
  smooth: true,
  moves: true,
  shape: ([x], attrs, site) => {
    const full = attrs.shape as Shape;
    const w = checkWindow('pad', full, attrs, site);
    const window = full.map((d, i) => (i === w.axis ? windowDim(w, d) : d));
    if (!sameShape(x!, window)) {
      throw new GradgenError(
        'E_SHAPE',
        `pad: ${formatShape(x!)} does not fill the window ${windowText(w)} of ${formatShape(full)}, which is ${formatShape(window)}${at(site())}`,
      );
    }
    return full;
  },
  eval: ([x], attrs, outShape) => {
    const out = new Float64Array(outShape.reduce((p, d) => p * d, 1));
    copyWindow(out, x!.data, outShape, windowOf(attrs), 'scatter');
    return out;
  },
  batchNeeds: (_args, attrs) => {
    const w = windowOf(attrs);
    const dim = (attrs.shape as Shape)[w.axis]!;
    return typeof dim === 'string' ? { dim, min: leastLength(w) } : undefined;
  },
  emit: (k) => {
    const w = windowOf(k.attrs);
    const dims = k.args[0]!.dims;
    const idx = dims.map((_, a) => k.local(`i${a}`));
    k.zero('0', sizeExpr(k.outDims));
    dims.forEach((d, a) => k.line(forLoop(idx[a]!, d)));
    const to = idx.map((i, a) => (a === w.axis ? shiftedIndex(w, i, k.outDims[a]!) : i));
    k.store(to, k.load(0, idx));
    dims.forEach(() => k.line('}'));
  },
  range: ([a]) => union(a!, point(0)),
  math: ([x], attrs) =>
    printed(
      `pad(${x!.text}, ${windowText(windowOf(attrs))}, ${formatShape(attrs.shape as Shape)})`,
      PREC.atom,
    ),
  // the tangent is placed like the value
  jvp: ({ tangents: [t], attrs, b }) => (t ? b.apply('pad', [t], attrs) : null),
  // the window's part of the adjoint
  vjp: ({ g, attrs, b }) => {
    const { axis, start, end } = windowOf(attrs);
    return [b.apply('slice', [g], { axis, start, end })];
  },
};
