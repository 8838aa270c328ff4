/**
 * What softmax, logSoftmax and logsumexp share: the lines along one axis of a tensor, and per
 * line its maximum M (the first index it is at) and the rest R = Σ over the other elements of
 * e^(x − M). Then Σ e^(x − M) = 1 + R, and log Σ e^(x − M) = log1p(R) keeps the digits of a rest
 * far below 1 (log softmax of the largest logit is −R, not a rounded 0).
 */
import type * as Builder from '../builder/core.js';
import { GradgenError, at } from '../errors.js';
import type { Attrs, Node } from '../ir/node.js';
import { formatShape, type Shape } from '../ir/shape.js';
import type { KernelWriter, TensorValue } from './define.js';
import { forLoop } from './define.js';

/** The axis a line op runs along (normalized: 0 ≤ axis < rank). */
export const axisOf = (attrs: Attrs) => attrs.axis as number;

/** softmax(x) along `axis`: the derivative of logsumexp, and the node a model's softmax is. */
export function softmaxOf(b: typeof Builder, x: Node, axis: number): Node {
  return b.apply('softmax', [x], { axis });
}

/** E_SHAPE unless `axis` is an axis of `x` (the shape rule of the softmax family). */
export function checkAxis(
  op: string,
  x: Shape,
  axis: number,
  site: () => string | undefined,
): void {
  if (!Number.isInteger(axis) || axis < 0 || axis >= x.length) {
    throw new GradgenError(
      'E_SHAPE',
      `${op}: axis ${axis} is out of range for shape ${formatShape(x)}${at(site())}`,
    );
  }
}

/**
 * log n ≤ log 2⁵³ for the length n of any line (no array holds more elements): what the range
 * rules of the family may assume when they do not know n.
 */
export const LOG_MAX_LENGTH = Math.log(2 ** 53);

export interface LineStats {
  readonly max: number;
  readonly rest: number;
}

/** Every line of `x` along `axis`: its first element's flat index, with the stride between elements. */
export function linesOf(
  shape: readonly number[],
  axis: number,
): { starts: number[]; stride: number } {
  const n = shape[axis]!;
  const stride = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const total = shape.reduce((p, d) => p * d, 1);
  const starts: number[] = [];
  for (let o = 0; o < total / n; o++)
    starts.push(Math.floor(o / stride) * n * stride + (o % stride));
  return { starts, stride };
}

/** M and R of the line of `x` at `base` (reference semantics; the emitted loop is the same). */
export function lineStats(x: TensorValue, n: number, base: number, stride: number): LineStats {
  let max = x.data[base]!;
  let at = 0;
  for (let k = 1; k < n; k++) {
    if (x.data[base + k * stride]! > max) [max, at] = [x.data[base + k * stride]!, k];
  }
  let rest = 0;
  for (let k = 0; k < n; k++) if (k !== at) rest += Math.exp(x.data[base + k * stride]! - max);
  return { max, rest };
}

/**
 * Emits the loops that compute M and R of the line at `idx` (its entry on the axis is the loop
 * variable `idx[axis]`) into fresh locals, and returns their names.
 */
export function emitLineStats(
  k: KernelWriter,
  idx: readonly string[],
  axis: number,
  n: string,
): { max: string; rest: string } {
  const j = idx[axis]!;
  const [max, at, rest, v] = ['max', 'at', 'rest', 'v'].map((name) => k.local(name)) as [
    string,
    string,
    string,
    string,
  ];
  const first = idx.map((v, a) => (a === axis ? '0' : v));
  k.line(`let ${max} = ${k.load(0, first)};`);
  k.line(`let ${at} = 0;`);
  k.line(`for (let ${j} = 1; ${j} < ${n}; ${j}++) {`);
  k.line(`const ${v} = ${k.load(0, idx)};`);
  k.line(`if (${v} > ${max}) {`);
  k.line(`${max} = ${v};`);
  k.line(`${at} = ${j};`);
  k.line('}');
  k.line('}');
  k.line(`let ${rest} = 0;`);
  k.line(forLoop(j, n));
  k.line(`if (${j} !== ${at}) ${rest} += Math.exp(${k.load(0, idx)} - ${max});`);
  k.line('}');
  return { max, rest };
}

/** Opens the loops over every axis but `axis` (or a block, for a rank-1 tensor); returns the closer. */
export function openLines(
  k: KernelWriter,
  dims: readonly string[],
  axis: number,
  idx: readonly string[],
): () => void {
  const open = dims.filter((_, a) => a !== axis).length;
  dims.forEach((d, a) => {
    if (a !== axis) k.line(forLoop(idx[a]!, d));
  });
  if (open === 0) k.line('{');
  return () => {
    if (open === 0) k.line('}');
    for (let i = 0; i < open; i++) k.line('}');
  };
}
