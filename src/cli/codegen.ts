/**
 * `npm run codegen` regenerates src/runtime/source.ts (the training runtime's text) and then
 * codegen/ from every model in samples/: a graph model's module, or a training model's training
 * module (`compileTraining(model).source`), and in codegen/wasm/ the same on the wasm target
 * with its kernels' text (`<name>.wat`). `npm run codegen:check` fails (exit 1) when a committed
 * file differs from what the compiler emits now, or is missing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runtimeSource } from './runtimeSource.js';

const root = new URL('../../', import.meta.url).pathname;
// Call sites in comments are relative to the working directory: make it the repository root.
process.chdir(root);
const check = process.argv.includes('--check');

/**
 * Each model is compiled in a process of its own, as `gradgen compile` does: nodes are interned
 * per process, so a node two samples share (1 − Y) would otherwise cite the line of whichever
 * sample built it first. The child prints the files as JSON (path → text), or nothing (not a model).
 */
const one = process.argv.indexOf('--one');
if (one >= 0) {
  const file = process.argv[one + 1]!;
  const { loadModel } = await import('../node.js');
  const { moduleFiles } = await import('./samples.js');
  const mod = (await import(join(root, 'samples', file))) as Record<string, unknown>;
  if (mod.default || mod.model) {
    const model = await loadModel(join(root, 'samples', file));
    const ts = moduleFiles(model, 'ts');
    const wasm = moduleFiles(model, 'wasm');
    // (a model with no kernel wasm runs, all scalars, has no wasm module of its own)
    const files: Record<string, string> = {
      [`${model.name}.ts`]: ts.source,
      ...(wasm.wat !== undefined
        ? { [`wasm/${model.name}.ts`]: wasm.source, [`wasm/${model.name}.wat`]: wasm.wat }
        : {}),
    };
    // exit once the pipe has taken it all (an exit right away cuts a large write short)
    process.stdout.write(JSON.stringify(files), () => process.exit(0));
    await new Promise(() => undefined); // the write's callback ends the process
  }
  process.exit(0);
}

// the runtime's text first: the library (imported below) emits it into every training module
const runtimeFile = join(root, 'src', 'runtime', 'source.ts');
const runtimeText = runtimeSource(root);
if (!existsSync(runtimeFile) || readFileSync(runtimeFile, 'utf8') !== runtimeText) {
  if (check) {
    console.error('stale: src/runtime/source.ts (from src/runtime/*.ts) — run npm run codegen');
    process.exit(1);
  }
  writeFileSync(runtimeFile, runtimeText);
  console.log('wrote src/runtime/source.ts (from src/runtime/rng.ts, trainer.ts)');
}
const samples = readdirSync(join(root, 'samples'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

const filesOf = (file: string): Record<string, string> | undefined => {
  const self = new URL(import.meta.url).pathname;
  const out = execFileSync(process.execPath, [...process.execArgv, self, '--one', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return out === '' ? undefined : (JSON.parse(out) as Record<string, string>);
};

let stale = 0;
let count = 0;
mkdirSync(join(root, 'codegen', 'wasm'), { recursive: true });
for (const file of samples) {
  const made = filesOf(file);
  if (!made) continue; // helpers and demos, not models
  for (const [path, text] of Object.entries(made)) {
    const out = join(root, 'codegen', path);
    count++;
    if (check) {
      if (!existsSync(out) || readFileSync(out, 'utf8') !== text) {
        console.error(`stale: codegen/${path} (from samples/${file}) — run npm run codegen`);
        stale++;
      }
    } else {
      writeFileSync(out, text);
      console.log(`wrote codegen/${path} (from samples/${file})`);
    }
  }
}
if (check) {
  if (stale > 0) process.exit(1);
  console.log(`codegen/ is up to date (${count} files)`);
}
