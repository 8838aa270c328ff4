/**
 * Every rewrite rule preserves values: for each rule of every phase, a witness expression that the
 * rule's pattern matches is rewritten by the rule, and the two are evaluated by the reference
 * interpreter at random points from the rule's domain — ordinary magnitudes and extreme ones.
 * Where the original is finite, the rewrite must agree (relative 1e-9); the stabilize rules must
 * also stay finite where the original overflows. A rule without a witness fails the suite, so a
 * new rule cannot go unchecked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as B from '../../src/builder/core.ts';
import '../../src/builder/fluent.ts';
import { evaluate } from '../../src/ir/interp.ts';
import type { Node } from '../../src/ir/node.ts';
import { printGraph } from '../../src/ir/print.ts';
import type { RuleContext } from '../../src/rewrite/engine.ts';
import { match } from '../../src/rewrite/pattern.ts';
import { PHASES } from '../../src/rewrite/rules.ts';

const SEED = 424242;

interface Witness {
  /** Builds the expression from fresh leaves (names prefixed so witnesses never share leaves). */
  build(p: string): {
    node: Node;
    leaves: Record<string, { shape: number[]; lo: number; hi: number }>;
  };
  /** The rule makes values finite where the original overflows (stability rules). */
  stabilizes?: boolean;
  /**
   * For a rule whose result must be exact (stability rules, one leaf): the true value per
   * element. The rewrite is checked against it to a few ulp, relative, in both tails.
   */
  exact?: (x: number) => number;
}

const ordinary = (lo = -3, hi = 3) => ({ lo, hi });
const leafSpec = (shape: number[], range = ordinary()) => ({ shape, ...range });

/** A witness from a builder over named leaves with shapes and value ranges. */
function w(
  leaves: Record<string, { shape: number[]; lo: number; hi: number }>,
  make: (x: Record<string, Node>) => Node,
  stabilizes = false,
  exact?: (x: number) => number,
): Witness {
  return {
    stabilizes,
    ...(exact ? { exact } : {}),
    build: (p) => {
      const nodes = Object.fromEntries(
        Object.entries(leaves).map(([k, s]) => [k, B.input(`${p}${k}`, s.shape)]),
      );
      const renamed = Object.fromEntries(Object.entries(leaves).map(([k, s]) => [`${p}${k}`, s]));
      return { node: make(nodes), leaves: renamed };
    },
  };
}

const extreme = { lo: -800, hi: 800 };
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
/** Where exact rules are checked: both tails, where cancellation or overflow would show. */
const TAILS = [-1e4, -800, -40, -20, -1, -1e-3, 0, 1e-3, 1, 20, 40, 800, 1e4];
const EXACT_ULPS = 4;
const WITNESSES: Record<string, Witness> = {
  'slice-of-concat': w({ a: leafSpec([2, 3]), b: leafSpec([3, 3]) }, ({ a, b }) =>
    B.slice(B.concat([a!, B.tanh(b!)]), { start: 3, end: 5 }),
  ),
  'concat-of-slices': w({ x: leafSpec([4, 3]) }, ({ x }) =>
    B.concat([B.slice(x!, { end: 1 }), B.slice(x!, { start: 1, end: 3 }), B.tanh(x!)]),
  ),
  'slice-of-pad': w({ g: leafSpec([2, 3]) }, ({ g }) =>
    B.slice(B.apply('pad', [g!], { axis: 0, start: 1, end: 3, shape: [4, 3] }), {
      start: 1,
      end: 3,
    }),
  ),
  'slice-of-slice': w({ x: leafSpec([5, 3]) }, ({ x }) =>
    B.slice(B.slice(x!, { start: 1 }), { start: 1, end: 3 }),
  ),
  'elementwise-through-layout': w({ x: leafSpec([2, 3]) }, ({ x }) => B.tanh(B.transpose(x!))),
  'binary-through-layout': w({ x: leafSpec([2, 3]), y: leafSpec([2, 3]) }, ({ x, y }) =>
    B.sub(B.transpose(x!), B.transpose(y!)),
  ),
  'one-minus-sigmoid': w(
    { z: leafSpec([3], extreme) },
    ({ z }) => B.sub(1, B.sigmoid(z!)),
    false,
    (x) => sigmoid(-x),
  ),
  'log-sigmoid': w(
    { z: leafSpec([3], extreme) },
    ({ z }) => B.log(B.sigmoid(z!)),
    true,
    (x) => -softplus(-x),
  ),
  'log-one-minus-sigmoid': w(
    { z: leafSpec([3], extreme) },
    ({ z }) => B.log(B.sub(1, B.sigmoid(z!))),
    true,
    (x) => -softplus(x),
  ),
  'log-one-plus-exp': w(
    { z: leafSpec([3], extreme) },
    ({ z }) => B.log(B.add(B.exp(z!), 1)),
    true,
    softplus,
  ),
  'softplus-minus-self': w(
    { z: leafSpec([3], extreme) },
    ({ z }) => B.sub(B.softplus(z!), z!),
    false,
    (x) => softplus(-x),
  ),
  'self-minus-softplus': w(
    { z: leafSpec([3], extreme) },
    ({ z }) => B.sub(z!, B.softplus(z!)),
    false,
    (x) => -softplus(-x),
  ),
  // (their accuracy, against a double-double reference on an adversarial grid: test/audit.test.ts)
  'log-one-plus': w({ z: leafSpec([3], { lo: -0.999, hi: 1e4 }) }, ({ z }) => B.log(B.add(1, z!))),
  'exp-minus-one': w({ z: leafSpec([3], extreme) }, ({ z }) => B.sub(B.exp(z!), 1)),
  'mul-zero': w({ x: leafSpec([2]) }, ({ x }) => B.apply('mul', [x!, 0])),
  'sub-self': w({ x: leafSpec([2]) }, ({ x }) => B.apply('sub', [x!, x!])),
  'div-self': w({ x: leafSpec([2]) }, ({ x }) => {
    const e = B.exp(x!); // positive, so the domain x ≠ 0 holds
    return B.apply('div', [e, e]);
  }),
  'exp-log': w({ x: leafSpec([2]) }, ({ x }) => B.exp(B.log(B.add(B.square(x!), 0.5)))),
  'log-exp': w({ x: leafSpec([2], { lo: -50, hi: 50 }) }, ({ x }) => B.log(B.exp(x!))),
  // the adjoint of a broadcast scalar, as the autodiff driver builds it
  'broadcast-scalar-operand': w({ s: leafSpec([]), x: leafSpec([2, 3]) }, ({ s, x }) =>
    B.mul(B.broadcastTo(B.reshape(s!, [1, 1]), [2, 3]), x!),
  ),
  'log-softmax': w(
    { z: leafSpec([3, 2], extreme) },
    ({ z }) => B.log(B.apply('softmax', [z!], { axis: 0 })),
    true,
  ),
  'log-sum-exp': w(
    { z: leafSpec([3, 2], extreme) },
    ({ z }) => B.log(B.sum(B.exp(z!), { axis: 0 })),
    true,
  ),
  'softmax-by-hand': w(
    { z: leafSpec([3, 2], extreme) },
    ({ z }) => B.div(B.exp(z!), B.sum(B.exp(z!), { axis: 0, keepdims: true })),
    true,
  ),
  // labels fixed in the graph: no leaves, one point
  'sum-of-one-hot': w({}, () =>
    B.sum(B.apply('oneHot', [], { classes: 3, labels: [2, 0, 1] }), { axis: 0 }),
  ),
  // e^x > 0 for sure, so the fractional exponent's domain holds
  'pow-pow': w({ x: leafSpec([2], { lo: -2, hi: 2 }) }, ({ x }) => B.pow(B.pow(B.exp(x!), 1.5), 3)),
  'sqrt-square': w({ x: leafSpec([2], { lo: -1e3, hi: 1e3 }) }, ({ x }) => B.sqrt(B.square(x!))),
  'square-sqrt': w({ x: leafSpec([2]) }, ({ x }) => B.square(B.sqrt(B.add(B.square(x!), 1)))),
  'neg-out-of-product': w({ x: leafSpec([2]), y: leafSpec([2]) }, ({ x, y }) =>
    B.mul(x!, B.neg(y!)),
  ),
  'add-of-negations': w({ x: leafSpec([2]), y: leafSpec([2]) }, ({ x, y }) =>
    B.add(B.neg(x!), B.neg(y!)),
  ),
  'neg-out-of-sum': w({ x: leafSpec([2, 3]) }, ({ x }) => B.sum(B.neg(x!), { axis: 0 })),
  'neg-sub': w({ x: leafSpec([2]), y: leafSpec([2]) }, ({ x, y }) => B.neg(B.sub(x!, y!))),
  'scalar-out-of-product': w(
    { a: leafSpec([2, 2]), s: leafSpec([]), b: leafSpec([2, 2]) },
    ({ a, s, b }) => B.mul(a!, B.mul(s!, b!)),
  ),
  'constant-product': w({ x: leafSpec([2, 2]) }, ({ x }) => B.mul(0.5, B.mul(3, x!))),
  'scalar-out-of-sum': w({ s: leafSpec([]), x: leafSpec([2, 3]) }, ({ s, x }) =>
    B.sum(B.mul(s!, x!), { axis: 1 }),
  ),
  'scalar-out-of-matmul-left': w(
    { s: leafSpec([]), a: leafSpec([2, 3]), b: leafSpec([3, 2]) },
    ({ s, a, b }) => B.matmul(B.mul(s!, a!), b!),
  ),
  'scalar-out-of-matmul-right': w(
    { s: leafSpec([]), a: leafSpec([2, 3]), b: leafSpec([3, 2]) },
    ({ s, a, b }) => B.matmul(a!, B.mul(s!, b!)),
  ),
  'scalar-out-of-transpose': w({ s: leafSpec([]), a: leafSpec([2, 3]) }, ({ s, a }) =>
    B.transpose(B.mul(s!, a!)),
  ),
  'transpose-of-matmul': w({ a: leafSpec([2, 3]), b: leafSpec([2, 3]) }, ({ a, b }) =>
    B.transpose(B.matmul(a!, B.transpose(b!))),
  ),
  'sum-of-broadcast-scalar': w({ s: leafSpec([]) }, ({ s }) => B.sum(B.broadcastTo(s!, [3, 4]))),
  'rational-normalize': w(
    {
      t: leafSpec([3]),
      y: leafSpec([3], { lo: 0, hi: 1 }),
      s: leafSpec([]),
    },
    // the sigmoid + cross-entropy chain: (s·y/a − s·(1 − y)/(1 − a))·a(1 − a) = s·(y − a), for
    // a = σ(t) (a and 1 − a are never 0, so they may cancel)
    ({ t, y, s }, a = B.sigmoid(t!)) =>
      B.mul(
        B.sub(B.div(B.mul(s!, y!), a!), B.div(B.mul(s!, B.sub(1, y!)), B.sub(1, a!))),
        B.mul(a!, B.sub(1, a!)),
      ),
  ),
};

const ctx = (n: Node): RuleContext => ({ original: n, uses: () => 1, users: () => [] });
const rules = PHASES.flatMap((phase) => phase.rules.map((rule) => ({ phase: phase.name, rule })));

function values(
  leaves: Record<string, { shape: number[]; lo: number; hi: number }>,
  u: readonly number[],
) {
  let k = 0;
  const next = (lo: number, hi: number) => lo + (hi - lo) * u[k++ % u.length]!;
  return Object.fromEntries(
    Object.entries(leaves).map(([name, s]) => {
      const size = s.shape.reduce((p, d) => p * d, 1);
      const data = Array.from({ length: size }, () => next(s.lo, s.hi));
      return [name, s.shape.length === 0 ? data[0]! : data];
    }),
  );
}

const asArray = (v: number | Float64Array) => (typeof v === 'number' ? [v] : Array.from(v));

describe('domain-restricted rules decline where their domain is not known to hold', () => {
  const x = B.input('dom_x', [2]);
  for (const [name, node] of [
    ['div-self', B.apply('div', [x, x])],
    ['exp-log', B.exp(B.log(x))],
    ['pow-pow', B.pow(B.pow(x, 1.5), 3)],
    ['square-sqrt', B.square(B.sqrt(x))],
  ] as const) {
    it(name, () => {
      const { rule } = rules.find((r) => r.rule.name === name)!;
      const b = match(rule.pattern, node);
      expect(b).toBeDefined();
      expect(rule.rewrite(b!, node as never, ctx(node))).toBeUndefined();
    });
  }
});

describe('rewrite rules preserve values', () => {
  it('every rule has a witness', () => {
    expect(rules.map(({ rule }) => rule.name).filter((name) => !WITNESSES[name])).toEqual([]);
  });

  for (const { phase, rule } of rules) {
    const witness = WITNESSES[rule.name];
    if (!witness) continue;
    it(`${phase}/${rule.name}: ${rule.algebra}`, () => {
      const { node, leaves } = witness.build(`w_${rule.name.replace(/\W/g, '_')}_`);
      expect(node.kind, 'witness must be an op node').toBe('apply');
      const b = match(rule.pattern, node);
      expect(b, `the pattern of ${rule.name} must match its witness`).toBeDefined();
      const rewritten = rule.rewrite(b!, node as never, ctx(node));
      expect(rewritten, `${rule.name} must fire on its witness`).toBeDefined();
      expect(rewritten).not.toBe(node);
      const show = () =>
        `${printGraph({ before: node })}\n--- after ---\n${printGraph({ after: rewritten! })}`;
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 16 }),
          (u) => {
            const point = values(leaves, u);
            const before = asArray(evaluate(node, point));
            const after = asArray(evaluate(rewritten!, point));
            before.forEach((x, i) => {
              const y = after[i]!;
              if (Number.isFinite(x)) {
                const scale = Math.max(1, Math.abs(x));
                expect(
                  Math.abs(y - x) / scale,
                  `${rule.name} at ${JSON.stringify(point)}\n${show()}`,
                ).toBeLessThanOrEqual(1e-9);
              } else if (witness.stabilizes) {
                expect(
                  Number.isFinite(y),
                  `${rule.name} must be finite where the original is not`,
                ).toBe(true);
              }
            });
          },
        ),
        { seed: SEED, numRuns: 150 },
      );
      if (witness.exact) {
        const [name, spec] = Object.entries(leaves)[0]!;
        for (let i = 0; i < TAILS.length; i += spec.shape[0]!) {
          const xs = Array.from(
            { length: spec.shape[0]! },
            (_, j) => TAILS[(i + j) % TAILS.length]!,
          );
          const after = asArray(evaluate(rewritten!, { [name]: xs }));
          xs.forEach((x, j) => {
            const want = witness.exact!(x);
            const got = after[j]!;
            const error = got === want ? 0 : Math.abs(got - want) / Math.abs(want);
            expect(error, `${rule.name} at ${x}: ${got}, exactly ${want}`).toBeLessThanOrEqual(
              EXACT_ULPS * 2 ** -52,
            );
          });
        }
      }
    });
  }
});
