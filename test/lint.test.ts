import { describe, expect, it } from 'vitest';
import * as G from '../src/index.js';
import { FINDING_KINDS, lint, type FindingKind } from '../src/check/lint.js';
import { lintModel } from '../src/cli/lintModel.js';
import { loadModel } from '../src/node.js';
import { expectError } from './expectError.js';

const x = G.input('x');
const y = G.input('y');
const kinds = (outputs: Record<string, G.Node>, options?: Parameters<typeof lint>[1]) =>
  lint(outputs, options).map((f) => f.kind);

/** Per kind: a graph with the hazard, and the same graph fixed as the hint says. */
const CASES: Record<FindingKind, { hazard: () => string[]; fixed: () => string[] }> = {
  'exp-overflow': {
    hazard: () => kinds({ f: G.exp(x) }),
    fixed: () => kinds({ f: G.exp(x) }, { ranges: { x: [-50, 50] } }),
  },
  'log-of-zero': {
    hazard: () => kinds({ f: G.log(x) }, { ranges: { x: [0, 1] } }),
    fixed: () => kinds({ f: G.log(G.add(x, 1e-8)) }, { ranges: { x: [0, 1] } }),
  },
  'division-by-zero': {
    hazard: () => kinds({ f: G.div(y, x) }, { ranges: { x: [0, 1] } }),
    fixed: () => kinds({ f: G.div(y, G.add(x, 1e-8)) }, { ranges: { x: [0, 1] } }),
  },
  'sqrt-derivative-at-zero': {
    hazard: () => {
      const f = G.sqrt(x);
      return kinds({ f, df: G.grad(f, [x])[0]! }, { ranges: { x: [0, 4] } });
    },
    fixed: () => {
      const f = G.sqrt(G.add(x, 1e-12));
      return kinds({ f, df: G.grad(f, [x])[0]! }, { ranges: { x: [0, 4] } });
    },
  },
  'sqrt-of-negative': {
    hazard: () => kinds({ f: G.sqrt(G.sub(x, y)) }, { ranges: { x: [0, 1], y: [0, 1] } }),
    fixed: () => kinds({ f: G.sqrt(G.relu(G.sub(x, y))) }, { ranges: { x: [0, 1], y: [0, 1] } }),
  },
  'zero-times-infinity': {
    // tanh(eˣ) is finite (1) where eˣ overflows, but its backward multiplies 1 − tanh² = 0 by eˣ = ∞
    hazard: () => {
      const f = G.tanh(G.exp(x));
      return kinds({ f, df: G.grad(f, [x])[0]! }, { ranges: { x: [0, 800] } });
    },
    fixed: () => {
      const f = G.tanh(G.exp(G.min(x, 20)));
      return kinds({ f, df: G.grad(f, [x])[0]! }, { ranges: { x: [0, 800] } });
    },
  },
  'pow-negative-base': {
    hazard: () => kinds({ f: G.pow(x, 1.5) }, { ranges: { x: [-1, 1] } }),
    fixed: () => kinds({ f: G.pow(G.abs(x), 1.5) }, { ranges: { x: [-1, 1] } }),
  },
  cancellation: {
    hazard: () => kinds({ f: G.sub(x, y) }, { ranges: { x: [1e9, 2e9], y: [1e9, 2e9] } }),
    fixed: () => kinds({ f: G.sub(x, y) }, { ranges: { x: [1e9, 2e9], y: [-5, 5] } }),
  },
};

describe('the hazard lint', () => {
  it('has a case for every finding kind', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FINDING_KINDS).sort());
  });

  for (const [kind, c] of Object.entries(CASES)) {
    it(`reports ${kind}, and not once it is fixed as its hint says`, () => {
      expect(c.hazard()).toContain(kind);
      expect(c.fixed()).not.toContain(kind);
    });
  }

  it('names the op, the formula, the call site, the range and the fix', () => {
    const f = G.exp(G.mul(x, y)); // this line is the site
    const [finding] = lint({ f }, { ranges: { y: [1, 2] } });
    expect(finding).toMatchObject({ kind: 'exp-overflow', op: 'exp', formula: 'exp(x·y)' });
    expect(finding!.site).toMatch(/lint\.test\.ts:\d+$/);
    expect(finding!.message).toContain('[-2000, 2000]');
    expect(finding!.hint).toBe(FINDING_KINDS['exp-overflow'].hint);
  });

  it('lints the optimized graph: the stabilized log σ(z) is not a hazard, exp is', () => {
    expect(kinds({ f: G.log(G.sigmoid(x)) })).toEqual([]);
    expect(kinds({ f: G.log(G.sub(1, G.sigmoid(x))) })).toEqual([]);
    expect(kinds({ f: G.log(G.add(1, G.exp(x))) })).toEqual([]);
    // a sigmoid written by hand is not rewritten: its exp overflows for x < −709
    expect(kinds({ f: G.div(1, G.add(1, G.exp(G.neg(x)))) })).toContain('exp-overflow');
    // eˣ − 1 and log(1 + x) become expm1 and log1p: their hazards stay
    expect(lint({ f: G.sub(G.exp(x), 1) })[0]).toMatchObject({ kind: 'exp-overflow', op: 'expm1' });
    expect(lint({ f: G.log(G.add(1, x)) })[0]).toMatchObject({ kind: 'log-of-zero', op: 'log1p' });
  });

  it('takes a range from the sample, a given range over it, and widens sampled params', () => {
    expect(kinds({ f: G.exp(x) }, { sample: { x: 3 } })).toEqual([]);
    expect(kinds({ f: G.exp(x) }, { sample: { x: 3 }, ranges: { x: [0, 710] } })).toEqual([
      'exp-overflow',
    ]);
    const w = G.param('w');
    // w's sample is 0, but a param ranges over at least [−1, 1]: log w can reach 0
    expect(kinds({ f: G.log(G.add(w, 1)) }, { sample: { w: 0 } })).toEqual(['log-of-zero']);
    expect(kinds({ f: G.log(G.add(x, 1)) }, { sample: { x: 0 } })).toEqual([]);
  });

  it('refuses a range that is not [lo, hi] and options that are not objects', () => {
    expectError(
      () => lint({ f: G.exp(x) }, { ranges: { x: [2, 1] } }),
      'E_BAD_OPTION',
      /ranges\.x/,
    );
    expectError(() => lint({ f: G.exp(x) }, { sample: 3 as never }), 'E_BAD_OPTION', /sample/);
  });

  it('finds nothing in the course samples (their training data and initial params)', async () => {
    for (const name of [
      'planar',
      'deep',
      'digits',
      'housing',
      'logisticRegression',
      'computationGraph',
    ]) {
      const model = await loadModel(`samples/${name}.ts`);
      expect(lintModel(model), name).toEqual([]);
    }
  });
});
