/**
 * An MLP [784, 128, 64, 1] on real handwritten digits (the `mnist` package): ReLU hidden layers
 * with inverted dropout, a sigmoid output, binary cross-entropy + L2, Adam, mini-batches of 64.
 * The task: is the digit 5 or more? Trained on 600 examples of each digit, evaluated on 200 others.
 */
import {
  add,
  adam,
  binaryCrossEntropy,
  defineTraining,
  dropout,
  input,
  matmul,
  param,
  relu,
  sigmoid,
} from '../src/index.ts';
import { digits } from './data.ts';

export const X = input('X', [784, 'm']);
export const Y = input('Y', [1, 'm']);
export const W1 = param('W1', [128, 784], { init: 'he' });
export const b1 = param('b1', [128, 1], { init: 'zeros' });
export const W2 = param('W2', [64, 128], { init: 'he' });
export const b2 = param('b2', [64, 1], { init: 'zeros' });
export const W3 = param('W3', [1, 64], { init: 'xavier' });
export const b3 = param('b3', [1, 1], { init: 'zeros' });

export const Z1 = add(matmul(W1, X), b1).named('Z1');
export const A1 = dropout(relu(Z1).named('A1'), 0.9);
export const Z2 = add(matmul(W2, A1), b2).named('Z2');
export const A2 = dropout(relu(Z2).named('A2'), 0.9);
export const Z3 = add(matmul(W3, A2), b3).named('Z3');
export const A3 = sigmoid(Z3).named('A3');

export default defineTraining({
  name: 'digits',
  loss: binaryCrossEntropy(A3, Y),
  outputs: { A3 },
  optimizer: adam({ learningRate: 0.001 }),
  l2: 0.01,
  data: () => {
    const train = digits(600, 0);
    const test = digits(200, 600);
    return { train: { X: train.X, Y: train.Y }, test: { X: test.X, Y: test.Y } };
  },
  defaults: { epochs: 8, batchSize: 64, seed: 1 },
  accuracy: { output: 'A3', label: 'Y' },
});
