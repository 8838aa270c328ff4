import * as I from './interval.js';
import type { Attrs } from '../ir/node.js';
import {
  elementwise,
  formatNumber,
  numberLiteral,
  paren,
  printed,
  PREC,
  scaled,
} from './define.js';
import { E } from '../kernel/expr.js';

const exponent = (attrs: Attrs) => attrs.k as number;

/**
 * xᵏ for a constant exponent k. `k = 2` is computed as x·x (exactly, in both the interpreter and the
 * emitted code); other exponents use `**`. Non-integer k needs x > 0.
 */
export const pow = elementwise({
  name: 'pow',
  arity: 1,
  scalar: ([x], attrs) => {
    const k = exponent(attrs);
    return k === 2 ? x! * x! : x! ** k;
  },
  expr: ([x], attrs) => {
    const k = exponent(attrs);
    return k === 2 ? `${x} * ${x}` : `${x} ** ${numberLiteral(k)}`;
  },
  // x² only (other exponents are `**`, which the kernels do not have)
  wasm: ([x], attrs) => (exponent(attrs) === 2 ? E.mul(x!, x!) : undefined),
  range: ([a], attrs) => {
    const k = exponent(attrs);
    if (I.isPositive(a!)) return I.interval(0, Infinity, true);
    return Number.isInteger(k) && k % 2 === 0 ? I.interval(0, Infinity) : I.REALS;
  },
  math: ([x], attrs) =>
    printed(`${paren(x!, PREC.atom)}^${formatNumber(exponent(attrs))}`, PREC.pow),
  // d xᵏ = k·xᵏ⁻¹·dx
  jvp: ({ tangents: [t], args: [x], attrs, b }) =>
    scaled(b, t, b.mul(exponent(attrs), b.pow(x!, exponent(attrs) - 1))),
  // (xᵏ)′ = k·xᵏ⁻¹
  vjp: ({ g, args: [x], attrs, b }) => {
    const k = exponent(attrs);
    return [b.mul(g, b.mul(k, b.pow(x!, k - 1)))];
  },
  safe: ([x], attrs, margin) => {
    const k = exponent(attrs);
    if (!Number.isInteger(k)) return x! > margin;
    return k >= 0 || Math.abs(x!) > margin;
  },
  sample: [[0.5, 2]],
});
