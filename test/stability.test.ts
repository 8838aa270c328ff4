/**
 * Stability of values and gradients (README, "Stability"): binary cross-entropy of a sigmoid,
 * log σ, log(1 − σ), softplus and log(1 + eˣ) give finite values and gradients, exact to a few
 * ulp, at z = ±40, ±800 and ±1e4, in float64 and float32 — with a transpose, a reshape, both,
 * or a broadcast between the ops (before σ or after it), or none. The references are computed here
 * from the exact per-element formulas (softplus(x) = max(x, 0) + log1p(e^−|x|), σ(x) from the
 * side where e^−|x| cannot overflow).
 */
import { describe, expect, it } from 'vitest';
import * as B from '../src/builder/core.ts';
import {
  binaryCrossEntropy,
  compile,
  explain,
  grad,
  input,
  type InputNode,
  type Node,
} from '../src/index.ts';

const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const sigma = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** A layout op from z's shape (2, 3) to the loss's shape, and which z element each element reads. */
interface Layout {
  readonly name: string;
  readonly shape: readonly number[];
  apply(x: Node): Node;
  /** source[k] = the flat index into z of element k (row-major) of the result. */
  readonly source: readonly number[];
}

const LAYOUTS: readonly Layout[] = [
  { name: 'no layout op', shape: [2, 3], apply: (x) => x, source: [0, 1, 2, 3, 4, 5] },
  {
    name: 'transpose',
    shape: [3, 2],
    apply: (x) => B.transpose(x),
    source: [0, 3, 1, 4, 2, 5],
  },
  {
    name: 'reshape',
    shape: [3, 2],
    apply: (x) => B.reshape(x, [3, 2]),
    source: [0, 1, 2, 3, 4, 5],
  },
  {
    name: 'reshape ∘ transpose',
    shape: [6],
    apply: (x) => B.reshape(B.transpose(x), [6]),
    source: [0, 3, 1, 4, 2, 5],
  },
  {
    name: 'transpose ∘ reshape',
    shape: [2, 3],
    apply: (x) => B.transpose(B.reshape(x, [3, 2])),
    source: [0, 2, 4, 1, 3, 5],
  },
  {
    name: 'broadcastTo',
    shape: [2, 2, 3],
    apply: (x) => B.broadcastTo(x, [2, 2, 3]),
    source: [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5],
  },
];

/** A cost of L(·) and its exact per-element value and derivative (before the 1/m of a mean). */
interface Form {
  readonly name: string;
  cost(z: Node, y: Node, L: (x: Node) => Node): Node;
  value(x: number, y: number): number;
  derivative(x: number, y: number): number;
  /** The mean over the examples (the last axis) rather than the sum. */
  readonly mean?: boolean;
  /**
   * The scale a gradient's error is measured against, as a multiple of 1/m: BCE's gradient is
   * the textbook σ(z) − y, exact to an ulp of 1 (not of a tiny σ(−40)); the others: relative.
   */
  readonly gradientScale?: number;
}

const bce = {
  value: (x: number, y: number) => y * softplus(-x) + (1 - y) * softplus(x),
  derivative: (x: number, y: number) => (1 - y) * sigma(x) - y * sigma(-x),
  mean: true,
  gradientScale: 1,
};

const FORMS: readonly Form[] = [
  { name: 'BCE(L(σ(z)), y)', cost: (z, y, L) => binaryCrossEntropy(L(B.sigmoid(z)), y), ...bce },
  { name: 'BCE(σ(L(z)), y)', cost: (z, y, L) => binaryCrossEntropy(B.sigmoid(L(z)), y), ...bce },
  {
    name: 'Σ log L(σ(z))',
    cost: (z, _y, L) => B.sum(B.log(L(B.sigmoid(z)))),
    value: (x) => -softplus(-x),
    derivative: (x) => sigma(-x),
  },
  {
    name: 'Σ log(1 − L(σ(z)))',
    cost: (z, _y, L) => B.sum(B.log(B.sub(1, L(B.sigmoid(z))))),
    value: (x) => -softplus(x),
    derivative: (x) => -sigma(x),
  },
  {
    name: 'Σ log(1 − σ(L(z)))',
    cost: (z, _y, L) => B.sum(B.log(B.sub(1, B.sigmoid(L(z))))),
    value: (x) => -softplus(x),
    derivative: (x) => -sigma(x),
  },
  {
    name: 'Σ softplus(L(z))',
    cost: (z, _y, L) => B.sum(B.softplus(L(z))),
    value: softplus,
    derivative: sigma,
  },
  {
    name: 'Σ softplus(−L(z))',
    cost: (z, _y, L) => B.sum(B.softplus(B.neg(L(z)))),
    value: (x) => softplus(-x),
    derivative: (x) => -sigma(-x),
  },
  {
    name: 'Σ log(1 + L(eᶻ))',
    cost: (z, _y, L) => B.sum(B.log(B.add(1, L(B.exp(z))))),
    value: softplus,
    derivative: sigma,
  },
];

const POINTS = [
  [40, -40, 800, -800, 1e4, -1e4],
  [-40, 40, -800, 800, -1e4, 1e4],
];
const LABELS = (n: number) => Array.from({ length: n }, (_, k) => [1, 0, 0, 1, 1, 0][k % 6]!);

const ULP = { float64: 2 ** -52, float32: 2 ** -23 } as const;
/** Errors allowed, in ulps of the dtype (sums of a few rounded terms). */
const ULPS = 8;

function expected(form: Form, layout: Layout, z: readonly number[], y: readonly number[]) {
  const m = form.mean ? layout.shape[layout.shape.length - 1]! : 1;
  let J = 0;
  const dz = z.map(() => 0);
  layout.source.forEach((i, k) => {
    J += form.value(z[i]!, y[k]!);
    dz[i] += form.derivative(z[i]!, y[k]!);
  });
  return { J: J / m, dz: dz.map((d) => d / m), m };
}

/** |got − want| over the scale it is measured against, in ulps of the dtype. */
const ulps = (got: number, want: number, scale: number, ulp: number) =>
  got === want ? 0 : Math.abs(got - want) / Math.max(Math.abs(want), scale) / ulp;

describe('stable values and gradients at ±40, ±800, ±1e4, through layout ops', () => {
  for (const form of FORMS) {
    for (const layout of LAYOUTS) {
      for (const dtype of ['float64', 'float32'] as const) {
        it(`${form.name} with L = ${layout.name} (${dtype})`, () => {
          const tag = `${form.name}|${layout.name}`.replace(/\W+/g, '_');
          const z = input(`z_${tag}`, [2, 3]) as InputNode;
          const y = input(`y_${tag}`, layout.shape as number[]) as InputNode;
          const J = form.cost(z, y, layout.apply);
          const [dz] = grad(J, [z]);
          const f = compile({ J, dz: dz! }, { dtype });
          for (const point of POINTS) {
            const labels = LABELS(layout.source.length);
            const want = expected(form, layout, point, labels);
            const given = f.inputs.some((l) => l.name === y.name) ? { [y.name]: labels } : {};
            const out = f({ [z.name]: point, ...given } as never);
            const gotJ = out.J as number;
            const gotDz = Array.from(out.dz as Float64Array);
            const where = `at z = ${JSON.stringify(point)}: J = ${gotJ}, dz = ${JSON.stringify(gotDz)}`;
            expect(ulps(gotJ, want.J, 0, ULP[dtype]), `J ${where}`).toBeLessThanOrEqual(ULPS);
            const scale = (form.gradientScale ?? 0) / want.m;
            gotDz.forEach((g, i) =>
              expect(
                ulps(g, want.dz[i]!, scale, ULP[dtype]),
                `dz[${i}] ${where}`,
              ).toBeLessThanOrEqual(ULPS),
            );
          }
        });
      }
    }
  }
});

describe('log(1 + x) and eˣ − 1 of small x: log1p and expm1, values and gradients', () => {
  const X = [1e-10, -3e-12, 2.5e-17, 0.25, -0.5];
  const exactUlps = (got: number, want: number) =>
    got === want ? 0 : Math.abs(got - want) / Math.abs(want) / 2 ** -52;
  for (const [name, build, value, derivative] of [
    [
      'Σ log(1 + Lᵀ(x))',
      (x: Node) => B.log(B.add(1, B.transpose(x))),
      Math.log1p,
      (t: number) => 1 / (1 + t),
    ],
    ['Σ (e^{Lᵀ(x)} − 1)', (x: Node) => B.sub(B.exp(B.transpose(x)), 1), Math.expm1, Math.exp],
  ] as const) {
    it(`${name}: exact to 4 ulp where the formula as written loses every digit`, () => {
      const x = input(`x_${value.name}`, [1, X.length]) as InputNode;
      const y = build(x);
      const [dx] = grad(B.sum(y), [x]);
      const out = compile({ y, dx: dx! })({ [x.name]: X } as never);
      const naive = compile({ y }, { optimize: false })({ [x.name]: X } as never);
      X.forEach((t, i) => {
        expect(
          exactUlps((out.y as Float64Array)[i]!, value(t)),
          `${name} at ${t}`,
        ).toBeLessThanOrEqual(4);
        expect(
          exactUlps((out.dx as Float64Array)[i]!, derivative(t)),
          `d at ${t}`,
        ).toBeLessThanOrEqual(4);
      });
      // the test can fail: as written, 1 + 2.5e-17 is 1 and e^2.5e-17 − 1 is 0
      expect((naive.y as Float64Array)[2]).toBe(0);
    });
  }

  it('log(1 + eˣ) is still softplus (not log1p(eˣ), which overflows for x > 709)', () => {
    const z = input('z_softplus_wins', [3]);
    expect(explain({ J: B.log(B.add(1, B.exp(z))) }).outputs.J!.formula).toBe(
      'softplus(z_softplus_wins)',
    );
  });
});
