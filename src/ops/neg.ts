import { elementwise, paren, printed, PREC } from './define.ts';

/** −x */
export const neg = elementwise({
  name: 'neg',
  arity: 1,
  scalar: ([x]) => -x!,
  expr: ([x]) => `-${x}`,
  math: ([x]) => printed(`−${paren(x!, PREC.unary)}`, PREC.unary),
  // ∂(−x)/∂x = −1
  vjp: ({ g, b }) => [b.neg(g)],
  sample: [[-3, 3]],
});
