/**
 * The installed package's types under strict consumer settings, and the committed generated
 * modules (codegen/) and wasm-target modules the installed package emits (fixtures/wasmEmit.mjs)
 * under the strictest flags: all checked with `tsc --noEmit` (the repo's TypeScript, run by path)
 * in a folder of the consumer project, with skipLibCheck off so gradgen's own .d.ts files are
 * checked too. No @types/node: the main entry must not need it; and lib ES2022 without DOM: a
 * generated module imports nothing and types the WebAssembly API it uses itself.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtures, repoBin, repoRoot, run, runOk } from './tools.ts';
import { STRICT_CONSUMER, STRICTEST_MODULE } from '../strictFlags.ts';

const { project } = inject('consumer');
const dir = join(project, 'ts-consumer');
const tsc = repoBin('typescript', 'bin', 'tsc');

const strict = { ...STRICT_CONSUMER, lib: ['ES2022'] };

const codegenModules = readdirSync(join(repoRoot, 'codegen')).filter((f) => f.endsWith('.ts'));

function writeTsconfig(name: string, compilerOptions: object, files: readonly string[]): string {
  writeFileSync(join(dir, name), JSON.stringify({ compilerOptions, files }, null, 2));
  return name;
}

async function typeCheck(tsconfig: string): Promise<void> {
  const r = await run(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false'], { cwd: dir });
  const errors = (r.stdout + r.stderr).split('\n').filter((l) => /error TS\d+/.test(l));
  const shown = errors.slice(0, 12).join('\n');
  const more = errors.length > 12 ? `\n… and ${errors.length - 12} more` : '';
  expect(`${errors.length} errors\n${shown}${more}`, `tsc -p ${tsconfig}`).toBe('0 errors\n');
  expect(r.code, r.stdout + r.stderr).toBe(0);
}

beforeAll(async () => {
  mkdirSync(join(dir, 'codegen'), { recursive: true });
  mkdirSync(join(dir, 'wasm'), { recursive: true });
  copyFileSync(join(fixtures, 'consumer.ts'), join(dir, 'consumer.ts'));
  for (const m of codegenModules) {
    copyFileSync(join(repoRoot, 'codegen', m), join(dir, 'codegen', m));
  }
  copyFileSync(join(fixtures, 'wasmEmit.mjs'), join(dir, 'wasm', 'wasmEmit.mjs'));
  await runOk(process.execPath, ['wasmEmit.mjs'], { cwd: join(dir, 'wasm') });
});

const strictest = {
  ...STRICTEST_MODULE,
  lib: ['ES2022'],
  module: 'esnext',
  moduleResolution: 'bundler',
};

describe('TypeScript consumer (strict, skipLibCheck: false)', () => {
  it('type-checks under module/moduleResolution node16', async () => {
    await typeCheck(
      writeTsconfig(
        'tsconfig.node16.json',
        { ...strict, module: 'node16', moduleResolution: 'node16' },
        ['consumer.ts'],
      ),
    );
  });

  it('type-checks under module esnext + moduleResolution bundler', async () => {
    await typeCheck(
      writeTsconfig(
        'tsconfig.bundler.json',
        { ...strict, module: 'esnext', moduleResolution: 'bundler' },
        ['consumer.ts'],
      ),
    );
  });
});

describe('generated modules (codegen/) under the strictest flags', () => {
  it.each(codegenModules)('codegen/%s type-checks', async (module) => {
    await typeCheck(
      writeTsconfig(`tsconfig.codegen-${module.replace(/\.ts$/, '')}.json`, strictest, [
        `codegen/${module}`,
      ]),
    );
  });
});

describe('emitted wasm-target modules under the strictest flags, without DOM types', () => {
  it.each(['netWasm64.ts', 'netWasm32.ts'])('%s type-checks', async (module) => {
    await typeCheck(
      writeTsconfig(`tsconfig.wasm-${module.replace(/\.ts$/, '')}.json`, strictest, [
        `wasm/${module}`,
      ]),
    );
  });
});
