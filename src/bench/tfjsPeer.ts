/**
 * The TensorFlow.js peer (tfjs-core + tfjs-backend-cpu, float32): the same L-layer net written
 * with tf ops, gradients from tf.variableGrads, plain gradient-descent updates of tf.variables, all
 * inside tf.tidy so a step leaks no tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's Node bundle registers no gradient functions without this (see test/tfjs.test.ts)
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Hidden } from './hand.ts';

let ready = false;
export async function tfReady(): Promise<string> {
  if (!ready) {
    await tf.setBackend('cpu');
    await tf.ready();
    ready = true;
  }
  const backend = tf.getBackend();
  if (backend !== 'cpu') throw new Error(`bench: TF.js backend is '${backend}', expected 'cpu'`);
  return `tfjs-core ${tf.version_core}, backend ${backend}`;
}

let counter = 0;

export class TfMLP {
  readonly W: tf.Variable[] = [];
  readonly b: tf.Variable[] = [];
  private readonly X: tf.Tensor2D;
  private readonly Y: tf.Tensor2D;

  constructor(
    readonly layers: readonly number[],
    readonly hidden: Hidden,
    m: number,
    X: Float64Array,
    Y: Float64Array,
    readonly lr: number,
  ) {
    this.X = tf.tensor2d(Float32Array.from(X), [layers[0], m]);
    this.Y = tf.tensor2d(Float32Array.from(Y), [1, m]);
    const id = counter++;
    for (let l = 1; l < layers.length; l++) {
      this.W.push(tf.variable(tf.zeros([layers[l], layers[l - 1]]), true, `W${l}_${id}`));
      this.b.push(tf.variable(tf.zeros([layers[l], 1]), true, `b${l}_${id}`));
    }
  }

  /** Sets the parameters (W[l], b[l] as row-major float64 arrays). */
  set(W: readonly Float64Array[], b: readonly Float64Array[]): void {
    tf.tidy(() => {
      this.W.forEach((v, l) => v.assign(tf.tensor(Float32Array.from(W[l]), v.shape)));
      this.b.forEach((v, l) => v.assign(tf.tensor(Float32Array.from(b[l]), v.shape)));
    });
  }

  private loss = (): tf.Scalar => {
    let A: tf.Tensor2D = this.X;
    const L = this.W.length;
    for (let l = 0; l < L; l++) {
      const Z = tf.add(tf.matMul(this.W[l] as tf.Tensor2D, A), this.b[l]) as tf.Tensor2D;
      if (l === L - 1) return tf.losses.sigmoidCrossEntropy(this.Y, Z) as tf.Scalar;
      A = this.hidden === 'tanh' ? tf.tanh(Z) : tf.relu(Z);
    }
    throw new Error('unreachable');
  };

  /** The gradients at the current parameters, as float64 arrays by 'W<l>' / 'b<l>'. */
  gradients(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    tf.tidy(() => {
      const { grads } = tf.variableGrads(this.loss, [...this.W, ...this.b]);
      this.W.forEach((v, l) => (out[`W${l + 1}`] = Float64Array.from(grads[v.name].dataSync())));
      this.b.forEach((v, l) => (out[`b${l + 1}`] = Float64Array.from(grads[v.name].dataSync())));
    });
    return out;
  }

  step(): void {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(this.loss, [...this.W, ...this.b]);
      for (const v of [...this.W, ...this.b]) v.assign(tf.sub(v, tf.mul(grads[v.name], this.lr)));
    });
  }

  /** Current parameters as float64 arrays (synchronous read-back). */
  params(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    this.W.forEach((v, l) => (out[`W${l + 1}`] = Float64Array.from(v.dataSync())));
    this.b.forEach((v, l) => (out[`b${l + 1}`] = Float64Array.from(v.dataSync())));
    return out;
  }
}

/** J = 3(a + b·c) and dJ/da, dJ/db, dJ/dc with tf.grads, one call per evaluation. */
const costJ = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.mul(3, tf.add(a, tf.mul(b, c)));
const costJGrads = tf.grads(costJ);
export function tfCostJ(a: number, b: number, c: number, out: Float64Array): Float64Array {
  tf.tidy(() => {
    const args = [tf.scalar(a), tf.scalar(b), tf.scalar(c)];
    out[0] = costJ(args[0], args[1], args[2]).dataSync()[0];
    const g = costJGrads(args);
    for (let i = 0; i < 3; i++) out[i + 1] = g[i].dataSync()[0];
  });
  return out;
}

export function tfNumTensors(): number {
  return tf.memory().numTensors;
}
