/**
 * Checking and binding the values a caller passes for a graph's inputs: presence, unknown names,
 * type, length against the declared shape (binding the batch dimension) and finiteness. The
 * reference interpreter uses it; emitted modules carry the same checks as straight-line code.
 */
import { GradgenError } from '../errors.js';
import type { LeafNode, LeafSig, Rank } from './node.js';
import { formatShape } from './shape.js';

/** A value for an input: a number for a scalar, a row-major array for a tensor. */
export type InputValue = number | Float64Array | Float32Array | readonly number[];
export type InputValues = Readonly<Record<string, InputValue>>;
/** A value for a tensor input: row-major, as a typed array or a plain array of numbers. */
export type TensorInput = Float64Array | Float32Array | readonly number[];

/** The value an input of rank `R` takes. */
export type InputValueOf<R extends Rank> = [R] extends ['scalar']
  ? number
  : [R] extends ['tensor']
    ? TensorInput
    : InputValue;

type SureNames<L extends LeafSig> = L extends LeafSig<infer N, Rank, true> ? N : never;
type RankNamed<L extends LeafSig, N extends string> = L extends LeafSig<N, infer R> ? R : never;
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * The inputs object for nodes that read the leaves `L`: a property per leaf, required where the
 * nodes surely read it; `InputValues` when the leaves are not known (a `string` name).
 */
export type InputsFor<L extends LeafSig> = string extends L['name']
  ? InputValues
  : Flatten<
      { readonly [N in SureNames<L>]: InputValueOf<RankNamed<L, N>> } & {
        readonly [N in Exclude<L['name'], SureNames<L>>]?: InputValueOf<RankNamed<L, N>>;
      }
    >;

export interface BoundInputs {
  readonly data: Map<LeafNode, Float64Array>;
  /** Sizes of the symbolic dimensions, e.g. `{ m: 209 }`. */
  readonly dims: Record<string, number>;
}

/**
 * Validates `values` against `leaves`. `known(name)` tells whether an extra name is acceptable
 * (e.g. an input declared elsewhere that this computation ignores); otherwise it is an error.
 */
export function bindInputs(
  leaves: readonly LeafNode[],
  values: unknown,
  where: string,
  known: (name: string) => boolean = () => false,
): BoundInputs {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new GradgenError(
      'E_MISSING_INPUT',
      `${where}: expected an object of named inputs ({ ${leaves.map((l) => l.name).join(', ')} })`,
    );
  }
  const record = values as Record<string, unknown>;
  const takes = new Set(leaves.map((l) => l.name));
  for (const name of Object.keys(record)) {
    if (!takes.has(name) && !known(name)) {
      throw new GradgenError(
        'E_UNKNOWN_INPUT',
        `${where}: unknown input '${name}'; it takes ${[...takes].map((n) => `'${n}'`).join(', ') || 'no inputs'}`,
      );
    }
  }
  // no prototype: a batch dimension may be called `toString` or `constructor`
  const dims: Record<string, number> = Object.create(null) as Record<string, number>;
  const dimSource: Record<string, string> = Object.create(null) as Record<string, string>;
  const data = new Map<LeafNode, Float64Array>();
  for (const leaf of leaves) {
    const v = record[leaf.name];
    const shapeText = formatShape(leaf.shape);
    if (v === undefined) {
      throw new GradgenError(
        'E_MISSING_INPUT',
        `${where}: missing input '${leaf.name}' (shape ${shapeText})`,
      );
    }
    let arr: Float64Array;
    if (leaf.shape.length === 0) {
      if (typeof v !== 'number') {
        throw new GradgenError(
          'E_INPUT_SHAPE',
          `${where}: input '${leaf.name}' is a scalar and needs a number, got ${Array.isArray(v) ? 'an array' : typeof v}`,
        );
      }
      arr = Float64Array.of(v);
    } else {
      if (!(v instanceof Float64Array || v instanceof Float32Array || Array.isArray(v))) {
        throw new GradgenError(
          'E_INPUT_SHAPE',
          `${where}: input '${leaf.name}' has shape ${shapeText} and needs a Float64Array, Float32Array or number[] (row-major), got ${typeof v}`,
        );
      }
      arr = Float64Array.from(v as ArrayLike<number>);
      let fixed = 1;
      let symbolic: string | undefined;
      for (const d of leaf.shape) {
        if (typeof d === 'number') fixed *= d;
        else symbolic = d;
      }
      if (symbolic === undefined) {
        if (arr.length !== fixed) {
          throw new GradgenError(
            'E_INPUT_SHAPE',
            `${where}: input '${leaf.name}' has shape ${shapeText} = ${fixed} values, got ${arr.length}`,
          );
        }
      } else {
        const size = arr.length / fixed;
        if (!Number.isInteger(size) || size < 1) {
          throw new GradgenError(
            'E_INPUT_SHAPE',
            `${where}: input '${leaf.name}' has shape ${shapeText}: its length must be a positive multiple of ${fixed}, got ${arr.length}`,
          );
        }
        const bound = dims[symbolic];
        if (bound !== undefined && bound !== size) {
          throw new GradgenError(
            'E_INPUT_SHAPE',
            `${where}: batch dimension '${symbolic}' is ${bound} in input '${dimSource[symbolic]}' but ${size} in input '${leaf.name}'`,
          );
        }
        dims[symbolic] = size;
        dimSource[symbolic] = leaf.name;
      }
    }
    for (let i = 0; i < arr.length; i++) {
      if (!Number.isFinite(arr[i]!)) {
        throw new GradgenError(
          'E_NONFINITE_INPUT',
          `${where}: input '${leaf.name}' has a non-finite value ${arr[i]}${arr.length > 1 ? ` at index ${i}` : ''}`,
        );
      }
    }
    data.set(leaf, arr);
  }
  return { data, dims };
}
