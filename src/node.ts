/**
 * `gradgen/node`: the Node-only extras (model files, file output). The main entry (`gradgen`) is
 * browser-safe and imports no `node:` module; this one builds on it and may.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GradgenError } from './errors.js';
import { checkModelName, isModel, type Model } from './model.js';
import { importFailure } from './modelFileError.js';

export * from './index.js';
export { loadCsv, type CsvData, type CsvOptions } from './train/csv.js';

/** TypeScript model files need a loader; tsx's is registered once, on the first such file. */
let typeScriptLoader: Promise<unknown> | undefined;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/** Whether this process can already import TypeScript (tsx, Bun, Deno, or Node's type stripping). */
function importsTypeScript(): boolean {
  const g = globalThis as { Bun?: unknown; Deno?: unknown };
  if (g.Bun !== undefined || g.Deno !== undefined) return true;
  return process.execArgv.some((a) => /tsx|ts-node|experimental-strip-types/.test(a));
}

/**
 * Imports a model file (`.ts`, `.mts`, `.js`, `.mjs`) and returns its `default` (or `model`)
 * export. A TypeScript file is loaded through tsx, registered on first use. Errors are
 * `E_MODEL_FILE` naming the file: a missing file, a file that fails to import (one line with the
 * reason and, when known, the line: a syntax error, an exception at import, a `.ts` file Node
 * loads as CommonJS), a file that exports no model.
 */
export async function loadModel(file: string): Promise<Model> {
  const path = resolve(file);
  if (!existsSync(path)) throw new GradgenError('E_MODEL_FILE', `no such file: ${file}`);
  if (TYPESCRIPT_FILE.test(path) && !importsTypeScript()) {
    typeScriptLoader ??= import('tsx/esm/api').then((tsx) => tsx.register());
    await typeScriptLoader;
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    const message =
      e instanceof GradgenError ? `${file}: ${e.message}` : importFailure(file, path, e);
    // the original stays reachable (gradgen --debug prints it)
    throw Object.assign(
      new GradgenError(e instanceof GradgenError ? e.code : 'E_MODEL_FILE', message),
      { cause: e },
    );
  }
  const model = isModel(mod.default) ? mod.default : isModel(mod.model) ? mod.model : undefined;
  if (!model) {
    const names = Object.keys(mod);
    const exported = names.length > 0 ? `it exports ${names.join(', ')}` : 'it exports nothing';
    throw new GradgenError(
      'E_MODEL_FILE',
      `${file} exports no model (${exported}): export default defineGraph({ name, outputs }) or defineTraining({ name, loss, optimizer, data }) (or export const model = …)`,
    );
  }
  try {
    checkModelName(model, file);
  } catch (e) {
    throw new GradgenError('E_MODEL_FILE', (e as Error).message);
  }
  return model;
}

/** Writes a generated module (or any text) to `path`, creating its folder; `E_WRITE` names the path. */
export function writeText(path: string, text: string): void {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new GradgenError(
      'E_WRITE',
      `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
