/**
 * Inverted dropout: dropout(A, keepProb) = A·D/keepProb, where D is a 0/1 mask with P(1) = keepProb.
 * D is an input of the graph, drawn by the trainer from its seeded RNG at every step; `predict`
 * compiles the graph with every dropout replaced by its A (no dropout at test time); gradient
 * checks fix one mask (the textbook's way to check a model with dropout).
 */
import * as B from '../builder/core.js';
import { GradgenError, at } from '../errors.js';
import {
  nameHint,
  type InputNode,
  type LeafSig,
  type LeavesOf,
  type Node,
  type RankOf,
} from '../ir/node.js';
import { userCallSite } from '../ir/site.js';

export interface DropoutInfo {
  readonly activation: Node;
  readonly mask: InputNode;
  readonly keepProb: number;
}

const registry = new WeakMap<Node, DropoutInfo>();
/** The same, by mask: a named twin of a dropout's result (`named` makes a node of its own) has it. */
const byMask = new WeakMap<Node, DropoutInfo>();
let counter = 0;

/** The mask is an input whose name is made at run time: the result's leaves are not known. */
export function dropout<A extends Node>(
  A: A,
  keepProb: number,
): Node<LeavesOf<A> | LeafSig, RankOf<A>> {
  if (typeof keepProb !== 'number' || !(keepProb > 0 && keepProb <= 1)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `dropout: keepProb must be in (0, 1], got ${String(keepProb)}${at(userCallSite())}`,
    );
  }
  if (keepProb === 1) return A as never;
  const hint = nameHint(A);
  const mask = B.input(hint ? `D_${hint}` : `D_${counter++}`, A.shape);
  const out = B.div(B.mul(A, mask), keepProb);
  const info = { activation: A, mask, keepProb };
  registry.set(out, info);
  byMask.set(mask, info);
  return out as never;
}

/** The dropout `n` is the result of — also under a name of its own (`dropout(A, p).named('A1d')`). */
export function dropoutInfo(n: Node): DropoutInfo | undefined {
  const direct = registry.get(n);
  if (direct || n.kind !== 'apply' || n.op !== 'div') return direct;
  const [product, k] = n.args as [Node, Node];
  if (product.kind !== 'apply' || product.op !== 'mul' || k.kind !== 'const') return undefined;
  const info = product.args.map((a) => byMask.get(a)).find((i) => i !== undefined);
  const same =
    info !== undefined && info.keepProb === k.value && product.args.includes(info.activation);
  return same ? info : undefined;
}
