/**
 * A function too long for one JavaScript function is split into parts of bounded size, in step
 * order. V8 gives each local of a function a slot in its frame, so a straight-line function of
 * ~10⁵ statements overflows the stack when it is called. What a part computes and a later part
 * (or the function's result) reads is passed on: a number through a module-level Float64Array
 * of live values (a double holds every value exactly, in float32 modules too), an array as the
 * module-level buffer it lives in. Inputs and batch sizes are the parts' parameters.
 */
import { codeNames, stepReads, topLevelNames, type Kind } from './scope.js';
import type { LoweredProgram, LoweredStep } from '../lower/lower.js';
import type { Namer } from './names.js';

/** When to split and how long a part is, in lines of steps (a step is never divided). */
export interface SplitLimits {
  /** Functions with more lines of steps than this are split. */
  readonly threshold: number;
  readonly partLines: number;
}

export const SPLIT_LIMITS: SplitLimits = { threshold: 6000, partLines: 3000 };

export interface FunctionPart {
  readonly name: string;
  /** The inputs and batch sizes it reads. */
  readonly params: readonly { readonly name: string; readonly kind: Kind }[];
  /** Declarations of what earlier parts computed (`const t5 = live[12]!;`, `const A1 = buf3;`). */
  readonly loads: readonly string[];
  readonly steps: readonly LoweredStep[];
  /** `live[12] = t5;` for each number a later part or the result reads. */
  readonly stores: readonly string[];
  /** Index of its first kernel among the function's kernels (for the profile's counters). */
  readonly firstKernel: number;
}

export interface SplitPlan {
  /** The module-level array of live numbers. */
  readonly live: string;
  readonly liveSize: number;
  readonly parts: readonly FunctionPart[];
  /** Declarations in the function itself of the numbers its scalar outputs read. */
  readonly tail: readonly string[];
}

const lineCount = (steps: readonly LoweredStep[]) =>
  steps.reduce((n, st) => n + st.lines.length, 0);

/** Consecutive runs of steps of about `partLines` lines each. */
function chunks(steps: readonly LoweredStep[], partLines: number): LoweredStep[][] {
  const out: LoweredStep[][] = [[]];
  let lines = 0;
  for (const st of steps) {
    if (lines > 0 && lines + st.lines.length > partLines) {
      out.push([]);
      lines = 0;
    }
    out[out.length - 1]!.push(st);
    lines += st.lines.length;
  }
  return out;
}

/** The plan for `program` as the function `fn`, or undefined when it is short enough as it is. */
export function splitFunction(
  program: LoweredProgram,
  fn: string,
  namer: Namer,
  limits: SplitLimits = SPLIT_LIMITS,
): SplitPlan | undefined {
  if (lineCount(program.steps) <= limits.threshold) return undefined;
  const kinds = topLevelNames(program);
  const entry = new Set([
    ...program.inputs.map((i) => i.name),
    ...program.dims.map((d) => d.symbol),
  ]);
  const groups = chunks(program.steps, limits.partLines);
  const partOf = new Map<string, number>();
  const stepOf = new Map<string, LoweredStep>();
  groups.forEach((g, i) =>
    g.forEach((st) => {
      partOf.set(st.name, i);
      stepOf.set(st.name, st);
    }),
  );
  const live = namer.fresh(`${fn}Live`);
  const slots = new Map<string, number>();
  const slot = (name: string) => {
    let k = slots.get(name);
    if (k === undefined) slots.set(name, (k = slots.size));
    return k;
  };
  /** How a part (or the function's tail) declares a value computed in an earlier part. */
  const load = (name: string) => {
    const st = stepOf.get(name)!;
    return st.buffer && kinds.get(name) === 'array'
      ? `const ${name} = ${st.buffer};`
      : `const ${name} = ${live}[${slot(name)}];`;
  };
  const storesOf = groups.map(() => new Set<string>());
  let kernels = 0;
  const parts = groups.map((steps, i) => {
    const reads = new Set<string>();
    for (const st of steps) for (const r of stepReads(st, kinds)) reads.add(r);
    const params: { name: string; kind: Kind }[] = [];
    const loads: string[] = [];
    for (const r of reads) {
      if (entry.has(r)) params.push({ name: r, kind: kinds.get(r)! });
      else if (partOf.get(r) !== i) {
        loads.push(load(r));
        if (kinds.get(r) === 'number') storesOf[partOf.get(r)!]!.add(r);
      }
    }
    const firstKernel = kernels;
    kernels += steps.filter((st) => st.kind === 'kernel').length;
    return { name: namer.fresh(`${fn}Part${i + 1}`), params, loads, steps, firstKernel };
  });
  // the scalar outputs are read in the function itself, after its parts
  const tail: string[] = [];
  for (const o of program.outputs) {
    if (!o.isScalar) continue;
    for (const n of codeNames(o.expr)) {
      if (!partOf.has(n) || tail.includes(load(n))) continue;
      tail.push(load(n));
      if (kinds.get(n) === 'number') storesOf[partOf.get(n)!]!.add(n);
    }
  }
  return {
    live,
    liveSize: slots.size,
    parts: parts.map((p, i) => ({
      ...p,
      stores: [...storesOf[i]!].map((n) => `${live}[${slot(n)}] = ${n};`),
    })),
    tail,
  };
}
