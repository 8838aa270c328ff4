import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add, grad, input, mul } from '../src/index.ts';
import { gradientOutputKeys, toDot, toMermaid } from '../src/cli/graphviz.ts';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'src/cli/gradgen.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
/** Like `run`, without blocking: independent invocations run side by side. */
const runAsync = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '',
      stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

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

  it('check prints the gradient-check table', () => {
    const r = run('check', 'samples/computationGraph.ts');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^a\s+\S+\s+correct/m);
    expect(r.stdout).toMatch(/→ correct/);
  });

  it('errors are one line on stderr with a non-zero exit, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const empty = join(dir, 'empty.ts');
    writeFileSync(empty, 'export const x = 1;\n');
    const bad = join(dir, 'bad.ts');
    writeFileSync(
      bad,
      `import { input, add } from '${join(root, 'src/index.ts')}';\nadd(input('P', [2, 3]), input('Q', [4, 3]));\n`,
    );
    for (const [args, pattern, status] of [
      [['compile', join(dir, 'missing.ts')], /no such file/, 1],
      [['compile', empty], /exports no model/, 1],
      [['compile', bad], /add: shapes \(2, 3\) and \(4, 3\) cannot be broadcast.*bad\.ts:2/, 1],
      [['frobnicate'], /unknown command/, 2],
      [['compile'], /one model file/, 2],
      [['compile', 'samples/computationGraph.ts', '-o'], /-o needs a value/, 2],
    ] as const) {
      const r = run(...args);
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
    const results = await Promise.all(cases.map(([args]) => runAsync(...args)));
    for (const [i, [args, pattern, status]] of cases.entries()) {
      const r = results[i]!;
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(status);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
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
});
