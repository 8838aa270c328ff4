/**
 * Numerical gradient checking, the textbook procedure done carefully: two-sided differences
 * (J(θ+ε) − J(θ−ε))/2ε in float64, the relative error ‖g_approx − g‖₂ / (‖g_approx‖₂ + ‖g‖₂), a
 * verdict, and a per-input breakdown that points at the component that is off. Any NaN or ±Inf
 * fails the check. Works on a cost node, on a compiled gradgen function, or on any user-supplied
 * (cost, gradient) pair.
 */
import { grad } from '../autodiff/grad.js';
import { compile, type CompiledFunction } from '../emit/compile.js';
import { GradgenError } from '../errors.js';
import { leavesOf } from '../ir/graph.js';
import { isNode, type LeafNode, type Node } from '../ir/node.js';
import type { InputValue, InputValues } from '../ir/values.js';
import type { Shape } from '../ir/shape.js';
import { Rng } from '../rng.js';

/**
 * ≤ 1e-7 `correct`; ≤ 1e-5 `inspect` (maybe fine, look closer); ≤ 1e-3 `suspicious`;
 * > 1e-3 `bug` (almost certainly wrong); `nonfinite` when NaN or ±Inf appeared anywhere.
 */
export type Verdict = 'correct' | 'inspect' | 'suspicious' | 'bug' | 'nonfinite';

export interface GradcheckEntry {
  /** The input's name. */
  readonly name: string;
  readonly relativeError: number;
  readonly verdict: Verdict;
  /** Two-sided estimates: per component, or per random direction in `random` mode. */
  readonly numerical: Float64Array;
  /** The gradient under test, in the same layout as `numerical`. */
  readonly analytic: Float64Array;
  /** Index (component or direction) where |numerical − analytic| is largest. */
  readonly worstIndex: number;
  readonly maxAbsDiff: number;
}

export interface GradcheckResult {
  /** Over all checked components together. */
  readonly relativeError: number;
  readonly verdict: Verdict;
  /** True when the verdict is within the threshold (default: `correct`). */
  readonly ok: boolean;
  readonly epsilon: number;
  readonly mode: 'full' | 'random';
  readonly perInput: readonly GradcheckEntry[];
  /** Human-readable reasons for a non-finite verdict. */
  readonly problems: readonly string[];
  /** A table: one row per input, with its verdict. */
  report(): string;
}

export interface GradcheckOptions {
  /** Step ε; default 1e-7. */
  epsilon?: number;
  /**
   * The inputs to check (nodes or names); default: every param the cost depends on, or every
   * input when it has no params.
   */
  wrt?: readonly (Node | string)[];
  /**
   * `full` perturbs every component (2 cost evaluations each); `random` checks directional
   * derivatives g·u along `directions` seeded random directions u (entries N(0, 1)) per input,
   * for large tensors.
   */
  mode?: 'full' | 'random';
  directions?: number;
  seed?: number;
  /** `ok` requires relativeError ≤ threshold; default 1e-7. */
  threshold?: number;
  /** For a compiled function: which output is the cost (default: the one scalar non-gradient). */
  cost?: string;
  /** For a compiled function: input name → output holding its gradient (default `x` → `dx`). */
  grads?: Readonly<Record<string, string>>;
}

/** A user-supplied pair: the cost, and its gradient keyed by input name. */
export interface CostAndGradient {
  cost(inputs: InputValues): number;
  grad(inputs: InputValues): Readonly<Record<string, number | ArrayLike<number>>>;
}

export function verdictOf(relativeError: number): Verdict {
  if (!Number.isFinite(relativeError)) return 'nonfinite';
  if (relativeError <= 1e-7) return 'correct';
  if (relativeError <= 1e-5) return 'inspect';
  if (relativeError <= 1e-3) return 'suspicious';
  return 'bug';
}

/** ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂), defined as 0 when both are zero vectors. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i]! - b[i]!) ** 2;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  const denom = Math.sqrt(na) + Math.sqrt(nb);
  if (denom === 0) return diff === 0 ? 0 : Infinity;
  return Math.sqrt(diff) / denom;
}

const asArray = (v: InputValue): Float64Array =>
  typeof v === 'number' ? Float64Array.of(v) : Float64Array.from(v as ArrayLike<number>);

function withComponent(
  at: InputValues,
  name: string,
  base: Float64Array,
  scalar: boolean,
  set: (x: Float64Array) => void,
): InputValues {
  const x = Float64Array.from(base);
  set(x);
  return { ...at, [name]: scalar ? x[0]! : x };
}

/** The core procedure on a (cost, gradient) pair; every public form reduces to it. */
function checkPair(
  pair: CostAndGradient,
  at: InputValues,
  names: readonly string[],
  options: GradcheckOptions,
): GradcheckResult {
  const epsilon = options.epsilon ?? 1e-7;
  const mode = options.mode ?? 'full';
  const threshold = options.threshold ?? 1e-7;
  if (!(epsilon > 0))
    throw new GradgenError('E_BAD_OPTION', `gradcheck: epsilon must be > 0, got ${epsilon}`);
  const problems: string[] = [];
  // copied at once: a compiled function reuses its output arrays on the next (cost) call
  const analyticAll = Object.fromEntries(
    Object.entries(pair.grad(at)).map(([k, v]) => [
      k,
      typeof v === 'number' ? v : Float64Array.from(v),
    ]),
  );
  const rng = new Rng(options.seed ?? 1);
  const cost = (inputs: InputValues, what: string) => {
    const v = pair.cost(inputs);
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`cost is ${v} at ${what}`);
    return v;
  };
  cost(at, 'the check point');
  const perInput: GradcheckEntry[] = names.map((name) => {
    const value = at[name];
    if (value === undefined) {
      throw new GradgenError('E_MISSING_INPUT', `gradcheck: no value given for input '${name}'`);
    }
    const scalar = typeof value === 'number';
    const base = asArray(value);
    const given = analyticAll[name];
    if (given === undefined) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `gradcheck: the gradient function returned nothing for '${name}'`,
      );
    }
    const g = typeof given === 'number' ? Float64Array.of(given) : Float64Array.from(given);
    if (g.length !== base.length) {
      throw new GradgenError(
        'E_INPUT_SHAPE',
        `gradcheck: the gradient for '${name}' has ${g.length} components but the input has ${base.length}`,
      );
    }
    g.forEach((v, i) => {
      if (!Number.isFinite(v)) problems.push(`analytic d${name}[${i}] is ${v}`);
    });
    let numerical: Float64Array;
    let analytic: Float64Array;
    if (mode === 'full') {
      numerical = new Float64Array(base.length);
      analytic = g;
      for (let i = 0; i < base.length; i++) {
        const plus = cost(
          withComponent(at, name, base, scalar, (x) => (x[i]! += epsilon)),
          `${name}[${i}] + ε`,
        );
        const minus = cost(
          withComponent(at, name, base, scalar, (x) => (x[i]! -= epsilon)),
          `${name}[${i}] − ε`,
        );
        numerical[i] = (plus - minus) / (2 * epsilon);
      }
    } else {
      const k = options.directions ?? 4;
      numerical = new Float64Array(k);
      analytic = new Float64Array(k);
      for (let d = 0; d < k; d++) {
        const u = new Float64Array(base.length).map(() => rng.normal());
        // Entries N(0, 1), not a unit vector: every component moves by about ε, as in full mode,
        // so g·u is as large as ‖g‖ and round-off in J(θ ± εu) does not swamp it.
        const plus = cost(
          withComponent(at, name, base, scalar, (x) =>
            x.forEach((_, i) => (x[i]! += epsilon * u[i]!)),
          ),
          `${name} + εu${d}`,
        );
        const minus = cost(
          withComponent(at, name, base, scalar, (x) =>
            x.forEach((_, i) => (x[i]! -= epsilon * u[i]!)),
          ),
          `${name} − εu${d}`,
        );
        numerical[d] = (plus - minus) / (2 * epsilon);
        analytic[d] = g.reduce((s, gi, i) => s + gi * u[i]!, 0);
      }
    }
    let worstIndex = 0;
    let maxAbsDiff = 0;
    numerical.forEach((v, i) => {
      const d = Math.abs(v - analytic[i]!);
      if (!(d <= maxAbsDiff)) {
        maxAbsDiff = d;
        worstIndex = i;
      }
    });
    const err = relativeError(numerical, analytic);
    return {
      name,
      relativeError: err,
      verdict: verdictOf(err),
      numerical,
      analytic,
      worstIndex,
      maxAbsDiff,
    };
  });
  const concat = (pick: (e: GradcheckEntry) => Float64Array) => {
    const parts = perInput.map(pick);
    const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) out.set(p, (o += p.length) - p.length);
    return out;
  };
  const total = relativeError(
    concat((e) => e.numerical),
    concat((e) => e.analytic),
  );
  const nonfinite = problems.length > 0 || !Number.isFinite(total);
  const verdict: Verdict = nonfinite ? 'nonfinite' : verdictOf(total);
  const result: GradcheckResult = {
    relativeError: nonfinite ? NaN : total,
    verdict,
    ok: !nonfinite && total <= threshold,
    epsilon,
    mode,
    perInput: nonfinite
      ? perInput.map((e) => ({ ...e, verdict: 'nonfinite' as const, relativeError: NaN }))
      : perInput,
    problems,
    report: () => formatReport(result),
  };
  return result;
}

function formatReport(r: GradcheckResult): string {
  const rows = r.perInput.map((e) => {
    const worst =
      e.numerical.length > 1
        ? `${r.mode === 'full' ? '' : 'direction '}[${e.worstIndex}] numerical ${e.numerical[e.worstIndex]!.toPrecision(8)} vs ${e.analytic[e.worstIndex]!.toPrecision(8)}`
        : `numerical ${e.numerical[0]!.toPrecision(8)} vs ${e.analytic[0]!.toPrecision(8)}`;
    return [e.name, e.relativeError.toExponential(2), e.verdict, worst];
  });
  const header = ['input', 'rel. error', 'verdict', 'worst component'];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const lines = [
    `gradient check (two-sided, ε = ${r.epsilon}, ${r.mode === 'full' ? 'every component' : 'random directions'})`,
    line(header),
    ...rows.map(line),
    `overall: relative error ${Number.isNaN(r.relativeError) ? 'n/a' : r.relativeError.toExponential(2)} → ${r.verdict}${r.ok ? '' : ' (FAILED)'}`,
    ...r.problems.slice(0, 10).map((p) => `  non-finite: ${p}`),
  ];
  return lines.join('\n');
}

function isCompiled(x: unknown): x is CompiledFunction {
  return typeof x === 'function' && 'graph' in x && 'source' in x;
}

function wrtNames(wrt: GradcheckOptions['wrt'], fallback: readonly string[]): string[] {
  if (!wrt) return [...fallback];
  return wrt.map((w) => {
    if (typeof w === 'string') return w;
    if (isNode(w) && (w.kind === 'input' || w.kind === 'param')) return w.name;
    throw new GradgenError(
      'E_GRAD_NOT_INPUT',
      'gradcheck: options.wrt must list inputs, params or their names',
    );
  });
}

/**
 * Checks gradients numerically.
 * - `gradcheck(J, at)`: J is a scalar cost node; its symbolic gradient is compiled and checked.
 * - `gradcheck(f, at, { cost: 'J', grads: { a: 'da' } })`: a compiled gradgen function.
 * - `gradcheck({ cost, grad }, at)`: any cost function and gradient function (e.g. hand-written).
 */
export function gradcheck(
  target: Node | CompiledFunction | CostAndGradient,
  at: InputValues,
  options: GradcheckOptions = {},
): GradcheckResult {
  if (isNode(target)) {
    const leaves = leavesOf([target], 'gradcheck');
    const params = leaves.filter((l) => l.kind === 'param');
    const names = wrtNames(
      options.wrt,
      (params.length > 0 ? params : leaves).map((l) => l.name),
    );
    const wrt = names.map((n) => {
      const leaf = leaves.find((l) => l.name === n);
      if (!leaf) {
        throw new GradgenError(
          'E_GRAD_NOT_INPUT',
          `gradcheck: the cost does not take an input named '${n}'`,
        );
      }
      return leaf;
    });
    const grads = grad(target, wrt);
    const gradOutputs: Record<string, Node> = {};
    wrt.forEach((leaf, i) => (gradOutputs[`d${leaf.name}`] = grads[i]!));
    const inputs: LeafNode[] = leaves;
    const costFn = compile({ cost: target }, { inputs, name: 'cost' });
    const gradFn = compile(gradOutputs, { inputs, name: 'gradient' });
    const pair: CostAndGradient = {
      cost: (x) => costFn(x).cost as number,
      grad: (x) => {
        const out = gradFn(x);
        return Object.fromEntries(names.map((n) => [n, out[`d${n}`]!]));
      },
    };
    return checkPair(pair, at, names, options);
  }
  if (isCompiled(target)) {
    const outputs = Object.keys(target.outputs);
    const inputNames = target.inputs.map((i) => i.name);
    const gradMap =
      options.grads ??
      Object.fromEntries(
        inputNames.filter((n) => outputs.includes(`d${n}`)).map((n) => [n, `d${n}`]),
      );
    const gradOutputs = new Set(Object.values(gradMap));
    const candidates = outputs.filter(
      (o) => !gradOutputs.has(o) && (target.outputs as Record<string, Shape>)[o]!.length === 0,
    );
    const costKey = options.cost ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!costKey || !outputs.includes(costKey)) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `gradcheck: say which output is the cost (options.cost); outputs are ${outputs.join(', ')}`,
      );
    }
    for (const [input, out] of Object.entries(gradMap)) {
      if (!outputs.includes(out)) {
        throw new GradgenError(
          'E_BAD_OPTION',
          `gradcheck: the gradient of '${input}' is said to be output '${out}', which does not exist`,
        );
      }
    }
    const names = wrtNames(options.wrt, Object.keys(gradMap));
    const f = target;
    const pair: CostAndGradient = {
      cost: (x) => f(x)[costKey] as number,
      grad: (x) => {
        const out = f(x);
        return Object.fromEntries(names.map((n) => [n, out[gradMap[n]!]!]));
      },
    };
    return checkPair(pair, at, names, options);
  }
  if (
    typeof target === 'object' &&
    target !== null &&
    typeof (target as CostAndGradient).cost === 'function' &&
    typeof (target as CostAndGradient).grad === 'function'
  ) {
    const pair = target as CostAndGradient;
    const names = wrtNames(options.wrt, Object.keys(pair.grad(at)));
    return checkPair(pair, at, names, options);
  }
  throw new GradgenError(
    'E_BAD_ARGUMENT',
    'gradcheck: expected a cost node, a compiled function, or { cost, grad } functions',
  );
}
