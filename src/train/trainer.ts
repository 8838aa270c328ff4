/**
 * Compiled training: one module with a fused training step (forward, backward, L2, optimizer
 * update), a predict function (dropout off) and a loss-and-gradient function, plus the runtime
 * that owns the state: seeded initialization, dropout masks, learning-rate decay, mini-batches,
 * and saving/loading parameters.
 */
import { grad } from '../autodiff/grad.js';
import * as B from '../builder/core.js';
import { gradcheck, type GradcheckOptions, type GradcheckResult } from '../check/gradcheck.js';
import { loadModule, type CompiledValue } from '../emit/compile.js';
import { emitFunctions } from '../emit/module.js';
import { GradgenError, at } from '../errors.js';
import { leavesOf, toposort } from '../ir/graph.js';
import { isNode, type InputNode, type Node, type ParamNode } from '../ir/node.js';
import { sameShape, type Shape } from '../ir/shape.js';
import { userCallSite, withCallSite } from '../ir/site.js';
import type { InputValue, InputValues } from '../ir/values.js';
import type { Dtype } from '../lower/lower.js';
import { optimize } from '../rewrite/optimize.js';
import { Rng } from '../rng.js';
import { dropoutInfo } from './dropout.js';
import { initialValues } from './init.js';
import { learningRateAt, stateSlots, update, type OptimizerSpec } from './optimizers.js';

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
  /** Prefix of the module's function names (default: `train`). */
  readonly name?: string;
}

export interface TrainingState {
  /** Parameter values, row-major, by name: read and write them freely. */
  readonly params: Record<string, Float64Array>;
  /** Optimizer state by `<slot>_<param>` (`v_W1`, `m_W1`, …). */
  readonly opt: Record<string, Float64Array>;
  /** Updates done so far (Adam's t). */
  step: number;
  /** Epochs completed (for learning-rate decay). */
  epoch: number;
  /** Draws dropout masks and shuffles mini-batches. */
  readonly rng: Rng;
}

export interface FitOptions {
  readonly epochs: number;
  /** Examples per mini-batch (default: the whole set). */
  readonly batchSize?: number;
  /** Called after each epoch with its mean cost. */
  readonly onEpoch?: (epoch: number, cost: number) => void;
}

export interface Trainer {
  /** The emitted module (self-contained TypeScript). */
  readonly source: string;
  readonly params: readonly { readonly name: string; readonly shape: readonly number[] }[];
  readonly parameterCount: number;
  /** Floating-point operations of one training step for a batch of `m` examples. */
  flopsPerStep(m: number): number;
  init(seed: number): TrainingState;
  /** One update on `data` (the whole batch given); returns the cost before the update. */
  step(state: TrainingState, data: InputValues): number;
  predict(state: TrainingState, data: InputValues): Record<string, CompiledValue>;
  /** The (regularized) cost and its gradients; dropout uses masks drawn from `maskSeed` (or none). */
  lossAndGrad(
    state: TrainingState,
    data: InputValues,
    options?: { maskSeed?: number },
  ): { loss: number; grads: Record<string, Float64Array> };
  /** gradcheck of the cost with respect to every param, dropout masks fixed from `maskSeed`. */
  gradcheck(
    state: TrainingState,
    data: InputValues,
    options?: GradcheckOptions & { maskSeed?: number },
  ): GradcheckResult;
  /** Epochs of mini-batch training (shuffled with the state's RNG); returns each epoch's mean cost. */
  fit(state: TrainingState, data: InputValues, options: FitOptions): number[];
  save(state: TrainingState): string;
  load(json: string, seed?: number): TrainingState;
  /**
   * Time per step in each kernel of the training step since the last call (slowest first), when
   * compiled with `profile: true`; resets the counters.
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

function isMatrix(shape: Shape): boolean {
  return shape.length >= 2 && shape.filter((d) => d !== 1).length >= 2;
}

/** Operation count of a graph at batch size `m` (matmul 2nkm, elementwise and reductions 1 per element). */
function flops(roots: readonly Node[], m: number): number {
  const size = (s: Shape) => s.reduce<number>((p, d) => p * (typeof d === 'number' ? d : m), 1);
  let total = 0;
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply') continue;
    if (n.op === 'matmul') total += 2 * size(n.shape) * size([n.args[0]!.shape[1]!]);
    else if (n.op === 'sum') total += size(n.args[0]!.shape);
    else if (!['reshape', 'transpose', 'broadcastTo', 'batchSize'].includes(n.op))
      total += size(n.shape);
  }
  return total;
}

export function compileTraining(spec: TrainingSpec): Trainer {
  const where = 'compileTraining';
  if (!spec || !isNode(spec.loss)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: { loss } must be a graph node${at(userCallSite())}`,
    );
  }
  if (!spec.optimizer || typeof spec.optimizer.kind !== 'string') {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: optimizer must be sgd(…), momentum(…), rmsprop(…) or adam(…)${at(userCallSite())}`,
    );
  }
  const l2 = spec.l2 ?? 0;
  if (typeof l2 !== 'number' || !(l2 >= 0) || !Number.isFinite(l2)) {
    throw new GradgenError(
      'E_BAD_OPTION',
      `${where}: l2 must be a number ≥ 0, got ${String(l2)}${at(userCallSite())}`,
    );
  }
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
  const masks = new Map<InputNode, number>();
  for (const n of toposort([spec.loss, ...Object.values(userOutputs)])) {
    const info = dropoutInfo(n);
    if (info) masks.set(info.mask, info.keepProb);
  }
  const dataLeaves = leaves.filter((l) => l.kind === 'input' && !masks.has(l as InputNode));
  const batchSymbol = dataLeaves.flatMap((l) =>
    l.shape.filter((d): d is string => typeof d === 'string'),
  )[0];

  // ---- the regularized cost
  const regularized = spec.regularize
    ? spec.regularize.map((r) => {
        const name =
          typeof r === 'string' ? r : isNode(r) && r.kind === 'param' ? r.name : undefined;
        const p = params.find((q) => q.name === name);
        if (!p)
          throw new GradgenError(
            'E_BAD_OPTION',
            `${where}: regularize lists '${String(name)}', which is not a param of the loss`,
          );
        return p;
      })
    : params.filter((p) => isMatrix(p.shape));
  let cost = spec.loss;
  if (l2 > 0 && regularized.length > 0) {
    const squares = regularized.map((W) => B.sum(B.square(W))).reduce((a, b) => B.add(a, b));
    const scale = B.mul(l2 / 2, B.reciprocalCount(batchSymbol ? [batchSymbol] : []));
    cost = B.add(cost, B.mul(scale, squares));
  }
  const grads = grad(cost, params);

  // ---- the optimizer update, as graph nodes
  const lr = B.input('opt_lr');
  const c1 = B.input('opt_c1');
  const c2 = B.input('opt_c2');
  const slots = stateSlots(spec.optimizer);
  const stepOutputs: Record<string, Node> = { J: cost };
  const stateInputs: InputNode[] = [];
  params.forEach((W, i) => {
    const state: Record<string, Node> = {};
    for (const slot of slots) {
      const s = B.input(`opt_${slot}_${W.name}`, W.shape);
      state[slot] = s;
      stateInputs.push(s);
    }
    const next = update(spec.optimizer, W, grads[i]!, state, { lr, c1, c2 });
    stepOutputs[`${W.name}_next`] = next.W;
    for (const slot of slots) stepOutputs[`opt_${slot}_${W.name}_next`] = next.state[slot]!;
  });
  const hyper = spec.optimizer.kind === 'adam' ? [lr, c1, c2] : [lr];
  const stepInputs = [...dataLeaves, ...masks.keys(), ...params, ...stateInputs, ...hyper];

  const predictKeys = Object.keys(userOutputs);
  const predictRoots = withoutDropout(predictKeys.map((k) => userOutputs[k]!));
  const predictOutputs = Object.fromEntries(predictKeys.map((k, i) => [k, predictRoots[i]!]));
  const gradOutputs: Record<string, Node> = { J: cost };
  params.forEach((W, i) => (gradOutputs[`d${W.name}`] = grads[i]!));

  const optimizedStep = optimize(stepOutputs).outputs;
  const perExample = (m: number) => flops(Object.values(optimizedStep), m);
  const flopsFixed = perExample(0);
  const flopsPer = perExample(1) - flopsFixed;
  const paramShapes = params.map((p) => ({ name: p.name, shape: p.shape.map(Number) }));
  const parameterCount = paramShapes.reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
  const optimizerText = JSON.stringify(spec.optimizer);
  const specs = [
    { name: `${prefix}Step`, outputs: optimizedStep, inputs: stepInputs },
    ...(predictKeys.length
      ? [
          {
            name: `${prefix}Predict`,
            outputs: predictOutputs,
            inputs: leavesOf(predictRoots, where),
          },
        ]
      : []),
    {
      name: `${prefix}LossAndGrad`,
      outputs: gradOutputs,
      inputs: [...dataLeaves, ...masks.keys(), ...params],
    },
  ];
  const { source, javascript, functions } = emitFunctions(
    specs,
    {
      ...(spec.dtype ? { dtype: spec.dtype } : {}),
      ...(spec.profile ? { profile: true } : {}),
      header: [
        `Training module: ${prefix}Step (forward + backward${l2 > 0 ? ' + L2' : ''} + ${spec.optimizer.kind} update),`,
        `${predictKeys.length ? `${prefix}Predict (dropout off), ` : ''}${prefix}LossAndGrad. Parameters: ${paramShapes.map((p) => `${p.name} (${p.shape.join(', ')})`).join(', ')}.`,
      ],
      constants: [
        {
          name: `${prefix}Meta`,
          doc: [
            'Parameters, optimizer and cost of one training step (FLOPs = fixed + perExample·m).',
          ],
          value: {
            params: Object.fromEntries(paramShapes.map((p) => [p.name, p.shape])),
            parameterCount,
            optimizer: JSON.parse(optimizerText) as unknown,
            l2,
            flopsPerStep: { fixed: flopsFixed, perExample: flopsPer },
          },
        },
      ],
    },
    where,
  );
  const mod = loadModule(javascript);
  const stepFn = mod[functions[0]!.functionName] as (
    i: unknown,
    options: { checkValues: boolean },
  ) => Record<string, CompiledValue>;
  const predictFn = predictKeys.length
    ? (mod[functions[1]!.functionName] as (i: unknown) => Record<string, CompiledValue>)
    : undefined;
  const predictInputs = predictKeys.length ? functions[1]!.inputs.map((l) => l.name) : [];
  const gradFn = mod[functions[functions.length - 1]!.functionName] as (
    i: unknown,
  ) => Record<string, CompiledValue>;

  // ---- runtime
  // The runtime below runs every step: it loops over arrays prepared here and builds no strings,
  // closures or arrays, so a training loop allocates nothing.
  const batchedLeaves = dataLeaves
    .filter((l) => batchSymbol !== undefined && l.shape.includes(batchSymbol))
    .map((l) => ({
      name: l.name,
      fixed: fixedSize(l.shape),
    }));
  const batchOf = (data: InputValues): number => {
    for (let i = 0; i < batchedLeaves.length; i++) {
      const v = data[batchedLeaves[i]!.name];
      if (v !== undefined && typeof v !== 'number') return v.length / batchedLeaves[i]!.fixed;
    }
    return 1;
  };
  const maskList = [...masks].map(([mask, keep]) => ({
    name: mask.name,
    keep,
    fixed: fixedSize(mask.shape),
    batched: batchSymbol !== undefined && mask.shape.includes(batchSymbol),
    buffer: new Float64Array(0),
  }));
  const drawMasks = (rng: Rng, m: number, into: Record<string, unknown>) => {
    for (let k = 0; k < maskList.length; k++) {
      const mask = maskList[k]!;
      const size = mask.batched ? mask.fixed * m : mask.fixed;
      if (mask.buffer.length !== size) mask.buffer = new Float64Array(size);
      const buf = mask.buffer;
      for (let i = 0; i < size; i++) buf[i] = rng.uniform() < mask.keep ? 1 : 0;
      into[mask.name] = buf;
    }
  };
  const checkData = (data: InputValues, fn: string) => {
    if (typeof data !== 'object' || data === null) {
      throw new GradgenError('E_MISSING_INPUT', `${fn}: expected an object of named data inputs`);
    }
    for (const key in data) {
      if (paramNames.has(key)) {
        throw new GradgenError(
          'E_UNKNOWN_INPUT',
          `${fn}: '${key}' is a parameter; it comes from the state, not the data`,
        );
      }
    }
  };
  const paramNames = new Set(params.map((p) => p.name));
  const paramSizes = paramShapes.map((p) => p.shape.reduce((a, b) => a * b, 1));
  const checkState = (state: TrainingState, fn: string) => {
    for (let i = 0; i < paramShapes.length; i++) {
      const p = paramShapes[i]!;
      const v = state?.params?.[p.name];
      const size = paramSizes[i]!;
      if (!(v instanceof Float64Array) || v.length !== size) {
        throw new GradgenError(
          'E_INPUT_SHAPE',
          `${fn}: state.params.${p.name} must be a Float64Array of ${size} values (shape (${p.shape.join(', ')}))`,
        );
      }
    }
  };

  /**
   * Params and optimizer state as the step function names them: input `W1` / `opt_v_W1`, output
   * `W1_next` / `opt_v_W1_next`, and where the value lives in the state.
   */
  const stateSlotList = params.flatMap((p) => [
    { key: p.name, next: `${p.name}_next`, inOpt: false, stateKey: p.name },
    ...slots.map((slot) => ({
      key: `opt_${slot}_${p.name}`,
      next: `opt_${slot}_${p.name}_next`,
      inOpt: true,
      stateKey: `${slot}_${p.name}`,
    })),
  ]);
  const stateValue = (state: TrainingState, i: number): Float64Array => {
    const slot = stateSlotList[i]!;
    return (slot.inOpt ? state.opt : state.params)[slot.stateKey]!;
  };
  // a float32 module reads float32 arrays: the state is copied into these (no allocation per step)
  const mirrors = stateSlotList.map(() => new Float32Array(0));
  const asDtype = (i: number, value: Float64Array): Float64Array | Float32Array => {
    if (spec.dtype !== 'float32') return value;
    if (mirrors[i]!.length !== value.length) mirrors[i] = new Float32Array(value.length);
    mirrors[i]!.set(value);
    return mirrors[i]!;
  };
  // every key the step function takes, in its order, so the object keeps one shape
  const stepInputsObject: Record<string, unknown> = Object.fromEntries(
    stepInputs.map((l) => [l.name, undefined]),
  );
  /** Throws the error that explains a non-finite step result; the state is left as it was. */
  const failedStep = (
    state: TrainingState,
    data: InputValues,
    key: string,
    index: number,
    J: number,
  ): never => {
    for (const l of dataLeaves) {
      const v = data[l.name];
      const bad = typeof v === 'number' ? (Number.isFinite(v) ? -1 : 0) : firstNonFinite(v ?? []);
      if (bad >= 0) {
        const value = typeof v === 'number' ? v : v![bad];
        throw new GradgenError(
          'E_NONFINITE_INPUT',
          `step: data '${l.name}' has a non-finite value ${value}${typeof v === 'number' ? '' : ` at index ${bad}`}`,
        );
      }
    }
    for (let i = 0; i < stateSlotList.length; i++) {
      const v = stateValue(state, i);
      const bad = firstNonFinite(v);
      if (bad >= 0) {
        const { inOpt, stateKey } = stateSlotList[i]!;
        const where = `state.${inOpt ? 'opt' : 'params'}.${stateKey}`;
        throw new GradgenError(
          'E_NONFINITE_INPUT',
          `step: ${where} has a non-finite value ${v[bad]} at index ${bad}`,
        );
      }
    }
    const what =
      index >= 0
        ? `${key.startsWith('opt_') ? `optimizer state ${key.slice(4)}` : key} got a non-finite value at index ${index} (the cost before the update: ${J})`
        : `the cost came out ${J}`;
    throw new GradgenError(
      'E_NONFINITE_RESULT',
      `step ${state.step + 1}: ${what} from finite data and parameters; ` +
        `the state is unchanged. The optimization diverged: a smaller learning rate ` +
        `(now ${learningRateAt(spec.optimizer, state.epoch)}) usually helps.`,
    );
  };

  const stepProfile = functions[0]!.profileName
    ? (mod[functions[0]!.profileName] as { kernels: string[]; ms: Float64Array; calls: number })
    : undefined;

  const trainer: Trainer = {
    source,
    profile() {
      if (!stepProfile) {
        throw new GradgenError(
          'E_BAD_OPTION',
          'profile: compile the trainer with profile: true to time its kernels',
        );
      }
      const calls = Math.max(1, stepProfile.calls);
      const times = stepProfile.kernels.map((kernel, i) => ({
        kernel,
        ms: stepProfile.ms[i]! / calls,
      }));
      stepProfile.ms.fill(0);
      stepProfile.calls = 0;
      return times.sort((a, b) => b.ms - a.ms);
    },
    params: paramShapes,
    parameterCount,
    flopsPerStep: (m) => flopsFixed + flopsPer * m,
    init(seed) {
      const rng = new Rng(seed);
      const values: Record<string, Float64Array> = {};
      for (const p of params) values[p.name] = initialValues(p, rng);
      const opt: Record<string, Float64Array> = {};
      for (const p of params)
        for (const slot of slots)
          opt[`${slot}_${p.name}`] = new Float64Array(values[p.name]!.length);
      return { params: values, opt, step: 0, epoch: 0, rng: new Rng(seed ^ 0x5eed) };
    },
    step(state, data) {
      checkData(data, 'step');
      checkState(state, 'step');
      const inputs = stepInputsObject;
      for (let i = 0; i < dataLeaves.length; i++)
        inputs[dataLeaves[i]!.name] = data[dataLeaves[i]!.name];
      drawMasks(state.rng, batchOf(data), inputs);
      for (let i = 0; i < stateSlotList.length; i++) {
        inputs[stateSlotList[i]!.key] = asDtype(i, stateValue(state, i));
      }
      const t = state.step + 1;
      inputs.opt_lr = learningRateAt(spec.optimizer, state.epoch);
      if (spec.optimizer.kind === 'adam') {
        inputs.opt_c1 = 1 / (1 - spec.optimizer.beta1! ** t);
        inputs.opt_c2 = 1 / (1 - spec.optimizer.beta2! ** t);
      }
      // The values are not scanned on the way in (that would read all of X every step); the
      // results are checked instead, and only a non-finite result looks for its cause.
      const out = stepFn(inputs, UNCHECKED);
      const J = out.J as number;
      for (let i = 0; i < stateSlotList.length; i++) {
        const bad = firstNonFinite(out[stateSlotList[i]!.next] as ArrayLike<number>);
        if (bad >= 0 || !Number.isFinite(J)) failedStep(state, data, stateSlotList[i]!.key, bad, J);
      }
      for (let i = 0; i < stateSlotList.length; i++) {
        stateValue(state, i).set(out[stateSlotList[i]!.next] as ArrayLike<number>);
      }
      state.step = t;
      return J;
    },
    predict(state, data) {
      if (!predictFn)
        throw new GradgenError(
          'E_BAD_OPTION',
          'predict: the training spec has no outputs to predict',
        );
      checkData(data, 'predict');
      checkState(state, 'predict');
      // only what the predictions read: labels and other data may be passed along and are ignored
      const inputs: Record<string, unknown> = {};
      for (const name of predictInputs) if (name in data) inputs[name] = data[name];
      for (const p of params) inputs[p.name] = state.params[p.name];
      const out = predictFn(inputs);
      return Object.fromEntries(
        Object.entries(out).map(([k, v]) => [k, typeof v === 'number' ? v : v.slice()]),
      );
    },
    lossAndGrad(state, data, options = {}) {
      checkData(data, 'lossAndGrad');
      checkState(state, 'lossAndGrad');
      const inputs: Record<string, unknown> = { ...data };
      const m = batchOf(data);
      if (masks.size > 0) {
        if (options.maskSeed === undefined) {
          // dropout off: a mask of keepProb everywhere makes A·D/keepProb = A
          for (const [mask, keep] of masks) {
            const size = mask.shape.reduce<number>(
              (p, d) => p * (typeof d === 'number' ? d : m),
              1,
            );
            inputs[mask.name] = new Float64Array(size).fill(keep);
          }
        } else drawMasks(new Rng(options.maskSeed), m, inputs);
      }
      for (const p of params) inputs[p.name] = state.params[p.name];
      const out = gradFn(inputs);
      return {
        loss: out.J as number,
        grads: Object.fromEntries(
          params.map((p) => [p.name, Float64Array.from(out[`d${p.name}`] as Float64Array)]),
        ),
      };
    },
    gradcheck(state, data, options = {}) {
      const seed = options.maskSeed ?? 1;
      const fixed: Record<string, unknown> = {};
      if (masks.size > 0) drawMasks(new Rng(seed), batchOf(data), fixed);
      const frozen = Object.fromEntries(
        Object.entries(fixed).map(([k, v]) => [k, Float64Array.from(v as Float64Array)]),
      );
      const at: Record<string, InputValue> = { ...data, ...frozen };
      for (const p of params) at[p.name] = Float64Array.from(state.params[p.name]!);
      const names = params.map((p) => p.name);
      return gradcheck(
        {
          cost: (x) => gradFn(x).J as number,
          grad: (x) => {
            const out = gradFn(x);
            return Object.fromEntries(names.map((n) => [n, out[`d${n}`] as Float64Array]));
          },
        },
        at,
        { wrt: names, ...options },
      );
    },
    fit(state, data, options) {
      const costs: number[] = [];
      const m = batchOf(data);
      const size = options.batchSize ?? m;
      if (!Number.isInteger(size) || size < 1) {
        throw new GradgenError(
          'E_BAD_OPTION',
          `fit: batchSize must be a positive integer, got ${String(options.batchSize)}`,
        );
      }
      for (let e = 0; e < options.epochs; e++) {
        let total = 0;
        let seen = 0;
        for (const batch of miniBatches(data, dataLeaves, batchSymbol, m, size, state.rng)) {
          const b = batchOf(batch);
          total += trainer.step(state, batch) * b;
          seen += b;
        }
        state.epoch++;
        const cost = total / seen;
        costs.push(cost);
        options.onEpoch?.(state.epoch, cost);
      }
      return costs;
    },
    save(state) {
      checkState(state, 'save');
      return JSON.stringify({
        format: 'gradgen-params',
        version: 1,
        params: Object.fromEntries(
          paramShapes.map((p) => [
            p.name,
            { shape: p.shape, data: Array.from(state.params[p.name]!) },
          ]),
        ),
      });
    },
    load(json, seed = 0) {
      let parsed: {
        format?: string;
        params?: Record<string, { shape?: number[]; data?: number[] }>;
      };
      try {
        parsed = JSON.parse(json);
      } catch (e) {
        throw new GradgenError('E_BAD_OPTION', `load: not JSON (${(e as Error).message})`);
      }
      if (parsed?.format !== 'gradgen-params' || typeof parsed.params !== 'object') {
        throw new GradgenError(
          'E_BAD_OPTION',
          "load: not a gradgen parameter file (format 'gradgen-params')",
        );
      }
      const state = trainer.init(seed);
      for (const p of paramShapes) {
        const entry = parsed.params[p.name];
        if (!entry)
          throw new GradgenError('E_MISSING_INPUT', `load: the file has no parameter '${p.name}'`);
        if (
          !Array.isArray(entry.shape) ||
          !sameShape(entry.shape, p.shape) ||
          !Array.isArray(entry.data) ||
          entry.data.length !== state.params[p.name]!.length
        ) {
          throw new GradgenError(
            'E_INPUT_SHAPE',
            `load: parameter '${p.name}' has shape (${entry.shape?.join(', ')}) in the file, the model needs (${p.shape.join(', ')})`,
          );
        }
        state.params[p.name]!.set(entry.data);
      }
      for (const key of Object.keys(parsed.params)) {
        if (!paramShapes.some((p) => p.name === key))
          throw new GradgenError(
            'E_UNKNOWN_INPUT',
            `load: the file has a parameter '${key}' the model does not`,
          );
      }
      return state;
    },
  };
  return trainer;
}

/**
 * Shuffled mini-batches over the batch axis (the last axis: examples are columns), with a last
 * partial batch when the size does not divide m. Inputs without the batch axis pass through.
 */
export function* miniBatches(
  data: InputValues,
  leaves: readonly { readonly name: string; readonly shape: Shape }[],
  symbol: string | undefined,
  m: number,
  batchSize: number,
  rng: Rng,
): Generator<InputValues> {
  const order = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let start = 0; start < m; start += batchSize) {
    const b = Math.min(batchSize, m - start);
    const batch: Record<string, InputValues[string]> = { ...data };
    for (const l of leaves) {
      if (!symbol || l.shape[l.shape.length - 1] !== symbol) continue;
      const v = data[l.name];
      if (v === undefined || typeof v === 'number') continue;
      const rows = v.length / m;
      const out = new Float64Array(rows * b);
      for (let r = 0; r < rows; r++)
        for (let k = 0; k < b; k++) out[r * b + k] = v[r * m + order[start + k]!]!;
      batch[l.name] = out;
    }
    yield batch;
  }
}

/** The training module's TypeScript text, for writing to disk (what `compileTraining(spec).source` holds). */
export function emitTraining(spec: TrainingSpec): string {
  return compileTraining(spec).source;
}

const UNCHECKED = { checkValues: false } as const;

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

/** Elements of `shape` per unit of the batch dimension (its literal dimensions multiplied). */
function fixedSize(shape: Shape): number {
  return shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
}
