/**
 * Guard mode (`guard: true`, like JAX's `jax_debug_nans`): every step of a function is followed by
 * a check of what it wrote. A fused kernel whose result is NaN or ±Infinity throws
 * E_NONFINITE_OP naming the kernel; the function then re-runs its unfused twin — the same graph
 * lowered with every op a step of its own, each checked — which throws E_NONFINITE_OP naming the
 * first op that produced the value, its formula, its output name, the user's call site and its
 * operands' ranges. A pure pass over lowered steps: the checks are lines appended to each step.
 */
import type { LeafNode, Node } from '../ir/node.js';
import type { LoweredProgram, LoweredStep } from '../lower/lower.js';
import { numberLiteral } from '../ops/define.js';
import { templateSafe } from '../ir/text.js';

/** The module-level names the checks use. */
export interface GuardNames {
  /** The module's error class. */
  readonly error: string;
  /** `range(values, n)`: "[min, max]" of the first n values (see {@link writeRangeHelper}). */
  readonly range: string;
}

/** The buffer size (code) of a kernel step's result. */
function sizeOf(program: LoweredProgram, step: LoweredStep): string | undefined {
  return program.buffers.find((b) => b.name === step.buffer)?.size;
}

/**
 * Lines that check `step`'s result and throw E_NONFINITE_OP with `message` (template-literal text
 * in which `value` and `index` stand for the bad value and its index). Locals come from a block
 * namer: they avoid every name of the function, so the message can read operands.
 */
function checkLines(
  program: LoweredProgram,
  step: LoweredStep,
  names: GuardNames,
  message: (value: string, index: string | undefined) => string,
): string[] {
  const local = program.namer.block();
  if (!step.buffer) {
    return [
      `if (!Number.isFinite(${step.name})) {`,
      `throw new ${names.error}('E_NONFINITE_OP', \`${message(`\${${step.name}}`, undefined)}\`);`,
      '}',
    ];
  }
  const i = local.fresh('i');
  const v = local.fresh('v');
  return [
    `for (let ${i} = 0; ${i} < ${sizeOf(program, step)}; ${i}++) {`,
    `const ${v} = ${step.name}[${i}];`,
    `if (!Number.isFinite(${v})) {`,
    `throw new ${names.error}('E_NONFINITE_OP', \`${message(`\${${v}}`, `\${${i}}`)}\`);`,
    '}',
    '}',
  ];
}

/** `step` followed by the check of its result. */
function checked(
  program: LoweredProgram,
  step: LoweredStep,
  names: GuardNames,
  message: (value: string, index: string | undefined) => string,
): LoweredStep {
  // (its messages cite names in template literals, which stepReads counts: its reads are found)
  const { reads: _, ...rest } = step;
  return { ...rest, lines: [...step.lines, ...checkLines(program, step, names, message)] };
}

/** The fused function's steps, each checked: a failure names the kernel (its twin names the op). */
export function guardFused(program: LoweredProgram, fn: string, names: GuardNames): LoweredStep[] {
  return program.steps.map((st) => {
    if (st.nodes.length === 0) return st; // a copy of an output already checked
    const what = templateSafe(`${fn}: the kernel ${st.name} = ${st.comment}`);
    return checked(program, st, names, (value, index) =>
      index === undefined
        ? `${what} produced ${value}`
        : `${what} produced ${value} at index ${index}`,
    );
  });
}

/** Strips layout ops (views): their values are (among) their base's. */
function base(n: Node): Node {
  let b = n;
  while (b.kind === 'apply' && ['transpose', 'reshape', 'broadcastTo', 'slice'].includes(b.op))
    b = b.args[0]!;
  return b;
}

/**
 * The unfused twin's steps, each checked: a failure names the op, its formula and output, the call
 * site and the ranges of its operands (a value, or "[min, max]" over an array).
 */
export function guardUnfused(
  program: LoweredProgram,
  fn: string,
  names: GuardNames,
): LoweredStep[] {
  const operand = new Map<Node, { name: string; label: string; size?: string }>();
  for (const i of program.inputs) {
    const size = i.batchDim ? `${i.fixedSize} * ${i.batchDim}` : String(i.fixedSize);
    const o = { name: i.name, label: i.name };
    operand.set(i.leaf as LeafNode, i.isScalar ? o : { ...o, size });
  }
  for (const st of program.steps) {
    if (operand.has(st.node)) continue;
    const size = st.buffer ? sizeOf(program, st) : undefined;
    // what it is, then the name it has in the code: `x − y (t0)`
    const formula = st.comment.replace(/\s+\[[^\]]*\]$/, '');
    const o = { name: st.name, label: formula === st.name ? st.name : `${formula} (${st.name})` };
    operand.set(st.node, size ? { ...o, size } : o);
  }
  const describe = (a: Node): string => {
    const b = base(a);
    if (b.kind === 'const') return numberLiteral(b.value);
    if (b.kind === 'apply' && b.op === 'batchSize') return String(b.attrs.dim);
    const o = operand.get(b);
    if (!o) return '?';
    const range = o.size ? `\${${names.range}(${o.name}, ${o.size})}` : `\${${o.name}}`;
    return `${templateSafe(o.label)} ${o.size ? 'in ' : '= '}${range}`;
  };
  return program.steps.map((st) => {
    const n = st.node;
    if (st.nodes.length === 0 || n.kind !== 'apply') return st;
    const what = templateSafe(`${fn}: ${n.op}`);
    const formula = templateSafe(`${st.name} = ${st.comment}`);
    const operands = n.args.map(describe).join(', ');
    return checked(program, st, names, (value, index) =>
      index === undefined
        ? `${what} produced ${value} in ${formula}; operands: ${operands}`
        : `${what} produced ${value} at ${templateSafe(st.name)}[${index}] in ${formula}; operands: ${operands}`,
    );
  });
}
