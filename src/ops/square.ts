import { elementwise, paren, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';

/** x² */
export const square = elementwise({
  name: 'square',
  arity: 1,
  scalar: ([x]) => x! * x!,
  expr: ([x]) => `${x} * ${x}`,
  range: ([a]) =>
    I.isNonNegative(a!)
      ? I.increasing((x) => x * x, a!)
      : I.union(
          I.increasing((x) => x * x, I.neg(a!)),
          I.point(0),
        ),
  math: ([x]) => printed(`${paren(x!, PREC.atom)}²`, PREC.pow),
  // d x² = 2x·dx
  jvp: ({ tangents: [t], args: [x], b }) => scaled(b, t, b.mul(2, x!)),
  // (x²)′ = 2x
  vjp: ({ g, args: [x], b }) => [b.mul(g, b.mul(2, x!))],
  sample: [[-3, 3]],
});
