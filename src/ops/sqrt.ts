import { elementwise, printed, PREC } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** √x; defined for x ≥ 0, differentiable for x > 0. */
export const sqrt = elementwise({
  name: 'sqrt',
  arity: 1,
  scalar: ([x]) => Math.sqrt(x!),
  expr: ([x]) => `Math.sqrt(${x})`,
  wasm: ([x]) => E.unary('sqrt', x!),
  range: ([a]) => I.increasing(Math.sqrt, I.clampedBelow(0, a!)),
  math: ([x]) => printed(`√${x!.prec >= PREC.atom ? x!.text : `(${x!.text})`}`, PREC.atom),
  // d√x = dx/(2√x)
  jvp: ({ tangents: [t], out, b }) => (t ? b.div(t, b.mul(2, out)) : null),
  // (√x)′ = 1/(2√x): reuse the forward output
  vjp: ({ g, out, b }) => [b.div(g, b.mul(2, out))],
  safe: ([x], _attrs, margin) => x! > margin,
  sample: [[0.1, 5]],
});
