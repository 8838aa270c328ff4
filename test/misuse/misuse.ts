/**
 * The misuse suite's one assertion: a misuse is a deliberate error — a GradgenError (or, from a
 * generated module that imports nothing, its own GradgenInputError) with the expected code and a
 * message naming the culprit — never a TypeError, ReferenceError or SyntaxError, a silent NaN or
 * a hang. Where a state is involved, it is as it was before the call.
 */
import { expect } from 'vitest';
import { GradgenError } from '../../src/index.ts';

/** One misuse: what it is, the call, the code, and what the message must name. */
export type Misuse = readonly [what: string, run: () => unknown, code: string, ...names: RegExp[]];

/** The error `run` throws, checked as a misuse's error (see the file's comment). */
export function expectMisuse(run: () => unknown, code: string, ...names: RegExp[]): Error {
  let caught: unknown;
  let returned: unknown;
  try {
    returned = run();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${code}, returned ${String(returned)}`).toBeInstanceOf(Error);
  const err = caught as Error & { code?: unknown };
  for (const internal of [TypeError, ReferenceError, SyntaxError, RangeError])
    expect(err, `${err.name}: ${err.message}`).not.toBeInstanceOf(internal);
  const ours = err instanceof GradgenError || err.name === 'GradgenInputError';
  expect(ours, `${err.name}: ${err.message}`).toBe(true);
  expect(err.code, err.message).toBe(code);
  for (const name of names) expect(err.message).toMatch(name);
  return err;
}

/** `expectMisuse`, and `snapshot()` (a save of the state, say) is the same after as before. */
export function expectMisuseUnchanged(
  snapshot: () => string,
  run: () => unknown,
  code: string,
  ...names: RegExp[]
): Error {
  const before = snapshot();
  const err = expectMisuse(run, code, ...names);
  expect(snapshot(), 'the state changed').toBe(before);
  return err;
}

/** The user's call site in a test file of this folder, as messages show it. */
export const SITE = /\(test\/misuse\/\w+\.test\.ts:\d+\)/;
