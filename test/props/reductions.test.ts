/**
 * Per-op laws of the structural reductions reduceMax, reduceMin, argmax and argmin (seeded), on
 * random tensors of rank 1–3 with every kind of axis choice (all, one, negative, a list) and
 * keepdims — with distinct values (gaps ≥ ¼) or with ties planted (values from {−1, 0, 1}):
 *  - compiled (float64 and float32 storage, optimized and not) = the reference interpreter, exactly
 *    (the values are exact in float32, and a reduction picks one of them);
 *  - the interpreter = a direct definition (the extremum of each group; the FIRST position of it)
 *    = the double-double reference interpreter;
 *  - reduceMax/reduceMin: the gradient passes two-sided gradcheck at distinct values; at ties it
 *    is split evenly among the tied elements; the JVP is the transpose of the VJP
 *    (⟨J·v, w⟩ = ⟨v, Jᵀ·w⟩, ties included);
 *  - argmax/argmin: no gradient (a constant 0), and its differences vanish too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jvp } from '../../src/autodiff/jvp.ts';
import { vjp } from '../../src/autodiff/vjp.ts';
import { grad } from '../../src/autodiff/grad.ts';
import * as B from '../../src/builder/core.ts';
import { gradcheck } from '../../src/check/gradcheck.ts';
import { compile } from '../../src/emit/compile.ts';
import { evaluate } from '../../src/ir/interp.ts';
import type { Node } from '../../src/ir/node.ts';
import { formula } from '../../src/ir/print.ts';
import { reductionIndex } from '../../src/ops/reduceMax.ts';
import { runWide } from '../../src/check/wideInterp.ts';
import * as W from '../../src/check/wideDD.ts';
import { Rng } from '../../src/rng.ts';

const SEED = 0x4ed0ce;
const RUNS = 40;
const OPS = ['reduceMax', 'reduceMin', 'argmax', 'argmin'] as const;
type ReductionOp = (typeof OPS)[number];
const SHAPES = [[5], [2, 3], [3, 1, 2], [2, 2, 3]] as const;

interface Case {
  readonly shape: readonly number[];
  readonly options: B.ReduceOptions;
  readonly data: readonly number[];
  readonly ties: boolean;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    shape: fc.constantFrom(...SHAPES),
    mode: fc.nat({ max: 3 }),
    axisSeed: fc.nat({ max: 63 }),
    keepdims: fc.boolean(),
    ties: fc.boolean(),
    seed: fc.nat({ max: 2 ** 31 - 1 }),
  })
  .map(({ shape, mode, axisSeed, keepdims, ties, seed }) => {
    const rank = shape.length;
    const axis =
      mode === 0
        ? undefined
        : mode === 1
          ? axisSeed % rank
          : mode === 2
            ? (axisSeed % rank) - rank
            : [...Array(rank).keys()].filter((a) => ((axisSeed >> a) & 1) === 1);
    const size = shape.reduce<number>((p, d) => p * d, 1);
    const rng = new Rng(seed);
    // distinct: a shuffle of k/4 − 2 (gaps ≥ ¼, far beyond any difference step)
    const distinct = Array.from({ length: size }, (_, k) => k / 4 - 2);
    for (let i = size - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [distinct[i], distinct[j]] = [distinct[j]!, distinct[i]!];
    }
    const data = ties ? Array.from({ length: size }, () => rng.int(3) - 1) : distinct;
    return { shape, options: { axis, keepdims }, data, ties };
  });

function build(op: ReductionOp, x: Node, options: B.ReduceOptions): Node {
  return B[op](x, options);
}

/** The direct definition: per group, the extremum and the first position holding it. */
function expected(op: ReductionOp, c: Case, x: Node): { values: number[]; ties: number[][] } {
  const node = build(op, x, c.options);
  const attrs = node.kind === 'apply' ? node.attrs : { axis: [], keepdims: false };
  const { out, pos } = reductionIndex({ shape: c.shape, data: Float64Array.from(c.data) }, attrs);
  const groups = new Map<number, { v: number; p: number }[]>();
  c.data.forEach((v, k) =>
    groups.set(out[k]!, [...(groups.get(out[k]!) ?? []), { v, p: pos[k]! }]),
  );
  const isMax = op === 'reduceMax' || op === 'argmax';
  const values: number[] = [];
  const ties: number[][] = [];
  for (const [o, members] of [...groups].sort((a, b) => a[0] - b[0])) {
    const best = members
      .map((m) => m.v)
      .reduce((a, b) => (isMax ? Math.max(a, b) : Math.min(a, b)));
    const first = members.find((m) => m.v === best)!.p;
    values[o] = op.startsWith('arg') ? first : best;
    ties[o] = c.data.flatMap((v, k) => (out[k] === o && v === best ? [k] : []));
  }
  return { values, ties };
}

const asArray = (v: number | ArrayLike<number>) => (typeof v === 'number' ? [v] : Array.from(v));
let counter = 0;
const leaf = (c: Case) => B.input(`red${counter++}`, c.shape);

for (const op of OPS) {
  describe(op, () => {
    it(`interpreter = definition; compiled (float64, float32, optimized or not) = interpreter (${RUNS} cases)`, () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const x = leaf(c);
          const y = build(op, x, c.options);
          const point = { [x.name]: c.data };
          const interpreted = asArray(evaluate(y, point as never));
          expect(interpreted, formula(y)).toEqual(expected(op, c, x).values);
          // the double-double reference (the rewrite audit's) reduces alike
          const wide = runWide([y], point as never)
            .get(y)!
            .values.map((r) => W.toNumber(r.v));
          expect(wide, `${formula(y)} in double-double`).toEqual(interpreted);
          for (const options of [{}, { optimize: false }, { dtype: 'float32' as const }]) {
            const got = asArray(compile({ y }, options)(point as never).y as number);
            expect(got, `${formula(y)} ${JSON.stringify(options)}`).toEqual(interpreted);
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });

    if (op.startsWith('arg')) {
      it('has no gradient, and its differences vanish (distinct values)', () => {
        fc.assert(
          fc.property(caseArb, (c) => {
            fc.pre(!c.ties);
            const x = leaf(c);
            const J = B.sum(build(op, x, c.options));
            const [dx] = grad(J, [x]);
            expect(dx!.kind).toBe('const');
            const r = gradcheck(J, { [x.name]: c.data } as never, { wrt: [x] });
            expect(r.relativeError, r.report()).toBe(0);
          }),
          { seed: SEED, numRuns: RUNS },
        );
      });
      return;
    }

    it('the gradient passes gradcheck at distinct values; at ties it is split evenly', () => {
      fc.assert(
        fc.property(caseArb, fc.nat(), (c, seed) => {
          const x = leaf(c);
          const y = build(op, x, c.options);
          const w = B.input(`${x.name}_w`, y.shape as number[]);
          const rng = new Rng(seed);
          const weights = asArray(evaluate(B.constant(0, y.shape), {}) as never).map(() =>
            rng.normal(),
          );
          const J = B.sum(B.mul(w, y));
          const point = { [x.name]: c.data, [w.name]: y.shape.length ? weights : weights[0]! };
          const [dx] = grad(J, [x]);
          const got = asArray(evaluate(dx!, point as never)).map((v) => v + 0); // −0 is 0 here
          // by hand: each tied element of group o gets w[o]/(number of ties in o)
          const want = c.data.map(() => 0);
          expected(op, c, x).ties.forEach((ks, o) =>
            ks.forEach((k) => (want[k] = weights[o]! / ks.length)),
          );
          expect(got, `${formula(y)} at ${JSON.stringify(c.data)}`).toEqual(want);
          if (!c.ties) {
            const r = gradcheck(J, point as never, { wrt: [x] });
            expect(r.relativeError, r.report()).toBeLessThan(1e-7);
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });

    it('the JVP is the transpose of the VJP: ⟨J·v, w⟩ = ⟨v, Jᵀ·w⟩, ties included', () => {
      fc.assert(
        fc.property(caseArb, fc.nat(), (c, seed) => {
          const x = leaf(c);
          const y = build(op, x, c.options);
          const v = B.input(`${x.name}_v`, c.shape as number[]);
          const w = B.input(`${x.name}_w`, y.shape as number[]);
          const [Jv] = jvp([y], [x], [v]);
          const [JTw] = vjp([y], [x], [w]);
          const rng = new Rng(seed);
          const vs = c.data.map(() => rng.normal());
          const ws = asArray(evaluate(B.constant(0, y.shape), {}) as never).map(() => rng.normal());
          const point = {
            [x.name]: c.data,
            [v.name]: vs,
            [w.name]: y.shape.length ? ws : ws[0]!,
          };
          const out = compile({ Jv: Jv!, JTw: JTw! }, { inputs: [x, v, w] })(point as never);
          const dot = (a: readonly number[], b: readonly number[]) =>
            a.reduce((s, ai, i) => s + ai * b[i]!, 0);
          const forward = dot(asArray(out.Jv as number), ws);
          const reverse = dot(vs, asArray(out.JTw as number));
          expect(Math.abs(forward - reverse)).toBeLessThanOrEqual(
            1e-12 * (Math.abs(forward) + Math.abs(reverse)),
          );
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  });
}

describe('kinks of the reductions', () => {
  it('a perturbation that changes which element is the max is `kink`, not `bug` (max, argmax)', () => {
    const x = B.input('redKink', [3]);
    for (const J of [B.reduceMax(x), B.mul(B.argmax(x), B.sum(x))]) {
      const r = gradcheck(J, { redKink: [1, 1 + 3e-8, -2] } as never, { wrt: [x] });
      expect(r.perInput[0]!.verdict, r.report()).toBe('kink');
    }
  });
});
