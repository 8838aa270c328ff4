/**
 * The `gradgen` command's start-up time as users meet it: plain `node` on the built CLI
 * (dist/cli/bin.js, built first with `npm run build`), from process start to exit, median over
 * runs. `--version` and `help` must not load the compiler (target < 0.5 s); `compile` on the
 * smallest sample loads everything, for comparison.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface StartupTime {
  readonly command: string;
  readonly medianMs: number;
  readonly minMs: number;
}

export function timeStartup(root: string, runs: number): StartupTime[] {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'ignore' });
  const bin = join(root, 'dist', 'cli', 'bin.js');
  // a model that imports the same built library as the command (as an installed one would)
  const model = join(mkdtempSync(join(tmpdir(), 'gradgen-startup-')), 'costJ.mjs');
  const library = pathToFileURL(join(root, 'dist', 'index.js')).href;
  writeFileSync(
    model,
    `import { add, defineGraph, input, mul } from ${JSON.stringify(library)};\n` +
      `const a = input('a'), b = input('b'), c = input('c');\n` +
      `export default defineGraph({ name: 'costJ', outputs: { J: mul(3, add(a, mul(b, c))) } });\n`,
  );
  const commands = [['--version'], ['help'], ['compile', model]];
  return commands.map((args) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'ignore' });
      times.push(performance.now() - start);
      if (r.status !== 0) throw new Error(`gradgen ${args.join(' ')} exited with ${r.status}`);
    }
    times.sort((a, b) => a - b);
    return {
      command: `gradgen ${args.join(' ').replace(model, 'costJ.mjs')}`,
      medianMs: times[Math.floor(times.length / 2)]!,
      minMs: times[0]!,
    };
  });
}
