/**
 * The adjoint (dot-product) test: for seeded random v (an input's shape) and w (the cost's
 * cotangent), ⟨J·v, w⟩ from the emitted JVP against ⟨v, Jᵀ·w⟩ from the gradient under test.
 * Reverse mode must be the transpose of forward mode at every point, kink or not, so the two
 * agree to rounding (relative difference ~1e-16–1e-12 in float64) — no differences, no ε, no
 * round-off floor of a cost.
 */
import type { InputValues } from '../ir/values.js';
import type { Rng } from '../rng.js';
import type { Directions } from './derivatives.js';
import type { RowEstimates } from './differences.js';
import { relativeError, type Verdict } from './verdict.js';

/**
 * By relative difference |⟨J·v, w⟩ − ⟨v, Jᵀw⟩| / (|⟨J·v, w⟩| + |⟨v, Jᵀw⟩|) of a row's pairs,
 * for float64 (× 2²⁹ for a float32 gradient): ≤ 1e-9 `correct`; ≤ 1e-7 `inspect`; ≤ 1e-5
 * `suspicious`; above, `bug`. Measured on the samples (planar, logisticRegression, housing, deep;
 * seeds 1–3; 0, 5 and 30 steps): 1e-16–1e-14 for most rows, at most 2.7e-11 — planar's b1 at
 * initialization, a gradient of ~1e-8 that is a sum of terms ~1e4 times larger, so its rounding
 * is ~1e4 ulps of it, in both modes alike.
 */
export const ADJOINT_THRESHOLDS = { correct: 1e-9, inspect: 1e-7, suspicious: 1e-5 } as const;

export function adjointVerdictOf(relativeDifference: number, scale = 1): Verdict {
  if (!Number.isFinite(relativeDifference)) return 'nonfinite';
  if (relativeDifference <= ADJOINT_THRESHOLDS.correct * scale) return 'correct';
  if (relativeDifference <= ADJOINT_THRESHOLDS.inspect * scale) return 'inspect';
  if (relativeDifference <= ADJOINT_THRESHOLDS.suspicious * scale) return 'suspicious';
  return 'bug';
}

/** A row's verdict and whether it passes: relative difference ≤ threshold (default: `correct`'s). */
export function judgeAdjointRow(
  e: RowEstimates,
  nonfinite: boolean,
  threshold: number | undefined,
  scale: number,
): { relativeError: number; verdict: Verdict; ok: boolean } {
  const err = relativeError(e.numerical, e.analytic);
  if (nonfinite || !Number.isFinite(err)) {
    return { relativeError: NaN, verdict: 'nonfinite', ok: false };
  }
  const verdict = adjointVerdictOf(err, scale);
  return {
    relativeError: err,
    verdict,
    ok: err <= (threshold ?? ADJOINT_THRESHOLDS.correct * scale),
  };
}

/** `pairs` seeded (v, w) pairs for input `name`, whose gradient under test is `g`. */
export function adjointEstimates(
  jvp: (at: InputValues, v: Directions) => number,
  at: InputValues,
  name: string,
  g: Float64Array,
  pairs: number,
  rng: Rng,
): RowEstimates {
  const out = {
    numerical: new Float64Array(pairs),
    analytic: new Float64Array(pairs),
    floor: new Float64Array(pairs),
    kinks: [] as number[],
    problems: [] as string[],
  };
  for (let k = 0; k < pairs; k++) {
    const v = g.map(() => rng.normal());
    const w = rng.normal();
    const Jv = jvp(at, { [name]: v });
    if (!Number.isFinite(Jv)) out.problems.push(`J·v of ${name} is ${Jv} (pair ${k})`);
    let vJw = 0;
    for (let i = 0; i < g.length; i++) vJw += v[i]! * (g[i]! * w);
    out.numerical[k] = Jv * w;
    out.analytic[k] = vJw;
  }
  return out;
}
