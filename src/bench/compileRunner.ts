/**
 * Runs inside the plain-node child of ./builtCompile.ts, transpiled into a folder whose other
 * entries are the built library's (dist/): times grad + optimize + emit (./compileTime.ts) for
 * each size in turn, each after the one before is freed, and prints one JSON object
 * (CompileReport).
 *
 * Usage: node bench/compileRunner.js '{"sizes":[1000,10000],"seed":1}'
 */
import { timeCompile, type CompileTiming } from './compileTime.js';

export interface CompileReport {
  readonly node: string;
  /** The child's own node options (none: no TypeScript loader). */
  readonly execArgv: readonly string[];
  readonly timings: readonly CompileTiming[];
}

async function main(arg: string): Promise<void> {
  const { sizes, seed } = JSON.parse(arg) as { sizes: number[]; seed: number };
  const timings: CompileTiming[] = [];
  for (const size of sizes) timings.push(await timeCompile(size, seed));
  const report: CompileReport = { node: process.version, execArgv: process.execArgv, timings };
  process.stdout.write(JSON.stringify(report));
}

await main(process.argv[2]!);
