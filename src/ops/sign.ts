import { elementwise, printed, PREC } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** sign(x) ∈ {−1, 0, 1}; piecewise constant, so no gradient flows through it. */
export const sign = elementwise({
  name: 'sign',
  arity: 1,
  smooth: false,
  scalar: ([x]) => Math.sign(x!),
  expr: ([x]) => `Math.sign(${x})`,
  // Math.sign: ±1, and x itself for ±0 and NaN
  wasm: ([x]) => E.select('gt', x!, E.c(0), E.c(1), E.select('lt', x!, E.c(0), E.c(-1), x!)),
  range: () => I.interval(-1, 1),
  math: ([x]) => printed(`sign(${x!.text})`, PREC.atom),
  jvp: () => null,
  vjp: () => [null],
  // a jump, not only a kink: J itself changes by a step where x changes sign
  kinks: ([x]) => [x!],
  safe: ([x], _attrs, margin) => Math.abs(x!) > margin,
  sample: [[-3, 3]],
});
