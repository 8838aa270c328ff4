import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultTiles,
  E,
  evalExpr,
  gemmForm,
  gemmFunc,
  instantiate,
  kernelModule,
  wasmApi,
  type Dtype,
  type Expr,
  type GemmForm,
  type GemmSpec,
  type KernelParam,
} from '../../../src/render/wasm/index.js';
import {
  Arena,
  elementIndex,
  epilogueArb,
  epsOf,
  exprSize,
  fill,
  layoutArb,
  lipschitz,
  matStrides,
  runInArena,
  expectOnlyWritten,
  type Dim,
  type Layout,
} from './harness.js';

const sizeArb = fc.oneof(
  fc.constantFrom(1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 17),
  fc.integer({ min: 1, max: 40 }),
);
const kArb = fc.oneof(
  { weight: 4, arbitrary: sizeArb },
  { weight: 1, arbitrary: fc.integer({ min: 120, max: 300 }) },
);
const tilesArb = fc.option(
  fc.record({
    mr: fc.integer({ min: 1, max: 5 }),
    nv: fc.integer({ min: 1, max: 4 }),
    dr: fc.integer({ min: 1, max: 4 }),
    dc: fc.integer({ min: 1, max: 4 }),
    kc: fc.integer({ min: 3, max: 64 }),
    ku: fc.integer({ min: 1, max: 3 }),
    raMin: fc.constantFrom(0, 64, 2000),
    raMax: fc.constantFrom(64, 1000, 1 << 20),
    jc: fc.integer({ min: 1, max: 5 }),
  }),
  { nil: undefined },
);

interface Case {
  dtype: Dtype;
  n: number;
  k: number;
  m: number;
  batch: 'none' | 'n' | 'k' | 'm';
  layouts: [Layout, Layout, Layout, Layout];
  pads: [number, number, number, number];
  gaps: [number, number, number, number, number];
  paramBase: [boolean, boolean, boolean];
  epilogue: Expr;
  accumulate: boolean;
  tiles: GemmSpec['tiles'];
  seed: number;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  dtype: fc.constantFrom<Dtype>('float64', 'float32'),
  n: sizeArb,
  k: kArb,
  m: sizeArb,
  batch: fc.constantFrom('none', 'n', 'k', 'm'),
  layouts: fc.tuple(layoutArb, layoutArb, layoutArb, layoutArb),
  pads: fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 0, max: 2 }))) as fc.Arbitrary<
    Case['pads']
  >,
  gaps: fc.tuple(...[0, 1, 2, 3, 4].map(() => fc.integer({ min: 0, max: 3 }))) as fc.Arbitrary<
    Case['gaps']
  >,
  paramBase: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  epilogue: epilogueArb(2),
  accumulate: fc.boolean(),
  tiles: tilesArb,
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

/** Builds, runs and checks one case; returns its form. */
function runCase(c: Case): GemmForm {
  const es = c.dtype === 'float64' ? 8 : 4;
  const dim = (name: 'n' | 'k' | 'm'): Dim => ({
    value: c[name],
    lin: c.batch === name ? { sym: 'B' } : c[name],
  });
  const [n, k, m] = [dim('n'), dim('k'), dim('m')];
  const B = c.batch === 'none' ? 0 : c[c.batch];
  const arena = new Arena(es);
  const names = ['pA', 'pB', 'pC'];
  const mat = (q: number, rows: Dim, cols: Dim) =>
    arena.view(
      matStrides(c.layouts[q]!, rows, cols, c.pads[q]!),
      [rows.value, cols.value],
      B,
      c.gaps[q]!,
      c.paramBase[q] ? names[q] : undefined,
    );
  const a = mat(0, n, k);
  const b = mat(1, k, m);
  const cv = mat(2, n, m);
  const bias = arena.view([1, 0], [n.value, 1], B, c.gaps[3]);
  const full = arena.view(
    matStrides(c.layouts[3], n, m, c.pads[3]),
    [n.value, m.value],
    B,
    c.gaps[4],
  );
  const params: KernelParam[] = [
    ...(c.batch === 'none' ? [] : [{ name: 'B', type: 'i32' as const }]),
    ...arena.params.map((p) => ({ name: p.name, type: 'i32' as const })),
    { name: 's', type: 'scalar' },
  ];
  const spec: GemmSpec = {
    name: 'gemm',
    dtype: c.dtype,
    params,
    n: n.lin,
    k: k.lin,
    m: m.lin,
    a,
    b,
    c: cv,
    epilogue: c.epilogue,
    views: [bias, full],
    accumulate: c.accumulate,
    tiles: c.tiles,
  };
  const { F, before, s } = runInArena(
    gemmFunc(spec),
    arena,
    c.dtype,
    c.seed,
    c.batch === 'none' ? undefined : B,
  );

  const at = (v: typeof a, i: number, j: number) => elementIndex(v, [i, j], B, es, arena.params);
  const eps = epsOf(c.dtype);
  const L = lipschitz(c.epilogue);
  const D = 2 ** exprSize(c.epilogue);
  const written = new Set<number>();
  for (let i = 0; i < n.value; i++)
    for (let j = 0; j < m.value; j++) {
      let acc = 0;
      let sab = 0;
      for (let p = 0; p < k.value; p++) {
        const x = before[at(a, i, p)]! * before[at(b, p, j)]!;
        acc += x;
        sab += Math.abs(x);
      }
      const load = (v: number) => before[at(v === 0 ? bias : full, i, j)]!;
      let want = evalExpr(c.epilogue, { acc, params: { s }, load }, 'float64');
      if (c.accumulate) want += before[at(cv, i, j)]!;
      const tol = eps * (2 * (k.value + 1) * L * sab + 16 * D * (sab + 4));
      const got = F[at(cv, i, j)]!;
      if (!(Math.abs(got - want) <= tol))
        expect.fail(`C[${i}, ${j}] = ${got}, want ${want} ± ${tol} (${gemmForm(spec)} form)`);
      written.add(at(cv, i, j));
    }
  expectOnlyWritten(F, before, written, 'C');
  return gemmForm(spec);
}

describe('wasm GEMM kernels', () => {
  it('agree with a float64 triple loop for random shapes, layouts, tiles and epilogues', () => {
    // tolerance per element: ε·(2(k+1)·L·Σ|aₚbₚ| + 16·2^ops·(Σ|aₚbₚ| + 4)), L the epilogue's
    // Lipschitz bound in acc, ops its op count: the summation error of any order plus one
    // rounding per epilogue op; a missing or extra product is larger for every k ≤ 300
    const forms = new Map<GemmForm, number>();
    fc.assert(
      fc.property(caseArb, (c) => {
        const f = runCase(c);
        forms.set(f, (forms.get(f) ?? 0) + 1);
      }),
      { seed: 14, numRuns: 250 },
    );
    for (const f of ['rows', 'dot', 'scalar'] as const)
      expect(forms.get(f) ?? 0).toBeGreaterThan(10);
  });

  it('W4-like shapes: a long k in blocks with a bias+relu epilogue, and dW = dZ·Xᵀ', () => {
    const base: Case = {
      dtype: 'float64',
      n: 20,
      k: 777,
      m: 37,
      batch: 'm',
      layouts: ['row', 'row', 'row', 'row'],
      pads: [0, 0, 0, 0],
      gaps: [0, 0, 0, 0, 0],
      paramBase: [false, false, false],
      epilogue: E.relu(E.add(E.acc, E.load(0))),
      accumulate: false,
      tiles: undefined,
      seed: 7,
    };
    for (const dtype of ['float64', 'float32'] as const) {
      expect(runCase({ ...base, dtype })).toBe('rows');
      // dW (20 × 300) = dZ (20 × 37) · Xᵀ with X (300 × 37) row-major: the dot form
      expect(
        runCase({
          ...base,
          dtype,
          k: 37,
          m: 300,
          batch: 'k',
          layouts: ['row', 'col', 'row', 'row'],
          epilogue: E.mul(E.acc, E.param('s')),
        }),
      ).toBe('dot');
    }
  });

  it('reads ahead only inside B: B ends at the last byte of the memory, a runtime size 0 reads nothing', () => {
    const page = 65536;
    for (const dtype of ['float64', 'float32'] as const)
      for (const form of ['rows', 'dot'] as const)
        for (const [M, padded] of [
          [0, false],
          [0, true],
          [1, false],
          [6, false],
          [6, true],
        ] as const) {
          const es = dtype === 'float64' ? 8 : 4;
          const [n, k, m] = form === 'rows' ? [3, 5, M] : [3, M, 7];
          const sym = { sym: 'M' };
          // rows: B (5 × M) row-major; dot: B (M × 7) with columns contiguous along k; padded:
          // rows (columns) 8 elements apart, so a size 0 does not make the span 0
          const st = padded ? 8 : sym;
          const bStrides = form === 'rows' ? [st, 1] : [1, st];
          const ld = padded ? 8 : form === 'rows' ? m : k;
          const span = M === 0 ? 0 : form === 'rows' ? (k - 1) * ld + m : (m - 1) * ld + k;
          const spec: GemmSpec = {
            name: 'gemm',
            dtype,
            params: [
              { name: 'M', type: 'i32' },
              { name: 'pB', type: 'i32' },
            ],
            n,
            k: form === 'rows' ? k : sym,
            m: form === 'rows' ? sym : m,
            a: { base: 0, strides: form === 'rows' ? [k, 1] : [sym, 1] },
            b: { base: { param: 'pB' }, strides: bStrides },
            c: { base: 1024, strides: form === 'rows' ? [sym, 1] : [m, 1] },
            tiles: { raMin: 0, jc: 2 },
          };
          expect(gemmForm(spec)).toBe(form);
          const memory = new (wasmApi().Memory)({ initial: 1 });
          const F =
            dtype === 'float64' ? new Float64Array(memory.buffer) : new Float32Array(memory.buffer);
          fill(F, 3);
          const pB = page - span * es;
          const A = F.slice(0, n * k);
          const Bv = F.slice(pB / es);
          const gemm = instantiate(kernelModule([gemmFunc(spec)], 1).bytes, memory).gemm as (
            M: number,
            pB: number,
          ) => void;
          gemm(M, pB);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < m; j++) {
              let want = 0;
              for (let q = 0; q < k; q++)
                want += A[i * k + q]! * Bv[form === 'rows' ? q * ld + j : j * ld + q]!;
              expect(F[1024 / es + i * m + j]).toBeCloseTo(want, dtype === 'float64' ? 12 : 4);
            }
        }
  });

  it('sum in the documented order, bit for bit: k order (rows form), W interleaved partial sums then (s₀ + s₁) + (s₂ + s₃) and the tail (dot form)', () => {
    const arb = fc.record({
      dtype: fc.constantFrom<Dtype>('float64', 'float32'),
      form: fc.constantFrom('rows', 'dot'),
      n: fc.integer({ min: 1, max: 7 }),
      k: fc.integer({ min: 1, max: 40 }),
      m: fc.integer({ min: 1, max: 9 }),
      tiles: tilesArb,
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    });
    const seen = new Set<GemmForm>();
    fc.assert(
      fc.property(arb, ({ dtype, form, n, k, m, tiles, seed }) => {
        const es = dtype === 'float64' ? 8 : 4;
        const W = 16 / es;
        const r = dtype === 'float64' ? (x: number) => x : Math.fround;
        // A (n × k) row-major at 0; B (k × m) row-major (rows) or column-major (dot); C after
        const [aAt, bAt, cAt] = [0, n * k, n * k + k * m];
        const spec: GemmSpec = {
          name: 'gemm',
          dtype,
          params: [],
          n,
          k,
          m,
          a: { base: aAt * es, strides: [k, 1] },
          b: { base: bAt * es, strides: form === 'rows' ? [m, 1] : [1, k] },
          c: { base: cAt * es, strides: [m, 1] },
          tiles,
        };
        // (a B of one row or column is contiguous both ways: either form)
        const got = gemmForm(spec);
        seen.add(got);
        const memory = new (wasmApi().Memory)({ initial: 1 });
        const F =
          dtype === 'float64' ? new Float64Array(memory.buffer) : new Float32Array(memory.buffer);
        fill(F, seed);
        const before = F.slice();
        (instantiate(kernelModule([gemmFunc(spec)], 1).bytes, memory).gemm as () => void)();
        const A = (i: number, q: number) => before[aAt + i * k + q]!;
        const B = (q: number, j: number) =>
          before[bAt + (form === 'rows' ? q * m + j : j * k + q)]!;
        // k blocks of kc where k > kc, each summed as its form does, added to the sum before
        const kc = { ...defaultTiles(dtype), ...tiles }.kc;
        const blocks: [number, number][] = [];
        for (let q0 = 0; q0 < k; q0 += k > kc ? kc : k) blocks.push([q0, Math.min(k, q0 + kc)]);
        const blockSum = (i: number, j: number, q0: number, q1: number, from: number): number => {
          if (got === 'rows') {
            let acc = from;
            for (let q = q0; q < q1; q++) acc = r(acc + r(A(i, q) * B(q, j)));
            return acc;
          }
          const part = new Array<number>(W).fill(0);
          const full = q0 + Math.floor((q1 - q0) / W) * W;
          for (let q = q0; q < full; q++)
            part[(q - q0) % W] = r(part[(q - q0) % W]! + r(A(i, q) * B(q, j)));
          let acc =
            W === 2 ? r(part[0]! + part[1]!) : r(r(part[0]! + part[1]!) + r(part[2]! + part[3]!));
          for (let q = full; q < q1; q++) acc = r(acc + r(A(i, q) * B(q, j)));
          return q0 === 0 ? acc : r(acc + from);
        };
        for (let i = 0; i < n; i++)
          for (let j = 0; j < m; j++) {
            let want = 0;
            for (const [q0, q1] of blocks) want = blockSum(i, j, q0, q1, want);
            const c = F[cAt + i * m + j]!;
            if (!Object.is(c, want))
              expect.fail(`C[${i}, ${j}] = ${c}, want ${want} (${got} form)`);
          }
      }),
      { seed: 41, numRuns: 150 },
    );
    expect([...seen].sort()).toEqual(['dot', 'rows']);
  });

  it('names a load of a view it was not given', () => {
    const v = { base: 0, strides: [1, 1] };
    expect(() =>
      gemmFunc({
        name: 'g',
        dtype: 'float64',
        params: [],
        n: 2,
        k: 2,
        m: 2,
        a: v,
        b: v,
        c: v,
        epilogue: E.load(0),
      }),
    ).toThrow(/loads view 0/);
  });
});
