/**
 * The second-order check: H·v from the emitted HVP against two-sided differences of the gradient
 * under test along v, (∇J(θ + h·v) − ∇J(θ − h·v)) / 2h, for a seeded random v of one input at a
 * time (a row), compared over every checked input's components. The step is relative like
 * gradcheck's, h = ε·max(1, |θᵢ|)·vᵢ, exact (H is applied to the step the gradient really read),
 * with a floor of an ulp of each gradient component plus the truncation error (Richardson: a
 * second difference at 2h gives D(2h) − D(h) ≈ 3ch² for D(h) = H·v + ch²) and the kinks of the
 * cost. The truncation matters where H·v is exactly 0 and J⁗ is not: log1p(x) + expm1(x) at 0.
 */
import type { InputValue, InputValues } from '../ir/values.js';
import type { Rng } from '../rng.js';
import { crossesKink } from './kinks.js';
import type { Directions } from './derivatives.js';
import { asArray, ROUNDOFF_MULTIPLE, type RowEstimates } from './differences.js';

/** What the second-order check reads: the gradient under test, the HVP, the kinks. */
export interface SecondOrder {
  grad(at: InputValues): ReadonlyMap<string, Float64Array>;
  hvp(at: InputValues, v: Directions): Readonly<Record<string, ArrayLike<number>>>;
  kinks: ((x: InputValues) => ArrayLike<number>) | undefined;
  readonly unit: number;
}

/** Default relative step of the gradient's differences: ≈ u^⅓ balances truncation and round-off. */
export const HVP_EPSILON = 1e-5;

/** `directions` seeded directions of input `name`; `names` are every checked input. */
export function hvpEstimates(
  f: SecondOrder,
  at: InputValues,
  name: string,
  names: readonly string[],
  s: { readonly epsilon: number; readonly directions: number; readonly rng: Rng },
): RowEstimates {
  const base = asArray(at[name]!);
  const scalar = typeof at[name] === 'number';
  const kinkSigns = f.kinks?.(at);
  const rows: { numerical: number[]; analytic: number[]; floor: number[] } = {
    numerical: [],
    analytic: [],
    floor: [],
  };
  const kinks: number[] = [];
  const problems: string[] = [];
  for (let k = 0; k < s.directions; k++) {
    const u = base.map(() => s.rng.normal());
    const plus = base.map((x, j) => x + s.epsilon * Math.max(1, Math.abs(x)) * u[j]!);
    const minus = base.map((x, j) => x - s.epsilon * Math.max(1, Math.abs(x)) * u[j]!);
    const width = 2 * s.epsilon;
    // the direction the two gradients were really taken along
    const d = plus.map((p, j) => (p - minus[j]!) / width);
    const moved = (x: Float64Array): InputValues => ({
      ...at,
      [name]: (scalar ? x[0]! : x) as InputValue,
    });
    const up = f.grad(moved(plus));
    const down = f.grad(moved(minus));
    // the same difference at twice the step, for the truncation estimate
    const plus2 = base.map((x, j) => x + 2 * s.epsilon * Math.max(1, Math.abs(x)) * u[j]!);
    const minus2 = base.map((x, j) => x - 2 * s.epsilon * Math.max(1, Math.abs(x)) * u[j]!);
    const up2 = f.grad(moved(plus2));
    const down2 = f.grad(moved(minus2));
    const hv = f.hvp(at, { [name]: d });
    const start = rows.numerical.length;
    for (const n of names) {
      const a = up.get(n)!;
      const b = down.get(n)!;
      const h = hv[n]!;
      const [a2, b2] = [up2.get(n)!, down2.get(n)!];
      for (let i = 0; i < a.length; i++) {
        const estimate = (a[i]! - b[i]!) / width;
        const truncation = Math.abs((a2[i]! - b2[i]!) / (2 * width) - estimate) / 3;
        rows.numerical.push(estimate);
        rows.analytic.push(h[i]!);
        rows.floor.push(
          (ROUNDOFF_MULTIPLE * f.unit * (Math.abs(a[i]!) + Math.abs(b[i]!))) / width +
            ROUNDOFF_MULTIPLE * truncation,
        );
        if (!Number.isFinite(h[i]!)) problems.push(`(H·v)[${n}][${i}] is ${h[i]} (direction ${k})`);
        if (!Number.isFinite(a[i]! - b[i]!))
          problems.push(`the gradient d${n} is not finite at ${name} ± h·v${k}`);
      }
    }
    if (
      kinkSigns &&
      [plus, minus, plus2, minus2].some((x) => crossesKink(kinkSigns, f.kinks!(moved(x))))
    ) {
      for (let i = start; i < rows.numerical.length; i++) kinks.push(i);
    }
  }
  return {
    numerical: Float64Array.from(rows.numerical),
    analytic: Float64Array.from(rows.analytic),
    floor: Float64Array.from(rows.floor),
    kinks,
    problems,
  };
}
