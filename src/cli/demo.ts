/**
 * `npm start`: the computation graph J = 3(a + b·c), end to end — build it, differentiate it
 * symbolically, emit and load its TypeScript, run it, and gradient-check it; then train the planar
 * classifier and report its gradient check and accuracy.
 */
import {
  add,
  binaryAccuracy,
  compile,
  compileTraining,
  evaluate,
  formula,
  grad,
  gradcheck,
  input,
  mul,
  Rng,
} from '../index.js';

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
const costCheck = gradcheck(f, point, { cost: 'J' });
console.log(costCheck.report());

// ---- and a model that learns: the planar flower classifier, trained as the course does
const planar = (await import('../../samples/planar.js')).default;
const trainer = compileTraining(planar);
const { train } = planar.data();
const state = trainer.init(planar.defaults?.seed ?? 1);
// Checked at random N(0, 1) parameters, as the textbook's gradient-check exercise does: at the
// 0.01-scaled initialization some gradients are ~1e-8, below what finite differences resolve.
const probe = trainer.init(2);
const rng = new Rng(3);
for (const v of Object.values(probe.params)) v.forEach((_, i) => (v[i] = rng.normal()));
const check = trainer.gradcheck(probe, train, { mode: 'full' });
console.log(
  `\nplanar 2-4-1 tanh net: ${trainer.parameterCount} parameters; gradient check at random parameters:`,
);
console.log(check.report());
const started = performance.now();
const costs = trainer.fit(state, train, { epochs: planar.defaults?.epochs ?? 10_000 });
const seconds = (performance.now() - started) / 1000;
const accuracy = binaryAccuracy(
  trainer.predict(state, { X: train.X! }).A2 as Float64Array,
  train.Y as Float64Array,
);
console.log(
  `trained ${costs.length} full-batch steps in ${seconds.toFixed(2)} s: cost ${costs[0]!.toFixed(4)} → ${costs[costs.length - 1]!.toFixed(4)}, training accuracy ${(100 * accuracy).toFixed(2)}%`,
);
