/**
 * Composites: functions built from primitives, so they get derivatives, rewrites and code
 * generation for free.
 */
import { GradgenError, at } from '../errors.js';
import type { LeavesOf, Node, RankOf } from '../ir/node.js';
import { formatShape, sameShape } from '../ir/shape.js';
import { userCallSite } from '../ir/site.js';
import * as B from './core.js';

/** The number of examples in a (features, examples) tensor: the batch axis, else the last one. */
function examplesAxis(x: Node): number {
  const symbolic = x.shape.findIndex((d) => typeof d === 'string');
  return symbolic >= 0 ? symbolic : Math.max(0, x.shape.length - 1);
}

function sameShapes(op: string, yhat: Node, y: Node): void {
  if (!sameShape(yhat.shape, y.shape)) {
    throw new GradgenError(
      'E_SHAPE',
      `${op}: predictions ${formatShape(yhat.shape)} and labels ${formatShape(y.shape)} must have the same shape${at(userCallSite())}`,
    );
  }
}

/** Σ over every element, divided by the number of examples (the batch axis). */
function batchMean(x: Node): Node {
  const axis = examplesAxis(x);
  const count = x.shape.length === 0 ? [] : [x.shape[axis]!];
  return B.mul(B.reciprocalCount(count), B.sum(x));
}

/**
 * Binary cross-entropy, averaged over the batch: J = −(1/m) Σ [y·log ŷ + (1 − y)·log(1 − ŷ)].
 * For (1, m) predictions this is the course's cost; for (k, m) the k labels are summed per example.
 */
export function binaryCrossEntropy<P extends B.Operand, Y extends B.Operand>(
  yhat: P,
  y: Y,
): Node<LeavesOf<P> | LeavesOf<Y>, 'scalar'> {
  const a = B.toNode(yhat, 'binaryCrossEntropy (predictions)');
  const t = B.toNode(y, 'binaryCrossEntropy (labels)');
  sameShapes('binaryCrossEntropy', a, t);
  const perElement = B.add(B.mul(t, B.log(a)), B.mul(B.sub(1, t), B.log(B.sub(1, a))));
  return B.neg(batchMean(perElement)) as never;
}

/** Mean squared error over the batch: J = (1/m) Σ (ŷ − y)². */
export function meanSquaredError<P extends B.Operand, Y extends B.Operand>(
  yhat: P,
  y: Y,
): Node<LeavesOf<P> | LeavesOf<Y>, 'scalar'> {
  const a = B.toNode(yhat, 'meanSquaredError (predictions)');
  const t = B.toNode(y, 'meanSquaredError (labels)');
  sameShapes('meanSquaredError', a, t);
  return batchMean(B.square(B.sub(a, t))) as never;
}

/** A named activation, or a function of the pre-activation z. */
export type Activation = NamedActivation | ((z: Node<never, 'tensor'>) => Node);
export type NamedActivation = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'linear';

/** The leaves of a layer's W·x + b. */
type LayerLeaves<X, W, Bias> = LeavesOf<X> | LeavesOf<W> | LeavesOf<Bias>;

/** A fully connected layer in the course's layout: activation(W·x + b), W (n_l, n_{l−1}), b (n_l, 1). */
export function dense<X extends B.Operand, W extends B.Operand, Bias extends B.Operand>(
  x: X,
  W: W,
  b: Bias,
  activation?: NamedActivation,
): Node<LayerLeaves<X, W, Bias>, 'tensor'>;
/**
 * With an activation function: its result is the layer's (z's type says it reads no leaves, so
 * the result's type counts the layer's leaves once, plus any the function adds).
 */
export function dense<
  X extends B.Operand,
  W extends B.Operand,
  Bias extends B.Operand,
  N extends Node,
>(
  x: X,
  W: W,
  b: Bias,
  activation: (z: Node<never, 'tensor'>) => N,
): Node<LayerLeaves<X, W, Bias> | LeavesOf<N>, RankOf<N>>;
export function dense(x: B.Operand, W: B.Operand, b: B.Operand, activation?: Activation): Node;
export function dense(
  x: B.Operand,
  W: B.Operand,
  b: B.Operand,
  activation: Activation = 'linear',
): Node {
  return activate(B.add(B.matmul(W, x), b), activation);
}

function activate(z: Node, activation: Activation): Node {
  if (typeof activation === 'function') return activation(z as Node<never, 'tensor'>);
  switch (activation) {
    case 'sigmoid':
      return B.sigmoid(z);
    case 'tanh':
      return B.tanh(z);
    case 'relu':
      return B.relu(z);
    case 'leakyRelu':
      return B.leakyRelu(z);
    case 'linear':
      return z;
    default:
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `dense: unknown activation ${JSON.stringify(activation)}${at(userCallSite())}`,
      );
  }
}
