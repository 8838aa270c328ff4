import * as I from './interval.js';
import { elementwise, paren, printed, PREC, type ElementwiseOp } from './define.js';
import { E, type Cmp } from '../kernel/expr.js';

/**
 * Comparisons yield 1 or 0 (an Iverson bracket [a > b]). They are piecewise constant, so no gradient
 * flows through them; derivative rules use them as masks (relu′ = [x > 0]).
 */
function comparison(
  name: string,
  symbol: string,
  js: string,
  cmp: Cmp,
  test: (a: number, b: number) => boolean,
  commutative = false,
): ElementwiseOp {
  return elementwise({
    name,
    arity: 2,
    commutative,
    smooth: false,
    scalar: ([a, b]) => (test(a!, b!) ? 1 : 0),
    // unary + makes a number of the boolean (typed `number`, not the literal union 0 | 1)
    expr: ([a, b]) => `+(${a} ${js} ${b})`,
    wasm: ([a, b]) => E.select(cmp, a!, b!, E.c(1), E.c(0)),
    range: () => I.interval(0, 1),
    math: ([a, b]) =>
      printed(`[${paren(a!, PREC.add)} ${symbol} ${paren(b!, PREC.add)}]`, PREC.atom),
    jvp: () => null,
    vjp: () => [null, null],
    // the bracket jumps where a − b changes sign
    kinks: ([a, b], _attrs, builder) => [builder.sub(a!, b!)],
    safe: ([a, b], _attrs, margin) => Math.abs(a! - b!) > margin,
    sample: [
      [-3, 3],
      [-3, 3],
    ],
  });
}

export const gt = comparison('gt', '>', '>', 'gt', (a, b) => a > b);
export const ge = comparison('ge', '≥', '>=', 'ge', (a, b) => a >= b);
export const lt = comparison('lt', '<', '<', 'lt', (a, b) => a < b);
export const le = comparison('le', '≤', '<=', 'le', (a, b) => a <= b);
export const eq = comparison('eq', '=', '===', 'eq', (a, b) => a === b, true);
