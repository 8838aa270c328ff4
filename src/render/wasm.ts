/**
 * Kernel IR → WebAssembly: a kernel the targets pass gave `target: 'wasm'` becomes one SIMD128
 * function (a shape-specialized GEMM with its epilogue, or an elementwise map: src/render/wasm/)
 * and the arguments the TypeScript around it passes: the batch sizes, a byte address per buffer
 * view it reads or writes, and the numbers its expression reads. The kernel IR's schedule is
 * what it spells; the tiles within a GEMM are the wasm kernels' own (register blocks, k blocks).
 */
import type { Node } from '../ir/node.js';
import { E, type Expr } from '../kernel/expr.js';
import type { Dtype, Kernel, KernelProgram, Ref } from '../kernel/ir.js';
import { groupExpr, linOf, type Lin } from '../kernel/targets.js';
import type { View as BufferView } from '../ops/define.js';
import { elementwiseFunc, gemmFunc, type Func, type KernelParam, type View } from './wasm/index.js';

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
    const lead = dims.length - v.dims.length;
    const strides = dims.map((_, a) => {
      const k = a - lead;
      if (k < 0 || v.dims[k] === '1') return 0;
      return lin(v.strides[k]!);
    });
    return { base: { param: this.address(base, v.offset) }, strides };
  }
}

/** Row-major strides of `dims` as Lin (the buffer a kernel writes). */
function rowMajor(dims: readonly string[]): Lin[] {
  const strides: Lin[] = [];
  let literal = 1;
  let sym: string | undefined;
  for (let a = dims.length - 1; a >= 0; a--) {
    strides[a] = sym === undefined ? literal : { sym, mul: literal };
    const d = dims[a]!;
    if (/^\d+$/.test(d)) literal *= Number(d);
    else sym = d;
  }
  return strides;
}

/**
 * The expression of `root`'s group with its operands as loads of views over `dims` (numbers as
 * constants or parameters); `acc` for `producer`.
 */
function expression(
  p: KernelProgram,
  P: Params,
  root: Node,
  dims: readonly string[],
  views: View[],
  producer?: Node,
): Expr {
  const loads = new Map<Node, number>();
  const e = groupExpr(p.fusion, root, (a) => {
    if (a === producer) return E.acc;
    const r = p.refs.get(a)!;
    if (r.kind !== 'view') return P.number(r);
    let i = loads.get(a);
    if (i === undefined) {
      i = views.length;
      views.push(P.view(r.view, r.base, dims));
      loads.set(a, i);
    }
    return E.load(i);
  });
  if (e === undefined) throw new Error('internal: a wasm kernel without an expression');
  return e;
}

function symbolsOf(p: KernelProgram): string[] {
  return p.dims.map((d) => d.symbol);
}

/** The wasm function `name` for kernel `k` of `p`, and the arguments of its call. */
export function wasmKernel(p: KernelProgram, k: Kernel, name: string, dtype: Dtype): WasmKernel {
  const P = new Params(symbolsOf(p));
  const dims = k.node.shape.map(String);
  const out = (): View => ({ base: { param: P.address(k.node, []) }, strides: rowMajor(dims) });
  if (k.kind === 'loop' || (k.kind === 'map' && k.producer)) {
    const op = k.kind === 'loop' ? k.node : k.producer!.node;
    const [a, b] = op.args.map((x) => p.refs.get(x)!) as [Ref, Ref];
    if (a.kind !== 'view' || b.kind !== 'view') throw new Error('internal: wasm matmul operands');
    const views: View[] = [];
    const c = out();
    const spec = {
      name,
      dtype,
      n: lin(dims[0]!),
      k: lin(String(op.args[0]!.shape[1]!)),
      m: lin(dims[1]!),
      a: P.view(a.view, a.base, a.view.dims),
      b: P.view(b.view, b.base, b.view.dims),
      c,
      views,
    };
    const epilogue = k.kind === 'map' ? expression(p, P, k.node, dims, views, op) : undefined;
    const func = gemmFunc({ ...spec, params: P.params, ...(epilogue ? { epilogue } : {}) });
    return { func, args: P.args };
  }
  if (k.kind === 'map') {
    const o = out();
    const views: View[] = [];
    const expr = expression(p, P, k.node, dims, views);
    const func = elementwiseFunc({
      name,
      dtype,
      params: P.params,
      shape: dims.map(lin),
      out: o,
      views,
      expr,
    });
    return { func, args: P.args };
  }
  throw new Error(`internal: a ${k.kind} kernel on the wasm target`);
}
