/**
 * Compiled training: the training graph (loss + L2 + optimizer update, predict with dropout off,
 * loss and gradients) emitted as one training module — kernels, metadata and the runtime of
 * src/runtime/ — which `compileTraining` loads and wraps with what needs the compiler (gradient
 * checks, profiling, the source). The runtime that trains is the module's own.
 */
import { grad } from '../autodiff/grad.js';
import * as B from '../builder/core.js';
import { gradcheck, type GradcheckOptions, type GradcheckResult } from '../check/gradcheck.js';
import { forwardDerivatives, type ForwardDerivatives } from '../check/derivatives.js';
import { kinkProbe } from '../check/kinks.js';
import { loadModule, type CompiledValue } from '../emit/compile.js';
import type { ModuleConstant } from '../emit/render.js';
import { emitFunctions } from '../emit/module.js';
import { Namer } from '../emit/names.js';
import { GradgenError, at } from '../errors.js';
import { leavesOf, toposort } from '../ir/graph.js';
import { isNode, type InputNode, type Node, type ParamNode } from '../ir/node.js';
import type { Shape } from '../ir/shape.js';
import { rememberedCallSite, userCallSite, withCallSite } from '../ir/site.js';
import type { InputValue, InputValues } from '../ir/values.js';
import {
  miniBatches as runtimeMiniBatches,
  type Data as TrainingData,
  type DataLayout,
  type DataOptions,
  type DataSplit,
  type FitHistory,
  type FitOptions,
  type SplitOptions,
  type TrainerCore,
  type TrainerMeta,
  type TrainingState,
} from '../runtime/trainer.js';
import type { Dtype } from '../lower/lower.js';
import type { Target } from '../kernel/ir.js';
import { optimize } from '../rewrite/optimize.js';
import type { Rng } from '../rng.js';
import { dropoutInfo } from './dropout.js';
import { normalizerInfo, type NormalizerInfo } from './normalize.js';
import { firstProduct, rotate, type Rotation } from './pipeline.js';
import {
  arrayOption,
  checkOptions,
  describeOption,
  IDENTIFIER_OPTION,
  NODE_OPTION,
  OUTPUTS_OPTION,
  type OptionSchema,
} from '../options.js';
import {
  nextParam,
  nextState,
  OPTIMIZER_SPEC,
  stateSlots,
  type OptimizerSpec,
  type UpdateInputs,
} from './optimizers.js';

export interface TrainingSpec {
  /** The (scalar) cost, e.g. binaryCrossEntropy(A2, Y). */
  readonly loss: Node;
  /** What `predict` returns, e.g. { A2 }. */
  readonly outputs?: Readonly<Record<string, Node>>;
  readonly optimizer: OptimizerSpec;
  /** λ of the L2 penalty (λ/2m)·Σ‖W‖²_F over the regularized params. */
  readonly l2?: number;
  /** The params L2 applies to (default: every param that is a matrix, i.e. not (n, 1) or (1, n)). */
  readonly regularize?: readonly (Node | string)[];
  readonly dtype?: Dtype;
  /** Time every kernel of the training step (see {@link Trainer.profile}); for benchmarks. */
  readonly profile?: boolean;
  /**
   * Check every kernel of the step and of predict (see EmitOptions.guard): NaN or ±Infinity
   * throws E_NONFINITE_OP naming the op that produced it. For debugging.
   */
  readonly guard?: boolean;
  /** Prefix of the module's function names (default: `train`). */
  readonly name?: string;
  /**
   * Where the kernels run (see EmitOptions.target): `'wasm'` runs the step's matmuls and maps as
   * WebAssembly SIMD; the trainer then has `ready` (await it before the first step where the
   * engine compiles asynchronously: a browser's main thread).
   */
  readonly target?: Target;
  /** The wasm target: the batch the memory is first laid out for (default 1024; a larger batch lays out a new one). */
  readonly maxBatch?: number;
}

export type {
  BatchProgress,
  Data as TrainingData,
  DataOptions,
  DataSplit,
  FitHistory,
  FitOptions,
  SplitOptions,
  TrainingState,
} from '../runtime/trainer.js';

export interface Trainer {
  /** The emitted module (self-contained TypeScript). */
  readonly source: string;
  /** Where its kernels run. */
  readonly target: Target;
  /** The wasm target: its kernels' module as text (WAT), to read beside the source. */
  readonly wat: string | undefined;
  /**
   * Resolves when the kernels can run: at once, except on the wasm target where the engine
   * compiles WebAssembly only asynchronously; it rejects (E_NO_WASM) where SIMD128 is missing.
   */
  readonly ready: Promise<void>;
  /**
   * The wasm target: lays its memory out for batches (and predict/evaluate data) of up to
   * `maxBatch` examples — what a larger batch does by itself where the engine instantiates
   * synchronously (elsewhere it is E_BATCH_TOO_LARGE until this resolves). No-op on the TS target.
   */
  setup(options: { readonly maxBatch: number }): Promise<void>;
  /**
   * The wasm target: the data inputs of a step, as views of its memory for batches of up to
   * `maxBatch` examples — step, fit, predict and evaluate given `view.subarray(0, size)` copy
   * nothing (an ordinary array is copied in). A new memory (setup, or a larger batch) makes new
   * views. `{}` on the TS target, which reads the caller's arrays where they are.
   */
  inputViews(): Readonly<Record<string, Float64Array | Float32Array>>;
  readonly params: readonly { readonly name: string; readonly shape: readonly number[] }[];
  readonly parameterCount: number;
  /** The normalized inputs (`normalize(X)`) and the names and shape of their buffers μ and σ. */
  readonly normalizers: TrainerMeta['normalizers'];
  /** Floating-point operations of one training step for a batch of `m` examples. */
  flopsPerStep(m: number): number;
  init(seed: number): TrainingState;
  /**
   * One update on `data` (the whole batch given); returns the cost before the update. Examples
   * are columns unless `layout: 'rows'` (see {@link TrainingData}).
   */
  step(state: TrainingState, data: TrainingData, options?: DataOptions): number;
  predict(
    state: TrainingState,
    data: TrainingData,
    options?: DataOptions,
  ): Record<string, CompiledValue>;
  /** The (regularized) cost and its gradients; dropout uses masks drawn from `maskSeed` (or none). */
  lossAndGrad(
    state: TrainingState,
    data: TrainingData,
    options?: DataOptions & { maskSeed?: number },
  ): { loss: number; grads: Record<string, Float64Array> };
  /** gradcheck of the cost with respect to every param, dropout masks fixed from `maskSeed`. */
  gradcheck(
    state: TrainingState,
    data: InputValues,
    options?: GradcheckOptions & { maskSeed?: number },
  ): GradcheckResult;
  /**
   * Epochs of mini-batch training (shuffled with the state's RNG); returns each epoch's mean cost.
   * The options, the state and every data value are checked before the first step; an error
   * inside an epoch leaves the state as it was when that epoch began (earlier epochs stay done).
   */
  fit(state: TrainingState, data: TrainingData, options: FitOptions): FitHistory;
  /**
   * The cost on `data` with dropout off and without the L2 term: what a dev or test set is
   * judged by (fit's `dev` uses it).
   */
  evaluate(state: TrainingState, data: TrainingData, options?: DataOptions): number;
  /**
   * Train, dev and test sets (§5.1.1): `dev`/`test` examples — a count, or a fraction of them —
   * drawn with `seed` (default 1); the rest is the training set. Examples are columns unless
   * `layout: 'rows'`; the sets are flat, columns as examples.
   */
  splitData(data: TrainingData, options: SplitOptions): DataSplit;
  /**
   * Fits every `normalize(X)`'s μ and σ (the state's buffers `X_mean`, `X_std`) on `data`, the
   * training set. `fit` does this itself when the state's are not fitted yet (a fresh `init`).
   */
  fitNormalization(state: TrainingState, data: TrainingData, options?: DataOptions): void;
  /** The full state as JSON (params, optimizer slots, step, epoch, RNG), the modules' format. */
  save(state: TrainingState): string;
  /** A saved state, every entry checked (E_BAD_STATE names the one at fault). */
  load(json: string): TrainingState;
  /**
   * Time per step in each kernel of the training step since the last call (slowest first), when
   * compiled with `profile: true`; resets the counters. A module with a rotated step (a full-batch
   * fit that reads the data once per step) lists its kernels too: those of the steps not taken
   * since the last call show 0.
   */
  profile(): KernelTime[];
}

export interface KernelTime {
  /** What the kernel computes, e.g. `Z1 = b1 + W1·X  [samples/deep.ts:32]`. */
  readonly kernel: string;
  /** Milliseconds per step. */
  readonly ms: number;
}

/** Rebuilds `roots` with every dropout replaced by its activation (dropout off). */
function withoutDropout(roots: readonly Node[]): Node[] {
  const memo = new Map<Node, Node>();
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply') {
      memo.set(n, n);
      continue;
    }
    const info = dropoutInfo(n);
    if (info) {
      memo.set(n, memo.get(info.activation)!);
      continue;
    }
    const args = n.args.map((a) => memo.get(a)!);
    memo.set(
      n,
      args.every((a, i) => a === n.args[i])
        ? n
        : withCallSite(n.site, () => B.apply(n.op as never, args, n.attrs)),
    );
  }
  return roots.map((r) => memo.get(r)!);
}

/**
 * The weights among `params`: the params that reach an operand of a matmul (`dense` is one),
 * also through transpose or reshape (logistic regression's `w` enters as `wᵀ`), whatever their
 * shape. A param that is only added (a bias) is not one. The course's L2 regularizes these.
 */
export function weightsOf(roots: readonly Node[], params: readonly ParamNode[]): ParamNode[] {
  const weights = new Set<Node>();
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply' || n.op !== 'matmul') continue;
    for (let a of n.args) {
      while (a.kind === 'apply' && (a.op === 'transpose' || a.op === 'reshape')) a = a.args[0]!;
      if (a.kind === 'param') weights.add(a);
    }
  }
  return params.filter((p) => weights.has(p));
}

/** Operation count of a graph at batch size `m` (matmul 2nkm, elementwise and reductions 1 per element). */
function flops(roots: readonly Node[], m: number): number {
  const size = (s: Shape) => s.reduce<number>((p, d) => p * (typeof d === 'number' ? d : m), 1);
  let total = 0;
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply') continue;
    if (n.op === 'matmul') total += 2 * size(n.shape) * size([n.args[0]!.shape[1]!]);
    else if (['sum', 'reduceMax', 'reduceMin', 'argmax', 'argmin'].includes(n.op))
      total += size(n.args[0]!.shape);
    else if (!['reshape', 'transpose', 'broadcastTo', 'slice', 'batchSize'].includes(n.op))
      total += size(n.shape);
  }
  return total;
}

/** The training graph of a spec: what the module computes and the names it uses. */
interface TrainingGraph {
  readonly prefix: string;
  readonly params: readonly ParamNode[];
  readonly regularized: readonly ParamNode[];
  readonly l2: number;
  readonly masks: ReadonlyMap<InputNode, number>;
  /** The normalized inputs, with their buffers (μ, σ: inputs the trainer fills from its state). */
  readonly normalizers: readonly NormalizerInfo[];
  readonly dataLeaves: readonly InputNode[];
  readonly batchSymbol: string | undefined;
  readonly slots: readonly string[];
  /** The names of the step's hyperparameter inputs (see {@link hyperInputNames}). */
  readonly hyper: TrainerMeta['hyper'];
  /** The update's gradient inputs, one per param. */
  readonly gradients: readonly string[];
  /** The update's optimizer-state inputs, by state key (see {@link stateInputNames}). */
  readonly stateInputs: Readonly<Record<string, string>>;
  /** The optimizer update, on the gradients as inputs (the second kernel of a step). */
  readonly update: { readonly outputs: Record<string, Node>; readonly inputs: readonly Node[] };
  readonly predict:
    { readonly outputs: Record<string, Node>; readonly inputs: readonly Node[] } | undefined;
  readonly lossAndGrad: {
    readonly outputs: Record<string, Node>;
    readonly inputs: readonly Node[];
  };
  /** A full-batch fit's rotated step, reading X once (./pipeline.ts), where it applies. */
  readonly rotation: Rotation | undefined;
}

const MASK_SEED_OPTIONS: OptionSchema = {
  maskSeed: { type: 'number', integer: true, min: 0, max: 4294967295 },
};

/** What compileTraining and emitTraining take. */
export const TRAINING_SPEC_OPTIONS: OptionSchema = {
  loss: { ...NODE_OPTION, required: true },
  outputs: OUTPUTS_OPTION,
  optimizer: { ...OPTIMIZER_SPEC, required: true },
  l2: { type: 'number', min: 0 },
  regularize: arrayOption(
    'an array of params or param names',
    (x) => typeof x === 'string' || isNode(x),
  ),
  dtype: { type: 'oneOf', values: ['float64', 'float32'] },
  profile: { type: 'boolean' },
  guard: { type: 'boolean' },
  name: IDENTIFIER_OPTION,
  target: { type: 'oneOf', values: ['ts', 'wasm'] },
  maxBatch: { type: 'number', integer: true, min: 1 },
};
/** A training model (defineTraining) is a spec too; its other fields are defineTraining's. */
const MODEL_FIELDS: OptionSchema = {
  kind: { type: 'oneOf', values: ['training'] },
  data: { type: 'function' },
  defaults: { type: 'custom', expected: 'an object', check: () => undefined },
  accuracy: { type: 'custom', expected: 'an object', check: () => undefined },
};

/** The spec's options checked (E_BAD_OPTION names the key and the value); returns its l2. */
function checkSpec(spec: TrainingSpec, where: string): number {
  if (typeof spec !== 'object' || spec === null || isNode(spec)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: expects a training spec { loss, optimizer, … }, got ${describeOption(spec)}${at(userCallSite())}`,
    );
  }
  const model = (spec as { kind?: unknown }).kind === 'training';
  const schema = model ? { ...TRAINING_SPEC_OPTIONS, ...MODEL_FIELDS } : TRAINING_SPEC_OPTIONS;
  checkOptions(where, spec, schema);
  return spec.l2 ?? 0;
}

/** The params L2 applies to: `regularize` when given, else every matrix param. */
function regularizedParams(
  spec: TrainingSpec,
  params: readonly ParamNode[],
  where: string,
): ParamNode[] {
  if (!spec.regularize) return weightsOf([spec.loss], params);
  return spec.regularize.map((r) => {
    const name = typeof r === 'string' ? r : isNode(r) && r.kind === 'param' ? r.name : undefined;
    const p = params.find((q) => q.name === name);
    if (!p) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `${where}: regularize lists '${String(name)}', which is not a param of the loss`,
      );
    }
    return p;
  });
}

/** The cost plus the L2 penalty (λ/2m)·Σ‖W‖²_F over `regularized`. */
function withL2(
  loss: Node,
  regularized: readonly ParamNode[],
  l2: number,
  batchSymbol: string | undefined,
): Node {
  const squares = regularized.map((W) => B.sum(B.square(W))).reduce((a, b) => B.add(a, b));
  const scale = B.mul(l2 / 2, B.reciprocalCount(batchSymbol ? [batchSymbol] : []));
  return B.add(loss, B.mul(scale, squares));
}

/**
 * W's update: the optimizer's new state is attributed to the user's optimizer call (`adam(…)`),
 * W's new value to W's `param(…)` call; either falls back to `site` (the training call's).
 */
function optimizerStep(
  optimizer: OptimizerSpec,
  W: ParamNode,
  g: Node,
  state: Readonly<Record<string, Node>>,
  hyper: UpdateInputs,
  site: string | undefined,
): { W: Node; state: Record<string, Node> } {
  const optimizerSite = rememberedCallSite(optimizer) ?? site;
  const next = withCallSite(optimizerSite, () => nextState(optimizer, g, state));
  return {
    W: withCallSite(W.site ?? optimizerSite, () => nextParam(optimizer, W, g, next, hyper)),
    state: next,
  };
}

/**
 * The step's hyperparameter inputs, named after what they are (`lr`, `biasCorrection1`,
 * `biasCorrection2`) unless the model already uses the name (`taken`: its inputs, params and
 * optimizer state), then `lr_2` and so on (deterministic: the same model, the same names).
 */
function hyperInputNames(
  taken: readonly string[],
  adam: boolean,
): { lr: string; biasCorrection1: string; biasCorrection2: string; inMeta: TrainerMeta['hyper'] } {
  const namer = new Namer();
  for (const name of taken) namer.claim(name);
  const lr = namer.fresh('lr');
  const biasCorrection1 = namer.fresh('biasCorrection1');
  const biasCorrection2 = namer.fresh('biasCorrection2');
  return {
    lr,
    biasCorrection1,
    biasCorrection2,
    inMeta: adam ? { lr, biasCorrection1, biasCorrection2 } : { lr },
  };
}

/**
 * The update's optimizer-state inputs, `opt_<slot>_<param>` (`opt_v_W1`), keyed by the state's
 * own key (`v_W1`); a name the model already uses gets `_2`, … (its `_next` output likewise).
 */
function stateInputNames(
  leaves: readonly { readonly name: string }[],
  params: readonly ParamNode[],
  slots: readonly string[],
): Record<string, string> {
  const namer = new Namer();
  for (const l of leaves) namer.claim(l.name);
  const names: Record<string, string> = {};
  for (const W of params) {
    for (const slot of slots) names[`${slot}_${W.name}`] = namer.fresh(`opt_${slot}_${W.name}`);
  }
  return names;
}

/** `d<param>` for each param's gradient input, unless the model has the name (then `_2`, …). */
function gradientInputNames(
  taken: readonly string[],
  hyper: readonly (string | undefined)[],
  params: readonly ParamNode[],
): string[] {
  const namer = new Namer();
  for (const name of [...taken, ...hyper]) if (name !== undefined) namer.claim(name);
  return params.map((W) => namer.fresh(`d${W.name}`));
}

/** Loss + L2, its gradients, the optimizer update, predict with dropout off. */
function trainingGraph(spec: TrainingSpec, where: string): TrainingGraph {
  const l2 = checkSpec(spec, where);
  const prefix = spec.name ?? 'train';
  const userOutputs = spec.outputs ?? {};
  const leaves = leavesOf([spec.loss, ...Object.values(userOutputs)], where);
  const params = leaves.filter((l): l is ParamNode => l.kind === 'param');
  if (params.length === 0) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: the loss depends on no param(…): nothing to train${at(userCallSite())}`,
    );
  }
  for (const p of params) {
    if (p.shape.some((d) => typeof d !== 'number')) {
      throw new GradgenError(
        'E_SHAPE',
        `param '${p.name}' has a batch dimension: parameters must have a fixed shape${at(p.site)}`,
      );
    }
  }
  const masks = new Map<InputNode, number>();
  const normalizers = new Map<InputNode, NormalizerInfo>();
  for (const n of toposort([spec.loss, ...Object.values(userOutputs)])) {
    const info = dropoutInfo(n);
    if (info) masks.set(info.mask, info.keepProb);
  }
  for (const leaf of leaves) {
    const norm = normalizerInfo(leaf);
    if (norm) normalizers.set(norm.input, norm);
  }
  const buffers = new Set([...normalizers.values()].flatMap((n) => [n.mean, n.std]));
  const dataLeaves = leaves.filter(
    (l): l is InputNode =>
      l.kind === 'input' && !masks.has(l as InputNode) && !buffers.has(l as InputNode),
  );
  const batchSymbol = dataLeaves.flatMap((l) =>
    l.shape.filter((d): d is string => typeof d === 'string'),
  )[0];

  // ---- the regularized cost and its gradients: what gradgen adds is the user's
  // compileTraining (or defineTraining) call's
  const site = rememberedCallSite(spec) ?? userCallSite();
  const regularized = regularizedParams(spec, params, where);
  const cost =
    l2 > 0 && regularized.length > 0
      ? withCallSite(site, () => withL2(spec.loss, regularized, l2, batchSymbol))
      : spec.loss;
  const grads = withCallSite(site, () => grad(cost, params));

  // ---- the optimizer update, as graph nodes
  const slots = stateSlots(spec.optimizer);
  const stateNames = stateInputNames(leaves, params, slots);
  const stateName = (slot: string, W: ParamNode) => stateNames[`${slot}_${W.name}`]!;
  const adam = spec.optimizer.kind === 'adam';
  const taken = [...leaves.map((l) => l.name), ...Object.values(stateNames)];
  const hyperNames = hyperInputNames(taken, adam);
  const lr = B.input(hyperNames.lr);
  const c1 = B.input(hyperNames.biasCorrection1);
  const c2 = B.input(hyperNames.biasCorrection2);
  // the update reads the gradients as inputs `dW1`, … (renamed where the model has the name)
  const gradientNames = gradientInputNames(taken, Object.values(hyperNames.inMeta), params);
  const gradientInputs = params.map((W, i) => B.input(gradientNames[i]!, W.shape));
  const states = params.map((W) =>
    Object.fromEntries(slots.map((slot) => [slot, B.input(stateName(slot, W), W.shape)])),
  );
  const stateInputs = states.flatMap((state) => slots.map((slot) => state[slot]!));
  /** Param i's update from gradient g: its `_next` outputs and its optimizer state's. */
  const updateOf = (i: number, g: Node) => {
    const W = params[i]!;
    const next = optimizerStep(spec.optimizer, W, g, states[i]!, { lr, c1, c2 }, site);
    const out: Record<string, Node> = { [`${W.name}_next`]: next.W };
    for (const slot of slots) out[`${stateName(slot, W)}_next`] = next.state[slot]!;
    return out;
  };
  const updateOutputs: Record<string, Node> = {};
  params.forEach((_, i) => Object.assign(updateOutputs, updateOf(i, gradientInputs[i]!)));
  const hyper = adam ? [lr, c1, c2] : [lr];

  // a full-batch fit that reads X once per step (./pipeline.ts), for an update that reads the
  // gradient once (no optimizer state: the kernels fuse it into the pass over X)
  const first = slots.length === 0 ? firstProduct(cost, dataLeaves, params) : undefined;
  const rotation = first
    ? rotate({
        cost,
        grads,
        params,
        product: first,
        taken: [...taken, ...gradientNames, ...Object.values(hyperNames.inMeta)],
        update: updateOf,
        inputs: (product) => [
          ...dataLeaves,
          ...masks.keys(),
          ...buffers,
          product,
          ...params,
          ...stateInputs,
          ...hyper,
        ],
      })
    : undefined;

  const predictKeys = Object.keys(userOutputs);
  const predictRoots = withoutDropout(predictKeys.map((k) => userOutputs[k]!));
  const gradOutputs: Record<string, Node> = { J: cost };
  params.forEach((W, i) => (gradOutputs[`d${W.name}`] = grads[i]!));
  return {
    prefix,
    params,
    regularized: l2 > 0 ? regularized : [],
    l2,
    masks,
    normalizers: [...normalizers.values()],
    dataLeaves,
    batchSymbol,
    slots,
    hyper: hyperNames.inMeta,
    gradients: gradientNames,
    stateInputs: stateNames,
    update: {
      outputs: updateOutputs,
      inputs: [...params, ...gradientInputs, ...stateInputs, ...hyper],
    },
    predict: predictKeys.length
      ? {
          outputs: Object.fromEntries(predictKeys.map((k, i) => [k, predictRoots[i]!])),
          // every buffer, read or not: the runtime passes them all (a normalizer may be the loss's only)
          inputs: withAll(leavesOf(predictRoots, where), buffers),
        }
      : undefined,
    lossAndGrad: {
      outputs: gradOutputs,
      inputs: [...dataLeaves, ...masks.keys(), ...buffers, ...params],
    },
    rotation,
  };
}

/** The metadata the module's runtime is driven by (its `<prefix>Meta`). */
function trainerMeta(g: TrainingGraph, spec: TrainingSpec): TrainerMeta {
  const step = [
    ...Object.values(optimize(g.lossAndGrad.outputs).outputs),
    ...Object.values(optimize(g.update.outputs).outputs),
  ];
  const perExample = (m: number) => flops(step, m);
  const fixed = perExample(0);
  const params = g.params.map((p) => ({ name: p.name, shape: p.shape.map(Number), init: p.init }));
  const batched = (shape: Shape) => g.batchSymbol !== undefined && shape.includes(g.batchSymbol);
  return {
    name: g.prefix,
    dtype: spec.dtype ?? 'float64',
    params,
    parameterCount: params.reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0),
    optimizer: JSON.parse(JSON.stringify(spec.optimizer)) as OptimizerSpec,
    slots: g.slots,
    hyper: g.hyper,
    gradients: g.gradients,
    stateInputs: g.stateInputs,
    l2: g.l2,
    regularized: g.regularized.map((p) => p.name),
    data: withClasses(
      g.dataLeaves.map((l) => dataLayout(l, g.batchSymbol)),
      [g.lossAndGrad.outputs.J!, ...(g.predict ? Object.values(g.predict.outputs) : [])],
    ),
    predictInputs: (g.predict?.inputs ?? []).flatMap((l) =>
      l.kind === 'input' && !isBuffer(g, l) ? [(l as InputNode).name] : [],
    ),
    normalizers: g.normalizers.map((n) => ({
      input: n.input.name,
      mean: n.mean.name,
      std: n.std.name,
      shape: n.mean.shape.map(Number),
    })),
    masks: [...g.masks].map(([mask, keepProb]) => ({
      name: mask.name,
      keepProb,
      fixed: fixedSize(mask.shape),
      batched: batched(mask.shape),
    })),
    flopsPerStep: { fixed, perExample: perExample(1) - fixed },
    ...(g.rotation
      ? {
          rotation: {
            input: g.rotation.input,
            output: g.rotation.output,
            data: g.rotation.data,
            param: g.rotation.param,
          },
        }
      : {}),
  };
}

/** `leaves` and then those of `more` not among them. */
function withAll(leaves: readonly Node[], more: Iterable<Node>): Node[] {
  return [...leaves, ...[...more].filter((n) => !leaves.includes(n))];
}

function isBuffer(g: TrainingGraph, leaf: Node): boolean {
  return g.normalizers.some((n) => n.mean === leaf || n.std === leaf);
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The state inputs renamed because the model uses their names (`opt_v_W → opt_v_W_2`). */
function renamedState(meta: TrainerMeta): string[] {
  const renamed = Object.entries(meta.stateInputs).filter(([key, name]) => name !== `opt_${key}`);
  if (renamed.length === 0) return [];
  const list = renamed.map(([key, name]) => `opt_${key} → ${name}`).join(', ');
  return [`Renamed, as the model uses these names: ${list}.`];
}

/** What the rotated step is, for the header. */
function rotationDoc(
  meta: TrainerMeta,
  names: { readonly first: string; readonly rotated: string },
  guard: boolean,
): string[] {
  if (!meta.rotation) return [];
  const { input, output, data } = meta.rotation;
  return [
    `A full-batch fit's epochs: ${names.first} computes the first layer's product ${input}, then`,
    `each ${names.rotated} is a step at ${input} that ends with the next step's, ${output}, from`,
    guard
      ? `the updated params (in guard mode its kernels run apart, each checked).`
      : `the updated params, in the same pass over the rows of ${data} as the gradient.`,
  ];
}

/** The normalizers' buffers and what they do, for the header. */
function normalizerDoc(meta: TrainerMeta): string[] {
  if (meta.normalizers.length === 0) return [];
  const list = meta.normalizers
    .map((n) => `${n.mean}, ${n.std} (${n.shape.join(', ')})`)
    .join('; ');
  const forms = meta.normalizers.map((n) => `(${n.input} − ${n.mean})/${n.std}`).join(', ');
  const raw = meta.normalizers.map((n) => n.input).join(', ');
  return [
    `Buffers (not trained; μ and σ fitted on the training data by fit, saved with the state): ${list}.`,
    `The kernels normalize ${forms}, so predict takes raw ${raw}.`,
  ];
}

/** What the trainer sets in the step's hyperparameter inputs and optimizer state, for the header. */
function hyperparameterDoc(meta: TrainerMeta, step: string): string[] {
  const { lr, biasCorrection1: c1, biasCorrection2: c2 } = meta.hyper;
  const state: Record<string, string> = {
    v: 'the velocity v',
    s: 'the running mean square s of the gradient',
    m: 'the moment estimates m and v',
  };
  const slots = meta.slots.map((slot) => `opt_${slot}_<param>`).join(', ');
  return [
    `Hyperparameter inputs of ${step}, set by the trainer at every step: ${lr} = the learning rate after decay (α)${c1 && c2 ? `; ${c1} = 1/(1 − β₁ᵗ), ${c2} = 1/(1 − β₂ᵗ): Adam's bias corrections at step t` : ''}.`,
    ...(meta.slots.length
      ? [
          `Optimizer state: ${slots} (${state[meta.slots[0]!]}), updated into ${meta.slots.map((slot) => `opt_${slot}_<param>_next`).join(', ')}.`,
          ...renamedState(meta),
        ]
      : []),
  ];
}

/** The training module: kernels, `<prefix>Meta`, the runtime and `create<Prefix>Trainer`. */
function emitTrainingModule(
  g: TrainingGraph,
  spec: TrainingSpec,
  meta: TrainerMeta,
  where: string,
) {
  const names = {
    update: `${g.prefix}Update`,
    predict: `${g.prefix}Predict`,
    lossAndGrad: `${g.prefix}LossAndGrad`,
    meta: `${g.prefix}Meta`,
    core: `${g.prefix}Training`,
    factory: `create${pascal(g.prefix)}Trainer`,
    first: `${g.prefix}FirstProduct`,
    rotated: `${g.prefix}RotatedStep`,
  };
  // a step is lossAndGrad then update: each kernel once in the module (predict has its own
  // forward pass: without dropout and without the loss, it is another graph)
  const specs = [
    { name: names.lossAndGrad, ...g.lossAndGrad },
    { name: names.update, ...g.update },
    ...(g.predict ? [{ name: names.predict, ...g.predict }] : []),
    ...(g.rotation
      ? [
          { name: names.first, ...g.rotation.first },
          { name: names.rotated, ...g.rotation.step },
        ]
      : []),
  ];
  const constants: ModuleConstant[] = [
    {
      name: names.meta,
      doc: [
        'The model: parameters (shape, initialization), optimizer and its hyperparameters, L2,',
        'data inputs, dropout masks, and the cost of one step (FLOPs = fixed + perExample·m).',
      ],
      value: meta,
      type: 'TrainerMeta',
    },
  ];
  const paramList = meta.params.map((p) => `${p.name} (${p.shape.join(', ')})`).join(', ');
  return emitFunctions(
    specs,
    {
      ...(spec.dtype ? { dtype: spec.dtype } : {}),
      ...(spec.profile ? { profile: true } : {}),
      ...(spec.guard ? { guard: true } : {}),
      ...(spec.target ? { target: spec.target } : {}),
      ...(spec.maxBatch ? { maxBatch: spec.maxBatch } : {}),
      header: [
        `Training module: a step is ${names.lossAndGrad} (forward + backward${g.l2 > 0 ? ` + L2, λ = ${g.l2}, on ${g.regularized.map((p) => p.name).join(', ') || 'no param'}` : ''}) then`,
        `${names.update} (the ${spec.optimizer.kind} update)${g.predict ? `; ${names.predict} (dropout off)` : ''}. Parameters: ${paramList}.`,
        `${names.factory}({ seed }) is the whole trainer: init, step, fit, predict, save/load.`,
        ...rotationDoc(meta, names, spec.guard === true),
        ...normalizerDoc(meta),
        ...hyperparameterDoc(meta, names.update),
      ],
      constants,
      trainer: {
        core: names.core,
        factory: names.factory,
        meta: names.meta,
        update: names.update,
        predict: g.predict ? names.predict : undefined,
        lossAndGrad: names.lossAndGrad,
        stateInputs: [...meta.params.map((p) => p.name), ...Object.values(meta.stateInputs)],
        ...(g.rotation ? { rotated: { first: names.first, step: names.rotated } } : {}),
      },
    },
    where,
  );
}

/** The module's input views of the data inputs only (not those of params or gradients). */
function dataViews(all: Trainer['inputViews'], meta: TrainerMeta): Trainer['inputViews'] {
  return () => {
    const views = all();
    const out: Record<string, Float64Array | Float32Array> = {};
    for (const d of meta.data) if (views[d.name]) out[d.name] = views[d.name]!;
    return out;
  };
}

export function compileTraining(spec: TrainingSpec): Trainer {
  const where = 'compileTraining';
  const g = trainingGraph(spec, where);
  const meta = trainerMeta(g, spec);
  const { source, javascript, functions, wasm } = emitTrainingModule(g, spec, meta, where);
  const mod = loadModule(javascript);
  const core = mod[`${g.prefix}Training`] as TrainerCore;
  const gradFn = mod[functions[0]!.functionName] as (i: unknown) => Record<string, CompiledValue>;
  // the loss's kinks (relu, max, …) for gradcheck, compiled at its first call
  let kinks: ((x: InputValues) => Float64Array) | undefined | null = null;
  const kinksOf = () =>
    kinks === null ? (kinks = kinkProbe(g.lossAndGrad.outputs.J!, g.lossAndGrad.inputs)) : kinks;
  // the loss's JVP and HVP, for gradcheck's adjoint and hvp modes (compiled at their first use)
  const forward = forwardDerivatives(g.lossAndGrad.outputs.J!, g.lossAndGrad.inputs, g.params);
  // a step's kernels: lossAndGrad's and update's, or a full-batch fit's rotated step's
  const stepFunctions = [0, 1, ...(g.rotation ? [functions.length - 1] : [])];
  const stepProfiles = stepFunctions.flatMap((i) => {
    const name = functions[i]!.profileName;
    return name ? [mod[name] as KernelProfile] : [];
  });
  return {
    source,
    target: wasm ? 'wasm' : 'ts',
    wat: wasm?.wat,
    ready: wasm ? (mod[wasm.ready] as Promise<void>) : Promise.resolve(),
    setup: wasm ? (mod[wasm.setup] as Trainer['setup']) : () => Promise.resolve(),
    inputViews: wasm ? dataViews(mod[wasm.inputViews] as Trainer['inputViews'], meta) : () => ({}),
    params: meta.params.map((p) => ({ name: p.name, shape: p.shape })),
    parameterCount: meta.parameterCount,
    normalizers: meta.normalizers,
    flopsPerStep: (m) => meta.flopsPerStep.fixed + meta.flopsPerStep.perExample * m,
    // each call in its own try (no closure per call: step runs in hot loops)
    init(seed) {
      try {
        return core.init(seed);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    step(state, data, options) {
      try {
        return core.step(state, data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    predict(state, data, options) {
      try {
        return core.predict(state, data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    lossAndGrad(state, data, options) {
      try {
        return core.lossAndGrad(state, data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    fit(state, data, options) {
      try {
        return core.fit(state, data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    evaluate(state, data, options) {
      try {
        return core.evaluate(state, data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    splitData(data, options) {
      try {
        return core.splitData(data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    fitNormalization(state, data, options) {
      try {
        core.fitNormalization(state, data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    save(state) {
      try {
        return core.save(state);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    load(json) {
      try {
        return core.load(json);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    gradcheck(state, data, options = {}) {
      try {
        return checkGradients(core, gradFn, { kinks: kinksOf(), forward }, state, data, options);
      } catch (e) {
        throw withUserSite(e);
      }
    },
    profile: () => kernelTimes(stepProfiles),
  };
}

const SITE_AT_END = /\([^()\s]*:\d+\)$/;
/**
 * An error from one of the trainer's functions, with the user's call site appended when it has
 * none: the runtime runs in the module and cannot know the user's code (the library's own errors
 * have their site).
 */
function withUserSite(e: unknown): unknown {
  if (e instanceof GradgenError && !SITE_AT_END.test(e.message)) e.message += at(userCallSite());
  return e;
}

/** gradcheck of the cost with respect to every param, at the state, dropout masks fixed. */
function checkGradients(
  core: TrainerCore,
  gradFn: (i: unknown) => Record<string, CompiledValue>,
  probes: {
    readonly kinks: ((x: InputValues) => Float64Array) | undefined;
    readonly forward: ForwardDerivatives;
  },
  state: TrainingState,
  data: InputValues,
  options: GradcheckOptions & { maskSeed?: number },
): GradcheckResult {
  // maskSeed is the trainer's; the rest are gradcheck's own (it checks them)
  const { maskSeed, ...rest } = (options ?? {}) as GradcheckOptions & { maskSeed?: number };
  checkOptions('gradcheck', { maskSeed }, MASK_SEED_OPTIONS);
  const at: Record<string, InputValue> = { ...data, ...core.masksFor(data, maskSeed ?? 1) };
  for (const p of core.meta.params) at[p.name] = Float64Array.from(state.params[p.name]!);
  // the normalizers' μ and σ are inputs at their values, not checked (they are not params)
  for (const n of core.meta.normalizers) {
    at[n.mean] = Float64Array.from(state.buffers[n.mean]!);
    at[n.std] = Float64Array.from(state.buffers[n.std]!);
  }
  const names = core.meta.params.map((p) => p.name);
  return gradcheck(
    {
      cost: (x) => gradFn(x).J as number,
      grad: (x) => {
        const out = gradFn(x);
        return Object.fromEntries(names.map((n) => [n, out[`d${n}`] as Float64Array]));
      },
      dtype: core.meta.dtype,
      jvp: probes.forward.jvp,
      hvp: probes.forward.hvp,
      ...(probes.kinks ? { kinks: probes.kinks } : {}),
    },
    at,
    { wrt: names, ...rest },
  );
}

/** A generated function's kernel timer (emitted with `profile: true`). */
interface KernelProfile {
  kernels: string[];
  ms: Float64Array;
  calls: number;
}

/** ms per step in each kernel since the last call, slowest first; resets the counters. */
function kernelTimes(profiles: readonly KernelProfile[]): KernelTime[] {
  if (profiles.length === 0) {
    throw new GradgenError(
      'E_BAD_OPTION',
      'profile: compile the trainer with profile: true to time its kernels',
    );
  }
  const times = profiles.flatMap((profile) => {
    const calls = Math.max(1, profile.calls);
    const t = profile.kernels.map((kernel, i) => ({ kernel, ms: profile.ms[i]! / calls }));
    profile.ms.fill(0);
    profile.calls = 0;
    return t;
  });
  return times.sort((a, b) => b.ms - a.ms);
}

/**
 * Shuffled mini-batches over the batch axis (the last axis: examples are columns), with a last
 * partial batch when the size does not divide m (the runtime's, for inputs given as nodes).
 */
export function miniBatches(
  data: InputValues,
  leaves: readonly { readonly name: string; readonly shape: Shape }[],
  symbol: string | undefined,
  m: number,
  batchSize: number,
  rng: Rng,
): Generator<InputValues> {
  const meta = { data: leaves.map((l) => dataLayout(l, symbol)) };
  return runtimeMiniBatches(meta, data, m, batchSize, rng) as Generator<InputValues>;
}

/** The training module's TypeScript text, for writing to disk (what `compileTraining(spec).source` holds). */
export function emitTraining(spec: TrainingSpec): string {
  const where = 'emitTraining';
  const g = trainingGraph(spec, where);
  return emitTrainingModule(g, spec, trainerMeta(g, spec), where).source;
}

/**
 * How the runtime slices a data input: its elements per example, whether it has the batch axis,
 * and the elements after that axis (1 when it is last, as for X of shape (n, m)).
 */
function dataLayout(
  leaf: { readonly name: string; readonly shape: Shape },
  symbol: string | undefined,
): DataLayout {
  const axis = symbol === undefined ? -1 : leaf.shape.indexOf(symbol);
  return {
    name: leaf.name,
    fixed: fixedSize(leaf.shape),
    batched: axis >= 0,
    inner: axis >= 0 ? fixedSize(leaf.shape.slice(axis + 1)) : 1,
  };
}

/** `layouts` with the class count of each data input that `oneHot` reads as labels in `roots`. */
function withClasses(layouts: readonly DataLayout[], roots: readonly Node[]): DataLayout[] {
  const classes = new Map<string, number>();
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply' || n.op !== 'oneHot' || n.args[0]?.kind !== 'input') continue;
    const labels = n.args[0];
    const c = n.attrs.classes as number;
    classes.set(labels.name, Math.min(c, classes.get(labels.name) ?? c));
  }
  return layouts.map((d) => {
    const c = classes.get(d.name);
    return c === undefined ? d : { ...d, classes: c };
  });
}

/** Elements of `shape` per unit of the batch dimension (its literal dimensions multiplied). */
function fixedSize(shape: Shape): number {
  return shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
}
