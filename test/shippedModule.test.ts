/**
 * A generated training module is the whole trainer: copied out of the repository into a folder
 * with no gradgen on its import path (transpiled to JavaScript as any bundler would), its
 * create<Name>Trainer({ seed }).fit(…) gives the same parameters, bit for bit, as the library's
 * compileTraining(model).init(seed) and fit — the runtime that trains is the module's in both.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compileTraining, type TrainingModel } from '../src/index.ts';

const root = new URL('../', import.meta.url).pathname;
const hex = (xs: ArrayLike<number>) =>
  Array.from(xs, (x) => {
    const v = new DataView(new ArrayBuffer(8));
    v.setFloat64(0, x);
    return v.getBigUint64(0).toString(16);
  });

const RUNNER = `
import { readFileSync } from 'node:fs';
const [moduleFile, factory, dataFile, optionsJson] = process.argv.slice(2);
const mod = await import(moduleFile);
const data = JSON.parse(readFileSync(dataFile, 'utf8'));
for (const k of Object.keys(data)) data[k] = Float64Array.from(data[k]);
const trainer = mod[factory]({ seed: 1 });
const costs = trainer.fit(data, JSON.parse(optionsJson));
const hex = (xs) => Array.from(xs, (x) => { const v = new DataView(new ArrayBuffer(8)); v.setFloat64(0, x); return v.getBigUint64(0).toString(16); });
const params = Object.fromEntries(Object.entries(trainer.params).map(([k, v]) => [k, hex(v)]));
console.log(JSON.stringify({ costs: hex(costs), params, saved: trainer.save() }));
`;

async function check(sample: string, factory: string, options: object, examples?: number) {
  const model = (await import(join(root, 'samples', `${sample}.ts`))).default as TrainingModel;
  let { train } = model.data();
  if (examples !== undefined) {
    // the labels have one value per example: Y (1, m), or integer class labels (1, m)
    const m = ((train.Y ?? train.labels) as ArrayLike<number>).length;
    const cut = (v: ArrayLike<number>) => {
      const rows = v.length / m;
      const out = new Float64Array(rows * examples);
      for (let r = 0; r < rows; r++)
        for (let j = 0; j < examples; j++) out[r * examples + j] = v[r * m + j]!;
      return out;
    };
    train = Object.fromEntries(
      Object.entries(train).map(([k, v]) => [k, cut(v as ArrayLike<number>)]),
    );
  }
  // the library
  const trainer = compileTraining(model);
  const state = trainer.init(1);
  const costs = trainer.fit(state, train, options as never);
  // the module, alone in a folder outside the repository
  const dir = mkdtempSync(join(tmpdir(), 'gradgen-shipped-'));
  const source = readFileSync(join(root, 'codegen', `${model.name}.ts`), 'utf8');
  expect(source).not.toMatch(/^import /m);
  writeFileSync(
    join(dir, 'module.mjs'),
    transformSync(source, { loader: 'ts', format: 'esm' }).code,
  );
  writeFileSync(join(dir, 'runner.mjs'), RUNNER);
  writeFileSync(
    join(dir, 'data.json'),
    JSON.stringify(
      Object.fromEntries(
        Object.entries(train).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)]),
      ),
    ),
  );
  const r = spawnSync(
    process.execPath,
    ['runner.mjs', './module.mjs', factory, 'data.json', JSON.stringify(options)],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  expect(r.status, r.stderr).toBe(0);
  const shipped = JSON.parse(r.stdout) as {
    costs: string[];
    params: Record<string, string[]>;
    saved: string;
  };
  expect(shipped.costs).toEqual(hex(costs));
  for (const p of trainer.params)
    expect(shipped.params[p.name], p.name).toEqual(hex(state.params[p.name]!));
  // and its saved state is the library's saved state
  expect(shipped.saved).toBe(trainer.save(state));
}

describe('a generated training module copied out of the repository', () => {
  it('planar: createPlanarTrainer({ seed: 1 }).fit, 50 full-batch epochs, bit for bit the library', async () => {
    await check('planar', 'createPlanarTrainer', { epochs: 50 });
  });

  it('digits: createDigitsTrainer({ seed: 1 }).fit, softmax + CCE, Adam, L2, dropout, batches of 64, bit for bit', async () => {
    await check('digits', 'createDigitsTrainer', { epochs: 1, batchSize: 64 }, 300);
  });
});
