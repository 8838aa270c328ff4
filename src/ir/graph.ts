import { GradgenError, at } from '../errors.js';
import {
  describeNotANode,
  isLeaf,
  isNode,
  newWalk,
  NodeBase,
  type ApplyNode,
  type LeafNode,
  type Node,
} from './node.js';
import { formatShape } from './shape.js';
import { userCallSite } from './site.js';

/**
 * `outputs` is an object of named nodes (`{ J, da }`), as evaluate, optimize, explain and
 * printGraph take: E_BAD_ARGUMENT names the entry that is not a node.
 */
export function checkNamedNodes(where: string, outputs: unknown): void {
  if (
    typeof outputs !== 'object' ||
    outputs === null ||
    Array.isArray(outputs) ||
    isNode(outputs)
  ) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: expects an object of named graph nodes, e.g. { J, da }, got ${outputs === null ? 'null' : Array.isArray(outputs) ? 'an array' : isNode(outputs) ? 'a node (wrap it: { y })' : typeof outputs}${at(userCallSite())}`,
    );
  }
  for (const [key, value] of Object.entries(outputs)) {
    if (!isNode(value)) {
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `${where}: output '${key}' is ${describeNotANode(value)}${at(userCallSite())}`,
      );
    }
  }
}

/**
 * Every node reachable from `roots`, operands before their users (iterative, so 100k-node chains do
 * not overflow the stack). Order is deterministic: depth-first, operands left to right. Nodes
 * `skip` is true of are left out, and so is what lies below them where only they reach it.
 */
export function toposort(roots: readonly Node[], skip?: (n: Node) => boolean): Node[] {
  const order: Node[] = [];
  // a node is seen when its mark is this walk's (a Set of 10⁵ nodes cost most of the walk)
  const walk = newWalk();
  // the path being walked (`path[0..top]`), and how many operands of each node on it are done
  const path: Node[] = [];
  const next: number[] = [];
  for (const root of roots) {
    if (!NodeBase.reach(root, walk) || (skip !== undefined && skip(root))) continue;
    let top = 0;
    path[0] = root;
    next[0] = 0;
    while (top >= 0) {
      const node = path[top]!;
      let child: Node | undefined;
      if (node.kind === 'apply') {
        const args = node.args;
        let i = next[top]!;
        // the next operand not reached yet (and not skipped), if any
        while (i < args.length) {
          const a = args[i++]!;
          if (NodeBase.reach(a, walk) && (skip === undefined || !skip(a))) {
            child = a;
            break;
          }
        }
        next[top] = i;
      }
      if (child === undefined) {
        order.push(node);
        top--;
      } else {
        top++;
        path[top] = child;
        next[top] = 0;
      }
    }
  }
  return order;
}

/**
 * The inputs and params that `roots` depend on, in first-use order. Values are bound by name, so
 * two different leaves with one name in the same computation are an error.
 */
export function leavesOf(roots: readonly Node[], where = 'graph'): LeafNode[] {
  return leavesIn(toposort(roots), where);
}

/** {@link leavesOf} of roots whose toposort the caller has already (`order`). */
export function leavesIn(order: readonly Node[], where = 'graph'): LeafNode[] {
  const leaves = checkLeafNames(order.filter(isLeaf), where);
  return leaves.sort(compareLeaves);
}

/**
 * Signature order: inputs (data) before params; then by layer number (`W1 b1 W2 b2`), then name.
 * It depends on names only, so every process emits the same signature for the same graph.
 */
export function compareLeaves(a: LeafNode, b: LeafNode): number {
  const rank = (l: LeafNode) => (l.kind === 'input' ? 0 : 1);
  const layer = (l: LeafNode) => Number(/(\d+)$/.exec(l.name)?.[1] ?? -1);
  return (
    rank(a) - rank(b) || layer(a) - layer(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

export function checkLeafNames(leaves: LeafNode[], where: string): LeafNode[] {
  const byName = new Map<string, LeafNode>();
  for (const leaf of leaves) {
    const other = byName.get(leaf.name);
    if (other && other !== leaf) {
      const show = (l: LeafNode) =>
        `${l.kind} '${l.name}' ${formatShape(l.shape)}${l.kind === 'param' ? ` init ${l.init}` : ''}${at(l.site)}`;
      throw new GradgenError(
        'E_BAD_NAME',
        `${where}: two different leaves share the name '${leaf.name}': ${show(other)} and ${show(leaf)}`,
      );
    }
    byName.set(leaf.name, leaf);
  }
  return leaves;
}

/**
 * The op nodes among `nodes` that use each node as an operand (in `nodes` order); with `asked`,
 * only for the nodes it is true of (a table of 10⁵ nodes nobody asks about is not made).
 */
export function usersOf(
  nodes: readonly Node[],
  asked?: (n: Node) => boolean,
): Map<Node, ApplyNode[]> {
  const users = new Map<Node, ApplyNode[]>();
  for (const u of nodes) {
    if (u.kind !== 'apply') continue;
    for (const a of u.args) {
      if (asked && !asked(a)) continue;
      const list = users.get(a);
      if (list) list.push(u);
      else users.set(a, [u]);
    }
  }
  return users;
}

/** Whether `a` and `b` hold the same nodes in the same order. */
export function sameNodes(a: readonly Node[], b: readonly Node[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** How many users each node has among `nodes` (plus one per appearance in `roots`). */
export function useCounts(nodes: readonly Node[], roots: readonly Node[]): Map<Node, number> {
  const uses = new Map<Node, number>();
  for (const n of nodes) {
    if (n.kind !== 'apply') continue;
    for (const a of n.args) uses.set(a, (uses.get(a) ?? 0) + 1);
  }
  for (const r of roots) uses.set(r, (uses.get(r) ?? 0) + 1);
  return uses;
}
