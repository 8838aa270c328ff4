/**
 * Graph → TypeScript module text. The module is straight-line code specialized to the graph: one
 * `const` per op node, named after the user's names where possible, each with a comment giving the
 * math it computes. It imports nothing, type-checks under `strict`, and is byte-identical for the
 * same graph. Built with ts-morph, formatted with prettier.
 */
import { VariableDeclarationKind, type WriterFunction } from 'ts-morph';
import { GradgenError, at } from '../errors.ts';
import { leavesOf, toposort } from '../ir/graph.ts';
import { isNode, nameHint, type LeafNode, type Node } from '../ir/node.ts';
import { formula } from '../ir/print.ts';
import { formatShape } from '../ir/shape.ts';
import { userCallSite } from '../ir/site.ts';
import { numberLiteral, PREC, printed } from '../ops/define.ts';
import { opDef } from '../ops/index.ts';
import { formatTypeScript, newSourceFile } from './format.ts';
import { Namer, pascalCase } from './names.ts';

export interface EmitOptions {
  /** Name of the exported function (and prefix of its types); default `compute`. */
  name?: string;
  /** The function's inputs, in order; default: the inputs the outputs use, in first-use order. */
  inputs?: readonly Node[];
}

/** What `emit` decided, for `compile` and tools: the text plus the function's signature. */
export interface EmittedModule {
  readonly source: string;
  readonly functionName: string;
  readonly inputs: readonly LeafNode[];
  readonly outputs: Readonly<Record<string, Node>>;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Comments expand unnamed subexpressions up to this length, then refer to temporaries. */
const COMMENT_WIDTH = 60;

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
  const used = leavesOf(Object.values(outputs));
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

/** Builds the module for `outputs`; `emit` returns its text, `compile` loads it. */
export function emitModule(
  outputs: unknown,
  options: EmitOptions = {},
  where = 'emit',
): EmittedModule {
  const outs = checkOutputs(outputs, where);
  const fn = options.name ?? 'compute';
  if (!IDENTIFIER.test(fn)) {
    throw new GradgenError(
      'E_BAD_OPTION',
      `${where}: name '${fn}' is not an identifier${at(userCallSite())}`,
    );
  }
  const inputs = resolveInputs(outs, options.inputs, where);
  const roots = Object.values(outs);
  const nodes = toposort(roots);
  for (const n of nodes) {
    if (n.shape.length > 0) {
      throw new GradgenError(
        'E_UNSUPPORTED',
        `${where}: ${formula(n, { depth: 2 })} has shape ${formatShape(n.shape)}; this version emits scalar graphs only${at(n.site)}`,
      );
    }
  }

  // ---- names: inputs keep theirs; outputs name the node they return; then hints; then t0, t1…
  const namer = new Namer();
  const name = new Map<Node, string>();
  const fnName = namer.fresh(fn);
  const typeBase = pascalCase(fn);
  const errorClass = namer.fresh('GradgenInputError');
  const readScalar = namer.fresh('readScalar');
  const fnLabel = namer.fresh(`${fn}Meta`);
  for (const leaf of inputs) name.set(leaf, namer.fresh(leaf.name));
  for (const [key, n] of Object.entries(outs)) {
    if (n.kind === 'apply' && !name.has(n)) name.set(n, namer.fresh(key));
  }
  let temp = 0;
  const statements: { text: string; comment: string }[] = [];
  const label = (n: Node) => (n.kind === 'const' ? numberLiteral(n.value) : name.get(n)!);
  for (const n of nodes) {
    if (n.kind !== 'apply') continue;
    if (!name.has(n)) {
      const hint = nameHint(n);
      name.set(n, hint ? namer.fresh(hint) : namer.fresh(`t${temp++}`));
    }
    const def = opDef(n.op);
    const expr = def.expr(n.args.map(label), n.attrs);
    let comment = formula(n, { useNames: true });
    if (comment.length > COMMENT_WIDTH) {
      comment = def.math(
        n.args.map((a) =>
          a.kind === 'const'
            ? printed(String(a.value), PREC.atom)
            : printed(name.get(a)!, PREC.atom),
        ),
        n.attrs,
      ).text;
    }
    const site = n.site ? `  [${n.site}]` : '';
    statements.push({ text: `const ${name.get(n)} = ${expr};`, comment: `${comment}${site}` });
  }

  // ---- the module
  const sf = newSourceFile(`${fn}.ts`);
  const outputEntries = Object.entries(outs);
  const inputsType = `${typeBase}Inputs`;
  const outputsType = `${typeBase}Outputs`;
  const describeOut = (k: string, n: Node) => `${k} = ${formula(n, { depth: 4, useNames: true })}`;
  sf.addStatements([
    [
      `/**`,
      ` * ${fn} — generated by gradgen. Do not edit: regenerate it from the model instead.`,
      ` *`,
      ` * Inputs: ${inputs.map((l) => `${l.name} ${formatShape(l.shape)}`).join(', ') || 'none'}`,
      ` * Outputs:`,
      ...outputEntries.map(([k, n]) => ` *   ${describeOut(k, n)}`),
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
  sf.addInterface({
    isExported: true,
    name: inputsType,
    properties: inputs.map((l) => ({ name: l.name, type: 'number', isReadonly: true })),
  });
  sf.addInterface({
    isExported: true,
    name: outputsType,
    properties: outputEntries.map(([k]) => ({ name: k, type: 'number' })),
  });
  const meta: WriterFunction = (w) => {
    w.write('{').newLine();
    w.writeLine(`name: ${JSON.stringify(fn)},`);
    w.writeLine(
      `inputs: { ${inputs.map((l) => `${l.name}: ${JSON.stringify(l.shape)}`).join(', ')} },`,
    );
    w.writeLine(
      `outputs: { ${outputEntries.map(([k, n]) => `${k}: ${JSON.stringify(n.shape)}`).join(', ')} },`,
    );
    w.write('}');
  };
  sf.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ['Shapes of the inputs and outputs (`[]` is a scalar).'],
    declarations: [{ name: fnLabel, initializer: (w) => (meta(w), w.write(' as const')) }],
  });
  sf.addFunction({
    name: readScalar,
    parameters: [
      { name: 'inputs', type: 'object' },
      { name: 'key', type: 'string' },
    ],
    returnType: 'number',
    statements: [
      'const value = (inputs as Readonly<Record<string, unknown>>)[key];',
      `if (value === undefined) throw new ${errorClass}('E_MISSING_INPUT', \`${fn}: missing input '\${key}' (shape ())\`);`,
      `if (typeof value !== 'number') throw new ${errorClass}('E_INPUT_SHAPE', \`${fn}: input '\${key}' is a scalar and needs a number, got \${typeof value}\`);`,
      `if (!Number.isFinite(value)) throw new ${errorClass}('E_NONFINITE_INPUT', \`${fn}: input '\${key}' has a non-finite value \${value}\`);`,
      'return value;',
    ],
  });
  sf.addFunction({
    isExported: true,
    name: fnName,
    docs: [
      `Computes ${outputEntries.map(([k]) => k).join(', ')} from ${inputs.map((l) => l.name).join(', ') || 'nothing'}.`,
    ],
    parameters: [{ name: 'inputs', type: inputsType }],
    returnType: outputsType,
    statements: (w) => {
      w.writeLine(`if (typeof inputs !== 'object' || inputs === null) {`);
      w.indent(() =>
        w.writeLine(
          `throw new ${errorClass}('E_MISSING_INPUT', '${fn}: expected an object of named inputs');`,
        ),
      );
      w.writeLine('}');
      w.writeLine('for (const key of Object.keys(inputs)) {');
      w.indent(() => {
        w.writeLine(`if (!Object.prototype.hasOwnProperty.call(${fnLabel}.inputs, key)) {`);
        w.indent(() =>
          w.writeLine(
            `throw new ${errorClass}('E_UNKNOWN_INPUT', \`${fn}: unknown input '\${key}'; it takes ${inputs.map((l) => `'${l.name}'`).join(', ') || 'no inputs'}\`);`,
          ),
        );
        w.writeLine('}');
      });
      w.writeLine('}');
      for (const leaf of inputs) {
        w.writeLine(
          `const ${name.get(leaf)} = ${readScalar}(inputs, ${JSON.stringify(leaf.name)});`,
        );
      }
      for (const s of statements) w.writeLine(`${s.text} // ${s.comment}`);
      const fields = outputEntries.map(([k, n]) => {
        const v = label(n);
        return v === k ? k : `${k}: ${v}`;
      });
      w.writeLine(`return { ${fields.join(', ')} };`);
    },
  });
  const source = formatTypeScript(sf.getFullText());
  return { source, functionName: fnName, inputs, outputs: outs };
}

/** The TypeScript module text for `outputs`, for writing to disk. */
export function emit(outputs: Readonly<Record<string, Node>>, options: EmitOptions = {}): string {
  return emitModule(outputs, options, 'emit').source;
}
