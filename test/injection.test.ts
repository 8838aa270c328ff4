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
import { add, defineGraph, defineTraining, emit, grad, input, mul, sgd } from '../src/index.ts';
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
