import * as I from './interval.js';
import { elementwise, printed, PREC, scaled } from './define.js';
import { E } from '../kernel/expr.js';

/**
 * softplus(x) = log(1 + eˣ), computed stably as max(x, 0) + log1p(e^−|x|): finite for every finite x
 * (the naive form overflows for x ≳ 709). The stabilize rules produce it from log∘σ patterns.
 */
export const softplus = elementwise({
  name: 'softplus',
  arity: 1,
  scalar: ([x]) => Math.max(x!, 0) + Math.log1p(Math.exp(-Math.abs(x!))),
  expr: ([x]) => `Math.max(${x}, 0) + Math.log1p(Math.exp(-Math.abs(${x})))`,
  wasm: ([x]) => E.add(E.relu(x!), E.call('log1p', E.call('exp', E.neg(E.unary('abs', x!))))),
  range: ([a]) => I.increasing((x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), a!),
  math: ([x]) => printed(`softplus(${x!.text})`, PREC.atom),
  // d softplus(x) = σ(x)·dx
  jvp: ({ tangents: [t], args: [x], b }) => scaled(b, t, b.sigmoid(x!)),
  // softplus′ = σ
  vjp: ({ g, args: [x], b }) => [b.mul(g, b.sigmoid(x!))],
  sample: [[-5, 5]],
});
