/**
 * Helpers for the consumer-project checks: running commands, locating the external runtimes, and
 * skipping (locally) or failing (under CI=true) when one is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'vitest';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const fixtures = new URL('./fixtures/', import.meta.url).pathname;
/** Kept artifacts (screenshots, measurements): `.tmp/` is gitignored. */
export const artifacts = join(repoRoot, '.tmp/consumers');
export const repoBin = (pkg: string, ...path: string[]) =>
  join(repoRoot, 'node_modules', pkg, ...path);

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion (never throws for a non-zero exit: the caller asserts on it). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `run`, asserting exit code 0 (the message carries the command's output). */
export async function runOk(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  const r = await run(command, args, options);
  if (r.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
    );
  }
  return r.stdout;
}

function isElfExecutable(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    readSync(fd, magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  } finally {
    closeSync(fd);
  }
}

/**
 * The binary of a runtime shipped in npm packages. `bun` and `deno` (devDependencies) carry their
 * binaries in per-platform optional dependencies (`@oven/bun-linux-x64`, `@deno/linux-x64-glibc`);
 * their postinstall scripts only link those into `node_modules/bun/bin/bun.exe` and
 * `node_modules/deno/deno`, and package.json's `allowScripts` denies them, so after a clean
 * `npm ci` the binary is in the platform package. When a postinstall did run (an npm that ignores
 * allowScripts), the binary was moved to the main package: both places are tried.
 */
function packagedBinary(candidates: readonly string[]): string | undefined {
  return candidates.find(isElfExecutable);
}

const arch = process.arch === 'x64' ? 'x64' : process.arch;
export const bunBinary = () =>
  packagedBinary([
    repoBin(`@oven/bun-${process.platform}-${arch}`, 'bin', 'bun'),
    repoBin(`@oven/bun-${process.platform}-${arch}-baseline`, 'bin', 'bun'),
    repoBin('bun', 'bin', 'bun.exe'),
  ]);
export const denoBinary = () =>
  packagedBinary([
    repoBin(`@deno/${process.platform}-${arch}-glibc`, 'deno'),
    repoBin(`@deno/${process.platform}-${arch}`, 'deno'),
    repoBin('deno', 'deno'),
  ]);
export const chromiumBinary = () =>
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export interface Tool {
  readonly name: string;
  readonly path: string | undefined;
  /** The command that installs it, shown when it is missing. */
  readonly install: string;
}

/** `CONSUMERS_WITHOUT=bun,deno,chromium`: act as if those were missing (to see the skip path). */
const hidden = (key: string) => (process.env['CONSUMERS_WITHOUT'] ?? '').split(',').includes(key);
const unlessHidden = (key: string, path: string | undefined) => (hidden(key) ? undefined : path);

export const tools = {
  bun: (): Tool => ({
    name: 'Bun',
    path: unlessHidden('bun', bunBinary()),
    install: 'npm ci (the bun devDependency ships the binary in @oven/bun-<platform>-<arch>)',
  }),
  deno: (): Tool => ({
    name: 'Deno',
    path: unlessHidden('deno', denoBinary()),
    install: 'npm ci (the deno devDependency ships the binary in @deno/<platform>-<arch>-glibc)',
  }),
  chromium: (): Tool => ({
    name: 'Chromium',
    path: unlessHidden('chromium', chromiumBinary()),
    install: 'apt-get update && apt-get install -y chromium',
  }),
};

/**
 * The path of a tool, or: locally, the test is skipped with the command that installs it; under
 * CI=true, the test fails (a CI machine must have every tool).
 */
export function requireTool(ctx: TestContext, tool: Tool): string {
  if (tool.path !== undefined) return tool.path;
  const message = `${tool.name} not found: install it with \`${tool.install}\``;
  if (process.env['CI'] === 'true') throw new Error(`${message} (required under CI=true)`);
  console.warn(`skipped: ${message}`);
  return ctx.skip(message);
}

/** Float64 ↔ 16 hex digits (big-endian bits): exact through JSON. */
export function toHex(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}
export function fromHex(h: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${h}`));
  return view.getFloat64(0);
}

/**
 * Bun or Deno vs Node, relative, on every step's cost and on the final parameters. Measured: 0 on the
 * costs and 1.1e-14 on the parameters after 20 steps; 3.4e-16 on the costs over 1,000 steps. The
 * bound leaves room for other data, not for a wrong formula (which moves the cost in the 3rd–6th
 * digit).
 */
export const ENGINE_BOUND = 1e-12;

/** Largest |a − b| / |a| over two equally long lists of hex-encoded doubles. */
export function maxRelativeDifference(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = fromHex(a[i]!);
    const y = fromHex(b[i]!);
    worst = Math.max(worst, x === y ? 0 : Math.abs(x - y) / Math.abs(x));
  }
  return worst;
}

/** Largest |a − b| over the largest |a|: the difference at the outputs' scale. */
export function scaledDifference(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  const x = a.map(fromHex);
  const y = b.map(fromHex);
  const scale = Math.max(...x.map(Math.abs));
  return Math.max(...x.map((xi, i) => Math.abs(xi - y[i]!))) / scale;
}

/**
 * A wasm-target module vs the same model's TS-target module (wasm.test.ts, browser.test.ts).
 * float64, relative, element by element: the wasm kernels may sum in another order than the TS
 * loops, never more (measured: 7e-15 at worst, under each runtime).
 */
export const WASM_FLOAT64_BOUND = 1e-12;
/**
 * float32, relative to each output's largest value: both targets store float32, and the wasm
 * kernels also compute in float32 (f32x4) where the TS loops compute in float64 (measured: 5e-8,
 * about one float32 unit, under each runtime). A wrong formula moves the first digits.
 */
export const WASM_FLOAT32_BOUND = 1e-6;
