/**
 * `npm run codegen` regenerates codegen/ from every model in samples/: a graph model's module, or
 * a training model's training module (`compileTraining(model).source`). `npm run codegen:check`
 * fails (exit 1) when a committed module differs from what the compiler emits now, or is missing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import '../index.js';
import { loadModel } from '../node.js';
import { moduleSource } from './samples.js';

const root = new URL('../../', import.meta.url).pathname;
// Call sites in comments are relative to the working directory: make it the repository root.
process.chdir(root);
const check = process.argv.includes('--check');
const samples = readdirSync(join(root, 'samples'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

let stale = 0;
let count = 0;
for (const file of samples) {
  const mod = (await import(join(root, 'samples', file))) as Record<string, unknown>;
  if (!mod.default && !mod.model) continue; // helpers and demos, not models
  const model = await loadModel(join(root, 'samples', file));
  const text = moduleSource(model);
  const out = join(root, 'codegen', `${model.name}.ts`);
  count++;
  if (check) {
    if (!existsSync(out) || readFileSync(out, 'utf8') !== text) {
      console.error(`stale: codegen/${model.name}.ts (from samples/${file}) — run npm run codegen`);
      stale++;
    }
  } else {
    writeFileSync(out, text);
    console.log(`wrote codegen/${model.name}.ts (from samples/${file})`);
  }
}
if (check) {
  if (stale > 0) process.exit(1);
  console.log(`codegen/ is up to date (${count} modules)`);
}
