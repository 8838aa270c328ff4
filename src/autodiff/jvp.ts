/**
 * Forward-mode differentiation as a graph → graph function, like `grad`: the tangent of every
 * node, from the tangents of some inputs, by each op's own `jvp` rule (written beside its vjp and
 * independently of it). The result is made of ordinary nodes: it is optimized, compiled, printed
 * and differentiated again like any graph.
 */
import { stableForm } from '../rewrite/stable.js';
import * as B from '../builder/core.js';
import { toposort } from '../ir/graph.js';
import { nameHint, setNameHint, type Node } from '../ir/node.js';
import { userCallSite, withCallSite } from '../ir/site.js';
import { opDef } from '../ops/index.js';
import { flatten, leavesArgument, pairedVectors, type Like, type Nodes } from './structure.js';
import { broadcastTangent } from './unbroadcast.js';

/**
 * The directional derivatives J·v of `outputs` (a node, an array or a record of nodes) along
 * `tangents`, one per input (an input or param, of its shape), in the structure of `outputs`:
 * `jvp(J, [W1], [input('v_W1', W1.shape)])` is the derivative of J along v_W1. An output that
 * does not depend on the inputs gets a constant 0 of its shape. The primal values are the outputs
 * themselves.
 */
export function jvp<const O extends Nodes>(
  outputs: O,
  inputs: readonly Node[],
  tangents: Nodes,
): Like<O> {
  const flat = flatten('jvp', 'outputs', outputs);
  const leaves = leavesArgument('jvp', inputs);
  const vs = pairedVectors('jvp', 'tangents', tangents, leaves);
  const seeds = new Map<Node, Node>();
  leaves.forEach((x, i) => {
    const sum = seeds.get(x);
    seeds.set(x, sum ? B.add(sum, vs[i]!) : vs[i]!);
  });
  // the stable form of each output is differentiated, as grad does: a tangent as stable as the
  // optimized forward (and no cheaper forward for it to be measured against)
  const stable = flat.nodes.map((y) => stableForm(y));
  const tangent = propagateTangents(stable, seeds, userCallSite());
  return flat.rebuild(stable.map((y) => tangent.get(y) ?? B.constant(0, y.shape))) as Like<O>;
}

/**
 * Forward mode's one loop: the tangent of every node of `roots` that depends on a seeded leaf,
 * in topological order. A rule's result is broadcast to its node's shape in one place
 * ({@link broadcastTangent}); a tangent named after its node reads `Z1_dot` (Ż1).
 */
export function propagateTangents(
  roots: readonly Node[],
  seeds: ReadonlyMap<Node, Node>,
  site: string | undefined,
): Map<Node, Node> {
  const tangent = new Map<Node, Node>(seeds);
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply') continue;
    const ts = n.args.map((a) => tangent.get(a) ?? null);
    if (ts.every((t) => t === null)) continue;
    const t = withCallSite(n.site ?? site, () =>
      opDef(n.op).jvp({ args: n.args, out: n, tangents: ts, attrs: n.attrs, b: B }),
    );
    if (!t || (t.kind === 'const' && t.value === 0)) continue;
    const full = withCallSite(n.site ?? site, () => broadcastTangent(t, n.shape));
    const hint = nameHint(n);
    if (hint) setNameHint(full, `${hint}_dot`);
    tangent.set(n, full);
  }
  return tangent;
}
