import { describe, expect, it } from 'vitest';
import {
  add,
  broadcastTo,
  compile,
  evaluate,
  gradcheck,
  input,
  matmul,
  mean,
  mul,
  reshape,
  Rng,
  sum,
  transpose,
  type CompiledValue,
} from '../src/index.ts';
import * as LR from '../samples/logisticRegression.ts';
import * as planar from '../samples/planar.ts';
import * as deep from '../samples/deep.ts';
import { planarFlower, randomMatrix, syntheticImages } from '../samples/data.ts';

const arr = (v: CompiledValue) => v as Float64Array;
const byLayer = (a: string, b: string) =>
  a.slice(1).localeCompare(b.slice(1)) || b.localeCompare(a);

/** max |a − b| / max(|b|, tiny) over all components. */
function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), 1e-300));
  }
  return worst;
}

describe('logistic regression (n_x = 12288, m = 209)', () => {
  const m = 209;
  const data = syntheticImages(m, 11);
  const rng = new Rng(12);
  const w = randomMatrix(LR.nx, 1, rng, 0.01);
  const point = { X: data.X, Y: data.Y, w, b: [0.2] };
  const f = compile({ J: LR.J, dw: LR.dw!, db: LR.db!, A: LR.A }, { name: 'logisticRegression' });
  const out = f(point);

  it("equals the course's vectorized formulas dw = (1/m)·X(A − Y)ᵀ, db = (1/m)·Σ(A − Y)", () => {
    // hand-written reference, straight from the formulas
    const A = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      let z = 0.2;
      for (let i = 0; i < LR.nx; i++) z += w[i]! * data.X[i * m + j]!;
      A[j] = 1 / (1 + Math.exp(-z));
    }
    const dZ = A.map((a, j) => a - data.Y[j]!);
    const dw = new Float64Array(LR.nx);
    for (let i = 0; i < LR.nx; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += data.X[i * m + j]! * dZ[j]!;
      dw[i] = s / m;
    }
    const db = dZ.reduce((s, v) => s + v, 0) / m;
    let J = 0;
    for (let j = 0; j < m; j++) {
      J -= data.Y[j]! * Math.log(A[j]!) + (1 - data.Y[j]!) * Math.log(1 - A[j]!);
    }
    J /= m;
    expect(maxRelDiff(arr(out.A), A)).toBeLessThan(1e-12);
    expect(maxRelDiff(arr(out.dw), dw)).toBeLessThan(1e-12);
    expect(Math.abs(arr(out.db)[0]! - db) / Math.abs(db)).toBeLessThan(1e-12);
    expect(Math.abs((out.J as number) - J) / J).toBeLessThan(1e-12);
  });

  it('agrees with the interpreter and passes gradcheck', () => {
    const ref = evaluate({ J: LR.J, dw: LR.dw!, db: LR.db! }, point);
    expect(maxRelDiff(arr(out.dw), ref.dw as Float64Array)).toBeLessThan(1e-12);
    const r = gradcheck(f, point, { cost: 'J', mode: 'random', directions: 4 });
    console.log(r.report());
    expect(r.verdict).toBe('correct');
    for (const e of r.perInput) expect(e.relativeError, e.name).toBeLessThan(1e-7);
  });

  it('reports its shapes and the bound batch size', () => {
    expect(f.outputs).toEqual({ J: [], dw: [12288, 1], db: [1, 1], A: [1, 'm'] });
    expect(arr(out.A)).toHaveLength(m);
    expect(f.source).toMatch(/const m = X\.length \/ 12288; \/\/ batch size, from X/);
  });
});

describe('2-layer planar net (2 → 4 tanh → 1 sigmoid, m = 400)', () => {
  it('passes gradcheck for every parameter tensor (full, float64)', () => {
    const data = planarFlower(400, 1);
    const rng = new Rng(21);
    const point = {
      X: data.X,
      Y: data.Y,
      W1: randomMatrix(4, 2, rng, 1),
      b1: randomMatrix(4, 1, rng, 0.5),
      W2: randomMatrix(1, 4, rng, 1),
      b2: [0.5],
    };
    const r = gradcheck(planar.J, point);
    console.log(r.report());
    expect(r.perInput.map((e) => e.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    for (const e of r.perInput) expect(e.relativeError, e.name).toBeLessThan(1e-7);
  });
});

describe('deep L-layer net [12288, 20, 7, 5, 1] (ReLU, sigmoid, m = 209)', () => {
  it('passes gradcheck for every parameter tensor (float64)', () => {
    const data = syntheticImages(209, 31);
    // The output bias is set to 1 so that the output is not balanced: at a balanced point
    // db4 = mean(A4 − Y) ≈ 0, below what finite differences can resolve next to J ≈ 0.7.
    const point = { X: data.X, Y: data.Y, ...deep.exampleParams(32), b4: [1] };
    // Each cost evaluation is a 20 × 12288 × 209 matmul: check every parameter tensor along
    // seeded random directions (every component moves) rather than component by component.
    const r = gradcheck(deep.J, point, { mode: 'random', directions: 3 });
    console.log(r.report());
    expect(r.perInput.map((e) => e.name)).toEqual(
      ['W1', 'W2', 'W3', 'W4', 'b1', 'b2', 'b3', 'b4'].sort(byLayer),
    );
    for (const e of r.perInput) expect(e.relativeError, e.name).toBeLessThan(1e-7);
  });
});

describe('reductions, reshape and broadcasting', () => {
  const T = input('T', [2, 3]);
  const values = { T: [1, 2, 3, 4, 5, 6] };
  const cases = {
    all: sum(T),
    rows: sum(T, { axis: 1 }),
    rowsKeep: sum(T, { axis: 1, keepdims: true }),
    cols: sum(T, { axis: 0 }),
    colsKeepNeg: sum(T, { axis: -2, keepdims: true }),
    meanAll: mean(T),
    meanCols: mean(T, { axis: 0 }),
    flat: reshape(T, [6]),
    tT: transpose(T),
    wide: broadcastTo(reshape(sum(T, { axis: 0 }), [1, 3]), [4, 3]),
    outer: mul(reshape(sum(T, { axis: 1 }), [2, 1]), reshape(sum(T, { axis: 0 }), [1, 3])),
  };
  const expected = {
    all: 21,
    rows: [6, 15],
    rowsKeep: [6, 15],
    cols: [5, 7, 9],
    colsKeepNeg: [5, 7, 9],
    meanAll: 3.5,
    meanCols: [2.5, 3.5, 4.5],
    flat: [1, 2, 3, 4, 5, 6],
    tT: [1, 4, 2, 5, 3, 6],
    wide: [5, 7, 9, 5, 7, 9, 5, 7, 9, 5, 7, 9],
    outer: [30, 42, 54, 75, 105, 135],
  };
  const plain = (r: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        typeof v === 'number' ? v : Array.from(v as Float64Array),
      ]),
    );

  it('interpreter', () => {
    expect(plain(evaluate(cases, values))).toEqual(expected);
  });

  it('compiled, float64 and float32', () => {
    expect(plain(compile(cases)(values))).toEqual(expected);
    const f32 = compile(cases, { dtype: 'float32' });
    const out = f32(values);
    expect(out.flat).toBeInstanceOf(Float32Array);
    expect(plain(out)).toEqual(expected);
  });

  it('shapes are inferred at build time', () => {
    expect(cases.rows.shape).toEqual([2]);
    expect(cases.rowsKeep.shape).toEqual([2, 1]);
    expect(cases.all.shape).toEqual([]);
    expect(add(input('P', [3, 'm']), input('q', [3, 1])).shape).toEqual([3, 'm']);
    expect(matmul(input('W', [4, 3]), input('Xb', [3, 'm'])).shape).toEqual([4, 'm']);
  });
});

describe('float32 storage', () => {
  it('computes the planar gradients within float32 precision of float64', () => {
    const ex = planar.example();
    const outs = { J: planar.J, dW1: planar.dW1!, db2: planar.db2! };
    const f64 = compile(outs)(ex);
    const f32 = compile(outs, { dtype: 'float32' })(ex);
    expect(f32.dW1).toBeInstanceOf(Float32Array);
    expect(Math.abs((f32.J as number) - (f64.J as number))).toBeLessThan(1e-5);
    expect(maxRelDiff(arr(f32.dW1), arr(f64.dW1))).toBeLessThan(1e-3);
  });
});
