/**
 * Misuses of the trainer — the library's compileTraining and a generated module's
 * create<Name>Trainer, which run the same runtime: bad states, saved states, seeds, data and
 * options. Each is a named error, and the state is as it was before the call.
 */
import { describe, expect, it } from 'vitest';
import * as G from '../../src/index.ts';
import { createPlanarTrainer } from '../../codegen/planar.ts';
import { planarFlower } from '../../samples/data.ts';
import { expectMisuse, expectMisuseUnchanged, SITE, type Misuse } from './misuse.ts';

const { input, param } = G;
const X = input('mtX', [2, 'm']);
const Y = input('mtY', [1, 'm']);
const W1 = param('mtW1', [3, 2]);
const b1 = param('mtb1', [3, 1], { init: 'zeros' });
const W2 = param('mtW2', [1, 3]);
const A1 = G.relu(G.add(G.matmul(W1, X), b1)); // NaN data reaches the loss only through relu
const A2 = G.sigmoid(G.matmul(W2, A1));
const loss = G.binaryCrossEntropy(A2, Y);
const flower = planarFlower(40, 1);
const data = { mtX: flower.X, mtY: flower.Y };

const sgdTrainer = G.compileTraining({
  loss,
  outputs: { A2 },
  optimizer: G.sgd({ learningRate: 0.1 }),
});
const adamTrainer = G.compileTraining({
  loss,
  outputs: { A2 },
  optimizer: G.adam({ learningRate: 0.01 }),
});
const noOutputs = G.compileTraining({ loss, optimizer: G.sgd({ learningRate: 0.1 }) });
const float32 = G.compileTraining({
  loss,
  optimizer: G.sgd({ learningRate: 0.1 }),
  dtype: 'float32',
});

/** A trained Adam state (m, v, t not zero) and its saved JSON, for the load misuses. */
const trained = adamTrainer.init(3);
adamTrainer.fit(trained, data, { epochs: 2, batchSize: 16 });
const saved = JSON.parse(adamTrainer.save(trained)) as Record<string, unknown> & {
  params: Record<string, { shape: number[]; data: unknown[] }>;
  opt: Record<string, { shape: number[]; data: unknown[] }>;
};
const withParam0 = (value: unknown) => {
  const copy = structuredClone(saved);
  copy.params.mtW1!.data[0] = value;
  return JSON.stringify(copy);
};
/** The saved JSON with its first parameter value written as `raw` (JSON.stringify cannot write 1e999). */
const withRawParam0 = (raw: string) => withParam0('__RAW__').replace('"__RAW__"', raw);
const without = (key: string) => JSON.stringify({ ...saved, [key]: undefined });
const changed = (patch: object) => JSON.stringify({ ...saved, ...patch });

const LOAD: Misuse[] = [
  [
    'a parameter value "abc"',
    () => adamTrainer.load(withParam0('abc')),
    'E_BAD_STATE',
    /params\.mtW1\[0\] is "abc"/,
    SITE,
  ],
  [
    'a parameter value null',
    () => adamTrainer.load(withParam0(null)),
    'E_BAD_STATE',
    /params\.mtW1\[0\] is null/,
  ],
  [
    'a parameter value 1e999',
    () => adamTrainer.load(withRawParam0('1e999')),
    'E_BAD_STATE',
    /params\.mtW1\[0\] is Infinity/,
  ],
  [
    'a parameter value true',
    () => adamTrainer.load(withParam0(true)),
    'E_BAD_STATE',
    /params\.mtW1\[0\] is true/,
  ],
  [
    '"params": null',
    () => adamTrainer.load(changed({ params: null })),
    'E_BAD_STATE',
    /'params' must be an object/,
  ],
  ['no params', () => adamTrainer.load(without('params')), 'E_BAD_STATE', /'params'/],
  ['no opt (Adam)', () => adamTrainer.load(without('opt')), 'E_BAD_STATE', /'opt'/],
  [
    'an emptied opt (Adam)',
    () => adamTrainer.load(changed({ opt: {} })),
    'E_BAD_STATE',
    /opt\.m_mtW1 is missing/,
  ],
  [
    'a param of the wrong shape',
    () =>
      adamTrainer.load(
        changed({ params: { ...saved.params, mtW1: { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] } } }),
      ),
    'E_BAD_STATE',
    /params\.mtW1 has shape \[2,3\]/,
    /\[3, 2\]/,
  ],
  [
    'a param with too few values',
    () =>
      adamTrainer.load(
        changed({ params: { ...saved.params, mtW1: { shape: [3, 2], data: [1] } } }),
      ),
    'E_BAD_STATE',
    /params\.mtW1 must hold 6 numbers/,
  ],
  [
    'a param the model does not have',
    () => adamTrainer.load(changed({ params: { ...saved.params, W9: { shape: [1], data: [1] } } })),
    'E_BAD_STATE',
    /params\.W9 is not an entry/,
  ],
  [
    'a __proto__ entry',
    () =>
      adamTrainer.load(
        JSON.stringify(saved).replace(
          '"params":{',
          '"params":{"__proto__":{"shape":[1],"data":[1]},',
        ),
      ),
    'E_BAD_STATE',
    /params/,
  ],
  ['not JSON', () => adamTrainer.load('{ params: '), 'E_BAD_STATE', /not JSON/],
  ['a JSON array', () => adamTrainer.load('[1, 2]'), 'E_BAD_STATE', /not a gradgen state/],
  [
    'another format',
    () => adamTrainer.load(changed({ format: 'keras' })),
    'E_BAD_STATE',
    /format "keras"/,
  ],
  [
    'another version',
    () => adamTrainer.load(changed({ version: 99 })),
    'E_BAD_STATE',
    /version 99/,
  ],
  ['step -1', () => adamTrainer.load(changed({ step: -1 })), 'E_BAD_STATE', /step is -1/],
  ['epoch 1.5', () => adamTrainer.load(changed({ epoch: 1.5 })), 'E_BAD_STATE', /epoch is 1\.5/],
  [
    'an rng of three words',
    () => adamTrainer.load(changed({ rng: [1, 2, 3] })),
    'E_BAD_STATE',
    /rng is \[1,2,3\]/,
  ],
  [
    'an all-zero rng',
    () => adamTrainer.load(changed({ rng: [0, 0, 0, 0, null] })),
    'E_BAD_STATE',
    /rng/,
  ],
  [
    'a number instead of JSON text',
    () => adamTrainer.load(42 as never),
    'E_BAD_STATE',
    /not a gradgen state/,
  ],
  [
    "another model's state",
    () => sgdTrainer.load(adamTrainer.save(trained)),
    'E_BAD_STATE',
    /opt\.m_mtW1 is not an entry|opt/,
  ],
];

const SEEDS: Misuse[] = [
  ['init(NaN)', () => sgdTrainer.init(Number.NaN), 'E_BAD_OPTION', /seed/, /NaN/, SITE],
  [
    'init(2^32 + 7), which would alias init(7)',
    () => sgdTrainer.init(2 ** 32 + 7),
    'E_BAD_OPTION',
    /4294967303/,
  ],
  ['init(-1)', () => sgdTrainer.init(-1), 'E_BAD_OPTION', /-1/],
  ['init(1.5)', () => sgdTrainer.init(1.5), 'E_BAD_OPTION', /1\.5/],
  ['init("1")', () => sgdTrainer.init('1' as never), 'E_BAD_OPTION', /seed/],
  ['init()', () => sgdTrainer.init(undefined as never), 'E_BAD_OPTION', /undefined/],
];

/** Misuses of fit, step, predict, lossAndGrad and save on a fresh state, which must not change. */
type StateMisuse = readonly [
  what: string,
  run: (s: G.TrainingState) => unknown,
  code: string,
  ...names: RegExp[],
];

const nanAt = (i: number, value = Number.NaN) => {
  const x = Float64Array.from(flower.X);
  x[i] = value;
  return { mtX: x, mtY: flower.Y };
};

const FIT: StateMisuse[] = [
  [
    'epochs -3 (returned [])',
    (s) => sgdTrainer.fit(s, data, { epochs: -3 }),
    'E_BAD_OPTION',
    /'epochs'/,
    /-3/,
    SITE,
  ],
  ['epochs 2.5 (ran 3)', (s) => sgdTrainer.fit(s, data, { epochs: 2.5 }), 'E_BAD_OPTION', /2\.5/],
  [
    'epochs Infinity (hung)',
    (s) => sgdTrainer.fit(s, data, { epochs: Infinity }),
    'E_BAD_OPTION',
    /Infinity/,
  ],
  ['no options', (s) => sgdTrainer.fit(s, data, undefined as never), 'E_BAD_OPTION', /epochs/],
  [
    'batchSize -1',
    (s) => sgdTrainer.fit(s, data, { epochs: 1, batchSize: -1 }),
    'E_BAD_OPTION',
    /'batchSize'/,
    /-1/,
  ],
  [
    'empty data (NaN costs)',
    (s) => sgdTrainer.fit(s, { mtX: [], mtY: [] }, { epochs: 1 }),
    'E_INPUT_SHAPE',
    /data 'mtX' has 0 values/,
  ],
  [
    'no data at all',
    (s) => sgdTrainer.fit(s, {}, { epochs: 1 }),
    'E_MISSING_INPUT',
    /missing data 'mtX'/,
  ],
  ['null data', (s) => sgdTrainer.fit(s, null as never, { epochs: 1 }), 'E_MISSING_INPUT', /fit/],
  [
    'a missing label',
    (s) => sgdTrainer.fit(s, { mtX: flower.X }, { epochs: 1 }),
    'E_MISSING_INPUT',
    /missing data 'mtY'/,
  ],
  [
    'NaN in the last example (batches before it were applied)',
    (s) => sgdTrainer.fit(s, nanAt(79), { epochs: 2, batchSize: 4 }),
    'E_NONFINITE_INPUT',
    /data 'mtX'/,
    /index 79/,
  ],
  [
    'NaN that reaches the loss only through relu',
    (s) => sgdTrainer.fit(s, nanAt(0), { epochs: 1 }),
    'E_NONFINITE_INPUT',
    /data 'mtX' has a non-finite value NaN at index 0/,
  ],
  [
    'Infinity in the labels',
    (s) =>
      sgdTrainer.fit(
        s,
        { mtX: flower.X, mtY: Float64Array.from(flower.Y, (y, i) => (i === 5 ? Infinity : y)) },
        { epochs: 1 },
      ),
    'E_NONFINITE_INPUT',
    /data 'mtY'/,
    /index 5/,
  ],
  [
    'a param among the data',
    (s) => sgdTrainer.fit(s, { ...data, mtW1: new Float64Array(6) }, { epochs: 1 }),
    'E_UNKNOWN_INPUT',
    /'mtW1' is a parameter/,
  ],
  [
    'labels for fewer examples',
    (s) => sgdTrainer.fit(s, { mtX: flower.X, mtY: flower.Y.slice(0, 10) }, { epochs: 1 }),
    'E_INPUT_SHAPE',
    /'mtY' has 10 examples but 'mtX' has 40/,
  ],
  [
    'X of an odd length',
    (s) => sgdTrainer.fit(s, { mtX: flower.X.slice(0, 79), mtY: flower.Y }, { epochs: 1 }),
    'E_INPUT_SHAPE',
    /data 'mtX' has 79 values/,
  ],
  [
    'rows given as columns',
    (s) =>
      sgdTrainer.fit(
        s,
        {
          mtX: Array.from({ length: 40 }, (_, j) => [flower.X[j]!, flower.X[40 + j]!]),
          mtY: flower.Y,
        },
        { epochs: 1 },
      ),
    'E_INPUT_SHAPE',
    /layout: 'rows'/,
  ],
  [
    'a ragged nested array',
    (s) => sgdTrainer.fit(s, { mtX: [[1, 2], [3]], mtY: [1, 0] }, { epochs: 1 }),
    'E_INPUT_SHAPE',
    /row 1 has 1 values/,
  ],
  [
    'a string in a nested array',
    (s) =>
      sgdTrainer.fit(
        s,
        {
          mtX: [
            [1, 'a'],
            [3, 4],
          ] as never,
          mtY: [1, 0],
        },
        { epochs: 1 },
      ),
    'E_NONFINITE_INPUT',
    /\[0\]\[1\]/,
  ],
  [
    'an onBatch that throws (the epoch is undone)',
    (s) =>
      sgdTrainer.fit(s, data, {
        epochs: 1,
        batchSize: 8,
        onBatch: (p) => {
          if (p.batch === 3) throw new G.GradgenError('E_BAD_ARGUMENT', 'stop at batch 3');
        },
      }),
    'E_BAD_ARGUMENT',
    /stop at batch 3/,
  ],
];

const STEP: StateMisuse[] = [
  [
    'step with a missing label',
    (s) => sgdTrainer.step(s, { mtX: flower.X }),
    'E_MISSING_INPUT',
    /step: missing data 'mtY'/,
    SITE,
  ],
  [
    'step with NaN through relu',
    (s) => sgdTrainer.step(s, nanAt(3)),
    'E_NONFINITE_INPUT',
    /data 'mtX'/,
    /index 3/,
  ],
  [
    'step with layout "sideways"',
    (s) => sgdTrainer.step(s, data, { layout: 'sideways' as never }),
    'E_BAD_OPTION',
    /'layout'/,
    /"sideways"/,
  ],
  [
    'step with a param in the data',
    (s) => sgdTrainer.step(s, { ...data, mtb1: [0, 0, 0] }),
    'E_UNKNOWN_INPUT',
    /'mtb1' is a parameter/,
  ],
  [
    'predict without outputs',
    (s) => noOutputs.predict(s, data),
    'E_BAD_OPTION',
    /no outputs to predict/,
  ],
  [
    'predict with layout 3',
    (s) => sgdTrainer.predict(s, data, { layout: 3 as never }),
    'E_BAD_OPTION',
    /'layout'/,
    /got 3/,
  ],
  [
    'lossAndGrad with maskSeed -1',
    (s) => sgdTrainer.lossAndGrad(s, data, { maskSeed: -1 }),
    'E_BAD_OPTION',
    /'maskSeed'/,
    /-1/,
  ],
  [
    'lossAndGrad with a short X',
    (s) => sgdTrainer.lossAndGrad(s, { mtX: [1], mtY: [1] }),
    'E_INPUT_SHAPE',
    /data 'mtX' has 1 values/,
  ],
  [
    'float32: fit on 1e39 (became Infinity after the check)',
    (s) => float32.fit(s, nanAt(2, 1e39), { epochs: 1 }),
    'E_NONFINITE_INPUT',
    /data 'mtX' has a value 1e\+39 at index 2 beyond float32's range/,
  ],
  [
    'float32: step on -1e39',
    (s) => float32.step(s, nanAt(2, -1e39)),
    'E_NONFINITE_INPUT',
    /-1e\+39/,
    /float32/,
  ],
];

/** Misuses of the state object itself. */
const BAD_STATES: Misuse[] = [
  [
    'step(null)',
    () => sgdTrainer.step(null as never, data),
    'E_BAD_STATE',
    /state must be what init/,
  ],
  [
    'step({})',
    () => sgdTrainer.step({} as never, data),
    'E_BAD_STATE',
    /state\.params\.mtW1 must be a Float64Array of 6 values/,
  ],
  [
    'a param as a plain array',
    () => {
      const s = sgdTrainer.init(1);
      (s.params as Record<string, unknown>).mtW1 = [1, 2, 3, 4, 5, 6];
      return sgdTrainer.step(s, data);
    },
    'E_BAD_STATE',
    /state\.params\.mtW1/,
    /got object/,
  ],
  [
    'a param of the wrong length',
    () => {
      const s = sgdTrainer.init(1);
      s.params.mtW1 = new Float64Array(5);
      return sgdTrainer.step(s, data);
    },
    'E_BAD_STATE',
    /got 5 values/,
  ],
  [
    'an emptied state.opt (was: missing input opt_m_tW)',
    () => {
      const s = adamTrainer.init(1);
      for (const k of Object.keys(s.opt)) delete s.opt[k];
      return adamTrainer.step(s, data);
    },
    'E_BAD_STATE',
    /state\.opt\.m_mtW1 must be a Float64Array/,
  ],
  [
    'a NaN step count',
    () => {
      const s = adamTrainer.init(1);
      s.step = Number.NaN;
      return adamTrainer.step(s, data);
    },
    'E_BAD_STATE',
    /state\.step must be an integer ≥ 0, got NaN/,
  ],
  [
    'a negative epoch',
    () => {
      const s = sgdTrainer.init(1);
      s.epoch = -1;
      return sgdTrainer.fit(s, data, { epochs: 1 });
    },
    'E_BAD_STATE',
    /state\.epoch/,
    /-1/,
  ],
  [
    'no rng',
    () => {
      const s = sgdTrainer.init(1);
      (s as { rng: unknown }).rng = undefined;
      return sgdTrainer.fit(s, data, { epochs: 1 });
    },
    'E_BAD_STATE',
    /state\.rng/,
  ],
  ['save(null)', () => sgdTrainer.save(null as never), 'E_BAD_STATE', /save/],
  [
    'save of an emptied params',
    () => {
      const s = sgdTrainer.init(1);
      delete (s.params as Record<string, unknown>).mtW2;
      return sgdTrainer.save(s);
    },
    'E_BAD_STATE',
    /state\.params\.mtW2/,
  ],
];

describe('library trainer misuses', () => {
  describe('load', () => {
    it.each(LOAD.map((m) => [m[0], m] as const))('%s', (_, [, run, code, ...names]) => {
      expectMisuse(run, code, ...names);
    });
  });
  describe('seeds', () => {
    it.each(SEEDS.map((m) => [m[0], m] as const))('%s', (_, [, run, code, ...names]) => {
      expectMisuse(run, code, ...names);
    });
  });
  describe('fit, step, predict, lossAndGrad: the state is unchanged', () => {
    it.each([...FIT, ...STEP].map((m) => [m[0], m] as const))(
      '%s',
      (_, [, run, code, ...names]) => {
        for (const trainer of [sgdTrainer, float32]) {
          if ((trainer === float32) !== /float32/.test(_)) continue;
          const state = trainer.init(5);
          trainer.fit(state, data, { epochs: 1 }); // a state that has trained: step 1, epoch 1
          expectMisuseUnchanged(
            () => trainer.save(state),
            () => run(state),
            code,
            ...names,
          );
        }
      },
    );
  });
  describe('bad states', () => {
    it.each(BAD_STATES.map((m) => [m[0], m] as const))('%s', (_, [, run, code, ...names]) => {
      expectMisuse(run, code, ...names);
    });
  });
});

describe("a generated module's trainer: the same misuses, the same errors", () => {
  const planar = planarFlower(20, 1);
  const moduleData = { X: planar.X, Y: planar.Y };
  const bad = Float64Array.from(planar.X);
  bad[39] = Number.NaN;
  const MODULE: readonly [
    string,
    (t: ReturnType<typeof createPlanarTrainer>) => unknown,
    string,
    ...RegExp[],
  ][] = [
    [
      'load a parameter "abc"',
      (t) =>
        t.load(
          t
            .save()
            .replace(/"W1":\{"shape":\[4,2\],"data":\[[^,]+/, '"W1":{"shape":[4,2],"data":["abc"'),
        ),
      'E_BAD_STATE',
      /params\.W1\[0\] is "abc"/,
    ],
    [
      'load "params": null',
      (t) => t.load(JSON.stringify({ ...JSON.parse(t.save()), params: null })),
      'E_BAD_STATE',
      /'params'/,
    ],
    ['load not JSON', (t) => t.load('nope'), 'E_BAD_STATE', /not JSON/],
    [
      'fit epochs -3',
      (t) => t.fit(moduleData, { epochs: -3 }),
      'E_BAD_OPTION',
      /planar: fit: option 'epochs'/,
      /-3/,
    ],
    [
      'fit epochs Infinity',
      (t) => t.fit(moduleData, { epochs: Infinity }),
      'E_BAD_OPTION',
      /Infinity/,
    ],
    [
      'fit NaN in the last example',
      (t) => t.fit({ X: bad, Y: planar.Y }, { epochs: 2, batchSize: 4 }),
      'E_NONFINITE_INPUT',
      /data 'X'/,
      /index 39/,
    ],
    [
      'fit on empty data',
      (t) => t.fit({ X: [], Y: [] }, { epochs: 1 }),
      'E_INPUT_SHAPE',
      /data 'X' has 0 values/,
    ],
    ['fit on no data', (t) => t.fit({}, { epochs: 1 }), 'E_MISSING_INPUT', /missing data 'X'/],
    [
      'step with a param in the data',
      (t) => t.step({ ...moduleData, W1: new Float64Array(8) }),
      'E_UNKNOWN_INPUT',
      /'W1' is a parameter/,
    ],
    [
      'step with an unknown option',
      (t) => t.step(moduleData, { layuot: 'rows' } as never),
      'E_BAD_OPTION',
      /unknown option 'layuot'/,
      /did you mean 'layout'/,
    ],
    [
      'predict with layout "x"',
      (t) => t.predict(moduleData, { layout: 'x' as never }),
      'E_BAD_OPTION',
      /"x"/,
    ],
    [
      'step after W1 was replaced by a short array',
      (t) => {
        const saved = t.params.W1;
        t.state.params.W1 = new Float64Array(3);
        try {
          return t.step(moduleData);
        } finally {
          t.state.params.W1 = saved!;
        }
      },
      'E_BAD_STATE',
      /state\.params\.W1/,
    ],
  ];
  it.each(MODULE.map((m) => [m[0], m] as const))('%s', (_, [, run, code, ...names]) => {
    const t = createPlanarTrainer({ seed: 2 });
    t.fit(moduleData, { epochs: 1 });
    expectMisuseUnchanged(
      () => t.save(),
      () => run(t),
      code,
      ...names,
    );
  });
  it.each([
    ['seed -1', -1],
    ['seed 2^32', 2 ** 32],
    ['seed "1"', '1'],
  ] as const)('createPlanarTrainer with %s', (_, seed) => {
    expectMisuse(
      () => createPlanarTrainer({ seed: seed as never }),
      'E_BAD_OPTION',
      /createPlanarTrainer: option 'seed'/,
    );
  });
});

describe('regressions: misuses that once lost state or computed the wrong thing', () => {
  it('mini-batches over an (m, 3) input are whole examples of it (each batch was the whole set)', () => {
    const Xr = input('mtRows', ['m', 3]);
    const rows = Float64Array.from({ length: 30 }, (_, i) => i); // example j is [3j, 3j+1, 3j+2]
    const batches = [...G.miniBatches({ mtRows: rows }, [Xr], 'm', 10, 4, new G.Rng(1))];
    expect(batches.map((b) => (b.mtRows as Float64Array).length)).toEqual([12, 12, 6]);
    const seen: number[] = [];
    for (const b of batches) {
      const v = b.mtRows as Float64Array;
      for (let k = 0; k < v.length; k += 3) {
        expect([v[k + 1]! - v[k]!, v[k + 2]! - v[k]!, v[k]! % 3]).toEqual([1, 2, 0]);
        seen.push(v[k]! / 3);
      }
    }
    expect(seen.sort((p, q) => p - q)).toEqual([...Array(10).keys()]);
  });

  it('a trainer on an (m, 3) input fits in mini-batches as it does on the same data as (3, m)', () => {
    const w = param('mtRowW', [3, 1], { init: 'zeros' });
    const wc = param('mtColW', [1, 3], { init: 'zeros' });
    const rowsX = input('mtRowX', ['m', 3]);
    const rowsY = input('mtRowY', ['m', 1]);
    const colsX = input('mtColX', [3, 'm']);
    const colsY = input('mtColY', [1, 'm']);
    const byRows = G.compileTraining({
      loss: G.meanSquaredError(G.matmul(rowsX, w), rowsY),
      optimizer: G.sgd({ learningRate: 0.1 }),
    });
    const byCols = G.compileTraining({
      loss: G.meanSquaredError(G.matmul(wc, colsX), colsY),
      optimizer: G.sgd({ learningRate: 0.1 }),
    });
    const m = 10;
    const examples = Array.from({ length: m }, (_, j) => [Math.sin(j), Math.cos(j), j / m]);
    const targets = examples.map(([p, q, r]) => p! - 2 * q! + r!);
    const [sr, sc] = [byRows.init(1), byCols.init(1)];
    const costsRows = byRows.fit(
      sr,
      { mtRowX: examples.flat(), mtRowY: targets },
      { epochs: 3, batchSize: 4 },
    );
    const colsData = {
      mtColX: [0, 1, 2].flatMap((f) => examples.map((e) => e[f]!)),
      mtColY: targets,
    };
    const costsCols = byCols.fit(sc, colsData, { epochs: 3, batchSize: 4 });
    expect(costsRows.map((c) => c.toPrecision(12))).toEqual(
      costsCols.map((c) => c.toPrecision(12)),
    );
    expect(Array.from(sr.params.mtRowW!, (x) => x.toPrecision(12))).toEqual(
      Array.from(sc.params.mtColW!, (x) => x.toPrecision(12)),
    );
  });

  it("save/load keeps Adam's m, v and t: a resumed run is the uninterrupted run", () => {
    const whole = adamTrainer.init(4);
    adamTrainer.fit(whole, data, { epochs: 4, batchSize: 16 });
    const half = adamTrainer.init(4);
    adamTrainer.fit(half, data, { epochs: 2, batchSize: 16 });
    const resumed = adamTrainer.load(adamTrainer.save(half));
    expect(resumed.step).toBe(half.step);
    adamTrainer.fit(resumed, data, { epochs: 2, batchSize: 16 });
    expect(adamTrainer.save(resumed)).toBe(adamTrainer.save(whole));
  });

  it('fit is atomic per epoch: an error in epoch 2 leaves the state after epoch 1', () => {
    const state = sgdTrainer.init(6);
    const afterOne = sgdTrainer.init(6);
    sgdTrainer.fit(afterOne, data, { epochs: 1, batchSize: 8 });
    expectMisuse(
      () =>
        sgdTrainer.fit(state, data, {
          epochs: 3,
          batchSize: 8,
          onBatch: (p) => {
            if (p.epoch === 2 && p.batch === 2) throw new G.GradgenError('E_BAD_ARGUMENT', 'stop');
          },
        }),
      'E_BAD_ARGUMENT',
      /stop/,
    );
    expect(sgdTrainer.save(state)).toBe(sgdTrainer.save(afterOne));
  });
});
