import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  adam,
  compileTraining,
  input,
  matmul,
  meanSquaredError,
  normalize,
  normalizer,
  param,
  Rng,
  sgd,
  splitData,
  tanh,
} from '../src/index.ts';
import { createHousingTrainer } from '../codegen/housing.ts';
import housingModel from '../samples/housing.ts';
import { housing } from '../samples/data.ts';
import { expectError } from './expectError.ts';

/** Per-row μ and population σ of a flat (n, m) array, written out. */
function rowStats(X: ArrayLike<number>, n: number, m: number) {
  const mean: number[] = [];
  const std: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += X[i * m + j]!;
    const mu = s / m;
    let q = 0;
    for (let j = 0; j < m; j++) q += (X[i * m + j]! - mu) ** 2;
    mean.push(mu);
    std.push(Math.sqrt(q / m));
  }
  return { mean, std };
}

/** n features on very different scales (offsets and spreads per row), and a noisy linear target. */
function scaledData(n: number, m: number, seed: number) {
  const rng = new Rng(seed);
  const offset = Array.from({ length: n }, () => rng.normal() * 1000);
  const scale = Array.from({ length: n }, () => Math.exp(rng.normal() * 3));
  const X = new Float64Array(n * m);
  const Y = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let y = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      X[i * m + j] = offset[i]! + scale[i]! * z;
      y += (i + 1) * z;
    }
    Y[j] = y / n + 0.1 * rng.normal();
  }
  return { X, Y };
}

/** A small 2-layer regressor on X (n, m), with or without normalize(X) in front. */
function regressor(n: number, normalized: boolean, name = 'net') {
  const X = input('X', [n, 'm']);
  const Y = input('Y', [1, 'm']);
  const W1 = param('W1', [3, n], { init: 'xavier' });
  const b1 = param('b1', [3, 1], { init: 'zeros' });
  const W2 = param('W2', [1, 3], { init: 'xavier' });
  const b2 = param('b2', [1, 1], { init: 'zeros' });
  const A0 = normalized ? normalize(X) : X;
  const Yhat = add(matmul(W2, tanh(add(matmul(W1, A0), b1))), b2);
  return compileTraining({
    name,
    loss: meanSquaredError(Yhat, Y),
    outputs: { Yhat },
    optimizer: adam({ learningRate: 0.01 }),
    l2: 0.1,
  });
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    expect(Math.abs(a[i]! - b[i]!), `[${i}] ${a[i]} vs ${b[i]}`).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(b[i]!)),
    );
  }
}

describe('normalizer (standalone)', () => {
  it('fits μ and σ per feature (row) on the training set and applies them to other data', () => {
    const { X } = scaledData(3, 50, 1);
    const norm = normalizer({ data: X, shape: [3, 50] });
    const expected = rowStats(X, 3, 50);
    expectClose(norm.mean, expected.mean, 1e-14);
    expectClose(norm.std, expected.std, 1e-14);
    // the training set comes out with mean 0 and standard deviation 1 in every feature
    const out = norm.apply(X);
    const after = rowStats(out, 3, 50);
    expectClose(after.mean, [0, 0, 0], 1e-10);
    expectClose(after.std, [1, 1, 1], 1e-12);
    // other data: the training μ and σ, whatever its own statistics and number of examples
    const { X: dev } = scaledData(3, 7, 2);
    const applied = norm.apply(dev);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 7; j++) {
        expect(applied[i * 7 + j]).toBe((dev[i * 7 + j]! - norm.mean[i]!) / norm.std[i]!);
      }
    }
    // the other forms of the same data: rows, and flat values with their shape
    const rows = [0, 1, 2].map((i) => Array.from(X.slice(i * 50, i * 50 + 50)));
    expect(normalizer(rows).mean).toEqual(norm.mean);
    expect(normalizer(X, { shape: [3, 50] }).std).toEqual(norm.std);
    expect(norm.apply({ data: dev, shape: [3, 7] })).toEqual(applied);
  });

  it('a constant feature (σ = 0) gets σ = 1 and μ its value, so it becomes exactly 0', () => {
    // 0.1 is not exact in binary: Σx/m is not 0.1 and a two-pass σ would be ~1e-17, not 0
    const rows = [Array(9).fill(0.1), [1, 2, 3, 4, 5, 6, 7, 8, 9]];
    const norm = normalizer(rows);
    expect(norm.mean[0]).toBe(0.1);
    expect(norm.std[0]).toBe(1);
    expect(Array.from(norm.apply(rows).slice(0, 9))).toEqual(Array(9).fill(0));
    expect(norm.apply([[0.6], [5]])[0]).toBeCloseTo(0.5, 15);
  });

  it('names the input, the index and the problem of bad data', () => {
    const rows = [
      [1, 2, 3],
      [4, Number.NaN, 6],
    ];
    expectError(
      () => normalizer(rows),
      'E_NONFINITE_INPUT',
      /^normalizer: data 'trainX' has a non-finite value NaN at index 4 \(feature 1, example 1\)/,
      /normalize\.test\.ts:\d+/,
    );
    const norm = normalizer([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expectError(
      () => norm.apply([1, 2, Infinity, 4]),
      'E_NONFINITE_INPUT',
      /^normalizer\.apply: data 'x' has a non-finite value Infinity at index 2 \(feature 1, example 0\)/,
    );
    expectError(
      () => norm.apply([1, 2, 3]),
      'E_INPUT_SHAPE',
      /normalizer\.apply: x has 3 values, which is not \(2, m\)/,
    );
    expectError(
      () => norm.apply([[1], [2], [3]]),
      'E_INPUT_SHAPE',
      /x has 3 features per example; the normalizer was fitted on 2/,
    );
    expectError(
      () => normalizer([1, 2, 3, 4]),
      'E_INPUT_SHAPE',
      /normalizer: trainX is flat values: give its shape/,
    );
    expectError(
      () => normalizer([1, 2, 3, 4], { shape: [3, 2] }),
      'E_INPUT_SHAPE',
      /trainX has 4 values, which is not the shape \(3, 2\)/,
    );
    expectError(
      () => normalizer([[1, 2], [3]]),
      'E_INPUT_SHAPE',
      /trainX row 1 has 1 values; row 0 has 2/,
    );
    expectError(
      () => normalizer([1, 2], { shape: [0, 2] }),
      'E_BAD_OPTION',
      /normalizer: option 'shape' must be a shape/,
    );
  });
});

describe('normalize(X) in a training model', () => {
  it('training with normalize(X) is training on normalized data; predict takes raw X (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 8, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, m, seed) => {
          const train = scaledData(n, m, seed);
          const dev = scaledData(n, 5, seed + 1);
          const norm = normalizer({ data: train.X, shape: [n, m] });
          const inModel = regressor(n, true);
          const byHand = regressor(n, false);
          const a = inModel.init(seed % 1000);
          const b = byHand.init(seed % 1000);
          const costsA = inModel.fit(a, train, { epochs: 5, batchSize: 4 });
          const costsB = byHand.fit(
            b,
            { X: norm.apply(train.X), Y: train.Y },
            {
              epochs: 5,
              batchSize: 4,
            },
          );
          // μ and σ in the state are the standalone normalizer's: one implementation
          expect(a.buffers.X_mean).toEqual(norm.mean);
          expect(a.buffers.X_std).toEqual(norm.std);
          expectClose(costsA, costsB, 1e-9);
          for (const k of Object.keys(b.params)) expectClose(a.params[k]!, b.params[k]!, 1e-9);
          const raw = inModel.predict(a, { X: dev.X }).Yhat as Float64Array;
          const normalized = byHand.predict(b, { X: norm.apply(dev.X) }).Yhat as Float64Array;
          expectClose(raw, normalized, 1e-9);
        },
      ),
      { seed: 29, numRuns: 15 },
    );
  });

  it('μ and σ are buffers: not params, not trained, not regularized, not gradient-checked', () => {
    const trainer = regressor(2, true);
    expect(trainer.params.map((p) => p.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    const data = scaledData(2, 30, 3);
    const state = trainer.init(1);
    expect(Object.keys(state.buffers)).toEqual(['X_mean', 'X_std']);
    trainer.fit(state, data, { epochs: 3 });
    const mean = Float64Array.from(state.buffers.X_mean!);
    const std = Float64Array.from(state.buffers.X_std!);
    // a later fit (other data) trains the params and keeps μ and σ: they are the model's
    const before = Float64Array.from(state.params.W1!);
    trainer.fit(state, scaledData(2, 30, 4), { epochs: 3 });
    expect(state.params.W1).not.toEqual(before);
    expect(state.buffers.X_mean).toEqual(mean);
    expect(state.buffers.X_std).toEqual(std);
    const { grads } = trainer.lossAndGrad(state, data);
    expect(Object.keys(grads)).toEqual(['W1', 'b1', 'W2', 'b2']);
    const check = trainer.gradcheck(state, data);
    expect(check.perInput.map((r) => r.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(check.verdict).toBe('correct');
    expect(trainer.source).toMatch(/L2, λ = 0\.1, on W1, W2\)/);
    expect(trainer.source).toMatch(
      /Buffers \(not trained; μ and σ fitted on the training data by fit, saved with the state\): X_mean, X_std \(2, 1\)/,
    );
  });

  it('fits μ and σ on the training split only, and early stopping keeps them', () => {
    const all = scaledData(2, 60, 5);
    const split = splitData({ X: { data: all.X, shape: [2, 60] }, Y: all.Y }, { dev: 0.3 });
    const trainer = regressor(2, true);
    const state = trainer.init(2);
    const history = trainer.fit(state, split.train, {
      epochs: 30,
      dev: split.dev!,
      patience: 2,
      restoreBest: true,
    });
    expect(history.dev!.length).toBe(history.length);
    const onTrain = normalizer({ data: split.train.X as Float64Array, shape: [2, 42] });
    expect(state.buffers.X_mean).toEqual(onTrain.mean);
    expect(state.buffers.X_std).toEqual(onTrain.std);
    expect(state.buffers.X_mean).not.toEqual(normalizer({ data: all.X, shape: [2, 60] }).mean);
  });

  it('save/load carry μ and σ; a missing or bad buffer is E_BAD_STATE naming it', () => {
    const trainer = regressor(2, true);
    const data = scaledData(2, 30, 6);
    const state = trainer.init(1);
    trainer.fit(state, data, { epochs: 2 });
    const json = trainer.save(state);
    const file = JSON.parse(json);
    expect(file.buffers.X_mean.data).toEqual(Array.from(state.buffers.X_mean!));
    const loaded = trainer.load(json);
    expect(loaded.buffers).toEqual(state.buffers);
    expect(trainer.predict(loaded, data).Yhat).toEqual(trainer.predict(state, data).Yhat);
    expect(trainer.save(loaded)).toBe(json);
    const without = { ...file, buffers: undefined };
    expectError(() => trainer.load(JSON.stringify(without)), 'E_BAD_STATE', /'buffers' must be/);
    const zero = structuredClone(file);
    zero.buffers.X_std.data[1] = 0;
    expectError(
      () => trainer.load(JSON.stringify(zero)),
      'E_BAD_STATE',
      /buffers\.X_std\[1\] is 0; a standard deviation must be > 0/,
    );
    const gone = structuredClone(file);
    delete gone.buffers.X_mean;
    expectError(
      () => trainer.load(JSON.stringify(gone)),
      'E_BAD_STATE',
      /buffers\.X_mean is missing/,
    );
    // a state saved before fitting loads as not fitted
    const fresh = trainer.load(trainer.save(trainer.init(3)));
    expect(Number.isNaN(fresh.buffers.X_mean![0])).toBe(true);
    trainer.fitNormalization(fresh, data);
    expect(fresh.buffers.X_mean).toEqual(state.buffers.X_mean);
  });

  it('a state whose normalizer is not fitted is refused with what to do', () => {
    const trainer = regressor(2, true);
    const data = scaledData(2, 10, 7);
    const state = trainer.init(1);
    for (const f of [
      () => trainer.step(state, data),
      () => trainer.predict(state, data),
      () => trainer.lossAndGrad(state, data),
      () => trainer.evaluate(state, data),
    ]) {
      expectError(
        f,
        'E_BAD_STATE',
        /net: \w+: the normalizer of 'X' is not fitted \(state\.buffers\.X_mean and X_std hold NaN\): fit\(state, data\) fits it on its training data, or call fitNormalization\(state, data\) first/,
      );
    }
    expect(state.step).toBe(0);
    const bad = Float64Array.from(data.X);
    bad[13] = Number.NaN;
    expectError(
      () => trainer.fitNormalization(state, { X: bad }),
      'E_NONFINITE_INPUT',
      /fitNormalization: data 'X' has a non-finite value NaN at index 13 \(feature 1, example 3\)/,
    );
    expectError(() => trainer.fitNormalization(state, { Y: data.Y }), 'E_MISSING_INPUT', /'X'/);
    expectError(
      () => trainer.fitNormalization(state, { X: data.X.slice(0, 7) }),
      'E_INPUT_SHAPE',
      /data 'X' has 7 values, which is not \(2, m\)/,
    );
    expectError(
      () => trainer.fit(state, { X: bad, Y: data.Y }, { epochs: 1 }),
      'E_NONFINITE_INPUT',
      /fit: data 'X' has a non-finite value NaN at index 13/,
    );
    expect(Number.isNaN(state.buffers.X_mean![0])).toBe(true);
    trainer.fitNormalization(state, data);
    expectError(
      () => trainer.predict(state, { X: data.X, X_std: [1, 1] }),
      'E_UNKNOWN_INPUT',
      /net: predict: 'X_std' is the σ of normalize\(X\), a buffer of the state \(state\.buffers\.X_std\), not data/,
    );
  });

  it('normalizes per feature along any batch axis: X of shape (m, 3)', () => {
    const X = input('X', ['m', 3]);
    const Y = input('Y', ['m', 1]);
    const w = param('w', [3, 1], { init: 'zeros' });
    const trainer = compileTraining({
      loss: meanSquaredError(matmul(normalize(X), w), Y),
      optimizer: sgd({ learningRate: 0.1 }),
    });
    const rng = new Rng(3);
    const x = Float64Array.from(
      { length: 30 },
      (_, k) => (k % 3) * 100 + rng.normal() * ((k % 3) + 1),
    );
    const state = trainer.init(1);
    trainer.fitNormalization(state, { X: x });
    // column c of the (10, 3) rows is feature c
    const columns = [0, 1, 2].map((c) => Array.from({ length: 10 }, (_, j) => x[j * 3 + c]!));
    const expected = normalizer(columns);
    expectClose(state.buffers.X_mean!, expected.mean, 1e-14);
    expectClose(state.buffers.X_std!, expected.std, 1e-14);
  });

  it('a normalizer only the loss reads (the target Y) is fitted and passed too', () => {
    const X = input('X', [2, 'm']);
    const Y = input('Y', [1, 'm']);
    const W = param('W', [1, 2]);
    const b = param('b', [1, 1]);
    const Yhat = add(matmul(W, normalize(X)), b);
    const trainer = compileTraining({
      loss: meanSquaredError(Yhat, normalize(Y)),
      outputs: { Yhat },
      optimizer: sgd({ learningRate: 0.1 }),
    });
    const state = trainer.init(1);
    const data = { X: [1, 2, 3, 4, 5, 9], Y: [10, 20, 40] };
    trainer.fit(state, data, { epochs: 200 });
    expect(Array.from(state.buffers.Y_mean!)).toEqual([70 / 3]);
    // three examples, three params: Yhat approaches the normalized Y (its units are normalize(Y)'s)
    const yn = normalizer([data.Y]).apply([data.Y]);
    const predicted = trainer.predict(state, { X: data.X }).Yhat as Float64Array;
    expectClose(predicted, yn, 0.2);
  });

  it('a constant feature in a model: σ = 1, the feature is 0, training stays finite', () => {
    const trainer = regressor(2, true);
    const { X, Y } = scaledData(2, 20, 8);
    X.fill(0.3, 20, 40); // feature 1: the same value in every training example
    const state = trainer.init(1);
    const costs = trainer.fit(state, { X, Y }, { epochs: 20, layout: 'columns' });
    expect(costs.every(Number.isFinite)).toBe(true);
    expect(Array.from(state.buffers.X_std!).slice(1)).toEqual([1]);
    expect(Array.from(state.buffers.X_mean!).slice(1)).toEqual([0.3]);
    // the constant feature contributes nothing: any W1 column 1 gives the same predictions
    const before = trainer.predict(state, { X }).Yhat as Float64Array;
    state.params.W1![1] = state.params.W1![3] = state.params.W1![5] = 42;
    expect(trainer.predict(state, { X }).Yhat).toEqual(before);
    expect(trainer.normalizers).toEqual([
      { input: 'X', mean: 'X_mean', std: 'X_std', shape: [2, 1] },
    ]);
  });

  it('normalize takes a data input with a batch axis', () => {
    expectError(
      () => normalize(param('P', [2, 1]) as never),
      'E_BAD_ARGUMENT',
      /normalize: expects a data input/,
    );
    expectError(
      () => normalize(input('Z', [2, 3])),
      'E_SHAPE',
      /normalize: input 'Z' has shape \(2, 3\) with no batch axis/,
    );
  });
});

describe('the housing sample', () => {
  it("normalizes inside its model: the module's predict takes raw square feet and bedrooms", () => {
    const { X, Y, m } = housing();
    const trainer = createHousingTrainer({ seed: 1 });
    trainer.fit({ X, Y }, { epochs: 400 });
    const norm = normalizer({ data: X, shape: [2, m] });
    expect(trainer.state.buffers.X_mean).toEqual(norm.mean);
    expect(trainer.state.buffers.X_std).toEqual(norm.std);
    // a 1650 ft², 3-bedroom house: the course's example, about $293,000
    const price = trainer.predict({ X: [1650, 3] }).Yhat as Float64Array;
    const [w1, w2] = trainer.params.W!;
    const byHand =
      trainer.params.b![0]! +
      w1! * ((1650 - norm.mean[0]!) / norm.std[0]!) +
      w2! * ((3 - norm.mean[1]!) / norm.std[1]!);
    expect(price[0]).toBeCloseTo(byHand, 12);
    expect(price[0]).toBeGreaterThan(2.8);
    expect(price[0]).toBeLessThan(3.0);
    // the library trains it the same way (the same runtime)
    const library = compileTraining(housingModel);
    const state = library.init(1);
    library.fit(state, { X, Y }, { epochs: 400 });
    expect(library.save(state)).toBe(trainer.save());
    // the module's own save/load carries them too
    const again = createHousingTrainer({ seed: 7 });
    again.load(trainer.save());
    expect(again.state.buffers).toEqual(trainer.state.buffers);
    expect(again.predict({ X: [1650, 3] }).Yhat).toEqual(price);
  });

  it('a float32 module normalizes too', () => {
    const { X, Y, m } = housing();
    const f32 = compileTraining({ ...housingModel, dtype: 'float32' });
    const state = f32.init(1);
    f32.fit(state, { X, Y }, { epochs: 400 });
    const f64 = compileTraining(housingModel);
    const reference = f64.init(1);
    f64.fit(reference, { X, Y }, { epochs: 400 });
    expect(state.buffers).toEqual(reference.buffers);
    const a = f32.predict(state, { X }).Yhat as Float32Array;
    const b = f64.predict(reference, { X }).Yhat as Float64Array;
    expectClose(a, b, 1e-4);
    expect(m).toBe(47);
  });
});
