/**
 * The whole graph a pass walked is handed to the next pass or phase given the same roots
 * (`Walks`): a pass then takes the op nodes not known to be fixed points from it instead of
 * walking the graph again. They are the walk that skips fixed points, node for node and in
 * order, since what lies below a fixed point is fixed; and optimizing gives what it gave with a
 * walk per pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/autodiff/grad.ts';
import '../src/builder/fluent.ts';
import { toposort } from '../src/ir/graph.ts';
import type { Node } from '../src/ir/node.ts';
import { History, isFixedPoint, runPhase, Walks, type Firing } from '../src/rewrite/engine.ts';
import { optimize } from '../src/rewrite/optimize.ts';
import { PHASES } from '../src/rewrite/rules.ts';
import { buildDag, dagRecipeArb, ELEMENTWISE_OPS } from './props/arbitraries.ts';

const SEED = 0x3a1c5;

const recipes = dagRecipeArb(
  ELEMENTWISE_OPS.map(([name]) => name),
  { minSteps: 3, maxSteps: 30, minInputs: 1, maxInputs: 4 },
);

/** The cost and its gradients of a recipe's DAG, or undefined (no input reached, a domain error). */
function rootsOf(recipe: Parameters<typeof buildDag>[0]): Node[] | undefined {
  try {
    const dag = buildDag(recipe, { smoothOnly: false });
    return dag && [dag.y, ...grad(dag.y, dag.leaves)];
  } catch {
    return undefined;
  }
}

describe('the whole graph handed on between passes', () => {
  it('leaving fixed points out of it is the walk that skips them (property)', () => {
    fc.assert(
      fc.property(recipes, (recipe) => {
        const roots = rootsOf(recipe);
        if (!roots) return;
        try {
          optimize(Object.fromEntries(roots.map((r, i) => [`o${i}`, r]))); // records fixed points
        } catch {
          return; // a constant folded out of its domain (0⁻²)
        }
        for (const phase of PHASES) {
          const known = (x: Node) => x.kind === 'apply' && isFixedPoint(phase, x);
          const ops = (xs: readonly Node[]) => xs.filter((x) => x.kind === 'apply');
          expect(ops(toposort(roots)).filter((x) => !known(x))).toEqual(
            ops(toposort(roots, known)),
          );
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('optimizing with it gives the graph and the log a walk per pass gives (property)', () => {
    fc.assert(
      fc.property(recipes, (recipe) => {
        const roots = rootsOf(recipe);
        if (!roots) return;
        const run = (walks: () => Walks) => {
          let current = roots;
          const log: Firing[] = [];
          const history = new History();
          try {
            for (let round = 0; round < 2; round++)
              for (const phase of PHASES) current = runPhase(current, phase, log, history, walks());
          } catch (e) {
            return { error: String(e) };
          }
          return { current, log: log.map((f) => [f.rule, f.from, f.to]) };
        };
        const shared = new Walks();
        const once = run(() => shared);
        const apart = run(() => new Walks());
        expect(once).toEqual(apart);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
