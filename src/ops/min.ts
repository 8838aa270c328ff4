import { elementwise, printed, PREC, scaled, tangentSum } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** min(a, b); at a tie the gradient is split evenly, like {@link max}. */
export const min = elementwise({
  name: 'min',
  arity: 2,
  commutative: true,
  smooth: false,
  scalar: ([a, b]) => Math.min(a!, b!),
  expr: ([a, b]) => `Math.min(${a}, ${b})`,
  wasm: ([a, b]) => E.min(a!, b!),
  range: ([a, b]) => I.interval(Math.min(a!.lo, b!.lo), Math.min(a!.hi, b!.hi)),
  math: ([a, b]) => printed(`min(${a!.text}, ${b!.text})`, PREC.atom),
  // d min(a, b) = [a < b]·da + [a > b]·db + ½[a = b]·(da + db)
  jvp: ({ tangents: [ta, tb], args: [x, y], b }) =>
    tangentSum(b, [
      scaled(b, ta, b.lt(x!, y!)),
      scaled(b, tb, b.gt(x!, y!)),
      scaled(b, tangentSum(b, [ta, tb]), b.mul(0.5, b.eq(x!, y!))),
    ]),
  // ∂min/∂a = [a < b] + ½[a = b]
  vjp: ({ g, args: [x, y], b }) => {
    const tie = b.mul(0.5, b.eq(x!, y!));
    return [b.mul(g, b.add(b.lt(x!, y!), tie)), b.mul(g, b.add(b.gt(x!, y!), tie))];
  },
  kinks: ([x, y], _attrs, b) => [b.sub(x!, y!)],
  safe: ([a, b], _attrs, margin) => Math.abs(a! - b!) > margin,
  sample: [
    [-3, 3],
    [-3, 3],
  ],
});
