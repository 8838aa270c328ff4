/**
 * No kernel twice: the functions of a training module share their kernels. lossAndGrad's forward
 * kernels are what predict runs too (up to the first dropout, or the output kernel predict fuses
 * differently), emitted once as `compute<Name>` functions; sharing changes where code lives, not
 * what it computes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  compileTraining,
  evaluate,
  input,
  matmul,
  param,
  relu,
  sgd,
  sigmoid,
  binaryCrossEntropy,
} from '../../src/index.ts';
import { Rng } from '../../src/rng.ts';

const root = new URL('../../', import.meta.url).pathname;
const modules = readdirSync(join(root, 'codegen')).filter((f) => f.endsWith('.ts'));

/** The loop nests at the top level of the module's function bodies (2 spaces in), as text. */
function topLevelLoops(source: string): string[] {
  const lines = source.split('\n');
  const loops: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^ {2}(for \(|[\w$]+\.fill\()/.test(lines[i]!)) continue;
    let j = i;
    const nest: string[] = [];
    // a kernel: its zero fill and every loop nest up to the next top-level statement
    while (j < lines.length && /^ {2}(for \(|[\w$]+\.fill\(| {2,}|\})/.test(lines[j]!)) {
      nest.push(lines[j]!);
      j++;
    }
    loops.push(nest.join('\n'));
    i = j - 1;
  }
  return loops;
}

describe('the functions of a module share their kernels', () => {
  it.each(modules)('codegen/%s holds no kernel twice', (file) => {
    const source = readFileSync(join(root, 'codegen', file), 'utf8');
    const loops = topLevelLoops(source).filter((l) => l.split('\n').length > 3);
    const seen = new Map<string, number>();
    for (const l of loops) seen.set(l, (seen.get(l) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1).map(([l]) => l);
    expect(twice).toEqual([]);
  });

  it('deep: predict runs the forward kernels of lossAndGrad, and only its output kernel is its own', () => {
    const source = readFileSync(join(root, 'codegen', 'deep.ts'), 'utf8');
    const body = (fn: string) => {
      const start = source.indexOf(`export function ${fn}(`);
      return source.slice(start, source.indexOf('\n}\n', start));
    };
    const calls = (text: string) => [...text.matchAll(/^ {2}(compute\w+)\(/gm)].map((m) => m[1]);
    const forward = ['Z1', 'A1', 'Z2', 'A2', 'Z3', 'A3', 'Z4'].map((n) => `compute${n}`);
    expect(calls(body('deepPredict'))).toEqual(forward);
    expect(calls(body('deepLossAndGrad'))).toEqual(forward);
    for (const k of forward) expect(source).toContain(`\nfunction ${k}(`);
    // the one kernel predict has of its own: AL = σ(Z4)
    expect(topLevelLoops(body('deepPredict'))).toHaveLength(1);
  });

  it('predict with shared kernels computes what the interpreter computes (float64 and float32)', () => {
    const X = input('X', [3, 'm']);
    const Y = input('Y', [1, 'm']);
    const W1 = param('W1', [4, 3], { init: 'he' });
    const b1 = param('b1', [4, 1]);
    const W2 = param('W2', [1, 4]);
    const b2 = param('b2', [1, 1]);
    const A1 = relu(add(matmul(W1, X), b1)).named('A1');
    const A2 = sigmoid(add(matmul(W2, A1), b2)).named('A2');
    const rng = new Rng(3);
    const x = Float64Array.from({ length: 3 * 5 }, () => rng.normal());
    for (const dtype of ['float64', 'float32'] as const) {
      const trainer = compileTraining({
        loss: binaryCrossEntropy(A2, Y),
        outputs: { A2 },
        optimizer: sgd({ learningRate: 0.1 }),
        dtype,
      });
      expect(trainer.source).toMatch(/\nfunction computeA1\(/);
      const state = trainer.init(2);
      const got = trainer.predict(state, { X: x }).A2 as Float64Array;
      const want = evaluate(A2, { X: x, ...state.params } as never) as Float64Array;
      const tol = dtype === 'float32' ? 1e-6 : 1e-15;
      got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(tol));
    }
  });

  it('a user name that is a shared kernel’s name is left to the user: the kernel gets another', () => {
    const X = input('X', [2, 'm']);
    const Y = input('Y', [1, 'm']);
    const W = param('computeZ', [1, 2]);
    const Z = add(matmul(W, X), param('b', [1, 1])).named('Z');
    const trainer = compileTraining({
      loss: binaryCrossEntropy(sigmoid(Z), Y),
      outputs: { A: sigmoid(Z) },
      optimizer: sgd({ learningRate: 0.1 }),
    });
    expect(trainer.source).toMatch(/\nfunction computeZ_2\(/);
    const state = trainer.init(1);
    const x = [1, 2, 3, 4];
    const A = trainer.predict(state, { X: x }).A as Float64Array;
    expect(Array.from(A)).toEqual(
      Array.from(evaluate(sigmoid(Z), { X: x, ...state.params } as never) as Float64Array),
    );
  });

  it('a single function shares nothing: compile(…) output is unchanged', () => {
    const X = input('X', [2, 'm']);
    const f = compile({ A: relu(matmul(param('W', [2, 2]), X)) });
    expect(f.source).not.toMatch(/\nfunction compute/);
  });
});
