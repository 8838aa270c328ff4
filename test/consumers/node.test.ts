/**
 * The installed package under plain Node: an ESM consumer, a CommonJS one, and the `gradgen`
 * command from node_modules/.bin on model files that import 'gradgen'.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtures, run, runOk } from './tools.ts';

const { project, version } = inject('consumer');
const dir = join(project, 'node-consumer');

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  for (const f of ['costJ.mjs', 'require.cjs', 'model.mjs', 'model.mts']) {
    copyFileSync(join(fixtures, f), join(dir, f));
  }
});

describe('Node consumer (the installed tarball)', () => {
  it('an .mjs imports gradgen, differentiates and compiles J = 3(a + b·c)', async () => {
    const out = JSON.parse(await runOk(process.execPath, ['costJ.mjs'], { cwd: dir }));
    expect(out).toEqual({ J: 33, da: 3, db: 6, dc: 9 });
  });

  it("require('gradgen') from a .cjs works (require(esm)) or says to use import", async () => {
    const out = JSON.parse(await runOk(process.execPath, ['require.cjs'], { cwd: dir })) as {
      loaded: boolean;
      J?: number;
      code?: string;
      message?: string;
    };
    if (out.loaded) expect(out.J).toBe(33);
    else expect(out.message).toMatch(/\bimport\b/);
  });

  it('npx gradgen --version prints the package version', async () => {
    const out = await runOk('npx', ['gradgen', '--version'], { cwd: dir });
    expect(out.trim()).toBe(version);
  });

  it.each([['--version'], ['help'], ['compile', '--help']])(
    'gradgen %s loads neither the compiler nor the TypeScript loader',
    async (...args) => {
      const bin = join(project, 'node_modules', 'gradgen', 'dist', 'cli', 'bin.js');
      const trace = join(fixtures, 'traceLoads.mjs');
      const r = await run(process.execPath, ['--import', trace, bin, ...args], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const loaded = r.stderr
        .split('\n')
        .filter((l) => l.startsWith('loaded '))
        .map((l) => l.slice('loaded '.length));
      const ours = loaded.filter((u) => u.includes('/node_modules/gradgen/'));
      expect(ours.map((u) => u.replace(/^.*\/node_modules\/gradgen\//, '')).sort()).toEqual([
        'dist/cli/bin.js',
        'dist/cli/usage.js',
      ]);
      expect(loaded.filter((u) => /\/node_modules\/(tsx|esbuild)\//.test(u))).toEqual([]);
    },
  );

  it.each(['model.mjs', 'model.mts'])('gradgen check %s exits 0', async (file) => {
    const r = await run('npx', ['gradgen', 'check', file], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^overall: correct: the worst row is /m);
  });
});
