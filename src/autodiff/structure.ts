/**
 * The outputs jvp and vjp take: a node, an array of nodes or a record of nodes — flattened to a
 * list for the drivers, and the results put back in the same structure.
 */
import { GradgenError, at } from '../errors.js';
import { isNode, type LeafNode, type Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { formatShape, sameShape } from '../ir/shape.js';
import { userCallSite } from '../ir/site.js';

/** A node, an array of nodes or a record of nodes. */
export type Nodes = Node | readonly Node[] | Readonly<Record<string, Node>>;

/** The same structure as `O`, a plain node in every place. */
export type Like<O extends Nodes> = O extends Node
  ? Node
  : O extends readonly Node[]
    ? { -readonly [I in keyof O]: Node }
    : { -readonly [K in keyof O]: Node };

interface Flat {
  readonly nodes: Node[];
  readonly rebuild: (nodes: readonly Node[]) => unknown;
}

function shown(x: unknown): string {
  return isNode(x) ? formula(x, { depth: 3 }) : Array.isArray(x) ? 'an array' : String(x);
}

/** The nodes of `outputs`, and how to put a list of the same length back into its structure. */
export function flatten(where: string, what: string, outputs: unknown): Flat {
  const check = (x: unknown, label: string): Node => {
    if (isNode(x)) return x;
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: ${what}${label} must be a graph node, got ${shown(x)}${at(userCallSite())}`,
    );
  };
  if (isNode(outputs)) return { nodes: [outputs], rebuild: (ns) => ns[0] };
  if (Array.isArray(outputs)) {
    return { nodes: outputs.map((x, i) => check(x, ` [${i}]`)), rebuild: (ns) => [...ns] };
  }
  if (typeof outputs === 'object' && outputs !== null) {
    const keys = Object.keys(outputs);
    const nodes = keys.map((k) => check((outputs as Record<string, unknown>)[k], ` '${k}'`));
    return {
      nodes,
      rebuild: (ns) => Object.fromEntries(keys.map((k, i) => [k, ns[i]!])),
    };
  }
  throw new GradgenError(
    'E_BAD_ARGUMENT',
    `${where}: ${what} must be a node, an array or a record of nodes, got ${shown(outputs)}${at(userCallSite())}`,
  );
}

/** `inputs` as leaves (anything else is E_GRAD_NOT_INPUT, as for grad). */
export function leavesArgument(where: string, inputs: unknown): LeafNode[] {
  if (!Array.isArray(inputs)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: the inputs must be an array of inputs or params${at(userCallSite())}`,
    );
  }
  return inputs.map((x: unknown, i) => {
    if (!isNode(x) || (x.kind !== 'input' && x.kind !== 'param')) {
      throw new GradgenError(
        'E_GRAD_NOT_INPUT',
        `${where}: input ${i + 1} (${shown(x)}) is not an input or param; derivatives are taken with respect to inputs and params${at(userCallSite())}`,
      );
    }
    return x;
  });
}

/** Vectors paired with `like` (tangents of inputs, cotangents of outputs): as many, same shapes. */
export function pairedVectors(
  where: string,
  what: string,
  vectors: unknown,
  like: readonly Node[],
): Node[] {
  const flat = flatten(where, what, vectors).nodes;
  if (flat.length !== like.length) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `${where}: ${like.length} ${what} expected (one per ${what === 'tangents' ? 'input' : 'output'}), got ${flat.length}${at(userCallSite())}`,
    );
  }
  flat.forEach((v, i) => {
    if (!sameShape(v.shape, like[i]!.shape)) {
      throw new GradgenError(
        'E_SHAPE',
        `${where}: ${what} ${i + 1} (${formula(v, { depth: 3 })}) has shape ${formatShape(v.shape)}, but ${formula(like[i]!, { depth: 3 })} has shape ${formatShape(like[i]!.shape)}${at(userCallSite())}`,
      );
    }
  });
  return flat;
}
