/**
 * Input normalization that travels with the model (§5.5.1): `normalize(X)` is (X − X_mean)/X_std,
 * where X_mean and X_std — X's shape with the batch axis 1, (n, 1) for X of (n, m) — are inputs of
 * the graph that a trainer holds as buffers of its state (non-trainable, as PyTorch's buffers):
 * fitted on the training data by `fit`, read by every kernel, saved and loaded with the params,
 * never updated by the optimizer, never regularized, never differentiated (they are not params).
 * So a module's `predict` takes raw inputs. `normalizer(values)` (src/train/data.ts) is the same
 * statistics outside a model.
 */
import * as B from '../builder/core.js';
import { GradgenError, at } from '../errors.js';
import type { InputNode, LeafSig, LeavesOf, Node, RankOf } from '../ir/node.js';
import { isNode } from '../ir/node.js';
import { userCallSite } from '../ir/site.js';
import type { InputValues } from '../ir/values.js';
import { featureStats } from '../runtime/normalize.js';

export interface NormalizerInfo {
  readonly input: InputNode;
  readonly mean: InputNode;
  readonly std: InputNode;
}

const registry = new WeakMap<Node, NormalizerInfo>();

/**
 * (X − μ)/σ per feature of the data input X (examples along its batch axis), with μ and σ the
 * trainer's buffers `X_mean` and `X_std`, fitted on the training data (see the module above).
 */
export function normalize<X extends InputNode>(X: X): Node<LeavesOf<X> | LeafSig, RankOf<X>> {
  if (!isNode(X) || X.kind !== 'input') {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `normalize: expects a data input (input('X', [n, 'm'])), got ${isNode(X) ? `a ${X.kind} node` : String(X)}: μ and σ are fitted on an input's values${at(userCallSite())}`,
    );
  }
  const batch = X.shape.findIndex((d) => typeof d === 'string');
  if (batch < 0) {
    throw new GradgenError(
      'E_SHAPE',
      `normalize: input '${X.name}' has shape (${X.shape.join(', ')}) with no batch axis: μ and σ are over the examples${at(userCallSite())}`,
    );
  }
  const shape = X.shape.map((d, i) => (i === batch ? 1 : d));
  const mean = B.input(`${X.name}_mean`, shape);
  const std = B.input(`${X.name}_std`, shape);
  // known by its buffers (leaves survive what rebuilds nodes: named twins, rewrites)
  const info = { input: X, mean, std };
  registry.set(mean, info);
  registry.set(std, info);
  return B.div(B.sub(X, mean), std) as never;
}

/** The normalizer whose μ or σ `leaf` is, if it is one. */
export function normalizerInfo(leaf: Node): NormalizerInfo | undefined {
  return registry.get(leaf);
}

/**
 * The μ and σ of every normalizer among `leaves`, fitted on `data` (the training set), by buffer
 * name: what a trainer's fit puts in its state (for tools that evaluate the graph without one).
 */
export function fittedBuffers(
  leaves: readonly Node[],
  data: InputValues,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const leaf of leaves) {
    const info = normalizerInfo(leaf);
    const values = info ? data[info.input.name] : undefined;
    if (!info || values === undefined || typeof values === 'number' || info.mean.name in out)
      continue;
    const { shape } = info.input;
    const batch = shape.findIndex((d) => typeof d === 'string');
    const size = (dims: typeof shape) => dims.reduce<number>((p, d) => p * Number(d), 1);
    const inner = size(shape.slice(batch + 1));
    const features = size(shape.slice(0, batch)) * inner;
    const layout = { name: info.input.name, features, inner };
    const stats = featureStats(layout, values, values.length / features, 'normalize');
    out[info.mean.name] = stats.mean;
    out[info.std.name] = stats.std;
  }
  return out;
}
