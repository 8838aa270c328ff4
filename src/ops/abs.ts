import { elementwise, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** |x|. Kink: |x|′(0) = sign(0) = 0. */
export const abs = elementwise({
  name: 'abs',
  arity: 1,
  smooth: false,
  scalar: ([x]) => Math.abs(x!),
  expr: ([x]) => `Math.abs(${x})`,
  wasm: ([x]) => E.unary('abs', x!),
  range: ([a]) =>
    I.isNonNegative(a!) ? a! : I.union(I.interval(0, Math.max(-a!.lo, a!.hi)), I.point(0)),
  math: ([x]) => printed(`|${x!.text}|`, PREC.atom),
  // d|x| = sign(x)·dx
  jvp: ({ tangents: [t], args: [x], b }) => scaled(b, t, b.sign(x!)),
  // |x|′ = sign(x)
  vjp: ({ g, args: [x], b }) => [b.mul(g, b.sign(x!))],
  kinks: ([x]) => [x!],
  safe: ([x], _attrs, margin) => Math.abs(x!) > margin,
  sample: [[-3, 3]],
});
