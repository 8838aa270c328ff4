/**
 * WebAssembly SIMD128 kernels for the wasm renderer: shape-specialized GEMMs (./gemm.ts, ./dot.ts,
 * ./stream.ts, ./pack.ts), a pipelined pass over X's rows for two products (./pipeline.ts),
 * elementwise and sum-reduction kernels (./elementwise.ts) with fused expressions
 * (src/kernel/expr.ts), encoded to bytes (./encoder.ts) and printed as WAT (./wat.ts) from one
 * instruction list.
 */
import { encodeModule } from './encoder.js';
import { MATH_FNS } from '../../kernel/expr.js';
import type { Func, ImportedFunc, Module } from './instr.js';
import type { MathFn } from '../../kernel/expr.js';
import { printWat } from './wat.js';

export {
  E,
  evalExpr,
  MATH_FNS,
  type MathFn,
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
  transposedSpec,
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
export { streamFunc, streams } from './stream.js';
export { pipelineFunc, pipelineProblem, PIPELINE_ROWS } from './pipeline.js';
export type { Base, KernelParam, Lin, View } from './kernel.js';
export { instantiate, simdSupported, wasmApi } from './runtime.js';
export type { Func, ImportedFunc, Module } from './instr.js';

/** Math's function `fn` as a kernel module's import `env.<fn>`, f64 → f64. */
const mathImport = (fn: MathFn): ImportedFunc => ({
  module: 'env',
  field: fn,
  name: fn,
  params: ['f64'],
  results: ['f64'],
});

/**
 * A module of kernel functions (each exported under its name), importing `env.memory` (at least
 * `memoryPages` pages of 64 KiB) and the Math functions of MATH_FNS its kernels call (`imports`,
 * in MATH_FNS order; none when they call none): its bytes and its WAT text.
 */
export function kernelModule(
  funcs: readonly Func[],
  memoryPages = 1,
): { bytes: Uint8Array; wat: string; imports: readonly MathFn[] } {
  const { funcs: used, imports } = importsUsed(funcs);
  const m = { memoryPages, imports: imports.map(mathImport), ...distinct(used) };
  return { bytes: encodeModule(m), wat: printWat(m), imports };
}

/**
 * The Math functions `funcs` call (their `call` immediates index MATH_FNS), and the functions
 * with those calls renumbered to index the used ones alone.
 */
function importsUsed(funcs: readonly Func[]): { funcs: Func[]; imports: MathFn[] } {
  const called = new Set<number>();
  for (const f of funcs) for (const i of f.body) if (i.op === 'call') called.add(i.a!);
  const order = [...called].sort((a, b) => a - b);
  const index = new Map(order.map((fn, k) => [fn, k]));
  const renumber = (f: Func): Func => ({
    ...f,
    body: f.body.map((i) => (i.op === 'call' ? { ...i, a: index.get(i.a!)! } : i)),
  });
  return {
    funcs: called.size ? funcs.map(renumber) : [...funcs],
    imports: order.map((k) => MATH_FNS[k]!),
  };
}

/**
 * Functions whose code is the same (predict's forward and the step's, compiled apart) are defined
 * once and exported under each name.
 */
function distinct(funcs: readonly Func[]): Pick<Module, 'funcs' | 'aliases'> {
  const first = new Map<string, string>();
  const kept: Func[] = [];
  const aliases: { name: string; of: string }[] = [];
  for (const f of funcs) {
    const key = JSON.stringify([
      f.params.map((p) => p.type),
      f.results,
      f.locals.map((l) => l.type),
      f.body,
    ]);
    const of = first.get(key);
    if (of === undefined) {
      first.set(key, f.name);
      kept.push(f);
    } else aliases.push({ name: f.name, of });
  }
  return { funcs: kept, aliases };
}
