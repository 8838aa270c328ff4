/**
 * The rational normal form reads each interior node of a graph once per pass (`Readings`), not
 * once per region and path: normalizing with it gives the node, and optimizing the graph and the
 * firing log, that reading every region path by path gives — on random scalar DAGs (where shared
 * scalar arithmetic is read by every region above it), random tensor graphs (layout ops read
 * through, broadcasts) and the compile bench's random graphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/autodiff/grad.ts';
import { randomScalarGraph } from '../src/bench/compileTime.ts';
import '../src/builder/fluent.ts';
import { toposort, useCounts } from '../src/ir/graph.ts';
import type { Node } from '../src/ir/node.ts';
import { optimize } from '../src/rewrite/optimize.ts';
import {
  isArithmetic,
  normalizeRational,
  Readings,
  withoutReadingOnce,
} from '../src/rewrite/rational.ts';
import { buildDag, dagRecipeArb } from './props/arbitraries.ts';
import { buildGraph, recipeArb } from './props/tensorArbitraries.ts';

const SEED = 0x4ead1;

function withGradients(y: Node, leaves: readonly Node[]): Record<string, Node> {
  const outputs: Record<string, Node> = { y };
  grad(y, leaves).forEach((g, i) => (outputs[`d${i}`] = g));
  return outputs;
}

/** `run()`, or the error it throws (a random graph may fold a constant to NaN). */
function attempt<T>(run: () => T): T | { error: string } {
  try {
    return run();
  } catch (e) {
    return { error: String(e) };
  }
}

/**
 * Every arithmetic node of the graph normalized as a region root, with one `Readings` for the
 * whole graph, and each path by path: the same node (or none) each time.
 */
function expectSameNormalForms(outputs: Record<string, Node>): number {
  const nodes = toposort(Object.values(outputs));
  const uses = useCounts(nodes, Object.values(outputs));
  const interior = (x: Node) => (uses.get(x) ?? 0) <= 1;
  const readings = new Readings(interior);
  let normalized = 0;
  for (const n of nodes) {
    if (!isArithmetic(n)) continue;
    const once = attempt(() => normalizeRational(n, readings));
    const paths = attempt(() => withoutReadingOnce(() => normalizeRational(n, interior)));
    expect(once).toBe(paths);
    if (paths !== undefined) normalized++;
  }
  return normalized;
}

function expectSameOptimized(outputs: Record<string, Node>): void {
  const once = attempt(() => optimize(outputs));
  const paths = attempt(() => withoutReadingOnce(() => optimize(outputs)));
  if ('error' in once || 'error' in paths) {
    expect(once).toEqual(paths);
    return;
  }
  for (const key of Object.keys(outputs)) expect(once.outputs[key]).toBe(paths.outputs[key]);
  const log = (o: typeof once) => o.firings.map((f) => [f.rule, f.from, f.to]);
  expect(log(once)).toEqual(log(paths));
}

describe('reading each node once normalizes as reading every path does', () => {
  it('random scalar DAGs of arithmetic and other ops, with their gradients', () => {
    const ops = [
      'add',
      'sub',
      'mul',
      'div',
      'neg',
      'square',
      'pow',
      'tanh',
      'sigmoid',
      'exp',
    ] as const;
    let normalized = 0;
    fc.assert(
      fc.property(
        dagRecipeArb([...ops], { minSteps: 3, maxSteps: 30, minInputs: 1, maxInputs: 4 }),
        (recipe) => {
          const dag = buildDag(recipe, { smoothOnly: false });
          if (!dag) return;
          const outputs = withGradients(dag.y, dag.leaves);
          normalized += expectSameNormalForms(outputs);
          expectSameOptimized(outputs);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
    // the comparison is not empty: regions were normalized
    expect(normalized).toBeGreaterThan(50);
  });

  it('random tensor graphs (layouts read through, broadcasts), with their gradients', () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 10 }), (recipe) => {
        const g = buildGraph(recipe);
        const outputs = withGradients(
          g.cost,
          g.leaves.map((l) => l.node),
        );
        expectSameNormalForms(outputs);
        expectSameOptimized(outputs);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it("the compile bench's random scalar graphs", () => {
    for (const seed of [1, 2, 3]) {
      const { y, inputs } = randomScalarGraph(400, seed);
      const outputs = withGradients(y, inputs);
      expect(expectSameNormalForms(outputs)).toBeGreaterThan(0);
      expectSameOptimized(outputs);
    }
  });
});
