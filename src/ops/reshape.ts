import { GradgenError, at } from '../errors.js';
import { formatShape, type Shape } from '../ir/shape.js';
import { isContiguous, rowMajorStrides, type StructuralOp } from './define.js';

function sizes(shape: Shape): { fixed: number; symbolic: string[] } {
  let fixed = 1;
  const symbolic: string[] = [];
  for (const d of shape) {
    if (typeof d === 'number') fixed *= d;
    else symbolic.push(d);
  }
  return { fixed, symbolic };
}

/** Same elements in the same (row-major) order, another shape. Free: it aliases its operand. */
export const reshape: StructuralOp = {
  kind: 'structural',
  name: 'reshape',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x], attrs, site) => {
    const target = attrs.shape as Shape;
    const a = sizes(x!);
    const b = sizes(target);
    if (a.fixed !== b.fixed || a.symbolic.join() !== b.symbolic.join()) {
      throw new GradgenError(
        'E_SHAPE',
        `reshape: ${formatShape(x!)} cannot become ${formatShape(target)}: the element counts differ${at(site())}`,
      );
    }
    return target;
  },
  eval: ([x]) => x!.data,
  // a contiguous operand is reinterpreted in place; anything else is copied first
  view: (x, _attrs, outDims) =>
    isContiguous(x) ? { ...x, dims: outDims, strides: rowMajorStrides(outDims) } : undefined,
  range: ([a]) => a!,
  math: ([x]) => x!,
  // the tangent is rearranged like the value
  jvp: ({ tangents: [t], out, b }) => (t ? b.reshape(t, out.shape) : null),
  vjp: ({ g, args: [x], b }) => [b.reshape(g, x!.shape)],
};
