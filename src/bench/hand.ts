/**
 * The hand-written peer: the course's vectorized formulas for an L-layer net (examples are
 * columns, row-major Float64Arrays), written as straightforward loops over preallocated buffers.
 *   forward:  Z[l] = W[l]·A[l−1] + b[l],  A[l] = g(Z[l])  (g = tanh or ReLU; σ on the last layer)
 *   cost:     J = −(1/m) Σ (Y log A[L] + (1 − Y) log(1 − A[L]))
 *   backward: dZ[L] = A[L] − Y;  dW[l] = (1/m) dZ[l]·A[l−1]ᵀ;  db[l] = (1/m) Σ_cols dZ[l];
 *             dZ[l−1] = W[l]ᵀ·dZ[l] ∗ g′(Z[l−1])
 *   update:   W ← W − α·dW,  b ← b − α·db
 * Logistic regression is the case of no hidden layer ([n_x, 1]).
 */

export type Hidden = 'tanh' | 'relu';

export class HandMLP {
  readonly W: Float64Array[] = [];
  readonly b: Float64Array[] = [];
  readonly dW: Float64Array[] = [];
  readonly db: Float64Array[] = [];
  private readonly Z: Float64Array[] = [];
  private readonly A: Float64Array[] = [];
  private readonly dZ: Float64Array[] = [];
  cost = 0;

  constructor(
    readonly layers: readonly number[],
    readonly hidden: Hidden,
    readonly m: number,
    readonly X: Float64Array,
    readonly Y: Float64Array,
    readonly lr: number,
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
    }
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
    const lr = this.lr;
    for (let l = 0; l < this.W.length; l++) {
      const W = this.W[l];
      const dW = this.dW[l];
      for (let q = 0; q < W.length; q++) W[q] -= lr * dW[q];
      const b = this.b[l];
      const db = this.db[l];
      for (let q = 0; q < b.length; q++) b[q] -= lr * db[q];
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
