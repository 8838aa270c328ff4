import { abs } from './abs.ts';
import { add } from './add.ts';
import { batchSize } from './batchSize.ts';
import { broadcastTo } from './broadcastTo.ts';
import { eq, ge, gt, le, lt } from './compare.ts';
import type { OpDef } from './define.ts';
import { div } from './div.ts';
import { exp } from './exp.ts';
import { leakyRelu } from './leakyRelu.ts';
import { log } from './log.ts';
import { matmul } from './matmul.ts';
import { max } from './max.ts';
import { min } from './min.ts';
import { mul } from './mul.ts';
import { neg } from './neg.ts';
import { pow } from './pow.ts';
import { relu } from './relu.ts';
import { reshape } from './reshape.ts';
import { sigmoid } from './sigmoid.ts';
import { sign } from './sign.ts';
import { softplus } from './softplus.ts';
import { sqrt } from './sqrt.ts';
import { square } from './square.ts';
import { sub } from './sub.ts';
import { sum } from './sum.ts';
import { tanh } from './tanh.ts';
import { transpose } from './transpose.ts';
import { where } from './where.ts';

/** Every primitive op, by name. Adding an op = one file + one line here. */
export const OPS = {
  add,
  sub,
  mul,
  div,
  neg,
  exp,
  log,
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
  reshape,
  broadcastTo,
  batchSize,
} as const satisfies Record<string, OpDef>;

export type OpName = keyof typeof OPS;

export function opDef(name: string): OpDef {
  const def = (OPS as Record<string, OpDef>)[name];
  if (!def) throw new Error(`internal: unknown op '${name}'`);
  return def;
}
