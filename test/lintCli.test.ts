import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'src/cli/gradgen.js');
const api = JSON.stringify(join(root, 'src/index.ts'));
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

const dir = mkdtempSync(join(tmpdir(), 'gradgen-lint-'));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
const hazard = join(dir, 'hazard.ts');
writeFileSync(
  hazard,
  [
    `import { input, exp, log, defineGraph } from ${api};`,
    `const x = input('x');`,
    `const y = exp(x).named('y');`,
    `const z = log(x);`,
    `export default defineGraph({ name: 'hazard', outputs: { y, z }, example: { x: 800 } });`,
    '',
  ].join('\n'),
);

describe('gradgen lint and gradgen audit', () => {
  it('lint: nothing in a course sample (exit 0), findings with site and fix (exit 1)', async () => {
    const [clean, found] = await Promise.all([
      run('lint', 'samples/planar.ts'),
      run('lint', hazard),
    ]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toBe('planar: no hazards found\n');
    expect(found.status, found.stderr).toBe(1);
    expect(found.stdout).toMatch(/exp-overflow: exp\(x\) {2}\(.*hazard\.ts:3\)/);
    // x's sample is 800: log x is not a hazard there
    expect(found.stdout).not.toContain('log-of-zero');
    expect(found.stdout).toContain('fix: use softplus(x)');
  });

  it('audit: a row per rule, exit 1 exactly when a rule fails', async () => {
    const r = await run('audit');
    expect(r.stdout).toMatch(/^ {5}rule +points +fails +worst/);
    expect(r.stdout).toContain('stabilize/log-exp');
    const failing = /(\d+) of \d+ rules fail/.test(r.stdout);
    expect(r.status).toBe(failing ? 1 : 0);
    expect((await run('audit', 'model.ts')).stderr).toMatch(/audit takes no operands/);
  });
});
