/**
 * The seeded random number generator used everywhere gradgen needs randomness (gradient-check
 * directions, parameter initialization, dropout masks, shuffling): xoshiro128** (Blackman & Vigna)
 * seeded through splitmix32, with 53-bit uniform doubles and Box–Muller normals. It uses only
 * 32-bit integer arithmetic, so a seed gives bit-identical streams on every machine. This file is
 * also emitted, as it is, into every training module (src/runtime/: the one runtime).
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined;

  constructor(seed: number) {
    let x = seed >>> 0;
    const splitmix32 = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = splitmix32();
    this.s1 = splitmix32();
    this.s2 = splitmix32();
    this.s3 = splitmix32();
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal N(0, 1) by the Box–Muller transform (pairs are used one after the other). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    const u1 = 1 - this.uniform(); // (0, 1]: log(u1) is finite
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** The generator's whole state (four words and the spare normal), for saving a training run. */
  getState(): number[] {
    return [this.s0, this.s1, this.s2, this.s3, this.spare ?? Number.NaN];
  }

  /** Restores a state from {@link getState}; false (and nothing changed) if it is not one. */
  setState(state: readonly unknown[]): boolean {
    const words = state.slice(0, 4);
    const spare = state[4];
    const isWord = (w: unknown) =>
      typeof w === 'number' && Number.isInteger(w) && w >= 0 && w < 2 ** 32;
    if (state.length !== 5 || !words.every(isWord) || typeof spare !== 'number') return false;
    if (words.every((w) => w === 0)) return false; // xoshiro's one forbidden state
    const [s0, s1, s2, s3] = words as [number, number, number, number];
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this.spare = Number.isNaN(spare) ? undefined : spare;
    return true;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** How a parameter is initialized by the training API. */
export type ParamInit = 'zeros' | 'normal' | 'xavier' | 'he' | 'glorot';

/**
 * Initial values of a parameter of `shape` (fixed dimensions), drawn from `rng`. For W of shape
 * (n_out, n_in): zeros; normal = 0.01·N(0, 1) (the course's default); xavier: Var = 1/n_in;
 * he: Var = 2/n_in; glorot: Var = 2/(n_in + n_out).
 */
export function initialValues(shape: readonly number[], init: ParamInit, rng: Rng): Float64Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const fanOut = shape[0] ?? 1;
  const fanIn = shape.length > 1 ? shape.slice(1).reduce((a, b) => a * b, 1) : (shape[0] ?? 1);
  const scale = {
    zeros: 0,
    normal: 0.01,
    xavier: Math.sqrt(1 / fanIn),
    he: Math.sqrt(2 / fanIn),
    glorot: Math.sqrt(2 / (fanIn + fanOut)),
  }[init];
  const out = new Float64Array(size);
  if (scale === 0) return out;
  for (let i = 0; i < size; i++) out[i] = scale * rng.normal();
  return out;
}

/**
 * Learning-rate decay, by the epochs completed (0 in the first): α = α₀/(1 + rate·epoch),
 * α₀·rateᵉᵖᵒᶜʰ, α₀/(1 + rate·⌊epoch/every⌋), or k/√t·α₀ with t = epoch + 1 (the course's form
 * counts epochs from 1, so the first epoch trains at k·α₀).
 */
export type Decay =
  | { readonly kind: 'inverse'; readonly rate: number }
  | { readonly kind: 'exponential'; readonly rate: number }
  | { readonly kind: 'staircase'; readonly rate: number; readonly every: number }
  | { readonly kind: 'sqrt'; readonly k: number };

/** An optimizer and its hyperparameters (what sgd(…), momentum(…), rmsprop(…), adam(…) return). */
export interface OptimizerSpec {
  readonly kind: 'sgd' | 'momentum' | 'rmsprop' | 'adam';
  readonly learningRate: number;
  readonly beta?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  readonly decay?: Decay;
}

/** The learning rate at `epoch` under the spec's decay schedule. */
export function learningRateAt(spec: OptimizerSpec, epoch: number): number {
  const a0 = spec.learningRate;
  const d = spec.decay;
  if (!d) return a0;
  switch (d.kind) {
    case 'inverse':
      return a0 / (1 + d.rate * epoch);
    case 'exponential':
      return a0 * d.rate ** epoch;
    case 'staircase':
      return a0 / (1 + d.rate * Math.floor(epoch / d.every));
    case 'sqrt':
      return (d.k / Math.sqrt(epoch + 1)) * a0;
  }
}
