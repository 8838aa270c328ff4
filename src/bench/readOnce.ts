/**
 * "Read X once" (issue 14, item 3), measured: does tiling W2's batch into blocks of columns — so
 * that each block of X (12288 × w) is read from memory once, by z = wᵀX and then by dw += X·dZᵀ
 * while it is still in cache — beat the two passes over all of X that the wasm target runs?
 *
 * Both variants use the wasm target's own kernels (the streamed one-row GEMM for z, the dot form
 * with its one-column tiles for dw; ../render/wasm) and the same JavaScript between them
 * (dZ = σ(z + b) − Y); the blocked one passes each block's address, width and the full row
 * stride, and accumulates dw across blocks. Timed in the plain-node child, interleaved rounds,
 * median per variant, float64, at the workload's batch and at a batch whose X does not fit the
 * last-level cache.
 */
import {
  gemmFunc,
  instantiate,
  kernelModule,
  simdSupported,
  streamFunc,
  wasmApi,
  type GemmSpec,
  type KernelParam,
} from '../render/wasm/index.js';
import { fmtTime, median, table } from './stats.js';

/** One variant's median time per step. */
export interface ReadOnceRow {
  /** 0: the two passes over all of X; else the block width in columns. */
  readonly width: number;
  readonly ms: number;
}

export interface ReadOnceResult {
  readonly features: number;
  readonly m: number;
  /** X's bytes. */
  readonly bytes: number;
  readonly rows: readonly ReadOnceRow[];
}

const WIDTHS = [16, 32, 64, 128, 256];
const DEPTH = 8;

const params: KernelParam[] = ['M', 'jn', 'pw', 'pX', 'pz', 'pd', 'pdw'].map((name) => ({
  name,
  type: 'i32',
}));

/** z = wᵀX over `m` columns (C's row stride `zStride`), and dw (+)= X·dZᵀ over `m` columns. */
function kernels(features: number, m: GemmSpec['m'], zStride: GemmSpec['m'], acc: boolean) {
  const P = (param: string) => ({ param });
  const M = { sym: 'M' };
  const common = { dtype: 'float64' as const, params };
  return [
    streamFunc(
      {
        ...common,
        name: acc ? 'zBlock' : 'z',
        n: 1,
        k: features,
        m,
        a: { base: P('pw'), strides: [1, 1] },
        b: { base: P('pX'), strides: [M, 1] },
        c: { base: P('pz'), strides: [zStride, 1] },
      },
      DEPTH,
    ),
    gemmFunc({
      ...common,
      name: acc ? 'dwBlock' : 'dw',
      n: features,
      k: m,
      m: 1,
      a: { base: P('pX'), strides: [M, 1] },
      b: { base: P('pd'), strides: [1, 1] },
      c: { base: P('pdw'), strides: [1, 1] },
      accumulate: acc,
    }),
  ];
}

type Kernel = (...args: number[]) => void;

/** The two variants' steps over one memory holding X (features × m), w, z, dZ, dw. */
function steps(features: number, m: number) {
  const jn = { sym: 'jn' };
  const funcs = [
    ...kernels(features, { sym: 'M' }, { sym: 'M' }, false),
    ...kernels(features, jn, jn, true),
  ];
  const es = 8;
  const layout = [features * m, features, m, m, features, m];
  const bytes = 64 + layout.reduce((a, n) => a + Math.ceil((n * es) / 64) * 64, 0);
  const pages = Math.ceil(bytes / 65536);
  const memory = new (wasmApi().Memory)({ initial: pages });
  const k = instantiate(kernelModule(funcs, pages).bytes, memory) as Record<string, Kernel>;
  let at = 64;
  const [X, w, z, dZ, dw, Y] = layout.map((n) => {
    const v = new Float64Array(memory.buffer, at, n);
    at += Math.ceil((n * es) / 64) * 64;
    return v;
  }) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < X.length; i++) X[i] = ((i * 7919) % 1000) / 1000;
  for (let i = 0; i < features; i++) w[i] = (((i * 31) % 17) - 8) * 1e-4;
  for (let j = 0; j < m; j++) Y[j] = j % 2;
  const b = 0.1;
  const dZof = (zv: number, j: number) => 1 / (1 + Math.exp(-(zv + b))) - Y[j]!;
  const twoPasses = () => {
    k.z!(m, 0, w.byteOffset, X.byteOffset, z.byteOffset, 0, 0);
    for (let j = 0; j < m; j++) dZ[j] = dZof(z[j]!, j);
    k.dw!(m, 0, 0, X.byteOffset, 0, dZ.byteOffset, dw.byteOffset);
  };
  const blocked = (width: number) => () => {
    dw.fill(0);
    for (let j0 = 0; j0 < m; j0 += width) {
      const n = Math.min(width, m - j0);
      const Xb = X.byteOffset + es * j0;
      k.zBlock!(m, n, w.byteOffset, Xb, z.byteOffset, 0, 0);
      for (let j = 0; j < n; j++) dZ[j] = dZof(z[j]!, j0 + j);
      k.dwBlock!(m, n, 0, Xb, 0, dZ.byteOffset, dw.byteOffset);
    }
  };
  return { twoPasses, blocked, dw, bytes: X.length * es };
}

/** Interleaved rounds of every variant at (features, m); undefined without SIMD128. */
export function readOnce(
  features: number,
  m: number,
  roundMs: number,
  rounds: number,
): ReadOnceResult | undefined {
  if (!simdSupported()) return undefined;
  const s = steps(features, m);
  // the variants compute the same dw (to rounding): a check that the blocked one is complete
  s.twoPasses();
  const want = s.dw.slice();
  s.blocked(WIDTHS[0]!)();
  const scale = Math.max(...want.map(Math.abs));
  if (!want.every((v, i) => Math.abs(v - s.dw[i]!) <= 1e-9 * scale))
    throw new Error('bench: the blocked read-once step disagrees with the two passes');
  const variants: [number, () => void][] = [
    [0, s.twoPasses],
    ...WIDTHS.filter((wd) => wd < m).map((wd) => [wd, s.blocked(wd)] as [number, () => void]),
  ];
  const times = variants.map((): number[] => []);
  for (let r = 0; r < rounds; r++)
    variants.forEach(([, step], v) => {
      let reps = 0;
      const t0 = performance.now();
      while (reps < 2 || performance.now() - t0 < roundMs) {
        step();
        reps++;
      }
      times[v]!.push((performance.now() - t0) / reps);
    });
  return {
    features,
    m,
    bytes: s.bytes,
    rows: variants.map(([width], v) => ({ width, ms: median(times[v]!) })),
  };
}

/** The report's section: per batch, each variant's time per step and speed against the two passes. */
export function readOnceSection(id: string, results: readonly ReadOnceResult[]): string {
  const parts = results.map((r) => {
    const base = r.rows.find((x) => x.width === 0)!.ms;
    const rows = r.rows.map((x) => [
      x.width === 0 ? 'two passes over all of X (the wasm target)' : `blocks of ${x.width} columns`,
      fmtTime(x.ms),
      `${(base / x.ms).toFixed(2)}×`,
    ]);
    const blocked = r.rows.filter((x) => x.width > 0);
    const best = blocked.reduce((a, x) => (x.ms < a.ms ? x : a), blocked[0]!);
    const verdict =
      best.ms < base
        ? `blocks of ${best.width} columns are the fastest, ${(base / best.ms).toFixed(2)}× the two passes`
        : `no block width is faster than the two passes (the best, ${best.width} columns, runs at ${(base / best.ms).toFixed(2)}×)`;
    return (
      `m = ${r.m}, X ${r.features} × ${r.m} (${(r.bytes / 2 ** 20).toFixed(1)} MiB): ${verdict}.\n\n` +
      table(['variant', 'median / step', 'speed vs two passes'], 'lrr', rows)
    );
  });
  return (
    `## ${id}: reading X once in blocks of columns\n\n` +
    `Issue 14's item 3, measured in the plain-node child: z = wᵀX, dZ = σ(z + b) − Y, dw = X·dZᵀ in float64 with the wasm target's kernels, ` +
    `either as two passes over all of X or per block of columns (each block's z, dZ and dw before the next block, dw accumulated), ` +
    `interleaved rounds, median.\n\n${parts.join('\n\n')}`
  );
}
