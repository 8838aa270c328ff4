import * as I from './interval.js';
import { forLoop, printed, type StructuralOp } from './define.js';
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
 * log softmax along one axis (attrs: `axis`, normalized): (x − M) − log1p(R), with M the line's
 * maximum and R the rest (see lines.ts). Finite where softmax underflows to 0, and within a few
 * ulp of the exact value — x − logsumexp(x) would lose the digits of logsumexp's rounding at
 * large logits (1.5e3 ulp at 1e4), and log(1 + R) would round the largest entry's −R to 0.
 */
export const logSoftmax: StructuralOp = {
  kind: 'structural',
  name: 'logSoftmax',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x], attrs, site) => {
    checkAxis('logSoftmax', x!, axisOf(attrs), site);
    return x!;
  },
  eval: ([x], attrs) => {
    const axis = axisOf(attrs);
    const n = x!.shape[axis]!;
    const { starts, stride } = linesOf(x!.shape, axis);
    const out = new Float64Array(x!.data.length);
    for (const base of starts) {
      const { max, rest } = lineStats(x!, n, base, stride);
      const log = Math.log1p(rest);
      for (let k = 0; k < n; k++) out[base + k * stride] = x!.data[base + k * stride]! - max - log;
    }
    return out;
  },
  emit: (k) => {
    const dims = k.args[0]!.dims;
    const axis = axisOf(k.attrs);
    const idx = dims.map((_, a) => k.local(a === axis ? 'j' : `i${a}`));
    const close = openLines(k, dims, axis, idx);
    const { max, rest } = emitLineStats(k, idx, axis, dims[axis]!);
    const log = k.local('log');
    k.line(`const ${log} = Math.log1p(${rest});`);
    k.line(forLoop(idx[axis]!, dims[axis]!));
    k.store(idx, `${k.load(0, idx)} - ${max} - ${log}`);
    k.line('}');
    close();
  },
  // x − M − log1p(R) ≥ (lo − hi) − log n, and ≤ 0
  range: ([a]) => I.interval(a!.lo - a!.hi - LOG_MAX_LENGTH, 0),
  math: ([x], attrs) => printed(`logSoftmax_${axisOf(attrs)}(${x!.text})`, 5),
  // d log softmax = dx − Σ softmax·dx
  jvp: ({ tangents: [t], args: [x], attrs, b }) =>
    t
      ? b.sub(
          t,
          b.sum(b.mul(softmaxOf(b, x!, axisOf(attrs)), t), { axis: axisOf(attrs), keepdims: true }),
        )
      : null,
  // ∂L/∂x = g − softmax·Σ g
  vjp: ({ g, args: [x], attrs, b }) => [
    b.sub(
      g,
      b.mul(softmaxOf(b, x!, axisOf(attrs)), b.sum(g, { axis: axisOf(attrs), keepdims: true })),
    ),
  ],
};
