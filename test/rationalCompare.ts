/**
 * Two ways of computing the rational normal form held against each other (reading each node once
 * against every path; the fast paths against the general code): the same node (or none) for
 * every region root, and the same optimized graph and firing log, on random scalar DAGs, random
 * tensor graphs and the compile bench's random graphs.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { grad } from '../src/autodiff/grad.ts';
import { randomScalarGraph } from '../src/bench/compileTime.ts';
import '../src/builder/fluent.ts';
import { toposort, useCounts } from '../src/ir/graph.ts';
import type { Node } from '../src/ir/node.ts';
import { optimize } from '../src/rewrite/optimize.ts';
import { isArithmetic } from '../src/rewrite/rational.ts';
import { buildDag, dagRecipeArb } from './props/arbitraries.ts';
import { buildGraph, recipeArb } from './props/tensorArbitraries.ts';

export interface TwoWays {
  /** For one graph (its interior test): a region root normalized one way, then the other. */
  readonly normalize: (
    interior: (n: Node) => boolean,
  ) => readonly [(n: Node) => Node | undefined, (n: Node) => Node | undefined];
  /** Runs `fn` the other way. */
  readonly otherWay: <T>(fn: () => T) => T;
}

export function withGradients(y: Node, leaves: readonly Node[]): Record<string, Node> {
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

/** Every arithmetic node of the graph normalized as a region root both ways: the same each time. */
export function expectSameNormalForms(outputs: Record<string, Node>, ways: TwoWays): number {
  const nodes = toposort(Object.values(outputs));
  const uses = useCounts(nodes, Object.values(outputs));
  const [one, other] = ways.normalize((x) => (uses.get(x) ?? 0) <= 1);
  let normalized = 0;
  for (const n of nodes) {
    if (!isArithmetic(n)) continue;
    const a = attempt(() => one(n));
    const b = attempt(() => other(n));
    expect(a).toBe(b);
    if (b !== undefined) normalized++;
  }
  return normalized;
}

/** `optimize` both ways: the same outputs and firing log (or the same error). */
export function expectSameOptimized(outputs: Record<string, Node>, ways: TwoWays): void {
  const a = attempt(() => optimize(outputs));
  const b = attempt(() => ways.otherWay(() => optimize(outputs)));
  if ('error' in a || 'error' in b) {
    expect(a).toEqual(b);
    return;
  }
  for (const key of Object.keys(outputs)) expect(a.outputs[key]).toBe(b.outputs[key]);
  const log = (o: typeof a) => o.firings.map((f) => [f.rule, f.from, f.to]);
  expect(log(a)).toEqual(log(b));
}

/** The random-graph properties of a comparison (`it`s of the `describe` it is called in). */
export function sameOnRandomGraphs(
  ways: TwoWays,
  options: { readonly seed: number; readonly scalarRuns: number; readonly benchSeeds: number[] },
): void {
  const ops = ['add', 'sub', 'mul', 'div', 'neg', 'square', 'pow', 'tanh', 'sigmoid', 'exp'];
  it('random scalar DAGs of arithmetic and other ops, with their gradients', () => {
    let normalized = 0;
    fc.assert(
      fc.property(
        dagRecipeArb(ops as never[], { minSteps: 3, maxSteps: 30, minInputs: 1, maxInputs: 4 }),
        (recipe) => {
          const dag = buildDag(recipe, { smoothOnly: false });
          if (!dag) return;
          const outputs = withGradients(dag.y, dag.leaves);
          normalized += expectSameNormalForms(outputs, ways);
          expectSameOptimized(outputs, ways);
        },
      ),
      { seed: options.seed, numRuns: options.scalarRuns },
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
        expectSameNormalForms(outputs, ways);
        expectSameOptimized(outputs, ways);
      }),
      { seed: options.seed, numRuns: 100 },
    );
  });

  it("the compile bench's random scalar graphs", () => {
    for (const seed of options.benchSeeds) {
      const { y, inputs } = randomScalarGraph(400, seed);
      const outputs = withGradients(y, inputs);
      expect(expectSameNormalForms(outputs, ways)).toBeGreaterThan(0);
      expectSameOptimized(outputs, ways);
    }
  });
}
