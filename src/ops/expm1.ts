import { elementwise, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/**
 * expm1(x) = eˣ − 1, accurate for small |x| (where eˣ − 1 cancels). The stabilize rules produce
 * it from eˣ − 1.
 */
export const expm1 = elementwise({
  name: 'expm1',
  arity: 1,
  scalar: ([x]) => Math.expm1(x!),
  expr: ([x]) => `Math.expm1(${x})`,
  wasm: ([x]) => E.call('expm1', x!),
  range: ([a]) => I.increasing(Math.expm1, a!),
  math: ([x]) => printed(`expm1(${x!.text})`, PREC.atom),
  // d expm1(x) = eˣ·dx
  jvp: ({ tangents: [t], args: [x], b }) => scaled(b, t, b.exp(x!)),
  // expm1′ = eˣ (not expm1(x) + 1: for x ≪ 0 that rounds to 1, where eˣ is tiny)
  vjp: ({ g, args: [x], b }) => [b.mul(g, b.exp(x!))],
  safe: ([x]) => x! < 600,
  sample: [[-3, 3]],
});
