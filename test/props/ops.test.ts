/**
 * Per-op laws, looping over the OPS registry so that a new op is covered as soon as it is
 * registered: registry consistency, and each op's symbolic gradient against two-sided finite
 * differences on the op's own sample domain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../../src/autodiff/grad.ts';
import { apply, input } from '../../src/builder/core.ts';
import { gradcheck } from '../../src/check/gradcheck.ts';
import { formula } from '../../src/ir/print.ts';
import { OPS } from '../../src/ops/index.ts';
import {
  attrsArb,
  ELEMENTWISE_OPS,
  gradientOperands,
  MARGIN,
  opPointArb,
  resolvable,
} from './arbitraries.ts';

const SEED = 0x5ca1a7;
const RUNS_PER_OP = 20;

describe('OPS registry', () => {
  it("every entry's name equals its key", () => {
    for (const [key, def] of Object.entries(OPS)) expect(def.name, key).toBe(key);
  });

  it('every elementwise op gives one sample range per operand, each non-empty', () => {
    for (const [key, def] of ELEMENTWISE_OPS) {
      expect(def.sample.length, key).toBe(def.arity);
      for (const [min, max] of def.sample) expect(min, key).toBeLessThanOrEqual(max);
    }
  });
});

describe('per-op gradient vs central differences (ε = 1e-7, relative error < 1e-7)', () => {
  for (const [key, def] of ELEMENTWISE_OPS) {
    const withGradient = gradientOperands(key);
    // An op whose vjp gives no operand a gradient (comparisons, sign) claims to be piecewise
    // constant: at safe points the differences w.r.t. every operand must then be 0 as well.
    const piecewiseConstant = withGradient.length === 0;
    const wrt = piecewiseConstant ? def.sample.map((_, i) => i) : withGradient;
    const title = piecewiseConstant
      ? `${key}: no gradient, and its differences vanish too`
      : `${key}: gradient w.r.t. operand(s) ${wrt.join(', ')}`;
    it(title, () => {
      fc.assert(
        fc.property(opPointArb(def), attrsArb(key), (xs, attrs) => {
          fc.pre(def.safe(xs, attrs, MARGIN));
          const args = xs.map((_, i) => input(`x${i}`));
          const node = apply(key, args, attrs);
          const point = Object.fromEntries(xs.map((v, i) => [`x${i}`, v]));
          const wrtNodes = wrt.map((i) => args[i]!);
          // points where rounding alone could exceed the threshold say nothing about the vjp
          fc.pre(resolvable(node, grad(node, wrtNodes), point, wrtNodes));
          const r = gradcheck(node, point, { wrt: wrtNodes });
          if (!(r.relativeError < 1e-7)) {
            const at = `at ${JSON.stringify(point)} attrs ${JSON.stringify(attrs)}`;
            expect.fail(`${formula(node)} ${at}\n${r.report()}`);
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_OP },
      );
    });
  }
});
