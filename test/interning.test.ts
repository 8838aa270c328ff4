/**
 * Interning and names: what one graph's emitted code says never depends on builder calls made
 * after it (or on other graphs built before it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emit, grad } from '../src/index.ts';
import * as B from '../src/builder/core.ts';
import { hashString, hashUint32, type Node } from '../src/ir/node.ts';
import type { OpName } from '../src/ops/index.ts';

describe('structural hashes', () => {
  it('an operand hash is hashed as its decimal digits, as hashString(String(h)) hashes them', () => {
    const edges = [0, 1, 9, 10, 11, 99, 100, 999_999_999, 1e9, 2 ** 31, 2 ** 32 - 1];
    for (let p = 1; p <= 1e9; p *= 10) edges.push(p - 1, p, p + 1);
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...edges), fc.nat({ max: 2 ** 32 - 1 })),
        fc.nat({ max: 2 ** 32 - 1 }),
        (n, seed) => hashUint32(n, seed) === hashString(String(n), seed),
      ),
      { seed: 14, numRuns: 2000 },
    );
  });
});

describe('the op-node table', () => {
  it('nodes whose structural hashes share a bucket are still one node each', () => {
    // the table keys op nodes by 30 bits of their hash: among 10⁵ nodes x + k some share a key
    const x = B.input('bucketX');
    const byKey = new Map<number, Node[]>();
    let pair: Node[] | undefined;
    for (let k = 1; !pair && k <= 200_000; k++) {
      const n = B.add(x, k);
      const same = byKey.get(n.hash >>> 2) ?? [];
      same.push(n);
      byKey.set(n.hash >>> 2, same);
      if (same.length === 2) pair = same;
    }
    expect(pair).toBeDefined();
    const [a, b] = pair as [Node & { kind: 'apply' }, Node & { kind: 'apply' }];
    expect(a).not.toBe(b);
    // each is found again, and its named twin is a node of its own in the same bucket
    expect(B.add(x, (a.args[1] as Node & { value: number }).value)).toBe(a);
    expect(B.add(x, (b.args[1] as Node & { value: number }).value)).toBe(b);
    const A = B.named(a, 'A');
    expect(A).not.toBe(a);
    expect(B.named(a, 'A')).toBe(A);
    expect(B.apply('add', a.args, {})).toBe(a);
  });

  it('a node is found again over operands just made (the lookup that skips the table for new ones)', () => {
    // each step builds over the newest nodes, then builds the same again: one node each time,
    // whether its operands were operands of nothing yet (first build) or of the node itself
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('add', 'mul', 'sub', 'tanh', 'neg'), fc.nat(3)), {
          minLength: 1,
          maxLength: 40,
        }),
        (steps) => {
          const pool: Node[] = [B.input('freshA'), B.input('freshB')];
          for (const [op, back] of steps) {
            const a = pool[pool.length - 1]!;
            const b = pool[Math.max(0, pool.length - 1 - back)]!;
            const args = op === 'tanh' || op === 'neg' ? [a] : [a, b];
            const first = B.apply(op, args);
            expect(B.apply(op, args)).toBe(first);
            if (first.kind === 'apply')
              expect(B.apply(first.op as OpName, [...first.args], first.attrs)).toBe(first);
            pool.push(first);
          }
        },
      ),
      { seed: 29, numRuns: 200 },
    );
  });
});

describe('named()', () => {
  it('naming a node an earlier graph shares leaves that graph’s emitted text as it was', () => {
    const a = B.input('na');
    const b = B.input('nb');
    const s = B.mul(a, b);
    const J = B.add(B.tanh(s), B.mul(s, 3));
    const before = emit({ J });
    const S = B.named(s, 'S');
    expect(emit({ J })).toBe(before);
    expect(before).not.toMatch(/\bS\b/);
    // the named node is a node of its own, named in the graphs built on it
    expect(S).not.toBe(s);
    expect(emit({ K: B.add(B.tanh(S), B.mul(S, 3)) })).toMatch(/const S = na \* nb;/);
    // and its gradient is named after it
    expect(emit({ dna: grad(B.tanh(S), [a])[0] })).toMatch(/\bdS\b/);
  });

  it('interning still holds: unnamed nodes are one node, and so are equal named ones', () => {
    const a = B.input('ia');
    const b = B.input('ib');
    const s = B.mul(a, b);
    expect(B.mul(b, a)).toBe(s);
    const S = B.named(s, 'S');
    expect(B.named(B.mul(a, b), 'S')).toBe(S);
    expect(B.named(S, 'S')).toBe(S);
    expect(B.named(s, 'T')).not.toBe(S);
    // inputs and constants are what they are
    expect(B.named(a, 'other')).toBe(a);
    expect(B.named(B.constant(2), 'two')).toBe(B.constant(2));
  });

  it('two graphs naming one shared value differently each get their own name', () => {
    const x = B.input('sx');
    const base = B.exp(x);
    const first = emit({ y: B.tanh(B.named(base, 'first')) });
    const second = emit({ y: B.tanh(B.named(base, 'second')) });
    expect(first).toMatch(/const first = Math\.exp\(sx\);/);
    expect(second).toMatch(/const second = Math\.exp\(sx\);/);
    expect(emit({ y: B.tanh(B.named(base, 'first')) })).toBe(first);
  });
});
