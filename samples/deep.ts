/**
 * A deep L-layer net [12288, 20, 7, 5, 1]: ReLU hidden layers, a sigmoid output, BCE cost.
 */
import {
  add,
  binaryCrossEntropy,
  defineTraining,
  sgd,
  matmul,
  relu,
  sigmoid,
  grad,
  input,
  param,
  Rng,
  type Node,
} from '../src/index.ts';
import { randomMatrix, syntheticImages } from './data.ts';

export const layers = [64 * 64 * 3, 20, 7, 5, 1];
export const X = input('X', [layers[0]!, 'm']);
export const Y = input('Y', [1, 'm']);

export const W: Node[] = [];
export const b: Node[] = [];
let A: Node = X;
for (let l = 1; l < layers.length; l++) {
  const Wl = param(`W${l}`, [layers[l]!, layers[l - 1]!], { init: 'he' });
  const bl = param(`b${l}`, [layers[l]!, 1], { init: 'zeros' });
  W.push(Wl);
  b.push(bl);
  const Z: Node = add(matmul(Wl, A), bl).named(`Z${l}`);
  A = (l === layers.length - 1 ? sigmoid(Z) : relu(Z)).named(`A${l}`);
}
export const AL = A;
export const J = binaryCrossEntropy(AL, Y);
const grads = grad(J, [...W, ...b]);
export const dW = grads.slice(0, W.length);
export const db = grads.slice(W.length);

/** He-scaled random parameters (Var = 2/n_in) and small random biases. */
export function exampleParams(seed: number): Record<string, Float64Array> {
  const rng = new Rng(seed);
  const params: Record<string, Float64Array> = {};
  for (let l = 1; l < layers.length; l++) {
    params[`W${l}`] = randomMatrix(layers[l]!, layers[l - 1]!, rng, Math.sqrt(2 / layers[l - 1]!));
    params[`b${l}`] = randomMatrix(layers[l]!, 1, rng, 0.1);
  }
  return params;
}

/** A point to evaluate and check the model at. */
export function example() {
  const data = syntheticImages(12, 3);
  return { X: data.X, Y: data.Y, ...exampleParams(5) };
}

/** Gradient descent, learning rate 0.0075, 2,500 iterations (the course's settings). */
export default defineTraining({
  name: 'deep',
  loss: J,
  outputs: { AL },
  optimizer: sgd({ learningRate: 0.0075 }),
  data: () => {
    const train = syntheticImages(209, 1);
    const test = syntheticImages(50, 2);
    return { train: { X: train.X, Y: train.Y }, test: { X: test.X, Y: test.Y } };
  },
  defaults: { epochs: 2500, seed: 1 },
  accuracy: { output: 'AL', label: 'Y' },
});
