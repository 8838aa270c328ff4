/**
 * gradcheck's own options, checked (by the library's one options checker, src/options.ts) before
 * any work: an unknown key, a value of the wrong type or out of range is E_BAD_OPTION naming the
 * key, the value and the caller's site.
 */
import { arrayOption, checkOptions, type OptionSchema } from '../options.js';
import { isNode } from '../ir/node.js';

/** Re-samples `avoidKinks: true` allows (a stated number, so a check always ends). */
export const DEFAULT_KINK_TRIES = 10;
const MAX_KINK_TRIES = 1000;

const GRADCHECK_OPTIONS: OptionSchema = {
  epsilon: { type: 'number', above: 0, below: 1 },
  wrt: arrayOption(
    'an array of inputs, params or their names',
    (w) => typeof w === 'string' || isNode(w),
  ),
  mode: { type: 'oneOf', values: ['full', 'random', 'adjoint', 'hvp'] },
  directions: { type: 'number', integer: true, min: 1, max: 1e6 },
  seed: { type: 'number', integer: true, min: 0 },
  threshold: { type: 'number', above: 0 },
  cost: { type: 'string' },
  grads: {
    type: 'custom',
    expected: 'an object of input name → output name',
    check: (v) =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      Object.values(v).every((s) => typeof s === 'string')
        ? undefined
        : '',
  },
  avoidKinks: {
    type: 'custom',
    expected: `true, false or { tries } with tries an integer in [1, ${MAX_KINK_TRIES}]`,
    check: (v) => {
      if (typeof v === 'boolean') return undefined;
      const tries = (v as { tries?: unknown } | null)?.tries;
      const ok =
        typeof v === 'object' &&
        v !== null &&
        Object.keys(v).every((k) => k === 'tries') &&
        typeof tries === 'number' &&
        Number.isInteger(tries) &&
        tries >= 1 &&
        tries <= MAX_KINK_TRIES;
      return ok ? undefined : '';
    },
  },
};

/** Checks gradcheck's options. */
export function checkGradcheckOptions(options: unknown): void {
  checkOptions('gradcheck', options, GRADCHECK_OPTIONS);
}

/** How many re-samples `avoidKinks` allows (0: none). */
export function kinkTries(avoidKinks: boolean | { readonly tries: number } | undefined): number {
  if (avoidKinks === undefined || avoidKinks === false) return 0;
  return avoidKinks === true ? DEFAULT_KINK_TRIES : avoidKinks.tries;
}
