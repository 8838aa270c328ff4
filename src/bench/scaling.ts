/**
 * Compile time against graph size, for the graph shapes that used to be super-linear: a scalar
 * chain and a wide scalar tree (each with its gradient), and a tensor elementwise chain on a
 * (4, m) input (one fused loop), at 1k, 10k and 100k nodes. `compile` here is what the API's
 * `compile` does: optimize, lower, render, and load the module. The target: 10× the nodes takes
 * at most 12× the time, compared in CPU time (which other processes on the machine disturb less
 * than wall time), median over repeats, each after a full GC on a freshly built graph (so neither
 * the garbage nor the warm caches of the run before are charged or credited to it). Each size also
 * tries one call of the compiled function.
 */
import { grad } from '../autodiff/grad.js';
import * as B from '../builder/core.js';
import { compile } from '../emit/compile.js';
import { toposort } from '../ir/graph.js';
import type { Node } from '../ir/node.js';
import { collectAll } from './alloc.js';
import { median, table } from './stats.js';

export type GraphKind = 'scalar chain' | 'scalar tree' | 'tensor chain';
export const GRAPH_KINDS: readonly GraphKind[] = ['scalar chain', 'scalar tree', 'tensor chain'];

interface Built {
  readonly outputs: Record<string, Node>;
  readonly inputs: readonly Node[];
  readonly values: Record<string, number | Float64Array>;
}

/** About `n` op nodes in the forward graph (the gradient adds about as many again). */
function build(kind: GraphKind, n: number): Built {
  switch (kind) {
    case 'scalar chain': {
      const x = B.input('x');
      let y: Node = x;
      for (let i = 0; i < n; i++) y = i % 2 === 0 ? B.mul(y, 0.999) : B.tanh(y);
      return { outputs: { y, dx: grad(y, [x])[0]! }, inputs: [x], values: { x: 0.5 } };
    }
    case 'scalar tree': {
      // n/2 leaves tanh(wᵢ·x_{i mod 64}), summed pairwise: depth log₂ n
      const xs = Array.from({ length: 64 }, (_, i) => B.input(`x${i}`));
      let level: Node[] = [];
      for (let i = 0; 2 * level.length < n; i++) {
        level.push(B.tanh(B.mul(xs[i % 64]!, 1 + i / n)));
      }
      while (level.length > 1) {
        const next: Node[] = [];
        for (let i = 0; i < level.length; i += 2)
          next.push(i + 1 < level.length ? B.add(level[i]!, level[i + 1]!) : level[i]!);
        level = next;
      }
      const y = level[0]!;
      const outputs: Record<string, Node> = { y };
      grad(y, xs).forEach((g, i) => (outputs[`dx${i}`] = g));
      const values = Object.fromEntries(xs.map((_, i) => [`x${i}`, (i % 7) / 7 - 0.5]));
      return { outputs, inputs: xs, values };
    }
    case 'tensor chain': {
      const X = B.input('X', [4, 'm']);
      let y: Node = X;
      for (let i = 0; i < n; i++) {
        y = i % 3 === 0 ? B.tanh(y) : i % 3 === 1 ? B.mul(y, 0.999) : B.add(y, 0.001);
      }
      const m = 8;
      const data = Float64Array.from({ length: 4 * m }, (_, i) => Math.sin(i));
      return { outputs: { y }, inputs: [X], values: { X: data } };
    }
  }
}

export interface CompileTiming {
  readonly kind: GraphKind;
  readonly size: number;
  /** Op nodes compiled (forward and gradient). */
  readonly nodes: number;
  /** How many times the graph was built and compiled; the times are medians over them. */
  readonly repeats: number;
  readonly buildMs: number;
  readonly compileMs: number;
  /** The compile's CPU time (user + system, all threads): steadier than wall time on a busy machine. */
  readonly compileCpuMs: number;
  /** The fastest and slowest repeat's CPU time. */
  readonly compileCpuRange: readonly [number, number];
  /** One call's time (the first repeat's), or why the call failed. */
  readonly call: { readonly ms: number } | { readonly error: string };
}

/** One build and compile of `kind` at `size`, after a full GC (nothing of a run before is alive). */
async function timeOnce(kind: GraphKind, size: number) {
  await collectAll();
  const t0 = performance.now();
  const { outputs, inputs, values } = build(kind, size);
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  const f = compile(outputs, { inputs });
  const used = process.cpuUsage(cpu);
  const t2 = performance.now();
  const nodes = toposort(Object.values(outputs)).filter((n) => n.kind === 'apply').length;
  let call: CompileTiming['call'];
  try {
    const c0 = performance.now();
    f(values);
    call = { ms: performance.now() - c0 };
  } catch (e) {
    // a 10⁵-node function is one body too big to call until the emitter splits long functions
    call = { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  const cpuMs = (used.user + used.system) / 1000;
  return { nodes, buildMs: t1 - t0, compileMs: t2 - t1, cpuMs, call };
}

export async function timeScaling(
  kind: GraphKind,
  size: number,
  repeats = 1,
): Promise<CompileTiming> {
  const runs = [];
  for (let i = 0; i < repeats; i++) runs.push(await timeOnce(kind, size));
  const cpus = runs.map((r) => r.cpuMs);
  return {
    kind,
    size,
    nodes: runs[0]!.nodes,
    repeats,
    buildMs: median(runs.map((r) => r.buildMs)),
    compileMs: median(runs.map((r) => r.compileMs)),
    compileCpuMs: median(cpus),
    compileCpuRange: [Math.min(...cpus), Math.max(...cpus)],
    call: runs[0]!.call,
  };
}

/** Repeats per size: small graphs vary most (JIT warm-up, GC timing) and cost least. */
export function repeatsFor(size: number): number {
  return size <= 1_000 ? 7 : size <= 10_000 ? 3 : 1;
}

/** The growth per 10× nodes (median CPU over median CPU) of each timing that has a size before. */
export function growth(timings: readonly CompileTiming[], t: CompileTiming): number | undefined {
  const before = timings.find((u) => u.kind === t.kind && u.size * 10 === t.size);
  return before ? t.compileCpuMs / before.compileCpuMs : undefined;
}

/** The markdown table: per kind and size, the times and the growth (CPU) from the size before. */
export function scalingTable(timings: readonly CompileTiming[]): string {
  const rows = timings.map((t) => {
    const g = growth(timings, t);
    const [lo, hi] = t.compileCpuRange;
    // the call column is the place for the 10⁵-node modules' call time once calls work
    const call =
      'ms' in t.call ? `${t.call.ms.toFixed(2)} ms` : `fails: ${t.call.error.slice(0, 60)}`;
    return [
      t.kind,
      String(t.size),
      String(t.nodes),
      (t.buildMs / 1000).toFixed(2),
      (t.compileMs / 1000).toFixed(2),
      (t.compileCpuMs / 1000).toFixed(2),
      t.repeats > 1 ? `${(lo / 1000).toFixed(2)}–${(hi / 1000).toFixed(2)} (${t.repeats})` : '',
      g === undefined ? '' : `${g.toFixed(1)}×`,
      call,
    ];
  });
  return table(
    [
      'graph',
      'size',
      'op nodes',
      'build s',
      'compile s',
      'compile CPU s',
      'CPU range (repeats)',
      'CPU vs 10× fewer',
      'one call',
    ],
    'lrrrrrrrl',
    rows,
  );
}

/** Printed when run as a script (async: each run waits for the one before to be freed). */
async function main(): Promise<void> {
  const sizes = process.argv.includes('--quick') ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const timings: CompileTiming[] = [];
  for (const kind of GRAPH_KINDS) {
    for (const size of sizes) {
      timings.push(await timeScaling(kind, size, repeatsFor(size)));
      process.stderr.write(`${kind} ${size}: done\n`);
    }
  }
  console.log(scalingTable(timings));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
