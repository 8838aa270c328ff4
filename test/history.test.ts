/**
 * The rules behind each node an optimization made (`History`) are kept on the nodes: a node that
 * two optimizations record is given up by the first to the second, and the first keeps its own
 * record of it. Each must answer as if it had a table of its own.
 */
import { describe, expect, it } from 'vitest';
import { input, optimize, type Node } from '../src/index.ts';
import { toposort } from '../src/ir/graph.ts';
import { History } from '../src/rewrite/engine.ts';

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('History on the nodes', () => {
  it('keeps each history apart on a node both record', () => {
    const x = input('hx');
    const n = x.mul(3).add(1);
    const first = new History();
    const second = new History();
    first.add(n, 'r1');
    second.add(n, 'r2');
    expect(sorted(first.of(n))).toEqual(['r1']);
    expect(sorted(second.of(n))).toEqual(['r2']);
    // the first takes the node back; the second keeps what it had
    first.add(n, 'r3');
    expect(sorted(first.of(n))).toEqual(['r1', 'r3']);
    expect(sorted(second.of(n))).toEqual(['r2']);
    second.addRebuilt(n, x, [x]);
    expect(sorted(second.of(n))).toEqual(['r2']);
    second.add(n, new Set(['r4']));
    expect(sorted(second.of(n))).toEqual(['r2', 'r4']);
    expect(sorted(first.of(n))).toEqual(['r1', 'r3']);
    // a node neither recorded has no rules in either
    expect(first.of(x).size).toBe(0);
    expect(new History().of(n).size).toBe(0);
  });

  it('a rebuilt node gathers the rules of what it was made from', () => {
    const a = input('ha');
    const b = input('hb');
    const h = new History();
    const other = new History();
    h.add(a, 'ra');
    other.add(b, 'rb-other');
    h.add(b, 'rb');
    const rebuilt = a.add(b);
    h.addRebuilt(rebuilt, a.mul(b), [a, b]);
    expect(sorted(h.of(rebuilt))).toEqual(['ra', 'rb']);
    expect(sorted(other.of(b))).toEqual(['rb-other']);
    expect(other.of(rebuilt).size).toBe(0);
  });

  it("an optimization's rulesBehind is unchanged by a later one over the same nodes", () => {
    const x = input('hy');
    const z = input('hz');
    const shared = x
      .mul(1)
      .add(0)
      .mul(z.sub(z.mul(0)));
    const one = optimize({ y: shared.add(x.mul(2).sub(x)) });
    const cone = (o: Readonly<Record<string, Node>>) => toposort(Object.values(o));
    const before = new Map(cone(one.outputs).map((n) => [n, sorted(one.rulesBehind(n))]));
    expect([...before.values()].some((r) => r.length > 0)).toBe(true);
    const two = optimize({ y: shared.mul(shared.div(1)), w: shared.neg().neg() });
    for (const [n, rules] of before) expect(sorted(one.rulesBehind(n))).toEqual(rules);
    // and the second answers for itself: a fresh optimization of the same outputs agrees with it
    const again = optimize({ y: shared.mul(shared.div(1)), w: shared.neg().neg() });
    for (const n of cone(two.outputs)) {
      expect(sorted(two.rulesBehind(n))).toEqual(sorted(again.rulesBehind(n)));
    }
  });
});
