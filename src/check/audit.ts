/**
 * The rewrite audit: every registered rule, on concrete instances of its pattern, evaluated on an
 * adversarial grid of inputs (0, ±1e-300, subnormals, ±1, ±37, ±1e2, ±800, ±1e4 and their mixes)
 * in float64 before and after the rewrite, against a double-double reference of the original.
 * The criterion is PyTensor's: wherever the original is finite, the rewritten value is within
 * {@link AuditOptions.maxUlps} (4) ulp of the reference — or no farther from it than the original
 * itself (a rewrite is not blamed for the original's own rounding, such as a dot product's
 * cancellation); the rewritten may be finite where the original overflowed or was NaN, never the
 * reverse. A rule that throws while rewriting fails too.
 */
import { leavesOf } from '../ir/graph.js';
import { run } from '../ir/interp.js';
import type { LeafNode, Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import type { InputValues } from '../ir/values.js';
import type { Phase, Rule } from '../rewrite/engine.js';
import { PHASES } from '../rewrite/rules.js';
import { Rng } from '../rng.js';
import { instancesOf, type RuleInstance } from './auditInstances.js';
import { runWide } from './wideInterp.js';
import * as W from './wideDD.js';
import type { Wide } from './wideDD.js';
import type { Ref } from './wideInterp.js';

/** The grid each input element is drawn from. */
export const AUDIT_GRID: readonly number[] = [
  0, 1e-300, -1e-300, 5e-324, -5e-324, 2.5e-310, -2.5e-310, 1, -1, 37, -37, 100, -100, 800, -800,
  1e4, -1e4,
];

export interface AuditOptions {
  /** The rules' phases (default: the optimizer's). */
  readonly phases?: readonly Phase[];
  /** The tolerance, in ulp of the reference (default 4). */
  readonly maxUlps?: number;
  /** Points per instance at most: every grid combination when there are fewer (default 1500). */
  readonly maxPoints?: number;
}

/** Where a rule did worst: the instance, the inputs and the three values. */
export interface AuditPoint {
  readonly instance: string;
  readonly inputs: Readonly<Record<string, number | readonly number[]>>;
  readonly original: number;
  readonly rewritten: number;
  readonly reference: number;
  /** |rewritten − reference| in ulp of the reference, and relative to it. */
  readonly ulps: number;
  readonly relative: number;
  /** Why this point fails the criterion, when it does. */
  readonly failure?: string;
}

export interface AuditRow {
  readonly phase: string;
  readonly rule: string;
  readonly algebra: string;
  /** The instances' formulas (`log(1 − σ(x)) → −softplus(x)`). */
  readonly instances: readonly string[];
  /** Points evaluated (over all instances), and those where the original was finite. */
  readonly points: number;
  readonly compared: number;
  readonly failures: number;
  /** The worst failing point, else the point of the largest error. */
  readonly worst: AuditPoint | undefined;
  /** Errors of instances whose rewrite threw. */
  readonly threw: readonly string[];
  readonly ok: boolean;
}

export interface AuditResult {
  readonly rows: readonly AuditRow[];
  /** Every rule passed. */
  readonly ok: boolean;
  /** The rules that failed, by name. */
  readonly failing: readonly string[];
  /** The table: a line per rule (points tried, worst relative error, where). */
  report(): string;
}

/** The spacing of float64s at x (the smallest subnormal below the normal range). */
export function ulp(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return NaN;
  if (a < 2 ** -1022) return 2 ** -1074;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const exponent = ((view.getUint16(0) >> 4) & 0x7ff) - 1023;
  return 2 ** (exponent - 52);
}

/** |x − ref| in ulp of ref. */
function ulpsFrom(x: number, ref: Wide): number {
  const diff = W.abs(W.sub(W.fromNumber(x), ref));
  if (W.sign(diff) === 0) return 0;
  return W.toNumber(W.div(diff, W.fromNumber(ulp(W.toNumber(ref)))));
}

/** The input points: every grid combination when few enough, else a seeded sample of them. */
function points(leaves: readonly LeafNode[], maxPoints: number, seed: number): InputValues[] {
  const sizes = leaves.map((l) => l.shape.reduce<number>((p, d) => p * (d as number), 1));
  const slots = sizes.reduce((a, b) => a + b, 0);
  const g = AUDIT_GRID.length;
  const tuples: number[][] = [];
  if (g ** slots <= maxPoints) {
    for (let k = 0; k < g ** slots; k++) {
      tuples.push(Array.from({ length: slots }, (_, s) => Math.floor(k / g ** s) % g));
    }
  } else {
    // every slot one grid value, then random mixes
    for (let i = 0; i < g; i++) tuples.push(new Array<number>(slots).fill(i));
    const rng = new Rng(seed);
    while (tuples.length < maxPoints) tuples.push(Array.from({ length: slots }, () => rng.int(g)));
  }
  return tuples.map((t) => {
    const values: Record<string, number | Float64Array> = {};
    let at = 0;
    leaves.forEach((leaf, i) => {
      const xs = t.slice(at, at + sizes[i]!).map((j) => AUDIT_GRID[j]!);
      at += sizes[i]!;
      values[leaf.name] = leaf.shape.length === 0 ? xs[0]! : Float64Array.from(xs);
    });
    return values;
  });
}

const show = (r: RuleInstance) =>
  `${formula(r.original)} → ${'threw' in r.rewritten ? 'throws' : formula(r.rewritten)}`;

/** Judges one element: undefined when the original is not finite (nothing to compare). */
/** A reference whose own error bound exceeds this much of its value cannot judge a float64. */
const UNDECIDED = W.fromNumber(2 ** -60);

/**
 * Judges one element: undefined when there is nothing to compare (the original is not finite,
 * or the reference cannot tell to this precision).
 */
function judge(original: number, rewritten: number, ref: Ref, maxUlps: number) {
  if (!Number.isFinite(original)) return undefined;
  if (!(W.compare(ref.err, W.mul(W.abs(ref.v), UNDECIDED)) <= 0)) return undefined;
  const reference = ref.v;
  const ulps = ulpsFrom(rewritten, reference);
  const refValue = W.toNumber(reference);
  const relative =
    refValue === 0
      ? rewritten === 0
        ? 0
        : Infinity
      : Math.abs(rewritten - refValue) / Math.abs(refValue);
  let failure: string | undefined;
  if (!Number.isFinite(rewritten)) failure = 'the original is finite, the rewritten is not';
  else if (Number.isFinite(refValue) && ulps > maxUlps && ulps > ulpsFrom(original, reference)) {
    failure = `${ulps.toPrecision(3)} ulp from the reference (the original: ${ulpsFrom(original, reference).toPrecision(3)})`;
  }
  if (!Number.isFinite(refValue) && failure === undefined) return undefined;
  return { ulps: Number.isNaN(ulps) ? Infinity : ulps, relative, failure };
}

interface Tally {
  points: number;
  compared: number;
  failures: number;
  worst: AuditPoint | undefined;
}

const worse = (p: AuditPoint, than: AuditPoint | undefined) =>
  !than ||
  (p.failure !== undefined && than.failure === undefined) ||
  ((p.failure !== undefined) === (than.failure !== undefined) && p.ulps > than.ulps);

function auditInstance(
  inst: RuleInstance & { rewritten: Node },
  options: Required<Pick<AuditOptions, 'maxUlps' | 'maxPoints'>>,
  tally: Tally,
): void {
  const { original, rewritten } = inst;
  const leaves = leavesOf([original, rewritten], 'audit');
  for (const values of points(leaves, options.maxPoints, tally.points + 1)) {
    tally.points++;
    const f = run([original, rewritten], values, 'audit');
    const ref = runWide([original], values).get(original)!.values;
    const o = f.get(original)!.data;
    const r = f.get(rewritten)!.data;
    for (let i = 0; i < o.length; i++) {
      const j = r.length === 1 ? 0 : i; // a constant result (x·0 → 0) broadcasts
      const verdict = judge(o[i]!, r[j]!, ref[i]!, options.maxUlps);
      if (!verdict) continue;
      tally.compared++;
      if (verdict.failure) tally.failures++;
      const point: AuditPoint = {
        instance: show(inst),
        inputs: Object.fromEntries(
          Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? v : [...v]]),
        ),
        original: o[i]!,
        rewritten: r[j]!,
        reference: W.toNumber(ref[i]!.v),
        ulps: verdict.ulps,
        relative: verdict.relative,
        ...(verdict.failure ? { failure: verdict.failure } : {}),
      };
      if (worse(point, tally.worst)) tally.worst = point;
    }
  }
}

/** Audits one rule on its instances. */
export function auditRule(phase: string, rule: Rule, options: AuditOptions = {}): AuditRow {
  const resolved = { maxUlps: options.maxUlps ?? 4, maxPoints: options.maxPoints ?? 1500 };
  const instances = instancesOf(rule);
  const tally: Tally = { points: 0, compared: 0, failures: 0, worst: undefined };
  const threw: string[] = [];
  for (const inst of instances) {
    if ('threw' in inst.rewritten) threw.push(`${formula(inst.original)}: ${inst.rewritten.threw}`);
    else auditInstance(inst as RuleInstance & { rewritten: Node }, resolved, tally);
  }
  return {
    phase,
    rule: rule.name,
    algebra: rule.algebra,
    instances: instances.map(show),
    ...tally,
    threw,
    ok: instances.length > 0 && tally.failures === 0 && threw.length === 0,
  };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x));

function rowLine(row: AuditRow): string {
  const verdict = row.instances.length === 0 ? 'NO INSTANCE' : row.ok ? 'ok' : 'FAIL';
  const w = row.worst;
  const worst = w ? `${fmt(w.ulps)} ulp (${fmt(w.relative)})` : '-';
  const where = w
    ? `${w.instance} at ${JSON.stringify(w.inputs)}: ${w.rewritten} vs ${w.reference}${w.failure ? ` — ${w.failure}` : ''}`
    : '';
  const threw = row.threw.map((t) => `\n      throws: ${t}`).join('');
  return `${verdict.padEnd(4)} ${`${row.phase}/${row.rule}`.padEnd(42)} ${String(row.points).padStart(6)} ${String(row.failures).padStart(6)}  ${worst.padEnd(24)} ${where}${threw}`;
}

/**
 * Audits every rule of the optimizer's phases (or of `options.phases`): the table per rule of
 * points tried, failures, worst error and where.
 */
export function audit(options: AuditOptions = {}): AuditResult {
  const rows = (options.phases ?? PHASES).flatMap((phase) =>
    phase.rules.map((rule) => auditRule(phase.name, rule, options)),
  );
  const failing = rows.filter((r) => !r.ok).map((r) => r.rule);
  return {
    rows,
    ok: failing.length === 0,
    failing,
    report: () =>
      [
        `     ${'rule'.padEnd(42)} ${'points'.padStart(6)} ${'fails'.padStart(6)}  ${'worst (relative)'.padEnd(24)} where`,
        ...rows.map(rowLine),
        '',
        failing.length === 0
          ? `all ${rows.length} rules pass (≤ ${options.maxUlps ?? 4} ulp where the original is finite)`
          : `${failing.length} of ${rows.length} rules fail: ${failing.join(', ')}`,
      ].join('\n'),
  };
}
