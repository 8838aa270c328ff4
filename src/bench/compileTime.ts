/**
 * Compile time versus graph size: grad + optimize + emit for random scalar graphs of 1k, 10k and
 * 100k nodes. Prints the times (wall per stage; the total in CPU time too, which other processes
 * disturb less), the time per node and the growth of CPU time per 10× nodes, so growth that is not
 * about linear shows. The bench runs `timeCompile` on the built package in a plain-node child
 * (./builtCompile.ts), as users run it; so does this file when run as a script.
 */
import { emitModule } from '../emit/module.js';
import { grad } from '../autodiff/grad.js';
import * as B from '../builder/core.js';
import '../builder/fluent.js';
import type { Node } from '../ir/node.js';
import { optimize } from '../rewrite/optimize.js';
import { Rng } from '../rng.js';
import { collectAll } from './alloc.js';
import { table } from './stats.js';

/** A random scalar DAG of about `size` op nodes over 16 inputs, every node reachable from y. */
export function randomScalarGraph(size: number, seed: number): { y: Node; inputs: Node[] } {
  const rng = new Rng(seed);
  const inputs = Array.from({ length: 16 }, (_, i) => B.input(`x${i}`));
  const pool: Node[] = [...inputs];
  const pick = () => pool[Math.max(0, pool.length - 1 - rng.int(Math.min(pool.length, 24)))]!;
  for (let i = 0; i < size; i++) {
    const a = pick();
    const b = pick();
    let n: Node;
    switch (rng.int(6)) {
      case 0:
        n = B.add(a, b);
        break;
      case 1:
        n = B.mul(a, B.tanh(b));
        break;
      case 2:
        n = B.sub(a, B.mul(0.5, b));
        break;
      case 3:
        n = B.sigmoid(B.add(a, rng.uniform()));
        break;
      case 4:
        n = B.mul(a, 0.9);
        break;
      default:
        n = B.tanh(B.add(a, b));
    }
    pool.push(n);
  }
  // fold everything into one cost so nothing is dead
  let y: Node = pool[pool.length - 1]!;
  for (let i = pool.length - 2; i >= Math.max(16, pool.length - 64); i--) y = B.add(y, pool[i]!);
  return { y, inputs };
}

export interface CompileTiming {
  readonly size: number;
  /** Wall milliseconds of building the graph, then of each stage, then of the three stages. */
  readonly build: number;
  readonly grad: number;
  readonly optimize: number;
  readonly emit: number;
  readonly total: number;
  /** CPU time of grad + optimize + emit (user + system, all threads). */
  readonly totalCpu: number;
  /** Characters and lines of the emitted module. */
  readonly chars: number;
  readonly lines: number;
}

/** Wall and CPU milliseconds of each stage, after a full GC (nothing of a run before is alive). */
export async function timeCompile(size: number, seed = 1): Promise<CompileTiming> {
  await collectAll();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const mark = () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
  const { y, inputs } = randomScalarGraph(size, seed);
  const t1 = mark();
  const grads = grad(y, inputs);
  const t2 = mark();
  const outputs: Record<string, Node> = { y };
  grads.forEach((g, i) => (outputs[`dx${i}`] = g));
  const optimized = optimize(outputs);
  const t3 = mark();
  const mod = emitModule(optimized.outputs, { optimize: false, inputs });
  const t4 = mark();
  return {
    size,
    build: t1.ms,
    grad: t2.ms - t1.ms,
    optimize: t3.ms - t2.ms,
    emit: t4.ms - t3.ms,
    total: t4.ms - t1.ms,
    totalCpu: t4.cpuMs - t1.cpuMs,
    chars: mod.source.length,
    lines: mod.source.split('\n').length,
  };
}

/** The markdown table of timings in order of size; growth is CPU time against the row above's. */
export function compileTable(ts: readonly CompileTiming[]): string {
  const rows = ts.map((t, i) => {
    const before = ts[i - 1];
    const growth = before
      ? `${(t.totalCpu / before.totalCpu).toFixed(1)}× for ${(t.size / before.size).toFixed(0)}×`
      : '';
    return [
      String(t.size),
      t.grad.toFixed(0),
      t.optimize.toFixed(0),
      t.emit.toFixed(0),
      (t.total / 1000).toFixed(2),
      (t.totalCpu / 1000).toFixed(2),
      ((t.total * 1000) / t.size).toFixed(1),
      growth,
    ];
  });
  const header = ['nodes', 'grad ms', 'optimize ms', 'emit ms', 'total s', 'total CPU s'];
  return table([...header, 'µs per node', 'CPU growth'], 'rrrrrrrr', rows);
}

/** Issue 14's target: a 100k-node random scalar graph compiles in under 8 s (wall). */
export const COMPILE_TARGET = { size: 100_000, seconds: 8 } as const;

/** The target's line of the report: met or missed, by the timing of its size (none: not run). */
export function compileTargetLine(ts: readonly CompileTiming[]): string {
  const { size, seconds } = COMPILE_TARGET;
  const t = ts.find((x) => x.size === size);
  if (!t) return `Target: ${size.toLocaleString('en')} nodes in < ${seconds} s (not run: --quick).`;
  const wall = t.total / 1000;
  const verdict = wall < seconds ? 'met' : 'missed';
  return `Target: ${size.toLocaleString('en')} nodes in < ${seconds} s wall: **${verdict}** (${wall.toFixed(2)} s; ${(t.totalCpu / 1000).toFixed(2)} s of CPU).`;
}

/** Printed when run as a script: the built package in a plain-node child, as the bench does. */
async function main(): Promise<void> {
  const { timeBuiltCompile } = await import('./builtCompile.js');
  const report = timeBuiltCompile([1_000, 10_000, 100_000]);
  console.log(
    `compile time (grad + optimize + emit) for random scalar graphs, built package (dist/) in plain node ${report.node}:`,
  );
  console.log(compileTable(report.timings));
  console.log(compileTargetLine(report.timings));
}
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
