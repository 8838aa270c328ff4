/**
 * The fuzzer's random tensor graphs: a recipe (plain data, generated and shrunk by fast-check)
 * and the builder that turns it into a graph with broadcast-compatible shapes, size-1 dims and
 * sometimes the batch dimension 'm'.
 *
 * Every op the generator applies is one entry of {@link TENSOR_OPS}: the elementwise ops come
 * from the registry by themselves (operand 0 from the pool, the others broadcast-compatible
 * partners; {@link ATTRS} and {@link GUARDS} say what an op's attributes are and how its operands
 * are kept in its domain), and each structural op has an entry saying how it is applied to a pool
 * node. A new op is one entry here; fuzz.test.ts fails for an op of the registry that has none
 * (nor a reason in {@link NOT_GENERATED}).
 */
import fc from 'fast-check';
import * as B from '../../src/builder/core.ts';
import { logSoftmax, logsumexp, softmax } from '../../src/builder/multiclass.ts';
import { GradgenError } from '../../src/errors.ts';
import { toposort } from '../../src/ir/graph.ts';
import type { Attrs, InputNode, Node } from '../../src/ir/node.ts';
import type { Dim, Shape } from '../../src/ir/shape.ts';
import type { OpDef } from '../../src/ops/define.ts';
import { OPS, type OpName } from '../../src/ops/index.ts';
import {
  BATCH,
  bit,
  broadcastAll,
  broadcastTarget,
  dimOf,
  fits,
  MAX_BATCH,
  reshapeTarget,
  subShape,
} from '../props/tensorArbitraries.ts';

// ---- recipes ------------------------------------------------------------------------------------

/** One step: an op, the pool entries it reads (the a-th / b-th most recent) and choice bits. */
export interface TensorStep {
  readonly op: string;
  readonly a: number;
  readonly b: number;
  /** Independent yes/no choices (bit k = choice k) and a small extra choice. */
  readonly bits: number;
  readonly c: number;
}

export interface TensorRecipe {
  /** Whether shapes may carry the batch dimension 'm', and the size it is bound to. */
  readonly batch: boolean;
  readonly m: number;
  /** Initial leaves, as indices into the dimension alphabet. */
  readonly leaves: readonly (readonly number[])[];
  readonly steps: readonly TensorStep[];
  /** Bit i: the i-th sink enters the cost as a mean (else as a sum). */
  readonly means: number;
  /** Seed of the leaf values and directions. */
  readonly seed: number;
  /** The intermediates are outputs too (they must then be materialized). */
  readonly expose: boolean;
  /** Second derivatives are checked too (hvp and grad of a grad). */
  readonly second: boolean;
}

// ---- the op table -------------------------------------------------------------------------------

/** The generator's view of the graph being built (see {@link Gen}). */
type Make = (g: Gen, x: Node, s: TensorStep) => Node;

/** Attribute values per op; an op not listed takes no attributes (picked by the step's `c`). */
export const ATTRS: Readonly<Partial<Record<OpName, readonly Attrs[]>>> = {
  pow: [{ k: 2 }, { k: 3 }, { k: 0.5 }, { k: 1.5 }, { k: -1 }, { k: -2 }],
  leakyRelu: [{ slope: 0.01 }, { slope: 0.2 }],
  clip: [
    { lo: -1, hi: 0.5 },
    { lo: -0.5, hi: 2 },
  ],
};

/** x² + ½, |x| + 1, e^{tanh x} or σ(x) + ½: a strictly positive operand built from x. */
function positive(x: Node, variant: number): Node {
  switch (variant % 4) {
    case 0:
      return B.add(B.square(x), 0.5);
    case 1:
      return B.add(B.abs(x), 1);
    case 2:
      return B.exp(B.tanh(x));
    default:
      return B.add(B.sigmoid(x), 0.5);
  }
}

type Guard = (operand: number, x: Node, attrs: Attrs, variant: number) => Node;

/**
 * How an op's operands are kept in its domain by construction (the safety check on every element
 * rejects the points where an unguarded operand leaves it). A quarter of the steps skip the guards,
 * so that what the rewrites look for (log σ(x), √(x²), x/x, exp(log x)) occurs too.
 */
export const GUARDS: Readonly<Partial<Record<OpName, Guard>>> = {
  log: (_i, x, _a, v) => positive(x, v),
  log1p: (_i, x, _a, v) => positive(x, v),
  expm1: (_i, x, _a, v) => (v % 2 === 0 ? B.tanh(x) : B.mul(2, B.sigmoid(x))),
  sqrt: (_i, x, _a, v) => positive(x, v),
  exp: (_i, x, _a, v) => (v % 2 === 0 ? B.tanh(x) : B.mul(2, B.sigmoid(x))),
  pow: (_i, x, attrs, v) => {
    const k = attrs.k as number;
    return Number.isInteger(k) && k >= 0 ? x : positive(x, v);
  },
  div: (i, x, _a, v) => (i !== 1 ? x : v % 3 === 2 ? B.neg(positive(x, v)) : positive(x, v)),
  where: (i, x, _a, v) => (i === 0 && v % 2 === 0 ? B.gt(x, 0.25) : x),
};

/** Every elementwise op of the registry, applied to x and partners that broadcast with it. */
function elementwiseEntry(op: OpName, arity: number): Make {
  return (g, x, s) => {
    const options = ATTRS[op] ?? [{}];
    const attrs = options[s.c % options.length]!;
    const operands = [x];
    for (let i = 1; i < arity; i++) {
      // each partner broadcasts with the operands so far (where's three)
      const joint = B.broadcastTo(x, broadcastAll(operands.map((o) => o.shape))!);
      operands.push(g.partner(i === 1 ? x : joint, s.b + i - 1, s.bits >> i, s.c + i));
    }
    if (arity === 2 && bit(s.bits, 7)) operands.reverse();
    const guard = GUARDS[op];
    const raw = (s.bits >> 5) % 4 === 3;
    const guarded = operands.map((o, i) => (guard && !raw ? guard(i, o, attrs, s.bits) : o));
    return B.apply(op, guarded, attrs);
  };
}

/** The structural ops (and broadcastTo, elementwise by kind but given a target shape). */
const STRUCTURAL: Readonly<Record<string, Make>> = {
  matmul: (g, x, s) => g.product(x, s),
  transpose: (g, x, s) => B.transpose(g.matrix(x, s.bits)),
  reshape: (_g, x, s) => B.reshape(x, reshapeTarget(x.shape, s.bits, s.c)),
  broadcastTo: (g, x, s) => B.broadcastTo(x, broadcastTarget(x.shape, s.bits, s.c, g.batch)),
  sum: (g, x, s) => B.sum(...g.reduction(x, s)),
  mean: (g, x, s) => B.mean(...g.reduction(x, s)),
  // exact ties (broadcast copies) split the gradient evenly in both modes
  reduceMax: (g, x, s) => B.reduceMax(...g.reduction(x, s)),
  reduceMin: (g, x, s) => B.reduceMin(...g.reduction(x, s)),
  // the softmax family along one axis (a scalar becomes a 1-vector); logits of any size
  softmax: (_g, x, s) => softmax(vector(x), { axis: lineAxis(x, s) }),
  logSoftmax: (_g, x, s) => logSoftmax(vector(x), { axis: lineAxis(x, s) }),
  logsumexp: (_g, x, s) => logsumexp(vector(x), { axis: lineAxis(x, s), keepdims: bit(s.bits, 7) }),
  // a window of a fixed axis (x itself when none is longer than 1), and x joined to a partner
  slice: (_g, x, s) => {
    const axes = x.shape.flatMap((d, i) => (typeof d === 'number' && d > 1 ? [i] : []));
    if (axes.length === 0) return x;
    const axis = axes[s.c % axes.length]!;
    const n = x.shape[axis] as number;
    const start = s.bits % (n - 1);
    const end = start + 1 + ((s.bits >> 3) % (n - start));
    return B.slice(x, { axis, start: bit(s.bits, 6) ? start - n : start, end });
  },
  concat: (_g, x, s) => {
    const axes = x.shape.flatMap((d, i) => (typeof d === 'number' ? [i] : []));
    if (axes.length === 0 || !fits(x.shape.map((d, i) => (i === axes[0] ? 2 * (d as number) : d))))
      return x;
    const axis = axes[s.c % axes.length]!;
    return B.concat([x, B.neg(x)], { axis });
  },
};

/** x as a tensor of rank ≥ 1 (the softmax family needs an axis). */
function vector(x: Node): Node {
  return x.shape.length === 0 ? B.reshape(x, [1]) : x;
}

/** The axis a line op runs along, negative half of the time. */
function lineAxis(x: Node, s: TensorStep): number {
  const rank = Math.max(1, x.shape.length);
  const axis = s.c % rank;
  return bit(s.bits, 5) ? axis - rank : axis;
}

/**
 * Ops of the registry the generator does not apply, and why (fuzz.test.ts checks that every other
 * op has an entry in {@link TENSOR_OPS}).
 */
export const NOT_GENERATED: Readonly<Record<string, string>> = {
  batchSize: 'built by mean over the batch axis',
  stopGradient: 'finite differences see through it, so no derivative check applies',
  customGradient: 'takes a user function',
  pad: "internal: slice's adjoint, generated through slice's gradient",
  oneHot: 'reads integer class labels (data, not a differentiable value): test/multiclass.test.ts',
  argmax: 'an index: float32 rounding can make a tie and move it (test/props/reductions.test.ts)',
  argmin: 'an index: float32 rounding can make a tie and move it (test/props/reductions.test.ts)',
};

const REGISTRY = Object.entries(OPS) as [OpName, OpDef][];

/** The elementwise ops of the registry (a new one is picked up here) and the structural entries. */
export const TENSOR_OPS: Readonly<Record<string, Make>> = {
  ...Object.fromEntries(
    REGISTRY.filter(([n, d]) => d.kind === 'elementwise' && !(n in NOT_GENERATED)).map(([n, d]) => [
      n,
      elementwiseEntry(n, d.arity),
    ]),
  ),
  ...STRUCTURAL,
};

const ELEMENTWISE_NAMES = Object.keys(TENSOR_OPS).filter((n) => !(n in STRUCTURAL));
const STRUCTURAL_NAMES = Object.keys(STRUCTURAL);

// ---- the arbitrary ------------------------------------------------------------------------------

const stepArb: fc.Arbitrary<TensorStep> = fc.record({
  // half the steps elementwise, half structural (there are far fewer structural ops)
  op: fc.oneof(fc.constantFrom(...ELEMENTWISE_NAMES), fc.constantFrom(...STRUCTURAL_NAMES)),
  a: fc.nat({ max: 7 }),
  b: fc.nat({ max: 7 }),
  bits: fc.nat({ max: 255 }),
  c: fc.nat({ max: 7 }),
});

export function tensorRecipeArb(options: { maxSteps: number }): fc.Arbitrary<TensorRecipe> {
  return fc.record({
    batch: fc.boolean(),
    m: fc.integer({ min: 1, max: MAX_BATCH }),
    leaves: fc.array(fc.array(fc.nat({ max: 3 }), { maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
    steps: fc.array(stepArb, { minLength: 1, maxLength: options.maxSteps }),
    means: fc.nat({ max: 15 }),
    seed: fc.nat({ max: 2 ** 31 - 1 }),
    expose: fc.boolean(),
    second: fc.nat({ max: 3 }).map((k) => k === 0),
  });
}

/** The fuzzer's tensor cases (`npm run fuzz` and fuzz.test.ts sample the same). */
export const tensorCaseArb = tensorRecipeArb({ maxSteps: 8 });

// ---- building -----------------------------------------------------------------------------------

/** The graph being built: a pool of nodes that later steps read, and its leaves. */
export class Gen {
  readonly pool: Node[] = [];
  readonly leaves: InputNode[] = [];
  /** 'm' may appear in new shapes once some leaf binds it. */
  batch = false;

  leaf(wanted: Shape): Node {
    // a leaf has at most one batch dimension (its length gives the batch size); a 1 instead
    // still broadcasts with whatever the leaf was meant to match
    const shape = wanted.map((d, i) => (d === BATCH && wanted.indexOf(BATCH) < i ? 1 : d));
    const node = B.input(`x${this.leaves.length}`, shape);
    this.leaves.push(node);
    if (shape.includes(BATCH)) this.batch = true;
    return node;
  }

  pick(back: number): Node {
    return this.pool[this.pool.length - 1 - (back % this.pool.length)]!;
  }

  /** An operand for x: a pool entry when it broadcasts, else a constant or a new leaf. */
  partner(x: Node, back: number, bits: number, c: number): Node {
    if (bit(bits, 0)) return B.constant([0.5, -1.5, 2, 1, 0, 3][c % 6]!);
    // never x itself: a comparison, max or min of x with x sits on its kink
    const candidate = this.pick(back);
    const joint = broadcastAll([x.shape, candidate.shape]);
    if (candidate !== x && joint && fits(joint)) return candidate;
    return this.leaf(subShape(x.shape, bits, c));
  }

  /** x as a matrix: scalars and vectors reshaped, rank ≥ 3 summed over trailing axes. */
  matrix(x: Node, bits: number): Node {
    switch (x.shape.length) {
      case 0:
        return B.reshape(x, [1, 1]);
      case 1:
        return B.reshape(x, bit(bits, 6) ? [x.shape[0]!, 1] : [1, x.shape[0]!]);
      case 2:
        return x;
      default:
        return B.sum(x, { axis: x.shape.slice(2).map((_, i) => i + 2) });
    }
  }

  /** x (as a matrix) times a pool matrix, its own transpose or a new leaf, on either side. */
  product(x: Node, s: TensorStep): Node {
    const a = this.matrix(x, s.bits);
    const [n, k] = a.shape as [Dim, Dim];
    const other = this.pick(s.b);
    const left = bit(s.bits, 4);
    const fitting = other.shape.length === 2 && other.shape[left ? 1 : 0] === (left ? n : k);
    const partner = fitting
      ? other
      : bit(s.bits, 3)
        ? B.transpose(a)
        : this.leaf(left ? [this.free(s.c, n), n] : [k, this.free(s.c, k)]);
    const [p, q] = left ? [partner, a] : [a, partner];
    return fits([p.shape[0]!, q.shape[1]!]) ? B.matmul(p, q) : B.matmul(B.transpose(a), a);
  }

  /** A dimension for a new leaf beside `fixed` (not 'm' twice). */
  free(c: number, fixed: Dim): Dim {
    const d = dimOf(c, this.batch);
    return d === BATCH && fixed === BATCH ? 2 : d;
  }

  /** A reduction's operand and options: one axis, some, all, or all listed; keepdims or not. */
  reduction(x: Node, s: TensorStep): [Node, { axis?: number | number[]; keepdims: boolean }] {
    const keepdims = bit(s.bits, 7);
    const rank = x.shape.length;
    if (rank === 0) return [x, { keepdims }];
    switch (s.c % 4) {
      case 0:
        return [x, { axis: (s.bits % rank) - (bit(s.bits, 6) ? rank : 0), keepdims }];
      case 1:
        return [x, { axis: [...Array(rank).keys()].filter((i) => bit(s.bits, i)), keepdims }];
      case 2:
        return [x, { keepdims }];
      default:
        return [
          x,
          { axis: [...Array(rank).keys()].map((i) => (bit(s.bits, i) ? i - rank : i)), keepdims },
        ];
    }
  }
}

export interface TensorGraph {
  /** The scalar cost: Σ over the sinks (nodes no later step reads) of their sum or mean. */
  readonly cost: Node;
  /** Each step's node (op nodes only, once each), in order. */
  readonly intermediates: readonly Node[];
  /** The leaves the cost reads. */
  readonly leaves: readonly InputNode[];
  /** The ops applied (the names of {@link TENSOR_OPS} entries), for the coverage check. */
  readonly ops: ReadonlySet<string>;
}

/** The graph a recipe describes; undefined when the cost reads no leaf. */
export function buildTensorGraph(recipe: TensorRecipe): TensorGraph | undefined {
  const g = new Gen();
  g.batch = recipe.batch;
  for (const dims of recipe.leaves) {
    g.pool.push(g.leaf(dims.map((d) => dimOf(d, recipe.batch))));
  }
  g.batch = g.leaves.some((l) => l.shape.includes(BATCH));
  const ops = new Set<string>();
  const intermediates: Node[] = [];
  for (const s of recipe.steps) {
    let node: Node;
    try {
      node = TENSOR_OPS[s.op]!(g, g.pick(s.a), s);
    } catch (e) {
      // constant operands folded to a value outside the domain (an unguarded log(0))
      if (e instanceof GradgenError && e.code === 'E_DOMAIN') continue;
      throw e;
    }
    ops.add(s.op);
    g.pool.push(node);
    if (node.kind === 'apply' && !intermediates.includes(node)) intermediates.push(node);
  }
  const used = new Set<Node>();
  for (const n of toposort(g.pool)) if (n.kind === 'apply') n.args.forEach((a) => used.add(a));
  const sinks = [...new Set(g.pool)].filter((n) => !used.has(n) && n.kind !== 'const');
  if (sinks.length === 0) return undefined;
  const terms = sinks.map((n, i) => (bit(recipe.means, i % 4) ? B.mean(n) : B.sum(n)));
  const cost = terms.reduce((a, b) => B.add(a, b));
  const reachable = new Set(toposort([cost]));
  const leaves = g.leaves.filter((l) => reachable.has(l));
  if (leaves.length === 0) return undefined;
  return { cost, intermediates: intermediates.filter((n) => reachable.has(n)), leaves, ops };
}
