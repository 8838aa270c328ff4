import { elementwise, paren, printed, PREC } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** −x */
export const neg = elementwise({
  name: 'neg',
  arity: 1,
  scalar: ([x]) => -x!,
  expr: ([x]) => `-${x}`,
  wasm: ([x]) => E.neg(x!),
  range: ([a]) => I.neg(a!),
  math: ([x]) => printed(`−${paren(x!, PREC.unary)}`, PREC.unary),
  // d(−x) = −dx
  jvp: ({ tangents: [t], b }) => (t ? b.neg(t) : null),
  // ∂(−x)/∂x = −1
  vjp: ({ g, b }) => [b.neg(g)],
  sample: [[-3, 3]],
});
