/**
 * Targets: on the wasm target, which kernels run as WebAssembly SIMD functions. A kernel can when
 * its loops are ones the wasm kernels have (a matmul, an elementwise map), every op of its fused
 * group has a rule in the expression IR (src/kernel/expr.ts: arithmetic, comparisons, relu) and
 * calls no Math function (exp, tanh: see `expressible`), and every operand is a buffer view with
 * literal or batch-linear strides, or a number. A matmul whose epilogue is not so (σ, tanh, x^1.5)
 * is split: the product in wasm into a buffer of its own, the epilogue a TypeScript map over it.
 */
import type { ApplyNode, Node } from '../ir/node.js';
import { opDef } from '../ops/index.js';
import { E, type Expr } from './expr.js';
import { groupOf } from './fuse.js';
import type { FusionPlan, Kernel, Ref } from './ir.js';
import { isNumber, ownBuffer } from './places.js';
import { flatLayout, loopMembers, readsOf } from './schedule.js';

/** A size or stride: a literal, or `mul·sym` with `sym` a batch dimension (./expr.ts's Lin). */
export type Lin = number | { readonly sym: string; readonly mul?: number };

/** `'12288'` → 12288, `'m'` → m, `'4 * m'` → 4m; undefined for anything else (`(m - 3) * 4`). */
export function linOf(code: string): Lin | undefined {
  if (/^\d+$/.test(code)) return Number(code);
  if (/^[A-Za-z_$][\w$]*$/.test(code)) return { sym: code };
  const m = /^(\d+) \* ([A-Za-z_$][\w$]*)$/.exec(code);
  return m ? { sym: m[2]!, mul: Number(m[1]) } : undefined;
}

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

/** Whether `e` calls one of Math's functions (once per element, out of wasm and back). */
function calls(e: Expr): boolean {
  switch (e.k) {
    case 'call':
      return true;
    case 'unary':
      return calls(e.a);
    case 'binary':
      return calls(e.a) || calls(e.b);
    case 'select':
      return [e.a, e.b, e.then, e.else].some(calls);
    default:
      return false;
  }
}

/**
 * Whether the group of `root` runs well as wasm: it has an expression, every operand is
 * addressable (`producer`: acc), and it calls no Math function — a call out of wasm and back per
 * element costs more than the TypeScript loop does (the planar model's tanh layer ran 14% slower).
 */
function expressible(
  fusion: FusionPlan,
  refs: ReadonlyMap<Node, Ref>,
  root: Node,
  producer?: Node,
): boolean {
  const operand = (a: Node) =>
    a === producer ? E.acc : addressable(refs.get(a)) ? E.c(0) : undefined;
  const e = groupExpr(fusion, root, operand);
  return e !== undefined && !calls(e);
}

/** A matmul the wasm GEMMs can compute: both operands buffer views (not fused, not numbers). */
function wasmMatmul(op: ApplyNode, refs: ReadonlyMap<Node, Ref>): boolean {
  return (
    op.op === 'matmul' &&
    op.args.every((a) => {
      const r = refs.get(a);
      return r?.kind === 'view' && addressable(r);
    })
  );
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
): Targeted {
  const out: Kernel[] = [];
  const placed = new Map(refs);
  const producerOf = new Map(fusion.producerOf);
  for (const k of kernels) {
    if (k.kind === 'loop' && wasmMatmul(k.node, placed)) {
      out.push({ ...k, target: 'wasm' });
    } else if (k.kind === 'map' && !k.producer) {
      out.push(expressible(fusion, placed, k.node) ? { ...k, target: 'wasm' } : k);
    } else if (k.kind === 'map' && k.producer && wasmMatmul(k.producer.node, placed)) {
      if (expressible(fusion, placed, k.node, k.producer.node)) {
        out.push({ ...k, target: 'wasm' });
        continue;
      }
      // the product in wasm, the epilogue (σ, tanh…) in TypeScript over its buffer
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
