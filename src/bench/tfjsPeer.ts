/**
 * The TensorFlow.js peers (tfjs-core with the `cpu` backend and with the `wasm` backend, float32):
 * the same L-layer net written with tf ops, gradients from tf.variableGrads, and either plain
 * gradient-descent updates of tf.variables inside tf.tidy, or tf.train.adam (the mapping of
 * test/tfjs.test.ts: ε passed explicitly); a step leaks no tensors.
 *
 * TF.js has one global backend. Tensors belong to the backend that created them; a kernel of
 * another backend that reads one *moves* its data there (engine.moveData: read, delete, write). So
 * every TfMLP is built for one backend and keeps its tensors there, and the harness makes that
 * backend current (useBackend, synchronous once initialized) before each contender's untimed reset.
 * `tfDataMoves()` counts moves, so the harness can assert that none happened while timing.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfWasm from '@tensorflow/tfjs-backend-wasm';
// tfjs-core's Node bundle registers no gradient functions without this (see test/tfjs.test.ts)
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Hidden } from './hand.js';

export type TfBackend = 'cpu' | 'wasm';

export interface TfInfo {
  /** One line for the report: versions, the wasm build (SIMD, threads) and how it was loaded. */
  readonly description: string;
  readonly wasmSimd: boolean;
  readonly wasmThreads: number;
}

let info: TfInfo | undefined;
let moves = 0;

/**
 * Initializes both backends once: the wasm binaries are read from the installed package's dist/
 * folder (setWasmPaths with a directory prefix; in Node, Emscripten reads the file with fs), with
 * XNNPACK's thread pool set to 1 thread. Each backend is made current and checked: tf.setBackend
 * resolves false, and tf.ready() then silently picks another backend, when initialization fails.
 */
export async function tfReady(): Promise<TfInfo> {
  if (info) return info;
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  tfWasm.setWasmPaths(`${wasmDir}/`);
  tfWasm.setThreadsCount(1);
  for (const name of ['wasm', 'cpu'] as const) {
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok) throw new Error(`bench: tf.setBackend('${name}') failed (see the messages above)`);
    useBackend(name);
  }
  // count data moves between backends (engine.moveData is only called on a move)
  const engine = tf.engine() as unknown as {
    moveData: (backend: unknown, dataId: unknown) => void;
  };
  const moveData = engine.moveData.bind(engine);
  engine.moveData = (backend, dataId) => {
    moves++;
    moveData(backend, dataId);
  };
  const wasmSimd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const wasmThreads = tfWasm.getThreadsCount();
  const multithread = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  info = {
    wasmSimd,
    wasmThreads,
    description:
      `tfjs-core ${tf.version_core} with backends cpu and wasm (tfjs-backend-wasm ${tfWasm.version_wasm}: ` +
      `${wasmSimd ? 'SIMD' : 'no SIMD'} build, ${wasmThreads} thread${wasmThreads === 1 ? '' : 's'}` +
      `${multithread ? '' : ' (tfjs reports no wasm multithreading support in Node)'}, binary from ${wasmDir})`,
  };
  return info;
}

/**
 * Makes `name` TF.js's current backend. Synchronous for an initialized backend (Engine.setBackend
 * only awaits a first initialization), and checked: throws unless the engine's backend really is it.
 */
export function useBackend(name: TfBackend): void {
  tf.setBackend(name).catch(() => {}); // an unknown name rejects; the check below reports it
  const engine = tf.engine();
  const backend = tf.getBackend();
  const instance = engine.registryFactory[name] ? engine.findBackend(name) : null;
  const current = backend === name && instance ? engine.backend : undefined;
  if (
    !current ||
    current !== instance ||
    current instanceof tfWasm.BackendWasm !== (name === 'wasm')
  ) {
    throw new Error(
      `bench: TF.js backend is '${backend}', expected '${name}' (${instance ? 'initialized' : 'not initialized: call tfReady() first'})`,
    );
  }
}

/** How many tensors TF.js has moved between backends so far (each one a copy). */
export function tfDataMoves(): number {
  return moves;
}

export interface TfOptimizer {
  readonly kind: 'sgd' | 'adam';
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

let counter = 0;

export class TfMLP {
  readonly W: tf.Variable[] = [];
  readonly b: tf.Variable[] = [];
  private readonly X: tf.Tensor2D;
  private readonly Y: tf.Tensor2D;
  private adam: tf.Optimizer | undefined;

  /** Builds the net's tensors on `backend`, which it makes current. */
  constructor(
    readonly backend: TfBackend,
    readonly layers: readonly number[],
    readonly hidden: Hidden,
    readonly m: number,
    X: Float64Array,
    Y: Float64Array,
    readonly lr: number,
    readonly optimizer: TfOptimizer = { kind: 'sgd' },
    /** λ of the L2 cost (λ/2m)·Σ_l ‖W[l]‖²_F (0: none). */
    readonly l2 = 0,
  ) {
    useBackend(backend);
    this.X = tf.tensor2d(Float32Array.from(X), [layers[0], m]);
    this.Y = tf.tensor2d(Float32Array.from(Y), [1, m]);
    const id = counter++;
    for (let l = 1; l < layers.length; l++) {
      this.W.push(tf.variable(tf.zeros([layers[l], layers[l - 1]]), true, `W${l}_${id}`));
      this.b.push(tf.variable(tf.zeros([layers[l], 1]), true, `b${l}_${id}`));
    }
    this.adam = this.newAdam();
  }

  private newAdam(): tf.Optimizer | undefined {
    const o = this.optimizer;
    return o.kind === 'adam' ? tf.train.adam(this.lr, o.beta1, o.beta2, o.epsilon) : undefined;
  }

  /**
   * Sets the parameters (W[l], b[l] as row-major float64 arrays) and, for Adam, starts a fresh
   * optimizer (moments 0, t = 0). Makes the net's backend current first.
   */
  set(W: readonly Float64Array[], b: readonly Float64Array[]): void {
    useBackend(this.backend);
    tf.tidy(() => {
      this.W.forEach((v, l) => v.assign(tf.tensor(Float32Array.from(W[l]), v.shape)));
      this.b.forEach((v, l) => v.assign(tf.tensor(Float32Array.from(b[l]), v.shape)));
    });
    if (this.adam) {
      this.adam.dispose();
      this.adam = this.newAdam();
    }
  }

  private loss = (): tf.Scalar => {
    let A: tf.Tensor2D = this.X;
    const L = this.W.length;
    for (let l = 0; l < L; l++) {
      const Z = tf.add(tf.matMul(this.W[l] as tf.Tensor2D, A), this.b[l]) as tf.Tensor2D;
      if (l === L - 1) {
        const J = tf.losses.sigmoidCrossEntropy(this.Y, Z) as tf.Scalar;
        if (this.l2 === 0) return J;
        const squares = tf.addN(this.W.map((w) => tf.sum(tf.square(w))));
        return tf.add(J, tf.mul(squares, this.l2 / (2 * this.m)));
      }
      A = this.hidden === 'tanh' ? tf.tanh(Z) : tf.relu(Z);
    }
    throw new Error('unreachable');
  };

  /** The gradients at the current parameters, as float64 arrays by 'W<l>' / 'b<l>'. */
  gradients(): Record<string, Float64Array> {
    useBackend(this.backend);
    const out: Record<string, Float64Array> = {};
    tf.tidy(() => {
      const { grads } = tf.variableGrads(this.loss, [...this.W, ...this.b]);
      this.W.forEach((v, l) => (out[`W${l + 1}`] = Float64Array.from(grads[v.name].dataSync())));
      this.b.forEach((v, l) => (out[`b${l + 1}`] = Float64Array.from(grads[v.name].dataSync())));
    });
    return out;
  }

  /** One update. Expects the net's backend to be current (the harness's untimed `before`). */
  step(): void {
    if (this.adam) {
      this.adam.minimize(this.loss, false, [...this.W, ...this.b]);
      return;
    }
    tf.tidy(() => {
      const { grads } = tf.variableGrads(this.loss, [...this.W, ...this.b]);
      for (const v of [...this.W, ...this.b]) v.assign(tf.sub(v, tf.mul(grads[v.name], this.lr)));
    });
  }

  /** Current parameters as float64 arrays (synchronous read-back). */
  params(): Record<string, Float64Array> {
    useBackend(this.backend);
    const out: Record<string, Float64Array> = {};
    this.W.forEach((v, l) => (out[`W${l + 1}`] = Float64Array.from(v.dataSync())));
    this.b.forEach((v, l) => (out[`b${l + 1}`] = Float64Array.from(v.dataSync())));
    return out;
  }
}

/**
 * J = 3(a + b·c) and dJ/da, dJ/db, dJ/dc with tf.grads, one call per evaluation, on the current
 * backend (every tensor is created inside the call).
 */
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
