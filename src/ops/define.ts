import type { Attrs, Node } from '../ir/node.js';
import type { Shape } from '../ir/shape.js';
import type { Interval } from './interval.js';
import type * as Builder from '../builder/core.js';
import type { Expr } from '../kernel/expr.js';

/** A formula rendered for people (comments, `explain`, the printer), with its precedence. */
export interface Printed {
  readonly text: string;
  readonly prec: number;
}

/** Precedence levels of {@link Printed} formulas, loosest first. */
export const PREC = { cmp: 0, add: 1, mul: 2, unary: 3, pow: 4, atom: 5 } as const;

/** `p.text`, parenthesized when it binds looser than `min`. */
export function paren(p: Printed, min: number): string {
  return p.prec < min ? `(${p.text})` : p.text;
}

export function printed(text: string, prec: number): Printed {
  return { text, prec };
}

/** What a vector-Jacobian product sees: the op's operands and output, and the output's adjoint. */
export interface VjpContext {
  readonly args: readonly Node[];
  readonly out: Node;
  /** The adjoint ∂L/∂out: same shape as `out`. */
  readonly g: Node;
  readonly attrs: Attrs;
  /** `needs[i]` is false when operand i does not lead to anything being differentiated. */
  readonly needs: readonly boolean[];
  /** The builder functions, passed in so ops do not import the builder (no import cycle). */
  readonly b: typeof Builder;
}

/**
 * Gradient contributions per operand, each with the *output's* shape; the autodiff driver sums
 * them back to the operand's shape (un-broadcasting is not an op's business). `null` = no
 * gradient flows to that operand (comparisons, masks, or operands nobody needs).
 */
export type Vjp = (ctx: VjpContext) => readonly (Node | null)[];

/** What a Jacobian-vector product sees: the op's operands and output, and the operands' tangents. */
export interface JvpContext {
  readonly args: readonly Node[];
  readonly out: Node;
  /** Per operand, its tangent (the operand's shape), or null where it is zero (nothing varies). */
  readonly tangents: readonly (Node | null)[];
  readonly attrs: Attrs;
  readonly b: typeof Builder;
}

/**
 * The output's tangent, written independently of the op's {@link Vjp} (the adjoint check compares
 * the two). It may have any shape that broadcasts to the output's: the forward driver broadcasts
 * it (the dual of un-broadcasting). `null` = a zero tangent.
 */
export type Jvp = (ctx: JvpContext) => Node | null;

/** Σ of the non-null terms (null when every term is null): tangent rules sum partial products. */
export function tangentSum(
  b: typeof Builder,
  terms: readonly (Node | null | undefined)[],
): Node | null {
  let total: Node | null = null;
  for (const t of terms) if (t) total = total ? b.add(total, t) : t;
  return total;
}

/** t·f, or null when the tangent t is zero. */
export function scaled(
  b: typeof Builder,
  t: Node | null | undefined,
  f: Node | number,
): Node | null {
  return t ? b.mul(t, f) : null;
}

interface OpCommon {
  readonly name: string;
  /** The number of operands; −1: any number (customGradient). */
  readonly arity: number;
  /** Operands may be swapped without changing the value. */
  readonly commutative: boolean;
  /** Canonical order puts a constant operand last (`x + 1`) rather than first (`3·x`). */
  readonly constantLast?: boolean;
  /** Infinitely differentiable wherever {@link ElementwiseOp.safe} holds (second-derivative tests). */
  readonly smooth: boolean;
  /**
   * A non-smooth op's kinks: expressions whose signs pick the smooth piece the op is on (relu: x;
   * max(a, b): a − b). A perturbation that changes one's sign crosses a kink, where a difference
   * quotient does not estimate the derivative: gradcheck reports such a component as `kink`.
   */
  kinks?(args: readonly Node[], attrs: Attrs, b: typeof Builder): readonly Node[];
  /** The values the result can take in exact arithmetic, given its operands' (default: all reals). */
  range?(args: readonly Interval[], attrs: Attrs): Interval;
  /**
   * Layout ops (transpose, reshape, broadcast): the view of the operand the result is, or
   * undefined when that needs a contiguous operand it does not have (then it is copied first).
   */
  view?(arg: View, attrs: Attrs, outDims: readonly string[]): View | undefined;
  /**
   * The least size a batch dimension must have for the op (x[-3:] along 'm' needs m ≥ 3), given
   * its operands' shapes; checked where the batch size is bound (interpreter, emitted code).
   */
  batchNeeds?(
    args: readonly Shape[],
    attrs: Attrs,
  ): { readonly dim: string; readonly min: number } | undefined;
  /** How the op reads in a formula, e.g. `a·b`, `σ(z)`. */
  math(args: readonly Printed[], attrs: Attrs): Printed;
  vjp: Vjp;
  jvp: Jvp;
}

/**
 * An op applied element by element with NumPy broadcasting of its operands. Its reference
 * semantics and its emitted code are both given per element, so they cannot drift apart in shape
 * handling; the interpreter and the emitter supply the loops.
 */
export interface ElementwiseOp extends OpCommon {
  readonly kind: 'elementwise';
  /** Reference semantics for one element. */
  scalar(xs: readonly number[], attrs: Attrs): number;
  /** TypeScript expression for one element, given operand expressions (identifiers or literals). */
  expr(xs: readonly string[], attrs: Attrs): string;
  /**
   * The op in the kernels' expression IR (src/kernel/expr.ts), the same value as `expr` bit for
   * bit in float64: a kernel whose ops all have one can run on the wasm target. Absent (or
   * undefined for these attrs): the kernel stays TypeScript (exp, log, tanh: Math's own).
   */
  wasm?(xs: readonly Expr[], attrs: Attrs): Expr | undefined;
  /**
   * True when `xs` lie in the op's domain and comfortably away (≥ `margin`) from kinks and poles,
   * where finite differences are meaningful. Property tests use it to reject sample points.
   */
  safe(xs: readonly number[], attrs: Attrs, margin: number): boolean;
  /** Ranges per operand that per-op property tests sample from (inside the domain). */
  readonly sample: readonly (readonly [number, number])[];
  /** Result shape when it is not just the operands broadcast together (`broadcastTo`). */
  shape?(args: readonly Shape[], attrs: Attrs, site: () => string | undefined): Shape;
}

/** A concrete tensor value in the reference interpreter (row-major, float64). */
export interface TensorValue {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** A strided view of a buffer: element (i₀, i₁, …) is at `buf[i₀·s₀ + i₁·s₁ + … + offset]`. */
export interface View {
  readonly buf: string;
  readonly dims: readonly string[];
  readonly strides: readonly string[];
  /** Where element (0, 0, …) is: terms of code to add (`[]`: 0; `['2 * m']`: row 2 of (n, m)). */
  readonly offset: readonly string[];
}

/** `buf[index + offset]`: the element of `v` at the flat (strided) index terms given. */
export function viewElement(v: View, terms: readonly string[]): string {
  return `${v.buf}[${joinIndex([...terms, ...v.offset])}]`;
}

/** k·stride as code, with literal factors multiplied out: `2 * m`, `8`, `(m - 3) * 4`. */
export function scaledStride(k: string, stride: string): string {
  if (k === '0' || stride === '0') return '0';
  if (stride === '1') return k;
  if (k === '1') return stride;
  const lead = /^(\d+)(?: \* (.+))?$/.exec(stride);
  if (/^\d+$/.test(k) && lead) {
    const product = String(Number(k) * Number(lead[1]));
    return lead[2] === undefined ? product : `${product} * ${lead[2]}`;
  }
  return `${k} * ${stride}`;
}

/** Row-major strides of `dims`, as code. */
export function rowMajorStrides(dims: readonly string[]): string[] {
  return dims.map((_, k) => sizeExpr(dims.slice(k + 1)));
}

export function isContiguous(v: View): boolean {
  const expected = rowMajorStrides(v.dims);
  return v.strides.every((s, k) => s === expected[k] || v.dims[k] === '1');
}

/** An op-specific loop schedule (tile sizes, loop order), chosen by the op's `schedule` rule. */
export type Schedule = Readonly<Record<string, number | string | boolean>>;

/** An operand as a loop op's emitter sees it. */
export interface KernelOperand {
  readonly dims: readonly string[];
  /** A number (shape `[]` or a constant), not a buffer. */
  readonly isScalar: boolean;
  /** Stride 1 along the last axis: a row is contiguous. */
  readonly rowContiguous: boolean;
}

/**
 * What a loop op writes its kernel with. Operands may be views (transposes are indexing, not
 * copies) or elementwise expressions fused into the loop; the result may be followed by fused
 * elementwise consumers (an epilogue: bias, activation, 1/m). `load` and `store` take care of both.
 */
export interface KernelWriter {
  readonly outDims: readonly string[];
  readonly outIsScalar: boolean;
  /** The scalar result's variable (when `outIsScalar`). */
  readonly out: string;
  readonly args: readonly KernelOperand[];
  readonly attrs: Attrs;
  /** Whether `store` applies fused consumers (then accumulate-in-place needs a final `store`). */
  readonly epilogue: boolean;
  /** The loop schedule the op's `schedule` rule chose for this kernel (tiles, loop order). */
  readonly schedule?: Schedule;
  line(text: string): void;
  /** A fresh local name (loop indices, accumulators). */
  local(base: string): string;
  /** The element of operand `i` at logical indices (null for a broadcast axis). */
  load(i: number, idx: readonly (string | null)[]): string;
  /** Writes `value` as the result at `idx`, through the epilogue. */
  store(idx: readonly string[], value: string): void;
  /** The result buffer's element at `idx`, as an lvalue (to accumulate into). */
  outAt(idx: readonly string[]): string;
  /** Zeroes the result buffer's flat range [from, to). */
  zero(from: string, to: string): void;
}

/**
 * An op that moves or combines elements (matmul, transpose, reductions, reshape): it states its
 * shape rule, its reference semantics on whole tensors, and either the loops it compiles to
 * (`emit`) or, for layout ops, the view of its operand it is (`view`: no loop, no copy).
 */
export interface StructuralOp extends OpCommon {
  readonly kind: 'structural';
  /** Result shape, or a GradgenError (E_SHAPE) naming the op, the shapes and `site()`. */
  shape(args: readonly Shape[], attrs: Attrs, site: () => string | undefined): Shape;
  /** Reference semantics; `dims` binds the batch dimension. */
  eval(
    args: readonly TensorValue[],
    attrs: Attrs,
    outShape: readonly number[],
    dims: Readonly<Record<string, number>>,
  ): Float64Array;
  /**
   * The loop schedule for a kernel of the op (a matmul's form, tiles and loop order), chosen
   * before any code is written: the renderers spell it, they do not choose it.
   */
  schedule?(args: readonly KernelOperand[], outDims: readonly string[], attrs: Attrs): Schedule;
  emit?(k: KernelWriter): void;
  /**
   * A pipelined pair (src/kernel/pipeline.ts): this op's kernel `first` and a later kernel of the
   * op, `second`, that reads the same rows of an operand and `first`'s result, in one loop nest;
   * false where their schedules do not allow it (then they are emitted one after the other).
   */
  emitPair?(first: KernelWriter, second: KernelWriter): boolean;
  /** Each result element is an operand's element or 0 (pad, concat): it only moves values. */
  readonly moves?: boolean;
}

export type OpDef = ElementwiseOp | StructuralOp;

/** Product of dimension expressions, with the literal factors multiplied out: `['4', 'm']` → `4 * m`. */
export function sizeExpr(dims: readonly string[]): string {
  let literal = 1;
  const symbols: string[] = [];
  for (const d of dims) {
    if (/^\d+$/.test(d)) literal *= Number(d);
    else symbols.push(d);
  }
  if (symbols.length === 0) return String(literal);
  return literal === 1 ? symbols.join(' * ') : [String(literal), ...symbols].join(' * ');
}

/** Row-major flat index `i0 * (d1 * d2) + i1 * d2 + i2`, leaving out terms that are 0. */
export function flatIndex(indices: readonly (string | null)[], dims: readonly string[]): string {
  const terms: string[] = [];
  for (let k = 0; k < dims.length; k++) {
    const i = indices[k];
    if (i === null || i === undefined || dims[k] === '1') continue;
    const stride = sizeExpr(dims.slice(k + 1));
    terms.push(stride === '1' ? i : `${i} * ${stride}`);
  }
  return joinIndex(terms);
}

/**
 * The sum of index terms (`0` for none), written the way prettier prints it: a leading
 * parenthesized sum such as `(i + 1)` loses its parentheses (`i + 1 + p * 4`).
 */
export function joinIndex(terms: readonly string[]): string {
  if (terms.length === 0) return '0';
  const [first, ...rest] = terms;
  const bare = /^\(([^()]*)\)$/.exec(first!);
  return [bare ? bare[1]! : first!, ...rest].join(' + ');
}

/** `for (let i = 0; i < n; i++) {` */
export function forLoop(i: string, n: string): string {
  return `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`;
}

/** Formats a number the way people write it in formulas and code (no `1e+0` noise). */
export function formatNumber(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** A numeric literal for emitted TypeScript: negative values are parenthesized. */
export function numberLiteral(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  return v < 0 || Object.is(v, -0) ? `(${formatNumber(v)})` : formatNumber(v);
}

const everywhere = () => true;

/** Defaults for an elementwise op; each op file states only what differs. */
export function elementwise(
  def: Omit<ElementwiseOp, 'kind' | 'commutative' | 'smooth' | 'safe'> &
    Partial<Pick<ElementwiseOp, 'commutative' | 'smooth' | 'safe'>>,
): ElementwiseOp {
  return { kind: 'elementwise', commutative: false, smooth: true, safe: everywhere, ...def };
}
