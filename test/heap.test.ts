/**
 * The interning table holds nodes weakly: graphs nobody references are freed. Measured in a child
 * process with --expose-gc (full collections on demand), so the suite's own heap does not matter.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;

describe('memory', () => {
  it('the heap returns to its baseline after ten dropped 10⁴-node graphs', () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/dropGraphs.ts'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout) as {
      oneGraph: number;
      grown: number;
      oneGraphEntries: number;
      grownEntries: number;
    };
    // one graph alive costs megabytes and ~10⁴ table entries: the measurement means something
    expect(m.oneGraph).toBeGreaterThan(2 ** 20);
    expect(m.oneGraphEntries).toBeGreaterThan(9_000);
    // ten dropped graphs leave less than a quarter of one (they left ten before: 41 → 119 MiB)
    expect(m.grown).toBeLessThan(m.oneGraph / 4);
    expect(m.grownEntries).toBeLessThan(m.oneGraphEntries / 10);
  });
});
