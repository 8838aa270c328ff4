import type { Attrs, Node } from '../ir/node.ts';
import type * as Builder from '../builder/core.ts';

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

interface OpCommon {
  readonly name: string;
  readonly arity: number;
  /** Operands may be swapped without changing the value. */
  readonly commutative: boolean;
  /** Canonical order puts a constant operand last (`x + 1`) rather than first (`3·x`). */
  readonly constantLast?: boolean;
  /** Infinitely differentiable wherever {@link ElementwiseOp.safe} holds (second-derivative tests). */
  readonly smooth: boolean;
  /** How the op reads in a formula, e.g. `a·b`, `σ(z)`. */
  math(args: readonly Printed[], attrs: Attrs): Printed;
  vjp: Vjp;
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
   * True when `xs` lie in the op's domain and comfortably away (≥ `margin`) from kinks and poles,
   * where finite differences are meaningful. Property tests use it to reject sample points.
   */
  safe(xs: readonly number[], attrs: Attrs, margin: number): boolean;
  /** Ranges per operand that per-op property tests sample from (inside the domain). */
  readonly sample: readonly (readonly [number, number])[];
}

export type OpDef = ElementwiseOp;

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
