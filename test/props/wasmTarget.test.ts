/**
 * The wasm target computes what the TS target computes: on random tensor graphs and their
 * gradients, every output of the wasm-target module is within the rounding model's bound of the
 * TS-target module's (both are compiled evaluations of the same graph; the wasm kernels may sum in
 * another order), and within 1e-12 relative where the bound is that tight; float32 agrees to
 * float32 rounding. The property counts the wasm kernels it ran, so it cannot pass vacuously.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { compile, grad, type CompiledValue, type Node } from '../../src/index.ts';
import { loadModule } from '../../src/emit/compile.ts';
import { emitModule } from '../../src/emit/module.ts';
import {
  allValues,
  buildGraph,
  describeSample,
  FLOAT32_UNIT,
  FLOAT64_UNIT,
  leafValues,
  recipeArb,
  roundedToFloat32,
  roundingErrors,
  scaledDifference,
  unsafeReason,
} from './tensorArbitraries.ts';

const NUM_RUNS = 120;
const SEED = 20_261_206;

type Outputs = Record<string, CompiledValue>;

/** The wasm-target function of `outputs`, and the WAT of its kernels (what compile runs). */
function compileWasm(outputs: Record<string, Node>) {
  const mod = emitModule(outputs, { target: 'wasm' }, 'compile');
  const run = loadModule(mod.javascript)[mod.functionName] as (v: object) => Outputs;
  return { run, source: mod.source, wat: mod.wasm?.wat ?? '' };
}

const copy = (v: CompiledValue) => (typeof v === 'number' ? v : Float64Array.from(v));

it('wasm target = TS target on random tensor graphs and their gradients (float64 and float32)', () => {
  const counts = { samples: 0, outputs: 0, tight: 0, wasmKernels: 0, reductions: 0, float32: 0 };
  fc.assert(
    fc.property(recipeArb({ maxSteps: 7 }), (recipe) => {
      const g = buildGraph(recipe);
      const leaves = g.leaves.map((l) => l.node);
      const outputs: Record<string, Node> = { J: g.cost };
      grad(g.cost, leaves).forEach((d, i) => (outputs[`d${i}`] = d));
      g.intermediates.forEach((n, i) => (outputs[`t${i}`] = n));
      const values = leafValues(g.leaves, recipe.m, recipe.seed);
      const exact = allValues(Object.values(outputs), values, recipe.m);
      fc.pre(unsafeReason(exact) === undefined);
      const show = () => describeSample(outputs, recipe.m, values);
      counts.samples++;
      const ts = compile(outputs);
      const wasm = compileWasm(outputs);
      counts.wasmKernels += (wasm.source.match(/^ {2,}wasmKernels\.\w+\(/gm) ?? []).length;
      // a reduction kernel's note: `out[n] = Σ over m (axis 1 summed), lanes form`
      if (/;; out\[.*\] = Σ over /.test(wasm.wat)) counts.reductions++;
      const a = ts(values);
      const b = wasm.run(values);
      const bound = roundingErrors(exact, {
        storage: FLOAT64_UNIT,
        arithmetic: 2 * FLOAT64_UNIT,
        leaves: 0,
      });
      for (const [key, node] of Object.entries(outputs)) {
        counts.outputs++;
        const x = typeof a[key] === 'number' ? [a[key] as number] : (a[key] as Float64Array);
        const y = typeof b[key] === 'number' ? [b[key] as number] : (b[key] as Float64Array);
        const e = bound.get(node)!;
        x.forEach((xi, i) => {
          const d = Math.abs(xi - y[i]!);
          expect(
            d,
            `${key}[${i}]: TS ${xi}, wasm ${y[i]}, bound ${2 * e[i]!}\n${show()}`,
          ).toBeLessThanOrEqual(2 * e[i]! + 1e-300);
        });
        const scale = Math.max(1, ...x.map(Math.abs));
        if (Math.max(...e) / scale <= 1e-13) {
          counts.tight++;
          expect(scaledDifference(y, x), `${key}\n${show()}`).toBeLessThanOrEqual(1e-12);
        }
      }
      // float32: each target within float32 rounding of the float64 value, at float32 data
      const values32 = roundedToFloat32(values);
      const exact32 = allValues(Object.values(outputs), values32, recipe.m);
      const bound32 = roundingErrors(exact32, {
        storage: FLOAT32_UNIT,
        arithmetic: 2 * FLOAT32_UNIT,
        leaves: 0,
      });
      const single = compile(outputs, { target: 'wasm', dtype: 'float32' })(values32);
      const reference = compile(outputs)(values32);
      for (const [key, node] of Object.entries(outputs)) {
        const r = copy(reference[key]!);
        const s = copy(single[key]!);
        const rs = typeof r === 'number' ? [r] : r;
        const ss = typeof s === 'number' ? [s] : s;
        const e = bound32.get(node)!;
        counts.float32++;
        rs.forEach((ri, i) => {
          expect(
            Math.abs(ss[i]! - ri),
            `float32 ${key}[${i}]: wasm ${ss[i]} vs float64 ${ri}, bound ${e[i]}\n${show()}`,
          ).toBeLessThanOrEqual(e[i]! + FLOAT64_UNIT * Math.abs(ri));
        });
      }
    }),
    { seed: SEED, numRuns: NUM_RUNS },
  );
  console.log(`wasm target property: ${JSON.stringify(counts)}`);
  expect(counts.samples).toBeGreaterThan(0.7 * NUM_RUNS);
  expect(counts.wasmKernels).toBeGreaterThan(counts.samples);
  // sums along an axis (db = Σ_j dZ, the gradient of a broadcast) run as wasm reductions
  expect(counts.reductions).toBeGreaterThan(0.35 * counts.samples);
  expect(counts.tight).toBeGreaterThan(0.3 * counts.outputs);
});
