/**
 * The benchmark run (entered through ./index.ts): generated training steps against TensorFlow.js
 * (cpu and wasm backends), hand-written TypeScript, and on W2, W4, W5 jax-js (wasm, f32 and f64)
 * and numpy (python3 child, f64 and f32); the generated modules timed again in a plain-node child
 * (./childModules.ts) beside the plain-JS matmul peak; bytes allocated per step, the speed targets,
 * plus the compile-time tables of ./compileTime.ts (the built package in a plain-node child,
 * ./builtCompile.ts) and ./scaling.ts. Prints markdown and writes it to
 * bench-report.md in the current directory.
 *
 * Workloads (X is (n_x, m), examples are columns, the same seeded data for every implementation):
 *   W1  J = 3(a + b·c) with its gradient, per call
 *   W2  logistic regression, n_x = 12288, m = 209, one full-batch gradient-descent step (lr 0.005)
 *   W3  planar 2-4-1 tanh/sigmoid, m = 400, one full-batch step (lr 1.2)
 *   W4  deep [12288, 20, 7, 5, 1] ReLU/sigmoid, m = 209, one full-batch step (lr 0.0075)
 *   W5  MLP [784, 128, 64, 1] ReLU/sigmoid, BCE + L2 (λ 0.01), one Adam step (lr 0.001,
 *       β1 0.9, β2 0.999, ε 1e-8) on a mini-batch of 64
 * Options: --quick (fewer, shorter rounds), --only=W2,W3 (a subset; `compile` for the compile-time tables).
 */
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import {
  add,
  binaryCrossEntropy,
  input,
  matmul,
  param,
  relu,
  sigmoid,
  type Node,
} from '../index.js';
import { J as logisticJ } from '../../samples/logisticRegression.js';
import { J as planarJ } from '../../samples/planar.js';
import { J as deepJ, layers as deepLayers } from '../../samples/deep.js';
import { planarFlower, syntheticImages } from '../../samples/data.js';
import { allocationNoise, bytes, fmtBytes } from './alloc.js';
import { timeBuiltCompile } from './builtCompile.js';
import { compileTable, compileTargetLine } from './compileTime.js';
import { readOnceSection } from './readOnce.js';
import {
  GRAPH_KINDS,
  growth,
  repeatsFor,
  scalingTable,
  timeScaling,
  type CompileTiming,
} from './scaling.js';
import { timeStartup } from './startup.js';
import { runScalar, SCALAR_IMPL } from './scalar.js';
import { fmtTime, table } from './stats.js';
import { tfReady } from './tfjsPeer.js';
import {
  checkTargets,
  IMPL,
  runTraining,
  type TargetCheck,
  type Targets,
  type TrainingResult,
  type TrainingWorkload,
} from './training.js';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (id: string) => !only || only.includes(id);
const rounds = quick ? 3 : 7;
const allocationSamples = quick ? 5 : 7;
const log = (s: string) => process.stderr.write(`${s}\n`);

const images = (() => {
  let cached: { X: Float64Array; Y: Float64Array; m: number } | undefined;
  return () => (cached ??= syntheticImages(209, 1));
})();

/** The MLP of W5 (samples/digits.ts without dropout): ReLU hidden layers, sigmoid output, BCE. */
function mlpLoss(layers: readonly number[]): Node {
  const X = input('X', [layers[0]!, 'm']);
  const Y = input('Y', [1, 'm']);
  let A: Node = X;
  const L = layers.length - 1;
  for (let l = 1; l <= L; l++) {
    const W = param(`W${l}`, [layers[l]!, layers[l - 1]!], { init: l === L ? 'xavier' : 'he' });
    const b = param(`b${l}`, [layers[l]!, 1], { init: 'zeros' });
    const Z: Node = add(matmul(W, A), b).named(`Z${l}`);
    A = (l === L ? sigmoid(Z) : relu(Z)).named(`A${l}`);
  }
  return binaryCrossEntropy(A, Y);
}
const mlpLayers = [784, 128, 64, 1];

/**
 * Steps/s and GFLOP/s of every implementation on every training workload, the gradgen rows from
 * the plain-node child, and the plain-JS and wasm SIMD matmul peaks measured there.
 */
function headline(rs: readonly TrainingResult[]): string {
  // 'TF.js cpu (f32)' → 'TF.js cpu (f32, bench process)', 'gradgen f64' → 'gradgen f64 (bench process)'
  const inProcess = (name: string) =>
    name.endsWith(')') ? `${name.slice(0, -1)}, bench process)` : `${name} (bench process)`;
  const names = [
    ...new Set(
      rs.flatMap((r) => [
        ...r.outside.map((o) => o.name),
        ...r.timings.map((t) => inProcess(t.name)),
      ]),
    ),
  ];
  const cell = (r: TrainingResult, name: string) => {
    const t =
      r.outside.find((o) => o.name === name)?.timing ??
      r.timings.find((u) => inProcess(u.name) === name);
    if (!t) return '—';
    const gflops = r.flopsPerStep / (t.median * 1e6);
    return `${fmtRate(1000 / t.median)} (${gflops.toFixed(1)})`;
  };
  const peaks = rs.map((r) => r.peak);
  const best = (k: 'float64' | 'float32') => Math.max(...peaks.map((p) => p[k])).toFixed(1);
  const wasmBest = (k: 'float64' | 'float32') =>
    Math.max(...rs.map((r) => r.wasmPeak[k])).toFixed(1);
  return (
    `## Steps per second (GFLOP/s)\n\n` +
    `Medians; "plain-node child" and "python child" rows ran in their own processes, the "bench process" rows ` +
    `in this one (which hosts TF.js's and jax-js's wasm memories, so its typed-array code may run slowed). ` +
    `Single-core plain-JS matmul peak on this machine ` +
    `(256 × 256 · 256ᵀ, 4 × 4 register tiles, plain-node child, measured with each workload: the last rows; best): ` +
    `${best('float64')} GFLOP/s in float64, ${best('float32')} GFLOP/s with Float32Array storage; ` +
    `wasm SIMD128 matmul peak (256³ C = A·B by gradgen's GEMM generator, 4 × 2 vector register blocks, no FMA, same child): ` +
    `${wasmBest('float64')} GFLOP/s f64x2, ${wasmBest('float32')} GFLOP/s f32x4.\n\n` +
    table(['implementation', ...rs.map((r) => r.id)], 'l' + 'r'.repeat(rs.length), [
      ...names.map((n) => [n, ...rs.map((r) => cell(r, n))]),
      ...(['float64', 'float32'] as const).map((k) => [
        `plain-JS matmul peak, ${k} (plain-node child)`,
        ...rs.map((r) => `— (${r.peak[k].toFixed(1)})`),
      ]),
      ...(['float64', 'float32'] as const).map((k) => [
        `wasm SIMD matmul peak, ${k} (plain-node child)`,
        ...rs.map((r) => `— (${r.wasmPeak[k].toFixed(1)})`),
      ]),
    ])
  );
}

function fmtRate(perSecond: number): string {
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toPrecision(3);
}

const W1_TARGETS: Targets = { cpu: 5000, wasm: 5000 };

const workloads: TrainingWorkload[] = [
  {
    id: 'W2',
    title: 'logistic regression, n_x = 12288, m = 209',
    step: 'one full-batch gradient-descent step (α 0.005)',
    loss: logisticJ,
    layers: [12288, 1],
    hidden: 'relu',
    names: [['w', 'b']],
    lr: 0.005,
    optimizer: { kind: 'sgd' },
    data: images,
    seed: 1,
    targets: { cpu: 3, wasm: 2.5, f32: 1.5 },
    wasmTargets: { ts: 2, numpy: 1, tfjsWasm: 4, jax: 4 },
    peers: true,
    readOnce: [1024],
  },
  {
    id: 'W3',
    title: 'planar 2-4-1 tanh/sigmoid, m = 400',
    step: 'one full-batch gradient-descent step (α 1.2)',
    loss: planarJ,
    layers: [2, 4, 1],
    hidden: 'tanh',
    names: [
      ['W1', 'b1'],
      ['W2', 'b2'],
    ],
    lr: 1.2,
    optimizer: { kind: 'sgd' },
    data: () => planarFlower(400, 1),
    seed: 1,
    targets: { cpu: 12, wasm: 5 },
    wasmTargets: { ts: 1 },
  },
  {
    id: 'W4',
    title: 'deep [12288, 20, 7, 5, 1] ReLU/sigmoid, m = 209',
    step: 'one full-batch gradient-descent step (α 0.0075)',
    loss: deepJ,
    layers: deepLayers,
    hidden: 'relu',
    names: deepLayers.slice(1).map((_, l) => [`W${l + 1}`, `b${l + 1}`] as const),
    lr: 0.0075,
    optimizer: { kind: 'sgd' },
    data: images,
    seed: 1,
    targets: { cpu: 3.5, wasm: 1 },
    wasmTargets: { ts: 2.5, numpy: 0.7, tfjsWasm: 3, jax: 1.5 },
    peers: true,
  },
  {
    id: 'W5',
    title: 'MLP [784, 128, 64, 1] ReLU/sigmoid, BCE + L2 (λ = 0.01), m = 64',
    step: 'one Adam step (α 0.001, β1 0.9, β2 0.999, ε 1e-8) on a mini-batch of 64 synthetic 784-pixel images',
    loss: mlpLoss(mlpLayers),
    layers: mlpLayers,
    hidden: 'relu',
    names: mlpLayers.slice(1).map((_, l) => [`W${l + 1}`, `b${l + 1}`] as const),
    lr: 0.001,
    optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    l2: 0.01,
    data: () => syntheticImages(64, 1, 784),
    seed: 1,
    targets: { cpu: 8, wasm: 1.4 },
    wasmTargets: { ts: 2.5, numpy: 0.7, tfjsWasm: 3, jax: 1.5 },
    peers: true,
  },
];

const sections: string[] = [];
const out = (s: string) => {
  sections.push(s);
  console.log(s + '\n');
};

const tfInfo = await tfReady();
out(
  `# gradgen benchmarks${quick ? ' (--quick)' : ''}\n\n` +
    `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), ${tfInfo.description}. ` +
    `${rounds} interleaved rounds per workload, each contender from a reset state (parameters, optimizer moments and step counter); ` +
    `TF.js's backend is switched to the contender's before its reset, outside the timed region, and each backend has its own tensors ` +
    `(the run aborts if TF.js moved any tensor between backends while timing). ` +
    `Times are per step (per call for W1): median and min–max over rounds. ` +
    `"f64 / peer" is gradgen-f64's time divided by the peer's, taken within each round, median over rounds (< 1: gradgen f64 is faster).\n\n` +
    `"bytes / step": after timing, per contender, ${allocationSamples} samples of one step each (W1: 1000 calls, reported per call): ` +
    `a forced full GC, then process.memoryUsage() heapUsed + arrayBuffers read three times, with nothing between the first two reads ` +
    `and the step between the last two; the step's bytes are the second difference minus the first (the reads' own allocation), ` +
    `median over samples. "≥": a GC started inside a sample (PerformanceObserver 'gc' entries), so the difference misses what it freed. ` +
    `Not seen: memory managed outside the JS heap and ArrayBuffers, such as the wasm backend's allocations inside its own linear memory.`,
);

const targetRows: { id: string; checks: TargetCheck[] }[] = [];
const wasmRows: { id: string; checks: readonly TargetCheck[] }[] = [];

if (wanted('W1')) {
  log('W1: J = 3(a + b·c)…');
  const r = await runScalar({ rounds, roundMs: quick ? 150 : 400, allocationSamples, log });
  targetRows.push({
    id: 'W1',
    checks: checkTargets(W1_TARGETS, r.timings, {
      cpu: SCALAR_IMPL.cpu,
      wasm: SCALAR_IMPL.wasm,
    }),
  });
  out(
    `## W1: J = 3(a + b·c), value and dJ/da, dJ/db, dJ/dc per call\n\n` +
      `gradgen compile: ${r.compileMs.toFixed(1)} ms, ${r.codeSize.chars} chars (${r.codeSize.lines} lines) of generated code.\n\n` +
      table(
        [
          'implementation',
          'calls/round',
          'median / call',
          'min–max',
          'calls/s',
          'f64 / peer',
          'max rel. error vs gradgen',
          'bytes / call',
        ],
        'lrrrrrrr',
        r.timings.map((t, i) => [
          t.name,
          String(r.callsPerRound[i]),
          fmtTime(t.median),
          `${fmtTime(t.min)} – ${fmtTime(t.max)}`,
          (1000 / t.median).toExponential(2),
          i === 0 ? '—' : t.refOverThis.toExponential(2),
          r.checks[i].error.toExponential(1),
          fmtBytes(r.allocations[i]),
        ]),
      ),
  );
}

const results: TrainingResult[] = [];
for (const w of workloads) {
  if (!wanted(w.id)) continue;
  const r = await runTraining(w, {
    rounds,
    roundMs: quick ? 300 : 1000,
    allocationSamples,
    log,
  });
  results.push(r);
  if (r.targets) targetRows.push({ id: r.id, checks: checkTargets(r.targets, r.timings) });
  if (r.wasmChecks) wasmRows.push({ id: r.id, checks: r.wasmChecks });
  out(
    `## ${r.id}: ${r.title}, ${r.step}\n\n` +
      `${r.parameterCount} parameters, ${(r.flopsPerStep / 1e6).toFixed(3)} MFLOP per step (trainer.flopsPerStep(${r.m})), ` +
      `${r.steps} steps per round.\n\n` +
      table(
        [
          'implementation',
          'median / step',
          'min–max',
          'GFLOP/s',
          'f64 / peer',
          'grad error',
          'params after 1 step',
          'tol',
          'bytes / step',
        ],
        'lrrrrrrrr',
        r.timings.map((t, i) => [
          t.name,
          fmtTime(t.median),
          `${fmtTime(t.min)} – ${fmtTime(t.max)}`,
          (r.flopsPerStep / (t.median * 1e6)).toFixed(3),
          i === 0 ? '—' : t.refOverThis.toFixed(3),
          r.checks[i].gradError.toExponential(1),
          r.checks[i].paramError.toExponential(1),
          String(r.checks[i].tol),
          fmtBytes(r.allocations[i]),
        ]),
      ) +
      `\n\nIn child processes (not interleaved with the rows above; "f64 / peer" here is against gradgen f64 in the plain-node child: ` +
      `within its rounds for the node rows, of the medians for numpy):\n\n` +
      table(
        [
          'implementation',
          'median / step',
          'min–max',
          'GFLOP/s',
          'f64 / peer',
          'grad error',
          'params after 1 step',
          'tol',
        ],
        'lrrrrrrr',
        r.outside.map((o, i) => [
          o.name,
          fmtTime(o.timing.median),
          `${fmtTime(o.timing.min)} – ${fmtTime(o.timing.max)}`,
          (r.flopsPerStep / (o.timing.median * 1e6)).toFixed(3),
          i === 0 ? '—' : o.speedup.toFixed(3),
          o.check.gradError.toExponential(1),
          o.check.paramError.toExponential(1),
          String(o.check.tol),
        ]),
      ) +
      `\n\n${r.notes.join('; ')}.`,
  );
}

if (results.length) out(headline(results));

if (results.length) {
  out(
    `## Summary: gradgen modules\n\n` +
      table(
        [
          'workload',
          'params',
          'MFLOP/step',
          'compile f64',
          'compile f32',
          'code (f64)',
          'f64 / f32',
          'f64 / hand',
          'f64 / TF.js cpu',
          'f64 / TF.js wasm',
          'bytes / step f64',
          'bytes / step f32',
        ],
        'lrrrrrrrrrrr',
        results.map((r) => [
          r.id,
          String(r.parameterCount),
          (r.flopsPerStep / 1e6).toFixed(3),
          `${r.compileMs.f64.toFixed(0)} ms`,
          `${r.compileMs.f32.toFixed(0)} ms`,
          `${(r.codeSize.chars / 1024).toFixed(1)} KiB, ${r.codeSize.lines} lines`,
          ...[IMPL.f32, IMPL.hand, IMPL.cpu, IMPL.wasm].map((i) =>
            r.timings[i].refOverThis.toFixed(3),
          ),
          fmtBytes(r.allocations[IMPL.f64]),
          fmtBytes(r.allocations[IMPL.f32]),
        ]),
      ) +
      `\n\nError columns are max |Δ| / max |gradgen f64| over the whole parameter vector; "compile" is compileTraining (grad + optimize + emit + load).`,
  );
}

/** A section of target checks: one row each with met/missed, how many were met, breakdowns. */
function targetSection(
  title: string,
  about: string,
  checks: readonly { id: string; checks: readonly TargetCheck[] }[],
  breakdowns: readonly string[],
): string {
  const rows = checks.flatMap(({ id, checks: cs }) =>
    cs.map((c) => [
      id,
      c.what,
      `≥ ${c.target}×`,
      `${c.measured >= 100 ? c.measured.toFixed(0) : c.measured.toFixed(2)}×`,
      c.met ? 'met' : '**missed**',
    ]),
  );
  const missed = rows.filter((r) => r[4] !== 'met').length;
  return (
    `## ${title}\n\n${about}\n\n` +
    table(['workload', 'comparison', 'target', 'measured', 'result'], 'lllrl', rows) +
    `\n\n${rows.length - missed} of ${rows.length} targets met.` +
    (breakdowns.length ? `\n\n${breakdowns.join('\n\n')}` : '')
  );
}

if (targetRows.length) {
  out(
    targetSection(
      'Targets',
      `How many times faster the first contender is than the second: the second's time / the first's, within each round, median over rounds.`,
      targetRows,
      results
        .filter((r) => r.kernelBreakdown)
        .map((r) => `### ${r.id}: where gradgen f64's step time goes\n\n${r.kernelBreakdown}`),
    ),
  );
}

if (wasmRows.length) {
  out(
    targetSection(
      'Targets of the wasm target',
      `The wasm target's modules run in the plain-node child, their data written once into the module's memory views (\`inputViews()\`), as a hot loop would; the state \`init\` made lives there too, so the steps read the parameters and optimizer slots in place; ` +
        `TF.js and jax-js in the bench process. How many times faster the first is: the second's median time per step / the first's.`,
      wasmRows,
      results
        .filter((r) => r.wasmBreakdown)
        .map(
          (r) =>
            `### ${r.id}: where the wasm target's f64 step time goes (wasm SIMD matmul peak ${r.wasmPeak.float64.toFixed(1)} GFLOP/s)\n\n${r.wasmBreakdown}`,
        ),
    ),
  );
}

for (const r of results) if (r.readOnce) out(readOnceSection(r.id, r.readOnce));

if (wanted('compile')) {
  log('compile time (built package, plain-node child)…');
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const report = timeBuiltCompile(sizes); // one at a time: each after the one before is freed
  out(
    `## Compile time (grad + optimize + emit) for random scalar graphs\n\n` +
      `The built package (dist/, tsc's JavaScript, rebuilt first if stale) in a plain \`node\` child ` +
      `(${report.node}, no TypeScript loader), as users run it; the sizes one after another in that ` +
      `process, each after a full GC. "CPU growth" is the total CPU time against the row above's.\n\n` +
      compileTable(report.timings) +
      `\n\n${compileTargetLine(report.timings)}`,
  );
}

if (wanted('compile')) {
  log('compile time by graph shape…');
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const timings: CompileTiming[] = [];
  for (const kind of GRAPH_KINDS) {
    for (const size of sizes) timings.push(await timeScaling(kind, size, repeatsFor(size)));
  }
  const worst = Math.max(...timings.flatMap((t) => growth(timings, t) ?? []));
  out(
    `## Compile time by graph shape (compile: optimize + lower + render + load)\n\n` +
      `Scalar graphs are compiled with their gradient. Each graph is built afresh and compiled after a full GC; ` +
      `the times are medians over the repeats. "one call" is the first call of the compiled ` +
      `function (V8 compiles it then too); a long function is emitted as parts of bounded size.\n\n` +
      scalingTable(timings) +
      `\n\nTarget: 10× the nodes in at most 12× the (median CPU) time: ${worst <= 12 ? 'met' : '**missed**'} (worst ${worst.toFixed(1)}×).`,
  );
}

if (wanted('startup')) {
  log('CLI start-up…');
  const root = new URL('../../', import.meta.url).pathname;
  const times = timeStartup(root, quick ? 5 : 15);
  const version = times[0]!;
  out(
    `## CLI start-up (plain node on dist/cli/bin.js, process start to exit)\n\n` +
      table(
        ['command', 'median ms', 'min ms'],
        'lrr',
        times.map((t) => [`\`${t.command}\``, t.medianMs.toFixed(0), t.minMs.toFixed(0)]),
      ) +
      `\n\nTarget: \`gradgen --version\` and \`gradgen help\` under 500 ms: ` +
      `${times.slice(0, 2).every((t) => t.medianMs < 500) ? 'met' : '**missed**'} (${version.medianMs.toFixed(0)} ms for --version).`,
  );
}

if (results.length || wanted('W1')) {
  const noise = allocationNoise();
  out(
    `Allocation measurement: the empty windows (the reads' own allocation, subtracted per sample) had a median of ${bytes(noise.median)} ` +
      `over ${noise.samples} samples (from ${bytes(noise.min)} to ${bytes(noise.max)}: single windows catch unrelated heap activity, which the median over samples absorbs; ` +
      `a negative one, memory freed while the window was open, marks the result "≥" like a GC).`,
  );
}

out(
  `Total wall time of this run (\`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\`, from process start): ` +
    `${(performance.now() / 1000).toFixed(1)} s.`,
);
writeFileSync('bench-report.md', sections.join('\n\n') + '\n');
log('wrote bench-report.md');
