/**
 * Every error gradgen throws on purpose is a {@link GradgenError} with a stable `code`, so callers
 * (and tests) can tell problems apart without parsing messages. Messages name the op, the shapes
 * or input involved, and the user's call site when it is known.
 */
export type ErrorCode =
  /** A builder function got something that is neither a node nor a finite number. */
  | 'E_BAD_ARGUMENT'
  /** An input/param name is not a usable identifier, or is reused with another shape or role. */
  | 'E_BAD_NAME'
  /** A constant folded to NaN/Inf, e.g. `log(-1)` or `sqrt(-4)`. */
  | 'E_DOMAIN'
  /** Operand shapes do not fit the op (broadcasting, matmul inner dimensions, ...). */
  | 'E_SHAPE'
  /** `grad` asked for the derivative with respect to something that is not an input or param. */
  | 'E_GRAD_NOT_INPUT'
  /** `grad` of a non-scalar output. */
  | 'E_GRAD_NONSCALAR'
  /** A required input is missing at call / evaluate time. */
  | 'E_MISSING_INPUT'
  /** An input name that the function does not take. */
  | 'E_UNKNOWN_INPUT'
  /** An input value is NaN or ±Infinity. */
  | 'E_NONFINITE_INPUT'
  /** A class label (for `oneHot`) is not an integer in [0, C). */
  | 'E_BAD_LABEL'
  /** A training step produced NaN or ±Infinity from finite inputs (the optimization diverged). */
  | 'E_NONFINITE_RESULT'
  /**
   * Guard mode (`guard: true`): an op produced NaN or ±Infinity; the message names the op, its
   * formula and output, the call site and the ranges of its operands.
   */
  | 'E_NONFINITE_OP'
  /** An input value has the wrong type or length for its declared shape. */
  | 'E_INPUT_SHAPE'
  /** An options object has an unknown key, a value of the wrong type or one out of range (the message names the key and the value). */
  | 'E_BAD_OPTION'
  /** A rewrite phase did not reach a fixed point (a rule cycles); the message names the rules. */
  | 'E_REWRITE_CYCLE'
  /** A training state, saved or in memory, that is not one of this model (the message names the entry). */
  | 'E_BAD_STATE'
  /** fit stopped: the cost became non-finite or grew past its divergence factor. */
  | 'E_DIVERGED'
  /** A model file is missing, fails to import (the message gives the reason) or exports no model. */
  | 'E_MODEL_FILE'
  /** A file could not be written (the message names the path). */
  | 'E_WRITE'
  /** A data file (loadCsv) that cannot be read, or a cell that is not a number (row and column named). */
  | 'E_DATA_FILE'
  /** The graph uses something this version cannot compile yet. */
  | 'E_UNSUPPORTED';

export class GradgenError extends Error {
  override readonly name = 'GradgenError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Appends " (file:line)" when a call site is known. */
export function at(site: string | undefined): string {
  return site ? ` (${site})` : '';
}
