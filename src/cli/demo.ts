/**
 * `npm start`: the computation graph J = 3(a + b·c), end to end — build it, differentiate it
 * symbolically, emit and load its TypeScript, run it, and gradient-check it.
 */
import { add, compile, evaluate, formula, grad, gradcheck, input, mul } from '../index.ts';

const a = input('a');
const b = input('b');
const c = input('c');
const J = mul(3, add(a, mul(b, c)));
const [da, db, dc] = grad(J, [a, b, c]);

const point = { a: 5, b: 3, c: 2 };
console.log('J = 3(a + b·c)  at', point, '\n');
console.log('symbolic gradients:');
for (const [k, n] of Object.entries({ da, db, dc })) console.log(`  ${k} = ${formula(n)}`);

const f = compile({ J, da, db, dc }, { name: 'costJ' });
console.log('\ngenerated forward + backward TypeScript:\n');
console.log(f.source);
console.log('compiled:    ', f(point));
console.log('interpreted: ', evaluate({ J, da, db, dc }, point));
console.log('');
const check = gradcheck(f, point, { cost: 'J' });
console.log(check.report());
