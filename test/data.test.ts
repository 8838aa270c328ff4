import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compileTraining,
  input,
  matmul,
  meanSquaredError,
  param,
  Rng,
  sgd,
  splitData,
} from '../src/index.ts';
import { expectError } from './expectError.ts';

/** A linear model on X of shape (n, m): its trainer's splitData is the reference. */
function linearTrainer(n: number) {
  const X = input('X', [n, 'm']);
  const Y = input('Y', [1, 'm']);
  const W = param('W', [1, n]);
  const b = param('b', [1, 1]);
  return compileTraining({
    loss: meanSquaredError(add(matmul(W, X), b), Y),
    optimizer: sgd({ learningRate: 0.1 }),
  });
}

function randomData(n: number, m: number, seed: number) {
  const rng = new Rng(seed);
  return {
    X: Float64Array.from({ length: n * m }, () => rng.normal()),
    Y: Float64Array.from({ length: m }, () => rng.normal()),
  };
}

/** Column j of a flat (rows, m) tensor. */
function column(v: ArrayLike<number>, m: number, j: number): number[] {
  const rows = v.length / m;
  return Array.from({ length: rows }, (_, i) => v[i * m + j]!);
}

describe('splitData (standalone)', () => {
  it('is the trainer method: the same sets for the same data and options (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 0, max: 0.45, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (n, m, seed, devFraction, testPercent) => {
          const data = randomData(n, m, seed);
          const test = Math.floor(((m - 1) * testPercent) / 100 / 2);
          const options = { dev: devFraction, test, seed };
          const expected = linearTrainer(n).splitData(data, options);
          const split = splitData({ X: { data: data.X, shape: [n, m] }, Y: data.Y }, options);
          expect(split).toEqual(expected);
          // every example in exactly one set, features and label together
          const key = (set: { X?: unknown; Y?: unknown }, j: number) => {
            const k = (set.Y as Float64Array).length;
            return JSON.stringify([column(set.X as Float64Array, k, j), (set.Y as any)[j]]);
          };
          const seen = [split.train, split.dev, split.test].flatMap((set) =>
            set
              ? Array.from({ length: (set.Y as Float64Array).length }, (_, j) => key(set, j))
              : [],
          );
          const all = Array.from({ length: m }, (_, j) => key(data, j));
          expect(seen.sort()).toEqual(all.sort());
        },
      ),
      { seed: 13, numRuns: 60 },
    );
  });

  it('takes shaped, nested, flat (with examples) and row-major data alike', () => {
    const { X, Y } = randomData(3, 10, 4);
    const options = { dev: 3, test: 0.2, seed: 9 };
    const expected = splitData(
      { X: { data: X, shape: [3, 10] }, Y: { data: Y, shape: [1, 10] } },
      options,
    );
    const rows = Array.from({ length: 3 }, (_, i) => Array.from(X.slice(i * 10, i * 10 + 10)));
    expect(splitData({ X: rows, Y }, options)).toEqual(expected);
    expect(splitData({ X, Y }, { ...options, examples: 10 })).toEqual(expected);
    // examples as rows: (m, features) in, columns out
    const xRows = Array.from({ length: 10 }, (_, j) => column(X, 10, j));
    expect(splitData({ X: xRows, Y }, { ...options, layout: 'rows' })).toEqual(expected);
    expect(
      splitData({ X: { data: xRows.flat(), shape: [10, 3] }, Y }, { ...options, layout: 'rows' }),
    ).toEqual(expected);
    // a number is not per example: every set gets it
    const withScalar = splitData({ X: rows, Y, lambda: 0.5 }, options);
    expect([withScalar.train.lambda, withScalar.dev!.lambda, withScalar.test!.lambda]).toEqual([
      0.5, 0.5, 0.5,
    ]);
    expect(withScalar.train.X).toEqual(expected.train.X);
  });

  it('names the option, the input and the problem', () => {
    const { X, Y } = randomData(2, 10, 1);
    const data = { X: { data: X, shape: [2, 10] }, Y };
    expectError(
      () => splitData(data, { dev: -1 }),
      'E_BAD_OPTION',
      /^splitData: option 'dev' must be a count of examples .* got -1 \(.*data\.test\.ts:\d+/,
    );
    expectError(() => splitData(data, { dev: 1.5 }), 'E_BAD_OPTION', /option 'dev'.* got 1\.5/);
    expectError(
      () => splitData(data, { valid: 0.2 } as never),
      'E_BAD_OPTION',
      /unknown option 'valid'/,
    );
    expectError(
      () => splitData(data, { dev: 6, test: 4 }),
      'E_BAD_OPTION',
      /^splitData: dev \(6\) and test \(4\) examples leave none of the 10 for training \(.*data\.test\.ts/,
    );
    expectError(
      () => splitData({ X, Y }, { dev: 2 }),
      'E_INPUT_SHAPE',
      /data 'X' is flat values and nothing tells how many examples/,
    );
    expectError(
      () => splitData({ X: { data: X, shape: [3, 10] }, Y }, { dev: 2 }),
      'E_INPUT_SHAPE',
      /data 'X' must be \{ data, shape \}.* got shape \[3,10\] and 20 values/,
    );
    expectError(
      () => splitData({ X: { data: X, shape: [2, 10] }, Y: Y.slice(0, 7) }, { dev: 2 }),
      'E_INPUT_SHAPE',
      /data 'Y' has 7 values, which is not a whole number of values for each of the 10 examples/,
    );
    const nan = Float64Array.from(Y);
    nan[4] = Number.NaN;
    const rows = [Array.from(X.slice(0, 10)), Array.from(X.slice(10))];
    rows[1]![3] = Number.NaN;
    expectError(
      () => splitData({ X: rows, Y }, { dev: 2 }),
      'E_NONFINITE_INPUT',
      /data 'X' has a non-finite value NaN at \[1\]\[3\]/,
    );
    expectError(() => splitData('X' as never, { dev: 2 }), 'E_BAD_ARGUMENT', /object of named/);
  });
});
