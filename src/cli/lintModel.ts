/**
 * `gradgen lint`'s sample for a model: a graph model's example point; for a training model, its
 * training data and its params as `init(seed)` draws them (each param's range then widens to at
 * least [−1, 1], as `lint` does for sampled params) and its normalizers' μ and σ fitted on that data.
 */
import { lint, type Finding } from '../check/lint.js';
import { leavesOf } from '../ir/graph.js';
import type { ParamNode } from '../ir/node.js';
import type { InputValue, InputValues } from '../ir/values.js';
import type { Model } from '../model.js';
import { initialValues, Rng } from '../runtime/rng.js';
import { fittedBuffers } from '../train/normalize.js';
import { modelOutputs } from './samples.js';

/** The values `lint` samples the model's ranges from. */
export function lintSample(model: Model, seed: number): InputValues {
  if (model.kind === 'graph') {
    return (typeof model.example === 'function' ? model.example() : model.example) ?? {};
  }
  const values: Record<string, InputValue> = { ...model.data().train };
  const rng = new Rng(seed);
  const leaves = leavesOf([model.loss], model.name);
  const params = leaves.filter((l): l is ParamNode => l.kind === 'param');
  for (const p of params) values[p.name] = initialValues(p.shape as number[], p.init, rng);
  // normalize(X)'s μ and σ as fit fits them on the training data
  return { ...values, ...fittedBuffers(leaves, values) };
}

/** The hazards of a model's outputs and gradients (those `graph` and `explain` show). */
export function lintModel(model: Model, seed = 1): Finding[] {
  return lint(modelOutputs(model), { sample: lintSample(model, seed) });
}
