/**
 * The jax-js peer (`@jax-js/jax`, wasm backend): the same L-layer net as ./hand.ts written with
 * jax-js's numpy API, one whole training step (gradients by `valueAndGrad`, then the SGD or Adam
 * update) under `jit`, in float32 or float64.
 *
 * jax-js's rules that shape this file:
 * - Arrays are reference-counted and every function *consumes* its arguments (`.ref` keeps one;
 *   `dataSync()` consumes too). The step consumes the old parameters and returns new ones.
 * - Plain-number constants inside `jit` become float32 constants, so every hyperparameter
 *   (α, λ/2m, β₁, 1 − β₁, …, Adam's bias corrections) enters as a 0-d array of the net's dtype.
 * - Work is dispatched lazily: a jitted call returns arrays whose kernels run when one is read.
 *   `step()` reads the cost (a scalar), which submits the whole step, so a timed step is complete.
 * - Under Node the wasm backend is single-threaded: its worker pool needs a global `Worker`, which
 *   Node does not have. Node 20 also lacks `Float16Array`, which jax-js names in an `instanceof`
 *   test while building arrays; `jaxReady` defines an empty stand-in class when it is missing.
 * The cost is the logits form J = mean(softplus(Z[L]) − Y·Z[L]), whose gradient is the course's
 * dZ[L] = (A[L] − Y)/m.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Array as JArray } from '@jax-js/jax';
import type { Hidden } from './hand.js';
import type { WorkloadOptimizer } from './training.js';

type Jax = typeof import('@jax-js/jax');
export type JaxDtype = 'float32' | 'float64';

let jax: Jax | undefined;
let description = '';

/** Loads jax-js and initializes its wasm backend once; returns one line for the report. */
export async function jaxReady(): Promise<string> {
  if (jax) return description;
  const g = globalThis as Record<string, unknown>;
  const shimmed = g.Float16Array === undefined;
  if (shimmed) g.Float16Array = class Float16Array {};
  jax = await import('@jax-js/jax');
  const devices = await jax.init('wasm');
  if (!devices.includes('wasm')) throw new Error(`bench: jax-js init('wasm') gave ${devices}`);
  jax.defaultDevice('wasm');
  const main = createRequire(import.meta.url).resolve('@jax-js/jax');
  const { version } = JSON.parse(
    readFileSync(join(dirname(main), '..', 'package.json'), 'utf8'),
  ) as { version: string };
  const threads = typeof g.Worker === 'undefined' ? '1 thread (no global Worker)' : 'workers';
  description =
    `jax-js ${version} (wasm backend, jit, ${threads}` +
    `${shimmed ? ', an empty Float16Array stand-in' : ''})`;
  return description;
}

// a type alias, not an interface: jax-js's JsTree needs an index-signature-compatible type
type Params = {
  W: JArray[];
  b: JArray[];
};

export class JaxMLP {
  private readonly X: JArray;
  private readonly Y: JArray;
  private p: Params;
  private m1: Params | undefined;
  private m2: Params | undefined;
  private t = 0;
  private readonly scalar: (x: number) => JArray;
  private readonly sgdStep;
  private readonly adamStep;

  constructor(
    readonly dtype: JaxDtype,
    readonly layers: readonly number[],
    readonly hidden: Hidden,
    readonly m: number,
    X: Float64Array,
    Y: Float64Array,
    readonly lr: number,
    readonly optimizer: WorkloadOptimizer,
    /** λ of the L2 cost (λ/2m)·Σ_l ‖W[l]‖²_F (0: none). */
    readonly l2 = 0,
  ) {
    if (!jax) throw new Error('bench: call jaxReady() before building a JaxMLP');
    const { numpy: np, jit, valueAndGrad, tree } = jax;
    const typed = (v: ArrayLike<number>) =>
      dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v);
    this.scalar = (x) => np.array(typed([x]), { shape: [] });
    this.X = np.array(typed(X), { shape: [layers[0], m] });
    this.Y = np.array(typed(Y), { shape: [1, m] });
    this.p = this.zeros();
    const lossAndGrad = valueAndGrad(this.loss);
    this.sgdStep = jit((p: Params, X: JArray, Y: JArray, l2c: JArray, lr: JArray) => {
      const [cost, g] = lossAndGrad(tree.ref(p), X, Y, l2c);
      const next = tree.map((w: JArray, d: JArray) => w.sub(d.mul(lr.ref)), p, g) as Params;
      lr.dispose();
      return [cost, next] as [JArray, Params];
    });
    this.adamStep = jit(
      (p: Params, m1: Params, m2: Params, X: JArray, Y: JArray, l2c: JArray, h: JArray[]) => {
        const [lr, b1, b2, omb1, omb2, c1, c2, eps] = h;
        const [cost, g] = lossAndGrad(tree.ref(p), X, Y, l2c);
        const n1 = tree.map(
          (v: JArray, d: JArray) => v.mul(b1.ref).add(d.mul(omb1.ref)),
          m1,
          tree.ref(g),
        ) as Params;
        const n2 = tree.map(
          (v: JArray, d: JArray) => v.mul(b2.ref).add(d.ref.mul(d).mul(omb2.ref)),
          m2,
          g,
        ) as Params;
        const next = tree.map(
          (w: JArray, a: JArray, s: JArray) =>
            w.sub(
              a
                .mul(c1.ref)
                .mul(lr.ref)
                .div(jax!.numpy.sqrt(s.mul(c2.ref)).add(eps.ref)),
            ),
          p,
          tree.ref(n1),
          tree.ref(n2),
        ) as Params;
        tree.dispose(h);
        return [cost, next, n1, n2] as [JArray, Params, Params, Params];
      },
    );
  }

  private zeros(): Params {
    const np = jax!.numpy;
    const { layers, dtype } = this;
    const p: Params = { W: [], b: [] };
    for (let l = 1; l < layers.length; l++) {
      p.W.push(
        np.zeros([layers[l], layers[l - 1]], {
          dtype: dtype === 'float32' ? np.float32 : np.float64,
        }),
      );
      p.b.push(np.zeros([layers[l], 1], { dtype: dtype === 'float32' ? np.float32 : np.float64 }));
    }
    return p;
  }

  /** J(p) with the L2 term; consumes its arguments. */
  private loss = (p: Params, X: JArray, Y: JArray, l2c: JArray): JArray => {
    const { numpy: np, nn, tree } = jax!;
    const L = p.W.length;
    const squares = this.l2 > 0 ? p.W.map((w) => np.square(w.ref).sum()) : [];
    let A = X;
    for (let l = 0; l < L; l++) {
      const Z = np.matmul(p.W[l], A).add(p.b[l]);
      if (l === L - 1) {
        const J = nn.softplus(Z.ref).sub(Y.mul(Z)).mean();
        if (!squares.length) {
          l2c.dispose();
          return J;
        }
        return J.add(squares.reduce((a, s) => a.add(s)).mul(l2c));
      }
      A = this.hidden === 'tanh' ? np.tanh(Z) : nn.relu(Z);
    }
    tree.dispose([l2c, Y]);
    throw new Error('unreachable');
  };

  /** Sets the parameters (row-major float64) and restarts Adam (moments 0, t = 0). */
  set(W: readonly Float64Array[], b: readonly Float64Array[]): void {
    const { numpy: np, tree } = jax!;
    const typed = (v: Float64Array) =>
      this.dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v);
    tree.dispose(this.p);
    this.p = {
      W: W.map((w, l) => np.array(typed(w), { shape: [this.layers[l + 1], this.layers[l]] })),
      b: b.map((v, l) => np.array(typed(v), { shape: [this.layers[l + 1], 1] })),
    };
    if (this.optimizer.kind === 'adam') {
      tree.dispose([this.m1, this.m2]);
      this.m1 = this.zeros();
      this.m2 = this.zeros();
    }
    this.t = 0;
  }

  private l2c(): JArray {
    return this.scalar(this.l2 / (2 * this.m));
  }

  /** The gradients at the current parameters, as float64 arrays by 'W<l>' / 'b<l>'. */
  gradients(): Record<string, Float64Array> {
    const { valueAndGrad, tree } = jax!;
    const [cost, g] = valueAndGrad(this.loss)(tree.ref(this.p), this.X.ref, this.Y.ref, this.l2c());
    cost.dispose();
    return read(g as Params);
  }

  /** One update; returns the cost before it (reading it runs the step's kernels). */
  step(): number {
    const o = this.optimizer;
    this.t++;
    if (o.kind === 'sgd') {
      const [cost, next] = this.sgdStep(
        this.p,
        this.X.ref,
        this.Y.ref,
        this.l2c(),
        this.scalar(this.lr),
      );
      this.p = next;
      return cost.dataSync()[0];
    }
    const h = [
      this.lr,
      o.beta1,
      o.beta2,
      1 - o.beta1,
      1 - o.beta2,
      1 / (1 - o.beta1 ** this.t),
      1 / (1 - o.beta2 ** this.t),
      o.epsilon,
    ].map(this.scalar);
    const [cost, next, n1, n2] = this.adamStep(
      this.p,
      this.m1!,
      this.m2!,
      this.X.ref,
      this.Y.ref,
      this.l2c(),
      h,
    );
    this.p = next;
    this.m1 = n1;
    this.m2 = n2;
    return cost.dataSync()[0];
  }

  /** Current parameters as float64 arrays. */
  params(): Record<string, Float64Array> {
    return read(jax!.tree.ref(this.p));
  }
}

/** Float64 copies of a parameter tree's arrays by 'W<l>' / 'b<l>' (consumes the tree). */
function read(p: Params): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  p.W.forEach((w, l) => (out[`W${l + 1}`] = Float64Array.from(w.dataSync())));
  p.b.forEach((v, l) => (out[`b${l + 1}`] = Float64Array.from(v.dataSync())));
  return out;
}
