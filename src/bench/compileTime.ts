/**
 * Compile time versus graph size: grad + optimize + emit for random scalar graphs of 1k, 10k and
 * 100k nodes. Prints the times (wall per stage; the total in CPU time too, which other processes
 * disturb less) and the time per node, so growth that is not about linear shows.
 */
import { emitModule } from '../emit/module.js';
import { grad } from '../autodiff/grad.js';
import * as B from '../builder/core.js';
import '../builder/fluent.js';
import type { Node } from '../ir/node.js';
import { optimize } from '../rewrite/optimize.js';
import { Rng } from '../rng.js';
import { collectAll } from './alloc.js';

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

/** Wall and CPU milliseconds of each stage, after a full GC (nothing of a run before is alive). */
export async function timeCompile(size: number, seed = 1) {
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
    build: t1.ms,
    grad: t2.ms - t1.ms,
    optimize: t3.ms - t2.ms,
    emit: t4.ms - t3.ms,
    total: t4.ms - t1.ms,
    /** CPU time of grad + optimize + emit (user + system, all threads). */
    totalCpu: t4.cpuMs - t1.cpuMs,
    chars: mod.source.length,
  };
}

/** Printed when run as a script (async: each run waits for the one before to be freed). */
async function main(): Promise<void> {
  console.log('compile time (grad + optimize + emit) for random scalar graphs:');
  console.log('| nodes | grad ms | optimize ms | emit ms | total s | total CPU s | µs per node |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of [1_000, 10_000, 100_000]) {
    const t = await timeCompile(size);
    console.log(
      `| ${size} | ${t.grad.toFixed(0)} | ${t.optimize.toFixed(0)} | ${t.emit.toFixed(0)} | ${(t.total / 1000).toFixed(2)} | ${(t.totalCpu / 1000).toFixed(2)} | ${((t.total * 1000) / size).toFixed(1)} |`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
