/**
 * Property: gradcheck never passes a planted wrong row that differences can resolve, and never
 * fails a right one. A small graph J = s·Σ tanh(W·X + b)² + c·Σ w² + offset (W 2×3, b 2×1, w 3, X
 * data), at random parameters, cost scales s and offsets (the offset raises |J| and with it the
 * round-off floor, without changing a gradient). A plant multiplies one component of one row's
 * true gradient by a factor (a sign flip, zero, a scale error). Then:
 *  - the floor is what the docs say: 4·u·|J|/h, h = ε·max(1, |θ|);
 *  - without a plant every row passes (`correct` or `roundoff`; the graph is smooth);
 *  - with one, the planted row fails (`inspect`, `suspicious` or `bug`) and so does the check,
 *    whenever the plant moves the component by more than 2 floors and the row's relative error
 *    by more than 10× the `correct` threshold; the other rows still pass;
 *  - verdict, ok, decidedBy and the report's overall line agree.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  add,
  compile,
  grad,
  gradcheck,
  input,
  matmul,
  mul,
  param,
  relativeError,
  square,
  sum,
  tanh,
  type CompiledFunction,
  type CostAndGradient,
  type InputValues,
} from '../../src/index.ts';
import { SEVERITY } from '../../src/check/verdict.ts';

const SEED = 0x9c4ec;
const X = input('X', [3, 'm']);
const W = param('W', [2, 3]);
const b = param('b', [2, 1]);
const w = param('w', [3]);
const s = input('s');
const c = input('c');
const offset = input('offset');
const J = add(add(mul(s, sum(square(tanh(add(matmul(W, X), b))))), mul(c, sum(square(w)))), offset);
const [dW, db, dw] = grad(J, [W, b, w]);
// plainly typed: it takes any InputValues (checked at run time)
const f: CompiledFunction = compile({ J, dW: dW!, db: db!, dw: dw! });
const rows = ['W', 'b', 'w'] as const;
const sizes = { W: 6, b: 2, w: 3 };

// uniform in [-2, 2] (fc.double favours extremes such as 1e-250, whose gradients underflow)
const values = (n: number) =>
  fc.array(
    fc.integer({ min: -20000, max: 20000 }).map((v) => v / 10000),
    { minLength: n, maxLength: n },
  );
const pointArb = fc.record({
  W: values(6),
  b: values(2),
  w: values(3),
  X: values(6),
  s: fc.constantFrom(1e-3, 1, 30, 1e3),
  c: fc.constantFrom(1e-6, 1e-2, 1),
  offset: fc.constantFrom(0, 1, 1e3, 1e6, 1e9),
});
const plantArb = fc.option(
  fc.record({
    row: fc.constantFrom(...rows),
    index: fc.nat(5),
    factor: fc.constantFrom(-1, 0, 0.5, 0.9, 1.1, 2, -3),
  }),
  { freq: 4 },
);

const counts = { planted: 0, resolved: 0 };

it('planted wrong rows above the floor fail; right rows pass', () => {
  fc.assert(
    fc.property(pointArb, plantArb, (p, plant) => {
      const at: InputValues = { ...p, X: p.X };
      const exact = f(at);
      const truth = Object.fromEntries(
        rows.map((r) => [r, Float64Array.from(exact[`d${r}`] as Float64Array)]),
      );
      const planted = Object.fromEntries(rows.map((r) => [r, Float64Array.from(truth[r]!)]));
      const index = plant ? plant.index % sizes[plant.row] : 0;
      if (plant) planted[plant.row]![index]! *= plant.factor;
      const pair: CostAndGradient = { cost: (x) => f(x).J as number, grad: () => planted };
      const r = gradcheck(pair, at, { wrt: [...rows] });
      const report = r.report();

      // the floor is 4·u·(|J(θ + h)| + |J(θ − h)|)/2h per component, h = ε·max(1, |θ|)
      for (const e of r.perInput) {
        const theta = at[e.name] as readonly number[];
        e.floor.forEach((fl, i) => {
          const h = 1e-7 * Math.max(1, Math.abs(theta[i]!));
          const moved = (d: number) =>
            f({ ...at, [e.name]: theta.map((v, j) => (j === i ? v + d : v)) }).J as number;
          const width = theta[i]! + h - (theta[i]! - h);
          const expected = (4 * 2 ** -52 * (Math.abs(moved(h)) + Math.abs(moved(-h)))) / width;
          expect(Math.abs(fl - expected)).toBeLessThanOrEqual(1e-12 * expected);
        });
      }
      // verdict, ok, decidedBy and the report agree
      const worst = Math.max(...r.perInput.map((e) => SEVERITY.indexOf(e.verdict)));
      expect(r.verdict).toBe(SEVERITY[worst]);
      expect(r.perInput.find((e) => e.name === r.decidedBy)!.verdict).toBe(r.verdict);
      expect(r.ok).toBe(r.perInput.every((e) => e.ok));
      expect(r.ok).toBe(
        r.perInput.every((e) => e.verdict === 'correct' || e.verdict === 'roundoff'),
      );
      expect(/^overall: \w+ \(FAILED\)/m.test(report)).toBe(!r.ok);

      for (const e of r.perInput) {
        const isPlanted = plant !== null && e.name === plant.row;
        if (!isPlanted) {
          expect(e.ok, `right row ${e.name}\n${report}`).toBe(true);
          continue;
        }
        counts.planted++;
        const moved = Math.abs(planted[e.name]![index]! - truth[e.name]![index]!);
        const rowError = relativeError(truth[e.name]!, planted[e.name]!);
        if (moved > 2 * e.floor[index]! && rowError > 1e-6) {
          counts.resolved++;
          expect(
            ['inspect', 'suspicious', 'bug'],
            `planted ${JSON.stringify(plant)}\n${report}`,
          ).toContain(e.verdict);
          expect(e.ok).toBe(false);
          expect(r.ok).toBe(false);
        }
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
  // not vacuous: most plants are resolvable, and some are not (they test the floor)
  expect(counts.resolved).toBeGreaterThan(0.4 * counts.planted);
  expect(counts.resolved).toBeLessThan(counts.planted);
});
