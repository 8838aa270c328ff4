/**
 * The form `grad` differentiates: the cost after the canonicalize and stabilize phases (layout
 * ops moved out of the way, log∘σ and log(1 + eˣ) in their softplus forms). The derivative of
 * the stable form is made of stable pieces (softplus′ = σ), so the gradient that reaches the user
 * is as stable as the loss, whatever layout ops stand between σ and the log.
 */
import type { Node } from '../ir/node.js';
import { runPhase, type Firing } from './engine.js';
import { canonicalize, stabilize } from './rules.js';

export function stableForm(cost: Node): Node {
  const log: Firing[] = [];
  let root = cost;
  // the two phases to a joint fixed point (a stability rule can make a layout op movable again);
  // capped, as every round's result is the cost in an equal form
  for (let round = 0; round < 4; round++) {
    const before = log.length;
    for (const phase of [canonicalize, stabilize]) root = runPhase([root], phase, log)[0]!;
    if (log.length === before) break;
  }
  return root;
}
