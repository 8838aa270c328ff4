import { elementwise, paren, printed, PREC } from './define.ts';
import * as I from './interval.ts';

/** −x */
export const neg = elementwise({
  name: 'neg',
  arity: 1,
  scalar: ([x]) => -x!,
  expr: ([x]) => `-${x}`,
  range: ([a]) => I.neg(a!),
  math: ([x]) => printed(`−${paren(x!, PREC.unary)}`, PREC.unary),
  // ∂(−x)/∂x = −1
  vjp: ({ g, b }) => [b.neg(g)],
  sample: [[-3, 3]],
});
