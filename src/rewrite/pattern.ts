/**
 * A small pattern language for rewrite rules: `op('log', op('sigmoid', v('x')))` matches log(σ(x))
 * and binds x. Commutative ops match their operands in either order; a variable used twice must
 * bind the same node (interning makes that structural equality).
 */
import type { Node } from '../ir/node.js';
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

/**
 * Bindings while a match runs: names and nodes on two stacks below `top`, a match's from where
 * it began (a test run inside one may match too); a commutative op's second try drops what the
 * first bound. The bindings object is made only for a match that succeeds (most attempts fail).
 * (The arrays keep their length: shortening one can free its store, and the next push makes a
 * new one.)
 */
const names: string[] = [];
const nodes: Node[] = [];
let top = 0;

export function match(p: Pattern, n: Node): Bindings | undefined {
  const base = top;
  try {
    if (!go(p, n, base)) return undefined;
    const out: Record<string, Node> = {};
    for (let i = base; i < top; i++) out[names[i]!] = nodes[i]!;
    return out;
  } finally {
    top = base;
  }
}

function go(p: Pattern, n: Node, base: number): boolean {
  switch (p.kind) {
    case 'var': {
      if (p.test && !p.test(n)) return false;
      for (let i = base; i < top; i++) if (names[i] === p.name) return nodes[i] === n;
      names[top] = p.name;
      nodes[top++] = n;
      return true;
    }
    case 'const':
      return n.kind === 'const' && (p.value === undefined || n.value === p.value);
    case 'op': {
      if (n.kind !== 'apply' || n.op !== p.op || n.args.length !== p.args.length) return false;
      const mark = top;
      let ok = true;
      for (let i = 0; ok && i < p.args.length; i++) ok = go(p.args[i]!, n.args[i]!, base);
      if (ok) return true;
      if (p.args.length !== 2 || !opDef(n.op).commutative) return false;
      top = mark;
      return go(p.args[0]!, n.args[1]!, base) && go(p.args[1]!, n.args[0]!, base);
    }
  }
}

/** The op at the root of a pattern (rules are indexed by it), or undefined for a bare variable. */
export function rootOp(p: Pattern): string | undefined {
  return p.kind === 'op' ? p.op : undefined;
}
