/**
 * Properties of forward mode and of Hessian-vector products, looping over the registry's ops and
 * over random scalar DAGs and tensor graphs (seeded):
 *  - per op, and on random DAGs and tensor graphs: J·v (jvp) agrees with two-sided differences of
 *    t ↦ y(x + t·v) at t = 0 (gradcheck on that scalar function: relative error ≤ 1e-7, or within
 *    its round-off floor);
 *  - the adjoint identity ⟨J·v, w⟩ = ⟨v, Jᵀ·w⟩ (jvp against vjp, both emitted and compiled, every
 *    intermediate an output with its own random cotangent) to 1e-12 relative — also exactly at the
 *    kinks of the README's table (relu′(0) = 0, ties of max/min split evenly);
 *  - H·v (hvp) against differences of the compiled gradient (gradcheck mode 'hvp'), and the
 *    symmetry ⟨u, H·v⟩ = ⟨v, H·u⟩ to 1e-10 relative (decided in double-double where the float64
 *    values cancel: log1p(x) + expm1(x) at x = 1e-16 has H = 3x from −1/(1 + x)² + eˣ).
 * jvp rules are written independently of the vjp rules, so the adjoint identity tests both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jvp } from '../../src/autodiff/jvp.ts';
import { grad } from '../../src/autodiff/grad.ts';
import { hvp, vjp } from '../../src/autodiff/vjp.ts';
import * as B from '../../src/builder/core.ts';
import { gradcheck } from '../../src/check/gradcheck.ts';
import { kinkProbe } from '../../src/check/kinks.ts';
import { runWide } from '../../src/check/wideInterp.ts';
import * as W from '../../src/check/wideDD.ts';
import { compile } from '../../src/emit/compile.ts';
import { toposort } from '../../src/ir/graph.ts';
import type { InputNode, LeafNode, Node } from '../../src/ir/node.ts';
import { formula } from '../../src/ir/print.ts';
import type { InputValues } from '../../src/ir/values.ts';
import { Rng } from '../../src/rng.ts';
import { OPS, type OpName } from '../../src/ops/index.ts';
import {
  attrsArb,
  attrsFor,
  buildDag,
  dagRecipeArb,
  describeGraph,
  ELEMENTWISE_OPS,
  firstSafePoint,
  MARGIN,
  opPointArb,
  pointsArb,
} from './arbitraries.ts';
import {
  allValues,
  buildGraph,
  concreteShape,
  describeSample,
  leafValues,
  recipeArb,
  unsafeReason,
} from './tensorArbitraries.ts';

const SEED = 0xf0a7d;
const OP_RUNS = 30;
const DAG_RUNS = 60;
const TENSOR_RUNS = 40;
const ADJOINT_TOLERANCE = 1e-12;
/** Absolute slack for results in the subnormal range (x² at x = 5e-324 rounds to 0 or not). */
const UNDERFLOW = 1e-300;
const SYMMETRY_TOLERANCE = 1e-10;

const rel = (a: number, b: number) =>
  a === b ? 0 : Math.max(0, Math.abs(a - b) - UNDERFLOW) / (Math.abs(a) + Math.abs(b));
const flat = (v: number | ArrayLike<number>): ArrayLike<number> =>
  typeof v === 'number' ? [v] : v;
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** A value of `shape` (batch dimension m) from `rng`: N(0, 1) entries, a number for a scalar. */
function normalOf(shape: Node['shape'], m: number, rng: Rng): number | Float64Array {
  const dims = concreteShape(shape, m);
  if (dims.length === 0) return rng.normal();
  return Float64Array.from({ length: dims.reduce((p, d) => p * d, 1) }, () => rng.normal());
}

/**
 * y(x + t·v) as a graph: every leaf x replaced by x + t·v_x, with t a new scalar input and v_x an
 * input of x's shape. Its derivative at t = 0 is J·v.
 */
function along(y: Node, leaves: readonly LeafNode[], t: Node, vs: readonly Node[]): Node {
  const memo = new Map<Node, Node>();
  leaves.forEach((x, i) => memo.set(x, B.add(x, B.mul(t, vs[i]!))));
  for (const n of toposort([y])) {
    if (memo.has(n)) continue;
    if (n.kind !== 'apply') memo.set(n, n);
    else {
      const args = n.args.map((a) => memo.get(a)!);
      memo.set(n, B.apply(n.op as OpName, args, n.attrs));
    }
  }
  return memo.get(y)!;
}

/** gradcheck of t ↦ y(x + t·v) at t = 0 against the compiled J·v (the pair's "gradient"). */
function jvpAgainstDifferences(
  y: Node,
  leaves: readonly LeafNode[],
  point: InputValues,
  m: number,
  seed: number,
) {
  const rng = new Rng(seed);
  const vs = leaves.map((x) => B.input(`dir_${x.name}`, x.shape));
  const t = B.input('t_along');
  const yt = along(y, leaves, t, vs);
  const values: Record<string, InputValues[string]> = { ...point, t_along: 0 };
  vs.forEach((v) => (values[v.name] = normalOf(v.shape, m, rng)));
  const inputs = [...leaves, ...vs, t];
  const costFn = compile({ y: yt }, { inputs });
  const jvpFn = compile({ dy: jvp(y, leaves, vs) }, { inputs });
  const kinks = kinkProbe(yt, inputs);
  return gradcheck(
    {
      cost: (p) => costFn(p).y as number,
      grad: (p) => ({ t_along: jvpFn(p).dy as number }),
      ...(kinks ? { kinks } : {}),
    },
    values,
    { wrt: ['t_along'] },
  );
}

/**
 * ⟨J·v, w⟩ and ⟨v, Jᵀ·w⟩ for the outputs `ys` (each with a random cotangent w of its shape) and
 * random tangents v of the leaves, from one compiled function holding the JVPs and the VJP.
 */
function adjointPair(
  ys: readonly Node[],
  leaves: readonly LeafNode[],
  point: InputValues,
  m: number,
  seed: number,
): { forward: number; reverse: number } {
  const rng = new Rng(seed);
  const vs = leaves.map((x) => B.input(`tan_${x.name}`, x.shape));
  const ws = ys.map((y, k) => B.input(`cot_${k}`, y.shape));
  const values: Record<string, InputValues[string]> = { ...point };
  for (const n of [...vs, ...ws]) values[n.name] = normalOf(n.shape, m, rng);
  const tangents = jvp(ys, leaves, vs);
  const cotangents = vjp(ys, leaves, ws);
  const outputs: Record<string, Node> = {};
  tangents.forEach((n, k) => (outputs[`jv${k}`] = n));
  cotangents.forEach((n, l) => (outputs[`jw${l}`] = n));
  const out = compile(outputs, { inputs: [...leaves, ...vs, ...ws] })(values);
  const forward = ws.reduce(
    (s, w, k) => s + dot(flat(out[`jv${k}`]!), flat(values[w.name] as number)),
    0,
  );
  const reverse = vs.reduce(
    (s, v, l) => s + dot(flat(values[v.name] as number), flat(out[`jw${l}`]!)),
    0,
  );
  return { forward, reverse };
}

describe('per op: J·v vs differences (gradcheck along v, ε = 1e-7, ≤ 1e-7 or round-off)', () => {
  for (const [key, def] of ELEMENTWISE_OPS) {
    it(`${key}: ${OP_RUNS} points`, () => {
      fc.assert(
        fc.property(opPointArb(def), attrsArb(key), fc.nat(), (xs, attrs, seed) => {
          fc.pre(def.safe(xs, attrs, MARGIN));
          const args = xs.map((_, i) => B.input(`x${i}`));
          const node = B.apply(key, args, attrs);
          const point = Object.fromEntries(xs.map((v, i) => [`x${i}`, v]));
          const r = jvpAgainstDifferences(node, args, point, 1, seed);
          if (!r.ok) expect.fail(`${formula(node)} at ${JSON.stringify(point)}\n${r.report()}`);
        }),
        { seed: SEED, numRuns: OP_RUNS },
      );
    });
  }
});

describe(`per op: the adjoint identity to ${ADJOINT_TOLERANCE} (+${UNDERFLOW} absolute), at random points and at kinks`, () => {
  /** Points on each op's kinks and ties (where the README's table fixes the derivative). */
  const KINKS: Partial<Record<OpName, number[][]>> = {
    relu: [[0]],
    abs: [[0]],
    leakyRelu: [[0]],
    clip: [[-1], [0.5]], // its bounds (attrs lo = −1, hi = 0.5)
    sign: [[0]],
    max: [
      [1, 1],
      [0, 0],
    ],
    min: [
      [1, 1],
      [-2, -2],
    ],
    gt: [[1, 1]],
    where: [
      [0, 1, 2],
      [1, -1, 3],
    ],
  };
  for (const [key, def] of ELEMENTWISE_OPS) {
    it(`${key}: ${OP_RUNS} random points${KINKS[key] ? ' and its kinks' : ''}`, () => {
      const check = (xs: readonly number[], attrs: ReturnType<typeof attrsFor>, seed: number) => {
        const args = xs.map((_, i) => B.input(`x${i}`));
        const node = B.apply(key, args, attrs);
        const point = Object.fromEntries(xs.map((v, i) => [`x${i}`, v]));
        const { forward, reverse } = adjointPair([node], args, point, 1, seed);
        if (!(rel(forward, reverse) <= ADJOINT_TOLERANCE)) {
          expect.fail(`${formula(node)} at ${JSON.stringify(point)}: ${forward} vs ${reverse}`);
        }
      };
      for (const xs of KINKS[key] ?? []) check(xs, attrsFor(key, 0), 7);
      fc.assert(
        fc.property(opPointArb(def), attrsArb(key), fc.nat(), (xs, attrs, seed) => {
          check(xs, attrs, seed);
        }),
        { seed: SEED, numRuns: OP_RUNS },
      );
    });
  }
});

describe('random scalar DAGs', () => {
  const recipes = dagRecipeArb(
    ELEMENTWISE_OPS.map(([n]) => n),
    { minSteps: 2, maxSteps: 12, minInputs: 1, maxInputs: 3 },
  );
  const sampled = (recipe: Parameters<typeof buildDag>[0], candidates: number[][]) => {
    const dag = buildDag(recipe, { smoothOnly: false });
    if (!dag) return undefined;
    const point = firstSafePoint([dag.y], dag.leaves, candidates);
    return point ? { dag, point } : undefined;
  };

  it(`J·v vs differences along v (${DAG_RUNS} DAGs, ε = 1e-7, ≤ 1e-7 or round-off)`, () => {
    fc.assert(
      fc.property(recipes, pointsArb(3, 6), fc.nat(), (recipe, candidates, seed) => {
        const s = sampled(recipe, candidates);
        fc.pre(s !== undefined);
        const { dag, point } = s!;
        const r = jvpAgainstDifferences(dag.y, dag.leaves, point, 1, seed);
        if (!r.ok)
          expect.fail(`${r.report()}\nat ${JSON.stringify(point)}\n${describeGraph({ y: dag.y })}`);
      }),
      { seed: SEED, numRuns: DAG_RUNS },
    );
  });

  it(`the adjoint identity, every step an output (${DAG_RUNS} DAGs, ${ADJOINT_TOLERANCE} relative)`, () => {
    fc.assert(
      fc.property(recipes, pointsArb(3, 6), fc.nat(), (recipe, candidates, seed) => {
        const s = sampled(recipe, candidates);
        fc.pre(s !== undefined);
        const { dag, point } = s!;
        const ys = [dag.y, ...new Set(dag.steps.filter((n) => n.kind === 'apply'))];
        const { forward, reverse } = adjointPair(ys, dag.leaves, point, 1, seed);
        if (!(rel(forward, reverse) <= ADJOINT_TOLERANCE)) {
          expect.fail(
            `${forward} vs ${reverse} at ${JSON.stringify(point)}\n${describeGraph({ y: dag.y })}`,
          );
        }
      }),
      { seed: SEED, numRuns: DAG_RUNS },
    );
  });
});

/**
 * ⟨u, H·v⟩ = ⟨v, H·u⟩ to SYMMETRY_TOLERANCE in the double-double reference (within its error
 * bounds): where H·v is a cancellation, float64 rounding differs with the direction.
 */
function symmetricInWide(
  us: readonly Node[],
  Hv: readonly Node[],
  vs: readonly Node[],
  Hu: readonly Node[],
  values: InputValues,
): boolean {
  const inner = (a: readonly Node[], b: readonly Node[]) =>
    a.map((x, i) => B.mul(x, b[i]!)).reduce((s, t) => B.add(s, t));
  const [left, right] = [inner(us, Hv), inner(vs, Hu)];
  const wide = runWide([left, right], values);
  const [a, b] = [wide.get(left)!.values[0]!, wide.get(right)!.values[0]!];
  const gap = W.abs(W.sub(a.v, b.v));
  const slack = W.add(
    W.add(a.err, b.err),
    W.mul(W.fromNumber(SYMMETRY_TOLERANCE), W.add(W.abs(a.v), W.abs(b.v))),
  );
  return W.compare(gap, slack) <= 0;
}

describe('random scalar DAGs: second order', () => {
  const recipes = dagRecipeArb(
    ELEMENTWISE_OPS.map(([n]) => n),
    { minSteps: 2, maxSteps: 12, minInputs: 1, maxInputs: 3 },
  );
  it(`H·v vs differences of the gradient (gradcheck mode 'hvp', ${DAG_RUNS} DAGs, ε = 1e-5, ≤ 1e-7 or round-off) and ⟨u, H·v⟩ = ⟨v, H·u⟩ (${SYMMETRY_TOLERANCE} relative)`, () => {
    fc.assert(
      fc.property(recipes, pointsArb(3, 6), fc.nat(), (recipe, candidates, seed) => {
        const dag = buildDag(recipe, { smoothOnly: false });
        fc.pre(dag !== undefined);
        const point = firstSafePoint([dag!.y], dag!.leaves, candidates);
        fc.pre(point !== undefined);
        const { y, leaves } = dag!;
        const r = gradcheck(y, point!, { mode: 'hvp', wrt: leaves, seed });
        if (!r.ok)
          expect.fail(`${r.report()}\nat ${JSON.stringify(point)}\n${describeGraph({ y })}`);
        const rng = new Rng(seed);
        const us = leaves.map((x) => B.input(`u_${x.name}`));
        const vs = leaves.map((x) => B.input(`v_${x.name}`));
        const values: Record<string, number> = { ...point! };
        for (const n of [...us, ...vs]) values[n.name] = rng.normal();
        const Hu = hvp(y, leaves, us);
        const Hv = hvp(y, leaves, vs);
        const outputs: Record<string, Node> = {};
        leaves.forEach((_, i) => {
          outputs[`Hu${i}`] = Hu[i]!;
          outputs[`Hv${i}`] = Hv[i]!;
        });
        const out = compile(outputs, { inputs: [...leaves, ...us, ...vs] })(values);
        const uHv = us.reduce((acc, u, i) => acc + values[u.name]! * (out[`Hv${i}`] as number), 0);
        const vHu = vs.reduce((acc, v, i) => acc + values[v.name]! * (out[`Hu${i}`] as number), 0);
        if (!(rel(uHv, vHu) <= SYMMETRY_TOLERANCE) && !symmetricInWide(us, Hv, vs, Hu, values)) {
          expect.fail(`${uHv} vs ${vHu} at ${JSON.stringify(point)}\n${describeGraph({ y })}`);
        }
      }),
      { seed: SEED, numRuns: DAG_RUNS },
    );
  });
});

describe('random tensor graphs', () => {
  /** A graph of the recipe and a safe point (up to 6 value seeds), or undefined. */
  function sampleOf(recipe: Parameters<typeof buildGraph>[0]) {
    const g = buildGraph(recipe);
    const leaves = g.leaves.map((l) => l.node) as LeafNode[];
    const roots = [g.cost, ...g.intermediates];
    for (let attempt = 0; attempt < 6; attempt++) {
      const values = leafValues(g.leaves, recipe.m, recipe.seed + attempt);
      if (unsafeReason(allValues(roots, values, recipe.m)) === undefined) {
        return { g, leaves, values };
      }
    }
    return undefined;
  }
  const show = (cost: Node, m: number, values: InputValues) =>
    describeSample({ J: cost }, m, values);

  it(`J·v vs differences along v (${TENSOR_RUNS} graphs, ε = 1e-7, ≤ 1e-7 or round-off)`, () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 6 }), (recipe) => {
        const s = sampleOf(recipe);
        fc.pre(s !== undefined);
        const { g, leaves, values } = s!;
        const r = jvpAgainstDifferences(g.cost, leaves, values, recipe.m, recipe.seed);
        if (!r.ok) expect.fail(`${r.report()}\n${show(g.cost, recipe.m, values)}`);
      }),
      { seed: SEED, numRuns: TENSOR_RUNS },
    );
  });

  it(`the adjoint identity, every intermediate an output (${TENSOR_RUNS} graphs, ${ADJOINT_TOLERANCE} relative)`, () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 6 }), (recipe) => {
        const s = sampleOf(recipe);
        fc.pre(s !== undefined);
        const { g, leaves, values } = s!;
        const ys = [g.cost, ...g.intermediates];
        const { forward, reverse } = adjointPair(ys, leaves, values, recipe.m, recipe.seed);
        if (!(rel(forward, reverse) <= ADJOINT_TOLERANCE)) {
          expect.fail(`${forward} vs ${reverse}\n${show(g.cost, recipe.m, values)}`);
        }
      }),
      { seed: SEED, numRuns: TENSOR_RUNS },
    );
  });

  it(`H·v vs differences of the gradient (gradcheck mode 'hvp', ${TENSOR_RUNS} graphs, ε = 1e-5, ≤ 1e-7 or round-off)`, () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 6 }), (recipe) => {
        const s = sampleOf(recipe);
        fc.pre(s !== undefined);
        const { g, leaves, values } = s!;
        const r = gradcheck(g.cost, values, { mode: 'hvp', wrt: leaves, seed: recipe.seed });
        if (!r.ok) expect.fail(`${r.report()}\n${show(g.cost, recipe.m, values)}`);
      }),
      { seed: SEED, numRuns: TENSOR_RUNS },
    );
  });

  it(`H·v is symmetric: ⟨u, H·v⟩ = ⟨v, H·u⟩ (${TENSOR_RUNS} graphs, ${SYMMETRY_TOLERANCE} relative)`, () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 6 }), (recipe) => {
        const s = sampleOf(recipe);
        fc.pre(s !== undefined);
        const { g, leaves, values } = s!;
        const rng = new Rng(recipe.seed);
        const us = leaves.map((x) => B.input(`u_${x.name}`, x.shape));
        const vs = leaves.map((x) => B.input(`v_${x.name}`, x.shape));
        const point: Record<string, InputValues[string]> = { ...values };
        for (const n of [...us, ...vs]) point[n.name] = normalOf(n.shape, recipe.m, rng);
        const Hu = hvp(g.cost, leaves, us);
        const Hv = hvp(g.cost, leaves, vs);
        const outputs: Record<string, Node> = {};
        leaves.forEach((_, i) => {
          outputs[`Hu${i}`] = Hu[i]!;
          outputs[`Hv${i}`] = Hv[i]!;
        });
        const out = compile(outputs, { inputs: [...leaves, ...us, ...vs] as InputNode[] })(point);
        let uHv = 0;
        let vHu = 0;
        leaves.forEach((_, i) => {
          uHv += dot(flat(point[us[i]!.name] as number), flat(out[`Hv${i}`]!));
          vHu += dot(flat(point[vs[i]!.name] as number), flat(out[`Hu${i}`]!));
        });
        if (!(rel(uHv, vHu) <= SYMMETRY_TOLERANCE)) {
          expect.fail(`${uHv} vs ${vHu}\n${show(g.cost, recipe.m, values)}`);
        }
      }),
      { seed: SEED, numRuns: TENSOR_RUNS },
    );
  });
});

describe('random tensor graphs: grad∘grad', () => {
  it(`grad(⟨∇J, u⟩) = hvp(J, u), reverse over reverse = forward over reverse (${TENSOR_RUNS} graphs, ${SYMMETRY_TOLERANCE} relative)`, () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 6 }), (recipe) => {
        const g = buildGraph(recipe);
        const leaves = g.leaves.map((l) => l.node) as LeafNode[];
        const values = leafValues(g.leaves, recipe.m, recipe.seed);
        fc.pre(
          unsafeReason(allValues([g.cost, ...g.intermediates], values, recipe.m)) === undefined,
        );
        const rng = new Rng(recipe.seed);
        const us = leaves.map((x) => B.input(`u_${x.name}`, x.shape));
        const point: Record<string, InputValues[string]> = { ...values };
        for (const n of us) point[n.name] = normalOf(n.shape, recipe.m, rng);
        const gradients = grad(g.cost, leaves);
        const inner = gradients.reduce<Node>(
          (acc, gi, i) => B.add(acc, B.sum(B.mul(gi, us[i]!))),
          B.constant(0),
        );
        const twice = grad(inner, leaves);
        const Hu = hvp(g.cost, leaves, us);
        const outputs: Record<string, Node> = {};
        leaves.forEach((_, i) => {
          outputs[`rr${i}`] = twice[i]!;
          outputs[`fr${i}`] = Hu[i]!;
        });
        const out = compile(outputs, { inputs: [...leaves, ...us] })(point);
        let diff = 0;
        let scale = 0;
        leaves.forEach((_, i) => {
          const a = flat(out[`rr${i}`]!);
          const b = flat(out[`fr${i}`]!);
          for (let k = 0; k < a.length; k++) {
            diff += (a[k]! - b[k]!) ** 2;
            scale += a[k]! ** 2 + b[k]! ** 2;
          }
        });
        if (!(Math.sqrt(diff) <= SYMMETRY_TOLERANCE * Math.sqrt(scale) + UNDERFLOW)) {
          expect.fail(
            `|Δ| ${Math.sqrt(diff)} of ${Math.sqrt(scale)}\n${describeSample({ J: g.cost }, recipe.m, values)}`,
          );
        }
      }),
      { seed: SEED, numRuns: TENSOR_RUNS },
    );
  });
});

describe('the identity can fail', () => {
  it('a planted wrong JVP rule (tanh′ taken as 1 − tanh) breaks the adjoint identity', () => {
    const def = OPS.tanh as { jvp: unknown };
    const original = def.jvp;
    def.jvp = (({ tangents: [t], out, b }) =>
      t ? b.mul(t, b.sub(1, out)) : null) satisfies typeof OPS.tanh.jvp;
    try {
      const x = B.input('x0');
      const { forward, reverse } = adjointPair([B.tanh(x)], [x], { x0: 0.7 }, 1, 3);
      expect(rel(forward, reverse)).toBeGreaterThan(1e-3);
    } finally {
      def.jvp = original;
    }
  });
});
