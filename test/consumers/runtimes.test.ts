/**
 * Bun and Deno (the bun and deno devDependencies' binaries): each imports the installed package
 * and compiles J = 3(a + b·c), and runs the generated training module codegen/planar.ts for a few
 * steps, compared with the same run under Node.
 *
 * Deno is V8 like Node, so its costs are the same bits; its parameters, and Bun's
 * (JavaScriptCore), may differ in the last bits through the engines' Math functions: a difference
 * within the bound below is accepted, and it must come from a Math function the module calls
 * (exp, log1p, tanh). mathProbe.mjs tells which functions differ from
 * Node's, on 2,000 arguments each. All results go to .tmp/consumers/runtimes.json.
 *
 * Measured (Node 20.20.2 / V8 11.3, Deno 2.9.6 / V8 15.0, Bun 1.4.5): Node's Math.exp, log1p, log,
 * sin and cos are not correctly rounded on 5–10% of the probed arguments (fdlibm ports); Deno's
 * are correctly rounded on all of them, Bun's exp too (its log1p is like Node's but for one
 * argument); Math.tanh and Math.sqrt give the same bits everywhere. So Deno's costs equal Node's
 * for the first 20 steps (a 1-ulp change in a few terms rarely moves the rounded sum) but its
 * parameters already differ in the last bits (1e-14 relative after 20 steps).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { writePlanarInputs } from './planarData.ts';
import {
  artifacts,
  fixtures,
  ENGINE_BOUND,
  maxRelativeDifference,
  repoRoot,
  requireTool,
  runOk,
  tools,
} from './tools.ts';

const { project } = inject('consumer');
const dir = join(project, 'runtimes');
const STEPS = 20;

interface Run {
  costs: string[];
  params: string[];
}
type Probe = Record<string, string[]>;
const results: Record<string, unknown> = {};
let nodeRun: Run;
let nodeProbe: Probe;

const denoEnv = () => ({
  DENO_DIR: join(project, '.deno'),
  DENO_NO_UPDATE_CHECK: '1',
  NO_COLOR: '1',
});
const runners = {
  bun: (bin: string, file: string) => runOk(bin, [file], { cwd: dir, env: { NO_COLOR: '1' } }),
  // the library's import graph reads the environment and the CPU count (prettier): -A
  deno: (bin: string, file: string) =>
    runOk(bin, ['run', '-A', file], { cwd: dir, env: denoEnv() }),
};

/** Which probed Math functions give other bits than Node's, and on how many of the arguments. */
function mathDifferences(probe: Probe): Record<string, number> {
  const differing: Record<string, number> = {};
  for (const [fn, values] of Object.entries(nodeProbe)) {
    const n = values.filter((v, i) => v !== probe[fn]![i]).length;
    if (n > 0) differing[fn] = n;
  }
  return differing;
}

function record(key: string, value: unknown): void {
  results[key] = value;
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'runtimes.json'), JSON.stringify(results, null, 2));
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  for (const f of ['costJ.mjs', 'train.ts', 'mathProbe.mjs']) {
    copyFileSync(join(fixtures, f), join(dir, f));
  }
  copyFileSync(join(repoRoot, 'codegen/planar.ts'), join(dir, 'planar.ts'));
  writePlanarInputs(join(dir, 'inputs.json'), STEPS);
  // Node runs the same file as JavaScript (Node 20 has no type stripping)
  await build({
    entryPoints: [join(dir, 'train.ts')],
    outfile: join(dir, 'train.node.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
  nodeRun = JSON.parse(await runOk(process.execPath, ['train.node.mjs'], { cwd: dir })) as Run;
  nodeProbe = JSON.parse(await runOk(process.execPath, ['mathProbe.mjs'], { cwd: dir })) as Probe;
  record('node', { version: process.version, v8: process.versions.v8, costs: nodeRun.costs });
});

interface Comparison {
  readonly got: Run;
  readonly why: string;
  readonly differingCosts: number;
  readonly differingParams: number;
  readonly math: Record<string, number>;
  readonly costDifference: number;
  readonly paramDifference: number;
}
const comparisons = new Map<string, Promise<Comparison>>();

/** Runs train.ts and the Math probe once per runtime and compares them with Node's. */
function compareWithNode(runtime: 'bun' | 'deno', bin: string): Promise<Comparison> {
  let comparison = comparisons.get(runtime);
  if (!comparison) {
    comparison = (async () => {
      const version = (await runOk(bin, ['--version'], { cwd: dir, env: denoEnv() })).trim();
      const got = JSON.parse(await runners[runtime](bin, 'train.ts')) as Run;
      const probe = JSON.parse(await runners[runtime](bin, 'mathProbe.mjs')) as Probe;
      const c = {
        got,
        costDifference: maxRelativeDifference(nodeRun.costs, got.costs),
        paramDifference: maxRelativeDifference(nodeRun.params, got.params),
        differingCosts: got.costs.filter((x, i) => x !== nodeRun.costs[i]).length,
        differingParams: got.params.filter((x, i) => x !== nodeRun.params[i]).length,
        math: mathDifferences(probe),
      };
      const summary = {
        version: version.split('\n').join('; '),
        costDifference: c.costDifference,
        paramDifference: c.paramDifference,
        differingCosts: `${c.differingCosts} of ${STEPS}`,
        differingParams: `${c.differingParams} of ${got.params.length}`,
        mathFunctionsDifferingFromNode: c.math,
      };
      record(runtime, summary);
      console.log(`${runtime} vs node ${process.version}: ${JSON.stringify(summary)}`);
      return { ...c, why: `${runtime} vs Node ${process.version}: ${JSON.stringify(summary)}` };
    })();
    comparisons.set(runtime, comparison);
  }
  return comparison;
}

describe.each(['bun', 'deno'] as const)('%s consumer', (runtime) => {
  it('imports the installed library and compiles J = 3(a + b·c)', async (ctx) => {
    const bin = requireTool(ctx, tools[runtime]());
    const out = JSON.parse(await runners[runtime](bin, 'costJ.mjs'));
    expect(out).toEqual({ J: 33, da: 3, db: 6, dc: 9 });
  });

  if (runtime === 'deno') {
    // V8 like Node: the arithmetic is the same IEEE arithmetic, the costs the same bits
    it(`codegen/planar.ts: the costs of ${STEPS} steps equal Node's bit for bit`, async (ctx) => {
      const c = await compareWithNode(runtime, requireTool(ctx, tools[runtime]()));
      expect(c.got.costs, c.why).toEqual(nodeRun.costs);
    });
  }
  // Deno's V8 (15) has correctly rounded Math.exp/log1p where Node 20's V8 (11.3) is off by an ulp
  // on a few percent of arguments, and Bun is JavaScriptCore: parameters agree to a bound, and a
  // difference must come from a Math function the module calls, never from its arithmetic.
  it(`codegen/planar.ts: costs and parameters of ${STEPS} steps within ${ENGINE_BOUND} of Node's, differing only through Math functions`, async (ctx) => {
    const c = await compareWithNode(runtime, requireTool(ctx, tools[runtime]()));
    expect(c.costDifference, c.why).toBeLessThanOrEqual(ENGINE_BOUND);
    expect(c.paramDifference, c.why).toBeLessThanOrEqual(ENGINE_BOUND);
    if (c.differingCosts + c.differingParams > 0) {
      const called = Object.keys(c.math).filter((f) => ['exp', 'log1p', 'tanh'].includes(f));
      expect(called, c.why).not.toEqual([]);
    }
  });
});
