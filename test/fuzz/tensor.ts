/**
 * The fuzzer's check of one random tensor graph (./tensorGraphs.ts): what can go wrong, as a kind.
 * - values: the interpreter against the compiled function — optimized and not, float64, every
 *   output (the cost, its gradients, the intermediates when exposed) within 16× a running
 *   rounding-error bound (`roundingErrors`); and float32 (optimized) within 4× the same bound
 *   with float32 storage, at the point rounded to float32;
 * - gradients: ⟨∇J, v⟩ for a random direction v against the forward-mode graph (`jvp`, its rules
 *   written independently of the VJPs) evaluated in double-double with an unbounded exponent;
 *   where they differ, two-sided differences say which mode is wrong. Where they agree, the
 *   two-sided difference must agree with both (within its truncation and rounding), which no
 *   shared mistake of the two modes could pass;
 * - second derivatives (on a quarter of the graphs): ⟨w, H·u⟩ by `hvp` (forward over reverse)
 *   and by the gradient of ⟨∇J, u⟩ (reverse over reverse), compiled, against forward over
 *   forward (the JVP along w of the JVP along u) in double-double.
 * Points where float64 and the reference take different branches, or the reference cannot
 * decide, are skipped; so are graphs without a safe point (every element of every elementwise op
 * in its domain and 1e-3 away from kinks and poles, every value ≤ 1e4).
 */
import { grad } from '../../src/autodiff/grad.ts';
import { jvp } from '../../src/autodiff/jvp.ts';
import { hvp } from '../../src/autodiff/vjp.ts';
import * as B from '../../src/builder/core.ts';
import { runWide, type WideTensor } from '../../src/check/wideInterp.ts';
import * as W from '../../src/check/wideDD.ts';
import { compile } from '../../src/emit/compile.ts';
import { GradgenError } from '../../src/errors.ts';
import { leavesOf, toposort } from '../../src/ir/graph.ts';
import { broadcastStrides, run, type Tensor } from '../../src/ir/interp.ts';
import type { InputNode, Node } from '../../src/ir/node.ts';
import type { InputValues } from '../../src/ir/values.ts';
import { Rng } from '../../src/rng.ts';
import {
  concreteShape,
  FLOAT32_UNIT,
  FLOAT64_UNIT,
  leafValues,
  roundedToFloat32,
  roundingErrors,
  unsafeReason,
} from '../props/tensorArbitraries.ts';
import { relativeDifference } from '../props/arbitraries.ts';
import { BRANCHES, type Outcome } from './scalar.ts';
import { buildTensorGraph, type TensorGraph, type TensorRecipe } from './tensorGraphs.ts';

/** Candidate points per graph (value seeds seed, seed + 1, …) before it is skipped. */
const ATTEMPTS = 4;
const STEP = 1e-6;

type Values = Record<string, number | Float64Array>;
type Bounds = ReadonlyMap<Node, Float64Array> | undefined;

const failure = (kind: string, detail: string): Outcome => ({ kind, detail });
const skipped = (why: string): Outcome => ({ kind: `skipped (${why})`, detail: why });
const error = (e: unknown) =>
  e instanceof GradgenError ? `compile-error ${e.code}` : `crash ${(e as Error)?.name ?? 'thrown'}`;

/** A case: its graph, outputs, point and the values of every node there. */
interface Case {
  readonly graph: TensorGraph;
  readonly outputs: Record<string, Node>;
  readonly grads: readonly Node[];
  readonly values: InputValues;
  readonly m: number;
}

/** The case of a recipe at its first safe point, or why there is none. */
export function caseOf(recipe: TensorRecipe): Case | string {
  const graph = buildTensorGraph(recipe);
  if (!graph) return 'no leaf';
  let grads: Node[];
  try {
    grads = grad(graph.cost, graph.leaves);
  } catch (e) {
    // x/0 by the constant 0 (an unguarded divisor): its VJP's 1/0 does not fold
    if (e instanceof GradgenError && e.code === 'E_DOMAIN') return 'a constant outside the domain';
    throw e;
  }
  const outputs: Record<string, Node> = { J: graph.cost };
  const taken = new Set<Node>([graph.cost]);
  const output = (key: string, n: Node) => {
    if (!taken.has(n)) ((outputs[key] = n), taken.add(n));
  };
  graph.leaves.forEach((l, i) => output(`d${l.name}`, grads[i]!));
  if (recipe.expose) graph.intermediates.forEach((n, i) => output(`t${i}`, n));
  const leafInfo = graph.leaves.map((node) => ({ node, label: false }));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const values = leafValues(leafInfo, recipe.m, recipe.seed + attempt);
    const all = run([...Object.values(outputs), ...grads], values);
    if (unsafeReason(all) === undefined) return { graph, outputs, grads, values, m: recipe.m };
  }
  return 'no safe point';
}

/** The kind of the first thing that goes wrong for this graph, or ok / skipped (why). */
export function checkTensorCase(recipe: TensorRecipe): Outcome {
  try {
    return checkCase(recipe);
  } catch (e) {
    // building the graph, its gradients or the references threw on a valid graph
    return failure(`${error(e)} (building or evaluating)`, (e as Error).stack ?? String(e));
  }
}

function checkCase(recipe: TensorRecipe): Outcome {
  const c = caseOf(recipe);
  if (typeof c === 'string') return skipped(c);
  const compiled = checkValues(c);
  if ('kind' in compiled) return compiled;
  const first = checkGradient(c, compiled.gradients, recipe.seed);
  if (first.kind !== 'ok' || !recipe.second) return first;
  return checkSecond(c, recipe.seed);
}

// ---- values -------------------------------------------------------------------------------------

/** Rounding-error bounds of every node, or undefined for an op the model does not know. */
function boundsOf(all: ReadonlyMap<Node, Tensor>, storage: number): Bounds {
  try {
    // float32: any value may be stored (the optimizer may compute a scalar in a (1) tensor)
    const scalarsStored = storage > FLOAT64_UNIT;
    return roundingErrors(all, { storage, arithmetic: 2 * FLOAT64_UNIT, leaves: 0, scalarsStored });
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('roundingErrors: no error model')) return;
    throw e;
  }
}

/** Where `got` is farther from `want` than `slack`·bound (plus `unit` relative), if anywhere. */
function mismatch(
  got: unknown,
  want: Float64Array,
  bound: Float64Array | undefined,
  slack: number,
  unit: number,
): string | undefined {
  const xs = typeof got === 'number' ? [got] : Array.from(got as ArrayLike<number>);
  if (xs.length !== want.length) return `${xs.length} elements, not ${want.length}`;
  const scale = Math.max(1, ...Array.from(want, Math.abs));
  for (let k = 0; k < xs.length; k++) {
    const w = want[k]!;
    // without a bound: 1e-10 of the output's scale (float32: 1e-5)
    const tol = bound
      ? slack * bound[k]! + unit * Math.abs(w) + 1e-300
      : (unit > 0 ? 1e-5 : 1e-10) * scale;
    if (!(Math.abs(xs[k]! - w) <= tol)) {
      return `element ${k}: compiled ${xs[k]} vs interpreted ${w} (tolerance ${tol})`;
    }
  }
  return undefined;
}

/** Each variant's compiled outputs against the interpreter; the optimized gradients. */
function checkValues(c: Case): Outcome | { gradients: Values } {
  const all64 = run(Object.values(c.outputs), c.values);
  const bounds64 = boundsOf(all64, FLOAT64_UNIT);
  const values32 = roundedToFloat32(c.values);
  const all32 = run(Object.values(c.outputs), values32);
  const bounds32 = boundsOf(all32, FLOAT32_UNIT);
  const variants = [
    { name: 'optimized', options: {}, values: c.values, all: all64, bounds: bounds64 },
    {
      name: 'unoptimized',
      options: { optimize: false },
      values: c.values,
      all: all64,
      bounds: bounds64,
    },
    {
      name: 'float32',
      options: { dtype: 'float32' as const },
      values: values32,
      all: all32,
      bounds: bounds32,
    },
  ];
  let gradients: Values = {};
  for (const v of variants) {
    let got: Values;
    try {
      got = snapshot(compile(c.outputs, v.options)(v.values));
    } catch (e) {
      return failure(error(e), `${v.name}: ${(e as Error).message}`);
    }
    const [slack, unit] = v.name === 'float32' ? [4, FLOAT32_UNIT] : [16, 0];
    for (const [key, node] of Object.entries(c.outputs)) {
      const bad = mismatch(got[key], v.all.get(node)!.data, v.bounds?.get(node), slack, unit);
      if (bad) return failure(`value (${v.name})`, `${key}: ${bad}`);
    }
    if (v.name === 'optimized') gradients = got;
  }
  return { gradients };
}

/** A copy of a compiled function's result (its arrays are reused by the next call). */
function snapshot(out: Readonly<Record<string, unknown>>): Values {
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [
      k,
      typeof v === 'number' ? v : Float64Array.from(v as ArrayLike<number>),
    ]),
  );
}

// ---- first derivatives --------------------------------------------------------------------------

/** Random values in (−1, 1) shaped like each leaf, named `prefix` + the leaf's name. */
function directions(leaves: readonly InputNode[], m: number, seed: number, prefix: string) {
  const rng = new Rng(seed);
  const draw = () => 2 * rng.uniform() - 1;
  const out: Values = {};
  for (const l of leaves) {
    const n = concreteShape(l.shape, m).reduce((p, d) => p * d, 1);
    out[`${prefix}${l.name}`] =
      l.shape.length === 0 ? draw() : Float64Array.from({ length: n }, draw);
  }
  return out;
}

const elements = (v: number | ArrayLike<number>) => (typeof v === 'number' ? [v] : Array.from(v));

/** Σ over leaves of ⟨a_leaf, b_leaf⟩, and Σ of the products' magnitudes. */
function dot(
  a: readonly (number | ArrayLike<number>)[],
  b: readonly (number | ArrayLike<number>)[],
) {
  let value = 0;
  let scale = 0;
  a.forEach((x, i) => {
    const ys = elements(b[i]!);
    elements(x).forEach((xk, k) => {
      value += xk * ys[k]!;
      scale += Math.abs(xk * ys[k]!);
    });
  });
  return { value, scale };
}

interface Reference {
  readonly v: number;
  readonly err: number;
  readonly wide: Map<Node, WideTensor>;
  readonly at: Values;
  readonly roots: readonly Node[];
}

/** The double-double value of `root` (a scalar) and its error bound, or why there is none. */
function wideScalar(root: Node, cost: Node, values: Values): Reference | string {
  // with the cost, whose leaves bind the batch dimension the derivative may not read
  const at = Object.fromEntries(
    leavesOf([root, cost], 'fuzz').map((l) => [l.name, values[l.name]!]),
  );
  try {
    const wide = runWide([root, cost], at);
    const ref = wide.get(root)!.values[0]!;
    return { v: W.toNumber(ref.v), err: W.toNumber(ref.err), wide, at, roots: [root, cost] };
  } catch (e) {
    return `reference: ${(e as Error).message}`;
  }
}

function checkGradient(c: Case, compiled: Values, seed: number): Outcome {
  const { graph } = c;
  const v = directions(graph.leaves, c.m, seed ^ 0x5eed, 'v_');
  const tangents = graph.leaves.map((l) => B.input(`v_${l.name}`, l.shape));
  const derivative = jvp(graph.cost, graph.leaves, tangents) as Node;
  const g = c.grads.map((n) => compiled[keyOf(c, n)]!);
  const vs = graph.leaves.map((l) => v[`v_${l.name}`]!);
  const { value: gv, scale } = dot(g, vs);
  const ref = wideScalar(derivative, graph.cost, { ...(c.values as Values), ...v });
  if (typeof ref === 'string') return failure('reference-error', ref);
  const decided = decidedReference(ref, scale);
  if (decided) return decided;
  const all = run([graph.cost, ...c.grads], c.values);
  const bounds = boundsOf(all, FLOAT64_UNIT);
  const rounding = bounds
    ? dot(
        c.grads.map((n) => bounds.get(n)!),
        vs.map((x) => elements(x).map(Math.abs)),
      ).value
    : 0;
  const tol = 1e-9 * scale + 16 * rounding + 1e-300;
  const differences = twoSided(c, vs);
  if (!(Math.abs(gv - ref.v) <= tol)) {
    const reverseWrong =
      relativeDifference(differences.value, ref.v) < relativeDifference(differences.value, gv);
    return failure(
      reverseWrong ? 'gradient (reverse mode)' : 'gradient (forward mode)',
      `⟨∇J, v⟩ ${gv}, double-double JVP ${ref.v}, differences ${differences.value}`,
    );
  }
  // both modes agree: the differences must agree with them within what limits their precision
  const room = 2 * (differences.truncation + differences.rounding) + 1e-7 * (scale + Math.abs(gv));
  if (!(Math.abs(differences.value - ref.v) <= room)) {
    return failure(
      'gradient (differences disagree with both modes)',
      `⟨∇J, v⟩ ${gv}, double-double JVP ${ref.v}, differences ${differences.value} (room ${room})`,
    );
  }
  return { kind: 'ok' };
}

/** The output key a node was given (a gradient may share the cost's or another's node). */
function keyOf(c: Case, node: Node): string {
  return Object.keys(c.outputs).find((k) => c.outputs[k] === node)!;
}

/** A reference too uncertain to judge by, or one that takes another branch than float64. */
function decidedReference(ref: Reference, scale: number): Outcome | undefined {
  if (!(ref.err <= 1e-12 * scale + 1e-300)) return skipped('undecided reference');
  if (branchesDiffer(ref.roots, ref.at, ref.wide)) return skipped('float64 takes another branch');
  return undefined;
}

/** (J(θ + hv) − J(θ − hv)) / 2h by the interpreter, with its truncation and rounding estimates. */
function twoSided(c: Case, vs: readonly (number | Float64Array)[]) {
  const along = (s: number) => {
    const p: Values = { ...(c.values as Values) };
    c.graph.leaves.forEach((l, i) => {
      const x = c.values[l.name] as number | Float64Array;
      const d = vs[i]!;
      p[l.name] =
        typeof x === 'number'
          ? x + s * (d as number)
          : x.map((xk, k) => xk + s * (d as Float64Array)[k]!);
    });
    return run([c.graph.cost], p).get(c.graph.cost)!.data[0]!;
  };
  const quotient = (h: number) => (along(h) - along(-h)) / (2 * h);
  const value = quotient(STEP);
  const truncation = Math.abs(quotient(2 * STEP) - value) / 3;
  const bounds = boundsOf(run([c.graph.cost], c.values), FLOAT64_UNIT);
  const bound = bounds?.get(c.graph.cost)?.[0] ?? 1e-10 * Math.abs(along(0));
  return { value, truncation, rounding: (16 * bound) / STEP };
}

// ---- second derivatives -------------------------------------------------------------------------

function checkSecond(c: Case, seed: number): Outcome {
  const { graph } = c;
  const u = directions(graph.leaves, c.m, seed ^ 0xface, 'u_');
  const w = directions(graph.leaves, c.m, seed ^ 0xbead, 'w_');
  const us = graph.leaves.map((l) => B.input(`u_${l.name}`, l.shape));
  const ws = graph.leaves.map((l) => B.input(`w_${l.name}`, l.shape));
  // ⟨∇J, u⟩: its gradient is H·u (reverse over reverse)
  const gu = c.grads.map((g, i) => B.sum(B.mul(g, us[i]!))).reduce((a, b) => B.add(a, b));
  const hv = hvp(graph.cost, graph.leaves, us);
  const gg = grad(gu, graph.leaves);
  const outputs: Record<string, Node> = { J: graph.cost };
  hv.forEach((n, i) => (outputs[`hvp${i}`] = n));
  gg.forEach((n, i) => (outputs[`gg${i}`] = n));
  const point: Values = { ...(c.values as Values), ...u };
  let got: Values;
  try {
    const f = compile(outputs);
    got = snapshot(f(Object.fromEntries(f.inputs.map((i) => [i.name, point[i.name]!])) as never));
  } catch (e) {
    return failure(`${error(e)} (second derivative)`, (e as Error).message);
  }
  const wsValues = graph.leaves.map((l) => w[`w_${l.name}`]!);
  // forward over forward: no VJP in it, so a gradient graph wrong only in its own derivative
  // (a constant factor that is not constant) shows
  const derivative = jvp(jvp(graph.cost, graph.leaves, us) as Node, graph.leaves, ws) as Node;
  const ref = wideScalar(derivative, graph.cost, { ...point, ...w });
  if (typeof ref === 'string') return failure('reference-error', ref);
  const bounds = boundsOf(run([graph.cost, ...hv, ...gg], point), FLOAT64_UNIT);
  for (const [name, nodes] of [
    ['hvp', hv],
    ['grad of grad', gg],
  ] as const) {
    const values = nodes.map((_, i) => got[`${name === 'hvp' ? 'hvp' : 'gg'}${i}`]!);
    const { value, scale } = dot(values, wsValues);
    const decided = decidedReference(ref, scale);
    if (decided) return decided;
    const rounding = bounds
      ? dot(
          nodes.map((n) => bounds.get(n)!),
          wsValues.map((x) => elements(x).map(Math.abs)),
        ).value
      : 0;
    const tol = 1e-9 * scale + 16 * rounding + 1e-300;
    if (!(Math.abs(value - ref.v) <= tol)) {
      return failure(
        `second derivative (${name})`,
        `⟨w, H·u⟩ ${value}, double-double JVP of JVP ${ref.v} (tolerance ${tol})`,
      );
    }
  }
  return { kind: 'ok' };
}

// ---- branches -----------------------------------------------------------------------------------

/** Whether float64 and the wide reference disagree on a sign that picks a branch, anywhere. */
function branchesDiffer(
  roots: readonly Node[],
  at: Values,
  wide: ReadonlyMap<Node, WideTensor>,
): boolean {
  const f64 = run(roots, at);
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply' || !(n.op in BRANCHES)) continue;
    const out = f64.get(n)!.shape;
    const [a, b] = n.args as [Node, Node | undefined];
    const sa = broadcastStrides(f64.get(a)!.shape, out);
    const sb = b ? broadcastStrides(f64.get(b)!.shape, out) : sa;
    const size = out.reduce((p, d) => p * d, 1);
    for (let k = 0; k < size; k++) {
      const [i, j] = [offset(k, out, sa), offset(k, out, sb)];
      const [x64, xWide] = [f64.get(a)!.data[i]!, wide.get(a)!.values[i]!.v];
      if (BRANCHES[n.op] === 'first' || !b) {
        if (Math.sign(x64) !== W.sign(xWide)) return true;
        continue;
      }
      const d64 = x64 - f64.get(b)!.data[j]!;
      if (Math.sign(d64) !== W.sign(W.sub(xWide, wide.get(b)!.values[j]!.v))) return true;
    }
  }
  return false;
}

/** The flat offset into an operand with `strides` of the k-th element of `shape`. */
function offset(k: number, shape: readonly number[], strides: readonly number[]): number {
  let o = 0;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    o += (k % shape[axis]!) * strides[axis]!;
    k = Math.floor(k / shape[axis]!);
  }
  return o;
}

// ---- reporting ----------------------------------------------------------------------------------

/** A case as builder code (`const t3 = apply('matmul', [t1, x0]);`) with m and its point. */
export function asTensorBuilderCode(recipe: TensorRecipe): string {
  try {
    return builderCode(recipe);
  } catch (e) {
    return `// (the graph cannot be built: ${(e as Error).message})`;
  }
}

function builderCode(recipe: TensorRecipe): string {
  const c = caseOf(recipe);
  const graph = typeof c === 'string' ? buildTensorGraph(recipe) : c.graph;
  if (!graph) return '// (no graph)';
  const names = new Map<Node, string>();
  const lines: string[] = [];
  let k = 0;
  for (const n of toposort([graph.cost])) {
    if (n.kind === 'input' || n.kind === 'param') {
      names.set(n, n.name);
      lines.push(`const ${n.name} = ${n.kind}('${n.name}', ${JSON.stringify(n.shape)});`);
    } else if (n.kind === 'const') {
      names.set(
        n,
        n.shape.length === 0 ? String(n.value) : `constant(${n.value}, ${JSON.stringify(n.shape)})`,
      );
    } else {
      const name = `t${k++}`;
      names.set(n, name);
      const args = n.args.map((a) => names.get(a)!).join(', ');
      const attrs = Object.keys(n.attrs).length ? `, ${JSON.stringify(n.attrs)}` : '';
      lines.push(`const ${name} = apply('${n.op}', [${args}]${attrs});`);
    }
  }
  lines.push(`// J = ${names.get(graph.cost)}; m = ${recipe.m}`);
  if (typeof c === 'string') lines.push(`// (${c})`);
  else {
    const shown = Object.entries(c.values).map(
      ([name, v]) =>
        `${name}: ${typeof v === 'number' ? v : `[${Array.from(v as ArrayLike<number>).join(', ')}]`}`,
    );
    lines.push(`// at { ${shown.join(', ')} }`);
  }
  return lines.join('\n');
}
