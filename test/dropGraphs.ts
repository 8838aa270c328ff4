/**
 * Run by heap.test.ts as `node --expose-gc --import tsx test/dropGraphs.ts`: builds, differentiates
 * and emits (optimized) ten graphs of about 10⁴ nodes (3,500 and their gradient) one after the
 * other, keeping none, and prints the heap after full collections: before, with one graph alive,
 * and after the ten, with the interning table's size.
 */
import { grad } from '../src/autodiff/grad.ts';
import { randomScalarGraph } from '../src/bench/compileTime.ts';
import { emitModule } from '../src/emit/module.ts';
import { internedCount, type Node } from '../src/ir/node.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Full collections, with turns of the event loop between them for the finalizers to run. */
async function collect(): Promise<number> {
  for (let i = 0; i < 6; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return process.memoryUsage().heapUsed;
}

function compileOne(seed: number): { outputs: Record<string, Node>; chars: number } {
  const { y, inputs } = randomScalarGraph(3_500, seed);
  const outputs: Record<string, Node> = { y };
  grad(y, inputs).forEach((g, i) => (outputs[`d${i}`] = g));
  return { outputs, chars: emitModule(outputs, { inputs }).source.length };
}

compileOne(0); // warm-up: every module loaded, every code path compiled once
const baseline = await collect();
const baselineEntries = internedCount();
let kept: unknown = compileOne(1);
const oneGraph = (await collect()) - baseline;
const oneGraphEntries = internedCount() - baselineEntries;
kept = undefined;
for (let seed = 2; seed < 12; seed++) compileOne(seed);
const after = await collect();
console.log(
  JSON.stringify({
    baseline,
    oneGraph,
    grown: after - baseline,
    oneGraphEntries,
    grownEntries: internedCount() - baselineEntries,
    kept: kept === undefined,
  }),
);
