/**
 * gradgen — a symbolic computation-graph compiler for TypeScript.
 *
 * Build a graph with the builder functions (or the fluent methods on nodes), differentiate it
 * symbolically with {@link grad}, run it with the reference interpreter ({@link evaluate}), emit
 * specialized TypeScript ({@link emit}, {@link compile}) and verify gradients ({@link gradcheck}).
 */
import './builder/fluent.ts';

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
  reshape,
  broadcastTo,
  batchSize,
  type Operand,
  type ReduceOptions,
} from './builder/core.ts';
export {
  binaryCrossEntropy,
  meanSquaredError,
  dense,
  type Activation,
} from './builder/composites.ts';
export { grad } from './autodiff/grad.ts';
export { evaluate, type OutputValue } from './ir/interp.ts';
export { emit, type EmitOptions } from './emit/module.ts';
export { compile, type CompiledFunction, type CompiledValue } from './emit/compile.ts';
export { formula, printGraph } from './ir/print.ts';
export { GradgenError, type ErrorCode } from './errors.ts';
export type { Node, InputNode, ParamNode, ConstNode, ApplyNode, ParamInit } from './ir/node.ts';
export type { Shape, Dim } from './ir/shape.ts';
export type { InputValue, InputValues } from './ir/values.ts';
export {
  gradcheck,
  relativeError,
  verdictOf,
  type GradcheckOptions,
  type GradcheckResult,
  type GradcheckEntry,
  type CostAndGradient,
  type Verdict,
} from './check/gradcheck.ts';
export { Rng } from './rng.ts';
export {
  defineGraph,
  defineTraining,
  isModel,
  binaryAccuracy,
  type GraphModel,
  type TrainingModel,
  type Model,
} from './model.ts';
export { optimize, explain, type Optimized, type Explanation } from './rewrite/optimize.ts';
export {
  compileTraining,
  emitTraining,
  miniBatches,
  type KernelTime,
  type Trainer,
  type TrainingSpec,
  type TrainingState,
  type FitOptions,
} from './train/trainer.ts';
export {
  sgd,
  momentum,
  rmsprop,
  adam,
  learningRateAt,
  type OptimizerSpec,
  type Decay,
} from './train/optimizers.ts';
export { dropout } from './train/dropout.ts';
