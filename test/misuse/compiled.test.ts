/** Misuses of compile and emit, and of the functions they make (float64 and float32). */
import { describe, it } from 'vitest';
import * as G from '../../src/index.ts';
import { expectMisuse, SITE, type Misuse } from './misuse.ts';

const a = G.input('mcA');
const b = G.input('mcB');
const v = G.input('mcV', [3]);
const X = G.input('mcX', [2, 'm']);
const Y = G.input('mcY', [1, 'm']);
const W = G.param('mcW', [1, 2]);
const y = G.add(G.mul(a, b), G.sum(v));
const f64 = G.compile({ y });
const f32 = G.compile({ y }, { dtype: 'float32' });
const batched = G.compile({ Z: G.matmul(W, X), J: G.meanSquaredError(G.matmul(W, X), Y) });
const good = { mcA: 1, mcB: 2, mcV: [1, 2, 3] };
const goodBatch = { mcX: [1, 2, 3, 4], mcY: [1, 2], mcW: [0.5, 0.5] };

const BUILD: Misuse[] = [
  [
    'compile of a node',
    () => G.compile(y as never),
    'E_BAD_ARGUMENT',
    /outputs must be an object/,
    SITE,
  ],
  ['compile of nothing', () => G.compile(undefined as never), 'E_BAD_ARGUMENT', /compile/],
  ['compile of no outputs', () => G.compile({}), 'E_BAD_ARGUMENT', /no outputs/],
  ['compile of an array', () => G.compile([y] as never), 'E_BAD_ARGUMENT', /compile/],
  [
    'an output that is a number',
    () => G.compile({ y: 3 as never }),
    'E_BAD_ARGUMENT',
    /output 'y'/,
  ],
  ['an output named with a dash', () => G.compile({ 'y-1': y }), 'E_BAD_NAME', /'y-1'/],
  [
    'an output named constructor',
    () => G.compile({ constructor: y } as never),
    'E_BAD_NAME',
    /constructor/,
  ],
  [
    'options.inputs missing a used input',
    () => G.compile({ y }, { inputs: [a, b] }),
    'E_BAD_OPTION',
    /mcV/,
  ],
  [
    'options.inputs listing an op node',
    () => G.compile({ y }, { inputs: [a, b, v, y] }),
    'E_BAD_OPTION',
    /inputs/,
  ],
  [
    'options.inputs of numbers',
    () => G.compile({ y }, { inputs: [1] as never }),
    'E_BAD_OPTION',
    /'inputs'/,
    /element 0/,
  ],
  [
    'compile with target webgpu',
    () => G.compile({ y }, { target: 'webgpu' } as never),
    'E_BAD_OPTION',
    /option 'target' must be 'ts' or 'wasm'/,
    /"webgpu"/,
    SITE,
  ],
  [
    'compile with dtype float16',
    () => G.compile({ y }, { dtype: 'float16' as never }),
    'E_BAD_OPTION',
    /'dtype'/,
    /"float16"/,
  ],
  [
    'compile with a name that is not an identifier',
    () => G.compile({ y }, { name: 'my fn' }),
    'E_BAD_OPTION',
    /'name'/,
    /"my fn"/,
  ],
  [
    'emit with optimize "no"',
    () => G.emit({ y }, { optimize: 'no' as never }),
    'E_BAD_OPTION',
    /'optimize'/,
    /"no"/,
  ],
  [
    'emit with a typo',
    () => G.emit({ y }, { profil: true } as never),
    'E_BAD_OPTION',
    /'profil'/,
    /did you mean 'profile'/,
  ],
  ['emit of a number', () => G.emit(3 as never), 'E_BAD_ARGUMENT', /emit/],
];

/** The same misuses against the float64 and the float32 function. */
const callMisuses = (name: string, f: G.CompiledFunction): Misuse[] => [
  [`${name}: no inputs object`, () => f(undefined as never), 'E_MISSING_INPUT', /input/],
  [`${name}: null inputs`, () => f(null as never), 'E_MISSING_INPUT', /input/],
  [`${name}: a number for the inputs`, () => f(3 as never), 'E_MISSING_INPUT', /input/],
  [
    `${name}: a missing scalar`,
    () => f({ mcA: 1, mcV: [1, 2, 3] }),
    'E_MISSING_INPUT',
    /missing input 'mcB'/,
  ],
  [
    `${name}: a missing tensor`,
    () => f({ mcA: 1, mcB: 2 }),
    'E_MISSING_INPUT',
    /missing input 'mcV' \(shape \(3\)\)/,
  ],
  [
    `${name}: an unknown input`,
    () => f({ ...good, mcC: 1 }),
    'E_UNKNOWN_INPUT',
    /unknown input 'mcC'/,
  ],
  [
    `${name}: a typo of an input`,
    () => f({ mcA: 1, mcb: 2, mcV: [1, 2, 3] }),
    'E_UNKNOWN_INPUT',
    /unknown input 'mcb'/,
  ],
  [
    `${name}: a string scalar`,
    () => f({ ...good, mcA: '1' as never }),
    'E_INPUT_SHAPE',
    /input 'mcA'/,
    /string/,
  ],
  [
    `${name}: a boolean scalar`,
    () => f({ ...good, mcA: true as never }),
    'E_INPUT_SHAPE',
    /input 'mcA'/,
  ],
  [
    `${name}: an array for a scalar`,
    () => f({ ...good, mcA: [1] as never }),
    'E_INPUT_SHAPE',
    /input 'mcA'/,
  ],
  [
    `${name}: NaN scalar`,
    () => f({ ...good, mcB: Number.NaN }),
    'E_NONFINITE_INPUT',
    /input 'mcB'/,
    /NaN/,
  ],
  [
    `${name}: -Infinity scalar`,
    () => f({ ...good, mcB: -Infinity }),
    'E_NONFINITE_INPUT',
    /-Infinity/,
  ],
  [
    `${name}: a short tensor`,
    () => f({ ...good, mcV: [1, 2] }),
    'E_INPUT_SHAPE',
    /input 'mcV'/,
    /got 2/,
  ],
  [`${name}: a long tensor`, () => f({ ...good, mcV: [1, 2, 3, 4] }), 'E_INPUT_SHAPE', /got 4/],
  [
    `${name}: a number for a tensor`,
    () => f({ ...good, mcV: 3 as never }),
    'E_INPUT_SHAPE',
    /input 'mcV'/,
  ],
  [
    `${name}: a string for a tensor`,
    () => f({ ...good, mcV: 'abc' as never }),
    'E_INPUT_SHAPE',
    /input 'mcV'/,
  ],
  [
    `${name}: an Int32Array`,
    () => f({ ...good, mcV: new Int32Array(3) as never }),
    'E_INPUT_SHAPE',
    /input 'mcV'/,
  ],
  [
    `${name}: NaN at index 1`,
    () => f({ ...good, mcV: [1, Number.NaN, 3] }),
    'E_NONFINITE_INPUT',
    /input 'mcV'/,
    /index 1/,
  ],
  [
    `${name}: a string element`,
    () => f({ ...good, mcV: [1, '2', 3] as never }),
    'E_NONFINITE_INPUT',
    /input 'mcV'/,
    /index 1/,
  ],
  [
    `${name}: checkValues "no"`,
    () => f(good, { checkValues: 'no' as never }),
    'E_BAD_OPTION',
    /'checkValues'/,
    /"no"/,
    SITE,
  ],
  [
    `${name}: an unknown call option`,
    () => f(good, { check: false } as never),
    'E_BAD_OPTION',
    /'check'/,
  ],
];

const CALLS: Misuse[] = [
  ...callMisuses('float64', f64 as never),
  ...callMisuses('float32', f32 as never),
  [
    'float32: 1e39 (beyond float32)',
    () => f32({ ...good, mcV: [1, 1e39, 3] }),
    'E_NONFINITE_INPUT',
    /input 'mcV'/,
    /1e\+39 at index 1/,
    /float32/,
  ],
  [
    'float32: -3.5e38',
    () => f32({ ...good, mcV: [-3.5e38, 1, 3] }),
    'E_NONFINITE_INPUT',
    /index 0/,
  ],
  [
    'batched: X not a multiple of 2',
    () => batched({ ...goodBatch, mcX: [1, 2, 3] }),
    'E_INPUT_SHAPE',
    /input 'mcX'/,
    /multiple of 2/,
  ],
  [
    'batched: empty X',
    () => batched({ ...goodBatch, mcX: [], mcY: [] }),
    'E_INPUT_SHAPE',
    /input 'mcX'/,
  ],
  [
    'batched: X and Y of other batch sizes',
    () => batched({ ...goodBatch, mcY: [1, 2, 3] }),
    'E_INPUT_SHAPE',
    /mcY|mcX/,
  ],
  [
    'batched: a param of the wrong size',
    () => batched({ ...goodBatch, mcW: [1] }),
    'E_INPUT_SHAPE',
    /input 'mcW'/,
  ],
  [
    'batched: a missing param',
    () => batched({ mcX: [1, 2, 3, 4], mcY: [1, 2] } as never),
    'E_MISSING_INPUT',
    /mcW/,
  ],
  [
    'an input named toString not given',
    () => G.compile({ t: G.mul(G.input('toString'), 2) })({} as never),
    'E_MISSING_INPUT',
    /toString/,
  ],
];

describe('compile, emit and compiled-function misuses are named GradgenErrors', () => {
  for (const [title, table] of [
    ['building', BUILD],
    ['calling', CALLS],
  ] as const) {
    describe(title, () => {
      it.each(table.map((m) => [m[0], m] as const))('%s', (_, [, run, code, ...names]) => {
        expectMisuse(run, code, ...names);
      });
    });
  }
});
