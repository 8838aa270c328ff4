/**
 * Logistic regression on 64×64×3 "images": z = wᵀX + b, a = σ(z), J = BCE(a, Y).
 * The textbook's vectorized gradients: dw = (1/m)·X(A − Y)ᵀ, db = (1/m)·Σ(A − Y).
 */
import {
  add,
  binaryCrossEntropy,
  defineTraining,
  sgd,
  grad,
  input,
  matmul,
  param,
  sigmoid,
  transpose,
} from '../src/index.ts';
import { syntheticImages } from './data.ts';

export const nx = 64 * 64 * 3;
export const X = input('X', [nx, 'm']);
export const Y = input('Y', [1, 'm']);
export const w = param('w', [nx, 1], { init: 'zeros' });
export const b = param('b', [1, 1], { init: 'zeros' });

export const Z = add(matmul(transpose(w), X), b).named('Z');
export const A = sigmoid(Z).named('A');
export const J = binaryCrossEntropy(A, Y);
export const [dw, db] = grad(J, [w, b]);

/** A point to evaluate and check the model at. */
export function example() {
  const data = syntheticImages(20, 7);
  return { X: data.X, Y: data.Y, w: new Float64Array(nx).fill(0.001), b: [0.1] };
}

/** Gradient descent, learning rate 0.005, 2,000 iterations (the course's settings), on 209 "images". */
export default defineTraining({
  name: 'logisticRegression',
  loss: J,
  outputs: { A },
  optimizer: sgd({ learningRate: 0.005 }),
  data: () => {
    const train = syntheticImages(209, 1);
    const test = syntheticImages(50, 2);
    return { train: { X: train.X, Y: train.Y }, test: { X: test.X, Y: test.Y } };
  },
  defaults: { epochs: 2000, seed: 1 },
  accuracy: { output: 'A', label: 'Y' },
});
