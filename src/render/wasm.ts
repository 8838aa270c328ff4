/**
 * Kernel IR → WebAssembly: a kernel the targets pass gave `target: 'wasm'` becomes one SIMD128
 * function (a shape-specialized GEMM or a sum over two runs of axes, each with its epilogue, or
 * an elementwise map: src/render/wasm/)
 * and the arguments the TypeScript around it passes: the batch sizes, a byte address per buffer
 * view it reads or writes, and the numbers its expression reads. Which kernels and what they
 * fuse is the kernel IR's; a GEMM's form (rows, dot, scalar) and tiles are still chosen by the
 * GEMM generator itself (src/render/wasm/gemm.ts), except where matmul's schedule streams B once
 * past a one-row C (src/render/wasm/stream.ts). A pipelined pair of the kernel IR
 * (src/kernel/pipeline.ts) is one function that computes both in one pass over X's rows
 * (src/render/wasm/pipeline.ts).
 */
import type { ApplyNode, Node } from '../ir/node.js';
import { E, type Expr } from '../kernel/expr.js';
import type { Dtype, Kernel, KernelProgram, Ref, Schedule } from '../kernel/ir.js';
import { linOf, runSizes, runStrides, spaceStrides, type Lin } from '../kernel/lin.js';
import { groupExpr, sumSpace, summandExpr, type SumSpace } from '../kernel/targets.js';
import { rowMajorStrides, type View as BufferView } from '../ops/define.js';
import {
  elementwiseFunc,
  gemmFunc,
  pipelineFunc,
  pipelineProblem,
  PIPELINE_ROWS,
  reduceFunc,
  transposedSpec,
  streamFunc,
  streams,
  type GemmSpec,
  type Func,
  type KernelParam,
  type View,
} from './wasm/index.js';

/** What the TypeScript passes for one parameter of a wasm kernel. */
export type WasmArg =
  | { readonly kind: 'dim'; readonly symbol: string }
  /** The byte address of a view's first element: its base's buffer plus the view's offset. */
  | { readonly kind: 'address'; readonly base: Node; readonly offset: readonly string[] }
  | { readonly kind: 'number'; readonly ref: Ref };

export interface WasmKernel {
  readonly func: Func;
  readonly args: readonly WasmArg[];
}

const lin = (code: string): Lin => {
  const l = linOf(code);
  if (l === undefined) throw new Error(`internal: a wasm kernel with the size ${code}`);
  return l;
};

/** The parameters of one kernel function being built, and their arguments. */
class Params {
  readonly params: KernelParam[] = [];
  readonly args: WasmArg[] = [];
  private readonly addresses = new Map<string, string>();
  private readonly numbers = new Map<Node | string, string>();

  constructor(symbols: readonly string[]) {
    for (const symbol of symbols) {
      this.params.push({ name: symbol, type: 'i32' });
      this.args.push({ kind: 'dim', symbol });
    }
  }

  /** The i32 parameter holding the address of `base`'s buffer at `offset` (one per distinct one). */
  address(base: Node, offset: readonly string[]): string {
    const key = `${base.id}:${offset.join('+')}`;
    let name = this.addresses.get(key);
    if (!name) {
      name = `p${this.addresses.size}`;
      this.addresses.set(key, name);
      this.params.push({ name, type: 'i32' });
      this.args.push({ kind: 'address', base, offset });
    }
    return name;
  }

  /** A number operand: a constant inline, anything else a scalar parameter. */
  number(r: Ref): Expr {
    if (r.kind === 'const') return E.c(r.value);
    const key = r.kind === 'number' ? r.node : r.kind === 'dim' ? `dim:${r.symbol}` : undefined;
    if (key === undefined) throw new Error(`internal: ${r.kind} read as a number in wasm`);
    let name = this.numbers.get(key);
    if (!name) {
      name = `s${this.numbers.size}`;
      this.numbers.set(key, name);
      this.params.push({ name, type: 'scalar' });
      this.args.push({ kind: 'number', ref: r });
    }
    return E.param(name);
  }

  /** A buffer view over the index space `dims` (the view broadcast to it, as the TS loops read it). */
  view(v: BufferView, base: Node, dims: readonly string[]): View {
    return this.viewWith(v, base, spaceStrides(v, dims));
  }

  /** View `v` of `base`'s buffer with `strides` (undefined: not addressable, an internal error). */
  viewWith(v: BufferView, base: Node, strides: readonly Lin[] | undefined): View {
    if (!strides) throw new Error(`internal: a wasm view with strides ${v.strides.join(', ')}`);
    return { base: { param: this.address(base, v.offset) }, strides };
  }
}

/**
 * The operands of an expression as loads of views (each once, appended to `views`; `view` makes a
 * view of a buffer), numbers as constants or parameters, `acc` for `producer`.
 */
function operands(
  p: KernelProgram,
  P: Params,
  view: (v: BufferView, base: Node) => View,
  views: View[],
  producer?: Node,
): (a: Node) => Expr {
  const loads = new Map<Node, number>();
  return (a) => {
    if (a === producer) return E.acc;
    const r = p.refs.get(a)!;
    if (r.kind !== 'view') return P.number(r);
    let i = loads.get(a);
    if (i === undefined) {
      i = views.length;
      views.push(view(r.view, r.base));
      loads.set(a, i);
    }
    return E.load(i);
  };
}

/** Views over the index space `dims`. */
const over =
  (P: Params, dims: readonly string[]) =>
  (v: BufferView, base: Node): View =>
    P.view(v, base, dims);

function defined(e: Expr | undefined): Expr {
  if (e === undefined) throw new Error('internal: a wasm kernel without an expression');
  return e;
}

function symbolsOf(p: KernelProgram): string[] {
  return p.dims.map((d) => d.symbol);
}

/** A kernel's wasm function being built: its program, parameters, name and dtype. */
interface Build {
  readonly p: KernelProgram;
  readonly P: Params;
  readonly name: string;
  readonly dtype: Dtype;
}

/** The view of the buffer kernel `k` writes, row-major over its dims. */
const written = (b: Build, k: Kernel): View => ({
  base: { param: b.P.address(k.node, []) },
  strides: rowMajorStrides(k.node.shape.map(String)).map(lin),
});

/** The GEMM of a matmul `op` into `k`'s buffer, with `k`'s group as its epilogue when `k` is a map. */
function gemmSpec(b: Build, k: Kernel, op: ApplyNode): GemmSpec {
  const { p, P } = b;
  const dims = k.node.shape.map(String);
  const [x, y] = op.args.map((a) => p.refs.get(a)!) as [Ref, Ref];
  if (x.kind !== 'view' || y.kind !== 'view') throw new Error('internal: wasm matmul operands');
  const views: View[] = [];
  const c = written(b, k);
  const a = P.view(x.view, x.base, x.view.dims);
  const bv = P.view(y.view, y.base, y.view.dims);
  const epilogue =
    k.kind === 'map'
      ? defined(groupExpr(p.fusion, k.node, operands(p, P, over(P, dims), views, op)))
      : undefined;
  const spec: GemmSpec = {
    name: b.name,
    dtype: b.dtype,
    params: P.params,
    n: lin(dims[0]!),
    k: lin(String(op.args[0]!.shape[1]!)),
    m: lin(dims[1]!),
    a,
    b: bv,
    c,
    views,
    ...(epilogue ? { epilogue } : {}),
    // the module's scratch area: the memory's first bytes, the buffers laid out after it
    // (wasmModule.ts writeLayout)
    scratch: 0,
  };
  return spec;
}

/** A matmul `op` into `k`'s buffer, with `k`'s group as its epilogue when `k` is a map. */
function gemmKernel(b: Build, k: Kernel, op: ApplyNode): Func {
  const spec = gemmSpec(b, k, op);
  // matmul's schedule streams B once for a C that stays in cache (row updates, cSmall): for one
  // row of C the wasm kernel does too, `depth` rows of B at a time
  const s = scheduleOf(k);
  const stream = s?.form === 'rows' && s.cSmall === true && typeof s.depth === 'number';
  return stream && streams(spec) ? streamFunc(spec, s.depth as number) : gemmFunc(spec);
}

/**
 * A pipelined pair (src/kernel/pipeline.ts): `k`'s GEMM over the rows of X and the one-row
 * product `also` over them, which `k`'s function computes in the same pass.
 */
function pipelinedKernel(b: Build, k: Kernel, op: ApplyNode, also: ApplyNode): Func {
  const z = b.p.kernels.find((x) => x.kind === 'loop' && x.node === also);
  if (!z) throw new Error('internal: a pipelined product without its kernel');
  const g = gemmSpec(b, k, op);
  const zs = gemmSpec(b, z, also);
  // a row of gradients dZ·Xᵀ is the column X·dZᵀ transposed: the same dot products
  const column = pipelineProblem(g, zs) === undefined ? g : transposedSpec(g);
  return pipelineFunc(column, zs, PIPELINE_ROWS);
}

/** The schedule matmul's rule chose for kernel `k`'s loops (the TS target's loop form). */
const scheduleOf = (k: Kernel): Schedule | undefined =>
  k.kind === 'loop' ? k.schedule : k.kind === 'map' ? k.producer?.schedule : undefined;

/**
 * A sum `op` over its space (two runs of the operand's axes, one summed; the summand: the
 * operand's fused group) into `k`'s buffer, with `k`'s group as its epilogue when `k` is a map.
 * The result's kept run is contiguous in its buffer (stride 1); the epilogue reads along it.
 */
function reduceKernel(b: Build, k: Kernel, op: ApplyNode, space: SumSpace): Func {
  const { p, P } = b;
  const opDims = op.args[0]!.shape.map(String);
  const dims = k.node.shape.map(String);
  const out: View = { base: { param: P.address(k.node, []) }, strides: [1] };
  const views: View[] = [];
  const along =
    (ds: readonly string[], runs: readonly (readonly number[])[]) => (v: BufferView, base: Node) =>
      P.viewWith(v, base, runStrides(v, ds, runs));
  const summand = defined(
    summandExpr(p.fusion, op, operands(p, P, along(opDims, space.runs), views)),
  );
  const epilogueViews: View[] = [];
  const epilogue =
    k.kind === 'map'
      ? defined(
          groupExpr(p.fusion, k.node, operands(p, P, along(dims, [space.kept]), epilogueViews, op)),
        )
      : undefined;
  const [n, m] = runSizes(opDims, space.runs)!;
  return reduceFunc({
    name: b.name,
    dtype: b.dtype,
    params: P.params,
    shape: [n!, m!],
    axis: space.axis,
    views,
    summand,
    out,
    ...(epilogue ? { epilogue, epilogueViews } : {}),
  });
}

/** An elementwise map: `k`'s group over its dims. */
function mapKernel(b: Build, k: Kernel): Func {
  const { p, P } = b;
  const dims = k.node.shape.map(String);
  const out = written(b, k);
  const views: View[] = [];
  const expr = defined(groupExpr(p.fusion, k.node, operands(p, P, over(P, dims), views)));
  return elementwiseFunc({
    name: b.name,
    dtype: b.dtype,
    params: P.params,
    shape: dims.map(lin),
    out,
    views,
    expr,
  });
}

/** The wasm function `name` for kernel `k` of `p`, and the arguments of its call. */
export function wasmKernel(p: KernelProgram, k: Kernel, name: string, dtype: Dtype): WasmKernel {
  const b: Build = { p, P: new Params(symbolsOf(p)), name, dtype };
  const op = k.kind === 'loop' ? k.node : k.kind === 'map' ? k.producer?.node : undefined;
  const space = op ? sumSpace(op) : undefined;
  const also = k.kind === 'map' ? k.alsoComputes : undefined;
  const func =
    op?.op === 'matmul' && also
      ? pipelinedKernel(b, k, op, also)
      : op?.op === 'matmul'
        ? gemmKernel(b, k, op)
        : op && space
          ? reduceKernel(b, k, op, space)
          : k.kind === 'map' && !op
            ? mapKernel(b, k)
            : undefined;
  if (!func) throw new Error(`internal: a ${k.kind} kernel on the wasm target`);
  return { func, args: b.P.args };
}
