import { elementwise, formatNumber, numberLiteral, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import type { Attrs } from '../ir/node.js';
import type * as Builder from '../builder/core.js';
import type { Node } from '../ir/node.js';
import { E } from '../kernel/expr.js';

const bounds = (attrs: Attrs) => [attrs.lo as number, attrs.hi as number] as const;
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
/** [lo ≤ x ≤ hi]: the derivative, 1 at the bounds themselves (as PyTorch's clamp). */
const inside = (b: typeof Builder, x: Node, attrs: Attrs) => {
  const [lo, hi] = bounds(attrs);
  return b.mul(b.ge(x, lo), b.le(x, hi));
};

/**
 * clip(x, lo, hi) = min(max(x, lo), hi) for constant bounds lo ≤ hi. Kinks at x = lo and x = hi:
 * clip′ = 1 on [lo, hi], bounds included (as PyTorch's clamp), 0 outside. NaN stays NaN.
 */
export const clip = elementwise({
  name: 'clip',
  arity: 1,
  smooth: false,
  scalar: ([x], attrs) => clamp(x!, ...bounds(attrs)),
  expr: ([x], attrs) => {
    const [lo, hi] = bounds(attrs);
    return `Math.min(Math.max(${x}, ${numberLiteral(lo)}), ${numberLiteral(hi)})`;
  },
  wasm: ([x], attrs) => {
    const [lo, hi] = bounds(attrs);
    return E.min(E.max(x!, E.c(lo)), E.c(hi));
  },
  // an end stays open only while it is strictly inside (lo, hi]/[lo, hi): beyond, a bound is attained
  range: ([a], attrs) => {
    const [lo, hi] = bounds(attrs);
    return I.interval(
      clamp(a!.lo, lo, hi),
      clamp(a!.hi, lo, hi),
      a!.loOpen && a!.lo >= lo && a!.lo < hi,
      a!.hiOpen && a!.hi > lo && a!.hi <= hi,
    );
  },
  math: ([x], attrs) => {
    const [lo, hi] = bounds(attrs);
    return printed(`clip(${x!.text}, ${formatNumber(lo)}, ${formatNumber(hi)})`, PREC.atom);
  },
  // d clip(x) = [lo ≤ x ≤ hi]·dx
  jvp: ({ tangents: [t], args: [x], attrs, b }) => scaled(b, t, inside(b, x!, attrs)),
  // clip′ = [lo ≤ x ≤ hi]
  vjp: ({ g, args: [x], attrs, b }) => [b.mul(g, inside(b, x!, attrs))],
  kinks: ([x], attrs, b) => {
    const [lo, hi] = bounds(attrs);
    return [b.sub(x!, lo), b.sub(x!, hi)];
  },
  safe: ([x], attrs, margin) => {
    const [lo, hi] = bounds(attrs);
    return Math.abs(x! - lo) > margin && Math.abs(x! - hi) > margin;
  },
  sample: [[-3, 3]],
});
