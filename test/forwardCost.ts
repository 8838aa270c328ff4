/**
 * What a compiled function costs, counted on the optimized graph as compile lowers it: kernels
 * (steps of the lowered program) and FLOPs at a batch size (matmul 2nkm; elementwise ops one per
 * element; a sum one per summed element; layout ops none) — the trainer's own measure.
 */
import { toposort } from '../src/ir/graph.ts';
import { isLeaf, type Node } from '../src/ir/node.ts';
import type { Shape } from '../src/ir/shape.ts';
import { lower } from '../src/lower/lower.ts';
import { Namer } from '../src/emit/names.ts';
import { optimize } from '../src/rewrite/optimize.ts';

const FREE = new Set(['reshape', 'transpose', 'broadcastTo', 'batchSize']);

export interface Cost {
  readonly kernels: number;
  readonly flops: number;
}

export function costOf(outputs: Readonly<Record<string, Node>>, m: number): Cost {
  const optimized = optimize(outputs).outputs;
  const roots = Object.values(optimized);
  const leaves = toposort(roots).filter(isLeaf);
  const program = lower(optimized, leaves, 'float64', new Namer(), 'cost');
  const size = (s: Shape) => s.reduce<number>((p, d) => p * (typeof d === 'number' ? d : m), 1);
  let flops = 0;
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply' || FREE.has(n.op)) continue;
    if (n.op === 'matmul') flops += 2 * size(n.shape) * size([n.args[0]!.shape[1]!]);
    else if (n.op === 'sum') flops += size(n.args[0]!.shape);
    else flops += size(n.shape);
  }
  return { kernels: program.steps.length, flops };
}
