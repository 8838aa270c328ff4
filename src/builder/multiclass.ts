/**
 * Multi-class pieces: logsumexp (a primitive, max-shifted), softmax and logSoftmax (built on it),
 * one-hot labels and categorical cross-entropy. Classes are rows and examples columns, as
 * everywhere in gradgen, so the class axis — every function's default — is 0.
 */
import { GradgenError, at } from '../errors.js';
import type { LeavesOf, Node, RankOf } from '../ir/node.js';
import { formatShape, sameShape } from '../ir/shape.js';
import { userCallSite } from '../ir/site.js';
import { checkOptions, type OptionSchema } from '../options.js';
import { labelProblem } from '../ops/oneHot.js';
import { softmaxOf } from '../ops/lines.js';
import * as B from './core.js';

export interface AxisOptions {
  /** The axis (negative counts from the end); default 0, the class axis. */
  readonly axis?: number | undefined;
}

export interface LogSumExpOptions extends AxisOptions {
  /** Keep the reduced axis as size 1 (default false). */
  readonly keepdims?: boolean | undefined;
}

const AXIS_OPTIONS: OptionSchema = { axis: { type: 'number', integer: true } };
const LSE_OPTIONS: OptionSchema = { ...AXIS_OPTIONS, keepdims: { type: 'boolean' } };

/** `options.axis` normalized against x's rank, or E_SHAPE naming the op and shape. */
function axisOf(op: string, x: Node, options: AxisOptions, schema: OptionSchema): number {
  checkOptions(op, options, schema);
  const rank = x.shape.length;
  const axis = options.axis ?? 0;
  if (axis < -rank || axis >= rank) {
    throw new GradgenError(
      'E_SHAPE',
      `${op}: axis ${axis} is out of range for shape ${formatShape(x.shape)}${at(userCallSite())}`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/** log Σ exp(x) along `axis` (default 0), computed max-shifted: finite for every finite x. */
export function logsumexp<X extends B.Operand>(
  x: X,
  options: LogSumExpOptions = {},
): Node<LeavesOf<X>, 'tensor'> {
  const node = B.toNode(x, 'logsumexp');
  const axis = axisOf('logsumexp', node, options, LSE_OPTIONS);
  const kept = B.apply('logsumexp', [node], { axis });
  if (options.keepdims === true) return kept as never;
  return B.reshape(
    kept,
    node.shape.filter((_, i) => i !== axis),
  ) as never;
}

/** e^x / Σ e^x along `axis` (default 0, the classes), as e^(x − logsumexp x): nothing overflows. */
export function softmax<X extends B.Operand>(
  x: X,
  options: AxisOptions = {},
): Node<LeavesOf<X>, RankOf<X>> {
  const node = B.toNode(x, 'softmax');
  return softmaxOf(B, node, axisOf('softmax', node, options, AXIS_OPTIONS)) as never;
}

/** log softmax(x) along `axis` (default 0), computed max-shifted: finite where softmax underflows. */
export function logSoftmax<X extends B.Operand>(
  x: X,
  options: AxisOptions = {},
): Node<LeavesOf<X>, RankOf<X>> {
  const node = B.toNode(x, 'logSoftmax');
  const axis = axisOf('logSoftmax', node, options, AXIS_OPTIONS);
  return B.apply('logSoftmax', [node], { axis }) as never;
}

/**
 * Integer class labels as one-hot columns (C, m): `labels` is an input of shape (1, m) or (m)
 * (checked when the call begins: a label that is not an integer in [0, C) is an error naming its
 * index in the data), or a list of numbers checked here.
 */
export function oneHot<L extends Node | readonly number[]>(
  labels: L,
  classes: number,
): Node<L extends Node ? LeavesOf<L> : never, 'tensor'> {
  const site = userCallSite();
  if (!Number.isInteger(classes) || classes < 1) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `oneHot: the number of classes must be a positive integer, got ${String(classes)}${at(site)}`,
    );
  }
  if (Array.isArray(labels)) {
    if (labels.length === 0) {
      throw new GradgenError('E_BAD_ARGUMENT', `oneHot: no labels given${at(site)}`);
    }
    labels.forEach((l: unknown, i) => {
      const problem = typeof l === 'number' ? labelProblem(l, classes) : 'is not a number';
      if (problem) {
        throw new GradgenError(
          'E_BAD_LABEL',
          `oneHot: the label ${JSON.stringify(l)} at index ${i} ${problem}${at(site)}`,
        );
      }
    });
    return B.apply('oneHot', [], { classes, labels: [...labels] }) as never;
  }
  const node = B.toNode(labels, 'oneHot (labels)');
  if (node.kind !== 'input') {
    // the labels are checked where data enters a compiled function: at its inputs
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `oneHot: the labels must be an input (integer class labels of shape (1, m)) or a list of numbers, got ${node.kind === 'apply' ? `the result of ${node.op}` : `a ${node.kind}`}${at(site)}`,
    );
  }
  return B.apply('oneHot', [node], { classes, labels: null, input: node.name }) as never;
}

export interface CrossEntropyOptions {
  /** The first operand is the logits Z (softmax is applied inside, stably). */
  readonly fromLogits?: boolean | undefined;
  /** The class axis (default 0). */
  readonly axis?: number | undefined;
}

const CCE_OPTIONS: OptionSchema = { ...AXIS_OPTIONS, fromLogits: { type: 'boolean' } };

/**
 * Categorical cross-entropy averaged over the batch: J = −(1/m) Σ Y·log ŷ, for labels Y of ŷ's
 * shape (C, m) — one-hot columns, or soft labels (each column a distribution). With
 * `fromLogits: true` the first operand is the logits Z and log ŷ is logSoftmax(Z). Written with
 * `softmax`, the rewrite rules turn log softmax(Z) into Z − logsumexp(Z): finite at any logits,
 * and with one-hot labels (`oneHot`) the gradient becomes (softmax(Z) − Y)/m.
 */
export function categoricalCrossEntropy<P extends B.Operand, Y extends B.Operand>(
  predictions: P,
  labels: Y,
  options: CrossEntropyOptions = {},
): Node<LeavesOf<P> | LeavesOf<Y>, 'scalar'> {
  const a = B.toNode(predictions, 'categoricalCrossEntropy (predictions)');
  const y = B.toNode(labels, 'categoricalCrossEntropy (labels)');
  if (!sameShape(a.shape, y.shape) || a.shape.length === 0) {
    throw new GradgenError(
      'E_SHAPE',
      `categoricalCrossEntropy: predictions ${formatShape(a.shape)} and labels ${formatShape(y.shape)} must have the same shape (classes, examples)${at(userCallSite())}`,
    );
  }
  const axis = axisOf('categoricalCrossEntropy', a, options, CCE_OPTIONS);
  const logP = options.fromLogits === true ? logSoftmax(a, { axis }) : B.log(a);
  // the mean over the examples: every axis but the class axis
  const examples = a.shape.filter((_, i) => i !== axis);
  return B.neg(B.mul(B.reciprocalCount(examples), B.sum(B.mul(y, logP)))) as never;
}
