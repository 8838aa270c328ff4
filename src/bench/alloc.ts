/**
 * Bytes allocated per step, measured from outside: for each sample, a full GC (V8's `gc`, exposed
 * at run time with --expose-gc and taken from a fresh vm context), then process.memoryUsage()'s
 * heapUsed + arrayBuffers before and after `stepsPerSample` steps. With no GC in between, the
 * difference is what the steps allocated on the JS heap plus the ArrayBuffer backing stores they
 * created (node's allocator counts those when they are made). What it cannot see: memory an
 * implementation manages itself, such as the wasm backend's malloc inside its linear memory (it
 * only shows if that memory grows). The result is the median over samples, per step, each sample
 * corrected by an empty window measured just before it (the reads' own allocation, see `sample`).
 *
 * GCs are watched with a PerformanceObserver on 'gc' entries: a GC that starts inside a sample's
 * window frees memory the difference then misses, so the number is then only a lower bound (≥);
 * likewise when the empty window shows memory being freed (a negative difference).
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { heldStrongly, internedCount } from '../ir/node.js';
import { median, type Contender } from './stats.js';

export interface Allocation {
  /** Median over samples of the bytes per step (each sample corrected by its empty window). */
  readonly bytesPerStep: number;
  /** A GC started (or memory was freed) inside at least one sample's window: the true value is at least this. */
  readonly lowerBound: boolean;
  /** Samples whose window saw a GC start or memory freed, of `samples`. */
  readonly samplesWithGc: number;
  readonly samples: number;
}

let gcFunction: (() => void) | undefined;
/**
 * Everything unreferenced freed: the event loop turns first, since a WeakRef's target (every
 * interned node) stays alive until the job that made or read it ends — a synchronous `gc()` alone
 * frees no graph — then a full GC, and again once the finalizers have dropped the dead entries.
 * The interning table lets go of the nodes a job made 2·10⁵ per turn of the loop, so the turns go
 * on until its size stops changing: two turns after a 10⁵-node compile (10⁶ nodes) left most of
 * them alive, and the next compile of the same graph found them — fixed-point marks and all.
 */
export async function collectAll(): Promise<void> {
  let entries = -1;
  for (let i = 0; i < 50 && (heldStrongly() > 0 || internedCount() !== entries); i++) {
    entries = internedCount();
    for (let j = 0; j < 2; j++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
  }
}

/** A full garbage collection, now (V8's `gc`, exposed at run time). */
export function gc(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
}

const used = () => {
  const u = process.memoryUsage();
  return u.heapUsed + u.arrayBuffers;
};

interface Sample {
  /** Bytes of the steps' window minus those of the empty window before it. */
  readonly bytes: number;
  /** Bytes of the empty window (one read's own allocation). */
  readonly noise: number;
  readonly t0: number;
  readonly t1: number;
}

/**
 * One sample: full GC, then three reads r0, r1, r2 with nothing between the first two and `n` steps
 * between the last two. Each window holds the allocation of one read's result object (boxed
 * numbers and an object, a few hundred bytes while V8 runs the read unoptimized, 0 once optimized),
 * so (r2 − r1) − (r1 − r0) is the steps' allocation whatever the JIT state.
 */
function sample(c: Contender, n: number): Sample {
  // twice: a GC finishes the previous one's sweeping, which otherwise frees memory (ArrayBuffer
  // backing stores) concurrently while the window is open
  gc();
  gc();
  const t0 = performance.now();
  const r0 = used();
  const r1 = used();
  for (let s = 0; s < n; s++) c.step();
  const r2 = used();
  const t1 = performance.now();
  return { bytes: r2 - r1 - (r1 - r0), noise: r1 - r0, t0, t1 };
}

const noiseSeen: number[] = [];

/** The empty windows' bytes over every sample so far (median, extremes, count), for the report. */
export function allocationNoise(): { median: number; min: number; max: number; samples: number } {
  return {
    median: median(noiseSeen),
    min: Math.min(...noiseSeen),
    max: Math.max(...noiseSeen),
    samples: noiseSeen.length,
  };
}

/**
 * Bytes `c` allocates per step, from `samples` windows of `stepsPerSample` steps each. The
 * contender should be warm (run after timing); it is made current (`before`) and reset first, and
 * then steps on from there (steady state: the first step after a reset is not a sample).
 */
export async function allocationPerStep(
  c: Contender,
  options: { samples: number; stepsPerSample: number },
): Promise<Allocation> {
  const n = options.stepsPerSample;
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  c.before?.();
  c.reset();
  c.step();
  const samples = Array.from({ length: options.samples }, () => sample(c, n));
  noiseSeen.push(...samples.map((s) => s.noise));
  // GC entries are queued from a native callback: let them arrive
  await new Promise((resolve) => setTimeout(resolve, 20));
  gcs.push(...observer.takeRecords());
  observer.disconnect();
  // a negative empty window means memory was being freed during the sample: not a clean one either
  const withGc = samples.filter(
    (s) => s.noise < 0 || gcs.some((e) => e.startTime >= s.t0 && e.startTime <= s.t1),
  );
  return {
    bytesPerStep: median(samples.map((s) => s.bytes)) / n,
    lowerBound: withGc.length > 0,
    samplesWithGc: withGc.length,
    samples: samples.length,
  };
}

/** "0 B", "312 B", "≥ 1.25 MiB" (per step; fractional bytes shown when below 10). */
export function fmtBytes(a: Allocation): string {
  const text = bytes(a.bytesPerStep);
  return a.lowerBound ? `≥ ${text}` : text;
}

/** A byte count with a sensible unit. */
export function bytes(b: number): string {
  const abs = Math.abs(b);
  return abs >= 1024 * 1024
    ? `${(b / (1024 * 1024)).toFixed(2)} MiB`
    : abs >= 1024
      ? `${(b / 1024).toFixed(1)} KiB`
      : abs >= 10 || Number.isInteger(b)
        ? `${b.toFixed(0)} B`
        : `${b.toFixed(2)} B`;
}
