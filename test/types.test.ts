/**
 * The published types, as a strict consumer sees them: the declarations are built into a temporary
 * package (tsc -p tsconfig.build.json), and the files in test/types/ are compiled against it under
 * the strictest common options, with node16 and with bundler resolution, without @types/node.
 * consumer.ts and node-entry.ts must give no diagnostics (their `@ts-expect-error` lines must be
 * used); planted.ts must give exactly the errors it plants, so the check cannot pass vacuously.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CONSUMER } from './strictFlags.ts';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'test/types');
const FILES = ['consumer.ts', 'node-entry.ts', 'planted.ts'];

let consumer: string;

/** Writes the package's declarations (only) to `<consumer>/node_modules/gradgen/dist`. */
function buildDeclarations(pkg: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {
      outDir: join(pkg, 'dist'),
      emitDeclarationOnly: true,
      declarationMap: false,
      sourceMap: false,
    },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) },
  );
  if (!config) throw new Error('tsconfig.build.json: cannot read it');
  const program = ts.createProgram(config.fileNames, config.options);
  const emitted = program.emit();
  fail([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as object;
  writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest));
}

function fail(diagnostics: readonly ts.Diagnostic[]): void {
  if (diagnostics.length > 0) throw new Error(describeAll(diagnostics));
}

function describeAll(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => consumer,
    getNewLine: () => '\n',
  });
}

const STRICT: ts.CompilerOptions = ts.convertCompilerOptionsFromJson(STRICT_CONSUMER, '/').options;

const RESOLUTIONS = {
  node16: {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2022.d.ts'],
  },
  // a browser app: bundler resolution, with the DOM's declarations beside ours
  bundler: {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  },
} satisfies Record<string, ts.CompilerOptions>;

function check(resolution: keyof typeof RESOLUTIONS) {
  const program = ts.createProgram(
    FILES.map((f) => join(consumer, f)),
    { ...STRICT, ...RESOLUTIONS[resolution] },
  );
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const files = program.getSourceFiles().map((s) => s.fileName);
  const inFile = (name: string) =>
    diagnostics.filter((d) => d.file?.fileName === join(consumer, name));
  return { diagnostics, files, inFile };
}

/** `[line, code]` of each `// planted: TSnnnn` comment in planted.ts. */
function plantedErrors(): [number, number][] {
  const lines = readFileSync(join(fixtures, 'planted.ts'), 'utf8').split('\n');
  return lines.flatMap((text, i) => {
    const m = /\/\/ planted: TS(\d+)/.exec(text);
    return m ? [[i, Number(m[1])] as [number, number]] : [];
  });
}

beforeAll(() => {
  consumer = mkdtempSync(join(tmpdir(), 'gradgen-consumer-'));
  buildDeclarations(join(consumer, 'node_modules/gradgen'));
  writeFileSync(join(consumer, 'package.json'), '{ "private": true, "type": "module" }\n');
  for (const f of FILES) cpSync(join(fixtures, f), join(consumer, f));
}, 60_000);

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe.each(Object.keys(RESOLUTIONS) as (keyof typeof RESOLUTIONS)[])(
  'a strict consumer with %s resolution',
  (resolution) => {
    const result = () => check(resolution);
    let checked: ReturnType<typeof check>;
    beforeAll(() => {
      checked = result();
    }, 60_000);

    it('compiles the published declarations (skipLibCheck: false) without @types/node', () => {
      const dist = join(consumer, 'node_modules/gradgen/dist');
      expect(checked.files).toContain(join(dist, 'index.d.ts'));
      expect(checked.files).toContain(join(dist, 'node.d.ts'));
      expect(checked.files.filter((f) => f.includes('@types/node'))).toEqual([]);
      const outsidePlanted = checked.diagnostics.filter(
        (d) => d.file?.fileName !== join(consumer, 'planted.ts'),
      );
      expect(describeAll(outsidePlanted)).toBe('');
    });

    it('reports the planted errors, and only those', () => {
      const found = checked
        .inFile('planted.ts')
        .map((d) => [d.file!.getLineAndCharacterOfPosition(d.start!).line, d.code]);
      expect(found).toEqual(plantedErrors());
      expect(found.length).toBeGreaterThan(0);
    });
  },
);

describe('the inferred types tell the truth at run time', () => {
  it('scalars are numbers, tensors typed arrays of the dtype; a gradient alone reads what it reads', async () => {
    const { compile, dense, grad, input, meanSquaredError, mul, add, param, sum } =
      await import('../src/index.ts');
    const X = input('X', [2, 'm']),
      Y = input('Y', [1, 'm']);
    const W = param('W', [1, 2]),
      b = param('b', [1, 1]);
    const A = dense(X, W, b, 'sigmoid');
    const J = meanSquaredError(A, Y);
    const [dW, db] = grad(J, [W, b]);
    const data = { X: new Float32Array(8), Y: [0, 1, 1, 0], W: [0.1, 0.2], b: [0] };
    const out32 = compile({ J, A, dW, db }, { dtype: 'float32' })(data);
    expect(typeof out32.J).toBe('number');
    expect([out32.A, out32.dW, out32.db].every((v) => v instanceof Float32Array)).toBe(true);
    const out64 = compile({ s: sum(X), A })({ X: data.X, W: data.W, b: data.b });
    expect(typeof out64.s).toBe('number');
    expect(out64.A).toBeInstanceOf(Float64Array);
    const [a, bb, c] = [input('a'), input('b'), input('c')];
    const [, dbb] = grad(mul(3, add(a, mul(bb, c))), [a, bb, c]);
    expect(compile({ dbb })({ c: 2 }).dbb).toBe(6); // a and b are optional in its type
  });
});
