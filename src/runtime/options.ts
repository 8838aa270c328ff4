/**
 * Options objects checked against a declarative schema (key → what it takes): an unknown key (with
 * the nearest valid one), a value of the wrong type and a value out of range are each one message
 * naming the call, the key and the value. The library (src/options.ts, which adds the user's call
 * site) and the training runtime of every module share this one checker; it is emitted, as it is,
 * into every training module.
 */

/** What one option takes; a number is finite unless `infinite` allows ±Infinity. */
export type OptionRule = (
  | { readonly type: 'boolean' | 'function' | 'string' }
  | {
      readonly type: 'number';
      readonly integer?: boolean;
      readonly min?: number;
      readonly max?: number;
      /** Exclusive bounds. */
      readonly above?: number;
      readonly below?: number;
      readonly infinite?: boolean;
    }
  | { readonly type: 'oneOf'; readonly values: readonly (string | number | boolean)[] }
  /** A nested options object (its keys named `key.sub` in messages). */
  | { readonly type: 'object'; readonly schema: OptionSchema }
  /** A nested object whose schema depends on its `by` key (`decay: { kind: 'staircase', … }`). */
  | {
      readonly type: 'variant';
      readonly by: string;
      readonly schemas: Readonly<Record<string, OptionSchema>>;
    }
  | {
      readonly type: 'custom';
      /** What the option takes, for the message ("an array of nodes"). */
      readonly expected: string;
      /** undefined when `value` is good, else the problem (or '' for "must be <expected>"). */
      readonly check: (value: unknown) => string | undefined;
    }
) & { readonly required?: boolean };

/** The options of one call, by key. */
export type OptionSchema = Readonly<Record<string, OptionRule>>;

/**
 * What is wrong with `options` for the call `where` (`'fit'`, `'compile'`), or undefined when
 * nothing is: `undefined` options are none given; a key whose value is `undefined` is absent.
 * `prefix` names a nested object's keys (`'decay.'`). Allocates nothing when the options are good.
 */
export function optionProblem(
  where: string,
  options: unknown,
  schema: OptionSchema,
  prefix = '',
): string | undefined {
  if (options === undefined) return requiredProblem(where, {}, schema, prefix);
  if (!isPlainObject(options)) {
    return prefix
      ? `${where}: option '${prefix.slice(0, -1)}' must be an object, got ${describeOption(options)}`
      : `${where}: the options must be an object, got ${describeOption(options)}`;
  }
  const given = options as Readonly<Record<string, unknown>>;
  for (const key in given) {
    if (!Object.prototype.hasOwnProperty.call(given, key)) continue;
    const value = given[key];
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      const keys = Object.keys(schema);
      const near = nearestName(key, keys);
      return (
        `${where}: unknown option '${prefix}${key}' (given ${describeOption(value)}); ` +
        `the options are ${keys.join(', ') || 'none'}${near ? ` (did you mean '${prefix}${near}'?)` : ''}`
      );
    }
    if (value === undefined) continue;
    const rule = schema[key]!;
    if (rule.type === 'object' || rule.type === 'variant') {
      const nested = nestedProblem(where, rule, value, `${prefix}${key}`);
      if (nested !== undefined) return nested;
      continue;
    }
    const problem = valueProblem(rule, value);
    if (problem !== undefined) {
      return `${where}: option '${prefix}${key}' ${problem || `must be ${expectedOption(rule)}`}, got ${describeOption(value)}`;
    }
  }
  return requiredProblem(where, given, schema, prefix);
}

function requiredProblem(
  where: string,
  given: Readonly<Record<string, unknown>>,
  schema: OptionSchema,
  prefix: string,
): string | undefined {
  for (const key in schema) {
    const rule = schema[key]!;
    if (rule.required === true && given[key] === undefined) {
      return `${where}: option '${prefix}${key}' is required (${expectedOption(rule)})`;
    }
  }
  return undefined;
}

/** An object literal (of any realm): not an array, a node, a typed array or a class instance. */
function isPlainObject(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The problem of a nested options object (or of its `by` key), as a whole message. */
function nestedProblem(
  where: string,
  rule: Extract<OptionRule, { readonly type: 'object' | 'variant' }>,
  value: unknown,
  key: string,
): string | undefined {
  if (rule.type === 'object') return optionProblem(where, value, rule.schema, `${key}.`);
  if (!isPlainObject(value)) {
    return `${where}: option '${key}' must be ${expectedOption(rule)}, got ${describeOption(value)}`;
  }
  const tag = (value as Readonly<Record<string, unknown>>)[rule.by];
  const known = typeof tag === 'string' && Object.prototype.hasOwnProperty.call(rule.schemas, tag);
  const schema = known ? rule.schemas[tag] : undefined;
  if (schema === undefined) {
    const tags = { type: 'oneOf', values: Object.keys(rule.schemas) } as const;
    return `${where}: option '${key}.${rule.by}' must be ${expectedOption(tags)}, got ${describeOption(tag)}`;
  }
  return optionProblem(where, value, schema, `${key}.`);
}

/** '' (the generic "must be …"), a specific problem, or undefined when the value is good. */
function valueProblem(rule: OptionRule, value: unknown): string | undefined {
  switch (rule.type) {
    case 'object':
    case 'variant':
      return undefined; // checked by nestedProblem
    case 'boolean':
    case 'function':
    case 'string':
      return typeof value === rule.type ? undefined : '';
    case 'oneOf':
      return rule.values.includes(value as string) ? undefined : '';
    case 'custom':
      return rule.check(value);
    case 'number': {
      if (typeof value !== 'number' || Number.isNaN(value)) return '';
      if (!Number.isFinite(value) && rule.infinite !== true) return '';
      if (rule.integer === true && Number.isFinite(value) && !Number.isInteger(value)) return '';
      if (rule.min !== undefined && value < rule.min) return '';
      if (rule.max !== undefined && value > rule.max) return '';
      if (rule.above !== undefined && !(value > rule.above)) return '';
      if (rule.below !== undefined && !(value < rule.below)) return '';
      return undefined;
    }
  }
}

/** What a rule takes, in words: "a positive integer", "'float64' or 'float32'". */
function expectedOption(rule: OptionRule): string {
  switch (rule.type) {
    case 'boolean':
      return 'true or false';
    case 'function':
      return 'a function';
    case 'string':
      return 'a string';
    case 'custom':
      return rule.expected;
    case 'object':
      return `an object with ${Object.keys(rule.schema).join(', ')}`;
    case 'variant':
      return `an object with ${rule.by} ${expectedOption({ type: 'oneOf', values: Object.keys(rule.schemas) })}`;
    case 'oneOf': {
      const shown = rule.values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
      return shown.length <= 2
        ? shown.join(' or ')
        : `one of ${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
    }
    case 'number': {
      const what = rule.integer === true ? 'an integer' : 'a number';
      const { min, max, above, below } = rule;
      if (rule.integer === true && min === 1 && max === undefined) return 'a positive integer';
      const lower = min !== undefined ? `[${min}` : above !== undefined ? `(${above}` : undefined;
      const upper = max !== undefined ? `${max}]` : below !== undefined ? `${below})` : undefined;
      if (lower !== undefined && upper !== undefined) return `${what} in ${lower}, ${upper}`;
      if (above !== undefined) return `${what} > ${above}`;
      if (min !== undefined) return `${what} ≥ ${min}`;
      if (max !== undefined) return `${what} ≤ ${max}`;
      if (below !== undefined) return `${what} < ${below}`;
      return rule.integer === true ? 'an integer' : 'a finite number';
    }
  }
}

/** A value as a message shows it: `-3`, `"wasm"`, `NaN`, `[1, 2]`, `{ kind: "foo" }`, `a Float64Array`. */
export function describeOption(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (!Array.isArray(value) && !isPlainObject(value)) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name !== 'string' || !name) return 'an object';
    return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
  }
  let text: string;
  try {
    text = JSON.stringify(value, (_, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    );
  } catch {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The candidate nearest to `word` by edit distance, if near enough to be a likely typo. */
function nearestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost));
    }
    row = next;
  }
  return row[b.length]!;
}
