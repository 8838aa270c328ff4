/**
 * Double-double arithmetic: a real as an unevaluated sum hi + lo of two float64s with |lo| ≤ ½ulp(hi),
 * about 106 bits (32 digits) of precision over float64's exponent range: the arithmetic under
 * wideDD.ts, which adds an unbounded exponent for the references of the rewrite audit and the
 * fuzzer (Dekker 1971; Hida, Li and Bailey's QD library).
 * Elementary functions are float64's, refined by Newton steps or evaluated by series in
 * double-double; each is accurate to far better than the 1e-16 the audit resolves.
 */

/** hi + lo, with hi = fl(hi + lo). */
export type DD = readonly [hi: number, lo: number];

export const dd = (x: number): DD => [x, 0];
export const ZERO: DD = [0, 0];
export const ONE: DD = [1, 0];
/** ln 2 to 106 bits. */
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** A non-finite hi carries no low part (Inf − Inf in the error terms would make NaN). */
const finite = (hi: number, lo: number): DD => (Number.isFinite(hi) ? [hi, lo] : [hi, 0]);

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return finite(s, a - (s - bb) + (b - bb));
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return finite(s, b - (s - a));
}

const SPLITTER = 134217729; // 2^27 + 1
const SPLIT_LIMIT = 6.69692879491417e299; // 2^996: beyond it a·SPLITTER overflows

/** Veltkamp's split of a into 26-bit halves (scaled when a is huge). */
function split(a: number): DD {
  if (Math.abs(a) > SPLIT_LIMIT) {
    const [h, l] = split(a * 3.7252902984e-9); // 2^-28
    return [h * 268435456, l * 268435456];
  }
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

/** a·b exactly as hi + lo (Dekker's product). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  if (!Number.isFinite(p) || p === 0) return [p, 0];
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return finite(p, ah * bh - p + ah * bl + al * bh + al * bl);
}

export function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  if (!Number.isFinite(s)) return [s, 0];
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

export const neg = (a: DD): DD => [-a[0], -a[1]];
export const sub = (a: DD, b: DD): DD => add(a, neg(b));

export function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  if (!Number.isFinite(p) || p === 0) return [p, 0];
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

export function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  if (!Number.isFinite(q1) || q1 === 0 || !Number.isFinite(b[0])) return [q1, 0];
  // two correction steps: q = q1 + (a − q1·b)/b + …
  const r = sub(a, mul(dd(q1), b));
  const q2 = r[0] / b[0];
  const r2 = sub(r, mul(dd(q2), b));
  const q3 = r2[0] / b[0];
  return add(quickTwoSum(q1, q2), dd(q3));
}

export const toNumber = (a: DD): number => a[0] + a[1];
export const isNegative = (a: DD) => a[0] < 0 || (a[0] === 0 && a[1] < 0);
export const abs = (a: DD): DD => (isNegative(a) ? neg(a) : a);
/** a·2ᵏ (exact unless the result leaves the exponent range). */
export function ldexp(a: DD, k: number): DD {
  let r = a;
  let left = k;
  while (left !== 0) {
    const step = Math.max(-1000, Math.min(1000, left));
    const f = 2 ** step;
    r = [r[0] * f, r[1] * f];
    left -= step;
  }
  return finite(r[0], r[1]);
}

/** eˣ − 1 by its series, for |x| ≤ ½ (no cancellation near 0). */
function expm1Series(x: DD): DD {
  let term = x;
  let sum = x;
  for (let n = 2; n < 60; n++) {
    term = div(mul(term, x), dd(n));
    sum = add(sum, term);
    if (Math.abs(term[0]) <= 1e-36 * Math.abs(sum[0])) break;
  }
  return sum;
}

export function exp(x: DD): DD {
  if (Number.isNaN(x[0])) return [NaN, 0];
  if (x[0] > 709.8) return [Infinity, 0];
  if (x[0] < -745.2) return ZERO;
  // eˣ = 2ᵏ·eʳ with r = x − k·ln2, |r| ≤ ln2/2; eʳ = (e^(r/256))^256 by squaring 1 + u: (1+u)² = 1 + (2u + u²)
  const k = Math.round(x[0] / LN2[0]);
  const r = sub(x, mul(LN2, dd(k)));
  let u = expm1Series(ldexp(r, -8));
  for (let i = 0; i < 8; i++) u = add(mul(dd(2), u), mul(u, u));
  return ldexp(add(ONE, u), k);
}

export function expm1(x: DD): DD {
  return Math.abs(x[0]) <= 0.5 ? expm1Series(x) : sub(exp(x), ONE);
}

export function log(x: DD): DD {
  if (Number.isNaN(x[0]) || isNegative(x)) return [NaN, 0];
  if (x[0] === 0) return [-Infinity, 0];
  if (x[0] === Infinity) return [Infinity, 0];
  // scale into [2^-500, 2^500] so that e^−y stays finite, then Newton: y ← y + x·e^−y − 1
  const shift = x[0] < 1e-150 ? 600 : x[0] > 1e150 ? -600 : 0;
  const xs = ldexp(x, shift);
  let y = dd(Math.log(xs[0]));
  for (let i = 0; i < 2; i++) y = sub(add(y, mul(xs, exp(neg(y)))), ONE);
  return shift === 0 ? y : sub(y, mul(LN2, dd(shift)));
}

/** log(1 + u), accurate for small u (Newton on eʸ − 1 = u). */
export function log1p(u: DD): DD {
  if (Math.abs(u[0]) > 0.5) return log(add(ONE, u));
  if (u[0] === 0) return u;
  let y = dd(Math.log1p(u[0]));
  for (let i = 0; i < 2; i++) {
    const e = expm1(y);
    y = sub(y, div(sub(e, u), add(e, ONE)));
  }
  return y;
}

export function sqrt(x: DD): DD {
  if (Number.isNaN(x[0]) || isNegative(x)) return [NaN, 0];
  if (x[0] === 0 || x[0] === Infinity) return [x[0], 0];
  const y = dd(Math.sqrt(x[0]));
  // one Newton step: y + (x − y²)/(2y)
  return add(y, div(sub(x, mul(y, y)), dd(2 * y[0])));
}

export function tanh(x: DD): DD {
  if (Math.abs(x[0]) > 40) return x[0] > 0 ? ONE : neg(ONE);
  // tanh x = (e²ˣ − 1)/(e²ˣ + 1), with e²ˣ − 1 from expm1 (no cancellation near 0)
  const e = expm1(mul(dd(2), x));
  return div(e, add(e, dd(2)));
}
