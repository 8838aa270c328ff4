/**
 * A real browser (Debian's chromium, driven by puppeteer-core): the browser bundle of a page
 * importing 'gradgen' is served from a localhost server started here; the page builds the planar
 * net, compiles it with compileTraining (sgd, seed 1) and trains 20 steps, and the result is
 * compared with the same program under Node. A second page is served with a Content-Security-
 * Policy that forbids 'unsafe-eval': there compile must fail with a GradgenError that points to
 * the emit-and-import path. The wasm pages import wasm-target modules the installed package
 * emitted (fixtures/wasmEmit.mjs, batch limit 8) and call them on the main thread and in a module
 * worker (fixtures/wasmPage.ts): where the main thread compiles a module of the kernels' size only
 * asynchronously, a call before `ready` is E_NOT_READY and a batch over the limit says to await
 * setup. The screenshots go to .tmp/consumers/screenshots/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildFailure } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writePlanarInputs } from './planarData.ts';
import {
  artifacts,
  ENGINE_BOUND,
  repoRoot,
  fixtures,
  maxRelativeDifference,
  requireTool,
  runOk,
  scaledDifference,
  tools,
  WASM_FLOAT32_BOUND,
  WASM_FLOAT64_BOUND,
} from './tools.ts';
import type { Attempt } from './fixtures/wasmCalls.ts';

const { project } = inject('consumer');
const dir = join(project, 'browser');
const STEPS = 20;
/** No eval, no new Function: what a strict site sends. */
const CSP = "default-src 'self'; script-src 'self'";

interface PlanarRun {
  costs: string[];
  params: string[];
  /** The emitted training module without its call sites (see fixtures/planarRun.ts). */
  source: string;
}
type PageResult =
  | ({ kind: 'trained' } & PlanarRun)
  | { kind: 'compile-error'; isGradgenError: boolean; name: string; code?: string; message: string }
  | { kind: 'compiled'; J: unknown }
  | { kind: 'shipped'; costs: string[]; params: string[] }
  | ({ kind: 'wasm' } & WasmPageRun)
  | { kind: 'failed'; message: string };

/** What wasmPage.ts reports: per dtype on the main thread, and float64 in a worker. */
interface MainThreadRun {
  readonly early: Attempt;
  readonly small: { readonly wasm: Attempt; readonly ts: Attempt };
  readonly tooLarge: Attempt;
  readonly large: { readonly wasm: Attempt; readonly ts: Attempt };
}
interface Probe {
  readonly size: number;
  /** 'ok', or the error of `new WebAssembly.Module` / `new WebAssembly.Instance` on the thread. */
  readonly compile: string;
  readonly instance: string;
}
interface WasmPageRun {
  readonly probes: readonly Probe[];
  readonly float64: MainThreadRun;
  readonly float32: MainThreadRun;
  /** wasm.html only. */
  readonly worker?: Readonly<Record<'early' | 'small' | 'large' | 'tsSmall' | 'tsLarge', Attempt>>;
}
/** The batch limit wasmEmit.mjs is given, and the batches wasmPage.ts calls with. */
const MAX_BATCH = 8;
const [SMALL, LARGE] = [6, 50];

/** What page.ts sets on window. */
type Shown = { gradgenResult?: PageResult };

let server: Server | undefined;
let browser: Browser | undefined;
let userDataDir: string | undefined;
let nodeRun: PlanarRun;
let emitted: { maxBatch: number; kernelBytes: Record<'float64' | 'float32', number> };

beforeAll(async () => {
  mkdirSync(join(dir, 'out'), { recursive: true });
  for (const f of [
    'page.ts',
    'planarRun.ts',
    'planarNode.ts',
    'wasmEmit.mjs',
    'wasmCalls.ts',
    'wasmPage.ts',
    'wasmWorker.ts',
    'syncLimit.ts',
  ]) {
    copyFileSync(join(fixtures, f), join(dir, f));
  }
  // the wasm-target modules (and the TS-target ones to compare with), emitted by the package
  emitted = JSON.parse(
    await runOk(process.execPath, ['wasmEmit.mjs', String(MAX_BATCH)], { cwd: dir }),
  ) as typeof emitted;
  // the generated training module, as a user ships it inside an app
  copyFileSync(join(repoRoot, 'codegen', 'planar.ts'), join(dir, 'planarModule.ts'));
  writePlanarInputs(join(dir, 'inputs.json'), STEPS);
  // the Node run: the same trainPlanar, importing the installed package
  await build({
    entryPoints: [join(dir, 'planarNode.ts')],
    outfile: join(dir, 'out/planarNode.mjs'),
    absWorkingDir: dir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
  nodeRun = JSON.parse(
    await runOk(process.execPath, ['out/planarNode.mjs'], { cwd: dir }),
  ) as PlanarRun;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

const bundles = new Map<string, Promise<void>>();
/**
 * A page's browser bundle (esbuild: platform browser, esm) into out/; throws esbuild's errors.
 * The planar pages bundle page.ts, wasm.html wasmPage.ts and its worker.
 */
function bundle(entries: readonly string[]): Promise<void> {
  const key = entries.join(',');
  let bundled = bundles.get(key);
  if (!bundled) {
    bundled = build({
      entryPoints: entries.map((e) => join(dir, e)),
      outdir: join(dir, 'out'),
      absWorkingDir: dir,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    }).then(
      () => undefined,
      (e: Partial<BuildFailure>) => {
        const errors = (e.errors ?? [])
          .map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`)
          .join('\n');
        throw new Error(`the page's browser bundle failed:\n${errors || String(e)}`);
      },
    );
    bundles.set(key, bundled);
  }
  return bundled;
}
const bundlePage = (path: string) =>
  bundle(path.startsWith('/wasm') ? ['wasmPage.ts', 'wasmWorker.ts'] : ['page.ts']);

/** Serves index.html, csp.html (with the CSP header), shipped.html, wasm.html, the bundles and inputs.json. */
async function serve(): Promise<string> {
  if (!server) {
    const htmlOf = (script: string) =>
      '<!doctype html><meta charset="utf-8"><title>gradgen</title>' +
      `<script type="module" src="${script}"></script><body></body>`;
    const html = htmlOf('/out/page.js');
    const script = (file: string) => (): [string, string] => [
      'text/javascript',
      readFileSync(join(dir, 'out', file), 'utf8'),
    ];
    const files: Record<string, () => [string, string]> = {
      '/out/page.js': script('page.js'),
      '/out/wasmPage.js': script('wasmPage.js'),
      '/out/wasmWorker.js': script('wasmWorker.js'),
      '/inputs.json': () => ['application/json', readFileSync(join(dir, 'inputs.json'), 'utf8')],
      '/index.html': () => ['text/html', html],
      '/csp.html': () => ['text/html', html],
      '/shipped.html': () => ['text/html', html],
      '/wasm.html': () => ['text/html', htmlOf('/out/wasmPage.js')],
      '/wasm-4kb.html': () => ['text/html', htmlOf('/out/wasmPage.js')],
    };
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const file = files[path === '/' ? '/index.html' : path];
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      const [type, body] = file();
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(path === '/csp.html' ? { 'content-security-policy': CSP } : {}),
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  }
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function launch(executablePath: string): Promise<Browser> {
  if (!browser) {
    userDataDir = mkdtempSync(join(tmpdir(), 'gradgen-chromium-'));
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${userDataDir}`,
      ],
    });
  }
  return browser;
}

/** Opens a page and waits for its window.gradgenResult; saves a screenshot when asked. */
async function openPage(chromium: string, path: string, screenshot?: string): Promise<PageResult> {
  const b = await launch(chromium);
  await bundlePage(path);
  const page = await b.newPage();
  const problems: string[] = [];
  // an error that stops the page's module (e.g. while it loads) ends the wait at once
  const stopped = new Promise<never>((_, reject) =>
    page.on('pageerror', (e) => reject(new Error(`${path}: the page failed: ${String(e)}`))),
  );
  stopped.catch(() => {}); // it may reject before the race below is awaited
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  try {
    await page.goto(`${await serve()}${path}`);
    const shown = page
      .waitForFunction(() => (globalThis as Shown).gradgenResult !== undefined, { timeout: 60_000 })
      .catch((e: unknown) => {
        throw new Error(
          `${path}: no result (${String(e)}); console errors: ${problems.join('; ')}`,
        );
      });
    await Promise.race([shown, stopped]);
    if (screenshot) {
      mkdirSync(join(artifacts, 'screenshots'), { recursive: true });
      await page.screenshot({ path: join(artifacts, 'screenshots', screenshot), fullPage: true });
    }
    return (await page.evaluate(() => (globalThis as Shown).gradgenResult)) as PageResult;
  } finally {
    await page.close();
  }
}

let trained: Promise<PageResult> | undefined;

describe('browser consumer (chromium)', () => {
  it(`trains the planar net in the page: the ${STEPS} costs equal Node's bit for bit`, async (ctx) => {
    trained ??= openPage(requireTool(ctx, tools.chromium()), '/', 'planar.png');
    const result = await trained;
    if (result.kind !== 'trained') expect.fail(`the page did not train: ${JSON.stringify(result)}`);
    expect(result.costs).toEqual(nodeRun.costs);
  });

  // Chromium's V8 is newer than Node 20's, with correctly rounded Math.exp/log1p (Node's are an
  // ulp off on a few percent of arguments; see runtimes.test.ts): the last bits may differ
  it(`the parameters after ${STEPS} steps in the page are within ${ENGINE_BOUND} of Node's`, async (ctx) => {
    trained ??= openPage(requireTool(ctx, tools.chromium()), '/', 'planar.png');
    const result = await trained;
    if (result.kind !== 'trained') expect.fail(`the page did not train: ${JSON.stringify(result)}`);
    expect(result.params.length).toBe(nodeRun.params.length);
    expect(maxRelativeDifference(result.params, nodeRun.params)).toBeLessThanOrEqual(ENGINE_BOUND);
  });

  it('the training module emitted in the page is byte-identical to the one Node emits', async (ctx) => {
    trained ??= openPage(requireTool(ctx, tools.chromium()), '/', 'planar.png');
    const result = await trained;
    if (result.kind !== 'trained') expect.fail(`the page did not train: ${JSON.stringify(result)}`);
    expect(result.source).toContain('export function trainLossAndGrad(');
    expect(result.source).toBe(nodeRun.source);
  });

  it(`the shipped module codegen/planar.ts trains in the page: ${STEPS} costs equal the library's in Node bit for bit, parameters within ${ENGINE_BOUND}`, async (ctx) => {
    const result = await openPage(
      requireTool(ctx, tools.chromium()),
      '/shipped.html',
      'shipped.png',
    );
    if (result.kind !== 'shipped') expect.fail(`the page did not train: ${JSON.stringify(result)}`);
    expect(result.costs).toEqual(nodeRun.costs);
    expect(maxRelativeDifference(result.params, nodeRun.params)).toBeLessThanOrEqual(ENGINE_BOUND);
  });

  it("under a CSP without 'unsafe-eval', compile fails with a GradgenError pointing to emit", async (ctx) => {
    const result = await openPage(requireTool(ctx, tools.chromium()), '/csp.html', 'csp.png');
    if (result.kind !== 'compile-error') {
      expect.fail(`compile did not fail as expected: ${JSON.stringify(result)}`);
    }
    expect(result.isGradgenError, JSON.stringify(result)).toBe(true);
    expect(`${result.code} ${result.message}`).toMatch(/emit/);
  });
});

/** Chromium's main thread compiles larger modules only asynchronously (8 MiB in Chromium 156). */
const SYNC_LIMIT = 8 * 1024 * 1024;
const wasmPages = new Map<string, Promise<WasmPageRun>>();
/** A wasm page's run, opened once for the checks below; it probes the kernels' sizes and the limit. */
function wasmRun(chromium: string, page: '/wasm.html' | '/wasm-4kb.html'): Promise<WasmPageRun> {
  let run = wasmPages.get(page);
  if (!run) {
    const probe = [emitted.kernelBytes.float64, emitted.kernelBytes.float32, SYNC_LIMIT + 1];
    const name = page.slice(1).replace('.html', '');
    run = openPage(chromium, `${page}?probe=${probe.join(',')}`, `${name}.png`).then((result) => {
      if (result.kind !== 'wasm') throw new Error(`${page} failed: ${JSON.stringify(result)}`);
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, `browser-${name}.json`), JSON.stringify(result, null, 2));
      return result;
    });
    wasmPages.set(page, run);
  }
  return run;
}

function bitsOf(a: Attempt, what: string): string[] {
  if (!a.ok) expect.fail(`${what} threw ${a.code}: ${a.message}`);
  return a.bits;
}

const DTYPES = [
  ['float64', WASM_FLOAT64_BOUND, maxRelativeDifference, 'relative'],
  ['float32', WASM_FLOAT32_BOUND, scaledDifference, "relative to each output's scale"],
] as const;

/** What the page's main thread does with a module of `size` bytes (its probe). */
function probeOf(run: WasmPageRun, size: number): Probe {
  const probe = run.probes.find((p) => p.size === size);
  if (!probe) expect.fail(`no probe of ${size} bytes in ${JSON.stringify(run.probes)}`);
  return probe;
}

describe.each([
  ['/wasm.html', "Chromium's own limit"],
  ['/wasm-4kb.html', 'the main thread limited to 4 KB as in older Chromium'],
] as const)(
  'browser consumer (chromium), %s (%s): an emitted wasm-target module',
  (page, _limit) => {
    it('the main thread refuses to compile some module synchronously (the limit the checks below meet)', async (ctx) => {
      const run = await wasmRun(requireTool(ctx, tools.chromium()), page);
      const refused = run.probes.filter((p) => p.compile !== 'ok');
      expect(refused.map((p) => p.compile).join('\n')).toMatch(/RangeError.*main thread/);
      if (page === '/wasm-4kb.html') {
        for (const [dtype] of DTYPES) {
          expect(emitted.kernelBytes[dtype], dtype).toBeGreaterThan(4096);
          expect(probeOf(run, emitted.kernelBytes[dtype]).compile, dtype).not.toBe('ok');
        }
      }
    });

    for (const [dtype, bound, difference, how] of DTYPES) {
      it(`main thread, ${dtype}: a call before await ready runs where the thread compiles the kernels synchronously, else throws E_NOT_READY`, async (ctx) => {
        const run = await wasmRun(requireTool(ctx, tools.chromium()), page);
        const r = run[dtype];
        if (probeOf(run, emitted.kernelBytes[dtype]).compile === 'ok') {
          expect(bitsOf(r.early, 'the call before await ready')).toEqual(
            bitsOf(r.small.wasm, 'the call after'),
          );
        } else {
          expect(r.early).toMatchObject({
            ok: false,
            code: 'E_NOT_READY',
            message: expect.stringMatching(/await ready/),
          });
        }
      });

      it(`main thread, ${dtype}: after await ready the results agree with the TS-target module within ${bound} ${how}`, async (ctx) => {
        const { [dtype]: r } = await wasmRun(requireTool(ctx, tools.chromium()), page);
        const wasm = bitsOf(r.small.wasm, `the wasm module (batch ${SMALL})`);
        expect(wasm.length).toBe(1 + 20 + 4 + 4 + 1);
        expect(difference(bitsOf(r.small.ts, 'the TS module'), wasm)).toBeLessThanOrEqual(bound);
      });

      it(`main thread, ${dtype}: a batch above maxBatch runs where the thread instantiates synchronously, else throws E_BATCH_TOO_LARGE saying to await setup; after it the batch agrees`, async (ctx) => {
        const run = await wasmRun(requireTool(ctx, tools.chromium()), page);
        const r = run[dtype];
        expect(LARGE).toBeGreaterThan(emitted.maxBatch);
        if (probeOf(run, emitted.kernelBytes[dtype]).instance === 'ok') {
          const grown = bitsOf(r.tooLarge, `the wasm module (batch ${LARGE} > maxBatch)`);
          expect(difference(bitsOf(r.large.ts, 'the TS module'), grown)).toBeLessThanOrEqual(bound);
        } else {
          expect(r.tooLarge).toMatchObject({
            ok: false,
            code: 'E_BATCH_TOO_LARGE',
            message: expect.stringContaining(`await setup({ maxBatch: ${LARGE} })`),
          });
        }
        const wasm = bitsOf(r.large.wasm, `the wasm module after setup (batch ${LARGE})`);
        expect(difference(bitsOf(r.large.ts, 'the TS module'), wasm)).toBeLessThanOrEqual(bound);
      });
    }
  },
);

describe('browser consumer (chromium), a worker: an emitted wasm-target module', () => {
  it('is ready at once (a call before await ready runs), a batch above maxBatch lays out a larger memory, both agree with the TS-target module', async (ctx) => {
    const { worker } = await wasmRun(requireTool(ctx, tools.chromium()), '/wasm.html');
    if (!worker) expect.fail('wasm.html reported no worker run');
    const early = bitsOf(worker.early, 'the call before await ready');
    expect(bitsOf(worker.small, 'the call after await ready')).toEqual(early);
    const ts = bitsOf(worker.tsSmall, 'the TS module');
    expect(maxRelativeDifference(ts, early)).toBeLessThanOrEqual(WASM_FLOAT64_BOUND);
    const large = bitsOf(worker.large, `the wasm module (batch ${LARGE} > maxBatch)`);
    const tsLarge = bitsOf(worker.tsLarge, 'the TS module');
    expect(maxRelativeDifference(tsLarge, large)).toBeLessThanOrEqual(WASM_FLOAT64_BOUND);
  });
});
