/**
 * A wasm-target trainer's state lives in its memory (issue 14: parameters and optimizer state
 * live there, not copied in on every step): the first state init or load makes is views of the
 * memory, fit then copies nothing into it from outside, a state that lives there trains bit for
 * bit as one that is copied in, and a new memory leaves a state's arrays where they are.
 */
import { describe, expect, it } from 'vitest';
import { adam, compileTraining, type TrainingState } from '../src/index.ts';
import planar from '../samples/planar.ts';
import { planarFlower } from '../samples/data.ts';

const { X, Y } = planarFlower(200, 2);
const data = { X, Y };
const spec = {
  loss: planar.loss,
  outputs: planar.outputs!,
  optimizer: adam({ learningRate: 0.01 }),
  target: 'wasm' as const,
  maxBatch: 256,
};

const arrays = (s: TrainingState) => [...Object.values(s.params), ...Object.values(s.opt)];

/**
 * The arrays copied into `memory` by Float64Array/Float32Array `set` during `run`: from outside it
 * (or from anywhere, with `anywhere`).
 */
function copiesInto(memory: ArrayBufferLike, run: () => void, anywhere = false): number[] {
  const types = [Float64Array, Float32Array] as const;
  const sets = types.map((T) => T.prototype.set);
  const copies: number[] = [];
  types.forEach((T, k) => {
    T.prototype.set = function (this: Float64Array, from: ArrayLike<number>, at?: number) {
      const outside = anywhere || !ArrayBuffer.isView(from) || from.buffer !== memory;
      if (this.buffer === memory && outside) copies.push(from.length);
      return (sets[k] as typeof Float64Array.prototype.set).call(this, from, at);
    } as never;
  });
  try {
    run();
  } finally {
    types.forEach((T, k) => (T.prototype.set = sets[k] as never));
  }
  return copies;
}

describe('a float64 wasm trainer', () => {
  it("keeps its first state's params and optimizer slots in the memory: fit copies none in", () => {
    const t = compileTraining(spec);
    const a = t.init(4);
    const memory = a.params['W1']!.buffer;
    // one buffer for all of them, and it is a wasm memory (whole 64 KiB pages)
    expect(memory.byteLength % 65536).toBe(0);
    for (const v of arrays(a)) expect(v.buffer).toBe(memory);
    expect(copiesInto(memory, () => t.fit(a, data, { epochs: 3, batchSize: 50 }))).toEqual([]);
    // a second state, while the first lives, is copied in: every step copies its arrays
    const b = t.init(4);
    for (const v of arrays(b)) expect(v.buffer).not.toBe(memory);
    const copied = copiesInto(memory, () => t.fit(b, data, { epochs: 3, batchSize: 50 }));
    expect(copied.length).toBeGreaterThanOrEqual(12 * arrays(b).length);
  });

  it('trains a state in the memory bit for bit as one copied in', () => {
    const t = compileTraining(spec);
    const a = t.init(9);
    const b = t.init(9);
    expect(a.params['W1']!.buffer).not.toBe(b.params['W1']!.buffer);
    const fa = t.fit(a, data, { epochs: 5, batchSize: 64 });
    const fb = t.fit(b, data, { epochs: 5, batchSize: 64 });
    expect([...fa]).toEqual([...fb]);
    for (const k of Object.keys(a.params)) expect([...a.params[k]!]).toEqual([...b.params[k]!]);
    for (const k of Object.keys(a.opt)) expect([...a.opt[k]!]).toEqual([...b.opt[k]!]);
    expect(t.predict(a, data)).toEqual(t.predict(b, data));
  });

  it("loads into the memory, and a new memory leaves the state's arrays where they are", async () => {
    const t = compileTraining(spec);
    const reference = compileTraining(spec);
    // saved by the other module: a state t makes is held by this job (a WeakRef's target stays
    // alive until the job ends), so t's memory would not be free for the loaded one
    const saved = reference.save(reference.init(3));
    const a = t.load(saved);
    const r = reference.load(saved);
    const held = a.params['W1']!;
    const before = held.buffer;
    for (const v of arrays(a)) expect(v.buffer).toBe(before);
    await t.setup({ maxBatch: 512 });
    // still the state's own arrays, readable, and training goes on as in a module never re-laid out
    expect(a.params['W1']).toBe(held);
    expect(t.fit(a, data, { epochs: 2, batchSize: 50 })).toEqual(
      reference.fit(r, data, { epochs: 2, batchSize: 50 }),
    );
    expect([...held]).toEqual([...r.params['W1']!]);
    // the new memory's areas are free: the next state lives there
    const c = t.init(3);
    expect(c.params['W1']!.buffer).not.toBe(before);
    for (const v of arrays(c)) expect(v.buffer).toBe(c.params['W1']!.buffer);
  });
});

it('a float32 wasm trainer converts its state into the memory once per step, where the kernels read it', () => {
  const t = compileTraining({ ...spec, dtype: 'float32' });
  const a = t.init(2);
  for (const v of arrays(a)) expect(v).toBeInstanceOf(Float64Array);
  const batch = { X: X.slice(0, 2 * 200), Y: Y.slice(0, 200) };
  t.step(a, batch); // lays out the batch's buffers
  const sizes: number[] = [];
  const buffers = new Set<ArrayBufferLike>();
  const set = Float32Array.prototype.set;
  Float32Array.prototype.set = function (this: Float32Array, from: ArrayLike<number>, at?: number) {
    // into a wasm memory (whole 64 KiB pages), from the state or the data (not the data here)
    const data = from.length === batch.X.length || from.length === batch.Y.length;
    if (this.buffer.byteLength % 65536 === 0 && from instanceof Float64Array && !data) {
      sizes.push(from.length);
      buffers.add(this.buffer);
    }
    return set.call(this, from, at);
  } as typeof set;
  try {
    for (let s = 0; s < 3; s++) t.step(a, batch);
  } finally {
    Float32Array.prototype.set = set;
  }
  // per step each param and slot once, not once per kernel that reads it
  const perStep = arrays(a).map((v) => v.length);
  expect(buffers.size).toBe(1);
  expect(sizes.sort((p, q) => p - q)).toEqual(
    [0, 1, 2].flatMap(() => perStep).sort((p, q) => p - q),
  );
});

describe('a full-batch fit (one batch of all the examples per epoch)', () => {
  const full = { ...spec, maxBatch: 256 };
  it('steps on the data as given, on both targets: the same costs and state as that many steps', () => {
    for (const target of ['ts', 'wasm'] as const) {
      const t = compileTraining({ ...full, target });
      const a = t.init(6);
      const b = t.init(6);
      const costs = t.fit(a, data, { epochs: 4 });
      const steps = [0, 1, 2, 3].map(() => t.step(b, data));
      expect([...costs], target).toEqual(steps);
      for (const k of Object.keys(a.params)) expect([...a.params[k]!]).toEqual([...b.params[k]!]);
      // the state's generator draws nothing for a shuffle
      expect(a.rng.getState()).toEqual(b.rng.getState());
    }
  });

  it('copies the data into the wasm memory once per fit, or per step when a callback may run kernels', () => {
    const t = compileTraining(full);
    const a = t.init(2);
    const memory = a.params['W1']!.buffer;
    const ofX = (copies: number[]) => copies.filter((n) => n === X.length).length;
    expect(ofX(copiesInto(memory, () => t.fit(a, data, { epochs: 5 })))).toBe(1);
    const onEpoch = () => void t.predict(a, { X: X.slice(0, 20) });
    expect(ofX(copiesInto(memory, () => t.fit(a, data, { epochs: 5, onEpoch })))).toBe(5);
  });

  it('hands out its data inputs as views of the memory: a fit on them copies nothing', () => {
    const t = compileTraining(full);
    expect(compileTraining({ ...full, target: 'ts' }).inputViews()).toEqual({});
    const views = t.inputViews();
    expect(Object.keys(views)).toContain('X');
    for (const k of Object.keys(views)) expect(['X', 'Y']).toContain(k);
    expect(views['X']!.length).toBe(2 * full.maxBatch);
    const a = t.init(3);
    const b = t.init(3);
    const memory = a.params['W1']!.buffer;
    const inMemory = views['X']!.subarray(0, X.length);
    inMemory.set(X);
    expect(inMemory.buffer).toBe(memory);
    const onViews = { X: inMemory, Y };
    let costs: number[] = [];
    // nothing of X's size is copied, not even within the memory
    const copies = copiesInto(memory, () => (costs = t.fit(a, onViews, { epochs: 3 })), true);
    expect(copies.filter((n) => n === X.length)).toEqual([]);
    expect(costs).toEqual([...t.fit(b, data, { epochs: 3 })]);
  });

  it('with dev data evaluated between epochs, trains on wasm as on the TS target', () => {
    const dev = { X: X.slice(0, 2 * 40), Y: Y.slice(0, 40) };
    const run = (target: 'ts' | 'wasm') => {
      const t = compileTraining({ ...full, target });
      const s = t.init(8);
      const h = t.fit(s, data, { epochs: 6, dev, patience: 10 });
      return { costs: [...h], dev: [...h.dev!], W1: [...s.params['W1']!] };
    };
    const w = run('wasm');
    const ts = run('ts');
    for (const key of ['costs', 'dev', 'W1'] as const) {
      w[key].forEach((v, i) =>
        expect(Math.abs(v - ts[key][i]!), key).toBeLessThanOrEqual(1e-12 * Math.abs(ts[key][i]!)),
      );
    }
  });
});
