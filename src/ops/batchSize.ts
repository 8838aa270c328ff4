import * as I from './interval.js';
import { printed, PREC, type StructuralOp } from './define.js';

/** The size of a symbolic (batch) dimension, known at call time: `m` in `1/m`. */
export const batchSize: StructuralOp = {
  kind: 'structural',
  name: 'batchSize',
  arity: 0,
  commutative: false,
  smooth: true,
  shape: () => [],
  eval: (_args, attrs, _shape, dims) => Float64Array.of(dims[attrs.dim as string]!),
  emit: (k) => k.line(`const ${k.out} = ${k.attrs.dim as string};`),
  range: () => I.interval(1, Infinity),
  math: (_args, attrs) => printed(attrs.dim as string, PREC.atom),
  jvp: () => null,
  vjp: () => [],
};
