/**
 * Multi-class: logsumexp (a primitive, max-shifted), softmax and logSoftmax built on it, oneHot
 * labels and categorical cross-entropy — values against an independent reference, gradients
 * against differences and forward mode, compiled against interpreted, and the stability of
 * CCE∘softmax at logits of ±800 and ±1e4 in float64 and float32, with dZ = (A − Y)/m by algebra.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoricalCrossEntropy,
  compile,
  evaluate,
  exp,
  explain,
  grad,
  gradcheck,
  input,
  log,
  logSoftmax,
  logsumexp,
  multiclassAccuracy,
  oneHot,
  reshape,
  softmax,
  sum,
  transpose,
  div,
  type Node,
} from '../src/index.ts';
import { expectError } from './expectError.ts';

/** log Σ exp over column j of a (C, m) row-major array, in the naive form (small values only). */
function naiveLse(z: readonly number[], c: number, m: number, j: number): number {
  let s = 0;
  for (let i = 0; i < c; i++) s += Math.exp(z[i * m + j]!);
  return Math.log(s);
}

/** softmax of each column, max-shifted in plain JavaScript (the reference). */
function referenceSoftmax(z: readonly number[], c: number, m: number): number[] {
  const out = new Array<number>(c * m);
  for (let j = 0; j < m; j++) {
    let max = -Infinity;
    for (let i = 0; i < c; i++) max = Math.max(max, z[i * m + j]!);
    let s = 0;
    for (let i = 0; i < c; i++) s += Math.exp(z[i * m + j]! - max);
    for (let i = 0; i < c; i++) out[i * m + j] = Math.exp(z[i * m + j]! - max) / s;
  }
  return out;
}

const asArray = (v: unknown) => Array.from(v as ArrayLike<number>);
const close = (a: number, b: number, tol: number) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('logsumexp', () => {
  const Z = input('Z', [3, 'm']);

  it('equals log Σ exp per column, along axis 0 by default, and the last axis with axis −1', () => {
    const z = [0.5, -1, 2, 1.5, 0, -0.25];
    const { l0, l1 } = evaluate(
      { l0: logsumexp(Z), l1: logsumexp(Z, { axis: -1, keepdims: true }) },
      { Z: z },
    ) as { l0: Float64Array; l1: Float64Array };
    expect(l0.length).toBe(2);
    for (let j = 0; j < 2; j++) expect(l0[j]).toBeCloseTo(naiveLse(z, 3, 2, j), 14);
    for (let i = 0; i < 3; i++) {
      const row = [z[2 * i]!, z[2 * i + 1]!];
      expect(l1[i]).toBeCloseTo(Math.log(Math.exp(row[0]!) + Math.exp(row[1]!)), 14);
    }
  });

  it('is finite and exact at ±800 and ±1e4, compiled in float64 and float32', () => {
    const z = [800, -800, 1e4, 799, -801, -1e4, 0, 0, 1e4 - 1];
    const l = logsumexp(Z);
    for (const dtype of ['float64', 'float32'] as const) {
      const f = compile({ l }, { dtype });
      const got = asArray(f({ Z: z }).l);
      // columns (800, 799, 0), (−800, −801, 0), (1e4, −1e4, 1e4 − 1)
      const expected = [800 + Math.log1p(Math.exp(-1)), 0, 1e4 + Math.log1p(Math.exp(-1))];
      got.forEach((v, j) =>
        expect(close(v, expected[j]!, dtype === 'float32' ? 1e-6 : 1e-15)).toBe(true),
      );
    }
  });

  it('rejects an axis outside the shape, naming it and the call site', () => {
    expectError(
      () => logsumexp(Z, { axis: 2 }),
      'E_SHAPE',
      /logsumexp: axis 2 is out of range for shape \(3, m\).*multiclass\.test\.ts/,
    );
    expectError(() => logsumexp(Z, { axis: 0.5 }), 'E_BAD_OPTION', /axis/);
  });
});

describe('softmax and logSoftmax', () => {
  const Z = input('Z', [4, 'm']);

  it('columns sum to 1; exact against the reference at logits ±800 (compiled and interpreted)', () => {
    const z = [800, -800, 3, 0, 799, 0, -800, 2, 1, 800, 0.5, -3];
    const A = softmax(Z);
    const expected = referenceSoftmax(z, 4, 3);
    for (const got of [asArray(evaluate({ A }, { Z: z }).A), asArray(compile({ A })({ Z: z }).A)]) {
      got.forEach((v, k) => expect(close(v, expected[k]!, 1e-15)).toBe(true));
      for (let j = 0; j < 3; j++)
        expect(got[j]! + got[3 + j]! + got[6 + j]! + got[9 + j]!).toBeCloseTo(1, 14);
    }
  });

  it('logSoftmax is finite where softmax underflows to 0', () => {
    const z = [800, -800, -800, 800, 0, 0, 1e4, 0];
    const { L } = compile({ L: logSoftmax(Z) })({ Z: z }) as unknown as { L: Float64Array };
    // column 0: (800, −800, 0, 1e4) → logsumexp = 1e4
    expect(L[0]).toBeCloseTo(800 - 1e4, 9);
    expect(L[2]).toBeCloseTo(-800 - 1e4, 9);
    expect(asArray(L).every(Number.isFinite)).toBe(true);
  });

  it('gradients pass the two-sided check and the adjoint check (random weights make the cost)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 }),
        // positive weights: a cost that cancels (Σ of terms far larger than itself) hides its
        // gradient below the round-off of differences
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (z, w) => {
          const W = input('W', [4, 'm']);
          for (const f of [softmax, logSoftmax, (x: Node) => logsumexp(x, { keepdims: true })]) {
            const J = sum(f(Z).mul(W));
            for (const mode of ['full', 'adjoint'] as const) {
              const r = gradcheck(J, { Z: z, W: w }, { wrt: ['Z'], mode });
              if (!r.ok) expect.fail(`${mode}: ${r.verdict} at ${JSON.stringify({ z, w })}`);
            }
          }
        },
      ),
      { seed: 13, numRuns: 25 },
    );
  });
});

describe('oneHot', () => {
  it('turns integer labels into one-hot columns, from an input or a list', () => {
    const labels = input('labels', [1, 'm']);
    const { Y } = evaluate({ Y: oneHot(labels, 3) }, { labels: [2, 0] }) as { Y: Float64Array };
    expect(asArray(Y)).toEqual([0, 1, 0, 0, 1, 0]);
    const f = compile({ Y: oneHot(labels, 3) });
    expect(asArray(f({ labels: [2, 0] }).Y)).toEqual([0, 1, 0, 0, 1, 0]);
    const { F } = evaluate({ F: oneHot([1, 1, 0], 2) }, {}) as { F: Float64Array };
    expect(asArray(F)).toEqual([0, 0, 1, 1, 1, 0]);
    expect(asArray(compile({ F: oneHot([1, 1, 0], 2).mul(2) })({}).F)).toEqual([0, 0, 2, 2, 2, 0]);
  });

  it('a label that is not a class index is an error naming its index, wherever it enters', () => {
    const labels = input('labels', [1, 'm']);
    const Y = oneHot(labels, 3);
    expectError(
      () => oneHot([0, 3], 3),
      'E_BAD_LABEL',
      /label 3 at index 1 is not a class index \(an integer in \[0, 3\)\)/,
    );
    expectError(() => oneHot([0, 0.5], 3), 'E_BAD_LABEL', /index 1/);
    expectError(
      () => evaluate({ Y }, { labels: [0, 1, 2.5] }),
      'E_BAD_LABEL',
      /'labels' has the label 2.5 at index 2/,
    );
    const f = compile({ Y });
    expectError(
      () => f({ labels: [0, -1] }),
      'E_BAD_LABEL',
      /input 'labels' has the label -1 at index 1, which is not a class index \(an integer in \[0, 3\)\)/,
    );
    expectError(() => f({ labels: [3] }), 'E_BAD_LABEL', /at index 0/);
    expectError(() => oneHot(labels, 0), 'E_BAD_ARGUMENT', /positive integer/);
    expectError(() => oneHot(input('L2', [2, 'm']), 3), 'E_SHAPE', /one row of labels/);
    expectError(() => oneHot(labels.mul(2), 3), 'E_BAD_ARGUMENT', /must be an input/);
  });
});

describe('categorical cross-entropy', () => {
  const Z = input('Z', [3, 'm']);
  const labels = input('labels', [1, 'm']);
  const Y = oneHot(labels, 3);
  const A = softmax(Z).named('A');
  const J = categoricalCrossEntropy(A, Y);
  const [dZ] = grad(J, [Z]) as [Node];

  /** −(1/m)·Σ log softmax(z)[label], computed stably in plain JavaScript. */
  function reference(z: readonly number[], l: readonly number[]): { J: number; dZ: number[] } {
    const m = l.length;
    const p = referenceSoftmax(z, 3, m);
    let total = 0;
    for (let j = 0; j < m; j++) {
      let max = -Infinity;
      for (let i = 0; i < 3; i++) max = Math.max(max, z[i * m + j]!);
      let s = 0;
      for (let i = 0; i < 3; i++) s += Math.exp(z[i * m + j]! - max);
      total += max + Math.log(s) - z[l[j]! * m + j]!;
    }
    const d = p.map((v, k) => (v - (Math.floor(k / m) === l[k % m] ? 1 : 0)) / m);
    return { J: total / m, dZ: d };
  }

  it('the backward is dZ = (1/m)·(A − Y), by algebra (explain shows the rules)', () => {
    const e = explain({ dZ });
    expect(e.outputs.dZ!.formula).toBe('(1/m)·(A − oneHot_3(labels))');
    expect(e.outputs.dZ!.rules).toContain('sum-of-one-hot');
    // grad differentiates the stable form: log softmax(Z) is Z − logsumexp(Z) there
    expect(explain({ J }).outputs.J!.rules).toContain('log-softmax');
  });

  it('is finite and exact at logits ±800 and ±1e4, in float64 and float32', () => {
    const z = [800, -800, 1e4, 0, -800, 800, 0, 0.5, 3, 0, -1e4, -0.5];
    const l = [0, 1, 2, 1];
    const ref = reference(z, l);
    for (const dtype of ['float64', 'float32'] as const) {
      const tol = dtype === 'float32' ? 2e-6 : 1e-14;
      const got = compile({ J, dZ }, { dtype })({ Z: z, labels: l });
      expect(close(got.J as number, ref.J, tol)).toBe(true);
      asArray(got.dZ).forEach((v, k) => expect(Math.abs(v - ref.dZ[k]!)).toBeLessThan(tol));
    }
  });

  it('fromLogits, soft labels and layout ops between the ops give the same stable cost', () => {
    const Ysoft = input('Ysoft', [3, 'm']);
    const z = [800, -3, 0, -800, 2, 0.25];
    const soft = [0.2, 0.5, 0.3, 0.25, 0.5, 0.25];
    const logits = categoricalCrossEntropy(Z, Ysoft, { fromLogits: true });
    const probs = categoricalCrossEntropy(softmax(Z), Ysoft);
    // softmax over the rows of Zᵀ (m, 3), transposed back; and softmax of a (3, 1, m) reshape
    const Zt = input('Zt', ['m', 3]);
    const viaTranspose = categoricalCrossEntropy(transpose(softmax(Zt, { axis: 1 })), Ysoft);
    const Z3 = input('Z3', [3, 1, 'm']);
    const viaReshape = categoricalCrossEntropy(reshape(softmax(Z3), [3, 'm']), Ysoft);
    const zt = [z[0]!, z[2]!, z[4]!, z[1]!, z[3]!, z[5]!];
    const f = compile({ logits, probs, viaTranspose, viaReshape });
    const got = f({ Z: z, Zt: zt, Z3: z, Ysoft: soft });
    let expected = 0;
    for (let j = 0; j < 2; j++) {
      const col = [z[j]!, z[2 + j]!, z[4 + j]!];
      const max = Math.max(...col);
      const lse = max + Math.log(col.reduce((s, v) => s + Math.exp(v - max), 0));
      for (let i = 0; i < 3; i++) expected -= soft[i * 2 + j]! * (col[i]! - lse);
    }
    expected /= 2;
    for (const key of ['logits', 'probs', 'viaTranspose', 'viaReshape'] as const) {
      expect(close(got[key] as number, expected, 1e-14), key).toBe(true);
    }
    // and their gradients are finite
    const [g1] = grad(viaTranspose, [Zt]) as [Node];
    const [g2] = grad(probs, [Z]) as [Node];
    const gs = compile({ g1, g2 })({ Z: z, Zt: zt, Ysoft: soft });
    expect([...asArray(gs.g1), ...asArray(gs.g2)].every(Number.isFinite)).toBe(true);
  });

  it('gradients of CCE, with probabilities and from logits, pass the two-sided check', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }),
        (z, l) => {
          for (const cost of [J, categoricalCrossEntropy(Z, Y, { fromLogits: true })]) {
            const r = gradcheck(cost, { Z: z, labels: l }, { wrt: ['Z'] });
            if (!r.ok) expect.fail(`${r.verdict} at ${JSON.stringify({ z, l })}`);
          }
        },
      ),
      { seed: 7, numRuns: 30 },
    );
  });

  it('rejects predictions and labels of different shapes', () => {
    expectError(
      () => categoricalCrossEntropy(Z, input('Y4', [4, 'm'])),
      'E_SHAPE',
      /categoricalCrossEntropy: predictions \(3, m\) and labels \(4, m\)/,
    );
  });
});

describe('stability rules for hand-written forms', () => {
  const Z = input('Z', [3, 'm']);

  it('log Σ exp(x) becomes logsumexp; eˣ/Σeˣ becomes e^(x − logsumexp x): finite at 800', () => {
    const byHand = log(sum(exp(Z), { axis: 0 }));
    const softByHand = div(exp(Z), sum(exp(Z), { axis: 0, keepdims: true }));
    const z = [800, 1, -800, 2, 0, 3];
    const got = compile({ byHand, softByHand })({ Z: z });
    expect(asArray(got.byHand)).toEqual(asArray(compile({ l: logsumexp(Z) })({ Z: z }).l));
    const ref = referenceSoftmax(z, 3, 2);
    asArray(got.softByHand).forEach((v, k) => expect(close(v, ref[k]!, 1e-15)).toBe(true));
    const rules = explain({ byHand, softByHand }).firings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['log-sum-exp', 'softmax-by-hand']));
    // and their gradients are finite there
    const [d1] = grad(sum(byHand), [Z]) as [Node];
    const [d2] = grad(sum(log(softByHand).mul(Z)), [Z]) as [Node];
    const gs = compile({ d1, d2 })({ Z: z });
    expect([...asArray(gs.d1), ...asArray(gs.d2)].every(Number.isFinite)).toBe(true);
  });
});

describe('multiclassAccuracy', () => {
  it('counts the columns whose most probable class is the label (integer or one-hot labels)', () => {
    // 3 classes × 4 examples; predicted classes 0, 2, 1, 0 (ties go to the first)
    const p = [0.7, 0.1, 0.2, 0.4, 0.1, 0.2, 0.5, 0.4, 0.2, 0.7, 0.3, 0.2];
    expect(multiclassAccuracy(p, [0, 2, 1, 1], 3)).toBe(0.75);
    const oneHotLabels = [1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0];
    expect(multiclassAccuracy(p, oneHotLabels, 3)).toBe(0.75);
    expectError(() => multiclassAccuracy(p, [0, 1], 3), 'E_BAD_ARGUMENT', /2 labels/);
    expectError(() => multiclassAccuracy(p, [0], 5), 'E_BAD_ARGUMENT', /not 5 classes/);
  });
});

describe('the digits sample', () => {
  it('codegen/digits.ts computes dZ3 = A3 − Y (its 1/m taken into dW3, db3) from softmax + CCE', () => {
    const source = readFileSync(new URL('../codegen/digits.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/\/\/ dZ3 = A3 − Y {2}\[samples\/digits\.ts:\d+\]\n\s*const dZ3 = \w+;/);
    expect(source).toMatch(/dZ3\[k\] = A3\[k\]! - Y\[k\]!;/);
    expect(source).toMatch(
      /\/\/ A3 = softmax_0\(Z3\) {2}\[samples\/digits\.ts:\d+\]\n\s*const A3 = \w+;/,
    );
    expect(source).toMatch(/J = .*logSoftmax_0\(Z3\)·Y/);
  });
});

describe('the softmax family, compiled and interpreted (property)', () => {
  it('optimized and unoptimized modules, float64 and float32, equal the interpreter on random shapes and axes', () => {
    const shapes: readonly (readonly number[])[] = [[5], [3, 4], [2, 3, 2]];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: shapes.length - 1 }),
        fc.integer({ min: -3, max: 2 }),
        fc.array(fc.double({ min: -900, max: 900, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (which, rawAxis, values) => {
          const shape = shapes[which]!;
          const axis = rawAxis % shape.length;
          const x = input('x', shape);
          const data = values.slice(
            0,
            shape.reduce((p, d) => p * d, 1),
          );
          const outputs = {
            s: softmax(x, { axis }),
            l: logSoftmax(x, { axis }),
            e: logsumexp(x, { axis }),
          };
          const reference = evaluate(outputs, { x: data }) as Record<string, Float64Array>;
          for (const optimize of [true, false]) {
            for (const dtype of ['float64', 'float32'] as const) {
              const got = compile(outputs, { optimize, dtype })({ x: data }) as unknown as Record<
                string,
                Float64Array
              >;
              for (const key of Object.keys(outputs)) {
                const ref = reference[key]!;
                Array.from(got[key]!).forEach((v, k) => {
                  // float32: the inputs are rounded to float32 (|x| ≤ 900: 3e-5 absolute) first
                  const tol =
                    dtype === 'float32'
                      ? 2e-4 * Math.max(1, Math.abs(ref[k]!))
                      : 1e-12 * Math.max(1, Math.abs(ref[k]!));
                  if (!(Math.abs(v - ref[k]!) <= tol)) {
                    expect.fail(
                      `${key} ${dtype} optimize ${optimize}: ${v} vs ${ref[k]} at ${k}, x ${JSON.stringify(data)} shape ${JSON.stringify(shape)} axis ${axis}`,
                    );
                  }
                });
              }
            }
          }
        },
      ),
      { seed: 2026, numRuns: 40 },
    );
  });
});

describe('oneHot (property)', () => {
  it('compiled and interpreted equal the definition; a bad label is named by its index', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(-1, 0.5, 99),
        (classes, raw, where, bad) => {
          const labels = raw.map((l) => l % classes);
          const m = labels.length;
          const L = input('labels', [1, 'm']);
          const Y = oneHot(L, classes);
          const expected = Array.from({ length: classes * m }, (_, k) =>
            labels[k % m] === Math.floor(k / m) ? 1 : 0,
          );
          const f = compile({ Y });
          expect(asArray(f({ labels }).Y)).toEqual(expected);
          expect(asArray(evaluate({ Y }, { labels }).Y)).toEqual(expected);
          const i = where % m;
          const wrong = labels.map((l, k) => (k === i ? (bad === 99 ? classes : bad) : l));
          expectError(() => f({ labels: wrong }), 'E_BAD_LABEL', new RegExp(`at index ${i},`));
        },
      ),
      { seed: 31, numRuns: 60 },
    );
  });
});
