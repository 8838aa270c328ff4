/**
 * The training runtime: what turns a module's kernels (a fused training step, predict, loss and
 * gradient) into a trainer — seeded initialization, dropout masks, learning-rate decay, Adam's
 * bias corrections, shuffled mini-batches, checks that name the user's data, divergence, and the
 * full state saved and loaded in one versioned format. It is emitted, as it is, into every
 * training module (which therefore imports nothing), and the library's compileTraining runs the
 * copy in the module it compiled: one runtime, not two.
 */
import { GradgenInputError } from './error.js';
import { featureStats, type FeatureLayout } from './normalize.js';
import { optionProblem, type OptionSchema } from './options.js';
import { initialValues, learningRateAt, Rng, type OptimizerSpec, type ParamInit } from './rng.js';

/** What a training module knows about its model; the runtime is driven by it. */
export interface TrainerMeta {
  /** The model's name (the prefix of the module's functions). */
  readonly name: string;
  readonly dtype: 'float64' | 'float32';
  readonly params: readonly {
    readonly name: string;
    readonly shape: readonly number[];
    readonly init: ParamInit;
  }[];
  readonly parameterCount: number;
  readonly optimizer: OptimizerSpec;
  /** Optimizer state per param (`v`, `s`, `m`), each of the param's shape. */
  readonly slots: readonly string[];
  /**
   * The step's hyperparameter inputs, by what they are: the learning rate after decay, and
   * Adam's bias corrections 1/(1 − β₁ᵗ) and 1/(1 − β₂ᵗ) at step t.
   */
  /** The update's gradient inputs, one per param (in `params` order). */
  readonly gradients: readonly string[];
  /**
   * The update's optimizer-state inputs by state key (`v_W1` → `opt_v_W1`; renamed where the
   * model uses the name); each is updated into the output `<input>_next`.
   */
  readonly stateInputs: Readonly<Record<string, string>>;
  readonly hyper: {
    readonly lr: string;
    readonly biasCorrection1?: string;
    readonly biasCorrection2?: string;
  };
  /** λ of the L2 penalty (λ/2m)·Σ‖W‖²_F, and the params it applies to. */
  readonly l2: number;
  readonly regularized: readonly string[];
  /**
   * The data inputs of a step, with the size of one example (or the whole input, unbatched) and,
   * for a batched input, the elements after its batch axis (1 when examples are columns: the
   * batch axis is last; 3 for an input of shape (m, 3)).
   */
  readonly data: readonly DataLayout[];
  /** The data inputs predict reads. */
  readonly predictInputs: readonly string[];
  /**
   * The normalized data inputs (`normalize(X)` in the model): the kernels read (X − mean)/std,
   * with `mean` and `std` buffers of the state (shape `shape`: X's with the batch axis 1),
   * fitted on the training data and never trained.
   */
  readonly normalizers: readonly Normalizer[];
  /** Inverted-dropout masks: inputs of the step drawn from the state's RNG at every step. */
  readonly masks: readonly {
    readonly name: string;
    readonly keepProb: number;
    readonly fixed: number;
    readonly batched: boolean;
  }[];
  /** Floating-point operations of one step: fixed + perExample·m. */
  readonly flopsPerStep: { readonly fixed: number; readonly perExample: number };
  /**
   * A full-batch fit's rotated step (TrainerKernels.rotated): the first layer's product of the
   * data, its input name and its output (the next step's product) name.
   */
  readonly rotation?: {
    readonly input: string;
    readonly output: string;
    /** The product's operands: the data input X and the param W (P = W·X or Wᵀ·X). */
    readonly data: string;
    readonly param: string;
  };
}

/** A normalized data input and the names of its buffers (`X_mean`, `X_std`). */
export interface Normalizer {
  readonly input: string;
  readonly mean: string;
  readonly std: string;
  readonly shape: readonly number[];
}

/** A data input of the model, as the runtime slices it into mini-batches. */
export interface DataLayout {
  readonly name: string;
  readonly fixed: number;
  readonly batched: boolean;
  readonly inner: number;
  /** Class labels (read by `oneHot`): every value is an integer in [0, classes). */
  readonly classes?: number;
}

/**
 * What the data helpers need to know of a model: its name (for messages; '' outside a model),
 * its data inputs' layouts and its params (which data must not contain).
 */
export interface DataMeta {
  readonly name: string;
  readonly data: readonly DataLayout[];
  readonly params: readonly { readonly name: string }[];
  /** The normalized inputs, whose buffers are not data either. */
  readonly normalizers?: readonly Normalizer[];
}

/** `fn` as messages name it: `planar: fit` in a model, `splitData` outside one. */
function callName(meta: DataMeta, fn: string): string {
  return meta.name ? `${meta.name}: ${fn}` : fn;
}

/** Row-major numbers: a typed array or a plain array. */
export type Values = Float64Array | Float32Array | readonly number[];
/**
 * Named data inputs: a number for a scalar input; for a tensor, row-major values or a nested
 * array of rows. Examples are columns — X is (features, m) — unless `layout: 'rows'` says each
 * example is a row, (m, features), as in TF.js and PyTorch; such data is converted once.
 */
export type Data = Readonly<Record<string, number | Values | readonly (readonly number[])[]>>;
/** Data as the kernels take it: flat, examples as columns. */
type FlatData = Readonly<Record<string, number | Values>>;

/** How a tensor's examples are laid out: as columns (the default) or as rows. */
export interface DataOptions {
  readonly layout?: 'columns' | 'rows';
}

/** A compiled function of the module (its own input type; the runtime passes the right keys). */
type Kernel = (inputs: never, options?: { readonly checkValues?: boolean }) => unknown;

/**
 * The module's compiled functions. A step is two kernels: the (regularized) cost and its
 * gradients, then the optimizer update on them — each kernel emitted once in the module.
 */
export interface TrainerKernels {
  readonly lossAndGrad: Kernel;
  readonly update: Kernel;
  readonly predict: Kernel | undefined;
  /**
   * A wasm-target module's private copies of its inputs in the memory (as long as `maxBatch`
   * examples): fit gathers each mini-batch straight into them, so the kernels read it where it is.
   */
  readonly batchAreas?: () => Readonly<Record<string, Float64Array | Float32Array>>;
  /**
   * A wasm-target module's areas in the memory for the state's params and optimizer slots (those
   * a kernel reads), by input; a new memory makes a new object. See {@link residentState}.
   */
  readonly stateAreas?: () => Readonly<Record<string, Float64Array | Float32Array>>;
  /**
   * A full-batch fit's steps with the data read once per step (src/train/pipeline.ts): `first`
   * computes the first layer's product of the data, `step` is lossAndGrad then update at that
   * product, ending with the next step's (see TrainerMeta.rotation).
   */
  readonly rotated?: { readonly first: Kernel; readonly step: Kernel };
}

export interface TrainingState {
  /** Parameter values, row-major, by name: read and write them freely. */
  readonly params: Record<string, Float64Array>;
  /** Optimizer state by `<slot>_<param>` (`v_W1`, `m_W1`, …). */
  readonly opt: Record<string, Float64Array>;
  /**
   * Non-trainable model state (as PyTorch's buffers): each normalized input's μ and σ
   * (`X_mean`, `X_std`), fitted on the training data by `fit` (or `fitNormalization`); NaN until
   * then. No optimizer or L2 touches them; save/load carry them.
   */
  readonly buffers: Record<string, Float64Array>;
  /** Updates done so far (Adam's t). */
  step: number;
  /** Epochs completed (for learning-rate decay). */
  epoch: number;
  /** Draws dropout masks and shuffles mini-batches. */
  readonly rng: Rng;
}

export interface FitOptions {
  readonly epochs: number;
  /** Examples per mini-batch (default: the whole set); the last batch may be smaller. */
  readonly batchSize?: number;
  /**
   * fit stops with E_DIVERGED when an epoch's cost exceeds this factor times the first epoch's
   * (default 1e3), leaving the state of the last epoch whose cost was within it.
   */
  readonly divergenceFactor?: number;
  /**
   * Called after each epoch with its mean cost (and the dev cost, with `dev` data); returning
   * `false` stops the fit there.
   */
  readonly onEpoch?: (epoch: number, cost: number, devCost?: number) => boolean | void;
  /**
   * Dev data (§5.1.1), the same inputs as the training data: its cost — dropout off, without
   * the L2 term — is evaluated after every epoch (the history's `dev`).
   */
  readonly dev?: Data;
  /** Early stopping (§5.4.5): stop after this many epochs whose dev cost did not improve. */
  readonly patience?: number;
  /** An improvement is a dev cost below the best so far by more than this (default 0). */
  readonly minDelta?: number;
  /**
   * At the end, go back to the whole state (params, optimizer slots, counters, RNG) after the
   * epoch with the best dev cost (default: true when `patience` is given).
   */
  readonly restoreBest?: boolean;
  /** Called after each mini-batch (for progress within an epoch). */
  readonly onBatch?: (progress: BatchProgress) => void;
  /** Examples as columns (default) or rows (see {@link Data}). */
  readonly layout?: 'columns' | 'rows';
}

/** What fit returns: each epoch's mean training cost, with the dev costs and the best epoch. */
export interface FitHistory extends Array<number> {
  /** The dev cost after each epoch (with `dev` data). */
  readonly dev?: readonly number[];
  /** The epoch of this fit (counted from 1) with the lowest dev cost, and that cost. */
  readonly best?: { readonly epoch: number; readonly cost: number };
  /** Why fit ended before its `epochs`: `patience` ran out, or `onEpoch` returned false. */
  readonly stopped?: 'patience' | 'onEpoch';
}

/** Where a fit is, after a mini-batch. */
export interface BatchProgress {
  /** The epoch under way, counted from 1 (the state's epoch + 1). */
  readonly epoch: number;
  /** Mini-batches done in this epoch, and how many it has. */
  readonly batch: number;
  readonly batches: number;
  /** Examples done in this epoch, and the batch's cost. */
  readonly examples: number;
  readonly cost: number;
}

/** The trainer over explicit states: what `compileTraining` returns, less the compiler's extras. */
export interface TrainerCore {
  readonly meta: TrainerMeta;
  init(seed: number): TrainingState;
  /** One update on `data` (the whole batch given); returns the cost before the update. */
  step(state: TrainingState, data: Data, options?: DataOptions): number;
  /** The outputs with dropout off; copies, yours to keep. */
  predict(
    state: TrainingState,
    data: Data,
    options?: DataOptions,
  ): Record<string, number | Float64Array | Float32Array>;
  /** The (regularized) cost and its gradients; dropout uses masks drawn from `maskSeed` (or none). */
  lossAndGrad(
    state: TrainingState,
    data: Data,
    options?: DataOptions & { readonly maskSeed?: number },
  ): { loss: number; grads: Record<string, Float64Array> };
  /** Epochs of mini-batch training (shuffled with the state's RNG); returns each epoch's mean cost. */
  fit(state: TrainingState, data: Data, options: FitOptions): FitHistory;
  /** The cost with dropout off and without the L2 term (what a dev or test set is judged by). */
  evaluate(state: TrainingState, data: Data, options?: DataOptions): number;
  /**
   * Train, dev and test sets: `dev`/`test` examples (a count, or a fraction of them) drawn with
   * `seed` (default 1); the rest is the training set.
   */
  splitData(data: Data, options: SplitOptions): DataSplit;
  /**
   * Fits every normalizer's μ and σ (the state's buffers) on `data`, the training set: what
   * `fit` does when the state's are not fitted yet.
   */
  fitNormalization(state: TrainingState, data: Data, options?: DataOptions): void;
  /** The full state as JSON: params, optimizer slots, step, epoch and the RNG's state. */
  save(state: TrainingState): string;
  /** A state from {@link save}'s JSON (or a version-1 parameter file), checked entry by entry. */
  load(json: string): TrainingState;
  /** Fixed dropout masks for a gradient check, as inputs (none without dropout). */
  masksFor(data: Data, maskSeed: number): Record<string, Float64Array>;
}

/** The format {@link TrainerCore.save} writes. */
export const STATE_FORMAT = 'gradgen-state';
export const STATE_VERSION = 2;

const UNCHECKED = { checkValues: false } as const;

// ---- the options of the trainer's functions (checked before anything runs)
const SEED_OPTION = { type: 'number', integer: true, min: 0, max: 4294967295 } as const;
const LAYOUT_OPTION = { type: 'oneOf', values: ['columns', 'rows'] } as const;
const DATA_OPTIONS: OptionSchema = { layout: LAYOUT_OPTION };
const LOSS_AND_GRAD_OPTIONS: OptionSchema = { layout: LAYOUT_OPTION, maskSeed: SEED_OPTION };
const FIT_OPTIONS: OptionSchema = {
  epochs: { type: 'number', integer: true, min: 1, max: 1e9, required: true },
  batchSize: { type: 'number', integer: true, min: 1 },
  divergenceFactor: { type: 'number', above: 1, infinite: true },
  onEpoch: { type: 'function' },
  onBatch: { type: 'function' },
  layout: LAYOUT_OPTION,
  dev: { type: 'custom', expected: 'data (an object of inputs)', check: isDataObject },
  patience: { type: 'number', integer: true, min: 1 },
  minDelta: { type: 'number', min: 0 },
  restoreBest: { type: 'boolean' },
};
const SPLIT_SIZE = {
  type: 'custom',
  expected: 'a count of examples (an integer ≥ 0) or a fraction in (0, 1)',
  check: (v: unknown) =>
    typeof v === 'number' && v >= 0 && (v < 1 || Number.isInteger(v)) ? undefined : '',
} as const;
export const SPLIT_OPTIONS: OptionSchema = {
  dev: SPLIT_SIZE,
  test: SPLIT_SIZE,
  seed: SEED_OPTION,
  layout: LAYOUT_OPTION,
};

function isDataObject(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : '';
}
const TRAINER_OPTIONS: OptionSchema = { seed: SEED_OPTION };

/** E_BAD_OPTION naming the call, the key and the value when `options` do not fit `schema`. */
function checkTrainerOptions(where: string, options: unknown, schema: OptionSchema): void {
  const problem = optionProblem(where, options, schema);
  if (problem !== undefined) throw new GradgenInputError('E_BAD_OPTION', problem);
}

/** The trainer of a module's kernels (see {@link TrainerMeta}). */
export function createTrainerCore(meta: TrainerMeta, kernels: TrainerKernels): TrainerCore {
  const sizes = new Map(meta.params.map((p) => [p.name, p.shape.reduce((a, b) => a * b, 1)]));
  const slotList = stateSlots(meta);
  const stateValue = (state: TrainingState, i: number) => valueOf(slotList[i]!, state);
  const resident = residentState(meta, slotList, kernels);
  // a float32 module reads float32 arrays: the state is copied into these (no allocation per step)
  const mirrors = slotList.map(() => new Float32Array(0));
  const asDtype = (i: number, value: Float64Array): Float64Array | Float32Array => {
    if (meta.dtype !== 'float32') return value;
    // its area in the memory, where the kernels read it in place, else an array of its own
    let mirror = resident.area(i);
    if (mirror === undefined) {
      if (mirrors[i]!.length !== value.length) mirrors[i] = new Float32Array(value.length);
      mirror = mirrors[i]!;
    }
    mirror.set(value);
    return mirror;
  };
  const maskBuffers = meta.masks.map(() => new Float64Array(0));
  const drawMasks = (rng: Rng, m: number, into: Record<string, unknown>) => {
    for (let k = 0; k < meta.masks.length; k++) {
      const mask = meta.masks[k]!;
      const size = mask.batched ? mask.fixed * m : mask.fixed;
      if (maskBuffers[k]!.length !== size) maskBuffers[k] = new Float64Array(size);
      const buf = maskBuffers[k]!;
      for (let i = 0; i < size; i++) buf[i] = rng.uniform() < mask.keepProb ? 1 : 0;
      into[mask.name] = buf;
    }
  };
  // the inputs of the two kernels of a step — loss and gradients, then the update — with every
  // key in its place from the start, so each object keeps one shape
  const gradInputs: Record<string, unknown> = {};
  for (const d of meta.data) gradInputs[d.name] = undefined;
  for (const mask of meta.masks) gradInputs[mask.name] = undefined;
  for (const p of meta.params) gradInputs[p.name] = undefined;
  for (const n of meta.normalizers) gradInputs[n.mean] = gradInputs[n.std] = undefined;
  const updateInputs: Record<string, unknown> = {};
  for (const s of slotList) updateInputs[s.key] = undefined;
  for (const g of meta.gradients) updateInputs[g] = undefined;
  const gradientKeys = meta.params.map((p) => `d${p.name}`); // lossAndGrad's outputs
  const { lr, biasCorrection1: c1, biasCorrection2: c2 } = meta.hyper;
  updateInputs[lr] = 0;
  if (c1 !== undefined && c2 !== undefined) updateInputs[c1] = updateInputs[c2] = 0;

  /** A step's inputs (the update's: `updateInputs`) from the state and the checked data. */
  const stepInputs = (
    state: TrainingState,
    data: FlatData,
    m: number,
    inputs: Record<string, unknown>,
  ) => {
    withBuffers(state, 'step', inputs);
    for (let i = 0; i < meta.data.length; i++)
      inputs[meta.data[i]!.name] = data[meta.data[i]!.name];
    drawMasks(state.rng, m, inputs);
    for (let i = 0; i < slotList.length; i++) {
      const value = asDtype(i, stateValue(state, i));
      updateInputs[slotList[i]!.key] = value;
      if (!slotList[i]!.inOpt) inputs[slotList[i]!.key] = value;
    }
    const t = state.step + 1;
    updateInputs[lr] = learningRateAt(meta.optimizer, state.epoch);
    if (c1 !== undefined && c2 !== undefined) {
      updateInputs[c1] = 1 / (1 - meta.optimizer.beta1! ** t);
      updateInputs[c2] = 1 / (1 - meta.optimizer.beta2! ** t);
    }
  };
  /** The state after a step whose update gave `out` at cost J (checked finite first). */
  const stepDone = (
    state: TrainingState,
    data: FlatData,
    out: Record<string, ArrayLike<number> | number>,
    J: number,
  ) => {
    for (let i = 0; i < slotList.length; i++) {
      const bad = firstNonFinite(out[slotList[i]!.next] as ArrayLike<number>);
      if (bad >= 0 || !Number.isFinite(J))
        explainFailedStep(meta, slotList, state, data, slotList[i]!.key, bad, J);
    }
    for (let i = 0; i < slotList.length; i++)
      stateValue(state, i).set(out[slotList[i]!.next] as ArrayLike<number>);
    state.step++;
    return J;
  };
  /**
   * A full-batch fit's steps on one data set with the data read once per step, where the module
   * has the rotated step: `begin` computes the first layer's product, each `step` is `core.step`
   * at it (the same results) and leaves the next step's. Valid only while nothing but these steps
   * changes the params (fit's `alone`).
   */
  const rotated = ((): RotatedSteps | undefined => {
    const r = kernels.rotated;
    const names = meta.rotation;
    if (r === undefined || names === undefined) return undefined;
    // lossAndGrad's inputs, the update's state and hyperparameters, and the product
    const inputs: Record<string, unknown> = { ...gradInputs, [names.input]: undefined };
    const fromUpdate = [...slotList.filter((sl) => sl.inOpt).map((sl) => sl.key), lr];
    if (c1 !== undefined && c2 !== undefined) fromUpdate.push(c1, c2);
    let product: Float64Array | Float32Array = new Float64Array(0);
    const keep = (p: ArrayLike<number>) => {
      if (product.length !== p.length || product.constructor !== p.constructor)
        product = (p as Float64Array).slice();
      else product.set(p);
    };
    return {
      begin(state: TrainingState, data: FlatData) {
        const i = slotList.findIndex((sl) => sl.key === names.param);
        const first = {
          [names.data]: data[names.data],
          [names.param]: asDtype(i, stateValue(state, i)),
        };
        const out = r.first(first as never, UNCHECKED) as Record<string, ArrayLike<number>>;
        keep(out[names.input]!);
      },
      step(state: TrainingState, data: FlatData, m: number): number {
        stepInputs(state, data, m, inputs);
        for (const key of fromUpdate) inputs[key] = updateInputs[key];
        inputs[names.input] = product;
        const out = r.step(inputs as never, UNCHECKED) as Record<
          string,
          ArrayLike<number> | number
        >;
        const J = stepDone(state, data, out, out['J'] as number);
        keep(out[names.output] as ArrayLike<number>);
        return J;
      },
    };
  })();

  const checkState = (state: TrainingState, fn: string) => {
    checkStateShape(slotList, state, meta.name, fn);
    if (meta.normalizers.length > 0) checkBuffers(meta, state, fn);
  };
  /** The kernels read the normalizers' buffers: they must be fitted (not NaN). */
  const withBuffers = (state: TrainingState, fn: string, into: Record<string, unknown>) => {
    for (let i = 0; i < meta.normalizers.length; i++) {
      const n = meta.normalizers[i]!;
      requireFitted(meta, n, state, fn);
      into[n.mean] = state.buffers[n.mean];
      into[n.std] = state.buffers[n.std];
    }
  };

  const core: TrainerCore = {
    meta,
    init(seed) {
      checkSeed(seed, `${meta.name}: init`);
      const rng = new Rng(seed);
      const params: Record<string, Float64Array> = {};
      for (const p of meta.params) params[p.name] = initialValues(p.shape, p.init, rng);
      const opt: Record<string, Float64Array> = {};
      for (const p of meta.params) {
        for (const slot of meta.slots)
          opt[`${slot}_${p.name}`] = new Float64Array(sizes.get(p.name)!);
      }
      const buffers: Record<string, Float64Array> = {};
      for (const n of meta.normalizers) {
        const size = n.shape.reduce((a, b) => a * b, 1);
        buffers[n.mean] = new Float64Array(size).fill(Number.NaN);
        buffers[n.std] = new Float64Array(size).fill(Number.NaN);
      }
      const state = { params, opt, buffers, step: 0, epoch: 0, rng: new Rng(seed ^ 0x5eed) };
      resident.settle(state);
      return state;
    },
    step(state, given, options) {
      if (options !== undefined) checkTrainerOptions(`${meta.name}: step`, options, DATA_OPTIONS);
      const data = toColumns(meta, given, 'step', options?.layout);
      const m = checkData(meta, data, 'step');
      checkState(state, 'step');
      const inputs = gradInputs;
      stepInputs(state, data, m, inputs);
      // The values are not scanned on the way in (that would read all of X every step); the
      // results are checked instead, and only a non-finite result looks for its cause.
      const g = kernels.lossAndGrad(inputs as never, UNCHECKED) as Record<
        string,
        ArrayLike<number> | number
      >;
      for (let i = 0; i < meta.params.length; i++) {
        updateInputs[meta.gradients[i]!] = g[gradientKeys[i]!];
      }
      const out = kernels.update(updateInputs as never, UNCHECKED) as Record<
        string,
        ArrayLike<number> | number
      >;
      return stepDone(state, data, out, g['J'] as number);
    },
    predict(state, given, options) {
      checkTrainerOptions(`${meta.name}: predict`, options, DATA_OPTIONS);
      const data = toColumns(meta, given, 'predict', options?.layout);
      if (!kernels.predict) {
        throw new GradgenInputError(
          'E_BAD_OPTION',
          `${meta.name}: predict: the model has no outputs to predict`,
        );
      }
      checkData(meta, data, 'predict', meta.predictInputs);
      checkState(state, 'predict');
      // only what the predictions read: labels and other data may be passed along and are ignored
      const inputs: Record<string, unknown> = {};
      for (const name of meta.predictInputs) if (name in data) inputs[name] = data[name];
      for (const p of meta.params) inputs[p.name] = state.params[p.name];
      withBuffers(state, 'predict', inputs);
      const out = kernels.predict(inputs as never) as Record<
        string,
        number | Float64Array | Float32Array
      >;
      const copy: Record<string, number | Float64Array | Float32Array> = {};
      for (const k of Object.keys(out)) {
        const v = out[k]!;
        copy[k] = typeof v === 'number' ? v : v.slice();
      }
      return copy;
    },
    lossAndGrad(state, given, options = {}) {
      checkTrainerOptions(`${meta.name}: lossAndGrad`, options, LOSS_AND_GRAD_OPTIONS);
      const data = toColumns(meta, given, 'lossAndGrad', options.layout);
      const m = checkData(meta, data, 'lossAndGrad');
      checkState(state, 'lossAndGrad');
      const inputs: Record<string, unknown> = {};
      for (const d of meta.data) inputs[d.name] = data[d.name];
      if (options.maskSeed === undefined) {
        // dropout off: a mask of keepProb everywhere makes A·D/keepProb = A
        for (const mask of meta.masks) {
          inputs[mask.name] = new Float64Array(mask.batched ? mask.fixed * m : mask.fixed).fill(
            mask.keepProb,
          );
        }
      } else drawMasks(new Rng(options.maskSeed), m, inputs);
      for (const p of meta.params) inputs[p.name] = state.params[p.name];
      withBuffers(state, 'lossAndGrad', inputs);
      const out = kernels.lossAndGrad(inputs as never) as Record<
        string,
        number | ArrayLike<number>
      >;
      const grads: Record<string, Float64Array> = {};
      for (const p of meta.params)
        grads[p.name] = Float64Array.from(out[`d${p.name}`] as ArrayLike<number>);
      return { loss: out['J'] as number, grads };
    },
    masksFor(given, maskSeed) {
      const into: Record<string, unknown> = {};
      drawMasks(new Rng(maskSeed), examples(meta, toColumns(meta, given, 'gradcheck')), into);
      const copies: Record<string, Float64Array> = {};
      for (const mask of meta.masks)
        copies[mask.name] = Float64Array.from(into[mask.name] as Float64Array);
      return copies;
    },
    fit(state, data, options) {
      return fit(core, state, data, options, checkState, batchArrays(kernels), rotated);
    },
    fitNormalization(state, given, options) {
      const fn = 'fitNormalization';
      checkTrainerOptions(`${meta.name}: ${fn}`, options, DATA_OPTIONS);
      const data = toColumns(meta, given, fn, options?.layout);
      const m = checkData(
        meta,
        data,
        fn,
        meta.normalizers.map((n) => n.input),
      );
      checkState(state, fn);
      fitBuffers(meta, state, data, m, `${meta.name}: ${fn}`);
    },
    evaluate(state, given, options = {}) {
      checkTrainerOptions(`${meta.name}: evaluate`, options, DATA_OPTIONS);
      const data = toColumns(meta, given, 'evaluate', options.layout);
      const m = checkData(meta, data, 'evaluate');
      const { loss } = core.lossAndGrad(state, data);
      return loss - l2Term(meta, state, m);
    },
    splitData(given, options) {
      return splitExamples(meta, given, options);
    },
    save(state) {
      checkState(state, 'save');
      return saveState(meta, state);
    },
    load(json) {
      return loadState(core, json);
    },
  };

  return core;
}

/**
 * A wasm-target module's state areas (TrainerKernels.stateAreas). In a float64 module one state
 * lives in them: the first that init or load makes on a memory while no other live state does.
 * Its params and optimizer slots are then views of the memory, so a step's kernels read them in
 * place and only its results are copied (within the memory) into them. Any other state is copied
 * in by the kernels, as an ordinary array is. A new memory (setup, or a larger batch) leaves the
 * state's arrays where they are — still the state's, on the old memory, copied in from then on —
 * and its areas go to the next new state. In a float32 module the areas hold each step's float32
 * copy of the (float64) state.
 */
function residentState(
  meta: TrainerMeta,
  slotList: readonly StateSlot[],
  kernels: TrainerKernels,
): { settle(state: TrainingState): void; area(i: number): Float32Array | undefined } {
  let owner: { areas: object; state: WeakRef<TrainingState> } | undefined;
  const areaOf = (areas: Readonly<Record<string, unknown>>, i: number) => {
    const area = areas[slotList[i]!.key];
    return (meta.dtype === 'float32'
      ? area instanceof Float32Array
      : area instanceof Float64Array) &&
      (area as Float64Array | Float32Array).length === slotList[i]!.size
      ? (area as Float64Array | Float32Array)
      : undefined;
  };
  return {
    /** Moves a state just made (nobody holds its arrays yet) into the areas, if they are free. */
    settle(state) {
      if (meta.dtype !== 'float64' || kernels.stateAreas === undefined) return;
      const areas = kernels.stateAreas();
      if (owner?.areas === areas && owner.state.deref() !== undefined) return;
      const moved = slotList.flatMap((slot, i) => {
        const area = areaOf(areas, i);
        return area ? [{ slot, area: area as Float64Array }] : [];
      });
      // none before the memory is laid out (an asynchronous setup not done yet)
      if (moved.length === 0) return;
      for (const { slot, area } of moved) {
        const section = slot.inOpt ? state.opt : state.params;
        area.set(section[slot.stateKey]!);
        section[slot.stateKey] = area;
      }
      owner = { areas, state: new WeakRef(state) };
    },
    area(i) {
      if (meta.dtype !== 'float32' || kernels.stateAreas === undefined) return undefined;
      return areaOf(kernels.stateAreas(), i) as Float32Array | undefined;
    },
  };
}

/**
 * Params and optimizer state as the kernels name them — input `W1` / `opt_v_W1`, output
 * `W1_next` / `opt_v_W1_next` — and where each lives in the state.
 */
interface StateSlot {
  readonly key: string;
  readonly next: string;
  readonly inOpt: boolean;
  readonly stateKey: string;
  /** Its values: the param's size. */
  readonly size: number;
  readonly shape: readonly number[];
}

function stateSlots(meta: TrainerMeta): StateSlot[] {
  return meta.params.flatMap((p) => {
    const size = p.shape.reduce((a, b) => a * b, 1);
    return [
      { key: p.name, next: `${p.name}_next`, inOpt: false, stateKey: p.name, size, shape: p.shape },
      ...meta.slots.map((slot) => ({
        key: meta.stateInputs[`${slot}_${p.name}`]!,
        next: `${meta.stateInputs[`${slot}_${p.name}`]!}_next`,
        inOpt: true,
        stateKey: `${slot}_${p.name}`,
        size,
        shape: p.shape,
      })),
    ];
  });
}

function valueOf(slot: StateSlot, state: TrainingState): Float64Array {
  return (slot.inOpt ? state.opt : state.params)[slot.stateKey]!;
}

/**
 * The state is one of this model's (as init or load made it): every param and optimizer slot a
 * Float64Array of its size, step and epoch integers ≥ 0, and a generator. E_BAD_STATE names the
 * entry at fault. Runs at every step: it allocates nothing unless it throws.
 */
function checkStateShape(
  slotList: readonly StateSlot[],
  state: TrainingState,
  model: string,
  fn: string,
): void {
  const s = state as Partial<TrainingState> | null | undefined;
  if (typeof s !== 'object' || s === null) {
    throw new GradgenInputError(
      'E_BAD_STATE',
      `${model}: ${fn}: the state must be what init(seed) or load(json) returned, got ${s === null ? 'null' : typeof s}`,
    );
  }
  for (let i = 0; i < slotList.length; i++) {
    const { inOpt, stateKey, size, shape } = slotList[i]!;
    const section = inOpt ? s.opt : s.params;
    const v = typeof section === 'object' && section !== null ? section[stateKey] : undefined;
    if (!(v instanceof Float64Array) || v.length !== size) {
      throw new GradgenInputError(
        'E_BAD_STATE',
        `${model}: ${fn}: state.${inOpt ? 'opt' : 'params'}.${stateKey} must be a Float64Array of ${size} values (shape (${shape.join(', ')})), got ${v instanceof Float64Array ? `${v.length} values` : v === undefined ? 'nothing' : typeof v}`,
      );
    }
  }
  for (let k = 0; k < STEP_KEYS.length; k++) {
    const key = STEP_KEYS[k]!;
    const v = s[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new GradgenInputError(
        'E_BAD_STATE',
        `${model}: ${fn}: state.${key} must be an integer ≥ 0, got ${String(v)}`,
      );
    }
  }
  if (typeof s.rng !== 'object' || s.rng === null || typeof s.rng.uniform !== 'function') {
    throw new GradgenInputError(
      'E_BAD_STATE',
      `${model}: ${fn}: state.rng must be the state's random generator (an Rng), got ${String(s.rng)}`,
    );
  }
}
const STEP_KEYS = ['step', 'epoch'] as const;

/** Every normalizer's buffers are Float64Arrays of their size (NaN when not fitted yet). */
function checkBuffers(meta: TrainerMeta, state: TrainingState, fn: string): void {
  const buffers = (state as Partial<TrainingState>).buffers;
  for (let i = 0; i < meta.normalizers.length; i++) {
    const n = meta.normalizers[i]!;
    const size = n.shape.reduce((a, b) => a * b, 1);
    for (const key of [n.mean, n.std]) {
      const v = typeof buffers === 'object' && buffers !== null ? buffers[key] : undefined;
      if (!(v instanceof Float64Array) || v.length !== size) {
        throw new GradgenInputError(
          'E_BAD_STATE',
          `${meta.name}: ${fn}: state.buffers.${key} must be a Float64Array of ${size} values (shape (${n.shape.join(', ')})), got ${v instanceof Float64Array ? `${v.length} values` : v === undefined ? 'nothing' : typeof v}`,
        );
      }
    }
  }
}

function isFitted(n: Normalizer, state: TrainingState): boolean {
  return firstNonFinite(state.buffers[n.mean]!) < 0 && firstNonFinite(state.buffers[n.std]!) < 0;
}

/** E_BAD_STATE when a normalizer's μ or σ is not fitted (NaN) or σ is not positive. */
function requireFitted(meta: TrainerMeta, n: Normalizer, state: TrainingState, fn: string): void {
  const std = state.buffers[n.std]!;
  if (!isFitted(n, state)) {
    throw new GradgenInputError(
      'E_BAD_STATE',
      `${meta.name}: ${fn}: the normalizer of '${n.input}' is not fitted (state.buffers.${n.mean} and ${n.std} hold NaN): fit(state, data) fits it on its training data, or call fitNormalization(state, data) first`,
    );
  }
  for (let i = 0; i < std.length; i++) {
    if (!(std[i]! > 0)) {
      throw new GradgenInputError(
        'E_BAD_STATE',
        `${meta.name}: ${fn}: state.buffers.${n.std}[${i}] is ${std[i]}; a standard deviation must be > 0`,
      );
    }
  }
}

/** A normalized input's features, as its data layout gives them. */
function featureLayout(meta: TrainerMeta, n: Normalizer): FeatureLayout {
  const d = meta.data.find((e) => e.name === n.input)!;
  return { name: n.input, features: d.fixed, inner: d.inner };
}

/**
 * Fits the normalizers' μ and σ on `data` (m examples, checked), into the state's buffers — only
 * those not fitted yet when `unfittedOnly`.
 */
function fitBuffers(
  meta: TrainerMeta,
  state: TrainingState,
  data: FlatData,
  m: number,
  where: string,
  unfittedOnly = false,
): void {
  for (const n of meta.normalizers) {
    if (unfittedOnly && isFitted(n, state)) continue;
    const v = data[n.input];
    if (v === undefined || typeof v === 'number') {
      throw new GradgenInputError(
        'E_MISSING_INPUT',
        `${where}: missing data '${n.input}' (its normalizer's μ and σ are fitted on it)`,
      );
    }
    const stats = featureStats(featureLayout(meta, n), v, m, where);
    state.buffers[n.mean]!.set(stats.mean);
    state.buffers[n.std]!.set(stats.std);
  }
}

/** The whole state as JSON, in the one versioned format of the library and the modules. */
function saveState(meta: TrainerMeta, state: TrainingState): string {
  const entry = (shape: readonly number[], v: Float64Array) => ({ shape, data: Array.from(v) });
  const params: Record<string, unknown> = {};
  const opt: Record<string, unknown> = {};
  for (const p of meta.params) {
    params[p.name] = entry(p.shape, state.params[p.name]!);
    for (const slot of meta.slots) {
      opt[`${slot}_${p.name}`] = entry(p.shape, state.opt[`${slot}_${p.name}`]!);
    }
  }
  const rng = state.rng.getState().map((w) => (Number.isNaN(w) ? null : w));
  // the normalizers' μ and σ, a NaN (not fitted yet) as null; a model without them has no section
  const buffers: Record<string, unknown> = {};
  for (const n of meta.normalizers) {
    for (const key of [n.mean, n.std]) {
      const data = Array.from(state.buffers[key]!, (x) => (Number.isNaN(x) ? null : x));
      buffers[key] = { shape: n.shape, data };
    }
  }
  return JSON.stringify({
    format: STATE_FORMAT,
    version: STATE_VERSION,
    model: meta.name,
    step: state.step,
    epoch: state.epoch,
    rng,
    params,
    opt,
    ...(meta.normalizers.length > 0 ? { buffers } : {}),
  });
}

/** `W1`, or `optimizer state v_W1` for the input `opt_v_W1`. */
function describeSlot(slotList: readonly StateSlot[], key: string): string {
  const slot = slotList.find((sl) => sl.key === key);
  return slot?.inOpt ? `optimizer state ${slot.stateKey}` : key;
}

/** Throws the error that explains a non-finite step result; the state is left as it was. */
function explainFailedStep(
  meta: TrainerMeta,
  slotList: readonly StateSlot[],
  state: TrainingState,
  data: FlatData,
  key: string,
  index: number,
  J: number,
): never {
  checkDataValues(meta, data, `${meta.name}: step`);
  for (let i = 0; i < slotList.length; i++) {
    const v = valueOf(slotList[i]!, state);
    const bad = firstNonFinite(v);
    if (bad >= 0) {
      const { inOpt, stateKey } = slotList[i]!;
      throw new GradgenInputError(
        'E_NONFINITE_INPUT',
        `step: state.${inOpt ? 'opt' : 'params'}.${stateKey} has a non-finite value ${v[bad]} at index ${bad}`,
      );
    }
  }
  const what =
    index >= 0
      ? `${describeSlot(slotList, key)} got a non-finite value at index ${index} (the cost before the update: ${J})`
      : `the cost came out ${J}`;
  throw new GradgenInputError(
    'E_NONFINITE_RESULT',
    `step ${state.step + 1}: ${what} from finite data and parameters; the state is unchanged. ` +
      `The optimization diverged: a smaller learning rate (now ${learningRateAt(meta.optimizer, state.epoch)}) usually helps.`,
  );
}

/**
 * Every data value is finite — and, in a float32 module, within float32's range (a larger one
 * would become ±Infinity when the kernels store it): E_NONFINITE_INPUT names the first that is not.
 */
function checkDataValues(meta: TrainerMeta, data: FlatData, where: string): void {
  for (const d of meta.data) {
    const v = data[d.name];
    if (v === undefined) continue;
    const values: ArrayLike<number> = typeof v === 'number' ? [v] : v;
    let bad = firstNonFinite(values);
    if (bad < 0 && meta.dtype === 'float32') bad = firstBeyondFloat32(values);
    if (bad < 0 && d.classes !== undefined) {
      const label = firstNonLabel(values, d.classes);
      if (label >= 0) {
        throw new GradgenInputError(
          'E_BAD_LABEL',
          `${where}: data '${d.name}' has the label ${values[label]} at index ${label}, which is not a class index (an integer in [0, ${d.classes}))`,
        );
      }
    }
    if (bad < 0) continue;
    const value = values[bad]!;
    const index = typeof v === 'number' ? '' : ` at index ${bad}`;
    throw new GradgenInputError(
      'E_NONFINITE_INPUT',
      Number.isFinite(value)
        ? `${where}: data '${d.name}' has a value ${value}${index} beyond float32's range (±3.4e38): this module stores tensors as float32`
        : `${where}: data '${d.name}' has a non-finite value ${value}${index}`,
    );
  }
}

/** Index of the first value that is not an integer in [0, classes), or −1. */
function firstNonLabel(a: ArrayLike<number>, classes: number): number {
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (!(Number.isInteger(v) && v >= 0 && v < classes)) return i;
  }
  return -1;
}

/** Index of the first value that float32 rounds to ±Infinity, or −1. */
function firstBeyondFloat32(a: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(Math.fround(a[i]!))) return i;
  return -1;
}

/** Seeds are integers in [0, 2³²): a seed outside would silently alias another. */
function checkSeed(seed: unknown, where: string): void {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new GradgenInputError(
      'E_BAD_OPTION',
      `${where}: the seed must be an integer in [0, 2^32), got ${String(seed)}`,
    );
  }
}

/** The number of examples in `data` (1 without batched inputs). */
function examples(meta: TrainerMeta, data: FlatData): number {
  for (const d of meta.data) {
    const v = data[d.name];
    if (d.batched && v !== undefined && typeof v !== 'number') return v.length / d.fixed;
  }
  return 1;
}

/**
 * Checks the data a trainer function gets, before anything runs: an object, no parameters in it,
 * every tensor input a whole number of examples, and all batched inputs the same number of them.
 * Returns the number of examples.
 */
function checkData(meta: DataMeta, data: FlatData, fn: string, only?: readonly string[]): number {
  if (typeof data !== 'object' || data === null) {
    throw new GradgenInputError(
      'E_MISSING_INPUT',
      `${callName(meta, fn)}: expected an object of named data inputs`,
    );
  }
  // (a for-in over the keys and a loop over the params: no array or closure per step)
  for (const key in data) {
    if (isParamName(meta, key)) {
      throw new GradgenInputError(
        'E_UNKNOWN_INPUT',
        `${callName(meta, fn)}: '${key}' is a parameter; it comes from the state, not the data`,
      );
    }
    const buffer = bufferOf(meta, key);
    if (buffer) {
      throw new GradgenInputError(
        'E_UNKNOWN_INPUT',
        `${callName(meta, fn)}: '${key}' is the ${key === buffer.mean ? 'μ' : 'σ'} of normalize(${buffer.input}), a buffer of the state (state.buffers.${key}), not data`,
      );
    }
  }
  let m: number | undefined;
  let from = '';
  for (const d of meta.data) {
    if (only && !only.includes(d.name)) continue;
    const v = data[d.name];
    if (v === undefined && !only) {
      throw new GradgenInputError(
        'E_MISSING_INPUT',
        `${callName(meta, fn)}: missing data '${d.name}' (the data inputs are ${meta.data.map((e) => e.name).join(', ')})`,
      );
    }
    if (v === undefined || typeof v === 'number') continue;
    if (!d.batched) continue;
    const n = v.length / d.fixed;
    if (!Number.isInteger(n) || n === 0) {
      throw new GradgenInputError(
        'E_INPUT_SHAPE',
        `${callName(meta, fn)}: data '${d.name}' has ${v.length} values, which is not (${d.fixed}, m) for any number of examples m ≥ 1 (a multiple of ${d.fixed})`,
      );
    }
    if (m !== undefined && n !== m) {
      throw new GradgenInputError(
        'E_INPUT_SHAPE',
        `${callName(meta, fn)}: data '${d.name}' has ${n} examples but '${from}' has ${m}`,
      );
    }
    m = n;
    from = d.name;
  }
  return m ?? 1;
}

/**
 * The data as the kernels take it: nested arrays flattened (their rows checked), and with
 * `layout: 'rows'` every batched input transposed from (m, features) to (features, m). Values
 * that are converted are checked on the way, so a bad one is named by its place in the data as
 * given. Data that is already flat and in columns is returned as it is (no copy).
 */
function toColumns(meta: DataMeta, data: Data, fn: string, layout: unknown = 'columns'): FlatData {
  if (layout !== 'columns' && layout !== 'rows') {
    throw new GradgenInputError(
      'E_BAD_OPTION',
      `${callName(meta, fn)}: layout must be 'columns' or 'rows', got ${String(layout)}`,
    );
  }
  if (typeof data !== 'object' || data === null) return data as FlatData;
  let out: Record<string, number | Values> | undefined;
  for (const d of meta.data) {
    const v = data[d.name];
    if (v === undefined || typeof v === 'number') continue;
    const nested = Array.isArray(v) && v.length > 0 && Array.isArray(v[0]);
    // an input whose batch axis is not last, (m, 3) say, is taken as its shape declares it
    const columns = layout === 'columns' || !d.batched || d.inner !== 1;
    if (!nested && columns) continue;
    out ??= { ...(data as FlatData) };
    out[d.name] = nested
      ? fromNested(d, v as readonly (readonly number[])[], layout === 'rows', callName(meta, fn))
      : fromRows(d, v as Values, callName(meta, fn));
  }
  return out ?? (data as FlatData);
}

/** A nested array of rows, as flat (features, m) values (or the whole input, unbatched). */
function fromNested(
  d: TrainerMeta['data'][number],
  rows: readonly (readonly number[])[],
  examplesAreRows: boolean,
  where: string,
): Float64Array {
  const width = rows[0]!.length;
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new GradgenInputError(
        'E_INPUT_SHAPE',
        `${where}: data '${d.name}' row ${r} has ${Array.isArray(row) ? row.length : 'no'} values; row 0 has ${width}`,
      );
    }
  });
  const asDeclared = d.batched && d.inner !== 1; // batch axis not last: rows as they are
  const transpose = examplesAreRows && !asDeclared;
  const [features, m] = transpose ? [width, rows.length] : [rows.length, width];
  const wrongSize = asDeclared
    ? (rows.length * width) % d.fixed !== 0
    : d.batched
      ? features !== d.fixed
      : rows.length * width !== d.fixed;
  if (wrongSize) {
    const wanted = asDeclared
      ? `a multiple of ${d.fixed} values in all`
      : examplesAreRows
        ? `m rows of ${d.fixed}`
        : `${d.fixed} rows of m`;
    const hint = asDeclared
      ? ''
      : d.batched && !examplesAreRows && width === d.fixed
        ? ` (it looks like examples are rows: pass { layout: 'rows' })`
        : d.batched && examplesAreRows && rows.length === d.fixed
          ? ` (it looks like examples are columns: drop layout: 'rows')`
          : '';
    throw new GradgenInputError(
      'E_INPUT_SHAPE',
      `${where}: data '${d.name}' is ${rows.length} rows of ${width}; it must be ${d.batched ? wanted : `${d.fixed} values in all`}${hint}`,
    );
  }
  const out = new Float64Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < width; c++) {
      const x = rows[r]![c]!;
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new GradgenInputError(
          'E_NONFINITE_INPUT',
          `${where}: data '${d.name}' has ${typeof x === 'number' ? `a non-finite value ${x}` : `a ${typeof x}`} at [${r}][${c}]`,
        );
      }
      // examples as rows: row r is example r, column c is feature c → (features, m)
      out[transpose ? c * m + r : r * width + c] = x;
    }
  }
  return out;
}

/** Flat (m, features) values, examples as rows, as (features, m). */
function fromRows(d: TrainerMeta['data'][number], v: Values, where: string): Float64Array {
  const m = v.length / d.fixed;
  if (!Number.isInteger(m) || m === 0) {
    throw new GradgenInputError(
      'E_INPUT_SHAPE',
      `${where}: data '${d.name}' has ${v.length} values, which is not (m, ${d.fixed}) for any number of examples m ≥ 1`,
    );
  }
  const out = new Float64Array(v.length);
  for (let i = 0; i < m; i++) {
    for (let f = 0; f < d.fixed; f++) {
      const x = v[i * d.fixed + f]!;
      if (!Number.isFinite(x)) {
        throw new GradgenInputError(
          'E_NONFINITE_INPUT',
          `${where}: data '${d.name}' has a non-finite value ${x} at index ${i * d.fixed + f} (example ${i}, feature ${f})`,
        );
      }
      out[f * m + i] = x;
    }
  }
  return out;
}

function bufferOf(meta: DataMeta, key: string): Normalizer | undefined {
  const all = meta.normalizers ?? [];
  for (let i = 0; i < all.length; i++)
    if (all[i]!.mean === key || all[i]!.std === key) return all[i];
  return undefined;
}

function isParamName(meta: DataMeta, key: string): boolean {
  for (let i = 0; i < meta.params.length; i++) if (meta.params[i]!.name === key) return true;
  return false;
}

/** Index of the first NaN or ±Infinity in `a`, or −1. */
function firstNonFinite(a: ArrayLike<number>): number {
  // fast path, once per step over every result: x·0 is 0 for finite x and NaN for NaN or ±∞, and
  // four independent sums keep the loop free of branches and long dependency chains
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length - (a.length % 4);
  for (let i = 0; i < n; i += 4) {
    s0 += a[i]! * 0;
    s1 += a[i + 1]! * 0;
    s2 += a[i + 2]! * 0;
    s3 += a[i + 3]! * 0;
  }
  for (let i = n; i < a.length; i++) s0 += a[i]! * 0;
  if (s0 + s1 + s2 + s3 === 0) return -1;
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}

/**
 * A copy of a state (for restoring it when an epoch diverges), written into `reuse`'s arrays when
 * given (fit takes one after every epoch: a full-batch fit would otherwise allocate a copy of the
 * whole state per step).
 */
function snapshot(state: TrainingState, reuse?: TrainingState): TrainingState {
  const copy = (r: Record<string, Float64Array>, into?: Record<string, Float64Array>) => {
    const out: Record<string, Float64Array> = into ?? {};
    for (const k of Object.keys(r)) {
      const to = out[k];
      if (to !== undefined && to.length === r[k]!.length) to.set(r[k]!);
      else out[k] = Float64Array.from(r[k]!);
    }
    return out;
  };
  const rng = reuse?.rng ?? new Rng(0);
  rng.setState(state.rng.getState());
  return {
    params: copy(state.params, reuse?.params),
    opt: copy(state.opt, reuse?.opt),
    buffers: copy(state.buffers ?? {}, reuse?.buffers),
    step: state.step,
    epoch: state.epoch,
    rng,
  };
}

/** Puts `from` back into `state` (the same arrays, so references the caller holds stay valid). */
function restore(state: TrainingState, from: TrainingState): void {
  for (const k of Object.keys(from.params)) state.params[k]!.set(from.params[k]!);
  for (const k of Object.keys(from.opt)) state.opt[k]!.set(from.opt[k]!);
  for (const k of Object.keys(from.buffers)) state.buffers[k]!.set(from.buffers[k]!);
  state.step = from.step;
  state.epoch = from.epoch;
  state.rng.setState(from.rng.getState());
}

/**
 * Epochs of shuffled mini-batches. Everything is checked before the first step: the options, the
 * state, the data's presence and shapes, and that every value is finite (and, in a float32
 * module, within float32's range) — a bad value is named by its index in the data as given, so
 * no batch is applied before it. An epoch whose cost is not finite or exceeds `divergenceFactor`
 * times the first epoch's stops the run with E_DIVERGED and the state of the last good epoch; any
 * other error in an epoch (a step's, or one thrown by `onBatch`) leaves the state as it was when
 * that epoch began — the epochs before it stay done. An error thrown by `onEpoch` leaves the state
 * after its epoch.
 */
function fit(
  core: TrainerCore,
  state: TrainingState,
  given: Data,
  options: FitOptions,
  checkState: (state: TrainingState, fn: string) => void,
  into?: BatchArrays,
  rotated?: RotatedSteps,
): FitHistory {
  const meta = core.meta;
  const where = `${meta.name}: fit`;
  if (options === undefined) {
    throw new GradgenInputError('E_BAD_OPTION', `${where}: options { epochs } are required`);
  }
  checkTrainerOptions(where, options, FIT_OPTIONS);
  const { epochs } = options;
  const data = toColumns(meta, given, 'fit', options.layout);
  checkState(state, 'fit');
  const m = checkData(meta, data, 'fit');
  const size = options.batchSize ?? m;
  const factor = options.divergenceFactor ?? 1e3;
  checkDataValues(meta, data, where);
  // a fresh state's normalizers are fitted on the training data (a fitted state keeps its own)
  fitBuffers(meta, state, data, m, where, true);
  const early = earlyStopping(meta, options, where);
  // no code of the caller's runs before the fit returns: the memory's copies stay the fit's
  const alone = !options.onEpoch && !options.onBatch && !options.dev;
  const batches = Math.ceil(m / size);
  const all = batches === 1 ? wholeBatch(meta, data, into, alone) : undefined;
  // the rotated steps read the data once per step; their product stays valid as long as nothing
  // else touches the params (alone)
  const rotate = all && alone ? rotated : undefined;
  rotate?.begin(state, all!);
  const costs: number[] = [];
  let good = snapshot(state);
  let stopped: FitHistory['stopped'];
  for (let e = 0; e < epochs && stopped === undefined; e++) {
    let total = 0;
    let seen = 0;
    try {
      let done = 0;
      for (const batch of all ? [all] : miniBatches(meta, data, m, size, state.rng, into)) {
        const b = examples(meta, batch);
        const cost = rotate ? rotate.step(state, batch, m) : core.step(state, batch);
        total += cost * b;
        seen += b;
        done++;
        options.onBatch?.({ epoch: state.epoch + 1, batch: done, batches, examples: seen, cost });
      }
    } catch (error) {
      restore(state, good);
      // a step whose results are not finite from finite data: the run diverged
      if (error instanceof GradgenInputError && error.code === 'E_NONFINITE_RESULT') {
        throw new GradgenInputError(
          'E_DIVERGED',
          `${where}: the run diverged in epoch ${state.epoch + 1}; the state is that after epoch ${state.epoch}. ${error.message}`,
        );
      }
      throw error;
    }
    state.epoch++;
    const cost = total / seen;
    if (!Number.isFinite(cost) || (costs.length > 0 && cost > factor * Math.abs(costs[0]!))) {
      const epoch = state.epoch;
      restore(state, good);
      const first = costs.length > 0 ? `, from ${costs[0]} in the first epoch` : '';
      throw new GradgenInputError(
        'E_DIVERGED',
        `${where}: the cost diverged in epoch ${epoch} (${cost}${first}); the state is that after epoch ${state.epoch}. ` +
          `A smaller learning rate (now ${learningRateAt(meta.optimizer, epoch - 1)}) usually helps.`,
      );
    }
    costs.push(cost);
    good = snapshot(state, good);
    const devCost = early?.after(core, state, costs.length);
    if (early?.exhausted()) stopped = 'patience';
    if (options.onEpoch?.(state.epoch, cost, devCost) === false) stopped ??= 'onEpoch';
  }
  return Object.assign(costs, early ? early.finish(state) : {}, stopped ? { stopped } : {});
}

/** A full-batch fit's steps that read the data once each (see createTrainerCore's `rotated`). */
interface RotatedSteps {
  begin(state: TrainingState, data: FlatData): void;
  step(state: TrainingState, data: FlatData, m: number): number;
}

/**
 * Early stopping (§5.4.5) on fit's `dev` data, checked before the first step: the dev cost after
 * each epoch, the best epoch (and, for `restoreBest`, its state), and when patience runs out.
 */
function earlyStopping(meta: TrainerMeta, options: FitOptions, where: string) {
  if (options.dev === undefined) {
    for (const key of ['patience', 'minDelta', 'restoreBest'] as const) {
      if (options[key] !== undefined) {
        throw new GradgenInputError(
          'E_BAD_OPTION',
          `${where}: option '${key}' needs dev data to judge epochs by (option 'dev')`,
        );
      }
    }
    return undefined;
  }
  const dev = toColumns(meta, options.dev, 'fit (dev)', options.layout);
  checkData(meta, dev, 'fit (dev)');
  checkDataValues(meta, dev, `${where} (dev)`);
  const minDelta = options.minDelta ?? 0;
  const restoreBest = options.restoreBest ?? options.patience !== undefined;
  const costs: number[] = [];
  let best: { epoch: number; cost: number; state: TrainingState | undefined } | undefined;
  let waited = 0;
  return {
    /** The dev cost after this fit's `epoch` (counted from 1). */
    after(core: TrainerCore, state: TrainingState, epoch: number): number {
      const cost = core.evaluate(state, dev);
      costs.push(cost);
      if (best === undefined || cost < best.cost - minDelta) {
        best = { epoch, cost, state: restoreBest ? snapshot(state) : undefined };
        waited = 0;
      } else waited++;
      return cost;
    },
    exhausted: () => options.patience !== undefined && waited >= options.patience,
    /** The history's dev part; the state goes back to the best epoch's for `restoreBest`. */
    finish(state: TrainingState) {
      if (best?.state) restore(state, best.state);
      return { dev: costs, ...(best ? { best: { epoch: best.epoch, cost: best.cost } } : {}) };
    },
  };
}

/**
 * Shuffled mini-batches over the batch axis (the last axis when examples are columns; wherever
 * the input's shape has it, e.g. (m, 3)), with a last partial batch when the size does not divide
 * m. Inputs without the batch axis pass through.
 */
export function* miniBatches(
  meta: { readonly data: readonly DataLayout[] },
  data: FlatData,
  m: number,
  batchSize: number,
  rng: Rng,
  into?: BatchArrays,
): Generator<FlatData> {
  const order = shuffled(m, rng);
  for (let start = 0; start < m; start += batchSize) {
    yield gather(meta, data, m, order.slice(start, Math.min(start + batchSize, m)), into);
  }
}

/**
 * An epoch's one batch of all the examples: the data as given, not shuffled — a permutation would
 * only reorder the sums, and gathering it would copy all of the data every epoch (a full-batch fit
 * of W2 spent 4× its steps' time doing so). A wasm-target module's copy in its memory (`into`, with
 * `alone`: no callback or dev evaluation can run a kernel on other data before the fit returns) is
 * made once, before the first epoch, and read in place by every step; else a step copies what it
 * needs.
 */
function wholeBatch(
  meta: { readonly data: readonly DataLayout[] },
  data: FlatData,
  into: BatchArrays | undefined,
  alone: boolean,
): FlatData {
  if (!into?.inMemory || !alone) return data;
  const out: Record<string, number | Values> = { ...data };
  for (const d of meta.data) {
    const v = data[d.name];
    if (!d.batched || v === undefined || typeof v === 'number') continue;
    const copy = into.area(d.name, v.length);
    // data already in the memory (a module's inputViews) is read where it is
    if (ArrayBuffer.isView(v) && v.buffer === copy.buffer) continue;
    copy.set(v);
    out[d.name] = copy;
  }
  return out;
}

/**
 * Where fit's batches are gathered: `area(name, size)` gives input `name`'s array of `size`
 * values; `inMemory`, whether those are a wasm-target module's copies in its memory.
 */
interface BatchArrays {
  area(name: string, size: number): Float64Array | Float32Array;
  readonly inMemory: boolean;
}

/**
 * Fit's mini-batch arrays, each used only by the step it is gathered for: a wasm-target module's
 * copy area for the input where it has one long enough (its kernels then read the batch in
 * place: nothing is copied into the memory), else one array per input, reused by every batch.
 */
function batchArrays(kernels: TrainerKernels): BatchArrays {
  const own = new Map<string, Float64Array>();
  return {
    inMemory: kernels.batchAreas !== undefined,
    area(name, size) {
      const view = kernels.batchAreas?.()[name];
      if (view !== undefined && view.length >= size) return view.subarray(0, size);
      let a = own.get(name);
      if (a === undefined || a.length < size) own.set(name, (a = new Float64Array(size)));
      return a.subarray(0, size);
    },
  };
}

/** 0 … n − 1 in a random order (Fisher–Yates with `rng`). */
function shuffled(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * The examples `which` of `data` (m examples), in that order, in new arrays (or `into`'s);
 * unbatched inputs as they are.
 */
function gather(
  meta: { readonly data: readonly DataLayout[] },
  data: FlatData,
  m: number,
  which: readonly number[],
  into?: BatchArrays,
): FlatData {
  const b = which.length;
  const out: Record<string, number | Values> = { ...data };
  for (const d of meta.data) {
    const v = data[d.name];
    if (!d.batched || v === undefined || typeof v === 'number') continue;
    // (outer, m, inner) row-major: example j is the inner-long runs at (o·m + j)·inner
    const { inner } = d;
    const outer = v.length / m / inner;
    const size = outer * b * inner;
    const batch = into ? into.area(d.name, size) : new Float64Array(size);
    if (inner === 1) gatherColumns(v, batch, outer, m, which);
    else {
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < b; k++) {
          const from = (o * m + which[k]!) * inner;
          const to = (o * b + k) * inner;
          for (let i = 0; i < inner; i++) batch[to + i] = v[from + i]!;
        }
      }
    }
    out[d.name] = batch;
  }
  return out;
}

/** Examples as columns: batch[o, k] = v[o, which[k]] for each of the `outer` rows. */
function gatherColumns(
  v: Values,
  batch: Float64Array | Float32Array,
  outer: number,
  m: number,
  which: readonly number[],
): void {
  const b = which.length;
  for (let o = 0; o < outer; o++) {
    const from = o * m;
    const to = o * b;
    for (let k = 0; k < b; k++) batch[to + k] = v[from + which[k]!]!;
  }
}

/** How {@link TrainerCore.splitData} divides the examples. */
export interface SplitOptions {
  /** Dev examples: a count, or a fraction in (0, 1) of them. */
  readonly dev?: number;
  /** Test examples: a count, or a fraction in (0, 1) of them. */
  readonly test?: number;
  /** The shuffle's seed (default 1). */
  readonly seed?: number;
  readonly layout?: 'columns' | 'rows';
}

/** What {@link TrainerCore.splitData} returns: the same inputs, examples divided between sets. */
export interface DataSplit {
  readonly train: FlatData;
  readonly dev?: FlatData;
  readonly test?: FlatData;
}

/**
 * Train/dev/test sets of `given` (checked like any data of the model, options first): the one
 * implementation behind the trainer's `splitData` and the library's standalone `splitData`.
 */
export function splitExamples(meta: DataMeta, given: Data, options: SplitOptions): DataSplit {
  const where = callName(meta, 'splitData');
  checkTrainerOptions(where, options, SPLIT_OPTIONS);
  const opts = options ?? {};
  const data = toColumns(meta, given, 'splitData', opts.layout);
  return splitData(meta, data, checkData(meta, data, 'splitData'), opts, where);
}

/**
 * Train/dev/test sets (§5.1.1): the examples shuffled with `seed`, then `dev` and `test` examples
 * (a count, or a fraction in (0, 1) of the examples, rounded) taken for those sets, the rest for
 * training. Each set keeps the examples' relative order of the shuffle.
 */
function splitData(
  meta: DataMeta,
  data: FlatData,
  m: number,
  options: SplitOptions,
  where: string,
): DataSplit {
  const count = (x: number | undefined) => (x === undefined ? 0 : x < 1 ? Math.round(x * m) : x);
  const dev = count(options.dev);
  const test = count(options.test);
  if (dev + test >= m) {
    throw new GradgenInputError(
      'E_BAD_OPTION',
      `${where}: dev (${dev}) and test (${test}) examples leave none of the ${m} for training`,
    );
  }
  const order = shuffled(m, new Rng(options.seed ?? 1));
  const part = (from: number, to: number) => gather(meta, data, m, order.slice(from, to));
  return {
    train: part(dev + test, m),
    ...(dev > 0 ? { dev: part(0, dev) } : {}),
    ...(test > 0 ? { test: part(dev, dev + test) } : {}),
  };
}

/** The L2 term (λ/2m)·Σ‖W‖²_F of the cost lossAndGrad returns, for `m` examples. */
function l2Term(meta: TrainerMeta, state: TrainingState, m: number): number {
  if (meta.l2 === 0) return 0;
  let squares = 0;
  for (const name of meta.regularized) for (const w of state.params[name]!) squares += w * w;
  return (meta.l2 / (2 * m)) * squares;
}

/** Reads {@link TrainerCore.save}'s JSON, rejecting anything that is not exactly a state of `core`. */
function loadState(core: TrainerCore, json: string): TrainingState {
  const meta = core.meta;
  const where = `${meta.name}: load`;
  const fail = (what: string): never => {
    throw new GradgenInputError('E_BAD_STATE', `${where}: ${what}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return fail(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const file =
    record(parsed) ?? fail('not a gradgen state (an object with format, version, params)');
  const legacy = file['format'] === 'gradgen-params';
  if (!legacy && (file['format'] !== STATE_FORMAT || file['version'] !== STATE_VERSION)) {
    fail(
      `not a gradgen state: format ${JSON.stringify(file['format'])} version ${JSON.stringify(file['version'])} (expected '${STATE_FORMAT}' version ${STATE_VERSION})`,
    );
  }
  const state = core.init(0);
  const fill = (
    section: string,
    entries: unknown,
    expected: Map<string, readonly number[]>,
    into: Record<string, Float64Array>,
    unfitted = false,
  ) => {
    const given = record(entries) ?? fail(`'${section}' must be an object of named entries`);
    for (const key of Object.keys(given)) {
      if (!expected.has(key))
        fail(
          `${section}.${key} is not an entry of this model (it has ${[...expected.keys()].join(', ') || 'none'})`,
        );
    }
    for (const [key, shape] of expected) {
      const entry = record(given[key]) ?? fail(`${section}.${key} is missing`);
      const s = entry['shape'];
      if (!Array.isArray(s) || s.length !== shape.length || s.some((d, i) => d !== shape[i])) {
        fail(
          `${section}.${key} has shape ${JSON.stringify(s)}, the model needs [${shape.join(', ')}]`,
        );
      }
      const values = entry['data'];
      const target = into[key]!;
      if (!Array.isArray(values) || values.length !== target.length) {
        fail(`${section}.${key} must hold ${target.length} numbers`);
      }
      (values as unknown[]).forEach((v, i) => {
        if (unfitted && v === null) return void (target[i] = Number.NaN);
        if (typeof v !== 'number' || !Number.isFinite(v))
          fail(
            `${section}.${key}[${i}] is ${typeof v === 'number' ? String(v) : JSON.stringify(v)}, not a finite number`,
          );
        target[i] = v as number;
      });
    }
  };
  const paramShapes = new Map(meta.params.map((p) => [p.name, p.shape]));
  fill('params', file['params'], paramShapes, state.params);
  if (legacy) return state;
  const slotShapes = new Map(
    meta.params.flatMap((p) => meta.slots.map((s) => [`${s}_${p.name}`, p.shape] as const)),
  );
  fill('opt', file['opt'], slotShapes, state.opt);
  if (meta.normalizers.length > 0 || file['buffers'] !== undefined) {
    const bufferShapes = new Map(
      meta.normalizers.flatMap((n) => [n.mean, n.std].map((key) => [key, n.shape] as const)),
    );
    // a buffer saved before it was fitted holds nulls (NaN)
    fill('buffers', file['buffers'], bufferShapes, state.buffers, true);
    for (const n of meta.normalizers) {
      const std = state.buffers[n.std]!;
      const bad = std.findIndex((x) => x <= 0);
      if (bad >= 0)
        fail(`buffers.${n.std}[${bad}] is ${std[bad]}; a standard deviation must be > 0`);
    }
  }
  for (const key of ['step', 'epoch'] as const) {
    const v = file[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      fail(`${key} is ${JSON.stringify(v)}, not an integer ≥ 0`);
    state[key] = v as number;
  }
  const rngState = file['rng'];
  const words = Array.isArray(rngState)
    ? rngState.map((w: unknown) => (w === null ? Number.NaN : w))
    : [];
  if (!state.rng.setState(words)) fail(`rng is ${JSON.stringify(rngState)}, not a generator state`);
  return state;
}

/** `x` as a plain object whose own keys are safe to read (no `__proto__`/`constructor` tricks). */
function record(x: unknown): Record<string, unknown> | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const keys = Object.keys(x);
  if (keys.includes('__proto__') || keys.includes('constructor') || keys.includes('prototype'))
    return undefined;
  return x as Record<string, unknown>;
}

/**
 * A trainer that owns its state: what a generated module's `create<Name>Trainer` returns. Its
 * `params` are the live state arrays.
 */
export interface Trainer {
  readonly meta: TrainerMeta;
  readonly params: Record<string, Float64Array>;
  readonly state: TrainingState;
  step(batch: Data, options?: DataOptions): number;
  fit(data: Data, options: FitOptions): FitHistory;
  evaluate(data: Data, options?: DataOptions): number;
  splitData(data: Data, options: SplitOptions): DataSplit;
  /** Fits the normalizers' μ and σ on `data` (fit does it on its data when they are not fitted). */
  fitNormalization(data: Data, options?: DataOptions): void;
  predict(data: Data, options?: DataOptions): Record<string, number | Float64Array | Float32Array>;
  lossAndGrad(
    batch: Data,
    options?: DataOptions & { readonly maskSeed?: number },
  ): { loss: number; grads: Record<string, Float64Array> };
  save(): string;
  /** Replaces the whole state by a saved one (the `params` arrays keep their identity). */
  load(json: string): void;
}

export function createTrainer(
  core: TrainerCore,
  options: { readonly seed?: number } = {},
): Trainer {
  checkTrainerOptions(
    `create${core.meta.name.charAt(0).toUpperCase()}${core.meta.name.slice(1)}Trainer`,
    options,
    TRAINER_OPTIONS,
  );
  const state = core.init(options.seed ?? 1);
  return {
    meta: core.meta,
    params: state.params,
    state,
    step: (batch, o) => core.step(state, batch, o),
    fit: (data, o) => core.fit(state, data, o),
    evaluate: (data, o) => core.evaluate(state, data, o),
    splitData: (data, o) => core.splitData(data, o),
    fitNormalization: (data, o) => core.fitNormalization(state, data, o),
    predict: (data, o) => core.predict(state, data, o),
    lossAndGrad: (batch, o) => core.lossAndGrad(state, batch, o),
    save: () => core.save(state),
    load: (json) => restore(state, core.load(json)),
  };
}
