/**
 * The pattern matcher binds on stacks and makes the bindings object only for a match: it agrees
 * with the plain recursive matcher (bindings copied before a commutative op's first try, restored
 * for its second) on random patterns against random nodes, bindings included; and a test that
 * matches inside a match leaves the outer match's bindings alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as B from '../src/builder/core.ts';
import type { Node } from '../src/ir/node.ts';
import { opDef } from '../src/ops/index.ts';
import { k, match, op, v, type Bindings, type Pattern } from '../src/rewrite/pattern.ts';

const SEED = 0x9a77e2;

/** The matcher as it was written first: the reference. */
function reference(p: Pattern, n: Node): Bindings | undefined {
  const out: Record<string, Node> = {};
  const go = (p: Pattern, n: Node, b: Record<string, Node>): boolean => {
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
        if (p.args.every((a, i) => go(a, n.args[i]!, b))) return true;
        if (opDef(n.op).commutative && p.args.length === 2) {
          for (const key of Object.keys(b)) if (!(key in saved)) delete b[key];
          Object.assign(b, saved);
          return go(p.args[0]!, n.args[1]!, b) && go(p.args[1]!, n.args[0]!, b);
        }
        return false;
      }
    }
  };
  return go(p, n, out) ? out : undefined;
}

const leaves = [B.input('x'), B.input('y'), B.constant(1), B.constant(2)];
const OPS = ['add', 'mul', 'sub', 'neg'] as const;

/** Random nodes over x, y, 1, 2 and + · − neg, to depth 3. */
const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...leaves),
    fc
      .tuple(fc.constantFrom(...OPS), tie('node'), tie('node'))
      .map(([o, a, b]) => (o === 'neg' ? B.neg(a) : B.apply(o, [a, b]))),
  ),
})).node;

/** Random patterns: variables (some named twice, some tested), constants and ops. */
const patternArb: fc.Arbitrary<Pattern> = fc.letrec<{ p: Pattern }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c').map((name) => v(name)),
    fc.constant(v('t', (n) => n.kind !== 'const')),
    fc.constantFrom(k(), k(1), k(2)),
    fc
      .tuple(fc.constantFrom(...OPS), tie('p'), tie('p'))
      .map(([o, a, b]) => (o === 'neg' ? op('neg', a) : op(o, a, b))),
  ),
})).p;

describe('match', () => {
  it('agrees with the reference matcher, bindings included (property)', () => {
    let matched = 0;
    fc.assert(
      fc.property(patternArb, nodeArb, (p, n) => {
        const got = match(p, n);
        expect(got).toEqual(reference(p, n));
        if (got) matched++;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // (agreeing on failures alone would prove little)
    expect(matched).toBeGreaterThan(300);
  });

  it('a test that matches inside a match leaves its bindings alone', () => {
    const x = B.input('x');
    const y = B.input('y');
    const inner = op('neg', v('a'));
    const p = op(
      'add',
      v('a'),
      v('b', (n) => match(inner, n) !== undefined),
    );
    expect(match(p, B.add(x, B.neg(y)))).toEqual({ a: x, b: B.neg(y) });
  });
});
