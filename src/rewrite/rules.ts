/**
 * The rule sets, phase by phase. Each rule is data: a name, its algebra on one line, the domain
 * where it is valid when that is not everywhere, a pattern and a rewrite.
 */
import * as B from '../builder/core.js';
import { nameHint, setNameHint, type ApplyNode, type ConstNode, type Node } from '../ir/node.js';
import { sameShape } from '../ir/shape.js';
import { excludesZero, isNonNegative, isPositive } from '../ops/interval.js';
import { opDef } from '../ops/index.js';
import { graphSize, rule, type Phase, type RuleContext } from './engine.js';
import { k, op, v } from './pattern.js';
import { rangeOf } from './range.js';
import { operandWindows } from '../ops/concat.js';
import { windowOf } from '../ops/slice.js';
import { foldable, isArithmetic, normalizeRational, Readings } from './rational.js';

const LAYOUT = new Set(['reshape', 'transpose', 'broadcastTo']);
const isScalar = (n: Node) => n.shape.length === 0;
const isConstant = (n: Node) => n.kind === 'const';
/**
 * A scalar that may be gathered outside a product, Σ or matmul: moving it reassociates, so a
 * constant far from 1 stays put ((1e-200·a)·(1e-200·b) → 1e-200·(1e-200·(a·b)) overflows a·b
 * where the original is 1), as in the rational normal form.
 */
const movableScalar = (n: Node) => isScalar(n) && (n.kind !== 'const' || foldable(n.value));
const zeroLike = (n: Node) => B.constant(0, n.shape);
const oneLike = (n: Node) => B.constant(1, n.shape);
/** `inner` takes over the name of the node it is pulled out of (`dZ` for `(1/m)·dZ`). */
const inheritName = (from: Node, inner: Node) => {
  const hint = nameHint(from);
  if (hint) setNameHint(inner, hint);
  return inner;
};

const isOp = (n: Node, name: string): n is ApplyNode => n.kind === 'apply' && n.op === name;

/** x[i:k] for x[i:j] and x[j:k], adjacent windows from the front along `axis`; else undefined. */
function adjacentSlices(a: Node, b: Node, axis: number): Node | undefined {
  if (!isOp(a, 'slice') || !isOp(b, 'slice') || a.args[0] !== b.args[0]) return undefined;
  const [wa, wb] = [windowOf(a.attrs), windowOf(b.attrs)];
  if (wa.axis !== axis || wb.axis !== axis || wa.start < 0 || wb.end === null) return undefined;
  if (wb.start !== wa.end) return undefined;
  return B.apply('slice', [a.args[0]!], { axis, start: wa.start, end: wb.end });
}

function isUnaryElementwise(n: Node): n is ApplyNode {
  if (n.kind !== 'apply') return false;
  const def = opDef(n.op);
  return def.kind === 'elementwise' && def.arity === 1 && n.op !== 'broadcastTo';
}

/** `a` if it is a reshape or transpose (a layout op that is not a broadcast). */
const layoutOf = (a: Node) =>
  a.kind === 'apply' && LAYOUT.has(a.op) && a.op !== 'broadcastTo' ? a : undefined;
/** `a` if it is any layout op. */
const anyLayout = (a: Node) => (a.kind === 'apply' && LAYOUT.has(a.op) ? a : undefined);

/** Re-applies a layout op (reshape/transpose/broadcastTo) with its attributes to a new operand. */
function relayout(layout: ApplyNode, x: Node): Node {
  return B.apply(layout.op as never, [x], layout.attrs);
}

export const canonicalize: Phase = {
  name: 'canonicalize',
  rules: [
    rule(
      'elementwise-through-layout',
      'f(L(x)) → L(f(x)) for elementwise f and L ∈ {reshape, transpose, broadcast}',
      v('n', isUnaryElementwise),
      (_b, n) => {
        const [x] = n.args;
        if (x!.kind !== 'apply' || !LAYOUT.has(x!.op)) return undefined;
        return relayout(x!, B.apply(n.op as never, [x!.args[0]!], n.attrs));
      },
    ),
    rule(
      'binary-through-layout',
      'f(L(x), L(y)) → L(f(x, y)) for elementwise f and the same layout op on equal shapes; f(L(x), c) → L(f(x, c)) for a scalar constant c',
      v(
        'n',
        (n) => n.kind === 'apply' && opDef(n.op).kind === 'elementwise' && n.args.length === 2,
      ),
      (_b, n) => {
        const [x, y] = n.args as [Node, Node];
        const lx = layoutOf(x);
        const ly = layoutOf(y);
        if (
          lx &&
          ly &&
          lx.op === ly.op &&
          JSON.stringify(lx.attrs) === JSON.stringify(ly.attrs) &&
          sameShape(lx.args[0]!.shape, ly.args[0]!.shape)
        ) {
          return relayout(lx, B.apply(n.op as never, [lx.args[0]!, ly.args[0]!], n.attrs));
        }
        // (scalar factors are moved outward by the scalar-out-of-* rules instead)
        if (n.op === 'mul' && (isScalar(x) || isScalar(y))) return undefined;
        // a scalar constant is the same under any layout op, broadcasts included: 1 − L(σ(x))
        const ax = anyLayout(x);
        const ay = anyLayout(y);
        if (ax && y.kind === 'const' && isScalar(y))
          return relayout(ax, B.apply(n.op as never, [ax.args[0]!, y], n.attrs));
        if (ay && x.kind === 'const' && isScalar(x))
          return relayout(ay, B.apply(n.op as never, [x, ay.args[0]!], n.attrs));
        return undefined;
      },
    ),
    rule(
      'broadcast-scalar-operand',
      'f(broadcast(s), y) → f(s, y) for a scalar s and y of the result’s shape (elementwise ops broadcast scalars themselves)',
      v(
        'n',
        (n) => n.kind === 'apply' && opDef(n.op).kind === 'elementwise' && n.args.length === 2,
      ),
      (_b, n) => {
        const args = (n as ApplyNode).args;
        const peeled = args.map(broadcastScalar);
        if (peeled.every((p) => p === undefined)) return undefined;
        const out = args.map((a, i) => peeled[i] ?? a);
        if (!out.some((a) => sameShape(a.shape, n.shape))) return undefined;
        return B.apply((n as ApplyNode).op as never, out, (n as ApplyNode).attrs);
      },
    ),
  ],
};

/** The scalar s of broadcastTo(s) or broadcastTo(reshape(s)) (a one-element reshape), if `n` is one. */
function broadcastScalar(n: Node): Node | undefined {
  if (n.kind !== 'apply' || n.op !== 'broadcastTo') return undefined;
  let inner = n.args[0]!;
  if (inner.kind === 'apply' && inner.op === 'reshape' && inner.args[0]!.shape.length === 0) {
    inner = inner.args[0]!;
  }
  return isScalar(inner) ? inner : undefined;
}

export const stabilize: Phase = {
  name: 'stabilize',
  rules: [
    rule(
      'log-one-minus-sigmoid',
      'log(1 − σ(x)) → −softplus(x)   (1 − σ(x) = σ(−x) and log σ(−x) = −softplus(x))',
      op('log', op('sub', k(1), op('sigmoid', v('x')))),
      ({ x }, n) => (sameShape(x!.shape, n.shape) ? B.neg(B.softplus(x!)) : undefined),
    ),
    rule(
      'one-minus-sigmoid',
      '1 − σ(x) → σ(−x)   (no cancellation for large x)',
      op(
        'sub',
        k(1),
        v('s', (n) => n.kind === 'apply' && n.op === 'sigmoid'),
      ),
      ({ s }, n, ctx) => {
        // only where σ(x) has no other use: otherwise 1 − σ(x) reuses it (σ′ = σ(1 − σ)) and the
        // rewrite would cost a second exp; log(1 − σ(x)) is handled by its own rule
        const original = ctx.original.kind === 'apply' ? ctx.original.args[1] : undefined;
        if (!original || ctx.uses(original) !== 1) return undefined;
        const x = (s as ApplyNode).args[0]!;
        return sameShape(x.shape, n.shape) ? B.sigmoid(B.neg(x)) : undefined;
      },
    ),
    rule('log-sigmoid', 'log σ(x) → −softplus(−x)', op('log', op('sigmoid', v('x'))), ({ x }) =>
      B.neg(B.softplus(B.neg(x!))),
    ),
    rule(
      'log-one-plus-exp',
      'log(1 + eˣ) → softplus(x)',
      op(
        'log',
        op(
          'add',
          v('x1', (n) => n.kind === 'apply' && n.op === 'exp'),
          k(1),
        ),
      ),
      ({ x1 }, n) =>
        sameShape(x1!.shape, n.shape) ? B.softplus((x1 as ApplyNode).args[0]!) : undefined,
    ),
    rule(
      'log-exp',
      'log(eˣ) → x',
      op('log', op('exp', v('x'))),
      ({ x }) => x,
      'exact in ℝ; in floats eˣ overflows for x > 709 and underflows below −745, so the rewrite is the more accurate',
    ),
    rule(
      'log-softmax',
      'log softmax_a(x) → logSoftmax_a(x)   (finite where softmax underflows to 0)',
      op(
        'log',
        v('s', (n) => n.kind === 'apply' && n.op === 'softmax'),
      ),
      ({ s }) => B.apply('logSoftmax', [(s as ApplyNode).args[0]!], (s as ApplyNode).attrs),
    ),
    rule(
      'log-sum-exp',
      'log Σₐ eˣ → logsumexp_a(x)   (max-shifted: no overflow)',
      op('log', op('sum', op('exp', v('x')))),
      ({ x }, n) => {
        const total = (n as ApplyNode).args[0] as ApplyNode;
        const axes = total.attrs.axis as readonly number[] | null;
        const rank = x!.shape.length;
        const axis =
          axes === null ? (rank === 1 ? 0 : undefined) : axes.length === 1 ? axes[0] : undefined;
        if (axis === undefined) return undefined;
        const kept = B.apply('logsumexp', [x!], { axis });
        return sameShape(kept.shape, n.shape) ? kept : B.reshape(kept, n.shape);
      },
    ),
    rule(
      'softmax-by-hand',
      'eˣ / Σₐ eˣ → softmax_a(x)   (written out, it overflows at x > 709 and is 0/0 below −745)',
      op('div', op('exp', v('x')), v('d')),
      ({ x, d }, n) => {
        const total = d!.kind === 'apply' && d!.op === 'broadcastTo' ? d!.args[0]! : d!;
        if (total.kind !== 'apply' || total.op !== 'sum' || total.attrs.keepdims !== true)
          return undefined;
        const axes = total.attrs.axis as readonly number[] | null;
        if (axes?.length !== 1 || total.args[0] !== B.exp(x!)) return undefined;
        const soft = B.apply('softmax', [x!], { axis: axes[0]! });
        return sameShape(soft.shape, n.shape) ? soft : undefined;
      },
    ),
    rule(
      'softplus-minus-self',
      'softplus(x) − x → softplus(−x)   (the left side cancels for large x; the right is e^−x to full precision)',
      op('sub', op('softplus', v('x')), v('x')),
      ({ x }, n) => (sameShape(x!.shape, n.shape) ? B.softplus(B.neg(x!)) : undefined),
    ),
    rule(
      'self-minus-softplus',
      'x − softplus(x) → −softplus(−x)   (log σ(x) as written by hand; no cancellation for large x)',
      op('sub', v('x'), op('softplus', v('x'))),
      ({ x }, n) => (sameShape(x!.shape, n.shape) ? B.neg(B.softplus(B.neg(x!))) : undefined),
    ),
    // ---- log1p and expm1 (issue 13) ----------------------------------------------------------
    // Kept in a block of their own, after the softplus rules: log(1 + eˣ) is softplus's (its
    // `x` excludes eˣ, so that rule wins whatever order the engine tries them in).
    rule(
      'log-one-plus',
      'log(1 + x) → log1p(x)   (1 + x rounds away the digits of a small x)',
      op(
        'log',
        op(
          'add',
          v('x', (n) => !(n.kind === 'apply' && n.op === 'exp')),
          k(1),
        ),
      ),
      ({ x }, n) => (sameShape(x!.shape, n.shape) ? B.log1p(x!) : undefined),
    ),
    rule(
      'exp-minus-one',
      'eˣ − 1 → expm1(x)   (eˣ − 1 cancels for small x)',
      op('sub', op('exp', v('x')), k(1)),
      ({ x }, n) => (sameShape(x!.shape, n.shape) ? B.expm1(x!) : undefined),
    ),
    // ---- end of log1p and expm1
  ],
};

export const simplify: Phase = {
  name: 'simplify',
  rules: [
    rule('mul-zero', 'x·0 → 0', op('mul', v('x'), k(0)), (_b, n) => zeroLike(n)),
    rule('sub-self', 'x − x → 0', op('sub', v('x'), v('x')), (_b, n) => zeroLike(n)),
    rule(
      'div-self',
      'x/x → 1',
      op('div', v('x'), v('x')),
      ({ x }, n) => (excludesZero(rangeOf(x!)) ? oneLike(n) : undefined),
      'x ≠ 0',
    ),
    rule(
      'exp-log',
      'exp(log x) → x',
      op('exp', op('log', v('x'))),
      ({ x }) => (isPositive(rangeOf(x!)) ? x : undefined),
      'x > 0',
    ),
    rule(
      'pow-pow',
      '(xᵃ)ᵇ → xᵃᵇ',
      op('pow', op('pow', v('x'))),
      ({ x }, n) => {
        const inner = (n.args[0] as ApplyNode).attrs.k as number;
        const outer = n.attrs.k as number;
        const ok = isPositive(rangeOf(x!)) || (Number.isInteger(inner) && Number.isInteger(outer));
        return ok ? B.pow(x!, inner * outer) : undefined;
      },
      'x > 0, or integer exponents',
    ),
    rule('sqrt-square', '√(x²) → |x|', op('sqrt', op('square', v('x'))), ({ x }) => B.abs(x!)),
    rule(
      'square-sqrt',
      '(√x)² → x',
      op('square', op('sqrt', v('x'))),
      ({ x }) => (isNonNegative(rangeOf(x!)) ? x : undefined),
      'x ≥ 0',
    ),
    rule(
      'neg-out-of-product',
      'a·(−b) → −(a·b)   (signs gather outside, where they cancel: −(−x) = x)',
      op('mul', v('a'), op('neg', v('b'))),
      ({ a, b }, n) => {
        const r = B.neg(B.mul(a!, b!));
        return sameShape(r.shape, n.shape) ? r : undefined;
      },
    ),
    rule(
      'add-of-negations',
      '(−a) + (−b) → −(a + b)',
      op('add', op('neg', v('a')), op('neg', v('b'))),
      ({ a, b }, n) => {
        const r = B.neg(B.add(a!, b!));
        return sameShape(r.shape, n.shape) ? r : undefined;
      },
    ),
    rule('neg-out-of-sum', 'Σ(−x) → −Σx', op('sum', op('neg', v('x'))), ({ x }, n) =>
      B.neg(B.apply('sum', [x!], n.attrs)),
    ),
    rule('neg-sub', '−(a − b) → b − a', op('neg', op('sub', v('a'), v('b'))), ({ a, b }, n) => {
      const r = B.sub(b!, a!);
      return sameShape(r.shape, n.shape) ? r : undefined;
    }),
    rule(
      'scalar-out-of-product',
      'a·(s·b) → s·(a·b) for a scalar s and tensors a, b (scalars gather outside, to fold into a loop)',
      op(
        'mul',
        v('a', (n) => !isScalar(n)),
        op(
          'mul',
          v('s', movableScalar),
          v('b', (n) => !isScalar(n)),
        ),
      ),
      ({ a, s, b }, n) => {
        const inner = B.mul(a!, b!);
        return sameShape(inner.shape, n.shape) ? B.mul(s!, inheritName(n, inner)) : undefined;
      },
    ),
    rule(
      'constant-product',
      'c·(d·x) → (cd)·x for constants c, d (a chain of constant factors folds as it is pulled out)',
      op('mul', v('c', isConstant), op('mul', v('d', isConstant), v('x'))),
      ({ c, d, x }, n) => {
        const [a, b] = [(c as ConstNode).value, (d as ConstNode).value];
        const p = a * b;
        // keep both factors where their product would overflow, or underflow to 0
        if (!Number.isFinite(p) || (p === 0 && a !== 0 && b !== 0)) return undefined;
        const r = B.mul(p, inheritName(n.args[0] === c ? n.args[1]! : n.args[0]!, x!));
        return sameShape(r.shape, n.shape) ? r : undefined;
      },
    ),
    rule(
      'scalar-out-of-sum',
      'Σ(s·x) → s·Σx for a scalar s (Σ is linear)',
      op('sum', op('mul', v('s', movableScalar), v('x'))),
      ({ s, x }, n) =>
        sameShape(x!.shape, (n.args[0] as Node).shape)
          ? B.mul(s!, B.apply('sum', [inheritName(n.args[0]!, x!)], n.attrs))
          : undefined,
    ),
    rule(
      'scalar-out-of-matmul-left',
      '(s·A)·B → s·(A·B) for a scalar s',
      op('matmul', op('mul', v('s', movableScalar), v('a')), v('b')),
      ({ s, a, b }, n) => B.mul(s!, B.matmul(inheritName(n.args[0]!, a!), b!)),
    ),
    rule(
      'scalar-out-of-matmul-right',
      'A·(s·B) → s·(A·B) for a scalar s',
      op('matmul', v('a'), op('mul', v('s', movableScalar), v('b'))),
      ({ s, a, b }, n) => B.mul(s!, B.matmul(a!, inheritName(n.args[1]!, b!))),
    ),
    rule(
      'scalar-out-of-transpose',
      '(s·A)ᵀ → s·Aᵀ for a scalar s',
      op('transpose', op('mul', v('s', isScalar), v('a'))),
      ({ s, a }, n) => B.mul(s!, B.transpose(inheritName(n.args[0]!, a!))),
    ),
    rule(
      'transpose-of-matmul',
      '(A·B)ᵀ → Bᵀ·Aᵀ when that leaves fewer transposes',
      op('transpose', op('matmul', v('a'), v('b'))),
      ({ a, b }) => {
        const t = (x: Node) => (x.kind === 'apply' && x.op === 'transpose' ? 1 : 0);
        const before = 1 + t(a!) + t(b!);
        const after = 2 - t(a!) - t(b!);
        return after < before ? B.matmul(B.transpose(b!), B.transpose(a!)) : undefined;
      },
    ),
    rule(
      'slice-of-concat',
      'concat(a, b, …)[w] → a[w − offset of a] when the window w lies within one operand',
      op(
        'slice',
        v('c', (n) => isOp(n, 'concat')),
      ),
      ({ c }, n) => {
        const cat = c as ApplyNode;
        const w = windowOf(n.attrs);
        if (w.axis !== cat.attrs.axis || w.start < 0 || w.end === null) return undefined;
        const end = w.end;
        const windows = operandWindows(
          cat.args.map((a) => a.shape),
          w.axis,
        );
        const i = windows.findIndex((o) => o.end !== null && o.start <= w.start && end <= o.end);
        if (i < 0) return undefined;
        const { start } = windows[i]!;
        return B.apply('slice', [cat.args[i]!], {
          axis: w.axis,
          start: w.start - start,
          end: end - start,
        });
      },
    ),
    rule(
      'concat-of-slices',
      'concat(…, x[i:j], x[j:k], …) → concat(…, x[i:k], …) along the slices’ axis (x when i:k is all of x)',
      v('n', (n) => isOp(n, 'concat') && n.args.length > 1),
      (_b, n) => {
        const axis = n.attrs.axis as number;
        const merged: Node[] = [];
        for (const a of n.args) {
          const joined = merged.length > 0 ? adjacentSlices(merged.at(-1)!, a, axis) : undefined;
          if (joined) merged[merged.length - 1] = joined;
          else merged.push(a);
        }
        return merged.length < n.args.length ? B.apply('concat', merged, n.attrs) : undefined;
      },
    ),
    rule(
      'slice-of-pad',
      'pad(g, w)[w] → g;  pad(g, w)[v] → 0 for a window v disjoint from w',
      op(
        'slice',
        v('p', (n) => isOp(n, 'pad')),
      ),
      ({ p }, n) => {
        const padded = p as ApplyNode;
        const [w, v] = [windowOf(padded.attrs), windowOf(n.attrs)];
        if (w.axis !== v.axis) return undefined;
        if (w.start === v.start && w.end === v.end) return padded.args[0]!;
        const disjoint =
          w.start >= 0 &&
          v.start >= 0 &&
          w.end !== null &&
          v.end !== null &&
          (v.end <= w.start || w.end <= v.start);
        return disjoint ? zeroLike(n) : undefined;
      },
    ),
    rule(
      'slice-of-slice',
      'x[a:b][c:d] → x[a + c : a + d] along one axis',
      op('slice', op('slice', v('x'))),
      ({ x }, n) => {
        const [inner, outer] = [windowOf((n.args[0] as ApplyNode).attrs), windowOf(n.attrs)];
        if (inner.axis !== outer.axis || outer.start < 0 || outer.end === null) return undefined;
        const end = inner.start + outer.end;
        return B.apply('slice', [x!], {
          axis: inner.axis,
          start: inner.start + outer.start,
          end: inner.start < 0 && end === 0 ? null : end,
        });
      },
    ),
    rule(
      'sum-of-broadcast-scalar',
      'Σ broadcast(s) → (number of elements)·s for a scalar s',
      op('sum', op('broadcastTo', v('s', isScalar))),
      ({ s }, n) => {
        if (n.attrs.axis !== null || n.attrs.keepdims === true) return undefined;
        const dims = (n.args[0] as Node).shape;
        return B.mul(B.elementCount(dims), s!);
      },
    ),
    rule(
      'sum-of-one-hot',
      'Σ₀ oneHot(l) → 1   (each one-hot column has a single 1)',
      op(
        'sum',
        v('h', (n) => n.kind === 'apply' && n.op === 'oneHot'),
      ),
      (_b, n) => {
        const axes = n.attrs.axis as readonly number[] | null;
        if (axes?.length !== 1 || axes[0] !== 0) return undefined;
        return oneLike(n);
      },
    ),
  ],
};

/** Per pass (a context is a pass's): the regions of its graph read node by node, once. */
const readings = new WeakMap<RuleContext, Readings>();
function readingsOf(ctx: RuleContext): Readings {
  let r = readings.get(ctx);
  if (!r) readings.set(ctx, (r = new Readings((x) => ctx.uses(x) <= 1)));
  return r;
}

/**
 * The rational normal form over arithmetic regions. Regions shift as the graph changes, so the
 * phase keeps a pass only when the whole graph gets smaller (see `Phase.measure`).
 */
export const normalize: Phase = {
  name: 'normalize',
  measure: graphSize,
  rules: [
    rule(
      'rational-normalize',
      'cancel common factors, combine over common denominators, collect like terms: (y/a − (1−y)/(1−a))·a(1−a) → y − a',
      v('n', isArithmetic),
      (_b, n, ctx) => {
        const users = ctx.users(ctx.original);
        // only at the root of an arithmetic region (its interior is read from there)
        if (users.length === 1 && isArithmetic(users[0]!) && ctx.uses(ctx.original) === 1)
          return undefined;
        return normalizeRational(n, readingsOf(ctx));
      },
      'a/a cancels only where the range analysis shows a ≠ 0; constant factors fold only within 2^±64',
    ),
  ],
};

/** The phases in the order the optimizer runs them. */
export const PHASES: readonly Phase[] = [canonicalize, stabilize, simplify, normalize];
