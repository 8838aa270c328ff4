/**
 * The rational normal form's fast paths (sums with no common part, scaling a factor, a term times
 * a polynomial, content found without maps, and the lower bound of the written form's size that
 * spares writing a region that cannot get smaller) give what the general code gives: the same
 * node (or none) for every region root, and the same optimized graph and firing log — on random
 * scalar DAGs, random tensor graphs (layouts, broadcasts), the compile bench's random graphs and
 * regions built to meet the bound's edge cases (an atom that is itself a product or a sum of other
 * atoms of the region, so written nodes coincide with it; x⁰; negated coefficients).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/autodiff/grad.ts';
import { randomScalarGraph } from '../src/bench/compileTime.ts';
import * as B from '../src/builder/core.ts';
import '../src/builder/fluent.ts';
import { toposort, useCounts } from '../src/ir/graph.ts';
import type { Node } from '../src/ir/node.ts';
import { optimize } from '../src/rewrite/optimize.ts';
import {
  isArithmetic,
  normalizeRational,
  Readings,
  withoutFastPaths,
} from '../src/rewrite/rational.ts';
import { buildDag, dagRecipeArb } from './props/arbitraries.ts';
import { buildGraph, recipeArb } from './props/tensorArbitraries.ts';

const SEED = 0xfa57;

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
 * Every arithmetic node of the graph normalized as a region root, with the fast paths and
 * without (each with its own `Readings` for the whole graph): the same node (or none) each time.
 */
function expectSameNormalForms(outputs: Record<string, Node>): number {
  const nodes = toposort(Object.values(outputs));
  const uses = useCounts(nodes, Object.values(outputs));
  const interior = (x: Node) => (uses.get(x) ?? 0) <= 1;
  const fast = new Readings(interior);
  const general = new Readings(interior);
  let normalized = 0;
  for (const n of nodes) {
    if (!isArithmetic(n)) continue;
    const once = attempt(() => normalizeRational(n, fast));
    const slow = attempt(() => withoutFastPaths(() => normalizeRational(n, general)));
    expect(once).toBe(slow);
    if (slow !== undefined) normalized++;
  }
  return normalized;
}

function expectSameOptimized(outputs: Record<string, Node>): void {
  const once = attempt(() => optimize(outputs));
  const slow = attempt(() => withoutFastPaths(() => optimize(outputs)));
  if ('error' in once || 'error' in slow) {
    expect(once).toEqual(slow);
    return;
  }
  for (const key of Object.keys(outputs)) expect(once.outputs[key]).toBe(slow.outputs[key]);
  const log = (o: typeof once) => o.firings.map((f) => [f.rule, f.from, f.to]);
  expect(log(once)).toEqual(log(slow));
}

describe('the fast paths of the rational normal form give what the general code gives', () => {
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
      { seed: SEED, numRuns: 200 },
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
    for (const seed of [1, 2, 3, 4]) {
      const { y, inputs } = randomScalarGraph(400, seed);
      const outputs = withGradients(y, inputs);
      expect(expectSameNormalForms(outputs)).toBeGreaterThan(0);
      expectSameOptimized(outputs);
    }
  });

  it('a region whose written power is one of its atoms', () => {
    // a⁷ is an atom (a power the normal form does not expand), and a⁴·a³ is written as a⁷: the
    // same node, so P·w and a⁴·a³·w are written as one product (all of it scalar, so read in)
    const [a, w, z] = ['a', 'w', 'z'].map((n) => B.input(n)) as [Node, Node, Node];
    const P = B.pow(a, 7);
    const r = B.add(B.add(B.mul(P, w), B.mul(B.mul(B.pow(a, 4), B.pow(a, 3)), w)), z);
    expectSameNormalForms({ r });
    expect(normalizeRational(r, () => true)).toBeDefined();
  });

  it('regions whose written nodes coincide with their atoms, powers 0, negated sums', () => {
    // random sums of products over a few leaves, some of whose products and sums are shared
    // (so they are atoms of the regions above, and what those regions write may be them)
    const term = fc.record({
      coef: fc.constantFrom(1, -1, 0.5, -0.5, 2, 0.9),
      atoms: fc.array(fc.nat(5), { minLength: 0, maxLength: 3 }),
      k: fc.constantFrom(1, 1, 1, 2, 0, -1),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(term, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
        (sums) => {
          const x = B.input('x');
          const y = B.input('y');
          const t = B.tanh(B.input('z'));
          const xy = B.mul(x, y); // shared below: an atom
          const xpy = B.add(x, y); // shared below: an atom
          const pool = [x, y, t, xy, xpy, B.neg(xy)];
          const outputs: Record<string, Node> = { xy, xpy };
          sums.forEach((terms, i) => {
            let acc: Node | undefined;
            for (const { coef, atoms, k } of terms) {
              let m: Node = B.constant(coef);
              for (const a of atoms) m = B.mul(m, pool[a]!);
              if (k !== 1) m = k === 2 ? B.square(m) : B.pow(m, k);
              acc = acc ? B.add(acc, m) : m;
            }
            outputs[`s${i}`] = B.mul(acc!, B.sub(x, y));
          });
          expectSameNormalForms(outputs);
          expectSameOptimized(outputs);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
