/**
 * Functions with the same code are defined once and exported under each name (predict's forward
 * and the step's are compiled apart and come out alike): the bytes are wabt's for our WAT, and
 * every name runs.
 */
import { expect, it } from 'vitest';
import { elementwiseFunc, E, kernelModule, instantiate } from '../../../src/render/wasm/index.ts';
import { wabtBytes } from './harness.ts';

it('a function twice under two names is defined once, exported twice; wabt agrees; both run', () => {
  const make = (name: string) =>
    elementwiseFunc({
      name,
      dtype: 'float64',
      params: [
        { name: 'out', type: 'i32' },
        { name: 'x', type: 'i32' },
      ],
      shape: [8],
      out: { base: { param: 'out' }, strides: [1] },
      views: [{ base: { param: 'x' }, strides: [1] }],
      expr: E.relu(E.load(0)),
    });
  const { bytes, wat } = kernelModule([make('a'), make('b')]);
  expect(wat.match(/^ {2}\(func /gm)).toHaveLength(1);
  expect(wat).toContain('(export "b" (func $a))');
  expect(wabtBytes(wat)).toEqual(bytes);
  const memory = new (
    globalThis as unknown as { WebAssembly: { Memory: new (d: object) => { buffer: ArrayBuffer } } }
  ).WebAssembly.Memory({ initial: 1 });
  const f64 = new Float64Array(memory.buffer);
  f64.set([1, -2, 3, -4, 5, -6, 7, -8], 8);
  const k = instantiate(bytes, memory) as Record<string, (out: number, x: number) => void>;
  k['a']!(0, 64);
  expect(Array.from(f64.subarray(0, 8))).toEqual([1, 0, 3, 0, 5, 0, 7, 0]);
  f64.fill(9, 0, 8);
  k['b']!(0, 64);
  expect(Array.from(f64.subarray(0, 8))).toEqual([1, 0, 3, 0, 5, 0, 7, 0]);
});
