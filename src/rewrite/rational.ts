/**
 * Rational normal form of elementwise arithmetic: a region of + − · / neg square pow (and the
 * broadcasts between them) is read as coef · Π factorᵉ over polynomial factors in "atoms" (every
 * other node), common factors cancel, sums are put over common denominators and expanded, then
 * the result is written back as a graph — if it is smaller. This is how the textbook's hand
 * simplification happens symbolically: for σ + cross-entropy,
 * (y/a − (1 − y)/(1 − a)) · a(1 − a)  →  y(1 − a) − (1 − y)a  →  y − a.
 * Cancelling a/a assumes a ≠ 0: where a = 0 the original is NaN and the result its continuous
 * extension.
 */
import * as B from '../builder/core.js';
import { compareCanonical, type Node } from '../ir/node.js';
import { sameShape, type Shape } from '../ir/shape.js';

interface Mono {
  readonly coef: number;
  /** atom → positive power, in canonical atom order */
  readonly atoms: readonly (readonly [Node, number])[];
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
const polyKey = (p: Poly) => p.map((m) => `${m.coef}:${monoKey(m.atoms)}`).join('+');

function sortAtoms(map: Map<Node, number>): Mono['atoms'] {
  return [...map.entries()].filter(([, p]) => p !== 0).sort(([a], [b]) => compareCanonical(a, b));
}

function monoMul(a: Mono, b: Mono): Mono {
  const atoms = new Map(a.atoms);
  for (const [n, p] of b.atoms) atoms.set(n, (atoms.get(n) ?? 0) + p);
  return { coef: a.coef * b.coef, atoms: sortAtoms(atoms) };
}

/** Merges like terms, drops zeros, sorts canonically. */
function normalizePoly(terms: readonly Mono[]): Poly {
  const byKey = new Map<string, Mono>();
  for (const t of terms) {
    const key = monoKey(t.atoms);
    const old = byKey.get(key);
    byKey.set(key, old ? { coef: old.coef + t.coef, atoms: t.atoms } : t);
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

function polyMul(a: Poly, b: Poly): Poly {
  const terms: Mono[] = [];
  for (const x of a) for (const y of b) terms.push(monoMul(x, y));
  return normalizePoly(terms);
}

const constant = (c: number): Rational => ({ coef: c, factors: new Map() });

function withFactor(factors: Map<string, Factor>, poly: Poly, exp: number): void {
  const key = polyKey(poly);
  const e = (factors.get(key)?.exp ?? 0) + exp;
  if (e === 0) factors.delete(key);
  else factors.set(key, { poly, exp: e });
}

/** A polynomial as a rational: its monomial content and sign pulled out, the rest one factor. */
function fromPoly(p: Poly): Rational {
  if (p.length === 0) return constant(0);
  const factors = new Map<string, Factor>();
  // content: the atoms every term shares, at their smallest power
  const shared = new Map<Node, number>(p[0]!.atoms);
  for (const m of p.slice(1)) {
    const here = new Map(m.atoms);
    for (const [n, pw] of shared) shared.set(n, Math.min(pw, here.get(n) ?? 0));
  }
  for (const [n, pw] of shared) if (pw > 0) withFactor(factors, [{ coef: 1, atoms: [[n, 1]] }], pw);
  if (p.length === 1) return { coef: p[0]!.coef, factors };
  const lead = p[0]!.coef;
  const sign = lead < 0 ? -1 : 1;
  const scale = Math.abs(lead) === 1 || p.every((m) => m.coef % lead === 0) ? lead : sign;
  const rest = normalizePoly(
    p.map((m) => {
      const atoms = new Map(m.atoms);
      for (const [n, pw] of shared) atoms.set(n, (atoms.get(n) ?? 0) - pw);
      return { coef: m.coef / scale, atoms: sortAtoms(atoms) };
    }),
  );
  withFactor(factors, rest, 1);
  return { coef: scale, factors };
}

function mul(a: Rational, b: Rational): Rational {
  if (a.coef === 0 || b.coef === 0) return constant(0);
  const factors = new Map(a.factors);
  for (const f of b.factors.values()) withFactor(factors, f.poly, f.exp);
  return { coef: a.coef * b.coef, factors };
}

function power(a: Rational, k: number): Rational {
  if (a.coef === 0) {
    if (k <= 0) throw TOO_BIG; // 0⁰ and 1/0 stay as written
    return a;
  }
  const factors = new Map<string, Factor>();
  for (const [key, f] of a.factors) factors.set(key, { poly: f.poly, exp: f.exp * k });
  return { coef: a.coef ** k, factors };
}

/** Expands a rational with no denominators into a polynomial. */
function expand(a: Rational): Poly {
  let p: Poly = [{ coef: a.coef, atoms: [] }];
  for (const f of a.factors.values()) {
    if (f.exp < 0) throw new Error('internal: expanding a denominator');
    for (let i = 0; i < f.exp; i++) p = polyMul(p, f.poly);
  }
  return p;
}

function add(a: Rational, b: Rational): Rational {
  if (a.coef === 0) return b;
  if (b.coef === 0) return a;
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

/**
 * Reads `root` as a rational function; non-arithmetic operands are atoms, and so are shared
 * arithmetic nodes (`interior` false) unless they are cheap to recompute (operands are leaves or
 * constants, like 1 − Y). `size` counts the distinct op nodes read, for the size comparison with
 * the written form (both structural, so the decision does not depend on what else exists).
 */
function read(
  root: Node,
  interior: (n: Node) => boolean,
): { r: Rational; size: number; negs: number } {
  let size = 0;
  let negs = 0;
  let visited = 0;
  const visitedNodes = new Set<Node>();
  const go = (n: Node, top: boolean): Rational => {
    if (n.kind === 'const') return constant(n.value);
    if (n.kind !== 'apply' || !isArithmetic(n)) return atomOf(n);
    const cheap =
      n.shape.length === 0 || n.args.every((a) => a.kind !== 'apply' || a.op === 'batchSize');
    if (!top && !interior(n) && !cheap) return atomOf(n);
    const k = n.attrs.k as number;
    if (n.op === 'pow' && !(Number.isInteger(k) && Math.abs(k) <= MAX_POWER)) return atomOf(n);
    if (++visited > MAX_REGION) throw TOO_BIG;
    if (!visitedNodes.has(n) && n.op !== 'reshape' && n.op !== 'broadcastTo') {
      visitedNodes.add(n);
      size++;
      if (n.op === 'neg') negs++;
    }
    const [x, y] = n.args;
    switch (n.op) {
      case 'add':
        return add(go(x!, false), go(y!, false));
      case 'sub':
        return add(go(x!, false), mul(constant(-1), go(y!, false)));
      case 'mul':
        return mul(go(x!, false), go(y!, false));
      case 'div': {
        const d = go(y!, false);
        if (d.coef === 0) throw TOO_BIG;
        return mul(go(x!, false), power(d, -1));
      }
      case 'neg':
        return mul(constant(-1), go(x!, false));
      case 'square':
        return power(go(x!, false), 2);
      case 'pow':
        return power(go(x!, false), n.attrs.k as number);
      default: // broadcastTo, one-element reshape: identities per element (lowering makes them free)
        return go(x!, false);
    }
  };
  const r = go(root, true);
  return { r, size, negs };
}

function atomOf(n: Node): Rational {
  const poly: Poly = [{ coef: 1, atoms: [[n, 1]] }];
  return { coef: 1, factors: new Map([[polyKey(poly), { poly, exp: 1 }]]) };
}

/** Writes a rational back as nodes: scalar factors gathered in front, `1/m·(A − Y)`. */
function write(r: Rational, shape: Shape): { node: Node; size: number; negs: number } {
  // size = distinct op nodes of the written form: structural, so the decision never depends on
  // which nodes happen to exist already (optimize stays a pure function)
  const seen = new Set<Node>();
  let size = 0;
  let negs = 0;
  const counted = (n: Node) => {
    if (!seen.has(n) && n.kind === 'apply' && n.op !== 'broadcastTo' && n.op !== 'reshape') {
      seen.add(n);
      size++;
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
  const monoNode = (c: number, atoms: Mono['atoms']): Node => {
    let acc: Node | undefined;
    for (const [a, p] of atoms) {
      const term = p === 1 ? a : counted(p === 2 ? B.square(a) : B.pow(a, p));
      acc = acc ? counted(B.mul(acc, term)) : term;
    }
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
 * The rational normal form of the arithmetic region rooted at `root`, or undefined when it is not
 * smaller than what is there (or would blow up).
 */
export function normalizeRational(root: Node, interior: (n: Node) => boolean): Node | undefined {
  try {
    const before = read(root, interior);
    // a coefficient that overflowed (1.5¹⁰⁰⁰⁰) has no constant to write: keep the region
    if (!finiteCoefficients(before.r)) return undefined;
    const after = write(before.r, root.shape);
    // Accept only a strict decrease of (nodes, negations): the graph shrinks or loses a sign,
    // so repeated normalization always terminates (−(1/m)·(Y − A) → (1/m)·(A − Y) is the tie).
    const better =
      after.size < before.size || (after.size === before.size && after.negs < before.negs);
    return better && after.node !== root ? after.node : undefined;
  } catch (e) {
    if (e === TOO_BIG) return undefined;
    throw e;
  }
}
