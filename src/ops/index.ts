import { abs } from './abs.js';
import { argmax, argmin } from './argmax.js';
import { add } from './add.js';
import { batchSize } from './batchSize.js';
import { broadcastTo } from './broadcastTo.js';
import { clip } from './clip.js';
import { eq, ge, gt, le, lt } from './compare.js';
import type { OpDef } from './define.js';
import { div } from './div.js';
import { exp } from './exp.js';
import { expm1 } from './expm1.js';
import { leakyRelu } from './leakyRelu.js';
import { log } from './log.js';
import { logsumexp } from './logsumexp.js';
import { oneHot } from './oneHot.js';
import { softmax } from './softmax.js';
import { logSoftmax } from './logSoftmax.js';
import { log1p } from './log1p.js';
import { matmul } from './matmul.js';
import { max } from './max.js';
import { min } from './min.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { pow } from './pow.js';
import { reduceMax, reduceMin } from './reduceMax.js';
import { relu } from './relu.js';
import { reshape } from './reshape.js';
import { sigmoid } from './sigmoid.js';
import { sign } from './sign.js';
import { softplus } from './softplus.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { tanh } from './tanh.js';
import { transpose } from './transpose.js';
import { where } from './where.js';
import { stopGradient } from './stopGradient.js';
import { customGradient } from './customGradient.js';
import { slice } from './slice.js';
import { pad } from './pad.js';
import { concat } from './concat.js';

/** Every primitive op, by name. Adding an op = one file + one line here. */
export const OPS = {
  add,
  sub,
  mul,
  div,
  neg,
  exp,
  log,
  log1p,
  expm1,
  sqrt,
  square,
  abs,
  sign,
  pow,
  sigmoid,
  softplus,
  tanh,
  relu,
  leakyRelu,
  clip,
  max,
  min,
  gt,
  ge,
  lt,
  le,
  eq,
  where,
  matmul,
  transpose,
  sum,
  logsumexp,
  oneHot,
  softmax,
  logSoftmax,
  reduceMax,
  reduceMin,
  argmax,
  argmin,
  reshape,
  broadcastTo,
  slice,
  pad,
  concat,
  batchSize,
  stopGradient,
  customGradient,
} as const satisfies Record<string, OpDef>;

export type OpName = keyof typeof OPS;

export function opDef(name: string): OpDef {
  const def = (OPS as Record<string, OpDef>)[name];
  if (!def) throw new Error(`internal: unknown op '${name}'`);
  return def;
}
