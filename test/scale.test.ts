/**
 * Compile-time scalability: long graphs compile in about linear time, without overflowing the
 * stack, and the optimizer converges on long chains instead of reporting a cycle.
 */
import { describe, expect, it } from 'vitest';
import { compile, evaluate, grad, type Node } from '../src/index.ts';
import { Namer } from '../src/emit/names.ts';
import { formula } from '../src/ir/print.ts';
import * as B from '../src/builder/core.ts';

const X = B.input('X', [4, 'm']);
const x4 = Float64Array.from([0.3, -0.2, 0.9, 0.5, -0.7, 0.1, 0.4, -0.4]);

/** An elementwise chain on X of `n` op nodes: every node is fused into one loop. */
function tensorChain(n: number): Node {
  let y: Node = X;
  for (let i = 0; i < n; i++) {
    y = i % 3 === 0 ? B.tanh(y) : i % 3 === 1 ? B.mul(y, 0.999) : B.add(y, 0.001);
  }
  return y;
}

/** CPU seconds (user + system) `f` takes: unlike wall time, not inflated by a busy machine. */
function seconds(f: () => unknown): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

describe('compile time of long graphs', () => {
  // 6,000 nodes took 87 s before (groupRoot walked each fused chain per node, groupOf used
  // Array.includes, the namer probed e_2 … e_n for every temporary, formula recursed)
  it('a 6,000-node tensor elementwise chain compiles in under 5 s, optimized or not', () => {
    const y = tensorChain(6000);
    const values: Float64Array[] = [];
    for (const optimize of [false, true]) {
      let f: ReturnType<typeof compile> | undefined;
      const t = seconds(() => (f = compile({ y }, { optimize })));
      expect(t).toBeLessThan(5);
      values.push(f!({ X: x4 }).y as Float64Array);
    }
    expect(values[1]).toEqual(values[0]);
  });

  it('formula prints a 20,000-deep expression without overflowing the stack', () => {
    let y: Node = B.input('deep_x');
    for (let i = 0; i < 20_000; i++) y = B.tanh(y);
    const text = formula(y);
    expect(text.length).toBe(20_000 * 'tanh()'.length + 'deep_x'.length);
    expect(text.startsWith('tanh(tanh(')).toBe(true);
    // a bounded depth still stops at an ellipsis
    expect(formula(y, { depth: 2 })).toBe('tanh(tanh(…))');
  });

  it("the namer's n-th temporary of one base costs O(1), names as before", () => {
    const namer = new Namer();
    const block = namer.child().block();
    const names = Array.from({ length: 5 }, () => block.fresh('e'));
    expect(names).toEqual(['e', 'e_2', 'e_3', 'e_4', 'e_5']);
    expect(namer.fresh('e_6')).toBe('e_6'); // the parent does not see its blocks' names
    // a name taken above after the block's last search is skipped, not reused
    block.fresh('f');
    expect(block.fresh('e')).toBe('e_7'); // e_6 is the parent's now
    const t = seconds(() => {
      const big = new Namer();
      for (let i = 0; i < 50_000; i++) big.fresh('e');
    });
    expect(t).toBeLessThan(2); // quadratic probing took minutes
  });
});

describe('the optimizer on long chains', () => {
  // X·(0.5·y): scalar-out-of-product pulled each 0.5 out by one level per pass, so a chain of
  // depth n needed n passes (E_REWRITE_CYCLE past 40). A rewrite's result is now rewritten in the
  // same pass, and constant factors fold as they gather.
  it('a 2,000-node chain of X·(0.5·y) converges (it was E_REWRITE_CYCLE) and keeps its value', () => {
    let y: Node = X;
    for (let i = 0; i < 1000; i++) y = B.mul(X, B.mul(0.5, y));
    const optimized = compile({ y }, { optimize: true });
    const plain = compile({ y }, { optimize: false });
    // near 2, so that (x/2)¹⁰⁰⁰ stays in range (the reassociated 0.5¹⁰⁰⁰·x¹⁰⁰¹ does too)
    const near2 = Float64Array.from([2, 2.001, -1.999, 2.0005, 1.9995, -2, 2.002, 1.998]);
    const a = optimized({ X: near2 }).y as Float64Array;
    const b = plain({ X: near2 }).y as Float64Array;
    for (let i = 0; i < b.length; i++) {
      expect(Number.isFinite(b[i]!)).toBe(true);
      expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(1e-9 * Math.abs(b[i]!));
    }
  });

  // the adjoint of a chain of ×1.5 is 1.5ᵏ, folded as the gradient is built: past k ≈ 1751 the
  // fold overflowed and the builder threw E_DOMAIN on a valid graph
  it('grad of a 5,000-deep chain of ×1.5 compiles; its value is the unoptimized program’s ∞', () => {
    const x = B.input('chain15_x');
    let y: Node = x;
    for (let i = 0; i < 5000; i++) y = B.mul(y, 1.5);
    const [dx] = grad(y, [x]);
    for (const optimize of [false, true]) {
      const f = compile({ y, dx: dx! }, { optimize });
      expect(f({ chain15_x: 0 }).dx).toBe(Infinity);
      expect(f({ chain15_x: 1e-300 }).y).toBe(Infinity);
      expect(f({ chain15_x: 0 }).y).toBe(0);
    }
    // where it does not overflow, the folded constant is the product computed in order
    let z: Node = x;
    for (let i = 0; i < 1000; i++) z = B.mul(z, 1.5);
    let expected = 1;
    for (let i = 0; i < 1000; i++) expected *= 1.5;
    expect(compile({ dz: grad(z, [x])[0]! }, { inputs: [x] })({ chain15_x: 2 }).dz).toBe(expected);
  });

  // the normal form's region count walked a chain depth-first to its end: 10⁴ nodes deep it
  // overflowed the stack (found by the bench's compile-time-by-shape table)
  it('a 10,000-deep scalar chain of ×0.999 and tanh, with its gradient, compiles as the unoptimized one', () => {
    const x = B.input('chainTanh_x');
    let y: Node = x;
    for (let i = 0; i < 10_000; i++) y = i % 2 === 0 ? B.mul(y, 0.999) : B.tanh(y);
    const [dx] = grad(y, [x]);
    const fast = compile({ y, dx: dx! })({ chainTanh_x: 0.5 });
    const plain = compile({ y, dx: dx! }, { optimize: false })({ chainTanh_x: 0.5 });
    expect(fast.y).toBeCloseTo(plain.y as number, 12);
    expect(fast.dx).toBeCloseTo(plain.dx as number, 12);
  });

  it('a constant expression that overflows is a node worth ±∞; a pole is still E_DOMAIN', () => {
    const big = B.mul(1e200, 1e200);
    expect(big.kind).toBe('apply');
    expect(evaluate({ big }, {}).big).toBe(Infinity);
    expect(() => B.div(1, 0)).toThrow(/E_DOMAIN|outside the domain/);
  });
});
