/**
 * Graph → TypeScript module text. The module is straight-line code specialized to the graph: one
 * `const` per op node, named after the user's names where possible, each with a comment giving the
 * math it computes. It imports nothing, type-checks under `strict`, and is byte-identical for the
 * same graph. Rendered by render.ts in prettier's style, without prettier.
 */
import { GradgenError, at } from '../errors.js';
import { checkLeafNames, leavesIn, sameNodes, toposort } from '../ir/graph.js';
import { describeNotANode, isNode, type LeafNode, type Node } from '../ir/node.js';
import { userCallSite } from '../ir/site.js';
import { lower, type Dtype, type LoweredProgram } from '../lower/lower.js';
import { shareKernels } from './share.js';
import { guardFused, guardUnfused } from './guard.js';
import type { SplitLimits } from './split.js';
import { optimize } from '../rewrite/optimize.js';
import { outputsWithoutGradientMarkers } from '../autodiff/markers.js';
import { arrayOption, checkOptions, IDENTIFIER_OPTION, type OptionSchema } from '../options.js';
import { Namer } from './names.js';
import { kernelModule } from '../render/wasm/index.js';
import { wasmNames, type WasmSection } from '../render/wasmModule.js';
import type { Target } from '../kernel/ir.js';
import {
  memoryViews,
  moduleNames,
  planFunctions,
  renderModule,
  type LoweredFunction,
  type ModuleNames,
  type ModuleConstant,
  type TrainerParts,
} from './render.js';

export interface EmitOptions {
  /** Name of the exported function (and prefix of its types); default `compute`. */
  name?: string;
  /** The function's inputs, in order; default: the inputs the outputs use, in first-use order. */
  inputs?: readonly Node[];
  /** Storage type of tensors: `float64` (default) or `float32`. Arithmetic is float64 either way. */
  dtype?: Dtype;
  /** Run the rewrite phases (simplify, stabilize) first; default true. */
  optimize?: boolean;
  /**
   * Time every kernel (for benchmarks): each function `f` gets an exported `fProfile` with the
   * kernels' descriptions, their accumulated milliseconds and the number of calls. Costs two
   * clock reads per kernel; leave it off in production modules.
   */
  profile?: boolean;
  /**
   * Check every kernel's result (like JAX's `jax_debug_nans`): NaN or ±Infinity throws
   * E_NONFINITE_OP naming the first op that produced it, its formula, output name, call site and
   * operands' ranges (the function is re-run op by op to find it). For debugging: it slows every
   * call and doubles the module; off by default, and then the module is unchanged.
   */
  guard?: boolean;
  /**
   * Where the kernels run: `'ts'` (default) TypeScript loops; `'wasm'` WebAssembly SIMD128 for
   * the matmuls, the sums along axes (each with its epilogue; a total over every axis, a cost,
   * stays TypeScript and compensated) and the elementwise maps of arithmetic, comparisons, ReLU,
   * clip and `where` (a kernel that calls Math's exp, log or tanh stays TypeScript), every buffer
   * in one WebAssembly memory. The module then exports `ready` (await it before the first call),
   * `setup({ maxBatch })` and `inputViews()`.
   */
  target?: Target;
  /** The wasm target: the largest batch the memory `ready` sets up holds; default 1024. */
  maxBatch?: number;
}

/** What emit and compile take (see {@link EmitOptions}). */
const EMIT_OPTIONS: OptionSchema = {
  name: IDENTIFIER_OPTION,
  inputs: arrayOption('an array of input and param nodes', (n) => isNode(n)),
  dtype: { type: 'oneOf', values: ['float64', 'float32'] },
  optimize: { type: 'boolean' },
  profile: { type: 'boolean' },
  guard: { type: 'boolean' },
  target: { type: 'oneOf', values: ['ts', 'wasm'] },
  maxBatch: { type: 'number', integer: true, min: 1 },
};

/** What every wasm-target module exports besides its functions (a function may not be so named). */
const WASM_EXPORTS = ['ready', 'setup', 'inputViews'];

/** The memory the wasm target's `ready` lays out holds batches of up to this many examples. */
const DEFAULT_MAX_BATCH = 1024;

/** What `emit` decided, for `compile` and tools: the text plus the function's signature. */
export interface EmittedModule {
  readonly source: string;
  /** The same module in JavaScript; `errorBase` names the class its error class extends. */
  readonly javascript: (errorBase?: string) => string;
  readonly functionName: string;
  readonly inputs: readonly LeafNode[];
  readonly outputs: Readonly<Record<string, Node>>;
  /** The loop program the text was printed from. */
  readonly program: LoweredProgram;
  /** The wasm target: the kernels' module as text (WAT), and the names of `ready` and `setup`. */
  readonly wasm?: {
    readonly wat: string;
    readonly ready: string;
    readonly setup: string;
    readonly inputViews: string;
  };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Names the emitted entry function declares itself (render.ts writeEntry). */
const ENTRY_LOCALS = ['options', 'checkValues', 'key'];
/** Output names a result object cannot have as fields. */
const RESERVED_OUTPUTS = new Set(['constructor', '__proto__']);

function checkOutputs(outputs: unknown, where: string): Readonly<Record<string, Node>> {
  if (
    typeof outputs !== 'object' ||
    outputs === null ||
    isNode(outputs) ||
    Array.isArray(outputs)
  ) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: outputs must be an object of named graph nodes, e.g. { J, da }${at(userCallSite())}`,
    );
  }
  const entries = Object.entries(outputs as Record<string, unknown>);
  if (entries.length === 0) {
    throw new GradgenError('E_BAD_ARGUMENT', `${where}: no outputs given${at(userCallSite())}`);
  }
  for (const [key, value] of entries) {
    if (!IDENTIFIER.test(key)) {
      throw new GradgenError(
        'E_BAD_NAME',
        `${where}: output name '${key}' is not an identifier${at(userCallSite())}`,
      );
    }
    if (RESERVED_OUTPUTS.has(key)) {
      throw new GradgenError(
        'E_BAD_NAME',
        `${where}: output name '${key}' is reserved for objects' own machinery; choose another${at(userCallSite())}`,
      );
    }
    if (!isNode(value)) {
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `${where}: output '${key}' is ${describeNotANode(value)}${at(userCallSite())}`,
      );
    }
  }
  return outputs as Readonly<Record<string, Node>>;
}

/** The function's inputs: `declared`, checked against the leaves of `order` (the outputs' toposort). */
function resolveInputs(
  order: readonly Node[],
  declared: readonly Node[] | undefined,
  where: string,
): LeafNode[] {
  const used = leavesIn(order, where);
  if (declared === undefined) return used;
  const inputs: LeafNode[] = [];
  for (const n of declared as readonly unknown[]) {
    if (!isNode(n) || (n.kind !== 'input' && n.kind !== 'param')) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `${where}: options.inputs must list input or param nodes${at(userCallSite())}`,
      );
    }
    if (!inputs.includes(n)) inputs.push(n);
  }
  checkLeafNames(inputs, where);
  for (const leaf of used) {
    if (!inputs.includes(leaf)) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `${where}: the outputs use ${leaf.kind} '${leaf.name}', which options.inputs does not list${at(userCallSite())}`,
      );
    }
  }
  return inputs;
}

/** One exported function of a module: its name, outputs and (optionally) declared inputs. */
export interface FunctionSpec {
  readonly name: string;
  readonly outputs: Readonly<Record<string, Node>>;
  readonly inputs?: readonly Node[];
}

export interface EmittedFunction {
  readonly functionName: string;
  readonly inputs: readonly LeafNode[];
  readonly outputs: Readonly<Record<string, Node>>;
  readonly program: LoweredProgram;
  /** The exported kernel-time record, when emitted with `profile`. */
  readonly profileName?: string;
}

/** Builds the module for `outputs`; `emit` returns its text, `compile` loads it. */
export function emitModule(
  outputs: unknown,
  options: EmitOptions = {},
  where = 'emit',
): EmittedModule {
  checkOptions(where, options, EMIT_OPTIONS);
  const outs = checkOutputs(outputs, where);
  const name = options.name ?? 'compute';
  const { source, javascript, functions, wasm } = emitFunctions(
    [{ name, outputs: outs, ...(options.inputs ? { inputs: options.inputs } : {}) }],
    options,
    where,
  );
  const f = functions[0]!;
  return {
    source,
    javascript,
    functionName: f.functionName,
    inputs: f.inputs,
    outputs: outs,
    program: f.program,
    ...(wasm ? { wasm } : {}),
  };
}

/**
 * Builds one module with several exported functions (a training module has a step, a predict and
 * a loss-and-gradient function), sharing the input checks; each function has its own buffers.
 * The TypeScript text is `source`; `javascript()` renders the same module without types (what
 * `compile` evaluates).
 */
export function emitFunctions(
  specs: readonly FunctionSpec[],
  options: Omit<EmitOptions, 'name' | 'inputs'> & {
    /** Extra lines for the module's doc comment. */
    header?: readonly string[];
    /** Exported constants (metadata) added after the functions. */
    constants?: readonly ModuleConstant[];
    /** For a training module: the runtime and the trainer built on the functions. */
    trainer?: TrainerParts;
    /** When long functions are split into parts (tests use small limits). */
    split?: SplitLimits;
  } = {},
  where = 'emit',
): {
  source: string;
  javascript: (errorBase?: string) => string;
  functions: EmittedFunction[];
  /** The wasm target: the kernels' module as text, and the names of `ready` and `setup`. */
  wasm?: { wat: string; ready: string; setup: string; inputViews: string };
} {
  const dtype = options.dtype ?? 'float64';
  if (dtype !== 'float64' && dtype !== 'float32') {
    throw new GradgenError(
      'E_BAD_OPTION',
      `${where}: dtype must be 'float64' or 'float32', got ${String(dtype)}${at(userCallSite())}`,
    );
  }
  for (const spec of specs) {
    if (!IDENTIFIER.test(spec.name)) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `${where}: name '${spec.name}' is not an identifier${at(userCallSite())}`,
      );
    }
  }
  // Module-level names first, so the functions' locals never shadow them.
  const namer = new Namer();
  const names = moduleNames(
    namer,
    specs.map((s) => s.name),
    options.profile === true,
    options.trainer !== undefined,
    options.guard === true,
  );
  if (options.trainer) {
    const t = options.trainer;
    for (const n of [t.core, `${t.core}Kernels`, t.factory, t.meta]) namer.claim(n);
  }
  const target = options.target ?? 'ts';
  if (target === 'wasm') {
    const clash = specs.find((f) => WASM_EXPORTS.includes(f.name));
    if (clash) {
      throw new GradgenError(
        'E_BAD_NAME',
        `${where}: name '${clash.name}' is an export of every wasm-target module (${WASM_EXPORTS.join(', ')}); choose another name${at(userCallSite())}`,
      );
    }
  }
  const wasm = target === 'wasm' ? wasmNames(namer) : undefined;
  const naming = wasm
    ? { kernels: wasm.kernels, exports: new Namer(), module: namer, staged: new Map() }
    : undefined;
  // a node an earlier function computes in a kernel of its own is computed so here too, with
  // the same code: shareKernels then emits that kernel once
  const computed = new Set<Node>();
  const lowered: LoweredFunction[] = specs.map((spec, i) => {
    const outs = checkOutputs(spec.outputs, where);
    const order = toposort(Object.values(outs));
    const inputs = resolveInputs(order, spec.inputs, where);
    const graph =
      options.optimize === false ? outputsWithoutGradientMarkers(outs) : optimize(outs).outputs;
    // each function's locals live in a scope of their own; buffers are module-level
    // the entry function's own parameters and locals: inputs named so get other local names
    const locals = namer.child();
    for (const name of ENTRY_LOCALS) locals.claim(name);
    // guard mode checks each kernel's result right after it: no kernel writes another's; the
    // graph's own sort when it has the outputs' nodes (not optimized, no markers): one walk
    const sorted = sameNodes(Object.values(graph), Object.values(outs)) ? order : undefined;
    const extra = { pipeline: options.guard !== true, ...(sorted ? { sorted } : {}) };
    const program = lower(graph, inputs, dtype, locals, where, namer, computed, naming, extra);
    // (what the last function computes, no later one asks)
    if (i < specs.length - 1) for (const st of program.steps) computed.add(st.node);
    const name = names.functions[i]!;
    if (!options.guard) return { name, inputs, outputs: outs, program };
    // guard mode's twin: every node a step of its own
    const twinLocals = namer.child();
    for (const local of ENTRY_LOCALS) twinLocals.claim(local);
    const all = new Set(toposort(Object.values(graph)));
    const unfused = lower(graph, inputs, dtype, twinLocals, where, namer, all);
    return { name, inputs, outputs: outs, program, unfused };
  });
  // kernels the functions compute alike are emitted once (lossAndGrad's forward and predict's)
  const shared = guarded(shareKernels(lowered, namer), names);
  const kernels =
    wasm && shared.functions.some((f) => f.program.wasm)
      ? wasmSection(shared.functions, namer, options.maxBatch, options.trainer)
      : undefined;
  const render = {
    dtype,
    ...(shared.kernels.length ? { kernels: shared.kernels } : {}),
    ...(options.header ? { header: options.header } : {}),
    ...(options.constants ? { constants: options.constants } : {}),
    ...(options.trainer ? { trainer: options.trainer } : {}),
    ...(options.profile ? { profile: true } : {}),
    ...(options.guard ? { guard: true } : {}),
    ...(wasm && kernels ? { wasm: { section: kernels.section, names: wasm } } : {}),
  };
  const plans = planFunctions(namer, shared.functions, names, options.split);
  const source = renderModule('ts', shared.functions, names, plans, render);
  return {
    source,
    javascript: (errorBase) =>
      renderModule('js', shared.functions, names, plans, {
        ...render,
        ...(errorBase ? { errorBase } : {}),
      }),
    functions: lowered.map(({ name, inputs, outputs, program }, i) => ({
      functionName: name,
      inputs,
      outputs,
      program,
      ...(options.profile ? { profileName: names.profiles[i]! } : {}),
    })),
    ...(kernels && wasm
      ? {
          wasm: {
            wat: kernels.wat,
            ready: wasm.ready,
            setup: wasm.setup,
            inputViews: wasm.inputViews,
          },
        }
      : {}),
  };
}

/** The wasm module of the functions' kernels, and the memory views its skeleton lays out. */
function wasmSection(
  functions: readonly LoweredFunction[],
  namer: Namer,
  maxBatch = DEFAULT_MAX_BATCH,
  trainer?: TrainerParts,
) {
  const programs = functions.flatMap((f) => (f.program.wasm ? [f.program] : []));
  const funcs = programs.flatMap((p) => p.wasm!.funcs);
  const { bytes, wat, imports } = kernelModule(funcs);
  // an input's view is shared by the functions that read it: laid out once
  const views = [...new Map(programs.flatMap(memoryViews).map((v) => [v.name, v])).values()];
  const staged = [
    ...new Map(
      programs.flatMap((p) =>
        p.wasm!.staged.map(
          (st) =>
            [
              st.view,
              { view: st.view, area: st.area, at: st.at, input: st.input.leaf.name },
            ] as const,
        ),
      ),
    ).values(),
  ];
  // an area of its own for each state input (param, optimizer slot) that a kernel reads
  const stateAreas = (trainer?.stateInputs ?? []).flatMap((input) => {
    const st = staged.find((i) => i.input === input);
    if (!st) return [];
    const size = views.find((v) => v.name === st.view)!.size;
    return [{ input, area: namer.fresh(`${input}_state`), size }];
  });
  const section: WasmSection = {
    bytes,
    imports,
    kernels: funcs.map((f) => ({ name: f.name, params: f.params.map((p) => p.name) })),
    scratchBytes: Math.max(0, ...funcs.map((f) => f.scratchBytes ?? 0)),
    inputs: staged,
    // the state's areas are laid out after every other buffer
    views: [...views, ...stateAreas.map((a) => ({ name: a.area, size: a.size }))],
    symbols: [...new Set(programs.flatMap((p) => p.dims.map((d) => d.symbol)))],
    batched: programs.some((p) => p.dims.length > 0),
    // after lowering: the module's names avoid the functions' batch dimensions by now
    layoutNames: {
      buffer: namer.fresh('buffer'),
      limit: namer.fresh('limit'),
      at: namer.fresh('at'),
    },
    defaultMaxBatch: maxBatch,
    copyAreas: trainer !== undefined,
    stateAreas,
  };
  return { section, wat };
}

/** Guard mode: every step of the functions and of their unfused twins checked (src/emit/guard.ts). */
function guarded<T extends { functions: LoweredFunction[] }>(shared: T, names: ModuleNames): T {
  if (!names.guardRange) return shared;
  const g = { error: names.errorClass, range: names.guardRange };
  const functions = shared.functions.map((f) => ({
    ...f,
    program: { ...f.program, steps: guardFused(f.program, f.name, g) },
    ...(f.unfused ? { unfused: { ...f.unfused, steps: guardUnfused(f.unfused, f.name, g) } } : {}),
  }));
  return { ...shared, functions };
}

/** The TypeScript module text for `outputs`, for writing to disk. */
export function emit(outputs: Readonly<Record<string, Node>>, options: EmitOptions = {}): string {
  return emitModule(outputs, options, 'emit').source;
}
