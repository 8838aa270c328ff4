/**
 * Graph → kernel IR, as a sequence of passes: inputs (what to check), fusion (what is computed in
 * whose loop), places (views, copies, kernels), schedule (each kernel's loops), memory plan.
 */
import { toposort, usersOf } from '../ir/graph.js';
import type { LeafNode, Node } from '../ir/node.js';
import type { Dtype, KernelProgram } from './ir.js';
import { planFusion } from './fuse.js';
import { batchSymbols, bindDims, describeInputs, neededBatchSizes } from './inputs.js';
import { placeNodes } from './places.js';
import { scheduleKernels } from './schedule.js';
import { planMemory } from './memory.js';

export interface KernelOptions {
  readonly dtype: Dtype;
  /** Where errors say they come from (`compile`, `emit`, …). */
  readonly where: string;
  /** Nodes that keep kernels of their own (another function of the module shares them). */
  readonly materialize?: ReadonlySet<Node>;
}

export function kernelProgram(
  outputs: Readonly<Record<string, Node>>,
  inputs: readonly LeafNode[],
  options: KernelOptions,
): KernelProgram {
  const roots = Object.values(outputs);
  const nodes = toposort(roots);
  const isOutput = new Set(roots);
  const users = usersOf(nodes);
  const kernelInputs = describeInputs(inputs, users, isOutput);
  const dims = bindDims(batchSymbols(nodes), kernelInputs, options.where);
  const materialize = options.materialize ?? new Set();
  const fusion = planFusion({ nodes, users, isOutput, materialize });
  const { refs, seeds } = placeNodes(nodes, inputs, fusion);
  const kernels = scheduleKernels(seeds, refs, fusion, outputs);
  return {
    dtype: options.dtype,
    inputs: kernelInputs,
    dims,
    batchNeeds: neededBatchSizes(nodes),
    outputs,
    fusion,
    refs,
    kernels,
    memory: planMemory(kernels, refs, outputs),
  };
}
