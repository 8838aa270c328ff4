/**
 * The hazard lint: walks the optimized graph (forward and backward, as the outputs hold them) with
 * the range analysis over the inputs' given or sampled ranges, and reports each op that can
 * overflow or produce NaN there, with its call site and a fix. It looks at the graph `compile`
 * emits, after the stability rules: log(σ(z)) has become −softplus(−z), which is safe, and is not
 * reported.
 */
import { checkNamedNodes, leavesOf, toposort } from '../ir/graph.js';
import type { ApplyNode, Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import type { InputValues } from '../ir/values.js';
import type { Interval } from '../ops/interval.js';
import { optimize } from '../rewrite/optimize.js';
import { checkOptions, type OptionSchema } from '../options.js';
import { leafRanges, nodeRanges, sampleDims } from './lintRanges.js';

/**
 * The hazards the lint reports, each with what it means and the fix it suggests. This table is
 * the one list of finding kinds.
 */
export const FINDING_KINDS = {
  'exp-overflow': {
    what: 'eˣ of an operand that can exceed 709.78 overflows to ∞',
    hint: 'use softplus(x) for log(1 + eˣ), logSigmoid (−softplus(−x)) or logSoftmax for logs of probabilities, or clip the operand',
  },
  'log-of-zero': {
    what: 'log of an operand that can reach 0 (−∞) or be negative (NaN)',
    hint: 'add ε (log(x + 1e-8)); for log σ(x) or log(1 − σ(x)) use −softplus(∓x)',
  },
  'division-by-zero': {
    what: 'a division (or a negative power) whose denominator can reach 0: ±∞ or 0/0 = NaN',
    hint: 'add ε to the denominator (x/(y + 1e-8)) or clip it away from 0',
  },
  'sqrt-derivative-at-zero': {
    what: '√ of an operand that can reach 0: its derivative 1/(2√x) is ∞ there',
    hint: 'add ε inside the root (√(x + 1e-12)), or use |x| for √(x²)',
  },
  'zero-times-infinity': {
    what: 'a product of a factor that can be 0 and one that can overflow to ∞: 0·∞ = NaN (typically in a backward: an adjoint of 0 times an overflowed derivative)',
    hint: 'keep the overflowing factor finite (clip, or reorder so that the overflow cancels first: σ(x)·(1 − σ(x)) rather than eˣ/(1 + eˣ)²)',
  },
  'sqrt-of-negative': {
    what: '√ of an operand that can be negative is NaN',
    hint: 'clip the operand to ≥ 0 (max(x, 0)), or take √ of a square sum (√(x² + ε))',
  },
  'pow-negative-base': {
    what: 'xᵏ with a non-integer k of a base that can be negative is NaN',
    hint: 'use an integer exponent, |x|ᵏ, or clip the base to ≥ 0',
  },
  cancellation: {
    what: 'a difference of two terms that can both exceed 1e8 while it can be below 1: its digits cancel',
    hint: 'reorder: subtract before scaling up, or write the difference in closed form (e.g. softplus(x) − x = softplus(−x))',
  },
} as const;

export type FindingKind = keyof typeof FINDING_KINDS;

/** One hazard: of which kind, at which op, in which formula, from which line of the user's code. */
export interface Finding {
  readonly kind: FindingKind;
  /** The op (`exp`, `log`, `div`, …). */
  readonly op: string;
  /** The op's node as a formula, with the user's names. */
  readonly formula: string;
  /** Where the user built it (`model.ts:12`), when known. */
  readonly site: string | undefined;
  /** What can go wrong, with the range that allows it. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
}

export interface LintOptions {
  /** The range of an input or param by name: `{ x: [-5, 5] }`. */
  readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
  /** Values of inputs and params: each one's range is that of its values (a param's at least [−1, 1]). */
  readonly sample?: InputValues;
}

const LINT_OPTIONS: OptionSchema = {
  ranges: { type: 'custom', expected: 'an object of [lo, hi] ranges by name', check: isRecord },
  sample: { type: 'custom', expected: 'an object of input values by name', check: isRecord },
};

function isRecord(x: unknown): string | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? undefined : '';
}

const EXP_LIMIT = Math.log(Number.MAX_VALUE); // 709.78…
const CANCELLATION_TERM = 1e8;

const canBeZero = (r: Interval) => r.lo <= 0 && r.hi >= 0;
const canOverflow = (r: Interval) => r.hi === Infinity || r.lo === -Infinity;
const show = (r: Interval) => `[${r.lo}, ${r.hi}]`;

/** Whether both terms can exceed 1e8 in magnitude with one sign, and their difference be below 1. */
function cancels(a: Interval, b: Interval): boolean {
  const bothLarge =
    (a.hi >= CANCELLATION_TERM && b.hi >= CANCELLATION_TERM) ||
    (a.lo <= -CANCELLATION_TERM && b.lo <= -CANCELLATION_TERM);
  return bothLarge && a.lo - b.hi < 1 && a.hi - b.lo > -1;
}

/** Whether `n` is √x, or a product with a √x factor (the shape of √′'s denominator 2√x). */
function sqrtIn(n: Node): ApplyNode | undefined {
  if (n.kind !== 'apply') return undefined;
  if (n.op === 'sqrt') return n;
  return n.op === 'mul' ? (sqrtIn(n.args[0]!) ?? sqrtIn(n.args[1]!)) : undefined;
}

type Check = (n: ApplyNode, range: (x: Node) => Interval) => [FindingKind, string] | undefined;

/** Per op, what can go wrong given its operands' ranges. */
const CHECKS: Readonly<Record<string, Check>> = {
  exp: (n, range) => {
    const r = range(n.args[0]!);
    return r.hi > EXP_LIMIT ? ['exp-overflow', `its operand ranges over ${show(r)}`] : undefined;
  },
  log: (n, range) => {
    const r = range(n.args[0]!);
    if (r.lo < 0) return ['log-of-zero', `its operand ranges over ${show(r)}: negative is NaN`];
    return r.lo <= 0
      ? ['log-of-zero', `its operand ranges over ${show(r)}: log 0 = −∞`]
      : undefined;
  },
  // the stable forms the stabilize rules make of eˣ − 1 and log(1 + x) keep their hazards
  expm1: (n, range) => {
    const r = range(n.args[0]!);
    return r.hi > EXP_LIMIT ? ['exp-overflow', `its operand ranges over ${show(r)}`] : undefined;
  },
  log1p: (n, range) => {
    const r = range(n.args[0]!);
    if (r.lo < -1) return ['log-of-zero', `its operand ranges over ${show(r)}: 1 + x < 0 is NaN`];
    return r.lo <= -1
      ? ['log-of-zero', `its operand ranges over ${show(r)}: log1p(−1) = −∞`]
      : undefined;
  },
  div: (n, range) => {
    const d = range(n.args[1]!);
    if (!canBeZero(d)) return undefined;
    const root = sqrtIn(n.args[1]!);
    if (root && canBeZero(range(root.args[0]!))) {
      return [
        'sqrt-derivative-at-zero',
        `the denominator holds √ of ${formula(root.args[0]!, { useNames: true, depth: 3 })}, which ranges over ${show(range(root.args[0]!))}`,
      ];
    }
    return ['division-by-zero', `the denominator ranges over ${show(d)}`];
  },
  sqrt: (n, range) => {
    const r = range(n.args[0]!);
    return r.lo < 0 ? ['sqrt-of-negative', `its operand ranges over ${show(r)}`] : undefined;
  },
  pow: (n, range) => {
    const k = n.attrs.k as number;
    const r = range(n.args[0]!);
    if (!Number.isInteger(k) && r.lo < 0) {
      return ['pow-negative-base', `the exponent is ${k} and the base ranges over ${show(r)}`];
    }
    if (k < 0 && canBeZero(r)) {
      return ['division-by-zero', `the exponent is ${k} and the base ranges over ${show(r)}`];
    }
    return undefined;
  },
  mul: (n, range) => {
    const [a, b] = n.args.map(range) as [Interval, Interval];
    const hazard = (canBeZero(a) && canOverflow(b)) || (canBeZero(b) && canOverflow(a));
    return hazard
      ? ['zero-times-infinity', `the factors range over ${show(a)} and ${show(b)}`]
      : undefined;
  },
  sub: (n, range) => {
    const [a, b] = n.args.map(range) as [Interval, Interval];
    return cancels(a, b)
      ? ['cancellation', `the terms range over ${show(a)} and ${show(b)}`]
      : undefined;
  },
  add: (n, range) => {
    const [a, b] = n.args.map(range) as [Interval, Interval];
    const minusB: Interval = { lo: -b.hi, hi: -b.lo, loOpen: b.hiOpen, hiOpen: b.loOpen };
    return cancels(a, minusB)
      ? ['cancellation', `the terms range over ${show(a)} and ${show(b)}`]
      : undefined;
  },
};

/**
 * The hazards of `outputs` (include the gradients to lint the backward too, as a model's outputs
 * do): each op of the optimized graph that can overflow or produce NaN over the inputs' ranges.
 * A leaf's range is `options.ranges[name]` when given; else that of its values in
 * `options.sample` (a param's widened to at least [−1, 1]); else [0, 1] for a dropout mask; else
 * [−1000, 1000]. The batch dimension's size is the sample's, else 1000.
 */
export function lint(
  outputs: Readonly<Record<string, Node>>,
  options: LintOptions = {},
): Finding[] {
  checkNamedNodes('lint', outputs);
  checkOptions('lint', options, LINT_OPTIONS);
  const built = Object.values(outputs);
  const roots = Object.values(optimize(outputs).outputs);
  const leaves = leavesOf([...built, ...roots], 'lint');
  const order = toposort(roots);
  const ranges = nodeRanges(
    order,
    leafRanges(leaves, built, options),
    sampleDims(leaves, options.sample),
  );
  const range = (x: Node) => ranges.get(x)!;
  const findings: Finding[] = [];
  for (const n of order) {
    if (n.kind !== 'apply') continue;
    const found = CHECKS[n.op]?.(n, range);
    if (!found) continue;
    const [kind, why] = found;
    findings.push({
      kind,
      op: n.op,
      formula: formula(n, { useNames: true, depth: 4 }),
      site: n.site,
      message: `${n.op}: ${FINDING_KINDS[kind].what}; ${why}`,
      hint: FINDING_KINDS[kind].hint,
    });
  }
  return findings;
}

/** The findings as lines: `kind  formula  (site)`, the message and the hint. */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no hazards found';
  return findings
    .map((f) =>
      [
        `${f.kind}: ${f.formula}${f.site ? `  (${f.site})` : ''}`,
        `  ${f.message}`,
        `  fix: ${f.hint}`,
      ].join('\n'),
    )
    .join('\n');
}
