import { describe, expect, it } from 'vitest';
import {
  add,
  binaryCrossEntropy,
  compile,
  evaluate,
  input,
  matmul,
  param,
  reshape,
  sigmoid,
  sum,
  transpose,
  broadcastTo,
} from '../src/index.ts';
import { expectError } from './expectError.ts';

const X = input('Xe', [3, 'm']);
const Y = input('Ye', [1, 'm']);
const W = param('We', [1, 3]);
const A = sigmoid(add(matmul(W, X), param('be', [1, 1])));
const J = binaryCrossEntropy(A, Y);

describe('shape errors at build time name the op, both shapes and the call site', () => {
  it('matmul inner dimensions', () => {
    expectError(
      () => matmul(input('W4', [4, 3]), input('X2', [2, 400])),
      'E_SHAPE',
      /^matmul: \(4, 3\) @ \(2, 400\): inner dimensions 3 and 2 differ \(test\/tensor-errors\.test\.ts:\d+\)$/,
    );
    expectError(() => matmul(input('v3', [3]), X), 'E_SHAPE', /rank 2/);
  });

  it('broadcasting', () => {
    expectError(
      () => add(X, input('Z2', [2, 'm'])),
      'E_SHAPE',
      /add: shapes \(3, m\) and \(2, m\)/,
    );
    expectError(() => add(X, input('Xn', [3, 5])), 'E_SHAPE', /\(3, m\) and \(3, 5\)/);
    expectError(() => broadcastTo(X, [3, 7]), 'E_SHAPE', /broadcastTo/);
  });

  it('reductions, reshape, transpose and losses', () => {
    expectError(() => sum(X, { axis: 2 }), 'E_SHAPE', /axis 2 is out of range for shape \(3, m\)/);
    expectError(() => reshape(X, [2, 'm']), 'E_SHAPE', /reshape: \(3, m\) cannot become \(2, m\)/);
    expectError(() => transpose(input('t3', [3, 2, 2])), 'E_SHAPE', /not a matrix/);
    expectError(
      () => binaryCrossEntropy(A, X),
      'E_SHAPE',
      /predictions \(1, m\) and labels \(3, m\)/,
    );
  });
});

describe('bad data at call time', () => {
  const f = compile({ J });
  const good = {
    Xe: new Float64Array(3 * 5).fill(0.5),
    Ye: new Float64Array(5).fill(1),
    We: [0.1, 0.2, 0.3],
    be: [0],
  };

  it('accepts good data (and the interpreter agrees)', () => {
    expect(f(good).J).toBeCloseTo(evaluate(J, good) as number, 12);
  });

  it('wrong data length names the input and its shape', () => {
    expectError(
      () => f({ ...good, We: [1, 2] }),
      'E_INPUT_SHAPE',
      /'We' has shape \(1, 3\): expected 3 values, got 2/,
    );
    expectError(
      () => f({ ...good, Xe: new Float64Array(7) }),
      'E_INPUT_SHAPE',
      /'Xe' has shape \(3, m\): expected a positive multiple of 3 values, got 7/,
    );
    expectError(() => evaluate(J, { ...good, We: [1, 2] }), 'E_INPUT_SHAPE', /'We'/);
  });

  it('mismatched batch sizes across inputs', () => {
    expectError(
      () => f({ ...good, Ye: new Float64Array(4) }),
      'E_INPUT_SHAPE',
      /batch dimension 'm' is 5 in input 'Xe' but 4 in input 'Ye'/,
    );
    expectError(
      () => evaluate(J, { ...good, Ye: new Float64Array(4) }),
      'E_INPUT_SHAPE',
      /'m' is 5/,
    );
  });

  it('NaN or Infinity in data, with the index', () => {
    const Xe = Float64Array.from(good.Xe);
    Xe[7] = NaN;
    expectError(
      () => f({ ...good, Xe }),
      'E_NONFINITE_INPUT',
      /'Xe' has a non-finite value NaN at index 7/,
    );
    expectError(() => f({ ...good, We: [0, Infinity, 0] }), 'E_NONFINITE_INPUT', /'We'.*index 1/);
    expectError(() => evaluate(J, { ...good, Xe }), 'E_NONFINITE_INPUT', /index 7/);
    // a hot loop may skip the value scan; shapes are still checked
    expect(Number.isNaN(f({ ...good, Xe }, { checkValues: false }).J)).toBe(true);
    // unknown names are one of those per-key checks
    // (the types know these calls are wrong; the run-time checks are for untyped callers)
    // @ts-expect-error -- f takes no Xee
    expectError(() => f({ ...good, Xee: Xe }), 'E_UNKNOWN_INPUT', /unknown input 'Xee'/);
    // @ts-expect-error -- f takes no Xee
    expect(f({ ...good, Xee: Xe }, { checkValues: false }).J).toBe(f(good).J);
    expectError(
      () => f({ ...good, Xe: new Float64Array(4) }, { checkValues: false }),
      'E_INPUT_SHAPE',
    );
  });

  it('wrong types and missing tensors', () => {
    expectError(
      // @ts-expect-error -- Xe is a tensor
      () => f({ ...good, Xe: 3 }),
      'E_INPUT_SHAPE',
      /'Xe' has shape \(3, m\) and needs a Float64Array/,
    );
    const { Ye: _omit, ...rest } = good;
    // @ts-expect-error -- Ye is missing
    expectError(() => f(rest), 'E_MISSING_INPUT', /missing input 'Ye' \(shape \(1, m\)\)/);
  });

  it('float32 modules validate the same way', () => {
    const f32 = compile({ J }, { dtype: 'float32' });
    expect(Math.abs((f32(good).J as number) - (f(good).J as number))).toBeLessThan(1e-6);
    expectError(
      () => f32({ ...good, Ye: new Float64Array(4) }),
      'E_INPUT_SHAPE',
      /batch dimension/,
    );
  });

  it('a batch dimension no input determines is refused at compile time', () => {
    const m = sum(input('Qm', [2, 'n']));
    expectError(
      () => compile({ s: sum(transpose(input('R', [2, 'n']))) }, { inputs: [] }),
      'E_BAD_OPTION',
      /'R'/,
    );
    expect(compile({ m })({ Qm: [1, 2, 3, 4] }).m).toBe(10);
  });
});
