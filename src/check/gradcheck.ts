/**
 * Numerical gradient checking, the textbook procedure done carefully: two-sided differences
 * (J(θ+h) − J(θ−h))/2h with a relative step h = ε·max(1, |θᵢ|), the relative error
 * ‖g_approx − g‖₂ / (‖g_approx‖₂ + ‖g‖₂) per input (a row), a verdict per row, and the check's
 * verdict: the worst row's. A row is excused as `roundoff` only where every difference lies within
 * what round-off in J alone can cause; a component whose perturbation crosses a kink of the cost
 * (relu, abs, max, comparisons, …) is `kink`, and `avoidKinks` re-samples the point. Any NaN or
 * ±Inf fails. Works on a cost node, on a compiled gradgen function, or on any (cost, gradient)
 * pair.
 */
import { grad } from '../autodiff/grad.js';
import { compile, type CompiledFunction } from '../emit/compile.js';
import { GradgenError } from '../errors.js';
import { leavesOf } from '../ir/graph.js';
import { isNode, type LeafNode, type Node } from '../ir/node.js';
import type { InputValue, InputValues } from '../ir/values.js';
import type { Shape } from '../ir/shape.js';
import { Rng } from '../rng.js';
import { adjointEstimates, judgeAdjointRow } from './adjoint.js';
import { forwardDerivatives, type Directions } from './derivatives.js';
import { asArray, differences, type Differenced, type RowEstimates } from './differences.js';
import { HVP_EPSILON, hvpEstimates } from './hessian.js';
import { kinkProbe } from './kinks.js';
import { checkGradcheckOptions, kinkTries } from './options.js';
import { formatReport } from './report.js';
import { judgeRow, relativeError, worstOf, type Verdict } from './verdict.js';

export { relativeError, verdictOf, type Verdict } from './verdict.js';
export { ADJOINT_THRESHOLDS, adjointVerdictOf } from './adjoint.js';
export type { Directions } from './derivatives.js';

export interface GradcheckEntry {
  /** The input's name. */
  readonly name: string;
  readonly relativeError: number;
  readonly verdict: Verdict;
  /** Whether this row passes: relative error ≤ the threshold, or `roundoff`. */
  readonly ok: boolean;
  /** Two-sided estimates: per component, or per random direction in `random` mode. */
  readonly numerical: Float64Array;
  /** The gradient under test, in the same layout as `numerical`. */
  readonly analytic: Float64Array;
  /**
   * Per estimate, the round-off floor: how far round-off in J alone can move the estimate,
   * 4·u·(|J(θ+h)| + |J(θ−h)|)/2h ≈ 4·u·|J|/h (u = 2⁻⁵², or 2⁻²³ for a float32 cost). A row all of whose differences lie within
   * it is `roundoff`.
   */
  readonly floor: Float64Array;
  /** Estimates (components or directions) whose perturbation crossed a kink of the cost. */
  readonly kinks: readonly number[];
  /** Index (component or direction) where |numerical − analytic| is largest. */
  readonly worstIndex: number;
  readonly maxAbsDiff: number;
}

export interface GradcheckResult {
  /** Over all checked components together (for information: the verdict is the rows'). */
  readonly relativeError: number;
  /** The worst row's verdict (`correct` when there are no rows). */
  readonly verdict: Verdict;
  /** The row the verdict comes from (the first of the worst); undefined without rows. */
  readonly decidedBy: string | undefined;
  /** True when every row passes (see {@link GradcheckEntry.ok}); `kink` and `nonfinite` never do. */
  readonly ok: boolean;
  readonly epsilon: number;
  readonly mode: GradcheckMode;
  /** The precision the round-off floor is for: that of the cost under test. */
  readonly dtype: 'float64' | 'float32';
  /** J at the point checked. */
  readonly cost: number;
  /** The point checked: the one given, or where `avoidKinks` moved it. */
  readonly point: InputValues;
  /** How many times `avoidKinks` re-sampled the point (0: checked where given). */
  readonly resamples: number;
  readonly perInput: readonly GradcheckEntry[];
  /** Human-readable reasons for a non-finite verdict. */
  readonly problems: readonly string[];
  /** A table: one row per input, with its verdict; the overall verdict and the row behind it. */
  report(): string;
}

export interface GradcheckOptions {
  /** Step ε in (0, 1), relative: component θᵢ moves by ε·max(1, |θᵢ|); default 1e-7. */
  epsilon?: number;
  /**
   * The inputs to check (nodes or names); default: every param the cost depends on, or every
   * input when it has no params.
   */
  wrt?: readonly (Node | string)[];
  /**
   * `full` perturbs every component (2 cost evaluations each); `random` checks directional
   * derivatives g·u along `directions` seeded random directions u (entries N(0, 1), scaled by
   * max(1, |θᵢ|)) per input, for large tensors. `adjoint` compares ⟨J·v, w⟩ (the emitted JVP)
   * with ⟨v, Jᵀw⟩ (the gradient under test) for `directions` seeded pairs (v, w) per input: exact
   * to rounding, no differences (thresholds: {@link ADJOINT_THRESHOLDS}). `hvp` checks the
   * emitted Hessian-vector product against differences of the gradient along `directions`
   * seeded directions per input (default ε 1e-5).
   */
  mode?: GradcheckMode;
  /** Random directions (or adjoint pairs) per input, for every mode but `full`; default 4. */
  directions?: number;
  seed?: number;
  /** A row passes when its relative error ≤ threshold (or it is `roundoff`); default 1e-7. */
  threshold?: number;
  /**
   * When a row is `kink`, re-sample the point and check again: the components whose perturbation
   * crossed a kink (every component of the input, in random mode) move by 100·ε·max(1, |θᵢ|)·N(0, 1),
   * seeded by `seed`, up to `tries` times (`true`: 10). The result says how often, and where.
   */
  avoidKinks?: boolean | { readonly tries: number };
  /** For a compiled function: which output is the cost (default: the one scalar non-gradient). */
  cost?: string;
  /** For a compiled function: input name → output holding its gradient (default `x` → `dx`). */
  grads?: Readonly<Record<string, string>>;
}

/** A user-supplied pair: the cost, and its gradient keyed by input name. */
export interface CostAndGradient {
  cost(inputs: InputValues): number;
  grad(inputs: InputValues): Readonly<Record<string, number | ArrayLike<number>>>;
  /**
   * Values whose signs pick the smooth piece of the cost the point is on (a ReLU's
   * pre-activations, a − b of a max(a, b)), for kink detection; omit for a smooth cost.
   */
  kinks?(inputs: InputValues): ArrayLike<number>;
  /** The precision the cost is computed in (default float64): it sets the round-off floor. */
  readonly dtype?: 'float64' | 'float32';
  /** J·v along directions of some inputs (the rest do not move): what `adjoint` mode needs. */
  jvp?(inputs: InputValues, directions: Directions): number;
  /** H·v along directions of some inputs, per input: what `hvp` mode needs. */
  hvp?(inputs: InputValues, directions: Directions): Readonly<Record<string, ArrayLike<number>>>;
}

/** The kinds of check (see {@link GradcheckOptions.mode}). */
export type GradcheckMode = 'full' | 'random' | 'adjoint' | 'hvp';

/** How far `avoidKinks` moves a component, in steps h. */
const KINK_JITTER = 100;

/** The analytic gradients at `at`, copied (a compiled function reuses its output arrays). */
function analyticAt(
  pair: CostAndGradient,
  at: InputValues,
  names: readonly string[],
): Map<string, Float64Array> {
  const given = pair.grad(at);
  return new Map(
    names.map((name) => {
      if (at[name] === undefined) {
        throw new GradgenError('E_MISSING_INPUT', `gradcheck: no value given for input '${name}'`);
      }
      const g = given[name];
      if (g === undefined) {
        throw new GradgenError(
          'E_BAD_OPTION',
          `gradcheck: the gradient function returned nothing for '${name}'`,
        );
      }
      const copy = asArray(g as InputValue);
      const size = asArray(at[name]!).length;
      if (copy.length !== size) {
        throw new GradgenError(
          'E_INPUT_SHAPE',
          `gradcheck: the gradient for '${name}' has ${copy.length} components but the input has ${size}`,
        );
      }
      return [name, copy];
    }),
  );
}

function entryOf(
  name: string,
  estimates: RowEstimates,
  judged: Pick<GradcheckEntry, 'relativeError' | 'verdict' | 'ok'>,
): GradcheckEntry {
  const { numerical, analytic, floor, kinks } = estimates;
  let worstIndex = 0;
  let maxAbsDiff = 0;
  numerical.forEach((v, i) => {
    const d = Math.abs(v - analytic[i]!);
    if (!(d <= maxAbsDiff)) {
      maxAbsDiff = d;
      worstIndex = i;
    }
  });
  return { name, ...judged, numerical, analytic, floor, kinks, worstIndex, maxAbsDiff };
}

type Judged = Pick<GradcheckEntry, 'relativeError' | 'verdict' | 'ok'>;

/** How the rows of `mode` are estimated and judged. */
function rowChecker(
  pair: CostAndGradient,
  at: InputValues,
  names: readonly string[],
  options: GradcheckOptions,
  s: {
    epsilon: number;
    mode: GradcheckMode;
    unit: number;
    analytic: ReadonlyMap<string, Float64Array>;
  },
): (
  name: string,
  g: Float64Array,
) => { estimates: RowEstimates; judge: (e: RowEstimates, nonfinite: boolean) => Judged } {
  const directions = options.directions ?? 4;
  const rng = new Rng(options.seed ?? 1);
  const threshold = options.threshold ?? 1e-7;
  const judge = (e: RowEstimates, nonfinite: boolean) => judgeRow(e, nonfinite, threshold);
  if (s.mode === 'adjoint') {
    const jvp = needs(pair.jvp, 'adjoint', 'jvp(inputs, directions)');
    // a float32 gradient agrees with a float64 JVP to float32's rounding only
    const scale = s.unit / 2 ** -52;
    return (name, g) => ({
      estimates: adjointEstimates(jvp.bind(pair), at, name, g, directions, rng),
      judge: (e, nonfinite) => judgeAdjointRow(e, nonfinite, options.threshold, scale),
    });
  }
  if (s.mode === 'hvp') {
    const hvp = needs(pair.hvp, 'hvp', 'hvp(inputs, directions)');
    const second = {
      grad: (x: InputValues) => analyticAt(pair, x, names),
      hvp: hvp.bind(pair),
      kinks: pair.kinks ? (x: InputValues) => pair.kinks!(x) : undefined,
      unit: s.unit,
    };
    const settings = { epsilon: s.epsilon, directions, rng };
    return (name) => ({ estimates: hvpEstimates(second, at, name, names, settings), judge });
  }
  const f: Differenced = {
    cost: (x) => pair.cost(x),
    kinks: pair.kinks ? (x) => pair.kinks!(x) : undefined,
    unit: s.unit,
    round: s.unit === 2 ** -23 ? Math.fround : (v) => v,
  };
  const settings = {
    at,
    kinkSigns: pair.kinks ? Float64Array.from(pair.kinks(at)) : undefined,
    epsilon: s.epsilon,
    mode: s.mode,
    directions,
    rng,
  };
  return (name, g) => ({ estimates: differences(f, name, g, settings), judge });
}

function needs<F>(fn: F | undefined, mode: string, what: string): F {
  if (fn) return fn;
  throw new GradgenError(
    'E_BAD_OPTION',
    `gradcheck: mode '${mode}' needs the cost's ${mode === 'adjoint' ? 'JVP' : 'Hessian-vector product'}: check a cost node or a compiled gradgen function, or give the pair ${what}`,
  );
}

/** One check of every row at `at`. */
function checkAt(
  pair: CostAndGradient,
  at: InputValues,
  names: readonly string[],
  options: GradcheckOptions,
  resamples: number,
): GradcheckResult {
  const mode = options.mode ?? 'full';
  const epsilon = options.epsilon ?? (mode === 'hvp' ? HVP_EPSILON : 1e-7);
  const dtype = pair.dtype ?? 'float64';
  const unit = dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  const analytic = analyticAt(pair, at, names);
  const problems: string[] = [];
  const cost = pair.cost(at);
  // a non-finite cost at the point spoils every row; other problems only the row they are in
  const spoiled = typeof cost !== 'number' || !Number.isFinite(cost);
  if (spoiled) problems.push(`cost is ${cost} at the check point`);
  const row = rowChecker(pair, at, names, options, { epsilon, mode, unit, analytic });
  const perInput = names.map((name) => {
    const g = analytic.get(name)!;
    const mine = [...g.entries()].flatMap(([i, v]) =>
      Number.isFinite(v) ? [] : [`analytic d${name}[${i}] is ${v}`],
    );
    const { estimates, judge } = row(name, g);
    mine.push(...estimates.problems);
    problems.push(...mine);
    return entryOf(name, estimates, judge(estimates, spoiled || mine.length > 0));
  });
  return resultOf(
    perInput,
    { epsilon, mode, dtype, cost, point: at, resamples, problems },
    options,
  );
}

function resultOf(
  perInput: GradcheckEntry[],
  facts: Pick<
    GradcheckResult,
    'epsilon' | 'mode' | 'dtype' | 'cost' | 'point' | 'resamples' | 'problems'
  >,
  options: GradcheckOptions,
): GradcheckResult {
  const concat = (pick: (e: GradcheckEntry) => Float64Array) =>
    Float64Array.from(perInput.flatMap((e) => [...pick(e)]));
  const total = relativeError(
    concat((e) => e.numerical),
    concat((e) => e.analytic),
  );
  const worst = worstOf(perInput);
  const nonfinite = facts.problems.length > 0;
  const result: GradcheckResult = {
    ...facts,
    relativeError: nonfinite ? NaN : total,
    verdict: worst < 0 ? (nonfinite ? 'nonfinite' : 'correct') : perInput[worst]!.verdict,
    decidedBy: worst < 0 ? undefined : perInput[worst]!.name,
    ok: !nonfinite && perInput.every((e) => e.ok),
    perInput,
    report: () => formatReport(result, kinkTries(options.avoidKinks)),
  };
  return result;
}

/** The point with the kink rows' crossing components moved by about {@link KINK_JITTER} steps. */
function resample(r: GradcheckResult, epsilon: number, rng: Rng): InputValues {
  const point: Record<string, InputValue> = { ...r.point };
  for (const e of r.perInput.filter((row) => row.verdict === 'kink')) {
    const x = asArray(point[e.name]!);
    const moved = r.mode === 'full' ? e.kinks : [...x.keys()];
    for (const i of moved)
      x[i] = x[i]! + KINK_JITTER * epsilon * Math.max(1, Math.abs(x[i]!)) * rng.normal();
    point[e.name] = typeof point[e.name] === 'number' ? x[0]! : x;
  }
  return point;
}

/** The core procedure on a (cost, gradient) pair; every public form reduces to it. */
function checkPair(
  pair: CostAndGradient,
  at: InputValues,
  names: readonly string[],
  options: GradcheckOptions,
): GradcheckResult {
  const tries = kinkTries(options.avoidKinks);
  // a stream of its own: the random directions stay those of `seed` at every point
  const rng = new Rng(((options.seed ?? 1) ^ 0x6b696e6b) >>> 0);
  let result = checkAt(pair, at, names, options, 0);
  const kinked = (r: GradcheckResult) => r.perInput.some((e) => e.verdict === 'kink');
  for (let t = 1; t <= tries && kinked(result); t++) {
    result = checkAt(pair, resample(result, options.epsilon ?? 1e-7, rng), names, options, t);
  }
  return result;
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

/** A cost node's pair: its symbolic gradient compiled, and the probe of its kinks. */
function pairOfNode(
  target: Node,
  options: GradcheckOptions,
): { pair: CostAndGradient; names: string[] } {
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
  const kinks = kinkProbe(target, inputs);
  const forward = forwardDerivatives(target, inputs, wrt);
  const pair: CostAndGradient = {
    cost: (x) => costFn(x).cost as number,
    grad: (x) => {
      const out = gradFn(x);
      return Object.fromEntries(names.map((n) => [n, out[`d${n}`]!]));
    },
    jvp: (x, v) => forward.jvp(x, v),
    hvp: (x, v) => forward.hvp(x, v),
    ...(kinks ? { kinks } : {}),
  };
  return { pair, names };
}

/** A compiled function's pair: its cost output, its gradient outputs, its dtype and kinks. */
function pairOfCompiled(
  f: CompiledFunction,
  options: GradcheckOptions,
): { pair: CostAndGradient; names: string[] } {
  const outputs = Object.keys(f.outputs);
  const inputNames = f.inputs.map((i) => i.name);
  const gradMap =
    options.grads ??
    Object.fromEntries(
      inputNames.filter((n) => outputs.includes(`d${n}`)).map((n) => [n, `d${n}`]),
    );
  const gradOutputs = new Set(Object.values(gradMap));
  const candidates = outputs.filter(
    (o) => !gradOutputs.has(o) && (f.outputs as Record<string, Shape>)[o]!.length === 0,
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
  const costNode = (f.graph.outputs as Record<string, Node>)[costKey];
  const kinks = costNode ? kinkProbe(costNode, f.graph.inputs) : undefined;
  const leaves = f.graph.inputs as readonly LeafNode[];
  const wrt = leaves.filter((l) => names.includes(l.name));
  const forward = costNode ? forwardDerivatives(costNode, leaves, wrt) : undefined;
  const pair: CostAndGradient = {
    cost: (x) => f(x)[costKey] as number,
    grad: (x) => {
      const out = f(x);
      return Object.fromEntries(names.map((n) => [n, out[gradMap[n]!]!]));
    },
    dtype: f.dtype,
    ...(kinks ? { kinks } : {}),
    ...(forward ? { jvp: forward.jvp, hvp: forward.hvp } : {}),
  };
  return { pair, names };
}

function isPair(x: unknown): x is CostAndGradient {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as CostAndGradient).cost === 'function' &&
    typeof (x as CostAndGradient).grad === 'function'
  );
}

/**
 * Checks gradients numerically, one row per input.
 * - `gradcheck(J, at)`: J is a scalar cost node; its symbolic gradient is compiled and checked.
 * - `gradcheck(f, at, { cost: 'J', grads: { a: 'da' } })`: a compiled gradgen function.
 * - `gradcheck({ cost, grad }, at)`: any cost function and gradient function (e.g. hand-written);
 *   give `kinks` and `dtype` for kink detection and a float32 round-off floor.
 *
 * Each row gets a verdict by its relative error (README's thresholds), or `roundoff` when every
 * difference lies within the round-off floor (it does not fail: differences cannot judge it), or
 * `kink` when a perturbation crossed a kink (it fails; `avoidKinks` re-samples the point). The
 * result's `verdict` is the worst row's and names it (`decidedBy`); `ok` is false when any row
 * fails. Options are checked (E_BAD_OPTION names the key, the value and the call site).
 */
export function gradcheck(
  target: Node | CompiledFunction | CostAndGradient,
  at: InputValues,
  options: GradcheckOptions = {},
): GradcheckResult {
  checkGradcheckOptions(options);
  if (isNode(target)) {
    const { pair, names } = pairOfNode(target, options);
    return checkPair(pair, at, names, options);
  }
  if (isCompiled(target)) {
    const { pair, names } = pairOfCompiled(target, options);
    return checkPair(pair, at, names, options);
  }
  if (isPair(target)) {
    return checkPair(target, at, wrtNames(options.wrt, Object.keys(target.grad(at))), options);
  }
  throw new GradgenError(
    'E_BAD_ARGUMENT',
    'gradcheck: expected a cost node, a compiled function, or { cost, grad } functions',
  );
}
