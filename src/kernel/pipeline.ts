/**
 * Pipelining: two matmuls that read the rows of the same X become one pass over them. A kernel
 * whose producer is a one-column product of X's rows — dw = X·dZᵀ, with w's update as its
 * epilogue (w' = w − lr·dw) — and a later one-row product over X whose left operand is that
 * kernel's result — P' = w'ᵀX, a full-batch fit's next product (src/train/pipeline.ts) — are
 * rendered as one loop nest (the TS target: matmul's emitPair) or one function (the wasm target:
 * src/render/wasm/pipeline.ts) that reads each block of X's rows once for both, when both kernels
 * run on the same target. The first kernel `alsoComputes` the second, which is then
 * `computedIn` the first: its buffer is written earlier than its place in the order, so it must be
 * an output's (never shared by the memory plan); nothing between them can read it (they read their
 * operands, and it is computed from the first kernel's result).
 *
 * X's batch axis is the dot products' k: a batch dimension (so that the wasm dot form does not
 * block k), along which X's rows are contiguous. The gradient may be a column (X·dZᵀ, for P = wᵀX)
 * or a row (dZ·Xᵀ, for P = WX with W of one row): the same dot products.
 */
import type { Node } from '../ir/node.js';
import type { View } from '../ops/define.js';
import type { Kernel, Ref } from './ir.js';

const sameView = (a: View, b: View) =>
  a.dims.join() === b.dims.join() &&
  a.strides.join() === b.strides.join() &&
  a.offset.join() === b.offset.join();

const transposed = (v: View): View | undefined =>
  v.dims.length === 2
    ? {
        ...v,
        dims: [v.dims[1]!, v.dims[0]!],
        strides: [v.strides[1]!, v.strides[0]!],
      }
    : undefined;

/** Whether a dim's code is a literal size (not a batch dimension). */
const linLiteral = (d: string) => /^\d+$/.test(d);

const view = (refs: ReadonlyMap<Node, Ref>, n: Node | undefined) => {
  const r = n && refs.get(n);
  return r?.kind === 'view' ? r : undefined;
};

/** The kernels with every pipelined pair marked (see the module). */
export function pipelineKernels(
  kernels: readonly Kernel[],
  refs: ReadonlyMap<Node, Ref>,
  outputs: Readonly<Record<string, Node>>,
): Kernel[] {
  const isOutput = new Set(Object.values(outputs));
  const out = [...kernels];
  const writer = new Map<Node, number>();
  kernels.forEach((k, i) => {
    if (k.kind === 'map' || k.kind === 'loop') writer.set(k.node, i);
  });
  kernels.forEach((z, iz) => {
    if (z.kind !== 'loop' || z.node.op !== 'matmul') return;
    if (!isOutput.has(z.node) || z.node.shape[0] !== 1) return;
    const a = view(refs, z.node.args[0]);
    const X = view(refs, z.node.args[1]);
    const ig = a ? writer.get(a.base) : undefined;
    const g = ig === undefined ? undefined : out[ig];
    if (!a || !X || !g || g.kind !== 'map' || g.target !== z.target || g.alsoComputes) return;
    const p = g.producer?.node;
    if (p?.op !== 'matmul' || a.view.offset.length > 0) return;
    // dw = X·dZᵀ (a column), or dW = dZ·Xᵀ (a row: the same products, transposed)
    const readsX = (column: boolean) => {
      if (g.node.shape[column ? 1 : 0] !== 1) return false;
      const gX = view(refs, p.args[column ? 0 : 1]);
      const B = view(refs, p.args[column ? 1 : 0]);
      const xView = gX && (column ? gX.view : transposed(gX.view));
      return (
        !!B &&
        !!xView &&
        gX.base === X.base &&
        sameView(xView, X.view) &&
        B.view.strides[column ? 0 : 1] === '1'
      );
    };
    if (linLiteral(X.view.dims[1]!) || X.view.strides[1] !== '1') return;
    if (!readsX(true) && !readsX(false)) return;
    out[ig!] = { ...g, alsoComputes: z.node };
    out[iz] = { ...z, computedIn: g.node };
  });
  return out;
}
