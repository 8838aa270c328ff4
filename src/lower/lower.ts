/**
 * Graph → the lowered program the module skeleton is written around: the kernel IR's passes
 * (src/kernel/: inputs, fusion, places, schedule, memory plan), then the TypeScript renderer
 * (src/render/ts.ts). The result is plain data: the emitter prints it, tests count its kernels
 * and buffers.
 */
import type { LeafNode, Node } from '../ir/node.js';
import type { Namer } from '../emit/names.js';
import { kernelProgram } from '../kernel/index.js';
import type { BatchNeed, Dtype } from '../kernel/ir.js';
import { renderProgram, type StagedNames, type WasmNaming } from '../render/ts.js';
import type { Func } from '../render/wasm/index.js';
import type { Target } from '../kernel/ir.js';

export type { BatchNeed, Dtype };

export interface LoweredInput {
  readonly leaf: LeafNode;
  /** Local variable holding the value (a number or a typed array). */
  readonly name: string;
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

export interface LoweredStep {
  /** The node whose value the step defines (the root of a fused group). */
  readonly node: Node;
  /** Every node the step computes: fused producers and operands, then the root. */
  readonly nodes: readonly Node[];
  readonly name: string;
  /** What it computes, e.g. `dZ2 = A2 − Y`, with the call site. */
  readonly comment: string;
  readonly lines: readonly string[];
  /** `scalar`: a `const` number; `kernel`: a loop nest writing a buffer (or a total). */
  readonly kind: 'scalar' | 'kernel';
  /** The buffer the kernel writes (none for scalars and totals). */
  readonly buffer?: string;
  /**
   * The top-level names (inputs, batch sizes, other steps' results) its lines read, in order of
   * first use: what `stepReads` (src/emit/scope.ts) finds in them, recorded by the renderer as it
   * writes them. None: not recorded (lines added after rendering), `stepReads` finds them.
   */
  readonly reads?: readonly string[];
}

/** A preallocated buffer; `size` is code in the batch dimension, e.g. `4 * m`. */
export interface BufferSlot {
  readonly name: string;
  readonly size: string;
  /** Holds an output: never reused, handed to the caller as an exact-length view. */
  /** The output keys it holds (an output is never reused; empty for internal buffers). */
  readonly outputs: readonly string[];
}

export interface LoweredOutput {
  readonly key: string;
  readonly node: Node;
  /** Expression for a scalar output, or the buffer / input holding a tensor output. */
  readonly expr: string;
  readonly isScalar: boolean;
  /** For tensor outputs: the element count, as code. */
  readonly size: string;
  /** What it computes, in the names the code declares (for the module's header). */
  readonly formula: string;
}

export interface LoweredProgram {
  readonly dtype: Dtype;
  readonly inputs: readonly LoweredInput[];
  /** Symbolic dimensions: their variable and the input that binds them. */
  readonly dims: readonly { readonly symbol: string; readonly from: LoweredInput }[];
  /** The least batch sizes ops need (x[-3:] along 'm': m ≥ 3), with the op as `what` (math). */
  readonly batchNeeds: readonly BatchNeed[];
  readonly steps: readonly LoweredStep[];
  readonly buffers: readonly BufferSlot[];
  readonly outputs: readonly LoweredOutput[];
  /** The names taken so far (so the emitter can add helpers without clashes). */
  readonly namer: Namer;
  /** The wasm target: the kernels' functions, and the inputs they read from the memory. */
  readonly wasm?: {
    readonly funcs: readonly Func[];
    readonly staged: readonly (StagedNames & { readonly input: LoweredInput })[];
  };
}

export function lower(
  outputs: Readonly<Record<string, Node>>,
  inputs: readonly LeafNode[],
  dtype: Dtype,
  namer: Namer,
  where: string,
  /** Where module-level names (buffers) come from; default `namer`. */
  moduleNamer: Namer = namer,
  /**
   * Nodes computed by kernels of their own, never fused into a consumer: the kernels another
   * function of the module has for them, so that the two functions can share that code.
   */
  materialize: ReadonlySet<Node> = new Set(),
  /** The wasm target's names (its kernels run as WebAssembly where they can); none: TS only. */
  wasm?: WasmNaming,
  /**
   * `pipeline`: pipelined pairs (src/kernel/pipeline.ts), default on (off in guard mode);
   * `sorted`: `toposort(Object.values(outputs))`, when the caller has it.
   */
  extra: { readonly pipeline?: boolean; readonly sorted?: readonly Node[] } = {},
): LoweredProgram {
  const target: Target = wasm ? 'wasm' : 'ts';
  const options = { dtype, where, materialize, target, ...extra };
  const program = kernelProgram(outputs, inputs, options);
  return renderProgram(program, namer, where, moduleNamer, wasm);
}
