/**
 * Pipelining (src/kernel/pipeline.ts; matmul's emitPair, src/render/wasm/pipeline.ts): dw = X·dZᵀ
 * with w's update as its epilogue, and the next product P = w'ᵀX, computed in one pass over X's
 * rows — bit for bit what the two kernels give apart on each target (property over shapes,
 * orientations, epilogues and both dtypes), and only where it applies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as g from '../../src/index.ts';

const ONE_PASS = /in one pass over the rows of X: this kernel also computes P \(above\)/;

/** w' = w − lr·(dw + 0.3w (l2)) and P = w'ᵀX, w a column (dw = X·dZᵀ) or a row (dw = dZ·Xᵀ). */
function graphs(n: number, l2: boolean, row = false) {
  const X = g.input('X', [n, 'm']);
  const dZ = g.input('dZ', [1, 'm']);
  const w = g.input('w', row ? [1, n] : [n, 1]);
  const lr = g.input('lr');
  const product = row ? g.matmul(dZ, g.transpose(X)) : g.matmul(X, g.transpose(dZ));
  const dw = g.mul(g.div(1, g.batchSize('m')), product);
  const grad = l2 ? g.add(dw, g.mul(0.3, w)) : dw;
  const next = g.sub(w, g.mul(lr, grad));
  const left = (v: g.Node) => (row ? v : g.transpose(v));
  // the product apart: the same kernels, the first's result an input of the second
  const wn = g.input('wn', row ? [1, n] : [n, 1]);
  return {
    fused: { w_next: next, P: g.matmul(left(next), X) },
    first: { w_next: next },
    second: { P: g.matmul(left(wn), X) },
  };
}

type Dtype = 'float64' | 'float32';

const bits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('pipelined products over the rows of X', () => {
  it('are one kernel, bit for bit the two apart, on both targets (property)', async () => {
    const compiled = new Map<string, ReturnType<typeof build>>();
    type Target = 'ts' | 'wasm';
    function build(n: number, l2: boolean, row: boolean, dtype: Dtype, target: Target) {
      const gs = graphs(n, l2, row);
      const options = { target, dtype, maxBatch: 64 };
      return {
        fused: g.compile(gs.fused, options),
        first: g.compile(gs.first, options),
        second: g.compile(gs.second, options),
      };
    }
    const get = (n: number, l2: boolean, row: boolean, dtype: Dtype, target: Target) => {
      const key = `${n}:${l2}:${row}:${dtype}:${target}`;
      let c = compiled.get(key);
      if (!c) compiled.set(key, (c = build(n, l2, row, dtype, target)));
      return c;
    };
    const cases = fc.record({
      n: fc.oneof(fc.constantFrom(1, 5, 6, 7, 12, 13), fc.integer({ min: 1, max: 40 })),
      m: fc.integer({ min: 1, max: 64 }),
      l2: fc.boolean(),
      row: fc.boolean(),
      target: fc.constantFrom<Target>('ts', 'wasm'),
      dtype: fc.constantFrom<'float64' | 'float32'>('float64', 'float32'),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ n, m, l2, row, target, dtype, seed }) => {
        const c = get(n, l2, row, dtype, target);
        await Promise.all([c.fused.ready, c.first.ready, c.second.ready]);
        expect(c.fused.source).toMatch(ONE_PASS);
        const wave = (k: number, s: number) =>
          Float64Array.from({ length: k }, (_, i) => Math.sin(1.7 * i + s + seed));
        const data = { X: wave(n * m, 1), dZ: wave(m, 2), w: wave(n, 3), lr: 0.37 };
        const fused = c.fused(data) as { w_next: Float64Array; P: Float64Array };
        const w_next = Float64Array.from((c.first(data) as { w_next: Float64Array }).w_next);
        const P = (c.second({ X: data.X, wn: w_next }) as { P: Float64Array }).P;
        expect(bits(fused.w_next, w_next)).toBe(true);
        expect(bits(fused.P, P)).toBe(true);
      }),
      { seed: 141, numRuns: 120 },
    );
  });

  it('agree with the TypeScript target (1e-12 relative)', () => {
    const gs = graphs(29, true);
    const wasm = g.compile(gs.fused, { target: 'wasm' });
    const ts = g.compile(gs.fused);
    const wave = (k: number, s: number) =>
      Float64Array.from({ length: k }, (_, i) => Math.sin(1.1 * i + s));
    const data = { X: wave(29 * 17, 1), dZ: wave(17, 2), w: wave(29, 3), lr: 0.2 };
    const a = wasm(data) as Record<string, Float64Array>;
    const b = ts(data) as Record<string, Float64Array>;
    for (const k of ['w_next', 'P']) {
      const scale = Math.max(...Array.from(b[k]!, Math.abs));
      a[k]!.forEach((x, i) => expect(Math.abs(x - b[k]![i]!)).toBeLessThanOrEqual(1e-12 * scale));
    }
  });

  it('apply only to one-row products of the same X, kept as outputs', () => {
    const n = 8;
    const X = g.input('X', [n, 'm']);
    const X2 = g.input('X2', [n, 'm']);
    const dZ = g.input('dZ', [1, 'm']);
    const w = g.input('w', [n, 1]);
    const next = g.sub(w, g.matmul(X, g.transpose(dZ)));
    const target = { target: 'wasm' as const };
    expect(g.compile({ w_next: next, P: g.matmul(g.transpose(next), X) }, target).source).toMatch(
      ONE_PASS,
    );
    // another X; a product that is not an output (its buffer may be shared); two rows
    expect(g.compile({ w_next: next, P: g.matmul(g.transpose(next), X) }).source).toMatch(ONE_PASS);
    const other = g.compile({ w_next: next, P: g.matmul(g.transpose(next), X2) }, target);
    expect(other.source).not.toMatch(ONE_PASS);
    const inner = g.compile({ w_next: next, s: g.sum(g.matmul(g.transpose(next), X)) }, target);
    expect(inner.source).not.toMatch(ONE_PASS);
  });
});
