/**
 * The benchmark run (entered through ./index.ts): generated training steps against TensorFlow.js (cpu) and hand-written
 * TypeScript, plus the compile-time table of ./compileTime.ts. Prints markdown and writes it to
 * bench-report.md in the current directory.
 *
 * Workloads (X is (n_x, m), examples are columns, the same seeded data for every implementation):
 *   W1  J = 3(a + b·c) with its gradient, per call
 *   W2  logistic regression, n_x = 12288, m = 209, one full-batch gradient-descent step (lr 0.005)
 *   W3  planar 2-4-1 tanh/sigmoid, m = 400, one full-batch step (lr 1.2)
 *   W4  deep [12288, 20, 7, 5, 1] ReLU/sigmoid, m = 209, one full-batch step (lr 0.0075)
 * Options: --quick (fewer, shorter rounds), --only=W2,W3 (a subset).
 */
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { J as logisticJ } from '../../samples/logisticRegression.ts';
import { J as planarJ } from '../../samples/planar.ts';
import { J as deepJ, layers as deepLayers } from '../../samples/deep.ts';
import { planarFlower, syntheticImages } from '../../samples/data.ts';
import { timeCompile } from './compileTime.ts';
import { runScalar } from './scalar.ts';
import { fmtTime, table } from './stats.ts';
import { tfReady } from './tfjsPeer.ts';
import { runTraining, type TrainingResult, type TrainingWorkload } from './training.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (id: string) => !only || only.includes(id);
const rounds = quick ? 3 : 7;
const log = (s: string) => process.stderr.write(`${s}\n`);

const images = (() => {
  let cached: { X: Float64Array; Y: Float64Array; m: number } | undefined;
  return () => (cached ??= syntheticImages(209, 1));
})();

const workloads: TrainingWorkload[] = [
  {
    id: 'W2',
    title: 'logistic regression, n_x = 12288, m = 209',
    loss: logisticJ,
    layers: [12288, 1],
    hidden: 'relu',
    names: [['w', 'b']],
    lr: 0.005,
    data: images,
    seed: 1,
  },
  {
    id: 'W3',
    title: 'planar 2-4-1 tanh/sigmoid, m = 400',
    loss: planarJ,
    layers: [2, 4, 1],
    hidden: 'tanh',
    names: [
      ['W1', 'b1'],
      ['W2', 'b2'],
    ],
    lr: 1.2,
    data: () => planarFlower(400, 1),
    seed: 1,
  },
  {
    id: 'W4',
    title: 'deep [12288, 20, 7, 5, 1] ReLU/sigmoid, m = 209',
    loss: deepJ,
    layers: deepLayers,
    hidden: 'relu',
    names: deepLayers.slice(1).map((_, l) => [`W${l + 1}`, `b${l + 1}`] as const),
    lr: 0.0075,
    data: images,
    seed: 1,
  },
];

const sections: string[] = [];
const out = (s: string) => {
  sections.push(s);
  console.log(s + '\n');
};

const backend = await tfReady();
out(
  `# gradgen benchmarks\n\nNode ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), ${backend}. ` +
    `${rounds} interleaved rounds per workload, each from a reset state; times are per step (per call for W1): median and min–max over rounds. ` +
    `"f64 / peer" is gradgen-f64's time divided by the peer's, taken within each round, median over rounds (< 1: gradgen f64 is faster).`,
);

if (wanted('W1')) {
  log('W1: J = 3(a + b·c)…');
  const r = runScalar({ rounds, roundMs: quick ? 150 : 400, log });
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
        ],
        'lrrrrrr',
        r.timings.map((t, i) => [
          t.name,
          String(r.callsPerRound[i]),
          fmtTime(t.median),
          `${fmtTime(t.min)} – ${fmtTime(t.max)}`,
          (1000 / t.median).toExponential(2),
          i === 0 ? '—' : t.refOverThis.toFixed(3),
          r.checks[i].error.toExponential(1),
        ]),
      ),
  );
}

const results: TrainingResult[] = [];
for (const w of workloads) {
  if (!wanted(w.id)) continue;
  const r = runTraining(w, { rounds, roundMs: quick ? 300 : 1000, log });
  results.push(r);
  out(
    `## ${r.id}: ${r.title}, one full-batch gradient-descent step\n\n` +
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
        ],
        'lrrrrrrr',
        r.timings.map((t, i) => [
          t.name,
          fmtTime(t.median),
          `${fmtTime(t.min)} – ${fmtTime(t.max)}`,
          (r.flopsPerStep / (t.median * 1e6)).toFixed(3),
          i === 0 ? '—' : t.refOverThis.toFixed(3),
          r.checks[i].gradError.toExponential(1),
          r.checks[i].paramError.toExponential(1),
          String(r.checks[i].tol),
        ]),
      ),
  );
}

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
          'f64 / TF.js',
        ],
        'lrrrrrrrr',
        results.map((r) => [
          r.id,
          String(r.parameterCount),
          (r.flopsPerStep / 1e6).toFixed(3),
          `${r.compileMs.f64.toFixed(0)} ms`,
          `${r.compileMs.f32.toFixed(0)} ms`,
          `${(r.codeSize.chars / 1024).toFixed(1)} KiB, ${r.codeSize.lines} lines`,
          ...r.timings.slice(1).map((t) => t.refOverThis.toFixed(3)),
        ]),
      ) +
      `\n\nError columns are max |Δ| / max |gradgen f64| over the whole parameter vector; "compile" is compileTraining (grad + optimize + emit + load).`,
  );
}

if (wanted('compile')) {
  log('compile time…');
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  out(
    `## Compile time (grad + optimize + emit) for random scalar graphs\n\n` +
      table(
        ['nodes', 'grad ms', 'optimize ms', 'emit ms', 'total s', 'µs per node'],
        'rrrrrr',
        sizes.map((size) => {
          const t = timeCompile(size);
          return [
            String(size),
            t.grad.toFixed(0),
            t.optimize.toFixed(0),
            t.emit.toFixed(0),
            (t.total / 1000).toFixed(2),
            ((t.total * 1000) / size).toFixed(1),
          ];
        }),
      ),
  );
}

writeFileSync('bench-report.md', sections.join('\n\n') + '\n');
log('wrote bench-report.md');
