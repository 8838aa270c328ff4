/**
 * gradcheck's own options, checked before any work: an unknown key, a value of the wrong type or
 * out of range is E_BAD_OPTION naming the key, the value and the caller's site.
 */
import { GradgenError, at } from '../errors.js';
import { isNode } from '../ir/node.js';
import { userCallSite } from '../ir/site.js';

/** Re-samples `avoidKinks: true` allows (a stated number, so a check always ends). */
export const DEFAULT_KINK_TRIES = 10;
const MAX_KINK_TRIES = 1000;

const isPositiveInteger = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const isFinitePositive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isStringRecord = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((s) => typeof s === 'string');

/** Per key: what a valid value is, as a test and as words for the message. */
const RULES: Readonly<Record<string, readonly [(v: unknown) => boolean, string]>> = {
  epsilon: [(v) => isFinitePositive(v) && (v as number) < 1, 'a finite number in (0, 1)'],
  wrt: [
    (v) => Array.isArray(v) && v.every((w) => typeof w === 'string' || isNode(w)),
    'an array of inputs, params or their names',
  ],
  mode: [(v) => v === 'full' || v === 'random', "'full' or 'random'"],
  directions: [(v) => isPositiveInteger(v) && (v as number) <= 1e6, 'an integer in [1, 1e6]'],
  seed: [(v) => typeof v === 'number' && Number.isInteger(v) && v >= 0, 'an integer ≥ 0'],
  threshold: [isFinitePositive, 'a finite number > 0'],
  cost: [(v) => typeof v === 'string', 'the name of an output'],
  grads: [isStringRecord, 'an object of input name → output name'],
  avoidKinks: [
    (v) =>
      typeof v === 'boolean' ||
      (typeof v === 'object' &&
        v !== null &&
        Object.keys(v).every((k) => k === 'tries') &&
        isPositiveInteger((v as { tries?: unknown }).tries) &&
        (v as { tries: number }).tries <= MAX_KINK_TRIES),
    `true, false or { tries } with tries an integer in [1, ${MAX_KINK_TRIES}]`,
  ],
};

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === undefined || v === null)
    return String(v);
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}

/**
 * Checks gradcheck's options. `extra` names keys a caller handles itself (the trainer's
 * `maskSeed`), which are accepted as they are.
 */
export function checkGradcheckOptions(options: unknown, extra: readonly string[] = []): void {
  const site = () => at(userCallSite());
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new GradgenError(
      'E_BAD_OPTION',
      `gradcheck: options must be an object, got ${show(options)}${site()}`,
    );
  }
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || extra.includes(key)) continue;
    const rule = RULES[key];
    if (!rule) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `gradcheck: unknown option '${key}' (options are ${Object.keys(RULES).join(', ')})${site()}`,
      );
    }
    if (!rule[0](value)) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `gradcheck: option ${key} must be ${rule[1]}, got ${show(value)}${site()}`,
      );
    }
  }
}

/** How many re-samples `avoidKinks` allows (0: none). */
export function kinkTries(avoidKinks: boolean | { readonly tries: number } | undefined): number {
  if (avoidKinks === undefined || avoidKinks === false) return 0;
  return avoidKinks === true ? DEFAULT_KINK_TRIES : avoidKinks.tries;
}
