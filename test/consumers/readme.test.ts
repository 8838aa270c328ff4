/**
 * The README's install examples, run as a user would run them in a fresh project with the
 * installed tarball: each code block after a `<!-- consumer: FILE -->` marker is written to FILE;
 * `node main.mjs` and `npx tsx main.ts` must print what the comments in them say, and main.ts must
 * type-check under strict flags (its `@ts-expect-error` line must be a real error).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { repoBin, repoRoot, run, runOk } from './tools.ts';

const { project } = inject('consumer');
const dir = join(project, 'readme');
const tsc = repoBin('typescript', 'bin', 'tsc');

/** The code block after each `<!-- consumer: FILE -->` marker, by FILE. */
function readmeExamples(): Map<string, string> {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const found = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- consumer: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    found.set(m[1]!, m[2]!);
  }
  return found;
}

const examples = readmeExamples();

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  for (const [file, code] of examples) writeFileSync(join(dir, file), code);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'], // console
        types: [],
        module: 'node16',
        moduleResolution: 'node16',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
        skipLibCheck: false,
        noEmit: true,
      },
      files: ['main.ts'],
    }),
  );
});

describe('the README install examples', () => {
  it('are there: main.mjs and main.ts', () => {
    expect([...examples.keys()].sort()).toEqual(['main.mjs', 'main.ts']);
  });

  it('node main.mjs prints the values its comment gives', async () => {
    const out = await runOk(process.execPath, ['main.mjs'], { cwd: dir });
    expect(out).toMatch(/J: 33, da: 3, db: 6, dc: 9/);
  });

  it('main.ts type-checks under strict flags (the @ts-expect-error is a real error)', async () => {
    const r = await run(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], { cwd: dir });
    expect(r.stdout + r.stderr, 'tsc').toBe('');
    expect(r.code).toBe(0);
    // without the directive the misspelled input is reported
    writeFileSync(
      join(dir, 'unexpected.ts'),
      examples.get('main.ts')!.replace(/^\s*\/\/ @ts-expect-error.*\n/m, ''),
    );
    const options = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as object;
    writeFileSync(
      join(dir, 'tsconfig.unexpected.json'),
      JSON.stringify({ ...options, files: ['unexpected.ts'] }),
    );
    const bare = await run(
      process.execPath,
      [tsc, '-p', 'tsconfig.unexpected.json', '--pretty', 'false'],
      { cwd: dir },
    );
    expect(bare.stdout).toMatch(/unexpected\.ts\(\d+,\d+\): error TS\d+:.*'cc'/);
  });

  it('npx tsx main.ts prints what its comments say', async () => {
    const out = await runOk('npx', ['tsx', 'main.ts'], { cwd: dir });
    expect(out.split('\n').slice(0, 2)).toEqual(['33 3', '/**']);
  });
});
