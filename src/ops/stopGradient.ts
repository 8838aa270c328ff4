import { printed, PREC, type StructuralOp } from './define.js';

/**
 * stopGradient(x) = x, treated as a constant by differentiation: no gradient flows back through it
 * (grad, vjp, hvp) and its tangent is zero (jvp). It only marks the graph for the differentiators:
 * the optimizer removes it (the derivatives are already built by then), so it costs nothing.
 */
export const stopGradient: StructuralOp = {
  kind: 'structural',
  name: 'stopGradient',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x]) => x!,
  eval: ([x]) => x!.data,
  range: ([a]) => a!,
  math: ([x]) => printed(`stop(${x!.text})`, PREC.atom),
  jvp: () => null,
  vjp: () => [null],
};
