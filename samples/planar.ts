/**
 * The course's planar classifier: a 2-layer net 2 → 4 (tanh) → 1 (sigmoid) on the flower data.
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
  tanh,
} from '../src/index.ts';
import { planarFlower, randomMatrix } from './data.ts';
import { Rng } from '../src/index.ts';

export const nh = 4;
export const X = input('X', [2, 'm']);
export const Y = input('Y', [1, 'm']);
export const W1 = param('W1', [nh, 2], { init: 'normal' });
export const b1 = param('b1', [nh, 1], { init: 'zeros' });
export const W2 = param('W2', [1, nh], { init: 'normal' });
export const b2 = param('b2', [1, 1], { init: 'zeros' });

export const Z1 = add(matmul(W1, X), b1).named('Z1');
export const A1 = tanh(Z1).named('A1');
export const Z2 = add(matmul(W2, A1), b2).named('Z2');
export const A2 = sigmoid(Z2).named('A2');
export const J = binaryCrossEntropy(A2, Y);
export const [dW1, db1, dW2, db2] = grad(J, [W1, b1, W2, b2]);

/** A point to evaluate and check the model at: the flower data and random parameters. */
export function example() {
  const data = planarFlower(400, 1);
  const rng = new Rng(2);
  return {
    X: data.X,
    Y: data.Y,
    W1: randomMatrix(nh, 2, rng, 0.5),
    b1: randomMatrix(nh, 1, rng, 0.1),
    W2: randomMatrix(1, nh, rng, 0.5),
    b2: [0.05],
  };
}

/** Full-batch gradient descent, learning rate 1.2, 10,000 iterations: the course's setup. */
export default defineTraining({
  name: 'planar',
  loss: J,
  outputs: { A2 },
  optimizer: sgd({ learningRate: 1.2 }),
  data: () => {
    const { X, Y } = planarFlower(400, 1);
    return { train: { X, Y } };
  },
  defaults: { epochs: 10_000, seed: 1 },
  accuracy: { output: 'A2', label: 'Y' },
});
