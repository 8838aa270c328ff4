/**
 * slice (and pad, its adjoint): values against hand-computed ones, compiled (float64 and
 * float32) against the interpreter, a slice emitted as indexing, gradients through two-sided
 * gradcheck and guard mode, windows along the batch dimension and the batch sizes they need, and
 * the errors that name the call site.
 */
import { describe, expect, it } from 'vitest';
import {
  compile,
  emit,
  evaluate,
  formula,
  grad,
  gradcheck,
  input,
  mul,
  param,
  sigmoid,
  slice,
  sum,
  tanh,
  transpose,
} from '../src/index.ts';
import { expectError } from './expectError.ts';

const iota = (n: number, from = 0) => Float64Array.from({ length: n }, (_, i) => from + i);
const list = (v: unknown) => Array.from(v as ArrayLike<number>);
const at = /slice\.test\.ts:\d+/;

describe('slice', () => {
  const X = input('Xs', [4, 3]);
  const values = { Xs: iota(12) };

  it('takes Python windows: end exclusive, negative from the end, defaults start 0 and end the length', () => {
    const cases: [Parameters<typeof slice>[1], number[]][] = [
      [{ start: 1, end: 3 }, [3, 4, 5, 6, 7, 8]],
      [{ start: -1 }, [9, 10, 11]],
      [{ end: -3 }, [0, 1, 2]],
      [{ axis: 1, start: 1 }, [1, 2, 4, 5, 7, 8, 10, 11]],
      [{ axis: -1, start: -2, end: -1 }, [1, 4, 7, 10]],
      [{ axis: 1, end: 1 }, [0, 3, 6, 9]],
    ];
    for (const [options, expected] of cases) {
      const s = slice(X, options);
      expect(list(evaluate(s, values)), JSON.stringify(options)).toEqual(expected);
      for (const dtype of ['float64', 'float32'] as const) {
        expect(list(compile({ s }, { dtype })(values).s), dtype).toEqual(expected);
      }
    }
  });

  it('the whole axis is x itself; it prints as NumPy indexing', () => {
    expect(slice(X, { axis: 1, start: -3 })).toBe(X);
    expect(formula(slice(X, { axis: 1, start: 1 }))).toBe('Xs[:, 1:3]');
    expect(formula(slice(tanh(X), { start: 2 }))).toBe('tanh(Xs)[2:4]');
  });

  it('is indexing, not a copy: the kernel reading it reads the operand at an offset', () => {
    const Y = input('Ys', [4, 'm']);
    const source = emit({ J: sum(tanh(slice(Y, { start: 2 }))) });
    expect(source).toMatch(/tanh\(Ys\[[^\]]*\+ 2 \* m\]/);
    const source2 = emit({ J: sum(tanh(slice(Y, { axis: 1, start: -2 }))) });
    expect(source2).toMatch(/Ys\[i0 \* m \+ i1 \+ \(m - 2\)\]/);
  });

  it('along the batch dimension: fixed-length windows from the front or the back', () => {
    const Y = input('Yb', [2, 'm']);
    const first = slice(Y, { axis: 1, end: 2 });
    const last = slice(Y, { axis: -1, start: -2 });
    expect(first.shape).toEqual([2, 2]);
    const f = compile({ first, last });
    const v = { Yb: iota(10) }; // m = 5
    expect(list(f(v).first)).toEqual([0, 1, 5, 6]);
    expect(list(f(v).last)).toEqual([3, 4, 8, 9]);
    expect(list(evaluate(last, v))).toEqual([3, 4, 8, 9]);
  });

  it('a batch too small for the window is E_INPUT_SHAPE, interpreted and compiled', () => {
    const Y = input('Yt', [2, 'm']);
    const last = slice(Y, { axis: 1, start: -3 });
    const v = { Yt: iota(4) }; // m = 2
    expectError(() => evaluate(last, v), 'E_INPUT_SHAPE', /Yt\[:, -3:\]/, /at least 3, got 2/, at);
    expectError(
      () => compile({ last })(v),
      'E_INPUT_SHAPE',
      /Yt\[:, -3:\]/,
      /'m' to be at least 3, got 2/,
      at,
    );
    expect(list(compile({ last })({ Yt: iota(6) }).last)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('errors name the window, the shape and the call site', () => {
    const Y = input('Ye', [4, 'm']);
    expectError(() => slice(Y, { start: 5 }), 'E_SHAPE', /start 5 is out of range/, /length 4/, at);
    expectError(() => slice(Y, { start: -5 }), 'E_SHAPE', /start -5 is out of range/, at);
    expectError(
      () => slice(Y, { start: 3, end: 1 }),
      'E_SHAPE',
      /\[3:1\] of \(4, m\) is empty/,
      at,
    );
    expectError(
      () => slice(Y, { axis: 2 }),
      'E_SHAPE',
      /axis 2 is out of range for shape \(4, m\)/,
    );
    expectError(() => slice(input('ys'), {}), 'E_SHAPE', /a scalar has no axis/, at);
    expectError(() => slice(Y, { axis: 1, start: 1 }), 'E_SHAPE', /would depend on m/, at);
    expectError(() => slice(Y, { axis: 1, start: -2, end: 3 }), 'E_SHAPE', /would depend on m/);
    expectError(() => slice(Y, { axis: 1, start: -2, end: 0 }), 'E_SHAPE', /is empty/);
    expectError(() => slice(Y, { start: 0.5 }), 'E_BAD_OPTION', /'start' must be an integer/, at);
    expectError(() => slice(Y, { begin: 1 } as never), 'E_BAD_OPTION', /unknown option 'begin'/);
  });

  it('gradients pass two-sided gradcheck, fixed and batch windows, a window read twice', () => {
    const W = param('Wg', [3, 2]);
    const Z = input('Zg', [2, 'm']);
    const A = tanh(mul(W, 1)) as ReturnType<typeof tanh>;
    const H = sigmoid(slice(transpose(W), { axis: 1, start: 1 }));
    const J = sum(mul(slice(A, { start: -2 }), slice(A, { end: 2 })));
    const K = sum(mul(H, slice(Z, { axis: 1, start: -2 })));
    const point = { Wg: [0.3, -0.7, 1.1, 0.2, -0.4, 0.9], Zg: [0.5, -1, 2, 0.25, 1.5, -0.5] };
    for (const [cost, wrt] of [
      [J, [W]],
      [mul(J, K), [W, Z]],
    ] as const) {
      const r = gradcheck(cost, wrt.length === 1 ? { Wg: point.Wg } : point, { wrt: [...wrt] });
      expect(r.ok, r.report()).toBe(true);
    }
  });

  it('in guard mode and the gradient graph: grad of a slice is the adjoint placed in zeros', () => {
    const X = param('Xp', [3, 2]);
    const J = sum(mul(slice(X, { start: 1 }), 3));
    const [dX] = grad(J, [X]);
    expect(list(evaluate(dX!, { Xp: iota(6) }))).toEqual([0, 0, 3, 3, 3, 3]);
    const f = compile({ J, dX: dX! }, { guard: true });
    expect(list(f({ Xp: iota(6) }).dX)).toEqual([0, 0, 3, 3, 3, 3]);
  });
});
