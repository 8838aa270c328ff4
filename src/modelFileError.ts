/**
 * Why a model file failed to import, as one line that names the file, the line when the error has
 * one, and the problem: a syntax error (from tsx's esbuild, or from Node for a JavaScript file), an
 * exception thrown while the file runs, or a TypeScript file Node loads as CommonJS. Node-only
 * (the `gradgen/node` entry's loadModel and the command use it); not part of the public API.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SourceSite {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** `file:///a/b.ts` or `/a/b.ts` → an absolute path; undefined for `node:…` and other schemes. */
function stackPath(location: string): string | undefined {
  if (location.startsWith('file://')) return fileURLToPath(location);
  return location.startsWith('/') || /^[A-Za-z]:[\\/]/.test(location) ? location : undefined;
}

/** gradgen's own files (this folder: src/ or dist/), passed over when naming the user's line. */
const ownFolder = dirname(fileURLToPath(import.meta.url));
const isOwnCode = (path: string) => path.startsWith(ownFolder + sep);

/**
 * The first frame of `stack` in the user's code: not Node's internals, not a package under
 * node_modules, not gradgen's own sources.
 */
export function userFrame(stack: string | undefined): SourceSite | undefined {
  for (const line of (stack ?? '').split('\n')) {
    const m = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue;
    const path = stackPath(m[1]!);
    if (!path || path.includes('/node_modules/') || isOwnCode(path)) continue;
    return { path, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/** `path` relative to the cwd when it is below it, else as it is. */
function display(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : path;
}

/** `path` as the user wrote it (`file`) when it is the model file, else {@link display}ed. */
function shown(file: string, modelPath: string, path: string): string {
  return resolve(path) === modelPath ? file : display(path);
}

/** The nearest package.json above `path`, if any. */
function packageJsonOf(path: string): string | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function isModulePackage(packageJson: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { type?: unknown }).type === 'module';
  } catch {
    return false;
  }
}

/** Node's messages when a file it loads as CommonJS imports an ES module (or uses import). */
const COMMONJS =
  /require\(\) ES Module|Cannot use import statement|ERR_REQUIRE|"cjs" output format/;

/**
 * Node's line for a syntax error in a JavaScript file (its SyntaxError carries none): `node
 * --check` prints `file:line` first. Only on this error path, so the cost does not matter.
 */
function javaScriptSyntaxLine(path: string): number | undefined {
  const r = spawnSync(process.execPath, ['--check', path], { encoding: 'utf8', timeout: 10_000 });
  const m = /^(?:file:\/\/)?(.+?):(\d+)\s*$/m.exec(r.stderr ?? '');
  return m ? Number(m[2]) : undefined;
}

/**
 * One line (without the `gradgen:` prefix) saying why `file` (resolved: `path`) failed to import
 * with `error`.
 */
export function importFailure(file: string, path: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0]!;
  // tsx's esbuild: `Transform failed with 1 error:\n/a/model.ts:3:8: ERROR: Unexpected ","`
  const transform = /^(.+?):(\d+):(\d+): ERROR: (.+)$/m.exec(message);
  if (COMMONJS.test(message) && !/\.m[jt]s$/.test(path)) {
    const pkg = packageJsonOf(path);
    if (!pkg || !isModulePackage(pkg)) {
      const where = pkg
        ? `${display(pkg)} has no "type": "module"`
        : 'no package.json says "type": "module"';
      return `${file}: Node loads this file as CommonJS (${where}), and a model file is an ES module: add "type": "module" to the package.json or rename the file to .mts`;
    }
  }
  if (transform && /Transform failed/.test(first)) {
    const [, at, line, column, text] = transform;
    return `${shown(file, path, at!)}:${line}:${column}: cannot compile it: ${text}`;
  }
  if (error instanceof SyntaxError && !/\.[cm]?tsx?$/.test(path)) {
    const line = javaScriptSyntaxLine(path);
    return `${line ? `${file}:${line}` : file}: syntax error: ${first}`;
  }
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  const site = error instanceof Error ? userFrame(error.stack) : undefined;
  if (site && resolve(site.path) === path) {
    return `${file}:${site.line}: cannot import it: ${name}${first}`;
  }
  const at = site ? ` (at ${shown(file, path, site.path)}:${site.line})` : '';
  return `${file}: cannot import it: ${name}${first}${at}`;
}

/** An error's first line, and where in the user's code it was thrown when its stack says. */
export function describeError(e: unknown): string {
  const name = e instanceof Error && e.name !== 'Error' ? `${e.name}: ` : '';
  const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  const site = e instanceof Error ? userFrame(e.stack) : undefined;
  return `${name}${message}${site ? ` (at ${display(site.path)}:${site.line})` : ''}`;
}
