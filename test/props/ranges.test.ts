/**
 * Range analysis is sound: for every elementwise op that declares a `range`, the value at any
 * point of its operands' intervals lies in the interval the op claims — an open end is never
 * attained. (relu(tanh x) was claimed ≠ 0, tanh's interval being open: then relu(tanh x)/relu(tanh x)
 * was rewritten to 1 where it is 0/0.) Points and ends are moderate numbers, where no function
 * saturates in floats, so an open end that is hit is a wrong claim, not rounding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interval, type Interval } from '../../src/ops/interval.ts';
import { attrsArb, ELEMENTWISE_OPS } from './arbitraries.ts';

const SEED = 0x7a46e;
const ENDS = [-Infinity, -3, -1, -0.5, 0, 0.5, 1, 3, Infinity];

/** An interval and a point in it: a closed end, or a point strictly inside. */
const operandArb = fc
  .tuple(
    fc.constantFrom(...ENDS),
    fc.constantFrom(...ENDS),
    fc.boolean(),
    fc.boolean(),
    fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    fc.constantFrom('lo', 'hi', 'inside'),
  )
  .filter(([a, b]) => a < b)
  .map(([lo, hi, loOpen, hiOpen, u, where]) => {
    const r = interval(lo, hi, loOpen, hiOpen);
    const finiteLo = Number.isFinite(lo) ? lo : Math.min(hi, 0) - 3;
    const finiteHi = Number.isFinite(hi) ? hi : Math.max(lo, 0) + 3;
    const x =
      where === 'lo' && !r.loOpen
        ? lo
        : where === 'hi' && !r.hiOpen
          ? hi
          : finiteLo + (finiteHi - finiteLo) * u;
    return { r, x };
  });

const contains = (r: Interval, v: number) =>
  (v > r.lo || (v === r.lo && !r.loOpen)) && (v < r.hi || (v === r.hi && !r.hiOpen));
const show = (r: Interval) => `${r.loOpen ? '(' : '['}${r.lo}, ${r.hi}${r.hiOpen ? ')' : ']'}`;

describe('every op range contains the values it can take', () => {
  for (const [name, def] of ELEMENTWISE_OPS) {
    if (!def.range) continue;
    it(name, () => {
      fc.assert(
        fc.property(
          fc.array(operandArb, { minLength: def.arity, maxLength: def.arity }),
          attrsArb(name),
          (operands, attrs) => {
            const v = def.scalar(
              operands.map((o) => o.x),
              attrs,
            );
            if (!Number.isFinite(v)) return; // outside the op's domain (log of a negative)
            const claimed = def.range!(
              operands.map((o) => o.r),
              attrs,
            );
            const at = operands.map((o) => `${o.x} ∈ ${show(o.r)}`).join(', ');
            expect(contains(claimed, v), `${name}(${at}) = ${v} ∉ ${show(claimed)}`).toBe(true);
          },
        ),
        { seed: SEED, numRuns: 400 },
      );
    });
  }
});
