import { GradgenError, at } from '../errors.js';
import { formatShape } from '../ir/shape.js';
import { paren, printed, PREC, type StructuralOp } from './define.js';

/** Matrix transpose: (n, m) → (m, n). Compiled as indexing (a view), never as a copy. */
export const transpose: StructuralOp = {
  kind: 'structural',
  name: 'transpose',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x], _attrs, site) => {
    if (x!.length !== 2) {
      throw new GradgenError(
        'E_SHAPE',
        `transpose: ${formatShape(x!)} is not a matrix (rank 2)${at(site())}`,
      );
    }
    return [x![1]!, x![0]!];
  },
  eval: ([x], _attrs, [m, n]) => {
    const out = new Float64Array(n! * m!);
    for (let i = 0; i < n!; i++)
      for (let j = 0; j < m!; j++) out[j * n! + i] = x!.data[i * m! + j]!;
    return out;
  },
  view: (x) => ({
    ...x,
    dims: [x.dims[1]!, x.dims[0]!],
    strides: [x.strides[1]!, x.strides[0]!],
  }),
  range: ([a]) => a!,
  math: ([x]) => printed(`${paren(x!, PREC.atom)}ᵀ`, PREC.pow),
  // d(xᵀ) = (dx)ᵀ
  jvp: ({ tangents: [t], b }) => (t ? b.transpose(t) : null),
  // (xᵀ)ᵀ = x
  vjp: ({ g, b }) => [b.transpose(g)],
};
