/**
 * Graph → loop program. The plan, in order:
 * - layout ops (transpose, reshape, broadcast) become views: indexing, never copies;
 * - an elementwise node used once by an elementwise consumer of the same shape (or by a sum) is
 *   fused into that consumer's loop, as a `const` in the loop body;
 * - a matmul or reduction used once by an elementwise consumer of its shape gets that consumer as
 *   its epilogue (bias, activation, 1/m applied as each result is produced);
 * - every remaining tensor op is one kernel writing one buffer; buffers are planned by liveness
 *   (reused when the last reader is done) and allocated once per batch size, outside the call.
 * Static sizes are literals; only the batch dimension is a variable. The program is plain data:
 * the emitter prints it, tests count its kernels and buffers.
 */
import { GradgenError } from '../errors.js';
import { toposort, usersOf } from '../ir/graph.js';
import { nameHint, type ApplyNode, type LeafNode, type Node } from '../ir/node.js';
import { sameShape } from '../ir/shape.js';
import { formula } from '../ir/print.js';
import {
  forLoop,
  isContiguous,
  joinIndex,
  numberLiteral,
  rowMajorStrides,
  sizeExpr,
  type KernelOperand,
  type KernelWriter,
  type View,
  viewElement,
} from '../ops/define.js';
import { opDef } from '../ops/index.js';
import { Namer } from '../emit/names.js';
import { Citations } from './cite.js';

export type Dtype = 'float64' | 'float32';

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

export interface BatchNeed {
  readonly symbol: string;
  readonly min: number;
  readonly what: string;
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
}

/** The loop ops that reduce their operand: elementwise producers fuse into their loops. */
const REDUCTIONS: ReadonlySet<string> = new Set([
  'sum',
  'reduceMax',
  'reduceMin',
  'argmax',
  'argmin',
]);
const COMMENT_WIDTH = 60;
/** The header's formulas: one per line, wider and deeper than a kernel's comment. */
const HEADER_WIDTH = 100;
const HEADER_DEPTH = 8;

type Ref =
  | { readonly kind: 'scalar'; readonly expr: string }
  | { readonly kind: 'view'; readonly view: View; readonly base: Node }
  | { readonly kind: 'fused'; readonly root: Node }
  | { readonly kind: 'producer'; readonly root: Node };

/** The fewest classes of the `oneHot` nodes that read `leaf` as labels (undefined: none). */
function labelClasses(leaf: Node, users: readonly Node[]): number | undefined {
  const counts = users.flatMap((u) =>
    u.kind === 'apply' && u.op === 'oneHot' ? [u.attrs.classes as number] : [],
  );
  return counts.length > 0 ? Math.min(...counts) : undefined;
}

const hole = (n: Node) => `\u0000${n.id}\u0000`;

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
): LoweredProgram {
  const roots = Object.values(outputs);
  const nodes = toposort(roots);
  const isOutput = new Set(roots);
  const users = usersOf(nodes);
  const uses = (n: Node) => (users.get(n)?.length ?? 0) + (isOutput.has(n) ? 1 : 0);
  const dimsOf = (n: Node) => n.shape.map(String);

  // ---- inputs and the batch dimensions they bind
  const symbols = new Set<string>();
  for (const n of nodes) for (const d of n.shape) if (typeof d === 'string') symbols.add(d);
  for (const s of symbols) {
    if (!namer.claim(s)) {
      throw new GradgenError(
        'E_BAD_NAME',
        `${where}: the batch dimension '${s}' clashes with a name in the generated code; rename the dimension`,
      );
    }
  }
  const name = new Map<Node, string>();
  const refs = new Map<Node, Ref>();
  const cite = new Citations(isOutput);
  const loweredInputs: LoweredInput[] = inputs.map((leaf) => {
    const local = namer.fresh(leaf.name);
    name.set(leaf, local);
    cite.declare(leaf, local);
    let fixed = 1;
    let batchDim: string | undefined;
    for (const d of leaf.shape) typeof d === 'number' ? (fixed *= d) : (batchDim = d);
    refs.set(
      leaf,
      leaf.shape.length === 0
        ? { kind: 'scalar', expr: local }
        : {
            kind: 'view',
            view: {
              buf: local,
              dims: dimsOf(leaf),
              strides: rowMajorStrides(dimsOf(leaf)),
              offset: [],
            },
            base: leaf,
          },
    );
    const classes = labelClasses(leaf, users.get(leaf) ?? []);
    return {
      leaf,
      name: local,
      isScalar: leaf.shape.length === 0,
      fixedSize: fixed,
      batchDim,
      ...(classes === undefined ? {} : { classes }),
      ...(users.has(leaf) || isOutput.has(leaf) ? {} : { unread: true as const }),
    };
  });
  const dims: { symbol: string; from: LoweredInput }[] = [];
  for (const s of symbols) {
    const from = loweredInputs.find((i) => i.batchDim === s);
    if (!from) {
      throw new GradgenError(
        'E_UNSUPPORTED',
        `${where}: the batch dimension '${s}' is not the size of any input of the function; list an input with it in options.inputs`,
      );
    }
    dims.push({ symbol: s, from });
  }
  const batchNeeds = neededBatchSizes(nodes);
  for (const [key, n] of Object.entries(outputs)) {
    if (n.kind === 'apply' && !name.has(n)) name.set(n, namer.fresh(key));
  }
  let temp = 0;
  const nameOf = (n: Node): string => {
    let v = name.get(n);
    if (!v) {
      const hint = nameHint(n);
      v = hint ? namer.fresh(hint) : namer.fresh(`t${temp++}`);
      name.set(n, v);
    }
    return v;
  };

  // ---- fusion decisions
  const elementwise = (n: Node): boolean =>
    n.kind === 'apply' && opDef(n.op).kind === 'elementwise' && !opDef(n.op).view;
  const loopOp = (n: Node): n is ApplyNode =>
    n.kind === 'apply' && (n.op === 'matmul' || REDUCTIONS.has(n.op));
  /** The consumer each elementwise node is fused into, if any (decided once per node). */
  const fusedIntoMap = new Map<Node, ApplyNode>();
  for (const n of nodes) {
    if (!elementwise(n) || n.shape.length === 0 || uses(n) !== 1 || isOutput.has(n)) continue;
    if (materialize.has(n)) continue;
    const c = users.get(n)![0]!;
    if (
      (elementwise(c) && sameShape(c.shape, n.shape)) ||
      (REDUCTIONS.has(c.op) && c.args[0] === n)
    )
      fusedIntoMap.set(n, c);
  }
  const fusedInto = (n: Node): ApplyNode | undefined => fusedIntoMap.get(n);
  /** The node whose loop computes `n`: `n` itself, or the end of its chain of fused consumers. */
  const rootOf = new Map<Node, Node>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    // users come after their operands in `nodes`: a consumer's root is known before its operands'
    const n = nodes[i]!;
    const c = fusedIntoMap.get(n);
    rootOf.set(n, c ? rootOf.get(c)! : n);
  }
  const groupRoot = (n: Node): Node => rootOf.get(n) ?? n;
  const producerOf = new Map<Node, ApplyNode>();
  const copies = new Set<Node>();
  for (const n of nodes) {
    if (!loopOp(n) || n.shape.length === 0 || uses(n) !== 1 || isOutput.has(n)) continue;
    if (materialize.has(n)) continue;
    const c = users.get(n)![0]!;
    if (!elementwise(c) || !sameShape(c.shape, n.shape)) continue;
    const root = groupRoot(c);
    if (!elementwise(root) || producerOf.has(root)) continue;
    producerOf.set(root, n);
    refs.set(n, { kind: 'producer', root });
  }

  // ---- steps
  const steps: LoweredStep[] = [];
  const readsOf = new Map<number, Set<Node>>(); // step index → base nodes it reads
  /** The comment on `n`'s code: its math in the names declared so far (`locals`: the loop's). */
  const commentFor = (n: Node, locals?: ReadonlyMap<Node, string>): string => {
    const text = cite.describe(n, {
      width: COMMENT_WIDTH,
      depth: 4,
      ...(locals ? { locals } : {}),
    });
    // interned nodes that only depend on the batch size are shared by every model: no one site
    const shared =
      n.kind === 'apply' &&
      n.args.every((a) => a.kind === 'const' || (a.kind === 'apply' && a.op === 'batchSize'));
    return `${text}${n.site && !shared ? `  [${n.site}]` : ''}`;
  };

  /**
   * The nodes computed in `owner`'s loop for its operand `anchor` (operands first, `anchor` last):
   * `anchor` and everything fused into `owner` below it. For an elementwise root, anchor = owner.
   */
  const groupOf = (anchor: Node, owner: Node = anchor): Node[] => {
    const group: Node[] = [];
    const inGroup = new Set<Node>();
    // depth-first, operands before users (iterative: a fused chain may be 10⁵ nodes long)
    const stack: { n: Node; next: number }[] = [];
    const enter = (n: Node) => {
      if (n.kind === 'apply') stack.push({ n, next: 0 });
    };
    enter(anchor);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const args = (top.n as ApplyNode).args;
      if (top.next < args.length) {
        const a = args[top.next++]!;
        if (fusedInto(a) && groupRoot(a) === owner && !inGroup.has(a)) enter(a);
        continue;
      }
      stack.pop();
      inGroup.add(top.n);
      group.push(top.n);
    }
    return group;
  };

  for (const n of nodes) {
    if (refs.has(n)) continue;
    if (n.kind === 'const') {
      refs.set(n, { kind: 'scalar', expr: numberLiteral(n.value) });
      continue;
    }
    if (n.kind !== 'apply') continue;
    const def = opDef(n.op);
    // views: layout ops over a buffer; over a number they stay that number
    if (def.view) {
      const arg = refs.get(n.args[0]!)!;
      if (arg.kind === 'scalar') {
        refs.set(n, arg);
        continue;
      }
      if (arg.kind === 'view') {
        const v = def.view(arg.view, n.attrs, dimsOf(n));
        if (v) {
          refs.set(n, { kind: 'view', view: v, base: arg.base });
          continue;
        }
        copies.add(n); // e.g. reshape of a transpose: copied into row-major order first
      }
    }
    const into = fusedInto(n);
    if (into) {
      refs.set(n, { kind: 'fused', root: groupRoot(n) });
      continue;
    }
    // a step of its own
    const stepIndex = steps.length;
    const reads = new Set<Node>();
    readsOf.set(stepIndex, reads);
    const local = namer.block();
    const lines: string[] = [];
    const out = nameOf(n);
    const isScalarOut = n.shape.length === 0;
    // the kernel writes through a local alias named after the node (`const A1 = buf3;`)
    const outBuf = out;

    /** Element of `a` at `idx` (indices over `iter` dims), recording what buffer it reads. */
    const access = (
      a: Node,
      idx: readonly (string | null)[],
      iterDims: readonly string[],
    ): string => {
      const r = refs.get(a)!;
      if (r.kind === 'scalar') return r.expr;
      if (r.kind !== 'view') throw new Error(`internal: ${r.kind} operand accessed directly`);
      reads.add(r.base);
      const lead = iterDims.length - r.view.dims.length;
      const terms: string[] = [];
      r.view.dims.forEach((d, k) => {
        const i = idx[lead + k];
        const s = r.view.strides[k]!;
        if (i === null || i === undefined || d === '1' || s === '0') return;
        terms.push(s === '1' ? i : `${i} * ${s}`);
      });
      return viewElement(r.view, terms);
    };
    /** Emits the fused group of `root` at `idx`; `produced` stands for the producer's value. */
    const emitGroup = (
      root: Node,
      idx: readonly (string | null)[],
      iterDims: readonly string[],
      produced?: string,
      owner: Node = root,
    ): string => {
      const producer = producerOf.get(owner);
      return emitGroupWith(
        root,
        (a) => (producer && a === producer ? produced! : access(a, idx, iterDims)),
        owner,
      );
    };
    const flatOf = (idx: readonly string[], dimsList: readonly string[]) => {
      const strides = rowMajorStrides(dimsList);
      const terms = idx
        .map((i, k) => (dimsList[k] === '1' ? '' : strides[k] === '1' ? i : `${i} * ${strides[k]}`))
        .filter(Boolean);
      return joinIndex(terms);
    };

    /** Records the kernel that computes `n` (and the nodes fused into it) and where its value is. */
    const finishKernel = (computed: readonly Node[]) => {
      const outDims = dimsOf(n);
      refs.set(
        n,
        isScalarOut
          ? { kind: 'scalar', expr: out }
          : {
              kind: 'view',
              view: { buf: outBuf, dims: outDims, strides: rowMajorStrides(outDims), offset: [] },
              base: n,
            },
      );
      cite.declare(n, out);
      steps.push({
        node: n,
        nodes: computed,
        name: out,
        comment: commentFor(n),
        lines,
        kind: 'kernel',
        ...(isScalarOut ? {} : { buffer: hole(n) }),
      });
    };

    if (copies.has(n)) {
      const arg = n.args[0]!;
      const argDims = dimsOf(arg);
      const idx = argDims.map((_, a) => local.fresh(`i${a}`));
      argDims.forEach((d, a) => lines.push(forLoop(idx[a]!, d)));
      // same element order: the flat index in the operand's shape is the flat index of the result
      lines.push(`${outBuf}[${flatOf(idx, argDims)}] = ${access(arg, idx, argDims)};`);
      argDims.forEach(() => lines.push('}'));
      finishKernel([n]);
      continue;
    }
    if (elementwise(n)) {
      // the root of a fused elementwise group
      const producer = producerOf.get(n);
      if (isScalarOut) {
        if (def.kind !== 'elementwise') throw new Error('internal: elementwise op without expr');
        const expr = def.expr(
          n.args.map((a) => access(a, [], [])),
          n.attrs,
        );
        cite.declare(n, out);
        steps.push({
          node: n,
          nodes: [n],
          name: out,
          comment: commentFor(n),
          lines: [`const ${out} = ${expr};`],
          kind: 'scalar',
        });
        refs.set(n, { kind: 'scalar', expr: out });
        continue;
      }
      const outDims = dimsOf(n);
      if (producer) {
        const pdef = opDef(producer.op);
        const writer = kernelWriter(producer, outDims, (idx, value) => {
          const expr = emitGroup(n, idx, outDims, value);
          lines.push(`${outBuf}[${flatOf(idx, outDims)}] = ${expr};`);
        });
        if (pdef.kind !== 'structural' || !pdef.emit)
          throw new Error('internal: producer without loops');
        pdef.emit(writer);
      } else {
        const group = groupOf(n);
        const members = new Set(group);
        const leavesRead = new Set<Node>();
        for (const g of group as ApplyNode[])
          for (const a of g.args) if (!members.has(a)) leavesRead.add(a);
        const flat = [...leavesRead].every((a) => {
          const r = refs.get(a)!;
          return (
            r.kind === 'scalar' ||
            (r.kind === 'view' && isContiguous(r.view) && r.view.dims.join() === outDims.join())
          );
        });
        if (flat) {
          const k = local.fresh('k');
          const size = sizeExpr(outDims);
          lines.push(forLoop(k, size));
          // every operand has the result's layout: one flat index serves them all
          const flatDims = [size];
          const flatAccess = (a: Node) => {
            const r = refs.get(a)!;
            if (r.kind === 'view') {
              reads.add(r.base);
              return viewElement(r.view, [k]);
            }
            return access(a, [k], flatDims);
          };
          const expr = emitGroupWith(n, flatAccess);
          lines.push(`${outBuf}[${k}] = ${expr};`);
          lines.push('}');
        } else {
          const idx = outDims.map((_, a) => local.fresh(`i${a}`));
          outDims.forEach((d, a) => lines.push(forLoop(idx[a]!, d)));
          const expr = emitGroup(n, idx, outDims);
          lines.push(`${outBuf}[${flatOf(idx, outDims)}] = ${expr};`);
          outDims.forEach(() => lines.push('}'));
        }
      }
      finishKernel([...(producer ? [producer] : []), ...groupOf(n)]);
      continue;
    }
    if (n.op === 'batchSize') {
      // the batch size is already a variable of the function
      refs.set(n, { kind: 'scalar', expr: n.attrs.dim as string });
      readsOf.delete(stepIndex);
      continue;
    }
    if (def.kind === 'structural' && def.emit) {
      // a loop op with no fused consumer: matmul, or a reduction (operands may be fused)
      const outDims = dimsOf(n);
      if (isScalarOut) lines.push(`let ${out} = 0;`);
      const writer = kernelWriter(n, outDims, (idx, value) => {
        lines.push(
          isScalarOut ? `${out} = ${value};` : `${outBuf}[${flatOf(idx, outDims)}] = ${value};`,
        );
      });
      def.emit(writer);
      finishKernel([n]);
      continue;
    }
    throw new Error(`internal: cannot lower ${n.op}`);

    /** The statements of `root`'s fused group (one `const` per node), reading operands with `operandAccess`. */
    function emitGroupWith(
      root: Node,
      operandAccess: (a: Node) => string,
      owner: Node = root,
    ): string {
      const group = groupOf(root, owner);
      const locals = new Map<Node, string>();
      let last = '';
      for (const g of group as ApplyNode[]) {
        const d = opDef(g.op);
        if (d.kind !== 'elementwise')
          throw new Error('internal: non-elementwise node in a fused group');
        const expr = d.expr(
          g.args.map((a) => locals.get(a) ?? operandAccess(a)),
          g.attrs,
        );
        if (g === root) {
          last = expr;
          break;
        }
        const hint = nameHint(g);
        const v = local.fresh(hint ?? 'e');
        lines.push(`const ${v} = ${expr}; // ${commentFor(g, locals)}`);
        locals.set(g, v);
        // a user's name is cited by later comments too (a temporary `e` is not: it means
        // another value in every loop)
        if (hint) cite.declare(g, v);
      }
      return last;
    }

    function kernelWriter(
      op: ApplyNode,
      outDims: readonly string[],
      store: (idx: readonly string[], value: string) => void,
    ): KernelWriter {
      const operands: KernelOperand[] = op.args.map((a) => {
        const r = refs.get(a);
        const fused = r === undefined ? fusedInto(a) !== undefined : r.kind === 'fused';
        return {
          dims: dimsOf(a),
          isScalar: r?.kind === 'scalar',
          rowContiguous:
            fused ||
            r?.kind === 'scalar' ||
            (r?.kind === 'view' &&
              (r.view.strides[r.view.strides.length - 1] === '1' ||
                r.view.dims[r.view.dims.length - 1] === '1')),
        };
      });
      return {
        outDims,
        outIsScalar: op.shape.length === 0,
        out,
        args: operands,
        attrs: op.attrs,
        epilogue: producerOf.has(n),
        line: (t) => lines.push(t),
        local: (base) => local.fresh(base),
        load: (i, idx) => {
          const a = op.args[i]!;
          const r = refs.get(a);
          if (r?.kind === 'fused' || (!r && fusedInto(a))) {
            return emitGroup(a, idx, dimsOf(a), undefined, op);
          }
          return access(a, idx, dimsOf(a));
        },
        store,
        outAt: (idx) => `${outBuf}[${flatOf(idx, outDims)}]`,
        zero: (from, to) => lines.push(`${outBuf}.fill(0, ${from}, ${to});`),
      };
    }
  }

  // ---- tensor outputs that are not a kernel's buffer (inputs, views, constants) get one
  const outs: Omit<LoweredOutput, 'formula'>[] = [];
  const copySteps: LoweredStep[] = [];
  for (const [key, n] of Object.entries(outputs)) {
    const r = refs.get(n)!;
    const size = sizeExpr(dimsOf(n));
    if (n.shape.length === 0) {
      outs.push({
        key,
        node: n,
        expr: r.kind === 'scalar' ? r.expr : viewElement((r as { view: View }).view, []),
        isScalar: true,
        size: '1',
      });
      continue;
    }
    const earlier = outs.find((o) => o.node === n);
    if (earlier) {
      outs.push({ ...earlier, key }); // the same node under another name: the same array
      continue;
    }
    if (r.kind === 'view' && r.base === n && n.kind === 'apply') {
      outs.push({ key, node: n, expr: hole(n), isScalar: false, size });
      continue;
    }
    // materialize: a copy into a buffer of the output's own
    const copyName = namer.fresh(key);
    const buf = copyName;
    const outDims = dimsOf(n);
    const lines: string[] = [];
    const idx = outDims.map((_, a) => `i${a}`);
    outDims.forEach((d, a) => lines.push(forLoop(idx[a]!, d)));
    let value: string;
    if (r.kind === 'scalar') value = r.expr;
    else {
      const v = (r as { view: View }).view;
      const terms = v.dims
        .map((d, k) =>
          d === '1' || v.strides[k] === '0'
            ? ''
            : v.strides[k] === '1'
              ? idx[k]
              : `${idx[k]} * ${v.strides[k]}`,
        )
        .filter((t): t is string => Boolean(t));
      value = viewElement(v, terms);
    }
    const flat = outDims
      .map((d, k) =>
        d === '1'
          ? ''
          : `${idx[k]}${rowMajorStrides(outDims)[k] === '1' ? '' : ` * ${rowMajorStrides(outDims)[k]}`}`,
      )
      .filter(Boolean);
    lines.push(`${buf}[${flat.join(' + ') || '0'}] = ${value};`);
    outDims.forEach(() => lines.push('}'));
    const comment = `${key} = ${commentFor(n)}`;
    cite.declare(n, copyName);
    copySteps.push({
      node: n,
      nodes: [],
      name: copyName,
      comment,
      lines,
      kind: 'kernel',
      buffer: `\u0000copy${outs.length}\u0000`,
    });
    readsOf.set(steps.length + copySteps.length - 1, new Set(r.kind === 'view' ? [r.base] : []));
    outs.push({ key, node: n, expr: `\u0000copy${outs.length}\u0000`, isScalar: false, size });
  }
  const allSteps = [...steps, ...copySteps];

  // ---- memory plan: one slot per kernel result; outputs own theirs, the rest reuse by liveness
  const lastRead = new Map<Node, number>();
  readsOf.forEach((set, s) =>
    set.forEach((b) => lastRead.set(b, Math.max(lastRead.get(b) ?? -1, s))),
  );
  for (const n of Object.values(outputs)) {
    const r = refs.get(n);
    if (r?.kind === 'view') lastRead.set(r.base, Infinity);
  }
  const outputNodes = new Map<string, string[]>();
  for (const o of outs)
    if (!o.isScalar) outputNodes.set(o.expr, [...(outputNodes.get(o.expr) ?? []), o.key]);
  const slots: { name: string; size: string; outputs: string[]; freeAfter: number }[] = [];
  const slotOf = new Map<string, string>(); // hole → slot name
  allSteps.forEach((step, s) => {
    const h = step.buffer;
    if (!h) return;
    const size = sizeExpr(dimsOf(step.node));
    const output = outputNodes.get(h);
    if (output === undefined) {
      const free = slots.find(
        (sl) => sl.outputs.length === 0 && sl.size === size && sl.freeAfter < s,
      );
      if (free) {
        free.freeAfter = lastRead.get(step.node) ?? s;
        slotOf.set(h, free.name);
        return;
      }
    }
    const slot = {
      name: moduleNamer.fresh(`buf${slots.length}`),
      size,
      outputs: output ?? [],
      freeAfter: output ? Infinity : (lastRead.get(step.node) ?? s),
    };
    slots.push(slot);
    slotOf.set(h, slot.name);
  });
  const fill = (text: string) =>
    text.replace(/\u0000[^\u0000]*\u0000/g, (whole) => slotOf.get(whole) ?? whole);
  const finalSteps = allSteps.map((st) => (st.buffer ? { ...st, buffer: fill(st.buffer) } : st));
  const finalOuts = outs.map((o) => ({
    ...o,
    expr: fill(o.expr),
    formula: cite.describe(o.node, { width: HEADER_WIDTH, depth: HEADER_DEPTH }),
  }));
  return {
    dtype,
    inputs: loweredInputs,
    dims,
    batchNeeds,
    steps: finalSteps,
    buffers: slots.map(({ name: n, size, outputs: o }) => ({ name: n, size, outputs: o })),
    outputs: finalOuts,
    namer,
  };
}

/** Per batch dimension, the largest size an op needs (one check per dimension suffices). */
function neededBatchSizes(nodes: readonly Node[]): BatchNeed[] {
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
