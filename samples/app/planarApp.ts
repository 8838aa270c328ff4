/**
 * An app that ships the generated trainer: it imports codegen/planar.ts (the module
 * `npm run codegen` writes from samples/planar.ts) and nothing of gradgen's — the module is the
 * whole trainer. Run with `npx tsx samples/app/planarApp.ts`. (The flower data comes from the
 * samples' generator; an app would bring its own.)
 */
import { createPlanarTrainer } from '../../codegen/planar.ts';
import { planarFlower } from '../data.ts';

const { X, Y } = planarFlower(400, 1);
const trainer = createPlanarTrainer({ seed: 1 });
const costs = trainer.fit({ X, Y }, { epochs: 2000 });
const A2 = trainer.predict({ X }).A2 as Float64Array;
const correct = A2.reduce((n, a, j) => n + ((a > 0.5 ? 1 : 0) === Y[j] ? 1 : 0), 0);
console.log(
  `cost ${costs[0]!.toFixed(4)} → ${costs[costs.length - 1]!.toFixed(4)} after 2000 epochs`,
);
console.log(
  `training accuracy ${((100 * correct) / Y.length).toFixed(2)}% (${correct}/${Y.length})`,
);
console.log(`state: ${trainer.save().length} bytes of JSON (params, step, epoch, RNG)`);
