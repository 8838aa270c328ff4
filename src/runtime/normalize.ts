/**
 * Input normalization (§5.5.1), in the standard form x' = (x − μ)/σ with μ and σ of each feature
 * over the training examples (σ the population standard deviation, as sklearn's StandardScaler).
 * A feature whose training values are all equal gets μ = that value and σ = 1, so it becomes 0
 * (σ = 0 would divide by zero). The one implementation behind a trainer's normalizers (whose μ
 * and σ are buffers of the state) and the library's standalone `normalizer`.
 */
import { GradgenInputError } from './error.js';

/**
 * How a normalized input's values are laid out: `features` values per example, the examples
 * along the batch axis with `inner` elements after it — (outer, m, inner) row-major, so feature
 * f = o·inner + i of example j is at (o·m + j)·inner + i; (features, m) has inner = 1.
 */
export interface FeatureLayout {
  readonly name: string;
  readonly features: number;
  readonly inner: number;
}

/** Per-feature μ and σ of `values` (m examples); a non-finite value is named by its place. */
export function featureStats(
  layout: FeatureLayout,
  values: ArrayLike<number>,
  m: number,
  where: string,
): { mean: Float64Array; std: Float64Array } {
  const { features, inner } = layout;
  const mean = new Float64Array(features);
  const std = new Float64Array(features);
  for (let f = 0; f < features; f++) {
    const start = Math.floor(f / inner) * m * inner + (f % inner);
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < m; j++) {
      const x = values[start + j * inner]!;
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new GradgenInputError(
          'E_NONFINITE_INPUT',
          `${where}: data '${layout.name}' has ${typeof x === 'number' ? `a non-finite value ${x}` : `a ${typeof x}`} at index ${start + j * inner} (feature ${f}, example ${j}): μ and σ need finite values`,
        );
      }
      sum += x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (lo === hi) {
      // a constant feature: (x − x)/1 = 0 exactly, for the training values and any equal to them
      mean[f] = lo;
      std[f] = 1;
      continue;
    }
    const mu = sum / m;
    let squares = 0;
    for (let j = 0; j < m; j++) squares += (values[start + j * inner]! - mu) ** 2;
    mean[f] = mu;
    std[f] = Math.sqrt(squares / m);
  }
  return { mean, std };
}

/** (x − μ)/σ of every value of `values` (m examples laid out as `layout`), as a new array. */
export function applyStats(
  layout: FeatureLayout,
  values: ArrayLike<number>,
  m: number,
  stats: { readonly mean: ArrayLike<number>; readonly std: ArrayLike<number> },
  where: string,
): Float64Array {
  const { features, inner } = layout;
  const out = new Float64Array(features * m);
  for (let i = 0; i < out.length; i++) {
    const x = values[i]!;
    const f = Math.floor(i / (m * inner)) * inner + (i % inner);
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      const j = Math.floor(i / inner) % m;
      throw new GradgenInputError(
        'E_NONFINITE_INPUT',
        `${where}: data '${layout.name}' has ${typeof x === 'number' ? `a non-finite value ${x}` : `a ${typeof x}`} at index ${i} (feature ${f}, example ${j})`,
      );
    }
    out[i] = (x - stats.mean[f]!) / stats.std[f]!;
  }
  return out;
}
