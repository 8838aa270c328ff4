import { expect } from 'vitest';
import { GradgenError } from '../src/index.ts';

/**
 * Runs `f`, expecting a GradgenError with `code` whose message matches every pattern (errors
 * thrown by compiled modules included: their error class extends GradgenError).
 */
export function expectError(f: () => unknown, code: string, ...patterns: RegExp[]): GradgenError {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected an error').toBeInstanceOf(GradgenError);
  const err = caught as GradgenError;
  expect(err.code, err.message).toBe(code);
  for (const p of patterns) expect(err.message).toMatch(p);
  return err;
}
