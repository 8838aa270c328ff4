import { elementwise, paren, printed, PREC, tangentSum } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** a − b */
export const sub = elementwise({
  name: 'sub',
  arity: 2,
  scalar: ([a, b]) => a! - b!,
  expr: ([a, b]) => `${a} - ${b}`,
  wasm: ([a, b]) => E.sub(a!, b!),
  range: ([a, b]) => I.add(a!, I.neg(b!)),
  math: ([a, b]) => printed(`${paren(a!, PREC.add)} − ${paren(b!, PREC.add + 1)}`, PREC.add),
  // d(a − b) = da − db
  jvp: ({ tangents: [ta, tb], b }) => tangentSum(b, [ta, tb ? b.neg(tb) : null]),
  // ∂(a−b)/∂a = 1, ∂(a−b)/∂b = −1
  vjp: ({ g, b }) => [g, b.neg(g)],
  sample: [
    [-3, 3],
    [-3, 3],
  ],
});
