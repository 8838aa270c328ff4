/**
 * Every elementwise op's rule in the kernels' expression IR (its `wasm` field) is its reference
 * semantics bit for bit in float64 — NaN, ±0 and ±Infinity included — and its TypeScript
 * template's value too: the wasm target may run those ops in a kernel where the TS target runs
 * the template. Transcendentals are calls of Math's functions, so they agree exactly too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPS } from '../../src/ops/index.ts';
import type { ElementwiseOp } from '../../src/ops/define.ts';
import { E, evalExpr } from '../../src/kernel/expr.ts';
import { ATTRS } from '../fuzz/tensorGraphs.ts';

const withRule = Object.values(OPS).filter(
  (d): d is ElementwiseOp => d.kind === 'elementwise' && d.wasm !== undefined,
);

const special = fc.constantFrom(NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -2);
const value = fc.oneof(special, fc.double(), fc.double({ min: -5, max: 5 }));

describe('expression rules', () => {
  it('cover the arithmetic, comparison and piecewise-linear ops', () => {
    const names = withRule.map((d) => d.name);
    for (const n of ['add', 'sub', 'mul', 'div', 'relu', 'leakyRelu', 'gt', 'where', 'clip'])
      expect(names).toContain(n);
    // Math's transcendentals are calls of Math's own functions (one lane at a time)
    for (const n of ['exp', 'log', 'tanh', 'sigmoid', 'softplus']) expect(names).toContain(n);
  });

  for (const def of withRule) {
    it(`${def.name}: the rule is the op's value bit for bit in float64`, () => {
      const attrsList = ATTRS[def.name as keyof typeof ATTRS] ?? [{}];
      for (const attrs of attrsList) {
        const rule = def.wasm!(
          Array.from({ length: def.arity }, (_, i) => E.load(i)),
          attrs,
        );
        if (rule === undefined) continue;
        const template = new Function(
          ...Array.from({ length: def.arity }, (_, i) => `x${i}`),
          `return ${def.expr(
            Array.from({ length: def.arity }, (_, i) => `x${i}`),
            attrs,
          )};`,
        ) as (...xs: number[]) => number;
        fc.assert(
          fc.property(fc.array(value, { minLength: def.arity, maxLength: def.arity }), (xs) => {
            const got = evalExpr(rule, { load: (v) => xs[v]! }, 'float64');
            expect(Object.is(got, def.scalar(xs, attrs)), `${def.name}(${xs.join(', ')})`).toBe(
              true,
            );
            expect(Object.is(got, template(...xs))).toBe(true);
          }),
          { numRuns: 300, seed: 20_261_205 },
        );
      }
    });
  }
});
