/**
 * Graph → TypeScript module text. The module is straight-line code specialized to the graph: one
 * `const` per op node, named after the user's names where possible, each with a comment giving the
 * math it computes. It imports nothing, type-checks under `strict`, and is byte-identical for the
 * same graph. Built with ts-morph, formatted with prettier.
 */
import { VariableDeclarationKind, type WriterFunction } from 'ts-morph';
import { GradgenError, at } from '../errors.js';
import { checkLeafNames, leavesOf } from '../ir/graph.js';
import { isNode, type LeafNode, type Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { formatShape, type Shape } from '../ir/shape.js';
import { userCallSite } from '../ir/site.js';
import { lower, type Dtype, type LoweredProgram, type LoweredStep } from '../lower/lower.js';
import { optimize } from '../rewrite/optimize.js';
import { formatTypeScript, newSourceFile, printSteps } from './format.js';
import { Namer, pascalCase } from './names.js';

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
}

/** What `emit` decided, for `compile` and tools: the text plus the function's signature. */
export interface EmittedModule {
  readonly source: string;
  readonly functionName: string;
  readonly inputs: readonly LeafNode[];
  readonly outputs: Readonly<Record<string, Node>>;
  /** The loop program the text was printed from. */
  readonly program: LoweredProgram;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const STEPS_PLACEHOLDER = '// @@gradgen-steps@@';

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
    if (!isNode(value)) {
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `${where}: output '${key}' is not a graph node${at(userCallSite())}`,
      );
    }
  }
  return outputs as Readonly<Record<string, Node>>;
}

function resolveInputs(
  outputs: Readonly<Record<string, Node>>,
  declared: readonly Node[] | undefined,
  where: string,
): LeafNode[] {
  const used = leavesOf(Object.values(outputs), where);
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
  const outs = checkOutputs(outputs, where);
  const name = options.name ?? 'compute';
  const { source, functions } = emitFunctions(
    [{ name, outputs: outs, ...(options.inputs ? { inputs: options.inputs } : {}) }],
    options,
    where,
  );
  const f = functions[0]!;
  return {
    source,
    functionName: f.functionName,
    inputs: f.inputs,
    outputs: outs,
    program: f.program,
  };
}

/**
 * Builds one module with several exported functions (a training module has a step, a predict and
 * a loss-and-gradient function), sharing the input checks; each function has its own buffers.
 */
export function emitFunctions(
  specs: readonly FunctionSpec[],
  options: Omit<EmitOptions, 'name' | 'inputs'> & {
    /** Extra lines for the module's doc comment. */
    header?: readonly string[];
    /** Extra exported declarations (metadata), as statements added after the functions. */
    extra?: readonly string[];
  } = {},
  where = 'emit',
): { source: string; functions: EmittedFunction[] } {
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
  const arrayType = dtype === 'float32' ? 'Float32Array' : 'Float64Array';
  const tensorType = `${arrayType}`;
  // Module-level names first, so the functions' locals never shadow them.
  const namer = new Namer();
  const fnNames = specs.map((spec) => namer.fresh(spec.name));
  const errorClass = namer.fresh('GradgenInputError');
  const readScalar = namer.fresh('checkScalar');
  const readTensor = namer.fresh('readTensor');
  const profileNames = options.profile ? fnNames.map((fn) => namer.fresh(`${fn}Profile`)) : [];
  const clock = options.profile ? namer.fresh('profileClock') : '';
  const lowered = specs.map((spec) => {
    const outs = checkOutputs(spec.outputs, where);
    const inputs = resolveInputs(outs, spec.inputs, where);
    const graph = options.optimize === false ? outs : optimize(outs).outputs;
    // each function's locals live in a scope of their own; buffers are module-level
    return { outs, inputs, program: lower(graph, inputs, dtype, namer.child(), where, namer) };
  });
  const describeOut = (k: string, n: Node) => `${k} = ${formula(n, { depth: 4, useNames: true })}`;
  const hasTensors = lowered.some(({ inputs, outs }) =>
    [...inputs, ...Object.values(outs)].some((n) => n.shape.length > 0),
  );

  const sf = newSourceFile(`${specs[0]?.name ?? 'module'}.ts`);
  sf.addStatements([
    [
      `/**`,
      ` * ${fnNames.join(', ')} — generated by gradgen. Do not edit: regenerate it from the model instead.`,
      ...(options.header ?? []).map((l) => ` * ${l}`),
      ...lowered.flatMap(({ inputs, outs }, i) => [
        ` *`,
        ...(specs.length > 1 ? [` * ${fnNames[i]}:`] : []),
        ` * Inputs: ${inputs.map((l) => `${l.name} ${formatShape(l.shape)}`).join(', ') || 'none'}`,
        ` * Outputs (the returned object and its arrays are reused by the next call: copy what you keep):`,
        ...Object.entries(outs).map(
          ([k, n]) =>
            ` *   ${describeOut(k, n)}${n.shape.length ? `  ${formatShape(n.shape)}` : ''}`,
        ),
      ]),
      ...(hasTensors
        ? [` * Tensors are row-major ${arrayType}s; examples are columns (X is features × m).`]
        : []),
      ` */`,
    ].join('\n'),
  ]);
  sf.addClass({
    isExported: true,
    name: errorClass,
    extends: 'Error',
    docs: ["Thrown for bad call arguments; `code` matches gradgen's own error codes."],
    properties: [{ name: 'code', type: 'string', isReadonly: true }],
    ctors: [
      {
        parameters: [
          { name: 'code', type: 'string' },
          { name: 'message', type: 'string' },
        ],
        statements: ['super(message);', "this.name = 'GradgenInputError';", 'this.code = code;'],
      },
    ],
  });
  const usesScalars = lowered.some(({ program }) => program.inputs.some((i) => i.isScalar));
  const usesTensors = lowered.some(({ program }) => program.inputs.some((i) => !i.isScalar));
  if (usesScalars) {
    sf.addFunction({
      name: readScalar,
      parameters: [
        { name: 'fn', type: 'string' },
        { name: 'key', type: 'string' },
        { name: 'value', type: 'unknown' },
      ],
      returnType: 'asserts value is number',
      statements: [
        `if (value === undefined) throw new ${errorClass}('E_MISSING_INPUT', \`\${fn}: missing input '\${key}' (shape ())\`);`,
        `if (typeof value !== 'number') throw new ${errorClass}('E_INPUT_SHAPE', \`\${fn}: input '\${key}' is a scalar and needs a number, got \${typeof value}\`);`,
        `if (!Number.isFinite(value)) throw new ${errorClass}('E_NONFINITE_INPUT', \`\${fn}: input '\${key}' has a non-finite value \${value}\`);`,
      ],
    });
  }
  if (usesTensors) {
    sf.addFunction({
      name: readTensor,
      docs: [
        'Checks a tensor input (type, length against its shape and, when `checkValues`, that every',
        `value is finite) and returns it as a ${arrayType} (the caller's array itself when it already is one).`,
      ],
      parameters: [
        { name: 'fn', type: 'string' },
        { name: 'key', type: 'string' },
        { name: 'value', type: 'unknown' },
        { name: 'shape', type: 'string' },
        { name: 'fixed', type: 'number' },
        { name: 'batched', type: 'boolean' },
        { name: 'checkValues', type: 'boolean' },
      ],
      returnType: arrayType,
      statements: [
        `if (value === undefined) throw new ${errorClass}('E_MISSING_INPUT', \`\${fn}: missing input '\${key}' (shape \${shape})\`);`,
        'if (!(value instanceof Float64Array || value instanceof Float32Array || Array.isArray(value))) {',
        `  throw new ${errorClass}('E_INPUT_SHAPE', \`\${fn}: input '\${key}' has shape \${shape} and needs a Float64Array, Float32Array or number[] (row-major), got \${typeof value}\`);`,
        '}',
        'const data = value as ArrayLike<number>;',
        'if (batched ? data.length === 0 || data.length % fixed !== 0 : data.length !== fixed) {',
        `  const expected = batched ? \`a positive multiple of \${fixed}\` : String(fixed);`,
        `  throw new ${errorClass}('E_INPUT_SHAPE', \`\${fn}: input '\${key}' has shape \${shape}: expected \${expected} values, got \${data.length}\`);`,
        '}',
        'for (let i = 0; checkValues && i < data.length; i++) {',
        '  if (!Number.isFinite(data[i])) {',
        `    throw new ${errorClass}('E_NONFINITE_INPUT', \`\${fn}: input '\${key}' has a non-finite value \${data[i]} at index \${i}\`);`,
        '  }',
        '}',
        `return data instanceof ${arrayType} ? data : ${arrayType}.from(data);`,
      ],
    });
  }

  const placeholders: string[] = [];
  lowered.forEach(({ outs, inputs, program }, index) => {
    const fn = fnNames[index]!;
    const typeBase = pascalCase(fn);
    const inputsType = `${typeBase}Inputs`;
    const outputsType = `${typeBase}Outputs`;
    const metaName = namer.fresh(`${fn}Meta`);
    const outputEntries = Object.entries(outs);
    const placeholder = `${STEPS_PLACEHOLDER}${index}`;
    placeholders.push(placeholder);
    sf.addInterface({
      isExported: true,
      name: inputsType,
      properties: inputs.map((l) => ({
        name: l.name,
        type: l.shape.length === 0 ? 'number' : 'Float64Array | Float32Array | readonly number[]',
        isReadonly: true,
      })),
    });
    sf.addInterface({
      isExported: true,
      name: outputsType,
      properties: outputEntries.map(([k, n]) => ({
        name: k,
        type: n.shape.length === 0 ? 'number' : tensorType,
      })),
    });
    const meta: WriterFunction = (w) => {
      w.write('{').newLine();
      w.writeLine(`name: ${JSON.stringify(fn)},`);
      w.writeLine(`dtype: ${JSON.stringify(dtype)},`);
      const list = (entries: readonly (readonly [string, Shape])[]) =>
        `[${entries.map(([name, shape]) => `{ name: ${JSON.stringify(name)}, shape: ${JSON.stringify(shape)} }`).join(', ')}]`;
      w.writeLine(`inputs: ${list(inputs.map((l) => [l.name, l.shape] as const))},`);
      w.writeLine(`outputs: ${list(outputEntries.map(([k, n]) => [k, n.shape] as const))},`);
      w.write('}');
    };
    sf.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        'Shapes of the inputs and outputs in signature order (`[]` is a scalar; a string is the batch',
        'dimension). A list, not an object keyed by name: that object would share its hidden class',
        "with the caller's input objects and the result, and V8 would then box their numbers.",
      ],
      declarations: [{ name: metaName, initializer: (w) => (meta(w), w.write(' as const')) }],
    });
    // ---- preallocated memory: buffers, the result object, and the batch size they are sized for
    const symbolic = (size: string) => !/^\d+$/.test(size);
    const resultName = namer.fresh(specs.length > 1 ? `${fn}Result` : 'result');
    const reserveName = namer.fresh(specs.length > 1 ? `${fn}Reserve` : 'reserve');
    const boundNames = program.dims.map((d) =>
      namer.fresh(specs.length > 1 ? `${fn}_bound_${d.symbol}` : `bound_${d.symbol}`),
    );
    const outputBuffer = new Map(
      program.buffers.flatMap((b) => b.outputs.map((key) => [key, b] as const)),
    );
    for (const b of program.buffers) {
      sf.addVariableStatement({
        declarationKind: symbolic(b.size)
          ? VariableDeclarationKind.Let
          : VariableDeclarationKind.Const,
        declarations: [
          { name: b.name, initializer: `new ${arrayType}(${symbolic(b.size) ? 0 : b.size})` },
        ],
        leadingTrivia: b.outputs.length ? `// holds output ${b.outputs.join(', ')}\n` : undefined,
      });
    }
    program.dims.forEach((d, i) =>
      sf.addVariableStatement({
        declarationKind: VariableDeclarationKind.Let,
        leadingTrivia: `// the batch size the buffers are laid out for (-1: none yet)\n`,
        declarations: [{ name: boundNames[i]!, initializer: '-1' }],
      }),
    );
    // A class of its own: an object literal with the outputs' keys would share its hidden class
    // with the caller's `{ J, dW1, … }` of graph nodes, and V8 would then box every number
    // stored into it (an allocation per scalar output per call).
    const resultClass = namer.fresh(`${typeBase}Result`);
    sf.addClass({
      name: resultClass,
      implements: [outputsType],
      properties: program.outputs.map((o) => {
        const b = outputBuffer.get(o.key);
        return {
          name: o.key,
          type: o.isScalar ? 'number' : arrayType,
          initializer: o.isScalar ? '0' : b && !symbolic(b.size) ? b.name : `new ${arrayType}(0)`,
        };
      }),
    });
    sf.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The object every call returns, updated in place (no allocation per call).'],
      declarations: [{ name: resultName, type: outputsType, initializer: `new ${resultClass}()` }],
    });
    if (program.dims.length > 0) {
      sf.addFunction({
        name: reserveName,
        docs: [
          'Grows the buffers that depend on the batch size, and makes exact-length views of the',
          'outputs: only when the batch size changes, never in a steady loop.',
        ],
        parameters: program.dims.map((d) => ({ name: d.symbol, type: 'number' })),
        returnType: 'void',
        statements: (w) => {
          for (const b of program.buffers) {
            if (!symbolic(b.size)) continue;
            w.writeLine(
              `if (${b.name}.length < ${b.size}) ${b.name} = new ${arrayType}(${b.size});`,
            );
          }
          for (const o of program.outputs) {
            const b = outputBuffer.get(o.key);
            if (!o.isScalar && b && symbolic(b.size)) {
              w.writeLine(
                `${resultName}.${o.key} = ${b.name}.length === ${b.size} ? ${b.name} : ${b.name}.subarray(0, ${b.size});`,
              );
            }
          }
          program.dims.forEach((d, i) => w.writeLine(`${boundNames[i]} = ${d.symbol};`));
        },
      });
    }
    const takesTensors = program.inputs.some((i) => !i.isScalar);
    sf.addFunction({
      isExported: true,
      name: fn,
      docs: [
        [
          `Computes ${outputEntries.map(([k]) => k).join(', ')} from ${inputs.map((l) => l.name).join(', ') || 'nothing'}.`,
          '`options.checkValues: false` skips the checks that read every key and value: unknown input',
          takesTensors
            ? 'names and NaN/±Infinity in tensors (types, shapes and scalar values are still checked).'
            : 'names (types and values are still checked).',
          'For a hot loop whose inputs are known to be good.',
        ].join('\n'),
      ],
      parameters: [
        { name: 'inputs', type: inputsType },
        { name: 'options', type: '{ readonly checkValues?: boolean }', hasQuestionToken: true },
      ],
      returnType: outputsType,
      statements: (w) => {
        w.writeLine(`if (typeof inputs !== 'object' || inputs === null) {`);
        w.indent(() =>
          w.writeLine(
            `throw new ${errorClass}('E_MISSING_INPUT', '${fn}: expected an object of named inputs');`,
          ),
        );
        w.writeLine('}');
        // a switch on the key, and each input read as a named property: no allocation and no
        // generic keyed lookups, which would cost more than a small function's arithmetic
        w.writeLine('const checkValues = options?.checkValues !== false;');
        w.writeLine('if (checkValues) {');
        w.writeLine('for (const key in inputs) {');
        w.writeLine('switch (key) {');
        for (const l of inputs) w.writeLine(`case ${JSON.stringify(l.name)}:`);
        if (inputs.length) w.writeLine('break;');
        w.writeLine('default:');
        w.writeLine(
          `throw new ${errorClass}('E_UNKNOWN_INPUT', \`${fn}: unknown input '\${key}'; it takes ${inputs.map((l) => `'${l.name}'`).join(', ') || 'no inputs'}\`);`,
        );
        w.writeLine('}');
        w.writeLine('}');
        w.writeLine('}');
        const fnLiteral = `'${fn}'`;
        for (const i of program.inputs) {
          const key = JSON.stringify(i.leaf.name);
          if (i.isScalar) {
            // checked in place rather than returned: a number returned from a call that is not
            // inlined would be boxed, an allocation per call
            w.writeLine(`${readScalar}(${fnLiteral}, ${key}, inputs.${i.leaf.name});`);
            w.writeLine(`const ${i.name} = inputs.${i.leaf.name};`);
          } else {
            w.writeLine(
              `const ${i.name} = ${readTensor}(${fnLiteral}, ${key}, inputs.${i.leaf.name}, ${JSON.stringify(formatShape(i.leaf.shape))}, ${i.fixedSize}, ${i.batchDim !== undefined}, checkValues);`,
            );
          }
        }
        for (const d of program.dims) {
          w.writeLine(
            `const ${d.symbol} = ${d.from.name}.length / ${d.from.fixedSize}; // batch size, from ${d.from.leaf.name}`,
          );
          for (const other of program.inputs) {
            if (other === d.from || other.batchDim !== d.symbol) continue;
            const size = `${other.name}.length / ${other.fixedSize}`;
            w.writeLine(`if (${size} !== ${d.symbol}) {`);
            w.indent(() =>
              w.writeLine(
                `throw new ${errorClass}('E_INPUT_SHAPE', \`${fn}: batch dimension '${d.symbol}' is \${${d.symbol}} in input '${d.from.leaf.name}' but \${${size}} in input '${other.leaf.name}'\`);`,
              ),
            );
            w.writeLine('}');
          }
        }
        if (program.dims.length > 0) {
          const changed = program.dims
            .map((d, i) => `${d.symbol} !== ${boundNames[i]}`)
            .join(' || ');
          w.writeLine(
            `if (${changed}) ${reserveName}(${program.dims.map((d) => d.symbol).join(', ')});`,
          );
        }
        if (options.profile) w.writeLine(`${profileNames[index]}.calls++;`);
        w.writeLine(placeholder);
        for (const o of program.outputs)
          if (o.isScalar) w.writeLine(`${resultName}.${o.key} = ${o.expr};`);
        w.writeLine(`return ${resultName};`);
      },
    });
  });
  if (options.profile) {
    sf.addVariableStatement({
      declarationKind: VariableDeclarationKind.Let,
      declarations: [{ name: clock, initializer: '0' }],
    });
    lowered.forEach(({ program }, i) => {
      const kernels = program.steps.filter((st) => st.kind === 'kernel');
      sf.addVariableStatement({
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [`Milliseconds spent in each kernel of ${fnNames[i]}, summed over \`calls\` calls.`],
        declarations: [
          {
            name: profileNames[i]!,
            initializer: `{ kernels: ${JSON.stringify(kernels.map((st) => `${st.name} = ${st.comment}`))}, ms: new Float64Array(${kernels.length}), calls: 0 }`,
          },
        ],
      });
    });
  }
  if (options.extra) sf.addStatements([...options.extra]);
  // The skeleton goes through prettier; the steps (all the math, possibly 100k lines) are printed
  // in prettier's style directly, and only steps prettier would change are formatted by it.
  let source = formatTypeScript(sf.getFullText());
  lowered.forEach(({ program }, i) => {
    const steps = options.profile ? timed(program.steps, profileNames[i]!, clock) : program.steps;
    source = source.replace(`  ${placeholders[i]}\n`, () => printSteps(steps, 1));
  });
  return {
    source,
    functions: lowered.map(({ inputs, outs, program }, i) => ({
      functionName: fnNames[i]!,
      inputs,
      outputs: outs,
      program,
      ...(options.profile ? { profileName: profileNames[i]! } : {}),
    })),
  };
}

/** The TypeScript module text for `outputs`, for writing to disk. */
export function emit(outputs: Readonly<Record<string, Node>>, options: EmitOptions = {}): string {
  return emitModule(outputs, options, 'emit').source;
}

/** The kernels of `steps` between two clock reads that add their time to `profile.ms[k]`. */
function timed(steps: readonly LoweredStep[], profile: string, clock: string): LoweredStep[] {
  let k = 0;
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
