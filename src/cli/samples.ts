/** Loading model files: the convention shared by the `gradgen` command and `npm run codegen`. */
import { grad } from '../autodiff/grad.js';
import { emitModule } from '../emit/module.js';
import type { Target } from '../kernel/ir.js';
import { sameCallSite } from '../ir/site.js';
import { leavesOf } from '../ir/graph.js';
import type { Node, ParamNode } from '../ir/node.js';
import type { InputValue, InputValues } from '../ir/values.js';
import type { Model, TrainingModel } from '../model.js';
import { compileTraining } from '../train/trainer.js';

export class CliError extends Error {
  override readonly name = 'CliError';
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
/** The module for `target`, and on the wasm target its kernels' text (WAT). */
export function moduleFiles(model: Model, target: Target): { source: string; wat?: string } {
  if (model.kind === 'graph') {
    const mod = emitModule(model.outputs, { name: model.name, inputs: model.inputs, target });
    return { source: mod.source, ...(mod.wasm ? { wat: mod.wasm.wat } : {}) };
  }
  // the variant keeps the model's call site (the L2 penalty and the cost are attributed to it)
  const t = compileTraining(target === 'ts' ? model : sameCallSite(model, { ...model, target }));
  return { source: t.source, ...(t.wat !== undefined ? { wat: t.wat } : {}) };
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
