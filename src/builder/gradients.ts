/**
 * Control over differentiation: stopGradient (a value that derivatives treat as a constant) and
 * customGradient (a subgraph whose VJP the user supplies as graph nodes).
 */
import { GradgenError, at } from '../errors.js';
import { isNode, type LeavesOf, type Node, type RankOf } from '../ir/node.js';
import { userCallSite } from '../ir/site.js';
import { defineCustomGradient, type CustomVjpArgs } from '../ops/customGradient.js';
import { checkOptions, type OptionSchema } from '../options.js';
import { apply, toNode, type Operand } from './core.js';

export type { CustomVjpArgs } from '../ops/customGradient.js';

/** x's value, with a zero gradient (grad, vjp, hvp) and a zero tangent (jvp). */
export function stopGradient<X extends Operand>(x: X): Node<LeavesOf<X>, RankOf<X>> {
  const node = toNode(x, 'stopGradient');
  if (node.kind === 'const') return node as never;
  return apply('stopGradient', [node]) as never;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const CUSTOM_OPTIONS: OptionSchema = {
  name: {
    type: 'custom',
    expected: 'an identifier (it names the gradient in explain and errors)',
    check: (v) => (typeof v === 'string' && IDENTIFIER.test(v) ? undefined : ''),
  },
};

/**
 * A function of operands whose value is `f`'s and whose VJP is `vjp`'s: given the operands
 * (`inputs`), the result (`output`) and the result's adjoint (`cotangent`), it returns one node
 * (or number) per operand, of that operand's shape (else E_SHAPE). Its JVP is the JVP of f's
 * subgraph; higher derivatives differentiate the nodes `vjp` returns. Examples: gradient
 * clipping, a straight-through estimator, a safer gradient of √x at 0. `options.name` names it
 * in `explain` and in errors (default: f's name).
 */
export function customGradient(
  f: (...xs: Node[]) => Node,
  vjp: (args: CustomVjpArgs) => readonly (Node | number)[],
  options: { readonly name?: string | undefined } = {},
): (...xs: Operand[]) => Node {
  const site = userCallSite();
  checkOptions('customGradient', options, CUSTOM_OPTIONS);
  if (typeof f !== 'function' || typeof vjp !== 'function') {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `customGradient: expected (f, vjp), two functions, got ${typeof f} and ${typeof vjp}${at(site)}`,
    );
  }
  const name = options.name ?? (IDENTIFIER.test(f.name) ? f.name : 'f');
  const id = defineCustomGradient({ name, vjp, site });
  return (...operands) => {
    const xs = operands.map((x, i) => toNode(x, `customGradient '${name}' (operand ${i + 1})`));
    const y: unknown = f(...xs);
    if (!isNode(y)) {
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `customGradient '${name}': f must return a graph node, got ${String(y)}${at(userCallSite())}`,
      );
    }
    return apply('customGradient', [y, ...xs], { id });
  };
}
