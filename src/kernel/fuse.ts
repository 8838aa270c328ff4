/**
 * Fusion: which nodes are computed in a consumer's loop instead of a kernel of their own.
 * - an elementwise node used once by an elementwise consumer of the same shape (or by a
 *   reduction, as its operand) is a `const` in that consumer's loop body;
 * - a matmul or reduction used once by an elementwise consumer of its shape gets that consumer's
 *   group as its epilogue (bias, activation, 1/m applied as each result is produced).
 */
import type { ApplyNode, Node } from '../ir/node.js';
import { sameShape } from '../ir/shape.js';
import { opDef } from '../ops/index.js';
import type { FusionPlan } from './ir.js';

/** The loop ops that reduce their operand: elementwise producers fuse into their loops. */
export const REDUCTIONS: ReadonlySet<string> = new Set([
  'sum',
  'reduceMax',
  'reduceMin',
  'argmax',
  'argmin',
]);

/** An elementwise op that is not a layout op (those are views). */
export const isElementwise = (n: Node): n is ApplyNode =>
  n.kind === 'apply' && opDef(n.op).kind === 'elementwise' && !opDef(n.op).view;

const isLoopOp = (n: Node): n is ApplyNode =>
  n.kind === 'apply' && (n.op === 'matmul' || REDUCTIONS.has(n.op));

export interface FusionInput {
  /** Operands before users. */
  readonly nodes: readonly Node[];
  /** The users of each tensor (a scalar op's are not asked: only tensors are fused). */
  readonly users: ReadonlyMap<Node, readonly ApplyNode[]>;
  readonly isOutput: ReadonlySet<Node>;
  /** Nodes that keep kernels of their own (another function of the module shares them). */
  readonly materialize: ReadonlySet<Node>;
}

export function planFusion({ nodes, users, isOutput, materialize }: FusionInput): FusionPlan {
  const uses = (n: Node) => (users.get(n)?.length ?? 0) + (isOutput.has(n) ? 1 : 0);
  const single = (n: Node) =>
    n.shape.length > 0 && uses(n) === 1 && !isOutput.has(n) && !materialize.has(n);
  const fusedInto = new Map<Node, ApplyNode>();
  for (const n of nodes) {
    if (!isElementwise(n) || !single(n)) continue;
    const c = users.get(n)![0]!;
    if (
      (isElementwise(c) && sameShape(c.shape, n.shape)) ||
      (REDUCTIONS.has(c.op) && c.args[0] === n)
    )
      fusedInto.set(n, c);
  }
  const rootOf = new Map<Node, Node>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    // users come after their operands: a consumer's root is known before its operands'
    const n = nodes[i]!;
    const c = fusedInto.get(n);
    if (c) rootOf.set(n, rootOf.get(c) ?? c);
  }
  const producerOf = new Map<Node, ApplyNode>();
  for (const n of nodes) {
    if (!isLoopOp(n) || !single(n)) continue;
    const c = users.get(n)![0]!;
    if (!isElementwise(c) || !sameShape(c.shape, n.shape)) continue;
    const root = rootOf.get(c) ?? c;
    if (!isElementwise(root) || producerOf.has(root)) continue;
    producerOf.set(root, n);
  }
  return { fusedInto, rootOf, producerOf };
}

/**
 * The nodes computed in `owner`'s loop for its operand `anchor`, operands first and `anchor`
 * last: `anchor` and everything fused into `owner` below it (for an elementwise root,
 * anchor = owner).
 */
export function groupOf(plan: FusionPlan, anchor: Node, owner: Node = anchor): ApplyNode[] {
  const group: ApplyNode[] = [];
  const inGroup = new Set<Node>();
  // depth-first, operands before users (iterative: a fused chain may be 10⁵ nodes long)
  const stack: { n: ApplyNode; next: number }[] = [];
  if (anchor.kind === 'apply') stack.push({ n: anchor, next: 0 });
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.n.args.length) {
      const a = top.n.args[top.next++]!;
      if (
        a.kind === 'apply' &&
        plan.fusedInto.has(a) &&
        plan.rootOf.get(a) === owner &&
        !inGroup.has(a)
      )
        stack.push({ n: a, next: 0 });
      continue;
    }
    stack.pop();
    inGroup.add(top.n);
    group.push(top.n);
  }
  return group;
}
