/**
 * Timing helpers for the benchmarks: interleaved rounds (A B C D A B C D …), each from a reset
 * state, reported as median and min–max per step, and the ratio to a reference computed pair by
 * pair within a round (so drift of the machine between rounds cancels).
 */

export interface Contender {
  readonly name: string;
  /**
   * Makes the implementation's environment current before its turn (not timed), e.g. TF.js's
   * global backend. Called before `reset` wherever a contender takes its turn.
   */
  before?(): void;
  /** Puts the implementation back at the starting point (not timed). */
  reset(): void;
  /** One unit of work (a training step, or one call). */
  step(): void;
  /** `n` units in a loop of the contender's own (for ns-scale work); default: `step` n times. */
  run?(n: number): void;
}

export interface Timing {
  readonly name: string;
  /** Milliseconds per step, one entry per round. */
  readonly perStep: number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Median over rounds of (reference time / this time) within the round. */
  readonly refOverThis: number;
  /** Median over rounds of (this time / reference time): how many times faster the reference is. */
  readonly thisOverRef: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Milliseconds of one step of each contender, measured after warming up for `warmupMs` (≥ 3 steps). */
export function probe(contenders: readonly Contender[], warmupMs: number): number[] {
  return contenders.map((c) => {
    c.before?.();
    c.reset();
    const start = performance.now();
    for (let i = 0; i < 3 || performance.now() - start < warmupMs; i++) {
      if (i % 64 === 63) c.reset();
      c.step();
    }
    if (c.run) for (let k = 0; k < 20; k++) c.run(64); // its own loop is warm too
    c.reset();
    const t0 = performance.now();
    c.step();
    c.step();
    return (performance.now() - t0) / 2;
  });
}

/**
 * `rounds` interleaved rounds; in each, every contender is reset then timed over `steps[i]` steps.
 * The first contender is the reference of the ratios.
 */
export function interleaved(
  contenders: readonly Contender[],
  steps: readonly number[],
  rounds: number,
): Timing[] {
  const perStep: number[][] = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((c, i) => {
      c.before?.();
      c.reset();
      const n = steps[i];
      const t0 = performance.now();
      if (c.run) c.run(n);
      else for (let s = 0; s < n; s++) c.step();
      perStep[i].push((performance.now() - t0) / n);
    });
  }
  return contenders.map((c, i) => {
    return {
      name: c.name,
      perStep: perStep[i],
      median: median(perStep[i]),
      min: Math.min(...perStep[i]),
      max: Math.max(...perStep[i]),
      refOverThis: median(perStep[i].map((t, r) => perStep[0][r] / t)),
      thisOverRef: median(perStep[i].map((t, r) => t / perStep[0][r])),
    };
  });
}

/** A duration in ms with a sensible unit. */
export function fmtTime(ms: number): string {
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(1)} ns`;
}

export function table(header: readonly string[], align: string, rows: readonly string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${[...align].map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** max |a − b| over max |b| across all named arrays (whole-vector relative error), and the worst name. */
export function relError(
  got: Readonly<Record<string, ArrayLike<number>>>,
  want: Readonly<Record<string, ArrayLike<number>>>,
): { error: number; worst: string } {
  let scale = 0;
  for (const v of Object.values(want))
    for (let i = 0; i < v.length; i++) scale = Math.max(scale, Math.abs(v[i]));
  let error = 0;
  let worst = '';
  for (const [k, w] of Object.entries(want)) {
    const g = got[k];
    if (!g || g.length !== w.length)
      return { error: Infinity, worst: `${k} (missing or wrong length)` };
    for (let i = 0; i < w.length; i++) {
      const d = Math.abs(g[i] - w[i]) / (scale || 1);
      if (!(d <= error)) {
        error = Number.isNaN(d) ? Infinity : d;
        worst = k;
      }
    }
  }
  return { error, worst };
}
