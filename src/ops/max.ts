import { elementwise, printed, PREC, scaled, tangentSum } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/**
 * max(a, b). At a tie the gradient is split evenly (½ to each operand), as in JAX: the result is
 * symmetric, so reordering the operands of this commutative op never changes a gradient.
 */
export const max = elementwise({
  name: 'max',
  arity: 2,
  commutative: true,
  smooth: false,
  scalar: ([a, b]) => Math.max(a!, b!),
  expr: ([a, b]) => `Math.max(${a}, ${b})`,
  wasm: ([a, b]) => E.max(a!, b!),
  range: ([a, b]) => I.interval(Math.max(a!.lo, b!.lo), Math.max(a!.hi, b!.hi)),
  math: ([a, b]) => printed(`max(${a!.text}, ${b!.text})`, PREC.atom),
  // d max(a, b) = [a > b]·da + [a < b]·db + ½[a = b]·(da + db)
  jvp: ({ tangents: [ta, tb], args: [x, y], b }) =>
    tangentSum(b, [
      scaled(b, ta, b.gt(x!, y!)),
      scaled(b, tb, b.lt(x!, y!)),
      scaled(b, tangentSum(b, [ta, tb]), b.mul(0.5, b.eq(x!, y!))),
    ]),
  // ∂max/∂a = [a > b] + ½[a = b]
  vjp: ({ g, args: [x, y], b }) => {
    const tie = b.mul(0.5, b.eq(x!, y!));
    return [b.mul(g, b.add(b.gt(x!, y!), tie)), b.mul(g, b.add(b.lt(x!, y!), tie))];
  },
  kinks: ([x, y], _attrs, b) => [b.sub(x!, y!)],
  safe: ([a, b], _attrs, margin) => Math.abs(a! - b!) > margin,
  sample: [
    [-3, 3],
    [-3, 3],
  ],
});
