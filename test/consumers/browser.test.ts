/**
 * A real browser (Debian's chromium, driven by puppeteer-core): the browser bundle of a page
 * importing 'gradgen' is served from a localhost server started here; the page builds the planar
 * net, compiles it with compileTraining (sgd, seed 1) and trains 20 steps, and the result is
 * compared with the same program under Node. A second page is served with a Content-Security-
 * Policy that forbids 'unsafe-eval': there compile must fail with a GradgenError that points to
 * the emit-and-import path. The screenshot goes to .tmp/consumers/screenshots/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  tools,
} from './tools.ts';

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
  | { kind: 'failed'; message: string };

/** What page.ts sets on window. */
type Shown = { gradgenResult?: PageResult };

let server: Server | undefined;
let browser: Browser | undefined;
let userDataDir: string | undefined;
let nodeRun: PlanarRun;

beforeAll(async () => {
  mkdirSync(join(dir, 'out'), { recursive: true });
  for (const f of ['page.ts', 'planarRun.ts', 'planarNode.ts']) {
    copyFileSync(join(fixtures, f), join(dir, f));
  }
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

let bundled: Promise<void> | undefined;
/** The page's browser bundle (esbuild: platform browser, esm); throws esbuild's errors. */
function bundlePage(): Promise<void> {
  bundled ??= build({
    entryPoints: [join(dir, 'page.ts')],
    outfile: join(dir, 'out/page.js'),
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
  return bundled;
}

/** Serves index.html and csp.html (with the CSP header), the bundle and inputs.json. */
async function serve(): Promise<string> {
  if (!server) {
    const html =
      '<!doctype html><meta charset="utf-8"><title>gradgen</title>' +
      '<script type="module" src="/out/page.js"></script><body></body>';
    const files: Record<string, () => [string, string]> = {
      '/out/page.js': () => ['text/javascript', readFileSync(join(dir, 'out/page.js'), 'utf8')],
      '/inputs.json': () => ['application/json', readFileSync(join(dir, 'inputs.json'), 'utf8')],
      '/index.html': () => ['text/html', html],
      '/csp.html': () => ['text/html', html],
      '/shipped.html': () => ['text/html', html],
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
  await bundlePage();
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
