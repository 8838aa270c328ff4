import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  E,
  elementwiseFunc,
  evalExpr,
  instantiate,
  kernelModule,
  MATH_FNS,
  reduceForm,
  reduceFunc,
  wasmApi,
  type Dtype,
  type Expr,
  type KernelParam,
  type Lin,
  type ReduceForm,
  type View,
} from '../../../src/render/wasm/index.js';
import {
  Arena,
  elementIndex,
  epilogueArb,
  epsOf,
  exprSize,
  fill,
  lipschitz,
  wabtBytes,
} from './harness.js';

const sizeArb = fc.oneof(
  fc.constantFrom(1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33),
  fc.integer({ min: 1, max: 24 }),
);

/** Random formulas over loads of `n` views and the parameter s: every op, Math calls too. */
function exprArb(n: number): fc.Arbitrary<Expr> {
  return fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.integer({ min: 0, max: n - 1 }).map((v) => E.load(v)),
      fc.constantFrom(E.c(0), E.c(-0), E.c(0.1), E.c(2.5), E.param('s')),
      fc.tuple(fc.constantFrom('neg', 'abs', 'sqrt'), tie('e')).map(([op, a]) => E.unary(op, a)),
      fc.tuple(fc.constantFrom(...MATH_FNS), tie('e')).map(([fn, a]) => E.call(fn, a)),
      fc
        .tuple(
          fc.constantFrom('add', 'sub', 'mul', 'div', 'min', 'max', 'pmin', 'pmax'),
          tie('e'),
          tie('e'),
        )
        .map(([op, a, b]) => E.binary(op, a, b)),
      fc
        .tuple(
          fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge'),
          tie('e'),
          tie('e'),
          tie('e'),
          tie('e'),
        )
        .map(([cmp, a, b, t, f]) => E.select(cmp, a, b, t, f)),
    ),
  })).e;
}

/** Strides of a view over `shape` in a random axis order, padded, or broadcast along some axes. */
function stridesArb(
  rank: number,
): fc.Arbitrary<{ order: number[]; pads: number[]; bcast: boolean[] }> {
  return fc.record({
    order: fc.shuffledSubarray([...Array(rank).keys()], { minLength: rank, maxLength: rank }),
    pads: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: rank, maxLength: rank }),
    bcast: fc.array(fc.boolean(), { minLength: rank, maxLength: rank }),
  });
}

/** Row-major-like strides in `r.order` (last fastest), padded; broadcast axes get stride 0. */
function strides(
  shape: readonly { value: number; lin: Lin }[],
  r: { order: number[]; pads: number[]; bcast: boolean[] },
  allowBcast: boolean,
): Lin[] {
  const out: Lin[] = shape.map(() => 0);
  // step = c·B^e + d with e ∈ {0, 1}: only one axis is the batch, so no B² arises
  let step = { c: 0, d: 1 };
  for (let q = r.order.length - 1; q >= 0; q--) {
    const a = r.order[q]!;
    if (allowBcast && r.bcast[a]) continue;
    out[a] = step.c === 0 ? step.d : { sym: 'B', mul: step.c, add: step.d };
    const ext = shape[a]!.lin;
    const pad = r.pads[a]!;
    step =
      typeof ext === 'number'
        ? { c: step.c * (ext + pad), d: step.d * (ext + pad) }
        : { c: step.d, d: step.d * pad };
  }
  return out;
}

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('wasm elementwise kernels', () => {
  it('equal the expression evaluated in JavaScript (rounded to the dtype) for random shapes and layouts', () => {
    const arb = fc.record({
      dtype: fc.constantFrom<Dtype>('float64', 'float32'),
      shape: fc.array(sizeArb, { minLength: 1, maxLength: 3 }),
      batchAxis: fc.integer({ min: -1, max: 2 }),
      layouts: fc.array(stridesArb(3), { minLength: 4, maxLength: 4 }),
      expr: exprArb(3),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const es = c.dtype === 'float64' ? 8 : 4;
        const rank = c.shape.length;
        const shape = c.shape.map((v, a) => ({
          value: v,
          lin: (a === c.batchAxis ? { sym: 'B' } : v) as Lin,
        }));
        const B = c.batchAxis >= 0 && c.batchAxis < rank ? c.shape[c.batchAxis]! : 0;
        const arena = new Arena(es);
        const fix = (l: (typeof c.layouts)[number]) => ({
          order: l.order.filter((a) => a < rank),
          pads: l.pads,
          bcast: l.bcast,
        });
        const out = arena.view(strides(shape, fix(c.layouts[0]!), false), c.shape, B, 1);
        const views: View[] = [1, 2, 3].map((q) =>
          arena.view(strides(shape, fix(c.layouts[q]!), true), c.shape, B, q),
        );
        const params: KernelParam[] = [
          ...(B ? [{ name: 'B', type: 'i32' as const }] : []),
          { name: 's', type: 'scalar' },
        ];
        const f = elementwiseFunc({
          name: 'ew',
          dtype: c.dtype,
          params,
          shape: shape.map((d) => d.lin),
          out,
          views,
          expr: c.expr,
        });
        const pages = Math.ceil(arena.bytes / 65536);
        const { bytes, wat } = kernelModule([f], pages);
        expect(Buffer.from(wabtBytes(wat)).equals(Buffer.from(bytes))).toBe(true);
        const memory = new (wasmApi().Memory)({ initial: pages });
        const F =
          c.dtype === 'float64' ? new Float64Array(memory.buffer) : new Float32Array(memory.buffer);
        fill(F, c.seed);
        const before = F.slice();
        (instantiate(bytes, memory).ew as (...xs: number[]) => void)(...(B ? [B] : []), 0.75);
        const written = new Set<number>();
        const idx = new Array<number>(rank).fill(0);
        const total = c.shape.reduce((x, y) => x * y, 1);
        for (let q = 0; q < total; q++) {
          let r = q;
          for (let a = rank - 1; a >= 0; a--)
            ((idx[a] = r % c.shape[a]!), (r = Math.floor(r / c.shape[a]!)));
          const want = evalExpr(
            c.expr,
            { params: { s: 0.75 }, load: (v) => before[elementIndex(views[v]!, idx, B, es, [])]! },
            c.dtype,
          );
          const at = elementIndex(out, idx, B, es, []);
          if (!same(F[at]!, want)) expect.fail(`out[${idx}] = ${F[at]}, want ${want}`);
          written.add(at);
        }
        for (let q = 0; q < F.length; q++)
          if (!written.has(q) && !same(F[q]!, before[q]!))
            expect.fail(`element ${q} outside out changed`);
      }),
      { seed: 141, numRuns: 200 },
    );
  });

  it('out += x reads out as acc', () => {
    const v: View = { base: 0, strides: [1] };
    const w: View = { base: 64, strides: [1] };
    const f = elementwiseFunc({
      name: 'ew',
      dtype: 'float64',
      params: [],
      shape: [8],
      out: v,
      views: [w],
      expr: E.add(E.acc, E.load(0)),
    });
    const memory = new (wasmApi().Memory)({ initial: 1 });
    const F = new Float64Array(memory.buffer);
    for (let i = 0; i < 16; i++) F[i] = i;
    (instantiate(kernelModule([f]).bytes, memory).ew as () => void)();
    expect([...F.slice(0, 8)]).toEqual([8, 10, 12, 14, 16, 18, 20, 22]);
  });
});

describe('wasm sum reductions', () => {
  it('agree with a float64 sum for random shapes, axes, layouts, summands and epilogues', () => {
    // tolerance: ε·(2(m+1)·L·Σ|xⱼ| + 16·2^ops·(Σ|xⱼ| + 4)), as for the GEMM (summands exact)
    const arb = fc.record({
      dtype: fc.constantFrom<Dtype>('float64', 'float32'),
      n: sizeArb,
      m: fc.oneof(sizeArb, fc.integer({ min: 40, max: 300 })),
      axis: fc.constantFrom<0 | 1>(0, 1),
      batch: fc.constantFrom('none', 'n', 'm'),
      layouts: fc.tuple(
        fc.constantFrom('row', 'col', 'rowB', 'colB'),
        fc.constantFrom('row', 'col', 'row', 'rowB'),
      ),
      pad: fc.integer({ min: 0, max: 2 }),
      outStride: fc.constantFrom(1, 1, 2),
      summand: fc.constantFrom<Expr>(
        E.load(0),
        E.mul(E.load(0), E.load(1)),
        E.relu(E.sub(E.load(0), E.load(1))),
        E.unary('abs', E.load(0)),
      ),
      epilogue: epilogueArb(1),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    });
    const forms = new Map<ReduceForm, number>();
    fc.assert(
      fc.property(arb, (c) => {
        const es = c.dtype === 'float64' ? 8 : 4;
        const B = c.batch === 'n' ? c.n : c.batch === 'm' ? c.m : 0;
        const n: Lin = c.batch === 'n' ? { sym: 'B' } : c.n;
        const m: Lin = c.batch === 'm' ? { sym: 'B' } : c.m;
        const addL = (l: Lin, p: number): Lin =>
          typeof l === 'number' ? l + p : { sym: 'B', add: p };
        const lay = (l: string): Lin[] =>
          l === 'row'
            ? [addL(m, c.pad), 1]
            : l === 'col'
              ? [1, addL(n, c.pad)]
              : l === 'rowB'
                ? [0, 1]
                : [1, 0];
        const arena = new Arena(es);
        const views = c.layouts.map((l, q) => arena.view(lay(l), [c.n, c.m], B, q));
        const kept = c.axis === 0 ? c.m : c.n;
        const out = arena.view([c.outStride], [kept], B, 1);
        const ev = arena.view([1], [kept], B, 2);
        const params: KernelParam[] = [
          ...(B ? [{ name: 'B', type: 'i32' as const }] : []),
          { name: 's', type: 'scalar' },
        ];
        const spec = {
          name: 'red',
          dtype: c.dtype,
          params,
          shape: [n, m] as [Lin, Lin],
          axis: c.axis,
          views,
          summand: c.summand,
          out,
          epilogue: c.epilogue,
          epilogueViews: [ev],
        };
        const f = reduceFunc(spec);
        forms.set(reduceForm(spec), (forms.get(reduceForm(spec)) ?? 0) + 1);
        const pages = Math.ceil(arena.bytes / 65536);
        const { bytes, wat } = kernelModule([f], pages);
        expect(Buffer.from(wabtBytes(wat)).equals(Buffer.from(bytes))).toBe(true);
        const memory = new (wasmApi().Memory)({ initial: pages });
        const F =
          c.dtype === 'float64' ? new Float64Array(memory.buffer) : new Float32Array(memory.buffer);
        fill(F, c.seed);
        const before = F.slice();
        (instantiate(bytes, memory).red as (...xs: number[]) => void)(...(B ? [B] : []), 1.5);
        const eps = epsOf(c.dtype);
        const L = lipschitz(c.epilogue);
        const D = 2 ** exprSize(c.epilogue);
        const len = c.axis === 0 ? c.n : c.m;
        const written = new Set<number>();
        for (let x = 0; x < kept; x++) {
          let acc = 0;
          let abs = 0;
          for (let y = 0; y < len; y++) {
            const [i, j] = c.axis === 0 ? [y, x] : [x, y];
            const load = (v: number) => before[elementIndex(views[v]!, [i, j], B, es, [])]!;
            const t = evalExpr(c.summand, { load }, c.dtype);
            acc += t;
            abs += Math.abs(t);
          }
          const want = evalExpr(
            c.epilogue,
            { acc, params: { s: 1.5 }, load: () => before[elementIndex(ev, [x], B, es, [])]! },
            'float64',
          );
          const tol = eps * (2 * (len + 1) * L * abs + 16 * D * (abs + 4));
          const at = elementIndex(out, [x], B, es, []);
          if (!(Math.abs(F[at]! - want) <= tol))
            expect.fail(`out[${x}] = ${F[at]}, want ${want} ± ${tol} (${reduceForm(spec)})`);
          written.add(at);
        }
        for (let q = 0; q < F.length; q++)
          if (!written.has(q) && !same(F[q]!, before[q]!))
            expect.fail(`element ${q} outside out changed`);
      }),
      { seed: 142, numRuns: 200 },
    );
    for (const f of ['lanes', 'columns', 'scalar'] as const)
      expect(forms.get(f) ?? 0).toBeGreaterThan(5);
  });
});
