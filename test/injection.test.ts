/**
 * Generated text cannot be steered by data: a call-site path (a model file's name) full of line
 * terminators, comment closers and template syntax ends up escaped inside a comment, so the
 * module parses to exactly the statements it has with a harmless path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  add,
  defineGraph,
  defineTraining,
  emit,
  evaluate,
  grad,
  input,
  matmul,
  mul,
  param,
  sgd,
  sum,
} from '../src/index.ts';
import { loadModule } from '../src/emit/compile.ts';
import { emitFunctions } from '../src/emit/module.ts';
import type { Node } from '../src/ir/node.ts';
import { siteFromStack, withCallSite } from '../src/ir/site.ts';

const root = new URL('../', import.meta.url).pathname;
const own = { folder: '/gradgen/dist', file: '/gradgen/dist/ir/site.js' };

/** The kinds of every statement of the module, top level and in function bodies, in order. */
function statementKinds(source: string): string[] {
  const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.ES2022, true);
  const kinds: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStatement(n) || ts.isClassElement(n)) kinds.push(ts.SyntaxKind[n.kind]);
    ts.forEachChild(n, visit);
  };
  visit(file);
  return kinds;
}

function moduleWithSite(site: string | undefined): string {
  return withCallSite(site, () => {
    const a = input('a');
    const b = input('b');
    const J = mul(3, add(a, mul(b, a)));
    const [da, db] = grad(J, [a, b]);
    return emit({ J, da, db }, { name: 'costJ' });
  });
}

const hostile = fc
  .array(
    fc.constantFrom(
      '\n',
      '\r',
      '\u2028',
      '\u2029',
      '*/',
      '/*',
      '`',
      '${',
      '}',
      ';',
      'globalThis.pwned = 1',
      '//',
      ' ',
      'x',
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('call-site paths cannot inject code into generated modules', () => {
  const benign = statementKinds(moduleWithSite('model.mjs:3'));

  it('hostile file names (line terminators, */, backticks, ${) parse to the same statements, 300 cases', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const stack = `Error\n    at f (${pathToFileURL(`/tmp/${name}.mjs`).href}:3:5)`;
        const site = siteFromStack(stack, own, '/tmp');
        expect(site).toBeDefined();
        expect(site).not.toMatch(/[\n\r\u2028\u2029]|\*\//);
        const source = moduleWithSite(site);
        expect(statementKinds(source)).toEqual(benign);
      }),
      { seed: 0x1ec7, numRuns: 300 },
    );
  });

  it('an ESM model file whose name holds a line break and code: the compiled module does not run it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-injection-'));
    const file = join(dir, 'evil\nglobalThis.pwned = 1;.mjs');
    const library = pathToFileURL(join(root, 'src', 'index.ts')).href;
    writeFileSync(
      file,
      `import { add, defineGraph, input, mul } from ${JSON.stringify(library)};\n` +
        `const a = input('a'), b = input('b');\n` +
        `export default defineGraph({ name: 'costJ', outputs: { J: mul(3, add(a, b)) } });\n`,
    );
    const r = spawnSync(process.execPath, [join(root, 'src/cli/gradgen.js'), 'compile', file], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('evil\\nglobalThis.pwned = 1;.mjs:3');
    expect(r.stdout.split('\n').some((l) => l.trimStart().startsWith('globalThis.pwned'))).toBe(
      false,
    );
    const kinds = statementKinds(r.stdout);
    expect(kinds.filter((k) => k === 'ExpressionStatement').length).toBe(
      statementKinds(r.stdout.replaceAll('evil\\nglobalThis.pwned = 1;.mjs', 'model.mjs')).filter(
        (k) => k === 'ExpressionStatement',
      ).length,
    );
  });

  it('a model name is an identifier: it cannot be a path out of codegen/ (defineGraph, defineTraining, a model literal)', () => {
    const a = input('a');
    for (const name of ['../../etc/x', 'a/b', 'x.ts', '', 'a b', 'ok\nx']) {
      // the builders check it as an option (E_BAD_OPTION naming the key)
      expect(() => defineGraph({ name, outputs: { J: mul(2, a) } })).toThrow(
        expect.objectContaining({
          code: 'E_BAD_OPTION',
          message: expect.stringMatching(/defineGraph: option 'name'/),
        }),
      );
      expect(() =>
        defineTraining({ name, loss: mul(a, a), optimizer: sgd({ learningRate: 1 }) } as never),
      ).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION' }));
    }
    // a model written as an object literal, not through defineGraph: the CLI refuses it before writing
    const dir = mkdtempSync(join(tmpdir(), 'gradgen-name-'));
    const file = join(dir, 'model.mjs');
    const library = pathToFileURL(join(root, 'src', 'index.ts')).href;
    writeFileSync(
      file,
      `import { input, mul } from ${JSON.stringify(library)};\n` +
        `export default { kind: 'graph', name: '../../outside', outputs: { J: mul(3, input('a')) } };\n`,
    );
    const r = spawnSync(process.execPath, [join(root, 'src/cli/gradgen.js'), 'compile', file], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /model\.mjs: the model's name must be an identifier .*got "\.\.\/\.\.\/outside"/,
    );
  });
});

describe('hostile names: the module parses, has only declarations at its top level, and computes the graph', () => {
  const POOL = [
    // JavaScript's reserved words and what every object inherits
    'class',
    'function',
    'return',
    'delete',
    'new',
    'this',
    'let',
    'await',
    'yield',
    'enum',
    'constructor',
    '__proto__',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'prototype',
    'arguments',
    'eval',
    'undefined',
    'NaN',
    'Infinity',
    'Math',
    'Object',
    'Float64Array',
    // the module's own names and the generated code's locals
    'readTensor',
    'checkScalar',
    'GradgenInputError',
    'result',
    'reserve',
    'bound_m',
    'buf0',
    'buf1',
    'compute',
    'computeMeta',
    'computeUnfused',
    'computePart1',
    'computeLive',
    'computeInputNames',
    'guardRange',
    'inputs',
    'options',
    'checkValues',
    'key',
    'e',
    'k',
    'i',
    'j',
    'p',
    't0',
    't1',
    's',
    'c',
    'v',
    'lo',
    'hi',
    'nan',
    'x0',
    'a00',
    'acc00',
    'ComputeResult',
  ];
  const nameArb = fc.oneof(fc.constantFrom(...POOL), fc.stringMatching(/^[A-Za-z_$][\w$]{0,6}$/));

  /** y = Σ (i+1)·xᵢ² + sum(W·X) over hostile names, and its gradient. */
  function build(scalars: readonly string[], tensor: string, dim: string, outs: readonly string[]) {
    const xs = scalars.map((n) => input(n));
    const X = input(tensor, [2, dim]);
    const W = param(`${tensor}_w`, [1, 2]);
    let y: Node = sum(matmul(W, X));
    xs.forEach((x, i) => (y = add(y, mul(i + 1, mul(x, x)))));
    const [dW, ...dx] = grad(y, [W, ...xs]);
    const outputs: Record<string, Node> = { [outs[0]!]: y, [outs[1]!]: dW! };
    dx.forEach((d, i) => (outputs[`${outs[2]}${i}`] = d));
    return outputs;
  }

  const DECLARATIONS = new Set([
    'FunctionDeclaration',
    'ClassDeclaration',
    'InterfaceDeclaration',
    'FirstStatement', // a variable statement
  ]);

  it('names from reserved words, prototype names and the module’s own (with guard and parts): 200 cases', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(nameArb, { minLength: 2, maxLength: 4 }),
        nameArb,
        nameArb,
        fc.uniqueArray(nameArb, { minLength: 3, maxLength: 3 }),
        (scalars, tensor, dim, outs) => {
          fc.pre(!scalars.includes(tensor) && !scalars.includes(`${tensor}_w`));
          let outputs: Record<string, Node>;
          let m: ReturnType<typeof emitFunctions>;
          try {
            outputs = build(scalars, tensor, dim, outs);
            m = emitFunctions([{ name: 'compute', outputs }], {
              guard: true,
              split: { threshold: 0, partLines: 3 },
            });
          } catch (e) {
            // refused with a clear error naming it, never a broken module (E_SHAPE: a dimension
            // name is a word, not any identifier)
            expect(['E_BAD_NAME', 'E_SHAPE'], String(e)).toContain((e as { code?: string }).code);
            expect(String(e)).toMatch(/'[\w$]+'|"[\w$]+"/);
            return;
          }
          const file = ts.createSourceFile('m.ts', m.source, ts.ScriptTarget.ES2022, true);
          const syntax = (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
          expect(syntax).toEqual([]);
          const top = file.statements.map((st) => ts.SyntaxKind[st.kind]);
          expect(top.filter((k) => !DECLARATIONS.has(k))).toEqual([]);
          const values: Record<string, unknown> = {
            [tensor]: [1, 2, 3, 4],
            [`${tensor}_w`]: [0.5, -1],
          };
          scalars.forEach((n, i) => (values[n] = i + 0.5));
          const f = loadModule(m.javascript).compute as (v: unknown) => Record<string, unknown>;
          const got = f(values);
          const want = evaluate(outputs, values as never) as Record<string, unknown>;
          for (const key of Object.keys(outputs)) {
            const [g, w] = [got[key], want[key]];
            if (typeof w === 'number') expect(g, key).toBeCloseTo(w, 12);
            else expect(Array.from(g as Float64Array), key).toEqual(Array.from(w as Float64Array));
          }
        },
      ),
      { seed: 0x1a7e, numRuns: 200 },
    );
  });
});
