/**
 * Runs inside the plain-node child process of ./childModules.ts, transpiled to JavaScript in a
 * temporary folder beside gradgen's generated training modules (also transpiled) and
 * ./stats.ts, ./hand.ts, ./exchange.ts, ./peak.ts, ./readOnce.ts (with ../render/wasm for the wasm peak
 * and the read-once experiment): no
 * TypeScript loader, no TF.js, no growing wasm memory, so no ArrayBuffer is ever detached in this
 * process (V8 then keeps typed-array code fast).
 *
 * Usage: node bench/moduleRunner.js <dir>. Reads <dir>/config.json (ChildConfig) and data.bin (see
 * ./exchange.ts); for contender k (each module in order, then the hand-written TS) writes
 * <dir>/out-<k>.bin; times them in interleaved rounds; prints one JSON object (ChildReport).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { cut, paramSizes, readF64, writeF64 } from './exchange.js';
import { HandMLP, type Hidden } from './hand.js';
import { matmulPeak, wasmMatmulPeak } from './peak.js';
import { readOnce, type ReadOnceResult } from './readOnce.js';
import { interleaved, probe, type Contender, type Timing } from './stats.js';

export interface ChildConfig {
  /**
   * `copied`: the data is given as ordinary arrays (a wasm module copies it in on every step);
   * `fit`: the steps are epochs of one full-batch `fit(state, data, { epochs: n })` per round.
   */
  readonly modules: readonly {
    file: string;
    name: string;
    float32: boolean;
    copied?: boolean;
    fit?: boolean;
  }[];
  /** gradgen's parameter names [W, b] per layer. */
  readonly names: readonly (readonly [string, string])[];
  readonly layers: readonly number[];
  readonly hidden: Hidden;
  readonly m: number;
  readonly lr: number;
  readonly l2: number;
  readonly adam?: { beta1: number; beta2: number; epsilon: number };
  readonly rounds: number;
  readonly roundMs: number;
  /** Also measure the plain-JS and the wasm SIMD matmul peaks. */
  readonly peak: boolean;
  /** Also measure reading X once (./readOnce.ts) at these batch sizes. */
  readonly readOnce?: readonly number[];
}

export interface ChildReport {
  readonly node: string;
  readonly timings: Timing[];
  readonly steps: number;
  readonly peak?: { float64: number; float32: number };
  readonly wasmPeak?: { float64: number; float32: number };
  readonly readOnce?: readonly ReadOnceResult[];
}

/** The part of a generated module's TrainerCore this runner uses. */
interface Core {
  init(seed: number): {
    params: Record<string, Float64Array | Float32Array>;
    opt: Record<string, Float64Array | Float32Array>;
    step: number;
    epoch: number;
  };
  step(state: ReturnType<Core['init']>, data: object): number;
  fit(state: ReturnType<Core['init']>, data: object, options: { epochs: number }): number[];
  lossAndGrad(
    state: ReturnType<Core['init']>,
    data: object,
  ): { grads: Record<string, ArrayLike<number>> };
}

interface Runner extends Contender {
  out(): ArrayLike<number>[];
}

/**
 * A wasm-target module's data written once into its memory views (`inputViews()`): a hot loop
 * that passes those views is not copied into the memory on every step. Other modules: as given.
 */
function inMemory(
  mod: Record<string, unknown>,
  data: Record<string, Float64Array | Float32Array>,
): Record<string, Float64Array | Float32Array> {
  const views = mod['inputViews'];
  if (typeof views !== 'function') return data;
  const into = (views as () => Record<string, Float64Array | Float32Array>)();
  const out: Record<string, Float64Array | Float32Array> = { ...data };
  for (const [k, v] of Object.entries(data)) {
    const view = into[k];
    if (!view || view.length < v.length) continue;
    const part = view.subarray(0, v.length);
    part.set(v);
    out[k] = part;
  }
  return out;
}

async function moduleContender(
  file: string,
  name: string,
  float32: boolean,
  how: { readonly copied?: boolean; readonly fit?: boolean },
  cfg: ChildConfig,
  X: Float64Array,
  Y: Float64Array,
  init: readonly Float64Array[],
): Promise<Runner> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const core = Object.values(mod).find(
    (v): v is Core =>
      typeof v === 'object' && v !== null && 'meta' in v && 'lossAndGrad' in v && 'step' in v,
  );
  if (!core) throw new Error(`bench child: ${file} exports no trainer core`);
  const state = core.init(1);
  const given = float32 ? { X: Float32Array.from(X), Y: Float32Array.from(Y) } : { X, Y };
  const data = how.copied ? given : inMemory(mod, given);
  const order = cfg.names.flat();
  const reset = () => {
    order.forEach((k, i) => state.params[k].set(init[i]));
    for (const v of Object.values(state.opt)) v.fill(0);
    state.step = 0;
    state.epoch = 0;
  };
  return {
    name,
    reset,
    step: () => void core.step(state, data),
    // a full-batch fit's epochs (its once-per-call checks spread over the round's epochs)
    ...(how.fit ? { run: (n: number) => void core.fit(state, data, { epochs: n }) } : {}),
    out: () => {
      reset();
      const { grads } = core.lossAndGrad(state, data);
      core.step(state, data);
      return [...order.map((k) => grads[k]), ...order.map((k) => state.params[k])];
    },
  };
}

function handContender(
  cfg: ChildConfig,
  X: Float64Array,
  Y: Float64Array,
  init: Float64Array[],
): Runner {
  const net = new HandMLP(cfg.layers, cfg.hidden, cfg.m, X, Y, cfg.lr, {
    l2: cfg.l2,
    ...(cfg.adam ? { adam: cfg.adam } : {}),
  });
  const W = init.filter((_, i) => i % 2 === 0);
  const b = init.filter((_, i) => i % 2 === 1);
  const reset = () => net.reset(W, b);
  const layered = (Ws: Float64Array[], bs: Float64Array[]) => Ws.flatMap((w, l) => [w, bs[l]]);
  return {
    name: 'hand-written TS (f64)',
    reset,
    step: () => net.step(),
    out: () => {
      reset();
      net.gradients();
      const grads = layered(net.dW, net.db).map((a) => a.slice());
      net.step();
      return [...grads, ...layered(net.W, net.b)];
    },
  };
}

async function main(dir: string): Promise<void> {
  const cfg = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as ChildConfig;
  const [X, Y, ...init] = cut(readF64(join(dir, 'data.bin')), [
    cfg.layers[0] * cfg.m,
    cfg.m,
    ...paramSizes(cfg.layers),
  ]);
  const runners: Runner[] = [];
  for (const m of cfg.modules)
    runners.push(await moduleContender(join(dir, m.file), m.name, m.float32, m, cfg, X, Y, init));
  runners.push(handContender(cfg, X, Y, init));
  runners.forEach((r, k) => writeF64(join(dir, `out-${k}.bin`), r.out()));
  const probes = probe(runners, Math.min(1000, cfg.roundMs / 2));
  const steps = Math.max(3, Math.min(5000, Math.round(cfg.roundMs / Math.max(...probes))));
  const timings = interleaved(
    runners,
    runners.map(() => steps),
    cfg.rounds,
  );
  const peak = cfg.peak
    ? { float64: matmulPeak('float64'), float32: matmulPeak('float32') }
    : undefined;
  const wasmPeak = cfg.peak
    ? { float64: wasmMatmulPeak('float64'), float32: wasmMatmulPeak('float32') }
    : undefined;
  const once = (cfg.readOnce ?? []).flatMap(
    (m) => readOnce(cfg.layers[0]!, m, cfg.roundMs / 4, cfg.rounds + 2) ?? [],
  );
  const report: ChildReport = {
    node: process.version,
    timings,
    steps,
    ...(peak ? { peak } : {}),
    ...(wasmPeak ? { wasmPeak } : {}),
    ...(once.length ? { readOnce: once } : {}),
  };
  process.stdout.write(JSON.stringify(report));
}

await main(process.argv[2]!);
