/**
 * Synthetic data sets for the samples, generated in code from a seed (nothing is downloaded).
 * Layout: examples are columns; X is (n_x, m) and Y is (1, m), row-major Float64Arrays.
 */
import { Rng } from '../src/index.ts';

export interface Dataset {
  readonly X: Float64Array;
  readonly Y: Float64Array;
  readonly nx: number;
  readonly m: number;
}

/**
 * Stand-ins for the course's 64×64×3 cat pictures: m "images" flattened to 12288 values in [0, 1],
 * labelled by a hidden linear rule plus noise, so a logistic regression can learn them.
 */
export function syntheticImages(m: number, seed: number, nx = 64 * 64 * 3): Dataset {
  const rng = new Rng(seed);
  const hidden = Float64Array.from({ length: nx }, () => rng.normal());
  const X = new Float64Array(nx * m);
  const Y = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let score = 0;
    for (let i = 0; i < nx; i++) {
      const v = rng.uniform();
      X[i * m + j] = v;
      score += hidden[i]! * (v - 0.5);
    }
    Y[j] = score / Math.sqrt(nx) + 0.3 * rng.normal() > 0 ? 1 : 0;
  }
  return { X, Y, nx, m };
}

/**
 * The course's planar "flower": two classes of m/2 points each on the petals of r = 4 sin 4t,
 * with noise (σ = 0.2 on the angle and the radius).
 */
export function planarFlower(m = 400, seed = 1): Dataset {
  const rng = new Rng(seed);
  const perClass = Math.floor(m / 2);
  const X = new Float64Array(2 * m);
  const Y = new Float64Array(m);
  for (let j = 0; j < 2; j++) {
    for (let k = 0; k < perClass; k++) {
      const col = j * perClass + k;
      const t = j * 3.12 + (3.12 * k) / (perClass - 1) + rng.normal() * 0.2;
      const r = 4 * Math.sin(4 * t) + rng.normal() * 0.2;
      X[col] = r * Math.sin(t);
      X[m + col] = r * Math.cos(t);
      Y[col] = j;
    }
  }
  return { X, Y, nx: 2, m };
}

/** A seeded matrix of independent N(0, scale²) entries. */
export function randomMatrix(rows: number, cols: number, rng: Rng, scale = 1): Float64Array {
  return Float64Array.from({ length: rows * cols }, () => rng.normal() * scale);
}
