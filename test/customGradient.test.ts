/**
 * stopGradient and customGradient: values unchanged; gradients (grad, vjp, hvp) and tangents (jvp)
 * as documented; the course examples of a user-supplied gradient (gradient clipping of a
 * subgraph, a straight-through estimator for a step function, a safer gradient of √x at 0) give
 * the user's gradient compiled optimized, unoptimized and interpreted; misuse is E_SHAPE or
 * E_BAD_ARGUMENT naming the gradient and the call site; explain shows a custom gradient as
 * user-supplied.
 */
import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  customGradient,
  evaluate,
  explain,
  grad,
  gt,
  hvp,
  input,
  jvp,
  log,
  matmul,
  max,
  min,
  mul,
  param,
  sigmoid,
  sqrt,
  square,
  stopGradient,
  sum,
  vjp,
  where,
  type Node,
} from '../src/index.ts';
import { withoutGradientMarkers } from '../src/autodiff/markers.ts';
import { toposort } from '../src/ir/graph.ts';
import { GRADIENT_MARKERS } from '../src/ir/node.ts';
import { expectError } from './expectError.ts';

const x = input('x');
const X = input('X', [3, 1]);

/** Every output of `outputs` at `at`: compiled optimized, compiled as built, and interpreted. */
function threeWays(outputs: Record<string, Node>, at: Record<string, number | number[]>) {
  const plain = (r: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v as number[])]),
    );
  return [
    plain(compile(outputs)(at)),
    plain(compile(outputs, { optimize: false })(at)),
    plain(evaluate(outputs, at)),
  ];
}

describe('stopGradient', () => {
  it('keeps the value; no gradient flows through it, and its tangent is zero', () => {
    const y = mul(stopGradient(square(x)), x); // value x³, derivative treated as x²
    const [dy] = grad(y, [x]);
    const t = jvp(y, [x], [input('vx')]);
    for (const out of threeWays({ y, dy: dy!, t }, { x: 3, vx: 1 })) {
      expect(out).toEqual({ y: 27, dy: 9, t: 9 });
    }
  });

  it('markers are taken out however deep they are, and a graph without one is returned as is', () => {
    const markers = (roots: readonly Node[]) =>
      toposort(roots).filter((n) => n.kind === 'apply' && GRADIENT_MARKERS.has(n.op)).length;
    let deep: Node = stopGradient(square(x));
    for (let i = 0; i < 50; i++) deep = add(mul(deep, 0.5), x);
    const plain = add(square(x), 1);
    expect(markers([deep])).toBe(1);
    const [out, same] = withoutGradientMarkers([deep, plain]);
    expect(markers([out!])).toBe(0);
    expect(same).toBe(plain);
    expect(withoutGradientMarkers([out!, plain])).toEqual([out, plain]);
    expect(withoutGradientMarkers([plain])[0]).toBe(plain);
  });

  it('the fluent .stopGradient() is the same node; of a constant, the constant', () => {
    const z = square(x);
    expect(z.stopGradient()).toBe(stopGradient(z));
    expect(stopGradient(2).kind).toBe('const');
  });

  it('hvp sees the stopped factor as a constant: H of stop(x)·x² is 2·x', () => {
    const y = mul(stopGradient(x), square(x));
    const [h] = hvp(y, [x], [input('vx')]);
    expect(compile({ h: h! })({ x: 5, vx: 1 }).h).toBe(10);
  });
});

describe('customGradient: the examples', () => {
  it('gradient clipping of a subgraph: the adjoint entering it is clipped to [−1, 1]', () => {
    const clip = customGradient(
      (z) => z,
      ({ cotangent }) => [max(min(cotangent, 1), -1)],
      { name: 'clipGradient' },
    );
    const W = param('Wc', [1, 3]);
    const J = mul(5, sum(clip(matmul(W, X))));
    const [dW] = grad(J, [W]);
    for (const out of threeWays({ J, dW: dW! }, { Wc: [1, 2, 3], X: [0.5, -1, 2] })) {
      expect(out.J).toBe(5 * (0.5 - 2 + 6));
      expect(out.dW).toEqual([0.5, -1, 2]); // Xᵀ times the clipped 1, not 5
    }
  });

  it('a straight-through estimator for a step function: the gradient passes as if it were x', () => {
    const step = customGradient(
      (z) => gt(z, 0),
      ({ cotangent }) => [cotangent],
      { name: 'step' },
    );
    const w = input('w', [3, 1]);
    const J = sum(mul(step(X), w));
    const [dX] = grad(J, [X]);
    for (const out of threeWays({ J, dX: dX! }, { X: [0.5, -1, 2], w: [1, 2, 3] })) {
      expect(out.J).toBe(4);
      expect(out.dX).toEqual([1, 2, 3]);
    }
  });

  it('a safer gradient for √x at 0: 0 there, 1/(2√x) elsewhere; the default one is ∞', () => {
    const safeSqrt = customGradient(
      (a) => sqrt(a),
      ({ inputs: [a], output, cotangent }) => [where(gt(a!, 0), cotangent.div(mul(2, output)), 0)],
      { name: 'safeSqrt' },
    );
    const [d] = grad(safeSqrt(x), [x]);
    const [plain] = grad(sqrt(x), [x]);
    for (const at of [0, 4]) {
      for (const out of threeWays({ d: d! }, { x: at })) expect(out.d).toBe(at === 0 ? 0 : 0.25);
    }
    expect(evaluate({ plain: plain! }, { x: 0 }).plain).toBe(Infinity);
  });

  it('the optimizer does not rewrite through it: a stabilized forward keeps the user’s VJP', () => {
    // log σ(z) is rewritten to −softplus(−z) in the forward pass; the gradient stays the user's
    const logSigmoid = customGradient(
      (z) => log(sigmoid(z)),
      ({ cotangent }) => [mul(cotangent, 7)],
      { name: 'logSigmoid' },
    );
    const y = logSigmoid(x);
    const [d] = grad(y, [x]);
    for (const out of threeWays({ y, d: d! }, { x: -3 })) {
      expect(out.y).toBeCloseTo(Math.log(1 / (1 + Math.exp(3))), 14);
      expect(out.d).toBe(7);
    }
  });
});

describe('customGradient: the derivatives around it', () => {
  const cube = customGradient(
    (a) => mul(a, square(a)),
    // a deliberately different VJP (3a² is the truth): higher orders differentiate these nodes
    ({ inputs: [a], cotangent }) => [mul(cotangent, mul(4, square(a!)))],
    { name: 'cube' },
  );

  it('its JVP is the JVP of f’s subgraph (3a²), not the transpose of the user’s VJP', () => {
    const y = cube(x);
    const t = jvp(y, [x], [input('vx')]);
    const [d] = grad(y, [x]);
    const [d2] = grad(d!, [x]);
    const [h] = hvp(y, [x], [input('vx')]);
    const out = compile({ t, d: d!, d2: d2!, h: h! })({ x: 2, vx: 1 });
    expect(out.t).toBe(12); // f′ = 3a²
    expect(out.d).toBe(16); // the user's 4a²
    expect(out.d2).toBe(16); // d/da of the user's 4a²: 8a
    expect(out.h).toBe(16); // forward over the user's reverse
  });

  it('vjp of a non-scalar output goes through the user’s VJP too', () => {
    const [g] = vjp([cube(X)], [X], [input('wX', [3, 1])]);
    const out = compile({ g: g! })({ X: [1, 2, 3], wX: [1, 1, 2] });
    expect(Array.from(out.g as Float64Array)).toEqual([4, 16, 72]);
  });

  it('explain shows it as user-supplied, where it was defined and where it is applied', () => {
    const y = cube(x);
    const text = explain({ y, dy: grad(y, [x])[0]! }).text;
    expect(text).toMatch(
      /^user-supplied gradients:\n {2}cube: value x·x²; its VJP is user-supplied \(defined at test\/customGradient\.test\.ts:\d+, applied at test\/customGradient\.test\.ts:\d+\)$/m,
    );
  });
});

describe('customGradient: misuse', () => {
  it('a VJP result of the wrong shape is E_SHAPE naming the gradient, the shapes and the site', () => {
    const bad = customGradient(
      (z) => sum(z),
      ({ cotangent }) => [cotangent],
      { name: 'badShape' },
    );
    expectError(
      () => grad(bad(X), [X]),
      'E_SHAPE',
      /customGradient 'badShape': vjp result 1 has shape \(\), but input 1 has shape \(3, 1\)/,
      /\(test\/customGradient\.test\.ts:\d+\)$/,
    );
  });

  it('the wrong number of results, a non-node f, a non-function: E_BAD_ARGUMENT', () => {
    const two = customGradient(
      (a, b) => add(a, b),
      ({ cotangent }) => [cotangent],
      { name: 'two' },
    );
    expectError(
      () => grad(two(x, x), [x]),
      'E_BAD_ARGUMENT',
      /'two': the vjp must return an array of 2/,
    );
    const notNode = customGradient((() => 3) as never, () => [], { name: 'notNode' });
    expectError(() => notNode(x), 'E_BAD_ARGUMENT', /'notNode': f must return a graph node/);
    expectError(() => customGradient(3 as never, () => []), 'E_BAD_ARGUMENT', /two functions/);
    expectError(
      () =>
        customGradient(
          (a) => a,
          () => [],
          { name: '1x' },
        ),
      'E_BAD_OPTION',
      /customGradient: option 'name'/,
    );
  });
});
