import { GradgenError, at } from '../errors.js';

/**
 * A dimension is a positive integer, or the name of the symbolic batch dimension (e.g. `'m'`),
 * whose size is bound from the data at call time.
 */
export type Dim = number | string;
/** A shape: `[]` is a scalar, `[n_x, 'm']` a matrix whose columns are examples. */
export type Shape = readonly Dim[];

export const SCALAR: Shape = Object.freeze([]);

export function formatShape(shape: Shape): string {
  return `(${shape.join(', ')})`;
}

// (loops, not every(): these run for every node built, and a closure per call is garbage)
export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isScalarShape(shape: Shape): boolean {
  for (const d of shape) if (d !== 1) return false;
  return true;
}

/**
 * Checks a user-written shape: positive integers and at most one symbolic dimension name. A
 * leaf's shape holds it once (its length is how the batch size is read); an op's result may hold
 * it twice, `(m, m)` (a Gram matrix over the batch, Xᵀ·X, and its gradient's broadcasts).
 */
export function validateShape(
  shape: unknown,
  what: string,
  site?: string,
  repeats: 'once' | 'repeated' = 'once',
): Shape {
  if (!Array.isArray(shape)) {
    throw new GradgenError('E_SHAPE', `${what}: shape must be an array of dimensions${at(site)}`);
  }
  let symbolic: string | undefined;
  for (const d of shape) {
    if (typeof d === 'number') {
      if (!Number.isInteger(d) || d < 1) {
        throw new GradgenError(
          'E_SHAPE',
          `${what}: dimension ${d} in ${formatShape(shape)} is not a positive integer${at(site)}`,
        );
      }
    } else if (typeof d === 'string' && /^[A-Za-z_]\w*$/.test(d)) {
      if (symbolic !== undefined && (symbolic !== d || repeats === 'once')) {
        const twice = symbolic === d;
        throw new GradgenError(
          'E_SHAPE',
          twice
            ? `${what}: shape ${formatShape(shape)} has the batch dimension '${d}' twice; an input or param has at most one batch dimension, once (its length gives the batch size)${at(site)}`
            : `${what}: shape ${formatShape(shape)} has two symbolic dimensions ('${symbolic}' and '${d}'); at most one batch dimension is allowed${at(site)}`,
        );
      }
      symbolic = d;
    } else {
      throw new GradgenError(
        'E_SHAPE',
        `${what}: dimension ${JSON.stringify(d)} is neither a positive integer nor a dimension name${at(site)}`,
      );
    }
  }
  return Object.freeze([...shape]) as Shape;
}

/** Whether every one of `shapes` is `shape`. */
function allShaped(shapes: readonly Shape[], shape: Shape): boolean {
  for (const s of shapes) if (!sameShape(s, shape)) return false;
  return true;
}

/** NumPy broadcasting of two shapes; throws E_SHAPE naming the op, both shapes and the call site. */
export function broadcastShapes(
  shapes: readonly Shape[],
  op: string,
  site?: () => string | undefined,
): Shape {
  // operands of one shape (most are): theirs, not a copy
  const first = shapes[0];
  if (first && Object.isFrozen(first) && allShaped(shapes, first)) return first;
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    let dim: Dim = 1;
    for (const s of shapes) {
      const d = s[s.length - rank + i] ?? 1;
      if (d === 1 || d === dim) continue;
      if (dim === 1) {
        dim = d;
        continue;
      }
      throw new GradgenError(
        'E_SHAPE',
        `${op}: shapes ${shapes.map(formatShape).join(' and ')} cannot be broadcast: dimension ${
          i - rank
        } is ${dim} in one and ${d} in the other${at(site?.())}`,
      );
    }
    out.push(dim);
  }
  return Object.freeze(out) as Shape;
}

/** Resolves symbolic dimensions with `bindings` (e.g. `{ m: 209 }`). */
export function concreteShape(
  shape: Shape,
  bindings: Readonly<Record<string, number>>,
  what = 'shape',
  site?: string,
): number[] {
  return shape.map((d) => {
    if (typeof d === 'number') return d;
    const v = bindings[d];
    if (v === undefined) {
      // e.g. broadcastTo(x, [2, 'm']) in a graph none of whose inputs has 'm'
      throw new GradgenError(
        'E_UNSUPPORTED',
        `${what}: the batch dimension '${d}' of ${formatShape(shape)} is not the size of any input: add an input with '${d}' in its shape${at(site)}`,
      );
    }
    return v;
  });
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
