/**
 * Linear regression with a linear output and mean-squared error: price from living area and
 * bedrooms, trained by gradient descent. The features are normalized inside the model
 * (`normalize(X)`: μ and σ fitted on the training data, saved with the state), so the module's
 * predict takes raw square feet and bedrooms.
 */
import {
  add,
  defineTraining,
  grad,
  input,
  matmul,
  meanSquaredError,
  normalize,
  param,
  sgd,
} from '../src/index.ts';
import { housing } from './data.ts';

export const X = input('X', [2, 'm']);
export const Xn = normalize(X).named('Xn');
export const Y = input('Y', [1, 'm']);
export const W = param('W', [1, 2], { init: 'zeros' });
export const b = param('b', [1, 1], { init: 'zeros' });
export const Yhat = add(matmul(W, Xn), b).named('Yhat');
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
