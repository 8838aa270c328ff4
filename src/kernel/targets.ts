/**
 * Targets: on the wasm target, which kernels run as WebAssembly SIMD functions. A kernel can when
 * its loops are ones the wasm kernels have (a matmul; a sum whose summed and kept axes are two runs
 * of its operand's, a 2-d sum along one axis, with its fused summand; an elementwise map), every
 * op of its fused group has a rule in the expression IR (src/kernel/expr.ts: arithmetic,
 * comparisons, relu) and none calls a Math function (exp, tanh: see `expressible`), and every
 * operand is a buffer view with literal or batch-linear strides (./lin.ts; merging along a sum's
 * runs), or a number. A matmul whose epilogue is not so (σ, tanh, x^1.5) is split: the product in
 * wasm into a buffer of its own, the epilogue a TypeScript map over it (a sum's epilogue
 * likewise). Totals over every axis stay TypeScript: their compensated summation keeps a cost's
 * round-off small.
 */
import type { ApplyNode, Node } from '../ir/node.js';
import { opDef } from '../ops/index.js';
import { reducedAxes } from '../ops/sum.js';
import { E, type Expr } from './expr.js';
import { linOf, runSizes, runStrides } from './lin.js';
import { groupOf } from './fuse.js';
import type { Dtype, FusionPlan, Kernel, Ref } from './ir.js';
import { isNumber, ownBuffer } from './places.js';
import { flatLayout, loopMembers, readsOf } from './schedule.js';

/** A view the kernels can address: every dim and stride literal or linear in a batch size. */
const addressable = (r: Ref | undefined): boolean =>
  r !== undefined &&
  (isNumber(r) ||
    (r.kind === 'view' &&
      r.view.dims.every((d) => linOf(d) !== undefined) &&
      r.view.strides.every((s) => linOf(s) !== undefined)));

/**
 * The expression of `root`'s fused group (owned by `owner`) in the IR, with `operand` for the
 * values it reads from outside the group; undefined when an op has no rule.
 */
export function groupExpr(
  fusion: FusionPlan,
  root: Node,
  operand: (a: Node) => Expr | undefined,
  owner: Node = root,
): Expr | undefined {
  const inside = new Map<Node, Expr>();
  for (const g of groupOf(fusion, root, owner)) {
    const def = opDef(g.op);
    if (def.kind !== 'elementwise' || !def.wasm) return undefined;
    const args: Expr[] = [];
    for (const a of g.args) {
      const e = inside.get(a) ?? operand(a);
      if (e === undefined) return undefined;
      args.push(e);
    }
    const e = def.wasm(args, g.attrs);
    if (e === undefined) return undefined;
    inside.set(g, e);
  }
  return inside.get(root);
}

/** An operand as the checks below see it: a constant as itself, anything else as 0. */
const placeholder = (r: Ref): Expr => E.c(r.kind === 'const' ? r.value : 0);

/**
 * Whether `e` is better left to the TypeScript target: it calls one of Math's functions (once per
 * element, out of wasm and back: slower than the TS loop), or, in float32, compares with a constant
 * float32 cannot hold (wasm compares with the rounded constant, the TS target's float64
 * arithmetic with the constant itself: [x > 0.1] would differ at x = fround(0.1)).
 */
function staysTs(e: Expr, dtype: Dtype): boolean {
  const inexact = (x: Expr) =>
    dtype === 'float32' && x.k === 'const' && Math.fround(x.value) !== x.value;
  const go = (x: Expr): boolean => {
    switch (x.k) {
      case 'call':
        return true;
      case 'unary':
        return go(x.a);
      case 'binary':
        return go(x.a) || go(x.b);
      case 'select':
        return inexact(x.a) || inexact(x.b) || [x.a, x.b, x.then, x.else].some(go);
      default:
        return false;
    }
  };
  return go(e);
}

/**
 * Whether the group of `root` runs well as wasm: it has an expression, every operand is
 * addressable (`producer`: acc), and it calls no Math function — a call out of wasm and back per
 * element costs more than the TypeScript loop does (the planar model's tanh layer ran 14% slower);
 * `fits`: a further condition on the operands.
 */
function expressible(
  fusion: FusionPlan,
  refs: ReadonlyMap<Node, Ref>,
  dtype: Dtype,
  root: Node,
  producer?: Node,
  fits: (r: Ref) => boolean = () => true,
): boolean {
  const operand = (a: Node) => {
    if (a === producer) return E.acc;
    const r = refs.get(a);
    return addressable(r) && fits(r!) ? placeholder(r!) : undefined;
  };
  const e = groupExpr(fusion, root, operand);
  return e !== undefined && !staysTs(e, dtype);
}

/**
 * A sum as the wasm reductions compute it: over a 2-d space whose two axes are runs of the
 * operand's axes, the summed ones and the kept ones (Σ over the batch axis of [m, 2, 2] is a sum
 * along axis 0 of [m, 4]). None for a total (every axis: the TS target's compensated summation
 * keeps a cost's round-off small) or summed axes that are not a leading or trailing run.
 */
export interface SumSpace {
  /** Which of the two runs is summed. */
  readonly axis: 0 | 1;
  /** The operand's axes in each run, outer run first. */
  readonly runs: readonly [readonly number[], readonly number[]];
  /** The result's axes holding the kept run (its other axes are 1s). */
  readonly kept: readonly number[];
}

export function sumSpace(op: ApplyNode): SumSpace | undefined {
  if (op.op !== 'sum') return undefined;
  const rank = op.args[0]!.shape.length;
  const summed = reducedAxes(op.attrs, rank);
  if (summed.length === 0 || summed.length === rank) return undefined;
  const keptAxes = [...Array(rank).keys()].filter((a) => !summed.includes(a));
  const kept = op.attrs.keepdims === true ? keptAxes : keptAxes.map((_, i) => i);
  if (summed.every((a, i) => a === i)) return { axis: 0, runs: [summed, keptAxes], kept };
  if (summed.every((a, i) => a === rank - summed.length + i))
    return { axis: 1, runs: [keptAxes, summed], kept };
  return undefined;
}

/** Whether `r` is read along `runs` of the index space `dims` (a number, or a view that merges). */
export function readsAlong(
  r: Ref,
  dims: readonly string[],
  runs: readonly (readonly number[])[],
): boolean {
  return isNumber(r) || (r.kind === 'view' && runStrides(r.view, dims, runs) !== undefined);
}

/** The summand of reduction `op` in the IR: its operand's fused group, or the operand itself. */
export function summandExpr(
  fusion: FusionPlan,
  op: ApplyNode,
  operand: (a: Node) => Expr | undefined,
): Expr | undefined {
  const a = op.args[0]!;
  return fusion.fusedInto.get(a) === op ? groupExpr(fusion, a, operand, op) : operand(a);
}

/**
 * A loop op the wasm kernels compute: a matmul of two buffer views (not fused, not numbers), or a
 * sum with a space whose summand has an expression over operands read along its runs.
 */
function wasmLoop(
  op: ApplyNode,
  refs: ReadonlyMap<Node, Ref>,
  fusion: FusionPlan,
  dtype: Dtype,
): boolean {
  if (op.op === 'matmul')
    return op.args.every((a) => {
      const r = refs.get(a);
      return r?.kind === 'view' && addressable(r);
    });
  const space = sumSpace(op);
  if (!space) return false;
  const dims = op.args[0]!.shape.map(String);
  if (!runSizes(dims, space.runs)) return false;
  const operand = (a: Node) => {
    const r = refs.get(a);
    return addressable(r) && readsAlong(r!, dims, space.runs) ? placeholder(r!) : undefined;
  };
  const summand = summandExpr(fusion, op, operand);
  return summand !== undefined && !staysTs(summand, dtype);
}

/** Whether the epilogue `k` (of a wasm loop op) has an expression the wasm kernel can read. */
function wasmEpilogue(
  k: Extract<Kernel, { kind: 'map' }>,
  refs: ReadonlyMap<Node, Ref>,
  fusion: FusionPlan,
  dtype: Dtype,
): boolean {
  const p = k.producer!.node;
  const space = sumSpace(p);
  const dims = k.node.shape.map(String);
  const fits = space ? (r: Ref) => readsAlong(r, dims, [space.kept]) : undefined;
  return expressible(fusion, refs, dtype, k.node, p, fits);
}

export interface Targeted {
  readonly kernels: Kernel[];
  readonly refs: Map<Node, Ref>;
  /** Without the producers of the epilogues that were split off. */
  readonly fusion: FusionPlan;
}

/** The kernels with `target: 'wasm'` where they can run so (pure: new kernels and refs). */
export function assignTargets(
  kernels: readonly Kernel[],
  refs: ReadonlyMap<Node, Ref>,
  fusion: FusionPlan,
  dtype: Dtype,
): Targeted {
  const out: Kernel[] = [];
  const placed = new Map(refs);
  const producerOf = new Map(fusion.producerOf);
  for (const k of kernels) {
    if (k.kind === 'loop' && wasmLoop(k.node, placed, fusion, dtype)) {
      out.push({ ...k, target: 'wasm' });
    } else if (k.kind === 'map' && !k.producer) {
      out.push(expressible(fusion, placed, dtype, k.node) ? { ...k, target: 'wasm' } : k);
    } else if (k.kind === 'map' && k.producer && wasmLoop(k.producer.node, placed, fusion, dtype)) {
      if (wasmEpilogue(k, placed, fusion, dtype)) {
        out.push({ ...k, target: 'wasm' });
        continue;
      }
      // the product (or sum) in wasm, the epilogue (σ, tanh…) in TypeScript over its buffer
      const p = k.producer.node;
      placed.set(p, ownBuffer(p));
      producerOf.delete(k.node);
      const { schedule } = k.producer;
      out.push({
        kind: 'loop',
        node: p,
        computes: [p],
        reads: readsOf(loopMembers(p, fusion), placed),
        target: 'wasm',
        ...(schedule ? { schedule } : {}),
      });
      const group = groupOf(fusion, k.node);
      out.push({
        kind: 'map',
        node: k.node,
        computes: group,
        reads: readsOf(group, placed),
        flat: flatLayout(group, placed, k.node),
      });
    } else out.push(k);
  }
  return { kernels: out, refs: placed, fusion: { ...fusion, producerOf } };
}
