/**
 * Runs once before the consumer checks: packs the package (`npm pack`, whose prepack builds
 * dist/) and installs the tarball into an empty consumer project in a temp folder, the way a user
 * would (`npm install <tarball>`, from the registry). Each check then writes its files into a
 * folder of that project. Measures the tarball and the install for the report.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { artifacts, repoRoot } from './tools.ts';

export interface ConsumerSetup {
  /** The consumer project: package.json ("type": "module") and node_modules/gradgen. */
  readonly project: string;
  readonly tarball: string;
  readonly version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    consumer: ConsumerSetup;
  }
}

interface PackEntry {
  filename: string;
  version: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}

/** Folders under node_modules that hold a package.json (scoped ones counted inside their scope). */
function countPackages(nodeModules: string): number {
  let count = 0;
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const dir = join(nodeModules, entry);
    if (entry.startsWith('@')) count += countPackages(dir);
    else {
      count++;
      try {
        if (statSync(join(dir, 'node_modules')).isDirectory()) {
          count += countPackages(join(dir, 'node_modules'));
        }
      } catch {
        // no nested node_modules
      }
    }
  }
  return count;
}

export default function setup(project: TestProject): () => void {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'gradgen-consumers-'));
  const npmEnv = { ...process.env, npm_config_update_notifier: 'false' };
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: repoRoot,
      env: npmEnv,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).replace(/^[^[]*/s, ''), // prepack's output may come first
  ) as PackEntry[];
  if (!pack) throw new Error('npm pack printed no entry');
  const tarball = join(work, pack.filename);
  const packedMs = Date.now() - started;

  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'gradgen-consumer', private: true, type: 'module' }, null, 2),
  );
  execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund'], {
    cwd: consumer,
    env: npmEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const installSize = execFileSync('du', ['-sh', 'node_modules'], {
    cwd: consumer,
    encoding: 'utf8',
  })
    .split('\t')[0]!
    .trim();
  const measurements = {
    tarball: {
      file: pack.filename,
      bytes: pack.size,
      unpackedBytes: pack.unpackedSize,
      files: pack.entryCount,
    },
    install: {
      nodeModules: installSize,
      packages: countPackages(join(consumer, 'node_modules')),
    },
    packMs: packedMs,
    packAndInstallMs: Date.now() - started,
  };
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'measurements.json'), JSON.stringify(measurements, null, 2));
  console.log(`consumer setup: ${JSON.stringify(measurements)}`);

  project.provide('consumer', { project: consumer, tarball, version: pack.version });
  return () => {
    if (process.env['KEEP_CONSUMERS'] === '1') console.log(`consumer projects kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
}
