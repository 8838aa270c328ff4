/**
 * The ranges the hazard lint assumes: for each leaf, the range the caller gives, else the range of
 * its sample values, else a stated default; for every node, what its op makes of its operands'
 * ranges (each op's `range`, evaluated in float64 so that saturation shows: 1 − σ(50) is 0), with
 * reductions and products counted over the dimensions they sum (the batch dimension's size from
 * the sample, else {@link DEFAULT_BATCH}).
 */
import { GradgenError } from '../errors.js';
import { toposort } from '../ir/graph.js';
import type { LeafNode, Node } from '../ir/node.js';
import type { InputValues } from '../ir/values.js';
import * as I from '../ops/interval.js';
import type { Interval } from '../ops/interval.js';
import { opDef } from '../ops/index.js';
import { reducedAxes } from '../ops/sum.js';
import { dropoutInfo } from '../train/dropout.js';

/** A leaf with neither a given range nor sample values ranges over this. */
export const DEFAULT_RANGE: readonly [number, number] = [-1e3, 1e3];
/** A param's sampled range is widened to at least this: weights move during training. */
export const PARAM_RANGE: readonly [number, number] = [-1, 1];
/** The batch dimension's size when no sample binds it. */
export const DEFAULT_BATCH = 1000;

export interface LeafRangeOptions {
  readonly ranges?: Readonly<Record<string, readonly [number, number]>> | undefined;
  readonly sample?: InputValues | undefined;
}

/** Where a leaf's range came from (for messages). */
export type RangeSource = 'given' | 'sample' | 'default' | 'dropout mask';

export interface LeafRange {
  readonly range: Interval;
  readonly source: RangeSource;
}

const hull = (values: ArrayLike<number>): [number, number] => {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  return [lo, hi];
};

function checkRange(name: string, r: unknown): readonly [number, number] {
  const ok =
    Array.isArray(r) &&
    r.length === 2 &&
    r.every((x) => typeof x === 'number' && Number.isFinite(x)) &&
    r[0] <= r[1];
  if (!ok) {
    throw new GradgenError(
      'E_BAD_OPTION',
      `lint: option 'ranges.${name}' must be [lo, hi] with finite lo ≤ hi, got ${JSON.stringify(r)}`,
    );
  }
  return r as unknown as readonly [number, number];
}

/** The masks of the dropouts in `roots`' graph (they hold 0s and 1s). */
function dropoutMasks(roots: readonly Node[]): Set<Node> {
  const masks = new Set<Node>();
  for (const n of toposort(roots)) {
    const info = dropoutInfo(n);
    if (info) masks.add(info.mask);
  }
  return masks;
}

/** Each leaf's assumed range: given, else sampled (params widened), else a mask's, else default. */
export function leafRanges(
  leaves: readonly LeafNode[],
  built: readonly Node[],
  options: LeafRangeOptions,
): Map<LeafNode, LeafRange> {
  const masks = dropoutMasks(built);
  const out = new Map<LeafNode, LeafRange>();
  for (const leaf of leaves) {
    const given = options.ranges?.[leaf.name];
    const sampled = options.sample?.[leaf.name];
    if (given !== undefined) {
      const [lo, hi] = checkRange(leaf.name, given);
      out.set(leaf, { range: I.interval(lo, hi), source: 'given' });
    } else if (sampled !== undefined) {
      let [lo, hi] = hull(typeof sampled === 'number' ? [sampled] : sampled);
      if (leaf.kind === 'param')
        [lo, hi] = [Math.min(lo, PARAM_RANGE[0]), Math.max(hi, PARAM_RANGE[1])];
      out.set(leaf, { range: I.interval(lo, hi), source: 'sample' });
    } else if (masks.has(leaf)) {
      out.set(leaf, { range: I.interval(0, 1), source: 'dropout mask' });
    } else {
      out.set(leaf, { range: I.interval(...DEFAULT_RANGE), source: 'default' });
    }
  }
  return out;
}

/** Sizes of the symbolic dimensions the sample binds. */
export function sampleDims(leaves: readonly LeafNode[], sample: InputValues | undefined) {
  const dims: Record<string, number> = {};
  for (const leaf of leaves) {
    const v = sample?.[leaf.name];
    const symbol = leaf.shape.find((d): d is string => typeof d === 'string');
    if (v === undefined || typeof v === 'number' || symbol === undefined) continue;
    const fixed = leaf.shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
    dims[symbol] = v.length / fixed;
  }
  return dims;
}

/** [n·lo, n·hi]: the sum of n values in [lo, hi]. */
const times = (r: Interval, n: number): Interval =>
  I.interval(r.lo * n, r.hi * n, r.loOpen && n > 0, r.hiOpen && n > 0);

/** leakyRelu has no `range` of its own: it is increasing for a slope ≥ 0. */
const leaky = (r: Interval, slope: number): Interval =>
  slope >= 0 ? I.increasing((x) => (x > 0 ? x : slope * x), r) : I.REALS;

/** The range of every node of `order` (operands first), from the leaves' ranges. */
export function nodeRanges(
  order: readonly Node[],
  leaves: ReadonlyMap<LeafNode, LeafRange>,
  dims: Readonly<Record<string, number>>,
): Map<Node, Interval> {
  const size = (d: number | string) => (typeof d === 'number' ? d : (dims[d] ?? DEFAULT_BATCH));
  const ranges = new Map<Node, Interval>();
  for (const n of order) {
    if (n.kind === 'const') ranges.set(n, I.point(n.value));
    else if (n.kind !== 'apply') ranges.set(n, leaves.get(n)?.range ?? I.REALS);
    else {
      const args = n.args.map((a) => ranges.get(a)!);
      let r: Interval;
      if (n.op === 'matmul') r = times(I.mul(args[0]!, args[1]!), size(n.args[0]!.shape[1]!));
      else if (n.op === 'sum') {
        const shape = n.args[0]!.shape;
        const count = reducedAxes(n.attrs, shape.length).reduce((p, a) => p * size(shape[a]!), 1);
        r = times(args[0]!, count);
      } else if (n.op === 'batchSize') r = I.point(size(n.attrs.dim as string));
      else if (n.op === 'leakyRelu') r = leaky(args[0]!, n.attrs.slope as number);
      else r = opDef(n.op).range?.(args, n.attrs) ?? I.REALS;
      ranges.set(n, Number.isNaN(r.lo) || Number.isNaN(r.hi) ? I.REALS : r);
    }
  }
  return ranges;
}
