import * as I from './interval.js';
import type { StructuralOp } from './define.js';
import { reductionCall, reductionShape } from './sum.js';
import { emitRunning, extremumKinks, reductionIndex } from './reduceMax.js';

/**
 * The position of the first maximum (minimum) along the reduced axes, as a number: row-major
 * among the reduced elements (along one axis, its index). A NaN counts as the extremum (the first
 * NaN's position is returned), as in NumPy. Piecewise constant: no gradient, no tangent.
 */
function argExtremum(name: 'argmax' | 'argmin'): StructuralOp {
  const isMax = name === 'argmax';
  /** Whether v takes the lead from `best` (the first of equal values keeps it; NaN wins). */
  const better = (v: number, best: number) =>
    best === best && (isMax ? !(v <= best) : !(v >= best));
  return {
    kind: 'structural',
    name,
    arity: 1,
    commutative: false,
    smooth: false,
    shape: reductionShape(name),
    eval: ([x], attrs, outShape) => {
      const size = Math.max(
        1,
        outShape.reduce((p, d) => p * d, 1),
      );
      const best = new Float64Array(size).fill(isMax ? -Infinity : Infinity);
      const out = new Float64Array(size);
      const { out: into, pos } = reductionIndex(x!, attrs);
      x!.data.forEach((v, k) => {
        if (!better(v, best[into[k]!]!)) return;
        best[into[k]!] = v;
        out[into[k]!] = pos[k]!;
      });
      return out;
    },
    emit: (k) => {
      const [best, at, p] = ['best', 'at', 'p'].map((n) => k.local(n)) as [string, string, string];
      const v = k.local('v');
      const lead = isMax ? `!(${v} <= ${best})` : `!(${v} >= ${best})`;
      emitRunning(
        k,
        () => {
          k.line(`let ${best} = ${isMax ? '-Infinity' : 'Infinity'};`);
          k.line(`let ${at} = 0;`);
          k.line(`let ${p} = 0;`);
        },
        (value) => {
          k.line(`const ${v} = ${value};`);
          // the first of equal values keeps the lead; a NaN takes it and keeps it
          k.line(`if (${best} === ${best} && ${lead}) {`);
          k.line(`${best} = ${v};`);
          k.line(`${at} = ${p};`);
          k.line('}');
          k.line(`${p}++;`);
        },
        () => at,
      );
    },
    // a position among the reduced elements: [0, n − 1] (n unknown for the batch dimension)
    range: () => I.interval(0, Infinity),
    math: (args, attrs) => reductionCall(name, args, attrs),
    jvp: () => null,
    vjp: () => [null],
    // the position jumps where the set of tied elements changes (as max's kinks)
    kinks: ([x], attrs, b) => extremumKinks(isMax ? 'reduceMax' : 'reduceMin', x!, attrs, b),
  };
}

export const argmax = argExtremum('argmax');
export const argmin = argExtremum('argmin');
