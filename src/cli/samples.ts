/** Loading model files: the convention shared by the `gradgen` command and `npm run codegen`. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GradgenError } from '../errors.ts';
import { isModel, type Model } from '../model.ts';

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Imports a model file and returns its `default` (or `model`) export. */
export async function loadModel(file: string): Promise<Model> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`no such file: ${file}`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof GradgenError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
  const model = isModel(mod.default) ? mod.default : isModel(mod.model) ? mod.model : undefined;
  if (!model) {
    throw new CliError(
      `${file} exports no model: export default defineGraph({ name, outputs }) (or export const model = …)`,
    );
  }
  return model;
}
