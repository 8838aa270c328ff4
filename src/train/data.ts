/**
 * Data helpers that work without a model: `splitData` (train/dev/test sets, §5.1.1) and
 * `normalizer` (input normalization, §5.5.1). They run
 * the training runtime's own implementation (the one a trainer's `splitData` runs), given the
 * layouts a model would know from its inputs' shapes — here told by the data itself.
 */
import { GradgenError, at } from '../errors.js';
import { userCallSite } from '../ir/site.js';
import { checkOptions, describeOption } from '../options.js';
import { GradgenInputError } from '../runtime/error.js';
import { applyStats, featureStats } from '../runtime/normalize.js';
import {
  SPLIT_OPTIONS,
  splitExamples,
  type Data,
  type DataLayout,
  type DataSplit,
  type SplitOptions,
  type Values,
} from '../runtime/trainer.js';

/** A tensor with its shape (examples on the last axis, or the first with `layout: 'rows'`). */
export interface ShapedValues {
  readonly data: Values;
  readonly shape: readonly number[];
}

/**
 * Data for the standalone helpers: per input, a number (passed through), a {@link ShapedValues},
 * a nested array of rows — (features, m), or (m, features) with `layout: 'rows'` — or flat
 * row-major values, whose number of examples another input (or the `examples` option) tells.
 */
export type StandaloneData = Readonly<
  Record<string, number | Values | readonly (readonly number[])[] | ShapedValues>
>;

export interface StandaloneSplitOptions extends SplitOptions {
  /** The number of examples, when every input is flat values (as `loadCsv` returns them). */
  readonly examples?: number;
}

const STANDALONE_SPLIT_OPTIONS = {
  ...SPLIT_OPTIONS,
  examples: { type: 'number', integer: true, min: 1 },
} as const;

/**
 * Train, dev and test sets (§5.1.1) of a data object whose examples are columns: the examples
 * shuffled with `seed` (default 1), `dev` and `test` of them (a count, or a fraction in (0, 1),
 * rounded) taken for those sets, the rest for training. Every input keeps its examples together
 * (X's column j stays with Y's column j). The sets are flat, examples as columns: what a
 * trainer's `fit` takes. The same implementation as a trainer's `splitData`.
 *
 * ```ts
 * const { train, dev, test } = splitData({ X: { data: x, shape: [2, m] }, Y: y }, { dev: 0.2, test: 0.1, seed: 7 });
 * ```
 */
export function splitData(data: StandaloneData, options: StandaloneSplitOptions): DataSplit {
  checkOptions('splitData', options, STANDALONE_SPLIT_OPTIONS);
  const { examples, ...split } = options ?? {};
  const { layouts, values } = layoutsOf(data, examples, split.layout === 'rows');
  try {
    return splitExamples({ name: '', data: layouts, params: [] }, values, split);
  } catch (e) {
    throw asLibraryError(e);
  }
}

/** A runtime error (GradgenInputError) as the library's GradgenError, with the user's call site. */
export function asLibraryError(e: unknown): unknown {
  if (e instanceof GradgenInputError)
    return new GradgenError(e.code as never, `${e.message}${at(userCallSite())}`);
  return e;
}

function isShaped(v: unknown): v is ShapedValues {
  return typeof v === 'object' && v !== null && 'data' in v && 'shape' in v;
}

function isValues(v: unknown): v is Values {
  return (
    v instanceof Float64Array ||
    v instanceof Float32Array ||
    (Array.isArray(v) && (v.length === 0 || typeof v[0] === 'number'))
  );
}

/**
 * Each input's layout (elements per example), from its shape or its rows, and the flat ones'
 * from the number of examples the others (or `examples`) give.
 */
function layoutsOf(
  data: StandaloneData,
  examples: number | undefined,
  rows: boolean,
): { layouts: DataLayout[]; values: Data } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `splitData: expects an object of named data inputs ({ X, Y }), got ${describeOption(data)}${at(userCallSite())}`,
    );
  }
  const layouts: DataLayout[] = [];
  const values: Record<string, Data[string]> = {};
  const flat: string[] = [];
  let m = examples;
  const layout = (name: string, fixed: number) =>
    layouts.push({ name, fixed, batched: true, inner: 1 });
  for (const [name, v] of Object.entries(data)) {
    if (typeof v === 'number') {
      values[name] = v;
      layouts.push({ name, fixed: 1, batched: false, inner: 1 });
    } else if (isShaped(v)) {
      const shape = checkShape(name, v);
      layout(name, rows ? shape.slice(1).reduce((a, b) => a * b, 1) : elementsPerColumn(shape));
      values[name] = v.data;
      m ??= rows ? shape[0] : shape[shape.length - 1];
    } else if (isValues(v)) {
      values[name] = v;
      flat.push(name);
    } else if (Array.isArray(v) && Array.isArray(v[0])) {
      const nested = v as readonly (readonly number[])[];
      layout(name, rows ? nested[0]!.length : nested.length);
      values[name] = nested;
      m ??= rows ? nested.length : nested[0]!.length;
    } else {
      throw new GradgenError(
        'E_INPUT_SHAPE',
        `splitData: data '${name}' must be a number, values (a typed or plain array), a nested array of rows or { data, shape }, got ${describeOption(v)}${at(userCallSite())}`,
      );
    }
  }
  for (const name of flat) {
    const v = values[name] as Values;
    if (m === undefined) {
      throw new GradgenError(
        'E_INPUT_SHAPE',
        `splitData: data '${name}' is flat values and nothing tells how many examples it holds: give its shape ({ data, shape }), a nested array of rows, or the option 'examples'${at(userCallSite())}`,
      );
    }
    if (v.length === 0 || v.length % m !== 0) {
      throw new GradgenError(
        'E_INPUT_SHAPE',
        `splitData: data '${name}' has ${v.length} values, which is not a whole number of values for each of the ${m} examples${at(userCallSite())}`,
      );
    }
    layout(name, v.length / m);
  }
  return { layouts, values };
}

function elementsPerColumn(shape: readonly number[]): number {
  return shape.slice(0, -1).reduce((a, b) => a * b, 1);
}

/** A { data, shape } input's shape: positive integers, as many elements as its data holds. */
function checkShape(name: string, v: ShapedValues, where = 'splitData'): readonly number[] {
  const { shape, data } = v;
  const good =
    Array.isArray(shape) &&
    shape.length > 0 &&
    shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1);
  if (!good || !isValues(data) || data.length !== shape.reduce((a, b) => a * b, 1)) {
    throw new GradgenError(
      'E_INPUT_SHAPE',
      `${where}: data '${name}' must be { data, shape } with shape positive integers and data that many values, got shape ${describeOption(shape)} and ${isValues(data) ? `${data.length} values` : describeOption(data)}${at(userCallSite())}`,
    );
  }
  return shape;
}

/** μ and σ per feature, fitted on a training set, and the normalization they define. */
export interface Normalization {
  /** Features per example (rows of X, for X of shape (n, m)). */
  readonly features: number;
  /** μ of each feature over the training examples. */
  readonly mean: Float64Array;
  /** σ of each feature (population standard deviation; 1 for a constant feature). */
  readonly std: Float64Array;
  /**
   * (x − μ)/σ per feature of `x` — dev, test or new data with the same features, any number of
   * examples — as flat values, examples as columns.
   */
  apply(x: NormalizerData, options?: { readonly shape?: readonly number[] }): Float64Array;
}

/** What normalizer and apply take: flat values, a nested array of rows, or { data, shape }. */
export type NormalizerData = Values | readonly (readonly number[])[] | ShapedValues;

const SHAPE_OPTION = {
  shape: {
    type: 'custom',
    expected: 'a shape: an array of positive integers, examples last ([n, m])',
    check: (v: unknown) =>
      Array.isArray(v) &&
      v.length > 0 &&
      v.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1)
        ? undefined
        : '',
  },
} as const;

/**
 * Input normalization (§5.5.1) fitted on the training set `trainX` (examples as columns: a
 * nested array of rows, (n, m); `{ data, shape }`; or flat values with `{ shape: [n, m] }`):
 * μ and σ of each feature (row), and `apply`, which normalizes any data with those features —
 * dev, test, new — the same way, x' = (x − μ)/σ. σ is the population standard deviation; a
 * constant feature gets σ = 1 and μ its value, so it becomes 0 (as sklearn's StandardScaler).
 * In a training model, `normalize(X)` does this inside the graph, with μ and σ in the state.
 */
export function normalizer(
  trainX: NormalizerData,
  options?: { readonly shape?: readonly number[] },
): Normalization {
  checkOptions('normalizer', options, SHAPE_OPTION);
  const train = flatValues('normalizer', 'trainX', trainX, options?.shape, undefined);
  try {
    const layout = { name: 'trainX', features: train.features, inner: 1 };
    const { mean, std } = featureStats(layout, train.values, train.m, 'normalizer');
    return {
      features: train.features,
      mean,
      std,
      apply(x, applyOptions) {
        checkOptions('normalizer.apply', applyOptions, SHAPE_OPTION);
        const given = flatValues('normalizer.apply', 'x', x, applyOptions?.shape, train.features);
        const at = { name: 'x', features: train.features, inner: 1 };
        try {
          return applyStats(at, given.values, given.m, { mean, std }, 'normalizer.apply');
        } catch (e) {
          throw asLibraryError(e);
        }
      },
    };
  } catch (e) {
    throw asLibraryError(e);
  }
}

/**
 * `x` as flat (features, m) values: from { data, shape }, rows, or flat values with `shape` (or,
 * when `features` is known, any whole number of examples).
 */
function flatValues(
  where: string,
  name: string,
  x: NormalizerData,
  shape: readonly number[] | undefined,
  features: number | undefined,
): { values: ArrayLike<number>; features: number; m: number } {
  const fail = (problem: string): never => {
    throw new GradgenError('E_INPUT_SHAPE', `${where}: ${name} ${problem}${at(userCallSite())}`);
  };
  let values: ArrayLike<number>;
  let dims: readonly number[] | undefined = shape;
  if (isShaped(x)) {
    dims = checkShape(name, x, where);
    values = x.data;
  } else if (Array.isArray(x) && x.length > 0 && Array.isArray(x[0])) {
    const rows = x as readonly (readonly number[])[];
    const width = rows[0]!.length;
    const bad = rows.findIndex((r) => !Array.isArray(r) || r.length !== width);
    if (bad >= 0) fail(`row ${bad} has ${rows[bad]?.length ?? 'no'} values; row 0 has ${width}`);
    dims = [rows.length, width];
    values = rows.flat();
  } else if (isValues(x)) {
    values = x;
  } else {
    return fail(
      `must be values (a typed or plain array), a nested array of rows or { data, shape }, got ${describeOption(x)}`,
    );
  }
  if (dims !== undefined && dims.reduce((a, b) => a * b, 1) !== values.length) {
    fail(`has ${values.length} values, which is not the shape (${dims.join(', ')})`);
  }
  const n = dims !== undefined ? values.length / dims[dims.length - 1]! : features;
  if (n === undefined) {
    return fail(
      `is flat values: give its shape ({ shape: [n, m] }, examples last) or a nested array of rows`,
    );
  }
  if (features !== undefined && n !== features) {
    fail(`has ${n} features per example; the normalizer was fitted on ${features}`);
  }
  if (values.length === 0 || values.length % n !== 0) {
    fail(`has ${values.length} values, which is not (${n}, m) for any number of examples m ≥ 1`);
  }
  return { values, features: n, m: values.length / n };
}
