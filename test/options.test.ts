/**
 * Every options object of the public API, one row per option: an unknown key, a wrong type, a
 * value out of range. Each is E_BAD_OPTION whose message names the call, the key and the value
 * (as given) and — for the library — the call site in this file. A generated module's trainer
 * checks the same options with the same runtime (no call site: it cannot know the caller's code).
 */
import { describe, expect, it } from 'vitest';
import {
  adam,
  binaryCrossEntropy,
  compile,
  compileTraining,
  customGradient,
  defineGraph,
  defineTraining,
  emit,
  emitTraining,
  formula,
  input,
  matmul,
  mean,
  momentum,
  mul,
  param,
  rmsprop,
  sgd,
  sigmoid,
  sum,
} from '../src/index.ts';
import { createPlanarTrainer } from '../codegen/planar.ts';
import { planarFlower } from '../samples/data.ts';
import { expectError } from './expectError.ts';

const a = input('optA');
const v = input('optV', [3]);
const X = input('optX', [2, 'm']);
const Y = input('optY', [1, 'm']);
const W = param('optW', [1, 2]);
const A = sigmoid(matmul(W, X));
const loss = binaryCrossEntropy(A, Y);
const trainer = compileTraining({ loss, outputs: { A }, optimizer: sgd({ learningRate: 0.1 }) });
const data = { optX: [1, 2, 3, 4], optY: [0, 1] };
const f = compile({ y: mul(a, 2) });

/** [call, option key as named in the message, value as shown, the call with that option]. */
type Row = readonly [string, string, string, () => unknown];

const emitRows = (name: 'compile' | 'emit', run: (o: never) => unknown): Row[] => [
  [name, 'target', '"webgpu"', () => run({ target: 'webgpu' } as never)],
  [name, 'maxBatch', '0', () => run({ maxBatch: 0 } as never)],
  [name, 'maxBatch', '2.5', () => run({ maxBatch: 2.5 } as never)],
  [name, 'name', '3', () => run({ name: 3 } as never)],
  [name, 'name', '"two words"', () => run({ name: 'two words' } as never)],
  [name, 'inputs', '"optA"', () => run({ inputs: 'optA' } as never)],
  [name, 'inputs', '[3]', () => run({ inputs: [3] } as never)],
  [name, 'dtype', '"float16"', () => run({ dtype: 'float16' } as never)],
  [name, 'optimize', '"yes"', () => run({ optimize: 'yes' } as never)],
  [name, 'profile', '1', () => run({ profile: 1 } as never)],
];

const LIBRARY: Row[] = [
  ...emitRows('compile', (o) => compile({ y: mul(a, 2) }, o)),
  ...emitRows('emit', (o) => emit({ y: mul(a, 2) }, o)),
  ['compute', 'checkValues', '"no"', () => f({ optA: 1 }, { checkValues: 'no' } as never)],
  ['compute', 'checkvalues', 'false', () => f({ optA: 1 }, { checkvalues: false } as never)],
  ["param 'optP'", 'init', '"uniform"', () => param('optP', [2], { init: 'uniform' as never })],
  ["param 'optP'", 'shape', '[2]', () => param('optP', [2], { shape: [2] } as never)],
  ...(['sum', 'mean'] as const).flatMap((op): Row[] => {
    const reduce = op === 'sum' ? sum : mean;
    return [
      [op, 'axis', '"1"', () => reduce(v, { axis: '1' } as never)],
      [op, 'axis', '1.5', () => reduce(v, { axis: 1.5 })],
      [op, 'axis', '[0,"1"]', () => reduce(v, { axis: [0, '1'] } as never)],
      [op, 'keepdims', '"yes"', () => reduce(v, { keepdims: 'yes' } as never)],
      [op, 'axes', '[0]', () => reduce(v, { axes: [0] } as never)],
    ];
  }),
  ['formula', 'depth', '-1', () => formula(a, { depth: -1 })],
  ['formula', 'depth', '1.5', () => formula(a, { depth: 1.5 })],
  ['formula', 'useNames', '1', () => formula(a, { useNames: 1 } as never)],
  ['formula', 'names', '"x"', () => formula(a, { names: 'x' } as never)],
  ['formula', 'depht', '2', () => formula(a, { depht: 2 } as never)],
  // the optimizers and their decays
  ['sgd', 'learningRate', '-1', () => sgd({ learningRate: -1 })],
  ['sgd', 'learningRate', 'NaN', () => sgd({ learningRate: Number.NaN })],
  ['sgd', 'learningRate', 'Infinity', () => sgd({ learningRate: Infinity })],
  ['sgd', 'learningRate', '"0.1"', () => sgd({ learningRate: '0.1' as never })],
  ['sgd', 'lr', '0.1', () => sgd({ lr: 0.1 } as never)],
  ['sgd', 'decay', '"fast"', () => sgd({ learningRate: 1, decay: 'fast' as never })],
  [
    'sgd',
    'decay.kind',
    '"linear"',
    () => sgd({ learningRate: 1, decay: { kind: 'linear' } as never }),
  ],
  ['sgd', 'decay.rate', '-1', () => sgd({ learningRate: 1, decay: { kind: 'inverse', rate: -1 } })],
  [
    'sgd',
    'decay.rate',
    '2',
    () => sgd({ learningRate: 1, decay: { kind: 'exponential', rate: 2 } }),
  ],
  [
    'sgd',
    'decay.every',
    '0',
    () => sgd({ learningRate: 1, decay: { kind: 'staircase', rate: 1, every: 0 } }),
  ],
  [
    'sgd',
    'decay.every',
    '2.5',
    () => sgd({ learningRate: 1, decay: { kind: 'staircase', rate: 1, every: 2.5 } }),
  ],
  [
    'sgd',
    'decay.steps',
    '3',
    () => sgd({ learningRate: 1, decay: { kind: 'inverse', rate: 1, steps: 3 } as never }),
  ],
  ['momentum', 'beta', '1', () => momentum({ learningRate: 1, beta: 1 })],
  ['momentum', 'beta', '-0.1', () => momentum({ learningRate: 1, beta: -0.1 })],
  ['momentum', 'beta1', '0.9', () => momentum({ learningRate: 1, beta1: 0.9 } as never)],
  ['rmsprop', 'beta', '1.5', () => rmsprop({ learningRate: 1, beta: 1.5 })],
  ['rmsprop', 'epsilon', '2', () => rmsprop({ learningRate: 1, epsilon: 2 })],
  ['adam', 'beta1', '1', () => adam({ learningRate: 1, beta1: 1 })],
  ['adam', 'beta2', '-1', () => adam({ learningRate: 1, beta2: -1 })],
  ['adam', 'epsilon', 'NaN', () => adam({ learningRate: 1, epsilon: Number.NaN })],
  ['adam', 'beta', '0.9', () => adam({ learningRate: 1, beta: 0.9 } as never)],
  // compileTraining and emitTraining
  ...(['compileTraining', 'emitTraining'] as const).flatMap((call): Row[] => {
    const run = call === 'compileTraining' ? compileTraining : emitTraining;
    const optimizer = sgd({ learningRate: 0.1 });
    return [
      [call, 'loss', '3', () => run({ loss: 3 as never, optimizer })],
      [call, 'optimizer.kind', '"foo"', () => run({ loss, optimizer: { kind: 'foo' } as never })],
      [
        call,
        'optimizer.beta1',
        'undefined',
        () => run({ loss, optimizer: { kind: 'adam', learningRate: 0.1 } as never }),
      ],
      [
        call,
        'optimizer.learningRate',
        '-2',
        () => run({ loss, optimizer: { kind: 'sgd', learningRate: -2 } }),
      ],
      [call, 'l2', '-1', () => run({ loss, optimizer, l2: -1 })],
      [call, 'l2', 'NaN', () => run({ loss, optimizer, l2: Number.NaN })],
      [call, 'l2', '"0.1"', () => run({ loss, optimizer, l2: '0.1' as never })],
      [call, 'regularize', '"optW"', () => run({ loss, optimizer, regularize: 'optW' as never })],
      [call, 'regularize', '[3]', () => run({ loss, optimizer, regularize: [3] as never })],
      [call, 'dtype', '"f16"', () => run({ loss, optimizer, dtype: 'f16' as never })],
      [call, 'profile', '"y"', () => run({ loss, optimizer, profile: 'y' as never })],
      [call, 'name', '"1a"', () => run({ loss, optimizer, name: '1a' })],
      [call, 'outputs', '3', () => run({ loss, optimizer, outputs: 3 as never })],
      [call, 'outputs', '{"A":3}', () => run({ loss, optimizer, outputs: { A: 3 } as never })],
      [call, 'epochs', '10', () => run({ loss, optimizer, epochs: 10 } as never)],
    ];
  }),
  // model files' definitions
  ['defineGraph', 'name', '"my graph"', () => defineGraph({ name: 'my graph', outputs: { A } })],
  ['defineGraph', 'outputs', '[]', () => defineGraph({ name: 'g', outputs: [] as never })],
  [
    'defineGraph',
    'example',
    '3',
    () => defineGraph({ name: 'g', outputs: { A }, example: 3 as never }),
  ],
  ['defineGraph', 'cost', '"J"', () => defineGraph({ name: 'g', outputs: { A }, cost: 'J' })],
  ['defineGraph', 'output', '{}', () => defineGraph({ name: 'g', output: {} } as never)],
  ...((): Row[] => {
    const base = { name: 't', loss, outputs: { A }, optimizer: sgd({ learningRate: 1 }) };
    const train = () => ({ train: data });
    const def = (extra: object) => () =>
      defineTraining({ ...base, data: train, ...extra } as never);
    return [
      ['defineTraining', 'data', '{}', def({ data: {} })],
      ['defineTraining', 'defaults.epochs', '0', def({ defaults: { epochs: 0 } })],
      ['defineTraining', 'defaults.seed', '-1', def({ defaults: { seed: -1 } })],
      ['defineTraining', 'defaults.batchSize', '1.5', def({ defaults: { batchSize: 1.5 } })],
      ['defineTraining', 'defaults.epoch', '5', def({ defaults: { epoch: 5 } })],
      ['defineTraining', 'accuracy.output', '"Z"', def({ accuracy: { output: 'Z', label: 'Y' } })],
      ['defineTraining', 'accuracy.label', '3', def({ accuracy: { output: 'A', label: 3 } })],
      ['defineTraining', 'l2', '-1', def({ l2: -1 })],
      ['defineTraining', 'optimiser', '{}', def({ optimiser: {} })],
    ];
  })(),
  // the library's trainer (the runtime's checks, with the call site added)
  ...fitRows('train: fit', (o) => trainer.fit(trainer.init(1), data, o)),
  [
    'train: step',
    'layout',
    '"sideways"',
    () => trainer.step(trainer.init(1), data, { layout: 'sideways' as never }),
  ],
  [
    'train: step',
    'checkValues',
    'false',
    () => trainer.step(trainer.init(1), data, { checkValues: false } as never),
  ],
  [
    'train: predict',
    'layout',
    '3',
    () => trainer.predict(trainer.init(1), data, { layout: 3 as never }),
  ],
  [
    'train: predict',
    'maskSeed',
    '1',
    () => trainer.predict(trainer.init(1), data, { maskSeed: 1 } as never),
  ],
  [
    'train: lossAndGrad',
    'maskSeed',
    '-1',
    () => trainer.lossAndGrad(trainer.init(1), data, { maskSeed: -1 }),
  ],
  [
    'train: lossAndGrad',
    'maskSeed',
    '1.5',
    () => trainer.lossAndGrad(trainer.init(1), data, { maskSeed: 1.5 }),
  ],
  [
    'train: lossAndGrad',
    'maskSeed',
    '4294967296',
    () => trainer.lossAndGrad(trainer.init(1), data, { maskSeed: 2 ** 32 }),
  ],
  [
    'train: lossAndGrad',
    'seed',
    '1',
    () => trainer.lossAndGrad(trainer.init(1), data, { seed: 1 } as never),
  ],
  ['gradcheck', 'maskSeed', '-1', () => trainer.gradcheck(trainer.init(1), data, { maskSeed: -1 })],
  [
    'gradcheck',
    'mode',
    '"adjiont"',
    () => trainer.gradcheck(trainer.init(1), data, { mode: 'adjiont' as never }),
  ],
  [
    'customGradient',
    'name',
    '"two words"',
    () =>
      customGradient(
        (x) => x,
        () => [],
        { name: 'two words' },
      ),
  ],
  [
    'customGradient',
    'nmae',
    '"f"',
    () =>
      customGradient(
        (x) => x,
        () => [],
        { nmae: 'f' } as never,
      ),
  ],
];

function fitRows(call: string, run: (o: never) => unknown): Row[] {
  return [
    [call, 'epochs', '-3', () => run({ epochs: -3 } as never)],
    [call, 'epochs', '2.5', () => run({ epochs: 2.5 } as never)],
    [call, 'epochs', 'Infinity', () => run({ epochs: Infinity } as never)],
    [call, 'epochs', 'NaN', () => run({ epochs: Number.NaN } as never)],
    [call, 'epochs', '"3"', () => run({ epochs: '3' } as never)],
    [call, 'epochs', 'required', () => run({ batchSize: 2 } as never)],
    [call, 'batchSize', '0', () => run({ epochs: 1, batchSize: 0 } as never)],
    [call, 'batchSize', '1.5', () => run({ epochs: 1, batchSize: 1.5 } as never)],
    [call, 'divergenceFactor', '1', () => run({ epochs: 1, divergenceFactor: 1 } as never)],
    [call, 'divergenceFactor', 'NaN', () => run({ epochs: 1, divergenceFactor: NaN } as never)],
    [call, 'onEpoch', '3', () => run({ epochs: 1, onEpoch: 3 } as never)],
    [call, 'onBatch', '"log"', () => run({ epochs: 1, onBatch: 'log' } as never)],
    [call, 'layout', '"rows "', () => run({ epochs: 1, layout: 'rows ' } as never)],
    [call, 'epoch', '3', () => run({ epoch: 3 } as never)],
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('every option of the public API is checked (E_BAD_OPTION naming call, key, value, site)', () => {
  it.each(LIBRARY.map((row) => [`${row[0]}: ${row[1]} = ${row[2]}`, row] as const))(
    '%s',
    (_, [call, key, shown, run]) => {
      const err = expectError(run, 'E_BAD_OPTION');
      expect(err.message).toMatch(new RegExp(`^${escape(call)}: `));
      expect(err.message).toContain(`'${key}'`);
      if (shown !== 'required' && shown !== 'undefined')
        expect(err.message).toMatch(new RegExp(`(got|given) ${escape(shown)}`));
      else expect(err.message).toMatch(/is required|got undefined/);
      expect(err.message).toMatch(/\(test\/options\.test\.ts:\d+\)$/);
    },
  );

  it('an unknown key suggests the nearest valid one', () => {
    expectError(
      () => trainer.fit(trainer.init(1), data, { epoch: 3 } as never),
      'E_BAD_OPTION',
      /unknown option 'epoch' \(given 3\); the options are epochs, .* \(did you mean 'epochs'\?\)/,
    );
    expectError(
      () => compile({ y: mul(a, 2) }, { dtyp: 'float32' } as never),
      'E_BAD_OPTION',
      /did you mean 'dtype'\?/,
    );
  });

  it('options that are not an object are named', () => {
    for (const [options, shown] of [
      [5, '5'],
      [null, 'null'],
      [[1], 'an array|\\[1\\]'],
      [a, 'an InputNode'],
    ] as const) {
      expectError(
        () => compile({ y: mul(a, 2) }, options as never),
        'E_BAD_OPTION',
        new RegExp(`compile: the options must be an object, got (${shown})`),
      );
    }
    expectError(
      () => trainer.fit(trainer.init(1), data, undefined as never),
      'E_BAD_OPTION',
      /fit: options \{ epochs \} are required/,
    );
  });

  it('a key given as undefined is absent (the default applies)', () => {
    expect(compile({ y: mul(a, 2) }, { dtype: undefined }).dtype).toBe('float64');
    expect(momentum({ learningRate: 1, beta: undefined }).beta).toBe(0.9);
  });
});

/** A generated module's error: its own class (it imports nothing), with a code. */
function expectModuleError(run: () => unknown, code: string): Error & { code: string } {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(Error);
  const err = caught as Error & { code: string };
  expect(err.name, err.message).toBe('GradgenInputError');
  expect(err.code, err.message).toBe(code);
  return err;
}

describe("a generated module's trainer checks the same options", () => {
  const planar = planarFlower(20, 1);
  const moduleData = { X: planar.X, Y: planar.Y };
  const moduleRows: Row[] = [
    ...fitRows('planar: fit', (o) => createPlanarTrainer().fit(moduleData, o)),
    ['createPlanarTrainer', 'seed', '-1', () => createPlanarTrainer({ seed: -1 })],
    ['createPlanarTrainer', 'seed', '"1"', () => createPlanarTrainer({ seed: '1' as never })],
    ['createPlanarTrainer', 'sed', '1', () => createPlanarTrainer({ sed: 1 } as never)],
    [
      'planar: step',
      'layout',
      '"x"',
      () => createPlanarTrainer().step(moduleData, { layout: 'x' as never }),
    ],
    [
      'planar: lossAndGrad',
      'maskSeed',
      'NaN',
      () => createPlanarTrainer().lossAndGrad(moduleData, { maskSeed: NaN }),
    ],
  ];
  it.each(moduleRows.map((row) => [`${row[0]}: ${row[1]} = ${row[2]}`, row] as const))(
    '%s',
    (_, [call, key, shown, run]) => {
      const err = expectModuleError(run, 'E_BAD_OPTION');
      expect(err.message).toMatch(new RegExp(`^${escape(call)}: `));
      expect(err.message).toContain(`'${key}'`);
      if (shown !== 'required')
        expect(err.message).toMatch(new RegExp(`(got|given) ${escape(shown)}`));
    },
  );

  it('and its state is untouched by a rejected fit', () => {
    const t = createPlanarTrainer();
    const before = t.save();
    expectModuleError(() => t.fit(moduleData, { epochs: 2, batchSize: -1 }), 'E_BAD_OPTION');
    expect(t.save()).toBe(before);
  });
});
