import { GradgenError, at } from '../errors.js';
import { broadcastShapes, formatShape, sameShape, type Shape } from '../ir/shape.js';
import { elementwise, printed } from './define.js';

/**
 * Repeats x along its size-1 axes to `shape` (NumPy rules). It is the identity per element, so the
 * emitter's broadcasting loops implement it, and its gradient is just the adjoint: the autodiff
 * driver's un-broadcast sums it back to x's shape.
 */
export const broadcastTo = elementwise({
  name: 'broadcastTo',
  arity: 1,
  scalar: ([x]) => x!,
  expr: ([x]) => x!,
  range: ([a]) => a!,
  math: ([x]) => printed(x!.text, x!.prec),
  shape: ([x], attrs, site) => {
    const target = attrs.shape as Shape;
    const result = broadcastShapes([x!, target], 'broadcastTo', site);
    if (!sameShape(result, target)) {
      throw new GradgenError(
        'E_SHAPE',
        `broadcastTo: ${formatShape(x!)} cannot be broadcast to ${formatShape(target)}${at(site())}`,
      );
    }
    return target;
  },
  // broadcast axes get stride 0: the same element is read again
  view: (x, _attrs, outDims) => {
    const lead = outDims.length - x.dims.length;
    return {
      ...x,
      dims: outDims,
      strides: outDims.map((d, k) =>
        k < lead || (x.dims[k - lead] === '1' && d !== '1') ? '0' : x.strides[k - lead]!,
      ),
    };
  },
  // the tangent is repeated like the value
  jvp: ({ tangents: [t], attrs, b }) => (t ? b.broadcastTo(t, attrs.shape as Shape) : null),
  vjp: ({ g }) => [g],
  sample: [[-3, 3]],
});
