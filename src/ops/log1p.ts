import { elementwise, printed, PREC } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/**
 * log1p(x) = log(1 + x), accurate for small |x| (where 1 + x would round away x's digits);
 * defined for x > −1. The stabilize rules produce it from log(1 + x).
 */
export const log1p = elementwise({
  name: 'log1p',
  arity: 1,
  scalar: ([x]) => Math.log1p(x!),
  expr: ([x]) => `Math.log1p(${x})`,
  wasm: ([x]) => E.call('log1p', x!),
  range: ([a]) => (a!.lo >= -1 ? I.increasing(Math.log1p, a!) : I.REALS),
  math: ([x]) => printed(`log1p(${x!.text})`, PREC.atom),
  // d log1p(x) = dx/(1 + x)
  jvp: ({ tangents: [t], args: [x], b }) => (t ? b.div(t, b.add(x!, 1)) : null),
  // log1p′ = 1/(1 + x)
  vjp: ({ g, args: [x], b }) => [b.div(g, b.add(x!, 1))],
  safe: ([x], _attrs, margin) => x! > -1 + margin,
  sample: [[-0.9, 5]],
});
