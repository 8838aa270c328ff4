/**
 * Misuses of the gradgen command: each is one line on stderr naming the culprit (the flag, the
 * file and its line, the option of the model), a non-zero exit, and no training run before it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'src/cli/gradgen.js');
const api = JSON.stringify(join(root, 'src/index.ts'));

const run = (cwd: string, ...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

/** A folder of model files (an ES-module package), each importing gradgen from this checkout. */
const dir = mkdtempSync(join(tmpdir(), 'gradgen-misuse-'));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
const cjs = join(dir, 'cjs');
mkdirSync(cjs);
writeFileSync(join(cjs, 'package.json'), '{ "name": "old-style" }\n');

const header = `import { input, param, add, mul, matmul, sigmoid, binaryCrossEntropy, defineGraph, defineTraining, sgd, adam } from ${api};
const X = input('X', [2, 'm']);
const Y = input('Y', [1, 'm']);
const W = param('W', [1, 2]);
const A = sigmoid(matmul(W, X));
const J = binaryCrossEntropy(A, Y);
const data = () => ({ train: { X: [1, 2, 3, 4], Y: [0, 1] } });
`;
/** Line numbers in messages count from the model's first line: the header has 7. */
const FIRST = 8;
const training = (extra: string) =>
  `defineTraining({ name: 'misuse', loss: J, outputs: { A }, optimizer: sgd({ learningRate: 0.1 }), data, ${extra} })`;

const MODELS: Record<string, string> = {
  'good.ts': `${header}export default ${training('defaults: { epochs: 2 }')};\n`,
  'graph.ts': `${header}export default defineGraph({ name: 'g', outputs: { A } });\n`,
  'throws.ts': `${header}const broken = null as unknown as { f(): void };\nbroken.f();\nexport default 1;\n`,
  'syntax.ts': `${header}export default defineGraph({ name: 'g', outputs: { A } ;\n`,
  'nothing.ts': `${header}export const answer = 42;\n`,
  'label.ts': `${header}export default ${training("accuracy: { output: 'A', label: 'Ylabel' }, defaults: { epochs: 3 }")};\n`,
  'output.ts': `${header}export default ${training("accuracy: { output: 'A3', label: 'Y' }")};\n`,
  'epochs.ts': `${header}export default ${training('defaults: { epochs: 0 }')};\n`,
  'typo.ts': `${header}export default defineGraph({ name: 'g', outputs: { A }, exmaple: {} });\n`,
  'lr.ts': `${header}export default defineTraining({ name: 'm', loss: J, optimizer: adam({ learningRate: -1 }), data });\n`,
  'target.ts': `${header}export default defineTraining({ name: 'm', loss: J, optimizer: sgd({ learningRate: 1 }), data, backend: 'wasm' });\n`,
  'data.ts': `${header}export default defineTraining({ name: 'm', loss: J, optimizer: sgd({ learningRate: 1 }), data: () => { throw new Error('no network'); } });\n`,
  'nan.ts': `${header}export default defineTraining({ name: 'm', loss: J, optimizer: sgd({ learningRate: 1 }), data: () => ({ train: { X: [1, NaN, 3, 4], Y: [0, 1] } }) });\n`,
  'missing.ts': `${header}export default defineTraining({ name: 'm', loss: J, optimizer: sgd({ learningRate: 1 }), data: () => ({ train: { X: [1, 2, 3, 4] } }) });\n`,
};
for (const [file, text] of Object.entries(MODELS)) writeFileSync(join(dir, file), text);
writeFileSync(join(cjs, 'model.ts'), MODELS['good.ts']!);

/** [what, arguments, exit status, what stderr's one line must match]. */
const CASES: readonly (readonly [string, readonly string[], number, RegExp])[] = [
  [
    'an unknown command',
    ['trian', 'good.ts'],
    2,
    /unknown command 'trian' \(did you mean train\?\)/,
  ],
  ['an unknown flag', ['train', 'good.ts', '--epoch', '3'], 2, /--epoch.*did you mean --epochs\?/],
  [
    'epochs that are not a number',
    ['train', 'good.ts', '--epochs', 'abc'],
    2,
    /--epochs must be a positive integer, got 'abc'/,
  ],
  ['a negative seed', ['train', 'good.ts', '--seed', '-1'], 2, /--seed/],
  [
    'a learning rate of zero',
    ['train', 'good.ts', '--lr', '0'],
    2,
    /--lr must be a positive finite number/,
  ],
  ['a flag given twice', ['train', 'good.ts', '--epochs', '2', '--epochs', '3'], 2, /--epochs/],
  ['no model file', ['train'], 2, /model/],
  ['a missing model file', ['compile', 'absent.ts'], 1, /no such file: absent\.ts/],
  [
    'a .ts model in a CommonJS folder',
    ['compile', 'cjs/model.ts'],
    1,
    /cjs\/model\.ts.*cjs\/package\.json.*"type": "module"/,
  ],
  [
    'a model that throws at import',
    ['compile', 'throws.ts'],
    1,
    new RegExp(`throws\\.ts:${FIRST + 1}: .*Cannot read properties of null`),
  ],
  ['a model with a syntax error', ['compile', 'syntax.ts'], 1, new RegExp(`syntax\\.ts:${FIRST}`)],
  [
    'a model file that exports no model',
    ['compile', 'nothing.ts'],
    1,
    /nothing\.ts exports no model \(it exports answer\)/,
  ],
  [
    'a wrong accuracy.label, before training',
    ['train', 'label.ts'],
    1,
    /label\.ts: accuracy\.label: the training data has no labels 'Ylabel' \(it has X, Y\)/,
  ],
  [
    'a wrong accuracy.output',
    ['train', 'output.ts'],
    1,
    new RegExp(`option 'accuracy\\.output' must be 'A', got "A3" \\(output\\.ts:${FIRST}\\)`),
  ],
  [
    'defaults.epochs 0',
    ['train', 'epochs.ts'],
    1,
    new RegExp(`option 'defaults\\.epochs' must be .*got 0 \\(epochs\\.ts:${FIRST}\\)`),
  ],
  [
    'a misspelt defineGraph key',
    ['compile', 'typo.ts'],
    1,
    new RegExp(`unknown option 'exmaple'.*did you mean 'example'.*\\(typo\\.ts:${FIRST}\\)`),
  ],
  [
    'a negative learning rate in the model',
    ['train', 'lr.ts'],
    1,
    new RegExp(`adam: option 'learningRate' must be a number ≥ 0, got -1 \\(lr\\.ts:${FIRST}\\)`),
  ],
  [
    'an unknown defineTraining key',
    ['train', 'target.ts'],
    1,
    new RegExp(
      `defineTraining: unknown option 'backend' \\(given "wasm"\\).*\\(target\\.ts:${FIRST}\\)`,
    ),
  ],
  ['a data() that throws', ['train', 'data.ts'], 1, /data\.ts: data\(\) failed.*no network/],
  [
    'NaN in the training data',
    ['train', 'nan.ts'],
    1,
    /data 'X' has a non-finite value NaN at index 1/,
  ],
  ['labels missing from the training data', ['train', 'missing.ts'], 1, /missing data 'Y'/],
  ['train on a graph model', ['train', 'graph.ts'], 1, /graph\.ts is a graph model/],
];

describe('gradgen command misuses: one line naming the culprit, before any training', () => {
  let results: Awaited<ReturnType<typeof run>>[] = [];
  beforeAll(async () => {
    results = await Promise.all(CASES.map(([, args]) => run(dir, ...args)));
  }, 120_000);
  it.each(CASES.map((c, i) => [c[0], i] as const))('%s', (what, i) => {
    const [, args, status, pattern] = CASES[i]!;
    const r = results[i]!;
    const context = `${what} (gradgen ${args.join(' ')}): ${r.stderr}`;
    expect(r.status, context).toBe(status);
    expect(r.stderr.trimEnd(), context).toMatch(pattern);
    expect(r.stderr.trim().split('\n'), context).toHaveLength(1);
    expect(r.stderr, context).not.toMatch(/unexpected error|at .*:\d+:\d+\)/);
    // nothing trained before the error
    expect(r.stdout, context).not.toMatch(/final cost/);
  });
});
