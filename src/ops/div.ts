import { elementwise, paren, printed, PREC, tangentSum } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** a / b */
export const div = elementwise({
  name: 'div',
  arity: 2,
  scalar: ([a, b]) => a! / b!,
  expr: ([a, b]) => `${a} / ${b}`,
  wasm: ([a, b]) => E.div(a!, b!),
  range: ([a, b]) => I.mul(a!, I.reciprocal(b!)),
  math: ([a, b]) => printed(`${paren(a!, PREC.mul)}/${paren(b!, PREC.mul + 1)}`, PREC.mul),
  // d(a/b) = da/b − (a/b)·db/b
  jvp: ({ tangents: [ta, tb], args: [, y], out, b }) =>
    tangentSum(b, [ta ? b.div(ta, y!) : null, tb ? b.neg(b.mul(b.div(tb, y!), out)) : null]),
  // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b² = −out/b
  vjp: ({ g, args: [, y], out, b }) => [b.div(g, y!), b.neg(b.mul(g, b.div(out, y!)))],
  safe: ([, y], _attrs, margin) => Math.abs(y!) > margin,
  sample: [
    [-3, 3],
    [0.5, 3],
  ],
});
