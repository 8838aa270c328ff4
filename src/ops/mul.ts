import { elementwise, paren, printed, PREC } from './define.ts';

/** a · b */
export const mul = elementwise({
  name: 'mul',
  arity: 2,
  commutative: true,
  scalar: ([a, b]) => a! * b!,
  expr: ([a, b]) => `${a} * ${b}`,
  math: ([a, b]) => printed(`${paren(a!, PREC.mul)}·${paren(b!, PREC.mul + 1)}`, PREC.mul),
  // ∂(a·b)/∂a = b, ∂(a·b)/∂b = a
  vjp: ({ g, args: [x, y], b }) => [b.mul(g, y!), b.mul(g, x!)],
  sample: [
    [-3, 3],
    [-3, 3],
  ],
});
