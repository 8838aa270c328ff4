/**
 * The fuzzer's check of one random scalar graph (the property tests' generator,
 * test/props/arbitraries.ts): what can go wrong, as a kind.
 * - the interpreter against the compiled function, optimized and not (a rounding-error bound);
 * - the compiled gradient along a random direction against the directional derivative from the
 *   forward-mode graph (`jvp`) evaluated in double-double with an unbounded exponent — an
 *   independent derivation, evaluated where rounding cannot hide a disagreement; where they
 *   differ, two-sided differences say which one is wrong.
 */
import fc from 'fast-check';
import { grad } from '../../src/autodiff/grad.ts';
import { jvp } from '../../src/autodiff/jvp.ts';
import * as B from '../../src/builder/core.ts';
import { runWide } from '../../src/check/wideInterp.ts';
import * as W from '../../src/check/wideDD.ts';
import { toNumber } from '../../src/check/wideDD.ts';
import { compile } from '../../src/emit/compile.ts';
import { GradgenError } from '../../src/errors.ts';
import { evaluate, run } from '../../src/ir/interp.ts';
import { leavesOf, toposort } from '../../src/ir/graph.ts';
import type { Node } from '../../src/ir/node.ts';
import {
  buildDag,
  dagRecipeArb,
  ELEMENTWISE_OPS,
  firstSafePoint,
  pointsArb,
  relativeDifference,
  roundingErrorBound,
  type DagRecipe,
} from '../props/arbitraries.ts';

export type Outcome =
  { readonly kind: 'ok' | 'skipped' } | { readonly kind: string; readonly detail: string };

/** A graph and three candidate points (the first safe one is checked) and a direction. */
export const scalarCaseArb = fc.tuple(
  dagRecipeArb(
    ELEMENTWISE_OPS.map(([name]) => name),
    { minSteps: 2, maxSteps: 30, minInputs: 1, maxInputs: 4 },
  ),
  pointsArb(4, 3),
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
);

/** A kind that is neither ok nor a skip (`skipped` or `skipped (why)`). */
export const isFailure = (kind: string) => kind !== 'ok' && !kind.startsWith('skipped');

const error = (e: unknown) =>
  e instanceof GradgenError ? `compile-error ${e.code}` : `crash ${(e as Error)?.name ?? 'thrown'}`;

/** The kind of the first thing that goes wrong for this graph, or ok / skipped. */
export function checkScalarCase(
  recipe: DagRecipe,
  points: readonly (readonly number[])[],
  direction: readonly number[],
): Outcome {
  const dag = buildDag(recipe, { smoothOnly: false });
  if (!dag) return { kind: 'skipped' };
  const point = firstSafePoint([dag.y], dag.leaves, points);
  if (!point) return { kind: 'skipped' };
  const grads = grad(dag.y, dag.leaves);
  const outputs: Record<string, Node> = { y: dag.y };
  dag.leaves.forEach((l, i) => (outputs[`d${l.name}`] = grads[i]!));
  const want = evaluate(dag.y, point as never) as number;
  const tol = 16 * roundingErrorBound(dag.y, point) + 1e-300;
  let compiledGrad: Record<string, unknown> | undefined;
  for (const optimize of [true, false]) {
    let got: Record<string, unknown>;
    try {
      got = { ...compile(outputs, { optimize })(point as never) };
    } catch (e) {
      return { kind: error(e), detail: `optimize: ${optimize}: ${(e as Error).message}` };
    }
    const y = got.y as number;
    if (!(Math.abs(y - want) <= tol)) {
      return {
        kind: optimize ? 'value (optimized)' : 'value (unoptimized)',
        detail: `compiled ${y} vs interpreted ${want} (tolerance ${tol})`,
      };
    }
    if (!optimize) compiledGrad = got;
  }
  // the gradient along a direction v against the double-double JVP of the same graph
  const tangents = dag.leaves.map((l) => B.input(`v_${l.name}`));
  const dot = jvp(dag.y, dag.leaves, tangents) as Node;
  // the inputs the JVP reads (a leaf whose tangent is all that matters drops out)
  const full: Record<string, number> = { ...point };
  dag.leaves.forEach((l, i) => (full[`v_${l.name}`] = direction[i]!));
  const at = Object.fromEntries(leavesOf([dot], 'fuzz').map((l) => [l.name, full[l.name]!]));
  const terms = dag.leaves.map((l, i) => (compiledGrad![`d${l.name}`] as number) * direction[i]!);
  const gv = terms.reduce((a, b) => a + b, 0);
  const scale = terms.reduce((a, b) => a + Math.abs(b), 0);
  let reference: number;
  let referenceError: number;
  let wide: ReturnType<typeof runWide>;
  try {
    wide = runWide([dot], at);
    const ref = wide.get(dot)!.values[0]!;
    [reference, referenceError] = [toNumber(ref.v), toNumber(ref.err)];
  } catch (e) {
    return { kind: 'reference-error', detail: (e as Error).message };
  }
  // a reference that cannot decide (a comparison within its own error) judges nothing, nor one
  // that takes another branch than float64 does (x² of a subnormal is 0 in float64 only)
  if (!(referenceError <= 1e-12 * scale + 1e-300)) return { kind: 'skipped' };
  if (branchesDiffer([dot], at, wide)) return { kind: 'skipped' };
  // the compiled gradient's own rounding (cancellation inside d(x/x)/dx), per component
  const rounding = dag.leaves.reduce(
    (s, l, i) => s + Math.abs(direction[i]!) * 16 * roundingErrorBound(grads[i]!, point),
    0,
  );
  if (Math.abs(gv - reference) <= 1e-9 * scale + rounding + 1e-300) return { kind: 'ok' };
  // who is wrong: two-sided differences of the interpreter along v
  const h = 1e-6;
  const along = (s: number) => {
    const p: Record<string, number> = { ...point };
    dag.leaves.forEach((l, i) => (p[l.name] = point[l.name]! + s * h * direction[i]!));
    return evaluate(dag.y, p as never) as number;
  };
  const numerical = (along(1) - along(-1)) / (2 * h);
  const vjpWrong = relativeDifference(numerical, reference) < relativeDifference(numerical, gv);
  return {
    kind: vjpWrong ? 'gradient (reverse mode)' : 'gradient (forward mode)',
    detail: `g·v ${gv}, double-double JVP ${reference}, differences ${numerical}`,
  };
}

/** Ops whose result jumps where this operand (or a − b) changes sign. */
export const BRANCHES: Readonly<Record<string, 'first' | 'difference' | 'bounds'>> = {
  where: 'first',
  relu: 'first',
  leakyRelu: 'first',
  clip: 'bounds',
  abs: 'first',
  sign: 'first',
  gt: 'difference',
  ge: 'difference',
  lt: 'difference',
  le: 'difference',
  eq: 'difference',
  max: 'difference',
  min: 'difference',
};

/** Whether float64 and the wide reference disagree on the sign that picks a branch anywhere. */
function branchesDiffer(
  roots: readonly Node[],
  at: Record<string, number>,
  wide: ReturnType<typeof runWide>,
): boolean {
  const f64 = run(roots, at as never);
  const sign = (n: Node) => [
    Math.sign(f64.get(n)!.data[0]!),
    W.sign(wide.get(n)!.values[0]!.v), // (not via a float64: 1e-647 is not 0)
  ];
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply' || !(n.op in BRANCHES)) continue;
    const [a, b] = n.args as [Node, Node | undefined];
    if (BRANCHES[n.op] === 'first') {
      const [s64, sWide] = sign(a);
      if (s64 !== sWide) return true;
    } else if (BRANCHES[n.op] === 'bounds') {
      // x − lo and x − hi (clip)
      for (const bound of [n.attrs.lo, n.attrs.hi] as number[]) {
        const d64 = f64.get(a)!.data[0]! - bound;
        const dWide = W.sub(wide.get(a)!.values[0]!.v, W.fromNumber(bound));
        if (Math.sign(d64) !== W.sign(dWide)) return true;
      }
    } else {
      const d64 = f64.get(a)!.data[0]! - f64.get(b!)!.data[0]!;
      const dWide = W.sub(wide.get(a)!.values[0]!.v, wide.get(b!)!.values[0]!.v);
      if (Math.sign(d64) !== W.sign(dWide)) return true;
    }
  }
  return false;
}

/** The graph of a case as builder code (`const t3 = apply('tanh', [t1]);`), for a report. */
export function asBuilderCode(recipe: DagRecipe): string {
  const dag = buildDag(recipe, { smoothOnly: false });
  if (!dag) return '// (no graph)';
  const names = new Map<Node, string>();
  const lines: string[] = [];
  let k = 0;
  for (const n of toposort([dag.y])) {
    if (n.kind === 'input') {
      names.set(n, n.name);
      lines.push(`const ${n.name} = input('${n.name}');`);
    } else if (n.kind === 'const') names.set(n, String(n.value));
    else if (n.kind === 'apply') {
      const name = `t${k++}`;
      names.set(n, name);
      const args = n.args.map((a) => names.get(a)!).join(', ');
      const attrs = Object.keys(n.attrs).length ? `, ${JSON.stringify(n.attrs)}` : '';
      lines.push(`const ${name} = apply('${n.op}', [${args}]${attrs});`);
    }
  }
  lines.push(`// y = ${names.get(dag.y)}`);
  return lines.join('\n');
}
