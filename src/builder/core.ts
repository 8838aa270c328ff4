/**
 * The functional builder: every graph node is made here. `apply` is the one constructor for op
 * nodes: it checks operands, infers the shape (with the user's call site in any error), folds
 * constants, applies the exact identities (x·1, x+0, −(−x), …) and interns the result.
 */
import { GradgenError, at } from '../errors.js';
import {
  ApplyNode,
  ConstNode,
  InputNode,
  ParamNode,
  applyHash,
  compareCanonical,
  constKey,
  intern,
  internApply,
  describeNotANode,
  isNode,
  leafKey,
  declareName,
  lookupApply,
  type Attrs,
  type Join,
  type LeafSig,
  type LeavesOf,
  type Node,
  type ParamInit,
  type PowerLeaves,
  type Rank,
  type RankOf,
  type RankOfShape,
  type Unsure,
} from '../ir/node.js';
import {
  broadcastShapes,
  formatShape,
  sameShape,
  SCALAR,
  validateShape,
  type Shape,
} from '../ir/shape.js';
import { userCallSite } from '../ir/site.js';
import { checkOptions, type OptionSchema } from '../options.js';
import { formatNumber } from '../ops/define.js';
import { opDef, type OpName } from '../ops/index.js';
import { normalizeWindow, type SliceOptions } from '../ops/slice.js';

export type { SliceOptions } from '../ops/slice.js';

/** Anything a builder function accepts as an operand: a node, or a finite number. */
export type Operand = Node | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'number') return String(x);
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  if (typeof x !== 'object') return String(x);
  const what = describeNotANode(x);
  return what === 'not a graph node' ? 'an object that is not a graph node' : what;
}

/** Turns an operand into a node; `what` names the op and argument for the error message. */
export function toNode(x: unknown, what: string): Node {
  if (isNode(x)) return x;
  if (typeof x === 'number') {
    if (Number.isFinite(x)) return constant(x);
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${what}: the number ${x} is not finite${at(userCallSite())}`,
    );
  }
  throw new GradgenError(
    'E_BAD_ARGUMENT',
    `${what}: expected a graph node or a finite number, got ${describe(x)}${at(userCallSite())}`,
  );
}

/** A constant: a scalar by default, or `value` repeated over `shape`. */
export function constant<const S extends Shape = readonly []>(
  value: number,
  shape: S = SCALAR as S,
): ConstNode<never, RankOfShape<S>> {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `constant: expected a finite number, got ${describe(value)}${at(userCallSite())}`,
    );
  }
  return intern(constKey(value, shape), () => new ConstNode(value, shape));
}

function leaf<N extends InputNode | ParamNode>(
  kind: N['kind'],
  name: unknown,
  shape: unknown,
  init: string,
  make: (name: string, shape: Shape, site: string | undefined) => N,
): N {
  const site = userCallSite();
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new GradgenError(
      'E_BAD_NAME',
      `${kind}: name ${describe(name)} is not an identifier (letters, digits, _ and $; not starting with a digit)${at(site)}`,
    );
  }
  if (name === '__proto__') {
    // an object literal's `__proto__: v` sets its prototype: no inputs object could carry it
    throw new GradgenError(
      'E_BAD_NAME',
      `${kind}: name '__proto__' cannot name an input: \`{ __proto__: … }\` sets an object's prototype${at(site)}`,
    );
  }
  const checked = validateShape(shape, `${kind} '${name}'`, site);
  declareName(name);
  return intern(leafKey(kind, name, checked, init), () => make(name, checked, site));
}

/** Data fed in at call time; `input('a')` is a scalar, `input('X', [2, 'm'])` a batch of columns. */
export function input<const N extends string, const S extends Shape = readonly []>(
  name: N,
  shape: S = SCALAR as S,
): InputNode<LeafSig<N, RankOfShape<S>, true>, RankOfShape<S>> {
  const node = leaf('input', name, shape, '', (n, s, site) => new InputNode(n, s, site));
  return node as InputNode<LeafSig<N, RankOfShape<S>, true>, RankOfShape<S>>;
}

const PARAM_INITS: readonly ParamInit[] = ['zeros', 'normal', 'xavier', 'he', 'glorot'];
const PARAM_OPTIONS: OptionSchema = { init: { type: 'oneOf', values: PARAM_INITS } };

/** A trainable parameter (initialized and updated by the training API). */
export function param<const N extends string, const S extends Shape = readonly []>(
  name: N,
  shape: S = SCALAR as S,
  options: { readonly init?: ParamInit | undefined } = {},
): ParamNode<LeafSig<N, RankOfShape<S>, true>, RankOfShape<S>> {
  checkOptions(`param '${String(name)}'`, options, PARAM_OPTIONS);
  const init = options.init ?? 'normal';
  const node = leaf('param', name, shape, init, (n, s, site) => new ParamNode(n, s, init, site));
  return node as ParamNode<LeafSig<N, RankOfShape<S>, true>, RankOfShape<S>>;
}

/**
 * `node`'s value under a readable name (`Z1`, `A2`) for generated code and printing: a node of its
 * own, so a graph built before on `node` is not renamed. Use what it returns.
 */
export function named<N extends Node>(node: N, name: string): N {
  if (!isNode(node)) {
    // a number would become a constant that nothing refers to: the name would be lost
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `named: ${describe(node)} is not a graph node (only nodes have names; name ${describe(name)})${at(userCallSite())}`,
    );
  }
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new GradgenError(
      'E_BAD_NAME',
      `named: ${describe(name)} is not an identifier${at(userCallSite())}`,
    );
  }
  return withLabel(node, name);
}

/**
 * `node` under the user's name `label`: for an op node, its named twin (same op, operands and
 * attributes, a node of its own, interned by name too); inputs, params and constants are
 * returned as they are (an input has its name; a constant's would mislabel its other uses).
 */
export function withLabel<N extends Node>(node: N, label: string): N {
  if (node.kind !== 'apply' || node.label === label) return node;
  const { op, args, attrs, shape, site } = node;
  const found = lookupApply(node.hash, op, args, attrs, label);
  return (found ?? internApply(new ApplyNode(op, args, attrs, shape, site, label))) as Node as N;
}

const isConst = (n: Node, v?: number): n is ConstNode =>
  n.kind === 'const' && (v === undefined || n.value === v);

/** `n` where it has `shape` (an identity keeps the result's shape), else undefined. */
const kept = (shape: Shape, n: Node) => (sameShape(n.shape, shape) ? n : undefined);

/**
 * Exact local identities, applied as nodes are built. Each keeps the result's shape (an identity
 * that would drop a broadcast is skipped). The rewrite phases do everything else.
 */
function identity(op: OpName, args: readonly Node[], attrs: Attrs, shape: Shape): Node | undefined {
  const [x, y] = args as [Node, Node];
  switch (op) {
    case 'add': // x + 0 = x
      if (isConst(y, 0)) return kept(shape, x);
      if (isConst(x, 0)) return kept(shape, y);
      return undefined;
    case 'sub': // x − 0 = x;  0 − y = −y
      if (isConst(y, 0)) return kept(shape, x);
      if (isConst(x, 0) && sameShape(y.shape, shape)) return neg(y);
      return undefined;
    case 'mul': // x·1 = x;  x·(−1) = −x
      if (isConst(y, 1)) return kept(shape, x);
      if (isConst(x, 1)) return kept(shape, y);
      if (isConst(y, -1) && sameShape(x.shape, shape)) return neg(x);
      if (isConst(x, -1) && sameShape(y.shape, shape)) return neg(y);
      return undefined;
    case 'div': // x/1 = x
      return isConst(y, 1) ? kept(shape, x) : undefined;
    case 'neg': // −(−x) = x
      return x.kind === 'apply' && x.op === 'neg' ? kept(shape, x.args[0]!) : undefined;
    case 'pow': // x¹ = x
      return attrs.k === 1 ? kept(shape, x) : undefined;
    case 'where': // where(c, a, b) with a constant condition picks a branch
      return isConst(x) ? kept(shape, x.value !== 0 ? y : args[2]!) : undefined;
    case 'reshape': // reshape to its own shape is x
    case 'broadcastTo':
    case 'slice': // a window as long as its axis is all of x
    case 'concat': // one operand joined with nothing
      return kept(shape, x);
    case 'transpose': // (xᵀ)ᵀ = x
      return x.kind === 'apply' && x.op === 'transpose' ? kept(shape, x.args[0]!) : undefined;
    case 'sum': // a sum (max, min) over no axes is x
    case 'reduceMax':
    case 'reduceMin':
      return Array.isArray(attrs.axis) && attrs.axis.length === 0 ? kept(shape, x) : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether `op(values) = value` is ±∞ because the exact result is beyond the largest number, from
 * finite operands — not a pole (1/0, log 0, 0⁻¹) or a domain error (NaN).
 */
function overflows(op: OpName, values: readonly number[], value: number): boolean {
  if (value !== Infinity && value !== -Infinity) return false;
  switch (op) {
    case 'add':
    case 'sub':
    case 'mul':
    case 'square':
    case 'exp':
      return true;
    case 'div':
      return values[1] !== 0;
    case 'pow':
      return values[0] !== 0;
    default:
      return false;
  }
}

/** The attributes of an op without any: one object for every such node. */
const NO_ATTRS: Attrs = Object.freeze({});
/** The operand values of an op that is not folded (none: no array per node built). */
const NO_VALUES: readonly number[] = Object.freeze([]);

/** Builds (or finds) the node `op(args)`. */
export function apply(op: OpName, operands: readonly unknown[], attrs: Attrs = NO_ATTRS): Node {
  const def = opDef(op);
  if (def.arity >= 0 && operands.length !== def.arity) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${op}: expected ${def.arity} operand(s), got ${operands.length}${at(userCallSite())}`,
    );
  }
  // (the message names the operand only when it is not a node: no text is built for nodes)
  const args = operands.map((x, i) =>
    isNode(x) ? x : toNode(x, def.arity === 1 ? op : `${op} (operand ${i + 1})`),
  );
  if (def.commutative) {
    const order = compareCanonical(args[0]!, args[1]!);
    const constant = args[0]!.kind === 'const' || args[1]!.kind === 'const';
    if (def.constantLast && constant ? order < 0 : order > 0) args.reverse();
  }
  const hash = applyHash(op, attrs, args);
  const found = lookupApply(hash, op, args, attrs);
  if (found) return found;

  const shapes = args.map((a) => a.shape);
  const shape = def.shape
    ? def.shape(shapes, attrs, userCallSite)
    : broadcastShapes(shapes, op, userCallSite);
  const folded = def.kind === 'elementwise' && args.every((a) => a.kind === 'const');
  const values = folded ? args.map((a) => (a as ConstNode).value) : NO_VALUES;
  const value = folded ? def.scalar(values, attrs) : NaN;
  // a result too large for a number is the program's value (±∞ at run time), not an error: it
  // stays a node (1.5¹⁷⁵⁰·1.5 in the gradient of a deep chain of ×1.5 is ∞, as computed)
  if (folded && !overflows(op, values, value)) {
    if (!Number.isFinite(value)) {
      const shown = def.math(
        args.map((a) => ({ text: formatNumber((a as ConstNode).value), prec: 5 })),
        attrs,
      ).text;
      throw new GradgenError(
        'E_DOMAIN',
        `${op}: ${shown} is ${value} — the constant operand is outside the domain of ${op}${at(userCallSite())}`,
      );
    }
    return constant(value, shape);
  }
  const simpler = identity(op, args, attrs, shape);
  if (simpler) return simpler;
  // (nothing of this key was built since the lookup above: identities return other nodes)
  return internApply(new ApplyNode(op, args, attrs, shape, userCallSite()));
}

// ---- the ops, as functions --------------------------------------------------------------------
// The signatures carry what the type checker can know (the leaves read, scalar or tensor) into
// the result, for `compile` and `evaluate` to type their inputs and outputs; the bodies are `apply`.

type Unary = <X extends Operand>(x: X) => Node<LeavesOf<X>, RankOf<X>>;
type Binary = <A extends Operand, B extends Operand>(
  a: A,
  b: B,
) => Node<LeavesOf<A> | LeavesOf<B>, Join<RankOf<A>, RankOf<B>>>;

const unary =
  (op: OpName): Unary =>
  (x) =>
    apply(op, [x]) as never;
const binary =
  (op: OpName): Binary =>
  (a, b) =>
    apply(op, [a, b]) as never;

export const add = binary('add');
export const sub = binary('sub');
export const mul = binary('mul');
export const div = binary('div');
export const neg = unary('neg');
export const exp = unary('exp');
export const log = unary('log');
/** log(1 + x), accurate for small |x|. */
export const log1p = unary('log1p');
/** eˣ − 1, accurate for small |x|. */
export const expm1 = unary('expm1');
export const sqrt = unary('sqrt');
export const square = unary('square');
export const abs = unary('abs');
export const sign = unary('sign');
export const sigmoid = unary('sigmoid');
/** log(1 + eˣ), computed stably. */
export const softplus = unary('softplus');
export const tanh = unary('tanh');
export const relu = unary('relu');
export const max = binary('max');
export const min = binary('min');
export const gt = binary('gt');
export const ge = binary('ge');
export const lt = binary('lt');
export const le = binary('le');
export const eq = binary('eq');

/** A constant condition picks one branch as the node is built: then either may be unread. */
type WhereLeaves<C, A, B> = [C] extends [number]
  ? Unsure<LeavesOf<A> | LeavesOf<B>>
  : LeavesOf<C> | LeavesOf<A> | LeavesOf<B>;

/** `where(c, a, b)`: a where c ≠ 0, else b. */
export function where<C extends Operand, A extends Operand, B extends Operand>(
  c: C,
  a: A,
  b: B,
): Node<WhereLeaves<C, A, B>, Join<RankOf<C>, Join<RankOf<A>, RankOf<B>>>> {
  return apply('where', [c, a, b]) as never;
}

function finiteNumber(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${what}: expected a finite number, got ${describe(v)}${at(userCallSite())}`,
    );
  }
  return v;
}

// ---- tensor ops --------------------------------------------------------------------------------

/** Matrix product: (n, k) @ (k, m) → (n, m). */
export function matmul<A extends Operand, B extends Operand>(
  a: A,
  b: B,
): Node<LeavesOf<A> | LeavesOf<B>, 'tensor'> {
  return apply('matmul', [a, b]) as never;
}

/** Matrix transpose. */
export function transpose<X extends Operand>(x: X): Node<LeavesOf<X>, 'tensor'> {
  return apply('transpose', [x]) as never;
}

function checkedShape(shape: unknown, what: string): Shape {
  return validateShape(shape, what, userCallSite(), 'repeated');
}

/** Same elements (row-major order), new shape. */
export function reshape<X extends Operand, const S extends Shape>(
  x: X,
  shape: S,
): Node<LeavesOf<X>, RankOfShape<S>> {
  return apply('reshape', [x], { shape: checkedShape(shape, 'reshape') }) as never;
}

/** Repeats x along size-1 axes to `shape` (NumPy rules). */
export function broadcastTo<X extends Operand, const S extends Shape>(
  x: X,
  shape: S,
): Node<LeavesOf<X>, RankOfShape<S>> {
  return apply('broadcastTo', [x], { shape: checkedShape(shape, 'broadcastTo') }) as never;
}

const SLICE_OPTIONS: OptionSchema = {
  axis: { type: 'number', integer: true },
  start: { type: 'number', integer: true },
  end: { type: 'number', integer: true },
};

/**
 * x[start:end] along `axis` (default 0), with Python's bounds: `end` is exclusive and defaults
 * to the axis' length, `start` to 0; negative values count from the end (`start: -3` is the last
 * three). Bounds beyond the axis are an error (not clamped), and so is an empty window. Along the
 * batch dimension the window's length must be fixed (`0:5`, `-3:`), and a call needs m ≥ 5 (3).
 */
export function slice<X extends Operand>(
  x: X,
  options: SliceOptions = {},
): Node<LeavesOf<X>, 'tensor'> {
  checkOptions('slice', options, SLICE_OPTIONS);
  const node = toNode(x, 'slice');
  const { axis, start, end } = normalizeWindow('slice', node.shape, options, userCallSite());
  return apply('slice', [node], { axis, start, end }) as never;
}

const CONCAT_OPTIONS: OptionSchema = { axis: { type: 'number', integer: true } };

/**
 * The operands joined along `axis` (default 0; negative counts from the end): `concat([a, b])`
 * of (2, m) and (3, m) is (5, m). They must match on every other axis. Along the batch
 * dimension only fixed-length pieces join (a length with m in it is not a shape).
 */
export function concat<const Xs extends readonly Operand[]>(
  xs: Xs,
  options: { readonly axis?: number | undefined } = {},
): Node<LeavesOf<Xs[number]>, 'tensor'> {
  if (!Array.isArray(xs)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `concat: expected an array of operands, got ${describe(xs)}${at(userCallSite())}`,
    );
  }
  checkOptions('concat', options, CONCAT_OPTIONS);
  const nodes = xs.map((x, i) => toNode(x, `concat (operand ${i + 1})`));
  if (nodes.length === 0) {
    throw new GradgenError('E_SHAPE', `concat: needs at least one operand${at(userCallSite())}`);
  }
  const rank = nodes[0]!.shape.length;
  const axis = options.axis ?? 0;
  if (rank > 0 && (axis < -rank || axis >= rank)) {
    throw new GradgenError(
      'E_SHAPE',
      `concat: axis ${axis} is out of range for shape ${formatShape(nodes[0]!.shape)} (operand 1)${at(userCallSite())}`,
    );
  }
  return apply('concat', nodes, { axis: axis < 0 ? axis + rank : axis }) as never;
}

/** The size of the batch dimension `dim`, known at call time. */
export function batchSize(dim: string): Node<never, 'scalar'> {
  if (typeof dim !== 'string' || !/^[A-Za-z_]\w*$/.test(dim)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `batchSize: ${describe(dim)} is not a dimension name${at(userCallSite())}`,
    );
  }
  return apply('batchSize', [], { dim }) as never;
}

export interface ReduceOptions {
  /** Axis or axes to reduce (negative counts from the end); default: all. */
  readonly axis?: number | readonly number[] | undefined;
  /** Keep reduced axes as size 1 (default false). */
  readonly keepdims?: boolean | undefined;
}

type KeepsDims<O> = O extends { readonly keepdims: true }
  ? true
  : O extends { readonly keepdims?: false | undefined }
    ? false
    : boolean;
type HasAxis<O> = O extends { readonly axis?: undefined }
  ? false
  : O extends { readonly axis: number | readonly number[] }
    ? true
    : boolean;

/** The rank of a reduction: a scalar over every axis without keepdims, x's rank with keepdims. */
export type ReducedRank<R extends Rank, O> = [R] extends ['scalar']
  ? 'scalar'
  : KeepsDims<O> extends true
    ? R
    : [HasAxis<O>, KeepsDims<O>] extends [false, false]
      ? 'scalar'
      : Rank;

const REDUCE_OPTIONS: OptionSchema = {
  axis: {
    type: 'custom',
    expected: 'an integer or an array of integers',
    check: (v) =>
      Number.isInteger(v) || (Array.isArray(v) && v.every((a) => Number.isInteger(a)))
        ? undefined
        : '',
  },
  keepdims: { type: 'boolean' },
};

/** The axes to reduce, sorted (negative ones counted from the end); null for every axis. */
function normalizeAxes(x: Node, options: ReduceOptions, op: string): readonly number[] | null {
  checkOptions(op, options, REDUCE_OPTIONS);
  if (options.axis === undefined) return null;
  const list = typeof options.axis === 'number' ? [options.axis] : options.axis;
  const rank = x.shape.length;
  const axes = list.map((a) => {
    if (!Number.isInteger(a) || a < -rank || a >= rank) {
      throw new GradgenError(
        'E_SHAPE',
        `${op}: axis ${a} is out of range for shape ${formatShape(x.shape)}${at(userCallSite())}`,
      );
    }
    return a < 0 ? a + rank : a;
  });
  return [...new Set(axes)].sort((p, q) => p - q);
}

/** The reduction `op` of x over `options.axis` (default: every axis), as every reduction reads it. */
function reduction(
  op: 'sum' | 'reduceMax' | 'reduceMin' | 'argmax' | 'argmin',
  x: unknown,
  options: ReduceOptions,
): Node {
  const node = toNode(x, op);
  const axis = normalizeAxes(node, options, op);
  return apply(op, [node], { axis, keepdims: options.keepdims === true });
}

/** Σ over `axis` (default: every axis → a scalar), optionally keeping reduced axes as 1s. */
export function sum<X extends Operand, const O extends ReduceOptions = {}>(
  x: X,
  options: O = {} as O,
): Node<LeavesOf<X>, ReducedRank<RankOf<X>, O>> {
  return reduction('sum', x, options) as never;
}

/**
 * The maximum over `axis` (default: every axis), as `sum` takes its options. At a tie the
 * gradient is split evenly among the tied elements; NaN if any element is NaN.
 */
export function reduceMax<X extends Operand, const O extends ReduceOptions = {}>(
  x: X,
  options: O = {} as O,
): Node<LeavesOf<X>, ReducedRank<RankOf<X>, O>> {
  return reduction('reduceMax', x, options) as never;
}

/** The minimum over `axis` (default: every axis); ties split the gradient as in {@link reduceMax}. */
export function reduceMin<X extends Operand, const O extends ReduceOptions = {}>(
  x: X,
  options: O = {} as O,
): Node<LeavesOf<X>, ReducedRank<RankOf<X>, O>> {
  return reduction('reduceMin', x, options) as never;
}

/**
 * The position of the first maximum along `axis` (default: every axis, row-major), as a number.
 * Piecewise constant: no gradient flows through it.
 */
export function argmax<X extends Operand, const O extends ReduceOptions = {}>(
  x: X,
  options: O = {} as O,
): Node<LeavesOf<X>, ReducedRank<RankOf<X>, O>> {
  return reduction('argmax', x, options) as never;
}

/** The position of the first minimum along `axis`, as {@link argmax}. */
export function argmin<X extends Operand, const O extends ReduceOptions = {}>(
  x: X,
  options: O = {} as O,
): Node<LeavesOf<X>, ReducedRank<RankOf<X>, O>> {
  return reduction('argmin', x, options) as never;
}

/** The mean over `axis` (default: every element): Σ x / count, with count = m for the batch axis. */
export function mean<X extends Operand, const O extends ReduceOptions = {}>(
  x: X,
  options: O = {} as O,
): Node<LeavesOf<X>, ReducedRank<RankOf<X>, O>> {
  const node = toNode(x, 'mean');
  const axis = normalizeAxes(node, options, 'mean');
  const reduced = axis === null ? node.shape.map((_, i) => i) : axis;
  return mul(sum(node, options), reciprocalCount(reduced.map((i) => node.shape[i]!))) as never;
}

/** The product of `dims`: a constant, or `m` (times a constant) for the batch dimension. */
export function elementCount(dims: readonly (number | string)[]): Node {
  let fixed = 1;
  let count: Node | undefined;
  for (const d of dims) {
    if (typeof d === 'number') fixed *= d;
    else count = count ? mul(count, batchSize(d)) : batchSize(d);
  }
  if (!count) return constant(fixed);
  return fixed === 1 ? count : mul(fixed, count);
}

/** 1/(product of `dims`), as a constant or as `1/m` when the batch dimension is among them. */
export function reciprocalCount(dims: readonly (number | string)[]): Node {
  const count = elementCount(dims);
  return count.kind === 'const' ? constant(1 / count.value) : div(1, count);
}

/** xᵏ for a constant exponent k (x⁰ = 1). */
export function pow<X extends Operand, K extends number>(
  x: X,
  k: K,
): Node<PowerLeaves<X, K>, RankOf<X>> {
  finiteNumber(k, 'pow (exponent)');
  if (k === 0) return constant(1, toNode(x, 'pow').shape) as never;
  return apply('pow', [x], { k }) as never;
}

/**
 * x clipped to [lo, hi] (constant bounds, lo ≤ hi): min(max(x, lo), hi). Its derivative is 1 on
 * [lo, hi], the bounds included (as PyTorch's clamp), and 0 outside.
 */
export function clip<X extends Operand>(
  x: X,
  lo: number,
  hi: number,
): Node<LeavesOf<X>, RankOf<X>> {
  finiteNumber(lo, 'clip (lo)');
  finiteNumber(hi, 'clip (hi)');
  if (lo > hi) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `clip: the lower bound ${lo} is greater than the upper bound ${hi}${at(userCallSite())}`,
    );
  }
  return apply('clip', [x], { lo, hi }) as never;
}

/** x for x > 0, slope·x otherwise (default slope 0.01). */
export function leakyRelu<X extends Operand>(x: X, slope = 0.01): Node<LeavesOf<X>, RankOf<X>> {
  finiteNumber(slope, 'leakyRelu (slope)');
  return apply('leakyRelu', [x], { slope }) as never;
}
