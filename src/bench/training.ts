/**
 * The training-step workloads (W2 logistic regression, W3 planar 2-4-1, W4 deep
 * [12288, 20, 7, 5, 1], W5 MLP [784, 128, 64, 1] with Adam + L2): gradgen float64 and float32
 * (compileTraining, Trainer.step), the hand-written course formulas and TF.js on its cpu and wasm
 * backends, all from the same seeded data and initial parameters. Before timing, every
 * implementation's gradients at the start (and parameters after one step) are compared with
 * gradgen float64's; a mismatch aborts. After timing, the bytes each allocates per step.
 * Workloads with `peers` also time jax-js (float32 and float64, in this process, interleaved with
 * the others) and numpy (a python3 child). Every workload's generated modules and the hand-written
 * TS are timed again in a plain-node child process (./childModules.ts), the figures to quote:
 * this process hosts wasm backends whose growing memories slow its typed-array code.
 */
import {
  adam,
  compileTraining,
  sgd,
  type Node,
  type OptimizerSpec,
  type Trainer,
  type TrainingSpec,
  type TrainingState,
} from '../index.js';
import { allocationPerStep, type Allocation } from './alloc.js';
import { runChildModules } from './childModules.js';
import { JaxMLP, jaxReady, type JaxDtype } from './jaxPeer.js';
import { runNumpy } from './numpyPeer.js';
import type { ReadOnceResult } from './readOnce.js';
import { HandMLP, type Hidden } from './hand.js';
import {
  fmtTime,
  interleaved,
  median,
  probe,
  relError,
  table,
  type Contender,
  type Timing,
} from './stats.js';
import { TfMLP, tfDataMoves, tfNumTensors, useBackend, type TfBackend } from './tfjsPeer.js';

export type WorkloadOptimizer =
  | { readonly kind: 'sgd' }
  | {
      readonly kind: 'adam';
      readonly beta1: number;
      readonly beta2: number;
      readonly epsilon: number;
    };

/** Speed targets: how many times faster gradgen float64 must be than each peer (or float32 than float64). */
export interface Targets {
  readonly cpu: number;
  readonly wasm: number;
  /** gradgen float32 against gradgen float64 (f64 time / f32 time). */
  readonly f32?: number;
}

export interface TrainingWorkload {
  readonly id: string;
  readonly title: string;
  /** What one step is, for the report ("one full-batch gradient-descent step"). */
  readonly step: string;
  readonly loss: Node;
  readonly layers: readonly number[];
  readonly hidden: Hidden;
  /** gradgen's param names in layer order: [W-name, b-name] per layer (W stored as (n_l, n_{l−1})). */
  readonly names: readonly (readonly [string, string])[];
  readonly lr: number;
  readonly optimizer: WorkloadOptimizer;
  /** λ of the L2 penalty (λ/2m)·Σ_l ‖W[l]‖²_F over every layer's W (default 0). */
  readonly l2?: number;
  readonly data: () => { X: Float64Array; Y: Float64Array; m: number };
  readonly seed: number;
  readonly targets?: Targets;
  /** The wasm target's (issue 14). */
  readonly wasmTargets?: WasmTargets;
  /** Also time jax-js and numpy. */
  readonly peers?: boolean;
  /** Also measure reading X once in blocks of columns (./readOnce.ts), at m and at these batches. */
  readonly readOnce?: readonly number[];
}

/** A contender timed in a child process (no per-round pairing with this process's contenders). */
export interface OutsideRow {
  readonly name: string;
  readonly timing: Timing;
  /** The plain-node gradgen f64's time / this one's (within rounds in the node child, else of medians). */
  readonly speedup: number;
  readonly check: { gradError: number; paramError: number; tol: number };
}

export interface TrainingResult {
  readonly id: string;
  readonly title: string;
  readonly step: string;
  readonly m: number;
  readonly parameterCount: number;
  readonly flopsPerStep: number;
  readonly compileMs: { f64: number; f32: number };
  readonly codeSize: { chars: number; lines: number };
  readonly checks: { name: string; gradError: number; paramError: number; tol: number }[];
  readonly steps: number;
  /** In contender order: gradgen f64, gradgen f32, hand-written, TF.js cpu, TF.js wasm. */
  readonly timings: Timing[];
  readonly allocations: Allocation[];
  readonly targets?: Targets;
  /** The wasm target's comparisons in this run. */
  readonly wasmChecks?: readonly TargetCheck[];
  /** Where the wasm target's f64 step time goes, per kernel, when one of them was missed. */
  readonly wasmBreakdown?: string;
  /** Where gradgen f64's step time goes, per kernel (markdown), when a target was missed. */
  readonly kernelBreakdown?: string;
  /** Child-process contenders: gradgen f64, f32 and hand-written in plain node, then numpy. */
  readonly outside: OutsideRow[];
  /** Plain-JS matmul GFLOP/s measured in the plain-node child. */
  readonly peak: { float64: number; float32: number };
  /** wasm SIMD128 matmul GFLOP/s (gradgen's GEMM generator, 256³) measured there too. */
  readonly wasmPeak: { float64: number; float32: number };
  /** The read-once experiment's results (workloads with `readOnce`). */
  readonly readOnce?: readonly ReadOnceResult[];
  /** What was skipped or how the peers ran, for the report. */
  readonly notes: string[];
}

/** The contenders' indices in TrainingResult.timings / allocations. */
export const IMPL = { f64: 0, f32: 1, hand: 2, cpu: 3, wasm: 4, jax32: 5, jax64: 6 } as const;

/** The plain-node child's contenders, by what they are. */
export const CHILD = {
  f64: 'gradgen f64 (plain-node child)',
  /** The TS-target module trained by a full-batch fit: an epoch (one step) of `fit(…, { epochs })`. */
  f64Fit: 'gradgen f64, full-batch fit epochs (plain-node child)',
  f32: 'gradgen f32 (plain-node child)',
  wasm64: 'gradgen wasm f64 (plain-node child)',
  wasm32: 'gradgen wasm f32 (plain-node child)',
  /** The same wasm f64 module given its data as ordinary arrays: copied into the memory per step. */
  wasm64Copied: 'gradgen wasm f64, data copied in per step (plain-node child)',
  /** The same module trained by a full-batch fit: an epoch (one step) of `fit(…, { epochs })`. */
  wasm64Fit: 'gradgen wasm f64, full-batch fit epochs (plain-node child)',
} as const;

/** Issue 14's targets for the wasm target: how many times faster, per comparison. */
export interface WasmTargets {
  /** wasm f64 vs the TS target f64 (both in the child). */
  readonly ts: number;
  /** wasm f64 vs numpy f64 (single-threaded BLAS, its own child). */
  readonly numpy?: number;
  /** wasm f32 vs TF.js's wasm backend (XNNPACK SIMD, in the bench process). */
  readonly tfjsWasm?: number;
  /** wasm f32 vs jax-js f32 (jit, wasm backend, in the bench process). */
  readonly jax?: number;
}

/** The wasm target's comparisons of one run: child rows and the bench process's timings. */
export function checkWasmTargets(
  targets: WasmTargets,
  outside: readonly OutsideRow[],
  timings: readonly Timing[],
): TargetCheck[] {
  const child = (name: string) => outside.find((o) => o.name === name)?.timing.median;
  const inProcess = (i: number) => timings[i]?.median;
  const checks: TargetCheck[] = [];
  const compare = (what: string, target: number | undefined, a?: number, b?: number) => {
    if (target === undefined || a === undefined || b === undefined) return;
    checks.push({ what, target, measured: b / a, met: b / a >= target });
  };
  const numpy = outside.find((o) => o.name.startsWith('numpy f64'))?.timing.median;
  compare('gradgen wasm f64 vs gradgen TS f64', targets.ts, child(CHILD.wasm64), child(CHILD.f64));
  compare('gradgen wasm f64 vs numpy f64', targets.numpy, child(CHILD.wasm64), numpy);
  // the same work as numpy's loop of steps, as a user trains: a full-batch fit (where the
  // module has a rotated step, it reads X once per epoch: src/train/pipeline.ts)
  compare(
    'gradgen wasm f64 full-batch fit epochs vs numpy f64',
    targets.numpy,
    child(CHILD.wasm64Fit),
    numpy,
  );
  compare(
    'gradgen wasm f32 vs TF.js wasm',
    targets.tfjsWasm,
    child(CHILD.wasm32),
    inProcess(IMPL.wasm),
  );
  compare(
    'gradgen wasm f32 vs jax-js f32',
    targets.jax,
    child(CHILD.wasm32),
    inProcess(IMPL.jax32),
  );
  return checks;
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

function optimizerSpec(w: TrainingWorkload): OptimizerSpec {
  const o = w.optimizer;
  return o.kind === 'sgd'
    ? sgd({ learningRate: w.lr })
    : adam({ learningRate: w.lr, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon });
}

function gradgenImpl(
  name: string,
  trainer: Trainer,
  state: TrainingState,
  w: TrainingWorkload,
  init: Record<string, Float64Array>,
  data: Record<string, Float64Array | Float32Array>,
  tol: number,
): Impl {
  // parameters, optimizer moments and Adam's t back to the start
  const reset = () => {
    for (const [k, v] of Object.entries(init)) state.params[k].set(v);
    for (const v of Object.values(state.opt)) v.fill(0);
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

function collect(Ws: readonly Float64Array[], bs: readonly Float64Array[]) {
  const out: Record<string, Float64Array> = {};
  Ws.forEach((v, l) => (out[`W${l + 1}`] = Float64Array.from(v)));
  bs.forEach((v, l) => (out[`b${l + 1}`] = Float64Array.from(v)));
  return out;
}

function handImpl(
  w: TrainingWorkload,
  init: Record<string, Float64Array>,
  X: Float64Array,
  Y: Float64Array,
  m: number,
): Impl {
  const o = w.optimizer;
  const net = new HandMLP(w.layers, w.hidden, m, X, Y, w.lr, {
    l2: w.l2 ?? 0,
    ...(o.kind === 'adam' ? { adam: o } : {}),
  });
  const { W, b } = layerParams(w, init);
  const reset = () => net.reset(W, b);
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
  backend: TfBackend,
  w: TrainingWorkload,
  init: Record<string, Float64Array>,
  X: Float64Array,
  Y: Float64Array,
  m: number,
): Impl {
  const net = new TfMLP(backend, w.layers, w.hidden, m, X, Y, w.lr, w.optimizer, w.l2 ?? 0);
  const { W, b } = layerParams(w, init);
  const reset = () => net.set(W, b);
  return {
    name: `TF.js ${backend} (f32)`,
    tol: TOL_F32,
    before: () => useBackend(backend),
    reset,
    step: () => net.step(),
    grads: () => {
      reset();
      return net.gradients();
    },
    params: () => net.params(),
  };
}

/**
 * jax-js's float64 is checked at the float32 tolerance: its wasm exp, log and tanh are accurate
 * to about 1e-7 relative in float64 too (measured: softplus, sigmoid, tanh off by 1e-8 to 3e-7).
 */
function jaxImpl(
  dtype: JaxDtype,
  w: TrainingWorkload,
  init: Record<string, Float64Array>,
  X: Float64Array,
  Y: Float64Array,
  m: number,
): Impl {
  const net = new JaxMLP(dtype, w.layers, w.hidden, m, X, Y, w.lr, w.optimizer, w.l2 ?? 0);
  const { W, b } = layerParams(w, init);
  const reset = () => net.set(W, b);
  return {
    name: `jax-js wasm (${dtype === 'float32' ? 'f32' : 'f64'})`,
    tol: TOL_F32,
    reset,
    step: () => void net.step(),
    grads: () => {
      reset();
      return net.gradients();
    },
    params: () => net.params(),
  };
}

function checkOrThrow(
  id: string,
  name: string,
  got: { grads: Record<string, Float64Array>; params: Record<string, Float64Array> },
  ref: { grads: Record<string, Float64Array>; params: Record<string, Float64Array> },
  tol: number,
): { gradError: number; paramError: number; tol: number } {
  const g = relError(got.grads, ref.grads);
  const p = relError(got.params, ref.params);
  if (!(g.error <= tol) || !(p.error <= tol)) {
    throw new Error(
      `bench ${id}: ${name} disagrees with gradgen f64: gradient error ${g.error.toExponential(2)} (worst ${g.worst}), ` +
        `parameters after one step ${p.error.toExponential(2)} (worst ${p.worst}); tolerance ${tol} (max |Δ| / max |reference|)`,
    );
  }
  return { gradError: g.error, paramError: p.error, tol };
}

/** A Timing for rounds measured elsewhere, its ratios against `ref` taken of the medians. */
function timingOf(name: string, perStep: number[], ref: Timing): Timing {
  const med = median(perStep);
  return {
    name,
    perStep,
    median: med,
    min: Math.min(...perStep),
    max: Math.max(...perStep),
    refOverThis: ref.median / med,
    thisOverRef: med / ref.median,
  };
}

/**
 * The child-process contenders: the generated modules and hand-written TS in plain node, then
 * numpy (for workloads with peers), each checked against the reference before its time counts.
 */
function outsideRows(
  w: TrainingWorkload,
  sources: { f64: string; f32: string; wasm64: string; wasm32: string },
  init: Record<string, Float64Array>,
  X: Float64Array,
  Y: Float64Array,
  m: number,
  ref: { grads: Record<string, Float64Array>; params: Record<string, Float64Array> },
  options: { rounds: number; roundMs: number; log: (s: string) => void },
) {
  const { W, b } = layerParams(w, init);
  const data = [X, Y, ...W.flatMap((v, l) => [v, b[l]])];
  const o = w.optimizer;
  options.log(`${w.id}: gradgen modules and hand-written TS in a plain-node child…`);
  const modules = [
    { source: sources.f64, name: CHILD.f64, float32: false },
    { source: sources.f64, name: CHILD.f64Fit, float32: false, fit: true },
    { source: sources.f32, name: CHILD.f32, float32: true },
    { source: sources.wasm64, name: CHILD.wasm64, float32: false },
    { source: sources.wasm32, name: CHILD.wasm32, float32: true },
    { source: sources.wasm64, name: CHILD.wasm64Copied, float32: false, copied: true },
    { source: sources.wasm64, name: CHILD.wasm64Fit, float32: false, fit: true },
  ];
  const child = runChildModules(
    modules,
    {
      names: w.names,
      layers: w.layers,
      hidden: w.hidden,
      m,
      lr: w.lr,
      l2: w.l2 ?? 0,
      ...(o.kind === 'adam' ? { adam: o } : {}),
      rounds: options.rounds,
      roundMs: options.roundMs,
      peak: true,
      ...(w.readOnce ? { readOnce: [m, ...w.readOnce] } : {}),
    },
    data,
  );
  // the modules', then the hand-written TS's (float64)
  const tols = [...modules.map((m) => (m.float32 ? TOL_F32 : TOL_F64)), TOL_F64];
  const rows: OutsideRow[] = child.report.timings.map((t, k) => ({
    name: t.name === 'hand-written TS (f64)' ? 'hand-written TS (f64, plain-node child)' : t.name,
    timing: t,
    speedup: t.refOverThis,
    check: checkOrThrow(w.id, t.name, child.outs[k]!, ref, tols[k]!),
  }));
  const notes = [
    `plain-node child: Node ${child.report.node}, ${child.report.steps} steps per round`,
  ];
  if (w.peers) {
    options.log(`${w.id}: numpy in a python3 child…`);
    const np = runNumpy(
      {
        layers: w.layers,
        hidden: w.hidden,
        m,
        lr: w.lr,
        l2: w.l2 ?? 0,
        optimizer: o,
        rounds: options.rounds,
        roundMs: options.roundMs,
      },
      data,
    );
    if ('skipped' in np) notes.push(`numpy skipped: ${np.skipped}`);
    else {
      notes.push(
        `numpy ${np.version} (${np.blas}, 1 BLAS thread), ${np.results[0]!.steps} steps per round`,
      );
      for (const r of np.results) {
        const name = `numpy ${r.dtype === 'float64' ? 'f64' : 'f32'} (python child)`;
        const timing = timingOf(name, r.perStep, rows[0]!.timing);
        const tol = r.dtype === 'float64' ? TOL_F64 : TOL_F32;
        rows.push({
          name,
          timing,
          speedup: timing.refOverThis,
          check: checkOrThrow(w.id, name, r, ref, tol),
        });
      }
    }
  }
  return {
    rows,
    peak: child.report.peak!,
    wasmPeak: child.report.wasmPeak!,
    ...(child.report.readOnce ? { readOnce: child.report.readOnce } : {}),
    notes,
  };
}

export async function runTraining(
  w: TrainingWorkload,
  options: {
    rounds: number;
    roundMs: number;
    allocationSamples: number;
    log: (s: string) => void;
  },
): Promise<TrainingResult> {
  const { X, Y, m } = w.data();
  const spec64: TrainingSpec = {
    loss: w.loss,
    optimizer: optimizerSpec(w),
    ...(w.l2 ? { l2: w.l2, regularize: w.names.map(([W]) => W) } : {}),
    dtype: 'float64',
  };
  options.log(`${w.id}: compiling…`);
  let t0 = performance.now();
  const t64 = compileTraining(spec64);
  const compile64 = performance.now() - t0;
  t0 = performance.now();
  const t32 = compileTraining({ ...spec64, dtype: 'float32' });
  const compile32 = performance.now() - t0;

  const state64 = t64.init(w.seed);
  const init = Object.fromEntries(
    Object.entries(state64.params).map(([k, v]) => [k, Float64Array.from(v)]),
  );
  const data64 = { X, Y };
  const data32 = { X: Float32Array.from(X), Y: Float32Array.from(Y) };
  const impls: Impl[] = [
    gradgenImpl('gradgen f64', t64, state64, w, init, data64, TOL_F64),
    gradgenImpl('gradgen f32', t32, t32.init(w.seed), w, init, data32, TOL_F32),
    handImpl(w, init, X, Y, m),
    tfImpl('cpu', w, init, X, Y, m),
    tfImpl('wasm', w, init, X, Y, m),
  ];
  const notes: string[] = [];
  if (w.peers) {
    notes.push(await jaxReady());
    impls.push(jaxImpl('float32', w, init, X, Y, m), jaxImpl('float64', w, init, X, Y, m));
  }

  // ---- correctness first: gradients at the start, and parameters after one step
  const refGrads = impls[0].grads();
  impls[0].reset();
  impls[0].step();
  const refParams = impls[0].params();
  const checks: TrainingResult['checks'] = [];
  for (const impl of impls) {
    impl.before?.();
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
  const movesBefore = tfDataMoves();
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
  const moved = tfDataMoves() - movesBefore;
  if (moved !== 0)
    throw new Error(`bench ${w.id}: TF.js moved ${moved} tensors between backends while timing`);

  // ---- allocation, after timing (everything warm)
  options.log(`${w.id}: bytes allocated per step…`);
  const allocations: Allocation[] = [];
  for (const impl of impls) {
    allocations.push(
      await allocationPerStep(impl, { samples: options.allocationSamples, stepsPerSample: 1 }),
    );
  }
  const leaked = tfNumTensors() - tensorsBefore;
  if (leaked !== 0) throw new Error(`bench ${w.id}: TF.js leaked ${leaked} tensors`);

  // ---- where the time goes, for a missed target
  const missed = w.targets && missedTargets(w.targets, timings).length > 0;
  let breakdown: string | undefined;
  if (missed) {
    options.log(`${w.id}: a target is missed: kernel breakdown…`);
    breakdown = kernelBreakdown(spec64, init, data64, timings[IMPL.f64].median, options.roundMs);
  }

  options.log(`${w.id}: compiling for the wasm target…`);
  const wasm64 = compileTraining({ ...spec64, target: 'wasm' }).source;
  const wasm32 = compileTraining({ ...spec64, target: 'wasm', dtype: 'float32' }).source;
  const outside = outsideRows(
    w,
    { f64: t64.source, f32: t32.source, wasm64, wasm32 },
    init,
    X,
    Y,
    m,
    { grads: refGrads, params: refParams },
    options,
  );
  const wasmChecks = w.wasmTargets
    ? checkWasmTargets(w.wasmTargets, outside.rows, timings)
    : undefined;
  let wasmBreakdown: string | undefined;
  if (wasmChecks?.some((c) => !c.met)) {
    options.log(`${w.id}: a wasm target is missed: kernel breakdown of the wasm target…`);
    const ms = outside.rows.find((o) => o.name === CHILD.wasm64)?.timing.median ?? 1;
    wasmBreakdown = kernelBreakdown(
      { ...spec64, target: 'wasm' },
      init,
      data64,
      ms,
      options.roundMs,
    );
  }
  return {
    id: w.id,
    title: w.title,
    step: w.step,
    m,
    parameterCount: t64.parameterCount,
    flopsPerStep: t64.flopsPerStep(m),
    compileMs: { f64: compile64, f32: compile32 },
    codeSize: { chars: t64.source.length, lines: t64.source.split('\n').length },
    checks,
    steps,
    timings,
    allocations,
    ...(w.targets ? { targets: w.targets } : {}),
    ...(wasmChecks ? { wasmChecks } : {}),
    ...(wasmBreakdown ? { wasmBreakdown } : {}),
    ...(breakdown ? { kernelBreakdown: breakdown } : {}),
    outside: outside.rows,
    peak: outside.peak,
    wasmPeak: outside.wasmPeak,
    ...(outside.readOnce ? { readOnce: outside.readOnce } : {}),
    notes: [...notes, ...outside.notes],
  };
}

export interface TargetCheck {
  /** What is compared, e.g. "gradgen f64 vs TF.js cpu". */
  readonly what: string;
  readonly target: number;
  /** How many times faster: slower contender's time / faster contender's time (median over rounds). */
  readonly measured: number;
  readonly met: boolean;
}

/**
 * The targets against timings in IMPL order (W1's scalar timings use the same order with the
 * gradgen-vs-peer entries only: pass `indices` to map them).
 */
export function checkTargets(
  targets: Targets,
  timings: readonly Timing[],
  indices: { cpu: number; wasm: number; f32?: number } = IMPL,
): TargetCheck[] {
  const out: TargetCheck[] = [];
  const peer = (what: string, target: number, i: number) => {
    const measured = timings[i].thisOverRef;
    out.push({ what, target, measured, met: measured >= target });
  };
  peer('gradgen f64 vs TF.js cpu', targets.cpu, indices.cpu);
  peer('gradgen f64 vs TF.js wasm', targets.wasm, indices.wasm);
  if (targets.f32 !== undefined && indices.f32 !== undefined) {
    const measured = timings[indices.f32].refOverThis;
    out.push({
      what: 'gradgen f32 vs gradgen f64',
      target: targets.f32,
      measured,
      met: measured >= targets.f32,
    });
  }
  return out;
}

function missedTargets(targets: Targets, timings: readonly Timing[]): TargetCheck[] {
  return checkTargets(targets, timings).filter((c) => !c.met);
}

/**
 * The per-kernel time of gradgen f64's step as a markdown table: the workload compiled again with
 * `profile: true` (see Trainer.profile), about a round's worth of steps from the same start.
 */
function kernelBreakdown(
  spec: TrainingSpec,
  init: Readonly<Record<string, Float64Array>>,
  data: Readonly<Record<string, Float64Array>>,
  msPerStep: number,
  roundMs: number,
): string {
  const trainer = compileTraining({ ...spec, profile: true });
  const state = trainer.init(1);
  for (const [k, v] of Object.entries(init)) state.params[k]!.set(v);
  const steps = Math.max(3, Math.min(200, Math.round(roundMs / msPerStep)));
  trainer.step(state, data); // warm up, then time from a fresh profile
  trainer.profile();
  for (let i = 0; i < steps; i++) trainer.step(state, data);
  const times = trainer.profile();
  const total = times.reduce((s, t) => s + t.ms, 0);
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  return (
    `${steps} profiled steps: the kernels' sum is ${fmtTime(total)} per step, against ${fmtTime(msPerStep)} measured without profiling ` +
    `(the rest is the trainer's runtime and the timers).\n\n` +
    table(
      ['kernel', 'per step', 'share'],
      'lrr',
      times.map((t) => [
        cell(t.kernel),
        fmtTime(t.ms),
        `${((100 * t.ms) / (total || 1)).toFixed(1)} %`,
      ]),
    )
  );
}
