import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'src/cli/gradgen.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

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

  it('help works', () => {
    expect(execFileSync(process.execPath, [bin, 'help'], { encoding: 'utf8' })).toMatch(
      /usage: gradgen/,
    );
  });
});
