import { elementwise, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** tanh x; its derivative reuses the forward output. */
export const tanh = elementwise({
  name: 'tanh',
  arity: 1,
  scalar: ([x]) => Math.tanh(x!),
  expr: ([x]) => `Math.tanh(${x})`,
  wasm: ([x]) => E.call('tanh', x!),
  range: ([a]) => I.increasing(Math.tanh, a!),
  math: ([x]) => printed(`tanh(${x!.text})`, PREC.atom),
  // d tanh x = (1 − tanh²x)·dx
  jvp: ({ tangents: [t], out, b }) => scaled(b, t, b.sub(1, b.square(out))),
  // tanh′ = 1 − tanh²
  vjp: ({ g, out, b }) => [b.mul(g, b.sub(1, b.square(out)))],
  sample: [[-3, 3]],
});
