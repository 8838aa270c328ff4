/**
 * gradcheck's adjoint and hvp modes: the adjoint check judges planar's b1 at initialization,
 * where the two-sided check can only say `roundoff`; it catches a VJP planted through
 * customGradient, even one too close for the two-sided check; the hvp mode passes on the course
 * models and catches a planted wrong JVP rule; both need the cost's graph.
 */
import { describe, expect, it } from 'vitest';
import {
  ADJOINT_THRESHOLDS,
  adjointVerdictOf,
  compile,
  compileTraining,
  customGradient,
  gradcheck,
  input,
  matmul,
  mul,
  param,
  sigmoid,
  sum,
  tanh,
  type Node,
} from '../src/index.ts';
import { OPS } from '../src/ops/index.ts';
import planarModel, * as planar from '../samples/planar.ts';
import { expectError } from './expectError.ts';

describe("mode 'adjoint'", () => {
  it('judges planar at init(1) with no steps, b1 included, where the two-sided check reports roundoff', () => {
    const trainer = compileTraining(planarModel);
    const data = planarModel.data().train;
    const state = trainer.init(1);
    const twoSided = trainer.gradcheck(state, data);
    const adjoint = trainer.gradcheck(state, data, { mode: 'adjoint' });
    expect(twoSided.perInput.find((e) => e.name === 'b1')!.verdict).toBe('roundoff');
    expect(adjoint.mode).toBe('adjoint');
    expect(adjoint.perInput.map((e) => [e.name, e.verdict])).toEqual([
      ['W1', 'correct'],
      ['b1', 'correct'],
      ['W2', 'correct'],
      ['b2', 'correct'],
    ]);
    expect(adjoint.ok).toBe(true);
    for (const e of adjoint.perInput) expect(e.relativeError).toBeLessThan(1e-10);
    expect(adjoint.report()).toMatch(/^adjoint check \(⟨J·v, w⟩ from the emitted JVP/);
    expect(adjoint.report()).toMatch(
      /^overall: correct: the worst row is \w+ \(relative difference/m,
    );
  });

  /** Σ σ(W·x) with W's gradient scaled by 1 + `error` (planted through customGradient). */
  function plantedCost(error: number): Node {
    const W = param('Wp', [2, 3]);
    const X = input('Xp', [3, 4]);
    const scaled = customGradient(
      (z) => sigmoid(z),
      ({ output, cotangent }) => [mul(1 + error, mul(cotangent, mul(output, output.neg().add(1))))],
      { name: 'plantedSigmoid' },
    );
    return sum(scaled(matmul(W, X)));
  }
  const at = {
    Wp: [0.3, -0.2, 0.5, 0.1, 0.4, -0.6],
    Xp: [1, -1, 0.5, 2, 0.3, -0.7, 1.2, 0.1, -0.4, 0.9, 1.5, -1.1],
  };

  it('catches a wrong VJP planted through customGradient (bug, not ok)', () => {
    const r = gradcheck(plantedCost(0.5), at, { mode: 'adjoint' });
    expect(r.verdict).toBe('bug');
    expect(r.ok).toBe(false);
    expect(r.decidedBy).toBe('Wp');
    expect(gradcheck(plantedCost(0), at, { mode: 'adjoint' }).ok).toBe(true);
  });

  it('catches a VJP 5e-8 off that the two-sided check calls correct', () => {
    const cost = plantedCost(5e-8);
    expect(gradcheck(cost, at).verdict).toBe('correct');
    const r = gradcheck(cost, at, { mode: 'adjoint' });
    expect(r.verdict).toBe('inspect');
    expect(r.ok).toBe(false);
  });

  it('works on a compiled function (its cost output differentiated forward)', () => {
    const f = compile({
      J: planar.J,
      dW1: planar.dW1,
      db1: planar.db1,
      dW2: planar.dW2,
      db2: planar.db2,
    });
    const r = gradcheck(f, planar.example(), { mode: 'adjoint', cost: 'J' });
    expect(r.perInput.map((e) => e.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(r.ok).toBe(true);
  });

  it('the verdicts by relative difference: the README thresholds', () => {
    expect(ADJOINT_THRESHOLDS).toEqual({ correct: 1e-9, inspect: 1e-7, suspicious: 1e-5 });
    expect([1e-12, 1e-9, 1e-8, 1e-6, 1e-3, NaN].map((e) => adjointVerdictOf(e))).toEqual([
      'correct',
      'correct',
      'inspect',
      'suspicious',
      'bug',
      'nonfinite',
    ]);
  });
});

describe("mode 'hvp'", () => {
  it('passes on planar (the emitted H·v against differences of the gradient)', () => {
    const r = gradcheck(planar.J, planar.example(), { mode: 'hvp' });
    expect(r.mode).toBe('hvp');
    expect(r.epsilon).toBe(1e-5);
    expect(r.ok).toBe(true);
    expect(r.report()).toMatch(/^Hessian-vector check/);
  });

  it('catches a planted wrong JVP rule (tanh′ taken as 1 − tanh): the HVP is wrong', () => {
    const def = OPS.tanh as { jvp: unknown };
    const original = def.jvp;
    def.jvp = (({ tangents: [t], out, b }) =>
      t ? b.mul(t, b.sub(1, out)) : null) satisfies typeof OPS.tanh.jvp;
    try {
      const x = input('xh', [3, 1]);
      const J = sum(tanh(mul(x, x)));
      const r = gradcheck(J, { xh: [0.3, -0.8, 1.1] }, { mode: 'hvp' });
      expect(r.ok).toBe(false);
      expect(r.verdict).toBe('bug');
    } finally {
      def.jvp = original;
    }
  });
});

describe('modes that need the graph', () => {
  it('a { cost, grad } pair without jvp / hvp: E_BAD_OPTION saying what to give', () => {
    const pair = { cost: (p: { a?: unknown }) => (p.a as number) ** 2, grad: () => ({ a: 0 }) };
    expectError(
      () => gradcheck(pair as never, { a: 1 }, { mode: 'adjoint' }),
      'E_BAD_OPTION',
      /mode 'adjoint' needs the cost's JVP.*jvp\(inputs, directions\)/,
    );
    expectError(
      () => gradcheck(pair as never, { a: 1 }, { mode: 'hvp' }),
      'E_BAD_OPTION',
      /mode 'hvp' needs/,
    );
  });

  it("a pair's own jvp is used: a wrong one fails", () => {
    const pair = {
      cost: (p: Record<string, unknown>) => (p.a as number) ** 2,
      grad: (p: Record<string, unknown>) => ({ a: 2 * (p.a as number) }),
      jvp: (p: Record<string, unknown>, v: Readonly<Record<string, Float64Array>>) =>
        3 * (p.a as number) * (v.a?.[0] ?? 0),
    };
    expect(gradcheck(pair as never, { a: 1.5 }, { mode: 'adjoint' }).verdict).toBe('bug');
  });
});
