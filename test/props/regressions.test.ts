/**
 * Regressions: minimal reproductions of optimizer bugs the properties found (each was an
 * \`it.fails\` pin while open). Root cause, fixed: src/rewrite/rational.ts priced a normal form by
 * counting only nodes that did not exist yet and ordered atoms by creation id, so 'rational-
 * normalize' depended on the global intern table (impure, and it could fire forever). Pricing is
 * now structural, atoms are ordered canonically, and the normalize phase keeps a pass only if the
 * whole graph shrinks. Each test uses fresh names, as the bug depended on what already existed.
 */
import { expect, it } from 'vitest';
import { grad } from '../../src/autodiff/grad.ts';
import { add, div, input, mul, neg, sigmoid, sqrt, square, sub } from '../../src/builder/core.ts';
import { compile } from '../../src/emit/compile.ts';
import { formula } from '../../src/ir/print.ts';
import { optimize } from '../../src/rewrite/optimize.ts';

it('optimize is a pure function (a second identical call rewrites nothing more)', () => {
  const x = input('p');
  const y = add(div(x, add(square(x), 0.5)), add(square(x), square(x)));
  const first = optimize({ y }).outputs.y;
  const second = optimize({ y }).outputs.y;
  // was: p/(p² + 0.5) + (p² + p²), then p·(p + 2·p^3 + 1)/(p² + 0.5)
  expect(formula(second)).toBe(formula(first));
});

it("optimize is a pure function on σ's second derivative", () => {
  const x = input('q');
  const s = sigmoid(x);
  const d2 = grad(grad(s, [x])[0]!, [x])[0]!;
  const first = optimize({ d2 }).outputs.d2;
  const second = optimize({ d2 }).outputs.d2;
  // was: (1 − σ(q) + −σ(q))·((1 − σ(q))·σ(q)), then a normalized form (or E_REWRITE_CYCLE)
  expect(formula(second)).toBe(formula(first));
});

it("σ's second derivative can be compiled twice (no E_REWRITE_CYCLE)", () => {
  const x = input('x0');
  const s = sigmoid(x);
  const d2 = grad(grad(s, [x])[0]!, [x])[0]!;
  compile({ s, d2 });
  // optimize: phase 'simplify' did not reach a fixed point in 40 passes;
  // still firing: rational-normalize
  compile({ s, d2 });
});

it('rational-normalize settles on −2(s − a) + 2(s − a)/(2s)·2a (no E_REWRITE_CYCLE)', () => {
  // = d/dx (√((x + x)² + 1) − (x + x))² as grad builds it; found by scalarGraphs' properties
  const x = input('x');
  const a = add(x, x);
  const s = sqrt(add(square(a), 1));
  const t = sub(s, a);
  compile({ n: add(neg(mul(2, t)), mul(div(mul(2, t), mul(2, s)), mul(2, a))) });
});
