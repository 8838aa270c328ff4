import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  E,
  evalExpr,
  streamFunc,
  streams,
  type Dtype,
  type Expr,
  type GemmSpec,
  type KernelParam,
} from '../../../src/render/wasm/index.js';
import {
  Arena,
  elementIndex,
  epilogueArb,
  expectOnlyWritten,
  layoutArb,
  matStrides,
  runInArena,
  type Dim,
  type Layout,
} from './harness.js';

const sizeArb = fc.oneof(
  fc.constantFrom(1, 2, 3, 4, 5, 7, 8, 9, 16, 17),
  fc.integer({ min: 1, max: 40 }),
);

interface Case {
  dtype: Dtype;
  k: number;
  m: number;
  batch: 'none' | 'k' | 'm';
  /** A's layout (any); B's and C's rows are contiguous (padded rows). */
  aLayout: Layout;
  pads: [number, number, number];
  gaps: [number, number, number, number];
  paramBase: [boolean, boolean, boolean];
  epilogue: Expr;
  accumulate: boolean;
  depth: number;
  seed: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    dtype: fc.constantFrom<Dtype>('float64', 'float32'),
    k: fc.oneof({ weight: 4, arbitrary: sizeArb }, fc.integer({ min: 100, max: 300 })),
    m: sizeArb,
    batch: fc.constantFrom('none', 'k', 'm'),
    aLayout: layoutArb,
    pads: fc.tuple(...[0, 1, 2].map(() => fc.integer({ min: 0, max: 2 }))) as fc.Arbitrary<
      Case['pads']
    >,
    gaps: fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 0, max: 3 }))) as fc.Arbitrary<
      Case['gaps']
    >,
    paramBase: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    epilogue: epilogueArb(1),
    accumulate: fc.boolean(),
    depth: fc.integer({ min: 1, max: 9 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  // C accumulates only with the identity epilogue (the form's rule: C holds the running sums)
  .map((c) => (c.accumulate ? { ...c, epilogue: E.acc } : c));

/**
 * Runs one case and checks every element of C bit for bit against the products added in k order
 * in the dtype's arithmetic (then the epilogue, evaluated in that arithmetic too).
 */
function runCase(c: Case): void {
  const es = c.dtype === 'float64' ? 8 : 4;
  const r = c.dtype === 'float64' ? (x: number) => x : Math.fround;
  const dim = (name: 'k' | 'm'): Dim => ({
    value: c[name],
    lin: c.batch === name ? { sym: 'B' } : c[name],
  });
  const one: Dim = { value: 1, lin: 1 };
  const [k, m] = [dim('k'), dim('m')];
  const B = c.batch === 'none' ? 0 : c[c.batch];
  const arena = new Arena(es);
  const names = ['pA', 'pB', 'pC'];
  const mat = (q: number, layout: Layout, rows: Dim, cols: Dim) =>
    arena.view(
      matStrides(layout, rows, cols, c.pads[q]!),
      [rows.value, cols.value],
      B,
      c.gaps[q]!,
      c.paramBase[q] ? names[q] : undefined,
    );
  const a = mat(0, c.aLayout, one, k);
  const b = mat(1, 'row', k, m);
  const cv = mat(2, 'row', one, m);
  const bias = arena.view([0, 1], [1, m.value], B, c.gaps[3]);
  const params: KernelParam[] = [
    ...(c.batch === 'none' ? [] : [{ name: 'B', type: 'i32' as const }]),
    ...arena.params.map((p) => ({ name: p.name, type: 'i32' as const })),
    { name: 's', type: 'scalar' },
  ];
  const spec: GemmSpec = {
    name: 'gemv',
    dtype: c.dtype,
    params,
    n: 1,
    k: k.lin,
    m: m.lin,
    a,
    b,
    c: cv,
    epilogue: c.epilogue,
    views: [bias],
    accumulate: c.accumulate,
  };
  expect(streams(spec)).toBe(true);
  const { F, before, s } = runInArena(
    streamFunc(spec, c.depth),
    arena,
    c.dtype,
    c.seed,
    c.batch === 'none' ? undefined : B,
  );

  const at = (v: typeof a, i: number, j: number) => elementIndex(v, [i, j], B, es, arena.params);
  const written = new Set<number>();
  for (let j = 0; j < m.value; j++) {
    let acc = c.accumulate ? before[at(cv, 0, j)]! : 0;
    for (let p = 0; p < k.value; p++) acc = r(acc + r(before[at(a, 0, p)]! * before[at(b, p, j)]!));
    const load = () => before[at(bias, 0, j)]!;
    const want = evalExpr(c.epilogue, { acc, params: { s }, load }, c.dtype);
    const got = F[at(cv, 0, j)]!;
    if (!Object.is(got, want) && !(got === 0 && want === 0))
      expect.fail(`C[0, ${j}] = ${got}, want ${want} (depth ${c.depth})`);
    written.add(at(cv, 0, j));
  }
  expectOnlyWritten(F, before, written, 'C');
}

describe('the streamed one-row GEMM (z = wᵀX)', () => {
  it('equals the products summed in k order, bit for bit, for any depth, layout and epilogue', () => {
    fc.assert(fc.property(caseArb, runCase), { seed: 22, numRuns: 200 });
  });

  it('W2-like: k = 300 rows of a batch-wide B, depth 8, bias epilogue, both dtypes', () => {
    for (const dtype of ['float64', 'float32'] as const)
      runCase({
        dtype,
        k: 300,
        m: 209,
        batch: 'm',
        aLayout: 'col',
        pads: [0, 0, 0],
        gaps: [0, 0, 0, 0],
        paramBase: [true, true, true],
        epilogue: E.add(E.load(0), E.acc),
        accumulate: false,
        depth: 8,
        seed: 7,
      });
  });

  it('is not taken where C is not one contiguous row, or accumulates through an epilogue', () => {
    const v = (strides: number[]) => ({ base: 0, strides });
    const spec: GemmSpec = {
      name: 'g',
      dtype: 'float64',
      params: [],
      n: 1,
      k: 4,
      m: 4,
      a: v([4, 1]),
      b: v([4, 1]),
      c: v([4, 1]),
    };
    expect(streams(spec)).toBe(true);
    expect(streams({ ...spec, n: 2 })).toBe(false);
    expect(streams({ ...spec, b: v([1, 4]) })).toBe(false);
    expect(streams({ ...spec, c: v([1, 2]) })).toBe(false);
    expect(streams({ ...spec, accumulate: true })).toBe(true);
    expect(streams({ ...spec, accumulate: true, epilogue: E.relu(E.acc) })).toBe(false);
  });
});
