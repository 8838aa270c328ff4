/**
 * The planar sample's data and initial parameters (samples/planar.ts's example()), as float64 bits
 * in hex for the consumer programs to read exactly: inputs.json.
 */
import { writeFileSync } from 'node:fs';
import { planarFlower, randomMatrix } from '../../samples/data.ts';
import { Rng } from '../../src/index.ts';
import { toHex } from './tools.ts';

export function writePlanarInputs(path: string, steps: number): void {
  const { X, Y } = planarFlower(400, 1);
  const rng = new Rng(2);
  const tensors = {
    X,
    Y,
    W1: randomMatrix(4, 2, rng, 0.5),
    b1: randomMatrix(4, 1, rng, 0.1),
    W2: randomMatrix(1, 4, rng, 0.5),
    b2: new Float64Array([0.05]),
  };
  const hex = Object.fromEntries(
    Object.entries(tensors).map(([k, v]) => [k, Array.from(v, toHex)]),
  );
  writeFileSync(path, JSON.stringify({ steps, learningRate: 1.2, tensors: hex }));
}
