/**
 * The rows form's packing of B (src/render/wasm/pack.ts): given a scratch area, a GEMM whose B
 * has a row stride that is a multiple of `packAlign` bytes (literal, or found so at run time)
 * reads B's panels from a copy there, and writes C bit for bit as the same kernel without one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  E,
  gemmFunc,
  type Dtype,
  type Expr,
  type GemmSpec,
  type GemmTiles,
  type Lin,
} from '../../../src/render/wasm/index.js';
import { Arena, epilogueArb, layoutArb, matStrides, runInArena, type Layout } from './harness.js';

interface PackCase {
  dtype: Dtype;
  n: number;
  k: number;
  /** C's columns; B's row stride is m + pad elements (the batch `B` where `runtime`). */
  m: number;
  pad: number;
  runtime: boolean;
  aLayout: Layout;
  epilogue: Expr;
  accumulate: boolean;
  tiles: Partial<GemmTiles>;
  seed: number;
}

/** Whether B's row stride of `c` is a multiple of its packAlign bytes. */
const aligned = (c: PackCase) =>
  ((c.m + c.pad) * (c.dtype === 'float64' ? 8 : 4)) % c.tiles.packAlign! === 0;

/**
 * Runs `c` with and without a scratch area on the same memory: C and every other element the
 * same bit for bit (the scratch area aside), and the scratch area written where B is packed.
 */
function runPacked(c: PackCase): { packed: boolean } {
  const es = c.dtype === 'float64' ? 8 : 4;
  const B = c.runtime ? c.m : 0;
  const m: Lin = c.runtime ? { sym: 'B' } : c.m;
  const stride: Lin = c.runtime ? { sym: 'B', add: c.pad } : c.m + c.pad;
  const spec = (scratch: number | undefined, arena: Arena): GemmSpec => {
    const a = arena.view(
      matStrides(c.aLayout, { value: c.n, lin: c.n }, { value: c.k, lin: c.k }, 1),
      [c.n, c.k],
      B,
      1,
      'pA',
    );
    const b = arena.view([stride, 1], [c.k, c.m], B, 2, 'pB');
    const cv = arena.view([m, 1], [c.n, c.m], B, 0, 'pC');
    const bias = arena.view([1, 0], [c.n, 1], B, 3);
    const full = arena.view([c.m + 1, 1], [c.n, c.m], B, 1);
    return {
      name: 'gemm',
      dtype: c.dtype,
      params: [
        ...(c.runtime ? [{ name: 'B', type: 'i32' as const }] : []),
        ...arena.params.map((p) => ({ name: p.name, type: 'i32' as const })),
        { name: 's', type: 'scalar' as const },
      ],
      n: c.n,
      k: c.k,
      m,
      a,
      b,
      c: cv,
      epilogue: c.epilogue,
      views: [bias, full],
      accumulate: c.accumulate,
      tiles: c.tiles,
      ...(scratch === undefined ? {} : { scratch }),
    };
  };
  // the scratch area first (its size: what the packing kernel says it uses), then the operands
  const bytes = gemmFunc(spec(0, new Arena(es))).scratchBytes ?? 0;
  const arena = new Arena(es);
  const area = arena.view([1], [Math.max(1, bytes / es)], B, 0);
  const at = area.base as number;
  const withScratch = spec(at, arena);
  const { scratch: _, ...without } = withScratch;
  const batch = c.runtime ? B : undefined;
  const plain = runInArena(gemmFunc(without), arena, c.dtype, c.seed, batch);
  const packed = runInArena(gemmFunc(withScratch), arena, c.dtype, c.seed, batch);
  const scratch = new Set(Array.from({ length: bytes / es }, (_, q) => at / es + q));
  for (let q = 0; q < plain.F.length; q++)
    if (!scratch.has(q) && !Object.is(packed.F[q], plain.F[q]))
      expect.fail(`element ${q}: ${packed.F[q]} packed, ${plain.F[q]} unpacked`);
  const touched = [...scratch].some((q) => !Object.is(packed.F[q], packed.before[q]));
  return { packed: touched };
}

const tilesArb: fc.Arbitrary<Partial<GemmTiles>> = fc.record({
  mr: fc.integer({ min: 1, max: 4 }),
  nv: fc.integer({ min: 1, max: 3 }),
  kc: fc.integer({ min: 16, max: 80 }),
  raMin: fc.constantFrom(0, 2000, 32768),
  packAlign: fc.constantFrom(16, 32, 64, 128),
  nc: fc.integer({ min: 1, max: 24 }),
});

const caseArb: fc.Arbitrary<PackCase> = fc
  .record({
    dtype: fc.constantFrom<Dtype>('float64', 'float32'),
    rowBlocks: fc.integer({ min: 2, max: 4 }),
    k: fc.oneof(fc.integer({ min: 16, max: 40 }), fc.integer({ min: 100, max: 200 })),
    m: fc.integer({ min: 1, max: 70 }),
    pad: fc.integer({ min: 0, max: 3 }),
    align: fc.boolean(),
    runtime: fc.boolean(),
    aLayout: layoutArb,
    epilogue: epilogueArb(2),
    accumulate: fc.boolean(),
    tiles: tilesArb,
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map(({ rowBlocks, align, ...c }) => {
    // n: more than one row block of A; `align`: m moved up to make B's row stride aligned
    const n = c.tiles.mr! * rowBlocks - (rowBlocks > 2 ? 1 : 0);
    const per = c.tiles.packAlign! / (c.dtype === 'float64' ? 8 : 4);
    const m = align ? Math.max(1, Math.ceil((c.m + c.pad) / per) * per - c.pad) : c.m;
    return { ...c, n, m };
  });

describe('wasm GEMM: B packed into a scratch area', () => {
  it('where its row stride is a multiple of packAlign bytes (literal or at run time): C bit for bit as unpacked', () => {
    const seen = { packed: 0, runtimePacked: 0, runtimeNot: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const { packed } = runPacked(c);
        expect(packed).toBe(aligned(c));
        if (packed) seen.packed++;
        if (c.runtime) seen[packed ? 'runtimePacked' : 'runtimeNot']++;
      }),
      { seed: 61, numRuns: 120 },
    );
    expect(seen.runtimePacked).toBeGreaterThan(10);
    expect(seen.runtimeNot).toBeGreaterThan(10);
    expect(seen.packed).toBeGreaterThan(30);
  });

  it('at the default tiles: a runtime m of 512 (float64) or 1024 (float32) is packed, 500 is not', () => {
    const base = {
      n: 9,
      k: 300,
      pad: 0,
      runtime: true,
      aLayout: 'row' as const,
      epilogue: E.acc,
      accumulate: false,
      tiles: {},
      seed: 5,
    };
    for (const [dtype, m, want] of [
      ['float64', 512, true],
      ['float64', 500, false],
      ['float32', 1024, true],
      ['float32', 500, false],
    ] as const)
      expect(runPacked({ ...base, dtype, m }).packed).toBe(want);
  });

  it('never where one row block of A reads B, k is below 16 rows, or B has a literal unaligned stride', () => {
    const spec = (n: number, k: number, stride: number): GemmSpec => ({
      name: 'gemm',
      dtype: 'float64',
      params: [],
      n,
      k,
      m: 8,
      a: { base: 0, strides: [k, 1] },
      b: { base: 0, strides: [stride, 1] },
      c: { base: 0, strides: [8, 1] },
      scratch: 0,
    });
    expect(gemmFunc(spec(4, 64, 512)).scratchBytes).toBeUndefined();
    expect(gemmFunc(spec(9, 15, 512)).scratchBytes).toBeUndefined();
    expect(gemmFunc(spec(9, 64, 500)).scratchBytes).toBeUndefined();
    // 64 rows × 64 columns padded to 72 (9 lines of 64 bytes)
    expect(gemmFunc(spec(9, 64, 512)).scratchBytes).toBe(64 * 72 * 8);
  });
});
