/**
 * Verdicts: of a relative error by the thresholds, of a row (one input) from its estimates, and
 * of a whole check — the worst row's.
 */
import type { RowEstimates } from './differences.js';

/**
 * By relative error: ≤ 1e-7 `correct`; ≤ 1e-5 `inspect` (maybe fine, look closer); ≤ 1e-3
 * `suspicious`; > 1e-3 `bug` (almost certainly wrong). A row may also be `roundoff` (every
 * |numerical − analytic| within the round-off floor of the differences: they cannot judge it,
 * and it does not fail), `kink` (a perturbation crossed a kink of the cost: fails, unless
 * re-sampling with `avoidKinks` found a point without one) or `nonfinite` (NaN or ±Inf: fails).
 */
export type Verdict =
  'correct' | 'roundoff' | 'inspect' | 'suspicious' | 'kink' | 'bug' | 'nonfinite';

/** Verdicts from best to worst: the check's verdict is its worst row's. */
export const SEVERITY: readonly Verdict[] = [
  'correct',
  'roundoff',
  'inspect',
  'suspicious',
  'kink',
  'bug',
  'nonfinite',
];

export function verdictOf(relativeError: number): Verdict {
  if (!Number.isFinite(relativeError)) return 'nonfinite';
  if (relativeError <= 1e-7) return 'correct';
  if (relativeError <= 1e-5) return 'inspect';
  if (relativeError <= 1e-3) return 'suspicious';
  return 'bug';
}

/** ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂), defined as 0 when both are zero vectors. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i]! - b[i]!) ** 2;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  const denom = Math.sqrt(na) + Math.sqrt(nb);
  if (denom === 0) return diff === 0 ? 0 : Infinity;
  return Math.sqrt(diff) / denom;
}

/**
 * A row's verdict and whether it passes (`ok`: relative error ≤ threshold, or `roundoff`).
 * Components whose perturbation crossed a kink are set aside: when the rest is correct or within
 * round-off, the row is `kink`; otherwise the rest decides. A row is `roundoff` only when every
 * |numerical − analytic| is within its floor, so a wrong gradient whose error exceeds the floor
 * anywhere is judged by its relative error as usual.
 */
export function judgeRow(
  e: RowEstimates,
  nonfinite: boolean,
  threshold: number,
): { relativeError: number; verdict: Verdict; ok: boolean } {
  const err = relativeError(e.numerical, e.analytic);
  if (nonfinite || !Number.isFinite(err)) {
    return { relativeError: NaN, verdict: 'nonfinite', ok: false };
  }
  const crossed = new Set(e.kinks);
  const judged = [...e.numerical.keys()].filter((i) => !crossed.has(i));
  const withinFloor = judged.every(
    (i) => Math.abs(e.numerical[i]! - e.analytic[i]!) <= e.floor[i]!,
  );
  const rest = relativeError(
    judged.map((i) => e.numerical[i]!),
    judged.map((i) => e.analytic[i]!),
  );
  let verdict: Verdict;
  if (verdictOf(err) === 'correct') verdict = 'correct';
  else if (crossed.size > 0 && (withinFloor || verdictOf(rest) === 'correct')) verdict = 'kink';
  else if (withinFloor) verdict = 'roundoff';
  else verdict = verdictOf(crossed.size > 0 ? rest : err);
  const ok =
    verdict === 'roundoff' || (verdict !== 'kink' && verdict !== 'nonfinite' && err <= threshold);
  return { relativeError: err, verdict, ok };
}

/** The index of the worst row: the most severe verdict, then the largest relative error (−1: none). */
export function worstOf(rows: readonly { verdict: Verdict; relativeError: number }[]): number {
  const rank = (i: number) => SEVERITY.indexOf(rows[i]!.verdict);
  let worst = -1;
  rows.forEach((row, i) => {
    if (
      worst < 0 ||
      rank(i) > rank(worst) ||
      (rank(i) === rank(worst) && row.relativeError > rows[worst]!.relativeError)
    )
      worst = i;
  });
  return worst;
}
