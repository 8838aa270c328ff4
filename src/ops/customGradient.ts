import { GradgenError, at } from '../errors.js';
import type { Node } from '../ir/node.js';
import { formatShape, sameShape } from '../ir/shape.js';
import { printed, PREC, type StructuralOp } from './define.js';

/** What a user-supplied VJP is given: the operands, the result and the result's adjoint. */
export interface CustomVjpArgs {
  readonly inputs: readonly Node[];
  readonly output: Node;
  readonly cotangent: Node;
}

/** One `customGradient(f, vjp)` definition: the user's VJP, f's name and where it was defined. */
export interface CustomGradientDef {
  readonly name: string;
  readonly vjp: (args: CustomVjpArgs) => readonly (Node | number)[];
  readonly site: string | undefined;
}

const definitions: CustomGradientDef[] = [];

/** Registers a definition; its index is the `id` attribute of the nodes that apply it. */
export function defineCustomGradient(def: CustomGradientDef): number {
  definitions.push(def);
  return definitions.length - 1;
}

export function customGradientDef(id: number): CustomGradientDef {
  const def = definitions[id];
  if (!def) throw new Error(`internal: no custom gradient ${id}`);
  return def;
}

/**
 * customGradient(y, x₁, …, xₙ) = y, where y = f(x₁, …, xₙ) was built by the user's f: its value
 * is y's, its VJP the user's (attrs `id` names the definition), its JVP y's tangent (the JVP of
 * f's subgraph). No gradient flows through y itself: the user's VJP replaces it. Like
 * stopGradient, the optimizer removes the node once the derivatives are built.
 */
export const customGradient: StructuralOp = {
  kind: 'structural',
  name: 'customGradient',
  arity: -1,
  commutative: false,
  smooth: true,
  shape: ([y]) => y!,
  eval: ([y]) => y!.data,
  range: ([a]) => a!,
  math: ([y], attrs) =>
    printed(`${customGradientDef(attrs.id as number).name}ᶜ(${y!.text})`, PREC.atom),
  // the tangent of f's subgraph
  jvp: ({ tangents: [ty] }) => ty ?? null,
  vjp: ({ args: [, ...inputs], out, g, needs, attrs, b }) => {
    const def = customGradientDef(attrs.id as number);
    const given = def.vjp({ inputs, output: out, cotangent: g });
    const what = `customGradient '${def.name}'`;
    const site = at(out.site ?? def.site);
    if (!Array.isArray(given) || given.length !== inputs.length) {
      const got = Array.isArray(given) ? `${given.length}` : String(given);
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `${what}: the vjp must return an array of ${inputs.length} node(s), one per input, got ${got}${site}`,
      );
    }
    const parts = inputs.map((x, i) => {
      if (!needs[i + 1]) return null;
      const r: unknown = given[i];
      const c =
        typeof r === 'number'
          ? b.constant(r, x.shape)
          : b.toNode(r, `${what}: vjp result ${i + 1}`);
      if (!sameShape(c.shape, x.shape)) {
        throw new GradgenError(
          'E_SHAPE',
          `${what}: vjp result ${i + 1} has shape ${formatShape(c.shape)}, but input ${i + 1} has shape ${formatShape(x.shape)}${site}`,
        );
      }
      return c;
    });
    return [null, ...parts];
  },
};
