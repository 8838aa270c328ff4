import { elementwise, paren, printed, PREC } from './define.ts';

/** x² */
export const square = elementwise({
  name: 'square',
  arity: 1,
  scalar: ([x]) => x! * x!,
  expr: ([x]) => `${x} * ${x}`,
  math: ([x]) => printed(`${paren(x!, PREC.atom)}²`, PREC.pow),
  // (x²)′ = 2x
  vjp: ({ g, args: [x], b }) => [b.mul(g, b.mul(2, x!))],
  sample: [[-3, 3]],
});
