import type { Node } from './ir/node.js';
import { GradgenError, at } from './errors.js';
import { rememberCallSite, userCallSite } from './ir/site.js';
import {
  arrayOption,
  checkOptions,
  IDENTIFIER_OPTION,
  OUTPUTS_OPTION,
  type OptionRule,
  type OptionSchema,
} from './options.js';
import { isNode } from './ir/node.js';
import type { InputValues } from './ir/values.js';
import { TRAINING_SPEC_OPTIONS, type TrainingSpec } from './train/trainer.js';

/**
 * What a model file exports (as `default` or as `model`) so that the `gradgen` command and
 * `npm run codegen` can find it: either a graph (named outputs to compile), or a training model
 * (a loss, an optimizer and the data to train on).
 *
 * ```ts
 * export default defineGraph({ name: 'costJ', outputs: { J, da, db, dc } });
 * export default defineTraining({ name: 'planar', loss, outputs: { A2 }, optimizer: sgd({ learningRate: 1.2 }),
 *                                 data: () => ({ train: { X, Y } }), accuracy: { output: 'A2', label: 'Y' } });
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
  /** For `gradgen check`: the output that is the cost. */
  readonly cost?: string;
}

export interface TrainingModel extends TrainingSpec {
  readonly kind: 'training';
  /** Prefix of the generated functions (and the name of its file under codegen/). */
  readonly name: string;
  /**
   * The data: a training set, and optionally a dev set (judges the epochs: early stopping) and a
   * held-out test set (made in code or read from a package).
   */
  readonly data: () => {
    readonly train: InputValues;
    readonly dev?: InputValues;
    readonly test?: InputValues;
  };
  /** Defaults for `gradgen train`. */
  readonly defaults?: {
    readonly epochs?: number;
    readonly batchSize?: number;
    readonly seed?: number;
    /** Early stopping on the dev set: epochs without improvement before fit stops. */
    readonly patience?: number;
  };
  /**
   * Accuracy to report: for a (1, m) output, predictions > 0.5 against 0/1 labels `label`; for a
   * (C, m) output, the most probable class against integer labels or one-hot columns.
   */
  readonly accuracy?: { readonly output: string; readonly label: string };
}

export type Model = GraphModel | TrainingModel;

const NAME = { ...IDENTIFIER_OPTION, required: true };
const OBJECT_OR_FUNCTION: OptionRule = {
  type: 'custom',
  expected: 'an object of input values or a function returning one',
  check: (v) => (typeof v === 'function' || (typeof v === 'object' && v !== null) ? undefined : ''),
};

const GRAPH_MODEL: OptionSchema = {
  name: NAME,
  outputs: { ...OUTPUTS_OPTION, required: true },
  inputs: arrayOption('an array of input and param nodes', (n) => isNode(n)),
  example: OBJECT_OR_FUNCTION,
  cost: { type: 'string' },
};

/** A training model's own fields; the rest are compileTraining's (checked there). */
const TRAINING_MODEL: OptionSchema = {
  name: NAME,
  data: { type: 'function', required: true },
  defaults: {
    type: 'object',
    schema: {
      epochs: { type: 'number', integer: true, min: 1, max: 1e9 },
      batchSize: { type: 'number', integer: true, min: 1 },
      seed: { type: 'number', integer: true, min: 0, max: 4294967295 },
      patience: { type: 'number', integer: true, min: 1 },
    },
  },
  accuracy: {
    type: 'object',
    schema: {
      output: { type: 'string', required: true },
      label: { type: 'string', required: true },
    },
  },
};

export function defineGraph(model: Omit<GraphModel, 'kind'>): GraphModel {
  checkOptions('defineGraph', model, GRAPH_MODEL);
  if (
    model.cost !== undefined &&
    !Object.prototype.hasOwnProperty.call(model.outputs, model.cost)
  ) {
    checkOptions('defineGraph', model, {
      ...GRAPH_MODEL,
      cost: { type: 'oneOf', values: Object.keys(model.outputs) },
    });
  }
  return { kind: 'graph', ...model };
}

export function defineTraining(model: Omit<TrainingModel, 'kind'>): TrainingModel {
  checkOptions('defineTraining', model, { ...TRAINING_SPEC_OPTIONS, ...TRAINING_MODEL });
  const outputs = Object.keys(model.outputs ?? {});
  if (model.accuracy && !outputs.includes(model.accuracy.output)) {
    checkOptions(
      'defineTraining',
      model.accuracy,
      {
        output: { type: 'oneOf', values: outputs },
        label: { type: 'string' },
      },
      'accuracy.',
    );
  }
  // compileTraining(model) attributes the L2 penalty and the cost to this call
  return rememberCallSite({ kind: 'training', ...model });
}

/**
 * A model's name prefixes its generated functions and names its file (`codegen/<name>.ts`): an
 * identifier, so it can be neither a path (`../x`) nor a name that breaks the module.
 */
export function checkModelName(model: { readonly name?: unknown } | null, where: string): void {
  const name = typeof model === 'object' && model !== null ? model.name : undefined;
  if (typeof name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name) : String(name);
    throw new GradgenError(
      'E_BAD_NAME',
      `${where}: the model's name must be an identifier (it prefixes the generated functions and names codegen/<name>.ts), got ${shown}${at(userCallSite())}`,
    );
  }
}

export function isModel(x: unknown): x is Model {
  const kind = typeof x === 'object' && x !== null ? (x as { kind?: unknown }).kind : undefined;
  return kind === 'graph' || kind === 'training';
}

/**
 * Fraction of examples whose most probable class (the first on ties) is their label: predictions
 * are (C, m) row-major — classes are rows, examples columns — and labels are either m integer
 * class labels or (C, m) one-hot (or soft) columns, whose most probable class counts.
 */
export function multiclassAccuracy(
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number {
  if (!Number.isInteger(classes) || classes < 1 || predictions.length % classes !== 0) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `multiclassAccuracy: ${predictions.length} predictions are not ${String(classes)} classes × m examples`,
    );
  }
  const m = predictions.length / classes;
  const oneHot = labels.length === classes * m && classes > 1;
  if (!oneHot && labels.length !== m) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `multiclassAccuracy: ${labels.length} labels fit neither ${m} examples nor ${classes}×${m} one-hot columns`,
    );
  }
  let correct = 0;
  for (let j = 0; j < m; j++) {
    const label = oneHot ? columnArgmax(labels, classes, m, j) : labels[j];
    correct += columnArgmax(predictions, classes, m, j) === label ? 1 : 0;
  }
  return m === 0 ? 0 : correct / m;
}

/** The row of column j's largest value in a (rows, m) row-major array (the first on ties). */
function columnArgmax(a: ArrayLike<number>, rows: number, m: number, j: number): number {
  let best = 0;
  for (let c = 1; c < rows; c++) if (a[c * m + j]! > a[best * m + j]!) best = c;
  return best;
}

/** Fraction of predictions (> 0.5) that match 0/1 labels. */
export function binaryAccuracy(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++)
    correct += (predictions[i]! > 0.5 ? 1 : 0) === labels[i] ? 1 : 0;
  return labels.length === 0 ? 0 : correct / labels.length;
}
