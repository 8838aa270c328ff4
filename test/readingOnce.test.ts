/**
 * The rational normal form reads each interior node of a graph once per pass (`Readings`), not
 * once per region and path: normalizing with it gives the node, and optimizing the graph and the
 * firing log, that reading every region path by path gives — on random scalar DAGs (where shared
 * scalar arithmetic is read by every region above it), random tensor graphs (layout ops read
 * through, broadcasts) and the compile bench's random graphs.
 */
import { describe } from 'vitest';
import { normalizeRational, Readings, withoutReadingOnce } from '../src/rewrite/rational.ts';
import { sameOnRandomGraphs } from './rationalCompare.ts';

describe('reading each node once normalizes as reading every path does', () => {
  sameOnRandomGraphs(
    {
      normalize: (interior) => {
        const readings = new Readings(interior);
        return [
          (n) => normalizeRational(n, readings),
          (n) => withoutReadingOnce(() => normalizeRational(n, interior)),
        ];
      },
      otherWay: withoutReadingOnce,
    },
    { seed: 0x4ead1, scalarRuns: 150, benchSeeds: [1, 2, 3] },
  );
});
