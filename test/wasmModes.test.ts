/**
 * The wasm target in the modes a user turns on: `guard: true` (E_NONFINITE_OP naming the op, found
 * by the unfused twin, which is TypeScript; on random tensor graphs guarded — also profiled, split
 * into parts, from a memory laid out anew — = unguarded bit for bit, or that error naming an op
 * that does overflow in the reference interpreter), `profile:
 * true` (every kernel timed, the wasm kernels among them; results unchanged) and a call with
 * `checkValues: false` (the value scan skipped, shapes still checked), each in float64 and
 * float32. (Split parts alone: test/emit/split.test.ts runs its property on the wasm target too.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as g from '../src/index.ts';
import { loadModule } from '../src/emit/compile.ts';
import { emitFunctions } from '../src/emit/module.ts';
import type { Node } from '../src/ir/node.ts';
import { run } from '../src/ir/interp.ts';
import type { InputValues } from '../src/ir/values.ts';
import { optimize } from '../src/rewrite/optimize.ts';
import { expectError } from './expectError.ts';
import { buildGraph, leafValues, recipeArb, type Recipe } from './props/tensorArbitraries.ts';

type Out = Record<string, number | Float64Array | Float32Array>;
type Fn = (inputs: object, options?: { checkValues?: boolean }) => Out;

const DTYPES = ['float64', 'float32'] as const;

/** A layer, its mean over the batch (a wasm reduction) and their gradients. */
function layer() {
  const X = g.input('X', [3, 'm']);
  const W = g.param('W', [2, 3]);
  const b = g.param('b', [2, 1]);
  const A = g.exp(g.add(g.matmul(W, X), b));
  const M = g.mean(A, { axis: 1, keepdims: true });
  const J = g.sum(g.log1p(M));
  const [dW, db] = g.grad(J, [W, b]);
  return { outputs: { J, A, dW: dW!, db: db! }, inputs: [X, W, b] };
}
const values = (w0: number) => ({
  X: [1, 2, 3, 4, 5, 6, 0.5, -1, 2],
  W: [w0, 0.1, 0.2, 0.3, -0.4, 0.5],
  b: [0, 0.25],
});

/** The module of `outputs` with `options`, loaded: its function, source and exports. */
function load(outputs: Record<string, Node>, inputs: readonly Node[], options: object) {
  const m = emitFunctions([{ name: 'f', outputs, inputs }], { target: 'wasm', ...options });
  const exports = loadModule(m.javascript);
  return { f: exports['f'] as Fn, source: m.source, exports, m };
}

const plain = (o: Out) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? v : [...v]]));

/** The body of the function `name` in `source`, up to the next top-level declaration. */
function body(source: string, name: string): string {
  const from = source.indexOf(`function ${name}(`);
  expect(from, name).toBeGreaterThanOrEqual(0);
  const to = source.indexOf('\n}\n', from);
  return source.slice(from, to);
}

/**
 * The ops of the optimized graph of `outputs` (what the module compiles) whose value at `point`,
 * in the reference interpreter, has an element beyond `dtype` (non-finite, or rounding to ±∞ in
 * float32) while all their operands' elements are within it.
 */
function overflowingOps(
  outputs: Record<string, Node>,
  point: InputValues,
  dtype: (typeof DTYPES)[number],
): string[] {
  const beyond = (v: number) => !Number.isFinite(dtype === 'float32' ? Math.fround(v) : v);
  const values = run(Object.values(optimize(outputs).outputs), point);
  const ops: string[] = [];
  for (const [n, t] of values) {
    if (n.kind !== 'apply' || !t.data.some(beyond)) continue;
    if (n.args.every((a) => !values.get(a)!.data.some(beyond))) ops.push(n.op);
  }
  return ops;
}

describe('guard on the wasm target', () => {
  for (const dtype of DTYPES) {
    it(`names the op whose result overflows in a wasm kernel; the twin is TypeScript (${dtype})`, () => {
      const { outputs, inputs } = layer();
      const { f, source } = load(outputs, inputs, { guard: true, dtype });
      const { f: unguarded } = load(outputs, inputs, { dtype });
      expect(body(source, 'f')).toMatch(/wasmKernels\.\w+\(/);
      expect(body(source, 'fUnfused')).not.toMatch(/wasmKernels/);
      expect(plain(f(values(0.5)))).toEqual(plain(unguarded(values(0.5))));
      // W·X reaches 1000·5: exp overflows in the GEMM's epilogue
      expectError(
        () => f(values(1000)),
        'E_NONFINITE_OP',
        /^f: exp produced Infinity at \w+\[\d+\] in \w+ = exp\(b \+ W·X\)/,
        /operands: b \+ W·X \(\w+\) in \[/,
      );
    });
  }

  it('float32: a value beyond float32 in a wasm elementwise kernel is named', () => {
    const x = g.input('x', [2, 'm']);
    const outputs = { y: g.exp(g.mul(x, 100)) };
    const { f } = load(outputs, [x], { guard: true, dtype: 'float32' });
    expect(Array.from(f({ x: [0.5, 0.2, 0.1, 0] }).y as Float32Array).every(Number.isFinite)).toBe(
      true,
    );
    // e^100 is finite in float64 but Infinity in float32
    expectError(
      () => f({ x: [1, 0.2, 0, 0] }),
      'E_NONFINITE_OP',
      /exp produced Infinity at y\[0\]/,
    );
  });

  interface Modes {
    dtype: (typeof DTYPES)[number];
    profile: boolean;
    split: { threshold: number; partLines: number } | null;
    maxBatch: number;
  }
  const modes: fc.Arbitrary<Modes> = fc.record({
    dtype: fc.constantFrom(...DTYPES),
    profile: fc.boolean(),
    split: fc.option(
      fc.record({ threshold: fc.constant(0), partLines: fc.integer({ min: 1, max: 8 }) }),
    ),
    // at most the batch: the first call lays out a larger memory
    maxBatch: fc.integer({ min: 1, max: 5 }),
  });

  /**
   * One random graph and its gradients, guarded on the wasm target (in `modes`), at a random
   * point (`large`: scaled so that squares overflow the dtype): the guarded results equal the plain ones bit for bit, or it throws
   * E_NONFINITE_OP naming an op that does overflow there. Counts what happened in `seen`.
   */
  const guardedCase =
    (scale: 'unit' | 'large', seen: { kernels: number; named: number }) =>
    (recipe: Recipe, { dtype, profile, split, maxBatch }: Modes) => {
      const graph = buildGraph(recipe);
      const leaves = graph.leaves.map((l) => l.node);
      const outputs: Record<string, Node> = { J: graph.cost };
      g.grad(graph.cost, leaves).forEach((d, i) => (outputs[`d${i}`] = d));
      const k = scale === 'large' ? (dtype === 'float32' ? 1e20 : 1e155) : 1;
      const point = scaled(leafValues(graph.leaves, recipe.m, recipe.seed), k);
      const options = { guard: true, dtype, profile, maxBatch, ...(split ? { split } : {}) };
      const guarded = load(outputs, leaves, options);
      seen.kernels += (guarded.source.match(/^ +wasmKernels\.\w+\(/gm) ?? []).length;
      let got: Out;
      try {
        got = guarded.f(point);
      } catch (e) {
        expect((e as { code?: string }).code, String(e)).toBe('E_NONFINITE_OP');
        const op = /^f: (\w+) produced (NaN|-?Infinity)/.exec((e as Error).message)?.[1];
        expect(op, (e as Error).message).toBeDefined();
        // the claim is true: in the reference interpreter, run on the graph the module
        // compiles, an op of that name makes a value beyond the dtype from operands within it
        expect(overflowingOps(outputs, point, dtype), (e as Error).message).toContain(op);
        seen.named++;
        return;
      }
      expect(plain(got)).toEqual(plain(load(outputs, leaves, { dtype }).f(point)));
    };

  it('random tensor graphs: guarded (profiled, split, a small memory) = plain, bit for bit', () => {
    const seen = { kernels: 0, named: 0 };
    fc.assert(fc.property(recipeArb({ maxSteps: 6 }), modes, guardedCase('unit', seen)), {
      seed: 0x3a5d,
      numRuns: 60,
    });
    expect(seen.kernels).toBeGreaterThan(60);
    // most samples are finite: the comparison is what is tested
    expect(seen.named).toBeLessThan(20);
  });

  it('random tensor graphs at points whose squares overflow: E_NONFINITE_OP names an op that does', () => {
    const seen = { kernels: 0, named: 0 };
    fc.assert(fc.property(recipeArb({ maxSteps: 6 }), modes, guardedCase('large', seen)), {
      seed: 0x3a5e,
      numRuns: 40,
    });
    // the error's claim is what is tested here
    expect(seen.named).toBeGreaterThan(8);
  });
});

/** `values` with every number multiplied by `k`. */
function scaled(values: InputValues, k: number): InputValues {
  return Object.fromEntries(
    Object.entries(values).map(([name, v]) => [
      name,
      typeof v === 'number' ? v * k : Float64Array.from(v as ArrayLike<number>, (x) => x * k),
    ]),
  );
}

describe('profile on the wasm target', () => {
  for (const dtype of DTYPES) {
    it(`times every kernel, the wasm kernels included; results unchanged (${dtype})`, () => {
      const { outputs, inputs } = layer();
      const timed = load(outputs, inputs, { profile: true, dtype });
      const { f } = load(outputs, inputs, { dtype });
      const record = timed.exports[timed.m.functions[0]!.profileName!] as {
        kernels: string[];
        ms: Record<number, number>;
        calls: number;
      };
      for (let i = 0; i < 3; i++)
        expect(plain(timed.f(values(0.5)))).toEqual(plain(f(values(0.5))));
      expect(record.calls).toBe(3);
      // the kernels run as wasm, by the comments above their calls
      const wasmKernels = [
        ...body(timed.source, 'f').matchAll(/\/\/ (.*)\n(?:(?! *\/\/).*\n){1,2} *wasmKernels\./g),
      ];
      expect(wasmKernels.length).toBeGreaterThanOrEqual(3);
      for (const [, comment] of wasmKernels) expect(record.kernels).toContain(comment);
      const total = Object.values(record.ms).reduce((s, t) => s + t, 0);
      expect(total).toBeGreaterThan(0);
      expect(Object.keys(record.ms).length).toBe(record.kernels.length);
    });
  }
});

describe('checkValues: false on the wasm target', () => {
  for (const dtype of DTYPES) {
    it(`skips the value scan and unknown names, still checks shapes; same results (${dtype})`, () => {
      const { outputs, inputs } = layer();
      const { f } = load(outputs, inputs, { dtype });
      const good = values(0.5);
      const want = plain(f(good));
      expect(plain(f(good, { checkValues: false }))).toEqual(want);
      // an array of the user's, copied into the memory either way
      expect(plain(f({ ...good, X: Float64Array.from(good.X) }, { checkValues: false }))).toEqual(
        want,
      );
      const X = [...good.X];
      X[4] = Number.NaN;
      expectError(() => f({ ...good, X }), 'E_NONFINITE_INPUT', /'X' has a non-finite value NaN/);
      expect(Number.isNaN(f({ ...good, X }, { checkValues: false }).J)).toBe(true);
      // the memory holds the next call's data: a good call after the NaN one is as before
      expect(plain(f(good, { checkValues: false }))).toEqual(want);
      expect(plain(f({ ...good, Xe: X }, { checkValues: false }))).toEqual(want);
      expectError(() => f({ ...good, X: [1, 2] }, { checkValues: false }), 'E_INPUT_SHAPE');
    });
  }
});
