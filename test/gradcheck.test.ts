import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  grad,
  gradcheck,
  input,
  mul,
  pow,
  relativeError,
  verdictOf,
  type InputValues,
} from '../src/index.ts';

const a = input('a');
const b = input('b');
const c = input('c');
const J = mul(3, add(a, mul(b, c)));
const point = { a: 5, b: 3, c: 2 };

describe('gradcheck', () => {
  it("reproduces the textbook's two-sided estimate: d/dx x³ at 1 with ε = 0.01 is 3.0001", () => {
    const x = input('x');
    const r = gradcheck(pow(x, 3), { x: 1 }, { epsilon: 0.01 });
    expect(r.perInput[0]!.numerical[0]).toBeCloseTo(3.0001, 12);
    expect(r.perInput[0]!.analytic[0]).toBe(3);
    // |3.0001 − 3| / (3.0001 + 3) ≈ 1.7e-5: not below 1e-5, so not "correct" at this ε
    expect(r.relativeError).toBeCloseTo(0.0001 / 6.0001, 10);
    expect(r.ok).toBe(false);
    // at the default ε = 1e-7 it is correct
    expect(gradcheck(pow(x, 3), { x: 1 }).verdict).toBe('correct');
  });

  it('passes a cost node, with a per-input breakdown', () => {
    const r = gradcheck(J, point);
    expect(r.ok).toBe(true);
    expect(r.verdict).toBe('correct');
    expect(r.relativeError).toBeLessThan(1e-7);
    expect(r.perInput.map((e) => e.name)).toEqual(['a', 'b', 'c']);
    expect(r.report()).toMatch(/overall: relative error .* → correct/);
  });

  it('passes a compiled gradgen function', () => {
    const [da, db, dc] = grad(J, [a, b, c]);
    const f = compile({ J, da: da!, db: db!, dc: dc! });
    const r = gradcheck(f, point);
    expect(r.ok).toBe(true);
    expect(r.perInput.map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('tells a wrong db apart from right da and dc in a hand-written backprop', () => {
    const cost = (v: InputValues) => 3 * ((v.a as number) + (v.b as number) * (v.c as number));
    const handWritten = (v: InputValues) => ({
      a: 3,
      b: 3 * (v.b as number), // bug: should be 3c
      c: 3 * (v.b as number),
    });
    const r = gradcheck({ cost, grad: handWritten }, point);
    expect(r.ok).toBe(false);
    const byName = Object.fromEntries(r.perInput.map((e) => [e.name, e.verdict]));
    expect(byName).toEqual({ a: 'correct', b: 'bug', c: 'correct' });
    expect(r.report()).toMatch(/^b\s+\S+\s+bug/m);
  });

  it('fails on NaN or Inf anywhere, never passes', () => {
    const cost = (v: InputValues) => (v.a as number) * 2;
    expect(gradcheck({ cost, grad: () => ({ a: NaN }) }, { a: 1 }).verdict).toBe('nonfinite');
    expect(gradcheck({ cost, grad: () => ({ a: NaN }) }, { a: 1 }).ok).toBe(false);
    const badCost = (v: InputValues) => ((v.a as number) > 1 ? Infinity : 2 * (v.a as number));
    const r = gradcheck({ cost: badCost, grad: () => ({ a: 2 }) }, { a: 1 }, { epsilon: 0.5 });
    expect(r.verdict).toBe('nonfinite');
    expect(r.problems.join()).toMatch(/Infinity/);
  });

  it('random-direction mode agrees on tensors given as arrays', () => {
    const cost = (v: InputValues) => {
      const w = v.w as Float64Array;
      return w.reduce((s, x, i) => s + (i + 1) * x * x, 0);
    };
    const g = (v: InputValues) => ({ w: (v.w as Float64Array).map((x, i) => 2 * (i + 1) * x) });
    const w = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i));
    const r = gradcheck({ cost, grad: g }, { w }, { mode: 'random', directions: 6, seed: 3 });
    expect(r.ok).toBe(true);
    expect(r.perInput[0]!.numerical.length).toBe(6);
    const wrong = (v: InputValues) => ({ w: (v.w as Float64Array).map((x, i) => 2 * i * x) });
    expect(gradcheck({ cost, grad: wrong }, { w }, { mode: 'random' }).ok).toBe(false);
  });

  it('guards the 0/0 case and maps errors to verdicts', () => {
    expect(relativeError([0, 0], [0, 0])).toBe(0);
    expect(relativeError([1, 0], [1, 0])).toBe(0);
    expect(verdictOf(1e-8)).toBe('correct');
    expect(verdictOf(1e-6)).toBe('inspect');
    expect(verdictOf(1e-4)).toBe('suspicious');
    expect(verdictOf(1e-2)).toBe('bug');
    expect(verdictOf(NaN)).toBe('nonfinite');
  });
});
