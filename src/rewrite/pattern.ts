/**
 * A small pattern language for rewrite rules: `op('log', op('sigmoid', v('x')))` matches log(σ(x))
 * and binds x. Commutative ops match their operands in either order; a variable used twice must
 * bind the same node (interning makes that structural equality).
 */
import type { ApplyNode, Node } from '../ir/node.js';
import { opDef } from '../ops/index.js';

export type Pattern =
  | { readonly kind: 'var'; readonly name: string; readonly test?: (n: Node) => boolean }
  | { readonly kind: 'const'; readonly value?: number }
  | { readonly kind: 'op'; readonly op: string; readonly args: readonly Pattern[] };

export type Bindings = Readonly<Record<string, Node>>;

/** A variable; `test` restricts what it matches. */
export const v = (name: string, test?: (n: Node) => boolean): Pattern => ({
  kind: 'var',
  name,
  test,
});
/** A constant, optionally a specific value. */
export const k = (value?: number): Pattern => ({ kind: 'const', value });
/** An op node with operand patterns. */
export const op = (name: string, ...args: Pattern[]): Pattern => ({ kind: 'op', op: name, args });

export function match(p: Pattern, n: Node): Bindings | undefined {
  const out: Record<string, Node> = {};
  return go(p, n, out) ? out : undefined;
}

function go(p: Pattern, n: Node, b: Record<string, Node>): boolean {
  switch (p.kind) {
    case 'var': {
      if (p.test && !p.test(n)) return false;
      const bound = b[p.name];
      if (bound) return bound === n;
      b[p.name] = n;
      return true;
    }
    case 'const':
      return n.kind === 'const' && (p.value === undefined || n.value === p.value);
    case 'op': {
      if (n.kind !== 'apply' || n.op !== p.op || n.args.length !== p.args.length) return false;
      const saved = { ...b };
      if (p.args.every((a, i) => go(a, (n as ApplyNode).args[i]!, b))) return true;
      if (opDef(n.op).commutative && p.args.length === 2) {
        for (const key of Object.keys(b)) if (!(key in saved)) delete b[key];
        Object.assign(b, saved);
        return go(p.args[0]!, n.args[1]!, b) && go(p.args[1]!, n.args[0]!, b);
      }
      return false;
    }
  }
}

/** The op at the root of a pattern (rules are indexed by it), or undefined for a bare variable. */
export function rootOp(p: Pattern): string | undefined {
  return p.kind === 'op' ? p.op : undefined;
}
