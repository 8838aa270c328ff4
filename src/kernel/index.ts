/**
 * Graph → kernel IR, as a sequence of passes: inputs (what to check), fusion (what is computed in
 * whose loop), places (views, copies, kernels), schedule (each kernel's loops), targets (which
 * kernels run as wasm, on the wasm target), pipelining (two products over the same rows of X in one
 * pass), memory plan.
 */
import { toposort, usersOf } from '../ir/graph.js';
import type { LeafNode, Node } from '../ir/node.js';
import type { Dtype, KernelProgram, Target } from './ir.js';
import { assignTargets } from './targets.js';
import { planFusion } from './fuse.js';
import { batchSymbols, bindDims, describeInputs, neededBatchSizes } from './inputs.js';
import { placeNodes } from './places.js';
import { scheduleKernels } from './schedule.js';
import { planMemory } from './memory.js';
import { pipelineKernels } from './pipeline.js';

export interface KernelOptions {
  readonly dtype: Dtype;
  /** Where errors say they come from (`compile`, `emit`, …). */
  readonly where: string;
  /** Nodes that keep kernels of their own (another function of the module shares them). */
  readonly materialize?: ReadonlySet<Node>;
  /** Default 'ts'. */
  readonly target?: Target;
  /**
   * Pipelined pairs (./pipeline.ts); default true. Off in guard mode, which checks each kernel's
   * result right after it: a pipelined kernel writes a later kernel's result too.
   */
  readonly pipeline?: boolean;
  /** `toposort(Object.values(outputs))`, when the caller has it (not walked again). */
  readonly sorted?: readonly Node[];
}

export function kernelProgram(
  outputs: Readonly<Record<string, Node>>,
  inputs: readonly LeafNode[],
  options: KernelOptions,
): KernelProgram {
  const roots = Object.values(outputs);
  const nodes = options.sorted ?? toposort(roots);
  const isOutput = new Set(roots);
  // users of all but the scalar ops: fusion asks about tensors, the inputs' description about
  // leaves (a scalar graph's 10⁵ op nodes need no table)
  const users = usersOf(nodes, (a) => a.kind !== 'apply' || a.shape.length > 0);
  const kernelInputs = describeInputs(inputs, users, isOutput);
  const dims = bindDims(batchSymbols(nodes), kernelInputs, options.where);
  const materialize = options.materialize ?? new Set();
  const target = options.target ?? 'ts';
  const fused = planFusion({ nodes, users, isOutput, materialize });
  const placed = placeNodes(nodes, inputs, fused);
  const scheduled = scheduleKernels(placed.seeds, placed.refs, fused, outputs);
  const assigned =
    target === 'wasm'
      ? assignTargets(scheduled, placed.refs, fused, options.dtype)
      : { kernels: scheduled, refs: placed.refs, fusion: fused };
  const { refs, fusion } = assigned;
  const kernels =
    options.pipeline === false
      ? assigned.kernels
      : pipelineKernels(assigned.kernels, refs, outputs);
  return {
    dtype: options.dtype,
    target,
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
