/**
 * The numpy peer: ./numpyPeer.py in a python3 child process with single-threaded BLAS
 * (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, MKL_NUM_THREADS = 1), given the workload's data and
 * initial parameters in a temporary folder (./exchange.ts's files), float64 and float32. Skipped,
 * with the reason, when python3 or numpy is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOut, writeF64, type Named } from './exchange.js';
import type { Hidden } from './hand.js';
import type { WorkloadOptimizer } from './training.js';

const script = new URL('numpyPeer.py', import.meta.url).pathname;
const ONE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
export const NUMPY_DTYPES = ['float64', 'float32'] as const;

export interface NumpyConfig {
  readonly layers: readonly number[];
  readonly hidden: Hidden;
  readonly m: number;
  readonly lr: number;
  readonly l2: number;
  readonly optimizer: WorkloadOptimizer;
  readonly rounds: number;
  readonly roundMs: number;
}

export type NumpyRun =
  | { readonly skipped: string }
  | {
      readonly version: string;
      readonly blas: string;
      readonly results: {
        dtype: (typeof NUMPY_DTYPES)[number];
        perStep: number[];
        steps: number;
        grads: Named;
        params: Named;
      }[];
    };

let available: string | undefined;

/** Undefined when python3 with numpy runs here, else why not. */
export function numpyMissing(): string | undefined {
  if (available !== undefined) return available || undefined;
  const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  available = r.error
    ? `python3 not found (${r.error.message})`
    : r.status !== 0
      ? `python3 has no numpy (${r.stderr.trim().split('\n').pop()})`
      : '';
  return available || undefined;
}

export function runNumpy(config: NumpyConfig, data: readonly ArrayLike<number>[]): NumpyRun {
  const missing = numpyMissing();
  if (missing) return { skipped: missing };
  const dir = mkdtempSync(join(tmpdir(), 'gradgen-numpy-'));
  try {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, dtypes: NUMPY_DTYPES }));
    writeF64(join(dir, 'data.bin'), data);
    const r = spawnSync('python3', [script, dir], {
      encoding: 'utf8',
      env: { ...process.env, ...ONE_THREAD },
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`bench: the numpy child failed (${r.status}): ${r.stderr}`);
    const out = JSON.parse(r.stdout) as {
      numpy: string;
      blas: string;
      results: Record<string, { perStep: number[]; steps: number }>;
    };
    return {
      version: out.numpy,
      blas: out.blas,
      results: NUMPY_DTYPES.map((dtype) => ({
        dtype,
        ...out.results[dtype]!,
        ...readOut(join(dir, `out-${dtype}.bin`), config.layers),
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
