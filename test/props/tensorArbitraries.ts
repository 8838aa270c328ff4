/**
 * Random tensor graphs for the property tests in tensorGraphs.test.ts: a recipe (plain data that
 * fast-check generates and shrinks) and the builder that turns it into a graph whose shapes are
 * broadcast-compatible and whose elementwise operands are inside their domains by construction;
 * plus the oracles those tests need — every node's value, the registry's `safe` check on every
 * element, and a first-order bound on the rounding error of a compiled evaluation.
 */
import fc from 'fast-check';
import * as B from '../../src/builder/core.ts';
import {
  binaryCrossEntropy,
  dense,
  evaluate,
  GradgenError,
  meanSquaredError,
  printGraph,
  Rng,
  type Activation,
  type ApplyNode,
  type Dim,
  type InputNode,
  type InputValues,
  type Node,
  type ParamNode,
  type Shape,
} from '../../src/index.ts';
import type { Attrs } from '../../src/ir/node.ts';
import { broadcastStrides } from '../../src/ir/interp.ts';
import { broadcastShapes } from '../../src/ir/shape.ts';
import type { ElementwiseOp, OpDef, TensorValue } from '../../src/ops/define.ts';
import { OPS, type OpName } from '../../src/ops/index.ts';
import { reductionIndex } from '../../src/ops/reduceMax.ts';

/** Distance from kinks and poles every elementwise operand must keep (`def.safe(xs, attrs, MARGIN)`). */
export const MARGIN = 1e-3;
/** Sample points where some node's value exceeds this magnitude are rejected. */
export const MAX_MAGNITUDE = 1e4;
/** The symbolic batch dimension. */
export const BATCH = 'm';
/** The largest batch size a sample binds (m is drawn from 1..MAX_BATCH). */
export const MAX_BATCH = 5;
/** Generated tensors stay at or below this many elements (counted with m = MAX_BATCH). */
const MAX_ELEMENTS = 60;
const MAX_RANK = 4;

type LeafNode = InputNode | ParamNode;

// ---- the elementwise ops of the registry ---------------------------------------------------------

const ELEMENTWISE = (Object.entries(OPS) as [OpName, OpDef][]).filter(
  (e): e is [OpName, ElementwiseOp] => e[1].kind === 'elementwise',
);
/** Ops with a `shape` attribute or a condition operand get their own actions below. */
const SPECIAL: readonly string[] = ['broadcastTo', 'where'];
/** Unary elementwise ops of the registry (a new op is picked up automatically). */
export const UNARY_OPS: readonly OpName[] = ELEMENTWISE.filter(
  ([n, d]) => d.arity === 1 && !SPECIAL.includes(n),
).map(([n]) => n);
/** Binary elementwise ops of the registry, comparisons included (they yield 0/1 masks). */
export const BINARY_OPS: readonly OpName[] = ELEMENTWISE.filter(
  ([n, d]) => d.arity === 2 && !SPECIAL.includes(n),
).map(([n]) => n);
/** The comparisons (used as `where` conditions and multiplicative masks). */
export const COMPARISONS: readonly OpName[] = BINARY_OPS.filter((n) =>
  ['gt', 'ge', 'lt', 'le', 'eq'].includes(n),
);

/** Attribute values per op; an op not listed takes no attributes. */
const ATTRS: Readonly<Partial<Record<OpName, readonly Attrs[]>>> = {
  pow: [{ k: 2 }, { k: 3 }, { k: 0.5 }, { k: 1.5 }, { k: -1 }, { k: -2 }],
  leakyRelu: [{ slope: 0.01 }, { slope: 0.2 }],
  clip: [
    { lo: -1, hi: 0.5 },
    { lo: -0.5, hi: 2 },
  ],
};

/** A strictly positive operand built from x: x² + ½, |x| + 1, e^{tanh x} or σ(x) + ½ (by `variant`). */
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

/** Keeps an operand inside the op's domain by construction (the `safe` check then does the rest). */
function guard(op: OpName, operand: number, x: Node, attrs: Attrs, variant: number): Node {
  switch (op) {
    case 'log':
    case 'sqrt':
    case 'log1p': // x > 0 > −1
      return positive(x, variant);
    case 'exp': // bounded exponent: no overflow, values stay moderate
    case 'expm1':
      return variant % 2 === 0 ? B.tanh(x) : B.mul(2, B.sigmoid(x));
    case 'pow': {
      const k = attrs.k as number;
      return Number.isInteger(k) && k >= 0 ? x : positive(x, variant);
    }
    case 'div': // divisor bounded away from 0, of either sign
      if (operand !== 1) return x;
      return variant % 3 === 2 ? B.neg(positive(x, variant)) : positive(x, variant);
    default:
      return x;
  }
}

function applyElementwise(op: OpName, operands: readonly Node[], choice: number, variant: number) {
  const options = ATTRS[op] ?? [{}];
  const attrs = options[choice % options.length]!;
  return B.apply(
    op,
    operands.map((x, i) => guard(op, i, x, attrs, variant)),
    attrs,
  );
}

// ---- recipes --------------------------------------------------------------------------------------

/** The reductions besides sum and mean (a third of the 'reduce' steps). */
export const OTHER_REDUCTIONS = ['reduceMax', 'reduceMin', 'argmax', 'argmin'] as const;

export const ACTIONS = [
  'unary',
  'binary',
  'reduce',
  'matmul',
  'transpose',
  'reshape',
  'broadcast',
  'mask',
  'dense',
  'slice',
  'concat',
] as const;
export type Action = (typeof ACTIONS)[number];

/** One step: an action, the operands it picks from the pool, and choice bits it interprets. */
export interface Step {
  readonly action: Action;
  /** Operands: the a-th / b-th most recent pool entries (modulo the pool size). */
  readonly a: number;
  readonly b: number;
  /** Which op (or axis mode, activation, …) within the action. */
  readonly op: number;
  /** Independent yes/no choices (bit k = choice k) and a small extra choice. */
  readonly bits: number;
  readonly c: number;
}

export const COSTS = ['sum', 'mean', 'mse', 'bce'] as const;
export type CostKind = (typeof COSTS)[number];

export interface Recipe {
  /** Whether leaves may carry the batch dimension 'm'. */
  readonly batch: boolean;
  /** The size m is bound to. */
  readonly m: number;
  /** Initial leaves: dims (indices into the dimension alphabet), input or param. */
  readonly leaves: readonly {
    readonly dims: readonly number[];
    readonly param: boolean;
  }[];
  readonly steps: readonly Step[];
  readonly cost: CostKind;
  /** Seed of the leaf values. */
  readonly seed: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  a: fc.nat({ max: 7 }),
  b: fc.nat({ max: 7 }),
  // uniform (fast-check's bias to small values would favour the registry's first ops)
  op: fc.noBias(fc.nat({ max: 63 })),
  bits: fc.nat({ max: 255 }),
  c: fc.nat({ max: 7 }),
});

export function recipeArb(options: { maxSteps: number }): fc.Arbitrary<Recipe> {
  return fc.record({
    batch: fc.boolean(),
    m: fc.integer({ min: 1, max: MAX_BATCH }),
    leaves: fc.array(
      fc.record({
        dims: fc.array(fc.nat({ max: 3 }), { maxLength: 3 }),
        param: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    steps: fc.array(stepArb, { minLength: 1, maxLength: options.maxSteps }),
    cost: fc.constantFrom(...COSTS),
    seed: fc.nat({ max: 2 ** 31 - 1 }),
  });
}

// ---- shapes ---------------------------------------------------------------------------------------

export const bit = (bits: number, k: number) => ((bits >> k) & 1) === 1;

function elementsAtMaxBatch(shape: Shape): number {
  return shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : MAX_BATCH), 1);
}

/** Small enough, and the batch dimension at most once (no leaf could match an (m, m) node). */
export function fits(shape: Shape): boolean {
  const batchOnce = shape.filter((d) => d === BATCH).length <= 1;
  return batchOnce && shape.length <= MAX_RANK && elementsAtMaxBatch(shape) <= MAX_ELEMENTS;
}

/** NumPy broadcasting of several shapes (gradgen's own rule), or undefined when they do not broadcast. */
export function broadcastAll(shapes: readonly Shape[]): Shape | undefined {
  try {
    return broadcastShapes(shapes, 'generator');
  } catch (e) {
    if (e instanceof GradgenError && e.code === 'E_SHAPE') return undefined;
    throw e;
  }
}

/** A shape that broadcasts against `shape` without growing it: some dims → 1, leading dims dropped. */
export function subShape(shape: Shape, bits: number, c: number): Shape {
  const drop = bit(bits, 5) ? Math.min(shape.length, c % 3) : 0;
  return shape.slice(drop).map((d, i) => (bit(bits, i + 1) ? 1 : d));
}

/** The dimension alphabet of generated shapes ('m' only where some leaf binds it). */
export function dimOf(choice: number, batch: boolean): Dim {
  const dims: Dim[] = batch ? [2, 1, 3, BATCH] : [2, 1, 3, 2];
  return dims[choice % dims.length]!;
}

function primeFactors(n: number): number[] {
  const out: number[] = [];
  for (let p = 2; n > 1; p++) {
    while (n % p === 0) {
      out.push(p);
      n /= p;
    }
  }
  return out;
}

/** Another shape with the same elements: factors regrouped, 1s inserted, 'm' moved. */
export function reshapeTarget(shape: Shape, bits: number, c: number): Shape {
  const fixed = shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
  const symbolic = shape.filter((d) => typeof d === 'string');
  const dims: Dim[] = [];
  primeFactors(fixed).forEach((f, k) => {
    if (dims.length > 0 && bit(bits, k)) dims[dims.length - 1] = (dims.at(-1) as number) * f;
    else dims.push(f);
  });
  symbolic.forEach((s, j) => dims.splice((c + j) % (dims.length + 1), 0, s));
  if (bit(bits, 6)) dims.splice(c % (dims.length + 1), 0, 1);
  if (dims.length === 0 && bit(bits, 7)) dims.push(1);
  if (dims.length > MAX_RANK) return [...(fixed > 1 ? [fixed] : []), ...symbolic];
  return dims;
}

/** `shape` with some size-1 dims widened and maybe a new leading dim. */
export function broadcastTarget(shape: Shape, bits: number, c: number, batch: boolean): Shape {
  const widened = shape.map((d, i) => (d === 1 && bit(bits, i) ? dimOf(c + i, batch) : d));
  const target = bit(bits, 5) ? [dimOf(c + 3, batch), ...widened] : widened;
  return fits(target) ? target : shape;
}

// ---- building a graph -----------------------------------------------------------------------------

export interface LeafInfo {
  readonly node: LeafNode;
  /** Labels take values in (0, 1); everything else in (−2, 2). */
  readonly label: boolean;
}

export interface BuiltGraph {
  readonly cost: Node;
  /** Every step's value (deduplicated, op nodes only), in order: compared as outputs too. */
  readonly intermediates: readonly Node[];
  /** The leaves the cost depends on. */
  readonly leaves: readonly LeafInfo[];
  /** What the graph contains, for the coverage check (`sum.axes`, `keepdims.all`, op names…). */
  readonly features: ReadonlySet<string>;
}

class GraphBuilder {
  readonly pool: Node[] = [];
  readonly leaves: LeafInfo[] = [];
  readonly features = new Set<string>();
  /** Whether 'm' may appear in new shapes: an initial leaf (always part of the cost) binds it. */
  batch = false;
  private counter = 0;

  /** `prefix` renames every leaf (the optimizer must not care what leaves are called). */
  constructor(private readonly prefix = '') {}

  leaf(shape: Shape, param: boolean, label = false): Node {
    // Unique names within a graph (a counter); across graphs the same name and shape is the same
    // interned leaf, which is harmless.
    const name = `${this.prefix}${label ? 'y' : param ? 'w' : 'x'}${this.counter++}`;
    const node = param ? B.param(name, shape) : B.input(name, shape);
    this.leaves.push({ node, label });
    if (shape.includes(BATCH)) this.features.add('batch');
    return node;
  }

  /** A dimension for a new leaf beside `other`: not the batch dimension twice. */
  freeDim(choice: number, other: Dim): Dim {
    const d = dimOf(choice, this.batch);
    return d === BATCH && other === BATCH ? 2 : d;
  }

  pick(back: number): Node {
    return this.pool[this.pool.length - 1 - (back % this.pool.length)]!;
  }

  /** An operand to combine with x: a pool entry when it broadcasts, else a constant or a new leaf. */
  partner(x: Node, back: number, bits: number, c: number): Node {
    if (bit(bits, 0)) return B.constant([0.5, -1.5, 2, 1, 0, 3][c % 6]!);
    // never x itself: comparisons, max and min of x with x sit exactly on their kink
    const candidate = this.pick(back);
    const joint = broadcastAll([x.shape, candidate.shape]);
    if (candidate !== x && joint && fits(joint)) return candidate;
    return this.leaf(subShape(x.shape, bits, c), bit(bits, 4));
  }

  /** x as a matrix: scalars and vectors reshaped, rank ≥ 3 summed over leading axes. */
  matrix(x: Node, bits: number): Node {
    switch (x.shape.length) {
      case 0:
        return B.reshape(x, [1, 1]);
      case 1:
        return B.reshape(x, bit(bits, 6) ? [x.shape[0]!, 1] : [1, x.shape[0]!]);
      case 2:
        return x;
      default:
        return B.sum(x, { axis: x.shape.slice(2).map((_, i) => i) });
    }
  }

  /** matmul, noting a contraction over the batch dimension (Σ over examples, as in dW = dZ·Xᵀ). */
  product([a, b]: [Node, Node]): Node {
    if (a.shape[1] === BATCH) this.features.add('matmul.overBatch');
    return B.matmul(a, b);
  }

  /**
   * A window of x along one axis (negative axis, start and end by choice bits); along 'm' one
   * that fits every batch size drawn (m ≥ 1): the first column, the last, or all of them.
   */
  slice(x: Node, s: Step): Node {
    const t = x.shape.length === 0 ? B.reshape(x, [1]) : x;
    const rank = t.shape.length;
    const axis = s.c % rank;
    const dim = t.shape[axis]!;
    const axisOption = bit(s.bits, 7) ? axis - rank : axis;
    if (typeof dim === 'string') {
      this.features.add('slice.batch');
      const windows = [{ start: 0, end: 1 }, { start: -1 }, {}];
      return B.slice(t, { axis: axisOption, ...windows[s.op % windows.length]! });
    }
    const start = s.op % dim;
    const end = start + 1 + ((s.op >> 3) % (dim - start));
    const fromEnd = bit(s.bits, 6);
    if (fromEnd) this.features.add('slice.fromEnd');
    this.features.add('slice');
    return B.slice(t, {
      axis: axisOption,
      start: fromEnd ? start - dim : start,
      // (from the end, `end: 0` would be empty: the end is left out instead)
      ...(end === dim && (fromEnd || bit(s.bits, 5)) ? {} : { end: fromEnd ? end - dim : end }),
    });
  }

  /**
   * x joined with a pool entry that matches it but along the axis, x itself, or a new leaf,
   * along a fixed axis (sometimes three operands); along 'm' x alone (a sum of lengths with m
   * in it is not a shape).
   */
  concat(x: Node, s: Step): Node {
    const t = x.shape.length === 0 ? B.reshape(x, [1]) : x;
    const rank = t.shape.length;
    const fixed = [...Array(rank).keys()].filter((k) => typeof t.shape[k] === 'number');
    if (fixed.length === 0) return B.concat([t], { axis: 0 });
    const axis = fixed[s.c % fixed.length]!;
    const matches = (y: Node) =>
      y.shape.length === rank &&
      typeof y.shape[axis] === 'number' &&
      y.shape.every((d, k) => k === axis || d === t.shape[k]);
    const candidate = this.pick(s.b);
    const other = bit(s.bits, 0)
      ? t
      : matches(candidate)
        ? candidate
        : this.leaf(
            t.shape.map((d, k) => (k === axis ? 1 + (s.op % 2) : d)),
            bit(s.bits, 4),
          );
    const operands = bit(s.bits, 1) ? [t, other, t] : bit(s.bits, 2) ? [other, t] : [t, other];
    const joined = operands.reduce((p, y) => p + (y.shape[axis] as number), 0);
    if (!fits(t.shape.map((d, k) => (k === axis ? joined : d)))) return t;
    this.features.add(operands.length === 3 ? 'concat.three' : 'concat');
    return B.concat(operands, { axis: bit(s.bits, 7) ? axis - rank : axis });
  }

  step(s: Step): Node {
    const x = this.pick(s.a);
    switch (s.action) {
      case 'unary': {
        const op = UNARY_OPS[s.op % UNARY_OPS.length]!;
        this.features.add(op);
        return applyElementwise(op, [x], s.c, s.bits);
      }
      case 'binary': {
        const op = BINARY_OPS[s.op % BINARY_OPS.length]!;
        this.features.add(op);
        const y = this.partner(x, s.b, s.bits, s.c);
        return applyElementwise(op, bit(s.bits, 7) ? [y, x] : [x, y], s.c, s.bits >> 3);
      }
      case 'mask': {
        const cmp = COMPARISONS[s.op % COMPARISONS.length]!;
        const cond = B.apply(cmp, [x, this.partner(x, s.b, s.bits, s.c)]);
        this.features.add(cmp);
        const z = this.partner(x, s.b + 1, s.bits >> 1, s.c + 1);
        if (!broadcastAll([cond.shape, z.shape, x.shape])) return cond;
        if (bit(s.bits, 6)) return B.mul(cond, z);
        this.features.add('where');
        return B.where(cond, x, z);
      }
      case 'reduce': {
        const keepdims = bit(s.bits, 7);
        const mode = s.op % 4;
        const mean = bit(s.bits, 5);
        const other = OTHER_REDUCTIONS[Math.floor(s.op / 4) % (3 * OTHER_REDUCTIONS.length)];
        if (x.shape.length === 0 && mode === 2) {
          this.features.add(`${mean ? 'mean' : 'sum'}.scalar`); // a rank-0 tensor, reduced
          return mean ? B.mean(x) : B.sum(x);
        }
        if (other) {
          // max, min, argmax, argmin over the same axis choices (every axis for mode 2)
          this.features.add(other);
          const t = x.shape.length === 0 ? B.reshape(x, [1]) : x;
          const rank = t.shape.length;
          const axis =
            mode === 2 ? undefined : [...Array(rank).keys()].filter((i) => bit(s.bits, i));
          return B[other](t, { axis: mode === 0 ? (s.c % rank) - rank : axis, keepdims });
        }
        const t = x.shape.length === 0 ? B.reshape(x, [1]) : x;
        const rank = t.shape.length;
        let axis: number | number[] | undefined;
        if (mode === 0) axis = (s.c % rank) - (bit(s.bits, 6) ? rank : 0);
        else if (mode === 1) axis = [...Array(rank).keys()].filter((i) => bit(s.bits, i));
        else if (mode === 3)
          axis = [...Array(rank).keys()].map((i) => (bit(s.bits, i) ? i - rank : i));
        const modeName = ['axis', 'axes', 'all', 'allListed'][mode]!;
        this.features.add(`${mean ? 'mean' : 'sum'}.${modeName}`);
        if (keepdims) this.features.add(`keepdims.${modeName}`);
        const options = { axis, keepdims };
        return mean ? B.mean(t, options) : B.sum(t, options);
      }
      case 'matmul': {
        const a = this.matrix(x, s.bits);
        const [n, k] = a.shape as [Dim, Dim];
        // the Gram matrix aᵀ·a, or a·aᵀ when aᵀ·a would be (m, m)
        const gram: [Node, Node] = k === BATCH ? [a, B.transpose(a)] : [B.transpose(a), a];
        const candidate = this.pick(s.b);
        this.features.add('matmul');
        if (bit(s.bits, 4)) {
          // left multiplication (d, n) @ a: by a pool matrix, by aᵀ (a Gram matrix) or a new leaf
          const left =
            candidate.shape.length === 2 && candidate.shape[1] === n
              ? candidate
              : bit(s.bits, 3)
                ? B.transpose(a)
                : this.leaf([this.freeDim(s.c, n), n], bit(s.bits, 5));
          return this.product(fits([left.shape[0]!, k]) ? [left, a] : gram);
        }
        const right =
          candidate.shape.length === 2 && candidate.shape[0] === k
            ? candidate
            : bit(s.bits, 3)
              ? B.transpose(a)
              : this.leaf([k, this.freeDim(s.c, k)], bit(s.bits, 5));
        return this.product(fits([n, right.shape[1]!]) ? [a, right] : gram);
      }
      case 'transpose':
        this.features.add('transpose');
        return B.transpose(this.matrix(x, s.bits));
      case 'reshape': {
        const target = reshapeTarget(x.shape, s.bits, s.c);
        this.features.add(target.length === 0 ? 'reshape.toScalar' : 'reshape');
        return B.reshape(x, target);
      }
      case 'broadcast': {
        const target = broadcastTarget(x.shape, s.bits, s.c, this.batch);
        this.features.add('broadcastTo');
        return B.broadcastTo(x, target);
      }
      case 'slice':
        return this.slice(x, s);
      case 'concat':
        return this.concat(x, s);
      case 'dense': {
        const a = this.matrix(x, s.bits);
        const h = dimOf(s.c, false);
        const W = this.leaf([h, a.shape[0]!], true);
        const b = this.leaf([h, 1], true);
        const activations: Activation[] = ['linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu'];
        this.features.add('dense');
        return dense(a, W, b, activations[s.op % activations.length]!);
      }
    }
  }
}

/** The graph a recipe describes. */
/** `nameOf(i)`: the name given (with `named`) to the i-th intermediate as it is built, if any. */
export function buildGraph(
  recipe: Recipe,
  nameOf: (i: number) => string | undefined = () => undefined,
  prefix = '',
): BuiltGraph {
  const g = new GraphBuilder(prefix);
  for (const l of recipe.leaves) {
    const shape: Dim[] = [];
    for (const d of l.dims) {
      const dim = dimOf(d, recipe.batch);
      shape.push(dim === BATCH && shape.includes(BATCH) ? 2 : dim);
    }
    g.pool.push(g.leaf(shape, l.param));
    if (shape.includes(BATCH)) g.batch = true;
  }
  const intermediates: Node[] = [];
  for (const s of recipe.steps) {
    const built = g.step(s);
    const name = built.kind === 'apply' ? nameOf(intermediates.length) : undefined;
    const node = name === undefined ? built : B.named(built, name);
    g.pool.push(node);
    if (node.kind === 'apply' && !intermediates.includes(node)) intermediates.push(node);
  }
  // Every pool entry that no later entry uses (a sink) goes into the cost, so every step matters.
  const used = new Set<Node>();
  for (const n of toposort(g.pool)) if (n.kind === 'apply') n.args.forEach((a) => used.add(a));
  const sinks = [...new Set(g.pool)].filter((n) => !used.has(n)).reverse();
  const [main, ...rest] = sinks as [Node, ...Node[]];
  let head: Node;
  // a label leaf cannot have main's shape when that holds 'm' twice (a Gram matrix XᵀX): a leaf
  // has at most one batch dimension
  const labelled = main.shape.filter((d) => d === BATCH).length <= 1;
  const costKind = labelled || recipe.cost === 'mean' ? recipe.cost : 'sum';
  switch (costKind) {
    case 'sum':
      head = B.sum(main);
      break;
    case 'mean':
      head = B.mean(main);
      break;
    case 'mse':
      head = meanSquaredError(main, g.leaf(main.shape, false, true));
      break;
    case 'bce':
      head = binaryCrossEntropy(B.sigmoid(main), g.leaf(main.shape, false, true));
      break;
  }
  g.features.add(`cost.${costKind}`);
  const cost = rest.reduce((acc, n) => B.add(acc, B.sum(n)), head);
  const reachable = new Set(toposort([cost]));
  return {
    cost,
    intermediates,
    leaves: g.leaves.filter((l) => reachable.has(l.node)),
    features: g.features,
  };
}

// ---- values ---------------------------------------------------------------------------------------

export function concreteShape(shape: Shape, m: number): number[] {
  return shape.map((d) => (typeof d === 'number' ? d : m));
}

function concreteSize(shape: Shape, m: number): number {
  return concreteShape(shape, m).reduce((p, d) => p * d, 1);
}

/** Leaf values for batch size m from a seed: labels uniform in (0, 1), the rest in (−2, 2). */
export function leafValues(leaves: readonly LeafInfo[], m: number, seed: number): InputValues {
  const rng = new Rng(seed);
  const values: Record<string, number | Float64Array> = {};
  for (const { node, label } of leaves) {
    const draw = () => (label ? rng.uniform() : 4 * rng.uniform() - 2);
    values[node.name] =
      node.shape.length === 0
        ? draw()
        : Float64Array.from({ length: concreteSize(node.shape, m) }, draw);
  }
  return values;
}

/** The same values rounded to float32 (so a float32 module reads them exactly). */
export function roundedToFloat32(values: InputValues): InputValues {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === 'number'
        ? Math.fround(v)
        : Float64Array.from(v as ArrayLike<number>, (x) => Math.fround(x)),
    ]),
  );
}

/** Every node behind `roots`, operands first. */
export function toposort(roots: readonly Node[]): Node[] {
  const order: Node[] = [];
  const seen = new Set<Node>();
  const visit = (n: Node) => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'apply') n.args.forEach(visit);
    order.push(n);
  };
  roots.forEach(visit);
  return order;
}

/** The value of every node behind `roots`, operands first (by the reference interpreter). */
export function allValues(
  roots: readonly Node[],
  values: InputValues,
  m: number,
): Map<Node, TensorValue> {
  const nodes = toposort(roots);
  const ops = nodes.filter((n): n is ApplyNode => n.kind === 'apply');
  const key = new Map(ops.map((n, i) => [n as Node, `n${i}`]));
  const out = evaluate(Object.fromEntries(ops.map((n) => [key.get(n)!, n])), values);
  const result = new Map<Node, TensorValue>();
  for (const n of nodes) {
    let data: Float64Array;
    if (n.kind === 'apply') {
      const v = out[key.get(n)!]!;
      data = typeof v === 'number' ? Float64Array.of(v) : v;
    } else if (n.kind === 'const') {
      data = new Float64Array(concreteSize(n.shape, m)).fill(n.value);
    } else {
      const v = values[n.name]!;
      data = typeof v === 'number' ? Float64Array.of(v) : Float64Array.from(v as ArrayLike<number>);
    }
    result.set(n, { shape: concreteShape(n.shape, m), data });
  }
  return result;
}

/** For each element of `shape` (row-major), the flat index into each operand (NumPy broadcasting). */
function broadcastIndex(operands: readonly (readonly number[])[], shape: readonly number[]) {
  const strides = operands.map((from) => broadcastStrides(from, shape));
  const size = shape.reduce((p, d) => p * d, 1);
  const index: number[][] = [];
  for (let k = 0; k < size; k++) {
    let rem = k;
    const at = new Array<number>(operands.length).fill(0);
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      const i = rem % shape[axis]!;
      rem = Math.floor(rem / shape[axis]!);
      strides.forEach((s, j) => (at[j]! += i * s[axis]!));
    }
    index.push(at);
  }
  return index;
}

/** The nodes among `values` (operands first) whose value depends on `leaf`, `leaf` included. */
export function dependents(values: ReadonlyMap<Node, TensorValue>, leaf: Node): Set<Node> {
  const out = new Set<Node>([leaf]);
  for (const n of values.keys()) {
    if (n.kind === 'apply' && n.args.some((a) => out.has(a))) out.add(n);
  }
  return out;
}

/** Two elements reduced into one result that differ by less than MARGIN (but are not equal). */
function nearTieOf(x: TensorValue, attrs: Attrs): string | undefined {
  const { out } = reductionIndex(x, attrs);
  const groups = new Map<number, number[]>();
  x.data.forEach((v, k) => groups.set(out[k]!, [...(groups.get(out[k]!) ?? []), v]));
  for (const vs of groups.values()) {
    const sorted = [...vs].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i]! - sorted[i - 1]!;
      if (gap > 0 && gap <= MARGIN) return `${sorted[i - 1]} and ${sorted[i]} nearly tie`;
    }
  }
  return undefined;
}

/**
 * Why the point is rejected, or undefined when it is fine: every value must be finite with
 * magnitude at most MAX_MAGNITUDE, and every elementwise node `safe` (margin MARGIN) at every
 * element — inside its domain and away from kinks and poles.
 */
export function unsafeReason(values: ReadonlyMap<Node, TensorValue>): string | undefined {
  for (const [n, t] of values) {
    for (const v of t.data) {
      if (!(Math.abs(v) <= MAX_MAGNITUDE)) return `a value is ${v}`;
    }
    if (n.kind !== 'apply') continue;
    if ((OTHER_REDUCTIONS as readonly string[]).includes(n.op)) {
      const nearTie = nearTieOf(values.get(n.args[0]!)!, n.attrs);
      if (nearTie) return `${n.op}: ${nearTie}`;
      continue;
    }
    const def = OPS[n.op as OpName] as OpDef;
    if (def.kind !== 'elementwise') continue;
    const args = n.args.map((a) => values.get(a)!);
    const index = broadcastIndex(
      args.map((a) => a.shape),
      t.shape,
    );
    for (const at of index) {
      const xs = at.map((o, j) => args[j]!.data[o]!);
      if (!def.safe(xs, n.attrs, MARGIN)) return `${n.op}(${xs.join(', ')}) is not safe`;
    }
  }
  return undefined;
}

// ---- rounding-error bounds ------------------------------------------------------------------------

export interface RoundingModel {
  /** Unit roundoff of typed-array storage (2⁻⁵³ for float64 modules, 2⁻²⁴ for float32). */
  readonly storage: number;
  /** Relative error of one elementwise evaluation in float64 (a few ulps of the result). */
  readonly arithmetic: number;
  /** Relative error already in the leaf values. */
  readonly leaves: number;
  /**
   * Which nodes commit rounding errors (default: all). Errors committed where a perturbation of
   * some input does not reach are identical at θ + ε and θ − ε, so they cancel (to first order)
   * in a finite difference along that input.
   */
  readonly commits?: (n: Node) => boolean;
  /**
   * Scalars are rounded to storage precision too (default: only tensors are stored): the
   * optimizer may compute a scalar's value in a typed array (x + reshape(y, []) as a (1) tensor).
   */
  readonly scalarsStored?: boolean;
}

export const FLOAT64_UNIT = 2 ** -53;
export const FLOAT32_UNIT = 2 ** -24;

function sumsAll(n: ApplyNode): boolean {
  const axis = n.attrs.axis as readonly number[] | null;
  return axis === null || axis.length === n.args[0]!.shape.length;
}

/**
 * A first-order bound on each element's absolute rounding error when a compiled module evaluates
 * the graph (running error analysis, propagated forward in absolute values, so it can only
 * overestimate): an elementwise op passes on Σⱼ |∂f/∂xⱼ|·errⱼ (partials by central differences of
 * the op's `scalar` semantics, with steps far below MARGIN, so no kink is crossed) and adds its own
 * rounding; matmul passes on |A|·errB + errA·|B| and adds k roundings of its accumulator; a sum
 * adds one rounding per accumulated term (a total sum is compensated: about one rounding);
 * transpose, reshape and broadcasting move errors around. Typed-array results are rounded to
 * storage precision.
 */
export function roundingErrors(
  values: ReadonlyMap<Node, TensorValue>,
  model: RoundingModel,
): Map<Node, Float64Array> {
  const abs = (t: TensorValue): TensorValue => ({ shape: t.shape, data: t.data.map(Math.abs) });
  const err = new Map<Node, Float64Array>();
  const errOf = (n: Node): TensorValue => ({ shape: values.get(n)!.shape, data: err.get(n)! });
  const addScaled = (into: Float64Array, from: ArrayLike<number>, scale: number) => {
    for (let i = 0; i < into.length; i++) into[i]! += scale * from[i]!;
  };
  for (const [n, t] of values) {
    // a typed array (rounded to the dtype), else a float64 local
    const stored = n.shape.length > 0 || model.scalarsStored === true;
    const commits = model.commits?.(n) ?? true;
    if (n.kind === 'input' || n.kind === 'param' || n.kind === 'const') {
      const u = n.kind === 'const' ? (stored ? model.storage : 0) : model.leaves;
      err.set(
        n,
        t.data.map((v) => (commits ? u * Math.abs(v) : 0)),
      );
      continue;
    }
    const def = OPS[n.op as OpName] as OpDef;
    const args = n.args.map((a) => values.get(a)!);
    const out = new Float64Array(t.data.length);
    const dims = {}; // only batchSize reads the bindings, and it is handled here
    const accumulator = commits ? (stored ? model.storage : model.arithmetic) : 0;
    const arithmetic = commits ? model.arithmetic : 0;
    if (def.kind === 'elementwise') {
      const index = broadcastIndex(
        args.map((a) => a.shape),
        t.shape,
      );
      index.forEach((at, k) => {
        const xs = at.map((o, j) => args[j]!.data[o]!);
        let e = arithmetic * Math.abs(t.data[k]!);
        xs.forEach((x, j) => {
          const h = Math.min(1e-6 * Math.max(1, Math.abs(x)), MARGIN / 100);
          const f = (d: number) =>
            def.scalar(
              xs.map((v, i) => (i === j ? v + d : v)),
              n.attrs,
            );
          const d = err.get(n.args[j]!)![at[j]!]!;
          // first order, or the secant over the error itself where that is larger (x² at x = 0:
          // an error δ gives δ², which a derivative of 0 would miss)
          const secant = Math.max(Math.abs(f(d) - f(0)), Math.abs(f(-d) - f(0)));
          const first = (Math.abs(f(h) - f(-h)) / (2 * h)) * d;
          e += d > 0 && d < MARGIN && Number.isFinite(secant) ? Math.max(first, secant) : first;
        });
        out[k] = e;
      });
    } else {
      switch (n.op) {
        case 'matmul': {
          const [A, Bm] = args.map(abs) as [TensorValue, TensorValue];
          const [eA, eB] = n.args.map(errOf) as [TensorValue, TensorValue];
          const product = (x: TensorValue, y: TensorValue) =>
            def.eval([x, y], n.attrs, t.shape, dims);
          addScaled(out, product(A, eB), 1);
          addScaled(out, product(eA, Bm), 1);
          addScaled(out, product(eA, eB), 1);
          // k roundings of the accumulator, each at most u·Σ|a||b|
          addScaled(out, product(A, Bm), args[0]!.shape[1]! * accumulator);
          break;
        }
        case 'sum': {
          const [x] = args as [TensorValue];
          addScaled(out, def.eval([errOf(n.args[0]!)], n.attrs, t.shape, dims), 1);
          if (sumsAll(n)) {
            out[0]! += 2 * arithmetic * Math.abs(t.data[0]!); // compensated, in a local
          } else {
            // one rounding per accumulated term, each at most u·Σ|x|
            const terms = x.data.length / t.data.length;
            addScaled(out, def.eval([abs(x)], n.attrs, t.shape, dims), terms * accumulator);
          }
          break;
        }
        case 'transpose':
        case 'reshape':
        case 'slice':
        case 'pad':
        case 'concat':
          // they move values (pad adds exact zeros): the errors move with them
          out.set(def.eval(n.args.map(errOf), n.attrs, t.shape, dims));
          break;
        case 'stopGradient':
          out.set(def.eval([errOf(n.args[0]!)], n.attrs, t.shape, dims));
          break;
        case 'reduceMax':
        case 'reduceMin':
          // the chosen element's error, at most the largest in its group (no rounding of its own)
          out.set(OPS.reduceMax.eval([errOf(n.args[0]!)], n.attrs, t.shape, dims));
          break;
        case 'argmax':
        case 'argmin':
          break; // an exact position (no near ties at a safe point)
        case 'softmax':
        case 'logSoftmax':
        case 'logsumexp':
          lineErrors(n, values.get(n.args[0]!)!, t, err.get(n.args[0]!)!, arithmetic, out);
          break;
        case 'batchSize':
          break;
        default:
          throw new Error(`roundingErrors: no error model for structural op '${n.op}'`);
      }
    }
    const aliases = n.op === 'reshape' && n.args[0]!.shape.length > 0;
    if (commits && stored && !aliases) {
      addScaled(out, t.data.map(Math.abs), model.storage);
      // and underflow: a value below the storage type's smallest subnormal is stored as 0
      const floor = model.storage >= FLOAT32_UNIT ? 2 ** -149 : 2 ** -1074;
      for (let i = 0; i < out.length; i++) out[i]! += floor;
    }
    err.set(n, out);
  }
  return err;
}

/**
 * The softmax family along a line of n elements, first order: an operand error δ moves
 * softmax_k by at most A_k·2·max δ, logSoftmax_k and logsumexp by at most 2·max δ; each adds
 * (n + 4) roundings of its value's scale (the max-shift, n exps and a sum, a log1p, a division or
 * a subtraction), for logSoftmax and logsumexp of the shifted terms' scale |x − M| + log n too.
 */
function lineErrors(
  n: ApplyNode,
  x: TensorValue,
  t: TensorValue,
  eIn: Float64Array,
  u: number,
  out: Float64Array,
): void {
  const axis = n.attrs.axis as number;
  const len = x.shape[axis]!;
  const stride = x.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const lines = x.data.length / len;
  for (let o = 0; o < lines; o++) {
    const base = Math.floor(o / stride) * len * stride + (o % stride);
    let delta = 0;
    let spread = 0;
    for (let k = 0; k < len; k++) delta = Math.max(delta, eIn[base + k * stride]!);
    for (let k = 0; k < len; k++) {
      for (let j = 0; j < len; j++) {
        spread = Math.max(
          spread,
          Math.abs(x.data[base + k * stride]! - x.data[base + j * stride]!),
        );
      }
    }
    const rounding = (len + 4) * u;
    if (n.op === 'logsumexp') {
      out[o] = 2 * delta + rounding * (Math.abs(t.data[o]!) + spread + Math.log(len));
      continue;
    }
    for (let k = 0; k < len; k++) {
      const i = base + k * stride;
      const v = Math.abs(t.data[i]!);
      out[i] =
        n.op === 'softmax'
          ? v * (2 * delta + rounding)
          : 2 * delta + rounding * (v + spread + Math.log(len));
    }
  }
}

// ---- reporting ------------------------------------------------------------------------------------

/** max |a − b| / max(1, max |b|): 0 for identical values; ∞ when shapes differ or a NaN appears. */
export function scaledDifference(
  a: number | ArrayLike<number>,
  b: number | ArrayLike<number>,
): number {
  const xs = typeof a === 'number' ? [a] : a;
  const ys = typeof b === 'number' ? [b] : b;
  if (xs.length !== ys.length) return Infinity;
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < ys.length; i++) {
    const d = Math.abs(xs[i]! - ys[i]!);
    if (Number.isNaN(d)) return Infinity;
    diff = Math.max(diff, d);
    scale = Math.max(scale, Math.abs(ys[i]!));
  }
  return diff / scale;
}

/** The graph listing and the sample point, for assertion messages. */
export function describeSample(
  outputs: Readonly<Record<string, Node>>,
  m: number,
  values: InputValues,
): string {
  const shown = Object.entries(values)
    .map(([k, v]) => {
      const xs = typeof v === 'number' ? [v] : Array.from(v as ArrayLike<number>);
      return `  ${k} = [${xs.map((x) => x.toPrecision(17)).join(', ')}]`;
    })
    .join('\n');
  return `--- graph (m = ${m}) ---\n${printGraph(outputs)}\n--- point ---\n${shown}`;
}
