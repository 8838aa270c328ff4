/**
 * A kernel module imports the Math functions its kernels call and no others (the emitted
 * modules' kernels call none: they import the memory alone), with the calls renumbered to them.
 */
import { expect, it } from 'vitest';
import {
  elementwiseFunc,
  E,
  kernelModule,
  instantiate,
  wasmApi,
  type Expr,
} from '../../../src/render/wasm/index.ts';
import { wabtBytes } from './harness.ts';

const kernel = (name: string, expr: Expr) =>
  elementwiseFunc({
    name,
    dtype: 'float64',
    params: [
      { name: 'out', type: 'i32' },
      { name: 'x', type: 'i32' },
    ],
    shape: [4],
    out: { base: { param: 'out' }, strides: [1] },
    views: [{ base: { param: 'x' }, strides: [1] }],
    expr,
  });

it('imports only the Math functions called, in MATH_FNS order, each call reaching its own', () => {
  const { bytes, wat, imports } = kernelModule([
    kernel('t', E.call('tanh', E.load(0))),
    kernel('e', E.add(E.call('expm1', E.load(0)), E.call('tanh', E.load(0)))),
  ]);
  expect(imports).toEqual(['expm1', 'tanh']);
  expect(wat).toContain('(import "env" "expm1"');
  expect(wat).not.toContain('"exp"');
  expect(wat).not.toContain('"log');
  expect(wabtBytes(wat)).toEqual(bytes);
  const memory = new (wasmApi().Memory)({ initial: 1 });
  const f64 = new Float64Array(memory.buffer);
  const xs = [0.5, -1, 2, 3e-9];
  f64.set(xs, 8);
  // only the two imports it declares: instantiating with just them must work
  const api = wasmApi();
  const k = new api.Instance(new api.Module(bytes), {
    env: { memory, expm1: Math.expm1, tanh: Math.tanh },
  }).exports as Record<string, (out: number, x: number) => void>;
  k['t']!(0, 64);
  expect(Array.from(f64.subarray(0, 4))).toEqual(xs.map(Math.tanh));
  k['e']!(0, 64);
  expect(Array.from(f64.subarray(0, 4))).toEqual(xs.map((x) => Math.expm1(x) + Math.tanh(x)));
});

it('a module whose kernels call no Math function imports the memory alone', () => {
  const { bytes, wat, imports } = kernelModule([kernel('r', E.relu(E.load(0)))]);
  expect(imports).toEqual([]);
  expect(wat.match(/\(import /g)).toHaveLength(1);
  const memory = new (wasmApi().Memory)({ initial: 1 });
  expect(Object.keys(instantiate(bytes, memory))).toEqual(['r']);
});
