/**
 * Rational normal form of elementwise arithmetic: a region of + − · / neg square pow (and the
 * broadcasts between them) is read as coef · Π factorᵉ over polynomial factors in "atoms" (every
 * other node), common factors cancel, sums are put over common denominators and expanded, then
 * the result is written back as a graph — if it is smaller. This is how the textbook's hand
 * simplification happens symbolically: for σ + cross-entropy,
 * (y/a − (1 − y)/(1 − a)) · a(1 − a)  →  y(1 − a) − (1 − y)a  →  y − a.
 * A factor cancels against its inverse only where the range analysis shows it is never 0 (σ(z)
 * and 1 − σ(z) are not; an input may be): a/a is NaN at a = 0, and the normal form keeps that.
 */
import * as B from '../builder/core.js';
import { compareCanonical, type Node } from '../ir/node.js';
import { sameShape, type Shape } from '../ir/shape.js';
import * as I from '../ops/interval.js';
import { excludesZero, type Interval } from '../ops/interval.js';
import { rangeOf } from './range.js';

interface Mono {
  readonly coef: number;
  /** atom → positive power, in canonical atom order */
  readonly atoms: readonly (readonly [Node, number])[];
  /** `monoKey(atoms)`, made once (terms are merged and factors looked up by it, over and over) */
  readonly key: string;
}
type Poly = readonly Mono[];
interface Factor {
  readonly poly: Poly;
  readonly exp: number;
}
interface Rational {
  readonly coef: number;
  readonly factors: ReadonlyMap<string, Factor>;
}

const MAX_TERMS = 32;
/** Arithmetic nodes read per region: bounds the work per region root (and so the whole pass). */
const MAX_REGION = 48;
const MAX_POWER = 4;
/** Thrown (as one shared object: no stack to capture) when a region is not worth normalizing. */
const TOO_BIG = { tooBig: true } as const;

/** Identity keys (node ids are unique within a process); order never depends on them. */
const monoKey = (atoms: Mono['atoms']) => atoms.map(([a, p]) => `${a.id}^${p}`).join('*');
const polyKey = (p: Poly) => p.map((m) => `${m.coef}:${m.key}`).join('+');
const mono = (coef: number, atoms: Mono['atoms']): Mono => ({ coef, atoms, key: monoKey(atoms) });

function sortAtoms(map: Map<Node, number>): Mono['atoms'] {
  return [...map.entries()].filter(([, p]) => p !== 0).sort(([a], [b]) => compareCanonical(a, b));
}

/**
 * Gathering constant factors reassociates a product: (1e-200·a)·(1e-200·b) → 1e-400·(a·b) is 0
 * where the original is 1, and 1e-300·(a·b) overflows where the original does not. Coefficients
 * are folded only while they stay within 2^±64 (values near 2^±959 aside, nothing the original
 * computes finitely then overflows or flushes to 0); otherwise the region is kept as written.
 */
const COEF_LIMIT = 2 ** 64;
/** Whether a constant factor may be gathered with others (see above): 0, or within 2^±64. */
export function foldable(c: number): boolean {
  const m = Math.abs(c);
  return m === 0 || (m <= COEF_LIMIT && m >= 1 / COEF_LIMIT);
}
function folded(c: number): number {
  if (c === 0 || !foldable(c)) throw TOO_BIG;
  return c;
}
const times = (a: number, b: number) =>
  a === 0 || b === 0 || Math.abs(a) === 1 || Math.abs(b) === 1 ? a * b : folded(a * b);

function monoMul(a: Mono, b: Mono): Mono {
  // a number times a term keeps its atoms (they are sorted already)
  if (b.atoms.length === 0) return { coef: times(a.coef, b.coef), atoms: a.atoms, key: a.key };
  if (a.atoms.length === 0) return { coef: times(a.coef, b.coef), atoms: b.atoms, key: b.key };
  const atoms = new Map(a.atoms);
  for (const [n, p] of b.atoms) atoms.set(n, (atoms.get(n) ?? 0) + p);
  return mono(times(a.coef, b.coef), sortAtoms(atoms));
}

/**
 * What normalizing a region did, beyond collecting: whether a product of sums was multiplied out,
 * and whether anything cancelled (like terms to 0, a factor against its inverse). Multiplying out
 * with nothing to cancel only trades a precise form for a fragile one: (1 − y)·q → q − y·q
 * loses all of q·(1 − y)'s digits where y = 1 and q is large.
 */
const effects = { expanded: false, cancelled: false };

/** Merges like terms, drops zeros, sorts canonically. */
function normalizePoly(terms: readonly Mono[]): Poly {
  const byKey = new Map<string, Mono>();
  for (const t of terms) {
    const key = t.key;
    const old = byKey.get(key);
    if (old && old.coef + t.coef === 0) effects.cancelled = true;
    byKey.set(key, old ? { coef: old.coef + t.coef, atoms: t.atoms, key } : t);
  }
  const out = [...byKey.values()].filter((m) => m.coef !== 0);
  if (out.length > MAX_TERMS) throw TOO_BIG;
  return out.sort(compareMonos);
}

/** Canonical (structural) order of monomials: by atoms, powers, then coefficient. */
function compareMonos(x: Mono, y: Mono): number {
  for (let i = 0; i < Math.min(x.atoms.length, y.atoms.length); i++) {
    const c = compareCanonical(x.atoms[i]![0], y.atoms[i]![0]) || y.atoms[i]![1] - x.atoms[i]![1];
    if (c !== 0) return c;
  }
  return y.atoms.length - x.atoms.length;
}

function comparePolys(a: Poly, b: Poly): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareMonos(a[i]!, b[i]!) || a[i]!.coef - b[i]!.coef;
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

const isNumber = (p: Poly) => p.length === 1 && p[0]!.atoms.length === 0;

function polyMul(a: Poly, b: Poly): Poly {
  if ((a.length > 1 && !isNumber(b)) || (b.length > 1 && !isNumber(a))) effects.expanded = true;
  const terms: Mono[] = [];
  for (const x of a) for (const y of b) terms.push(monoMul(x, y));
  // a term times a polynomial: the products' atoms differ as the polynomial's do, none merge
  return fast && (a.length === 1 || b.length === 1) ? normalizeUnique(terms) : normalizePoly(terms);
}

/**
 * Whether the fast paths run (they give what the general code gives, with fewer maps, keys and
 * sorts); off, every step runs in general, as {@link withoutFastPaths} runs it for tests.
 */
let fast = true;

/** Runs `fn` with the general code only (no fast path): for tests that compare the two. */
export function withoutFastPaths<T>(fn: () => T): T {
  const saved = fast;
  fast = false;
  try {
    return fn();
  } finally {
    fast = saved;
  }
}

/**
 * {@link normalizePoly} of terms whose keys are all different (nothing to merge): the same
 * polynomial, without the map.
 */
function normalizeUnique(terms: Mono[]): Poly {
  const out = terms.every((m) => m.coef !== 0) ? terms : terms.filter((m) => m.coef !== 0);
  if (out.length > MAX_TERMS) throw TOO_BIG;
  return out.sort(compareMonos);
}

/**
 * {@link normalizePoly} of `[...x, ...y]` for polynomials `x` and `y` (each a normalized one: its
 * keys differ): a term of `y` merges into the term of `x` with its key, in place (where the map
 * would keep it), or comes after them, as in the map.
 */
function sumOf(x: Poly, y: Poly): Poly {
  const terms = x.slice();
  const index = x.length > 4 && y.length > 1 ? new Map(x.map((m, i) => [m.key, i])) : undefined;
  for (const t of y) {
    let at = -1;
    if (index) at = index.get(t.key) ?? -1;
    else for (let i = 0; i < x.length && at < 0; i++) if (x[i]!.key === t.key) at = i;
    if (at < 0) {
      terms.push(t);
      continue;
    }
    const old = terms[at]!;
    if (old.coef + t.coef === 0) effects.cancelled = true;
    terms[at] = { coef: old.coef + t.coef, atoms: t.atoms, key: t.key };
  }
  return normalizeUnique(terms);
}

/**
 * `polyMul([c], p)` for a factor's polynomial `p` (normalized: sorted, keys different, no zero
 * coefficient) and a coefficient c ≠ 0: every term scaled by c in order. Nothing merges, a
 * product of two nonzero coefficients is nonzero or throws (`times`), and sorting a sorted
 * polynomial again leaves it as it is (compareMonos orders atom lists lexicographically by
 * compareCanonical, a total preorder on the non-constant nodes atoms are): the same polynomial.
 */
function scaled(p: Poly, c: number): Poly {
  if (c === 1) return p;
  const out: Mono[] = [];
  for (const m of p) out.push({ coef: times(c, m.coef), atoms: m.atoms, key: m.key });
  return out.some((m) => m.coef === 0) ? normalizePoly(out) : out;
}

/** The values a polynomial can take, from its atoms' ranges (interval arithmetic). */
function polyRange(p: Poly): Interval {
  return p.reduce<Interval>((sum, m) => {
    const term = m.atoms.reduce<Interval>((acc, [atom, power]) => {
      let r = acc;
      for (let i = 0; i < power; i++) r = I.mul(r, rangeOf(atom));
      return r;
    }, I.point(m.coef));
    return I.add(sum, term);
  }, I.point(0));
}

const constant = (c: number): Rational => ({ coef: c, factors: new Map() });

function withFactor(factors: Map<string, Factor>, poly: Poly, exp: number): void {
  withKeyedFactor(factors, polyKey(poly), poly, exp);
}

/** {@link withFactor} with the factor's key known (`polyKey(poly)`: a factor map's own key). */
function withKeyedFactor(factors: Map<string, Factor>, key: string, poly: Poly, exp: number) {
  const e = (factors.get(key)?.exp ?? 0) + exp;
  if (e === 0) {
    effects.cancelled = true;
    factors.delete(key);
  } else factors.set(key, { poly, exp: e });
}

/** A polynomial as a rational: its monomial content and sign pulled out, the rest one factor. */
function fromPoly(p: Poly): Rational {
  if (fast) return fromPolyFast(p);
  if (p.length === 0) return constant(0);
  const factors = new Map<string, Factor>();
  // content: the atoms every term shares, at their smallest power
  const shared = new Map<Node, number>(p[0]!.atoms);
  for (const m of p.slice(1)) {
    const here = new Map(m.atoms);
    for (const [n, pw] of shared) shared.set(n, Math.min(pw, here.get(n) ?? 0));
  }
  for (const [n, pw] of shared) if (pw > 0) withFactor(factors, [mono(1, [[n, 1]])], pw);
  if (p.length === 1) return { coef: p[0]!.coef, factors };
  const lead = p[0]!.coef;
  const sign = lead < 0 ? -1 : 1;
  const scale = Math.abs(lead) === 1 || p.every((m) => m.coef % lead === 0) ? lead : sign;
  const rest = normalizePoly(
    p.map((m) => {
      const atoms = new Map(m.atoms);
      for (const [n, pw] of shared) atoms.set(n, (atoms.get(n) ?? 0) - pw);
      return mono(m.coef / scale, sortAtoms(atoms));
    }),
  );
  withFactor(factors, rest, 1);
  return { coef: scale, factors };
}

/** The power of `n` in a term's atoms (0 if it has none). */
function powerIn(atoms: Mono['atoms'], n: Node): number {
  for (const [a, p] of atoms) if (a === n) return p;
  return 0;
}

/**
 * {@link fromPoly} of a normalized polynomial (what `add` passes: sorted, keys different, no zero
 * coefficient), without a map per term: the content is found by scanning the terms' atoms; with
 * no content the rest is the polynomial over the scale, term by term (the same keys, so the same
 * order, and the map and sort of {@link normalizePoly} would leave it as it is); with content,
 * each term's atoms lose it in order and are sorted as `sortAtoms` sorts them.
 */
function fromPolyFast(p: Poly): Rational {
  if (p.length === 0) return constant(0);
  const factors = new Map<string, Factor>();
  // content: the atoms every term shares, at their smallest power (in the first term's order)
  let content: [Node, number][] | undefined;
  for (const [n, pw] of p[0]!.atoms) {
    let least = pw;
    for (let i = 1; i < p.length && least > 0; i++)
      least = Math.min(least, powerIn(p[i]!.atoms, n));
    if (least > 0) (content ??= []).push([n, least]);
  }
  if (content) for (const [n, pw] of content) withFactor(factors, [mono(1, [[n, 1]])], pw);
  if (p.length === 1) return { coef: p[0]!.coef, factors };
  const lead = p[0]!.coef;
  const sign = lead < 0 ? -1 : 1;
  const scale = Math.abs(lead) === 1 || p.every((m) => m.coef % lead === 0) ? lead : sign;
  let rest: Poly;
  if (!content) {
    const terms = scale === 1 ? p : p.map((m) => ({ ...m, coef: m.coef / scale }));
    rest = terms.some((m) => m.coef === 0) ? normalizePoly(terms) : terms;
  } else {
    const shared = content;
    const reduced = (atoms: Mono['atoms']) =>
      atoms
        .map(([n, pw]): readonly [Node, number] => [n, pw - powerIn(shared, n)])
        .filter(([, pw]) => pw !== 0)
        .sort(([a], [b]) => compareCanonical(a, b));
    rest = normalizePoly(p.map((m) => mono(m.coef / scale, reduced(m.atoms))));
  }
  withFactor(factors, rest, 1);
  return { coef: scale, factors };
}

function mul(a: Rational, b: Rational): Rational {
  if (a.coef === 0 || b.coef === 0) return constant(0);
  // times a number: the other's factors as they are (a factor of exponent 0, from x⁰, would
  // cancel as it is merged into an empty map: only then is the map built)
  if (fast && b.factors.size === 0) return { coef: times(a.coef, b.coef), factors: a.factors };
  if (fast && a.factors.size === 0 && ![...b.factors.values()].some((f) => f.exp === 0))
    return { coef: times(a.coef, b.coef), factors: b.factors };
  const factors = new Map(a.factors);
  for (const [key, f] of b.factors) withKeyedFactor(factors, key, f.poly, f.exp);
  return { coef: times(a.coef, b.coef), factors };
}

function power(a: Rational, k: number): Rational {
  if (a.coef === 0) {
    if (k <= 0) throw TOO_BIG; // 0⁰ and 1/0 stay as written
    return a;
  }
  const factors = new Map<string, Factor>();
  for (const [key, f] of a.factors) factors.set(key, { poly: f.poly, exp: f.exp * k });
  return { coef: Math.abs(a.coef) === 1 ? a.coef ** k : folded(a.coef ** k), factors };
}

/** Expands a rational with no denominators into a polynomial. */
function expand(a: Rational): Poly {
  // undefined while p is still the number a.coef (the first factor only scales its polynomial)
  let p: Poly | undefined = fast ? undefined : [mono(a.coef, [])];
  for (const f of a.factors.values()) {
    if (f.exp < 0) throw new Error('internal: expanding a denominator');
    for (let i = 0; i < f.exp; i++) p = p ? polyMul(p, f.poly) : scaled(f.poly, a.coef);
  }
  return p ?? [mono(a.coef, [])];
}

/**
 * Whether `a + b` has no common part: no factor is in both (at exponents whose smaller is not
 * 0), and neither divides by one the other has not.
 */
function nothingInCommon(a: Rational, b: Rational): boolean {
  for (const [key, fa] of a.factors)
    if (Math.min(fa.exp, b.factors.get(key)?.exp ?? 0) !== 0) return false;
  for (const [key, fb] of b.factors) if (fb.exp < 0 && !a.factors.has(key)) return false;
  return true;
}

function add(a: Rational, b: Rational): Rational {
  if (a.coef === 0) return b;
  if (b.coef === 0) return a;
  // no common part: G = 1, and multiplying by it (or 1/G) changes nothing, cancels nothing
  if (fast && nothingInCommon(a, b)) return fromPoly(sumOf(expand(a), expand(b)));
  // G = the common part (smallest exponent of every factor); a/G and b/G are polynomials
  const common = new Map<string, Factor>();
  for (const key of new Set([...a.factors.keys(), ...b.factors.keys()])) {
    const fa = a.factors.get(key);
    const fb = b.factors.get(key);
    const e = Math.min(fa?.exp ?? 0, fb?.exp ?? 0);
    if (e !== 0) common.set(key, { poly: (fa ?? fb)!.poly, exp: e });
  }
  const G: Rational = { coef: 1, factors: common };
  const inverseG = power(G, -1);
  const sum = normalizePoly([...expand(mul(a, inverseG)), ...expand(mul(b, inverseG))]);
  return mul(G, fromPoly(sum));
}

const ARITHMETIC = new Set([
  'add',
  'sub',
  'mul',
  'div',
  'neg',
  'square',
  'pow',
  'broadcastTo',
  'reshape',
]);

const oneElement = (s: Shape) => s.every((d) => d === 1);

/** Arithmetic, or a broadcast / one-element reshape (identities per element) between arithmetic. */
export function isArithmetic(n: Node): boolean {
  if (n.kind !== 'apply' || !ARITHMETIC.has(n.op)) return false;
  return n.op !== 'reshape' || (oneElement(n.shape) && oneElement(n.args[0]!.shape));
}

/** The layout ops a region is read through (a one-element reshape is arithmetic instead). */
const LAYOUT_READ = new Set(['transpose', 'reshape']);

/** An atom as the region's root sees it: under the layout ops between them (`Tᵀ` of an atom). */
type Place = (atom: Node) => Node;
/** Thrown when an atom below a layout op cannot be placed (its shape broadcasts inside). */
const NOT_THROUGH = { notThrough: true } as const;

/**
 * `layout(·)` composed after `outer`: an atom of the layout's operand shape (or a scalar, the same
 * under any layout) is moved to the root's side of it; any other atom makes the layout an atom.
 */
function through(layout: Node & { kind: 'apply' }, outer: Place): Place {
  const inner = layout.args[0]!;
  return (atom) => {
    if (atom.shape.length === 0) return atom;
    if (!sameShape(atom.shape, inner.shape)) throw NOT_THROUGH;
    if (layout.op === 'transpose') return outer(B.transpose(atom));
    // reshape ∘ reshape is one reshape
    const base = atom.kind === 'apply' && atom.op === 'reshape' ? atom.args[0]! : atom;
    return outer(B.reshape(base, layout.attrs.shape as Shape));
  };
}

/**
 * σ(−x) read as 1 − σ(x) where σ(x) is an atom of the region too, so that the gradient of the
 * stable cross-entropy, (1 − y)·σ(z) − y·σ(−z), collects to σ(z) − y (exact in ℝ; in floats its
 * error is an ulp of 1, as the textbook's A − Y). Alone, σ(−x) stays (it is e^x to full precision).
 */
function complements(atoms: ReadonlySet<Node>): Map<Node, Node> {
  const sigmoidOf = new Map<Node, Node>();
  for (const a of atoms) if (a.kind === 'apply' && a.op === 'sigmoid') sigmoidOf.set(a.args[0]!, a);
  const out = new Map<Node, Node>();
  for (const [x, a] of sigmoidOf) {
    const partner = x.kind === 'apply' && x.op === 'neg' ? sigmoidOf.get(x.args[0]!) : undefined;
    if (partner) out.set(a, partner);
  }
  return out;
}

interface Reading {
  readonly r: Rational;
  readonly size: number;
  readonly negs: number;
  readonly atoms: ReadonlySet<Node>;
  /**
   * Atoms read through a layout op that are layout nodes of their own (yᵀ for y under a
   * transpose): the written form pays for each, as the read form paid for the layout op.
   */
  readonly moved: ReadonlySet<Node>;
  /** What the region divides by (a denominator, or the base of a negative power). */
  readonly divisors: readonly Rational[];
}

/**
 * Reads `root` as a rational function; non-arithmetic operands are atoms, and so are shared
 * arithmetic nodes (`interior` false) unless they are cheap to recompute (operands are leaves or
 * constants, like 1 − Y). A transpose or reshape of interior arithmetic is read through: its
 * atoms are transposed (reshaped) instead, so factors on both sides of it cancel. `size` counts
 * the distinct op nodes read, for the size comparison with the written form (both structural, so
 * the decision does not depend on what else exists).
 */
function read(
  root: Node,
  interior: (n: Node) => boolean,
  complement: ReadonlyMap<Node, Node> = new Map(),
): Reading {
  let size = 0;
  let negs = 0;
  let visited = 0;
  const visitedNodes = new Set<Node>();
  const atoms = new Set<Node>();
  const moved = new Set<Node>();
  const divisors: Rational[] = [];
  const atom = (n: Node, place: Place): Rational => {
    const placed = place(n);
    atoms.add(placed);
    if (placed !== n && placed.kind === 'apply' && LAYOUT_READ.has(placed.op)) moved.add(placed);
    const partner = complement.get(placed);
    return partner ? add(constant(1), mul(constant(-1), atomOf(partner))) : atomOf(placed);
  };
  const count = (n: Node) => {
    if (visitedNodes.has(n)) return;
    visitedNodes.add(n);
    size++;
    if (n.kind === 'apply' && n.op === 'neg') negs++;
  };
  const readThrough = (n: Node & { kind: 'apply' }, place: Place): Rational | undefined => {
    const x = n.args[0]!;
    if (x.kind !== 'apply' || !isArithmetic(x) || !interior(x)) return undefined;
    const saved = {
      ...{ size, negs, visited },
      ...{ seen: new Set(visitedNodes), atoms: new Set(atoms), moved: new Set(moved) },
    };
    const divided = divisors.length;
    try {
      const r = go(x, false, through(n, place));
      count(n);
      return r;
    } catch (e) {
      if (e !== NOT_THROUGH) throw e;
      ({ size, negs, visited } = saved);
      visitedNodes.clear();
      for (const v of saved.seen) visitedNodes.add(v);
      atoms.clear();
      for (const a of saved.atoms) atoms.add(a);
      moved.clear();
      for (const a of saved.moved) moved.add(a);
      divisors.length = divided;
      return undefined;
    }
  };
  /** An operand of a node of the region, read with the same placement. */
  const sub = (m: Node, place: Place): Rational => go(m, false, place);
  const go = (n: Node, top: boolean, place: Place): Rational => {
    if (n.kind === 'const') return constant(n.value);
    if (n.kind === 'apply' && LAYOUT_READ.has(n.op) && !isArithmetic(n))
      return readThrough(n, place) ?? atom(n, place);
    if (n.kind !== 'apply' || !isArithmetic(n)) return atom(n, place);
    if (!readsInto(n, top, interior)) return atom(n, place);
    const k = n.attrs.k as number;
    if (++visited > MAX_REGION) throw TOO_BIG;
    if (n.op !== 'reshape' && n.op !== 'broadcastTo') count(n);
    const [x, y] = n.args;
    switch (n.op) {
      case 'add':
        return add(sub(x!, place), sub(y!, place));
      case 'sub':
        return add(sub(x!, place), mul(constant(-1), sub(y!, place)));
      case 'mul':
        return mul(sub(x!, place), sub(y!, place));
      case 'div': {
        const d = sub(y!, place);
        if (d.coef === 0) throw TOO_BIG;
        divisors.push(d);
        return mul(sub(x!, place), power(d, -1));
      }
      case 'neg':
        return mul(constant(-1), sub(x!, place));
      case 'square':
        return power(sub(x!, place), 2);
      case 'pow': {
        const base = sub(x!, place);
        if (k < 0) divisors.push(base);
        return power(base, k);
      }
      case 'broadcastTo': // an identity per element; below a layout op its atoms cannot be placed
        return go(
          x!,
          false,
          place === identity
            ? place
            : () => {
                throw NOT_THROUGH;
              },
        );
      default: // one-element reshape: an identity per element (lowering makes it free)
        return sub(x!, place);
    }
  };
  const r = go(root, true, identity);
  return { r, size, negs, atoms, moved, divisors };
}

const identity: Place = (n) => n;

/**
 * Whether {@link read} reads the arithmetic node `n` as part of the region (else it is an atom):
 * the root; interior nodes; shared ones cheap to recompute (scalars, or operands that are leaves
 * or constants, like 1 − Y); not a power it does not expand.
 */
function readsInto(n: Node & { kind: 'apply' }, top: boolean, interior: (n: Node) => boolean) {
  const cheap =
    n.shape.length === 0 || n.args.every((a) => a.kind !== 'apply' || a.op === 'batchSize');
  if (!top && !interior(n) && !cheap) return false;
  const k = n.attrs.k as number;
  return n.op !== 'pow' || (Number.isInteger(k) && Math.abs(k) <= MAX_POWER);
}

/**
 * Whether {@link read} would visit more than MAX_REGION arithmetic nodes from `root` (and so give
 * up), found without its arithmetic: the visits are counted as `read` makes them, reading layout
 * ops as atoms. `read` may read through a layout op, which only adds visits, so this count is a
 * lower bound of its count: when it is over the limit, so is `read`'s.
 */
function exceedsRegion(root: Node, readings: Readings): boolean {
  cutShort = false;
  return visits(root, true, readings) > MAX_REGION;
}

/** Set when a count of {@link visits} was cut short by its depth (then it is not remembered). */
let cutShort = false;

/**
 * The arithmetic nodes {@link read} visits from `n` (counted again where it reads one twice),
 * reading layout ops as atoms; past MAX_REGION, MAX_REGION + 1. Below the root, a count is a
 * node's own (the same from every region that reads it), so it is made once per graph. A path
 * deeper than MAX_REGION visits more than MAX_REGION nodes, so the walk stops there (a 10⁴-deep
 * chain would overflow the stack); counts it cut short are not a node's own and are not kept.
 */
function visits(n: Node, top: boolean, readings: Readings, depth = 0): number {
  if (n.kind !== 'apply' || !isArithmetic(n) || !readsInto(n, top, readings.interior)) return 0;
  const known = top ? undefined : readings.visits.get(n);
  if (known !== undefined) return known;
  if (depth > MAX_REGION) {
    cutShort = true;
    return MAX_REGION + 1;
  }
  const outer = cutShort;
  cutShort = false;
  let count = 1;
  for (const a of n.args) {
    if (count > MAX_REGION) break;
    count += visits(a, false, readings, depth + 1);
  }
  count = Math.min(count, MAX_REGION + 1);
  if (!top && !cutShort) readings.visits.set(n, count);
  cutShort ||= outer;
  return count;
}

/** Thrown where a region reads through a layout op: {@link readOnce} leaves it to {@link read}. */
const LAYOUT = { layout: true } as const;

/**
 * What reading an interior node gave: its rational and the effects it had on the way, or what
 * was thrown instead (TOO_BIG: the region gives up; LAYOUT: it is for `read`).
 */
type Sub =
  | { readonly r: Rational; readonly expanded: boolean; readonly cancelled: boolean }
  | { readonly thrown: typeof TOO_BIG | typeof LAYOUT };

/**
 * What the regions of one graph read, node by node. Below its root, a region reads a node the same
 * way from every root (with the graph's `interior`, under no layout op): its rational, and what
 * cancelled or was multiplied out on the way, are the node's own. In a graph whose shared scalar
 * arithmetic is read by every region above it, reading each node once, not once per region (and
 * once per path within one), is what keeps normalizing linear.
 */
export class Readings {
  readonly subs = new Map<Node, Sub>();
  readonly visits = new Map<Node, number>();
  constructor(readonly interior: (n: Node) => boolean) {}
}

/**
 * {@link read} for a region with no layout op read through (undefined for one that has), its
 * interior nodes read once per graph ({@link Readings}): the same rational, size, negations,
 * atoms (in the order `read` meets them) and divisors (each once: `read` lists one again for every
 * path to it, which {@link keepsDivisions} does not count).
 */
function readOnce(root: Node, readings: Readings): Reading | undefined {
  const { interior } = readings;
  let r: Rational;
  try {
    r = value(root, true, readings);
  } catch (e) {
    if (e === LAYOUT) return undefined;
    throw e;
  }
  let size = 0;
  let negs = 0;
  const seen = new Set<Node>();
  const atoms = new Set<Node>();
  const divisors: Rational[] = [];
  const walk = (n: Node, top: boolean): void => {
    if (n.kind === 'const') return;
    if (n.kind !== 'apply' || !isArithmetic(n) || !readsInto(n, top, interior)) {
      atoms.add(n);
      return;
    }
    if (seen.has(n)) return;
    seen.add(n);
    if (n.op !== 'reshape' && n.op !== 'broadcastTo') {
      size++;
      if (n.op === 'neg') negs++;
    }
    const [x, y] = n.args;
    if (n.op === 'div') {
      // `read` reads the denominator first
      walk(y!, false);
      divisors.push(value(y!, false, readings));
      walk(x!, false);
      return;
    }
    for (const a of n.args) walk(a, false);
    if (n.op === 'pow' && (n.attrs.k as number) < 0) divisors.push(value(x!, false, readings));
  };
  walk(root, true);
  return { r, size, negs, atoms, moved: new Set(), divisors };
}

/** How {@link read} reads `n` as an operand (or, `top`, as the root) with no layout op above it. */
function value(n: Node, top: boolean, readings: Readings): Rational {
  if (n.kind === 'const') return constant(n.value);
  if (n.kind !== 'apply') return atomOf(n);
  if (!isArithmetic(n)) {
    const x = n.args[0];
    // (read would try to read through it: the region is read by `read` itself)
    const through = LAYOUT_READ.has(n.op) && x?.kind === 'apply' && isArithmetic(x);
    if (through && readings.interior(x)) throw LAYOUT;
    return atomOf(n);
  }
  if (!readsInto(n, top, readings.interior)) return atomOf(n);
  if (top) return arithmetic(n, readings);
  let sub = readings.subs.get(n);
  if (sub === undefined) {
    const saved = { ...effects };
    effects.expanded = effects.cancelled = false;
    try {
      const r = arithmetic(n, readings);
      sub = { r, expanded: effects.expanded, cancelled: effects.cancelled };
    } catch (e) {
      if (e !== TOO_BIG && e !== LAYOUT) throw e;
      sub = { thrown: e === TOO_BIG ? TOO_BIG : LAYOUT };
    }
    readings.subs.set(n, sub);
    effects.expanded = saved.expanded;
    effects.cancelled = saved.cancelled;
  }
  if ('thrown' in sub) throw sub.thrown;
  if (sub.expanded) effects.expanded = true;
  if (sub.cancelled) effects.cancelled = true;
  return sub.r;
}

/** The rational of the arithmetic node `n`, its operands read by {@link value} (as `read` does). */
function arithmetic(n: Node & { kind: 'apply' }, readings: Readings): Rational {
  // (operands read by `value` directly: no closure per node of every region read)
  const [x, y] = n.args;
  switch (n.op) {
    case 'add':
      return add(value(x!, false, readings), value(y!, false, readings));
    case 'sub':
      return add(value(x!, false, readings), mul(constant(-1), value(y!, false, readings)));
    case 'mul':
      return mul(value(x!, false, readings), value(y!, false, readings));
    case 'div': {
      const d = value(y!, false, readings);
      if (d.coef === 0) throw TOO_BIG;
      return mul(value(x!, false, readings), power(d, -1));
    }
    case 'neg':
      return mul(constant(-1), value(x!, false, readings));
    case 'square':
      return power(value(x!, false, readings), 2);
    case 'pow':
      return power(value(x!, false, readings), n.attrs.k as number);
    default: // broadcastTo, one-element reshape: identities per element
      return value(x!, false, readings);
  }
}

function atomOf(n: Node): Rational {
  const poly: Poly = [mono(1, [[n, 1]])];
  return { coef: 1, factors: new Map([[polyKey(poly), { poly, exp: 1 }]]) };
}

/** Thrown by {@link write} once the written form has more op nodes than it may have. */
const NOT_SMALLER = { notSmaller: true } as const;

/**
 * Writes a rational back as nodes: scalar factors gathered in front, `1/m·(A − Y)`. Its size
 * only grows as it is written, so past `limit` op nodes it stops (throws NOT_SMALLER): most
 * regions of a large graph are not smaller written, and the rest of their form is never built.
 */
function write(
  r: Rational,
  shape: Shape,
  moved: ReadonlySet<Node>,
  limit = Infinity,
): { node: Node; size: number; negs: number } {
  // size = distinct op nodes of the written form: structural, so the decision never depends on
  // which nodes happen to exist already (optimize stays a pure function)
  const seen = new Set<Node>();
  let size = 0;
  let negs = 0;
  const grow = () => {
    if (++size > limit) throw NOT_SMALLER;
  };
  const counted = (n: Node) => {
    if (!seen.has(n) && n.kind === 'apply' && n.op !== 'broadcastTo' && n.op !== 'reshape') {
      seen.add(n);
      grow();
      if (n.op === 'neg') negs++;
    }
    return n;
  };
  if (r.coef === 0) return { node: B.constant(0, shape), size: 0, negs: 0 };
  let coef = r.coef;
  // canonical factor order, so the same rational is written the same whatever form it was read from
  const factors = [...r.factors.values()].sort(
    (a, b) => comparePolys(a.poly, b.poly) || a.exp - b.exp,
  );
  // absorb a negative coefficient into a sum factor: −(y − a) is written a − y; or else push it
  // into a Σ of arithmetic, where the next normalization absorbs it: −Σ(y − a) → Σ(a − y)
  const flip = coef < 0 ? factors.findIndex((f) => f.exp === 1 && f.poly.length > 1) : -1;
  const pushInto =
    coef < 0 && flip < 0
      ? factors.findIndex((f) => {
          const atom = f.exp === 1 && f.poly.length === 1 ? f.poly[0]!.atoms : [];
          const n = atom.length === 1 && atom[0]![1] === 1 ? atom[0]![0] : undefined;
          return (
            n?.kind === 'apply' &&
            n.op === 'sum' &&
            ARITHMETIC.has((n.args[0] as Node & { op?: string }).op ?? '')
          );
        })
      : -1;
  const polyNode = (p: Poly, negate: boolean): Node => {
    const terms = p
      .map((m) => ({ ...m, coef: negate ? -m.coef : m.coef }))
      .sort((a, b) => (b.coef > 0 ? 1 : 0) - (a.coef > 0 ? 1 : 0));
    let acc: Node | undefined;
    for (const t of terms) {
      const magnitude = monoNode(Math.abs(t.coef), t.atoms);
      if (!acc) acc = t.coef < 0 ? counted(B.neg(magnitude)) : magnitude;
      else acc = counted(t.coef < 0 ? B.sub(acc, magnitude) : B.add(acc, magnitude));
    }
    return acc!;
  };
  // scalar atoms multiply first, then the tensors, as s·(a·b): the form scalar-out-of-product
  // makes, so that the simplify phase never takes apart what this one writes (a cycle)
  const monoNode = (c: number, atoms: Mono['atoms']): Node => {
    const productOf = (xs: Mono['atoms']) =>
      xs.reduce<Node | undefined>((acc, [a, p]) => {
        if (moved.has(a) && !seen.has(a)) {
          seen.add(a);
          grow();
        }
        const term = p === 1 ? a : counted(p === 2 ? B.square(a) : B.pow(a, p));
        return acc ? counted(B.mul(acc, term)) : term;
      }, undefined);
    const scalars = productOf(atoms.filter(([a]) => a.shape.length === 0));
    const tensors = productOf(atoms.filter(([a]) => a.shape.length > 0));
    const acc = scalars && tensors ? counted(B.mul(scalars, tensors)) : (scalars ?? tensors);
    if (!acc) return B.constant(c);
    return c === 1 ? acc : counted(B.mul(c, acc));
  };
  const scalarNum: Node[] = [];
  const scalarDen: Node[] = [];
  const tensorNum: Node[] = [];
  const tensorDen: Node[] = [];
  factors.forEach((f, i) => {
    const negate = i === flip;
    if (i === pushInto) {
      const sum = f.poly[0]!.atoms[0]![0] as Node & { kind: 'apply' };
      const node = counted(B.apply('sum', [counted(B.neg(sum.args[0]!))], sum.attrs));
      (node.shape.length === 0 ? scalarNum : tensorNum).push(node);
      return;
    }
    const base =
      f.poly.length === 1 && f.poly[0]!.coef === 1
        ? monoNode(1, f.poly[0]!.atoms)
        : polyNode(f.poly, negate);
    const e = Math.abs(f.exp);
    const node = e === 1 ? base : counted(e === 2 ? B.square(base) : B.pow(base, e));
    const scalar = node.shape.length === 0;
    (f.exp > 0 ? (scalar ? scalarNum : tensorNum) : scalar ? scalarDen : tensorDen).push(node);
  });
  if (flip >= 0 || pushInto >= 0) coef = -coef;
  const product = (xs: Node[]) =>
    xs.reduce<Node | undefined>((acc, x) => (acc ? counted(B.mul(acc, x)) : x), undefined);
  const quotient = (num: Node | undefined, den: Node[]): Node | undefined => {
    const d = product(den);
    if (!d) return num;
    return counted(B.div(num ?? 1, d));
  };
  let scalar = quotient(product(scalarNum), scalarDen);
  if (coef !== 1) scalar = scalar ? counted(B.mul(coef, scalar)) : B.constant(coef);
  const tensor = quotient(product(tensorNum), tensorDen);
  let node: Node;
  if (scalar && tensor) node = counted(B.mul(scalar, tensor));
  else node = (scalar ?? tensor ?? B.constant(1))!;
  if (!sameShape(node.shape, shape)) node = restoreShape(node, shape);
  return { node, size, negs };
}

/**
 * A lower bound of the op nodes {@link write} makes for `r` (so past its limit, it would throw
 * NOT_SMALLER): most regions already are their normal form, and this saves writing them again.
 * Counted are only nodes that must be distinct. Of one sum factor: its chain of t − 1 add/sub
 * nodes (each holds the one before); its term products c·m for different |c| ≠ 1 (muls with a
 * constant operand); and of one of its terms, the products of its atoms (muls of two non-constant
 * operands, k − 1 for k atoms) and their powers (square/pow of different atoms). Where every atom
 * is a scalar, every factor is written on the scalar side, under (so distinct from all of the
 * above, and one holding the other) the node combining two factors and the product by a
 * coefficient |c| ≠ 1. The builder's identities keep all of them (no operand is 0 or ±1).
 */
function writtenAtLeast(r: Rational): number {
  if (r.coef === 0 || r.factors.size === 0) return 0;
  let most = 0;
  let scalar = true;
  let plain = true;
  for (const f of r.factors.values()) {
    const scales: number[] = [];
    let products = 0;
    for (const m of f.poly) {
      const c = Math.abs(m.coef);
      if (c !== 1 && m.atoms.length > 0 && !scales.includes(c)) scales.push(c);
      let here = m.atoms.length - 1;
      for (const [a, p] of m.atoms) {
        if (p >= 2) here++;
        if (a.shape.length > 0) scalar = false;
        if (a.kind === 'apply' && PRODUCT.has(a.op)) plain = false;
      }
      products = Math.max(products, here);
    }
    if (f.poly.length > 1) most = Math.max(most, f.poly.length - 1 + scales.length + products);
  }
  if (!scalar) return most;
  const above = (r.factors.size > 1 ? 1 : 0) + (Math.abs(r.coef) !== 1 ? 1 : 0);
  return (plain ? Math.max(most, productsWritten(r)) : most) + above;
}

/** The ops of the nodes writing a term makes (products of atoms, their powers, c·m). */
const PRODUCT = new Set(['mul', 'square', 'pow']);

/**
 * For a rational of scalar atoms none of which is a product or power ({@link PRODUCT}): the
 * longest chain of one sum factor (t − 1 add/sub nodes) and every distinct node writing its terms
 * makes, over all factors. Each term's atoms are multiplied in their order, so a product node is
 * its prefix of atoms (of two or more; at their powers), a power node its atom and power, and a
 * term's c·m its |c| and atoms; with no atom a product or power, different ones of these are
 * different nodes (a mul of two non-constant operands, a square/pow, a mul by a constant).
 */
function productsWritten(r: Rational): number {
  let chain = 0;
  const made = new Set<string>();
  for (const f of r.factors.values()) {
    if (f.poly.length > 1) chain = Math.max(chain, f.poly.length - 1);
    for (const m of f.poly) {
      let prefix = '';
      m.atoms.forEach(([a, p], i) => {
        prefix += `${i > 0 ? '*' : ''}${a.id}^${p}`;
        if (p >= 2) made.add(`p${a.id}^${p}`);
        if (i > 0) made.add(`m${prefix}`);
      });
      const c = Math.abs(m.coef);
      if (f.poly.length > 1 && c !== 1 && m.atoms.length > 0) made.add(`c${c}:${prefix}`);
    }
  }
  return chain + made.size;
}

/** `node` with the region's original shape: broadcast up, or reshape a one-element value. */
function restoreShape(node: Node, shape: Shape): Node {
  const oneElement = (s: Shape) => s.every((d) => d === 1);
  if (oneElement(node.shape) && oneElement(shape)) {
    return node.shape.length > shape.length ? B.reshape(node, shape) : B.broadcastTo(node, shape);
  }
  if (node.shape.length <= shape.length) return B.broadcastTo(node, shape);
  throw TOO_BIG; // cannot drop axes: keep the region as it is
}

function finiteCoefficients(r: Rational): boolean {
  if (!Number.isFinite(r.coef)) return false;
  for (const f of r.factors.values())
    if (f.poly.some((m) => !Number.isFinite(m.coef))) return false;
  return true;
}

/**
 * Whether every division the region does by something that may be 0 is still a division in its
 * normal form: a/a = 1 only where a ≠ 0 (σ(z) and 1 − σ(z) never are; relu(t) is for t ≤ 0,
 * where relu(t)/relu(t) is NaN and must stay so).
 */
function keepsDivisions(reading: Reading): boolean {
  for (const d of reading.divisors) {
    for (const [key, f] of d.factors) {
      if (f.exp <= 0 || excludesZero(polyRange(f.poly))) continue;
      if (!((reading.r.factors.get(key)?.exp ?? 0) < 0)) return false;
    }
  }
  return true;
}

let readingOnce = true;

/**
 * Runs `fn` with every region read by {@link read} itself, path by path, as before
 * {@link Readings}: for tests that compare the two.
 */
export function withoutReadingOnce<T>(fn: () => T): T {
  const saved = readingOnce;
  readingOnce = false;
  try {
    return fn();
  } finally {
    readingOnce = saved;
  }
}

/**
 * The rational normal form of the arithmetic region rooted at `root`, or undefined when it is not
 * smaller than what is there (or would blow up).
 */
export function normalizeRational(
  root: Node,
  interior: ((n: Node) => boolean) | Readings,
): Node | undefined {
  const readings = interior instanceof Readings ? interior : new Readings(interior);
  // most regions of a large graph give up this way: knowing it first saves their arithmetic
  if (exceedsRegion(root, readings)) return undefined;
  try {
    effects.expanded = effects.cancelled = false;
    let before = readingOnce ? readOnce(root, readings) : undefined;
    if (!before) {
      effects.expanded = effects.cancelled = false;
      before = read(root, readings.interior);
    }
    const pairs = complements(before.atoms);
    if (pairs.size > 0) {
      effects.expanded = effects.cancelled = false;
      before = read(root, readings.interior, pairs);
    }
    if (effects.expanded && !effects.cancelled) return undefined;
    if (!keepsDivisions(before)) return undefined;
    // a coefficient that overflowed (1.5¹⁰⁰⁰⁰) has no constant to write: keep the region
    if (!finiteCoefficients(before.r)) return undefined;
    // (a form of more op nodes than the region's is not written to its end: it is not better;
    // with no negation in the region, neither is one of as many)
    const limit = fast && before.negs === 0 ? before.size - 1 : before.size;
    if (fast && writtenAtLeast(before.r) > limit) return undefined;
    const after = write(before.r, root.shape, before.moved, limit);
    // Accept only a strict decrease of (nodes, negations): the graph shrinks or loses a sign,
    // so repeated normalization always terminates (−(1/m)·(Y − A) → (1/m)·(A − Y) is the tie).
    const better =
      after.size < before.size || (after.size === before.size && after.negs < before.negs);
    return better && after.node !== root ? after.node : undefined;
  } catch (e) {
    if (e === TOO_BIG || e === NOT_SMALLER) return undefined;
    throw e;
  }
}
