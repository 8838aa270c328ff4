/**
 * concat: values against hand-computed ones, compiled (float64 and float32) against the
 * interpreter, tensors with the batch dimension and windows of it, gradients through two-sided
 * gradcheck and the adjoint check, zero tangents, and the errors that name each mismatching
 * operand and the call site. Random graphs with slice and concat: test/props/tensorGraphs.test.ts,
 * test/props/forward.test.ts and test/emit/split.test.ts (tensorArbitraries' actions).
 */
import { describe, expect, it } from 'vitest';
import {
  compile,
  concat,
  evaluate,
  formula,
  grad,
  gradcheck,
  input,
  jvp,
  mul,
  optimize,
  param,
  sigmoid,
  slice,
  sum,
  tanh,
  vjp,
} from '../src/index.ts';
import { expectError } from './expectError.ts';

const iota = (n: number, from = 0) => Float64Array.from({ length: n }, (_, i) => from + i);
const list = (v: unknown) => Array.from(v as ArrayLike<number>);
const at = /concat\.test\.ts:\d+/;

describe('concat', () => {
  const a = input('Ac', [2, 3]);
  const b = input('Bc', [1, 3]);
  const c = input('Cc', [2, 2]);
  const values = { Ac: iota(6), Bc: iota(3, 10), Cc: iota(4, 20) };

  it('joins along an axis (negative from the end), the same operand twice too', () => {
    const rows = concat([a, b]);
    const cols = concat([a, c, a], { axis: -1 });
    expect(rows.shape).toEqual([3, 3]);
    expect(cols.shape).toEqual([2, 8]);
    const rowsExpected = [0, 1, 2, 3, 4, 5, 10, 11, 12];
    const colsExpected = [0, 1, 2, 20, 21, 0, 1, 2, 3, 4, 5, 22, 23, 3, 4, 5];
    expect(list(evaluate(rows, values))).toEqual(rowsExpected);
    expect(list(evaluate(cols, values))).toEqual(colsExpected);
    for (const dtype of ['float64', 'float32'] as const) {
      const f = compile({ rows, cols }, { dtype });
      expect(list(f(values).rows)).toEqual(rowsExpected);
      expect(list(f(values).cols)).toEqual(colsExpected);
    }
    expect(concat([a])).toBe(a);
    expect(formula(concat([a, b]))).toBe('concat_0(Ac, Bc)');
  });

  it('joins tensors with the batch dimension along another axis, and windows of it along it', () => {
    const X = input('Xc', [2, 'm']);
    const Y = input('Yc', [1, 'm']);
    const joined = concat([X, tanh(Y)]);
    const ends = concat([slice(X, { axis: 1, start: -1 }), slice(X, { axis: 1, end: 1 })], {
      axis: 1,
    });
    expect(joined.shape).toEqual([3, 'm']);
    expect(ends.shape).toEqual([2, 2]);
    const v = { Xc: iota(6), Yc: [0, 0, 0] };
    const f = compile({ joined, ends });
    expect(list(f(v).joined)).toEqual([0, 1, 2, 3, 4, 5, 0, 0, 0]);
    expect(list(f(v).ends)).toEqual([2, 0, 5, 3]);
    expect(list(evaluate(ends, v))).toEqual([2, 0, 5, 3]);
  });

  it('errors name each mismatching operand, its shape and the call site', () => {
    const X = input('Xe', [2, 'm']);
    expectError(
      () => concat([a, c, input('De', [2, 3, 1]), b]),
      'E_SHAPE',
      /same shape but along axis 0: operand 1 is \(2, 3\), operand 2 is \(2, 2\), operand 3 is \(2, 3, 1\) \(/,
      at,
    );
    expectError(
      () => concat([X, X], { axis: 1 }),
      'E_SHAPE',
      /batch dimension 'm'/,
      /operand 1 is \(2, m\), operand 2 is \(2, m\)/,
      at,
    );
    expectError(() => concat([]), 'E_SHAPE', /at least one operand/, at);
    expectError(() => concat([a], { axis: 2 }), 'E_SHAPE', /axis 2 is out of range/, at);
    expectError(() => concat([input('se'), input('te')]), 'E_SHAPE', /a scalar has no axis/);
    expectError(() => concat(a as never), 'E_BAD_ARGUMENT', /expected an array of operands/, at);
    expectError(() => concat([a, 'x' as never]), 'E_BAD_ARGUMENT', /concat \(operand 2\)/);
  });

  it('gradients pass two-sided gradcheck; JVP and VJP agree (the adjoint identity)', () => {
    const W = param('Wc', [2, 3]);
    const U = param('Uc', [1, 3]);
    const X = input('Xg', [3, 'm']);
    const joined = concat([tanh(W), U, W]);
    const J = mul(
      sum(sigmoid(mul(joined, 2))),
      sum(tanh(slice(concat([X, X]), { start: 1, end: 5 }))),
    );
    const point = {
      Wc: [0.3, -0.7, 1.1, 0.2, -0.4, 0.9],
      Uc: [0.5, -1, 2],
      Xg: iota(6, -3).map((v) => v / 4),
    };
    const r = gradcheck(J, point, { wrt: [W, U, X] });
    expect(r.ok, r.report()).toBe(true);
    const adjoint = gradcheck(J, point, { wrt: [W, U, X], mode: 'adjoint' });
    expect(adjoint.ok, adjoint.report()).toBe(true);
    // a zero tangent (U's) is zeros in the joined tangent
    const vW = input('vW', [2, 3]);
    const t = jvp(concat([W, U]), [W], [vW]);
    expect(list(evaluate(t, { vW: iota(6, 1), Wc: point.Wc, Uc: point.Uc }))).toEqual([
      1, 2, 3, 4, 5, 6, 0, 0, 0,
    ]);
    const [gW, gU] = vjp(concat([W, U]), [W, U], [input('g', [3, 3])]);
    expect(
      list(evaluate({ gW: gW!, gU: gU! }, { g: iota(9), Wc: point.Wc, Uc: point.Uc }).gU),
    ).toEqual([6, 7, 8]);
  });
});

describe('the optimizer removes round trips through slices and joins', () => {
  it('concat of adjacent slices, a slice within one operand, a slice of a slice', () => {
    const X = input('Xr', [4, 'm']);
    const parts = [slice(X, { end: 1 }), slice(X, { start: 1, end: 3 }), slice(X, { start: 3 })];
    expect(optimize({ t: concat(parts) }).outputs.t).toBe(X);
    const Y = input('Yr', [2, 3]);
    const Z = input('Zr', [3, 3]);
    expect(optimize({ t: slice(concat([Y, tanh(Z)]), { start: 2 }) }).outputs.t).toBe(tanh(Z));
    expect(optimize({ t: slice(concat([Y, Z]), { start: 3, end: 4 }) }).outputs.t).toBe(
      slice(Z, { start: 1, end: 2 }),
    );
    const window = slice(slice(X, { axis: 1, start: -4 }), { axis: 1, start: 1, end: 3 });
    expect(optimize({ t: window }).outputs.t).toBe(slice(X, { axis: 1, start: -3, end: -1 }));
    const tail = slice(slice(X, { axis: 1, start: -4 }), { axis: 1, start: 2 });
    expect(optimize({ t: tail }).outputs.t).toBe(slice(X, { axis: 1, start: -2 }));
  });

  it('the gradient of a window of a join has no pad or concat left', () => {
    const W = param('Wr', [3, 2]);
    const J = sum(tanh(slice(concat([W, mul(W, 2)]), { start: 3 })));
    const [dW] = grad(J, [W]);
    expect(formula(dW!)).toMatch(/pad/);
    const optimized = optimize({ dW: dW! }).outputs.dW;
    expect(formula(optimized)).not.toMatch(/pad|concat|\[/);
    const point = { Wr: [0.3, -0.7, 1.1, 0.2, -0.4, 0.9] };
    const before = list(evaluate(dW!, point));
    const after = list(evaluate(optimized, point));
    after.forEach((v, i) => expect(v).toBeCloseTo(before[i]!, 12));
  });
});
