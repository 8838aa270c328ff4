import type { Node } from './ir/node.ts';
import type { InputValues } from './ir/values.ts';

/**
 * What a model file exports (as `default` or as `model`) so that the `gradgen` command and
 * `npm run codegen` can find it: a name for the generated function and its named outputs.
 *
 * ```ts
 * const J = mul(3, add(a, mul(b, c)));
 * const [da, db, dc] = grad(J, [a, b, c]);
 * export default defineGraph({ name: 'costJ', outputs: { J, da, db, dc } });
 * ```
 */
export interface GraphModel {
  readonly kind: 'graph';
  /** Name of the generated function (and of its file under codegen/). */
  readonly name: string;
  readonly outputs: Readonly<Record<string, Node>>;
  /** Explicit inputs, in signature order (default: those the outputs use). */
  readonly inputs?: readonly Node[];
  /** A point to evaluate and gradient-check the model at (used by `gradgen check`). */
  readonly example?: InputValues | (() => InputValues);
  /** For `gradgen check`: the output that is the cost, and input → gradient-output names. */
  readonly cost?: string;
}

export function defineGraph(model: Omit<GraphModel, 'kind'>): GraphModel {
  return { kind: 'graph', ...model };
}

export type Model = GraphModel;

export function isModel(x: unknown): x is Model {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'graph';
}
