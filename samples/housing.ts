/**
 * Linear regression with a linear output and mean-squared error: price from living area and
 * bedrooms (features normalized), trained by gradient descent.
 */
import {
  add,
  defineTraining,
  grad,
  input,
  matmul,
  meanSquaredError,
  param,
  sgd,
} from '../src/index.ts';
import { housing } from './data.ts';

export const X = input('X', [2, 'm']);
export const Y = input('Y', [1, 'm']);
export const W = param('W', [1, 2], { init: 'zeros' });
export const b = param('b', [1, 1], { init: 'zeros' });
export const Yhat = add(matmul(W, X), b).named('Yhat');
export const J = meanSquaredError(Yhat, Y);
export const [dW, db] = grad(J, [W, b]);

export default defineTraining({
  name: 'housing',
  loss: J,
  outputs: { Yhat },
  optimizer: sgd({ learningRate: 0.1 }),
  data: () => {
    const { X: x, Y: y } = housing();
    return { train: { X: x, Y: y } };
  },
  defaults: { epochs: 400, seed: 1 },
});
