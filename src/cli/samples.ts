/** Loading model files: the convention shared by the `gradgen` command and `npm run codegen`. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { grad } from '../autodiff/grad.ts';
import { emit } from '../emit/module.ts';
import { GradgenError } from '../errors.ts';
import { leavesOf } from '../ir/graph.ts';
import type { Node, ParamNode } from '../ir/node.ts';
import type { InputValue, InputValues } from '../ir/values.ts';
import { isModel, type Model, type TrainingModel } from '../model.ts';
import { compileTraining } from '../train/trainer.ts';

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
      `${file} exports no model: export default defineGraph({ name, outputs }) or defineTraining({ name, loss, optimizer, data }) (or export const model = …)`,
    );
  }
  return model;
}

/** The params a training model's loss depends on, in signature order (W1 b1 W2 b2 …). */
export function lossParams(model: TrainingModel): ParamNode[] {
  return leavesOf([model.loss], model.name).filter((l): l is ParamNode => l.kind === 'param');
}

/**
 * The outputs `graph` and `explain` show: a graph model's own; for a training model the loss as
 * `J`, its `outputs`, and the gradients of the loss with respect to its params (`d<param>`).
 */
export function modelOutputs(model: Model): Readonly<Record<string, Node>> {
  if (model.kind === 'graph') return model.outputs;
  const params = lossParams(model);
  const grads = params.length > 0 ? grad(model.loss, params) : [];
  const outputs: Record<string, Node> = { J: model.loss };
  for (const [key, node] of Object.entries(model.outputs ?? {})) outputs[key] ??= node;
  params.forEach((p, i) => (outputs[`d${p.name}`] ??= grads[i]!));
  return outputs;
}

/** The generated module of a model: `emit` for a graph, the training module for a training model. */
export function moduleSource(model: Model): string {
  return model.kind === 'graph'
    ? emit(model.outputs, { name: model.name, inputs: model.inputs })
    : compileTraining(model).source;
}

/** The data inputs of a training model that carry the batch axis (examples are columns). */
function batchedInputs(model: TrainingModel, data: InputValues): { name: string; rows: number }[] {
  const leaves = leavesOf([model.loss, ...Object.values(model.outputs ?? {})], model.name);
  return leaves
    .filter((l) => l.kind === 'input' && typeof l.shape[l.shape.length - 1] === 'string')
    .filter((l) => data[l.name] !== undefined && typeof data[l.name] !== 'number')
    .map((l) => ({
      name: l.name,
      rows: l.shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1),
    }));
}

/** How many examples `data` holds (1 when no input has a batch axis). */
export function exampleCount(model: TrainingModel, data: InputValues): number {
  const first = batchedInputs(model, data)[0];
  return first ? (data[first.name] as ArrayLike<number>).length / first.rows : 1;
}

/** The first `k` examples (columns) of `data`; inputs without the batch axis are kept whole. */
export function firstExamples(model: TrainingModel, data: InputValues, k: number): InputValues {
  const m = exampleCount(model, data);
  const out: Record<string, InputValue> = { ...data };
  for (const { name, rows } of batchedInputs(model, data)) {
    const v = data[name] as ArrayLike<number>;
    const cut = new Float64Array(rows * k);
    for (let r = 0; r < rows; r++) for (let j = 0; j < k; j++) cut[r * k + j] = v[r * m + j]!;
    out[name] = cut;
  }
  return out;
}
