/**
 * `npm run fuzz -- [--graphs N] [--seed S] [--kind scalar|tensor|both] [--minutes M]`: seeded random scalar
 * graphs (./scalar.ts) and tensor graphs (./tensor.ts) through their checks, counted by outcome;
 * the first case of each failing kind is shrunk by fast-check and printed as builder code. Not
 * part of `npm test` (test/fuzz/fuzz.test.ts runs a few hundred of each).
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import {
  asBuilderCode,
  checkScalarCase,
  isFailure,
  scalarCaseArb,
  type Outcome,
} from './scalar.ts';
import { asTensorBuilderCode, checkTensorCase } from './tensor.ts';
import { tensorCaseArb, type TensorRecipe } from './tensorGraphs.ts';

const { values } = parseArgs({
  options: {
    graphs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    kind: { type: 'string', default: 'both' },
    minutes: { type: 'string', default: 'Infinity' },
  },
});
const graphs = Number(values.graphs);
const seed = Number(values.seed);
/** Per family: no case is started after this long (the counts say how many ran). */
const minutes = Number(values.minutes);
const kinds = values.kind === 'both' ? ['scalar', 'tensor'] : [values.kind!];
if (
  !Number.isInteger(graphs) ||
  graphs < 1 ||
  !Number.isInteger(seed) ||
  !(minutes > 0) ||
  !kinds.every((k) => k === 'scalar' || k === 'tensor')
) {
  console.error(
    'fuzz: --graphs must be a positive integer, --seed an integer, --kind scalar|tensor|both, --minutes a positive number',
  );
  process.exit(2);
}

/** One family of random graphs: how cases are generated, checked and printed. */
interface Family<T> {
  readonly name: string;
  readonly arb: fc.Arbitrary<T>;
  check(c: T): Outcome;
  show(c: T): string;
}

const scalar: Family<[Parameters<typeof asBuilderCode>[0], number[][], number[]]> = {
  name: 'scalar',
  arb: scalarCaseArb,
  check: ([r, p, d]) => checkScalarCase(r, p, d),
  show: ([r, p, d]) =>
    `${asBuilderCode(r)}\n// points ${JSON.stringify(p)}, direction ${JSON.stringify(d)}`,
};
const tensor: Family<TensorRecipe> = {
  name: 'tensor',
  arb: tensorCaseArb,
  check: checkTensorCase,
  show: (r) => `${asTensorBuilderCode(r)}\n// recipe ${JSON.stringify(r)}`,
};

/** Runs a family; true when some case failed. */
function fuzz<T>(family: Family<T>): boolean {
  const started = performance.now();
  const counts = new Map<string, number>();
  const first = new Map<string, { index: number; detail: string }>();
  // one seeded stream of cases, the one fc.check replays (from the failing index) to shrink
  const cases = fc.sample(family.arb, { seed, numRuns: graphs });
  let ran = 0;
  for (const [i, c] of cases.entries()) {
    if (performance.now() - started > minutes * 60_000) break;
    ran++;
    const outcome = family.check(c);
    counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
    if (isFailure(outcome.kind) && !first.has(outcome.kind)) {
      first.set(outcome.kind, { index: i, detail: 'detail' in outcome ? outcome.detail : '' });
    }
    if ((i + 1) % 100 === 0) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      process.stderr.write(`\r${family.name}: ${i + 1}/${graphs} graphs, ${s} s`);
    }
  }
  process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  const limited = ran < graphs ? ` (of ${graphs}: the ${minutes}-minute limit)` : '';
  console.log(
    `fuzz: ${ran} random ${family.name} graphs${limited}, seed ${seed}, ${seconds.toFixed(1)} s`,
  );
  for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${kind.padEnd(48)} ${n}`);
  }
  for (const [kind, { index, detail }] of first) shrink(family, kind, index, detail);
  return first.size > 0;
}

/** The case at `index` shrunk (by fast-check, at most two minutes) while it stays of `kind`. */
function shrink<T>(family: Family<T>, kind: string, index: number, detail: string) {
  console.log(`\n--- ${family.name}: ${kind} (case ${index}): ${detail}`);
  const shrunk = fc.check(
    fc.property(family.arb, (c) => family.check(c).kind !== kind),
    { seed, numRuns: graphs, path: String(index), interruptAfterTimeLimit: 120_000 },
  );
  if (!shrunk.failed || !shrunk.counterexample) return console.log('(did not fail again)');
  const [c] = shrunk.counterexample;
  const again = family.check(c);
  console.log(`shrunk: ${'detail' in again ? again.detail : again.kind}`);
  console.log(family.show(c));
}

const families = { scalar, tensor } as const;
const failed = kinds.map((k) => fuzz(families[k as keyof typeof families] as Family<unknown>));
process.exitCode = failed.some(Boolean) ? 1 : 0;
