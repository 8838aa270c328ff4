/**
 * The training-step workloads (W2 logistic regression, W3 planar 2-4-1, W4 deep [12288, 20, 7, 5, 1]):
 * gradgen float64 and float32 (compileTraining + sgd, Trainer.step), the hand-written course
 * formulas and TF.js cpu, all from the same seeded data and initial parameters. Before timing,
 * every implementation's gradients at the start (and parameters after one step) are compared with
 * gradgen float64's; a mismatch aborts.
 */
import { compileTraining, sgd, type Node, type Trainer, type TrainingState } from '../index.ts';
import { HandMLP, type Hidden } from './hand.ts';
import { interleaved, probe, relError, type Contender, type Timing } from './stats.ts';
import { TfMLP, tfNumTensors } from './tfjsPeer.ts';

export interface TrainingWorkload {
  readonly id: string;
  readonly title: string;
  readonly loss: Node;
  readonly layers: readonly number[];
  readonly hidden: Hidden;
  /** gradgen's param names in layer order: [W-name, b-name] per layer (W stored as (n_l, n_{l−1})). */
  readonly names: readonly (readonly [string, string])[];
  readonly lr: number;
  readonly data: () => { X: Float64Array; Y: Float64Array; m: number };
  readonly seed: number;
}

export interface TrainingResult {
  readonly id: string;
  readonly title: string;
  readonly m: number;
  readonly parameterCount: number;
  readonly flopsPerStep: number;
  readonly compileMs: { f64: number; f32: number };
  readonly codeSize: { chars: number; lines: number };
  readonly checks: { name: string; gradError: number; paramError: number; tol: number }[];
  readonly steps: number;
  readonly timings: Timing[];
}

const TOL_F64 = 1e-9;
const TOL_F32 = 1e-4;

interface Impl extends Contender {
  /** Gradients at the initial parameters, keyed by W1, b1, … */
  grads(): Record<string, Float64Array>;
  /** Parameters now, keyed by W1, b1, … */
  params(): Record<string, Float64Array>;
  readonly tol: number;
}

function gradgenImpl(
  name: string,
  trainer: Trainer,
  w: TrainingWorkload,
  init: Record<string, Float64Array>,
  data: Record<string, Float64Array | Float32Array>,
  tol: number,
): Impl {
  const state: TrainingState = trainer.init(w.seed);
  const reset = () => {
    for (const [k, v] of Object.entries(init)) state.params[k].set(v);
    state.step = 0;
    state.epoch = 0;
  };
  const byLayer = (values: Record<string, Float64Array>) => {
    const out: Record<string, Float64Array> = {};
    w.names.forEach(([W, b], l) => {
      out[`W${l + 1}`] = Float64Array.from(values[W]);
      out[`b${l + 1}`] = Float64Array.from(values[b]);
    });
    return out;
  };
  return {
    name,
    tol,
    reset,
    step: () => void trainer.step(state, data),
    grads: () => {
      reset();
      return byLayer(trainer.lossAndGrad(state, data).grads);
    },
    params: () => byLayer(state.params),
  };
}

function layerParams(w: TrainingWorkload, init: Record<string, Float64Array>) {
  return {
    W: w.names.map(([W]) => init[W]),
    b: w.names.map(([, b]) => init[b]),
  };
}

function handImpl(
  w: TrainingWorkload,
  init: Record<string, Float64Array>,
  X: Float64Array,
  Y: Float64Array,
  m: number,
): Impl {
  const net = new HandMLP(w.layers, w.hidden, m, X, Y, w.lr);
  const { W, b } = layerParams(w, init);
  const reset = () => {
    net.W.forEach((v, l) => v.set(W[l]));
    net.b.forEach((v, l) => v.set(b[l]));
  };
  const collect = (Ws: Float64Array[], bs: Float64Array[]) => {
    const out: Record<string, Float64Array> = {};
    Ws.forEach((v, l) => (out[`W${l + 1}`] = Float64Array.from(v)));
    bs.forEach((v, l) => (out[`b${l + 1}`] = Float64Array.from(v)));
    return out;
  };
  return {
    name: 'hand-written TS (f64)',
    tol: TOL_F64,
    reset,
    step: () => net.step(),
    grads: () => {
      reset();
      net.gradients();
      return collect(net.dW, net.db);
    },
    params: () => collect(net.W, net.b),
  };
}

function tfImpl(
  w: TrainingWorkload,
  init: Record<string, Float64Array>,
  X: Float64Array,
  Y: Float64Array,
  m: number,
): Impl {
  const net = new TfMLP(w.layers, w.hidden, m, X, Y, w.lr);
  const { W, b } = layerParams(w, init);
  const reset = () => net.set(W, b);
  return {
    name: 'TF.js cpu (f32)',
    tol: TOL_F32,
    reset,
    step: () => net.step(),
    grads: () => {
      reset();
      return net.gradients();
    },
    params: () => net.params(),
  };
}

export function runTraining(
  w: TrainingWorkload,
  options: { rounds: number; roundMs: number; log: (s: string) => void },
): TrainingResult {
  const { X, Y, m } = w.data();
  options.log(`${w.id}: compiling…`);
  let t0 = performance.now();
  const t64 = compileTraining({
    loss: w.loss,
    optimizer: sgd({ learningRate: w.lr }),
    dtype: 'float64',
  });
  const compile64 = performance.now() - t0;
  t0 = performance.now();
  const t32 = compileTraining({
    loss: w.loss,
    optimizer: sgd({ learningRate: w.lr }),
    dtype: 'float32',
  });
  const compile32 = performance.now() - t0;

  const init = t64.init(w.seed).params;
  const data64 = { X, Y };
  const data32 = { X: Float32Array.from(X), Y: Float32Array.from(Y) };
  const impls: Impl[] = [
    gradgenImpl('gradgen f64', t64, w, init, data64, TOL_F64),
    gradgenImpl('gradgen f32', t32, w, init, data32, TOL_F32),
    handImpl(w, init, X, Y, m),
    tfImpl(w, init, X, Y, m),
  ];

  // ---- correctness first: gradients at the start, and parameters after one step
  const refGrads = impls[0].grads();
  impls[0].reset();
  impls[0].step();
  const refParams = impls[0].params();
  const checks: TrainingResult['checks'] = [];
  for (const impl of impls) {
    const g = relError(impl.grads(), refGrads);
    impl.reset();
    impl.step();
    const p = relError(impl.params(), refParams);
    checks.push({ name: impl.name, gradError: g.error, paramError: p.error, tol: impl.tol });
    if (!(g.error <= impl.tol) || !(p.error <= impl.tol)) {
      throw new Error(
        `bench ${w.id}: ${impl.name} disagrees with gradgen f64: gradient error ${g.error.toExponential(2)} (worst ${g.worst}), ` +
          `parameters after one step ${p.error.toExponential(2)} (worst ${p.worst}); tolerance ${impl.tol} (max |Δ| / max |reference|)`,
      );
    }
  }

  // ---- timing
  const tensorsBefore = tfNumTensors();
  const probes = probe(impls, Math.min(1000, options.roundMs / 2));
  const slowest = Math.max(...probes);
  const steps = Math.max(3, Math.min(5000, Math.round(options.roundMs / slowest)));
  options.log(
    `${w.id}: probe ms/step ${probes.map((p, i) => `${impls[i].name} ${p.toFixed(3)}`).join(', ')}; ${steps} steps × ${options.rounds} rounds`,
  );
  const timings = interleaved(
    impls,
    impls.map(() => steps),
    options.rounds,
  );
  const leaked = tfNumTensors() - tensorsBefore;
  if (leaked !== 0) throw new Error(`bench ${w.id}: TF.js leaked ${leaked} tensors`);

  return {
    id: w.id,
    title: w.title,
    m,
    parameterCount: t64.parameterCount,
    flopsPerStep: t64.flopsPerStep(m),
    compileMs: { f64: compile64, f32: compile32 },
    codeSize: { chars: t64.source.length, lines: t64.source.split('\n').length },
    checks,
    steps,
    timings,
  };
}
