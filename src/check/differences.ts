/**
 * The two-sided differences of one input: per component, or along seeded random directions. The
 * step is relative, hᵢ = ε·max(1, |θᵢ|), and exact: θᵢ ± hᵢ are rounded to the cost's dtype first
 * and the quotient divides by the difference of what the cost really read. Each estimate comes
 * with its round-off floor and whether its perturbation crossed a kink.
 */
import type { InputValue, InputValues } from '../ir/values.js';
import { Rng } from '../rng.js';
import { crossesKink } from './kinks.js';

/**
 * The floor is this many times u·(|J(θ + h)| + |J(θ − h)|)/2h ≈ u·|J|/h: the difference of the
 * two costs is good to about an ulp of each, so a quotient is good to about u·|J|/h. Measured on the course samples (planar, housing,
 * logisticRegression, deep; seeds 1–3, 0–30 steps; 1,488 estimates of correct gradients), round-off
 * moved an estimate by at most 0.94·u·|J|/h (median 0.19): 4 leaves a margin, and stays small
 * enough that a wrong gradient a few floors off is still judged.
 */
export const ROUNDOFF_MULTIPLE = 4;

/** The cost as the differences see it. */
export interface Differenced {
  cost(x: InputValues): number;
  /** Values whose signs pick the cost's smooth piece (see `kinkProbe`), if it has kinks. */
  kinks?: ((x: InputValues) => ArrayLike<number>) | undefined;
  /** The unit round-off of the cost's arithmetic: 2⁻⁵² (float64) or 2⁻²³ (float32). */
  readonly unit: number;
  /** Rounds a value to what the cost reads (identity for float64, Math.fround for float32). */
  round(x: number): number;
}

/** Where the differences are taken: the point, its kink signs, the settings. */
export interface DifferenceSettings {
  readonly at: InputValues;
  readonly kinkSigns: ArrayLike<number> | undefined;
  readonly epsilon: number;
  readonly mode: 'full' | 'random';
  readonly directions: number;
  readonly rng: Rng;
}

export interface RowEstimates {
  /** Two-sided estimates: per component, or per random direction. */
  readonly numerical: Float64Array;
  /** The gradient under test along the same components or directions. */
  readonly analytic: Float64Array;
  /** Per estimate: the size round-off alone can give |numerical − analytic| (see {@link ROUNDOFF_MULTIPLE}). */
  readonly floor: Float64Array;
  /** Estimates whose perturbation crossed a kink (indices into `numerical`). */
  readonly kinks: readonly number[];
  readonly problems: readonly string[];
}

export const asArray = (v: InputValue): Float64Array =>
  typeof v === 'number' ? Float64Array.of(v) : Float64Array.from(v as ArrayLike<number>);

/** The differences of the cost with respect to input `name`, whose gradient under test is `g`. */
export function differences(
  f: Differenced,
  name: string,
  g: Float64Array,
  s: DifferenceSettings,
): RowEstimates {
  const value = s.at[name]!;
  const scalar = typeof value === 'number';
  const base = asArray(value);
  const x = Float64Array.from(base);
  const point: Record<string, InputValue> = { ...s.at };
  const problems: string[] = [];
  const evaluate = (label: string) => {
    point[name] = scalar ? x[0]! : x;
    const J = f.cost(point);
    if (typeof J !== 'number' || !Number.isFinite(J)) problems.push(`cost is ${J} at ${label}`);
    const crossed = s.kinkSigns !== undefined && crossesKink(s.kinkSigns, f.kinks!(point));
    return { J, crossed };
  };
  const count = s.mode === 'full' ? base.length : s.directions;
  const out = {
    numerical: new Float64Array(count),
    analytic: new Float64Array(count),
    floor: new Float64Array(count),
    kinks: [] as number[],
    problems,
  };
  const plus = new Float64Array(base.length);
  const minus = new Float64Array(base.length);
  for (let k = 0; k < count; k++) {
    const direction = s.mode === 'full' ? undefined : base.map(() => s.rng.normal());
    // only the perturbed entries move: a component (full mode) or all of them (a direction)
    const moved: number[] = direction ? Array.from(base.keys()) : [k];
    for (const j of moved) {
      const h = s.epsilon * Math.max(1, Math.abs(base[j]!)) * (direction ? direction[j]! : 1);
      plus[j] = f.round(base[j]! + h);
      minus[j] = f.round(base[j]! - h);
    }
    const label = direction ? `${name} ± εu${k}` : `${name}[${k}] ± h`;
    for (const j of moved) x[j] = plus[j]!;
    const up = evaluate(label.replace('±', '+'));
    for (const j of moved) x[j] = minus[j]!;
    const down = evaluate(label.replace('±', '−'));
    for (const j of moved) x[j] = base[j]!;
    // the width of the difference: what the cost read, θ⁺ − θ⁻ (2ε along a direction)
    const width = direction ? 2 * s.epsilon : plus[k]! - minus[k]!;
    if (width === 0)
      problems.push(`the step vanishes at ${name}[${k}] = ${base[k]}: ε is too small`);
    out.numerical[k] = (up.J - down.J) / width;
    out.analytic[k] = direction
      ? moved.reduce((sum, j) => sum + (g[j]! * (plus[j]! - minus[j]!)) / width, 0)
      : g[k]!;
    // each cost is good to about an ulp of itself: of the perturbed costs, not of J(θ) (which
    // may be 0 where J(θ ± h) are not)
    out.floor[k] = (ROUNDOFF_MULTIPLE * f.unit * (Math.abs(up.J) + Math.abs(down.J))) / width;
    if (up.crossed || down.crossed) out.kinks.push(k);
  }
  return out;
}
