/**
 * A full-batch fit reads the data once per step (issue 14, item 3; src/train/pipeline.ts): a
 * trainer (either target) of a model whose first layer is one row, wᵀX, fits full batches with its
 * rotated step — each step at the previous one's product, ending with the next's — and trains
 * as step does: the same costs and params (to 1e-12 relative in float64), whatever the L2 term,
 * and from whatever params the user set between fits. Fits that cannot use it (callbacks, dev
 * data, mini-batches) take the ordinary steps; models it does not apply to have none.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adam,
  add,
  binaryCrossEntropy,
  compileTraining,
  input,
  matmul,
  param,
  sgd,
  sigmoid,
  transpose,
  type TrainingState,
} from '../src/index.ts';

const ROTATED = /export function \w*RotatedStep\(/;
const nx = 37;
const X = input('X', [nx, 'm']);
const Y = input('Y', [1, 'm']);
const w = param('w', [nx, 1], { init: 'normal' });
const b = param('b', [1, 1], { init: 'zeros' });
const A = sigmoid(add(matmul(transpose(w), X), b));
const J = binaryCrossEntropy(A, Y);

function dataOf(m: number, seed: number) {
  const X = Float64Array.from({ length: nx * m }, (_, i) => Math.sin(i * 1.37 + seed));
  const Y = Float64Array.from({ length: m }, (_, i) => ((i * 7 + seed) % 3 === 0 ? 1 : 0));
  return { X, Y };
}

const relative = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1e-300, Math.abs(b[i]!)));
  return worst;
};

function trainer(
  l2: number,
  dtype: 'float64' | 'float32' = 'float64',
  profile = false,
  target: 'ts' | 'wasm' = 'wasm',
) {
  return compileTraining({
    loss: J,
    outputs: { A },
    optimizer: sgd({ learningRate: 0.3 }),
    target,
    l2,
    dtype,
    ...(profile ? { profile: true } : {}),
  });
}

describe('a full-batch fit with the data read once per step', () => {
  it('is what the module has for wᵀX with gradient descent, on both targets', () => {
    for (const target of ['ts', 'wasm'] as const) {
      const source = trainer(0, 'float64', false, target).source;
      expect(source).toMatch(ROTATED);
      expect(source).toMatch(/in one pass over the rows of X: this kernel also computes/);
    }
    const others = [
      { loss: J, optimizer: adam({ learningRate: 0.1 }) },
      { loss: J, optimizer: adam({ learningRate: 0.1 }), target: 'wasm' as const },
    ];
    for (const spec of others) expect(compileTraining(spec).source).not.toMatch(ROTATED);
    // a first layer of two rows is a GEMM bound by arithmetic: no rotation
    const W = param('W', [2, nx]);
    const two = binaryCrossEntropy(sigmoid(matmul(param('v', [1, 2]), matmul(W, X))), Y);
    expect(
      compileTraining({ loss: two, optimizer: sgd({ learningRate: 0.1 }), target: 'wasm' }).source,
    ).not.toMatch(ROTATED);
  });

  it('trains as the ordinary steps do (property: sizes, L2, learning rate, epochs)', async () => {
    const trainers = [trainer(0), trainer(0.8), trainer(0.5, 'float64', false, 'ts')];
    await Promise.all(trainers.map((t) => t.ready));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (m, which, epochs, seed) => {
          const t = trainers[which]!;
          const data = dataOf(m, seed);
          const a = t.init(seed);
          const c = t.init(seed);
          const rotated = t.fit(a, data, { epochs });
          // a callback may change the params between epochs: fit takes the ordinary steps
          const steps = t.fit(c, data, { epochs, onEpoch: () => undefined });
          expect(relative(rotated, steps)).toBeLessThanOrEqual(1e-12);
          for (const k of ['w', 'b'])
            expect(relative(a.params[k]!, c.params[k]!)).toBeLessThanOrEqual(1e-12);
          expect(a.step).toBe(epochs);
        },
      ),
      { seed: 14, numRuns: 40 },
    );
  });

  it('reads X once per step for W of one row (P = W·X) too', async () => {
    const W = param('W', [1, nx], { init: 'normal' });
    const loss = binaryCrossEntropy(sigmoid(add(matmul(W, X), b)), Y);
    const t = compileTraining({ loss, optimizer: sgd({ learningRate: 0.2 }), target: 'wasm' });
    await t.ready;
    expect(t.source).toMatch(/in one pass over the rows of X: this kernel also computes/);
    const data = dataOf(21, 4);
    const a = t.init(5);
    const c = t.init(5);
    const rotated = t.fit(a, data, { epochs: 6 });
    const steps = t.fit(c, data, { epochs: 6, onEpoch: () => undefined });
    expect(relative(rotated, steps)).toBeLessThanOrEqual(1e-12);
    expect(relative(a.params['W']!, c.params['W']!)).toBeLessThanOrEqual(1e-12);
  });

  it('in guard mode, whose checks follow each kernel, runs the two products apart', async () => {
    const t = compileTraining({ loss: J, optimizer: sgd({ learningRate: 0.3 }), guard: true });
    await t.ready;
    expect(t.source).toMatch(ROTATED);
    expect(t.source).not.toMatch(/in one pass over the rows of X/);
    const data = dataOf(15, 2);
    const a = t.init(3);
    const c = t.init(3);
    const rotated = t.fit(a, data, { epochs: 5 });
    const steps = t.fit(c, data, { epochs: 5, onEpoch: () => undefined });
    expect(relative(rotated, steps)).toBeLessThanOrEqual(1e-12);
  });

  it('starts each fit from the params as they are (set by the user in between)', async () => {
    const t = trainer(0.3);
    await t.ready;
    const data = dataOf(23, 5);
    const a = t.init(2);
    const c = t.init(2);
    t.fit(a, data, { epochs: 4 });
    for (let k = 0; k < 4; k++) t.step(c, data);
    for (const s of [a, c]) s.params['w']!.fill(0.05);
    const again = t.fit(a, data, { epochs: 5 });
    const steps = Array.from({ length: 5 }, () => t.step(c, data));
    expect(relative(again, steps)).toBeLessThanOrEqual(1e-12);
    expect(relative(a.params['w']!, c.params['w']!)).toBeLessThanOrEqual(1e-12);
  });

  it('is what a fit alone runs, and a fit with a callback does not (profile)', async () => {
    const t = trainer(0, 'float64', true);
    await t.ready;
    const data = dataOf(30, 1);
    const s: TrainingState = t.init(1);
    const ms = (part: string) =>
      t
        .profile()
        .filter((k) => k.kernel.startsWith(part))
        .reduce((sum, k) => sum + k.ms, 0);
    t.profile();
    t.fit(s, data, { epochs: 50 });
    const times = t.profile();
    const of = (part: string) =>
      times.filter((k) => k.kernel.startsWith(part)).reduce((sum, k) => sum + k.ms, 0);
    // the rotated step's pass over X: w's update and the next product
    const pass = 'w_next = w − lr·';
    expect(of(pass)).toBeGreaterThan(0);
    expect(of('dw =')).toBe(0);
    t.fit(s, data, { epochs: 50, onEpoch: () => undefined });
    expect(ms(pass)).toBe(0);
    t.fit(s, data, { epochs: 50, batchSize: 10 });
    expect(ms(pass)).toBe(0);
  });

  it('trains as the steps do in float32 too (to float32 rounding)', async () => {
    const t = trainer(0.5, 'float32');
    await t.ready;
    const data = dataOf(19, 3);
    const a = t.init(7);
    const c = t.init(7);
    const rotated = t.fit(a, data, { epochs: 8 });
    const steps = t.fit(c, data, { epochs: 8, onEpoch: () => undefined });
    expect(relative(rotated, steps)).toBeLessThanOrEqual(1e-5);
    expect(relative(a.params['w']!, c.params['w']!)).toBeLessThanOrEqual(1e-4);
  });
});
