/**
 * WebAssembly SIMD128 kernels for the wasm renderer: shape-specialized GEMMs (./gemm.ts),
 * elementwise and sum-reduction kernels (./elementwise.ts) with fused expressions (./expr.ts),
 * encoded to bytes (./encoder.ts) and printed as WAT (./wat.ts) from one instruction list.
 */
import { encodeModule } from './encoder.js';
import type { Func, ImportedFunc } from './instr.js';
import { printWat } from './wat.js';

export {
  E,
  evalExpr,
  type Cmp,
  type Dtype,
  type Expr,
  type UnaryOp,
  type BinaryOp,
} from '../../kernel/expr.js';
export {
  defaultTiles,
  gemmForm,
  gemmFunc,
  type GemmForm,
  type GemmSpec,
  type GemmTiles,
} from './gemm.js';
export {
  elementwiseFunc,
  reduceForm,
  reduceFunc,
  type ElementwiseSpec,
  type ReduceForm,
  type ReduceSpec,
} from './elementwise.js';
export type { Base, KernelParam, Lin, View } from './kernel.js';
export { instantiate, simdSupported, wasmApi } from './runtime.js';
export type { Func, ImportedFunc, Module } from './instr.js';

/** A module of kernel functions (each exported under its name): its bytes and its WAT text. */
export function kernelModule(
  funcs: readonly Func[],
  memoryPages = 1,
  imports: readonly ImportedFunc[] = [],
): { bytes: Uint8Array; wat: string } {
  const m = { memoryPages, imports, funcs };
  return { bytes: encodeModule(m), wat: printWat(m) };
}
