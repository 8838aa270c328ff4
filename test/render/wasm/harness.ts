/**
 * Random kernel specs for the wasm kernel tests: sizes (1, odd, around the vector width and the
 * tiles, one of them possibly the runtime batch `B`), layouts (row-major, column-major, padded,
 * column stride 2), bases (literal or a runtime parameter), random epilogues; one memory laid
 * out for them; the WAT round trip through wabt.
 */
import fc from 'fast-check';
import wabtInit from 'wabt';
import { expect } from 'vitest';
import {
  E,
  instantiate,
  kernelModule,
  wasmApi,
  type Dtype,
  type Expr,
  type Func,
  type Lin,
  type View,
} from '../../../src/render/wasm/index.js';

export const wabt = await wabtInit();

/** wabt's bytes for our WAT text. */
export function wabtBytes(wat: string): Uint8Array {
  const mod = wabt.parseWat('kernel.wat', wat, { simd: true });
  try {
    return mod.toBinary({}).buffer;
  } finally {
    mod.destroy();
  }
}

/** A size: its runtime value and how the kernel sees it (a literal or the batch parameter B). */
export interface Dim {
  readonly value: number;
  readonly lin: Lin;
}

export const linValue = (l: Lin, B: number): number =>
  typeof l === 'number' ? l : (l.mul ?? 1) * B + (l.add ?? 0);
const addLin = (l: Lin, c: number): Lin =>
  typeof l === 'number' ? l + c : { ...l, add: (l.add ?? 0) + c };
const mulLin = (l: Lin, c: number): Lin =>
  typeof l === 'number' ? l * c : { sym: l.sym, mul: (l.mul ?? 1) * c, add: (l.add ?? 0) * c };

export type Layout = 'row' | 'col' | 'row2';
export const layoutArb = fc.constantFrom<Layout>('row', 'col', 'row2');

/** Strides [row, col] of a rows × cols matrix in `layout` with `pad` elements of padding. */
export function matStrides(layout: Layout, rows: Dim, cols: Dim, pad: number): [Lin, Lin] {
  if (layout === 'row') return [addLin(cols.lin, pad), 1];
  if (layout === 'col') return [1, addLin(rows.lin, pad)];
  return [mulLin(addLin(cols.lin, pad), 2), 2];
}

/** Lays views out one after another in one memory. */
export class Arena {
  private next = 64;
  readonly params: { name: string; value: number }[] = [];
  constructor(readonly es: number) {}

  /** A view over `sizes` with `strides`; its base a literal or (`param`) a runtime i32. */
  view(
    strides: readonly Lin[],
    sizes: readonly number[],
    B: number,
    gap: number,
    param?: string,
  ): View {
    const span = sizes.some((s) => s === 0)
      ? 0
      : 1 + sizes.reduce((acc, s, a) => acc + (s - 1) * linValue(strides[a]!, B), 0);
    const at = this.next + gap * this.es;
    this.next = at + span * this.es;
    if (param === undefined) return { base: at, strides };
    this.params.push({ name: param, value: at - 8 });
    return { base: { param, add: 8 }, strides };
  }

  get bytes(): number {
    return this.next + 64;
  }
}

/** Element (idx) of `v` in the arena's typed array. */
export const elementIndex = (
  v: View,
  idx: readonly number[],
  B: number,
  es: number,
  params: Arena['params'],
): number => {
  const base =
    typeof v.base === 'number'
      ? v.base
      : params.find((p) => p.name === (v.base as { param: string }).param)!.value +
        (v.base.add ?? 0);
  return base / es + idx.reduce((acc, x, a) => acc + x * linValue(v.strides[a]!, B), 0);
};

export const epsOf = (dtype: Dtype) => (dtype === 'float64' ? 2 ** -53 : 2 ** -24);

/**
 * Random epilogues over `acc` that are continuous and at most 2^depth-Lipschitz in acc
 * (multipliers |c| ≤ 2, divisors |c| ≥ 0.5, 1-Lipschitz min/max/select/relu), reading `nViews`
 * views (values in [-1, 1]) and the scalar parameter `s` (in [0.5, 2]).
 */
export function epilogueArb(nViews: number): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    fc.double({ min: -2, max: 2, noNaN: true }).map((v) => E.c(v)),
    fc.constant(E.param('s')),
    ...(nViews > 0 ? [fc.integer({ min: 0, max: nViews - 1 }).map((v) => E.load(v))] : []),
  );
  const grow = (e: Expr): fc.Arbitrary<Expr> =>
    fc.oneof(
      leaf.map((l) => E.add(e, l)),
      leaf.map((l) => E.sub(l, e)),
      leaf.map((l) => E.mul(e, l)),
      fc
        .constantFrom(0.5, -0.75, 2, E.param('s'))
        .map((d) => E.div(e, typeof d === 'number' ? E.c(d) : d)),
      leaf.map((l) => E.max(e, l)),
      leaf.map((l) => E.min(l, e)),
      leaf.map((l) => E.binary('pmax', e, l)),
      leaf.map((l) => E.binary('pmin', e, l)),
      fc.constant(E.relu(e)),
      fc.constant(E.leakyRelu(e, 0.1)),
      fc.constant(E.neg(e)),
      fc.constant(E.unary('abs', e)),
      ...(nViews > 0
        ? [fc.constant(E.select('gt', E.load(0), E.c(0), e, E.mul(E.c(0.5), e)))]
        : []),
    );
  return fc.integer({ min: 0, max: 3 }).chain((depth) => {
    let arb: fc.Arbitrary<Expr> = fc.constant(E.acc);
    for (let d = 0; d < depth; d++) arb = arb.chain(grow);
    return arb;
  });
}

/** A bound on |∂e/∂acc|, for the tests' tolerances. */
export function lipschitz(e: Expr): number {
  switch (e.k) {
    case 'acc':
      return 1;
    case 'const':
    case 'param':
    case 'load':
      return 0;
    case 'unary':
      return lipschitz(e.a);
    case 'call':
      return Infinity;
    case 'select':
      return Math.max(lipschitz(e.then), lipschitz(e.else));
    case 'binary': {
      const [a, b] = [lipschitz(e.a), lipschitz(e.b)];
      if (e.op === 'add' || e.op === 'sub') return a + b;
      if (e.op === 'mul') return 2 * (a + b);
      if (e.op === 'div') return 2 * a;
      return Math.max(a, b);
    }
  }
}

/** The number of ops of an expression (each rounds once). */
export function exprSize(e: Expr): number {
  if (e.k === 'unary' || e.k === 'call') return 1 + exprSize(e.a);
  if (e.k === 'binary') return 1 + exprSize(e.a) + exprSize(e.b);
  if (e.k === 'select') return 1 + exprSize(e.then) + exprSize(e.else);
  return 0;
}

/** Deterministic values in [-1, 1]. */
export function fill(a: Float64Array | Float32Array, seed: number): void {
  let x = seed >>> 0 || 1;
  for (let i = 0; i < a.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    a[i] = ((x >>> 0) / 2 ** 32) * 2 - 1;
  }
}

/**
 * Builds the module of `func` for `arena`, checks its bytes (valid; wabt's assembly of its WAT),
 * fills a memory of the arena's size with values from `seed`, and calls the function `name` with
 * the batch `B` (when `batched`), the arena's base parameters and the scalar 1.25: the memory
 * before and after.
 */
export function runInArena(
  func: Func,
  arena: Arena,
  dtype: Dtype,
  seed: number,
  batch: number | undefined,
): { F: Float64Array | Float32Array; before: Float64Array | Float32Array; s: number } {
  const pages = Math.ceil(arena.bytes / 65536);
  const { bytes, wat } = kernelModule([func], pages);
  expect(wasmApi().validate(bytes)).toBe(true);
  expect(Buffer.from(wabtBytes(wat)).equals(Buffer.from(bytes))).toBe(true);
  const memory = new (wasmApi().Memory)({ initial: pages });
  const F = dtype === 'float64' ? new Float64Array(memory.buffer) : new Float32Array(memory.buffer);
  fill(F, seed);
  const before = F.slice();
  const s = 1.25;
  const args = [...(batch === undefined ? [] : [batch]), ...arena.params.map((p) => p.value), s];
  (instantiate(bytes, memory)[func.name] as (...xs: number[]) => void)(...args);
  return { F, before, s };
}

/** Fails where an element of `F` outside `written` differs from `before`. */
export function expectOnlyWritten(
  F: Float64Array | Float32Array,
  before: Float64Array | Float32Array,
  written: ReadonlySet<number>,
  what: string,
): void {
  for (let q = 0; q < F.length; q++)
    if (!written.has(q) && !Object.is(F[q], before[q]))
      expect.fail(`element ${q} outside ${what} changed`);
}
