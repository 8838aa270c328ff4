/**
 * Schedule: each kernel seed becomes a kernel with what it computes, what it reads and how its
 * loops run — a map's flat or indexed loop, a loop op's schedule (its `schedule` rule: a matmul's
 * form and tiles) — and the tensor outputs no kernel writes get a copy of their own.
 */
import type { ApplyNode, Node } from '../ir/node.js';
import { opDef } from '../ops/index.js';
import { isContiguous, type KernelOperand } from '../ops/define.js';
import type { FusionPlan, Kernel, Ref, Schedule } from './ir.js';
import { groupOf } from './fuse.js';
import { isNumber, type KernelSeed } from './places.js';

/** The operands of loop op `op` as its emitter (and schedule rule) sees them. */
export function kernelOperands(
  op: ApplyNode,
  refs: ReadonlyMap<Node, Ref>,
  fusion: FusionPlan,
): KernelOperand[] {
  return op.args.map((a) => {
    const r = refs.get(a);
    const fused = r === undefined ? fusion.fusedInto.has(a) : r.kind === 'fused';
    const last = r?.kind === 'view' ? r.view.strides.length - 1 : -1;
    return {
      dims: a.shape.map(String),
      isScalar: r !== undefined && isNumber(r),
      rowContiguous:
        fused ||
        (r !== undefined && isNumber(r)) ||
        (r?.kind === 'view' && (r.view.strides[last] === '1' || r.view.dims[last] === '1')),
    };
  });
}

function scheduleOf(op: ApplyNode, refs: ReadonlyMap<Node, Ref>, fusion: FusionPlan) {
  const def = opDef(op.op);
  if (def.kind !== 'structural' || !def.schedule) return undefined;
  return def.schedule(kernelOperands(op, refs, fusion), op.shape.map(String), op.attrs);
}

/** The base nodes of the buffers that the nodes `members` compute from read. */
export function readsOf(members: readonly Node[], refs: ReadonlyMap<Node, Ref>): Node[] {
  if (members.length === 1) return readsOfOne(members[0]!, refs);
  const inside = new Set(members);
  const reads = new Set<Node>();
  for (const m of members) {
    if (m.kind !== 'apply') continue;
    for (const a of m.args) {
      const r = refs.get(a);
      if (!inside.has(a) && r?.kind === 'view') reads.add(r.base);
    }
  }
  return [...reads];
}

/** {@link readsOf} one node (a scalar graph's every kernel): no tables. */
function readsOfOne(m: Node, refs: ReadonlyMap<Node, Ref>): Node[] {
  const reads: Node[] = [];
  if (m.kind !== 'apply') return reads;
  for (const a of m.args) {
    const r = refs.get(a);
    if (a !== m && r?.kind === 'view' && !reads.includes(r.base)) reads.push(r.base);
  }
  return reads;
}

/** A loop op and the operands fused into its loops. */
export function loopMembers(op: ApplyNode, fusion: FusionPlan): Node[] {
  const fused = op.args.flatMap((a) =>
    fusion.fusedInto.get(a) === op ? groupOf(fusion, a, op) : [],
  );
  return [...fused, op];
}

function scheduleSeed(seed: KernelSeed, refs: ReadonlyMap<Node, Ref>, fusion: FusionPlan): Kernel {
  const n = seed.node;
  switch (seed.kind) {
    case 'scalar':
      return { kind: 'scalar', node: n, computes: [n], reads: readsOf([n], refs) };
    case 'copy':
      return { kind: 'copy', node: n, computes: [n], reads: readsOf([n], refs) };
    case 'loop': {
      const schedule = scheduleOf(n, refs, fusion);
      return {
        kind: 'loop',
        node: n,
        computes: [n],
        reads: readsOf(loopMembers(n, fusion), refs),
        ...(schedule ? { schedule } : {}),
      };
    }
    case 'map': {
      const group = groupOf(fusion, n);
      const p = fusion.producerOf.get(n);
      const members = [...(p ? loopMembers(p, fusion) : []), ...group];
      const computes = [...(p ? [p] : []), ...group];
      const reads = readsOf(members, refs);
      if (p) {
        const schedule: Schedule | undefined = scheduleOf(p, refs, fusion);
        const producer = { node: p, ...(schedule ? { schedule } : {}) };
        return { kind: 'map', node: n, computes, reads, flat: false, producer };
      }
      return { kind: 'map', node: n, computes, reads, flat: flatLayout(group, refs, n) };
    }
  }
}

/** Every operand a number or a contiguous view with the result's dims: one flat index serves all. */
export function flatLayout(
  group: readonly ApplyNode[],
  refs: ReadonlyMap<Node, Ref>,
  root: Node,
): boolean {
  const inside = new Set<Node>(group);
  const dims = root.shape.map(String).join();
  return group.every((g) =>
    g.args.every((a) => {
      if (inside.has(a)) return true;
      const r = refs.get(a)!;
      return (
        isNumber(r) || (r.kind === 'view' && isContiguous(r.view) && r.view.dims.join() === dims)
      );
    }),
  );
}

/**
 * The kernels of a function: one per seed, then a copy for each tensor output that is not a
 * kernel's buffer (an input, a view, a constant), once per node.
 */
export function scheduleKernels(
  seeds: readonly KernelSeed[],
  refs: ReadonlyMap<Node, Ref>,
  fusion: FusionPlan,
  outputs: Readonly<Record<string, Node>>,
): Kernel[] {
  const kernels = seeds.map((s) => scheduleSeed(s, refs, fusion));
  const copied = new Set<Node>();
  for (const [key, n] of Object.entries(outputs)) {
    if (n.shape.length === 0 || copied.has(n)) continue;
    const r = refs.get(n)!;
    if (r.kind === 'view' && r.base === n && n.kind === 'apply') continue;
    copied.add(n);
    const reads = r.kind === 'view' ? [r.base] : [];
    kernels.push({ kind: 'output', key, node: n, computes: [], reads });
  }
  return kernels;
}
