/**
 * Kernels that several functions of one module compute the same way (a training module's
 * lossAndGrad and predict share their forward kernels up to the first dropout or loss-specific
 * fusion) are emitted once, as a module-level function each caller calls with its own buffers.
 * A pure pass over the lowered functions: the kernels' code is unchanged, only where it lives.
 */
import type { LoweredStep } from '../lower/lower.js';
import { localNames, stepReads, topLevelNames, type Kind } from './scope.js';
import type { LoweredFunction } from './render.js';
import type { Namer } from './names.js';
import { pascalCase } from './names.js';

/** A kernel emitted once: `function name(out, …operands, m): void { lines }`. */
export interface SharedKernel {
  readonly name: string;
  /** Its math and call site, as the first caller's comment says it. */
  readonly comment: string;
  /** In order: the buffer it writes, then every name of the caller it reads. */
  readonly params: readonly { readonly name: string; readonly array: boolean }[];
  readonly lines: readonly string[];
  /** The functions that call it. */
  readonly callers: readonly string[];
}

interface Candidate {
  readonly key: string;
  readonly params: readonly { readonly name: string; readonly array: boolean }[];
}

/** Whether `step` could be hoisted into a kernel of its own: a loop nest writing a buffer. */
const hoistable = (step: LoweredStep) => step.kind === 'kernel' && Boolean(step.buffer);

/**
 * What `step` reads of its function, or undefined when it cannot be hoisted (a total or a
 * scalar). Its comments may cite names of the caller that the kernel does not read (`relu(b1 +
 * W1·X)` of a kernel reading `t0`): the key holds them as they are, so every caller declares them.
 */
function candidate(step: LoweredStep, kinds: ReadonlyMap<string, Kind>): Candidate | undefined {
  if (!hoistable(step)) return undefined;
  const declared = localNames(step);
  const reads = step.reads ? step.reads.filter((r) => kinds.has(r)) : stepReads(step, kinds);
  const params = [step.name, ...reads];
  // the kernel's text with the caller's names as positions: equal keys are the same code
  const position = new Map(params.map((p, i) => [p, i]));
  const canonical = (text: string) =>
    text.replace(/(?<![\w$.])[A-Za-z_$][\w$]*(?![\w$])/g, (n) =>
      position.has(n) && !declared.has(n) ? `\u0000${position.get(n)}\u0000` : n,
    );
  const kindsOf = params.map((p) => kinds.get(p) ?? 'array').join(',');
  const key = [kindsOf, canonical(step.comment), ...step.lines.map(canonical)].join('\n');
  // the buffer written, then the arrays read, then the numbers (sizes, scalars)
  const typed = params.map((p) => ({ name: p, array: kinds.get(p) !== 'number' }));
  const [written, ...read] = typed;
  return {
    key,
    params: [written!, ...read.filter((p) => p.array), ...read.filter((p) => !p.array)],
  };
}

/**
 * Hoists every kernel that two or more of `functions` compute with the same code; each caller's
 * step becomes a call with its own buffers and operands. `namer` is the module's (the kernels'
 * names avoid every name taken in it and in the functions below it).
 */
export function shareKernels(
  functions: readonly LoweredFunction[],
  namer: Namer,
): { functions: LoweredFunction[]; kernels: SharedKernel[] } {
  // (one function has no other to share with: its steps are not walked)
  if (functions.length < 2) return { functions: [...functions], kernels: [] };
  const found = functions.map((f) => {
    // (a function of scalar steps has no kernel to share: no table of its names is made)
    let kinds: Map<string, Kind> | undefined;
    return f.program.steps.map((st) =>
      hoistable(st) ? candidate(st, (kinds ??= topLevelNames(f.program))) : undefined,
    );
  });
  const callers = new Map<string, Set<number>>();
  found.forEach((list, fi) =>
    list.forEach((c) => {
      if (c) callers.set(c.key, (callers.get(c.key) ?? new Set()).add(fi));
    }),
  );
  const kernels = new Map<string, SharedKernel>();
  const out = functions.map((f, fi) => {
    const steps = f.program.steps.map((st, si) => {
      const c = found[fi]![si];
      if (!c || callers.get(c.key)!.size < 2) return st;
      let k = kernels.get(c.key);
      if (!k) {
        k = {
          name: namer.fresh(`compute${pascalCase(st.name)}`),
          comment: st.comment,
          params: c.params,
          lines: st.lines,
          callers: [...callers.get(c.key)!].map((i) => functions[i]!.name),
        };
        kernels.set(c.key, k);
      }
      // the call reads its operands, in the order it passes them
      const reads = c.params.slice(1).map((p) => p.name);
      return { ...st, lines: [`${k.name}(${c.params.map((p) => p.name).join(', ')});`], reads };
    });
    return { ...f, program: { ...f.program, steps } };
  });
  return { functions: out, kernels: [...kernels.values()] };
}
