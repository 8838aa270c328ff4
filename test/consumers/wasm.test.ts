/**
 * A wasm-target emitted module as a user meets it under Node (the installed tarball emits it; the
 * user's program, bundled by esbuild since Node 20 runs no TypeScript), Bun and Deno (the
 * devDependencies' binaries run the .ts files as they are): fixtures/wasmEmit.mjs emits a
 * two-layer network's cost and gradients for the wasm and the TS target in float64 and float32,
 * the wasm modules with a batch limit of 8; fixtures/wasmRun.ts imports them, calls before and
 * after `await ready`, within the limit and above it. The results go to .tmp/consumers/wasm.json.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, inject, it, type TestContext } from 'vitest';
import {
  artifacts,
  fixtures,
  maxRelativeDifference,
  scaledDifference,
  requireTool,
  runOk,
  tools,
  WASM_FLOAT32_BOUND,
  WASM_FLOAT64_BOUND,
} from './tools.ts';
import type { Attempt } from './fixtures/wasmCalls.ts';

const { project } = inject('consumer');
const dir = join(project, 'wasm-consumer');
const MAX_BATCH = 8;

interface DtypeRun {
  readonly early: Attempt;
  readonly small: { readonly wasm: Attempt; readonly ts: Attempt };
  readonly large: { readonly wasm: Attempt; readonly ts: Attempt };
  readonly again: Attempt;
}
interface WasmRun {
  readonly small: number;
  readonly large: number;
  readonly float64: DtypeRun;
  readonly float32: DtypeRun;
}

const results: Record<string, unknown> = {};
function record(key: string, value: unknown): void {
  results[key] = value;
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'wasm.json'), JSON.stringify(results, null, 2));
}

/** The TS module's outputs vs the wasm module's: float64 element by element, float32 scaled. */
const DTYPES = [
  ['float64', WASM_FLOAT64_BOUND, maxRelativeDifference, 'relative'],
  ['float32', WASM_FLOAT32_BOUND, scaledDifference, "relative to each output's scale"],
] as const;

function bitsOf(a: Attempt, what: string): string[] {
  if (!a.ok) expect.fail(`${what} threw ${a.code}: ${a.message}`);
  return a.bits;
}

const denoEnv = () => ({
  DENO_DIR: join(project, '.deno'),
  DENO_NO_UPDATE_CHECK: '1',
  NO_COLOR: '1',
});
const runners = {
  node: (_bin: string) => runOk(process.execPath, ['wasmRun.node.mjs'], { cwd: dir }),
  bun: (bin: string) => runOk(bin, ['wasmRun.ts'], { cwd: dir, env: { NO_COLOR: '1' } }),
  deno: (bin: string) => runOk(bin, ['run', 'wasmRun.ts'], { cwd: dir, env: denoEnv() }),
};
type Runtime = keyof typeof runners;

let emitted: { maxBatch: number; kernelBytes: Record<string, number> };
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  for (const f of ['wasmEmit.mjs', 'wasmRun.ts', 'wasmCalls.ts'])
    copyFileSync(join(fixtures, f), join(dir, f));
  emitted = JSON.parse(
    await runOk(process.execPath, ['wasmEmit.mjs', String(MAX_BATCH)], { cwd: dir }),
  ) as typeof emitted;
  record('emitted', emitted);
  await build({
    entryPoints: [join(dir, 'wasmRun.ts')],
    outfile: join(dir, 'wasmRun.node.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
});

const runs = new Map<Runtime, Promise<WasmRun>>();
/** Runs wasmRun.ts once per runtime. */
function runIn(runtime: Runtime, bin: string): Promise<WasmRun> {
  let r = runs.get(runtime);
  if (!r) {
    r = runners[runtime](bin).then((out) => {
      const parsed = JSON.parse(out) as WasmRun;
      record(runtime, parsed);
      return parsed;
    });
    runs.set(runtime, r);
  }
  return r;
}

const binary = (ctx: TestContext, runtime: Runtime): string =>
  runtime === 'node' ? process.execPath : requireTool(ctx, tools[runtime]());

describe.each(['node', 'bun', 'deno'] as const)('%s: an emitted wasm-target module', (runtime) => {
  // Node, Bun and Deno compile and instantiate modules of any size synchronously: `ready` is
  // resolved at once and a call made before awaiting it runs (a browser's main thread differs)
  it('runs a call made before await ready, giving what it gives after', async (ctx) => {
    const r = await runIn(runtime, binary(ctx, runtime));
    for (const [dtype] of DTYPES) {
      const early = bitsOf(r[dtype].early, `${dtype}: the call before await ready`);
      expect(early, dtype).toEqual(bitsOf(r[dtype].small.wasm, `${dtype}: the call after`));
    }
  });

  for (const [dtype, bound, difference, how] of DTYPES) {
    it(`${dtype}: a batch within maxBatch agrees with the TS-target module within ${bound} ${how}`, async (ctx) => {
      const { small, [dtype]: r } = await runIn(runtime, binary(ctx, runtime));
      const wasm = bitsOf(r.small.wasm, `the wasm module (batch ${small})`);
      const ts = bitsOf(r.small.ts, `the TS module (batch ${small})`);
      expect(wasm.length).toBe(1 + 20 + 4 + 4 + 1);
      expect(difference(ts, wasm)).toBeLessThanOrEqual(bound);
    });

    it(`${dtype}: a batch above maxBatch lays out a larger memory and agrees too; the smaller batch after it gives the same bits`, async (ctx) => {
      const { large, [dtype]: r } = await runIn(runtime, binary(ctx, runtime));
      expect(large).toBeGreaterThan(emitted.maxBatch);
      const wasm = bitsOf(r.large.wasm, `the wasm module (batch ${large} > maxBatch)`);
      const ts = bitsOf(r.large.ts, `the TS module (batch ${large})`);
      expect(difference(ts, wasm)).toBeLessThanOrEqual(bound);
      expect(bitsOf(r.again, 'the small batch again')).toEqual(bitsOf(r.small.wasm, 'small'));
    });
  }
});
