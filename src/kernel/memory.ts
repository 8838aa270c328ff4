/**
 * Memory plan: one slot per buffer-writing kernel; an output's slot is its own (handed to the
 * caller), the others are reused by liveness — a slot of the same size whose value's last reader
 * has run. Slots are allocated once per batch size, outside the call.
 */
import type { Node } from '../ir/node.js';
import { sizeExpr } from '../ops/define.js';
import { writesBuffer, type Kernel, type MemoryPlan, type Ref, type Slot } from './ir.js';

/** The output keys whose array kernel `k` writes. */
function outputKeys(k: Kernel, outputs: Readonly<Record<string, Node>>): string[] {
  return Object.entries(outputs).flatMap(([key, n]) => (n === k.node ? [key] : []));
}

export function planMemory(
  kernels: readonly Kernel[],
  refs: ReadonlyMap<Node, Ref>,
  outputs: Readonly<Record<string, Node>>,
): MemoryPlan {
  const lastRead = new Map<Node, number>();
  kernels.forEach((k, s) => {
    for (const b of k.reads) lastRead.set(b, Math.max(lastRead.get(b) ?? -1, s));
  });
  for (const n of Object.values(outputs)) {
    const r = refs.get(n);
    if (r?.kind === 'view') lastRead.set(r.base, Infinity);
  }
  const slots: (Slot & { freeAfter: number })[] = [];
  const slotOf = new Map<number, number>();
  kernels.forEach((k, s) => {
    if (!writesBuffer(k)) return;
    const size = sizeExpr(k.node.shape.map(String));
    const keys = outputKeys(k, outputs);
    const freeAfter = keys.length > 0 ? Infinity : (lastRead.get(k.node) ?? s);
    if (keys.length === 0) {
      const free = slots.findIndex(
        (sl) => sl.outputs.length === 0 && sl.size === size && sl.freeAfter < s,
      );
      if (free >= 0) {
        slots[free]!.freeAfter = freeAfter;
        slotOf.set(s, free);
        return;
      }
    }
    slotOf.set(s, slots.length);
    slots.push({ size, outputs: keys, freeAfter });
  });
  return { slots: slots.map(({ size, outputs: o }) => ({ size, outputs: o })), slotOf };
}
