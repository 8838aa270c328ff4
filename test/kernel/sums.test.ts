/**
 * Sums on the wasm target: which sums are 2-d reductions (their summed axes one run of the
 * operand's, the kept axes the other; totals stay TypeScript), and a view read along runs of an
 * index space (./src/kernel/lin.ts) — merged where each axis steps by the next one's extent,
 * checked against the addresses the unmerged view reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as g from '../../src/index.ts';
import type { ApplyNode } from '../../src/ir/node.ts';
import { kernelProgram } from '../../src/kernel/index.ts';
import { mergeRun, runSizes, runStrides } from '../../src/kernel/lin.ts';
import { sumSpace } from '../../src/kernel/targets.ts';
import type { View } from '../../src/ops/define.ts';

const sumOf = (shape: (number | string)[], axis: number[] | undefined, keepdims = false) =>
  g.sum(g.input('x', shape), { ...(axis ? { axis } : {}), keepdims }) as unknown as ApplyNode;

describe('sumSpace', () => {
  it('a leading or trailing run of summed axes, the kept axes of the result', () => {
    expect(sumSpace(sumOf([4, 'm'], [1]))).toEqual({ axis: 1, runs: [[0], [1]], kept: [0] });
    expect(sumSpace(sumOf([4, 'm'], [0], true))).toEqual({ axis: 0, runs: [[0], [1]], kept: [1] });
    expect(sumSpace(sumOf(['m', 2, 3], [0]))).toEqual({
      axis: 0,
      runs: [[0], [1, 2]],
      kept: [0, 1],
    });
    expect(sumSpace(sumOf([2, 3, 'm'], [1, 2], true))).toEqual({
      axis: 1,
      runs: [[0], [1, 2]],
      kept: [0],
    });
  });

  it('none for a total, a middle axis or another reduction', () => {
    expect(sumSpace(sumOf([4, 'm'], undefined))).toBeUndefined();
    expect(sumSpace(sumOf([4, 'm'], [0, 1], true))).toBeUndefined();
    expect(sumSpace(sumOf([2, 3, 4], [1]))).toBeUndefined();
    expect(sumSpace(sumOf(['m'], [0]))).toBeUndefined();
    const max = g.reduceMax(g.input('x', [4, 'm']), { axis: [1] }) as unknown as ApplyNode;
    expect(sumSpace(max)).toBeUndefined();
  });

  it('on the wasm target, a (2, m, 3) sum over its middle axis and a total stay TypeScript', () => {
    const x = g.input('x', [2, 'm', 3]);
    const outputs = { mid: g.sum(x, { axis: 1 }), lead: g.sum(x, { axis: 0 }), all: g.sum(x) };
    const p = kernelProgram(outputs, [x], { dtype: 'float64', where: 'test', target: 'wasm' });
    const target = (key: string) => p.kernels.find((k) => k.node === p.outputs[key])?.target;
    expect([target('mid'), target('lead'), target('all')]).toEqual([undefined, 'wasm', undefined]);
  });
});

describe('views along runs of axes', () => {
  const m = { sym: 'm' };

  it('merges contiguous runs; size-1 axes drop out; broadcasts merge with broadcasts', () => {
    expect(mergeRun([m, 2, 2], [4, 2, 1], [1, 2])).toEqual({ size: 4, stride: 1 });
    expect(mergeRun([m, 2, 2], [4, 2, 1], [0])).toEqual({ size: m, stride: 4 });
    expect(mergeRun([3, 1, m], [m, 7, 1], [0, 1, 2])).toEqual({
      size: { sym: 'm', mul: 3 },
      stride: 1,
    });
    expect(mergeRun([2, 3], [0, 0], [0, 1])).toEqual({ size: 6, stride: 0 });
    // a transposed pair, a broadcast beside a stride, and m·m do not merge
    expect(mergeRun([2, 3], [1, 2], [0, 1])).toBeUndefined();
    expect(mergeRun([2, 3], [0, 1], [0, 1])).toBeUndefined();
    expect(mergeRun([m, m], [1, 1], [0, 1])).toBeUndefined();
  });

  it('a view broadcast over a space and merged reads the addresses the unmerged view reads', () => {
    // random views of literal sizes over random spaces (some axes broadcast, some transposed)
    const arb = fc
      .array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 })
      .chain((dims) =>
        fc.record({
          dims: fc.constant(dims),
          split: fc.integer({ min: 1, max: dims.length - 1 }),
          order: fc.shuffledSubarray(
            dims.map((_, a) => a),
            { minLength: dims.length },
          ),
          broadcast: fc.array(fc.boolean(), { minLength: dims.length, maxLength: dims.length }),
          lead: fc.integer({ min: 0, max: 1 }),
        }),
      );
    let merged = 0;
    fc.assert(
      fc.property(arb, ({ dims, split, order, broadcast, lead }) => {
        // the view's own axes: dims[lead…], size 1 where broadcast, strides of a permuted layout
        const own = dims.slice(lead).map((d, a) => (broadcast[a + lead] ? 1 : d));
        const strides = new Array<number>(own.length).fill(0);
        let s = 1;
        for (const a of order.filter((a) => a < own.length).reverse()) {
          strides[a] = s;
          s *= own[a]!;
        }
        const v: View = {
          buf: '',
          dims: own.map(String),
          strides: strides.map(String),
          offset: [],
        };
        const space = dims.map(String);
        const runs = [dims.map((_, a) => a).slice(0, split), dims.map((_, a) => a).slice(split)];
        const st = runStrides(v, space, runs);
        if (!st) return;
        merged++;
        const [n, k] = runSizes(space, runs) as [number, number];
        const [s0, s1] = st as [number, number];
        // the address of every element, unmerged (broadcast axes read 0) and merged
        for (let flat = 0; flat < n * k; flat++) {
          let rest = flat;
          let address = 0;
          for (let a = dims.length - 1; a >= 0; a--) {
            const x = rest % dims[a]!;
            rest = Math.floor(rest / dims[a]!);
            const own = a - lead;
            if (own >= 0 && !broadcast[a]) address += x * strides[own]!;
          }
          expect(Math.floor(flat / k) * s0 + (flat % k) * s1).toBe(address);
        }
      }),
      { seed: 0x5a3, numRuns: 300 },
    );
    expect(merged).toBeGreaterThan(100);
  });
});
