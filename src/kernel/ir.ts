/**
 * The kernel IR: what a function computes, as kernels over buffers, before any target's syntax.
 * The passes (src/kernel/*.ts) build it from the optimized graph — fusion, places (views),
 * schedule, memory plan — and a renderer (src/render/ts.ts) spells it. It names no variable:
 * names belong to the target (its reserved words, its scopes); the IR refers to nodes.
 */
import type { ApplyNode, LeafNode, Node } from '../ir/node.js';
import type { Schedule, View } from '../ops/define.js';

export type { Schedule };

export type { Dtype } from './expr.js';
import type { Dtype } from './expr.js';

/** A function input and what the code must check about it. */
export interface KernelInput {
  readonly leaf: LeafNode;
  readonly isScalar: boolean;
  /** Product of the static dimensions. */
  readonly fixedSize: number;
  /** The symbolic dimension in its shape, if any. */
  readonly batchDim: string | undefined;
  /** For class labels (a `oneHot` operand): the number of classes every value must be below. */
  readonly classes?: number;
  /** No op and no output reads it (every output folded to a constant): it is checked only. */
  readonly unread?: true;
}

/**
 * Where a node's value is. A view's `buf` is empty: the buffer is its `base` node's (an input's
 * array, or the buffer a kernel writes), which the renderer names.
 */
export type Ref =
  | { readonly kind: 'const'; readonly value: number }
  /** A number held in a variable: a scalar input, or the result of a scalar step. */
  | { readonly kind: 'number'; readonly node: Node }
  /** The size of a batch dimension (the variable the function binds). */
  | { readonly kind: 'dim'; readonly symbol: string }
  | { readonly kind: 'view'; readonly view: View; readonly base: Node }
  /** Computed in the loop of the kernel whose value is `root` (a `const` in its body). */
  | { readonly kind: 'fused'; readonly root: Node }
  /** A matmul or reduction whose every result feeds the elementwise loop of `root` (its epilogue). */
  | { readonly kind: 'producer'; readonly root: Node };

/** Which node is computed in which consumer's loop (decided once per node). */
export interface FusionPlan {
  /** An elementwise node → the consumer it is computed in. */
  readonly fusedInto: ReadonlyMap<Node, ApplyNode>;
  /** A fused node → the node whose loop computes it (none: a node with a loop of its own). */
  readonly rootOf: ReadonlyMap<Node, Node>;
  /** An elementwise root → the loop op whose results it consumes as they are produced. */
  readonly producerOf: ReadonlyMap<Node, ApplyNode>;
}

interface KernelCommon {
  /** The node whose value the kernel defines (the root of a fused group). */
  readonly node: Node;
  /** Every node the kernel computes: fused producers and operands, then the root. */
  readonly computes: readonly Node[];
  /** The base nodes of the buffers it reads. */
  readonly reads: readonly Node[];
  /** Runs as a WebAssembly function (src/render/wasm.ts); else as TypeScript loops. */
  readonly target?: 'wasm';
}

/**
 * A kernel: one loop nest (or one statement) defining one value.
 * - `scalar`: an elementwise op over numbers, one statement;
 * - `map`: an elementwise group over a tensor; `flat` when every operand has the result's layout
 *   (one flat index serves all), else indexed per axis; `producer`: a loop op feeding it;
 * - `loop`: a structural op's loops (matmul, reductions, pad, …) with fused operands;
 * - `copy`: a layout op whose view needs a contiguous operand, copied into row-major order;
 * - `output`: a tensor output that is not a kernel's buffer (an input, a view), copied into one.
 */
export type Kernel =
  | (KernelCommon & { readonly kind: 'scalar'; readonly node: ApplyNode })
  | (KernelCommon & {
      readonly kind: 'map';
      readonly node: ApplyNode;
      readonly flat: boolean;
      readonly producer?: { readonly node: ApplyNode; readonly schedule?: Schedule };
      /** A later one-row product over the same rows of X, computed in this kernel's pass (./pipeline.ts). */
      readonly alsoComputes?: ApplyNode;
    })
  | (KernelCommon & {
      readonly kind: 'loop';
      readonly node: ApplyNode;
      readonly schedule?: Schedule;
      /** Computed by the kernel of this node, in its pass over X's rows (./pipeline.ts). */
      readonly computedIn?: Node;
    })
  | (KernelCommon & { readonly kind: 'copy'; readonly node: ApplyNode })
  | (KernelCommon & { readonly kind: 'output'; readonly key: string });

/** A buffer the function owns, allocated once per batch size; `size` is code in the batch dims. */
export interface Slot {
  readonly size: string;
  /** The output keys it holds (an output's buffer is never reused; empty for internal buffers). */
  readonly outputs: readonly string[];
}

/** Which buffer each kernel writes (by kernel index; scalar kernels and totals write none). */
export interface MemoryPlan {
  readonly slots: readonly Slot[];
  readonly slotOf: ReadonlyMap<number, number>;
}

export interface BatchNeed {
  readonly symbol: string;
  readonly min: number;
  readonly what: string;
}

/** Where kernels run: TypeScript loops only, or WebAssembly SIMD where a kernel can. */
export type Target = 'ts' | 'wasm';

export interface KernelProgram {
  readonly dtype: Dtype;
  readonly target: Target;
  readonly inputs: readonly KernelInput[];
  /** Symbolic dimensions: each with the input that binds it. */
  readonly dims: readonly { readonly symbol: string; readonly from: KernelInput }[];
  /** The least batch sizes ops need (x[-3:] along 'm': m ≥ 3), with the op as `what` (math). */
  readonly batchNeeds: readonly BatchNeed[];
  readonly outputs: Readonly<Record<string, Node>>;
  readonly fusion: FusionPlan;
  /** Where every node's value is (after the kernels that compute them have run). */
  readonly refs: ReadonlyMap<Node, Ref>;
  readonly kernels: readonly Kernel[];
  readonly memory: MemoryPlan;
}

/** The buffer a non-scalar kernel writes is its value's: `base` of the views that read it. */
export function writesBuffer(k: Kernel): boolean {
  return k.kind !== 'scalar' && k.node.shape.length > 0;
}
