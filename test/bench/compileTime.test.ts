import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { timeCompileIn } from '../../src/bench/builtCompile.ts';
import {
  compileTable,
  compileTargetLine,
  timeCompile,
  type CompileTiming,
} from '../../src/bench/compileTime.ts';

/** src/ (less the bench) as JavaScript, laid out as dist/ is: a library the child can run. */
function transpiledLibrary(): string {
  const src = new URL('../../src/', import.meta.url).pathname;
  const lib = mkdtempSync(join(tmpdir(), 'gradgen-lib-'));
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' });
  for (const f of files.filter((f) => f.endsWith('.ts') && !f.startsWith('bench/'))) {
    const js = transformSync(readFileSync(join(src, f), 'utf8'), { loader: 'ts', format: 'esm' });
    mkdirSync(dirname(join(lib, f)), { recursive: true });
    writeFileSync(join(lib, f.replace(/\.ts$/, '.js')), js.code);
  }
  return lib;
}

const lib = transpiledLibrary();
afterAll(() => rmSync(lib, { recursive: true, force: true }));

it("the compile-time bench's plain-node child compiles the same graphs as this process, with no loader", async () => {
  const report = timeCompileIn(lib, [300, 600], 2);
  expect(report.execArgv).toEqual([]);
  expect(report.node).toBe(process.version);
  const here = [await timeCompile(300, 2), await timeCompile(600, 2)];
  // the same lines (their comments' call sites differ: the child's bench is not inside the library)
  const lines = (ts: readonly CompileTiming[]) => ts.map((t) => [t.size, t.lines]);
  expect(lines(report.timings)).toEqual(lines(here));
  for (const t of report.timings) {
    expect(t.grad > 0 && t.optimize > 0 && t.emit > 0 && t.totalCpu > 0).toBe(true);
    expect(t.total).toBeCloseTo(t.grad + t.optimize + t.emit, 6);
  }
  const text = compileTable(report.timings);
  expect(text).toContain('| 300 |');
  expect(text).toMatch(/\| 600 \| .* \| \d+\.\d× for 2× \|/);
});

it('the child reports its failure', () => {
  const empty = mkdtempSync(join(tmpdir(), 'gradgen-lib-'));
  try {
    expect(() => timeCompileIn(empty, [300])).toThrow(/compile-time child failed \(1\).*emit/s);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

it("the target's line says met or missed from the 100k timing, and that it was not run without it", () => {
  const at = (wallMs: number): CompileTiming => ({
    size: 100_000,
    build: 0,
    grad: wallMs / 4,
    optimize: wallMs / 2,
    emit: wallMs / 4,
    total: wallMs,
    totalCpu: wallMs * 1.2,
    chars: 0,
    lines: 0,
  });
  expect(compileTargetLine([at(7_990)])).toBe(
    'Target: 100,000 nodes in < 8 s wall: **met** (7.99 s; 9.59 s of CPU).',
  );
  expect(compileTargetLine([at(8_000)])).toMatch(/\*\*missed\*\* \(8\.00 s;/);
  expect(compileTargetLine([{ ...at(1_000), size: 10_000 }])).toMatch(/not run: --quick/);
});
