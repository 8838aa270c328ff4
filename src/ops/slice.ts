import { GradgenError, at } from '../errors.js';
import type { Attrs } from '../ir/node.js';
import { formatShape, type Dim, type Shape } from '../ir/shape.js';
import { printed, PREC, scaledStride, type StructuralOp } from './define.js';

/**
 * The window `[start, end)` along `axis` that slice keeps (and pad fills). On a fixed axis it is
 * normalized, 0 ≤ start < end ≤ length. On a batch axis ('m', unknown until call time) its length
 * must still be fixed: counted from the front (0 ≤ start < end), from the back (start < 0, and
 * end < 0 or null, "to the end", as in Python), or all of it (start 0, end null).
 */
export interface Window {
  readonly axis: number;
  readonly start: number;
  readonly end: number | null;
}

export function windowOf(attrs: Attrs): Window {
  return {
    axis: attrs.axis as number,
    start: attrs.start as number,
    end: attrs.end as number | null,
  };
}

/** The window's bounds on an axis of length n. */
export function bounds(w: Window, n: number): [number, number] {
  const start = w.start < 0 ? n + w.start : w.start;
  const end = w.end === null ? n : w.end < 0 ? n + w.end : w.end;
  return [start, end];
}

/** The window's length on an axis of size `dim`: a number, or the batch dim for all of it. */
export function windowDim(w: Window, dim: Dim): Dim {
  if (typeof dim === 'number') {
    const [start, end] = bounds(w, dim);
    return end - start;
  }
  return w.start === 0 && w.end === null ? dim : (w.end ?? 0) - w.start;
}

/** How long a batch axis must be for the window to fit (x[-3:] needs 3, x[0:5] needs 5). */
export function leastLength(w: Window): number {
  return w.start < 0 ? -w.start : (w.end ?? 0);
}

/** Index `i` of the window as an index of the whole axis (`dim`, as code): `(i + 2)`, `(i + m - 3)`. */
export function shiftedIndex(w: Window, i: string, dim: string): string {
  if (w.start === 0) return i;
  return w.start > 0 ? `(${i} + ${w.start})` : `(${i} + ${dim} - ${-w.start})`;
}

/** Where the window starts along an axis of size `dim` (code): `2`, `(m - 3)`. */
function startCode(w: Window, dim: string): string {
  return w.start >= 0 ? String(w.start) : `(${dim} - ${-w.start})`;
}

/** `x[:, 2:5]`: the window in NumPy's notation (the axes after it are implied). */
export function windowText(w: Window): string {
  const bound = (v: number | null) => (v === null ? '' : String(v));
  return `[${':, '.repeat(w.axis)}${bound(w.start)}:${bound(w.end)}]`;
}

/**
 * Checks a window against the shape it is taken of (`full`: x's shape for slice, the result's for
 * pad) and returns it; E_SHAPE names the op, the shape and the call site.
 */
export function checkWindow(
  op: string,
  full: Shape,
  attrs: Attrs,
  site: () => string | undefined,
): Window {
  const w = windowOf(attrs);
  const fail = (why: string): never => {
    throw new GradgenError('E_SHAPE', `${op}: ${why}${at(site())}`);
  };
  const int = (v: unknown) => Number.isInteger(v);
  if (!int(w.axis) || w.axis < 0 || w.axis >= full.length) {
    fail(`axis ${String(w.axis)} is out of range for shape ${formatShape(full)}`);
  }
  if (!int(w.start) || (w.end !== null && !int(w.end))) {
    fail(`the window ${windowText(w)} needs integer bounds`);
  }
  const dim = full[w.axis]!;
  const ok =
    typeof dim === 'number'
      ? w.end !== null && 0 <= w.start && w.start < w.end && w.end <= dim
      : w.start >= 0
        ? w.end === null
          ? w.start === 0
          : w.start < w.end
        : w.end === null || (w.end < 0 && w.start < w.end);
  if (!ok) fail(`the window ${windowText(w)} does not fit axis ${w.axis} of ${formatShape(full)}`);
  return w;
}

/** What the user writes: `slice(x, { axis, start, end })`, with Python's negative indices. */
export interface SliceOptions {
  /** The axis to slice (negative counts from the end); default 0. */
  readonly axis?: number | undefined;
  /** The first index kept (negative counts from the end); default 0. */
  readonly start?: number | undefined;
  /** The index after the last one kept (negative counts from the end); default: the length. */
  readonly end?: number | undefined;
}

/**
 * The window `options` select on `shape`, normalized (see {@link Window}). Bounds outside the axis
 * are an error, not clamped as in Python: the result's shape is fixed when the graph is built, so
 * a silently shorter slice would only surface as a shape error somewhere else.
 */
export function normalizeWindow(
  op: string,
  shape: Shape,
  options: SliceOptions,
  site: string | undefined,
): Window {
  const fail = (why: string): never => {
    throw new GradgenError('E_SHAPE', `${op}: ${why}${at(site)}`);
  };
  const rank = shape.length;
  if (rank === 0) fail('a scalar has no axis to slice');
  const axis = options.axis ?? 0;
  if (axis < -rank || axis >= rank)
    fail(`axis ${axis} is out of range for shape ${formatShape(shape)}`);
  const a = axis < 0 ? axis + rank : axis;
  const dim = shape[a]!;
  const given: Window = { axis: a, start: options.start ?? 0, end: options.end ?? null };
  const text = `${windowText(given)} of ${formatShape(shape)}`;
  if (typeof dim === 'number') {
    for (const [name, v] of [
      ['start', given.start],
      ['end', given.end],
    ] as const) {
      if (v !== null && (v < -dim || v > dim)) {
        fail(
          `${name} ${v} is out of range in ${text}: axis ${a} has length ${dim} (−${dim} ≤ ${name} ≤ ${dim})`,
        );
      }
    }
    const [start, end] = bounds(given, dim);
    if (end <= start) fail(`${text} is empty (start ${start} ≥ end ${end} on axis ${a})`);
    return { axis: a, start, end };
  }
  const { start, end } = given;
  const empty = end === 0 || (end !== null && start >= 0 === end > 0 && end <= start);
  if (empty) fail(`${text} is empty`);
  const fixed =
    (start === 0 && end === null) || // all of it
    (start >= 0 && end !== null && end > 0) || // from the front
    (start < 0 && (end === null || end < 0)); // from the back
  if (!fixed) {
    fail(
      `${text}: along the batch dimension '${dim}' the result's length would depend on ${dim}, which a shape cannot hold; take a fixed-length window, counted from the front (0 ≤ start < end) or from the back (start < 0, and end < 0 or none, e.g. start: -3)`,
    );
  }
  return given;
}

/**
 * Moves the window's elements between `whole` (row-major, of shape `shape`) and `part` (the
 * window alone): `gather` reads the window out of whole, `scatter` writes part into it.
 */
export function copyWindow(
  whole: Float64Array,
  part: Float64Array,
  shape: readonly number[],
  w: Window,
  direction: 'gather' | 'scatter',
): void {
  const outer = shape.slice(0, w.axis).reduce((p, d) => p * d, 1);
  const inner = shape.slice(w.axis + 1).reduce((p, d) => p * d, 1);
  const n = shape[w.axis]!;
  const [start, end] = bounds(w, n);
  if (start < 0 || end > n) {
    // only a batch axis can be too short, and binding the inputs checks that first
    throw new GradgenError(
      'E_INPUT_SHAPE',
      `slice: the window ${windowText(w)} needs an axis of length ≥ ${leastLength(w)}, got ${n}`,
    );
  }
  const len = end - start;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < len; j++) {
      const at = (o * n + start + j) * inner;
      const from = (o * len + j) * inner;
      for (let i = 0; i < inner; i++) {
        if (direction === 'gather') part[from + i] = whole[at + i]!;
        else whole[at + i] = part[from + i]!;
      }
    }
  }
}

/**
 * x[start:end] along one axis (Python's bounds: end exclusive, negative from the end). Compiled
 * as indexing (a view with an offset), never as a copy. Its adjoint is {@link pad}.
 */
export const slice: StructuralOp = {
  kind: 'structural',
  name: 'slice',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x], attrs, site) => {
    const w = checkWindow('slice', x!, attrs, site);
    return x!.map((d, i) => (i === w.axis ? windowDim(w, d) : d));
  },
  eval: ([x], attrs, outShape) => {
    const out = new Float64Array(outShape.reduce((p, d) => p * d, 1));
    copyWindow(x!.data, out, x!.shape, windowOf(attrs), 'gather');
    return out;
  },
  batchNeeds: ([x], attrs) => {
    const w = windowOf(attrs);
    const dim = x![w.axis]!;
    return typeof dim === 'string' ? { dim, min: leastLength(w) } : undefined;
  },
  view: (x, attrs, outDims) => {
    const w = windowOf(attrs);
    const shift = scaledStride(startCode(w, x.dims[w.axis]!), x.strides[w.axis]!);
    return { ...x, dims: outDims, offset: shift === '0' ? x.offset : [...x.offset, shift] };
  },
  range: ([a]) => a!,
  math: ([x], attrs) =>
    printed(
      `${x!.prec >= PREC.atom ? x!.text : `(${x!.text})`}${windowText(windowOf(attrs))}`,
      PREC.atom,
    ),
  // the tangent is sliced like the value
  jvp: ({ tangents: [t], attrs, b }) => (t ? b.apply('slice', [t], attrs) : null),
  // the adjoint goes back where the window came from; the rest of x gets 0
  vjp: ({ g, args: [x], attrs, b }) => [b.apply('pad', [g], { ...attrs, shape: x!.shape })],
};
