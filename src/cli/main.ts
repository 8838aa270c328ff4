/**
 * The `gradgen` commands (loaded by `bin.ts` once help and the version are ruled out). Errors are
 * one line on stderr and exit code 1 (2 for usage errors); a stack trace only with --debug.
 */
import '../index.js';
import { gradcheck, type GradcheckResult } from '../check/gradcheck.js';
import { compile } from '../emit/compile.js';
import { GradgenError } from '../errors.js';
import { leavesOf } from '../ir/graph.js';
import type { InputValue, InputValues } from '../ir/values.js';
import { binaryAccuracy, type GraphModel, type TrainingModel } from '../model.js';
import { explain, optimize } from '../rewrite/optimize.js';
import { compileTraining, type Trainer, type TrainingState } from '../train/trainer.js';
import { GRAPH_FORMATS, gradientOutputKeys, isGraphFormat, renderGraph } from './graphviz.js';
import { costPlot } from './plot.js';
import { createProgress, formatCost } from './progress.js';
import { loadModel, writeText } from '../node.js';
import { CliError, exampleCount, firstExamples, modelOutputs, moduleSource } from './samples.js';
import { UsageError } from './usage.js';

function takeFlag(args: string[], ...names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('-'))
    throw new UsageError(`${args[i]} needs a value`);
  args.splice(i, 2);
  return value;
}

function takeSwitch(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

/** An integer option (`--epochs 300`): a usage error unless it is an integer ≥ `min`. */
function takeInt(args: string[], name: string, min: number): number | undefined {
  const value = takeFlag(args, name);
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(
      `${name} must be ${min > 0 ? 'a positive' : 'a non-negative'} integer, got '${value}'`,
    );
  }
  return n;
}

/** A positive number option (`--epsilon 1e-5`). */
function takePositive(args: string[], name: string): number | undefined {
  const value = takeFlag(args, name);
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? NaN : Number(value);
  if (!(n > 0) || !Number.isFinite(n)) {
    throw new UsageError(`${name} must be a positive number, got '${value}'`);
  }
  return n;
}

/** The one model file left in `args` once the command's options are taken out. */
function modelFile(args: string[], command: string): string {
  const option = args.find((a) => a.startsWith('-') && a !== '-');
  if (option) throw new UsageError(`${command}: unknown option '${option}'`);
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError(`${command} takes one model file`);
  return file;
}

function writeOrPrint(out: string | undefined, text: string): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  writeText(out, text);
  console.error(`wrote ${out}`);
}

function checkGraph(file: string, model: GraphModel, epsilon: number | undefined): void {
  if (!model.example) throw new CliError(`${file}: the model has no example point to check at`);
  const f = compile(model.outputs, { name: model.name, inputs: model.inputs });
  const at = typeof model.example === 'function' ? model.example() : model.example;
  const large = Object.values(at).some((v) => typeof v !== 'number' && v.length > 2000);
  const result = gradcheck(f, at, {
    ...(epsilon !== undefined ? { epsilon } : {}),
    ...(model.cost ? { cost: model.cost } : {}),
    ...(large ? { mode: 'random' as const, directions: 6 } : {}),
  });
  console.log(result.report());
  if (!result.ok) process.exitCode = 1;
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
 * (0.01·N(0, 1)) some gradients (planar's first-layer biases) are ~1e-8, below what two-sided
 * differences of a cost of ~0.7 resolve at ε = 1e-7 (~1e-9): the check would judge round-off, not
 * the derivative. A few steps make them large enough; many more shrink every gradient again as
 * the cost flattens out, so the default stays small.
 */
function checkTraining(
  model: TrainingModel,
  options: { seed: number | undefined; steps: number | undefined; epsilon: number | undefined },
): void {
  const seed = options.seed ?? model.defaults?.seed ?? 1;
  const steps = options.steps ?? 5;
  const trainer = compileTraining(model);
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
  for (let i = 0; i < steps; i++) trainer.step(state, data);
  const result = trainer.gradcheck(state, data, {
    ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}),
    ...(large ? { mode: 'random' as const, directions: 6 } : {}),
  });
  const where =
    steps > 0
      ? `init(seed ${seed}) after ${steps} training step${steps === 1 ? '' : 's'}`
      : `init(seed ${seed})`;
  const examples = k < m ? `the first ${k} of ${m}` : `${m}`;
  console.log(`${model.name}: the loss at ${where}, on ${examples} training examples`);
  console.log(result.report());
  const note = roundOffNote(result, trainer.lossAndGrad(state, data, { maskSeed: 1 }).loss);
  if (note) console.log(note);
  if (!result.ok) process.exitCode = 1;
}

/**
 * A note for rows whose gradients are so small that round-off in the differences of J alone can
 * put them above `correct`: the difference of two costs is good to about an ulp of J, so the
 * estimate of one component is good to about εₘ·|J| / 2ε.
 */
function roundOffNote(result: GradcheckResult, cost: number): string | undefined {
  const resolution = (Number.EPSILON * Math.abs(cost)) / (2 * result.epsilon);
  // the scale of a row: its largest component, analytic or numerical (a wrongly zero analytic
  // gradient still has a numerical one far above the round-off floor, and is not excused)
  const scale = (e: GradcheckResult['perInput'][number]) =>
    [...e.analytic, ...e.numerical].reduce((s, g) => Math.max(s, Math.abs(g)), 0);
  // 1e-8: a tenth of the `correct` threshold, as J's own rounding spans more than one ulp
  const rows = result.perInput.filter(
    (e) => e.verdict !== 'correct' && e.verdict !== 'nonfinite' && resolution > 1e-8 * scale(e),
  );
  if (rows.length === 0) return undefined;
  const largest = Math.max(...rows.map(scale));
  return (
    `note: ${rows.map((e) => e.name).join(', ')}: gradients up to ${largest.toExponential(1)}, near what differences of ` +
    `J ≈ ${cost.toPrecision(3)} resolve at ε = ${result.epsilon} (~${resolution.toExponential(1)}); round-off alone can put ` +
    `${rows.length === 1 ? 'this row' : 'these rows'} above 'correct'` +
    (result.epsilon < 1e-5 ? ' (a larger --epsilon, e.g. 1e-5, resolves them better)' : '')
  );
}

function asArray(v: InputValue | number | ArrayLike<number>): ArrayLike<number> {
  return typeof v === 'number' ? [v] : v;
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
  const accuracy = binaryAccuracy(asArray(predicted), y);
  const correct = Math.round(accuracy * y.length);
  return `${which} accuracy: ${(accuracy * 100).toFixed(2)}% (${correct}/${y.length})`;
}

function train(
  model: TrainingModel,
  options: {
    epochs: number | undefined;
    batchSize: number | undefined;
    seed: number | undefined;
    plot: string | undefined;
  },
): void {
  const epochs = options.epochs ?? model.defaults?.epochs ?? 100;
  const batchSize = options.batchSize ?? model.defaults?.batchSize;
  const seed = options.seed ?? model.defaults?.seed ?? 1;
  const plot = options.plot ?? `${model.name}-cost.svg`;
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new CliError(`${model.name}: defaults.epochs must be a positive integer, got ${epochs}`);
  }
  const trainer = compileTraining(model);
  const { train, test } = model.data();
  const m = exampleCount(model, train);
  const batch =
    batchSize === undefined || batchSize >= m ? `full batch (${m})` : `batch ${batchSize}`;
  console.log(
    `${model.name}: ${trainer.parameterCount} parameters, ${model.optimizer.kind}, ${m} training examples; ${epochs} epochs, ${batch}, seed ${seed}`,
  );
  const state = trainer.init(seed);
  const progress = createProgress({ epochs, examplesPerEpoch: m, stream: process.stderr });
  const started = performance.now();
  let costs: number[];
  try {
    costs = trainer.fit(state, train, {
      epochs,
      ...(batchSize !== undefined ? { batchSize } : {}),
      onEpoch: (epoch, cost) => progress.epoch(epoch, cost),
    });
  } finally {
    progress.done();
  }
  const seconds = (performance.now() - started) / 1000;
  const final = costs[costs.length - 1]!;
  console.log(`final cost: ${formatCost(final)} (epoch ${epochs}, ${seconds.toFixed(2)} s)`);
  for (const [data, which] of [
    [train, 'training'],
    [test, 'test'],
  ] as const) {
    const line = data ? accuracyLine(model, trainer, state, data, which) : undefined;
    if (line) console.log(line);
  }
  const svg = costPlot(costs, { title: `${model.name}: cost per epoch` });
  writeText(plot, svg);
  console.log(`cost plot: ${plot}`);
}

async function run(argv: string[]): Promise<void> {
  const args = argv.filter((a) => a !== '--debug');
  const command = args.shift();
  switch (command) {
    case 'compile': {
      const out = takeFlag(args, '-o', '--out');
      const file = modelFile(args, 'compile');
      const model = await loadModel(file);
      writeOrPrint(out, moduleSource(model));
      return;
    }
    case 'check': {
      const seed = takeInt(args, '--seed', 0);
      const steps = takeInt(args, '--steps', 0);
      const epsilon = takePositive(args, '--epsilon');
      const file = modelFile(args, 'check');
      const model = await loadModel(file);
      if (model.kind === 'training') {
        checkTraining(model, { seed, steps, epsilon });
        return;
      }
      if (seed !== undefined || steps !== undefined) {
        throw new UsageError(
          `check: --seed and --steps apply to training models; ${file} is a graph model`,
        );
      }
      checkGraph(file, model, epsilon);
      return;
    }
    case 'train': {
      const epochs = takeInt(args, '--epochs', 1);
      const batchSize = takeInt(args, '--batch', 1);
      const seed = takeInt(args, '--seed', 0);
      const plot = takeFlag(args, '--plot');
      const file = modelFile(args, 'train');
      const model = await loadModel(file);
      if (model.kind !== 'training') {
        throw new CliError(
          `${file} is a graph model (defineGraph): train needs a training model (defineTraining({ name, loss, optimizer, data }))`,
        );
      }
      train(model, { epochs, batchSize, seed, plot });
      return;
    }
    case 'graph': {
      const out = takeFlag(args, '-o', '--out');
      const format = takeFlag(args, '--format') ?? 'dot';
      const raw = takeSwitch(args, '--no-optimize');
      if (!isGraphFormat(format)) {
        throw new UsageError(
          `unknown --format '${format}': expected one of ${GRAPH_FORMATS.join(', ')}`,
        );
      }
      const file = modelFile(args, 'graph');
      const model = await loadModel(file);
      const built = modelOutputs(model);
      const outputs = raw ? built : optimize(built).outputs;
      // Which outputs are gradients is read off the model as written (keys and name hints).
      const gradients = gradientOutputKeys(built);
      const title = `${model.name}${raw ? '' : ' (optimized)'}`;
      writeOrPrint(out, renderGraph(outputs, format, { title, gradients }));
      return;
    }
    case 'explain': {
      const file = modelFile(args, 'explain');
      const model = await loadModel(file);
      console.log(explain(modelOutputs(model)).text);
      return;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
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
      console.error(`gradgen: ${e.message} (see gradgen help)`);
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
