/**
 * W1: J = 3(a + b·c) with dJ/da, dJ/db, dJ/dc per call: gradgen `compile` against a hand-written
 * function and TF.js (tf.grads) on its cpu and wasm backends, over the same 1,024 seeded (a, b, c)
 * points, cycled. Also the bytes each allocates per call.
 */
import { compile } from '../index.js';
import { Rng } from '../rng.js';
import { J, da, db, dc } from '../../samples/computationGraph.js';
import { allocationPerStep, type Allocation } from './alloc.js';
import { handCostJ } from './hand.js';
import { interleaved, probe, type Contender, type Timing } from './stats.js';
import { tfCostJ, tfDataMoves, useBackend, type TfBackend } from './tfjsPeer.js';

export interface ScalarResult {
  readonly compileMs: number;
  readonly codeSize: { chars: number; lines: number };
  readonly callsPerRound: number[];
  readonly timings: Timing[];
  readonly checks: { name: string; error: number }[];
  /** Per call (windows of `allocationCalls` calls). */
  readonly allocations: Allocation[];
  readonly allocationCalls: number;
}

/** The contenders' indices in ScalarResult.timings / allocations. */
export const SCALAR_IMPL = { gradgen: 0, hand: 1, cpu: 2, wasm: 3 } as const;

export async function runScalar(options: {
  rounds: number;
  roundMs: number;
  allocationSamples: number;
  log: (s: string) => void;
}): Promise<ScalarResult> {
  const t0 = performance.now();
  const f = compile({ J, da, db, dc });
  const compileMs = performance.now() - t0;
  const rng = new Rng(3);
  const N = 1024;
  const pts = Float64Array.from({ length: 3 * N }, () => rng.uniform() * 4 - 2);
  const out = new Float64Array(4);
  const sink = new Float64Array(1); // (a number variable would allocate a heap number per call)
  // the inputs as a caller holds them: one object per point, made before timing (writing numbers
  // into one reused object would time V8 boxing each double stored into a field)
  const args = Array.from({ length: N }, (_, i) => ({
    a: pts[3 * i],
    b: pts[3 * i + 1],
    c: pts[3 * i + 2],
  }));
  const gradgenCall = (i: number, o: Float64Array) => {
    const r = f(args[i]);
    o[0] = r.J as number;
    o[1] = r.da as number;
    o[2] = r.db as number;
    o[3] = r.dc as number;
    return o;
  };
  // written out again rather than made by one factory: a shared closure's call site would see both
  // option shapes and slow both contenders down (measured: 17 → 20 ns and 12.5 → 17 ns)
  const trusted = { checkValues: false } as const;
  const gradgenTrustedCall = (i: number, o: Float64Array) => {
    const r = f(args[i], trusted);
    o[0] = r.J as number;
    o[1] = r.da as number;
    o[2] = r.db as number;
    o[3] = r.dc as number;
    return o;
  };
  const handCall = (i: number, o: Float64Array) =>
    handCostJ(pts[3 * i], pts[3 * i + 1], pts[3 * i + 2], o);
  const tfCall = (i: number, o: Float64Array) =>
    tfCostJ(pts[3 * i], pts[3 * i + 1], pts[3 * i + 2], o);
  const calls: {
    name: string;
    call: (i: number, o: Float64Array) => Float64Array;
    tol: number;
    backend?: TfBackend;
  }[] = [
    { name: 'gradgen compile (f64)', call: gradgenCall, tol: 1e-12 },
    { name: 'hand-written TS', call: handCall, tol: 1e-12 },
    { name: 'TF.js cpu tf.grads (f32)', call: tfCall, tol: 1e-6, backend: 'cpu' },
    { name: 'TF.js wasm tf.grads (f32)', call: tfCall, tol: 1e-6, backend: 'wasm' },
    // the same module without its per-key checks (unknown names), as a training loop calls it
    { name: 'gradgen, checkValues: false', call: gradgenTrustedCall, tol: 0 },
  ];
  // correctness on every point
  const checks = calls.map(({ name, call, tol, backend }) => {
    if (backend) useBackend(backend);
    let error = 0;
    const want = new Float64Array(4);
    for (let i = 0; i < N; i++) {
      gradgenCall(i, want);
      const got = call(i, out);
      for (let k = 0; k < 4; k++)
        error = Math.max(error, Math.abs(got[k] - want[k]) / Math.max(1, Math.abs(want[k])));
    }
    if (!(error <= tol))
      throw new Error(`bench W1: ${name} disagrees with gradgen: relative error ${error} > ${tol}`);
    return { name, error };
  });
  const contenders: Contender[] = calls.map(({ name, call, backend }) => {
    let i = 0;
    // A loop of its own per contender (a function made for it, so its call site sees only this
    // implementation): a shared loop would make every call a megamorphic closure call, and at a few
    // nanoseconds per call that overhead, not the implementation, would be what is measured.
    const loop = new Function(
      'call',
      'out',
      'sink',
      'mask',
      'return (n, i) => { for (let s = 0; s < n; s++) { sink[0] += call(i, out)[2]; i = (i + 1) & mask; } return i; };',
    )(call, out, sink, N - 1) as (n: number, i: number) => number;
    return {
      name,
      ...(backend ? { before: () => useBackend(backend) } : {}),
      reset: () => (i = 0),
      step: () => {
        sink[0] += call(i, out)[2];
        i = (i + 1) & (N - 1);
      },
      run: (n: number) => {
        i = loop(n, i);
      },
    };
  });
  const movesBefore = tfDataMoves();
  const probes = probe(contenders, 300);
  // per contender: enough calls to fill the round time (probe is coarse for ns-scale calls)
  const callsPerRound = probes.map((p) =>
    Math.max(1000, Math.min(5_000_000, Math.round(options.roundMs / Math.max(p, 1e-5)))),
  );
  options.log(`W1: calls per round ${callsPerRound.join(', ')}`);
  const timings = interleaved(contenders, callsPerRound, options.rounds);
  if (tfDataMoves() !== movesBefore)
    throw new Error('bench W1: TF.js moved tensors between backends');
  if (!Number.isFinite(sink[0])) throw new Error('bench W1: non-finite results');
  const allocationCalls = 1000;
  const allocations: Allocation[] = [];
  for (const c of contenders) {
    allocations.push(
      await allocationPerStep(c, {
        samples: options.allocationSamples,
        stepsPerSample: allocationCalls,
      }),
    );
  }
  return {
    compileMs,
    codeSize: { chars: f.source.length, lines: f.source.split('\n').length },
    callsPerRound,
    timings,
    checks,
    allocations,
    allocationCalls,
  };
}
