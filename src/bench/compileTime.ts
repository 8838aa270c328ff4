/**
 * Compile time versus graph size: grad + optimize + emit for random scalar graphs of 1k, 10k and
 * 100k nodes. Prints the times and the ratio per node, so growth that is not about linear shows.
 */
import { emitModule } from '../emit/module.js';
import { grad } from '../autodiff/grad.js';
import * as B from '../builder/core.js';
import '../builder/fluent.js';
import type { Node } from '../ir/node.js';
import { optimize } from '../rewrite/optimize.js';
import { Rng } from '../rng.js';

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

export function timeCompile(size: number, seed = 1) {
  const t0 = performance.now();
  const { y, inputs } = randomScalarGraph(size, seed);
  const t1 = performance.now();
  const grads = grad(y, inputs);
  const t2 = performance.now();
  const outputs: Record<string, Node> = { y };
  grads.forEach((g, i) => (outputs[`dx${i}`] = g));
  const optimized = optimize(outputs);
  const t3 = performance.now();
  const mod = emitModule(optimized.outputs, { optimize: false, inputs });
  const t4 = performance.now();
  return {
    build: t1 - t0,
    grad: t2 - t1,
    optimize: t3 - t2,
    emit: t4 - t3,
    total: t4 - t1,
    chars: mod.source.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('compile time (grad + optimize + emit) for random scalar graphs:');
  console.log('| nodes | grad ms | optimize ms | emit ms | total s | µs per node |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const size of [1_000, 10_000, 100_000]) {
    const t = timeCompile(size);
    console.log(
      `| ${size} | ${t.grad.toFixed(0)} | ${t.optimize.toFixed(0)} | ${t.emit.toFixed(0)} | ${(t.total / 1000).toFixed(2)} | ${((t.total * 1000) / size).toFixed(1)} |`,
    );
  }
}
