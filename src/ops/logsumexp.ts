import * as I from './interval.js';
import { printed, type StructuralOp } from './define.js';
import {
  axisOf,
  checkAxis,
  emitLineStats,
  lineStats,
  linesOf,
  LOG_MAX_LENGTH,
  openLines,
  softmaxOf,
} from './lines.js';

/**
 * log Σᵢ exp(xᵢ) along one axis (attrs: `axis`, normalized), the reduced axis kept as 1; the
 * builder's `logsumexp(x, { keepdims: false })` is this followed by a reshape. Computed from the
 * line's maximum M and the rest R (see lines.ts) as M + log1p(R): finite for every finite x (the
 * naive form overflows at x ≳ 709) and within a few ulp. A non-finite M is the answer itself.
 */
export const logsumexp: StructuralOp = {
  kind: 'structural',
  name: 'logsumexp',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x], attrs, site) => {
    checkAxis('logsumexp', x!, axisOf(attrs), site);
    return x!.map((d, i) => (i === axisOf(attrs) ? 1 : d));
  },
  eval: ([x], attrs) => {
    const axis = axisOf(attrs);
    const { starts, stride } = linesOf(x!.shape, axis);
    return Float64Array.from(starts, (base) => {
      const { max, rest } = lineStats(x!, x!.shape[axis]!, base, stride);
      return Number.isFinite(max) ? max + Math.log1p(rest) : max;
    });
  },
  emit: (k) => {
    const dims = k.args[0]!.dims;
    const axis = axisOf(k.attrs);
    const idx = dims.map((_, a) => k.local(a === axis ? 'j' : `i${a}`));
    const close = openLines(k, dims, axis, idx);
    const { max, rest } = emitLineStats(k, idx, axis, dims[axis]!);
    k.store(
      idx.map((v, a) => (a === axis ? '0' : v)),
      `Number.isFinite(${max}) ? ${max} + Math.log1p(${rest}) : ${max}`,
    );
    close();
  },
  // max(x) ≤ logsumexp(x) ≤ max(x) + log n
  range: ([a]) => I.interval(a!.lo, a!.hi + LOG_MAX_LENGTH, a!.loOpen),
  math: ([x], attrs) => printed(`logsumexp_${axisOf(attrs)}(${x!.text})`, 5),
  // d logsumexp(x) = Σ softmax(x)·dx
  jvp: ({ tangents: [t], args: [x], attrs, b }) =>
    t
      ? b.sum(b.mul(softmaxOf(b, x!, axisOf(attrs)), t), { axis: axisOf(attrs), keepdims: true })
      : null,
  // ∂ logsumexp(x)/∂xᵢ = softmax(x)ᵢ
  vjp: ({ g, args: [x], attrs, b }) => [b.mul(g, softmaxOf(b, x!, axisOf(attrs)))],
};
