/**
 * Lowered functions → module text: the skeleton around the kernels (doc header, error class,
 * input checks, interfaces, metadata, preallocated buffers, the exported functions) and the
 * kernels' steps, as TypeScript or as the same module in JavaScript (for `compile`).
 */
import type { LeafNode, Node } from '../ir/node.js';
import { formatShape, type Shape } from '../ir/shape.js';
import type { Dtype, LoweredProgram, LoweredStep } from '../lower/lower.js';
import { printBody, printSteps } from './format.js';
import type { SharedKernel } from './share.js';
import { splitFunction, type SplitLimits, type SplitPlan } from './split.js';
import { stringLiteral } from './jsFormat.js';
import { templateSafe } from '../ir/text.js';
import { pascalCase, type Namer } from './names.js';
import { ModuleWriter, type Language } from './writer.js';
import { RUNTIME_EXPORTS, RUNTIME_JS, RUNTIME_NAMES, RUNTIME_TS } from '../runtime/source.js';
import { writeWasmSection, type WasmNames, type WasmSection } from '../render/wasmModule.js';

/** One function of the module, lowered. */
export interface LoweredFunction {
  readonly name: string;
  readonly inputs: readonly LeafNode[];
  readonly outputs: Readonly<Record<string, Node>>;
  readonly program: LoweredProgram;
  /** Guard mode: the same graph with every op a checked step of its own (src/emit/guard.ts). */
  readonly unfused?: LoweredProgram;
}

/** An exported constant of the module (metadata), with its doc comment and declared type. */
export interface ModuleConstant {
  readonly name: string;
  readonly doc: readonly string[];
  readonly value: unknown;
  /** Its type annotation (else `as const`). */
  readonly type?: string;
}

/**
 * A training module's trainer: the runtime (src/runtime/) pasted after the kernels, the core
 * built from the kernels and the meta constant, and the factory that owns a state.
 */
export interface TrainerParts {
  readonly core: string;
  readonly factory: string;
  readonly meta: string;
  readonly update: string;
  readonly predict: string | undefined;
  readonly lossAndGrad: string;
  /** The inputs that are the training state: the params, then the optimizer slots. */
  readonly stateInputs: readonly string[];
  /** A full-batch fit's rotated step and its first product (TrainerKernels.rotated). */
  readonly rotated?: { readonly first: string; readonly step: string };
}

export interface RenderOptions {
  readonly dtype: Dtype;
  /** Extra lines for the module's doc comment. */
  readonly header?: readonly string[];
  readonly constants?: readonly ModuleConstant[];
  readonly trainer?: TrainerParts;
  readonly profile?: boolean;
  /** Guard mode: steps are checked, and a failure re-runs the unfused twin (src/emit/guard.ts). */
  readonly guard?: boolean;
  /** Kernels several functions call (emitted once, before the functions). */
  readonly kernels?: readonly SharedKernel[];
  /**
   * JavaScript only: the class the module's error class extends, a name the caller binds (so
   * that `compile`'s errors are `instanceof GradgenError`); its constructor takes (code, message).
   */
  readonly errorBase?: string;
  /** The wasm target: the kernels' module and the names of its part of the skeleton. */
  readonly wasm?: { readonly section: WasmSection; readonly names: WasmNames };
}

/** Module-level names, allocated before the functions' locals so they never shadow them. */
export interface ModuleNames {
  readonly functions: readonly string[];
  readonly errorClass: string;
  readonly checkScalar: string;
  readonly readTensor: string;
  /** The check of class labels (inputs read by `oneHot`). */
  readonly checkLabels: string;
  readonly profiles: readonly string[];
  readonly clock: string;
  /** Guard mode's range helper ('' without guard). */
  readonly guardRange: string;
}

export function moduleNames(
  namer: Namer,
  functionNames: readonly string[],
  profile: boolean,
  trainer: boolean,
  guard = false,
): ModuleNames {
  // a training module holds the runtime: its names are taken before anything else
  if (trainer) for (const name of RUNTIME_NAMES) namer.claim(name);
  const functions = functionNames.map((n) => namer.fresh(n));
  return {
    functions,
    errorClass: namer.fresh('GradgenInputError'),
    checkScalar: namer.fresh('checkScalar'),
    readTensor: namer.fresh('readTensor'),
    checkLabels: namer.fresh('checkLabels'),
    profiles: profile ? functions.map((fn) => namer.fresh(`${fn}Profile`)) : [],
    clock: profile ? namer.fresh('profileClock') : '',
    guardRange: guard ? namer.fresh('guardRange') : '',
  };
}

/** A function's module-level names (and its split into parts, when it is long). */
export interface FunctionPlan {
  readonly fn: string;
  readonly profile: string | undefined;
  readonly meta: string;
  readonly result: string;
  readonly reserve: string;
  readonly resultClass: string;
  readonly bounds: readonly string[];
  /** The wasm target: the memory generation the function's result views are of. */
  readonly generation: string;
  readonly split: SplitPlan | undefined;
  /** The Set of its input names, for a function with many inputs (see {@link MANY_INPUTS}). */
  readonly inputSet: string | undefined;
  /** Guard mode: the unfused twin's names (its `fn` is the function it re-runs with). */
  readonly unfused?: FunctionPlan;
}

/**
 * Above this many inputs the unknown-name check is a Set lookup: a switch compares a key with
 * every name (a 50k-input function spent 18 s checking its keys on the first call).
 */
const MANY_INPUTS = 64;

/**
 * Allocates every function's module-level names once, after lowering (the TypeScript and the
 * JavaScript rendering of a module must use the same names).
 */
export function planFunctions(
  namer: Namer,
  functions: readonly LoweredFunction[],
  names: ModuleNames,
  limits?: SplitLimits,
): FunctionPlan[] {
  const many = functions.length > 1;
  const plan = (
    f: LoweredFunction,
    program: LoweredProgram,
    fn: string,
    profile: string | undefined,
  ): FunctionPlan => {
    const typeBase = pascalCase(fn);
    const prefixed = (name: string) => (many ? `${fn}${pascalCase(name)}` : name);
    return {
      fn,
      profile,
      meta: namer.fresh(`${fn}Meta`),
      result: namer.fresh(prefixed('result')),
      reserve: namer.fresh(prefixed('reserve')),
      resultClass: namer.fresh(`${typeBase}Result`),
      bounds: program.dims.map((d) =>
        namer.fresh(many ? `${fn}_bound_${d.symbol}` : `bound_${d.symbol}`),
      ),
      generation: program.wasm ? namer.fresh(prefixed('generation')) : '',
      split: splitFunction(program, fn, namer, limits),
      inputSet: f.inputs.length > MANY_INPUTS ? namer.fresh(`${fn}InputNames`) : undefined,
    };
  };
  return functions.map((f, index) => {
    const fn = names.functions[index]!;
    const main = plan(f, f.program, fn, names.profiles[index]);
    if (!f.unfused) return main;
    return { ...main, unfused: plan(f, f.unfused, namer.fresh(`${fn}Unfused`), undefined) };
  });
}

/** The module text of `functions` in `language`. */
export function renderModule(
  language: Language,
  functions: readonly LoweredFunction[],
  names: ModuleNames,
  plans: readonly FunctionPlan[],
  options: RenderOptions,
): string {
  const w = new ModuleWriter(language);
  const arrayType = options.dtype === 'float32' ? 'Float32Array' : 'Float64Array';
  writeHeader(w, functions, names, options, arrayType);
  writeErrorClass(w, names.errorClass, options.errorBase);
  if (functions.some((f) => f.program.inputs.some((i) => i.isScalar))) writeCheckScalar(w, names);
  if (functions.some((f) => f.program.inputs.some((i) => !i.isScalar))) {
    writeReadTensor(w, names, arrayType);
  }
  if (functions.some((f) => f.program.inputs.some((i) => i.classes !== undefined))) {
    writeCheckLabels(w, names, arrayType);
  }
  if (options.profile) w.line('').line(`let ${names.clock} = 0;`);
  if (names.guardRange) writeRangeHelper(w, names.guardRange);
  for (const k of options.kernels ?? []) writeSharedKernel(w, k, arrayType);
  const wasm = options.wasm?.names;
  functions.forEach((f, index) => {
    // decided once per function: one none of whose kernels runs as wasm is the TS target's
    const own = wasm && f.program.wasm ? { wasm } : {};
    writeFunction(w, f, names, options, { ...plans[index]!, arrayType, ...own });
  });
  if (options.wasm) {
    writeWasmSection(w, options.wasm.section, options.wasm.names, arrayType, names.errorClass);
  }
  for (const c of options.constants ?? []) {
    const [annotation, suffix] = c.type ? [w.ts(`: ${c.type}`), ''] : ['', ' as const'];
    w.line('').doc(c.doc);
    w.constant(`${w.export(c.name)}const `, `${c.name}${annotation}`, c.value, suffix);
  }
  if (options.trainer) writeTrainer(w, options.trainer, options.wasm);
  return w.text();
}

function writeHeader(
  w: ModuleWriter,
  functions: readonly LoweredFunction[],
  names: ModuleNames,
  options: RenderOptions,
  arrayType: string,
): void {
  const hasTensors = functions.some(({ inputs, outputs }) =>
    [...inputs, ...Object.values(outputs)].some((n) => n.shape.length > 0),
  );
  w.raw('/**');
  w.raw(
    ` * ${names.functions.join(', ')} — generated by gradgen. Do not edit: regenerate it from the model instead.`,
  );
  for (const l of options.header ?? []) w.raw(` * ${l}`);
  functions.forEach(({ inputs, program }, i) => {
    w.raw(' *');
    if (functions.length > 1) w.raw(` * ${names.functions[i]}:`);
    const list = listed(
      inputs.map((l) => `${l.name} ${formatShape(l.shape)}`),
      'inputs',
    );
    w.raw(` * Inputs: ${list || 'none'}`);
    w.raw(
      ' * Outputs (the returned object and its arrays are reused by the next call: copy what you keep):',
    );
    // the optimized formulas the body computes, in the body's names
    for (const o of program.outputs) {
      const shape = o.node.shape.length ? `  ${formatShape(o.node.shape)}` : '';
      w.raw(` *   ${o.key} = ${o.formula}${shape}`);
    }
  });
  if (hasTensors) {
    w.raw(` * Tensors are row-major ${arrayType}s; examples are columns (X is features × m).`);
  }
  w.raw(' */');
}

function writeErrorClass(w: ModuleWriter, name: string, base: string | undefined): void {
  w.doc(["Thrown for bad call arguments; `code` matches gradgen's own error codes."]);
  w.line(`${w.export(name)}class ${name} extends ${base ?? 'Error'} {`);
  w.tsLine('readonly code: string;').tsLine('');
  w.line(`constructor(code${w.ts(': string')}, message${w.ts(': string')}) {`);
  if (base) w.line('super(code, message);');
  else w.line('super(message);');
  w.line(`this.name = ${stringLiteral(name)};`);
  if (!base) w.line('this.code = code;');
  w.line('}').line('}');
}

function writeCheckScalar(w: ModuleWriter, names: ModuleNames): void {
  const error = names.errorClass;
  w.line('');
  w.functionHeader(
    '',
    names.checkScalar,
    [
      ['fn', 'string'],
      ['key', 'string'],
      ['value', 'unknown'],
    ],
    'asserts value is number',
  );
  w.lines([
    `if (value === undefined) throw new ${error}('E_MISSING_INPUT', \`\${fn}: missing input '\${key}' (shape ())\`);`,
    `if (typeof value !== 'number') throw new ${error}('E_INPUT_SHAPE', \`\${fn}: input '\${key}' is a scalar and needs a number, got \${typeof value}\`);`,
    `if (!Number.isFinite(value)) throw new ${error}('E_NONFINITE_INPUT', \`\${fn}: input '\${key}' has a non-finite value \${value}\`);`,
    '}',
  ]);
}

function writeReadTensor(w: ModuleWriter, names: ModuleNames, arrayType: string): void {
  const error = names.errorClass;
  w.line('');
  w.doc([
    'Checks a tensor input (type, length against its shape and, when `checkValues`, that every',
    `value is finite) and returns it as a ${arrayType} (the caller's array itself when it already is one).`,
  ]);
  w.functionHeader(
    '',
    names.readTensor,
    [
      ['fn', 'string'],
      ['key', 'string'],
      ['value', 'unknown'],
      ['shape', 'string'],
      ['fixed', 'number'],
      ['batched', 'boolean'],
      ['checkValues', 'boolean'],
    ],
    arrayType,
  );
  w.lines([
    `if (value === undefined) throw new ${error}('E_MISSING_INPUT', \`\${fn}: missing input '\${key}' (shape \${shape})\`);`,
    'if (!(value instanceof Float64Array || value instanceof Float32Array || Array.isArray(value))) {',
    `throw new ${error}('E_INPUT_SHAPE', \`\${fn}: input '\${key}' has shape \${shape} and needs a Float64Array, Float32Array or number[] (row-major), got \${typeof value}\`);`,
    '}',
    `const data = value${w.ts(' as ArrayLike<number>')};`,
    'if (batched ? data.length === 0 || data.length % fixed !== 0 : data.length !== fixed) {',
    'const expected = batched ? `a positive multiple of ${fixed}` : String(fixed);',
    `throw new ${error}('E_INPUT_SHAPE', \`\${fn}: input '\${key}' has shape \${shape}: expected \${expected} values, got \${data.length}\`);`,
    '}',
    'for (let i = 0; checkValues && i < data.length; i++) {',
    `const v = data[i]${w.ts('!')};`,
    ...(arrayType === 'Float32Array'
      ? [
          // a finite float64 beyond float32's range would be stored as ±Infinity
          'if (!Number.isFinite(v) || !Number.isFinite(Math.fround(v))) {',
          `throw new ${error}('E_NONFINITE_INPUT', Number.isFinite(v) ? \`\${fn}: input '\${key}' has a value \${v} at index \${i} beyond float32's range (±3.4e38)\` : \`\${fn}: input '\${key}' has a non-finite value \${v} at index \${i}\`);`,
        ]
      : [
          'if (!Number.isFinite(v)) {',
          `throw new ${error}('E_NONFINITE_INPUT', \`\${fn}: input '\${key}' has a non-finite value \${v} at index \${i}\`);`,
        ]),
    '}',
    '}',
    `return data instanceof ${arrayType} ? data : ${arrayType}.from(data);`,
    '}',
  ]);
}

function writeCheckLabels(w: ModuleWriter, names: ModuleNames, arrayType: string): void {
  w.line('');
  w.doc([
    'Checks that every value of a labels input (read by oneHot) is a class index: an integer in',
    '[0, classes). Always run: a bad label would otherwise give a column of zeros, silently.',
  ]);
  w.functionHeader(
    '',
    names.checkLabels,
    [
      ['fn', 'string'],
      ['key', 'string'],
      ['data', arrayType],
      ['classes', 'number'],
    ],
    'void',
  );
  w.lines([
    'for (let i = 0; i < data.length; i++) {',
    `const v = data[i]${w.ts('!')};`,
    'if (!(Number.isInteger(v) && v >= 0 && v < classes)) {',
    `throw new ${names.errorClass}('E_BAD_LABEL', \`\${fn}: input '\${key}' has the label \${v} at index \${i}, which is not a class index (an integer in [0, \${classes}))\`);`,
    '}',
    '}',
    '}',
  ]);
}

interface FunctionContext extends FunctionPlan {
  readonly arrayType: string;
  /** The wasm target's names (the function's buffers are views of its memory). */
  readonly wasm?: WasmNames;
}

function writeFunction(
  w: ModuleWriter,
  f: LoweredFunction,
  names: ModuleNames,
  options: RenderOptions,
  c: FunctionContext,
): void {
  const typeBase = pascalCase(c.fn);
  const inputsType = `${typeBase}Inputs`;
  const outputsType = `${typeBase}Outputs`;
  writeInterfaces(w, f, inputsType, outputsType, c.arrayType);
  writeMeta(w, f, c.meta, c.fn, options.dtype);
  writeBuffers(w, f.program, c.bounds, c.arrayType, c.wasm);
  writeResult(w, f.program, c.resultClass, c.result, outputsType, c.arrayType, c.wasm);
  if (c.wasm) writeWasmReserve(w, f.program, c, c.wasm, names.errorClass);
  else if (f.program.dims.length > 0) writeReserve(w, f.program, c.reserve, c.result, c.bounds);
  if (c.profile) writeProfileRecord(w, f.program, c.fn, c.profile);
  if (f.unfused && c.unfused) {
    writeUnfused(w, f.unfused, names, { ...c.unfused, arrayType: c.arrayType }, inputsType, c.fn);
  }
  if (c.split) writeParts(w, c.split, c, names.clock);
  if (c.inputSet) {
    w.line('').doc([`The names of ${c.fn}'s inputs.`]);
    w.line(`const ${c.inputSet}${w.ts(': ReadonlySet<string>')} = new Set([`);
    w.indented(() => f.inputs.forEach((l) => w.line(`${stringLiteral(l.name)},`)));
    w.line(']);');
  }
  writeEntry(w, f, names, c, { inputsType, outputsType });
}

function writeInterfaces(
  w: ModuleWriter,
  f: LoweredFunction,
  inputsType: string,
  outputsType: string,
  arrayType: string,
): void {
  if (!w.types) return;
  w.line('').line(`export interface ${inputsType} {`);
  for (const l of f.inputs) {
    const type =
      l.shape.length === 0 ? 'number' : 'Float64Array | Float32Array | readonly number[]';
    w.line(`readonly ${l.name}: ${type};`);
  }
  w.line('}').line('').line(`export interface ${outputsType} {`);
  for (const [k, n] of Object.entries(f.outputs)) {
    w.line(`${k}: ${n.shape.length === 0 ? 'number' : arrayType};`);
  }
  w.line('}');
}

function writeMeta(w: ModuleWriter, f: LoweredFunction, name: string, fn: string, dtype: Dtype) {
  const list = (entries: readonly (readonly [string, Shape])[]) =>
    entries.map(([n, shape]) => ({ name: n, shape }));
  w.line('').doc([
    'Shapes of the inputs and outputs in signature order (`[]` is a scalar; a string is the batch',
    'dimension). A list, not an object keyed by name: that object would share its hidden class',
    "with the caller's input objects and the result, and V8 would then box their numbers.",
  ]);
  w.constant(
    `${w.export(name)}const `,
    name,
    {
      name: fn,
      dtype,
      inputs: list(f.inputs.map((l) => [l.name, l.shape] as const)),
      outputs: list(Object.entries(f.outputs).map(([k, n]) => [k, n.shape] as const)),
    },
    ' as const',
  );
}

const symbolic = (size: string) => !/^\d+$/.test(size);

/** Property names every object inherits: an input so named must be read as an own property. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

function writeBuffers(
  w: ModuleWriter,
  program: LoweredProgram,
  bounds: readonly string[],
  arrayType: string,
  wasm?: WasmNames,
): void {
  if (wasm) {
    w.comment('views of the wasm memory (laid out by setup)');
    for (const b of program.buffers) {
      if (b.outputs.length) w.comment(`holds output ${b.outputs.join(', ')}`);
      w.line(`let ${b.name} = new ${arrayType}(0);`);
    }
  } else {
    for (const b of program.buffers) {
      if (b.outputs.length) w.comment(`holds output ${b.outputs.join(', ')}`);
      const size = symbolic(b.size) ? 0 : b.size;
      w.line(`${symbolic(b.size) ? 'let' : 'const'} ${b.name} = new ${arrayType}(${size});`);
    }
  }
  for (const bound of bounds) {
    w.comment(
      wasm
        ? "the batch size the result's views are cut to (-1: none yet)"
        : 'the batch size the buffers are laid out for (-1: none yet)',
    );
    w.line(`let ${bound} = -1;`);
  }
}

/** Every buffer of `program` in the wasm memory, in layout order (its slots, then inputs' copies). */
export function memoryViews(program: LoweredProgram): { name: string; size: string }[] {
  return [
    ...program.buffers.map((b) => ({ name: b.name, size: b.size })),
    ...(program.wasm?.staged ?? []).flatMap((st) => {
      const size = st.input.batchDim
        ? sizeOf([String(st.input.fixedSize), st.input.batchDim])
        : String(st.input.fixedSize);
      return [
        { name: st.area, size },
        { name: st.view, size },
      ];
    }),
  ];
}

/** `12288 * m`, `m` (a fixed size of 1 left out). */
const sizeOf = ([fixed, dim]: readonly [string, string]) =>
  fixed === '1' ? dim : `${fixed} * ${dim}`;

/**
 * The wasm target's reserve: on a new batch size or a new memory (setup again), makes sure the
 * memory holds the batch and points the result's arrays at exact-length views of the output buffers.
 */
function writeWasmReserve(
  w: ModuleWriter,
  program: LoweredProgram,
  c: FunctionContext,
  n: WasmNames,
  error: string,
): void {
  const buffers = outputBuffers(program);
  w.line('').comment("the memory generation the result's views are of (-1: none yet)");
  w.line(`let ${c.generation} = -1;`);
  w.line('').doc([
    'Points the result at exact-length views of the output buffers, for a new batch size or a',
    'new memory; a batch larger than the memory holds lays out a larger one where the engine',
    'instantiates synchronously, else is an error saying to await setup.',
  ]);
  w.functionHeader(
    '',
    c.reserve,
    program.dims.map((d) => [d.symbol, 'number'] as const),
    'void',
  );
  for (const d of program.dims) {
    // a larger batch lays out a larger memory, where the engine can do that synchronously
    w.line(`if (${d.symbol} > ${n.state}.maxBatch && !${n.grow}(${d.symbol})) {`);
    w.line(
      `throw new ${error}('E_BATCH_TOO_LARGE', \`${c.fn}: batch dimension '${d.symbol}' is \${${d.symbol}}, more than the \${${n.state}.maxBatch} examples the wasm memory is laid out for, and this engine makes a larger one only asynchronously: await setup({ maxBatch: \${${d.symbol}} }) first\`);`,
    );
    w.line('}');
  }
  for (const o of program.outputs) {
    const b = buffers.get(o.key);
    if (o.isScalar || !b) continue;
    w.line(
      `${c.result}.${o.key} = ${b.name}.length === ${b.size} ? ${b.name} : ${b.name}.subarray(0, ${b.size});`,
    );
  }
  program.dims.forEach((d, i) => w.line(`${c.bounds[i]} = ${d.symbol};`));
  w.line(`${c.generation} = ${n.state}.generation;`);
  w.line('}');
}

function outputBuffers(program: LoweredProgram) {
  return new Map(program.buffers.flatMap((b) => b.outputs.map((key) => [key, b] as const)));
}

/**
 * A class of its own for the result: an object literal with the outputs' keys would share its
 * hidden class with the caller's `{ J, dW1, … }` of graph nodes, and V8 would then box every
 * number stored into it (an allocation per scalar output per call).
 */
function writeResult(
  w: ModuleWriter,
  program: LoweredProgram,
  className: string,
  resultName: string,
  outputsType: string,
  arrayType: string,
  wasm?: WasmNames,
): void {
  const buffers = outputBuffers(program);
  w.line('').line(`class ${className}${w.ts(` implements ${outputsType}`)} {`);
  for (const o of program.outputs) {
    const b = buffers.get(o.key);
    const fixed = b && !symbolic(b.size) && !wasm;
    const init = o.isScalar ? '0' : fixed ? b.name : `new ${arrayType}(0)`;
    w.line(`${o.key}${w.ts(`: ${o.isScalar ? 'number' : arrayType}`)} = ${init};`);
  }
  w.line('}').line('');
  w.doc(['The object every call returns, updated in place (no allocation per call).']);
  w.line(`const ${resultName}${w.ts(`: ${outputsType}`)} = new ${className}();`);
}

function writeReserve(
  w: ModuleWriter,
  program: LoweredProgram,
  name: string,
  resultName: string | undefined,
  bounds: readonly string[],
): void {
  const arrayType = program.dtype === 'float32' ? 'Float32Array' : 'Float64Array';
  const buffers = outputBuffers(program);
  w.line('').doc([
    'Grows the buffers that depend on the batch size, and makes exact-length views of the',
    'outputs: only when the batch size changes, never in a steady loop.',
  ]);
  w.functionHeader(
    '',
    name,
    program.dims.map((d) => [d.symbol, 'number'] as const),
    'void',
  );
  for (const b of program.buffers) {
    if (symbolic(b.size)) {
      w.line(`if (${b.name}.length < ${b.size}) ${b.name} = new ${arrayType}(${b.size});`);
    }
  }
  for (const o of resultName ? program.outputs : []) {
    const b = buffers.get(o.key);
    if (!o.isScalar && b && symbolic(b.size)) {
      w.line(
        `${resultName}.${o.key} = ${b.name}.length === ${b.size} ? ${b.name} : ${b.name}.subarray(0, ${b.size});`,
      );
    }
  }
  program.dims.forEach((d, i) => w.line(`${bounds[i]} = ${d.symbol};`));
  w.line('}');
}

function writeProfileRecord(w: ModuleWriter, program: LoweredProgram, fn: string, name: string) {
  const kernels = program.steps.filter((st) => st.kind === 'kernel');
  w.line('').doc([`Milliseconds spent in each kernel of ${fn}, summed over \`calls\` calls.`]);
  w.line(
    `${w.export(name)}const ${name} = { kernels: [${kernels.map((st) => stringLiteral(`${st.name} = ${st.comment}`)).join(', ')}], ms: new Float64Array(${kernels.length}), calls: 0 };`,
  );
}

function writeEntry(
  w: ModuleWriter,
  f: LoweredFunction,
  names: ModuleNames,
  c: FunctionContext,
  m: { readonly inputsType: string; readonly outputsType: string },
): void {
  const { program, inputs } = f;
  const error = names.errorClass;
  const takesTensors = program.inputs.some((i) => !i.isScalar);
  w.line('').doc([
    `Computes ${listed(Object.keys(f.outputs), 'outputs')} from ${
      listed(
        inputs.map((l) => l.name),
        'inputs',
      ) || 'nothing'
    }.`,
    '`options.checkValues: false` skips the checks that read every key and value: unknown input',
    takesTensors
      ? 'names and NaN/±Infinity in tensors (types, shapes and scalar values are still checked).'
      : 'names (types and values are still checked).',
    'For a hot loop whose inputs are known to be good.',
  ]);
  w.functionHeader(
    w.export(c.fn),
    c.fn,
    [
      ['inputs', m.inputsType],
      ['options?', '{ readonly checkValues?: boolean }'],
    ],
    m.outputsType,
  );
  if (c.wasm) w.line(`if (${c.wasm.state}.maxBatch === 0) ${c.wasm.unready}();`);
  w.line(`if (typeof inputs !== 'object' || inputs === null) {`);
  w.line(`throw new ${error}('E_MISSING_INPUT', '${c.fn}: expected an object of named inputs');`);
  w.line('}');
  // a switch on the key, and each input read as a named property: no allocation and no generic
  // keyed lookups, which would cost more than a small function's arithmetic
  w.line('const checkValues = options?.checkValues !== false;');
  const quoted = inputs.map((l) => `'${l.name}'`);
  const takes = c.inputSet
    ? `${inputs.length} inputs: ${quoted.slice(0, 3).join(', ')}, … (${c.meta} lists them)`
    : quoted.join(', ') || 'no inputs';
  const unknown = `throw new ${error}('E_UNKNOWN_INPUT', \`${c.fn}: unknown input '\${key}'; it takes ${takes}\`);`;
  w.line('if (checkValues) {').line('for (const key in inputs) {');
  if (c.inputSet) w.line(`if (!${c.inputSet}.has(key)) {`).line(unknown).line('}');
  else {
    w.line('switch (key) {');
    for (const l of inputs) w.line(`case ${stringLiteral(l.name)}:`);
    if (inputs.length) w.indented(() => w.line('break;'));
    w.line('default:').indented(() => w.line(unknown));
    w.line('}');
  }
  w.line('}').line('}');
  writeInputReads(w, program, names, c);
  if (c.profile) w.line(`${c.profile}.calls++;`);
  const body = () => {
    writeBody(w, program, names, c, c.unfused ? 2 : 1);
    for (const o of program.outputs) {
      if (o.isScalar) {
        w.line(`${c.result}.${o.key} = ${w.types ? assertElementReads(o.expr) : o.expr};`);
      }
    }
    w.line(`return ${c.result};`);
  };
  if (!c.unfused) body();
  else {
    // guard mode: a kernel that produced NaN or ±Infinity is re-run op by op to name the op
    w.line('try {');
    body();
    w.line('} catch (e) {');
    w.line(
      `if (e instanceof ${error} && e.code === 'E_NONFINITE_OP') ${c.unfused.fn}(inputs, options);`,
    );
    w.line('throw e;').line('}');
  }
  w.line('}');
}

/** The steps of a function body (or the calls of its parts) at `depth`. */
function writeBody(
  w: ModuleWriter,
  program: LoweredProgram,
  names: ModuleNames,
  c: FunctionContext,
  depth: number,
): void {
  if (c.split) {
    for (const part of c.split.parts)
      w.line(`${part.name}(${part.params.map((p) => p.name).join(', ')});`);
    for (const load of c.split.tail) w.line(w.types ? assertElementReads(load) : load);
  } else {
    const steps = c.profile ? timed(program.steps, c.profile, names.clock) : program.steps;
    w.verbatim(renderSteps(steps, w, depth));
  }
}

/** Reads and checks each input into its local, checks the batch sizes and reserves buffers. */
function writeInputReads(
  w: ModuleWriter,
  program: LoweredProgram,
  names: ModuleNames,
  c: FunctionPlan & { readonly wasm?: WasmNames },
  /** The function the messages name (an unfused twin names the function it re-runs). */
  fn = c.fn,
): void {
  const fnLiteral = stringLiteral(fn);
  for (const i of program.inputs) {
    const key = stringLiteral(i.leaf.name);
    // a name that Object.prototype has (toString, constructor, …) is read only as an own property
    const read = INHERITED.has(i.leaf.name)
      ? `(Object.hasOwn(inputs, ${key}) ? inputs.${i.leaf.name} : undefined)`
      : `inputs.${i.leaf.name}`;
    // an input nothing reads (every output folded to a constant) is checked, not bound: a local
    // nobody reads fails a strict type check (noUnusedLocals)
    // (a batched input is read by the batch-size checks)
    const bound = i.unread !== true || i.batchDim !== undefined;
    if (i.isScalar) {
      // checked in place rather than returned: a number returned from a call that is not inlined
      // would be boxed, an allocation per call
      w.line(`${names.checkScalar}(${fnLiteral}, ${key}, ${read});`);
      if (!bound) continue;
      const cast = INHERITED.has(i.leaf.name) ? w.ts(' as number') : '';
      w.line(`const ${i.name} = ${read}${cast};`);
    } else {
      w.line(
        `${bound ? `const ${i.name} = ` : ''}${names.readTensor}(${fnLiteral}, ${key}, ${read}, ${stringLiteral(formatShape(i.leaf.shape))}, ${i.fixedSize}, ${i.batchDim !== undefined}, checkValues);`,
      );
      if (i.classes !== undefined) {
        w.line(`${names.checkLabels}(${fnLiteral}, ${key}, ${i.name}, ${i.classes});`);
      }
    }
  }
  writeBatchChecks(w, program, fn, names.errorClass);
  const wasm = c.wasm;
  if (program.dims.length > 0 || wasm) {
    const changed = [
      ...program.dims.map((d, i) => `${d.symbol} !== ${c.bounds[i]}`),
      ...(wasm ? [`${c.generation} !== ${wasm.state}.generation`] : []),
    ].join(' || ');
    w.line(`if (${changed}) ${c.reserve}(${program.dims.map((d) => d.symbol).join(', ')});`);
  }
  // the kernels read inputs from the memory: where given (a view of it), else from a copy
  for (const st of program.wasm?.staged ?? []) {
    const given = st.input.name;
    w.line(`if (${given}.buffer === ${st.area}.buffer) ${st.at} = ${given}.byteOffset;`);
    w.line('else {');
    w.line(`${st.area}.set(${given});`);
    w.line(`${st.at} = ${st.area}.byteOffset;`);
    w.line('}');
  }
}

/**
 * Guard mode's twin of a function: the same graph with every op a step of its own, each checked,
 * so that the first op to produce NaN or ±Infinity is named (src/emit/guard.ts).
 */
function writeUnfused(
  w: ModuleWriter,
  program: LoweredProgram,
  names: ModuleNames,
  c: FunctionContext,
  inputsType: string,
  main: string,
): void {
  writeBuffers(w, program, c.bounds, c.arrayType);
  if (program.dims.length > 0) writeReserve(w, program, c.reserve, undefined, c.bounds);
  if (c.split) writeParts(w, c.split, c, names.clock);
  w.line('').doc([
    `${main} op by op, each result checked: throws E_NONFINITE_OP naming the first op that`,
    `produces NaN or ±Infinity (guard mode: ${main} calls it when a fused kernel produced one).`,
  ]);
  w.functionHeader(
    '',
    c.fn,
    [
      ['inputs', inputsType],
      ['options?', '{ readonly checkValues?: boolean }'],
    ],
    'void',
  );
  w.line('const checkValues = options?.checkValues !== false;');
  writeInputReads(w, program, names, c, main);
  writeBody(w, program, names, c, 1);
  w.line('}');
}

/** Guard mode's helper: the range of an operand, for E_NONFINITE_OP's message. */
function writeRangeHelper(w: ModuleWriter, name: string): void {
  w.line('').doc(['"[min, max]" of the first n values (and whether NaN is among them).']);
  w.functionHeader(
    '',
    name,
    [
      ['values', 'ArrayLike<number>'],
      ['n', 'number'],
    ],
    'string',
  );
  w.line('let lo = Infinity;').line('let hi = -Infinity;').line('let nan = false;');
  w.line('for (let i = 0; i < n; i++) {');
  w.line(`const x = values[i]${w.ts('!')};`);
  w.line('if (Number.isNaN(x)) {').line('nan = true;').line('} else {');
  w.line('lo = Math.min(lo, x);').line('hi = Math.max(hi, x);').line('}').line('}');
  w.line("return `[${lo}, ${hi}]${nan ? ' and NaN' : ''}`;").line('}');
}

/**
 * A long function's parts: each a function of bounded size (V8 gives every local of a function
 * a slot in its frame: a 10⁵-statement function overflows the stack when called), reading what
 * earlier parts computed from the live-value array (numbers) or the module's buffers (arrays).
 */
function writeParts(w: ModuleWriter, split: SplitPlan, c: FunctionContext, clock: string): void {
  if (split.liveSize > 0) {
    w.line('').doc([`The numbers ${c.fn}'s parts pass on to later parts.`]);
    w.line(`const ${split.live} = new Float64Array(${split.liveSize});`);
  }
  split.parts.forEach((part, i) => {
    w.line('').doc([`Part ${i + 1} of ${split.parts.length} of ${c.fn}.`]);
    const type = (p: { kind: string }) => (p.kind === 'array' ? c.arrayType : 'number');
    w.functionHeader(
      '',
      part.name,
      part.params.map((p) => [p.name, type(p)] as const),
      'void',
    );
    for (const load of part.loads) w.line(w.types ? assertElementReads(load) : load);
    const steps = c.profile ? timed(part.steps, c.profile, clock, part.firstKernel) : part.steps;
    w.verbatim(renderSteps(steps, w));
    for (const store of part.stores) w.line(store);
    w.line('}');
  });
}

/** `a, b, c`, or for a long list `50000 inputs (x0, x1, x2, …)`. */
function listed(names: readonly string[], what: string): string {
  if (names.length <= MANY_INPUTS) return names.join(', ');
  return `${names.length} ${what} (${names.slice(0, 3).join(', ')}, …)`;
}

/** Inputs that share a batch dimension must agree on its size, which must be as large as ops need. */
function writeBatchChecks(w: ModuleWriter, program: LoweredProgram, fn: string, error: string) {
  for (const d of program.dims) {
    w.line(
      `const ${d.symbol} = ${d.from.name}.length / ${d.from.fixedSize}; // batch size, from ${d.from.leaf.name}`,
    );
    for (const other of program.inputs) {
      if (other === d.from || other.batchDim !== d.symbol) continue;
      const size = `${other.name}.length / ${other.fixedSize}`;
      w.line(`if (${size} !== ${d.symbol}) {`);
      w.line(
        `throw new ${error}('E_INPUT_SHAPE', \`${fn}: batch dimension '${d.symbol}' is \${${d.symbol}} in input '${d.from.leaf.name}' but \${${size}} in input '${other.leaf.name}'\`);`,
      );
      w.line('}');
    }
  }
  for (const need of program.batchNeeds) {
    w.line(`if (${need.symbol} < ${need.min}) {`);
    w.line(
      `throw new ${error}('E_INPUT_SHAPE', \`${fn}: ${templateSafe(need.what)} needs the batch dimension '${need.symbol}' to be at least ${need.min}, got \${${need.symbol}}\`);`,
    );
    w.line('}');
  }
}

/** The kernels of `steps` between two clock reads that add their time to `profile.ms[k]`. */
function timed(
  steps: readonly LoweredStep[],
  profile: string,
  clock: string,
  first = 0,
): LoweredStep[] {
  let k = first;
  return steps.map((st) =>
    st.kind === 'kernel'
      ? {
          ...st,
          lines: [
            `${clock} = performance.now();`,
            ...st.lines,
            `${profile}.ms[${k++}] += performance.now() - ${clock};`,
          ],
        }
      : st,
  );
}

/**
 * The steps of a function body. In TypeScript every element read gets a non-null assertion
 * (`X[i]!`): a project compiled with `noUncheckedIndexedAccess` types a typed-array read as
 * `number | undefined`; the assertion is erased, so the JavaScript V8 runs is the same.
 */
function renderSteps(steps: readonly LoweredStep[], w: ModuleWriter, depth = 1): string {
  if (!w.types) return printSteps(steps, depth, false);
  return printSteps(steps, depth, true, assertElementReads);
}

/**
 * `a[i] = b[j] * c[k];` → `a[i] = b[j]! * c[k]!;`: every indexed access gets `!` except the
 * target of a plain assignment (a compound one, `a[i] += …`, reads it too).
 */
function assertElementReads(code: string): string {
  if (code.startsWith('//') || !code.includes('[')) return code;
  let out = '';
  const open: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = code.indexOf(ch, i + 1);
      out += code.slice(i, end + 1);
      i = end;
      continue;
    }
    out += ch;
    if (ch === '[') open.push(/[\w$\])]/.test(code[i - 1] ?? '') ? 1 : 0);
    else if (ch === ']') {
      const isAccess = open.pop() === 1;
      const after = code.slice(i + 1);
      const assigned = /^ = /.test(after) || /^ =$/.test(after);
      if (isAccess && !assigned && after[0] !== '!') out += '!';
    }
  }
  return out;
}

/** A kernel several functions call: its code as the first caller lowered it, its operands as parameters. */
function writeSharedKernel(w: ModuleWriter, k: SharedKernel, arrayType: string): void {
  w.line('').doc([`${k.params[0]!.name} = ${k.comment}`, `(called by ${k.callers.join(' and ')})`]);
  w.functionHeader(
    '',
    k.name,
    k.params.map((p) => [p.name, p.array ? arrayType : 'number'] as const),
    'void',
  );
  const lines = w.types ? k.lines.map(assertElementReads) : k.lines;
  w.verbatim(printBody(lines, 1, w.types));
  w.line('}');
}

/**
 * The runtime, then `<prefix>Training` (its core on this module's kernels) and the factory. A
 * wasm-target module's core also gets its input copies (fit gathers mini-batches into them) and
 * its state's areas in the memory.
 */
function writeTrainer(
  w: ModuleWriter,
  t: TrainerParts,
  wasm?: { readonly section: WasmSection; readonly names: WasmNames },
): void {
  w.line('').comment('---- the training runtime (gradgen src/runtime/: the same in every module)');
  w.line('');
  if (w.types) w.verbatim(RUNTIME_TS);
  else {
    w.verbatim(RUNTIME_JS);
    for (const name of RUNTIME_EXPORTS) w.export(name);
  }
  w.line('').doc([
    `The trainer over explicit states (init, step, fit, predict, lossAndGrad, save, load) on this`,
    `module's kernels: what the library's compileTraining wraps.`,
  ]);
  const kernels = `${t.core}Kernels`;
  w.line(`const ${kernels}${w.ts(': TrainerKernels')} = {`);
  w.lines([
    `lossAndGrad: ${t.lossAndGrad},`,
    `update: ${t.update},`,
    `predict: ${t.predict ?? 'undefined'},`,
    ...(t.rotated ? [`rotated: { first: ${t.rotated.first}, step: ${t.rotated.step} },`] : []),
    ...(wasm?.section.copyAreas ? [`batchAreas: ${wasm.names.copyAreas},`] : []),
    ...(wasm?.section.stateAreas.length ? [`stateAreas: () => ${wasm.names.stateAreas},`] : []),
  ]);
  w.line('};');
  w.line(
    `${w.export(t.core)}const ${t.core}${w.ts(': TrainerCore')} = createTrainerCore(${t.meta}, ${kernels});`,
  );
  w.line('').doc([
    'A trainer that owns its state: `params` are the live parameters; step, fit, predict,',
    'lossAndGrad, save and load as the library has them. The same seed gives the same run as',
    "the library's compileTraining(…).init(seed).",
  ]);
  w.functionHeader(
    w.export(t.factory),
    t.factory,
    [['options', '{ readonly seed?: number } = {}']],
    'Trainer',
  );
  w.line(`return createTrainer(${t.core}, options);`).line('}');
}
