import { GradgenError, at } from '../errors.ts';
import { formatShape } from '../ir/shape.ts';
import { flatIndex, forLoop, paren, printed, PREC, sizeExpr, type StructuralOp } from './define.ts';

/** Matrix transpose: (n, m) → (m, n). */
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
  emit: (k) => {
    const [x] = k.args;
    const [i, j] = [k.local('i'), k.local('j')];
    k.line(`const ${k.out} = ${k.alloc(sizeExpr(k.outDims))};`);
    k.line(forLoop(i, x!.dims[0]!));
    k.line(forLoop(j, x!.dims[1]!));
    k.line(`${k.out}[${flatIndex([j, i], k.outDims)}] = ${x!.ref}[${flatIndex([i, j], x!.dims)}];`);
    k.line('}');
    k.line('}');
  },
  range: ([a]) => a!,
  math: ([x]) => printed(`${paren(x!, PREC.atom)}ᵀ`, PREC.pow),
  // (xᵀ)ᵀ = x
  vjp: ({ g, b }) => [b.transpose(g)],
};
