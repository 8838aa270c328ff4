import { elementwise, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** eˣ */
export const exp = elementwise({
  name: 'exp',
  arity: 1,
  scalar: ([x]) => Math.exp(x!),
  expr: ([x]) => `Math.exp(${x})`,
  wasm: ([x]) => E.call('exp', x!),
  range: ([a]) => I.increasing(Math.exp, a!),
  math: ([x]) => printed(`exp(${x!.text})`, PREC.atom),
  // d eˣ = eˣ·dx
  jvp: ({ tangents: [t], out, b }) => scaled(b, t, out),
  // (eˣ)′ = eˣ: reuse the forward output
  vjp: ({ g, out, b }) => [b.mul(g, out)],
  safe: ([x]) => x! < 600,
  sample: [[-3, 3]],
});
