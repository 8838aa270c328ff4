/**
 * Comments that are true: every name a comment or a header formula of an emitted module cites is
 * declared in the module (test/citations.ts defines what a cited name is), for the committed
 * modules in codegen/ and for random graphs; the header shows the formulas the body computes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/autodiff/grad.ts';
import * as B from '../src/builder/core.ts';
import { emit } from '../src/emit/module.ts';
import type { Node } from '../src/ir/node.ts';
import { userCallSite } from '../src/ir/site.ts';
import { adam, dropout, emitTraining, meanSquaredError } from '../src/index.ts';
import { buildDag, dagRecipeArb, describeGraph, ELEMENTWISE_OPS } from './props/arbitraries.ts';
import { buildGraph, recipeArb } from './props/tensorArbitraries.ts';
import {
  declaredNames,
  headerFormulas,
  lineComments,
  namesInComment,
  namesInMath,
  ownPart,
  undeclaredCitations,
} from './citations.ts';

const codegen = new URL('../codegen/', import.meta.url);
const modules = readdirSync(codegen)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => ({ file: f, source: readFileSync(new URL(f, codegen), 'utf8') }));

function expectCitationsDeclared(source: string, what: () => string): void {
  const bad = undeclaredCitations(source);
  if (bad.length > 0) {
    const list = bad.map((c) => `  ${c.name} in: ${c.where}`).join('\n');
    expect.fail(`undeclared names cited:\n${list}\n--- ${what()}`);
  }
}

describe('what a comment cites', () => {
  it('is the variables of its math, not functions, symbols, numbers or call sites', () => {
    expect(namesInMath('σ(Z2)')).toEqual(['Z2']);
    expect(namesInMath('Σ_1 dZ1')).toEqual(['dZ1']);
    expect(namesInMath('(1/m)·(dZ1·Xᵀ)')).toEqual(['m', 'dZ1', 'X']);
    expect(namesInMath('1 − A1²')).toEqual(['A1']);
    expect(namesInMath('softplus(Z3) + leakyRelu(x, 0.01)')).toEqual(['Z3', 'x']);
    expect(namesInMath('√(opt_c2·v_2) + 1e-8')).toEqual(['opt_c2', 'v_2']);
    expect(namesInMath('Z1 = b1 + W1·X  [samples/planar.ts:30]')).toEqual(['Z1', 'b1', 'W1', 'X']);
    expect(namesInMath('[Z2 > 0]·(c ? a : Infinity)')).toEqual(['Z2', 'c', 'a']);
  });

  it("reads the skeleton's prose comments by their templates", () => {
    expect(namesInComment(' holds output W1_next, dW1')).toEqual(['W1_next', 'dW1']);
    expect(namesInComment(' batch size, from X')).toEqual(['X']);
    expect(namesInComment(' the batch size the buffers are laid out for (-1: none yet)')).toEqual(
      [],
    );
  });

  it('finds line comments outside strings and template literals, and the header formulas', () => {
    const source = [
      '/**',
      ' * Outputs (…):',
      ' *   J = Σ (A − Y)',
      ' *   dW = (1/m)·(dZ·Xᵀ)  (4, 2)',
      ' * Tensors are row-major.',
      ' */',
      'const s = `a ${`b ${1}`} // not a comment`; // t1 = s',
      "const u = '// nor this'; // e_2",
    ].join('\n');
    expect(lineComments(source)).toEqual([' t1 = s', ' e_2']);
    expect(headerFormulas(source)).toEqual(['Σ (A − Y)', '(1/m)·(dZ·Xᵀ)']);
    expect([...declaredNames(source)].sort()).toEqual(['s', 'u']);
    expect(undeclaredCitations(source).map((c) => c.name)).toEqual([
      't1',
      'e_2',
      'A',
      'Y',
      'm',
      'dZ',
      'X',
    ]);
  });
});

describe('the comments of emitted modules cite declared names only', () => {
  it.each(modules.map((m) => [m.file, m.source] as const))('codegen/%s', (file, source) => {
    // not vacuous: the module has kernel comments and header formulas citing names
    const own = ownPart(source);
    expect(lineComments(own).flatMap(namesInComment).length).toBeGreaterThan(0);
    expect(headerFormulas(source).flatMap(namesInMath).length).toBeGreaterThan(0);
    expectCitationsDeclared(source, () => file);
  });

  it('random scalar graphs and their gradients, optimized and not', () => {
    const recipes = dagRecipeArb(
      ELEMENTWISE_OPS.map(([name]) => name),
      { minSteps: 3, maxSteps: 25, minInputs: 1, maxInputs: 4 },
    );
    fc.assert(
      fc.property(recipes, fc.boolean(), (recipe, optimize) => {
        const dag = buildDag(recipe, { smoothOnly: false });
        fc.pre(dag !== undefined);
        const grads = grad(dag.y, dag.leaves);
        const outputs: Record<string, Node> = { y: dag.y };
        dag.leaves.forEach((l, i) => (outputs[`d${l.name}`] = grads[i]!));
        const source = emit(outputs, { optimize });
        expectCitationsDeclared(source, () => describeGraph(outputs));
      }),
      { seed: 0xc0de, numRuns: 60 },
    );
  });

  it('random tensor graphs (fusion, epilogues, views) with clashing names, and their training modules', () => {
    // names users give that the code cannot always use as they are (taken, or reserved)
    const NAMES = ['Z', 'A', 'dZ', 't0', 't1', 'e', 'k', 'i0', 'm', 'inputs', 'lr', 'buf0'];
    fc.assert(
      fc.property(
        recipeArb({ maxSteps: 7 }),
        fc.array(fc.nat({ max: NAMES.length - 1 }), { maxLength: 6 }),
        (recipe, names) => {
          const g = buildGraph(recipe, (i) => (i < names.length ? NAMES[names[i]!] : undefined));
          const leaves = g.leaves.map((l) => l.node);
          const grads = grad(g.cost, leaves);
          const outputs: Record<string, Node> = { J: g.cost };
          leaves.forEach((l, i) => (outputs[`d${l.name}`] ??= grads[i]!));
          g.intermediates.forEach((n, i) => (outputs[`t${i}`] ??= n));
          const source = emit(outputs);
          expectCitationsDeclared(source, () => describeGraph(outputs));
          const params = leaves.filter((l) => l.kind === 'param');
          if (params.length === 0 || params.some((p) => p.shape.some((d) => d === 'm'))) return;
          const training = emitTraining({
            loss: g.cost,
            optimizer: adam({ learningRate: 0.01 }),
            l2: 0.1,
            regularize: params,
          });
          expectCitationsDeclared(training, () => describeGraph({ J: g.cost }));
        },
      ),
      { seed: 0x5eed, numRuns: 40 },
    );
  });
});

/** The kernel comments of a module's own part: `// name = math  [site]` above a loop nest. */
function kernelComments(source: string): string[] {
  return ownPart(source)
    .split('\n')
    .filter((l) => /^ {2,}\/\/ [\w$]+ = /.test(l))
    .map((l) => l.trim().slice(3));
}

const SITE = /\s\s\[[^\]]+:\d+\]$/;

describe('every kernel carries the call site of the user code that caused it', () => {
  it('the training modules in codegen/ have kernels', () => {
    for (const m of modules.filter((m) => m.source.includes(' * Training module'))) {
      // (each kernel once: a step is lossAndGrad, then update)
      expect(kernelComments(m.source).length, m.file).toBeGreaterThan(5);
    }
  });

  it.each(modules.map((m) => [m.file, m.source] as const))('codegen/%s', (_file, source) => {
    // (costJ is scalars only: no kernels)
    expect(kernelComments(source).filter((k) => !SITE.test(k))).toEqual([]);
  });

  it('L2 and the cost: compileTraining; the optimizer state: adam(…); W′: param(…); masks: dropout(…)', () => {
    const [X, Y] = [B.input('X', [3, 'm']), B.input('Y', [1, 'm'])];
    const [W, paramSite] = [B.param('W', [2, 3]), userCallSite()];
    const w = B.param('w', [1, 2]);
    const [A, dropoutSite] = [dropout(B.tanh(B.matmul(W, X)).named('A'), 0.8), userCallSite()];
    const loss = meanSquaredError(B.matmul(w, A), Y);
    const [optimizer, adamSite] = [adam({ learningRate: 0.1 }), userCallSite()];
    const spec = { loss, optimizer, l2: 0.1, regularize: [W] };
    const [source, trainingSite] = [emitTraining(spec), userCallSite()];
    const kernels = kernelComments(source);
    const siteOf = (pattern: RegExp) =>
      kernels.filter((k) => pattern.test(k)).map((k) => /\[(.*)\]$/.exec(k)?.[1]);
    expect(kernels.filter((k) => !SITE.test(k))).toEqual([]);
    // once: the L2 term is in lossAndGrad only (a step is lossAndGrad, then update)
    expect(siteOf(/^\w+ = Σ \(W²\)/)).toEqual([trainingSite]);
    expect(siteOf(/^W_next = /)).toEqual([paramSite]);
    expect(siteOf(/^opt_m_W_next = /)).toEqual([adamSite]);
    expect(siteOf(/^opt_v_w_next = /)).toEqual([adamSite]);
    expect(kernels.some((k) => k.includes('D_A') && k.endsWith(`[${dropoutSite}]`))).toBe(true);
  });
});
