import { GradgenError, at } from '../errors.ts';
import { formatShape } from '../ir/shape.ts';
import { forLoop, paren, printed, PREC, type StructuralOp } from './define.ts';

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
  emit: (k) => {
    const [a, b] = k.args;
    const [n, m] = k.outDims;
    const inner = a!.dims[1]!;
    const [i, p, j] = [k.local('i'), k.local('p'), k.local('j')];
    k.line(forLoop(i, n!));
    if (a!.rowContiguous && (!b!.rowContiguous || m === '1')) {
      // B is read down its columns (e.g. Xᵀ), or the result is a single column (X·dZᵀ): i-j-p
      // order, each result a dot product accumulated in a register
      const acc = k.local('acc');
      k.line(forLoop(j, m!));
      k.line(`let ${acc} = 0;`);
      k.line(forLoop(p, inner));
      k.line(`${acc} += ${k.load(0, [i, p])} * ${k.load(1, [p, j])};`);
      k.line('}');
      k.store([i, j], acc);
      k.line('}');
    } else {
      // i-k-j order: the innermost loop walks a row of B and a row of the result
      const aip = k.local('a');
      k.zero(`${i} * ${m}`, `(${i} + 1) * ${m}`);
      k.line(forLoop(p, inner));
      k.line(`const ${aip} = ${k.load(0, [i, p])};`);
      k.line(forLoop(j, m!));
      k.line(`${k.outAt([i, j])} += ${aip} * ${k.load(1, [p, j])};`);
      k.line('}');
      k.line('}');
      if (k.epilogue) {
        k.line(forLoop(j, m!));
        k.store([i, j], k.outAt([i, j]));
        k.line('}');
      }
    }
    k.line('}');
  },
  math: ([a, b]) => printed(`${paren(a!, PREC.mul)}·${paren(b!, PREC.mul + 1)}`, PREC.mul),
  // d(AB)/dA = g·Bᵀ, d(AB)/dB = Aᵀ·g
  vjp: ({ g, args: [x, y], needs, b }) => [
    needs[0] ? b.matmul(g, b.transpose(y!)) : null,
    needs[1] ? b.matmul(b.transpose(x!), g) : null,
  ],
};
