/**
 * Times gradgen's generated training modules (float64 and float32) and the hand-written TS in a
 * child process that never loaded TypeScript: every file is transpiled with esbuild's
 * transformSync (as test/shippedModule.test.ts does) into a temporary folder and run by plain
 * `node` (./moduleRunner.ts). The bench process hosts TF.js's and jax-js's wasm backends, whose
 * memories grow and so detach ArrayBuffers, after which V8 runs all typed-array code of that
 * process 20–25% slower; the child never detaches one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { readOut, writeF64, type Named } from './exchange.js';
import type { ChildConfig, ChildReport } from './moduleRunner.js';

/** src/, whose layout the child's folder mirrors (./peak.ts imports ../render/wasm). */
const src = new URL('..', import.meta.url).pathname;
const wasmFiles = readdirSync(join(src, 'render/wasm'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `render/wasm/${f.slice(0, -3)}`);
const FILES = [
  ...['moduleRunner', 'stats', 'hand', 'exchange', 'peak', 'readOnce'].map((f) => `bench/${f}`),
  'errors',
  'kernel/expr',
  ...wasmFiles,
];

export interface ChildRun {
  readonly report: ChildReport;
  /** Per contender (modules in order, then hand-written): gradients and parameters after one step. */
  readonly outs: { grads: Named; params: Named }[];
}

/** Node's environment without any loader options inherited from the bench's own process. */
export function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

export function runChildModules(
  modules: readonly {
    source: string;
    name: string;
    float32: boolean;
    copied?: boolean;
    fit?: boolean;
  }[],
  config: Omit<ChildConfig, 'modules'>,
  data: readonly ArrayLike<number>[],
): ChildRun {
  const dir = mkdtempSync(join(tmpdir(), 'gradgen-bench-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const f of FILES) {
      const ts = readFileSync(join(src, `${f}.ts`), 'utf8');
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, `${f}.js`), transformSync(ts, { loader: 'ts', format: 'esm' }).code);
    }
    const files = modules.map((m, i) => {
      const file = `module${i}.js`;
      writeFileSync(join(dir, file), transformSync(m.source, { loader: 'ts', format: 'esm' }).code);
      const how = { ...(m.copied ? { copied: true } : {}), ...(m.fit ? { fit: true } : {}) };
      return { file, name: m.name, float32: m.float32, ...how };
    });
    const cfg: ChildConfig = { ...config, modules: files };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(cfg));
    writeF64(join(dir, 'data.bin'), data);
    const r = spawnSync(process.execPath, ['bench/moduleRunner.js', dir], {
      cwd: dir,
      encoding: 'utf8',
      env: plainEnv(),
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0)
      throw new Error(`bench: the plain-node child failed (${r.status}): ${r.stderr || r.error}`);
    const report = JSON.parse(r.stdout) as ChildReport;
    const outs = report.timings.map((_, k) => readOut(join(dir, `out-${k}.bin`), config.layers));
    return { report, outs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
