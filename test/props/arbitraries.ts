/**
 * Shared generators and oracles for the scalar property tests: per-op sample points and
 * attributes taken from the OPS registry, random scalar DAGs that are valid by construction, the
 * safety check that keeps sample points away from kinks and poles, and a rounding-error estimate
 * that tells when a finite difference cannot resolve a derivative to the precision asked for.
 */
import fc from 'fast-check';
import * as B from '../../src/builder/core.ts';
import { GradgenError } from '../../src/errors.ts';
import { leavesOf, toposort } from '../../src/ir/graph.ts';
import { run } from '../../src/ir/interp.ts';
import type { Attrs, AttrValue, InputNode, Node } from '../../src/ir/node.ts';
import { formula, printGraph } from '../../src/ir/print.ts';
import type { ElementwiseOp, OpDef } from '../../src/ops/define.ts';
import { OPS, type OpName } from '../../src/ops/index.ts';

/** Distance from kinks and poles every sampled operand must keep: `def.safe(xs, attrs, MARGIN)`. */
export const MARGIN = 1e-3;
/** Sample points whose intermediate values exceed this magnitude are rejected. */
export const MAX_MAGNITUDE = 1e6;
/**
 * The relative rounding error of one op's result: 1 ulp, 2⁻⁵² (basic arithmetic rounds to ½ ulp;
 * Math.exp, Math.tanh, … are accurate to about 1 ulp).
 */
export const ROUNDING = 2 ** -52;
/** The absolute error an op can add on top when its result is subnormal: 1 ulp there, 2⁻¹⁰⁷⁴. */
export const UNDERFLOW = Number.MIN_VALUE;

const isElementwise = (def: OpDef): def is ElementwiseOp => def.kind === 'elementwise';

/** The registry entry of an elementwise op (the scalar pipeline has no others). */
export function elementwiseDef(op: string): ElementwiseOp {
  const def = (OPS as Record<string, OpDef>)[op];
  if (!def || !isElementwise(def)) throw new Error(`test: '${op}' is not an elementwise op`);
  return def;
}

/** Every elementwise op in the registry, by name (a new op is picked up here automatically). */
export const ELEMENTWISE_OPS: readonly (readonly [OpName, ElementwiseOp])[] = (
  Object.entries(OPS) as [OpName, OpDef][]
).filter((entry): entry is [OpName, ElementwiseOp] => isElementwise(entry[1]));

/** The elementwise ops that are infinitely differentiable on their safe domain. */
export const SMOOTH_OPS: readonly OpName[] = ELEMENTWISE_OPS.filter(([, d]) => d.smooth).map(
  ([name]) => name,
);

/**
 * Values the property tests use for each op attribute; an op not listed takes no attributes. Only
 * scalar-pipeline values: `broadcastTo` broadcasts a scalar to the scalar shape.
 */
export const ATTR_CHOICES: Readonly<
  Record<string, Readonly<Record<string, readonly AttrValue[]>>>
> = {
  pow: { k: [-2, -1, 0.5, 1.5, 2, 3] },
  leakyRelu: { slope: [0.01, 0.2] },
  // every lo ≤ every hi: the picks are independent
  clip: { lo: [-1, -0.5], hi: [0.5, 2] },
  broadcastTo: { shape: [[]] },
};

/** The attributes of `op` from the `choice`-th value of each attribute's list (wrapping around). */
export function attrsFor(op: OpName, choice: number): Attrs {
  const choices = ATTR_CHOICES[op] ?? {};
  return Object.fromEntries(
    Object.entries(choices).map(([key, values]) => [key, values[choice % values.length]!]),
  );
}

/** Every attribute combination of `op` is reachable: one independent pick per attribute. */
export function attrsArb(op: OpName): fc.Arbitrary<Attrs> {
  const choices = ATTR_CHOICES[op] ?? {};
  return fc.record(
    Object.fromEntries(
      Object.entries(choices).map(([key, values]) => [key, fc.constantFrom(...values)]),
    ),
  ) as fc.Arbitrary<Attrs>;
}

/**
 * The operand indices to which `op`'s vjp sends a gradient (non-null), found by calling the vjp on
 * probe inputs. Comparisons and `sign` give none; `where` gives its two branches.
 */
export function gradientOperands(op: OpName): number[] {
  const def = elementwiseDef(op);
  const attrs = attrsFor(op, 0);
  const args = Array.from({ length: def.arity }, (_, i) => B.input(`vjpProbe${i}`));
  const out = B.apply(op, args, attrs);
  const g = B.input('vjpProbeAdjoint');
  const contributions = def.vjp({ args, out, g, attrs, needs: args.map(() => true), b: B });
  return contributions.flatMap((c, i) => (c === null ? [] : [i]));
}

/**
 * A real in [min, max]: mostly uniform (fc.double alone spreads over the float *encodings*, so
 * most of its values would be tiny, e.g. 1e-200), sometimes fc.double's own picks (the bounds, 0,
 * ±tiny).
 */
export function realIn(min: number, max: number): fc.Arbitrary<number> {
  const steps = 2 ** 40;
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .noBias(fc.integer({ min: 0, max: steps }))
        .map((i) => min + ((max - min) * i) / steps),
    },
    { weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
  );
}

/** A point for `def`: one value per operand, from the op's own sample ranges. */
export function opPointArb(def: ElementwiseOp): fc.Arbitrary<number[]> {
  return fc.tuple(...def.sample.map(([min, max]) => realIn(min, max)));
}

// ---- random scalar DAGs -------------------------------------------------------------------------

/** An operand of a DAG step: the `back`-th most recent node of the pool, or a small constant. */
export type OperandChoice = { readonly back: number } | { readonly value: number };

export interface DagStep {
  readonly op: OpName;
  /** One choice per possible operand; only the first `arity` are used. */
  readonly operands: readonly OperandChoice[];
  /** Index into each attribute's value list (see {@link ATTR_CHOICES}). */
  readonly attrChoice: number;
  /** Selects among the domain guards of the operands (sign of a divisor, how to make x > 0, …). */
  readonly variant: number;
}

export interface DagRecipe {
  readonly inputs: number;
  readonly steps: readonly DagStep[];
}

/** Constants the generator mixes in; 0 and 1 exercise the builder's identities (x + 0, x·1). */
export const SMALL_CONSTANTS = [-2, -1, -0.5, 0, 0.5, 1, 2, 3] as const;

const MAX_ARITY = Math.max(...ELEMENTWISE_OPS.map(([, d]) => d.arity));

const operandArb: fc.Arbitrary<OperandChoice> = fc.oneof(
  // fc.nat is biased towards small values: recent nodes are preferred, which makes graphs deep
  { weight: 6, arbitrary: fc.nat({ max: 40 }).map((back) => ({ back })) },
  { weight: 1, arbitrary: fc.constantFrom(...SMALL_CONSTANTS).map((value) => ({ value })) },
);

/** Recipes of `minSteps`–`maxSteps` op applications over `minInputs`–`maxInputs` scalar inputs. */
export function dagRecipeArb(
  ops: readonly OpName[],
  options: { minSteps: number; maxSteps: number; minInputs: number; maxInputs: number },
): fc.Arbitrary<DagRecipe> {
  const step: fc.Arbitrary<DagStep> = fc.record({
    op: fc.constantFrom(...ops),
    operands: fc.array(operandArb, { minLength: MAX_ARITY, maxLength: MAX_ARITY }),
    attrChoice: fc.nat({ max: 11 }),
    variant: fc.nat({ max: 7 }),
  });
  return fc.record({
    inputs: fc.integer({ min: options.minInputs, max: options.maxInputs }),
    steps: fc.array(step, { minLength: options.minSteps, maxLength: options.maxSteps }),
  });
}

/** Variants 0–5 pick among the guards, 6–7 skip them (see {@link guard}). */
const RAW_VARIANT = 6;

/** `x ↦ x² + c` (smooth) or `x ↦ |x| + c`: a strictly positive operand, c ∈ {0.5, 1}. */
function positive(x: Node, variant: number, smoothOnly: boolean): Node {
  const c = variant % 3 === 2 ? 1 : 0.5;
  return smoothOnly || variant % 2 === 0 ? B.add(B.square(x), c) : B.add(B.abs(x), c);
}

/**
 * Keeps operands inside the op's domain by construction: log, sqrt, non-integer or negative
 * powers get positive operands; divisors are bounded away from 0 (either sign); exp gets a
 * squashed operand (so it cannot overflow); `where` often gets a comparison as condition so both
 * branches are taken. Ops not listed take raw operands and rely on the sample-point check
 * ({@link safePoint}).
 *
 * A quarter of the steps ({@link RAW_VARIANT}) skip the guards, so that patterns like log σ(x),
 * √(x²), exp(log x) or x/x — which the optimizer's rules rewrite — occur too; the sample-point
 * check rejects the points where such raw operands leave the domain.
 */
function guard(
  op: OpName,
  i: number,
  x: Node,
  attrs: Attrs,
  variant: number,
  smoothOnly: boolean,
): Node {
  if (variant >= RAW_VARIANT) return x;
  switch (op) {
    case 'log':
    case 'sqrt':
    case 'log1p': // x > 0 > −1
      return positive(x, variant, smoothOnly);
    case 'div':
      if (i !== 1) return x;
      return variant % 4 === 3
        ? B.neg(positive(x, variant, smoothOnly))
        : positive(x, variant, smoothOnly);
    case 'pow': {
      const k = attrs.k as number;
      return Number.isInteger(k) && k >= 0 ? x : positive(x, variant, smoothOnly);
    }
    case 'exp':
    case 'expm1':
      return variant % 2 === 0 ? B.mul(3, B.tanh(x)) : B.sigmoid(x);
    case 'where':
      return i === 0 && variant % 2 === 0 ? B.gt(x, 0.5) : x;
    default:
      return x;
  }
}

export interface BuiltDag {
  readonly inputs: readonly InputNode[];
  /** The value of each step, in order (steps that folded to an invalid constant are skipped). */
  readonly steps: readonly Node[];
  /** The sum of the steps no later step uses, so that every step influences y. */
  readonly y: Node;
  /** The inputs y depends on (the compiled function's signature). */
  readonly leaves: readonly InputNode[];
}

/**
 * Builds the DAG a recipe describes (operands come from earlier nodes, so subexpressions are
 * shared), or `undefined` when y ends up not depending on any input.
 */
export function buildDag(
  recipe: DagRecipe,
  options: { smoothOnly: boolean },
): BuiltDag | undefined {
  const inputs = Array.from({ length: recipe.inputs }, (_, i) => B.input(`x${i}`));
  const pool: Node[] = [...inputs];
  const steps: Node[] = [];
  for (const step of recipe.steps) {
    const def = elementwiseDef(step.op);
    const attrs = attrsFor(step.op, step.attrChoice);
    const raws: Node[] = [];
    step.operands.slice(0, def.arity).forEach((choice, i) => {
      if (!('back' in choice)) return raws.push(B.constant(choice.value));
      let back = choice.back % pool.length;
      // a non-smooth op on two copies of one node sits on its kink (max(a, a), a > a): never
      // safe, so such a graph could never be sampled; take the next older node instead
      if (!def.smooth) {
        const start = back;
        while (raws.includes(pool[pool.length - 1 - back]!)) {
          back = (back + 1) % pool.length;
          if (back === start) break;
        }
      }
      return raws.push(pool[pool.length - 1 - back]!);
    });
    const operands = raws.map((raw, i) =>
      guard(step.op, i, raw, attrs, step.variant, options.smoothOnly),
    );
    let node: Node;
    try {
      node = B.apply(step.op, operands, attrs);
    } catch (e) {
      // all-constant operands folded to a non-finite value (only possible for unguarded ops)
      if (e instanceof GradgenError && e.code === 'E_DOMAIN') continue;
      throw e;
    }
    steps.push(node);
    pool.push(node);
  }
  const inner = new Set<Node>();
  for (const n of steps) {
    if (n.kind === 'apply') for (const d of toposort(n.args)) inner.add(d);
  }
  const sinks = [...new Set(steps)].filter((n) => !inner.has(n) && n.kind !== 'const');
  if (sinks.length === 0) return undefined;
  const y = sinks.reduce((a, b) => B.add(a, b));
  const leaves = leavesOf([y]) as InputNode[];
  if (leaves.length === 0) return undefined;
  return { inputs, steps, y, leaves };
}

/** Candidate sample points: `count` assignments of values in [-2, 2] to up to `inputs` inputs. */
export function pointsArb(inputs: number, count: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(realIn(-2, 2), { minLength: inputs, maxLength: inputs }), {
    minLength: count,
    maxLength: count,
  });
}

export type Point = Record<string, number>;

export function pointFor(leaves: readonly InputNode[], values: readonly number[]): Point {
  return Object.fromEntries(leaves.map((l) => [l.name, values[Number(l.name.slice(1))]!]));
}

/**
 * True when, at `point`, every node behind `roots` is finite with |value| ≤ MAX_MAGNITUDE and every
 * op whose operands can move is `safe` there with margin MARGIN (inside its domain, away from kinks
 * and poles), so that no ±ε perturbation of the inputs crosses a kink.
 *
 * Operands that cannot move under small perturbations are exempt: constants, ops all of whose
 * operands cannot move, and piecewise-constant ops (no operand gets a gradient: comparisons, sign)
 * that are themselves safe. So `relu(gt(a, b))` at gt = 0 is fine — relu's operand stays exactly 0.
 */
export function safePoint(roots: readonly Node[], point: Point): boolean {
  const values = run(roots, point);
  const fixed = new Set<Node>();
  // `run` fills the map in topological order, operands before their users
  for (const [n, t] of values) {
    const v = t.data[0]!;
    if (!Number.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE) return false;
    if (n.kind === 'const') fixed.add(n);
    if (n.kind !== 'apply') continue;
    if (n.args.every((a) => fixed.has(a))) {
      fixed.add(n);
      continue;
    }
    const xs = n.args.map((a) => values.get(a)!.data[0]!);
    if (!elementwiseDef(n.op).safe(xs, n.attrs, MARGIN)) return false;
    if (gradientOperandsCached(n.op as OpName).length === 0) fixed.add(n);
  }
  return true;
}

/** The first candidate at which `roots` are safe, as a point over `leaves`. */
export function firstSafePoint(
  roots: readonly Node[],
  leaves: readonly InputNode[],
  candidates: readonly (readonly number[])[],
): Point | undefined {
  for (const c of candidates) {
    const p = pointFor(leaves, c);
    if (safePoint(roots, p)) return p;
  }
  return undefined;
}

// ---- rounding-error estimate --------------------------------------------------------------------

/**
 * A first-order bound on the rounding error of evaluating `y` in float64 at `point` (Wilkinson's
 * running error analysis): every op rounds its result v by a relative δ with |δ| ≤ ROUNDING (plus
 * UNDERFLOW in absolute terms, for subnormal results), which moves y by about
 * |∂y/∂v|·(|v|·ROUNDING + UNDERFLOW). Perturbing an input x by ±ε is itself rounded, so inputs
 * count too. The adjoints ∂y/∂v are propagated with local partials from central differences of
 * each op's `scalar` semantics — independent of the vjps under test. Operands that get no
 * gradient (conditions, comparisons) have partial 0.
 */
export function roundingErrorBound(y: Node, point: Point): number {
  const values = run([y], point);
  const order = toposort([y]);
  const value = (n: Node) => values.get(n)!.data[0]!;
  const adjoint = new Map<Node, number>([[y, 1]]);
  let bound = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const a = adjoint.get(n) ?? 0;
    if (n.kind === 'const') continue;
    bound += Math.abs(a) * (Math.abs(value(n)) * ROUNDING + UNDERFLOW);
    if (n.kind !== 'apply') continue;
    const def = elementwiseDef(n.op);
    const xs = n.args.map(value);
    const differentiable = gradientOperandsCached(n.op as OpName);
    n.args.forEach((arg, j) => {
      if (!differentiable.includes(j)) return;
      // small enough to stay on one side of any kink (safe points keep MARGIN from them)
      const h = Math.min(1e-6 * Math.max(1, Math.abs(xs[j]!)), MARGIN / 10);
      const at = (d: number) =>
        def.scalar(
          xs.map((x, k) => (k === j ? x + d : x)),
          n.attrs,
        );
      const partial = (at(h) - at(-h)) / (2 * h);
      // no partial at the edge of the domain (√0): only reachable through an operand that cannot
      // move (√[a = b] at a ≠ b, see safePoint), whose errors then do not matter either
      if (Number.isFinite(partial)) adjoint.set(arg, (adjoint.get(arg) ?? 0) + a * partial);
    });
  }
  return bound;
}

/**
 * The share of gradcheck's 1e-7 budget that rounding may take, by the worst-case bound below,
 * before a sample is rejected: half (the other half covers what the first-order bound neglects).
 */
export const RESOLUTION = 5e-8;

/**
 * Whether a two-sided difference D(ε) = (y(x + εe) − y(x − εe)) / 2ε can resolve ∂y/∂x at `point`
 * to the relative error gradcheck asks for. Two things move D(ε) away from the derivative:
 * - rounding: by up to (N(x + εe) + N(x − εe)) / 2ε, with N the {@link roundingErrorBound};
 * - truncation: ε²/6·y‴ + O(ε⁴), estimated by Richardson as (D(2ε) − D(ε)) / 3.
 * Relative to the denominator of gradcheck's relative error, ‖numerical‖ + ‖analytic‖, their sum
 * must stay below `resolution` (default {@link RESOLUTION}, for gradcheck's defaults).
 *
 * `cost` and `gradients` (one per `wrt`) should be the graphs the checked code runs. Both tests
 * fail where the gradient is tiny next to what it is computed from: y = x² at x = 1e-160, where
 * (x ± ε)² both round to ε² (D = 0 while y′ = 2e-160); y = x³ at x = 5e-7, where D(ε) = 3x² + ε²
 * is off by 1%. Neither estimate uses the vjps, and both norms count, so a vjp that wrongly returns
 * 0 (or a huge value) is not excused wherever the true gradient is resolvable; non-finite values
 * are never excused. Evaluated with the interpreter, so rejected samples cost no compilation.
 */
export function resolvable(
  cost: Node,
  gradients: readonly Node[],
  point: Point,
  wrt: readonly InputNode[],
  epsilon = 1e-7,
  resolution = RESOLUTION,
): boolean {
  const value = (n: Node, p: Point) => run([n], p).get(n)!.data[0]!;
  const shifted = (name: string, d: number): Point => ({ ...point, [name]: point[name]! + d });
  const difference = (name: string, e: number) =>
    (value(cost, shifted(name, e)) - value(cost, shifted(name, -e))) / (2 * e);
  const analytic = gradients.map((g) => value(g, point));
  const numerical = wrt.map((x) => difference(x.name, epsilon));
  const truncation = wrt.map((x, i) => (difference(x.name, 2 * epsilon) - numerical[i]!) / 3);
  const rounding = wrt.map(
    (x) =>
      (roundingErrorBound(cost, shifted(x.name, epsilon)) +
        roundingErrorBound(cost, shifted(x.name, -epsilon))) /
      (2 * epsilon),
  );
  if (![...analytic, ...numerical, ...truncation].every(Number.isFinite)) return true;
  const scale = Math.hypot(...numerical) + Math.hypot(...analytic);
  // both exactly zero: gradcheck's relative error is exactly 0, nothing to resolve
  if (scale === 0) return true;
  return (Math.hypot(...rounding) + Math.hypot(...truncation)) / scale <= resolution;
}

// ---- known bugs ---------------------------------------------------------------------------------

const gradientOperandsMemo = new Map<OpName, number[]>();
function gradientOperandsCached(op: OpName): number[] {
  let found = gradientOperandsMemo.get(op);
  if (!found) gradientOperandsMemo.set(op, (found = gradientOperands(op)));
  return found;
}

// ---- reporting ----------------------------------------------------------------------------------

/** A graph for assertion messages: (depth-limited) formulas and the SSA listing. */
export function describeGraph(outputs: Readonly<Record<string, Node>>): string {
  const formulas = Object.entries(outputs).map(([k, n]) => `${k} = ${formula(n, { depth: 8 })}`);
  return [...formulas, '--- graph ---', printGraph(outputs)].join('\n');
}

/** A scalar graph's value as a number (outputs and interpreter values may also be arrays). */
export function scalarOf(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new Error(`${what} is not a number: ${String(value)}`);
  return value;
}

/** |a − b| / max(|a|, |b|), 0 when a and b are identical (including both zero). */
export function relativeDifference(a: number, b: number): number {
  if (Object.is(a, b) || a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
