import { elementwise, printed, PREC } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** Natural logarithm; defined for x > 0 (log 0 = −∞ and log of a negative is NaN). */
export const log = elementwise({
  name: 'log',
  arity: 1,
  scalar: ([x]) => Math.log(x!),
  expr: ([x]) => `Math.log(${x})`,
  wasm: ([x]) => E.call('log', x!),
  range: ([a]) => (a!.lo >= 0 ? I.increasing(Math.log, a!) : I.REALS),
  math: ([x]) => printed(`log(${x!.text})`, PREC.atom),
  // d log x = dx/x
  jvp: ({ tangents: [t], args: [x], b }) => (t ? b.div(t, x!) : null),
  // (log x)′ = 1/x
  vjp: ({ g, args: [x], b }) => [b.div(g, x!)],
  safe: ([x], _attrs, margin) => x! > margin,
  sample: [[0.1, 5]],
});
