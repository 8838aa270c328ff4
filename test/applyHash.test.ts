/**
 * applyHash remembers the last hash it made (the builder hashes a new node twice: to look it up,
 * then to make it). What it returns must be the hash of what it is given now: the same array
 * with other operands in it, another op or other attributes over the same operands.
 */
import { describe, expect, it } from 'vitest';
import * as B from '../src/builder/core.ts';
import { applyHash, type Node } from '../src/ir/node.ts';

/** The hash made afresh: a copy of the operands, so nothing is remembered for it. */
const fresh = (op: string, attrs: Record<string, number>, args: readonly Node[]) => {
  applyHash('neg', {}, [B.input('hReset')]);
  return applyHash(op, attrs, [...args]);
};

describe('applyHash', () => {
  it('is the hash of what it is given, whatever it hashed last', () => {
    const [a, b, c] = [B.input('ha1'), B.input('ha2'), B.input('ha3')];
    const args: Node[] = [a, b];
    const none = {};
    const first = applyHash('add', none, args);
    expect(first).toBe(fresh('add', none, [a, b]));
    expect(applyHash('add', none, args)).toBe(first);
    // the same array, changed
    args[1] = c;
    expect(applyHash('add', none, args)).toBe(fresh('add', none, [a, c]));
    args.reverse();
    expect(applyHash('add', none, args)).toBe(fresh('add', none, [c, a]));
    // another op, other attributes, over the same array
    expect(applyHash('mul', none, args)).toBe(fresh('mul', none, [c, a]));
    const k = { k: 3 };
    expect(applyHash('mul', k, args)).toBe(fresh('mul', k, [c, a]));
    // one operand more (three are not remembered)
    args.push(b);
    expect(applyHash('mul', k, args)).toBe(fresh('mul', k, [c, a, b]));
    args.pop();
    expect(applyHash('mul', k, args)).toBe(fresh('mul', k, [c, a]));
    // and a node's own hash is what hashing it afresh gives
    const n = B.mul(B.add(a, b), c);
    expect(n.kind === 'apply' && n.hash === fresh(n.op, {}, n.args)).toBe(true);
  });
});
