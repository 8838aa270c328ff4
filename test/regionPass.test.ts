/**
 * Passes of a phase with a measure (the rational normal form): every region is rewritten as it
 * stands in the graph given, all at once, and the pass is measured before anything is built
 * above its rewrites. The bound it measures is never below the graph it then builds; replacements
 * are rebuilt over each other's; a refused pass leaves the graph as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/autodiff/grad.ts';
import * as B from '../src/builder/core.ts';
import '../src/builder/fluent.ts';
import type { Node } from '../src/ir/node.ts';
import { graphSize, runPhase, type Firing, type Phase } from '../src/rewrite/engine.ts';
import { formula } from '../src/ir/print.ts';
import { normalize, PHASES } from '../src/rewrite/rules.ts';
import { buildDag, dagRecipeArb } from './props/arbitraries.ts';

const SEED = 0x2e610;

/** Arithmetic-heavy DAGs (regions to normalize), with σ and tanh as atoms that are never 0. */
const recipes = dagRecipeArb(['add', 'sub', 'mul', 'div', 'neg', 'square', 'sigmoid', 'tanh'], {
  minSteps: 5,
  maxSteps: 40,
  minInputs: 1,
  maxInputs: 3,
});

/** The roots `beforeNormalize` gives for a recipe, or undefined (no input reached, or a domain error). */
function rootsOf(recipe: Parameters<typeof buildDag>[0]): Node[] | undefined {
  try {
    const dag = buildDag(recipe, { smoothOnly: false });
    return dag && beforeNormalize(dag.y, dag.leaves);
  } catch {
    return undefined; // a random graph may fold a constant out of its domain
  }
}

/** `normalize` whose measure records what it was asked, in order. */
function recording(): { phase: Phase; asked: { roots: readonly Node[]; size: number[] }[] } {
  const asked: { roots: readonly Node[]; size: number[] }[] = [];
  const phase: Phase = {
    ...normalize,
    measure: (roots, graph) => {
      const size = graphSize(roots, graph);
      asked.push({ roots, size });
      return size;
    },
  };
  return { phase, asked };
}

/** The roots after the phases before normalize, for `y` and its gradients. */
function beforeNormalize(y: Node, leaves: readonly Node[]): Node[] {
  let roots: Node[] = [y, ...grad(y, leaves)];
  const log: Firing[] = [];
  for (const phase of PHASES.filter((p) => p !== normalize)) roots = runPhase(roots, phase, log);
  return roots;
}

describe('a pass of the rational normal form', () => {
  it('measures a bound of the graph it builds: the graph built is never larger (property)', () => {
    let kept = 0;
    fc.assert(
      fc.property(recipes, (recipe) => {
        const roots = rootsOf(recipe);
        if (!roots) return;
        const { phase, asked } = recording();
        const log: Firing[] = [];
        const after = runPhase(roots, phase, log);
        // per pass: the graph as given, then the bound of the graph it would make
        for (let i = 0; i + 1 < asked.length; i += 2) {
          const bound = asked[i + 1]!.size;
          const next = asked[i + 2];
          if (next === undefined) {
            // the last pass: kept (then `after` is its graph) or refused
            const kept = after.some((r, k) => r !== asked[i]!.roots[k]);
            if (kept) expect(lexLeq(graphSize(after), bound)).toBe(true);
            continue;
          }
          expect(lexLeq(next.size, bound)).toBe(true);
        }
        // a kept pass made the graph smaller
        if (log.length > 0) {
          kept++;
          expect(lexLeq(graphSize(after), graphSize(roots))).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    // (the property is about kept passes: the sample must have some)
    expect(kept).toBeGreaterThan(10);
  });

  it('rebuilds each replacement over the others: a region above a rewritten one, in one pass', () => {
    const x = B.input('x');
    const s = B.sigmoid(B.input('z'));
    // R = (x·s)/s is x; it has two users, so it is a region of its own
    const R = B.div(B.mul(x, s), s);
    const U = B.tanh(R);
    // T = (U·s)/s is U, which the pass rebuilds over R's replacement: tanh(x)
    const T = B.div(B.mul(U, s), s);
    const { phase, asked } = recording();
    const after = runPhase([T, B.exp(R)], phase, []);
    expect(after.map((r) => formula(r))).toEqual(['tanh(x)', 'exp(x)']);
    // in one pass: it was measured once (the next found nothing to rewrite, so measured nothing)
    expect(asked.length).toBe(2);
  });

  it('a pass that does not pay leaves the graph as it was, and logs nothing', () => {
    fc.assert(
      fc.property(recipes, (recipe) => {
        const roots = rootsOf(recipe);
        if (!roots) return;
        const refusing: Phase = { ...normalize, measure: () => [0] };
        const log: Firing[] = [];
        const after = runPhase(roots, refusing, log);
        expect(after).toEqual(roots);
        after.forEach((r, i) => expect(r).toBe(roots[i]));
        expect(log).toEqual([]);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

function lexLeq(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return true;
}
