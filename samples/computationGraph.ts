/**
 * The course's first computation graph: J = 3(a + b·c), with u = b·c and v = a + u.
 * Backprop by hand gives dJ/dv = 3, dJ/da = 3, dJ/du = 3, dJ/db = 3c, dJ/dc = 3b.
 */
import { add, defineGraph, grad, input, mul } from '../src/index.ts';

export const a = input('a');
export const b = input('b');
export const c = input('c');

export const u = mul(b, c).named('u');
export const v = add(a, u).named('v');
export const J = mul(3, v);

export const [da, db, dc] = grad(J, [a, b, c]);

export default defineGraph({
  name: 'costJ',
  outputs: { J, da, db, dc },
  example: { a: 5, b: 3, c: 2 },
  cost: 'J',
});
