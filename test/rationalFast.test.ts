/**
 * The rational normal form's fast paths (sums with no common part, scaling a factor, a term times
 * a polynomial, content found without maps, and the lower bound of the written form's size that
 * spares writing a region that cannot get smaller) give what the general code gives: the same
 * node (or none) for every region root, and the same optimized graph and firing log — on random
 * scalar DAGs, random tensor graphs (layouts, broadcasts), the compile bench's random graphs and
 * regions built to meet the bound's edge cases (an atom that is itself a product or a sum of other
 * atoms of the region, so written nodes coincide with it; x⁰; negated coefficients).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as B from '../src/builder/core.ts';
import type { Node } from '../src/ir/node.ts';
import { normalizeRational, Readings, withoutFastPaths } from '../src/rewrite/rational.ts';
import {
  expectSameNormalForms as sameNormalForms,
  expectSameOptimized as sameOptimized,
  sameOnRandomGraphs,
  type TwoWays,
} from './rationalCompare.ts';

const SEED = 0xfa57;

/** The fast paths, then the general code (each with its own `Readings` for the whole graph). */
const ways: TwoWays = {
  normalize: (interior) => {
    const fast = new Readings(interior);
    const general = new Readings(interior);
    return [
      (n) => normalizeRational(n, fast),
      (n) => withoutFastPaths(() => normalizeRational(n, general)),
    ];
  },
  otherWay: withoutFastPaths,
};
const expectSameNormalForms = (outputs: Record<string, Node>) => sameNormalForms(outputs, ways);
const expectSameOptimized = (outputs: Record<string, Node>) => sameOptimized(outputs, ways);

describe('the fast paths of the rational normal form give what the general code gives', () => {
  sameOnRandomGraphs(ways, { seed: SEED, scalarRuns: 200, benchSeeds: [1, 2, 3, 4] });

  it('a region whose written power is one of its atoms', () => {
    // a⁷ is an atom (a power the normal form does not expand), and a⁴·a³ is written as a⁷: the
    // same node, so P·w and a⁴·a³·w are written as one product (all of it scalar, so read in)
    const [a, w, z] = ['a', 'w', 'z'].map((n) => B.input(n)) as [Node, Node, Node];
    const P = B.pow(a, 7);
    const r = B.add(B.add(B.mul(P, w), B.mul(B.mul(B.pow(a, 4), B.pow(a, 3)), w)), z);
    expectSameNormalForms({ r });
    expect(normalizeRational(r, () => true)).toBeDefined();
  });

  it('regions whose written nodes coincide with their atoms, powers 0, negated sums', () => {
    // random sums of products over a few leaves, some of whose products and sums are shared
    // (so they are atoms of the regions above, and what those regions write may be them)
    const term = fc.record({
      coef: fc.constantFrom(1, -1, 0.5, -0.5, 2, 0.9),
      atoms: fc.array(fc.nat(5), { minLength: 0, maxLength: 3 }),
      k: fc.constantFrom(1, 1, 1, 2, 0, -1),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(term, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
        (sums) => {
          const x = B.input('x');
          const y = B.input('y');
          const t = B.tanh(B.input('z'));
          const xy = B.mul(x, y); // shared below: an atom
          const xpy = B.add(x, y); // shared below: an atom
          const pool = [x, y, t, xy, xpy, B.neg(xy)];
          const outputs: Record<string, Node> = { xy, xpy };
          sums.forEach((terms, i) => {
            let acc: Node | undefined;
            for (const { coef, atoms, k } of terms) {
              let m: Node = B.constant(coef);
              for (const a of atoms) m = B.mul(m, pool[a]!);
              if (k !== 1) m = k === 2 ? B.square(m) : B.pow(m, k);
              acc = acc ? B.add(acc, m) : m;
            }
            outputs[`s${i}`] = B.mul(acc!, B.sub(x, y));
          });
          expectSameNormalForms(outputs);
          expectSameOptimized(outputs);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
