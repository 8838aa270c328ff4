/**
 * An MLP [784, 128, 64, 10] on real handwritten digits (the `mnist` package): ReLU hidden layers
 * with inverted dropout, a softmax output over the 10 classes, categorical cross-entropy + L2,
 * Adam, mini-batches of 64. The labels are integer classes, made one-hot in the graph, so the
 * compiler knows each column of Y sums to 1 and the backward of softmax + cross-entropy becomes
 * dZ3 = (A3 − Y)/m. Evaluated on the first 100 examples of each digit (1,000 held out), trained on the other
 * 9,000.
 */
import {
  add,
  adam,
  categoricalCrossEntropy,
  defineTraining,
  dropout,
  input,
  matmul,
  oneHot,
  param,
  relu,
  softmax,
} from '../src/index.ts';
import { digits } from './data.ts';

export const X = input('X', [784, 'm']);
export const labels = input('labels', [1, 'm']);
export const Y = oneHot(labels, 10).named('Y');
export const W1 = param('W1', [128, 784], { init: 'he' });
export const b1 = param('b1', [128, 1], { init: 'zeros' });
export const W2 = param('W2', [64, 128], { init: 'he' });
export const b2 = param('b2', [64, 1], { init: 'zeros' });
export const W3 = param('W3', [10, 64], { init: 'xavier' });
export const b3 = param('b3', [10, 1], { init: 'zeros' });

export const Z1 = add(matmul(W1, X), b1).named('Z1');
export const A1 = dropout(relu(Z1).named('A1'), 0.9);
export const Z2 = add(matmul(W2, A1), b2).named('Z2');
export const A2 = dropout(relu(Z2).named('A2'), 0.9);
export const Z3 = add(matmul(W3, A2), b3).named('Z3');
export const A3 = softmax(Z3).named('A3');

export default defineTraining({
  name: 'digits',
  loss: categoricalCrossEntropy(A3, Y),
  outputs: { A3 },
  optimizer: adam({ learningRate: 0.001 }),
  l2: 0.01,
  data: () => {
    const test = digits(0, 100);
    const train = digits(100);
    return {
      train: { X: train.X, labels: train.labels },
      test: { X: test.X, labels: test.labels },
    };
  },
  defaults: { epochs: 12, batchSize: 64, seed: 1 },
  accuracy: { output: 'A3', label: 'labels' },
});
