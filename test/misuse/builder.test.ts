/** Misuses of the builder: names, shapes, operands, ops, gradients, the interpreter. */
import { describe, it } from 'vitest';
import * as G from '../../src/index.ts';
import { expectMisuse, SITE, type Misuse } from './misuse.ts';

const { input, param } = G;
const s = input('mbS');
const v3 = input('mbV3', [3]);
const v4 = input('mbV4', [4]);
const M23 = input('mbM23', [2, 3]);
const M34 = input('mbM34', [3, 4]);
const X = input('mbX', [2, 'm']);
const P = param('mbP', [2, 2]);
const junk = (what: string): unknown => ({ what });

const NAMES: Misuse[] = [
  [
    'input named with a space',
    () => input('two words'),
    'E_BAD_NAME',
    /'two words'|"two words"/,
    SITE,
  ],
  ['input named with a leading digit', () => input('1x'), 'E_BAD_NAME', /1x/],
  ['input named by a number', () => input(3 as never), 'E_BAD_NAME', /3/],
  ['input named by an empty string', () => input(''), 'E_BAD_NAME', /""/],
  ['input named by undefined', () => input(undefined as never), 'E_BAD_NAME', /undefined/],
  [
    'two inputs of one name and other shapes in one computation',
    () => G.evaluate(G.add(s, G.sum(input('mbS', [2]))), { mbS: 1 }),
    'E_BAD_NAME',
    /two different leaves share the name 'mbS'/,
  ],
  [
    'an input and a param of one name in one function',
    () => G.compile({ y: G.mul(param('mbS'), s) }),
    'E_BAD_NAME',
    /param 'mbS'/,
  ],
  [
    'a param and an input of one name in one training',
    () =>
      G.compileTraining({
        loss: G.sum(G.mul(P, input('mbP', [2, 2]))),
        optimizer: G.sgd({ learningRate: 1 }),
      }),
    'E_BAD_NAME',
    /mbP/,
  ],
  [
    'param with an unknown init',
    () => param('mbQ', [2], { init: 'ones' as never }),
    'E_BAD_OPTION',
    /init/,
    /"ones"/,
  ],
  [
    'param with a batch dimension used to train',
    () =>
      G.compileTraining({
        loss: G.sum(param('mbPm', [2, 'm'])),
        optimizer: G.sgd({ learningRate: 1 }),
      }),
    'E_SHAPE',
    /mbPm/,
  ],
  [
    'named on a number',
    () => G.named(3 as never, 'c'),
    'E_BAD_ARGUMENT',
    /named: 3 is not a graph node/,
  ],
  ['named on undefined', () => G.named(undefined as never, 'c'), 'E_BAD_ARGUMENT', /undefined/],
  ['named with a bad name', () => G.named(s, 'a b'), 'E_BAD_NAME', /"a b"/],
  ['named with a number', () => G.named(s, 7 as never), 'E_BAD_NAME', /7/],
  ['.named with a bad name', () => G.mul(s, 2).named('x-y'), 'E_BAD_NAME', /x-y/],
  ['batchSize of a bad name', () => G.batchSize('1m'), 'E_BAD_ARGUMENT', /1m/],
];

const SHAPES: Misuse[] = [
  ['a negative dimension', () => input('mbNeg', [-1]), 'E_SHAPE', /-1/, /mbNeg/],
  ['a fractional dimension', () => input('mbFrac', [1.5]), 'E_SHAPE', /1\.5/],
  ['a zero dimension', () => input('mbZero', [0]), 'E_SHAPE', /0/, /mbZero/],
  ['a shape that is not an array', () => input('mbStr', 'm' as never), 'E_SHAPE', /mbStr/],
  ['a dimension name with a space', () => input('mbSp', ['m m']), 'E_SHAPE', /m m/],
  ['a NaN dimension', () => input('mbNaN', [Number.NaN]), 'E_SHAPE', /NaN/],
  ['add of (3) and (4)', () => G.add(v3, v4), 'E_SHAPE', /\(3\)/, /\(4\)/, SITE],
  ['matmul of (2, 3) and (2, 3)', () => G.matmul(M23, M23), 'E_SHAPE', /\(2, 3\)/],
  ['matmul of a vector', () => G.matmul(v3, M34), 'E_SHAPE', /\(3\)/],
  ['matmul of a scalar', () => G.matmul(s, M34), 'E_SHAPE', /matmul/],
  ['reshape to another size', () => G.reshape(M23, [4]), 'E_SHAPE', /\(2, 3\)/, /4/],
  ['reshape to a bad shape', () => G.reshape(M23, [-6]), 'E_SHAPE', /-6/],
  ['transpose of a vector', () => G.transpose(v3), 'E_SHAPE', /transpose/],
  ['broadcastTo a smaller shape', () => G.broadcastTo(M23, [3]), 'E_SHAPE', /\(2, 3\)/],
  ['sum over axis 2 of a matrix', () => G.sum(M23, { axis: 2 }), 'E_SHAPE', /axis 2/, /\(2, 3\)/],
  ['mean over axis -3 of a matrix', () => G.mean(M23, { axis: -3 }), 'E_SHAPE', /axis -3/],
  ['sum over axis "0"', () => G.sum(M23, { axis: '0' as never }), 'E_BAD_OPTION', /'axis'/, /"0"/],
  [
    'sum with keepdims 1',
    () => G.sum(M23, { keepdims: 1 as never }),
    'E_BAD_OPTION',
    /'keepdims'/,
    /got 1/,
  ],
  ['where with mismatched branches', () => G.where(G.gt(v3, 0), v3, v4), 'E_SHAPE', /\(3\)|\(4\)/],
  ['binaryCrossEntropy of (3) and (4)', () => G.binaryCrossEntropy(v3, v4), 'E_SHAPE', /\(3\)/],
  [
    'meanSquaredError of (2, 3) and (3, 4)',
    () => G.meanSquaredError(M23, M34),
    'E_SHAPE',
    /\(2, 3\)/,
  ],
  ['dense with a bad weight shape', () => G.dense(X, M23, v3), 'E_SHAPE', /\(2, 3\)/],
];

const operands = [
  ['undefined', undefined, /undefined/],
  ['null', null, /null/],
  ['a string', 'x', /"x"|string/],
  ['NaN', Number.NaN, /NaN/],
  ['Infinity', Infinity, /Infinity/],
  ['an object', junk('o'), /object|not a graph node/],
  ['an array', [1, 2], /array/],
] as const;

const OPERANDS: Misuse[] = [
  ...operands.map(([what, x, name]): Misuse => [
    `add(s, ${what})`,
    () => G.add(s, x as never),
    'E_BAD_ARGUMENT',
    /add/,
    name,
  ]),
  ...operands.map(([what, x, name]): Misuse => [
    `matmul(${what}, M)`,
    () => G.matmul(x as never, M34),
    'E_BAD_ARGUMENT',
    /matmul/,
    name,
  ]),
  ...operands.map(([what, x, name]): Misuse => [
    `tanh(${what})`,
    () => G.tanh(x as never),
    'E_BAD_ARGUMENT',
    /tanh/,
    name,
  ]),
  ['sum(undefined)', () => G.sum(undefined as never), 'E_BAD_ARGUMENT', /sum/],
  ['pow with a NaN exponent', () => G.pow(s, Number.NaN), 'E_BAD_ARGUMENT', /pow/, /NaN/],
  ['pow with a string exponent', () => G.pow(s, '2' as never), 'E_BAD_ARGUMENT', /pow/],
  [
    'leakyRelu with an infinite slope',
    () => G.leakyRelu(s, Infinity),
    'E_BAD_ARGUMENT',
    /leakyRelu/,
    /Infinity/,
  ],
  [
    'clip with lo > hi',
    () => G.clip(s, 2, 1),
    'E_BAD_ARGUMENT',
    /clip: the lower bound 2 is greater than the upper bound 1/,
    SITE,
  ],
  ['clip with a NaN bound', () => G.clip(s, Number.NaN, 1), 'E_BAD_ARGUMENT', /clip \(lo\)/, /NaN/],
  [
    'reduceMax over an axis out of range',
    () => G.reduceMax(M23, { axis: 2 }),
    'E_SHAPE',
    /reduceMax: axis 2 is out of range for shape \(2, 3\)/,
    SITE,
  ],
  [
    'argmax with an unknown option',
    () => G.argmax(M23, { axes: 1 } as never),
    'E_BAD_OPTION',
    /argmax/,
    /axes/,
  ],
  ['constant NaN', () => G.constant(Number.NaN), 'E_BAD_ARGUMENT', /NaN/],
  ['constant of a string', () => G.constant('1' as never), 'E_BAD_ARGUMENT', /constant/],
  [
    'dense with an unknown activation',
    () => G.dense(X, P, param('mbB', [2, 1]), 'softmax' as never),
    'E_BAD_ARGUMENT',
    /softmax/,
  ],
  ['dropout with keepProb 0', () => G.dropout(G.tanh(X), 0), 'E_BAD_ARGUMENT', /keepProb/, /0/],
  ['dropout with keepProb 1.5', () => G.dropout(G.tanh(X), 1.5), 'E_BAD_ARGUMENT', /1\.5/],
  [
    'dropout with keepProb "0.5"',
    () => G.dropout(G.tanh(X), '0.5' as never),
    'E_BAD_ARGUMENT',
    /keepProb/,
  ],
  ['log(-1) folded', () => G.log(-1), 'E_DOMAIN', /log/, /-1/],
  ['sqrt(-4) folded', () => G.sqrt(-4), 'E_DOMAIN', /sqrt/],
  ['div by a constant 0', () => G.div(1, 0), 'E_DOMAIN', /div|1\/0|Infinity/],
];

const GRADIENTS: Misuse[] = [
  [
    'grad with respect to an op node',
    () => G.grad(G.mul(s, s), [G.mul(s, 2)]),
    'E_GRAD_NOT_INPUT',
    /grad/,
  ],
  [
    'grad with respect to a number',
    () => G.grad(G.mul(s, s), [3 as never]),
    'E_GRAD_NOT_INPUT',
    /grad/,
  ],
  ['grad of a vector', () => G.grad(G.mul(v3, 2), [v3]), 'E_GRAD_NONSCALAR', /\(3\)/],
  ['grad of a number', () => G.grad(3 as never, [s]), 'E_BAD_ARGUMENT', /grad/],
  ['grad with no list', () => G.grad(G.mul(s, s), s as never), 'E_BAD_ARGUMENT', /grad/],
];

const INTERPRETER: Misuse[] = [
  [
    'evaluate with a missing input',
    () => G.evaluate({ y: G.mul(s, 2) }, {} as never),
    'E_MISSING_INPUT',
    /mbS/,
  ],
  [
    'evaluate with NaN',
    () => G.evaluate({ y: G.mul(s, 2) }, { mbS: Number.NaN }),
    'E_NONFINITE_INPUT',
    /mbS/,
  ],
  [
    'evaluate with a string',
    () => G.evaluate({ y: G.mul(s, 2) }, { mbS: '1' as never }),
    'E_INPUT_SHAPE',
    /mbS/,
  ],
  [
    'evaluate with a short vector',
    () => G.evaluate({ y: G.mul(v3, 2) }, { mbV3: [1, 2] }),
    'E_INPUT_SHAPE',
    /mbV3/,
    /3/,
  ],
  [
    'evaluate with NaN at index 2',
    () => G.evaluate({ y: G.mul(v3, 2) }, { mbV3: [1, 2, Number.NaN] }),
    'E_NONFINITE_INPUT',
    /mbV3/,
    /index 2/,
  ],
  [
    'evaluate of an output that is a number',
    () => G.evaluate({ y: 3 as never }, {}),
    'E_BAD_ARGUMENT',
    /evaluate: output 'y'/,
  ],
  ['evaluate of a number', () => G.evaluate(3 as never, {}), 'E_BAD_ARGUMENT', /evaluate/],
  [
    'explain of an output that is a string',
    () => G.explain({ y: 'x' as never }),
    'E_BAD_ARGUMENT',
    /explain: output 'y'/,
  ],
  ['formula of a number', () => G.formula(3 as never), 'E_BAD_ARGUMENT', /formula/, /3/],
  [
    'formula with depth -1',
    () => G.formula(s, { depth: -1 }),
    'E_BAD_OPTION',
    /'depth'/,
    /-1/,
    SITE,
  ],
  [
    'printGraph of a node',
    () => G.printGraph(s as never),
    'E_BAD_ARGUMENT',
    /printGraph/,
    /wrap it/,
  ],
  ['printGraph of a number', () => G.printGraph(3 as never), 'E_BAD_ARGUMENT', /printGraph/],
  [
    'optimize of an output that is a number',
    () => G.optimize({ y: 3 as never }),
    'E_BAD_ARGUMENT',
    /optimize: output 'y'/,
  ],
  ['optimize of a number', () => G.optimize(3 as never), 'E_BAD_ARGUMENT', /optimize/],
];

describe('builder misuses are named GradgenErrors', () => {
  for (const [title, table] of [
    ['names', NAMES],
    ['shapes', SHAPES],
    ['operands and ops', OPERANDS],
    ['gradients', GRADIENTS],
    ['the interpreter and printing', INTERPRETER],
  ] as const) {
    describe(title, () => {
      it.each(table.map((m) => [m[0], m] as const))('%s', (_, [, run, code, ...names]) => {
        expectMisuse(run, code, ...names);
      });
    });
  }
});
