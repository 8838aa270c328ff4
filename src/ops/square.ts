import { elementwise, paren, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** x² */
export const square = elementwise({
  name: 'square',
  arity: 1,
  scalar: ([x]) => x! * x!,
  expr: ([x]) => `${x} * ${x}`,
  wasm: ([x]) => E.mul(x!, x!),
  range: ([a]) => {
    const sq = (x: number) => x * x;
    if (I.isNonNegative(a!)) return I.increasing(sq, a!);
    if (a!.hi <= 0) return I.increasing(sq, I.neg(a!));
    // a straddles 0: from 0 up to the larger end squared (open if that end is)
    const top = Math.max(-a!.lo, a!.hi);
    const open = (-a!.lo < top || a!.loOpen) && (a!.hi < top || a!.hiOpen);
    return I.interval(0, top * top, false, open);
  },
  math: ([x]) => printed(`${paren(x!, PREC.atom)}²`, PREC.pow),
  // d x² = 2x·dx
  jvp: ({ tangents: [t], args: [x], b }) => scaled(b, t, b.mul(2, x!)),
  // (x²)′ = 2x
  vjp: ({ g, args: [x], b }) => [b.mul(g, b.mul(2, x!))],
  sample: [[-3, 3]],
});
