/**
 * The kernel IR's passes one by one (fusion, places, schedule, memory plan), and the laws the
 * whole program keeps on random tensor graphs: every node has a place, every kernel reads only
 * what inputs or earlier kernels wrote, and no two live values share a buffer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as g from '../../src/index.ts';
import type { ApplyNode, LeafNode, Node } from '../../src/ir/node.ts';
import { toposort, usersOf } from '../../src/ir/graph.ts';
import { kernelProgram } from '../../src/kernel/index.ts';
import { groupOf, planFusion } from '../../src/kernel/fuse.ts';
import { placeNodes } from '../../src/kernel/places.ts';
import { planMemory } from '../../src/kernel/memory.ts';
import type { Kernel, KernelProgram } from '../../src/kernel/ir.ts';
import { printKernelProgram } from '../../src/kernel/print.ts';
import { optimize } from '../../src/rewrite/optimize.ts';
import { buildTensorGraph, tensorRecipeArb } from '../fuzz/tensorGraphs.ts';

const leavesOf = (roots: readonly Node[]) =>
  toposort(roots).filter((n): n is LeafNode => n.kind === 'input' || n.kind === 'param');

function program(outputs: Record<string, Node>): KernelProgram {
  return kernelProgram(outputs, leavesOf(Object.values(outputs)), {
    dtype: 'float64',
    where: 'test',
  });
}

function fusionOf(outputs: Record<string, Node>) {
  const roots = Object.values(outputs);
  const nodes = toposort(roots);
  return planFusion({
    nodes,
    users: usersOf(nodes),
    isOutput: new Set(roots),
    materialize: new Set(),
  });
}

describe('fusion', () => {
  const X = g.input('X', [3, 'm']);
  const W = g.param('W', [2, 3]);
  const b = g.param('b', [2, 1]);

  it('a dense layer is one kernel: the matmul feeds the bias and the activation as its epilogue', () => {
    const Z = g.add(g.matmul(W, X), b);
    const A = g.relu(Z);
    const plan = fusionOf({ A });
    expect(plan.fusedInto.get(Z)).toBe(A);
    const product = (Z as ApplyNode).args.find((a) => a.kind === 'apply' && a.op === 'matmul');
    expect(product).toBeDefined();
    expect(plan.producerOf.get(A)).toBe(product);
    expect(groupOf(plan, A)).toEqual([Z, A]);
  });

  it('a value read twice is not fused into either reader (but its own operands still are)', () => {
    const Z = g.add(g.matmul(W, X), b);
    const plan = fusionOf({ A: g.relu(Z), B: g.tanh(Z) });
    expect(plan.fusedInto.has(Z)).toBe(false);
    expect([...plan.producerOf.keys()]).toEqual([Z]);
  });

  it('an elementwise operand is computed in the reduction that reads it', () => {
    const e = g.exp(X);
    const s = g.sum(e, { axis: 1 });
    const plan = fusionOf({ s: g.mul(s, 2) });
    expect(plan.fusedInto.get(e)).toBe(s);
    expect(plan.rootOf.get(e)).toBe(s);
  });
});

describe('places', () => {
  const X = g.input('X', [3, 'm']);
  it('a transpose is a view of its operand; a reshape of that view is a copy', () => {
    const T = g.transpose(X);
    const R = g.reshape(T, [3, 'm']);
    const outputs = { y: g.sum(g.mul(R, 2)) };
    const nodes = toposort(Object.values(outputs));
    const { refs, seeds } = placeNodes(nodes, [X], fusionOf(outputs));
    expect(refs.get(T)).toMatchObject({ kind: 'view', base: X, view: { strides: ['1', 'm'] } });
    expect(seeds.find((s) => s.node === R)?.kind).toBe('copy');
  });

  it('over a number a layout op is that number, and the batch size is the bound variable', () => {
    const s = g.input('s');
    const r = g.reshape(s, [1, 1]);
    const m = g.batchSize('m');
    const nodes = toposort([g.mul(m, r)]);
    const { refs, seeds } = placeNodes(nodes, [s], fusionOf({}));
    expect(refs.get(r)).toEqual({ kind: 'number', node: s });
    expect(refs.get(m)).toEqual({ kind: 'dim', symbol: 'm' });
    expect(seeds.map((k) => k.kind)).toEqual(['map']);
  });
});

describe('schedule', () => {
  const X = g.input('X', [12288, 'm']);
  const dZ = g.input('dZ', [20, 'm']);
  const W = g.param('W', [20, 12288]);
  it('dW = dZ·Xᵀ is dot products (both operands contiguous along the inner index)', () => {
    const p = program({ dW: g.matmul(dZ, g.transpose(X)) });
    const k = p.kernels.find((x) => x.kind === 'loop')!;
    expect(k.kind === 'loop' && k.schedule).toMatchObject({ form: 'dots' });
  });
  it('Z = W·X is row updates (B and C have contiguous rows)', () => {
    const p = program({ Z: g.matmul(W, X) });
    const k = p.kernels.find((x) => x.kind === 'loop')!;
    expect(k.kind === 'loop' && k.schedule).toMatchObject({ form: 'rows', rows: 4 });
  });
  it('a map is flat only when every operand has the result layout', () => {
    const b = g.param('b', [20, 1]);
    const p = program({ a: g.tanh(g.mul(dZ, 2)), c: g.add(dZ, b) });
    const maps = p.kernels.filter((k): k is Extract<Kernel, { kind: 'map' }> => k.kind === 'map');
    expect(maps.map((k) => k.flat)).toEqual([true, false]);
  });
  it('an output that is an input or a view gets a copy kernel of its own', () => {
    const p = program({ t: g.transpose(X), y: g.sum(X) });
    expect(p.kernels.map((k) => k.kind)).toEqual(['loop', 'output']);
  });
});

describe('memory plan', () => {
  it('a chain of same-size values reuses two buffers; outputs own theirs', () => {
    const X = g.input('X', [5, 'm']);
    let v: Node = X;
    for (let i = 0; i < 6; i++) v = g.tanh(g.mul(g.matmul(g.param(`W${i}`, [5, 5]), v), 0.5));
    const p = program({ y: v });
    expect(p.kernels.length).toBe(6);
    expect(p.memory.slots.length).toBe(3);
    expect(p.memory.slots.filter((s) => s.outputs.length > 0)).toEqual([
      { size: '5 * m', outputs: ['y'] },
    ]);
  });
});

it('the printed program names each kernel, its schedule, reads and slot', () => {
  const X = g.input('X', [4, 'm']);
  const w = g.param('w', [4, 1]);
  const b = g.param('b');
  const A = g.sigmoid(g.add(g.matmul(g.transpose(w), X), b)).named('A');
  const text = printKernelProgram(
    kernelProgram({ A }, [X, w, b], { dtype: 'float64', where: 't' }),
  );
  expect(text).toContain('inputs X (4, m), w (4, 1), b ()');
  expect(text).toMatch(
    /^k0 map epilogue of matmul \[form rows.*\] {2}A = σ\(b \+ wᵀ·X\) {2}reads w, X {2}→ slot 0 \(m\)$/m,
  );
});

it('on the wasm target the printed program marks the kernels that run as wasm', () => {
  const X = g.input('X', [4, 'm']);
  const W = g.param('W', [3, 4]);
  const Z = g.relu(g.matmul(W, X));
  const wasm = kernelProgram({ Z }, [X, W], { dtype: 'float64', where: 't', target: 'wasm' });
  expect(printKernelProgram(wasm)).toMatch(/^k0 map epilogue of matmul.* \(wasm\) {2}/m);
  const ts = kernelProgram({ Z }, [X, W], { dtype: 'float64', where: 't' });
  expect(printKernelProgram(ts)).not.toContain('(wasm)');
});

/** The laws of a kernel program, as failures (empty when it keeps them). */
function violations(p: KernelProgram, outputs: Record<string, Node>): string[] {
  const problems: string[] = [];
  const nodes = toposort(Object.values(outputs));
  for (const n of nodes) if (!p.refs.has(n)) problems.push(`no place for %${n.id} ${n.kind}`);
  // reads: inputs, or values an earlier kernel wrote
  const written = new Set<Node>(p.inputs.map((i) => i.leaf));
  p.kernels.forEach((k, s) => {
    for (const r of k.reads)
      if (!written.has(r)) problems.push(`k${s} reads %${r.id} before it is written`);
    if (k.kind !== 'output') written.add(k.node);
  });
  // each node is computed by one kernel at most
  const computedBy = new Map<Node, number>();
  p.kernels.forEach((k, s) =>
    k.computes.forEach((n) => {
      if (computedBy.has(n)) problems.push(`%${n.id} computed by k${computedBy.get(n)} and k${s}`);
      computedBy.set(n, s);
    }),
  );
  // liveness: a slot's value is not overwritten while a later kernel still reads it
  const holder = new Map<number, Node>();
  const lastRead = new Map<Node, number>();
  p.kernels.forEach((k, s) => k.reads.forEach((r) => lastRead.set(r, s)));
  p.kernels.forEach((k, s) => {
    const slot = p.memory.slotOf.get(s);
    if (slot === undefined) return;
    const before = holder.get(slot);
    if (before && (lastRead.get(before) ?? -1) >= s)
      problems.push(
        `k${s} overwrites slot ${slot} while %${before.id} is read at k${lastRead.get(before)}`,
      );
    if (before && p.memory.slots[slot]!.outputs.length > 0)
      problems.push(`k${s} overwrites output slot ${slot}`);
    holder.set(slot, k.node);
  });
  return problems;
}

it('random tensor graphs and their gradients: every node placed, reads after writes, no live buffer overwritten', () => {
  let checked = 0;
  fc.assert(
    fc.property(tensorRecipeArb({ maxSteps: 10 }), (recipe) => {
      const built = buildTensorGraph(recipe);
      if (!built) return;
      const grads = g.grad(built.cost, built.leaves);
      const outputs: Record<string, Node> = { cost: built.cost };
      grads.forEach((d, i) => (outputs[`d${i}`] = d));
      built.intermediates.forEach((n, i) => (outputs[`v${i}`] = n));
      const optimized = optimize(outputs).outputs;
      const p = program(optimized);
      expect(violations(p, optimized)).toEqual([]);
      // the plan is the same computed directly from the kernels
      expect(planMemory(p.kernels, p.refs, optimized)).toEqual(p.memory);
      checked++;
    }),
    { numRuns: 150, seed: 20_261_204 },
  );
  expect(checked).toBeGreaterThan(100);
});
