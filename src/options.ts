/**
 * The public API's options objects, each checked against a schema before anything runs: an
 * unknown key, a wrong type or a value out of range is `E_BAD_OPTION` naming the call, the key,
 * the value and the user's call site — "compile: unknown option 'target' (given "wasm"); the
 * options are name, inputs, dtype, optimize, profile (src/app.ts:12)". The checker itself is the
 * runtime's (src/runtime/options.ts), which training modules carry too.
 */
import { GradgenError, at } from './errors.js';
import { isNode } from './ir/node.js';
import { userCallSite } from './ir/site.js';
import { optionProblem, type OptionRule, type OptionSchema } from './runtime/options.js';

export type { OptionRule, OptionSchema } from './runtime/options.js';
export { describeOption } from './runtime/options.js';

/**
 * Throws E_BAD_OPTION (with the user's call site) when `options` do not fit `schema`; `prefix`
 * names a nested object's keys (`'accuracy.'`).
 */
export function checkOptions(
  where: string,
  options: unknown,
  schema: OptionSchema,
  prefix = '',
): void {
  const problem = optionProblem(where, options, schema, prefix);
  if (problem !== undefined) {
    throw new GradgenError('E_BAD_OPTION', `${problem}${at(userCallSite())}`);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript identifier (a generated function's name). */
export const IDENTIFIER_OPTION: OptionRule = {
  type: 'custom',
  expected: 'an identifier (letters, digits, _ and $; not starting with a digit)',
  check: (v) => (typeof v === 'string' && IDENTIFIER.test(v) ? undefined : ''),
};

/** A graph node. */
export const NODE_OPTION: OptionRule = {
  type: 'custom',
  expected: 'a graph node',
  check: (v) => (isNode(v) ? undefined : ''),
};

/** An array whose every element passes `item` (what it takes: `expected`). */
export function arrayOption(expected: string, item: (x: unknown) => boolean): OptionRule {
  return {
    type: 'custom',
    expected,
    check: (v) => {
      if (!Array.isArray(v)) return '';
      const bad = v.findIndex((x) => !item(x));
      return bad < 0 ? undefined : `must be ${expected} (element ${bad} is not)`;
    },
  };
}

/** An object of named graph nodes (`{ A2 }`). */
export const OUTPUTS_OPTION: OptionRule = {
  type: 'custom',
  expected: 'an object of named graph nodes, e.g. { A2 }',
  check: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || isNode(v)) return '';
    const bad = Object.entries(v).find(([, n]) => !isNode(n));
    return bad ? `must be an object of named graph nodes ('${bad[0]}' is not a node)` : undefined;
  },
};

/** A nested options object checked against its own schema (keys shown as `key.sub`). */
export function objectOption(
  where: string,
  key: string,
  expected: string,
  schema: OptionSchema,
): OptionRule {
  return {
    type: 'custom',
    expected,
    check: (v) => {
      const problem = optionProblem(where, v, schema, `${key}.`);
      if (problem === undefined) return undefined;
      // the nested message already names the call, the key and the value: throw it as it is
      throw new GradgenError('E_BAD_OPTION', `${problem}${at(userCallSite())}`);
    },
  };
}
