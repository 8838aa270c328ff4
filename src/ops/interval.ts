/**
 * Real intervals for range analysis: what values an expression can take in exact arithmetic. Rules
 * that hold only on a domain (x/x = 1 needs x ≠ 0; exp(log x) = x needs x > 0) consult them.
 * Each op states how it maps operand intervals in its own file (`range`).
 */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
  /** The bound itself is excluded (e.g. σ(x) ∈ (0, 1)). */
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export function interval(lo: number, hi: number, loOpen = false, hiOpen = false): Interval {
  return {
    lo,
    hi,
    loOpen: loOpen || lo === -Infinity,
    hiOpen: hiOpen || hi === Infinity,
  };
}

export const REALS = interval(-Infinity, Infinity);
export const point = (v: number) => interval(v, v);

export const excludesZero = (r: Interval) =>
  r.lo > 0 || (r.lo === 0 && r.loOpen) || r.hi < 0 || (r.hi === 0 && r.hiOpen);
export const isPositive = (r: Interval) => r.lo > 0 || (r.lo === 0 && r.loOpen);
export const isNonNegative = (r: Interval) => r.lo >= 0;

/** f applied to an interval, for increasing f; open ends stay open. */
export function increasing(f: (x: number) => number, r: Interval, strictLo = false): Interval {
  return interval(f(r.lo), f(r.hi), r.loOpen || strictLo, r.hiOpen);
}

export function union(a: Interval, b: Interval): Interval {
  const lo = Math.min(a.lo, b.lo);
  const hi = Math.max(a.hi, b.hi);
  return interval(
    lo,
    hi,
    (a.lo !== lo || a.loOpen) && (b.lo !== lo || b.loOpen),
    (a.hi !== hi || a.hiOpen) && (b.hi !== hi || b.hiOpen),
  );
}

const times = (x: number, y: number) => (x === 0 || y === 0 ? 0 : x * y);

export function add(a: Interval, b: Interval): Interval {
  return interval(a.lo + b.lo, a.hi + b.hi, a.loOpen || b.loOpen, a.hiOpen || b.hiOpen);
}

export function neg(a: Interval): Interval {
  return interval(-a.hi, -a.lo, a.hiOpen, a.loOpen);
}

export function mul(a: Interval, b: Interval): Interval {
  if (isPositive(a) && isPositive(b)) {
    return interval(times(a.lo, b.lo), times(a.hi, b.hi), true, a.hiOpen || b.hiOpen);
  }
  const c = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return interval(Math.min(...c), Math.max(...c));
}

export function reciprocal(a: Interval): Interval {
  if (isPositive(a)) return interval(1 / a.hi, a.lo === 0 ? Infinity : 1 / a.lo, true, a.loOpen);
  if (excludesZero(a)) return neg(reciprocal(neg(a)));
  return REALS;
}
