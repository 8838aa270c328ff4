/**
 * The wasm target's part of a module's skeleton: the kernels' bytes (base64), one WebAssembly
 * memory holding every buffer the functions use — laid out up front for batches of up to
 * `maxBatch` examples, so that it never grows (growing detaches every view of the old buffer,
 * and a detached buffer slows all typed-array code in V8) — and `setup`/`ready`: compiled
 * synchronously where the engine allows it (Node, Bun, Deno, a worker), asynchronously where it
 * does not (Chromium's main thread refuses modules over a limit: 8 MB in Chromium 156, 4 KB in
 * older versions). The TypeScript around the kernels is the same as the TS target's: its loops
 * read and write typed-array views of that memory.
 */
import type { ModuleWriter } from '../emit/writer.js';
import { PRINT_WIDTH, stringLiteral } from '../emit/jsFormat.js';
import type { MathFn } from '../kernel/expr.js';

import type { Namer } from '../emit/names.js';

/** A buffer in the wasm memory: the module-level variable viewing it and its length as code. */
export interface MemoryView {
  readonly name: string;
  readonly size: string;
}

/** A kernel function of the wasm module: its export name and its parameters. */
export interface WasmSignature {
  readonly name: string;
  readonly params: readonly string[];
}

export interface WasmSection {
  readonly bytes: Uint8Array;
  /** The Math functions the kernels call (imported as `env.<fn>`). */
  readonly imports: readonly MathFn[];
  readonly kernels: readonly WasmSignature[];
  /**
   * The bytes at the memory's start that the kernels use as scratch (GEMM panels packed at
   * address 0: src/render/wasm/pack.ts), laid out before every buffer; 0: none.
   */
  readonly scratchBytes: number;
  /** Every buffer in the memory, in layout order. */
  readonly views: readonly MemoryView[];
  /**
   * The inputs among them (declared here: the functions' own buffers are declared with them):
   * each one's public view, private copy and address variable (see StagedNames).
   */
  readonly inputs: readonly {
    readonly view: string;
    readonly area: string;
    readonly at: string;
    readonly input: string;
  }[];
  /** The batch dimensions the sizes are written in (each set to the batch limit). */
  readonly symbols: readonly string[];
  /** Whether a function has a batch dimension (and so may need a larger memory). */
  readonly batched: boolean;
  /** The layout function's own names, none a batch dimension's. */
  readonly layoutNames: { readonly buffer: string; readonly limit: string; readonly at: string };
  readonly defaultMaxBatch: number;
  /** A training module: its trainer's fit gathers mini-batches into the inputs' copies. */
  readonly copyAreas: boolean;
  /**
   * A training module's state inputs (params, optimizer slots) that kernels read: each one's
   * area of its own in the memory, for the trainer's state (laid out after `views`).
   */
  readonly stateAreas: readonly {
    readonly input: string;
    readonly area: string;
    readonly size: string;
  }[];
}

export interface WasmNames {
  readonly api: string;
  readonly kernelsType: string;
  readonly stateType: string;
  readonly bytes: string;
  readonly decode: string;
  readonly kernels: string;
  readonly unready: string;
  readonly state: string;
  readonly layout: string;
  readonly engine: string;
  readonly imports: string;
  readonly memory: string;
  readonly adopt: string;
  readonly startNow: string;
  readonly grow: string;
  readonly setup: string;
  readonly ready: string;
  readonly inputViews: string;
  readonly inputViewsType: string;
  readonly copyAreas: string;
  readonly stateAreas: string;
}

export function wasmNames(namer: Namer): WasmNames {
  return {
    api: namer.fresh('WasmApi'),
    kernelsType: namer.fresh('WasmKernels'),
    stateType: namer.fresh('WasmState'),
    bytes: namer.fresh('wasmBytes'),
    decode: namer.fresh('decodeBase64'),
    kernels: namer.fresh('wasmKernels'),
    unready: namer.fresh('wasmUnready'),
    state: namer.fresh('wasmState'),
    layout: namer.fresh('wasmLayout'),
    engine: namer.fresh('wasmEngine'),
    imports: namer.fresh('wasmImports'),
    memory: namer.fresh('wasmMemory'),
    adopt: namer.fresh('wasmAdopt'),
    startNow: namer.fresh('wasmStartNow'),
    grow: namer.fresh('wasmGrow'),
    setup: namer.fresh('setup'),
    ready: namer.fresh('ready'),
    inputViews: namer.fresh('inputViews'),
    inputViewsType: namer.fresh('WasmInputViews'),
    copyAreas: namer.fresh('wasmCopyAreas'),
    stateAreas: namer.fresh('wasmStateAreas'),
  };
}

/** Bytes per element, and each buffer's start aligned to 16 bytes (a v128). */
const ALIGN = 16;

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  return btoa(text);
}

export function writeWasmSection(
  w: ModuleWriter,
  s: WasmSection,
  n: WasmNames,
  arrayType: string,
  error: string,
): void {
  w.line('').comment(
    '---- the WebAssembly kernels (their text form is in the .wat file beside this one)',
  );
  writeTypes(w, s, n);
  writeDecoder(w, n);
  w.line('').doc(["The kernels' module, SIMD128 (base64)."]);
  w.line(`const ${n.bytes} = ${n.decode}(${stringLiteral(base64(s.bytes))});`);
  w.line('').doc([
    'What `setup` made: the batch limit the memory is laid out for (0: not yet), how many',
    'memories it made (functions re-point their results on a new one), the compiled module, or',
    'why the kernels cannot run here; and how many setups were called, and which of them laid',
    'the memory out (an earlier one finishing later must not undo a later one).',
  ]);
  w.line(`const ${n.state}${w.ts(`: ${n.stateType}`)} = {`);
  w.lines([
    'maxBatch: 0,',
    'generation: 0,',
    'module: undefined,',
    'failure: undefined,',
    'calls: 0,',
    'adopted: 0,',
    '};',
  ]);
  w.line(`function ${n.unready}()${w.ts(': never')} {`);
  w.line(
    `throw ${n.state}.failure ?? new ${error}('E_NOT_READY', 'the WebAssembly kernels are not ready: await ready (or setup(…)) before the first call');`,
  );
  w.line('}');
  const head = `let ${n.kernels}${w.ts(`: ${n.kernelsType}`)} = `;
  const entries = s.kernels.map((k) => `${k.name}: ${n.unready}`);
  const flat = entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  // as prettier prints it: on one line if it fits, else one entry per line
  if (head.length + flat.length + 1 <= PRINT_WIDTH) w.line(`${head}${flat};`);
  else
    w.line(`${head}{`)
      .lines(entries.map((e) => `${e},`))
      .line('};');
  for (const i of s.inputs) {
    w.comment(
      `input ${i.input}: its view for callers (inputViews), the copy of an ordinary array,`,
    );
    w.comment('and where a call reads it from');
    w.line(`let ${i.view} = new ${arrayType}(0);`);
    w.line(`let ${i.area} = new ${arrayType}(0);`);
    w.line(`let ${i.at} = 0;`);
  }
  writeStateAreas(w, s, n, arrayType);
  writeInputViews(w, s, n, arrayType);
  writeLayout(w, s, n, arrayType);
  writeSetup(w, s, n, error);
}

/** The training state's areas, each a view of the memory, and the object naming them by input. */
function writeStateAreas(w: ModuleWriter, s: WasmSection, n: WasmNames, arrayType: string): void {
  if (s.stateAreas.length === 0) return;
  // a float32 module's state is float64 arrays: the areas hold its float32 copy, made per step
  const f32 = arrayType === 'Float32Array';
  for (const a of s.stateAreas) {
    w.comment(
      f32
        ? `state input ${a.input}: each step's float32 copy of the trainer's state`
        : `state input ${a.input}: where the trainer's state lives`,
    );
    w.line(`let ${a.area} = new ${arrayType}(0);`);
  }
  w.doc(
    f32
      ? [
          "The state's areas by input: each step converts the trainer's (float64) params and",
          'optimizer slots into them, and the kernels read them there. A new memory makes a new',
          'object.',
        ]
      : [
          "The state's areas by input: the trainer's first state on this memory lives in them, so the",
          'kernels read its params and optimizer slots in place. A new memory makes a new object.',
        ],
  );
  w.line(`let ${n.stateAreas}${w.ts(`: Record<string, ${arrayType}>`)} = {};`);
}

/**
 * `inputViews()`: the inputs' views in the memory (as long as `maxBatch` examples), for a hot
 * loop to write its data into: a call given such a view, or a view of its start as long as the
 * batch (`subarray(0, n·m)`), copies nothing.
 */
function writeInputViews(w: ModuleWriter, s: WasmSection, n: WasmNames, arrayType: string): void {
  if (w.types) {
    w.line('').line(`interface ${n.inputViewsType} {`);
    for (const i of s.inputs) w.line(`readonly ${i.input}: ${arrayType};`);
    w.line('}');
  }
  w.line('').doc([
    'The inputs that the kernels read from the memory, as views of it for batches of up to',
    "`maxBatch` examples: write a batch's data into `view.subarray(0, size)` and pass that, and",
    'the call copies nothing. A new memory (setup, or a larger batch) makes new views.',
  ]);
  w.functionHeader(w.export(n.inputViews), n.inputViews, [], n.inputViewsType);
  writeByInput(w, s, (i) => i.view);
  if (!s.copyAreas) return;
  w.line('').doc([
    'The private copies of those inputs (where a call copies an ordinary array), which no caller',
    "holds: the trainer's fit gathers each mini-batch into them, and the call reads it there.",
  ]);
  w.functionHeader('', n.copyAreas, [], `Record<string, ${arrayType}>`);
  writeByInput(w, s, (i) => i.area);
}

/** A function body returning, for each staged input, the array `pick` names; then its `}`. */
function writeByInput(
  w: ModuleWriter,
  s: WasmSection,
  pick: (i: WasmSection['inputs'][number]) => string,
): void {
  if (s.inputs.length === 0) w.line('return {};');
  else {
    w.line('return {');
    for (const i of s.inputs) w.line(`${i.input}: ${pick(i)},`);
    w.line('};');
  }
  w.line('}');
}

function writeTypes(w: ModuleWriter, s: WasmSection, n: WasmNames): void {
  if (!w.types) return;
  w.line('').doc([
    "The engine's WebAssembly API, typed here so that the module needs no DOM types.",
  ]);
  w.line(`interface ${n.api} {`);
  w.lines([
    'validate(bytes: Uint8Array): boolean;',
    'Module: new (bytes: Uint8Array) => object;',
    'Instance: new (module: object, imports: object) => { readonly exports: object };',
    'Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };',
    'compile(bytes: Uint8Array): Promise<object>;',
    'instantiate(module: object, imports: object): Promise<{ readonly exports: object }>;',
  ]);
  w.line('}');
  w.line('').line(`interface ${n.stateType} {`);
  w.lines([
    'maxBatch: number;',
    'generation: number;',
    'module: object | undefined;',
    'failure: Error | undefined;',
    'calls: number;',
    'adopted: number;',
    '}',
  ]);
  w.line('').line(`interface ${n.kernelsType} {`);
  for (const k of s.kernels)
    w.methodSignature(
      k.name,
      k.params.map((p) => [p, 'number'] as const),
      'void',
    );
  w.line('}');
}

function writeDecoder(w: ModuleWriter, n: WasmNames): void {
  w.line('').doc(['The bytes of a base64 text (no padding errors: the text is our own).']);
  w.functionHeader('', n.decode, [['text', 'string']], 'Uint8Array');
  w.lines([
    "const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';",
    `const value = new Uint8Array(128);`,
    'for (let i = 0; i < 64; i++) value[digits.charCodeAt(i)] = i;',
    "const end = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;",
    'const out = new Uint8Array((text.length / 4) * 3 - end);',
    'for (let i = 0, o = 0; i < text.length; i += 4) {',
    `const bits = (value[text.charCodeAt(i)]${w.ts('!')} << 18) | (value[text.charCodeAt(i + 1)]${w.ts('!')} << 12) | (value[text.charCodeAt(i + 2)]${w.ts('!')} << 6) | value[text.charCodeAt(i + 3)]${w.ts('!')};`,
    'if (o < out.length) out[o++] = bits >> 16;',
    'if (o < out.length) out[o++] = (bits >> 8) & 255;',
    'if (o < out.length) out[o++] = bits & 255;',
    '}',
    'return out;',
    '}',
  ]);
}

/** Views every buffer in `memory` (null: only counts the bytes) for batches of up to `limit`. */
function writeLayout(w: ModuleWriter, s: WasmSection, n: WasmNames, arrayType: string): void {
  const bytes = arrayType === 'Float32Array' ? 4 : 8;
  // its own names: taken where no batch dimension's can be (a dimension may be called `limit`)
  const { buffer, limit, at } = s.layoutNames;
  w.line('').doc([
    `Lays every buffer out in \`${buffer}\` for batches of up to \`${limit}\` examples, 16-byte`,
    `aligned; returns the bytes used (with \`${buffer}\` undefined it only counts them).`,
  ]);
  w.functionHeader(
    '',
    n.layout,
    [
      [buffer, 'ArrayBuffer | undefined'],
      [limit, 'number'],
    ],
    'number',
  );
  for (const sym of s.symbols) w.line(`const ${sym} = ${limit};`);
  if (s.scratchBytes > 0) w.comment("after the kernels' scratch area");
  w.line(`let ${at} = ${Math.ceil(s.scratchBytes / ALIGN) * ALIGN};`);
  for (const v of s.views) {
    w.line(`if (${buffer}) ${v.name} = new ${arrayType}(${buffer}, ${at}, ${v.size});`);
    w.line(`${at} += Math.ceil((${v.size} * ${bytes}) / ${ALIGN}) * ${ALIGN};`);
  }
  if (s.stateAreas.length > 0) {
    w.line(`if (${buffer}) {`);
    w.line(`${n.stateAreas} = {`);
    for (const a of s.stateAreas) w.line(`${a.input}: ${a.area},`);
    w.line('};').line('}');
  }
  w.line(`return ${at};`).line('}');
}

function writeSetup(w: ModuleWriter, s: WasmSection, n: WasmNames, error: string): void {
  const api = n.api;
  w.line('').doc([
    s.imports.length
      ? `The kernels' imports: the memory, and the Math functions they call (${s.imports.join(', ')}; one lane at a time).`
      : "The kernels' imports: the memory (they call no Math function).",
  ]);
  w.functionHeader('', n.imports, [['memory', 'object']], 'object');
  w.line('return {').line('env: {').line('memory,');
  for (const fn of s.imports) w.line(`${fn}: Math.${fn},`);
  w.line('},').line('};').line('}');
  w.line('').doc([
    "The engine's WebAssembly if it runs the kernels (SIMD128), else undefined (and why).",
  ]);
  w.functionHeader('', n.engine, [], `${api} | undefined`);
  w.line(`const api = (globalThis${w.ts(` as unknown as { WebAssembly?: ${api} }`)}).WebAssembly;`);
  w.line(`if (api !== undefined && api.validate(${n.bytes})) return api;`);
  w.line(
    `${n.state}.failure = new ${error}('E_NO_WASM', ${stringLiteral("this engine does not run WebAssembly SIMD128, which the kernels of this module need; emit it with target 'ts' instead")});`,
  );
  w.line('return undefined;').line('}');

  w.line('').doc([
    'A memory for batches of up to `limit` examples (every buffer fits in it), or E_BATCH_TOO_LARGE',
    'when the engine cannot make one that large.',
  ]);
  w.functionHeader(
    '',
    n.memory,
    [
      ['api', api],
      ['limit', 'number'],
    ],
    '{ readonly buffer: ArrayBuffer }',
  );
  w.line(`const pages = Math.max(1, Math.ceil(${n.layout}(undefined, limit) / 65536));`);
  w.line('try {');
  w.line('return new api.Memory({ initial: pages });');
  w.line('} catch (e) {');
  w.line('if (!(e instanceof RangeError)) throw e;');
  w.line(
    `throw new ${error}('E_BATCH_TOO_LARGE', \`a WebAssembly memory for \${limit} examples (\${pages} pages of 64 KiB) cannot be made here: \${e.message}\`);`,
  );
  w.line('}');
  w.line('}');

  w.line('').doc([
    'Takes the kernels instantiated on `memory` by setup number `call`: every buffer is laid out',
    'in it anew, unless a later setup has laid the memory out already.',
  ]);
  w.functionHeader(
    '',
    n.adopt,
    [
      ['memory', '{ readonly buffer: ArrayBuffer }'],
      ['limit', 'number'],
      ['exports', 'object'],
      ['call', 'number'],
    ],
    'void',
  );
  w.line(`if (call < ${n.state}.adopted) return;`);
  w.line(`${n.state}.adopted = call;`);
  w.line(`${n.layout}(memory.buffer, limit);`);
  w.line(`${n.kernels} = exports${w.ts(` as ${n.kernelsType}`)};`);
  w.line(`${n.state}.maxBatch = limit;`);
  w.line(`${n.state}.generation++;`);
  w.line(`${n.state}.failure = undefined;`);
  w.line('}');

  w.line('').doc([
    'Starts the kernels for `limit` examples synchronously; false where the engine compiles and',
    "instantiates a module this large only asynchronously (a browser's main thread: over 8 MB in",
    'Chromium 156, over 4 KB in older versions).',
  ]);
  w.functionHeader(
    '',
    n.startNow,
    [
      ['api', api],
      ['limit', 'number'],
      ['call', 'number'],
    ],
    'boolean',
  );
  // a RangeError from compiling or instantiating is the engine refusing to do it synchronously
  w.line(`const refused = (e${w.ts(': unknown')})${w.ts(': boolean')} => {`);
  w.line('if (e instanceof RangeError) return true;');
  w.line('throw e;');
  w.line('};');
  w.line(`let module = ${n.state}.module;`);
  w.line('try {');
  w.line(`module ??= new api.Module(${n.bytes});`);
  w.line('} catch (e) {');
  w.line('return !refused(e);');
  w.line('}');
  w.line(`${n.state}.module = module;`);
  w.line(`const memory = ${n.memory}(api, limit);`);
  w.line(`let exports${w.ts(': object')};`);
  w.line('try {');
  w.line(`exports = new api.Instance(module, ${n.imports}(memory)).exports;`);
  w.line('} catch (e) {');
  w.line('return !refused(e);');
  w.line('}');
  w.line(`${n.adopt}(memory, limit, exports, call);`);
  w.line('return true;');
  w.line('}');

  w.line('').doc([
    'Lays the memory out anew for batches of up to `maxBatch` examples and instantiates the',
    'kernels on it: at once where the engine allows, else when the promise resolves. A call with',
    'a larger batch does this itself where the engine allows (Node, Bun, Deno, a worker); views',
    'taken before stay readable, on the old memory (it is replaced, never grown). Of setups that',
    'overlap (`ready` is one), the one called last decides the layout.',
  ]);
  w.functionHeader(
    w.export(n.setup),
    n.setup,
    [['options', '{ readonly maxBatch: number }']],
    'Promise<void>',
  );
  w.line('const limit = options.maxBatch;');
  w.line('if (!Number.isInteger(limit) || limit < 1) {');
  w.line(
    `return Promise.reject(new ${error}('E_BAD_OPTION', \`setup: maxBatch must be a positive integer, got \${String(limit)}\`));`,
  );
  w.line('}');
  w.line(`const api = ${n.engine}();`);
  w.line(`if (api === undefined) return Promise.reject(${n.state}.failure);`);
  w.line(`const call = ++${n.state}.calls;`);
  w.line('try {');
  w.line(`if (${n.startNow}(api, limit, call)) return Promise.resolve();`);
  w.line('} catch (e) {');
  w.line('return Promise.reject(e);');
  w.line('}');
  w.line(`let memory${w.ts(': { readonly buffer: ArrayBuffer }')};`);
  w.line('try {');
  w.line(`memory = ${n.memory}(api, limit);`);
  w.line('} catch (e) {');
  w.line('return Promise.reject(e);');
  w.line('}');
  w.line(`const compiled = ${n.state}.module ?? api.compile(${n.bytes});`);
  w.line('return Promise.resolve(compiled).then((module) => {');
  w.line(`${n.state}.module = module;`);
  w.line(`return api.instantiate(module, ${n.imports}(memory)).then((instance) => {`);
  w.line(`${n.adopt}(memory, limit, instance.exports, call);`);
  w.line('});');
  w.line('});');
  w.line('}');

  if (s.batched) {
    w.line('').doc([
      'For a call whose batch is over the limit: a memory for `limit` examples now, where the',
      'engine allows it (false: the caller must await setup first).',
    ]);
    w.functionHeader('', n.grow, [['limit', 'number']], 'boolean');
    w.line(`const api = ${n.engine}();`);
    w.line(`return api !== undefined && ${n.startNow}(api, limit, ++${n.state}.calls);`);
    w.line('}');
  }

  w.line('').doc([
    `Resolves when the kernels can run, on a memory for batches of up to ${s.defaultMaxBatch} examples (a`,
    'larger batch lays out a larger one).',
  ]);
  w.line(
    `${w.export(n.ready)}const ${n.ready}${w.ts(': Promise<void>')} = ${n.setup}({ maxBatch: ${s.defaultMaxBatch} });`,
  );
  w.comment(
    'a failure is reported by every call; an unobserved rejection must not end the process',
  );
  w.line(`${n.ready}.catch(() => undefined);`);
}
