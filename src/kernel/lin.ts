/**
 * Sizes and strides as the wasm kernels address them: literals, or linear in one batch size
 * (`Lin`). A buffer view's strides over a kernel's index space, and a run of that space's axes
 * merged into one axis (a sum over [m, 2, 2]'s first axis is a 2-d sum over [m, 4]).
 */
import type { View as BufferView } from '../ops/define.js';

/** A size or stride: a literal, or `mul·sym + add` with `sym` a batch dimension (the wasm kernels'). */
export type { Lin } from '../render/wasm/kernel.js';
import type { Lin } from '../render/wasm/kernel.js';

/** `'12288'` → 12288, `'m'` → m, `'4 * m'` → 4m; undefined for anything else (`(m - 3) * 4`). */
export function linOf(code: string): Lin | undefined {
  if (/^\d+$/.test(code)) return Number(code);
  if (/^[A-Za-z_$][\w$]*$/.test(code)) return { sym: code };
  const m = /^(\d+) \* ([A-Za-z_$][\w$]*)$/.exec(code);
  return m ? { sym: m[2]!, mul: Number(m[1]) } : undefined;
}

/** a·b, when it is a Lin (not m·n). */
function times(a: Lin, b: Lin): Lin | undefined {
  if (typeof a !== 'number') return typeof b === 'number' ? times(b, a) : undefined;
  if (typeof b === 'number') return a * b;
  const c = a * mul(b);
  const add = a * (b.add ?? 0);
  if (c === 0) return add;
  return { sym: b.sym, ...(c !== 1 ? { mul: c } : {}), ...(add !== 0 ? { add } : {}) };
}

const mul = (l: Lin): number => (typeof l === 'number' ? l : (l.mul ?? 1));

const same = (a: Lin, b: Lin): boolean =>
  typeof a === 'number' || typeof b === 'number'
    ? a === b
    : a.sym === b.sym && mul(a) === mul(b) && (a.add ?? 0) === (b.add ?? 0);

/**
 * The strides of view `v` over the index space `dims`, as the TS loops read it: broadcast (0)
 * along leading axes it lacks and axes where it has size 1; undefined where one is not a Lin.
 */
export function spaceStrides(v: BufferView, dims: readonly string[]): Lin[] | undefined {
  const lead = dims.length - v.dims.length;
  const strides: Lin[] = [];
  for (let a = 0; a < dims.length; a++) {
    const k = a - lead;
    const s = k < 0 || v.dims[k] === '1' ? 0 : linOf(v.strides[k]!);
    if (s === undefined) return undefined;
    strides.push(s);
  }
  return strides;
}

/**
 * Axes `run` (consecutive, outer to inner) of a space of sizes `dims` with `strides` as one axis:
 * its size and stride. Axes of size 1 drop out; each other one must step by the size times the
 * stride of the next inner one (else undefined), and the size must be a Lin.
 */
export function mergeRun(
  dims: readonly Lin[],
  strides: readonly Lin[],
  run: readonly number[],
): { size: Lin; stride: Lin } | undefined {
  let size: Lin = 1;
  let stride: Lin = 0;
  let inner: { readonly s: Lin; readonly d: Lin } | undefined; // the next inner axis kept
  for (let i = run.length - 1; i >= 0; i--) {
    const a = run[i]!;
    const d = dims[a]!;
    if (d === 1) continue;
    const s = strides[a]!;
    if (inner === undefined) stride = s;
    else {
      const step = times(inner.s, inner.d);
      if (step === undefined || !same(s, step)) return undefined;
    }
    const grown = times(size, d);
    if (grown === undefined) return undefined;
    size = grown;
    inner = { s, d };
  }
  return { size, stride };
}

/** The sizes of the runs of axes `runs` of `dims`, each merged into one axis. */
export function runSizes(
  dims: readonly string[],
  runs: readonly (readonly number[])[],
): Lin[] | undefined {
  const sizes = dims.map(linOf);
  if (sizes.some((d) => d === undefined)) return undefined;
  const out = runs.map(
    (run) =>
      mergeRun(
        sizes as Lin[],
        sizes.map(() => 0),
        run,
      )?.size,
  );
  return out.every((s) => s !== undefined) ? (out as Lin[]) : undefined;
}

/** View `v` over the index space `dims` with each of `runs` merged into one axis: its strides. */
export function runStrides(
  v: BufferView,
  dims: readonly string[],
  runs: readonly (readonly number[])[],
): Lin[] | undefined {
  const sizes = dims.map(linOf);
  const strides = spaceStrides(v, dims);
  if (!strides || sizes.some((d) => d === undefined)) return undefined;
  const out = runs.map((run) => mergeRun(sizes as Lin[], strides, run)?.stride);
  return out.every((s) => s !== undefined) ? (out as Lin[]) : undefined;
}
