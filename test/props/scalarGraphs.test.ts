/**
 * Random scalar DAGs over every registered elementwise op, through the pipeline: grad, emit (lower,
 * print), load — and, separately, the optimizer that compile() and emit() run by default. The
 * compiled module agrees with the reference interpreter, the compiled symbolic gradients agree with
 * central differences, and the optimizer preserves values up to rounding.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { grad } from '../../src/autodiff/grad.ts';
import { gradcheck } from '../../src/check/gradcheck.ts';
import { compile } from '../../src/emit/compile.ts';
import { evaluate } from '../../src/ir/interp.ts';
import type { InputNode, Node } from '../../src/ir/node.ts';
import { formula } from '../../src/ir/print.ts';
import { optimize } from '../../src/rewrite/optimize.ts';
import {
  buildDag,
  dagRecipeArb,
  describeGraph,
  ELEMENTWISE_OPS,
  firstSafePoint,
  pointsArb,
  relativeDifference,
  resolvable,
  roundingErrorBound,
  scalarOf,
  type DagRecipe,
  type Point,
} from './arbitraries.ts';

const SEED = 0x9a7d;
const MAX_INPUTS = 4;

const recipes = dagRecipeArb(
  ELEMENTWISE_OPS.map(([name]) => name),
  { minSteps: 3, maxSteps: 25, minInputs: 1, maxInputs: MAX_INPUTS },
);

/** A random DAG y with its gradients `d<input>`, at a safe point; rejects unusable samples. */
function sampleWithGradients(
  recipe: DagRecipe,
  candidates: readonly (readonly number[])[],
): { outputs: Record<string, Node>; leaves: readonly InputNode[]; point: Point } {
  const dag = buildDag(recipe, { smoothOnly: false });
  fc.pre(dag !== undefined);
  const point = firstSafePoint([dag.y], dag.leaves, candidates);
  fc.pre(point !== undefined);
  const grads = grad(dag.y, dag.leaves);
  const outputs: Record<string, Node> = { y: dag.y };
  dag.leaves.forEach((l, i) => (outputs[`d${l.name}`] = grads[i]!));
  return { outputs, leaves: dag.leaves, point };
}

it('compiled = interpreted (≤ 1e-12) and compiled gradients pass gradcheck (< 1e-7)', () => {
  fc.assert(
    fc.property(recipes, pointsArb(MAX_INPUTS, 6), (recipe, candidates) => {
      const { outputs, leaves, point } = sampleWithGradients(recipe, candidates);
      // exactly the graphs grad built (the optimizer has its own property below)
      const f = compile(outputs, { optimize: false });
      const context = () => `at ${JSON.stringify(point)}\n${describeGraph(outputs)}`;

      // (a) emitted code and interpreter evaluate the same graph with the same per-element formulas
      const compiled = f(point);
      const interpreted = evaluate(outputs, point);
      for (const key of Object.keys(outputs)) {
        const c = scalarOf(compiled[key], `compiled ${key}`);
        const i = scalarOf(interpreted[key], `interpreted ${key}`);
        if (!(relativeDifference(c, i) <= 1e-12)) {
          const module = `--- module ---\n${f.source}`;
          expect.fail(`output ${key}: compiled ${c} vs interpreter ${i} ${context()}\n${module}`);
        }
      }

      // (b) the compiled gradients against two-sided differences of the compiled cost — skipped
      // where rounding alone could exceed gradcheck's threshold (says nothing about the vjps)
      const gradients = leaves.map((l) => outputs[`d${l.name}`]!);
      if (!resolvable(outputs.y!, gradients, point, leaves)) return;
      const r = gradcheck(f, point);
      if (!(r.relativeError < 1e-7)) expect.fail(`${r.report()}\n${context()}`);
    }),
    { seed: SEED, numRuns: 150 },
  );
});

it('optimize preserves values up to rounding', () => {
  fc.assert(
    fc.property(recipes, pointsArb(MAX_INPUTS, 6), (recipe, candidates) => {
      const { outputs, point } = sampleWithGradients(recipe, candidates);
      const optimized = optimize(outputs).outputs;
      const original = evaluate(outputs, point);
      const values = evaluate(optimized, point);
      for (const key of Object.keys(outputs)) {
        // the rewrites are identities in ℝ, so the optimized and original graphs may differ by
        // their rounding errors only: |opt − orig| ≤ N(optimized) + N(original), first-order bounds
        const o = scalarOf(original[key], `original ${key}`);
        const v = scalarOf(values[key], `optimized ${key}`);
        const bound: number =
          roundingErrorBound(optimized[key]!, point) + roundingErrorBound(outputs[key]!, point);
        if (!(Math.abs(v - o) <= bound)) {
          expect.fail(
            [
              `output ${key}: optimized ${v} vs original ${o}, beyond the rounding bound ${bound}`,
              `at ${JSON.stringify(point)}`,
              describeGraph(outputs),
              '--- optimized ---',
              describeGraph(optimized),
            ].join('\n'),
          );
        }
      }
    }),
    { seed: SEED + 1, numRuns: 200 },
  );
});

/*
 * A law found broken by this property (and by the regressions in regressions.test.ts): the
 * optimizer's decisions depended on which nodes already existed. Now they are structural.
 */
it('optimize is a pure function: optimizing the same outputs twice gives the same graph', () => {
  fc.assert(
    fc.property(recipes, pointsArb(MAX_INPUTS, 6), (recipe, candidates) => {
      const { outputs } = sampleWithGradients(recipe, candidates);
      const first = optimize(outputs).outputs;
      const second = optimize(outputs).outputs;
      for (const key of Object.keys(outputs)) {
        if (second[key] !== first[key]) {
          expect.fail(
            `optimizing ${key} twice gave ${formula(first[key]!)}, then ${formula(second[key]!)}, for\n` +
              describeGraph(outputs),
          );
        }
      }
    }),
    { seed: SEED + 2, numRuns: 200 },
  );
});
