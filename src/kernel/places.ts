/**
 * Places: where every node's value is. Layout ops (transpose, reshape, broadcast, slice) become
 * views of their operand's buffer — indexing, never copies — unless the view needs a contiguous
 * operand it does not have (then the op is a `copy` kernel); a fused node lives in its root's
 * loop; every other op is a kernel writing a buffer of its own (or a number).
 */
import type { ApplyNode, Node } from '../ir/node.js';
import { opDef } from '../ops/index.js';
import { rowMajorStrides } from '../ops/define.js';
import type { FusionPlan, Ref } from './ir.js';
import { isElementwise } from './fuse.js';

/** A kernel before scheduling: what it defines and how. */
export interface KernelSeed {
  readonly kind: 'scalar' | 'map' | 'loop' | 'copy';
  readonly node: ApplyNode;
}

export interface Places {
  readonly refs: Map<Node, Ref>;
  readonly seeds: readonly KernelSeed[];
}

/** A number, not a buffer: a constant, a scalar variable or a batch size. */
export const isNumber = (r: Ref): boolean =>
  r.kind === 'const' || r.kind === 'number' || r.kind === 'dim';

/** The row-major view of the buffer `n`'s kernel writes. */
export function ownBuffer(n: Node): Ref {
  const dims = n.shape.map(String);
  return {
    kind: 'view',
    view: { buf: '', dims, strides: rowMajorStrides(dims), offset: [] },
    base: n,
  };
}

/** `n` (an input) as a ref: a number, or the row-major view of its array. */
export function inputRef(n: Node): Ref {
  return n.shape.length === 0 ? { kind: 'number', node: n } : ownBuffer(n);
}

export function placeNodes(
  nodes: readonly Node[],
  inputs: readonly Node[],
  fusion: FusionPlan,
): Places {
  const refs = new Map<Node, Ref>();
  for (const leaf of inputs) refs.set(leaf, inputRef(leaf));
  for (const [root, p] of fusion.producerOf) refs.set(p, { kind: 'producer', root });
  const seeds: KernelSeed[] = [];
  for (const n of nodes) {
    if (refs.has(n)) continue;
    if (n.kind === 'const') {
      refs.set(n, { kind: 'const', value: n.value });
      continue;
    }
    if (n.kind !== 'apply') continue;
    const def = opDef(n.op);
    let copy = false;
    if (def.view) {
      // over a number a layout op is that number
      const arg = refs.get(n.args[0]!)!;
      if (isNumber(arg)) {
        refs.set(n, arg);
        continue;
      }
      if (arg.kind === 'view') {
        const v = def.view(arg.view, n.attrs, n.shape.map(String));
        if (v) {
          refs.set(n, { kind: 'view', view: v, base: arg.base });
          continue;
        }
        copy = true; // e.g. reshape of a transpose: copied into row-major order first
      }
    }
    if (!copy && fusion.fusedInto.has(n)) {
      refs.set(n, { kind: 'fused', root: fusion.rootOf.get(n) ?? n });
      continue;
    }
    if (!copy && n.op === 'batchSize') {
      // the batch size is already a variable of the function
      refs.set(n, { kind: 'dim', symbol: n.attrs.dim as string });
      continue;
    }
    const kind = copy
      ? 'copy'
      : isElementwise(n)
        ? n.shape.length === 0
          ? 'scalar'
          : 'map'
        : def.kind === 'structural' && def.emit
          ? 'loop'
          : undefined;
    if (!kind) throw new Error(`internal: cannot lower ${n.op}`);
    seeds.push({ kind, node: n });
    refs.set(n, n.shape.length === 0 ? { kind: 'number', node: n } : ownBuffer(n));
  }
  return { refs, seeds };
}
