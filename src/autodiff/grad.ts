/**
 * Reverse-mode differentiation as a graph → graph function: the result is made of ordinary nodes,
 * so it can be printed, simplified, compiled, and differentiated again.
 */
import * as B from '../builder/core.js';
import { GradgenError, at } from '../errors.js';
import { toposort } from '../ir/graph.js';
import {
  isNode,
  nameHint,
  setNameHint,
  type LeavesOf,
  type Node,
  type RankOf,
  type Unsure,
} from '../ir/node.js';
import { formatShape, isScalarShape } from '../ir/shape.js';
import { userCallSite, withCallSite } from '../ir/site.js';
import { formula } from '../ir/print.js';
import { opDef } from '../ops/index.js';
import { reuseNamed, stableForm } from '../rewrite/stable.js';
import { unbroadcast } from './unbroadcast.js';

/**
 * The gradients' types: one per x (a tuple for a tuple of xs), of x's rank, reading some of the
 * leaves of y (which ones depends on the derivative: `d(3a)/da` reads none).
 */
export type Gradients<Y extends Node, Xs extends readonly Node[]> = {
  -readonly [I in keyof Xs]: Node<Unsure<LeavesOf<Y>>, RankOf<Xs[I]>>;
};

/**
 * The gradients of the scalar `y` with respect to each of `xs` (inputs or params), as graph nodes.
 * An x that y does not depend on gets a constant 0 of x's shape. Adjoints of named nodes are named
 * after them (`dZ2` for `Z2`) so generated code reads like the textbook.
 */
export function grad<Y extends Node, const Xs extends readonly Node[]>(
  cost: Y,
  xs: Xs,
): Gradients<Y, Xs> {
  if (!isNode(cost)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `grad: the first argument must be a graph node${at(userCallSite())}`,
    );
  }
  if (!isScalarShape(cost.shape)) {
    throw new GradgenError(
      'E_GRAD_NONSCALAR',
      `grad: ${formula(cost, { depth: 3 })} has shape ${formatShape(cost.shape)}; gradients are taken of a scalar (reduce it with sum or mean first)${at(userCallSite())}`,
    );
  }
  if (!Array.isArray(xs)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `grad: the second argument must be an array of inputs${at(userCallSite())}`,
    );
  }
  xs.forEach((x: unknown, i) => {
    if (!isNode(x) || (x.kind !== 'input' && x.kind !== 'param')) {
      const shown = isNode(x) ? formula(x, { depth: 3 }) : String(x);
      throw new GradgenError(
        'E_GRAD_NOT_INPUT',
        `grad: argument ${i + 1} (${shown}) is not an input or param; gradients are taken with respect to inputs and params${at(userCallSite())}`,
      );
    }
  });

  // the stable form is differentiated, so the backward is as stable as the optimized forward
  const adjoint = backpropagate(
    new Map([[stableForm(cost), B.constant(1, cost.shape)]]),
    xs,
    userCallSite(),
  );
  const found = xs.map((x) => adjoint.get(x));
  const reused = reuseNamed(
    found.filter((g): g is Node => g !== undefined),
    cost,
  );
  const byX = new Map(found.flatMap((g, i) => (g ? [[xs[i]!, reused.shift()!] as const] : [])));
  return xs.map((x) => {
    const g = byX.get(x) ?? B.constant(0, x.shape);
    setNameHint(g, `d${(x as { name: string }).name}`);
    return g;
  }) as Gradients<Y, Xs>;
}

/**
 * Reverse mode's one loop: the adjoints of every node between the seeded roots and `xs`, from the
 * roots' seed adjoints (1 for a cost; the cotangents of a vjp). Each op's vjp gives per-operand
 * contributions, summed back to the operand's shape by {@link unbroadcast}.
 */
export function backpropagate(
  seeds: ReadonlyMap<Node, Node>,
  xs: readonly Node[],
  site: string | undefined,
): Map<Node, Node> {
  const order = toposort([...seeds.keys()]);
  const targets = new Set<Node>(xs);
  // Nodes that depend on something being differentiated: only these need adjoints.
  const relevant = new Set<Node>();
  for (const n of order) {
    if (targets.has(n) || (n.kind === 'apply' && n.args.some((a) => relevant.has(a))))
      relevant.add(n);
  }
  const adjoint = new Map<Node, Node>(seeds);
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    if (n.kind !== 'apply' || !relevant.has(n)) continue;
    const g = adjoint.get(n);
    if (!g) continue;
    const hint = nameHint(n);
    if (hint) setNameHint(g, `d${hint}`);
    const needs = n.args.map((a) => relevant.has(a));
    // The backward of a node is attributed to the line that built the node.
    withCallSite(n.site ?? site, () => {
      const contributions = opDef(n.op).vjp({
        args: n.args,
        out: n,
        g,
        attrs: n.attrs,
        needs,
        b: B,
      });
      n.args.forEach((arg, j) => {
        const c = contributions[j];
        if (!needs[j] || !c || (c.kind === 'const' && c.value === 0)) return;
        const part = unbroadcast(c, arg.shape);
        const sum = adjoint.get(arg);
        adjoint.set(arg, sum ? B.add(sum, part) : part);
      });
    });
  }
  return adjoint;
}
