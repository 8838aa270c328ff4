/**
 * `npm run fuzz -- [--graphs N] [--seed S]`: seeded random scalar graphs through the checks of
 * ./scalar.ts, counted by outcome; the first case of each failing kind is shrunk by fast-check
 * and printed as builder code. Not part of `npm test` (test/fuzz/fuzz.test.ts runs a few hundred).
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { asBuilderCode, checkScalarCase, scalarCaseArb } from './scalar.ts';

const { values } = parseArgs({
  options: { graphs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
});
const graphs = Number(values.graphs);
const seed = Number(values.seed);
if (!Number.isInteger(graphs) || graphs < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --graphs must be a positive integer and --seed an integer');
  process.exit(2);
}

const started = performance.now();
const counts = new Map<string, number>();
const first = new Map<string, string>();
// one seeded stream of cases, the same one fc.check replays below to shrink a failure
const cases = fc.sample(scalarCaseArb, { seed, numRuns: graphs });
cases.forEach(([recipe, points, direction], i) => {
  const outcome = checkScalarCase(recipe, points, direction);
  counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
  if ('detail' in outcome && !first.has(outcome.kind)) first.set(outcome.kind, outcome.detail);
  if ((i + 1) % 1000 === 0) {
    const s = ((performance.now() - started) / 1000).toFixed(0);
    process.stderr.write(`\r${i + 1}/${graphs} graphs, ${s} s`);
  }
});
process.stderr.write('\n');

const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${graphs} random scalar graphs, seed ${seed}, ${seconds.toFixed(1)} s`);
for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${kind.padEnd(28)} ${n}`);
}
for (const [kind, detail] of first) {
  const shrunk = fc.check(
    fc.property(scalarCaseArb, ([r, p, d]) => checkScalarCase(r, p, d).kind !== kind),
    { seed, numRuns: graphs },
  );
  console.log(`\n--- ${kind}: ${detail}`);
  if (shrunk.failed && shrunk.counterexample) {
    const [[recipe, points, direction]] = shrunk.counterexample;
    const again = checkScalarCase(recipe, points, direction);
    console.log(`shrunk: ${'detail' in again ? again.detail : again.kind}`);
    console.log(asBuilderCode(recipe));
    console.log(`// points ${JSON.stringify(points)}, direction ${JSON.stringify(direction)}`);
  }
}
process.exitCode = [...counts.keys()].some((k) => k !== 'ok' && k !== 'skipped') ? 1 : 0;
