import { elementwise, formatNumber, numberLiteral, printed, PREC, scaled } from './define.js';
import { E } from '../kernel/expr.js';

/** leakyRelu(x, s) = x for x > 0, s·x otherwise. Kink: leakyRelu′(0) = s. */
export const leakyRelu = elementwise({
  name: 'leakyRelu',
  arity: 1,
  smooth: false,
  scalar: ([x], { slope }) => (x! > 0 ? x! : (slope as number) * x!),
  expr: ([x], { slope }) => `${x} > 0 ? ${x} : ${numberLiteral(slope as number)} * ${x}`,
  wasm: ([x], { slope }) => E.leakyRelu(x!, slope as number),
  math: ([x], { slope }) =>
    printed(`leakyRelu(${x!.text}, ${formatNumber(slope as number)})`, PREC.atom),
  // d leakyRelu(x) = (1 where x > 0, s elsewhere)·dx
  jvp: ({ tangents: [t], args: [x], attrs, b }) =>
    scaled(b, t, b.where(b.gt(x!, 0), 1, attrs.slope as number)),
  // leakyRelu′ = 1 where x > 0, s elsewhere
  vjp: ({ g, args: [x], attrs, b }) => [b.mul(g, b.where(b.gt(x!, 0), 1, attrs.slope as number))],
  kinks: ([x]) => [x!],
  safe: ([x], _attrs, margin) => Math.abs(x!) > margin,
  sample: [[-3, 3]],
});
