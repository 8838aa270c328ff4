import { elementwise, printed, PREC, scaled } from './define.js';
import * as I from './interval.js';
import { E } from '../kernel/expr.js';

/**
 * relu(x) = max(x, 0). Kink: relu′(0) = 0 (as in TensorFlow and PyTorch). NaN stays NaN (as in
 * PyTorch), so NaN data cannot hide behind a ReLU: `Math.max`, not `x > 0 ? x : 0`.
 */
export const relu = elementwise({
  name: 'relu',
  arity: 1,
  smooth: false,
  scalar: ([x]) => Math.max(x!, 0),
  expr: ([x]) => `Math.max(${x}, 0)`,
  wasm: ([x]) => E.relu(x!),
  range: ([a]) => I.clampedBelow(0, a!),
  math: ([x]) => printed(`relu(${x!.text})`, PREC.atom),
  // d relu(x) = [x > 0]·dx
  jvp: ({ tangents: [t], args: [x], b }) => scaled(b, t, b.gt(x!, 0)),
  // relu′ = [x > 0]
  vjp: ({ g, args: [x], b }) => [b.mul(g, b.gt(x!, 0))],
  kinks: ([x]) => [x!],
  safe: ([x], _attrs, margin) => Math.abs(x!) > margin,
  sample: [[-3, 3]],
});
