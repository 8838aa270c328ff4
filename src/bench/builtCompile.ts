/**
 * Compile time as users meet it: the built package (dist/, from `npm run build`, i.e. tsc's
 * JavaScript) in a plain `node` child that never loaded TypeScript. Under tsx the same code runs
 * ~25% slower (among other things esbuild's keepNames wraps every named closure in a `__name`
 * call). The child's folder holds ./compileRunner.ts, ./compileTime.ts and what they import from
 * src/bench, transpiled with esbuild's transformSync (no keepNames); every other top-level entry
 * of the folder is a symlink to the library's (dist's), so `../emit/module.js` from the runner is
 * dist's module, the same instance dist's own modules import (node resolves symlinks to real
 * paths).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { plainEnv } from './childModules.js';
import type { CompileReport } from './compileRunner.js';

/** The repository root and its src/. */
const root = new URL('../../', import.meta.url).pathname;
const src = join(root, 'src');
/** The bench files the child runs (from src/bench), transpiled into its bench/ folder. */
const BENCH = ['compileRunner', 'compileTime', 'alloc', 'stats'];

/** Files under `dir` (recursively) whose name ends with `ext`. */
function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

/** src files tsconfig.build.json compiles into dist (it leaves out src/bench and two scripts). */
function buildInputs(): string[] {
  const left = new Set(['cli/demo.ts', 'cli/codegen.ts']);
  const inSrc = filesUnder(src, '.ts').filter((f) => {
    const r = relative(src, f);
    return !r.startsWith('bench/') && !left.has(r);
  });
  return [...inSrc, ...['tsconfig.json', 'tsconfig.build.json'].map((f) => join(root, f))];
}

/**
 * dist/, built first with `npm run build` unless every JavaScript file there is newer than every
 * input of the build (the build starts by removing dist/, so a partial one is never reused).
 */
export function builtLibrary(): { dir: string; rebuilt: boolean } {
  const dist = join(root, 'dist');
  const mtime = (f: string) => statSync(f).mtimeMs;
  const fresh =
    existsSync(join(dist, 'index.js')) &&
    Math.max(...buildInputs().map(mtime)) < Math.min(...filesUnder(dist, '.js').map(mtime));
  if (!fresh) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'ignore' });
  return { dir: dist, rebuilt: !fresh };
}

/**
 * Times grad + optimize + emit for random scalar graphs of `sizes` nodes, one after another in one
 * plain-node child, on the library in `lib` (a folder laid out as src/ in JavaScript: dist/, or a
 * transpiled copy as the tests use).
 */
export function timeCompileIn(lib: string, sizes: readonly number[], seed = 1): CompileReport {
  const dir = mkdtempSync(join(tmpdir(), 'gradgen-compile-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const entry of readdirSync(lib)) {
      if (entry !== 'bench' && entry !== 'package.json')
        symlinkSync(join(lib, entry), join(dir, entry));
    }
    mkdirSync(join(dir, 'bench'));
    for (const f of BENCH) {
      const ts = readFileSync(join(src, 'bench', `${f}.ts`), 'utf8');
      const js = transformSync(ts, { loader: 'ts', format: 'esm' }).code;
      writeFileSync(join(dir, 'bench', `${f}.js`), js);
    }
    const args = ['bench/compileRunner.js', JSON.stringify({ sizes, seed })];
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: plainEnv() });
    if (r.status !== 0)
      throw new Error(`bench: the compile-time child failed (${r.status}): ${r.stderr || r.error}`);
    return JSON.parse(r.stdout) as CompileReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compile times of the built package (dist/, rebuilt if stale) in a plain-node child. */
export function timeBuiltCompile(sizes: readonly number[], seed = 1): CompileReport {
  return timeCompileIn(builtLibrary().dir, sizes, seed);
}
