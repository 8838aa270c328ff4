/**
 * Double-double with an unbounded exponent: m·2ᵉ with m a double-double, 1 ≤ |m| < 2, and e any
 * integer. Plain double-double shares float64's exponent range, so 1e-300² or a subnormal
 * quotient would round in the reference exactly as in the float64 result it is meant to judge;
 * here they do not. Arithmetic is on mantissas with exponents added; elementary functions reduce
 * their argument into float64's comfortable range and use double-double there (series near 0).
 */
import * as D from './doubleDouble.js';
import type { DD } from './doubleDouble.js';

/** m·2ᵉ; a non-finite m (±∞, NaN) has e = 0. */
export interface Wide {
  readonly m: DD;
  readonly e: number;
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
/** Exponents beyond this are overflow (or underflow) for every purpose here. */
const HUGE_EXPONENT = 2 ** 40;

/** The binary exponent of a finite non-zero float64 (floor(log2|x|)). */
function exponentOf(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  let a = Math.abs(x);
  let bias = 0;
  if (a < 2 ** -1022) {
    a *= 2 ** 64;
    bias = -64;
  }
  view.setFloat64(0, a);
  return ((view.getUint16(0) >> 4) & 0x7ff) - 1023 + bias;
}

function normalize(m: DD, e: number): Wide {
  if (m[0] === 0 || !Number.isFinite(m[0])) return { m: [m[0], 0], e: 0 };
  const k = exponentOf(m[0]);
  const exponent = e + k;
  if (exponent > HUGE_EXPONENT) return { m: [Math.sign(m[0]) * Infinity, 0], e: 0 };
  if (exponent < -HUGE_EXPONENT) return { m: [0, 0], e: 0 };
  return { m: D.ldexp(m, -k), e: exponent };
}

const isFiniteWide = (x: Wide) => Number.isFinite(x.m[0]);

export const fromNumber = (x: number): Wide => normalize([x, 0], 0);
export const fromDD = (x: DD): Wide => normalize(x, 0);
export const ZERO = fromNumber(0);
export const ONE = fromNumber(1);

/** The nearest float64 (0 or ±∞ outside its range). */
export function toNumber(x: Wide): number {
  if (!isFiniteWide(x) || x.m[0] === 0) return x.m[0];
  const s = x.m[0] + x.m[1];
  if (x.e > 1100) return Math.sign(s) * Infinity;
  if (x.e < -1100) return 0 * Math.sign(s);
  // scale in two steps so that a subnormal result is rounded once
  return x.e < -1000 ? s * 2 ** (x.e + 600) * 2 ** -600 : D.ldexp([s, 0], x.e)[0];
}

/** The double-double value (only for values inside float64's range). */
const toDD = (x: Wide): DD => (isFiniteWide(x) ? D.ldexp(x.m, x.e) : x.m);

/** An operation on non-finite operands, done in float64 (∞ + 1 = ∞, ∞·0 = NaN, …). */
const viaNumbers = (f: (a: number, b: number) => number, a: Wide, b: Wide) =>
  fromNumber(f(toNumber(a), toNumber(b)));

export function add(a: Wide, b: Wide): Wide {
  if (!isFiniteWide(a) || !isFiniteWide(b)) return viaNumbers((x, y) => x + y, a, b);
  if (a.m[0] === 0) return b;
  if (b.m[0] === 0) return a;
  const [big, small] = a.e >= b.e ? [a, b] : [b, a];
  const gap = big.e - small.e;
  if (gap > 1000) return big; // below 2^-1000 relative: nothing double-double can hold
  return normalize(D.add(big.m, D.ldexp(small.m, -gap)), big.e);
}

export const neg = (a: Wide): Wide => ({ m: D.neg(a.m), e: a.e });
export const sub = (a: Wide, b: Wide): Wide => add(a, neg(b));

export function mul(a: Wide, b: Wide): Wide {
  if (!isFiniteWide(a) || !isFiniteWide(b)) return viaNumbers((x, y) => x * y, a, b);
  return normalize(D.mul(a.m, b.m), a.e + b.e);
}

export function div(a: Wide, b: Wide): Wide {
  if (!isFiniteWide(a) || !isFiniteWide(b) || b.m[0] === 0) {
    return viaNumbers((x, y) => x / y, a, b);
  }
  return normalize(D.div(a.m, b.m), a.e - b.e);
}

export const sign = (a: Wide): number => (Number.isNaN(a.m[0]) ? NaN : Math.sign(a.m[0]));
export const abs = (a: Wide): Wide => (a.m[0] < 0 ? neg(a) : a);
/** The sign of a − b (NaN when either is NaN). */
export const compare = (a: Wide, b: Wide): number => sign(sub(a, b));

/** |x| < 2⁻³⁰: where a few terms of a series are exact to double-double precision. */
const tiny = (x: Wide) => isFiniteWide(x) && x.m[0] !== 0 && x.e < -30;
const cube = (x: Wide) => mul(mul(x, x), x);
const n = fromNumber;

export function exp(x: Wide): Wide {
  if (!isFiniteWide(x)) return fromNumber(Math.exp(x.m[0]));
  if (x.m[0] === 0) return ONE;
  if (tiny(x)) return add(ONE, add(x, div(mul(x, x), n(2)))); // 1 + x + x²/2
  if (x.e > 40) return fromNumber(x.m[0] > 0 ? Infinity : 0);
  // eˣ = 2ᵏ·eʳ with r = x − k·ln2
  const v = toDD(x);
  const k = Math.round(v[0] / LN2[0]);
  const r = D.sub(v, D.mul(LN2, D.dd(k)));
  return normalize(D.exp(r), k);
}

export function log(x: Wide): Wide {
  if (Number.isNaN(x.m[0]) || x.m[0] < 0) return fromNumber(NaN);
  if (x.m[0] === 0) return fromNumber(-Infinity);
  if (!isFiniteWide(x)) return x;
  // log(m·2ᵉ) = log m + e·ln2
  return fromDD(D.add(D.log(x.m), D.mul(LN2, D.dd(x.e))));
}

export function sqrt(x: Wide): Wide {
  if (Number.isNaN(x.m[0]) || x.m[0] < 0) return fromNumber(NaN);
  if (x.m[0] === 0 || !isFiniteWide(x)) return x;
  const odd = ((x.e % 2) + 2) % 2;
  return normalize(D.sqrt(D.ldexp(x.m, odd)), (x.e - odd) / 2);
}

export function expm1(x: Wide): Wide {
  if (tiny(x)) return add(x, add(div(mul(x, x), n(2)), div(cube(x), n(6))));
  if (isFiniteWide(x) && x.e < 0) return fromDD(D.expm1(toDD(x))); // |x| < 1
  return sub(exp(x), ONE);
}

export function log1p(u: Wide): Wide {
  if (tiny(u)) return add(sub(u, div(mul(u, u), n(2))), div(cube(u), n(3)));
  if (isFiniteWide(u) && u.e < -1) return fromDD(D.log1p(toDD(u))); // |u| < ½
  return log(add(ONE, u));
}

/** xᵏ: by squaring for an integer k, e^(k·log x) otherwise. */
export function pow(x: Wide, k: number): Wide {
  if (Number.isInteger(k) && Math.abs(k) <= 2 ** 31) {
    let result = ONE;
    let base = x;
    for (let i = Math.abs(k); i > 0; i = Math.floor(i / 2)) {
      if (i % 2 === 1) result = mul(result, base);
      base = mul(base, base);
    }
    return k < 0 ? div(ONE, result) : result;
  }
  if (x.m[0] === 0) return fromNumber(k > 0 ? 0 : Infinity);
  return exp(mul(n(k), log(x)));
}

export function tanh(x: Wide): Wide {
  if (!isFiniteWide(x)) return fromNumber(Math.tanh(x.m[0]));
  if (tiny(x)) return sub(x, div(cube(x), n(3)));
  if (x.e >= 6) return fromNumber(Math.sign(x.m[0])); // |x| ≥ 64: 1 − tanh < 1e-55
  return fromDD(D.tanh(toDD(x)));
}

export const sigmoid = (x: Wide): Wide => div(ONE, add(ONE, exp(neg(x))));

/** log(1 + eˣ) = max(x, 0) + log1p(e^−|x|). */
export function softplus(x: Wide): Wide {
  if (Number.isNaN(x.m[0])) return x;
  return x.m[0] > 0 ? add(x, log1p(exp(neg(x)))) : log1p(exp(x));
}

const eitherNaN = (a: Wide, b: Wide) => Number.isNaN(a.m[0]) || Number.isNaN(b.m[0]);
export const max = (a: Wide, b: Wide): Wide =>
  eitherNaN(a, b) ? fromNumber(NaN) : compare(a, b) >= 0 ? a : b;
export const min = (a: Wide, b: Wide): Wide =>
  eitherNaN(a, b) ? fromNumber(NaN) : compare(a, b) <= 0 ? a : b;
