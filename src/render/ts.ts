/**
 * Kernel IR → TypeScript: every kernel spelled as loops over typed arrays, with the names the
 * code declares (the user's, the course's: `Z1`, `dW1`), one comment per kernel with its math
 * and call site, and a `const` per fused node in a loop body. It decides nothing about the
 * schedule: fusion, views, loop forms and the memory plan come from the kernel IR.
 */
import { GradgenError } from '../errors.js';
import { nameHint, type ApplyNode, type Node } from '../ir/node.js';
import {
  flatIndex,
  forLoop,
  joinIndex,
  numberLiteral,
  sizeExpr,
  type KernelWriter,
  type Schedule,
  type View,
  viewElement,
} from '../ops/define.js';
import { opDef } from '../ops/index.js';
import type { Namer } from '../emit/names.js';
import { recordedReads } from '../emit/scope.js';
import { Citations } from '../lower/cite.js';
import type { LoweredInput, LoweredOutput, LoweredProgram, LoweredStep } from '../lower/lower.js';
import { groupOf } from '../kernel/fuse.js';
import { writesBuffer, type Kernel, type KernelProgram, type Ref } from '../kernel/ir.js';
import { kernelOperands } from '../kernel/schedule.js';
import { wasmKernel, type WasmArg } from './wasm.js';
import type { Func } from './wasm/index.js';

const COMMENT_WIDTH = 60;
/** The header's formulas: one per line, wider and deeper than a kernel's comment. */
const HEADER_WIDTH = 100;
const HEADER_DEPTH = 8;

/** The placeholder for kernel `k`'s buffer until the memory plan's slots are named. */
const hole = (k: number) => `\u0000${k}\u0000`;

/**
 * An input the wasm kernels read: `area`, the module's private copy of it in the memory (an
 * ordinary array is copied there); `view`, the public view `inputViews()` hands out; `at`, the
 * module-level address the kernels read it from in a call (the given array's own, when it is
 * already in the memory).
 */
export interface StagedNames {
  readonly area: string;
  readonly view: string;
  readonly at: string;
}

/** How wasm kernels are named and called (the wasm target). */
export interface WasmNaming {
  /** The module-level object holding the kernels' exports. */
  readonly kernels: string;
  /** The kernels' export names (properties, not bindings: a namer of their own). */
  readonly exports: Namer;
  /** Module-level names (an input's view in the memory). */
  readonly module: Namer;
  /**
   * Each input's names in the memory, shared by the module's functions (its public view, its
   * private copy, the address a call reads it from: see StagedNames).
   */
  readonly staged: Map<Node, StagedNames>;
}

/** The names of a function's values, and the comments that cite them. */
class Scope {
  readonly names = new Map<Node, string>();
  readonly cite: Citations;
  private temp = 0;
  /** The wasm functions of the kernels rendered so far, and the inputs they read in memory. */
  readonly funcs: Func[] = [];
  /** The inputs this function's wasm kernels read from the memory. */
  readonly staged = new Set<Node>();
  /**
   * The function's names the kernel being rendered has looked up so far: what its lines may
   * read of the function (see LoweredStep.reads).
   */
  readonly looked: string[] = [];

  constructor(
    readonly namer: Namer,
    outputs: ReadonlySet<Node>,
    readonly wasm?: WasmNaming,
  ) {
    this.cite = new Citations(outputs);
  }

  /** The byte address of `base`'s values in the wasm memory: an input's, or a kernel's buffer. */
  address(base: Node): string {
    if (base.kind !== 'input' && base.kind !== 'param')
      return `${this.looks(this.names.get(base)!)}.byteOffset`;
    this.staged.add(base);
    const shared = this.wasm!.staged;
    let v = shared.get(base);
    if (!v) {
      const module = this.wasm!.module;
      v = {
        area: module.fresh(`${base.name}_wasm`),
        view: module.fresh(`${base.name}_view`),
        at: module.fresh(`${base.name}_at`),
      };
      shared.set(base, v);
    }
    return v.at;
  }

  /** `name`, recorded as read by the kernel being rendered. */
  looks(name: string): string {
    this.looked.push(name);
    return name;
  }

  nameOf(n: Node): string {
    let v = this.names.get(n);
    if (!v) {
      const hint = nameHint(n);
      v = hint ? this.namer.fresh(hint) : this.namer.fresh(`t${this.temp++}`);
      this.names.set(n, v);
    }
    return v;
  }

  /** Code for a number ref, or the element of a view at flat index terms. */
  number(r: Ref): string {
    switch (r.kind) {
      case 'const':
        return numberLiteral(r.value);
      case 'number':
        return this.looks(this.names.get(r.node)!);
      case 'dim':
        return this.looks(r.symbol);
      case 'view':
        return this.element(r.view, r.base, []);
      default:
        throw new Error(`internal: ${r.kind} operand read as a number`);
    }
  }

  element(v: View, base: Node, terms: readonly string[]): string {
    return viewElement({ ...v, buf: this.looks(this.names.get(base)!) }, terms);
  }

  /** The comment on `n`'s code: its math in the names declared so far (`locals`: the loop's). */
  comment(n: Node, locals?: ReadonlyMap<Node, string>): string {
    const text = this.cite.describe(n, {
      width: COMMENT_WIDTH,
      depth: 4,
      ...(locals ? { locals } : {}),
    });
    // interned nodes that only depend on the batch size are shared by every model: no one site
    const shared =
      n.kind === 'apply' &&
      n.args.every((a) => a.kind === 'const' || (a.kind === 'apply' && a.op === 'batchSize'));
    return `${text}${n.site && !shared ? `  [${n.site}]` : ''}`;
  }
}

/** The strided index terms of a view's element at per-axis indices (null: a broadcast axis). */
function viewTerms(v: View, idx: readonly (string | null)[], lead: number): string[] {
  const terms: string[] = [];
  v.dims.forEach((d, k) => {
    const i = idx[lead + k];
    const s = v.strides[k]!;
    if (i === null || i === undefined || d === '1' || s === '0') return;
    terms.push(s === '1' ? i : `${i} * ${s}`);
  });
  return terms;
}

/** The statements of one kernel, with the local names of its loop body. */
class KernelText {
  private block: Namer | undefined;
  readonly out: string;

  /** `lines`: where its statements go (another kernel's, for a pipelined pair's product). */
  constructor(
    private readonly s: Scope,
    private readonly p: KernelProgram,
    private readonly kernel: Kernel,
    readonly lines: string[] = [],
  ) {
    this.out = kernel.kind === 'output' ? s.namer.fresh(kernel.key) : s.nameOf(kernel.node);
  }

  /**
   * The namer of its loop body's locals, made when first asked: a scalar kernel has none (a
   * scalar graph has 10⁵ kernels). It sees the function's names as they are when it names.
   */
  get local(): Namer {
    return (this.block ??= this.s.namer.block());
  }

  /** Element of `a` at `idx` (indices over `iterDims`). */
  access(a: Node, idx: readonly (string | null)[], iterDims: readonly string[]): string {
    const r = this.p.refs.get(a)!;
    if (r.kind !== 'view') return this.s.number(r);
    return this.s.element(
      r.view,
      r.base,
      viewTerms(r.view, idx, iterDims.length - r.view.dims.length),
    );
  }

  /** The fused group of `root` at `idx`; `produced` stands for the producer's value. */
  group(
    root: Node,
    idx: readonly (string | null)[],
    iterDims: readonly string[],
    produced?: string,
    owner: Node = root,
  ): string {
    const producer = this.p.fusion.producerOf.get(owner);
    return this.groupWith(
      root,
      (a) => (producer && a === producer ? produced! : this.access(a, idx, iterDims)),
      owner,
    );
  }

  /** The statements of `root`'s fused group (one `const` per node), reading operands with `operand`. */
  groupWith(root: Node, operand: (a: Node) => string, owner: Node = root): string {
    const locals = new Map<Node, string>();
    let last = '';
    for (const g of groupOf(this.p.fusion, root, owner)) {
      const d = opDef(g.op);
      if (d.kind !== 'elementwise')
        throw new Error('internal: non-elementwise node in a fused group');
      const expr = d.expr(
        g.args.map((a) => locals.get(a) ?? operand(a)),
        g.attrs,
      );
      if (g === root) {
        last = expr;
        break;
      }
      const hint = nameHint(g);
      const v = this.local.fresh(hint ?? 'e');
      this.lines.push(`const ${v} = ${expr}; // ${this.s.comment(g, locals)}`);
      locals.set(g, v);
      // a user's name is cited by later comments too (a temporary `e` is not: it means
      // another value in every loop)
      if (hint) this.s.cite.declare(g, v);
    }
    return last;
  }

  writer(
    op: ApplyNode,
    store: (idx: readonly string[], value: string) => void,
    schedule: Schedule | undefined,
  ): KernelWriter {
    const outDims = this.kernel.node.shape.map(String);
    const fused = (a: Node) => {
      const r = this.p.refs.get(a);
      return r?.kind === 'fused' || (!r && this.p.fusion.fusedInto.has(a));
    };
    return {
      outDims,
      outIsScalar: op.shape.length === 0,
      out: this.out,
      args: kernelOperands(op, this.p.refs, this.p.fusion),
      attrs: op.attrs,
      ...(schedule ? { schedule } : {}),
      epilogue: this.p.fusion.producerOf.has(this.kernel.node),
      line: (t) => this.lines.push(t),
      local: (base) => this.local.fresh(base),
      load: (i, idx) => {
        const a = op.args[i]!;
        const dims = a.shape.map(String);
        return fused(a) ? this.group(a, idx, dims, undefined, op) : this.access(a, idx, dims);
      },
      store,
      outAt: (idx) => `${this.out}[${flatIndex(idx, outDims)}]`,
      zero: (from, to) => this.lines.push(`${this.out}.fill(0, ${from}, ${to});`),
    };
  }

  /** `for` loops over `dims` around `body(idx)`. */
  loops(dims: readonly string[], body: (idx: string[]) => void, fresh = true): void {
    const idx = dims.map((_, a) => (fresh ? this.local.fresh(`i${a}`) : `i${a}`));
    dims.forEach((d, a) => this.lines.push(forLoop(idx[a]!, d)));
    body(idx);
    dims.forEach(() => this.lines.push('}'));
  }
}

/** The index terms of a number: none. */
const NO_INDEX: readonly string[] = [];

/** The lines of kernel `k` (`t.lines`); the text of a scalar step is its one `const`. */
function spell(t: KernelText, k: Kernel, p: KernelProgram, s: Scope): void {
  if (k.kind === 'loop' && k.computedIn) {
    t.lines.push('// computed by the next kernel, from its result');
    return;
  }
  if (k.target === 'wasm') {
    if (k.kind === 'map' && k.alsoComputes) t.lines.push(onePass(k.alsoComputes, p, s));
    return spellCall(t, k, p, s);
  }
  switch (k.kind) {
    case 'scalar': {
      const def = opDef(k.node.op);
      if (def.kind !== 'elementwise') throw new Error('internal: elementwise op without expr');
      const expr = def.expr(
        k.node.args.map((a) => t.access(a, NO_INDEX, NO_INDEX)),
        k.node.attrs,
      );
      t.lines.push(`const ${t.out} = ${expr};`);
      return;
    }
    case 'copy': {
      const arg = k.node.args[0]!;
      const argDims = arg.shape.map(String);
      // same element order: the flat index in the operand's shape is the flat index of the result
      t.loops(argDims, (idx) =>
        t.lines.push(`${t.out}[${flatIndex(idx, argDims)}] = ${t.access(arg, idx, argDims)};`),
      );
      return;
    }
    case 'map':
      return spellMap(t, k, k.node.shape.map(String), p, s);
    case 'loop': {
      const def = opDef(k.node.op);
      if (def.kind !== 'structural' || !def.emit) throw new Error('internal: loop op without emit');
      const scalar = k.node.shape.length === 0;
      const dims = k.node.shape.map(String);
      if (scalar) t.lines.push(`let ${t.out} = 0;`);
      const store = (idx: readonly string[], value: string) =>
        t.lines.push(
          scalar ? `${t.out} = ${value};` : `${t.out}[${flatIndex(idx, dims)}] = ${value};`,
        );
      def.emit(t.writer(k.node, store, k.schedule));
      return;
    }
    case 'output': {
      const dims = k.node.shape.map(String);
      const r = p.refs.get(k.node)!;
      const value =
        r.kind === 'view'
          ? s.element(
              r.view,
              r.base,
              viewTerms(
                r.view,
                dims.map((_, a) => `i${a}`),
                0,
              ),
            )
          : s.number(r);
      t.loops(dims, (idx) => t.lines.push(`${t.out}[${flatIndex(idx, dims)}] = ${value};`), false);
      return;
    }
  }
}

/**
 * The writer of the product `also` a pipelined kernel computes in its loops (src/kernel/pipeline.ts,
 * on the TS target): `also`'s buffer and operands, its lines written into `t`'s.
 */
function pairWriter(t: KernelText, also: ApplyNode, p: KernelProgram, s: Scope): KernelWriter {
  const z = p.kernels.find((x) => x.kind === 'loop' && x.node === also);
  if (!z || z.kind !== 'loop') throw new Error('internal: a pipelined product without its kernel');
  const zt = new KernelText(s, p, z, t.lines);
  // its lines, in `t`'s, write the product's buffer
  s.looks(zt.out);
  const dims = also.shape.map(String);
  const store = (idx: readonly string[], value: string) =>
    t.lines.push(`${zt.out}[${flatIndex(idx, dims)}] = ${value};`);
  return zt.writer(also, store, z.schedule);
}

/** The comment of a kernel that also computes `also` in its pass over X's rows. */
function onePass(also: ApplyNode, p: KernelProgram, s: Scope): string {
  const X = operandName(also, 1, p, s);
  return `// in one pass over the rows of ${X}: this kernel also computes ${s.names.get(also)} (above)`;
}

/** The name of the buffer operand `i` of `op` reads (an input's, or a kernel's). */
function operandName(op: ApplyNode, i: number, p: KernelProgram, s: Scope): string {
  const r = p.refs.get(op.args[i]!);
  return (r?.kind === 'view' && s.names.get(r.base)) || 'its operand';
}

/** A wasm kernel's call: its batch sizes, the byte addresses of its views, its numbers. */
function spellCall(t: KernelText, k: Kernel, p: KernelProgram, s: Scope): void {
  const name = s.wasm!.exports.fresh(t.out);
  const { func, args } = wasmKernel(p, k, name, p.dtype);
  s.funcs.push(func);
  const bytes = p.dtype === 'float32' ? 4 : 8;
  const code = (a: WasmArg): string => {
    switch (a.kind) {
      case 'dim':
        return a.symbol;
      case 'number':
        return s.number(a.ref);
      case 'address': {
        const at = s.address(a.base);
        return a.offset.length === 0 ? at : `${at} + ${bytes} * (${joinIndex(a.offset)})`;
      }
    }
  };
  t.lines.push(`${s.wasm!.kernels}.${name}(${args.map(code).join(', ')});`);
}

function spellMap(
  t: KernelText,
  k: Extract<Kernel, { kind: 'map' }>,
  dims: readonly string[],
  p: KernelProgram,
  s: Scope,
): void {
  const n = k.node;
  if (k.producer) {
    const pdef = opDef(k.producer.node.op);
    if (pdef.kind !== 'structural' || !pdef.emit)
      throw new Error('internal: producer without loops');
    const store = (idx: readonly string[], value: string) =>
      t.lines.push(`${t.out}[${flatIndex(idx, dims)}] = ${t.group(n, idx, dims, value)};`);
    const writer = t.writer(k.producer.node, store, k.producer.schedule);
    if (k.alsoComputes && pdef.emitPair) {
      const at = t.lines.length;
      if (pdef.emitPair(writer, pairWriter(t, k.alsoComputes, p, s)))
        t.lines.splice(at, 0, onePass(k.alsoComputes, p, s));
      return;
    }
    pdef.emit(writer);
    return;
  }
  if (!k.flat) {
    t.loops(dims, (idx) =>
      t.lines.push(`${t.out}[${flatIndex(idx, dims)}] = ${t.group(n, idx, dims)};`),
    );
    return;
  }
  const i = t.local.fresh('k');
  t.lines.push(forLoop(i, sizeExpr(dims)));
  // every operand has the result's layout: one flat index serves them all
  const expr = t.groupWith(n, (a) => {
    const r = p.refs.get(a)!;
    return r.kind === 'view' ? s.element(r.view, r.base, [i]) : s.number(r);
  });
  t.lines.push(`${t.out}[${i}] = ${expr};`);
  t.lines.push('}');
}

/**
 * Renders `p` with names from `namer` (the function's scope) and buffer names from
 * `moduleNamer` (the module's): the lowered program the module skeleton is written around.
 */
export function renderProgram(
  p: KernelProgram,
  namer: Namer,
  where: string,
  moduleNamer: Namer = namer,
  wasm?: WasmNaming,
): LoweredProgram {
  for (const { symbol } of p.dims) {
    if (!namer.claim(symbol)) {
      throw new GradgenError(
        'E_BAD_NAME',
        `${where}: the batch dimension '${symbol}' clashes with a name in the generated code; rename the dimension`,
      );
    }
  }
  const s = new Scope(namer, new Set(Object.values(p.outputs)), wasm);
  const inputs: LoweredInput[] = p.inputs.map((i) => {
    const name = namer.fresh(i.leaf.name);
    s.names.set(i.leaf, name);
    s.cite.declare(i.leaf, name);
    return { ...i, name };
  });
  const dims = p.dims.map((d) => ({ symbol: d.symbol, from: inputs[p.inputs.indexOf(d.from)]! }));
  for (const [key, n] of Object.entries(p.outputs)) {
    if (n.kind === 'apply' && !s.names.has(n)) s.names.set(n, namer.fresh(key));
  }
  const steps = p.kernels.map((k, index) => renderKernel(k, index, p, s));
  const slots = p.memory.slots.map((sl, i) => ({
    name: moduleNamer.fresh(`buf${i}`),
    size: sl.size,
    outputs: sl.outputs,
  }));
  const fill = (text: string) =>
    text.replace(
      /\u0000(\d+)\u0000/g,
      (_, k: string) => slots[p.memory.slotOf.get(Number(k))!]!.name,
    );
  return {
    dtype: p.dtype,
    inputs,
    dims,
    batchNeeds: p.batchNeeds,
    steps: pipelinedFirst(p, steps).map((st) =>
      st.buffer ? { ...st, buffer: fill(st.buffer) } : st,
    ),
    buffers: slots,
    outputs: renderOutputs(p, s, fill),
    namer,
    // a function none of whose kernels runs as wasm (all scalars) is the TS target's
    ...(s.funcs.length > 0 ? { wasm: wasmPart(s, inputs) } : {}),
  };
}

/**
 * The steps with each product a pipelined kernel also computes (src/kernel/pipeline.ts) moved to
 * just before that kernel: its step only binds its buffer, which the kernel's call writes.
 */
function pipelinedFirst(p: KernelProgram, steps: readonly LoweredStep[]): readonly LoweredStep[] {
  const moved = new Map<number, number>();
  p.kernels.forEach((k, i) => {
    if (k.kind === 'map' && k.alsoComputes)
      moved.set(
        i,
        p.kernels.findIndex((z) => z.node === k.alsoComputes),
      );
  });
  if (moved.size === 0) return steps;
  const later = new Set(moved.values());
  return steps.flatMap((st, i) => {
    if (later.has(i)) return [];
    const z = moved.get(i);
    return z === undefined ? [st] : [steps[z]!, st];
  });
}

/** The wasm functions and the inputs copied into the memory (each with its view there). */
function wasmPart(s: Scope, inputs: readonly LoweredInput[]): NonNullable<LoweredProgram['wasm']> {
  const staged = inputs.flatMap((i) => {
    const names = s.staged.has(i.leaf) ? s.wasm!.staged.get(i.leaf) : undefined;
    return names ? [{ input: i, ...names }] : [];
  });
  return { funcs: s.funcs, staged };
}

function renderKernel(k: Kernel, index: number, p: KernelProgram, s: Scope): LoweredStep {
  // the batch sizes are read without a look-up too (in loop bounds, strides and sizes)
  s.looked.length = 0;
  for (const d of p.dims) s.looked.push(d.symbol);
  const t = new KernelText(s, p, k);
  spell(t, k, p, s);
  const reads = recordedReads(t.lines, s.looked, t.out);
  const comment = k.kind === 'output' ? `${k.key} = ${s.comment(k.node)}` : s.comment(k.node);
  s.cite.declare(k.node, t.out);
  const nodes = k.kind === 'output' ? [] : k.computes;
  const kind = k.kind === 'scalar' ? 'scalar' : 'kernel';
  // (two literals, not a spread: a scalar graph has 10⁵ steps)
  return writesBuffer(k)
    ? {
        node: k.node,
        nodes,
        name: t.out,
        comment,
        lines: t.lines,
        kind,
        buffer: hole(index),
        reads,
      }
    : { node: k.node, nodes, name: t.out, comment, lines: t.lines, kind, reads };
}

function renderOutputs(p: KernelProgram, s: Scope, fill: (t: string) => string): LoweredOutput[] {
  const holders = new Map<Node, number>();
  p.kernels.forEach((k, i) => {
    if (!holders.has(k.node) && writesBuffer(k)) holders.set(k.node, i);
  });
  return Object.entries(p.outputs).map(([key, n]) => {
    const scalar = n.shape.length === 0;
    const r = p.refs.get(n)!;
    const expr = scalar ? s.number(r) : fill(hole(holders.get(n)!));
    return {
      key,
      node: n,
      expr,
      isScalar: scalar,
      size: scalar ? '1' : sizeExpr(n.shape.map(String)),
      formula: s.cite.describe(n, { width: HEADER_WIDTH, depth: HEADER_DEPTH }),
    };
  });
}
