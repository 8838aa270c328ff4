import type { Node } from '../ir/node.ts';
import { formatShape, sameShape, type Shape } from '../ir/shape.ts';

/**
 * The one place where a gradient is brought back to its operand's shape: an operand that was
 * broadcast in the forward pass receives the sum of the gradient over the broadcast axes (this is
 * where the textbook's `db = (1/m) Σ dZ` comes from). Op rules never do this themselves.
 */
export function unbroadcast(g: Node, shape: Shape): Node {
  if (sameShape(g.shape, shape)) return g;
  // Reductions arrive with tensor graphs; until then every shape in a graph is a scalar's.
  throw new Error(
    `internal: cannot un-broadcast a gradient of shape ${formatShape(g.shape)} to ${formatShape(shape)} yet`,
  );
}
