/**
 * A function too long for one JavaScript function is split into parts of bounded size, in step
 * order. V8 gives each local of a function a slot in its frame, so a straight-line function of
 * ~10⁵ statements overflows the stack when it is called. What a part computes and a later part
 * (or the function's result) reads is passed on: a number through a module-level Float64Array
 * of live values (a double holds every value exactly, in float32 modules too), an array as the
 * module-level buffer it lives in. Inputs and batch sizes are the parts' parameters.
 */
import { codeNames, entryNames, stepKind, stepReads, topLevelNames, type Kind } from './scope.js';
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

/**
 * What the steps of `program` read, step by step: the renderer's record (LoweredStep.reads), or
 * for a step without one the names its lines use (a table of the function's names is then made).
 */
function readsOfSteps(program: LoweredProgram): (st: LoweredStep) => readonly string[] {
  let kinds: Map<string, Kind> | undefined;
  return (st) => st.reads ?? stepReads(st, (kinds ??= topLevelNames(program)));
}

/** The plan for `program` as the function `fn`, or undefined when it is short enough as it is. */
export function splitFunction(
  program: LoweredProgram,
  fn: string,
  namer: Namer,
  limits: SplitLimits = SPLIT_LIMITS,
): SplitPlan | undefined {
  if (lineCount(program.steps) <= limits.threshold) return undefined;
  // the parts' parameters: inputs and batch sizes, with their kind
  const entry = entryNames(program);
  const groups = chunks(program.steps, limits.partLines);
  // each step by name (one table: a 10⁵-step function), and the part computing each step
  const steps = program.steps;
  const index = new Map<string, number>();
  const partOf = new Int32Array(steps.length);
  let at = 0;
  groups.forEach((g, part) => {
    for (const step of g) {
      index.set(step.name, at);
      partOf[at++] = part;
    }
  });
  const live = namer.fresh(`${fn}Live`);
  const slots = new Map<string, number>();
  const slot = (name: string) => {
    let k = slots.get(name);
    if (k === undefined) slots.set(name, (k = slots.size));
    return k;
  };
  /** How a part (or the function's tail) declares a value computed in an earlier part. */
  const load = (st: LoweredStep) =>
    st.buffer
      ? `const ${st.name} = ${st.buffer};`
      : `const ${st.name} = ${live}[${slot(st.name)}];`;
  const storesOf = groups.map(() => new Set<string>());
  const readsOf = readsOfSteps(program);
  let kernels = 0;
  const parts = groups.map((group, i) => {
    // what the part reads of the function and of earlier parts, in order of first use (what it
    // computes itself is most of what it reads: left out as it is met)
    const reads = new Set<string>();
    for (const st of group) {
      for (const r of readsOf(st)) {
        const j = index.get(r);
        if (j === undefined ? entry.has(r) : partOf[j] !== i) reads.add(r);
      }
    }
    const params: { name: string; kind: Kind }[] = [];
    const loads: string[] = [];
    for (const r of reads) {
      const kind = entry.get(r);
      if (kind !== undefined) {
        params.push({ name: r, kind });
        continue;
      }
      const j = index.get(r)!;
      loads.push(load(steps[j]!));
      if (stepKind(steps[j]!) === 'number') storesOf[partOf[j]!]!.add(r);
    }
    const firstKernel = kernels;
    for (const st of group) if (st.kind === 'kernel') kernels++;
    return { name: namer.fresh(`${fn}Part${i + 1}`), params, loads, steps: group, firstKernel };
  });
  // the scalar outputs are read in the function itself, after its parts
  const tail: string[] = [];
  for (const o of program.outputs) {
    if (!o.isScalar) continue;
    for (const n of codeNames(o.expr)) {
      const j = index.get(n);
      if (j === undefined || tail.includes(load(steps[j]!))) continue;
      tail.push(load(steps[j]!));
      if (stepKind(steps[j]!) === 'number') storesOf[partOf[j]!]!.add(n);
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
