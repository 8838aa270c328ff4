import { elementwise, paren, printed, PREC, scaled, tangentSum } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** a · b */
export const mul = elementwise({
  name: 'mul',
  arity: 2,
  commutative: true,
  scalar: ([a, b]) => a! * b!,
  expr: ([a, b]) => `${a} * ${b}`,
  wasm: ([a, b]) => E.mul(a!, b!),
  range: ([a, b]) => I.mul(a!, b!),
  math: ([a, b]) => {
    // a quotient on the left is parenthesized too: (1/m)·x, not 1/m·x
    const left =
      a!.prec === PREC.mul && a!.text.includes('/') ? `(${a!.text})` : paren(a!, PREC.mul);
    return printed(`${left}·${paren(b!, PREC.mul + 1)}`, PREC.mul);
  },
  // d(a·b) = da·b + a·db
  jvp: ({ tangents: [ta, tb], args: [x, y], b }) =>
    tangentSum(b, [scaled(b, ta, y!), scaled(b, tb, x!)]),
  // ∂(a·b)/∂a = b, ∂(a·b)/∂b = a
  vjp: ({ g, args: [x, y], b }) => [b.mul(g, y!), b.mul(g, x!)],
  sample: [
    [-3, 3],
    [-3, 3],
  ],
});
