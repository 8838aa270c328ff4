/**
 * Property: the optimizer does not care what the leaves are called. Random tensor graphs (the
 * recipes of tensorGraphs.test.ts) are built with differently named leaves — the names set the
 * structural hashes, hence the canonical order of commutative operands and of normal-form atoms
 * — and each version's cost, steps and gradients must optimize without E_REWRITE_CYCLE. (The
 * second derivative of mean(σ(x))^−0.5 cycled for x named z, w or x2 and not for x or q; see
 * regressions.test.ts.) The size they settle on may differ: a chain of constant additions is
 * folded in one operand order and not in another (a missed fold, not a wrong value).
 */
import fc from 'fast-check';
import { it } from 'vitest';
import { grad } from '../../src/autodiff/grad.ts';
import type { Node } from '../../src/ir/node.ts';
import { optimize } from '../../src/rewrite/optimize.ts';
import { buildGraph, recipeArb } from './tensorArbitraries.ts';

const SEED = 0x6e616d65;
const PREFIXES = ['', 'q_', 'Zz', 'b7'];

/** The graph of `recipe` with renamed leaves, or undefined when the recipe builds no graph. */
function build(recipe: Parameters<typeof buildGraph>[0], prefix: string) {
  try {
    return buildGraph(recipe, undefined, prefix);
  } catch {
    // (a label leaf of a Gram matrix's shape (m, m) is refused: not this property's business)
    return undefined;
  }
}

function optimizes(g: ReturnType<typeof buildGraph>): void {
  const leaves = g.leaves.map((l) => l.node);
  const outputs: Record<string, Node> = { J: g.cost };
  g.intermediates.forEach((n, i) => (outputs[`t${i}`] = n));
  grad(g.cost, leaves).forEach((d, i) => (outputs[`d${i}`] = d));
  optimize(outputs);
}

it('optimize settles whatever the leaves are called', () => {
  fc.assert(
    fc.property(recipeArb({ maxSteps: 6 }), (recipe) => {
      const graphs = PREFIXES.map((prefix) => build(recipe, prefix));
      fc.pre(graphs.every((g) => g !== undefined));
      for (const g of graphs) optimizes(g!);
    }),
    { seed: SEED, numRuns: 150 },
  );
});
