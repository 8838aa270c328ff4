/**
 * Vector-Jacobian products of non-scalar outputs, and Hessian-vector products of scalar costs:
 * both built from the two drivers (reverse mode's backpropagate, forward mode's
 * propagateTangents), graph → graph like `grad`.
 */
import * as B from '../builder/core.js';
import { GradgenError, at } from '../errors.js';
import { isNode, setNameHint, type Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { formatShape, isScalarShape } from '../ir/shape.js';
import { userCallSite } from '../ir/site.js';
import { backpropagate } from './grad.js';
import { propagateTangents } from './jvp.js';
import { flatten, leavesArgument, pairedVectors, type Nodes } from './structure.js';

/**
 * Jᵀ·w: the gradient of ⟨outputs, cotangents⟩ with respect to each input, one node per input
 * (its shape). `outputs` is a node, an array or a record of nodes; `cotangents` has the same
 * structure and shapes. `vjp(J, xs, [constant(1)])` is `grad(J, xs)`.
 */
export function vjp(outputs: Nodes, inputs: readonly Node[], cotangents: Nodes): Node[] {
  const ys = flatten('vjp', 'outputs', outputs).nodes;
  const leaves = leavesArgument('vjp', inputs);
  const ws = pairedVectors('vjp', 'cotangents', cotangents, ys);
  const seeds = new Map<Node, Node>();
  ys.forEach((y, i) => {
    const sum = seeds.get(y);
    seeds.set(y, sum ? B.add(sum, ws[i]!) : ws[i]!);
  });
  const adjoint = backpropagate(seeds, leaves, userCallSite());
  return leaves.map((x) => {
    const g = adjoint.get(x) ?? B.constant(0, x.shape);
    setNameHint(g, `d${x.name}`);
    return g;
  });
}

/**
 * H·v for a scalar cost: one node per param (its shape), the derivative of the gradient along the
 * `vectors` (one per param, same shapes), by forward over reverse — the JVP of the gradient
 * graph, which reuses the forward and backward values and costs about as much again.
 */
export function hvp(cost: Node, params: readonly Node[], vectors: Nodes): Node[] {
  if (!isNode(cost)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `hvp: the cost must be a graph node${at(userCallSite())}`,
    );
  }
  if (!isScalarShape(cost.shape)) {
    throw new GradgenError(
      'E_GRAD_NONSCALAR',
      `hvp: ${formula(cost, { depth: 3 })} has shape ${formatShape(cost.shape)}; Hessian-vector products are taken of a scalar${at(userCallSite())}`,
    );
  }
  const leaves = leavesArgument('hvp', params);
  const vs = pairedVectors('hvp', 'tangents', vectors, leaves);
  const site = userCallSite();
  const adjoint = backpropagate(new Map([[cost, B.constant(1, cost.shape)]]), leaves, site);
  const grads = leaves.map((x) => adjoint.get(x) ?? B.constant(0, x.shape));
  const seeds = new Map<Node, Node>();
  leaves.forEach((x, i) => seeds.set(x, seeds.has(x) ? B.add(seeds.get(x)!, vs[i]!) : vs[i]!));
  const tangent = propagateTangents(grads, seeds, site);
  return leaves.map((x, i) => {
    const hv = tangent.get(grads[i]!) ?? B.constant(0, x.shape);
    setNameHint(hv, `Hv_${x.name}`);
    return hv;
  });
}
