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

/**
 * f applied to an interval, for strictly increasing f: f(lo) is attained exactly when lo is (an
 * infinite end is open, so f(±∞) — σ's 0 and 1 — is never claimed).
 */
export function increasing(f: (x: number) => number, r: Interval): Interval {
  return interval(f(r.lo), f(r.hi), r.loOpen, r.hiOpen);
}

/**
 * max(x, c) over an interval: below c every value becomes c, which is then attained (relu(x) = 0
 * for every x ≤ 0, even when x's interval is open at its lower end).
 */
export function clampedBelow(c: number, r: Interval): Interval {
  if (r.lo >= c) return r;
  return r.hi > c ? interval(c, r.hi, false, r.hiOpen) : point(c);
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

/**
 * The products of two intervals: the extremes are at the corners, each attained when both of its
 * ends are (or when one is a closed 0: 0·y = 0 for every y).
 */
export function mul(a: Interval, b: Interval): Interval {
  const corner = (x: number, xOpen: boolean, y: number, yOpen: boolean) =>
    (x === 0 && !xOpen) || (y === 0 && !yOpen)
      ? { v: 0, open: false }
      : { v: times(x, y), open: xOpen || yOpen };
  const corners = [
    corner(a.lo, a.loOpen, b.lo, b.loOpen),
    corner(a.lo, a.loOpen, b.hi, b.hiOpen),
    corner(a.hi, a.hiOpen, b.lo, b.loOpen),
    corner(a.hi, a.hiOpen, b.hi, b.hiOpen),
  ];
  const lo = Math.min(...corners.map((c) => c.v));
  const hi = Math.max(...corners.map((c) => c.v));
  return interval(
    lo,
    hi,
    corners.every((c) => c.v !== lo || c.open),
    corners.every((c) => c.v !== hi || c.open),
  );
}

export function reciprocal(a: Interval): Interval {
  if (isPositive(a))
    return interval(1 / a.hi, a.lo === 0 ? Infinity : 1 / a.lo, a.hiOpen, a.loOpen);
  if (excludesZero(a)) return neg(reciprocal(neg(a)));
  return REALS;
}
