/**
 * The hand-written peer: the course's vectorized formulas for an L-layer net (examples are
 * columns, row-major Float64Arrays), written as straightforward loops over preallocated buffers.
 *   forward:  Z[l] = W[l]·A[l−1] + b[l],  A[l] = g(Z[l])  (g = tanh or ReLU; σ on the last layer)
 *   cost:     J = −(1/m) Σ (Y log A[L] + (1 − Y) log(1 − A[L]))
 *   backward: dZ[L] = A[L] − Y;  dW[l] = (1/m) dZ[l]·A[l−1]ᵀ;  db[l] = (1/m) Σ_cols dZ[l];
 *             dZ[l−1] = W[l]ᵀ·dZ[l] ∗ g′(Z[l−1])
 *   update:   W ← W − α·dW,  b ← b − α·db
 * With L2 (λ > 0): J += (λ/2m) Σ_l ‖W[l]‖²_F and dW[l] += (λ/m)·W[l] (biases not regularized).
 * With Adam (Kingma & Ba), for every W and b with gradient g, at step t = 1, 2, …:
 *   m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),
 *   W ← W − α·m̂/(√v̂ + ε)
 * Logistic regression is the case of no hidden layer ([n_x, 1]).
 */

export type Hidden = 'tanh' | 'relu';

export interface HandOptions {
  /** λ of the L2 penalty (0: none). */
  readonly l2?: number;
  /** Adam's hyperparameters (absent: plain gradient descent). */
  readonly adam?: { readonly beta1: number; readonly beta2: number; readonly epsilon: number };
}

export class HandMLP {
  readonly W: Float64Array[] = [];
  readonly b: Float64Array[] = [];
  readonly dW: Float64Array[] = [];
  readonly db: Float64Array[] = [];
  private readonly Z: Float64Array[] = [];
  private readonly A: Float64Array[] = [];
  private readonly dZ: Float64Array[] = [];
  /** Adam's first and second moments, in the order W[0], b[0], W[1], b[1], … */
  private readonly moment1: Float64Array[] = [];
  private readonly moment2: Float64Array[] = [];
  /** Updates done (Adam's t). */
  t = 0;
  cost = 0;

  constructor(
    readonly layers: readonly number[],
    readonly hidden: Hidden,
    readonly m: number,
    readonly X: Float64Array,
    readonly Y: Float64Array,
    readonly lr: number,
    readonly options: HandOptions = {},
  ) {
    for (let l = 1; l < layers.length; l++) {
      const n = layers[l];
      const k = layers[l - 1];
      this.W.push(new Float64Array(n * k));
      this.b.push(new Float64Array(n));
      this.dW.push(new Float64Array(n * k));
      this.db.push(new Float64Array(n));
      this.Z.push(new Float64Array(n * m));
      this.A.push(new Float64Array(n * m));
      this.dZ.push(new Float64Array(n * m));
      if (options.adam)
        for (const size of [n * k, n]) {
          this.moment1.push(new Float64Array(size));
          this.moment2.push(new Float64Array(size));
        }
    }
  }

  /** Sets the parameters and restarts the optimizer (moments 0, t = 0). */
  reset(W: readonly Float64Array[], b: readonly Float64Array[]): void {
    this.W.forEach((v, l) => v.set(W[l]));
    this.b.forEach((v, l) => v.set(b[l]));
    for (const v of this.moment1) v.fill(0);
    for (const v of this.moment2) v.fill(0);
    this.t = 0;
  }

  /** Forward, cost and gradients into dW, db (parameters unchanged). */
  gradients(): void {
    const { layers, m, X, Y } = this;
    const L = layers.length - 1;
    // forward
    let prev = X;
    for (let l = 0; l < L; l++) {
      const n = layers[l + 1];
      const k = layers[l];
      const W = this.W[l];
      const b = this.b[l];
      const Z = this.Z[l];
      const A = this.A[l];
      for (let i = 0; i < n; i++) {
        const bi = b[i];
        for (let j = 0; j < m; j++) Z[i * m + j] = bi;
        for (let p = 0; p < k; p++) {
          const w = W[i * k + p];
          const row = p * m;
          for (let j = 0; j < m; j++) Z[i * m + j] += w * prev[row + j];
        }
      }
      if (l === L - 1) for (let q = 0; q < n * m; q++) A[q] = 1 / (1 + Math.exp(-Z[q]));
      else if (this.hidden === 'tanh') for (let q = 0; q < n * m; q++) A[q] = Math.tanh(Z[q]);
      else for (let q = 0; q < n * m; q++) A[q] = Z[q] > 0 ? Z[q] : 0;
      prev = A;
    }
    // cost and dZ[L] = A[L] − Y
    const AL = this.A[L - 1];
    const dZL = this.dZ[L - 1];
    let s = 0;
    for (let j = 0; j < m; j++) {
      s += Y[j] * Math.log(AL[j]) + (1 - Y[j]) * Math.log(1 - AL[j]);
      dZL[j] = AL[j] - Y[j];
    }
    this.cost = -s / m;
    const l2 = this.options.l2 ?? 0;
    if (l2 > 0) {
      let squares = 0;
      for (const W of this.W) for (let q = 0; q < W.length; q++) squares += W[q] * W[q];
      this.cost += (l2 / (2 * m)) * squares;
    }
    // backward
    for (let l = L - 1; l >= 0; l--) {
      const n = layers[l + 1];
      const k = layers[l];
      const dZ = this.dZ[l];
      const Aprev = l === 0 ? X : this.A[l - 1];
      const dW = this.dW[l];
      const db = this.db[l];
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < m; j++) t += dZ[i * m + j];
        db[i] = t / m;
        for (let p = 0; p < k; p++) {
          let d = 0;
          const row = p * m;
          for (let j = 0; j < m; j++) d += dZ[i * m + j] * Aprev[row + j];
          dW[i * k + p] = d / m;
        }
      }
      if (l2 > 0) {
        const W = this.W[l];
        for (let q = 0; q < W.length; q++) dW[q] += (l2 / m) * W[q];
      }
      if (l === 0) break;
      // dZ[l−1] = W[l]ᵀ·dZ[l] ∗ g′(Z[l−1])
      const W = this.W[l];
      const dZp = this.dZ[l - 1];
      dZp.fill(0);
      for (let i = 0; i < n; i++)
        for (let p = 0; p < k; p++) {
          const w = W[i * k + p];
          for (let j = 0; j < m; j++) dZp[p * m + j] += w * dZ[i * m + j];
        }
      const Ap = this.A[l - 1];
      const Zp = this.Z[l - 1];
      if (this.hidden === 'tanh') for (let q = 0; q < k * m; q++) dZp[q] *= 1 - Ap[q] * Ap[q];
      else for (let q = 0; q < k * m; q++) if (Zp[q] <= 0) dZp[q] = 0;
    }
  }

  step(): void {
    this.gradients();
    this.t++;
    for (let l = 0; l < this.W.length; l++) {
      this.update(this.W[l], this.dW[l], 2 * l);
      this.update(this.b[l], this.db[l], 2 * l + 1);
    }
  }

  private update(w: Float64Array, g: Float64Array, slot: number): void {
    const lr = this.lr;
    const adam = this.options.adam;
    if (!adam) {
      for (let q = 0; q < w.length; q++) w[q] -= lr * g[q];
      return;
    }
    const { beta1, beta2, epsilon } = adam;
    const c1 = 1 / (1 - beta1 ** this.t);
    const c2 = 1 / (1 - beta2 ** this.t);
    const m1 = this.moment1[slot];
    const m2 = this.moment2[slot];
    for (let q = 0; q < w.length; q++) {
      m1[q] = beta1 * m1[q] + (1 - beta1) * g[q];
      m2[q] = beta2 * m2[q] + (1 - beta2) * g[q] * g[q];
      w[q] -= (lr * (c1 * m1[q])) / (Math.sqrt(c2 * m2[q]) + epsilon);
    }
  }
}

/** J = 3(a + b·c) and its gradient, by hand: [J, dJ/da, dJ/db, dJ/dc] into `out`. */
export function handCostJ(a: number, b: number, c: number, out: Float64Array): Float64Array {
  out[0] = 3 * (a + b * c);
  out[1] = 3;
  out[2] = 3 * c;
  out[3] = 3 * b;
  return out;
}
