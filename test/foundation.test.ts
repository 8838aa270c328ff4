import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  constant,
  emit,
  evaluate,
  formula,
  grad,
  input,
  mul,
  pow,
  relu,
  leakyRelu,
  clip,
  abs,
  max,
  min,
  sigmoid,
  tanh,
  sqrt,
} from '../src/index.ts';

const a = input('a');
const b = input('b');
const c = input('c');
const J = mul(3, add(a, mul(b, c)));
const point = { a: 5, b: 3, c: 2 };

describe('J = 3(a + b·c)', () => {
  const [da, db, dc] = grad(J, [a, b, c]);

  it('evaluates and differentiates with the interpreter', () => {
    expect(evaluate({ J, da, db, dc }, point)).toEqual({ J: 33, da: 3, db: 6, dc: 9 });
  });

  it('compiles to a function with the same values', () => {
    const f = compile({ J, da, db, dc });
    expect(f(point)).toEqual({ J: 33, da: 3, db: 6, dc: 9 });
    expect(f.inputs.map((i) => i.name)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(f.outputs)).toEqual(['J', 'da', 'db', 'dc']);
  });

  it('interns: the fluent and functional forms are the same node', () => {
    expect(a.add(b.mul(c)).mul(3)).toBe(J);
    expect(mul(c, b)).toBe(mul(b, c));
    expect(add(mul(b, c), a)).toBe(add(a, mul(b, c)));
    expect(input('a')).toBe(a);
  });

  it('returns gradients as graph nodes that print as formulas', () => {
    expect(formula(J)).toBe('3·(a + b·c)');
    expect(formula(db)).toBe('3·c');
    expect(formula(dc)).toBe('3·b');
    expect(da.kind).toBe('const');
  });

  it('accepts explicitly declared inputs, including unused ones', () => {
    const f = compile({ db }, { inputs: [a, b, c] });
    expect(f({ a: 1, b: 1, c: 7 })).toEqual({ db: 21 });
  });

  it('emits byte-identical text for the same graph', () => {
    const first = emit({ J, da, db, dc }, { name: 'costJ' });
    const second = emit({ J, da, db, dc }, { name: 'costJ' });
    expect(second).toBe(first);
    expect(first).toContain('export function costJ(');
    expect(first).not.toMatch(/^import /m);
    // one statement per op, commented with its math
    expect(first).toMatch(/const J = 3 \* t1; \/\/ 3·\(a \+ b·c\)/);
  });
});

describe('derivatives', () => {
  const x = input('x');
  const y = input('y');

  it('d/dx x³ at 1 is 3', () => {
    const [d] = grad(pow(x, 3), [x]);
    expect(evaluate(d!, { x: 1 })).toBe(3);
  });

  it('second derivative of sigmoid via grad∘grad matches σ(1−σ)(1−2σ)', () => {
    const [d1] = grad(sigmoid(x), [x]);
    const [d2] = grad(d1!, [x]);
    for (const v of [-3, -0.5, 0, 0.7, 2.5]) {
      const s = 1 / (1 + Math.exp(-v));
      expect(evaluate(d2!, { x: v })).toBeCloseTo(s * (1 - s) * (1 - 2 * s), 14);
    }
  });

  it('second derivative of tanh: −2 tanh (1 − tanh²)', () => {
    const [d2] = grad(grad(tanh(x), [x])[0]!, [x]);
    const t = Math.tanh(0.3);
    expect(evaluate(d2!, { x: 0.3 })).toBeCloseTo(-2 * t * (1 - t * t), 14);
  });

  it('the gradient of an input y does not depend on is a constant 0', () => {
    const [dx, dy] = grad(mul(x, x), [x, y]);
    expect(dy!.kind).toBe('const');
    expect(evaluate(dy!, {})).toBe(0);
    expect(evaluate(dx!, { x: 4 })).toBe(8);
  });

  it('defines the kinks: relu′(0) = 0, leakyRelu′(0) = slope, |x|′(0) = 0, max/min split ties', () => {
    const at0 = (n: ReturnType<typeof relu>) => evaluate(grad(n, [x])[0]!, { x: 0 });
    expect(at0(relu(x))).toBe(0);
    expect(at0(leakyRelu(x, 0.2))).toBe(0.2);
    expect(at0(leakyRelu(x))).toBe(0.01);
    expect(at0(abs(x))).toBe(0);
    const [dmx, dmy] = grad(max(x, y), [x, y]);
    expect(evaluate({ dmx: dmx!, dmy: dmy! }, { x: 1, y: 1 })).toEqual({ dmx: 0.5, dmy: 0.5 });
    const [dnx] = grad(min(x, y), [x, y]);
    expect(evaluate(dnx!, { x: 1, y: 2 })).toBe(1);
    expect(evaluate(dnx!, { x: 3, y: 2 })).toBe(0);
  });

  it('defines clip′ at its bounds: 1 on [lo, hi], bounds included (as PyTorch), 0 outside', () => {
    const [d] = grad(clip(x, -1, 2), [x]);
    const at = (v: number) => evaluate(d!, { x: v });
    expect([-1.5, -1, 0, 2, 2.5].map(at)).toEqual([0, 1, 1, 1, 0]);
    expect([-1.5, -1, 0, 2, 2.5].map((v) => evaluate(clip(x, -1, 2), { x: v }))).toEqual([
      -1, -1, 0, 2, 2,
    ]);
    expect(evaluate(clip(sqrt(x), -1, 2), { x: -1 })).toBeNaN(); // NaN stays NaN
    // lo = hi: a constant value, and still the gradient 1 at the bound
    expect(evaluate(grad(clip(x, 3, 3), [x])[0]!, { x: 3 })).toBe(1);
    expect(formula(clip(x, -1, 2))).toBe('clip(x, -1, 2)');
  });

  it('sqrt′ reuses the forward output', () => {
    const s = sqrt(x);
    const [d] = grad(s, [x]);
    expect(formula(d!)).toBe('1/(2·√x)');
  });
});

describe('constants', () => {
  it('folds constant subexpressions', () => {
    const n = mul(3, add(2, constant(4)));
    expect(n.kind).toBe('const');
    expect(evaluate(n, {})).toBe(18);
  });
});
