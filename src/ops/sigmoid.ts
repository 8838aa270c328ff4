import { elementwise, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/**
 * σ(x) = 1/(1 + e⁻ˣ). A primitive (not a composite of exp and div) so that its derivative can
 * reuse the forward output, σ′ = σ(1 − σ), as the textbook's backprop does. Saturates to exactly
 * 0 or 1 for |x| ≳ 37 in float64 without producing NaN.
 */
export const sigmoid = elementwise({
  name: 'sigmoid',
  arity: 1,
  scalar: ([x]) => 1 / (1 + Math.exp(-x!)),
  expr: ([x]) => `1 / (1 + Math.exp(-${x}))`,
  wasm: ([x]) => E.div(E.c(1), E.add(E.c(1), E.call('exp', E.neg(x!)))),
  range: ([a]) => I.increasing((x) => 1 / (1 + Math.exp(-x)), a!),
  math: ([x]) => printed(`σ(${x!.text})`, PREC.atom),
  // dσ = σ(1 − σ)·dx
  jvp: ({ tangents: [t], out, b }) => scaled(b, t, b.mul(out, b.sub(1, out))),
  // σ′ = σ(1 − σ)
  vjp: ({ g, out, b }) => [b.mul(g, b.mul(out, b.sub(1, out)))],
  sample: [[-4, 4]],
});
