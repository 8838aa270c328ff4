import { elementwise, printed, PREC } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/** where(c, a, b) = a where c ≠ 0, b elsewhere. The condition gets no gradient. */
export const where = elementwise({
  name: 'where',
  arity: 3,
  smooth: false,
  scalar: ([c, a, b]) => (c !== 0 ? a! : b!),
  expr: ([c, a, b]) => `${c} !== 0 ? ${a} : ${b}`,
  wasm: ([c, a, b]) => E.select('ne', c!, E.c(0), a!, b!),
  range: ([, a, b]) => I.union(a!, b!),
  math: ([c, a, b]) => printed(`(${c!.text} ? ${a!.text} : ${b!.text})`, PREC.atom),
  // the selected branch's tangent (the condition is piecewise constant)
  jvp: ({ tangents: [, ta, tb], args: [c], b }) =>
    ta || tb ? b.where(c!, ta ?? 0, tb ?? 0) : null,
  // the selected branch gets the whole adjoint
  vjp: ({ g, args: [c], b }) => [null, b.where(c!, g, 0), b.where(c!, 0, g)],
  // the branch switches where c becomes or stops being 0: where sign(|c|) changes
  kinks: ([c], _attrs, b) => [b.abs(c!)],
  safe: ([c], _attrs, margin) => c === 0 || Math.abs(c!) > margin,
  sample: [
    [0, 1],
    [-3, 3],
    [-3, 3],
  ],
});
