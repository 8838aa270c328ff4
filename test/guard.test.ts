/**
 * Guard mode (`guard: true`, like JAX's jax_debug_nans): a kernel whose result is NaN or ±Infinity
 * throws E_NONFINITE_OP naming the first op that produced it — inside a fused kernel too, found
 * by re-running the function op by op — with its formula, output name, the user's call site and
 * its operands' ranges. Off, the module is what it was; on, results are unchanged where finite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  compileTraining,
  div,
  emit,
  exp,
  grad,
  input,
  log,
  matmul,
  mean,
  mul,
  param,
  sgd,
  sqrt,
  square,
  sub,
  sum,
  tanh,
} from '../src/index.ts';
import type { Node } from '../src/ir/node.ts';
import { formatTypeScript } from './prettier.ts';
import { showDiagnostics, strictDiagnostics } from './strict.ts';
import { expectError } from './expectError.ts';
import {
  buildDag,
  dagRecipeArb,
  ELEMENTWISE_OPS,
  pointFor,
  pointsArb,
} from './props/arbitraries.ts';

const root = new URL('../', import.meta.url).pathname;
const SITE = /\(test\/guard\.test\.ts:\d+\)|\[test\/guard\.test\.ts:\d+\]/;

describe('guard mode', () => {
  it('is off by default, and then the module is unchanged', () => {
    const x = input('x');
    const outputs = { y: log(sub(x, 1)) };
    expect(emit(outputs, { guard: false })).toBe(emit(outputs));
    expect(emit(outputs)).not.toMatch(/E_NONFINITE_OP|Unfused|guardRange/);
  });

  it('names the op of a scalar graph, its formula, output and operand value', () => {
    const x = input('x');
    const y = input('y');
    const f = compile({ z: log(sub(x, y)) }, { guard: true });
    expect(f({ x: 3, y: 1 }).z).toBe(Math.log(2));
    expectError(
      () => f({ x: 1, y: 3 }),
      'E_NONFINITE_OP',
      /compute: log produced NaN in z = log\(x − y\)/,
      /operands: x − y \(t0\) = -2/,
      SITE,
    );
  });

  it('finds the op inside a fused kernel (a hand-written softmax at z = 800), with operand ranges', () => {
    const Z = input('Z', [3, 'm']);
    const e = exp(Z);
    const softmax = div(e, sum(e));
    const f = compile({ J: sum(mul(softmax, softmax)) }, { guard: true });
    expect(Number.isFinite(f({ Z: [1, 2, 3, 4, 5, 6] }).J)).toBe(true);
    const err = expectError(
      () => f({ Z: [1, 2, 800, 4, 5, 6] }),
      'E_NONFINITE_OP',
      /compute: exp produced Infinity at \w+\[2\] in \w+ = exp\(Z\)/,
      /operands: Z in \[1, 800\]/,
      SITE,
    );
    expect(err.message).not.toMatch(/the kernel/); // the op, not the fused kernel
  });

  it('checks the backward pass: d√x at 0 is named (forward and backward)', () => {
    const x = input('x', [2, 1]);
    const w = param('w', [2, 1]);
    const J = sum(mul(sqrt(x), w));
    const [dx] = grad(J, [x]);
    const f = compile({ J, dx: dx! }, { guard: true, optimize: false });
    expectError(
      () => f({ x: [0, 4], w: [1, 1] }),
      'E_NONFINITE_OP',
      /produced Infinity/,
      /operands: .* in \[0, /,
    );
  });

  it('float32: a value beyond float32 stored in a float32 buffer is named', () => {
    const x = input('x', [2, 1]);
    const f = compile({ y: exp(mul(x, 100)) }, { guard: true, dtype: 'float32' });
    expect(Array.from(f({ x: [0.5, 0.2] }).y).every(Number.isFinite)).toBe(true);
    // e^100 is finite in float64 but Infinity in the float32 output
    expectError(() => f({ x: [1, 0.2] }), 'E_NONFINITE_OP', /produced Infinity at y\[0\]/);
  });

  it('in training: step throws E_NONFINITE_OP naming the op and leaves the state as it was', () => {
    const X = input('X', [2, 'm']);
    const Y = input('Y', [1, 'm']);
    const W = param('W', [1, 2]);
    const Z = add(matmul(W, X), param('b', [1, 1]));
    const trainer = compileTraining({
      loss: mean(square(sub(exp(Z), Y))),
      outputs: { A: exp(Z) },
      optimizer: sgd({ learningRate: 0.1 }),
      guard: true,
    });
    const state = trainer.init(1);
    state.params.W!.set([300, 400]);
    const before = JSON.stringify(trainer.save(state));
    expectError(
      () => trainer.step(state, { X: [1, 2, 3, 4], Y: [1, 0] }),
      'E_NONFINITE_OP',
      /exp produced Infinity at \w+\[0\] in \w+ = exp\(b \+ W·X\)/,
      /operands: b \+ W·X \(\w+\) in \[/,
    );
    expect(JSON.stringify(trainer.save(state))).toBe(before);
    expectError(() => trainer.predict(state, { X: [1, 2, 3, 4] }), 'E_NONFINITE_OP', /exp/);
  });

  it('random scalar graphs: guarded = unguarded bit for bit, or E_NONFINITE_OP naming an op; never a silent NaN', () => {
    const recipes = dagRecipeArb(
      ELEMENTWISE_OPS.map(([name]) => name),
      { minSteps: 3, maxSteps: 20, minInputs: 1, maxInputs: 4 },
    );
    fc.assert(
      fc.property(recipes, pointsArb(4, 1), (recipe, points) => {
        const dag = buildDag(recipe, { smoothOnly: false });
        fc.pre(dag !== undefined);
        const grads = grad(dag!.y, dag!.leaves);
        const outputs: Record<string, Node> = { y: dag!.y };
        dag!.leaves.forEach((l, i) => (outputs[`d${l.name}`] = grads[i]!));
        const point = pointFor(dag!.leaves, points[0]!);
        const plain = { ...compile(outputs)(point as never) } as Record<string, number>;
        const guarded = compile(outputs, { guard: true });
        let result: Record<string, number> | undefined;
        try {
          result = { ...guarded(point as never) } as Record<string, number>;
        } catch (e) {
          // an intermediate (or an output) was NaN or ±Infinity: the op that made it is named
          expect((e as { code?: string }).code).toBe('E_NONFINITE_OP');
          expect((e as Error).message).toMatch(/^compute: \w+ produced (NaN|-?Infinity)/);
          return;
        }
        expect(result).toEqual(plain);
        expect(Object.values(result).every(Number.isFinite)).toBe(true);
      }),
      { seed: 0x6a7d, numRuns: 60 },
    );
  });

  it('a guarded module is prettier-formatted and type-checks under the strictest flags', () => {
    const X = input('X', [2, 'm']);
    const W = param('W', [2, 2]);
    const A = tanh(matmul(W, X));
    const J = mean(log(add(square(A), 1)));
    const [dW] = grad(J, [W]);
    const source = emit({ J, dW: dW! }, { guard: true });
    expect(formatTypeScript(source)).toBe(source);
    const ds = strictDiagnostics(source);
    if (ds.length > 0) expect.fail(`${showDiagnostics(ds)}\n${source}`);
  });

  it('gradgen check --guard and train --guard name the op and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-guard-'));
    const file = join(dir, 'model.mjs');
    const library = pathToFileURL(join(root, 'src', 'index.ts')).href;
    writeFileSync(
      file,
      `import { defineGraph, input, log, sub } from ${JSON.stringify(library)};\n` +
        `const x = input('x');\n` +
        `export default defineGraph({ name: 'g', outputs: { J: log(sub(x, 1)) }, example: { x: 1 } });\n`,
    );
    const r = spawnSync(
      process.execPath,
      [join(root, 'src/cli/gradgen.js'), 'check', '--guard', file],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /g: log produced -Infinity in J = log\(x − 1\)\s+\[model\.mjs:3\]; operands: x − 1 \(t0\) = 0/,
    );

    const trainFile = join(dir, 'train.mjs');
    writeFileSync(
      trainFile,
      `import { add, defineTraining, exp, input, matmul, mean, param, sgd, square, sub } from ${JSON.stringify(library)};\n` +
        `const X = input('X', [1, 'm']), Y = input('Y', [1, 'm']);\n` +
        `const Z = add(matmul(param('W', [1, 1], { init: 'he' }), X), param('b', [1, 1]));\n` +
        `export default defineTraining({ name: 't', loss: mean(sub(exp(square(Z)), Y)), optimizer: sgd({ learningRate: 0.1 }),\n` +
        `  data: () => ({ train: { X: [1000, 2000, 3000], Y: [1, 2, 3] } }), defaults: { epochs: 5 } });\n`,
    );
    const t = spawnSync(
      process.execPath,
      [join(root, 'src/cli/gradgen.js'), 'train', '--guard', trainFile],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(t.status).toBe(1);
    expect(t.stderr).toMatch(
      /tLossAndGrad: exp produced Infinity at \w+\[0\] in \w+ = exp\(\(b \+ W·X\)²\)\s+\[train\.mjs:4\]; operands: /,
    );
  });
});
