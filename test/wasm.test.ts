/**
 * The wasm target as a user meets it: `compile(…, { target: 'wasm' })` and the emitted module —
 * readiness, the memory's batch limit and `setup`, an engine without SIMD or without synchronous
 * compilation, the strictest type check, determinism — and gradient checks of a course model's
 * loss-and-gradient on it.
 */
import { describe, expect, it } from 'vitest';
import * as g from '../src/index.ts';
import { emitModule } from '../src/emit/module.ts';
import { loadModule } from '../src/emit/compile.ts';
import { formatTypeScript } from './prettier.ts';
import { showDiagnostics, strictDiagnostics } from './strict.ts';

/** A two-layer network's cost and gradients (ReLU, then σ with cross-entropy). */
function network(features = 5, hidden = 4) {
  const X = g.input('X', [features, 'm']);
  const Y = g.input('Y', [1, 'm']);
  const W1 = g.param('W1', [hidden, features]);
  const b1 = g.param('b1', [hidden, 1]);
  const W2 = g.param('W2', [1, hidden]);
  const b2 = g.param('b2');
  const A1 = g.relu(g.add(g.matmul(W1, X), b1)).named('A1');
  const A2 = g.sigmoid(g.add(g.matmul(W2, A1), b2)).named('A2');
  const J = g.binaryCrossEntropy(A2, Y);
  const [dW1, db1, dW2, db2] = g.grad(J, [W1, b1, W2, b2]);
  const outputs = { J, dW1: dW1!, db1: db1!, dW2: dW2!, db2: db2! };
  return { outputs, inputs: [X, Y, W1, b1, W2, b2], features, hidden };
}

function data(features: number, hidden: number, m: number) {
  const wave = (n: number, s: number) =>
    Float64Array.from({ length: n }, (_, i) => Math.sin(1.3 * i + s));
  return {
    X: wave(features * m, 1),
    Y: Float64Array.from({ length: m }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    W1: wave(hidden * features, 2),
    b1: wave(hidden, 3),
    W2: wave(hidden, 4),
    b2: 0.1,
  };
}

describe('compile with target wasm', () => {
  const { outputs, inputs, features, hidden } = network();
  const values = data(features, hidden, 9);

  it('is ready at once under Node, runs its matmuls as wasm, and agrees with the TS target', async () => {
    const f = g.compile(outputs, { inputs, target: 'wasm' });
    expect(f.target).toBe('wasm');
    await f.ready;
    expect(f.source).toMatch(/wasmKernels\.\w+\(m, /);
    const ts = g.compile(outputs, { inputs })(values);
    const wasm = f(values);
    for (const key of Object.keys(outputs) as (keyof typeof outputs)[]) {
      const a = ts[key];
      const b = wasm[key];
      if (typeof a === 'number') expect(b as number).toBeCloseTo(a, 13);
      else (a as Float64Array).forEach((x, i) => expect((b as Float64Array)[i]).toBeCloseTo(x, 13));
    }
  });

  it('passes gradient checks on its own gradients', () => {
    const f = g.compile(outputs, { inputs, target: 'wasm' });
    const r = g.gradcheck(f, values, { wrt: ['W1', 'b1', 'W2', 'b2'] });
    expect(r.ok, r.report()).toBe(true);
  });

  it('a batch above maxBatch lays out a larger memory by itself; results before stay readable', async () => {
    const f = g.compile(outputs, { inputs, target: 'wasm', maxBatch: 8 });
    await f.ready;
    const before = f(data(features, hidden, 8)).dW1;
    const kept = before.slice();
    const big = data(features, hidden, 20);
    const again = f(big).dW1.slice();
    const ts = g.compile(outputs, { inputs })(big).dW1;
    ts.forEach((x, i) => expect(again[i]).toBeCloseTo(x, 14));
    // the array returned before is of the old memory: still what it was
    expect(before).toEqual(kept);
    expect(f(data(features, hidden, 8)).dW1).toEqual(kept);
    await f.setup({ maxBatch: 30 });
    expect(f(big).dW1).toEqual(again);
  });

  it('setup refuses a maxBatch that is not a positive integer', async () => {
    const f = g.compile(outputs, { inputs, target: 'wasm' });
    await expect(f.setup({ maxBatch: 0 })).rejects.toMatchObject({ code: 'E_BAD_OPTION' });
    await expect(f.setup({ maxBatch: 2.5 })).rejects.toThrow(/maxBatch must be a positive integer/);
  });
});

describe('the engine', () => {
  const { outputs, inputs, features, hidden } = network();
  const values = data(features, hidden, 6);
  const mod = emitModule(outputs, { inputs, target: 'wasm' });
  const real = (globalThis as unknown as { WebAssembly: Record<string, unknown> }).WebAssembly;

  const install = (engine: object) =>
    Object.defineProperty(globalThis, 'WebAssembly', {
      value: engine,
      configurable: true,
      writable: true,
    });

  /** Loads the module and runs `body` with `WebAssembly` replaced by `fake` meanwhile. */
  async function withEngine(
    fake: object,
    body: (exports: Record<string, unknown>) => Promise<void>,
  ): Promise<void> {
    install(fake);
    try {
      await body(loadModule(mod.javascript));
    } finally {
      install(real);
    }
  }

  it('without SIMD128: ready rejects and every call throws E_NO_WASM, saying to use the TS target', async () => {
    await withEngine({ validate: () => false }, async (exports) => {
      await expect(exports['ready']).rejects.toMatchObject({ code: 'E_NO_WASM' });
      const compute = exports[mod.functionName] as (v: unknown) => unknown;
      expect(() => compute(values)).toThrow(/does not run WebAssembly SIMD128.*target 'ts'/);
    });
  });

  it('that compiles only asynchronously (a browser main thread): E_NOT_READY until ready resolves', async () => {
    // a browser's main thread: modules over 4 KB are neither compiled nor instantiated synchronously
    const refuse = (what: string) =>
      function () {
        throw new RangeError(
          `WebAssembly.${what} is disallowed on the main thread, if the buffer size is larger than 4KB`,
        );
      };
    const engine = {
      validate: real['validate'],
      Memory: real['Memory'],
      Instance: refuse('Instance'),
      Module: refuse('Compile'),
      compile: real['compile'],
      instantiate: real['instantiate'],
    };
    await withEngine(engine, async (exports) => {
      const compute = exports[mod.functionName] as (v: unknown) => Record<string, unknown>;
      expect(() => compute(values)).toThrow(/not ready: await ready/);
      await exports['ready'];
      const ts = g.compile(outputs, { inputs })(values);
      expect(compute(values)['J']).toBeCloseTo(ts.J, 13);
      // a larger batch cannot lay out a memory synchronously here: the error says to await setup
      const big = data(features, hidden, 2000);
      expect(() => compute(big)).toThrow(
        /only asynchronously: await setup\(\{ maxBatch: 2000 \}\) first/,
      );
      await (exports['setup'] as (o: { maxBatch: number }) => Promise<void>)({ maxBatch: 2000 });
      expect(compute(big)['J']).toBeCloseTo(g.compile(outputs, { inputs })(big).J, 12);
    });
  });

  // a page that awaits setup({ maxBatch }) at once, while `ready` (the default limit) is pending:
  // whichever compiles first, the memory must end laid out for the setup called last
  it.each(['first', 'last'])(
    'that compiles asynchronously: a setup called while ready is pending decides the layout, ready finishing %s',
    async (readyFinishes) => {
      const compiled: (() => void)[] = [];
      const compile = real['compile'] as (bytes: Uint8Array) => Promise<object>;
      const refuse = function () {
        throw new RangeError('WebAssembly.Compile is disallowed on the main thread');
      };
      const engine = {
        validate: real['validate'],
        Memory: real['Memory'],
        Instance: refuse,
        Module: refuse,
        // each compilation resolves when the test says so
        compile: (bytes: Uint8Array) =>
          compile(bytes).then((m) => new Promise((done) => compiled.push(() => done(m)))),
        instantiate: real['instantiate'],
      };
      await withEngine(engine, async (exports) => {
        const setup = exports['setup'] as (o: { maxBatch: number }) => Promise<void>;
        const big = setup({ maxBatch: 2000 });
        while (compiled.length < 2) await new Promise((r) => setTimeout(r, 1));
        const [ready, setupCompiled] = compiled as [() => void, () => void];
        if (readyFinishes === 'first') [ready, setupCompiled].forEach((f) => f());
        else [setupCompiled, ready].forEach((f) => f());
        await big;
        await exports['ready'];
        const compute = exports[mod.functionName] as (v: unknown) => Record<string, unknown>;
        const batch = data(features, hidden, 2000);
        expect(compute(batch)['J']).toBeCloseTo(g.compile(outputs, { inputs })(batch).J, 12);
      });
    },
  );
});

describe('the emitted module', () => {
  const { outputs, inputs } = network(6, 3);
  const mod = emitModule(outputs, { inputs, target: 'wasm', dtype: 'float32' });

  it('type-checks under the strictest flags, is prettier-formatted and byte-identical twice', () => {
    const ds = strictDiagnostics(mod.source, 'wasmTarget.ts');
    expect(ds.length, showDiagnostics(ds)).toBe(0);
    expect(formatTypeScript(mod.source)).toBe(mod.source);
    expect(emitModule(outputs, { inputs, target: 'wasm', dtype: 'float32' }).source).toBe(
      mod.source,
    );
  });

  it('carries its kernels as WAT to read, f32x4 in float32', () => {
    expect(mod.wasm?.wat).toMatch(/^\(module/);
    expect(mod.wasm?.wat).toContain('f32x4.mul');
    expect(mod.wasm?.wat).not.toContain('f64x2');
  });
});
