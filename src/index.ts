/**
 * gradgen — a symbolic computation-graph compiler for TypeScript.
 *
 * Build a graph with the builder functions (or the fluent methods on nodes), differentiate it
 * symbolically with {@link grad}, run it with the reference interpreter ({@link evaluate}), emit
 * specialized TypeScript ({@link emit}, {@link compile}) and verify gradients ({@link gradcheck}).
 */
import './builder/fluent.js';

export {
  input,
  param,
  constant,
  named,
  add,
  sub,
  mul,
  div,
  neg,
  exp,
  log,
  log1p,
  expm1,
  sqrt,
  square,
  abs,
  sign,
  pow,
  sigmoid,
  softplus,
  tanh,
  relu,
  leakyRelu,
  clip,
  max,
  min,
  gt,
  ge,
  lt,
  le,
  eq,
  where,
  matmul,
  transpose,
  sum,
  mean,
  reduceMax,
  reduceMin,
  argmax,
  argmin,
  reshape,
  broadcastTo,
  slice,
  concat,
  batchSize,
  type Operand,
  type ReduceOptions,
  type SliceOptions,
} from './builder/core.js';
export {
  binaryCrossEntropy,
  meanSquaredError,
  dense,
  type Activation,
} from './builder/composites.js';
export {
  logsumexp,
  softmax,
  logSoftmax,
  oneHot,
  categoricalCrossEntropy,
  type AxisOptions,
  type LogSumExpOptions,
  type CrossEntropyOptions,
} from './builder/multiclass.js';
export { grad, type Gradients } from './autodiff/grad.js';
export { jvp } from './autodiff/jvp.js';
export { vjp, hvp } from './autodiff/vjp.js';
export type { Nodes, Like } from './autodiff/structure.js';
export { stopGradient, customGradient, type CustomVjpArgs } from './builder/gradients.js';
export { evaluate, type OutputValue } from './ir/interp.js';
export { emit, type EmitOptions } from './emit/module.js';
export {
  compile,
  type CompiledFunction,
  type CompiledValue,
  type CompileOptions,
} from './emit/compile.js';
export { formula, printGraph } from './ir/print.js';
export { GradgenError, type ErrorCode } from './errors.js';
export type {
  Node,
  InputNode,
  ParamNode,
  ConstNode,
  ApplyNode,
  ParamInit,
  Rank,
  LeafSig,
  LeavesOf,
  RankOf,
} from './ir/node.js';
export type { Shape, Dim } from './ir/shape.js';
export type { InputValue, InputValues, InputsFor, TensorInput } from './ir/values.js';
export {
  gradcheck,
  relativeError,
  verdictOf,
  ADJOINT_THRESHOLDS,
  adjointVerdictOf,
  type Directions,
  type GradcheckMode,
  type GradcheckOptions,
  type GradcheckResult,
  type GradcheckEntry,
  type CostAndGradient,
  type Verdict,
} from './check/gradcheck.js';
export {
  lint,
  formatFindings,
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  type LintOptions,
} from './check/lint.js';
export {
  audit,
  AUDIT_GRID,
  type AuditOptions,
  type AuditPoint,
  type AuditResult,
  type AuditRow,
} from './check/audit.js';
export { Rng } from './rng.js';
export {
  defineGraph,
  defineTraining,
  isModel,
  binaryAccuracy,
  multiclassAccuracy,
  type GraphModel,
  type TrainingModel,
  type Model,
} from './model.js';
export { optimize, explain, type Optimized, type Explanation } from './rewrite/optimize.js';
export {
  compileTraining,
  emitTraining,
  miniBatches,
  type KernelTime,
  type Trainer,
  type TrainingSpec,
  type TrainingState,
  type BatchProgress,
  type DataOptions,
  type FitOptions,
  type FitHistory,
  type DataSplit,
  type SplitOptions,
  type TrainingData,
} from './train/trainer.js';
export {
  sgd,
  momentum,
  rmsprop,
  adam,
  learningRateAt,
  type OptimizerSpec,
  type Decay,
} from './train/optimizers.js';
export { dropout } from './train/dropout.js';
export { normalize } from './train/normalize.js';
export {
  splitData,
  normalizer,
  type Normalization,
  type NormalizerData,
  type ShapedValues,
  type StandaloneData,
  type StandaloneSplitOptions,
} from './train/data.js';
