import { elementwise, paren, printed, PREC, tangentSum } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** a + b */
export const add = elementwise({
  name: 'add',
  arity: 2,
  commutative: true,
  constantLast: true,
  scalar: ([a, b]) => a! + b!,
  expr: ([a, b]) => `${a} + ${b}`,
  wasm: ([a, b]) => E.add(a!, b!),
  range: ([a, b]) => I.add(a!, b!),
  math: ([a, b]) => printed(`${paren(a!, PREC.add)} + ${paren(b!, PREC.add + 1)}`, PREC.add),
  // d(a + b) = da + db
  jvp: ({ tangents, b }) => tangentSum(b, tangents),
  // ∂(a+b)/∂a = ∂(a+b)/∂b = 1
  vjp: ({ g }) => [g, g],
  sample: [
    [-3, 3],
    [-3, 3],
  ],
});
