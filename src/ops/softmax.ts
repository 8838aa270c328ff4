import * as I from './interval.js';
import { forLoop, printed, type StructuralOp } from './define.js';
import { axisOf, checkAxis, emitLineStats, lineStats, linesOf, openLines } from './lines.js';

/**
 * softmax along one axis (attrs: `axis`, normalized): e^(x − M)/(1 + R), with M the line's
 * maximum and R the rest (see lines.ts), as JAX and PyTorch compute it — every exponent ≤ 0, so
 * nothing overflows, the denominator is ≥ 1, and a column sums to 1 within a few ulp. It is
 * logsumexp′, so a model's softmax and the backward of its loss are one value.
 */
export const softmax: StructuralOp = {
  kind: 'structural',
  name: 'softmax',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x], attrs, site) => {
    checkAxis('softmax', x!, axisOf(attrs), site);
    return x!;
  },
  eval: ([x], attrs) => {
    const axis = axisOf(attrs);
    const n = x!.shape[axis]!;
    const { starts, stride } = linesOf(x!.shape, axis);
    const out = new Float64Array(x!.data.length);
    for (const base of starts) {
      const { max, rest } = lineStats(x!, n, base, stride);
      for (let k = 0; k < n; k++) {
        out[base + k * stride] = Math.exp(x!.data[base + k * stride]! - max) / (1 + rest);
      }
    }
    return out;
  },
  emit: (k) => {
    const dims = k.args[0]!.dims;
    const axis = axisOf(k.attrs);
    const idx = dims.map((_, a) => k.local(a === axis ? 'j' : `i${a}`));
    const close = openLines(k, dims, axis, idx);
    const { max, rest } = emitLineStats(k, idx, axis, dims[axis]!);
    k.line(forLoop(idx[axis]!, dims[axis]!));
    k.store(idx, `Math.exp(${k.load(0, idx)} - ${max}) / (1 + ${rest})`);
    k.line('}');
    close();
  },
  range: () => I.interval(0, 1, true),
  math: ([x], attrs) => printed(`softmax_${axisOf(attrs)}(${x!.text})`, 5),
  // d softmax = A·(dx − Σ A·dx)
  jvp: ({ tangents: [t], out, attrs, b }) =>
    t ? b.mul(out, b.sub(t, b.sum(b.mul(out, t), { axis: axisOf(attrs), keepdims: true }))) : null,
  // ∂L/∂x = A·(g − Σ g·A)
  vjp: ({ g, out, attrs, b }) => [
    b.mul(out, b.sub(g, b.sum(b.mul(g, out), { axis: axisOf(attrs), keepdims: true }))),
  ],
};
