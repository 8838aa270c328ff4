import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  compile,
  compileTraining,
  ge,
  grad,
  gradcheck,
  gt,
  input,
  leakyRelu,
  matmul,
  max,
  mean,
  min,
  mul,
  param,
  pow,
  relativeError,
  relu,
  sgd,
  sign,
  sub,
  sum,
  verdictOf,
  where,
  type InputValues,
} from '../src/index.ts';
import { OPS } from '../src/ops/index.ts';
import { expectError } from './expectError.ts';

const a = input('a');
const b = input('b');
const c = input('c');
const J = mul(3, add(a, mul(b, c)));
const point = { a: 5, b: 3, c: 2 };

describe('gradcheck', () => {
  it("reproduces the textbook's two-sided estimate: d/dx x³ at 1 with ε = 0.01 is 3.0001", () => {
    const x = input('x');
    const r = gradcheck(pow(x, 3), { x: 1 }, { epsilon: 0.01 });
    expect(r.perInput[0]!.numerical[0]).toBeCloseTo(3.0001, 12);
    expect(r.perInput[0]!.analytic[0]).toBe(3);
    // |3.0001 − 3| / (3.0001 + 3) ≈ 1.7e-5: not below 1e-5, so not "correct" at this ε
    expect(r.relativeError).toBeCloseTo(0.0001 / 6.0001, 10);
    expect(r.ok).toBe(false);
    // at the default ε = 1e-7 it is correct
    expect(gradcheck(pow(x, 3), { x: 1 }).verdict).toBe('correct');
  });

  it('passes a cost node, with a per-input breakdown', () => {
    const r = gradcheck(J, point);
    expect(r.ok).toBe(true);
    expect(r.verdict).toBe('correct');
    expect(r.relativeError).toBeLessThan(1e-7);
    expect(r.perInput.map((e) => e.name)).toEqual(['a', 'b', 'c']);
    expect(r.report()).toMatch(/^overall: correct: the worst row is \w+ \(relative error \S+\)/m);
  });

  it('passes a compiled gradgen function', () => {
    const [da, db, dc] = grad(J, [a, b, c]);
    const f = compile({ J, da: da!, db: db!, dc: dc! });
    const r = gradcheck(f, point);
    expect(r.ok).toBe(true);
    expect(r.perInput.map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('tells a wrong db apart from right da and dc in a hand-written backprop', () => {
    const cost = (v: InputValues) => 3 * ((v.a as number) + (v.b as number) * (v.c as number));
    const handWritten = (v: InputValues) => ({
      a: 3,
      b: 3 * (v.b as number), // bug: should be 3c
      c: 3 * (v.b as number),
    });
    const r = gradcheck({ cost, grad: handWritten }, point);
    expect(r.ok).toBe(false);
    const byName = Object.fromEntries(r.perInput.map((e) => [e.name, e.verdict]));
    expect(byName).toEqual({ a: 'correct', b: 'bug', c: 'correct' });
    expect(r.report()).toMatch(/^b\s+\S+\s+bug/m);
  });

  it('fails on NaN or Inf anywhere, never passes', () => {
    const cost = (v: InputValues) => (v.a as number) * 2;
    expect(gradcheck({ cost, grad: () => ({ a: NaN }) }, { a: 1 }).verdict).toBe('nonfinite');
    expect(gradcheck({ cost, grad: () => ({ a: NaN }) }, { a: 1 }).ok).toBe(false);
    const badCost = (v: InputValues) => ((v.a as number) > 1 ? Infinity : 2 * (v.a as number));
    const r = gradcheck({ cost: badCost, grad: () => ({ a: 2 }) }, { a: 1 }, { epsilon: 0.5 });
    expect(r.verdict).toBe('nonfinite');
    expect(r.problems.join()).toMatch(/Infinity/);
  });

  it('a non-finite gradient spoils its own row; a non-finite cost at the point every row', () => {
    const cost = (v: InputValues) => 2 * (v.a as number) + 3 * (v.b as number);
    const r = gradcheck({ cost, grad: () => ({ a: NaN, b: 3 }) }, { a: 1, b: 1 });
    expect(r.perInput.map((e) => e.verdict)).toEqual(['nonfinite', 'correct']);
    expect([r.verdict, r.decidedBy, r.ok]).toEqual(['nonfinite', 'a', false]);
    const nan = gradcheck({ cost: () => NaN, grad: () => ({ a: 2, b: 3 }) }, { a: 1, b: 1 });
    expect(nan.perInput.map((e) => e.verdict)).toEqual(['nonfinite', 'nonfinite']);
  });

  it('random-direction mode agrees on tensors given as arrays', () => {
    const cost = (v: InputValues) => {
      const w = v.w as Float64Array;
      return w.reduce((s, x, i) => s + (i + 1) * x * x, 0);
    };
    const g = (v: InputValues) => ({ w: (v.w as Float64Array).map((x, i) => 2 * (i + 1) * x) });
    const w = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i));
    const r = gradcheck({ cost, grad: g }, { w }, { mode: 'random', directions: 6, seed: 3 });
    expect(r.ok).toBe(true);
    expect(r.perInput[0]!.numerical.length).toBe(6);
    const wrong = (v: InputValues) => ({ w: (v.w as Float64Array).map((x, i) => 2 * i * x) });
    expect(gradcheck({ cost, grad: wrong }, { w }, { mode: 'random' }).ok).toBe(false);
  });

  it('guards the 0/0 case and maps errors to verdicts', () => {
    expect(relativeError([0, 0], [0, 0])).toBe(0);
    expect(relativeError([1, 0], [1, 0])).toBe(0);
    expect(verdictOf(1e-8)).toBe('correct');
    expect(verdictOf(1e-6)).toBe('inspect');
    expect(verdictOf(1e-4)).toBe('suspicious');
    expect(verdictOf(1e-2)).toBe('bug');
    expect(verdictOf(NaN)).toBe('nonfinite');
  });
});

describe('gradcheck is honest: the worst row decides', () => {
  // J = 1e6·a² + 1e-3·b: da is 2e4 at a = 0.01, db = 1e-3; a wrong sign of db moves the overall
  // relative error by only 5e-8, which the old overall-only verdict called `correct`
  const Jab = add(mul(1e6, mul(a, a)), mul(1e-3, b));
  const cost = (v: InputValues) => 1e6 * (v.a as number) ** 2 + 1e-3 * (v.b as number);
  const flipped = (v: InputValues) => ({ a: 2e6 * (v.a as number), b: -1e-3 });

  it('a failing row fails the check: verdict, ok and report agree, naming the row', () => {
    const r = gradcheck({ cost, grad: flipped }, { a: 0.01, b: 1 });
    const byName = Object.fromEntries(r.perInput.map((e) => [e.name, e.verdict]));
    expect(byName).toEqual({ a: 'correct', b: 'bug' });
    expect(r.relativeError).toBeLessThan(1e-7); // all components together: it hides the bug
    expect(r.verdict).toBe('bug');
    expect(r.decidedBy).toBe('b');
    expect(r.ok).toBe(false);
    expect(r.perInput.map((e) => e.ok)).toEqual([true, false]);
    expect(r.report()).toMatch(
      /^overall: bug \(FAILED\): the worst row is b \(relative error 1\.00e\+0\)/m,
    );
    // the right gradient passes, row by row: at |J| = 100 a db of 1e-3 is resolved to ~1e-4 only,
    // so its row is `roundoff` (the wrong one is 2e-3 off, far above that floor)
    const right = gradcheck(Jab, { a: 0.01, b: 1 });
    expect(right.perInput.map((e) => e.verdict)).toEqual(['correct', 'roundoff']);
    expect(right.ok, right.report()).toBe(true);
  });

  it('a row within the round-off floor is `roundoff`, does not fail, and says why', () => {
    // at a = 1 the cost is 1e6: differences at ε = 1e-7 resolve only ~1e-2, so db = ±1e-3 cannot
    // be judged either way (its numerical estimate is round-off)
    const r = gradcheck({ cost, grad: flipped }, { a: 1, b: 1 });
    const row = r.perInput.find((e) => e.name === 'b')!;
    expect(row.verdict, r.report()).toBe('roundoff');
    expect(row.floor[0]! / ((4 * 2 ** -52 * 1e6) / 1e-7)).toBeCloseTo(1, 6);
    expect([r.verdict, r.decidedBy, r.ok]).toEqual(['roundoff', 'b', true]);
    expect(r.report()).toMatch(
      /^roundoff: b: every \|numerical − analytic\| is within the round-off floor/m,
    );
    expect(r.report()).toMatch(/adjoint check/);
  });

  it('a wrong gradient above the floor is not excused as round-off', () => {
    // the same cost of 1e6, a gradient off by 1: far above the floor of ~1e-2
    const r = gradcheck(
      { cost, grad: (v) => ({ a: 2e6 * (v.a as number), b: 1 }) },
      { a: 1, b: 1 },
    );
    expect(r.perInput[1]!.verdict).toBe('bug');
    expect(r.ok).toBe(false);
  });

  it('the step is relative: x·y at x = 1e9 is correct (an absolute 1e-7 read 4.77 for 3)', () => {
    const x = input('x');
    const y = input('y');
    const r = gradcheck(mul(x, y), { x: 1e9, y: 3 });
    expect(
      r.perInput.map((e) => e.verdict),
      r.report(),
    ).toEqual(['correct', 'correct']);
    expect(r.perInput[0]!.numerical[0]).toBeCloseTo(3, 6);
    expect(r.ok).toBe(true);
  });

  it('a float32 cost gets the float32 round-off floor (u = 2⁻²³)', () => {
    const X = input('X', [3]);
    const f = compile({ J: sum(mul(X, X)), dX: mul(2, X) }, { dtype: 'float32' });
    const at = { X: [0.75, -0.5, 0.25] };
    const J = 0.875;
    for (const epsilon of [1e-7, 1e-3]) {
      const r = gradcheck(f, at, { epsilon });
      expect(r.dtype).toBe('float32');
      // the step is what the float32 cost reads: θ ± h rounded to float32
      const width = Math.fround(0.75 + epsilon) - Math.fround(0.75 - epsilon);
      expect(r.perInput[0]!.floor[0]! / ((2 * 4 * 2 ** -23 * J) / width)).toBeCloseTo(1, 2);
      // (this cost keeps its sum in float64, so its differences happen to be good to float64:
      // the floor is an upper bound, and the rows are judged `correct` by their errors)
      expect(r.perInput[0]!.verdict).not.toBe('bug');
      expect(r.ok, r.report()).toBe(true);
    }
  });
});

describe('gradcheck and kinks', () => {
  const x = input('x');

  it('every non-smooth op declares its kinks (one op, one file)', () => {
    const missing = Object.values(OPS).filter((d) => !d.smooth && d.kinks === undefined);
    expect(missing.map((d) => d.name)).toEqual([]);
  });

  it('a ReLU pre-activation within ε of 0 is `kink`, not `bug`; it fails', () => {
    const w = input('w');
    const J = relu(add(mul(w, 2), 3e-8 - 2));
    const r = gradcheck(J, { w: 1 }, { wrt: ['w'] });
    const row = r.perInput[0]!;
    expect(row.verdict, r.report()).toBe('kink');
    expect(row.kinks).toEqual([0]);
    expect([r.verdict, r.ok]).toEqual(['kink', false]);
    expect(r.report()).toMatch(/^kink: w \[0\]: the perturbation crossed a kink of the cost/m);
    expect(r.report()).toMatch(/avoidKinks: true \(gradgen check --avoid-kinks\)/);
  });

  it('avoidKinks re-samples the point (seeded) and then judges the gradient', () => {
    const J = relu(add(x, 3e-8));
    const r = gradcheck(J, { x: 0 }, { avoidKinks: true });
    expect([r.verdict, r.ok], r.report()).toEqual(['correct', true]);
    expect(r.resamples).toBeGreaterThanOrEqual(1);
    expect(r.resamples).toBeLessThanOrEqual(10);
    expect(Math.abs((r.point.x as number) + 3e-8)).toBeGreaterThan(1e-7);
    expect(r.report()).toMatch(/re-sampled the point \d+ times?/);
    // the same seed, the same point
    const again = gradcheck(J, { x: 0 }, { avoidKinks: true });
    expect(again.point).toEqual(r.point);
    // a wrong gradient at the new point is still wrong
    const wrong = gradcheck(
      {
        cost: (v) => Math.max(v.x as number, 0),
        grad: (v) => ({ x: (v.x as number) > 0 ? 2 : 0 }),
        kinks: (v) => [v.x as number],
      },
      { x: 3e-8 },
      { avoidKinks: { tries: 50 }, seed: 4 },
    );
    expect(wrong.ok).toBe(false);
  });

  it('a kink that avoidKinks cannot leave stays `kink` after the stated tries', () => {
    // kinks every 3e-8 (|sin(1e8·x)|): every perturbation of 1e-7 crosses some, wherever x is
    const pair = {
      cost: (v: InputValues) => (v.x as number) + 1e-6 * Math.abs(Math.sin(1e8 * (v.x as number))),
      grad: () => ({ x: 1 }),
      kinks: (v: InputValues) => [Math.sin(1e8 * (v.x as number))],
    };
    const r = gradcheck(pair, { x: 1 }, { avoidKinks: { tries: 3 } });
    expect([r.verdict, r.ok, r.resamples], r.report()).toEqual(['kink', false, 3]);
    expect(r.report()).toMatch(/still there after 3 re-samples \(avoidKinks tries: 3\)/);
    // without avoidKinks the point is not moved
    const once = gradcheck(pair, { x: 1 });
    expect([once.resamples, once.point]).toEqual([0, { x: 1 }]);
  });

  it('avoidKinks re-samples a kink row even when another row is worse (a bug)', () => {
    const y = input('y');
    const J = add(relu(add(x, 3e-8)), mul(y, y));
    const [dx] = grad(J, [x]);
    const f = compile({ J, dx: dx!, dy: mul(3, y) }); // dy is wrong: 3y, not 2y
    const r = gradcheck(f, { x: 0, y: 1 }, { avoidKinks: true });
    expect(
      r.perInput.map((e) => e.verdict),
      r.report(),
    ).toEqual(['correct', 'bug']);
    expect(r.resamples).toBeGreaterThanOrEqual(1);
    expect([r.verdict, r.decidedBy, r.ok]).toEqual(['bug', 'y', false]);
  });

  it('max, min, abs, comparisons and where: a perturbation across the kink is caught', () => {
    const y = input('y');
    const near = { x: 1 + 3e-8, y: 1 };
    for (const J of [
      max(x, y),
      min(x, y),
      abs(sub(x, y)),
      mul(x, gt(x, y)),
      where(ge(x, y), x, mul(0.1, x)),
      leakyRelu(sub(x, y), 0.2),
      mul(x, sign(sub(x, y))),
    ]) {
      const r = gradcheck(J, near, { wrt: ['x'] });
      expect(r.perInput[0]!.verdict, r.report()).toBe('kink');
      expect(r.ok).toBe(false);
      // away from the kink the same cost is judged by its differences
      expect(gradcheck(J, { x: 2, y: 1 }, { wrt: ['x'] }).verdict).toBe('correct');
    }
  });

  it('a kink crossed where the differences agree anyway is just `correct`', () => {
    // relu(x)·0 + x: the kink does not move J
    const r = gradcheck(add(mul(relu(x), 0), x), { x: 1e-8 });
    expect(r.verdict, r.report()).toBe('correct');
  });

  it('training models detect the kinks of their loss', () => {
    const X = input('X', [1, 'm']);
    const W = param('W', [1, 1], { init: 'normal' });
    const trainer = compileTraining({
      loss: mean(relu(matmul(W, X))),
      optimizer: sgd({ learningRate: 0.1 }),
    });
    const state = trainer.init(1);
    // the pre-activations W·x = 3e-8, 6e-8 lie within h = 1e-7·x of the kink
    state.params.W![0] = 3e-8;
    const r = trainer.gradcheck(state, { X: [1, 2] });
    expect(r.perInput[0]!.verdict, r.report()).toBe('kink');
    const resampled = trainer.gradcheck(state, { X: [1, 2] }, { avoidKinks: true });
    expect(resampled.ok, resampled.report()).toBe(true);
  });
});

describe("gradcheck's options", () => {
  const cost = (v: InputValues) => 2 * (v.a as number);
  const pair = { cost, grad: () => ({ a: 2 }) };
  it('are checked: the key, the value and the call site (E_BAD_OPTION)', () => {
    const site = /gradcheck\.test\.ts:\d+/;
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ epsilon: 0 }, /option 'epsilon' must be a number in \(0, 1\), got 0/],
      [{ epsilon: -1e-7 }, /epsilon' .* got -1e-7/],
      [{ epsilon: '1e-7' }, /epsilon' .* got "1e-7"/],
      [{ epsilon: NaN }, /epsilon' .* got NaN/],
      [
        { epsilion: 1e-7 },
        /unknown option 'epsilion' .*the options are epsilon, .*did you mean 'epsilon'/,
      ],
      [
        { mode: 'all' },
        /option 'mode' must be one of 'full', 'random', 'adjoint' or 'hvp', got "all"/,
      ],
      [{ directions: 0 }, /option 'directions' must be an integer in \[1, 1000000\], got 0/],
      [{ directions: 2.5 }, /directions' .* got 2\.5/],
      [{ threshold: 0 }, /option 'threshold' must be a number > 0, got 0/],
      [{ seed: -1 }, /option 'seed' must be an integer ≥ 0, got -1/],
      [{ avoidKinks: 'yes' }, /option 'avoidKinks' must be true, false or \{ tries \}.*got "yes"/],
      [{ avoidKinks: { tries: 0 } }, /avoidKinks' .* got \{"tries":0\}/],
      [{ avoidKinks: { tries: 1e6 } }, /avoidKinks' .* \[1, 1000\], got \{"tries":1000000\}/],
      [{ avoidKinks: { retries: 3 } }, /avoidKinks' .* got \{"retries":3\}/],
      [{ wrt: 'a' }, /option 'wrt' must be an array of inputs, params or their names, got "a"/],
      [{ grads: { a: 3 } }, /option 'grads' must be an object of input name → output name/],
    ];
    for (const [options, pattern] of bad) {
      expectError(() => gradcheck(pair, { a: 1 }, options as never), 'E_BAD_OPTION', pattern, site);
    }
    expectError(
      () => gradcheck(pair, { a: 1 }, 3 as never),
      'E_BAD_OPTION',
      /options must be an object, got 3/,
    );
    // undefined values are absent options
    expect(gradcheck(pair, { a: 1 }, { epsilon: undefined }).ok).toBe(true);
  });
});
