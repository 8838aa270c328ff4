/**
 * Where a cost has kinks: every non-smooth op of its graph declares the expressions whose signs
 * pick its smooth piece (`kinks` in its op file: relu's x, max's a − b). The probe compiles them
 * into one function; a perturbation that changes any of their signs crossed a kink, and there a
 * difference quotient does not estimate the derivative.
 */
import * as B from '../builder/core.js';
import { compile } from '../emit/compile.js';
import { toposort } from '../ir/graph.js';
import type { Node } from '../ir/node.js';
import type { InputValues } from '../ir/values.js';
import { opDef } from '../ops/index.js';

/** The kink expressions of the ops in `cost`'s graph (none: the cost is smooth). */
export function kinkExpressions(cost: Node): Node[] {
  const nodes = new Set<Node>();
  for (const n of toposort([cost])) {
    if (n.kind !== 'apply') continue;
    // a constant never changes its sign (relu(2))
    for (const k of opDef(n.op).kinks?.(n.args, n.attrs, B) ?? [])
      if (k.kind !== 'const') nodes.add(k);
  }
  return [...nodes];
}

/**
 * A function of the cost's inputs whose values' signs say which side of each kink the point is
 * on, for {@link CostAndGradient}'s `kinks`; undefined when the cost has none.
 */
export function kinkProbe(
  cost: Node,
  inputs: readonly Node[],
): ((x: InputValues) => Float64Array) | undefined {
  const nodes = kinkExpressions(cost);
  if (nodes.length === 0) return undefined;
  const outputs = Object.fromEntries(nodes.map((n, i) => [`k${i}`, n]));
  const f = compile(outputs, { inputs: [...inputs], name: 'kinkSides' });
  const keys = Object.keys(outputs);
  return (x) => {
    // copied at once: a compiled function reuses its output arrays on the next call
    const values = f(x, { checkValues: false });
    const parts = keys.map((k) => values[k]!);
    let size = 0;
    for (const p of parts) size += typeof p === 'number' ? 1 : p.length;
    const out = new Float64Array(size);
    let o = 0;
    for (const p of parts) {
      if (typeof p === 'number') out[o++] = p;
      else for (let i = 0; i < p.length; i++) out[o++] = p[i]!;
    }
    return out;
  };
}

/** True when some value has another sign in `moved` than in `base` (0 being a sign of its own). */
export function crossesKink(base: ArrayLike<number>, moved: ArrayLike<number>): boolean {
  for (let i = 0; i < base.length; i++)
    if (Math.sign(base[i]!) !== Math.sign(moved[i]!)) return true;
  return false;
}
