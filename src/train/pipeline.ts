/**
 * Full-batch fit with X read once per step (issue 14, item 3). Within one step X is read twice:
 * the forward product P = wᵀX must be complete before dZ exists, and dW = dP·Xᵀ reads X again.
 * Across the steps of a full-batch fit it need not be: the step is rotated so that it ends with
 * the next step's product,
 *
 *   J, dP = the loss and its gradient at P (an input: the previous step's product)
 *   dW = dP·Xᵀ (+ the gradient of the rest of the cost, L2)
 *   W' = the optimizer's update of W, the other params likewise
 *   P' = A(W')·X            (A(W) = W or Wᵀ: the first layer's left operand)
 *
 * and both products of X are rows of X: a kernel can read each block of rows once for dW's dot
 * products, W's update and P''s row updates (src/kernel/pipeline.ts). The first epoch's P comes
 * from a function of its own. These are ordinary graph nodes, so the interpreter, gradcheck and
 * every target apply unchanged.
 *
 * It applies when one data input X (features × batch) is read by one op only, the product A·X
 * with A = W or Wᵀ for a param W, and that product has one row (logistic regression, a linear
 * unit): for more rows the product is a GEMM bound by arithmetic, not by reading X.
 */
import * as B from '../builder/core.js';
import { rebuild } from '../builder/rebuild.js';
import { Namer } from '../emit/names.js';
import { toposort, usersOf } from '../ir/graph.js';
import type { ApplyNode, InputNode, Node, ParamNode } from '../ir/node.js';
import { withCallSite } from '../ir/site.js';

/** The first layer's product of the data that a rotated step can carry. */
export interface FirstProduct {
  /** P = A·X. */
  readonly node: ApplyNode;
  readonly data: InputNode;
  readonly param: ParamNode;
  /** A = Wᵀ (else A = W). */
  readonly transposed: boolean;
}

/** The product P = A·X the rotation applies to in `cost`'s graph, if it does (see the module). */
export function firstProduct(
  cost: Node,
  dataLeaves: readonly InputNode[],
  params: readonly ParamNode[],
): FirstProduct | undefined {
  const users = usersOf(toposort([cost]));
  for (const X of dataLeaves) {
    if (X.shape.length !== 2 || typeof X.shape[0] !== 'number' || typeof X.shape[1] === 'number')
      continue;
    const us = users.get(X) ?? [];
    const P = us[0];
    if (us.length !== 1 || P?.op !== 'matmul' || P.args[1] !== X || P.args[0] === X) continue;
    if (P.shape[0] !== 1) continue;
    const A = P.args[0]!;
    const transposed = A.kind === 'apply' && A.op === 'transpose';
    const W = transposed ? (A as ApplyNode).args[0]! : A;
    const param = params.find((p) => p === W);
    if (param) return { node: P, data: X, param, transposed };
  }
  return undefined;
}

export interface RotationInputs {
  readonly cost: Node;
  /** The cost's gradient with respect to each param (as grad built them, at the product P). */
  readonly grads: readonly Node[];
  readonly params: readonly ParamNode[];
  readonly product: FirstProduct;
  /** Names the model and the module already use (the product's input is named apart from them). */
  readonly taken: readonly string[];
  /** The update of param i from gradient g: `<W>_next` and its optimizer state's `_next` outputs. */
  readonly update: (i: number, g: Node) => Record<string, Node>;
  /** The step's other inputs, in order: data, masks, buffers, params, optimizer state, hyper. */
  readonly inputs: (product: InputNode) => readonly Node[];
}

export interface Rotation {
  /** The product's input (`XProduct`) and output (`XProduct_next`) names. */
  readonly input: string;
  readonly output: string;
  /** The names of X and W. */
  readonly data: string;
  readonly param: string;
  /** The first epoch's product: inputs X, W; output `input`. */
  readonly first: { readonly outputs: Record<string, Node>; readonly inputs: readonly Node[] };
  /** The rotated step: J, the updates' outputs and `output`. */
  readonly step: { readonly outputs: Record<string, Node>; readonly inputs: readonly Node[] };
}

/**
 * The rotated step of a cost whose first product is `r.product` (see the module): the cost and its
 * gradients with P replaced by the input that carries it — the same values, as P's value is the
 * input's, so also the same nodes, call sites and names below P — then the updates, then P′.
 */
export function rotate(r: RotationInputs): Rotation {
  const { node: P, data: X, param: W, transposed } = r.product;
  const namer = new Namer();
  for (const name of r.taken) namer.claim(name);
  const name = namer.fresh(`${X.name}Product`);
  const output = namer.fresh(`${name}_next`);
  const input = B.input(name, P.shape);
  const [cost, ...grads] = rebuild([r.cost, ...r.grads], (n) => (n === P ? input : undefined));
  const outputs: Record<string, Node> = { J: cost! };
  r.params.forEach((_, i) => Object.assign(outputs, r.update(i, grads[i]!)));
  const next = outputs[`${W.name}_next`]!;
  // P′ = A(W′)·X, attributed to P's own call site
  outputs[output] = withCallSite(P.site, () => B.matmul(transposed ? B.transpose(next) : next, X));
  return {
    input: name,
    output,
    data: X.name,
    param: W.name,
    first: { outputs: { [name]: P }, inputs: [X, W] },
    step: { outputs, inputs: r.inputs(input) },
  };
}
