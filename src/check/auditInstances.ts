/**
 * Concrete instances of a rewrite rule for the audit: graphs its pattern matches and its rewrite
 * fires on. They are found generically, by building the pattern with candidate nodes for its
 * variables (leaves, ops applied to leaves, layout ops between) until the rule matches and fires,
 * so a new rule is covered without new code. A rule whose pattern is a bare variable (a normal form
 * over whole regions) may also list hand-written instances in {@link EXTRA_INSTANCES}.
 */
import * as B from '../builder/core.js';
import { toposort, useCounts, usersOf } from '../ir/graph.js';
import type { ApplyNode, Node } from '../ir/node.js';
import { OPS, type OpName } from '../ops/index.js';
import type { Rule, RuleContext } from '../rewrite/engine.js';
import { match, type Pattern } from '../rewrite/pattern.js';

/** An instance: the original node, the rule's rewrite of it. */
export interface RuleInstance {
  readonly original: ApplyNode;
  /** The rewrite, or the error the rule threw while rewriting. */
  readonly rewritten: Node | { readonly threw: string };
}

const TENSOR = [2, 2] as const;

/** Variants of `op` over `args` (its attributes, where it takes some); shape errors are skipped. */
function build(op: string, args: readonly Node[]): Node[] {
  const tries: (() => Node)[] = (() => {
    switch (op) {
      case 'pow':
        return [2, 3, 0.5, -1].map((k) => () => B.pow(args[0]!, k));
      case 'sum':
        return [
          () => B.sum(args[0]!),
          () => B.sum(args[0]!, { axis: 0 }),
          () => B.sum(args[0]!, { axis: 1, keepdims: true }),
        ];
      case 'broadcastTo':
        return [() => B.broadcastTo(args[0]!, TENSOR)];
      case 'reshape':
        return [() => B.reshape(args[0]!, [4]), () => B.reshape(args[0]!, [1, 4])];
      case 'leakyRelu':
        return [() => B.leakyRelu(args[0]!, 0.01)];
      case 'clip':
        return [() => B.clip(args[0]!, -1, 2)];
      default:
        return [() => B.apply(op as OpName, args)];
    }
  })();
  const out: Node[] = [];
  for (const t of tries) {
    try {
      out.push(t());
    } catch {
      // an operand of the wrong shape for this op: not a candidate
    }
  }
  return out;
}

const UNARY = Object.values(OPS)
  .filter((d) => d.arity === 1 && d.name !== 'broadcastTo' && d.kind === 'elementwise')
  .map((d) => d.name);
const BINARY = Object.values(OPS)
  .filter((d) => d.arity === 2 && d.kind === 'elementwise')
  .map((d) => d.name);
const LAYOUT = (x: Node): Node[] =>
  x.shape.length === 0
    ? build('broadcastTo', [x])
    : [...build('transpose', [x]), ...build('reshape', [x])];

/**
 * Candidate nodes for a pattern variable, simplest first: leaves (a scalar and a 2×2 tensor),
 * each unary op of a leaf, layout ops of a leaf, and (for a variable at the root) unary and
 * binary ops through layout ops.
 */
function candidates(name: string, root: boolean): Node[] {
  const leaves = [B.input(name), B.input(`${name}T`, TENSOR)];
  const second = [B.input(`${name}2`), B.input(`${name}2T`, TENSOR)];
  const out: Node[] = [...leaves];
  for (const x of leaves) for (const op of UNARY) out.push(...build(op, [x]));
  for (const x of leaves) out.push(...LAYOUT(x));
  if (!root) return out;
  for (const [i, x] of leaves.entries()) {
    for (const l of LAYOUT(x)) for (const op of UNARY) out.push(...build(op, [l]));
    const y = second[i]!;
    for (const op of BINARY) {
      for (const [lx, ly] of LAYOUT(x).map((l, j) => [l, LAYOUT(y)[j]!] as const)) {
        out.push(...build(op, [lx, ly]), ...build(op, [lx, B.constant(2)]));
      }
    }
  }
  return out;
}

/** Every way of building pattern `p` (variables bound consistently), lazily. */
function* instantiate(
  p: Pattern,
  env: ReadonlyMap<string, Node>,
  root: boolean,
): Generator<[Node, ReadonlyMap<string, Node>]> {
  switch (p.kind) {
    case 'var': {
      const bound = env.get(p.name);
      if (bound) {
        yield [bound, env];
        return;
      }
      for (const c of candidates(p.name, root)) {
        if (!p.test || p.test(c)) yield [c, new Map(env).set(p.name, c)];
      }
      return;
    }
    case 'const':
      for (const v of p.value === undefined ? [2, 0.5] : [p.value]) yield [B.constant(v), env];
      return;
    case 'op':
      yield* instantiateOp(p.op, p.args, [], env);
  }
}

function* instantiateOp(
  op: string,
  rest: readonly Pattern[],
  done: readonly Node[],
  env: ReadonlyMap<string, Node>,
): Generator<[Node, ReadonlyMap<string, Node>]> {
  if (rest.length === 0) {
    for (const n of build(op, done)) yield [n, env];
    return;
  }
  for (const [arg, next] of instantiate(rest[0]!, env, false)) {
    yield* instantiateOp(op, rest.slice(1), [...done, arg], next);
  }
}

/** The context a rule sees when it rewrites the root of a graph of its own. */
function contextOf(root: ApplyNode): RuleContext {
  const order = toposort([root]);
  const counts = useCounts(order, [root]);
  const users = usersOf(order);
  return { original: root, uses: (x) => counts.get(x) ?? 0, users: (x) => users.get(x) ?? [] };
}

/** The rule applied once at `node`'s root: undefined when it does not match or does not fire. */
export function applyRule(rule: Rule, node: Node): RuleInstance | undefined {
  if (node.kind !== 'apply') return undefined;
  const b = match(rule.pattern, node);
  if (!b) return undefined;
  try {
    const r = rule.rewrite(b, node, contextOf(node));
    return r === undefined || r === node ? undefined : { original: node, rewritten: r };
  } catch (e) {
    return { original: node, rewritten: { threw: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * Hand-written instances for rules whose pattern is a whole region (a bare variable): the
 * textbook's σ + cross-entropy simplification, cancellations, and constant coefficients that
 * fold near the ends of the exponent range.
 */
export const EXTRA_INSTANCES: Readonly<Record<string, () => readonly Node[]>> = {
  // constants folded as they are pulled out of a chain, near the ends of the exponent range
  'constant-product': () => {
    const x = B.input('x');
    return [
      B.mul(2, B.mul(3, x)),
      B.mul(0.5, B.mul(-1.5, x)),
      B.mul(1e200, B.mul(1e-300, x)),
      B.mul(1e-150, B.mul(1e-150, x)),
    ];
  },
  // the adjoint of a broadcast scalar, as the autodiff driver builds it
  'broadcast-scalar-operand': () => {
    const [s, x] = [B.input('s'), B.input('xT', TENSOR)];
    return [
      B.mul(B.broadcastTo(B.reshape(s, [1, 1]), TENSOR), x),
      B.sub(x, B.broadcastTo(s, TENSOR)),
    ];
  },
  'log-softmax': () => {
    const x = B.input('xT', TENSOR);
    return [0, 1].map((axis) => B.log(B.apply('softmax', [x], { axis })));
  },
  'softmax-by-hand': () => {
    const x = B.input('xT', TENSOR);
    const e = B.exp(x);
    return [
      B.div(e, B.sum(e, { axis: 0, keepdims: true })),
      B.div(e, B.broadcastTo(B.sum(e, { axis: 1, keepdims: true }), TENSOR)),
    ];
  },
  'sum-of-one-hot': () => [
    B.sum(B.apply('oneHot', [], { classes: 3, labels: [2, 0, 1, 1] }), { axis: 0 }),
    B.sum(B.apply('oneHot', [], { classes: 2, labels: [1, 0] }), { axis: 0, keepdims: true }),
  ],
  // slices and joins: the patterns' operands are ops the generic candidates do not build
  'slice-of-concat': () => {
    const [a, b] = [B.input('a', [2, 3]), B.input('b', [3, 3])];
    return [B.slice(B.concat([a, b]), { start: 2, end: 4 }), B.slice(B.concat([a, b]), { end: 2 })];
  },
  'concat-of-slices': () => {
    const x = B.input('x', [4, 3]);
    return [
      B.concat([B.slice(x, { end: 1 }), B.slice(x, { start: 1 })]),
      B.concat([B.slice(x, { axis: 1, end: 2 }), B.slice(x, { axis: 1, start: 2 }), x], {
        axis: 1,
      }),
    ];
  },
  'slice-of-pad': () => {
    const g = B.input('g', [2, 3]);
    const padded = B.apply('pad', [g], { axis: 0, start: 1, end: 3, shape: [4, 3] });
    return [B.slice(padded, { start: 1, end: 3 }), B.slice(padded, { end: 1 })];
  },
  'slice-of-slice': () => {
    const x = B.input('x', [5, 4]);
    return [
      B.slice(B.slice(x, { start: 1 }), { start: 1, end: 3 }),
      B.slice(B.slice(x, { axis: 1, start: -3 }), { axis: 1, start: 1 }),
    ];
  },
  'rational-normalize': () => {
    const [a, b, y] = [B.input('a'), B.input('b'), B.input('y')];
    return [
      B.mul(B.sub(B.div(y, a), B.div(B.sub(1, y), B.sub(1, a))), B.mul(a, B.sub(1, a))),
      B.mul(B.div(a, b), b),
      B.sub(B.add(a, b), b),
      B.div(B.div(a, 1e160), 1e160),
      B.div(B.div(a, 1e-200), 1e-200),
      B.div(B.mul(a, 1e200), 1e200),
    ];
  },
};

const MAX_TRIES = 20_000;

/** Up to `limit` generic instances of `rule`, then its hand-written ones. */
export function instancesOf(rule: Rule, limit = 2): RuleInstance[] {
  const found: RuleInstance[] = [];
  const seen = new Set<Node>();
  let tries = 0;
  for (const [node] of instantiate(rule.pattern, new Map(), true)) {
    if (found.length >= limit || ++tries > MAX_TRIES) break;
    if (seen.has(node)) continue;
    seen.add(node);
    const inst = applyRule(rule, node);
    if (inst) found.push(inst);
  }
  for (const node of EXTRA_INSTANCES[rule.name]?.() ?? []) {
    const inst = applyRule(rule, node);
    if (inst) found.push(inst);
  }
  return found;
}
