/**
 * A function's inputs and the batch dimensions they bind: what the code must check before any
 * kernel runs (sizes, batch sizes, class labels).
 */
import { GradgenError } from '../errors.js';
import type { ApplyNode, LeafNode, Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { opDef } from '../ops/index.js';
import type { BatchNeed, KernelInput, KernelProgram } from './ir.js';

/** The fewest classes of the `oneHot` nodes that read `leaf` as labels (undefined: none). */
function labelClasses(users: readonly ApplyNode[]): number | undefined {
  const counts = users.flatMap((u) => (u.op === 'oneHot' ? [u.attrs.classes as number] : []));
  return counts.length > 0 ? Math.min(...counts) : undefined;
}

export function describeInputs(
  inputs: readonly LeafNode[],
  users: ReadonlyMap<Node, readonly ApplyNode[]>,
  isOutput: ReadonlySet<Node>,
): KernelInput[] {
  return inputs.map((leaf) => {
    let fixed = 1;
    let batchDim: string | undefined;
    for (const d of leaf.shape) typeof d === 'number' ? (fixed *= d) : (batchDim = d);
    const classes = labelClasses(users.get(leaf) ?? []);
    return {
      leaf,
      isScalar: leaf.shape.length === 0,
      fixedSize: fixed,
      batchDim,
      ...(classes === undefined ? {} : { classes }),
      ...(users.has(leaf) || isOutput.has(leaf) ? {} : { unread: true as const }),
    };
  });
}

/** The symbolic dimensions of `nodes`, in order of appearance. */
export function batchSymbols(nodes: readonly Node[]): string[] {
  const symbols = new Set<string>();
  for (const n of nodes) for (const d of n.shape) if (typeof d === 'string') symbols.add(d);
  return [...symbols];
}

/** Each batch dimension with the input that binds it (an error if no input has it). */
export function bindDims(
  symbols: readonly string[],
  inputs: readonly KernelInput[],
  where: string,
): KernelProgram['dims'] {
  return symbols.map((symbol) => {
    const from = inputs.find((i) => i.batchDim === symbol);
    if (!from) {
      throw new GradgenError(
        'E_UNSUPPORTED',
        `${where}: the batch dimension '${symbol}' is not the size of any input of the function; list an input with it in options.inputs`,
      );
    }
    return { symbol, from };
  });
}

/** Per batch dimension, the largest size an op needs (one check per dimension suffices). */
export function neededBatchSizes(nodes: readonly Node[]): BatchNeed[] {
  const needs = new Map<string, BatchNeed>();
  for (const n of nodes) {
    if (n.kind !== 'apply') continue;
    const need = opDef(n.op).batchNeeds?.(
      n.args.map((a) => a.shape),
      n.attrs,
    );
    if (!need || need.min <= 1 || (needs.get(need.dim)?.min ?? 0) >= need.min) continue;
    const what = `${formula(n, { depth: 2 })}${n.site ? ` (${n.site})` : ''}`;
    needs.set(need.dim, { symbol: need.dim, min: need.min, what });
  }
  return [...needs.values()];
}
