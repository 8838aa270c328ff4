/**
 * The form `grad` differentiates: the cost after the canonicalize and stabilize phases (layout
 * ops moved out of the way, log∘σ and log(1 + eˣ) in their softplus forms). The derivative of
 * the stable form is made of stable pieces (softplus′ = σ), so the gradient that reaches the user
 * is as stable as the loss, whatever layout ops stand between σ and the log.
 */
import * as B from '../builder/core.js';
import { rebuild } from '../builder/rebuild.js';
import { toposort } from '../ir/graph.js';
import { applyKey, nameHint, setNameHint, type Node } from '../ir/node.js';
import { runPhase, Walks, type Firing } from './engine.js';
import { canonicalize, stabilize } from './rules.js';

export function stableForm(cost: Node): Node {
  const log: Firing[] = [];
  const walks = new Walks();
  let root = cost;
  // the two phases to a joint fixed point (a stability rule can make a layout op movable again);
  // capped, as every round's result is the cost in an equal form
  for (let round = 0; round < 4; round++) {
    const before = log.length;
    for (const phase of [canonicalize, stabilize])
      root = runPhase([root], phase, log, undefined, walks)[0]!;
    if (log.length === before) break;
  }
  return root;
}

/**
 * `roots` with every node that is one of `cost`'s named nodes but for the name (the σ(Z2) that
 * softplus′ builds, for the user's A2 = σ(Z2)) replaced by the named node: the backward reuses the
 * forward's values, and reads in the user's names.
 */
export function reuseNamed(roots: readonly Node[], cost: Node): Node[] {
  const named = new Map<string, Node>();
  for (const n of toposort([cost])) {
    if (n.kind === 'apply' && n.label !== undefined) named.set(applyKey(n.op, n.args, n.attrs), n);
  }
  if (named.size === 0) return [...roots];
  return rebuild(roots, (n, args) => {
    const made = args.every((a, i) => a === n.args[i]) ? n : B.apply(n.op as never, args, n.attrs);
    let m: Node = n.label === undefined ? made : B.withLabel(made, n.label);
    if (m.kind === 'apply' && m.label === undefined) {
      m = named.get(applyKey(m.op, m.args, m.attrs)) ?? m;
    }
    const hint = nameHint(n);
    if (hint && m !== n) setNameHint(m, hint);
    return m;
  });
}
