import * as B from '../builder/core.js';
import type { Node } from '../ir/node.js';
import { sameShape, type Shape } from '../ir/shape.js';

/**
 * The one place where a gradient is brought back to its operand's shape: an operand that was
 * broadcast in the forward pass receives the sum of the gradient over the broadcast axes (this is
 * where the textbook's `db = (1/m) Σ dZ` comes from). Op rules never do this themselves.
 */
export function unbroadcast(g: Node, shape: Shape): Node {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.shape.length - shape.length;
  const axes: number[] = [];
  g.shape.forEach((d, i) => {
    const target = i < lead ? 1 : shape[i - lead]!;
    if (target === 1 && d !== 1) axes.push(i);
  });
  const summed = B.sum(g, { axis: axes, keepdims: true });
  return sameShape(summed.shape, shape) ? summed : B.reshape(summed, shape);
}

/**
 * The dual of {@link unbroadcast}, for forward mode: a tangent computed from operands that were
 * broadcast (the tangent of `b` in `Z = W·X + b`) is repeated to its node's shape, in this one
 * place. Op rules never do this themselves.
 */
export function broadcastTangent(t: Node, shape: Shape): Node {
  return sameShape(t.shape, shape) ? t : B.broadcastTo(t, shape);
}
