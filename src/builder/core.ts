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
  applyKey,
  compareCanonical,
  constKey,
  forceNameHint,
  intern,
  isNode,
  leafKey,
  declareName,
  lookup,
  type Attrs,
  type Node,
  type ParamInit,
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
import { formatNumber } from '../ops/define.js';
import { opDef, type OpName } from '../ops/index.js';

/** Anything a builder function accepts as an operand: a node, or a finite number. */
export type Operand = Node | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'number') return String(x);
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  return typeof x === 'object' ? 'an object that is not a graph node' : String(x);
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
export function constant(value: number, shape: Shape = SCALAR): ConstNode {
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
  const checked = validateShape(shape, `${kind} '${name}'`, site);
  declareName(name);
  return intern(leafKey(kind, name, checked, init), () => make(name, checked, site));
}

/** Data fed in at call time; `input('a')` is a scalar, `input('X', [2, 'm'])` a batch of columns. */
export function input(name: string, shape: Shape = SCALAR): InputNode {
  return leaf('input', name, shape, '', (n, s, site) => new InputNode(n, s, site));
}

const PARAM_INITS: readonly ParamInit[] = ['zeros', 'normal', 'xavier', 'he', 'glorot'];

/** A trainable parameter (initialized and updated by the training API). */
export function param(
  name: string,
  shape: Shape = SCALAR,
  options: { init?: ParamInit } = {},
): ParamNode {
  const init = options.init ?? 'normal';
  if (!PARAM_INITS.includes(init)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `param '${String(name)}': init ${describe(init)} is not one of ${PARAM_INITS.join(', ')}${at(userCallSite())}`,
    );
  }
  return leaf('param', name, shape, init, (n, s, site) => new ParamNode(n, s, init, site));
}

/** Gives a node a readable name (`Z1`, `A2`) for generated code and printing; returns the node. */
export function named<N extends Node>(node: N, name: string): N {
  if (!isNode(node)) toNode(node, 'named');
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new GradgenError(
      'E_BAD_NAME',
      `named: ${describe(name)} is not an identifier${at(userCallSite())}`,
    );
  }
  forceNameHint(node, name);
  return node;
}

const isConst = (n: Node, v?: number): n is ConstNode =>
  n.kind === 'const' && (v === undefined || n.value === v);

/**
 * Exact local identities, applied as nodes are built. Each keeps the result's shape (an identity
 * that would drop a broadcast is skipped). The rewrite phases do everything else.
 */
function identity(op: OpName, args: readonly Node[], attrs: Attrs, shape: Shape): Node | undefined {
  const keep = (n: Node) => (sameShape(n.shape, shape) ? n : undefined);
  const [x, y] = args as [Node, Node];
  switch (op) {
    case 'add': // x + 0 = x
      if (isConst(y, 0)) return keep(x);
      if (isConst(x, 0)) return keep(y);
      return undefined;
    case 'sub': // x − 0 = x;  0 − y = −y
      if (isConst(y, 0)) return keep(x);
      if (isConst(x, 0) && sameShape(y.shape, shape)) return neg(y);
      return undefined;
    case 'mul': // x·1 = x;  x·(−1) = −x
      if (isConst(y, 1)) return keep(x);
      if (isConst(x, 1)) return keep(y);
      if (isConst(y, -1) && sameShape(x.shape, shape)) return neg(x);
      if (isConst(x, -1) && sameShape(y.shape, shape)) return neg(y);
      return undefined;
    case 'div': // x/1 = x
      return isConst(y, 1) ? keep(x) : undefined;
    case 'neg': // −(−x) = x
      return x.kind === 'apply' && x.op === 'neg' ? keep(x.args[0]!) : undefined;
    case 'pow': // x¹ = x
      return attrs.k === 1 ? keep(x) : undefined;
    case 'where': // where(c, a, b) with a constant condition picks a branch
      return isConst(x) ? keep(x.value !== 0 ? y : args[2]!) : undefined;
    case 'reshape': // reshape to its own shape is x
    case 'broadcastTo':
      return keep(x);
    case 'transpose': // (xᵀ)ᵀ = x
      return x.kind === 'apply' && x.op === 'transpose' ? keep(x.args[0]!) : undefined;
    case 'sum': // a sum over no axes is x
      return Array.isArray(attrs.axis) && attrs.axis.length === 0 ? keep(x) : undefined;
    default:
      return undefined;
  }
}

/** Builds (or finds) the node `op(args)`. */
export function apply(op: OpName, operands: readonly unknown[], attrs: Attrs = {}): Node {
  const def = opDef(op);
  if (operands.length !== def.arity) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${op}: expected ${def.arity} operand(s), got ${operands.length}${at(userCallSite())}`,
    );
  }
  const args = operands.map((x, i) => toNode(x, def.arity === 1 ? op : `${op} (operand ${i + 1})`));
  if (def.commutative) {
    const order = compareCanonical(args[0]!, args[1]!);
    const constant = args[0]!.kind === 'const' || args[1]!.kind === 'const';
    if (def.constantLast && constant ? order < 0 : order > 0) args.reverse();
  }
  const key = applyKey(op, args, attrs);
  const found = lookup(key);
  if (found) return found;

  const shapes = args.map((a) => a.shape);
  const shape = def.shape
    ? def.shape(shapes, attrs, userCallSite)
    : broadcastShapes(shapes, op, userCallSite);
  if (def.kind === 'elementwise' && args.every((a) => a.kind === 'const')) {
    const value = def.scalar(
      args.map((a) => (a as ConstNode).value),
      attrs,
    );
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
  return intern(key, () => new ApplyNode(op, args, attrs, shape, userCallSite()));
}

// ---- the ops, as functions --------------------------------------------------------------------

export const add = (a: Operand, b: Operand): Node => apply('add', [a, b]);
export const sub = (a: Operand, b: Operand): Node => apply('sub', [a, b]);
export const mul = (a: Operand, b: Operand): Node => apply('mul', [a, b]);
export const div = (a: Operand, b: Operand): Node => apply('div', [a, b]);
export const neg = (x: Operand): Node => apply('neg', [x]);
export const exp = (x: Operand): Node => apply('exp', [x]);
export const log = (x: Operand): Node => apply('log', [x]);
export const sqrt = (x: Operand): Node => apply('sqrt', [x]);
export const square = (x: Operand): Node => apply('square', [x]);
export const abs = (x: Operand): Node => apply('abs', [x]);
export const sign = (x: Operand): Node => apply('sign', [x]);
export const sigmoid = (x: Operand): Node => apply('sigmoid', [x]);
/** log(1 + eˣ), computed stably. */
export const softplus = (x: Operand): Node => apply('softplus', [x]);
export const tanh = (x: Operand): Node => apply('tanh', [x]);
export const relu = (x: Operand): Node => apply('relu', [x]);
export const max = (a: Operand, b: Operand): Node => apply('max', [a, b]);
export const min = (a: Operand, b: Operand): Node => apply('min', [a, b]);
export const gt = (a: Operand, b: Operand): Node => apply('gt', [a, b]);
export const ge = (a: Operand, b: Operand): Node => apply('ge', [a, b]);
export const lt = (a: Operand, b: Operand): Node => apply('lt', [a, b]);
export const le = (a: Operand, b: Operand): Node => apply('le', [a, b]);
export const eq = (a: Operand, b: Operand): Node => apply('eq', [a, b]);
/** `where(c, a, b)`: a where c ≠ 0, else b. */
export const where = (c: Operand, a: Operand, b: Operand): Node => apply('where', [c, a, b]);

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
export const matmul = (a: Operand, b: Operand): Node => apply('matmul', [a, b]);
/** Matrix transpose. */
export const transpose = (x: Operand): Node => apply('transpose', [x]);

function checkedShape(shape: unknown, what: string): Shape {
  return validateShape(shape, what, userCallSite());
}

/** Same elements (row-major order), new shape. */
export function reshape(x: Operand, shape: Shape): Node {
  return apply('reshape', [x], { shape: checkedShape(shape, 'reshape') });
}

/** Repeats x along size-1 axes to `shape` (NumPy rules). */
export function broadcastTo(x: Operand, shape: Shape): Node {
  return apply('broadcastTo', [x], { shape: checkedShape(shape, 'broadcastTo') });
}

/** The size of the batch dimension `dim`, known at call time. */
export function batchSize(dim: string): Node {
  if (typeof dim !== 'string' || !/^[A-Za-z_]\w*$/.test(dim)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `batchSize: ${describe(dim)} is not a dimension name${at(userCallSite())}`,
    );
  }
  return apply('batchSize', [], { dim });
}

export interface ReduceOptions {
  /** Axis or axes to reduce (negative counts from the end); default: all. */
  axis?: number | readonly number[];
  /** Keep reduced axes as size 1 (default false). */
  keepdims?: boolean;
}

function normalizeAxes(x: Node, options: ReduceOptions, op: string): readonly number[] | null {
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

/** Σ over `axis` (default: every axis → a scalar), optionally keeping reduced axes as 1s. */
export function sum(x: Operand, options: ReduceOptions = {}): Node {
  const node = toNode(x, 'sum');
  const axis = normalizeAxes(node, options, 'sum');
  return apply('sum', [node], { axis, keepdims: options.keepdims === true });
}

/** The mean over `axis` (default: every element): Σ x / count, with count = m for the batch axis. */
export function mean(x: Operand, options: ReduceOptions = {}): Node {
  const node = toNode(x, 'mean');
  const axis = normalizeAxes(node, options, 'mean');
  const reduced = axis === null ? node.shape.map((_, i) => i) : axis;
  return mul(sum(node, options), reciprocalCount(reduced.map((i) => node.shape[i]!)));
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
export function pow(x: Operand, k: number): Node {
  finiteNumber(k, 'pow (exponent)');
  if (k === 0) return constant(1, toNode(x, 'pow').shape);
  return apply('pow', [x], { k });
}

/** x for x > 0, slope·x otherwise (default slope 0.01). */
export function leakyRelu(x: Operand, slope = 0.01): Node {
  finiteNumber(slope, 'leakyRelu (slope)');
  return apply('leakyRelu', [x], { slope });
}
