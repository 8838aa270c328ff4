/**
 * The `gradgen` commands (loaded by `bin.ts` once help and the version are ruled out). Errors are
 * one line on stderr and exit code 1 (2 for usage errors); a stack trace only with --debug.
 */
import '../index.js';
import { audit } from '../check/audit.js';
import { gradcheck, type GradcheckOptions, type GradcheckResult } from '../check/gradcheck.js';
import { formatFindings } from '../check/lint.js';
import { compile } from '../emit/compile.js';
import { GradgenError } from '../errors.js';
import { leavesOf } from '../ir/graph.js';
import type { Node } from '../ir/node.js';
import { input } from '../builder/core.js';
import { jvp } from '../autodiff/jvp.js';
import { hvp } from '../autodiff/vjp.js';
import type { InputValue, InputValues } from '../ir/values.js';
import {
  binaryAccuracy,
  multiclassAccuracy,
  type GraphModel,
  type Model,
  type TrainingModel,
} from '../model.js';
import { explain, optimize } from '../rewrite/optimize.js';
import {
  compileTraining,
  type FitHistory,
  type Trainer,
  type TrainingState,
} from '../train/trainer.js';
import { gradientOutputKeys, renderGraph } from './graphviz.js';
import { lintModel } from './lintModel.js';
import { costPlot } from './plot.js';
import { createProgress, createStatus, displayFor, formatCost } from './progress.js';
import { loadModel, writeText } from '../node.js';
import { describeError } from '../modelFileError.js';
import { parseCommand, type OptionValues } from './args.js';
import { CliError, exampleCount, firstExamples, modelOutputs, moduleFiles } from './samples.js';
import { UsageError, usageErrorLine } from './usage.js';

function writeOrPrint(out: string | undefined, text: string): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  writeText(out, text);
  console.error(`wrote ${out}`);
}

/** The gradcheck options `check`'s flags ask for. */
function checkOptions(options: OptionValues<'check'>): GradcheckOptions {
  if (options.adjoint && options.hvp) {
    throw new UsageError('check: --adjoint and --hvp are two checks; ask for one at a time');
  }
  const mode = options.adjoint ? 'adjoint' : options.hvp ? 'hvp' : undefined;
  return {
    ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}),
    ...(options['avoid-kinks'] ? { avoidKinks: true } : {}),
    ...(mode ? { mode } : {}),
  };
}

/** Large inputs: random directions instead of every component (the adjoint and hvp modes always are). */
function largeMode(options: GradcheckOptions): GradcheckOptions {
  return options.mode === undefined ? { mode: 'random', directions: 6 } : {};
}

/** Prints the check's report; exit code 1 unless every row passed (`ok`, as the report says). */
function reportCheck(result: GradcheckResult): void {
  console.log(result.report());
  if (!result.ok) process.exitCode = 1;
}

function checkGraph(
  file: string,
  model: GraphModel,
  options: GradcheckOptions,
  guard: boolean,
): void {
  if (!model.example) throw new CliError(`${file}: the model has no example point to check at`);
  const f = compile(model.outputs, {
    name: model.name,
    inputs: model.inputs,
    ...(guard ? { guard } : {}),
  });
  const at = typeof model.example === 'function' ? model.example() : model.example;
  const large = Object.values(at).some((v) => typeof v !== 'number' && v.length > 2000);
  reportCheck(
    gradcheck(f, at, {
      ...options,
      ...(model.cost ? { cost: model.cost } : {}),
      ...(large ? largeMode(options) : {}),
    }),
  );
}

/**
 * `check` works on the first k training examples, k as large as keeps the whole check (two cost
 * evaluations per component or random direction) under this many FLOPs, and at least 32: all of
 * a small set, a few dozen examples of an image set. Every gradient is exercised either way, and
 * the check of a large model stays within seconds.
 */
const CHECK_FLOPS = 2e9;
const CHECK_MIN_EXAMPLES = 32;

/**
 * Gradient-checks a training model's loss with respect to every param, at `init(seed)` after
 * `steps` full-batch training steps (default 5). At a seeded initialization with tiny weights
 * (0.01·N(0, 1)) some gradients (planar's first-layer biases) are ~1e-8, close to what two-sided
 * differences of a cost of ~0.7 resolve at ε = 1e-7 (~1e-9): gradcheck can then only call them
 * `roundoff`. A few steps make them larger; many more shrink every gradient again as the cost
 * flattens out, so the default stays small.
 */
function checkTraining(
  model: TrainingModel,
  options: { seed: number | undefined; steps: number | undefined; guard: boolean },
  check: GradcheckOptions,
): void {
  const seed = options.seed ?? model.defaults?.seed ?? 1;
  const steps = options.steps ?? 5;
  const trainer = compileTraining({ ...model, ...(options.guard ? { guard: true } : {}) });
  const { train } = model.data();
  const m = exampleCount(model, train);
  const large = trainer.params.some((p) => p.shape.reduce((a, b) => a * b, 1) > 2000);
  const evaluations = 2 * (large ? 6 * trainer.params.length : trainer.parameterCount);
  let k = m;
  if (evaluations * trainer.flopsPerStep(m) > CHECK_FLOPS) {
    const perExample = Math.max(1, trainer.flopsPerStep(2) - trainer.flopsPerStep(1));
    const budget = CHECK_FLOPS / evaluations - trainer.flopsPerStep(0);
    k = Math.min(m, Math.max(CHECK_MIN_EXAMPLES, Math.floor(budget / perExample)));
  }
  const data = k < m ? firstExamples(model, train, k) : train;
  const state = trainer.init(seed);
  // normalize(X)'s μ and σ, from the whole training set (as fit fits them)
  trainer.fitNormalization(state, train);
  for (let i = 0; i < steps; i++) trainer.step(state, data);
  const result = trainer.gradcheck(state, data, {
    ...check,
    ...(large ? largeMode(check) : {}),
  });
  const where =
    steps > 0
      ? `init(seed ${seed}) after ${steps} training step${steps === 1 ? '' : 's'}`
      : `init(seed ${seed})`;
  const examples = k < m ? `the first ${k} of ${m}` : `${m}`;
  console.log(`${model.name}: the loss at ${where}, on ${examples} training examples`);
  reportCheck(result);
}

function asArray(v: InputValue | number | ArrayLike<number>): ArrayLike<number> {
  return typeof v === 'number' ? [v] : v;
}

/** The model's accuracy spec names an output and labels its data has: checked before training. */
function checkAccuracySpec(file: string, model: TrainingModel, data: DataSets): void {
  const spec = model.accuracy;
  if (!spec) return;
  const names = Object.keys(model.outputs ?? {});
  if (!names.includes(spec.output)) {
    throw new CliError(
      `${file}: accuracy.output '${spec.output}' is not an output of the model (outputs: ${names.join(', ') || 'none'})`,
    );
  }
  for (const [values, which] of [
    [data.train, 'training'],
    [data.test, 'test'],
  ] as const) {
    if (values && values[spec.label] === undefined) {
      const keys = Object.keys(values).join(', ') || 'none';
      throw new CliError(
        `${file}: accuracy.label: the ${which} data has no labels '${spec.label}' (it has ${keys})`,
      );
    }
  }
}

function accuracyLine(
  model: TrainingModel,
  trainer: Trainer,
  state: TrainingState,
  data: InputValues,
  which: string,
): string | undefined {
  const spec = model.accuracy;
  if (!spec) return undefined;
  const labels = data[spec.label];
  if (labels === undefined) {
    throw new CliError(`accuracy: the ${which} data has no labels '${spec.label}'`);
  }
  // predict takes only what the outputs read (not the labels): pass just those inputs
  const reads = new Set(
    leavesOf(Object.values(model.outputs ?? {}), model.name)
      .filter((l) => l.kind === 'input')
      .map((l) => l.name),
  );
  const inputs = Object.fromEntries(Object.entries(data).filter(([k]) => reads.has(k)));
  const predicted = trainer.predict(state, inputs)[spec.output];
  if (predicted === undefined) {
    const names = Object.keys(model.outputs ?? {});
    throw new CliError(
      `accuracy: '${spec.output}' is not an output of the model (outputs: ${names.join(', ') || 'none'})`,
    );
  }
  const y = asArray(labels);
  const classes = Number(model.outputs?.[spec.output]?.shape[0] ?? 1);
  const accuracy =
    classes > 1
      ? multiclassAccuracy(asArray(predicted), y, classes)
      : binaryAccuracy(asArray(predicted), y);
  const examples = classes > 1 ? asArray(predicted).length / classes : y.length;
  const correct = Math.round(accuracy * examples);
  return `${which} accuracy: ${(accuracy * 100).toFixed(2)}% (${correct}/${examples})`;
}

/** The cost per epoch of a run, and of the dev data (else the test data) when there is some. */
interface Curves {
  readonly costs: FitHistory;
  readonly testCosts: readonly number[] | undefined;
  readonly heldOut: 'dev' | 'test';
}

/** The training data and, when the model has some, its test data. */
type DataSets = ReturnType<TrainingModel['data']>;

/** What `train` runs: the flags, else the model's defaults, else 100 epochs, full batch, seed 1. */
interface TrainingRun {
  readonly epochs: number;
  readonly batchSize: number | undefined;
  readonly seed: number;
  readonly optimizer: TrainingModel['optimizer'];
  /** Early stopping on the model's dev data (its defaults'). */
  readonly patience: number | undefined;
}

function trainingRun(model: TrainingModel, options: OptionValues<'train'>): TrainingRun {
  const epochs = options.epochs ?? model.defaults?.epochs ?? 100;
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new CliError(`${model.name}: defaults.epochs must be a positive integer, got ${epochs}`);
  }
  return {
    epochs,
    batchSize: options.batch ?? model.defaults?.batchSize,
    seed: options.seed ?? model.defaults?.seed ?? 1,
    patience: model.defaults?.patience,
    optimizer:
      options.lr !== undefined ? { ...model.optimizer, learningRate: options.lr } : model.optimizer,
  };
}

/** `train`: compile, load the data, fit with progress, print the costs and accuracy, plot if asked. */
async function trainCommand(file: string, options: OptionValues<'train'>): Promise<void> {
  const model = trainingModel(file, await loadModel(file));
  const run = trainingRun(model, options);
  const display = displayFor(process.stderr);
  const status = createStatus(process.stderr, display.mode);
  let trainer: Trainer;
  let data: DataSets;
  try {
    status.show(`compiling ${model.name}…`); // digits: a few seconds
    trainer = compileTraining({
      ...model,
      optimizer: run.optimizer,
      ...(options.guard ? { guard: true } : {}),
    });
    status.show('loading the data…');
    data = modelData(file, model);
  } finally {
    status.clear();
  }
  checkAccuracySpec(file, model, data);
  const m = exampleCount(model, data.train);
  const batch =
    run.batchSize === undefined || run.batchSize >= m
      ? `full batch (${m})`
      : `batch ${run.batchSize}`;
  const { kind, learningRate } = run.optimizer;
  console.log(
    `${model.name}: ${trainer.parameterCount} parameters, ${kind} (learning rate ${learningRate}), ${m} training examples; ${run.epochs} epochs, ${batch}, seed ${run.seed}`,
  );
  const state = trainer.init(run.seed);
  const started = performance.now();
  const curves = fitWithProgress(trainer, state, data, {
    ...run,
    m,
    display,
    intro: `training: ${run.epochs} epochs, ${batch}, ${m} examples`,
  });
  report(model, trainer, state, data, curves, (performance.now() - started) / 1000);
  if (options.plot) {
    const svg = costPlot(curves.costs, {
      title: `${model.name}: cost per epoch`,
      ...(curves.testCosts ? { test: curves.testCosts, testLabel: curves.heldOut } : {}),
      ...(options['log-x'] ? { logX: true } : {}),
    });
    writeText(options.plot, svg);
    console.log(`cost plot: ${options.plot}`);
  }
}

function trainingModel(file: string, model: Model): TrainingModel {
  if (model.kind === 'training') return model;
  throw new CliError(
    `${file} is a graph model (defineGraph): train needs a training model (defineTraining({ name, loss, optimizer, data }))`,
  );
}

/** The model's data(); an exception in it is the model file's error, named by file and line. */
function modelData(file: string, model: TrainingModel): DataSets {
  try {
    return model.data();
  } catch (e) {
    if (e instanceof GradgenError) throw new GradgenError(e.code, `${file}: data(): ${e.message}`);
    throw new CliError(`${file}: data() failed: ${describeError(e)}`);
  }
}

/**
 * trainer.fit with the progress display; after each epoch, the dev cost (fit's, with early
 * stopping when the model's defaults give a patience) or else the test cost — dropout off,
 * without the L2 term (trainer.evaluate) — when there is such data.
 */
function fitWithProgress(
  trainer: Trainer,
  state: TrainingState,
  data: DataSets,
  run: TrainingRun & { m: number; display: ReturnType<typeof displayFor>; intro: string },
): Curves {
  const { dev, test } = data;
  const heldOut = dev ? 'dev' : 'test';
  const testCosts: number[] | undefined = !dev && test ? [] : undefined;
  const progress = createProgress({
    epochs: run.epochs,
    examplesPerEpoch: run.m,
    stream: process.stderr,
    mode: run.display.mode,
    columns: run.display.columns,
    intro: run.intro,
    heldOut,
  });
  try {
    const costs = trainer.fit(state, data.train, {
      epochs: run.epochs,
      ...(run.batchSize !== undefined ? { batchSize: run.batchSize } : {}),
      ...(dev ? { dev } : {}),
      ...(dev && run.patience !== undefined ? { patience: run.patience } : {}),
      onBatch: (b) => progress.batch(b),
      onEpoch: (epoch, cost, devCost) => {
        const testCost = testCosts ? trainer.evaluate(state, test!) : devCost;
        if (testCosts && testCost !== undefined) testCosts.push(testCost);
        progress.epoch(epoch, cost, testCost);
      },
    });
    return { costs, testCosts: costs.dev ?? testCosts, heldOut };
  } finally {
    progress.done();
  }
}

/** The final costs and the accuracies. */
function report(
  model: TrainingModel,
  trainer: Trainer,
  state: TrainingState,
  data: DataSets,
  curves: Curves,
  seconds: number,
): void {
  const epochs = curves.costs.length;
  const final = curves.costs[epochs - 1]!;
  console.log(`final cost: ${formatCost(final)} (epoch ${epochs}, ${seconds.toFixed(2)} s)`);
  for (const n of trainer.normalizers) {
    const shown = (v: Float64Array) => `[${Array.from(v, (x) => x.toPrecision(6)).join(', ')}]`;
    console.log(
      `normalized ${n.input} with the training data's μ = ${shown(state.buffers[n.mean]!)}, σ = ${shown(state.buffers[n.std]!)} (saved with the state: predict takes raw ${n.input})`,
    );
  }
  const best = curves.costs.best;
  if (curves.costs.stopped === 'patience' && best) {
    console.log(
      `early stopping: no better dev cost for ${epochs - best.epoch} epochs; the state is that after epoch ${best.epoch}, the best (dev cost ${formatCost(best.cost)})`,
    );
  } else {
    const finalHeldOut = curves.testCosts?.[epochs - 1];
    if (finalHeldOut !== undefined) {
      console.log(
        `${curves.heldOut} cost: ${formatCost(finalHeldOut)} (dropout off, without the L2 term)`,
      );
    }
  }
  if (curves.heldOut === 'dev' && data.test) {
    console.log(
      `test cost: ${formatCost(trainer.evaluate(state, data.test))} (dropout off, without the L2 term)`,
    );
  }
  for (const [values, which] of [
    [data.train, 'training'],
    [data.test, 'test'],
  ] as const) {
    const line = values ? accuracyLine(model, trainer, state, values, which) : undefined;
    if (line) console.log(line);
  }
}

function compileCommand(model: Model, options: OptionValues<'compile'>): void {
  const { source, wat } = moduleFiles(model, options.target ?? 'ts');
  writeOrPrint(options.out, source);
  if (wat === undefined) return;
  // the kernels' text beside the module (with the module printed, there is nowhere beside it)
  if (options.out) writeOrPrint(options.out.replace(/(\.[cm]?[jt]s)?$/, '.wat'), wat);
  else console.error("compile: the kernels' text (WAT) is written beside --out; none given");
}

function checkCommand(file: string, model: Model, options: OptionValues<'check'>): void {
  const { seed, steps } = options;
  if (model.kind === 'training') {
    checkTraining(model, { seed, steps, guard: options.guard === true }, checkOptions(options));
    return;
  }
  if (seed !== undefined || steps !== undefined) {
    throw new UsageError(
      `check: --seed and --steps apply to training models; ${file} is a graph model`,
    );
  }
  checkGraph(file, model, checkOptions(options), options.guard === true);
}

function graphCommand(model: Model, options: OptionValues<'graph'>): void {
  const raw = options['no-optimize'] ?? false;
  const built = modelOutputs(model);
  const outputs = raw ? built : optimize(built).outputs;
  // Which outputs are gradients is read off the model as written (keys and name hints).
  const gradients = gradientOutputKeys(built);
  const title = `${model.name}${raw ? '' : ' (optimized)'}`;
  writeOrPrint(options.out, renderGraph(outputs, options.format ?? 'dot', { title, gradients }));
}

/** Prints the hazards (or that there are none); exit code 1 when there are findings. */
function lintCommand(model: Model, options: OptionValues<'lint'>): void {
  const findings = lintModel(model, options.seed ?? 1);
  console.log(`${model.name}: ${formatFindings(findings)}`);
  if (findings.length > 0) process.exitCode = 1;
}

/** Prints the audit's table; exit code 1 when a rule fails. */
function auditCommand(): void {
  const result = audit();
  console.log(result.report());
  if (!result.ok) process.exitCode = 1;
}

/** The scalar cost `explain --jvp/--hvp` differentiates: the loss, or a graph model's cost output. */
function costOf(model: Model): Node {
  if (model.kind === 'training') return model.loss;
  const scalars = Object.keys(model.outputs).filter((k) => model.outputs[k]!.shape.length === 0);
  const key = model.cost ?? (scalars.length === 1 ? scalars[0] : undefined);
  const cost = key === undefined ? undefined : model.outputs[key];
  if (!cost) {
    throw new CliError(
      `${model.name}: explain --jvp/--hvp needs the cost: give the model a cost (defineGraph({ cost: 'J', … }))`,
    );
  }
  return cost;
}

/**
 * The cost's JVP along tangent inputs v_<param> (`J_dot`) and its Hessian-vector products
 * (`Hv_<param>`), with respect to its params (its inputs when it has none).
 */
function forwardForms(model: Model, options: OptionValues<'explain'>): Record<string, Node> {
  const cost = costOf(model);
  const leaves = leavesOf([cost], model.name);
  const params = leaves.filter((l) => l.kind === 'param');
  const wrt = params.length > 0 ? params : leaves;
  const taken = new Set(leaves.map((l) => l.name));
  const vs = wrt.map((x) => {
    let name = `v_${x.name}`;
    while (taken.has(name)) name = `${name}_`;
    return input(name, x.shape);
  });
  const forms: Record<string, Node> = {};
  if (options.jvp) forms.J_dot = jvp(cost, wrt, vs);
  if (options.hvp) hvp(cost, wrt, vs).forEach((h, i) => (forms[`Hv_${wrt[i]!.name}`] = h));
  return forms;
}

/** `explain`: the outputs' forms; with --jvp/--hvp also the cost's forward-mode forms. */
function explainCommand(model: Model, options: OptionValues<'explain'>): string {
  const outputs = modelOutputs(model);
  const extra = options.jvp || options.hvp ? forwardForms(model, options) : {};
  return explain({ ...outputs, ...extra }).text;
}

async function run(argv: string[]): Promise<void> {
  const parsed = parseCommand(argv.filter((a) => a !== '--debug'));
  const { file } = parsed;
  switch (parsed.command) {
    case 'train':
      return trainCommand(file, parsed.options);
    case 'compile':
      return compileCommand(await loadModel(file), parsed.options);
    case 'check':
      return checkCommand(file, await loadModel(file), parsed.options);
    case 'graph':
      return graphCommand(await loadModel(file), parsed.options);
    case 'explain':
      console.log(explainCommand(await loadModel(file), parsed.options));
      return;
    case 'lint':
      return lintCommand(await loadModel(file), parsed.options);
    case 'audit':
      return auditCommand();
  }
}

/**
 * Runs the command `argv` (without `node` and the script): errors are one line on stderr and exit
 * code 1 (2 for usage errors); a stack trace only with --debug.
 */
export async function main(argv: readonly string[]): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await run([...argv]);
  } catch (e) {
    if (debug) console.error(e);
    else if (e instanceof UsageError) {
      console.error(usageErrorLine(e.message));
      process.exitCode = 2;
    } else if (e instanceof CliError || e instanceof GradgenError) {
      console.error(`gradgen: ${e.message}`);
      process.exitCode = 1;
    } else {
      console.error(
        `gradgen: unexpected error: ${e instanceof Error ? e.message : String(e)} (rerun with --debug)`,
      );
      process.exitCode = 1;
    }
  }
}
