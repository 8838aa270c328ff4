/**
 * The reference interpreter: the meaning of a graph, built from each op's `scalar` semantics with
 * NumPy broadcasting. It is the oracle the emitted code is tested against, so it stays simple.
 */
import type { TensorValue } from '../ops/define.js';
import { opDef } from '../ops/index.js';
import { checkNamedNodes, leavesOf, toposort } from './graph.js';
import { GradgenError, at } from '../errors.js';
import {
  type ApplyNode,
  assertNever,
  isDeclaredName,
  isNode,
  type LeavesOf,
  type Node,
  type RankOf,
} from './node.js';
import { concreteShape, sizeOf } from './shape.js';
import { formula } from './print.js';
import { bindInputs, type InputsFor, type InputValues } from './values.js';

export type Tensor = TensorValue;

/** Per-operand strides into a broadcast operand (0 along broadcast axes). */
export function broadcastStrides(from: readonly number[], to: readonly number[]): number[] {
  const strides = new Array<number>(to.length).fill(0);
  let stride = 1;
  for (let i = from.length - 1; i >= 0; i--) {
    const j = to.length - from.length + i;
    strides[j] = from[i] === 1 && to[j] !== 1 ? 0 : stride;
    stride *= from[i]!;
  }
  return strides;
}

function elementwise(
  f: (xs: number[]) => number,
  operands: readonly Tensor[],
  shape: readonly number[],
): Float64Array {
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const strides = operands.map((o) => broadcastStrides(o.shape, shape));
  const index = new Array<number>(shape.length).fill(0);
  const offsets = new Array<number>(operands.length).fill(0);
  const xs = new Array<number>(operands.length);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < operands.length; j++) xs[j] = operands[j]!.data[offsets[j]!]!;
    out[k] = f(xs);
    // advance the multi-index (odometer), updating every operand's offset
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis]!++;
      for (let j = 0; j < operands.length; j++) offsets[j]! += strides[j]![axis]!;
      if (index[axis]! < shape[axis]!) break;
      for (let j = 0; j < operands.length; j++) offsets[j]! -= strides[j]![axis]! * shape[axis]!;
      index[axis] = 0;
    }
  }
  return out;
}

/** E_INPUT_SHAPE when the batch is too small for the op (x[-3:] along 'm' with m = 2). */
function checkBatchNeeds(n: ApplyNode, dims: Readonly<Record<string, number>>, where: string) {
  const need = opDef(n.op).batchNeeds?.(
    n.args.map((a) => a.shape),
    n.attrs,
  );
  if (need && dims[need.dim]! < need.min) {
    throw new GradgenError(
      'E_INPUT_SHAPE',
      `${where}: ${formula(n, { depth: 2 })}${at(n.site)} needs the batch dimension '${need.dim}' to be at least ${need.min}, got ${dims[need.dim]}`,
    );
  }
}

/** Values of all nodes needed for `roots`, given bound inputs. */
export function run(
  roots: readonly Node[],
  values: InputValues,
  where = 'evaluate',
): Map<Node, Tensor> {
  const nodes = toposort(roots);
  const leaves = leavesOf(roots, where);
  const bound = bindInputs(leaves, values, where, isDeclaredName);
  const result = new Map<Node, Tensor>();
  for (const n of nodes) {
    const shape = concreteShape(
      n.shape,
      bound.dims,
      `${where}: ${n.kind === 'apply' ? n.op : n.kind}`,
      n.site,
    );
    switch (n.kind) {
      case 'input':
      case 'param':
        result.set(n, { shape, data: bound.data.get(n)! });
        break;
      case 'const':
        result.set(n, { shape, data: new Float64Array(sizeOf(shape)).fill(n.value) });
        break;
      case 'apply': {
        const def = opDef(n.op);
        checkBatchNeeds(n, bound.dims, where);
        const operands = n.args.map((a) => result.get(a)!);
        const data =
          def.kind === 'elementwise'
            ? elementwise((xs) => def.scalar(xs, n.attrs), operands, shape)
            : def.eval(operands, n.attrs, shape, bound.dims);
        result.set(n, { shape, data });
        break;
      }
      default:
        assertNever(n);
    }
  }
  return result;
}

/** A scalar output as a number, a tensor as a (row-major) Float64Array. */
export type OutputValue = number | Float64Array;

export function outputValue(node: Node, t: Tensor): OutputValue {
  return node.shape.length === 0 ? t.data[0]! : t.data;
}

/** What the interpreter returns for a node of rank `R`. */
export type OutputValueOf<R> = [R] extends ['scalar']
  ? number
  : [R] extends ['tensor']
    ? Float64Array
    : OutputValue;

/**
 * The inputs `evaluate` takes for nodes reading the leaves `L`: those they surely read are
 * required; other inputs declared in the process are accepted (and ignored).
 */
export type EvaluateInputs<L extends LeavesOf<Node>> = InputsFor<L> & InputValues;

/**
 * Evaluates named outputs with the reference interpreter:
 * `evaluate({ J, da }, { a: 5, b: 3, c: 2 })` → `{ J: 33, da: 3 }`.
 */
export function evaluate<O extends Readonly<Record<string, Node>>>(
  outputs: O,
  inputs: EvaluateInputs<LeavesOf<O[keyof O]>>,
): { [K in keyof O]: OutputValueOf<RankOf<O[K]>> };
export function evaluate<N extends Node>(
  output: N,
  inputs: EvaluateInputs<LeavesOf<N>>,
): OutputValueOf<RankOf<N>>;
export function evaluate(
  outputs: Node | Readonly<Record<string, Node>>,
  inputs: InputValues,
): OutputValue | Record<string, OutputValue> {
  if (isNode(outputs)) {
    const node = outputs;
    return outputValue(node, run([node], inputs).get(node)!);
  }
  checkNamedNodes('evaluate', outputs);
  const record = outputs as Readonly<Record<string, Node>>;
  const values = run(Object.values(record), inputs);
  const out: Record<string, OutputValue> = {};
  for (const [k, n] of Object.entries(record)) out[k] = outputValue(n, values.get(n)!);
  return out;
}
