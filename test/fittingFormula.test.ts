/**
 * fittingFormula gives up early (at a `…`, or at a part wider than it may be, under ops that show
 * their operands whole): its answer must be what printing the whole formula and checking it says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as B from '../src/builder/core.ts';
import { toposort } from '../src/ir/graph.ts';
import type { Node } from '../src/ir/node.ts';
import { fittingFormula, formulaOf, SHOWS_OPERANDS, type Naming } from '../src/ir/print.ts';
import { opDef, OPS, type OpName } from '../src/ops/index.ts';
import { printed } from '../src/ops/define.ts';
import { buildDag, dagRecipeArb, ELEMENTWISE_OPS } from './props/arbitraries.ts';

/** What fittingFormula must answer: the whole text, if it fits and elides nothing. */
function reference(n: Node, depth: number, naming: Naming, width: number): string | undefined {
  const text = formulaOf(n, depth, naming);
  return text.length <= width && !text.includes('…') ? text : undefined;
}

describe('fittingFormula', () => {
  it('lists only registered ops, and each shows every operand’s text whole', () => {
    for (const op of SHOWS_OPERANDS) {
      expect(Object.keys(OPS)).toContain(op);
      const def = opDef(op as OpName);
      const arity = def.arity < 0 ? 3 : def.arity;
      const args = Array.from({ length: arity }, (_, i) => printed(`«operand ${i} …»`, i % 6));
      const text = def.math(args, {}).text;
      for (const a of args) expect(text, op).toContain(a.text);
    }
  });

  it('answers as printing the whole formula does, on random graphs, namings, depths and widths', () => {
    const ops = ELEMENTWISE_OPS.map(([name]) => name);
    fc.assert(
      fc.property(
        dagRecipeArb(ops, { minSteps: 1, maxSteps: 30, minInputs: 1, maxInputs: 4 }),
        fc.nat({ max: 6 }),
        fc.integer({ min: 1, max: 120 }),
        fc.nat({ max: 3 }),
        (recipe, depth, width, namesEvery) => {
          const dag = buildDag(recipe, { smoothOnly: false });
          if (!dag) return;
          const nodes = toposort([dag.y]);
          // some nodes named (every namesEvery-th op node), as a comment cites declared names
          const names = new Map<Node, string>();
          nodes.forEach((n, i) => {
            if (namesEvery > 0 && n.kind === 'apply' && i % namesEvery === 0) names.set(n, `t${i}`);
          });
          const naming: Naming = { names: (n) => names.get(n), useNames: false };
          for (const n of nodes) {
            expect(fittingFormula(n, depth, naming, width)).toBe(
              reference(n, depth, naming, width),
            );
          }
        },
      ),
      { seed: 14, numRuns: 150 },
    );
  });

  it('gives up at a `…` and at a part too wide; a names callback’s formula is printed whole', () => {
    const [a, b] = [B.input('a'), B.input('b')];
    const mid = B.tanh(B.tanh(B.add(a, b)));
    const deep = B.tanh(mid);
    const naming: Naming = { names: undefined, useNames: false };
    expect(fittingFormula(deep, 2, naming, 100)).toBeUndefined(); // tanh(tanh(…))
    expect(fittingFormula(deep, 4, naming, 100)).toBe('tanh(tanh(tanh(a + b)))');
    expect(fittingFormula(deep, 4, naming, 10)).toBeUndefined();
    // a formula printed whole by a names callback inside a try is not cut short by the try
    const inner: Naming = {
      names: (n) => (n === mid ? formulaOf(n, 1, naming) : undefined),
      useNames: false,
    };
    expect(fittingFormula(deep, 4, inner, 100)).toBe(reference(deep, 4, inner, 100));
  });
});
