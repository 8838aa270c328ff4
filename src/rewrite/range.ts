import type { Node } from '../ir/node.js';
import { interval, point, REALS, type Interval } from '../ops/interval.js';
import { opDef } from '../ops/index.js';

const memo = new WeakMap<Node, Interval>();

/**
 * The values `node` can take in exact arithmetic, from each op's `range` (inputs and params:
 * all reals). Nodes are immutable, so results are memoized for good.
 */
export function rangeOf(node: Node): Interval {
  const known = memo.get(node);
  if (known) return known;
  // iterative post-order, so deep graphs do not overflow the stack
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack[stack.length - 1]!;
    if (memo.has(n)) {
      stack.pop();
      continue;
    }
    if (n.kind !== 'apply') {
      memo.set(n, n.kind === 'const' ? point(n.value) : REALS);
      stack.pop();
      continue;
    }
    const pending = n.args.filter((a) => !memo.has(a));
    if (pending.length > 0) {
      stack.push(...pending);
      continue;
    }
    const def = opDef(n.op);
    const r = def.range
      ? def.range(
          n.args.map((a) => memo.get(a)!),
          n.attrs,
        )
      : REALS;
    memo.set(
      n,
      Number.isNaN(r.lo) || Number.isNaN(r.hi) ? REALS : interval(r.lo, r.hi, r.loOpen, r.hiOpen),
    );
    stack.pop();
  }
  return memo.get(node)!;
}
