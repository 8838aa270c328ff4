/**
 * Graph → loop program. Every op node becomes one step: a scalar `const`, or a kernel of loops over
 * typed arrays whose static sizes are literals (only the batch dimension is a variable). Steps
 * carry their math and call site so the emitted code can say what each computes. The program is
 * plain data: the emitter prints it, tests count its kernels and buffers.
 */
import { GradgenError } from '../errors.ts';
import { toposort } from '../ir/graph.ts';
import { nameHint, type ConstNode, type LeafNode, type Node } from '../ir/node.ts';
import { formula } from '../ir/print.ts';
import { formatShape } from '../ir/shape.ts';
import {
  flatIndex,
  forLoop,
  numberLiteral,
  PREC,
  printed,
  sizeExpr,
  type ElementwiseOp,
  type EmitOperand,
  type KernelWriter,
} from '../ops/define.ts';
import { opDef } from '../ops/index.ts';
import { Namer } from '../emit/names.ts';

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
}

export interface LoweredStep {
  readonly node: Node;
  /** The variable the step defines. */
  readonly name: string;
  /** What it computes, e.g. `dZ2 = A2 − Y`. */
  readonly comment: string;
  readonly lines: readonly string[];
  /** `scalar` (a const number), `alias` (no work), or the loop kernel's op / `elementwise`. */
  readonly kind: 'scalar' | 'alias' | 'loops';
  /** True when the step allocates a buffer. */
  readonly allocates: boolean;
}

export interface LoweredOutput {
  readonly key: string;
  readonly node: Node;
  /** Expression returned for it. */
  readonly expr: string;
  readonly isScalar: boolean;
}

export interface LoweredProgram {
  readonly dtype: Dtype;
  readonly inputs: readonly LoweredInput[];
  /** Symbolic dimensions: their variable and the input that binds them. */
  readonly dims: readonly { readonly symbol: string; readonly from: LoweredInput }[];
  readonly steps: readonly LoweredStep[];
  readonly outputs: readonly LoweredOutput[];
  /** The names taken at function scope (so the emitter can add helpers without clashes). */
  readonly namer: Namer;
}

const COMMENT_WIDTH = 60;

const isScalarValued = (n: Node) => n.shape.length === 0;

export function lower(
  outputs: Readonly<Record<string, Node>>,
  inputs: readonly LeafNode[],
  dtype: Dtype,
  namer: Namer,
  where: string,
): LoweredProgram {
  const roots = Object.values(outputs);
  const nodes = toposort(roots);
  const arrayType = dtype === 'float32' ? 'Float32Array' : 'Float64Array';
  const alloc = (size: string) => `new ${arrayType}(${size})`;

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
  const lowered: LoweredInput[] = inputs.map((leaf) => {
    const local = namer.fresh(leaf.name);
    name.set(leaf, local);
    let fixed = 1;
    let batchDim: string | undefined;
    for (const d of leaf.shape) typeof d === 'number' ? (fixed *= d) : (batchDim = d);
    return { leaf, name: local, isScalar: leaf.shape.length === 0, fixedSize: fixed, batchDim };
  });
  const dims: { symbol: string; from: LoweredInput }[] = [];
  for (const s of symbols) {
    const from = lowered.find((i) => i.batchDim === s);
    if (!from) {
      throw new GradgenError(
        'E_UNSUPPORTED',
        `${where}: the batch dimension '${s}' is not the size of any input of the function; list an input with it in options.inputs`,
      );
    }
    dims.push({ symbol: s, from });
  }
  const dimsOf = (n: Node) => n.shape.map(String);

  for (const [key, n] of Object.entries(outputs)) {
    if (n.kind === 'apply' && !name.has(n)) name.set(n, namer.fresh(key));
  }

  // ---- steps
  const steps: LoweredStep[] = [];
  const aliasRoot = new Map<Node, Node>(); // reshape results share their operand's buffer
  const materialized = new Map<ConstNode, string>();
  let temp = 0;

  const scalarRef = (n: Node): string | undefined => {
    if (n.kind === 'const') return numberLiteral(n.value);
    return isScalarValued(n) ? name.get(n)! : undefined;
  };
  const commentFor = (n: Node): string => {
    const full = formula(n, { useNames: true });
    if (full.length <= COMMENT_WIDTH || n.kind !== 'apply') return full;
    return opDef(n.op).math(
      n.args.map((a) => printed(a.kind === 'const' ? String(a.value) : name.get(a)!, PREC.atom)),
      n.attrs,
    ).text;
  };
  const materialize = (c: ConstNode): string => {
    let ref = materialized.get(c);
    if (!ref) {
      ref = namer.fresh(`c${materialized.size}`);
      materialized.set(c, ref);
      steps.push({
        node: c,
        name: ref,
        comment: `${c.value} repeated over ${formatShape(c.shape)}`,
        lines: [`const ${ref} = ${alloc(sizeExpr(dimsOf(c)))}.fill(${numberLiteral(c.value)});`],
        kind: 'loops',
        allocates: true,
      });
    }
    return ref;
  };

  for (const n of nodes) {
    if (n.kind !== 'apply') continue;
    if (!name.has(n)) {
      const hint = nameHint(n);
      name.set(n, hint ? namer.fresh(hint) : namer.fresh(`t${temp++}`));
    }
    const out = name.get(n)!;
    const def = opDef(n.op);
    const lines: string[] = [];
    const local = namer.child();
    const site = n.site ? `  [${n.site}]` : '';
    const comment = `${commentFor(n)}${site}`;
    if (def.kind === 'elementwise') {
      if (isScalarValued(n)) {
        lines.push(
          `const ${out} = ${def.expr(
            n.args.map((a) => scalarRef(a)!),
            n.attrs,
          )};`,
        );
        steps.push({ node: n, name: out, comment, lines, kind: 'scalar', allocates: false });
      } else {
        lines.push(...elementwiseLoops(def, n, out, alloc, local, scalarRef, (a) => name.get(a)!));
        steps.push({ node: n, name: out, comment, lines, kind: 'loops', allocates: true });
      }
      continue;
    }
    const args: EmitOperand[] = n.args.map((a) => {
      if (a.kind === 'const' && a.shape.length > 0) {
        return { ref: materialize(a), isScalar: false, dims: dimsOf(a) };
      }
      const s = scalarRef(a);
      return { ref: s ?? name.get(a)!, isScalar: s !== undefined, dims: dimsOf(a) };
    });
    const writer: KernelWriter = {
      out,
      outDims: dimsOf(n),
      outIsScalar: isScalarValued(n),
      args,
      attrs: n.attrs,
      alloc,
      line: (t) => lines.push(t),
      local: (base) => local.fresh(base),
    };
    def.emit(writer);
    const aliasing = n.op === 'reshape' && args[0]!.isScalar === isScalarValued(n);
    if (aliasing) aliasRoot.set(n, aliasRoot.get(n.args[0]!) ?? n.args[0]!);
    const text = lines.join('\n');
    steps.push({
      node: n,
      name: out,
      comment,
      lines,
      kind:
        aliasing || n.op === 'batchSize'
          ? 'alias'
          : isScalarValued(n) && !text.includes('for (')
            ? 'scalar'
            : 'loops',
      allocates: text.includes(`new ${arrayType}(`),
    });
  }

  // ---- outputs: scalars as numbers, tensors as arrays the caller owns
  const outs: LoweredOutput[] = Object.entries(outputs).map(([key, n]) => {
    if (isScalarValued(n)) return { key, node: n, expr: scalarRef(n)!, isScalar: true };
    if (n.kind === 'const') {
      return {
        key,
        node: n,
        expr: `${alloc(sizeExpr(dimsOf(n)))}.fill(${numberLiteral(n.value)})`,
        isScalar: false,
      };
    }
    const root = aliasRoot.get(n) ?? n;
    const ref = name.get(n)!;
    const ownsInput = root.kind === 'input' || root.kind === 'param';
    return { key, node: n, expr: ownsInput ? `${arrayType}.from(${ref})` : ref, isScalar: false };
  });
  return { dtype, inputs: lowered, dims, steps, outputs: outs, namer };
}

/** Loops for an elementwise op over broadcast operands: flat when no operand is broadcast. */
function elementwiseLoops(
  def: ElementwiseOp,
  n: Node & { kind: 'apply' },
  out: string,
  alloc: (size: string) => string,
  local: Namer,
  scalarRef: (n: Node) => string | undefined,
  bufferRef: (n: Node) => string,
): string[] {
  const outDims = n.shape.map(String);
  const lines = [`const ${out} = ${alloc(sizeExpr(outDims))};`];
  const tensors = n.args.filter((a) => scalarRef(a) === undefined);
  const flat = tensors.every(
    (a) => a.shape.length === n.shape.length && a.shape.every((d, i) => d === n.shape[i]),
  );
  if (flat) {
    const k = local.fresh('k');
    const elem = (a: Node) => scalarRef(a) ?? `${bufferRef(a)}[${k}]`;
    lines.push(forLoop(k, sizeExpr(outDims)));
    lines.push(`${out}[${k}] = ${def.expr(n.args.map(elem), n.attrs)};`);
    lines.push('}');
    return lines;
  }
  const idx = outDims.map((_, a) => local.fresh(`i${a}`));
  const elem = (a: Node) => {
    const s = scalarRef(a);
    if (s !== undefined) return s;
    const lead = n.shape.length - a.shape.length;
    const indices = a.shape.map((d, j) =>
      d === 1 && n.shape[lead + j] !== 1 ? null : idx[lead + j]!,
    );
    return `${bufferRef(a)}[${flatIndex(indices, a.shape.map(String))}]`;
  };
  outDims.forEach((d, a) => lines.push(forLoop(idx[a]!, d)));
  lines.push(`${out}[${flatIndex(idx, outDims)}] = ${def.expr(n.args.map(elem), n.attrs)};`);
  outDims.forEach(() => lines.push('}'));
  return lines;
}
