/**
 * gradgen's optimizers against TensorFlow.js's (tfjs-core + tfjs-backend-cpu 4.22): the planar
 * 2-4-1 tanh/sigmoid net with BCE (as in test/train.test.ts), planarFlower(400, 1), the same start
 * (trainer.init(7)), full-batch steps. gradgen runs in float64, TF.js in float32, each with its own
 * gradients (gradgen's symbolic ones, TF.js's tape autodiff of the same forward pass and cost).
 *
 * The update rules, read from node_modules/@tensorflow/tfjs-core/dist/optimizers/*_optimizer.js:
 * - tf.train.sgd(α):          w ← w − α·g                                 (same as gradgen)
 * - tf.train.momentum(α, β):  u ← βu + g;  w ← w − α·u                    (no (1 − β) on g)
 * - tf.train.rmsprop(α, ρ, μ, ε, centered):  s ← ρs + (1 − ρ)g²;
 *                             mom ← μ·mom + α·g/√(s + ε);  w ← w − mom    (ε inside the root)
 *                             defaults ρ = 0.9, μ = 0, ε = backend epsilon (1e-7 on cpu)
 * - tf.train.adam(α, β₁, β₂, ε): m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;
 *                             w ← w − α·(m/(1 − β₁ᵗ))/(√(v/(1 − β₂ᵗ)) + ε)   (Kingma & Ba, as
 *                             gradgen; but ε defaults to the backend epsilon, 1e-7, not 1e-8)
 * sgd, momentum (α′ = α(1 − β)) and adam (ε passed) map exactly; rmsprop maps exactly only at
 * ε = 0, and the course's ε = 1e-8 is checked on one step against the ratio of the two formulas.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's Node bundle registers no gradient functions (the @tensorflow/tfjs union package
// imports this module for them); without it optimizer.minimize throws "gradient function not found".
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { adam, compileTraining, momentum, rmsprop, sgd, type OptimizerSpec } from '../src/index.ts';
import { planarFlower } from '../samples/data.ts';
import * as planar from '../samples/planar.ts';

// the course's planar 2-4-1 net, as the sample defines it: its cost is the BCE of A2
const loss = planar.J;
const m = 400;
const data = planarFlower(m, 1);
const planarData = { X: data.X, Y: data.Y };
const SEED = 7;
const STEPS = 100;

const names = ['W1', 'b1', 'W2', 'b2'] as const;
type Name = (typeof names)[number];
type Params = Record<Name, Float64Array>;
const shapes: Record<Name, [number, number]> = { W1: [4, 2], b1: [4, 1], W2: [1, 4], b2: [1, 1] };

/**
 * Tolerance for float32 (TF.js) against float64 (gradgen), as max |Δ| / max |w|: over the whole
 * parameter vector at every step, and per tensor after the last step. (Per tensor at every step
 * would divide by b1 and b2 while they are still ~1e-8…1e-6 on their way up from 0, or pass
 * through 0, where float32's absolute rounding at the scale of the other weights dominates.)
 * Why 1e-4: float32 rounds every stored weight and every op to u = 2⁻²⁴ ≈ 6e-8 relative; 100 steps
 * that each add O(u·max|w|) to the difference give ~1e-5 if the errors just accumulate. The
 * gradients are means of 400 terms that mostly cancel at the start (|db1| ≈ 1e-7…1e-9 from terms
 * of ~1e-3), so their float32 values carry relative errors far above u, and the dynamics can
 * amplify a difference; 1e-4 leaves an order of magnitude for that. Measured: ≤ 6e-7 for sgd,
 * momentum and rmsprop; 3.7e-5 for adam, at its first step, as predicted: it moves w by
 * α·g/(|g| + ε), so where |g| ≲ ε, as for b1 here (|g| = 7e-10…4e-7), an absolute float32 gradient
 * error δg (measured 1e-12…2e-11 on b1) moves it by up to α·δg/ε = 1e6·δg, ~9e-7 against
 * max|w| ≈ 0.024. The tolerance is two orders below what a formula or hyperparameter mismatch
 * gives on this problem: each test also runs natural mistakes (TF.js's defaults, the unmapped
 * learning rate, a β off by a little) and requires each to miss by more than 100× the tolerance,
 * so the comparison is shown to be able to fail.
 */
const TOL = 1e-4;
/** float32's unit roundoff. */
const U32 = 2 ** -24;

function copy(p: Record<string, Float64Array>): Params {
  return Object.fromEntries(names.map((k) => [k, Float64Array.from(p[k]!)])) as Params;
}

/** max |a − b| / max |b| over all four tensors together. */
function vectorError(a: Params, b: Params): number {
  let diff = 0;
  let scale = 0;
  for (const k of names) {
    b[k].forEach((v, i) => {
      diff = Math.max(diff, Math.abs(a[k][i]! - v));
      scale = Math.max(scale, Math.abs(v));
    });
  }
  return diff / scale;
}

/** max |a − b| / max |b| for each tensor. */
function tensorErrors(a: Params, b: Params): Record<Name, number> {
  const out = {} as Record<Name, number>;
  for (const k of names) {
    const scale = Math.max(...b[k].map(Math.abs));
    out[k] = Math.max(...b[k].map((v, i) => Math.abs(a[k][i]! - v))) / scale;
  }
  return out;
}

/** gradgen's parameters after each of `steps` full-batch steps. */
function gradgenTrajectory(spec: OptimizerSpec, steps: number): { start: Params; path: Params[] } {
  const trainer = compileTraining({ loss, optimizer: spec });
  const state = trainer.init(SEED);
  const start = copy(state.params);
  const path: Params[] = [];
  for (let t = 0; t < steps; t++) {
    trainer.step(state, planarData);
    path.push(copy(state.params));
  }
  return { start, path };
}

/** The same net and cost in tf ops (float32); the parameters after each optimizer step. */
function tfTrajectory(start: Params, optimizer: tf.Optimizer, steps: number): Params[] {
  const Xt = tf.tensor2d(Float32Array.from(data.X), [2, m]);
  const Yt = tf.tensor2d(Float32Array.from(data.Y), [1, m]);
  const v = Object.fromEntries(
    names.map((k) => [k, tf.variable(tf.tensor2d(Float32Array.from(start[k]), shapes[k]))]),
  ) as Record<Name, tf.Variable>;
  const cost = (): tf.Scalar => {
    const a1 = tf.tanh(tf.add(tf.matMul(v.W1, Xt), v.b1));
    const a2 = tf.sigmoid(tf.add(tf.matMul(v.W2, a1), v.b2));
    // J = −(1/m) Σ [y·log a + (1 − y)·log(1 − a)], as gradgen's binaryCrossEntropy
    const perExample = tf.add(tf.mul(Yt, tf.log(a2)), tf.mul(tf.sub(1, Yt), tf.log(tf.sub(1, a2))));
    return tf.neg(tf.mean(perExample) as tf.Scalar);
  };
  const path: Params[] = [];
  for (let t = 0; t < steps; t++) {
    optimizer.minimize(cost, false, Object.values(v));
    path.push(
      Object.fromEntries(names.map((k) => [k, Float64Array.from(v[k].dataSync())])) as Params,
    );
  }
  optimizer.dispose();
  tf.dispose([Xt, Yt, ...Object.values(v)]);
  return path;
}

/** The largest vectorError over the trajectory, and the per-tensor errors after the last step. */
function compare(tfPath: Params[], ref: Params[]) {
  const perStep = ref.map((r, t) => vectorError(tfPath[t]!, r));
  return { worst: Math.max(...perStep), last: tensorErrors(tfPath.at(-1)!, ref.at(-1)!) };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  expect(tf.getBackend()).toBe('cpu');
});

describe('gradgen optimizers against TensorFlow.js (100 steps, same data, same start)', () => {
  it('runs on the cpu backend', () => {
    expect(tf.getBackend()).toBe('cpu');
  });

  const cases: {
    name: string;
    spec: OptimizerSpec;
    /** The TF.js configuration implementing the same math. */
    mapped: () => tf.Optimizer;
    /** Configurations that do not (natural mistakes); each must miss by far. */
    wrong: [string, () => tf.Optimizer][];
  }[] = [
    {
      name: 'sgd (identical rule)',
      spec: sgd({ learningRate: 1.2 }),
      mapped: () => tf.train.sgd(1.2),
      wrong: [['α 1% high', () => tf.train.sgd(1.2 * 1.01)]],
    },
    {
      // u₀ = v₀ = 0 and v = βv + (1 − β)g give by induction v_t = (1 − β)·u_t, so
      // α·v_t = α(1 − β)·u_t: tf.train.momentum(α(1 − β), β) is the course's rule exactly.
      name: 'momentum (tf α′ = α(1 − β))',
      spec: momentum({ learningRate: 0.5, beta: 0.9 }),
      mapped: () => tf.train.momentum(0.5 * (1 - 0.9), 0.9),
      wrong: [
        ['α not rescaled', () => tf.train.momentum(0.5, 0.9)],
        ['β = 0.95', () => tf.train.momentum(0.5 * (1 - 0.9), 0.95)],
      ],
    },
    {
      // gradgen divides by √s + ε, TF.js by √(s + ε): the same only at ε = 0 (with TF's
      // momentum 0 and centered false, mom = α·g/√s). ε = 0 is safe here: no gradient component
      // is exactly 0 at the first step, so s > 0 from then on. (The course's ε = 1e-8 has no
      // exact TF.js counterpart: see the next describe.)
      name: 'rmsprop at ε = 0 (tf ρ = β, momentum 0, ε 0)',
      spec: rmsprop({ learningRate: 0.01, beta: 0.999, epsilon: 0 }),
      mapped: () => tf.train.rmsprop(0.01, 0.999, 0, 0, false),
      wrong: [
        ['TF.js defaults (ρ 0.9, ε 1e-7)', () => tf.train.rmsprop(0.01)],
        ['ρ = 0.99', () => tf.train.rmsprop(0.01, 0.99, 0, 0, false)],
      ],
    },
    {
      // the same formula; only ε must be passed, TF.js's default is the backend's 1e-7. (TF.js
      // keeps β₁ᵗ, β₂ᵗ as float32 products of fround(β): 1 − β₂ is then off by 1.3e-5 relative,
      // a 6e-6 relative error in the first steps, inside the float32 budget above.)
      name: 'adam (tf ε passed explicitly)',
      spec: adam({ learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
      mapped: () => tf.train.adam(0.01, 0.9, 0.999, 1e-8),
      wrong: [
        ['TF.js default ε (1e-7)', () => tf.train.adam(0.01, 0.9, 0.999)],
        ['β₂ = 0.99', () => tf.train.adam(0.01, 0.9, 0.99, 1e-8)],
      ],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const { start, path } = gradgenTrajectory(c.spec, STEPS);
      const ok = compare(tfTrajectory(start, c.mapped(), STEPS), path);
      const bad = c.wrong.map(([label, make]) => {
        return [label, compare(tfTrajectory(start, make(), STEPS), path).worst] as const;
      });
      console.log(
        `${c.name}: worst over the steps ${ok.worst.toExponential(2)}; after ${STEPS} steps`,
        names.map((k) => `${k} ${ok.last[k].toExponential(2)}`).join(', '),
        `| mistakes: ${bad.map(([label, e]) => `${label} ${e.toExponential(2)}`).join(', ')}`,
      );
      expect(ok.worst).toBeLessThanOrEqual(TOL);
      for (const k of names) expect(ok.last[k], k).toBeLessThanOrEqual(TOL);
      for (const [label, e] of bad) expect(e, label).toBeGreaterThan(100 * TOL);
    });
  }
});

describe('rmsprop at the course ε = 1e-8: no exact TF.js counterpart', () => {
  /*
   * gradgen divides by √s + ε, TF.js by √(s + ε′): different functions of s for every ε′ > 0. The
   * closest choice is ε′ = ε², equal at s = 0 and, since √(s + ε²) ≤ √s + ε ≤ √2·√(s + ε²), off
   * by a factor r = (√s + ε)/√(s + ε²) ∈ [1, √2] per step. On this problem that is not small: b1's
   * gradients at the start are 7e-10…4e-7, so √s = √(1 − β)·|g| ≤ 1.2e-8 is of ε's size and r
   * reaches ~1.4; over 100 steps the two trajectories then differ by O(1) (measured: max |Δ| =
   * 1.9·max|w|), so no trajectory tolerance would mean anything. Instead: one step from the same start
   * with the same gradient (gradgen's, rounded to float32 and handed to TF.js's applyGradients),
   * where TF.js's displacement must be r times gradgen's, r from the float64 gradient, to float32
   * rounding: ~10 roundings (fround of g, α, 1 − ρ and ε²; g², (1 − ρ)·g², + ε², √, α·g, ÷), each
   * ≤ u relative and none amplified (d ln(g/√(cg² + ε²))/d ln g ∈ [0, 1]), so 16u relative, plus
   * u·(|w₀| + |Δ|) ≥ u·|w₁| for rounding the updated weight.
   */
  const alpha = 0.01;
  const beta = 0.999;
  const eps = 1e-8;

  /** TF.js's displacement w₀ − w₁ after one applyGradients with gradient g. */
  function tfOneStep(start: Params, g: Params, optimizer: tf.Optimizer): Params {
    const v = Object.fromEntries(
      names.map((k) => [k, tf.variable(tf.tensor2d(Float32Array.from(start[k]), shapes[k]))]),
    ) as Record<Name, tf.Variable>;
    const before = Object.fromEntries(names.map((k) => [k, v[k].dataSync().slice()]));
    const grads = Object.fromEntries(
      names.map((k) => [v[k].name, tf.tensor2d(Float32Array.from(g[k]), shapes[k])]),
    );
    optimizer.applyGradients(grads);
    const moved = Object.fromEntries(
      names.map((k) => {
        const after = v[k].dataSync();
        return [k, Float64Array.from(before[k]!, (w0, i) => w0 - after[i]!)];
      }),
    ) as Params;
    optimizer.dispose();
    tf.dispose([...Object.values(v), ...Object.values(grads)]);
    return moved;
  }

  it('one step: TF.js (ε′ = ε²) moves each weight r = (√s + ε)/√(s + ε²) times as far', () => {
    const trainer = compileTraining({
      loss,
      optimizer: rmsprop({ learningRate: alpha, beta, epsilon: eps }),
    });
    const state = trainer.init(SEED);
    const start = copy(state.params);
    const g = copy(trainer.lossAndGrad(state, planarData).grads);
    trainer.step(state, planarData);
    const tfMoved = tfOneStep(start, g, tf.train.rmsprop(alpha, beta, 0, eps * eps, false));
    const naive = tfOneStep(start, g, tf.train.rmsprop(alpha, beta, 0, eps, false));
    let worst = 0;
    let rMax = 1;
    let naiveWorst = 0;
    for (const k of names) {
      g[k].forEach((gi, i) => {
        const s = (1 - beta) * gi * gi; // s₁ from s₀ = 0
        const r = (Math.sqrt(s) + eps) / Math.sqrt(s + eps * eps);
        const expected = r * (start[k][i]! - state.params[k]![i]!); // r × gradgen's displacement
        const allowed =
          16 * U32 * Math.abs(expected) +
          U32 * (Math.abs(start[k][i]!) + Math.abs(start[k][i]! - tfMoved[k][i]!));
        worst = Math.max(worst, Math.abs(tfMoved[k][i]! - expected) / allowed);
        naiveWorst = Math.max(naiveWorst, Math.abs(naive[k][i]! - expected) / allowed);
        rMax = Math.max(rMax, r);
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(Math.SQRT2);
      });
    }
    console.log(
      `rmsprop ε = 1e-8, one step: max |Δ|/allowed ${worst.toFixed(3)} (ε′ = ε²),`,
      `${naiveWorst.toExponential(2)} (ε′ = ε); largest r ${rMax.toFixed(4)}`,
    );
    expect(worst).toBeLessThanOrEqual(1);
    expect(rMax).toBeGreaterThan(1.1); // the formulas really differ here: no exact mapping
    expect(naiveWorst).toBeGreaterThan(100); // the same ε in TF.js's rule is far off
  });
});
