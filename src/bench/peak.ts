import {
  gemmFunc,
  instantiate,
  kernelModule,
  simdSupported,
  wasmApi,
  type GemmSpec,
} from '../render/wasm/index.js';

/**
 * The machine's single-core peak for plain-JavaScript matrix products: C = A·Bᵀ (A, B n × n,
 * row-major, so both operands are read along rows) in 4 × 4 register tiles of dot products, the
 * blocking gradgen's generated matmuls use. Reported as the best GFLOP/s (2n³ per product) over
 * a few timed repetitions. Node builtins and ../render/wasm only: it runs inside
 * ./moduleRunner.ts's plain-node child.
 */
type Store = Float64Array | Float32Array;

// prettier-ignore
function matmulNT(A: Store, B: Store, C: Store, n: number): void {
  for (let i = 0; i < n; i += 4) {
    const a0 = i * n, a1 = a0 + n, a2 = a1 + n, a3 = a2 + n;
    for (let j = 0; j < n; j += 4) {
      const b0 = j * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < n; p++) {
        const x0 = A[a0 + p], x1 = A[a1 + p], x2 = A[a2 + p], x3 = A[a3 + p];
        const y0 = B[b0 + p], y1 = B[b1 + p], y2 = B[b2 + p], y3 = B[b3 + p];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const r0 = a0 + j, r1 = a1 + j, r2 = a2 + j, r3 = a3 + j;
      C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
      C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
      C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
      C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
    }
  }
}

/** Best GFLOP/s of an n × n product (n a multiple of 4) stored as `dtype`, over `reps` timings. */
export function matmulPeak(dtype: 'float64' | 'float32', n = 256, reps = 5): number {
  const Ctor = dtype === 'float64' ? Float64Array : Float32Array;
  const A = new Ctor(n * n);
  const B = new Ctor(n * n);
  const C = new Ctor(n * n);
  for (let i = 0; i < n * n; i++) {
    A[i] = ((i * 7919) % 1000) / 1000 - 0.5;
    B[i] = ((i * 104729) % 1000) / 1000 - 0.5;
  }
  for (let w = 0; w < 3; w++) matmulNT(A, B, C, n); // warm up (optimized code)
  let best = 0;
  for (let r = 0; r < reps; r++) {
    let k = 0;
    const t0 = performance.now();
    while (k < 2 || performance.now() - t0 < 100) {
      matmulNT(A, B, C, n);
      k++;
    }
    best = Math.max(best, (2 * n * n * n * k) / ((performance.now() - t0) * 1e6));
  }
  return best;
}

/**
 * The machine's single-core peak for WebAssembly SIMD128 matrix products: gradgen's own GEMM
 * generator (../render/wasm/gemm.ts) on C = A·B, n × n row-major (its rows form: 4 × 2 register
 * blocks of f64x2 / f32x4, B splat-free, no FMA), in a memory that never grows (so no buffer is
 * detached). Best GFLOP/s (2n³ per product) over `reps` timings; 0 where SIMD128 is missing.
 */
export function wasmMatmulPeak(dtype: 'float64' | 'float32', n = 256, reps = 5): number {
  if (!simdSupported()) return 0;
  const es = dtype === 'float64' ? 8 : 4;
  const bytes = n * n * es;
  const pages = Math.ceil((3 * bytes) / 65536);
  const spec: GemmSpec = {
    name: 'matmul',
    dtype,
    params: [],
    n,
    k: n,
    m: n,
    a: { base: 0, strides: [n, 1] },
    b: { base: bytes, strides: [n, 1] },
    c: { base: 2 * bytes, strides: [n, 1] },
  };
  const memory = new (wasmApi().Memory)({ initial: pages });
  const store =
    dtype === 'float64' ? new Float64Array(memory.buffer) : new Float32Array(memory.buffer);
  for (let i = 0; i < 2 * n * n; i++) store[i] = ((i * 7919) % 1000) / 1000 - 0.5;
  const matmul = instantiate(kernelModule([gemmFunc(spec)], pages).bytes, memory)
    .matmul as () => void;
  for (let w = 0; w < 3; w++) matmul();
  let best = 0;
  for (let r = 0; r < reps; r++) {
    let k = 0;
    const t0 = performance.now();
    while (k < 2 || performance.now() - t0 < 100) {
      matmul();
      k++;
    }
    best = Math.max(best, (2 * n * n * n * k) / ((performance.now() - t0) * 1e6));
  }
  return best;
}
