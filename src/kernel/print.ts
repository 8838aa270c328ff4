/**
 * The kernel IR as text, one line per kernel: its kind, its loop schedule and target (when it is
 * wasm), what it defines (as math), what it reads and the slot it writes — e.g.
 * `k2 map dZ = A − Y  flat  reads A, Y  → slot 1 (m)`. For people (`gradgen explain`, tests).
 */
import { nameHint, type Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { formatShape } from '../ir/shape.js';
import type { Kernel, KernelProgram, Schedule } from './ir.js';

const label = (n: Node): string => nameHint(n) ?? `%${n.id}`;

function scheduleText(s: Schedule | undefined): string {
  if (!s) return '';
  return ` [${Object.entries(s)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ')}]`;
}

function how(k: Kernel): string {
  switch (k.kind) {
    case 'map':
      return k.producer
        ? ` epilogue of ${k.producer.node.op}${scheduleText(k.producer.schedule)}`
        : k.flat
          ? ' flat'
          : ' indexed';
    case 'loop':
      return ` ${k.node.op}${scheduleText(k.schedule)}`;
    default:
      return '';
  }
}

/** `k`'s line; `held`: the nodes the code holds (inputs, kernel results), cited by label. */
function printKernel(p: KernelProgram, k: Kernel, index: number, held: ReadonlySet<Node>): string {
  const what = k.kind === 'output' ? `${k.key} = ` : '';
  const math = formula(k.node, { names: (m) => (held.has(m) ? label(m) : undefined) });
  const reads = k.reads.length > 0 ? `  reads ${k.reads.map(label).join(', ')}` : '';
  const slot = p.memory.slotOf.get(index);
  const writes = slot === undefined ? '' : `  → slot ${slot} (${p.memory.slots[slot]!.size})`;
  const target = k.target ? ` (${k.target})` : '';
  return `k${index} ${k.kind}${how(k)}${target}  ${what}${label(k.node)} = ${math}${reads}${writes}`;
}

export function printKernelProgram(p: KernelProgram): string {
  const inputs = p.inputs.map((i) => `${i.leaf.name} ${formatShape(i.leaf.shape)}`).join(', ');
  const held = new Set<Node>([...p.inputs.map((i) => i.leaf), ...p.kernels.map((k) => k.node)]);
  return [`inputs ${inputs}`, ...p.kernels.map((k, i) => printKernel(p, k, i, held))].join('\n');
}
