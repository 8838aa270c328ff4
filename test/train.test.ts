import { describe, expect, it } from 'vitest';
import {
  adam,
  add,
  binaryCrossEntropy,
  compileTraining,
  dropout,
  emitTraining,
  learningRateAt,
  input,
  matmul,
  meanSquaredError,
  param,
  miniBatches,
  momentum,
  rmsprop,
  Rng,
  sgd,
  sigmoid,
  transpose,
  type OptimizerSpec,
  type Trainer,
} from '../src/index.ts';
import { planarFlower } from '../samples/data.ts';
import { expectError } from './expectError.ts';
import * as planar from '../samples/planar.ts';

// the course's planar 2-4-1 net, as the sample defines it (its cost J is the BCE of A2)
const { X, Y, W2, b2, A1, A2, J: loss } = planar;
const data = planarFlower(400, 1);
const planarData = { X: data.X, Y: data.Y };

type Params = Record<'W1' | 'b1' | 'W2' | 'b2', Float64Array>;

/** The course's vectorized backprop for the planar net, written out by hand in float64. */
function handGradients(p: Params, Xd: Float64Array, Yd: Float64Array, m: number): Params {
  const A1v = new Float64Array(4 * m);
  const A2v = new Float64Array(m);
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < m; j++) {
      A1v[i * m + j] = Math.tanh(p.W1[i * 2]! * Xd[j]! + p.W1[i * 2 + 1]! * Xd[m + j]! + p.b1[i]!);
    }
  }
  for (let j = 0; j < m; j++) {
    let z = 0; // W2·A1 first, then + b2 (the order of (W2·A1) + b2)
    for (let i = 0; i < 4; i++) z += p.W2[i]! * A1v[i * m + j]!;
    A2v[j] = 1 / (1 + Math.exp(-(p.b2[0]! + z)));
  }
  const dZ2 = A2v.map((a, j) => a - Yd[j]!); // dZ2 = A2 − Y
  // dW2 = (1/m)·dZ2·A1ᵀ, db2 = (1/m)·Σ dZ2
  const dW2 = new Float64Array(4);
  for (let i = 0; i < 4; i++) {
    let acc = 0;
    for (let j = 0; j < m; j++) acc += dZ2[j]! * A1v[i * m + j]!;
    dW2[i] = (1 / m) * acc;
  }
  const db2 = Float64Array.of((1 / m) * dZ2.reduce((s, v) => s + v, 0));
  // dZ1 = W2ᵀ·dZ2 ∗ (1 − A1²), dW1 = (1/m)·dZ1·Xᵀ, db1 = (1/m)·Σ dZ1
  const dZ1 = new Float64Array(4 * m);
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < m; j++) {
      const a = A1v[i * m + j]!;
      dZ1[i * m + j] = (1 - a * a) * (p.W2[i]! * dZ2[j]!);
    }
  }
  const dW1 = new Float64Array(8);
  const db1 = new Float64Array(4);
  for (let i = 0; i < 4; i++) {
    for (let k = 0; k < 2; k++) {
      let acc = 0;
      for (let j = 0; j < m; j++) acc += dZ1[i * m + j]! * Xd[k * m + j]!;
      dW1[i * 2 + k] = (1 / m) * acc;
    }
    let acc = 0;
    for (let j = 0; j < m; j++) acc += dZ1[i * m + j]!;
    db1[i] = (1 / m) * acc;
  }
  return { W1: dW1, b1: db1, W2: dW2, b2: db2 };
}

/** The published update rules, by hand (Adam as in Kingma & Ba). */
function handUpdate(
  spec: OptimizerSpec,
  p: Params,
  g: Params,
  s: Record<string, Float64Array>,
  t: number,
) {
  const a = spec.learningRate;
  for (const k of Object.keys(p) as (keyof Params)[]) {
    const W = p[k];
    const G = g[k];
    for (let i = 0; i < W.length; i++) {
      switch (spec.kind) {
        case 'sgd':
          W[i]! -= a * G[i]!;
          break;
        case 'momentum': {
          const v = (s[`v${k}`] ??= new Float64Array(W.length));
          v[i] = spec.beta! * v[i]! + (1 - spec.beta!) * G[i]!;
          W[i]! -= a * v[i]!;
          break;
        }
        case 'rmsprop': {
          const sq = (s[`s${k}`] ??= new Float64Array(W.length));
          sq[i] = spec.beta! * sq[i]! + (1 - spec.beta!) * G[i]! * G[i]!;
          W[i]! -= (a * G[i]!) / (Math.sqrt(sq[i]!) + spec.epsilon!);
          break;
        }
        case 'adam': {
          const m1 = (s[`m${k}`] ??= new Float64Array(W.length));
          const v = (s[`v${k}`] ??= new Float64Array(W.length));
          m1[i] = spec.beta1! * m1[i]! + (1 - spec.beta1!) * G[i]!;
          v[i] = spec.beta2! * v[i]! + (1 - spec.beta2!) * G[i]! * G[i]!;
          const mHat = m1[i]! / (1 - spec.beta1! ** t);
          const vHat = v[i]! / (1 - spec.beta2! ** t);
          W[i]! -= (a * mHat) / (Math.sqrt(vHat) + spec.epsilon!);
          break;
        }
      }
    }
  }
}

describe('optimizers follow the published formulas (hand-written float64 reference)', () => {
  const optimizers: [string, OptimizerSpec][] = [
    ['sgd', sgd({ learningRate: 1.2 })],
    ['momentum', momentum({ learningRate: 0.5 })],
    ['rmsprop', rmsprop({ learningRate: 0.01 })],
    ['adam', adam({ learningRate: 0.01 })],
  ];
  for (const [name, spec] of optimizers) {
    it(`${name}: 100 steps agree to 1e-12`, () => {
      const trainer = compileTraining({ loss, optimizer: spec });
      const state = trainer.init(7);
      const ref: Params = {
        W1: Float64Array.from(state.params.W1!),
        b1: Float64Array.from(state.params.b1!),
        W2: Float64Array.from(state.params.W2!),
        b2: Float64Array.from(state.params.b2!),
      };
      const slots: Record<string, Float64Array> = {};
      for (let t = 1; t <= 100; t++) {
        trainer.step(state, planarData);
        handUpdate(spec, ref, handGradients(ref, data.X, data.Y, 400), slots, t);
      }
      for (const k of Object.keys(ref) as (keyof Params)[]) {
        const scale = Math.max(...ref[k].map(Math.abs));
        const diff = Math.max(...ref[k].map((v, i) => Math.abs(v - state.params[k]![i]!)));
        expect(diff / scale, `${name} ${k}`).toBeLessThan(1e-12);
      }
    });
  }
});

describe('training the planar classifier', () => {
  it('reaches ≥ 88% training accuracy (2-4-1 tanh, the course reports ~90%)', () => {
    const trainer = compileTraining({
      loss,
      outputs: { A2 },
      optimizer: sgd({ learningRate: 1.2 }),
    });
    const state = trainer.init(1);
    for (let i = 0; i < 10_000; i++) trainer.step(state, planarData);
    const p = trainer.predict(state, { X: data.X }).A2 as Float64Array;
    let correct = 0;
    for (let j = 0; j < 400; j++) correct += (p[j]! > 0.5 ? 1 : 0) === data.Y[j] ? 1 : 0;
    console.log(`planar training accuracy: ${((100 * correct) / 400).toFixed(2)}%`);
    expect(correct / 400).toBeGreaterThanOrEqual(0.88);
  });

  it('the same seed gives bit-identical parameters (adam, dropout, mini-batches)', () => {
    const A1d = dropout(A1, 0.8);
    const A2d = sigmoid(add(matmul(W2, A1d), b2));
    const run = () => {
      const trainer = compileTraining({
        loss: binaryCrossEntropy(A2d, Y),
        outputs: { A2: A2d },
        optimizer: adam({ learningRate: 0.01 }),
        l2: 0.1,
      });
      const state = trainer.init(42);
      trainer.fit(state, planarData, { epochs: 3, batchSize: 64 });
      return state.params;
    };
    const a = run();
    const b = run();
    for (const k of Object.keys(a)) expect(Array.from(b[k]!)).toEqual(Array.from(a[k]!));
  });
});

describe('L2 and dropout are part of the symbolic graph', () => {
  it('L2 adds (λ/m)·W to weight gradients only, and gradcheck agrees', () => {
    const plain = compileTraining({ loss, optimizer: sgd({ learningRate: 0.1 }) });
    const reg = compileTraining({ loss, optimizer: sgd({ learningRate: 0.1 }), l2: 0.7 });
    const state = reg.init(5);
    const g0 = plain.lossAndGrad(state, planarData);
    const g1 = reg.lossAndGrad(state, planarData);
    const m = 400;
    g1.grads.W1!.forEach((v, i) =>
      expect(v).toBeCloseTo(g0.grads.W1![i]! + (0.7 / m) * state.params.W1![i]!, 14),
    );
    expect(Array.from(g1.grads.b1!)).toEqual(Array.from(g0.grads.b1!));
    // the course's cost (§5.4.1): every layer's weights, W2 (1, 4) too — by role, not by shape
    g1.grads.W2!.forEach((v, i) =>
      expect(v).toBeCloseTo(g0.grads.W2![i]! + (0.7 / m) * state.params.W2![i]!, 14),
    );
    expect(Array.from(g1.grads.b2!)).toEqual(Array.from(g0.grads.b2!));
    const sq = [...state.params.W1!, ...state.params.W2!].reduce((s, v) => s + v * v, 0);
    expect(g1.loss).toBeCloseTo(g0.loss + (0.7 / (2 * m)) * sq, 14);
    // check at a point with gradients finite differences can resolve (at init they are ~1e-7)
    const rng = new Rng(4);
    for (const v of Object.values(state.params)) v.forEach((_, i) => (v[i] = rng.normal()));
    const check = reg.gradcheck(state, planarData);
    console.log(check.report());
    expect(
      check.perInput.every((e) => e.relativeError < 1e-7),
      check.report(),
    ).toBe(true);
  });

  it('L2 on logistic regression regularizes w (it enters as wᵀ, shape (n, 1)), not b: (λ/2m)·‖w‖²', () => {
    const x = input('x', [3, 'm']);
    const y = input('y', [1, 'm']);
    const w = param('w', [3, 1]);
    const bias = param('bias', [1, 1]);
    const J = binaryCrossEntropy(sigmoid(add(matmul(transpose(w), x), bias)), y);
    const plain = compileTraining({ loss: J, optimizer: sgd({ learningRate: 0.1 }) });
    const reg = compileTraining({ loss: J, optimizer: sgd({ learningRate: 0.1 }), l2: 2 });
    expect(reg.source).toMatch(/\+ L2, λ = 2, on w\)/);
    const state = reg.init(3);
    state.params.w!.set([0.5, -1, 2]);
    const d = { x: [1, 2, 3, 4, 5, 6], y: [1, 0] };
    const g0 = plain.lossAndGrad(state, d);
    const g1 = reg.lossAndGrad(state, d);
    g1.grads.w!.forEach((v, i) =>
      expect(v).toBeCloseTo(g0.grads.w![i]! + (2 / 2) * state.params.w![i]!, 14),
    );
    expect(Array.from(g1.grads.bias!)).toEqual(Array.from(g0.grads.bias!));
    expect(g1.loss).toBeCloseTo(g0.loss + (2 / (2 * 2)) * (0.25 + 1 + 4), 14);
  });

  it('regularize names the params explicitly', () => {
    const reg = compileTraining({
      loss,
      optimizer: sgd({ learningRate: 0.1 }),
      l2: 1,
      regularize: ['W1', W2],
    });
    const plain = compileTraining({ loss, optimizer: sgd({ learningRate: 0.1 }) });
    const state = reg.init(5);
    const d =
      reg.lossAndGrad(state, planarData).grads.W2![0]! -
      plain.lossAndGrad(state, planarData).grads.W2![0]!;
    expect(d).toBeCloseTo(state.params.W2![0]! / 400, 14);
  });

  it('dropout: gradcheck with a fixed mask, predict without dropout', () => {
    const A1d = dropout(A1, 0.5);
    const A2d = sigmoid(add(matmul(W2, A1d), b2));
    const trainer = compileTraining({
      loss: binaryCrossEntropy(A2d, Y),
      outputs: { A2: A2d },
      optimizer: sgd({ learningRate: 0.1 }),
    });
    const plain = compileTraining({ loss, outputs: { A2 }, optimizer: sgd({ learningRate: 0.1 }) });
    const state = trainer.init(9);
    // checked at N(0, 1) parameters: at the 0.01-scale initialization the biases' gradients are
    // ~1e-6, within the round-off floor of the differences (gradcheck could only say `roundoff`)
    const probe = trainer.init(9);
    const rng = new Rng(9);
    for (const v of Object.values(probe.params)) v.forEach((_, i) => (v[i] = rng.normal()));
    const check = trainer.gradcheck(probe, planarData, { maskSeed: 3 });
    expect(check.verdict, check.report()).toBe('correct');
    const p1 = trainer.predict(state, { X: data.X }).A2 as Float64Array;
    const p0 = plain.predict(state, { X: data.X }).A2 as Float64Array;
    expect(Array.from(p1)).toEqual(Array.from(p0));
    // with a mask, the loss differs from the loss without dropout
    const off = trainer.lossAndGrad(state, planarData).loss;
    expect(off).toBeCloseTo(plain.lossAndGrad(state, planarData).loss, 14);
    expect(trainer.lossAndGrad(state, planarData, { maskSeed: 3 }).loss).not.toBeCloseTo(off, 6);
  });
});

describe('dropout under a name of its own', () => {
  it('dropout(A, p).named(…) is still dropout: its mask is drawn, not a data input, and predict turns it off', () => {
    const named = compileTraining({
      loss: binaryCrossEntropy(sigmoid(add(matmul(W2, dropout(A1, 0.5).named('A1d')), b2)), Y),
      outputs: { A2: sigmoid(add(matmul(W2, dropout(A1, 0.5).named('A1d')), b2)) },
      optimizer: sgd({ learningRate: 0.1 }),
    });
    // the mask is the state's to draw: the module's meta lists it (a data input would be missing)
    expect(named.source).toMatch(/masks: \[\s*\{ name: 'D_A1', keepProb: 0\.5/);
    expect(named.source).toMatch(/predictInputs: \['X'\]/);
    const plain = compileTraining({ loss, outputs: { A2 }, optimizer: sgd({ learningRate: 0.1 }) });
    const state = named.init(9);
    const p1 = named.predict(state, { X: data.X }).A2 as Float64Array;
    expect(Array.from(p1)).toEqual(
      Array.from(plain.predict(state, { X: data.X }).A2 as Float64Array),
    );
  });
});

describe('schedules, batches, state', () => {
  it('learning-rate decay: inverse, exponential, staircase', () => {
    expect(
      learningRateAt(sgd({ learningRate: 0.1, decay: { kind: 'inverse', rate: 1 } }), 3),
    ).toBeCloseTo(0.025, 15);
    expect(
      learningRateAt(sgd({ learningRate: 0.1, decay: { kind: 'exponential', rate: 0.95 } }), 2),
    ).toBeCloseTo(0.09025, 15);
    const stair = sgd({ learningRate: 0.1, decay: { kind: 'staircase', rate: 1, every: 10 } });
    expect([9, 10, 25].map((e) => learningRateAt(stair, e))).toEqual([0.1, 0.05, 0.1 / 3]);
  });

  it('learning-rate decay k/√t·α₀ (the course §6.9, epochs counted from 1), and fit applies it per epoch while step does not advance the epoch', () => {
    const spec = sgd({ learningRate: 0.2, decay: { kind: 'sqrt', k: 0.5 } });
    expect([0, 1, 3].map((e) => learningRateAt(spec, e))).toEqual([0.1, 0.1 / Math.SQRT2, 0.05]);
    expectError(
      () => sgd({ learningRate: 0.2, decay: { kind: 'sqrt', k: 0 } as never }),
      'E_BAD_OPTION',
      /decay\.k/,
    );
    // fit: epoch e trains at learningRateAt(spec, e); a step of ours at epoch 3 matches fit's 4th
    const trainer = compileTraining({ loss, optimizer: spec });
    const a = trainer.init(2);
    trainer.fit(a, planarData, { epochs: 4 });
    const b = trainer.init(2);
    for (let e = 0; e < 4; e++) {
      b.epoch = e;
      trainer.step(b, planarData);
    }
    expect(b.epoch).toBe(3); // step leaves the epoch as set
    // (fit shuffles the examples of its one batch: the sums agree up to their order)
    for (const k of Object.keys(a.params)) {
      b.params[k]!.forEach((v, i) => expect(v).toBeCloseTo(a.params[k]![i]!, 14));
    }
  });

  it('mini-batches cover every example once per epoch, with a last partial batch', () => {
    const Xs = Float64Array.from({ length: 2 * 10 }, (_, i) => i);
    const Ys = Float64Array.from({ length: 10 }, (_, j) => j);
    const batches = [...miniBatches({ X: Xs, Y: Ys }, [X, Y], 'm', 10, 4, new Rng(1))];
    expect(batches.map((b) => (b.Y as Float64Array).length)).toEqual([4, 4, 2]);
    const seen = batches.flatMap((b) => Array.from(b.Y as Float64Array)).sort((a, b) => a - b);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // X columns follow Y: column j of the batch holds X[0][j'] = j' and X[1][j'] = 10 + j'
    for (const b of batches) {
      const y = b.Y as Float64Array;
      const x = b.X as Float64Array;
      y.forEach((j, k) => {
        expect(x[k]).toBe(j);
        expect(x[y.length + k]).toBe(10 + j);
      });
    }
  });

  it('save/load round-trip the whole state: params, optimizer slots, step, epoch, RNG', () => {
    const trainer = compileTraining({ loss, optimizer: adam({ learningRate: 0.01 }) });
    const state = trainer.init(11);
    trainer.fit(state, planarData, { epochs: 2, batchSize: 100 });
    const loaded = trainer.load(trainer.save(state));
    for (const k of Object.keys(state.params))
      expect(Array.from(loaded.params[k]!)).toEqual(Array.from(state.params[k]!));
    for (const k of Object.keys(state.opt))
      expect(Array.from(loaded.opt[k]!)).toEqual(Array.from(state.opt[k]!));
    expect([loaded.step, loaded.epoch]).toEqual([state.step, state.epoch]);
    // resuming continues the same run: the next epoch is bit-identical on both
    const a = trainer.fit(state, planarData, { epochs: 1, batchSize: 100 });
    const b = trainer.fit(loaded, planarData, { epochs: 1, batchSize: 100 });
    expect(b).toEqual(a);
    expect(Array.from(loaded.params.W1!)).toEqual(Array.from(state.params.W1!));
  });

  it('load refuses anything but a state of this model, naming the entry (E_BAD_STATE)', () => {
    const trainer = compileTraining({ loss, optimizer: adam({ learningRate: 0.01 }) });
    const saved = JSON.parse(trainer.save(trainer.init(3))) as Record<string, any>;
    const edited = (edit: (s: Record<string, any>) => void) => {
      const copy = structuredClone(saved);
      edit(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      [JSON.stringify({ format: 'other', version: 2 }), /not a gradgen state/],
      [edited((s) => delete s.params.W1), /params\.W1 is missing/],
      [
        edited((s) => (s.params.W1.shape = [2, 4])),
        /params\.W1 has shape \[2,4\], the model needs \[4, 2\]/,
      ],
      [
        edited((s) => (s.params.b1.data[2] = 'abc')),
        /params\.b1\[2\] is "abc", not a finite number/,
      ],
      [edited((s) => (s.params.b1.data[0] = null)), /params\.b1\[0\] is null/],
      [edited((s) => (s.params.b1.data.length = 3)), /params\.b1 must hold 4 numbers/],
      [edited((s) => (s.params.Wx = s.params.W1)), /params\.Wx is not an entry of this model/],
      [edited((s) => (s.params = null)), /'params' must be an object/],
      [edited((s) => delete s.opt.m_W2), /opt\.m_W2 is missing/],
      [edited((s) => (s.step = -1)), /step is -1/],
      [edited((s) => (s.rng = [0, 0, 0, 0, null])), /rng is/],
      [
        '{"format":"gradgen-state","version":2,"params":{"__proto__":{}}}',
        /'params' must be an object/,
      ],
    ];
    for (const [json, message] of cases)
      expectError(() => trainer.load(json), 'E_BAD_STATE', message);
    // 1e999 is Infinity once parsed
    expectError(
      () =>
        trainer.load(
          edited((s) => (s.params.b2.data[0] = 0)).replace(
            '"b2":{"shape":[1,1],"data":[0]',
            '"b2":{"shape":[1,1],"data":[1e999]',
          ),
        ),
      'E_BAD_STATE',
      /params\.b2\[0\] is Infinity/,
    );
    // a version-1 parameter file (params only) still loads
    const v1 = { format: 'gradgen-params', version: 1, params: saved.params };
    expect(Array.from(trainer.load(JSON.stringify(v1)).params.W1!)).toEqual(saved.params.W1.data);
  });

  it('exposes metadata; the module is self-contained', () => {
    const trainer = compileTraining({
      loss,
      outputs: { A2 },
      optimizer: adam({ learningRate: 0.01 }),
    });
    expect(trainer.parameterCount).toBe(8 + 4 + 4 + 1);
    expect(trainer.params.map((p) => p.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(trainer.flopsPerStep(400)).toBeGreaterThan(trainer.flopsPerStep(200));
    // a step is two kernels, each once in the module: loss and gradients, then the update
    expect(trainer.source).toMatch(/export function trainLossAndGrad\(/);
    expect(trainer.source).toMatch(/export function trainUpdate\(/);
    expect(trainer.source).not.toMatch(/function trainStep\(/);
    expect(trainer.source).toMatch(/export function trainPredict\(/);
    expect(trainer.source).toMatch(/export const trainMeta: TrainerMeta = /);
    expect(trainer.source).toMatch(/export function createTrainTrainer\(/);
    expect(trainer.source).not.toMatch(/^import /m);
    // deterministic: the same spec emits the same text
    expect(emitTraining({ loss, outputs: { A2 }, optimizer: adam({ learningRate: 0.01 }) })).toBe(
      trainer.source,
    );
  });

  it("names its hyperparameter inputs after what they are, around the user's own names", () => {
    const source = emitTraining({ loss, optimizer: adam({ learningRate: 0.01 }) });
    expect(source).toMatch(/Inputs: .*, lr \(\), biasCorrection1 \(\), biasCorrection2 \(\)$/m);
    expect(source).toMatch(/lr = the learning rate after decay/);
    expect(source).toContain(
      "hyper: { lr: 'lr', biasCorrection1: 'biasCorrection1', biasCorrection2: 'biasCorrection2' },",
    );
    expect(source).not.toMatch(/opt_lr|opt_c1|opt_c2/);
    // a model whose own inputs are called lr and biasCorrection1: the trainer's get other names
    // (the same ones every time), and the runtime sets those
    const scaled = (name: string) => {
      const s = input(name);
      return meanSquaredError(matmul(W2, A1).add(b2).mul(s), Y);
    };
    const clash = scaled('lr').add(input('biasCorrection1').mul(0));
    const free = scaled('scale').add(input('offset').mul(0));
    const trainers = [clash, free].map((l) =>
      compileTraining({ loss: l, optimizer: adam({ learningRate: 0.05 }) }),
    );
    const [withClash, without] = trainers as [Trainer, Trainer];
    // the model's own lr is an input of the loss; the update's learning rate is lr_2
    expect(withClash.source).toMatch(/^ \* Inputs: X .*, lr \(\), biasCorrection1 \(\)/m);
    expect(withClash.source).toMatch(
      /^ \* Inputs: W1 .*, lr_2 \(\), biasCorrection1_2 \(\), biasCorrection2 \(\)$/m,
    );
    expect(withClash.source).toContain(
      "hyper: { lr: 'lr_2', biasCorrection1: 'biasCorrection1_2', biasCorrection2: 'biasCorrection2' },",
    );
    const costs = [
      [withClash, { ...planarData, lr: 2, biasCorrection1: 3 }],
      [without, { ...planarData, scale: 2, offset: 3 }],
    ].map(([t, d]) => {
      const trainer = t as Trainer;
      const state = trainer.init(3);
      return [0, 1, 2].map(() => trainer.step(state, d as typeof planarData));
    });
    expect(costs[0]).toEqual(costs[1]);
  });

  it("renames optimizer-state inputs around the user's own names (opt_m_W2 as a param, opt_v_b2 as an input)", () => {
    // the same model twice: with names that clash with the update's state inputs, and without
    const build = (paramName: string, inputName: string) => {
      const extra = param(paramName, [1, 1]);
      const s = input(inputName);
      return meanSquaredError(matmul(W2, A1).add(b2).add(extra).mul(s), Y);
    };
    const [clash, free] = [build('opt_m_W2', 'opt_v_b2'), build('shift', 'scale')].map((l) =>
      compileTraining({ loss: l, optimizer: adam({ learningRate: 0.05 }) }),
    ) as [Trainer, Trainer];
    expect(clash.source).toMatch(/\bm_W2: 'opt_m_W2_2'/);
    expect(clash.source).toMatch(/\bv_b2: 'opt_v_b2_2'/);
    expect(clash.source).toMatch(/\bm_opt_m_W2: 'opt_m_opt_m_W2'/);
    expect(clash.source).toMatch(/Renamed, as the model uses these names: .*opt_m_W2 → opt_m_W2_2/);
    expect(free.source).not.toMatch(/Renamed, as the model uses/);
    const runs = [
      [clash, { ...planarData, opt_v_b2: 2 }, 'opt_m_W2'],
      [free, { ...planarData, scale: 2 }, 'shift'],
    ] as const;
    // the same starting point (init draws in name order, and the names differ)
    const start = clash.init(3);
    const results = runs.map(([trainer, d, extra]) => {
      const state = trainer.init(3);
      for (const [k, v] of Object.entries(start.params)) {
        state.params[k === 'opt_m_W2' ? extra : k]!.set(v);
      }
      const costs = [0, 1, 2].map(() => trainer.step(state, d));
      const { [extra]: e, ...rest } = state.params;
      const opt = Object.entries(state.opt).map(([k, v]) => [k.replace(extra, 'EXTRA'), v]);
      return { costs, e, rest, opt: Object.fromEntries(opt) };
    });
    expect(results[0]).toEqual(results[1]);
  });

  it('bad input is named', () => {
    const trainer = compileTraining({ loss, optimizer: sgd({ learningRate: 0.1 }) });
    const state = trainer.init(1);
    expect(() => trainer.step(state, { X: data.X })).toThrow(/missing data 'Y'/);
    expect(() => trainer.step(state, { ...planarData, W1: new Float64Array(8) })).toThrow(
      /'W1' is a parameter/,
    );
    expect(() => sgd({ learningRate: -1 })).toThrow(
      /option 'learningRate' must be a number ≥ 0, got -1/,
    );
    expect(() => adam({ learningRate: 0.1, beta1: 2 })).toThrow(
      /option 'beta1' must be a number in \[0, 1\), got 2/,
    );
    expect(() => compileTraining({ loss, optimizer: sgd({ learningRate: 0.1 }), l2: -1 })).toThrow(
      /option 'l2' must be a number ≥ 0, got -1/,
    );
  });

  it('profile: time per step in each kernel, slowest first; results are unchanged', () => {
    const plain = compileTraining({ loss, optimizer: sgd({ learningRate: 0.5 }) });
    const timed = compileTraining({ loss, optimizer: sgd({ learningRate: 0.5 }), profile: true });
    const [a, b] = [plain.init(3), timed.init(3)];
    timed.profile(); // nothing yet: an empty record is fine
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) {
      plain.step(a, planarData);
      timed.step(b, planarData);
    }
    const elapsed = performance.now() - t0;
    expect(timed.save(b)).toBe(plain.save(a));
    const times = timed.profile();
    expect(times.map((t) => t.kernel)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^A1 = tanh\(Z1\)/),
        expect.stringMatching(/^W2_next = /),
      ]),
    );
    for (let i = 1; i < times.length; i++)
      expect(times[i]!.ms).toBeLessThanOrEqual(times[i - 1]!.ms);
    const perStep = times.reduce((s, t) => s + t.ms, 0);
    expect(perStep).toBeGreaterThan(0);
    expect(perStep * 20).toBeLessThan(elapsed);
    // counters were reset
    expect(timed.profile().every((t) => t.ms === 0)).toBe(true);
    expect(timed.source).toMatch(/export const trainLossAndGradProfile = /);
    expect(timed.source).toMatch(/export const trainUpdateProfile = /);
    expect(plain.source).not.toMatch(/Profile|performance\.now/);
    expectError(() => plain.profile(), 'E_BAD_OPTION', /profile: true/);
  });

  it('a non-finite value or a diverging step is named, and the state is left as it was', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const trainer = compileTraining({ loss, optimizer: adam({ learningRate: 0.01 }), dtype });
      const state = trainer.init(1);
      trainer.step(state, planarData);
      const before = JSON.stringify({ s: trainer.save(state), o: state.opt, t: state.step });
      const unchanged = () =>
        expect(JSON.stringify({ s: trainer.save(state), o: state.opt, t: state.step })).toBe(
          before,
        );
      const Xbad = Float64Array.from(planarData.X);
      Xbad[123] = NaN;
      expectError(
        () => trainer.step(state, { X: Xbad, Y: planarData.Y }),
        'E_NONFINITE_INPUT',
        /data 'X' has a non-finite value NaN at index 123/,
      );
      unchanged();
      const Ybad = Float64Array.from(planarData.Y);
      Ybad[7] = -Infinity;
      expectError(
        () => trainer.step(state, { X: planarData.X, Y: Ybad }),
        'E_NONFINITE_INPUT',
        /data 'Y' has a non-finite value -Infinity at index 7/,
      );
      unchanged();
      const saved = state.params.b2![0]!;
      state.params.b2![0] = Infinity;
      expectError(
        () => trainer.step(state, planarData),
        'E_NONFINITE_INPUT',
        /state\.params\.b2 has a non-finite value Infinity at index 0/,
      );
      state.params.b2![0] = saved;
      unchanged();
    }
    // finite data, a learning rate that overflows the parameters
    const trainer = compileTraining({ loss, optimizer: sgd({ learningRate: 1e308 }) });
    const state = trainer.init(1);
    let before = trainer.save(state);
    expectError(
      () => {
        for (let i = 0; i < 10; i++) {
          before = trainer.save(state);
          trainer.step(state, planarData);
        }
      },
      'E_NONFINITE_RESULT',
      /step \d+: .*from finite data and parameters; the state is unchanged.*smaller learning rate \(now 1e\+308\)/,
    );
    expect(state.step).toBeLessThan(10);
    // the failed step left the parameters exactly as they were before it
    expect(trainer.save(state)).toBe(before);
    for (const v of Object.values(state.params)) expect(v.every(Number.isFinite)).toBe(true);
  });
});

describe('fit checks everything before the first step and never leaves a half-updated state', () => {
  const trainer = compileTraining({ loss, outputs: { A2 }, optimizer: sgd({ learningRate: 0.5 }) });
  const params = (s: { params: Record<string, Float64Array> }) =>
    Object.values(s.params).map((v) => Array.from(v));

  it('a non-finite value is named by its index in the data as given (not in a shuffled batch)', () => {
    const state = trainer.init(1);
    const before = params(state);
    const X = Float64Array.from(planarData.X);
    X[9] = Number.NaN; // feature 0 of example 9
    expectError(
      () => trainer.fit(state, { X, Y: planarData.Y }, { epochs: 3, batchSize: 50 }),
      'E_NONFINITE_INPUT',
      /data 'X' has a non-finite value NaN at index 9 \(test\/train\.test\.ts:\d+\)$/,
    );
    expect(params(state)).toEqual(before);
    expect([state.step, state.epoch]).toEqual([0, 0]);
  });

  it('data whose length is not (features, m) is E_INPUT_SHAPE naming the input, before anything runs', () => {
    const state = trainer.init(1);
    expectError(
      () => trainer.fit(state, { X: planarData.X.slice(0, 3), Y: [1] }, { epochs: 1 }),
      'E_INPUT_SHAPE',
      /data 'X' has 3 values, which is not \(2, m\)/,
    );
    expectError(
      () => trainer.fit(state, { X: planarData.X, Y: planarData.Y.slice(0, 10) }, { epochs: 1 }),
      'E_INPUT_SHAPE',
      /data 'Y' has 10 examples but 'X' has 400/,
    );
    expect(state.step).toBe(0);
  });

  it('an optimizer that is not one of the four is E_BAD_OPTION (it was a TypeError)', () => {
    for (const [optimizer, message] of [
      [{ kind: 'foo' }, /option 'optimizer.kind' must be one of 'sgd', .* or 'adam', got "foo"/],
      [undefined, /option 'optimizer' is required/],
      [{}, /option 'optimizer.kind' must be .*, got undefined/],
    ] as const) {
      expectError(
        () => compileTraining({ loss, optimizer: optimizer as never }),
        'E_BAD_OPTION',
        message,
      );
    }
  });

  it('options and seeds are validated', () => {
    const state = trainer.init(1);
    for (const epochs of [-3, 0, 2.5, Number.POSITIVE_INFINITY, Number.NaN]) {
      expectError(
        () => trainer.fit(state, planarData, { epochs }),
        'E_BAD_OPTION',
        /option 'epochs' must be an integer in \[1, 1000000000\], got/,
      );
    }
    expectError(
      () => trainer.fit(state, planarData, { epochs: 1, batchSize: 0 }),
      'E_BAD_OPTION',
      /option 'batchSize' must be a positive integer, got 0/,
    );
    for (const seed of [Number.NaN, -1, 1.5, 2 ** 32 + 7]) {
      expectError(
        () => trainer.init(seed),
        'E_BAD_OPTION',
        /seed must be an integer in \[0, 2\^32\)/,
      );
    }
    expect(state.step).toBe(0);
  });

  it('a diverging run stops with E_DIVERGED and the state of its last good epoch', () => {
    const w = param('wDiv', [1, 1], { init: 'normal' });
    const x = input('xDiv', [1, 'm']);
    const y = input('yDiv', [1, 'm']);
    const diverging = compileTraining({
      loss: meanSquaredError(matmul(w, x), y),
      optimizer: sgd({ learningRate: 5 }), // > 2/λmax for x ~ 3: every step overshoots
    });
    const xs = Float64Array.from({ length: 20 }, (_, i) => 3 + i / 20);
    const state = diverging.init(1);
    const seen: number[] = [];
    const good: number[][] = [];
    const error = expectError(
      () =>
        diverging.fit(
          state,
          { xDiv: xs, yDiv: xs },
          {
            epochs: 1000,
            onEpoch: (_, cost) => {
              seen.push(cost);
              good.push(Array.from(state.params.wDiv!));
            },
          },
        ),
      'E_DIVERGED',
      /diverged in epoch \d+/,
    );
    expect(error.message).toMatch(/a smaller learning rate|diverged/i);
    expect(state.epoch).toBe(seen.length);
    expect(Array.from(state.params.wDiv!)).toEqual(good[good.length - 1]);
    expect(seen.every(Number.isFinite)).toBe(true);
  });
});

describe('data as nested arrays and with examples as rows (layout: rows)', () => {
  const trainer = compileTraining({ loss, outputs: { A2 }, optimizer: sgd({ learningRate: 0.5 }) });
  const m = planarData.Y.length;
  const column = (f: number) => Array.from({ length: m }, (_, j) => planarData.X[f * m + j]!);
  const exampleRows = Array.from({ length: m }, (_, j) => [planarData.X[j]!, planarData.X[m + j]!]);
  const reference = () => {
    const s = trainer.init(4);
    return {
      costs: trainer.fit(s, planarData, { epochs: 3, batchSize: 64 }),
      W1: Array.from(s.params.W1!),
    };
  };
  const run = (data: Parameters<typeof trainer.fit>[1], layout?: 'rows') => {
    const s = trainer.init(4);
    const costs = trainer.fit(s, data, { epochs: 3, batchSize: 64, ...(layout ? { layout } : {}) });
    return { costs, W1: Array.from(s.params.W1!) };
  };

  it('nested (features × m) rows, flat rows-layout data and nested example rows all train bit-identically to flat columns', () => {
    const expected = reference();
    expect(run({ X: [column(0), column(1)], Y: [Array.from(planarData.Y)] })).toEqual(expected);
    expect(run({ X: exampleRows.flat(), Y: planarData.Y }, 'rows')).toEqual(expected);
    expect(run({ X: exampleRows, Y: Array.from(planarData.Y, (y) => [y]) }, 'rows')).toEqual(
      expected,
    );
    // step, predict and lossAndGrad take the layout too
    const s = trainer.init(4);
    const t = trainer.init(4);
    expect(trainer.step(s, { X: exampleRows, Y: planarData.Y }, { layout: 'rows' })).toBe(
      trainer.step(t, planarData),
    );
    expect(trainer.predict(s, { X: exampleRows }, { layout: 'rows' }).A2).toEqual(
      trainer.predict(t, { X: planarData.X }).A2,
    );
  });

  it('a transposed nested array, ragged rows and bad values are named, with the fix', () => {
    const s = trainer.init(1);
    expectError(
      () => trainer.step(s, { X: exampleRows, Y: planarData.Y }),
      'E_INPUT_SHAPE',
      /data 'X' is 400 rows of 2; it must be 2 rows of m \(it looks like examples are rows: pass \{ layout: 'rows' \}\)/,
    );
    expectError(
      () => trainer.step(s, { X: [column(0), column(1).slice(1)], Y: planarData.Y }),
      'E_INPUT_SHAPE',
      /data 'X' row 1 has 399 values; row 0 has 400/,
    );
    const bad = exampleRows.map((r) => [...r]);
    bad[7]![1] = Number.NaN;
    expectError(
      () => trainer.fit(s, { X: bad, Y: planarData.Y }, { epochs: 1, layout: 'rows' }),
      'E_NONFINITE_INPUT',
      /data 'X' has a non-finite value NaN at \[7\]\[1\]/,
    );
    const flat = exampleRows.flat();
    flat[15] = Number.POSITIVE_INFINITY;
    expectError(
      () => trainer.fit(s, { X: flat, Y: planarData.Y }, { epochs: 1, layout: 'rows' }),
      'E_NONFINITE_INPUT',
      /at index 15 \(example 7, feature 1\)/,
    );
    expectError(
      () => trainer.step(s, planarData, { layout: 'sideways' as never }),
      'E_BAD_OPTION',
      /option 'layout' must be 'columns' or 'rows', got "sideways"/,
    );
    expect(s.step).toBe(0);
  });
});

describe('dev sets and early stopping (§5.1.1, §5.4.5)', () => {
  // planar's net on a small training set and a dev set of its own: it overfits, so the dev cost
  // turns up and early stopping has something to do
  const all = planarFlower(300, 5);
  const trainer = compileTraining({
    loss,
    outputs: { A2 },
    optimizer: adam({ learningRate: 0.05 }),
  });

  it('splitData: seeded, disjoint sets that cover the examples (counts or fractions)', () => {
    const split = trainer.splitData({ X: all.X, Y: all.Y }, { dev: 0.2, test: 30, seed: 7 });
    const columns = (d: Record<string, unknown>) => (d.Y as Float64Array).length;
    expect([columns(split.train), columns(split.dev!), columns(split.test!)]).toEqual([
      210, 60, 30,
    ]);
    // every example lands in exactly one set, with its features and label together
    const key = (X: ArrayLike<number>, Y: ArrayLike<number>, m: number, j: number) =>
      `${X[j]},${X[m + j]},${Y[j]}`;
    const seen: string[] = [];
    for (const set of [split.train, split.dev!, split.test!]) {
      const m = columns(set);
      for (let j = 0; j < m; j++)
        seen.push(key(set.X as Float64Array, set.Y as Float64Array, m, j));
    }
    const original = Array.from({ length: 300 }, (_, j) => key(all.X, all.Y, 300, j));
    expect(seen.sort()).toEqual(original.sort());
    expect(trainer.splitData({ X: all.X, Y: all.Y }, { dev: 0.2, test: 30, seed: 7 })).toEqual(
      split,
    );
    expectError(
      () => trainer.splitData({ X: all.X, Y: all.Y }, { dev: 200, test: 100 }),
      'E_BAD_OPTION',
      /dev \(200\) and test \(100\) examples leave none of the 300 for training/,
    );
  });

  it('evaluate is the cost with dropout off and without the L2 term', () => {
    const reg = compileTraining({ loss, optimizer: sgd({ learningRate: 0.1 }), l2: 0.5 });
    const state = reg.init(3);
    const rng = new Rng(9);
    for (const v of Object.values(state.params)) v.forEach((_, i) => (v[i] = rng.normal()));
    const plain = compileTraining({ loss, optimizer: sgd({ learningRate: 0.1 }) });
    const plainCost = plain.lossAndGrad(state, { X: all.X, Y: all.Y }).loss;
    expect(reg.lossAndGrad(state, { X: all.X, Y: all.Y }).loss).toBeGreaterThan(plainCost + 1e-3);
    expect(reg.evaluate(state, { X: all.X, Y: all.Y })).toBeCloseTo(plainCost, 14);
  });

  it('fit with dev and patience stops when the dev cost stops improving and restores the best epoch', () => {
    const { train, dev } = trainer.splitData({ X: all.X, Y: all.Y }, { dev: 0.5, seed: 3 });
    const small = {
      X: (train.X as Float64Array).slice(0, 2 * 20),
      Y: (train.Y as Float64Array).slice(0, 20),
    };
    const state = trainer.init(1);
    const history = trainer.fit(state, small, { epochs: 400, dev: dev!, patience: 10 });
    expect(history.stopped).toBe('patience');
    expect(history.dev!.length).toBe(history.length);
    const best = history.best!;
    expect(history.length).toBe(best.epoch + 10);
    expect(best.cost).toBe(Math.min(...history.dev!));
    // the state is the one after the best epoch: the same run stopped there gives it bit for bit
    const again = trainer.init(1);
    trainer.fit(again, small, { epochs: best.epoch });
    expect(trainer.save(state)).toBe(trainer.save(again));
    expect(trainer.evaluate(state, dev!)).toBe(best.cost);
  });

  it('onEpoch returning false stops the fit; patience without dev data is an error', () => {
    const state = trainer.init(1);
    const seen: (number | undefined)[] = [];
    const history = trainer.fit(
      state,
      { X: all.X, Y: all.Y },
      {
        epochs: 50,
        dev: { X: all.X, Y: all.Y },
        onEpoch: (epoch, _cost, devCost) => {
          seen.push(devCost);
          return epoch < 3;
        },
      },
    );
    expect(history.length).toBe(3);
    expect(history.stopped).toBe('onEpoch');
    expect(seen).toEqual(history.dev);
    expect(state.epoch).toBe(3); // no patience: nothing is restored
    expectError(
      () => trainer.fit(trainer.init(1), { X: all.X, Y: all.Y }, { epochs: 2, patience: 2 }),
      'E_BAD_OPTION',
      /option 'patience' needs dev data/,
    );
  });
});
