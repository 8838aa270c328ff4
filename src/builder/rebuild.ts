/**
 * Graph → graph by substitution: every node of `roots` rebuilt on its operands' new values, each
 * op node through `visit` first (its replacement, or undefined to rebuild it as it is). A node
 * whose operands did not change is kept (hash-consing would find it anyway); a rebuilt one keeps
 * its call site and name hint.
 */
import * as B from './core.js';
import { toposort } from '../ir/graph.js';
import { nameHint, setNameHint, type ApplyNode, type Node } from '../ir/node.js';
import { withCallSite } from '../ir/site.js';

export function rebuild(
  roots: readonly Node[],
  visit: (n: ApplyNode, args: readonly Node[]) => Node | undefined,
): Node[] {
  const memo = new Map<Node, Node>();
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply') {
      memo.set(n, n);
      continue;
    }
    const args = n.args.map((a) => memo.get(a)!);
    const swapped = visit(n, args);
    if (swapped !== undefined) {
      memo.set(n, swapped);
      continue;
    }
    if (args.every((a, i) => a === n.args[i])) {
      memo.set(n, n);
      continue;
    }
    const rebuilt = withCallSite(n.site, () => B.apply(n.op as never, args, n.attrs));
    const hint = nameHint(n);
    if (hint) setNameHint(rebuilt, hint);
    memo.set(n, rebuilt);
  }
  return roots.map((r) => memo.get(r)!);
}
