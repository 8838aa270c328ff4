/**
 * The installed package through a bundler (esbuild, the repo's): a browser app importing 'gradgen'
 * bundles for the browser with no node: import, and package.json's `sideEffects` keeps the module
 * that installs the fluent methods.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildFailure, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtures, repoRoot, runOk } from './tools.ts';

const { project } = inject('consumer');
const dir = join(project, 'bundle');

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  for (const f of ['page.ts', 'planarRun.ts', 'fluent.ts'])
    copyFileSync(join(fixtures, f), join(dir, f));
  // the page also trains from the generated module, as an app that ships it
  copyFileSync(join(repoRoot, 'codegen', 'planar.ts'), join(dir, 'planarModule.ts'));
});

/** esbuild's errors as one readable string (the thrown BuildFailure lists them). */
function buildErrors(e: unknown): string {
  const failure = e as Partial<BuildFailure>;
  if (!failure.errors) throw e;
  return failure.errors
    .map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`)
    .join('\n');
}

describe('esbuild consumer', () => {
  it('bundles a browser app importing gradgen (platform browser, esm) with no node: import', async () => {
    let metafile: Metafile;
    try {
      ({ metafile } = await build({
        entryPoints: [join(dir, 'page.ts')],
        outfile: join(dir, 'out/page.js'),
        absWorkingDir: dir,
        bundle: true,
        platform: 'browser',
        format: 'esm',
        metafile: true,
        logLevel: 'silent',
      }));
    } catch (e) {
      expect.fail(`the browser bundle failed:\n${buildErrors(e)}`);
    }
    const imports = Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports.filter((p) => p.startsWith('node:'))).toEqual([]);
    expect(readFileSync(join(dir, 'out/page.js'), 'utf8')).not.toMatch(/from\s*["']node:/);
  });

  it("package.json's sideEffects names files that exist in the package", () => {
    const pkgDir = join(project, 'node_modules/gradgen');
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      sideEffects?: boolean | string[];
    };
    expect(Array.isArray(pkg.sideEffects), 'sideEffects is a list of files').toBe(true);
    const entries = pkg.sideEffects as string[];
    expect(entries).toContain('./dist/builder/fluent.js');
    for (const entry of entries.filter((e) => !e.includes('*'))) {
      expect(existsSync(join(pkgDir, entry)), entry).toBe(true);
    }
  });

  // Tree-shaken (minified) bundle for the browser of an app that imports only input and evaluate;
  // run in Node. The emitter's Node-only dependencies are left external here so that this check is
  // about sideEffects alone (the browser bundle above covers them).
  it('a bundled input("a").mul(3) works: sideEffects keeps the fluent methods', async () => {
    try {
      await build({
        entryPoints: [join(dir, 'fluent.ts')],
        outfile: join(dir, 'out/fluent.mjs'),
        absWorkingDir: dir,
        bundle: true,
        minify: true,
        platform: 'browser',
        format: 'esm',
        external: ['ts-morph', '@prettier/sync', 'prettier'],
        logLevel: 'silent',
      });
    } catch (e) {
      expect.fail(`the bundle failed:\n${buildErrors(e)}`);
    }
    const out = JSON.parse(await runOk(process.execPath, ['out/fluent.mjs'], { cwd: dir })) as {
      y: number;
      expected: number;
    };
    expect(out.y).toBeCloseTo(out.expected, 14);
  });
});
