import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { add, grad, input, mul } from '../src/index.ts';
import { gradientOutputKeys, toDot, toMermaid } from '../src/cli/graphviz.ts';
import { costPlot } from '../src/cli/plot.ts';
import { createProgress, progressLine } from '../src/cli/progress.ts';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'src/cli/gradgen.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
/** Like `run`, without blocking: independent invocations run side by side. */
const runAsync = (...args: string[]) => runWith({}, ...args);
/** `runAsync` in another folder or with more environment variables. */
const runWith = (options: { cwd?: string; env?: Record<string, string> }, ...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env });
    let stdout = '',
      stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

/** Runs every case in parallel: each must exit with its status and one line on stderr matching it. */
async function expectOneLineErrors(
  cases: readonly (readonly [readonly string[], RegExp, number])[],
): Promise<void> {
  const results = await Promise.all(cases.map(([args]) => runAsync(...args)));
  for (const [i, [args, pattern, status]] of cases.entries()) {
    const r = results[i]!;
    expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(status);
    expect(r.stderr.trimEnd()).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  }
}

describe('gradgen command', () => {
  it('compile prints the module, identical to the committed codegen/', () => {
    const r = run('compile', 'samples/computationGraph.ts');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'codegen/costJ.ts'), 'utf8'));
  });

  it('compile -o writes a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gradgen-')), 'costJ.ts');
    const r = run('compile', 'samples/computationGraph.ts', '-o', out);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('export function costJ(');
  });

  it("compile --target wasm -o writes the module and its kernels' text beside it, as in codegen/wasm/", () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gradgen-')), 'planar.ts');
    const r = run('compile', 'samples/planar.ts', '--target', 'wasm', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(join(root, 'codegen/wasm/planar.ts'), 'utf8'),
    );
    expect(readFileSync(out.replace(/\.ts$/, '.wat'), 'utf8')).toBe(
      readFileSync(join(root, 'codegen/wasm/planar.wat'), 'utf8'),
    );
    expect(run('compile', 'samples/planar.ts', '--target', 'webgpu').stderr).toMatch(
      /expected one of ts, wasm/,
    );
  });

  it('check prints the gradient-check table', () => {
    const r = run('check', 'samples/computationGraph.ts');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^a\s+\S+\s+correct/m);
    expect(r.stdout).toMatch(/^overall: correct: the worst row is \w+ \(relative error \S+\)/m);
  });

  it('check fails (exit 1) on a wrong row that the overall error hides, naming the row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const model = (name: string, outputs: string, example: string) => {
      const file = join(dir, `${name}.ts`);
      writeFileSync(
        file,
        `import { add, constant, defineGraph, input, mul, relu } from '${join(root, 'src/index.ts')}';
const a = input('a');
const b = input('b');
export default defineGraph({ name: '${name}', outputs: ${outputs}, example: ${example}, cost: 'J' });
`,
      );
      return file;
    };
    // J = 1e6·a² + 1e-3·b with db's sign wrong: all components together 5e-8 ("correct")
    const J = 'add(mul(1e6, mul(a, a)), mul(1e-3, b))';
    const wrong = model(
      'wrong',
      `{ J: ${J}, da: mul(2e6, a), db: constant(-1e-3) }`,
      '{ a: 0.01, b: 1 }',
    );
    // a ReLU whose pre-activation 2a + 3e-8 − 2 is 3e-8 at a = 1: within h of its kink
    const kinked = model(
      'kinked',
      `{ J: relu(add(mul(a, 2), 3e-8 - 2)), da: mul(2, constant(1)) }`,
      '{ a: 1 }',
    );
    const [r, kink, avoided] = await Promise.all([
      runAsync('check', wrong),
      runAsync('check', kinked),
      runAsync('check', kinked, '--avoid-kinks'),
    ]);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^b\s+1\.00e\+0\s+bug\s/m);
    expect(r.stdout).toMatch(
      /^overall: bug \(FAILED\): the worst row is b \(relative error 1\.00e\+0\)/m,
    );
    expect(kink.status, kink.stdout + kink.stderr).toBe(1);
    expect(kink.stdout).toMatch(/^a\s+\S+\s+kink\s/m);
    expect(kink.stdout).toMatch(/^kink: a \[0\]: the perturbation crossed a kink .*--avoid-kinks/m);
    expect(avoided.status, avoided.stdout + avoided.stderr).toBe(0);
    expect(avoided.stdout).toMatch(/^a\s+\S+\s+correct\s/m);
    expect(avoided.stdout).toMatch(/^re-sampled the point \d+ times? to avoid kinks/m);
  });

  it('errors are one line on stderr with a non-zero exit, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const empty = join(dir, 'empty.ts');
    writeFileSync(empty, 'export const x = 1;\n');
    const bad = join(dir, 'bad.ts');
    writeFileSync(
      bad,
      `import { input, add } from '${join(root, 'src/index.ts')}';\nadd(input('P', [2, 3]), input('Q', [4, 3]));\n`,
    );
    const cases = [
      [['compile', join(dir, 'missing.ts')], /no such file/, 1],
      [['compile', empty], /exports no model/, 1],
      [['compile', bad], /add: shapes \(2, 3\) and \(4, 3\) cannot be broadcast.*bad\.ts:2/, 1],
      [['frobnicate'], /unknown command/, 2],
      [['compile'], /one model file/, 2],
      [['compile', 'samples/computationGraph.ts', '-o'], /-o needs a value/, 2],
    ] as const;
    const results = await Promise.all(cases.map(([args]) => runAsync(...args)));
    for (const [i, [, pattern, status]] of cases.entries()) {
      const r = results[i]!;
      expect(r.status, r.stderr).toBe(status);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('graph prints the forward and backward graphs as DOT, the same text every run', async () => {
    // the default format is dot; two processes must print the same bytes
    const [r, again] = await Promise.all([
      runAsync('graph', 'samples/computationGraph.ts', '--format', 'dot'),
      runAsync('graph', 'samples/computationGraph.ts'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const dot = r.stdout;
    expect(dot).toMatch(/^digraph "costJ \(optimized\)" \{\n/);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    expect(dot).toContain('subgraph cluster_forward {');
    expect(dot).toContain('subgraph cluster_backward {');
    for (const name of ['input a', 'input b', 'input c', 'u = b·c', 'v = a + u', 'db = 3·c']) {
      expect(dot).toContain(name);
    }
    for (const output of ['J', 'da', 'db', 'dc']) {
      expect(dot).toMatch(new RegExp(`\\[label="${output}", shape=doubleoctagon`));
    }
    // leaves are drawn apart from ops; every edge joins two declared nodes
    expect(dot).toMatch(/\[label="input a\\n\(\)", shape=ellipse, style=filled/);
    const declared = new Set([...dot.matchAll(/^ {4}(\w+) \[label=/gm)].map((m) => m[1]));
    const edges = [...dot.matchAll(/^ {2}(\w+) -> (\w+);$/gm)];
    expect(edges.length).toBeGreaterThan(5);
    for (const [, from, to] of edges) expect([from, to].every((id) => declared.has(id))).toBe(true);
    expect(again.stdout).toBe(dot);
  });

  it('graph --format mermaid -o writes a flowchart; --no-optimize draws the graph as built', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gradgen-')), 'planar.mmd');
    const r = run('graph', 'samples/planar.ts', '--format', 'mermaid', '--no-optimize', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text).toContain('subgraph forward ["forward"]');
    expect(text).toContain('subgraph backward ["backward"]');
    expect(text).toContain('n0(["input Y<br/>(1, m)"])');
    expect(text).toMatch(/\[\("param W1<br\/>\(4, 2\)"\)\]/);
    expect(text).toContain('A2 = σ(Z2)');
    expect(text).toContain('log(A2)'); // unoptimized: the log of the sigmoid is still there
    expect(text).toContain('dim=#quot;m#quot;'); // batchSize's attribute, quotes escaped
    expect(text).toMatch(/^ {2}class [\w,]+ gOutput$/m);
  });

  it('explain prints each gradient and the rules behind it', () => {
    const r = run('explain', 'samples/planar.ts');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^dW2 = \(1\/m\)·\(dZ2·A1ᵀ\)/m);
    expect(r.stdout).toMatch(/^J = .*softplus/m);
    expect(r.stdout).toMatch(/^rewrites:$/m);
  });

  it('graph and explain errors are one line on stderr with a non-zero exit', async () => {
    const missing = join(tmpdir(), 'gradgen-no-such-model.ts');
    const model = 'samples/computationGraph.ts';
    const cases = [
      [['graph', missing], /no such file/, 1],
      [['explain', missing], /no such file/, 1],
      [
        ['graph', model, '--format', 'svg'],
        /unknown --format 'svg': expected one of dot, mermaid/,
        2,
      ],
      [['graph', model, '--format'], /--format needs a value/, 2],
      [['graph', model, '--format', 'dot', '-o'], /-o needs a value/, 2],
      [['graph', model, '--bogus'], /unknown option '--bogus'/, 2],
      [['explain'], /explain takes one model file/, 2],
    ] as const;
    await expectOneLineErrors(cases);
  });

  it('the graph renderers escape labels and tell gradients from forward outputs', () => {
    const x = input('x'),
      y = input('y');
    const f = mul(add(x, 2), y).named('f');
    const [dx, dy] = grad(f, [x, y]);
    const outputs = { f, dx: dx!, dy: dy!, 'say "hi" <#&> \\': f };
    expect(gradientOutputKeys(outputs)).toEqual(['dx', 'dy']);
    const dot = toDot(outputs, { title: 'a "quoted" title' });
    expect(dot).toContain('digraph "a \\"quoted\\" title" {');
    expect(dot).toContain('[label="say \\"hi\\" <#&> \\\\", shape=doubleoctagon');
    // every quoted string is closed on its line: strip escapes, then quotes pair up
    for (const line of dot.split('\n')) {
      expect(line.replace(/\\./g, '').split('"').length % 2, line).toBe(1);
    }
    const mermaid = toMermaid(outputs, { title: 'a "quoted" title' });
    expect(mermaid).toContain('{{"say #quot;hi#quot; #lt;#35;#amp;#gt; \\"}}');
    for (const line of mermaid.split('\n')) expect(line.split('"').length, line).toBeLessThan(4);
    expect(toDot(outputs, { title: 'a "quoted" title' })).toBe(dot);
  });

  it('help works', () => {
    expect(execFileSync(process.execPath, [bin, 'help'], { encoding: 'utf8' })).toMatch(
      /usage: gradgen/,
    );
  });

  it("--version and -v print package.json's version", () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const r = run(flag);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it("<command> --help and help <command> print that command's usage", () => {
    for (const command of ['compile', 'check', 'train', 'graph', 'explain']) {
      for (const args of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
      ]) {
        const r = run(...args);
        expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^usage: gradgen ${command} `));
      }
    }
    const r = run('help', 'compiel');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'compiel'/);
  });
});

describe('gradgen with training models', () => {
  it('train fits the model, prints its cost and accuracy and plots the cost curve', async () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'gradgen-')), 'c.svg');
    const r = await runAsync(
      'train',
      'samples/planar.ts',
      ...['--epochs', '300', '--seed', '1', '--plot', svg],
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^planar: 17 parameters, sgd \(learning rate 1\.2\), 400 training examples; 300 epochs/m,
    );
    expect(r.stdout).toMatch(/^final cost: 0\.\d+ \(epoch 300, /m);
    const accuracy = /^training accuracy: (\d+\.\d\d)% \(\d+\/400\)$/m.exec(r.stdout);
    expect(accuracy, r.stdout).not.toBeNull();
    expect(Number(accuracy![1])).toBeGreaterThan(80);
    expect(r.stdout).not.toMatch(/test accuracy/); // planar has no test set
    expect(r.stdout).toContain(`cost plot: ${svg}`);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('<polyline');
    expect(text).toContain('planar: cost per epoch');
    // not a terminal: plain lines, every 6th epoch of 300 (at most 50), no carriage returns
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    for (const line of lines) {
      expect(line).toMatch(/^epoch +\d+\/300 {2}cost \d\.\d{5,}( {2}[\d,]+ examples\/s)?$/);
    }
    expect(lines[0]).toMatch(/^epoch +6\/300/);
    expect(lines.at(-1)).toMatch(/^epoch 300\/300/);
    // the last progress line and the summary agree on the final cost
    const final = /^final cost: (\S+)/m.exec(r.stdout)![1];
    expect(lines.at(-1)).toContain(`cost ${final}`);
  });

  it('compile prints the training module, the same as codegen/', async () => {
    const r = await runAsync('compile', 'samples/planar.ts');
    expect(r.status, r.stderr).toBe(0);
    for (const fn of ['planarLossAndGrad', 'planarUpdate', 'planarPredict', 'createPlanarTrainer'])
      expect(r.stdout).toContain(`export function ${fn}(`);
    expect(r.stdout).toBe(readFileSync(join(root, 'codegen/planar.ts'), 'utf8'));
  });

  it('check gradient-checks the loss, one row per parameter', async () => {
    const r = await runAsync('check', 'samples/planar.ts');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^planar: the loss at init\(seed 1\) after 5 training steps, on 400 training examples$/m,
    );
    const rows = [...r.stdout.matchAll(/^(\w+)\s+\d\.\d\de[-+]\d+\s+(\w+)\s/gm)];
    expect(rows.map((m) => m[1])).toEqual(['W1', 'b1', 'W2', 'b2']);
    // every row passes: the weights are correct; a bias whose differences lie within round-off
    // is `roundoff` (not judged), and the report says so
    for (const m of rows) expect(['correct', 'roundoff']).toContain(m[2]);
    expect(rows.filter((m) => m[1]!.startsWith('W')).map((m) => m[2])).toEqual([
      'correct',
      'correct',
    ]);
    const excused = rows.filter((m) => m[2] === 'roundoff').map((m) => m[1]);
    if (excused.length > 0)
      expect(r.stdout).toMatch(new RegExp(`^roundoff: ${excused.join(', ')}: `, 'm'));
    expect(r.stdout).toMatch(/^overall: (correct|roundoff): the worst row is \w+ /m);
  });

  it('check calls rows differences cannot resolve `roundoff` (exit 0, not judged), and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const file = join(dir, 'offset.ts');
    // a cost of ~1e6: differences of J at ε = 1e-7 resolve only ~1e-3
    writeFileSync(
      file,
      `import { add, defineTraining, input, matmul, mean, param, sgd, square } from '${join(root, 'src/index.ts')}';
const X = input('X', [2, 'm']);
const W = param('W', [1, 2], { init: 'normal' });
export default defineTraining({
  name: 'offset',
  loss: add(mean(square(matmul(W, X))), 1e6),
  optimizer: sgd({ learningRate: 0.01 }),
  data: () => ({ train: { X: [1, 2, 3, 4, 5, 6] } }),
});
`,
    );
    const [r, steps0] = await Promise.all([
      runAsync('check', file),
      runAsync('check', file, '--steps', '0', '--seed', '7', '--epsilon', '1e-5'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^W\s+\S+\s+roundoff\s/m);
    expect(r.stdout).toMatch(
      /^overall: roundoff: the worst row is W \(within round-off, not judged\)/m,
    );
    expect(r.stdout).toMatch(
      /^roundoff: W: .*\|J\| = 1\.00e\+6, u = 2⁻⁵² \(float64\)\).*adjoint check/m,
    );
    expect(steps0.stdout).toMatch(/^offset: the loss at init\(seed 7\), on 3 training examples$/m);
    expect(steps0.stdout).toContain('ε = 0.00001');
    expect(r.stderr + steps0.stderr).toBe('');
  });

  it('graph and explain show the loss, the outputs and the gradients of the loss', async () => {
    const [dot, explained] = await Promise.all([
      runAsync('graph', 'samples/planar.ts'),
      runAsync('explain', 'samples/planar.ts'),
    ]);
    expect(dot.status, dot.stderr).toBe(0);
    for (const output of ['J', 'A2', 'dW1', 'db1', 'dW2', 'db2'])
      expect(dot.stdout).toMatch(new RegExp(`\\[label="${output}", shape=doubleoctagon`));
    expect(explained.stdout.split('\n').filter((l) => /^\w+ = /.test(l))).toHaveLength(6);
  });

  it('train and check errors: one line on stderr, exit 1 (or 2 for usage errors)', async () => {
    const graph = 'samples/computationGraph.ts';
    const planar = 'samples/planar.ts';
    const cases = [
      [['train', graph], /computationGraph\.ts is a graph model.*train needs a training model/, 1],
      [['train', join(tmpdir(), 'gradgen-no-such-model.ts')], /no such file/, 1],
      [['train', planar, '--epochs', 'abc'], /--epochs must be a positive integer, got 'abc'/, 2],
      [['train', planar, '--epochs', '0'], /--epochs must be a positive integer/, 2],
      [['train', planar, '--epochs', '2.5'], /--epochs must be a positive integer/, 2],
      [['train', planar, '--batch', '-3'], /--batch must be a positive integer, got '-3'/, 2],
      [['train', planar, '--seed', 'x'], /--seed must be a non-negative integer/, 2],
      [['train', planar, '--plot'], /--plot needs a value/, 2],
      [['train', planar, '--epochs', '3', '--frobnicate'], /unknown option '--frobnicate'/, 2],
      [['train', planar, 'extra.ts'], /train takes one model file/, 2],
      [['check', planar, '--epsilon', '0'], /--epsilon must be a positive finite number/, 2],
      [['check', graph, '--steps', '3'], /--steps apply to training models/, 2],
    ] as const;
    await expectOneLineErrors(cases);
  });
});

describe('gradgen flags', () => {
  const planar = 'samples/planar.ts';

  it('usage errors: unknown flags and commands with suggestions, repeats, values and ranges', async () => {
    const cases = [
      [
        ['train', planar, '--epoch', '3'],
        /train: unknown option '--epoch' \(did you mean --epochs\?\)$/,
        2,
      ],
      [['train', planar, '--ep', '3'], /\(did you mean --epochs\?\)$/, 2],
      [['trian', planar], /^gradgen: unknown command 'trian' \(did you mean train\?\)$/, 2],
      [['help', 'expalin'], /unknown command 'expalin' \(did you mean explain\?\)/, 2],
      [
        ['compile', planar, '--epochs', '3'],
        /unknown option '--epochs' \(it is an option of train\)/,
        2,
      ],
      [['train', planar, '--seed', '-1'], /--seed must be a non-negative integer, got '-1'/, 2],
      [['train', planar, '--epochs=-2'], /--epochs must be a positive integer, got '-2'/, 2],
      [['train', planar, '--epochs', '3', '--epochs=4'], /--epochs given more than once/, 2],
      [
        ['compile', planar, '-o', 'a.ts', '--out', 'b.ts'],
        /--out \(or -o\) given more than once/,
        2,
      ],
      [['train', planar, '--lr', '-0.5'], /--lr must be a positive finite number, got '-0.5'/, 2],
      [['train', planar, '--lr', 'Infinity'], /--lr must be a positive finite number/, 2],
      [['train', planar, '--plot', '--log-x'], /--plot needs a value/, 2],
      [['train', planar, '--log-x=yes'], /--log-x takes no value/, 2],
    ] as const;
    await expectOneLineErrors(cases);
  });

  it('model-file errors: one line naming the file, its line and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-'));
    const esm = join(dir, 'esm');
    const cjs = join(dir, 'cjs');
    for (const [folder, pkg] of [
      [esm, '{ "type": "module" }'],
      [cjs, '{}'],
    ] as const) {
      execFileSync('mkdir', ['-p', folder]);
      writeFileSync(join(folder, 'package.json'), `${pkg}\n`);
    }
    const files = {
      syntax: join(esm, 'syntax.ts'),
      syntaxJs: join(esm, 'syntax.mjs'),
      throws: join(esm, 'throws.ts'),
      none: join(esm, 'none.ts'),
      commonJs: join(cjs, 'model.ts'),
    };
    writeFileSync(files.syntax, 'const a: number = 1;\nexport default {\n  name: ,\n};\n');
    writeFileSync(files.syntaxJs, 'export default {\n  a: (,\n};\n');
    writeFileSync(
      files.throws,
      'type T = number;\nconst n: T = 1;\nthrow new Error(`no data ${n}`);\n',
    );
    writeFileSync(files.none, 'export const x = 1;\n');
    writeFileSync(
      files.commonJs,
      `import { input } from '${join(root, 'src/index.ts')}';\nexport default { kind: 'graph', name: 'g', outputs: { x: input('x') } };\n`,
    );
    const f = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const cases = [
      [
        ['compile', files.syntax],
        new RegExp(`${f(files.syntax)}:3:8: cannot compile it: Unexpected ","$`),
        1,
      ],
      [
        ['check', files.syntaxJs],
        new RegExp(`${f(files.syntaxJs)}:2: syntax error: Unexpected token ','$`),
        1,
      ],
      [
        ['train', files.throws],
        new RegExp(`${f(files.throws)}:3: cannot import it: no data 1$`),
        1,
      ],
      [['explain', files.none], /none\.ts exports no model \(it exports x\)/, 1],
      [
        ['compile', files.commonJs],
        /model\.ts: Node loads this file as CommonJS \(.*cjs\/package\.json has no "type": "module"\).*\.mts$/,
        1,
      ],
    ] as const;
    await expectOneLineErrors(cases);
  });

  it('train writes nothing unless asked; --epochs=N; a diverging run exits 1 with the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-'));
    const [r, diverged, housing] = await Promise.all([
      runWith({ cwd: dir }, 'train', join(root, planar), '--epochs=5', '--seed', '2'),
      runAsync('train', 'samples/housing.ts', '--lr', '10', '--epochs', '50'),
      runAsync('train', 'samples/housing.ts', '--epochs', '3'),
    ]);
    // housing normalizes X in its model: train says with what
    expect(housing.stdout).toMatch(
      /^normalized X with the training data's μ = \[2000\.68, 3\.17021\], σ = \[786\.\d+, 0\.7\d+\] \(saved with the state: predict takes raw X\)$/m,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/; 5 epochs, full batch \(400\), seed 2$/m);
    expect(r.stdout).not.toMatch(/cost plot/);
    expect(readdirSync(dir)).toEqual([]);
    expect(diverged.status).toBe(1);
    expect(diverged.stdout).toMatch(/^housing: .*sgd \(learning rate 10\)/m);
    expect(diverged.stdout).not.toMatch(/final cost/);
    const last = diverged.stderr.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(
      /^gradgen: housing: fit: the cost diverged in epoch \d+ .*smaller learning rate \(now 10\)/,
    );
  });

  it('with test data: both costs per epoch, in the lines, the summary and the plot (--log-x)', async () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'gradgen-')), 'lr.svg');
    const model = 'samples/logisticRegression.ts';
    const r = await runAsync('train', model, '--epochs', '4', '--plot', svg, '--log-x');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^epoch \d\/4 {2}cost \S+ {2}test cost \d\.\d+/);
    expect(r.stdout).toMatch(/^test cost: \d\.\d+ \(dropout off, without the L2 term\)$/m);
    const text = readFileSync(svg, 'utf8');
    expect(text).toContain('<g data-series="training cost">');
    expect(text).toContain('<g data-series="test cost">');
    expect(text.match(/<polyline/g)).toHaveLength(2);
    expect(text).toMatch(/<g class="legend">[^]*>training cost<\/text>[^]*>test cost<\/text>/);
    expect(text).toContain('>epoch (log scale)</text>');
  });

  it('with dev data and a patience: the dev curve, early stopping back to the best epoch, then the test cost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-dev-'));
    const file = join(dir, 'model.mjs');
    const svg = join(dir, 'dev.svg');
    const library = pathToFileURL(join(root, 'src', 'index.ts')).href;
    const data = pathToFileURL(join(root, 'samples', 'data.ts')).href;
    const planarModel = pathToFileURL(join(root, planar)).href;
    writeFileSync(
      file,
      `import { adam, defineTraining } from ${JSON.stringify(library)};\n` +
        `import { planarFlower } from ${JSON.stringify(data)};\n` +
        `import { J, A2 } from ${JSON.stringify(planarModel)};\n` +
        `const cols = (d) => { const m = d.Y.length; const X = []; for (let r = 0; r < 2; r++) for (let j = 0; j < m; j++) X.push(d.X[r * m + j]); return { X, Y: [...d.Y] }; };\n` +
        `const all = planarFlower(300, 5);\n` +
        `const rows = { X: Array.from({ length: 600 }, (_, i) => all.X[(i % 2) * 300 + Math.floor(i / 2)]), Y: all.Y };\n` +
        `const part = (a, b) => cols({ X: rows.X.slice(2 * a, 2 * b), Y: all.Y.slice(a, b) });\n` +
        `export default defineTraining({ name: 'early', loss: J, outputs: { A2 }, optimizer: adam({ learningRate: 0.05 }),\n` +
        `  data: () => ({ train: part(0, 20), dev: part(100, 250), test: part(250, 300) }),\n` +
        `  defaults: { epochs: 400, patience: 10 }, accuracy: { output: 'A2', label: 'Y' } });\n`,
    );
    const r = await runWith({ cwd: dir }, 'train', file, '--plot', svg);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^epoch +\d+\/400 {2}cost \S+ {2}dev cost \d\.\d+/m);
    expect(r.stdout).toMatch(
      /^early stopping: no better dev cost for 10 epochs; the state is that after epoch \d+, the best \(dev cost \d\.\d+\)$/m,
    );
    expect(r.stdout).toMatch(/^test cost: \d\.\d+ \(dropout off, without the L2 term\)$/m);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/<g class="legend">[^]*>training cost<\/text>[^]*>dev cost<\/text>/);
  });

  it('on a terminal: what is happening before the first epoch, then a line fitted to the width', async () => {
    const env = { GRADGEN_PROGRESS: 'terminal', COLUMNS: '60' };
    const r = await runWith({ env }, 'train', planar, '--epochs', '300');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^\rcompiling planar…\x1b\[K\rloading the data…\x1b\[K\r\x1b\[K/);
    expect(r.stderr).toContain('\rtraining: 300 epochs, full batch (400), 400 examples\x1b[K');
    expect(r.stderr.endsWith('\n')).toBe(true);
    const draws = r.stderr.split('\r').filter((d) => d.startsWith('epoch') || d.startsWith('cost'));
    expect(draws.length).toBeGreaterThan(0);
    for (const d of draws) expect(d.replace('\x1b[K', '').trimEnd().length).toBeLessThan(60);
    expect(draws.at(-1)).toMatch(/^epoch 300\/300 {2}cost \S+/);
  });
});

describe('the cost plot', () => {
  const curve = Array.from({ length: 120 }, (_, i) => 0.7 * Math.exp(-i / 30) + 0.1);

  it('is an SVG with axes, ticks, a title and the curve; the same costs give the same bytes', () => {
    const svg = costPlot(curve, { title: 'planar <&> "cost"' });
    expect(svg).toBe(costPlot([...curve], { title: 'planar <&> "cost"' }));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('>planar &lt;&amp;&gt; &quot;cost&quot;</text>');
    expect(svg).toContain('>120 epochs, final cost 0.113256</text>');
    expect(svg).toMatch(/<path d="M[\d.]+,[\d.]+ V[\d.]+ H[\d.]+"/); // the axes
    expect(svg).toContain('>epoch</text>');
    expect(svg).toContain('>cost</text>');
    // y ticks at round values covering [0.11, 0.8]; x ticks at whole epochs
    for (const tick of ['0', '0.4', '0.8', '20', '120']) expect(svg).toContain(`>${tick}</text>`);
    const polylines = [...svg.matchAll(/<polyline points="([^"]+)"/g)];
    expect(polylines).toHaveLength(1);
    const points = polylines[0]![1]!.split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(120);
    // decreasing costs: the curve goes down the page (y grows), left to right
    for (let i = 1; i < points.length; i++) {
      expect(points[i]![0]).toBeGreaterThan(points[i - 1]![0]!);
      expect(points[i]![1]).toBeGreaterThanOrEqual(points[i - 1]![1]!);
    }
  });

  it('draws a test curve with a legend, and a logarithmic epoch axis', () => {
    const test = curve.map((c) => c + 0.05);
    const svg = costPlot(curve, { test, logX: true });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('stroke="#ea580c"');
    expect(svg).toContain('>test cost</text>');
    expect(svg).toContain('final test cost 0.163256');
    // decades from epoch 1 to 120, the last epoch at the right edge
    for (const tick of ['1', '2', '5', '10', '20', '50', '100'])
      expect(svg).toContain(`>${tick}</text>`);
    const xs = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) =>
      m[1]!.split(' ').map((p) => Number(p.split(',')[0])),
    );
    expect(xs[0]![0]).toBe(72); // epoch 1: log 1 = 0, the left margin
    expect(xs[0]!.at(-1)).toBe(616); // epoch 120: the right end
    expect(costPlot(curve)).not.toContain('legend');
  });

  it('handles one point, constant, empty, tiny, huge and non-finite costs without NaN', () => {
    for (const costs of [
      [0.5],
      [2, 2, 2, 2],
      [0, 0],
      [],
      [3e-9, 1e-9, 2e-9],
      [4e7, 1e7],
      [1, 0.8, NaN, Infinity, 0.5, 0.4],
    ]) {
      const svg = costPlot(costs);
      expect(svg, JSON.stringify(costs)).not.toMatch(/NaN|Infinity|undefined/);
      expect(svg.startsWith('<svg')).toBe(true);
      if (costs.some(Number.isFinite)) expect(svg).toContain('<circle'); // the last point
      for (const [, value] of svg.matchAll(/="(-?[\d.]+)"/g))
        expect(Number.isFinite(Number(value))).toBe(true);
    }
    // a run that diverged: the finite stretches are drawn apart, the rest counted
    const broken = costPlot([1, 0.8, NaN, Infinity, 0.5, 0.4]);
    expect(broken.match(/<polyline/g)).toHaveLength(2);
    expect(broken).toContain('2 non-finite costs not drawn');
    // a long run keeps a few points per pixel column, first and last included
    const long = costPlot(Array.from({ length: 20_000 }, (_, i) => 1 / (i + 1)));
    const count = long.match(/<polyline points="([^"]+)"/)![1]!.split(' ').length;
    expect(count).toBeLessThan(2500);
    expect(long).toContain('20000 epochs, final cost 0.00005');
  });
});

describe('training progress', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, columns: 200, write: (s: string) => chunks.push(s) } };
  };

  it('off a terminal: plain lines, every k-th epoch so that a run prints at most 50', () => {
    for (const [epochs, expected] of [
      [7, 7],
      [50, 50],
      [51, 26],
      [300, 50],
      [10_000, 50],
      [10_001, 50],
    ] as const) {
      const { chunks, stream } = sink(false);
      let t = 0;
      const progress = createProgress({ epochs, examplesPerEpoch: 400, stream, now: () => t });
      for (let e = 1; e <= epochs; e++) {
        t += 10;
        progress.epoch(e, 1 / e);
      }
      progress.done();
      expect(chunks, `${epochs} epochs`).toHaveLength(expected);
      expect(chunks.every((c) => c.endsWith('\n') && !/[\r\x1b]/.test(c))).toBe(true);
      expect(chunks.at(-1)).toMatch(new RegExp(`^epoch ${epochs}/${epochs} {2}cost `));
    }
    const { chunks, stream } = sink(false);
    let t = 0;
    const progress = createProgress({ epochs: 3, examplesPerEpoch: 400, stream, now: () => t });
    t = 100;
    progress.epoch(1, 0.693147);
    expect(chunks[0]).toBe('epoch 1/3  cost 0.693147  4,000 examples/s\n');
  });

  it('on a terminal: one line redrawn in place, throttled, ended by a newline', () => {
    const { chunks, stream } = sink(true);
    let t = 0;
    const progress = createProgress({
      epochs: 1000,
      examplesPerEpoch: 400,
      stream,
      now: () => t,
      redrawMs: 100,
    });
    for (let e = 1; e <= 1000; e++) {
      t += 1; // 1 ms per epoch: a redraw every 100 epochs, and the last
      progress.epoch(e, 1 / e);
    }
    progress.done();
    const draws = chunks.slice(0, -1);
    expect(draws.length).toBeGreaterThanOrEqual(10);
    expect(draws.length).toBeLessThanOrEqual(12);
    for (const d of draws) {
      expect(d.startsWith('\r')).toBe(true);
      expect(d.endsWith('\x1b[K')).toBe(true);
      expect(d).not.toContain('\n');
    }
    expect(draws.at(-1)).toMatch(
      /^\r\[={24}\] epoch 1000\/1000 {2}cost 0\.00100000 {2}400,000 examples\/s\x1b\[K$/,
    );
    expect(draws[1]).toMatch(/eta \d+s/);
    expect(chunks.at(-1)).toBe('\n');
  });

  it('on a terminal: redrawn within epochs per batch, throttled; an intro until the first draw', () => {
    const { chunks, stream } = sink(true);
    let t = 0;
    const progress = createProgress({
      epochs: 2,
      examplesPerEpoch: 1000,
      stream,
      now: () => t,
      intro: 'training: 2 epochs, batch 10, 1000 examples',
    });
    expect(chunks).toEqual(['\rtraining: 2 epochs, batch 10, 1000 examples\x1b[K']);
    for (let e = 1; e <= 2; e++) {
      for (let b = 1; b <= 100; b++) {
        t += 5; // 5 ms a batch: a redraw every 20 batches
        progress.batch({ epoch: e, examples: 10 * b, cost: e === 1 ? 1 : 0.5 });
      }
      progress.epoch(e, e === 1 ? 1 : 0.5, 0.7);
    }
    progress.done();
    const draws = chunks.slice(1, -1);
    expect(draws.length).toBeGreaterThanOrEqual(8);
    expect(draws.length).toBeLessThanOrEqual(12);
    expect(draws[0]).toMatch(/^\r\[>? *\] epoch 1\/2 {2}cost 1\.00000/);
    expect(draws.some((d) => /\[=+>/.test(d) && d.includes('epoch 1/2'))).toBe(true);
    expect(draws.some((d) => d.includes('epoch 2/2') && d.includes('test 0.700000'))).toBe(true);
    expect(draws.at(-1)).toMatch(/^\r\[={24}\] epoch 2\/2 {2}cost 0\.500000 {2}test 0\.700000/);
    // a run that ends before any draw erases its intro
    const quiet = sink(true);
    const none = createProgress({
      epochs: 1,
      examplesPerEpoch: 1,
      stream: quiet.stream,
      intro: 'x',
    });
    none.done();
    expect(quiet.chunks).toEqual(['\rx\x1b[K', '\r\x1b[K']);
  });

  it('fits the line to the width: the bar first when wide; narrow, the figures first', () => {
    const fields = {
      fraction: 0.5,
      epoch: 'epoch 5/10',
      cost: 'cost 0.250000',
      test: 'test 0.300000',
      rate: '12,345 examples/s',
      eta: 'eta 3s',
    };
    const wide = progressLine(fields, 120);
    expect(wide).toBe(
      `[============>           ] epoch 5/10  cost 0.250000  test 0.300000  12,345 examples/s  eta 3s`,
    );
    for (const columns of [80, 60, 50, 40, 30, 20, 12]) {
      const line = progressLine(fields, columns);
      expect(line.length, `${columns}: ${line}`).toBeLessThan(columns);
      expect(line).toMatch(/^(epoch|cost)/);
      if (columns >= 30) expect(line).toContain('eta 3s');
    }
    expect(progressLine(fields, 60)).toMatch(
      /^epoch 5\/10  cost 0\.250000  test 0\.300000  eta 3s \[=+>? *\]$/,
    );
    expect(progressLine(fields, 50)).not.toContain('[');
  });
});
