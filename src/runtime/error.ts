/**
 * The error class of a generated module, for the runtime's own type check and tests. A module
 * does not include this file: it declares its own `GradgenInputError` (src/emit/render.ts), with
 * this constructor, and extending the library's GradgenError when `compile` loads it.
 */
export class GradgenInputError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'GradgenInputError';
    this.code = code;
  }
}
