import { GradgenError, at } from '../errors.ts';
import { formatShape } from '../ir/shape.ts';
import { flatIndex, forLoop, paren, printed, PREC, sizeExpr, type StructuralOp } from './define.ts';

/** Matrix product of (n, k) and (k, m) matrices. */
export const matmul: StructuralOp = {
  kind: 'structural',
  name: 'matmul',
  arity: 2,
  commutative: false,
  smooth: true,
  shape: ([a, b], _attrs, site) => {
    if (a!.length !== 2 || b!.length !== 2) {
      throw new GradgenError(
        'E_SHAPE',
        `matmul: ${formatShape(a!)} @ ${formatShape(b!)}: both operands must be matrices (rank 2)${at(site())}`,
      );
    }
    if (a![1] !== b![0]) {
      throw new GradgenError(
        'E_SHAPE',
        `matmul: ${formatShape(a!)} @ ${formatShape(b!)}: inner dimensions ${a![1]} and ${b![0]} differ${at(site())}`,
      );
    }
    return [a![0]!, b![1]!];
  },
  eval: ([a, b], _attrs, [n, m]) => {
    const k = a!.shape[1]!;
    const out = new Float64Array(n! * m!);
    for (let i = 0; i < n!; i++) {
      for (let p = 0; p < k; p++) {
        const aip = a!.data[i * k + p]!;
        for (let j = 0; j < m!; j++) out[i * m! + j]! += aip * b!.data[p * m! + j]!;
      }
    }
    return out;
  },
  // i-k-j order: the innermost loop walks both B and the result contiguously
  emit: (k) => {
    const [a, b] = k.args;
    const [n, m] = k.outDims;
    const inner = a!.dims[1]!;
    const [i, p, j, aip] = [k.local('i'), k.local('p'), k.local('j'), k.local('a')];
    k.line(`const ${k.out} = ${k.alloc(sizeExpr([n!, m!]))};`);
    k.line(forLoop(i, n!));
    k.line(forLoop(p, inner));
    k.line(`const ${aip} = ${a!.ref}[${flatIndex([i, p], a!.dims)}];`);
    k.line(forLoop(j, m!));
    k.line(
      `${k.out}[${flatIndex([i, j], k.outDims)}] += ${aip} * ${b!.ref}[${flatIndex([p, j], b!.dims)}];`,
    );
    k.line('}');
    k.line('}');
    k.line('}');
  },
  math: ([a, b]) => printed(`${paren(a!, PREC.mul)}·${paren(b!, PREC.mul + 1)}`, PREC.mul),
  // d(AB)/dA = g·Bᵀ, d(AB)/dB = Aᵀ·g
  vjp: ({ g, args: [x, y], needs, b }) => [
    needs[0] ? b.matmul(g, b.transpose(y!)) : null,
    needs[1] ? b.matmul(b.transpose(x!), g) : null,
  ],
};
