/**
 * The command's forward-mode parts: `check --adjoint` and `check --hvp`, `explain --jvp` and
 * `explain --hvp`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'src/cli/gradgen.js');
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '',
      stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

const rows = (stdout: string) =>
  [...stdout.matchAll(/^(\w+)\s+\d\.\d\de[-+]\d+\s+(\w+)\s/gm)].map((m) => [m[1], m[2]]);

describe('gradgen check --adjoint / --hvp', () => {
  it('--adjoint passes planar at init (--steps 0) where the two-sided check reports roundoff', async () => {
    const [twoSided, adjoint] = await Promise.all([
      run('check', 'samples/planar.ts', '--steps', '0'),
      run('check', '--adjoint', 'samples/planar.ts', '--steps', '0'),
    ]);
    expect(twoSided.status, twoSided.stderr).toBe(0);
    expect(rows(twoSided.stdout)).toContainEqual(['b1', 'roundoff']);
    expect(twoSided.stdout).toMatch(/gradgen check --adjoint/);
    expect(adjoint.status, adjoint.stderr).toBe(0);
    expect(adjoint.stdout).toMatch(/^adjoint check \(⟨J·v, w⟩ from the emitted JVP vs ⟨v, Jᵀw⟩/m);
    expect(rows(adjoint.stdout)).toEqual([
      ['W1', 'correct'],
      ['b1', 'correct'],
      ['W2', 'correct'],
      ['b2', 'correct'],
    ]);
    expect(adjoint.stdout).toMatch(/^overall: correct: /m);
  });

  it('--hvp checks the Hessian-vector products of a graph model and of a training model', async () => {
    const [graph, training] = await Promise.all([
      run('check', '--hvp', 'samples/computationGraph.ts'),
      run('check', '--hvp', 'samples/planar.ts'),
    ]);
    for (const r of [graph, training]) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Hessian-vector check \(emitted H·v vs two-sided differences/m);
      expect(r.stdout).toMatch(/^overall: correct/m);
    }
  });

  it('--adjoint and --hvp together are a usage error (exit 2)', async () => {
    const r = await run('check', '--adjoint', '--hvp', 'samples/planar.ts');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--adjoint and --hvp are two checks/);
  });
});

describe('gradgen explain --jvp / --hvp', () => {
  it("shows the cost's JVP and its Hessian-vector products, optimized", async () => {
    const [plain, forward] = await Promise.all([
      run('explain', 'samples/planar.ts'),
      run('explain', '--jvp', '--hvp', 'samples/planar.ts'),
    ]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/^J_dot/m);
    expect(forward.status, forward.stderr).toBe(0);
    expect(forward.stdout).toMatch(/^J_dot = .*(_dot|v_)/m);
    for (const p of ['W1', 'b1', 'W2', 'b2'])
      expect(forward.stdout).toMatch(new RegExp(`^Hv_${p} = `, 'm'));
  });
});
