/**
 * The wasm target as a user meets it: `compile(…, { target: 'wasm' })` and the emitted module —
 * readiness, the memory's batch limit and `setup`, an engine without SIMD or without synchronous
 * compilation, the strictest type check, determinism — gradient checks of a course model's
 * loss-and-gradient on it, and sums along axes as wasm reductions (totals stay TypeScript).
 */
import { describe, expect, it } from 'vitest';
import * as g from '../src/index.ts';
import { emitModule } from '../src/emit/module.ts';
import { loadModule } from '../src/emit/compile.ts';
import { formatTypeScript } from './prettier.ts';
import { showDiagnostics, strictDiagnostics } from './strict.ts';
import { planarFlower } from '../samples/data.ts';

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

  it('inputs written into the memory views are read where they are', async () => {
    const f = g.compile(outputs, { inputs, target: 'wasm' });
    await f.ready;
    const views = f.inputViews();
    expect(Object.keys(views).sort()).toEqual(['W1', 'W2', 'X', 'b1']);
    const m = 9;
    const X = views['X']!.subarray(0, features * m);
    X.set(values.X);
    const W1 = views['W1']!;
    W1.set(values.W1);
    const direct = f({ ...values, X, W1 });
    const copied = g.compile(outputs, { inputs })(values);
    expect(direct.J).toBeCloseTo(copied.J, 13);
    // an array in the memory is read where it is: the kernels are given its address
    expect(f.source).toContain('if (X.buffer === X_wasm.buffer) X_at = X.byteOffset;');
  });

  it("a batch whose rows are 4096 bytes (m = 512) packs W1·X's panels in the scratch area before the buffers, and agrees with the TS target", async () => {
    const net = network(20, 12);
    const f = g.compile(net.outputs, { inputs: net.inputs, target: 'wasm' });
    await f.ready;
    expect(f.source).toMatch(/after the kernels' scratch area\n\s*let at = [1-9]\d*;/);
    for (const m of [512, 500]) {
      const v = data(20, 12, m);
      const ts = g.compile(net.outputs, { inputs: net.inputs })(v);
      const wasm = f(v);
      expect(wasm.J).toBeCloseTo(ts.J, 12);
      ts.dW1.forEach((x, i) => expect(wasm.dW1[i]).toBeCloseTo(x, 11));
    }
  });

  it('a memory too large to make is a rejected setup (E_BATCH_TOO_LARGE), not a throw', async () => {
    const X = g.input('X', [512, 'm']);
    const W = g.param('W', [4, 512]);
    const f = g.compile({ Z: g.relu(g.matmul(W, X)) }, { target: 'wasm' });
    let thrown: unknown;
    let done: Promise<void> | undefined;
    try {
      done = f.setup({ maxBatch: 5e6 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeUndefined();
    await expect(done).rejects.toMatchObject({ code: 'E_BATCH_TOO_LARGE' });
  });

  it('batch dimensions named like the layout code (limit, at, buffer) compile', async () => {
    for (const dim of ['limit', 'at', 'buffer']) {
      const X = g.input('X', [3, dim]);
      const W = g.param('W', [2, 3]);
      const f = g.compile({ Z: g.relu(g.matmul(W, X)) }, { target: 'wasm' });
      await f.ready;
      const Z = f({ X: [1, 2, 3, 4, 5, 6], W: [1, 0, 0, 0, 1, -1] }).Z;
      expect(Array.from(Z)).toEqual([1, 2, 0, 0]);
    }
  });

  it("a view handed out is the caller's: another function's call with an ordinary array leaves it alone", async () => {
    const planar = await import('../codegen/wasm/planar.ts');
    await planar.ready;
    const { X, Y } = planarFlower(40, 3);
    const params = {
      W1: [0.1, -0.2, 0.3, 0.05, -0.1, 0.2, 0.15, -0.25],
      b1: [0, 0.1, -0.1, 0],
      W2: [0.2, -0.3, 0.1, 0.4],
      b2: [0.05],
    };
    const view = planar.inputViews().X.subarray(0, X.length);
    view.set(X);
    const first = planar.planarLossAndGrad({ X: view, Y, ...params }).J;
    planar.planarPredict({ X: planarFlower(40, 9).X, ...params });
    expect(Array.from(view)).toEqual(Array.from(X));
    expect(planar.planarLossAndGrad({ X: view, Y, ...params }).J).toBe(first);
    expect(planar.planarLossAndGrad({ X, Y, ...params }).J).toBe(first);
  });

  it('float32: comparisons with a constant float32 cannot hold agree with the TS target', async () => {
    const X = g.input('X', [5, 'm']);
    const outputs = {
      a: g.gt(X, 0.1),
      e: g.eq(X, 0.1),
      c: g.mul(X, g.ge(X, 0.3)),
      r: g.relu(g.sub(X, 0.5)), // no comparison: runs as wasm
    };
    const values = { X: Float32Array.from([0.1, 0.2, 0.05, 0.1, 0.3, 0.6, -1, 0.1, 0.3, 2]) };
    const ts = g.compile(outputs, { dtype: 'float32' })(values);
    const wasm = g.compile(outputs, { dtype: 'float32', target: 'wasm' });
    await wasm.ready;
    const got = wasm(values);
    for (const key of ['a', 'e', 'c', 'r'] as const)
      expect(Array.from(got[key]), key).toEqual(Array.from(ts[key]));
    expect(wasm.source).toMatch(/wasmKernels\.r\(m, /);
    expect(wasm.source).not.toMatch(/wasmKernels\.a\(/);
  });

  it('a function named like a wasm-target export (ready, setup, inputViews) is E_BAD_NAME', () => {
    for (const name of ['ready', 'setup', 'inputViews']) {
      expect(() => g.compile(outputs, { inputs, target: 'wasm', name })).toThrow(
        new RegExp(`name '${name}' is an export of every wasm-target module`),
      );
      // the TS target has no such exports
      expect(() => g.compile(outputs, { inputs, name })).not.toThrow();
    }
  });

  it('setup refuses a maxBatch that is not a positive integer', async () => {
    const f = g.compile(outputs, { inputs, target: 'wasm' });
    await expect(f.setup({ maxBatch: 0 })).rejects.toMatchObject({ code: 'E_BAD_OPTION' });
    await expect(f.setup({ maxBatch: 2.5 })).rejects.toThrow(/maxBatch must be a positive integer/);
  });
});

describe('sums along axes', () => {
  // db = (1/m)·Σ_j (Z − b) (the batch axis, lanes; its epilogue 1/m), Σ over the rows of
  // (Z − 1)² (axis 0, columns), Σ over the two leading axes of a (2, 3, m) tensor (a 2-d sum
  // over (6, m)), each summand fused; and the cost: a total, compensated in TypeScript
  const Z = g.input('Z', [6, 'm']);
  const b = g.param('b', [6, 1]);
  const T = g.input('T', [2, 3, 'm']);
  const outputs = {
    db: g.mean(g.sub(Z, b), { axis: 1, keepdims: true }),
    rows: g.sum(g.square(g.sub(Z, 1)), { axis: 0 }),
    cube: g.sum(g.mul(T, g.relu(T)), { axis: [0, 1] }),
    J: g.sum(g.tanh(g.add(Z, b))),
  };
  const inputs = [Z, b, T];
  const m = 13;
  const values = {
    Z: Float64Array.from({ length: 6 * m }, (_, i) => Math.sin(0.7 * i)),
    b: Float64Array.from({ length: 6 }, (_, i) => 0.1 * i),
    T: Float64Array.from({ length: 6 * m }, (_, i) => Math.cos(0.3 * i)),
  };

  for (const dtype of ['float64', 'float32'] as const) {
    it(`run as wasm reductions with their summands and epilogues; the total stays TS (${dtype})`, () => {
      const mod = emitModule(outputs, { inputs, target: 'wasm', dtype });
      const f = loadModule(mod.javascript)[mod.functionName] as (
        v: object,
      ) => Record<string, number | Float64Array | Float32Array>;
      for (const key of ['db', 'rows', 'cube'])
        expect(mod.source).toMatch(new RegExp(`wasmKernels\\.${key}\\(m, `));
      const wat = mod.wasm!.wat;
      expect(wat).toMatch(/;; out\[6\] = Σ over 1·m \(axis 1 summed\), lanes form/);
      expect(wat).toMatch(/;; out\[1·m\] = Σ over 6 \(axis 0 summed\), columns form/);
      expect(wat.match(/;; out\[.*\] = Σ over/g)).toHaveLength(3);
      // the total keeps its compensated summation
      expect(mod.source).toMatch(/c \+= Math\.abs\(s\) >= Math\.abs\(v\)/);
      const ts = g.compile(outputs, { inputs, dtype })(values);
      const wasm = f(values);
      const tol = dtype === 'float64' ? 1e-14 : 1e-5;
      for (const key of ['db', 'rows', 'cube'] as const) {
        const want = ts[key] as Float64Array;
        const got = wasm[key] as Float64Array;
        expect(got.length).toBe(want.length);
        want.forEach((x, i) =>
          expect(Math.abs(got[i]! - x), `${key}[${i}]`).toBeLessThanOrEqual(
            tol * (1 + Math.abs(x)),
          ),
        );
      }
      expect(wasm['J']).toBe(ts.J);
    });
  }
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
