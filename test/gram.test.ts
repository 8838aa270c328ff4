/**
 * A Gram matrix over the batch, Xᵀ·X of a (3, m) input, is an (m, m) tensor: a legitimate graph
 * whose gradient broadcasts adjoints to (m, m). Its values and gradients compile (optimized and
 * not) to what the interpreter and central differences say. A leaf still holds the batch
 * dimension once (its length gives the batch size), and a batch dimension no input carries is
 * a clear error in evaluate as in compile.
 */
import { describe, expect, it } from 'vitest';
import {
  broadcastTo,
  compile,
  evaluate,
  grad,
  input,
  matmul,
  mean,
  param,
  sigmoid,
  sum,
  transpose,
} from '../src/index.ts';
import { Rng } from '../src/rng.ts';
import { expectError } from './expectError.ts';

const X = input('X', [3, 'm']);
const W = param('W', [3, 3]);
const rng = new Rng(11);
const m = 4;
const values = {
  X: Float64Array.from({ length: 3 * m }, () => rng.normal()),
  W: Float64Array.from({ length: 9 }, () => rng.normal() * 0.5),
};

/** Central differences of scalar `J` with respect to every element of `key`. */
function numerical(J: Parameters<typeof evaluate>[0], key: 'X' | 'W'): number[] {
  const h = 1e-6;
  return Array.from(values[key], (_, i) => {
    const at = (d: number) => {
      const v = { ...values, [key]: Float64Array.from(values[key]) };
      v[key][i]! += d;
      return evaluate(J as never, v as never) as unknown as number;
    };
    return (at(h) - at(-h)) / (2 * h);
  });
}

describe('a Gram matrix over the batch, (m, m)', () => {
  const gram = matmul(transpose(X), matmul(W, X));
  const costs = { 'sum(Xᵀ·W·X)': sum(gram), 'mean(σ(Xᵀ·W·X))': mean(sigmoid(gram)) };

  it.each(Object.entries(costs))(
    '%s: values and gradients compile, gradients are right',
    (_, J) => {
      const [dW, dX] = grad(J, [W, X]);
      const outputs = { J, G: gram, dW: dW!, dX: dX! };
      const want = evaluate(outputs, values as never);
      for (const optimize of [true, false]) {
        const got = compile(outputs, { optimize })(values as never);
        expect(got.J).toBeCloseTo(want.J as number, 12);
        expect((got.G as Float64Array).length).toBe(m * m);
        for (const k of ['G', 'dW', 'dX'] as const) {
          Array.from(got[k] as Float64Array).forEach((v, i) =>
            expect(v).toBeCloseTo((want[k] as Float64Array)[i]!, 12),
          );
        }
      }
      for (const [key, d] of [
        ['W', want.dW],
        ['X', want.dX],
      ] as const) {
        numerical(J, key).forEach((v, i) => expect(v).toBeCloseTo((d as Float64Array)[i]!, 6));
      }
    },
  );

  it('an input or param cannot hold the batch dimension twice (its length gives the batch size)', () => {
    expectError(
      () => input('G', ['m', 'm']),
      'E_SHAPE',
      /input 'G': shape \(m, m\) has the batch dimension 'm' twice/,
    );
  });

  it('a batch dimension no input carries is E_UNSUPPORTED in evaluate and compile, naming the op', () => {
    const x = input('x', [2, 1]);
    const s = sum(broadcastTo(x, [2, 'm']));
    expectError(
      () => evaluate(s, { x: [1, 2] }),
      'E_UNSUPPORTED',
      /evaluate: broadcastTo: the batch dimension 'm' of \(2, m\) is not the size of any input.*\(test\/gram\.test\.ts:\d+\)/,
    );
    expectError(
      () => compile({ s }),
      'E_UNSUPPORTED',
      /batch dimension 'm' is not the size of any input/,
    );
  });
});
