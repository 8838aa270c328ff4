/**
 * The renderer records what each lowered step reads of its function (LoweredStep.reads), so that
 * splitting a 10⁵-step function and sharing kernels need no scan of its text. The scan
 * (`stepReads`, src/emit/scope.ts) is the oracle: the record is the same names in the same order,
 * for the samples' graphs (forward and backward, both targets, guard mode's twins), random scalar
 * graphs and random tensor graphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../../src/autodiff/grad.ts';
import { emitFunctions } from '../../src/emit/module.ts';
import { stepReads, topLevelNames } from '../../src/emit/scope.ts';
import { shareKernels } from '../../src/emit/share.ts';
import { Namer } from '../../src/emit/names.ts';
import type { Node } from '../../src/ir/node.ts';
import type { LoweredProgram } from '../../src/lower/lower.ts';
import { modelOutputs } from '../../src/cli/samples.ts';
import { loadModel } from '../../src/node.ts';
import { buildDag, dagRecipeArb, ELEMENTWISE_OPS } from '../props/arbitraries.ts';
import { buildGraph, recipeArb } from '../props/tensorArbitraries.ts';

const SAMPLES = ['computationGraph', 'deep', 'digits', 'housing', 'logisticRegression', 'planar'];

/** The steps whose recorded reads differ from the scan's, as `name: recorded ≠ scanned`. */
function mismatches(program: LoweredProgram): string[] {
  const kinds = topLevelNames(program);
  return program.steps.flatMap((st) => {
    const scanned = stepReads(st, kinds);
    if (st.reads === undefined) return [`${st.name}: not recorded`];
    const recorded = st.reads.filter((r) => kinds.has(r));
    return recorded.join() === scanned.join() ? [] : [`${st.name}: ${recorded} ≠ ${scanned}`];
  });
}

/** Every mismatch of the functions `outputs` lower to (and of their shared kernels' calls). */
function check(outputs: Record<string, Node>, target?: 'wasm', dtype?: 'float32'): string[] {
  const specs = [
    { name: 'f', outputs },
    // a second function with the same forward: its kernels are shared with f's
    { name: 'g', outputs: Object.fromEntries(Object.entries(outputs).slice(0, 1)) },
  ];
  const m = emitFunctions(specs, {
    optimize: false,
    ...(target ? { target } : {}),
    ...(dtype ? { dtype } : {}),
  });
  const lowered = m.functions.map((f) => ({
    name: f.functionName,
    inputs: f.inputs,
    outputs: f.outputs,
    program: f.program,
  }));
  const shared = shareKernels(lowered, new Namer());
  return [
    ...m.functions.flatMap((f) => mismatches(f.program)),
    ...shared.functions.flatMap((f) => mismatches(f.program)),
  ];
}

describe("the renderer's record of each step's reads is what a scan of its lines finds", () => {
  it('the samples: forward and backward, both targets, float32', async () => {
    for (const name of SAMPLES) {
      const model = await loadModel(`samples/${name}.ts`);
      const outputs = { ...modelOutputs(model) };
      for (const target of [undefined, 'wasm'] as const)
        for (const dtype of [undefined, 'float32'] as const)
          expect(check(outputs, target, dtype), `${name} ${target ?? 'ts'}`).toEqual([]);
    }
  });

  it('random scalar graphs and their gradients', () => {
    const recipes = dagRecipeArb(
      ELEMENTWISE_OPS.map(([name]) => name),
      { minSteps: 3, maxSteps: 40, minInputs: 1, maxInputs: 4 },
    );
    fc.assert(
      fc.property(recipes, (recipe) => {
        const dag = buildDag(recipe, { smoothOnly: false });
        fc.pre(dag !== undefined);
        const grads = grad(dag!.y, dag!.leaves);
        const outputs: Record<string, Node> = { y: dag!.y };
        dag!.leaves.forEach((l, i) => (outputs[`d${l.name}`] = grads[i]!));
        expect(check(outputs)).toEqual([]);
      }),
      { seed: 0x4ead, numRuns: 80 },
    );
  });

  it('random tensor graphs and their gradients, both targets', () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 8 }), (recipe) => {
        let outputs: Record<string, Node>;
        try {
          const g = buildGraph(recipe);
          const leaves = g.leaves.map((l) => l.node);
          const grads = grad(g.cost, leaves);
          outputs = { J: g.cost };
          leaves.forEach((l, i) => (outputs[`d${l.name}`] = grads[i]!));
          g.intermediates.forEach((n, i) => (outputs[`v${i}`] = n));
        } catch {
          return fc.pre(false);
        }
        for (const target of [undefined, 'wasm'] as const)
          expect(check(outputs, target)).toEqual([]);
      }),
      { seed: 0x4eae, numRuns: 80 },
    );
  });
});
