/**
 * A rewrite pass records each node's users on the node itself (`NodeBase.addUser`): the one user
 * in place, an array from the second on. What it reads back must be the users table of the
 * graph (`usersOf`), in order, and nothing once the record is cleared or another pass's.
 */
import { describe, expect, it } from 'vitest';
import * as B from '../src/builder/core.ts';
import { toposort, usersOf } from '../src/ir/graph.ts';
import { newWalk, NodeBase, type Node } from '../src/ir/node.ts';
import { Rng } from '../src/rng.ts';

/** A random scalar DAG: some nodes used once, some many times, some by one node twice. */
function randomGraph(seed: number): Node[] {
  const rng = new Rng(seed);
  const pool: Node[] = [B.input('ua'), B.input('ub'), B.input('uc')];
  for (let i = 0; i < 200; i++) {
    const a = pool[rng.int(pool.length)]!;
    const b = pool[Math.max(0, pool.length - 1 - rng.int(6))]!;
    pool.push(rng.int(3) === 0 ? B.tanh(a) : rng.int(2) === 0 ? B.mul(a, b) : B.add(a, b));
  }
  return pool.slice(-5);
}

describe('users recorded on the nodes', () => {
  for (const seed of [1, 2, 3]) {
    it(`are the graph's users table, in order (seed ${seed})`, () => {
      const graph = toposort(randomGraph(seed));
      const table = usersOf(graph);
      const tag = newWalk();
      for (const u of graph)
        if (u.kind === 'apply') for (const a of u.args) NodeBase.addUser(a, tag, u);
      const counts = new Set<number>();
      for (const n of graph) {
        const expected = table.get(n) ?? [];
        counts.add(expected.length);
        expect(NodeBase.usersIn(n, tag) ?? []).toEqual(expected);
        expect(NodeBase.userCount(n, tag)).toBe(expected.length);
        // another pass's tag sees none
        expect(NodeBase.usersIn(n, tag + 1)).toBeUndefined();
        expect(NodeBase.userCount(n, tag + 1)).toBe(0);
      }
      // the graph has nodes of no, one and several users
      expect(counts.has(0) && counts.has(1) && [...counts].some((c) => c > 2)).toBe(true);
      for (const n of graph) NodeBase.addUser(n, 0, undefined);
      for (const n of graph) {
        expect(NodeBase.usersIn(n, tag)).toBeUndefined();
        expect(NodeBase.userCount(n, tag)).toBe(0);
      }
    });
  }
});
