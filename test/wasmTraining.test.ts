/**
 * Training on the wasm target as a user meets it: compileTraining(…, { target: 'wasm' }) of the
 * course models trains as the TS target does (the same costs, to rounding; the same
 * predictions), its gradients pass gradcheck, mini-batches and predict on more examples than
 * maxBatch work, and its state saves and loads.
 */
import { describe, expect, it } from 'vitest';
import {
  adam,
  add,
  compileTraining,
  exp,
  input,
  mean,
  mul,
  param,
  sgd,
  sigmoid,
  square,
  sub,
  type TrainingSpec,
} from '../src/index.ts';
import planar from '../samples/planar.ts';
import deep from '../samples/deep.ts';
import { planarFlower } from '../samples/data.ts';

const specOf = (model: TrainingSpec, extra: Partial<TrainingSpec> = {}): TrainingSpec => ({
  loss: model.loss,
  ...(model.outputs ? { outputs: model.outputs } : {}),
  optimizer: model.optimizer,
  ...(model.l2 ? { l2: model.l2 } : {}),
  ...extra,
});

/** The largest |a − b| relative to the largest |b|. */
function relative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    s = Math.max(s, Math.abs(b[i]!));
  }
  return d / Math.max(s, 1e-300);
}

describe('the planar model on the wasm target', () => {
  const { X, Y } = planarFlower(400, 1);
  const data = { X, Y };
  const ts = compileTraining(specOf(planar));
  const wasm = compileTraining(specOf(planar, { target: 'wasm', maxBatch: 64 }));

  it('runs its step as wasm kernels, and is ready at once under Node', async () => {
    expect(wasm.target).toBe('wasm');
    expect(ts.target).toBe('ts');
    await wasm.ready;
    expect(wasm.source).toMatch(/wasmKernels\.\w+\(m, /);
    expect(wasm.wat).toMatch(/^\(module/);
  });

  it('trains as the TS target does: the same costs and predictions, to rounding', () => {
    const a = ts.init(3);
    const b = wasm.init(3);
    const costsTs = ts.fit(a, data, { epochs: 30, batchSize: 50 });
    const costsWasm = wasm.fit(b, data, { epochs: 30, batchSize: 50 });
    expect(relative(costsWasm, costsTs)).toBeLessThan(1e-10);
    for (const name of Object.keys(a.params)) {
      expect(relative(b.params[name]!, a.params[name]!), name).toBeLessThan(1e-10);
    }
    // predict on all 400 examples: more than the memory was first laid out for (64)
    const p = wasm.predict(b, data).A2 as Float64Array;
    const q = ts.predict(a, data).A2 as Float64Array;
    expect(p.length).toBe(400);
    expect(relative(p, q)).toBeLessThan(1e-10);
  });

  it("fit gathers each mini-batch into the module's memory: no step copies its batch there", () => {
    // a step given an ordinary array copies it into the memory (Float64Array.prototype.set on a
    // view of the memory's buffer); fit's batches are gathered there and read in place
    const set = Float64Array.prototype.set;
    const copies: number[] = [];
    Float64Array.prototype.set = function (
      this: Float64Array,
      from: ArrayLike<number>,
      at?: number,
    ) {
      if (this.buffer.byteLength >= 65536) copies.push(from.length);
      return set.call(this, from, at);
    } as typeof set;
    try {
      const state = wasm.init(5);
      wasm.fit(state, data, { epochs: 2, batchSize: 50 });
      wasm.step(state, { X: X.slice(0, 100), Y: Y.slice(0, 50) });
    } finally {
      Float64Array.prototype.set = set;
    }
    // X's batch is 2 × 50 values: copied by the plain step only
    expect(copies.filter((n) => n === 100)).toHaveLength(1);
  });

  it('passes gradcheck, and its state saves and loads', () => {
    const state = wasm.init(5);
    const r = wasm.gradcheck(state, { X: X.slice(0, 40), Y: Y.slice(0, 20) });
    expect(r.ok, r.report()).toBe(true);
    const loaded = wasm.load(wasm.save(state));
    expect(wasm.evaluate(loaded, data)).toBe(wasm.evaluate(state, data));
  });
});

it('a module where one function has no wasm kernel (predict: σ(w·eˣ + b), elementwise) trains as the TS one', () => {
  const X = input('X', [1, 'm']);
  const Y = input('Y', [1, 'm']);
  const w = param('w', [1, 1]);
  const b = param('b', [1, 1]);
  const A = sigmoid(add(mul(w, exp(X)), b));
  const spec: TrainingSpec = {
    loss: mean(square(sub(A, Y))),
    outputs: { A },
    optimizer: sgd({ learningRate: 0.5 }),
  };
  const ts = compileTraining(spec);
  const wasm = compileTraining({ ...spec, target: 'wasm' });
  expect(wasm.source).toMatch(/wasmKernels\.\w+\(/);
  const predict = wasm.source.slice(wasm.source.indexOf('export function trainPredict('));
  expect(predict.slice(0, predict.indexOf('\n}\n'))).not.toMatch(/wasmKernels\./);
  const data = { X: [0.1, -0.3, 0.7, 0.2], Y: [0, 1, 1, 0] };
  const a = ts.init(2);
  const c = wasm.init(2);
  expect(relative(wasm.fit(c, data, { epochs: 20 }), ts.fit(a, data, { epochs: 20 }))).toBeLessThan(
    1e-12,
  );
  expect(
    relative(wasm.predict(c, data).A as Float64Array, ts.predict(a, data).A as Float64Array),
  ).toBeLessThan(1e-12);
});

it('the deep model with Adam in float32: wasm and TS targets train alike', () => {
  const spec = specOf(deep, { optimizer: adam({ learningRate: 0.001 }), dtype: 'float32' });
  const ts = compileTraining(spec);
  const wasm = compileTraining({ ...spec, target: 'wasm' });
  const data = deep.data!().train;
  const m = 64;
  const n = (data.X as Float64Array).length / 209;
  const X = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) X[i * m + j] = (data.X as Float64Array)[i * 209 + j]!;
  const batch = { X, Y: (data.Y as Float64Array).slice(0, m) };
  const a = ts.init(1);
  const b = wasm.init(1);
  const costs = [0, 1, 2].map(() => [ts.step(a, batch), wasm.step(b, batch)] as const);
  for (const [x, y] of costs) expect(Math.abs(x - y) / Math.abs(x)).toBeLessThan(1e-4);
});
