/**
 * The rewrite engine's fixed-point cache (a node no rule of a phase fires on, nor below it, and
 * whose rules never asked for its uses, users or original node, is skipped by every later pass of
 * that phase): optimizing with it gives the graph and the firing log that optimizing without it
 * gives, on random scalar and tensor graphs and their gradients; every node it records is one a
 * cache-free pass leaves alone; and a rule that asks for the context is asked again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/autodiff/grad.ts';
import * as B from '../src/builder/core.ts';
import '../src/builder/fluent.ts';
import { toposort } from '../src/ir/graph.ts';
import type { Node } from '../src/ir/node.ts';
import {
  isFixedPoint,
  rule,
  runPhase,
  withoutFixedPointCache,
  type Firing,
  type Phase,
} from '../src/rewrite/engine.ts';
import { optimize } from '../src/rewrite/optimize.ts';
import { v } from '../src/rewrite/pattern.ts';
import { PHASES } from '../src/rewrite/rules.ts';
import { buildDag, dagRecipeArb, ELEMENTWISE_OPS } from './props/arbitraries.ts';
import { buildGraph, recipeArb } from './props/tensorArbitraries.ts';

const SEED = 0x5eed14;

/** The cost and its gradients, as `optimize` takes them. */
function withGradients(y: Node, leaves: readonly Node[]): Record<string, Node> {
  const outputs: Record<string, Node> = { y };
  const grads: readonly Node[] = grad(y, leaves);
  grads.forEach((g, i) => (outputs[`d${i}`] = g));
  return outputs;
}

const logOf = (firings: readonly Firing[]) =>
  firings.map((f) => ({ rule: f.rule, phase: f.phase, from: f.from, to: f.to }));

/** `optimize(outputs)`, or the error it throws (a random graph may fold a constant to NaN). */
function attempt(run: () => ReturnType<typeof optimize>) {
  try {
    return run();
  } catch (e) {
    return { error: String(e) };
  }
}

/** Optimized with the cache (cold for what it has not seen, then warm) and without: all alike. */
function expectCacheInvisible(outputs: Record<string, Node>): void {
  const cold = attempt(() => optimize(outputs));
  const plain = attempt(() => withoutFixedPointCache(() => optimize(outputs)));
  const warm = attempt(() => optimize(outputs));
  if ('error' in plain || 'error' in cold || 'error' in warm) {
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    return;
  }
  for (const key of Object.keys(outputs)) {
    expect(cold.outputs[key]).toBe(plain.outputs[key]);
    expect(warm.outputs[key]).toBe(plain.outputs[key]);
  }
  expect(logOf(cold.firings)).toEqual(logOf(plain.firings));
  expect(logOf(warm.firings)).toEqual(logOf(plain.firings));
  // every node recorded as a fixed point of a phase is left alone by a pass that knows nothing
  const nodes = toposort([...Object.values(outputs), ...Object.values(cold.outputs)]);
  for (const phase of PHASES) {
    for (const n of nodes) {
      if (n.kind !== 'apply' || !isFixedPoint(phase, n)) continue;
      const log: Firing[] = [];
      const [after] = withoutFixedPointCache(() => runPhase([n], phase, log));
      expect(after).toBe(n);
      expect(log).toEqual([]);
    }
  }
}

describe('the fixed-point cache changes nothing the optimizer does', () => {
  it('random scalar DAGs over every elementwise op, with their gradients', () => {
    const recipes = dagRecipeArb(
      ELEMENTWISE_OPS.map(([name]) => name),
      { minSteps: 3, maxSteps: 30, minInputs: 1, maxInputs: 4 },
    );
    fc.assert(
      fc.property(recipes, (recipe) => {
        const dag = buildDag(recipe, { smoothOnly: false });
        if (!dag) return;
        expectCacheInvisible(withGradients(dag.y, dag.leaves));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('random tensor graphs (layouts, reductions, matmul, slices), with their gradients', () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 10 }), (recipe) => {
        const g = buildGraph(recipe);
        expectCacheInvisible(
          withGradients(
            g.cost,
            g.leaves.map((l) => l.node),
          ),
        );
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('what the cache records', () => {
  /** A phase whose one rule counts its calls and fires on tanh(x) only when `fires` says so. */
  function countingPhase(fires: (n: Node, uses: () => number) => boolean) {
    const calls: Node[] = [];
    const phase: Phase = {
      name: 'counting',
      rules: [
        rule('tanh-to-sigmoid', 'tanh(x) → σ(x) (a test rule)', v('t'), (_b, n, ctx) => {
          calls.push(n);
          if (n.op !== 'tanh' || !fires(n, () => ctx.uses(ctx.original))) return undefined;
          return B.sigmoid(n.args[0]!);
        }),
      ],
    };
    return { phase, calls };
  }

  it('a node no rule fires on is not tried again, in a later pass or a later call', () => {
    const { phase, calls } = countingPhase(() => false);
    const x = B.input('cacheX');
    const y = B.mul(B.tanh(x), B.add(x, 1));
    expect(runPhase([y], phase, [])).toEqual([y]);
    expect(calls.length).toBe(3);
    expect(runPhase([y], phase, [])).toEqual([y]);
    expect(calls.length).toBe(3);
    // without the cache, every node is tried again
    withoutFixedPointCache(() => runPhase([y], phase, []));
    expect(calls.length).toBe(6);
  });

  it('a decision that asked for the uses is not recorded: the same node in another graph', () => {
    // fires on tanh(x) where it has two users
    const { phase, calls } = countingPhase((_n, uses) => uses() >= 2);
    const x = B.input('cacheU');
    const t = B.tanh(x);
    const once = B.mul(t, 3);
    expect(runPhase([once], phase, [])).toEqual([once]);
    expect(isFixedPoint(phase, t)).toBe(false);
    expect(isFixedPoint(phase, once)).toBe(false); // above a node that is not known
    const twice = B.mul(t, B.add(t, 1));
    const log: Firing[] = [];
    const [after] = runPhase([twice], phase, log);
    expect(log.map((f) => f.rule)).toEqual(['tanh-to-sigmoid']);
    expect(after).toBe(B.mul(B.sigmoid(x), B.add(B.sigmoid(x), 1)));
    expect(calls).toContain(t);
  });
});
