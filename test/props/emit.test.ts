/**
 * Emitted modules are self-contained TypeScript that type-checks under `strict` and every stricter
 * flag a user project may set (test/strict.ts), and emission is deterministic (byte-identical text
 * for the same outputs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../../src/autodiff/grad.ts';
import { eq, gt, input, mul, neg, sum } from '../../src/builder/core.ts';
import { emit } from '../../src/emit/module.ts';
import { formatTypeScript } from '../prettier.ts';
import type { Node } from '../../src/ir/node.ts';
import { showDiagnostics, strictDiagnostics } from '../strict.ts';
import { buildDag, dagRecipeArb, describeGraph, ELEMENTWISE_OPS } from './arbitraries.ts';

const SEED = 0xe417;
const RUNS = 5;

function diagnosticsOf(source: string) {
  return strictDiagnostics(source);
}

function expectTypeChecks(source: string, outputs: Readonly<Record<string, Node>>): void {
  const ds = diagnosticsOf(source);
  if (ds.length > 0) {
    const shown = showDiagnostics(ds);
    expect.fail(`${shown}\n--- module ---\n${source}\n--- graph ---\n${describeGraph(outputs)}`);
  }
}

const recipes = dagRecipeArb(
  ELEMENTWISE_OPS.map(([name]) => name),
  { minSteps: 3, maxSteps: 25, minInputs: 1, maxInputs: 4 },
);

describe('emitted modules', () => {
  it('the strict type check is live: it rejects a module with type errors', () => {
    const ds = diagnosticsOf(
      'export function f(x) { return x; }\nexport const n: number = Number.isFinite(1);\n' +
        'export function g(a: Float64Array, unused: number): number { return a[0] + 1; }',
    );
    // implicit any (strict), boolean is not assignable to number, an unchecked indexed read
    // (noUncheckedIndexedAccess), an unused parameter
    expect(ds.map((d) => d.getCode()).sort()).toEqual([2322, 2532, 6133, 7006]);
  });

  it('the committed modules in codegen/ (both targets) type-check under the strictest flags', () => {
    const dir = new URL('../../codegen/', import.meta.url);
    const files = [
      ...readdirSync(dir).filter((f) => f.endsWith('.ts')),
      ...readdirSync(new URL('wasm/', dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `wasm/${f}`),
    ];
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const f of files) {
      const ds = diagnosticsOf(readFileSync(new URL(f, dir), 'utf8'));
      if (ds.length > 0) expect.fail(`codegen/${f}:\n${showDiagnostics(ds)}`);
    }
  });

  it('type-check under strict and are byte-identical when emitted twice', () => {
    fc.assert(
      fc.property(
        recipes,
        fc.constantFrom('compute', 'costJ', 'forwardBackward'),
        (recipe, name) => {
          const dag = buildDag(recipe, { smoothOnly: false });
          fc.pre(dag !== undefined);
          const grads = grad(dag.y, dag.leaves);
          const outputs: Record<string, Node> = { y: dag.y };
          dag.leaves.forEach((l, i) => (outputs[`d${l.name}`] = grads[i]!));

          // the emitter on exactly these graphs
          const first = emit(outputs, { name, optimize: false });
          const second = emit(outputs, { name, optimize: false });
          if (first !== second) {
            expect.fail(`emit is not deterministic for\n${describeGraph(outputs)}`);
          }
          expect(first).toContain(`export function ${name}(`);
          // the steps are printed in prettier's style without prettier: prettier must agree
          expect(formatTypeScript(first)).toBe(first);
          expectTypeChecks(first, outputs);

          // and on what the default optimizer makes of them, which is deterministic too
          const optimized = emit(outputs, { name });
          expect(emit(outputs, { name })).toBe(optimized);
          expectTypeChecks(optimized, outputs);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  /*
   * Regression, found by the property above (other seeds): a comparison's temporary was inferred
   * as the literal type 0 | 1 (`const t0 = x > y ? 1 : 0;`), so comparing it with another constant
   * was TS2367 under strict. Comparisons now emit `+(x > y)`, typed number.
   */
  it('[x > y] = 0.5 type-checks (a comparison is a number, not 0 | 1)', () => {
    const x = input('x');
    const y = input('y');
    const z = eq(gt(x, y), 0.5);
    expectTypeChecks(emit({ z }, { optimize: false }), { z });
  });

  /*
   * Regression, found by the tensor-graph property (more runs): when every output folds to a
   * constant, the inputs were still bound to locals nothing reads (TS6133 under noUnusedLocals).
   * They are checked, not bound.
   */
  it('a module whose outputs all fold to constants type-checks, and still checks its inputs', () => {
    const x0 = input('x0');
    const x1 = input('x1', [2]);
    const J = neg(mul(0, sum(gt(x1, x0))));
    const source = emit({ J }, {});
    expectTypeChecks(source, { J });
    expect(source).toMatch(/checkScalar\('compute', 'x0', inputs\.x0\);/);
    expect(source).not.toMatch(/const x0 = /);
  });
});
