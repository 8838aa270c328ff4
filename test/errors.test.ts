import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  constant,
  evaluate,
  grad,
  input,
  log,
  mul,
  param,
  pow,
  sqrt,
  div,
  GradgenError,
  relu,
  sum,
} from '../src/index.ts';
import { showDiagnostics, strictDiagnostics } from './strict.ts';
import { expectError } from './expectError.ts';

const x = input('x');
const y = input('y');

describe('bad input at call time', () => {
  const f = compile({ s: add(x, y) });

  it('names a missing input', () => {
    // @ts-expect-error -- the types know f takes y; the run-time check is for untyped callers
    expectError(() => f({ x: 1 }), 'E_MISSING_INPUT', /missing input 'y'/);
  });

  it('names an input the function does not take', () => {
    expectError(
      // @ts-expect-error -- the types know f takes no z; the run-time check is for untyped callers
      () => f({ x: 1, y: 2, z: 3 }),
      'E_UNKNOWN_INPUT',
      /unknown input 'z'/,
      /'x', 'y'/,
    );
  });

  it('a node of another copy of gradgen is named as such, not as "not a graph node"', () => {
    // what a second installed copy's node looks like to this one: same brand, other prototype
    const foreign = Object.create({ [Symbol.for('gradgen.node')]: true }) as typeof x;
    expectError(() => compile({ J: foreign }), 'E_BAD_ARGUMENT', /another copy of gradgen/);
    expectError(() => add(foreign, 1), 'E_BAD_ARGUMENT', /another copy of gradgen/);
  });

  it("the compiled module's errors are GradgenErrors (its GradgenInputError extends it)", () => {
    let caught: unknown;
    try {
      f({ x: 1, y: Number.POSITIVE_INFINITY });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GradgenError);
    expect((caught as Error).name).toBe('GradgenInputError');
    expect((caught as GradgenError).code).toBe('E_NONFINITE_INPUT');
  });

  it('rejects non-finite values, naming the input', () => {
    expectError(() => f({ x: NaN, y: 2 }), 'E_NONFINITE_INPUT', /'x'/, /NaN/);
    expectError(() => f({ x: 1, y: Infinity }), 'E_NONFINITE_INPUT', /'y'/, /Infinity/);
  });

  it('rejects a value of the wrong type', () => {
    expectError(() => f({ x: '1' as unknown as number, y: 2 }), 'E_INPUT_SHAPE', /'x'/);
  });

  it('the interpreter reports the same problems', () => {
    // @ts-expect-error -- the types know add(x, y) reads y
    expectError(() => evaluate(add(x, y), { x: 1 }), 'E_MISSING_INPUT', /'y'/);
    expectError(() => evaluate(add(x, y), { x: 1, y: NaN }), 'E_NONFINITE_INPUT', /'y'/);
    expectError(() => evaluate(add(x, y), { x: 1, y: 2, nope: 3 }), 'E_UNKNOWN_INPUT', /'nope'/);
  });
});

describe('bad graphs at build time', () => {
  it('differentiating with respect to something that is not an input', () => {
    const e = expectError(() => grad(mul(x, y), [add(x, 1)]), 'E_GRAD_NOT_INPUT', /x \+ 1/);
    expect(e.message).toMatch(/errors\.test\.ts:\d+/); // the user's call site
  });

  it('log and sqrt of a constant outside the domain, caught when folded', () => {
    expectError(() => log(-1), 'E_DOMAIN', /log\(-1\)/, /NaN/, /errors\.test\.ts:\d+/);
    expectError(() => sqrt(add(constant(-5), 1)), 'E_DOMAIN', /√/);
    expectError(() => log(0), 'E_DOMAIN', /-Infinity/);
    expectError(() => div(1, 0), 'E_DOMAIN', /Infinity/);
  });

  it('non-numeric arguments to builder functions', () => {
    expectError(
      () => add(x, '3' as unknown as number),
      'E_BAD_ARGUMENT',
      /add \(operand 2\)/,
      /string "3"/,
    );
    expectError(
      () => mul(undefined as unknown as number, x),
      'E_BAD_ARGUMENT',
      /mul \(operand 1\)/,
    );
    expectError(() => log({} as unknown as number), 'E_BAD_ARGUMENT', /^log:/);
    expectError(() => add(x, NaN), 'E_BAD_ARGUMENT', /not finite/);
    expectError(() => pow(x, '2' as unknown as number), 'E_BAD_ARGUMENT', /exponent/);
  });

  it('bad names and clashing declarations', () => {
    expectError(() => input('1abc'), 'E_BAD_NAME', /not an identifier/);
    // two leaves named x may exist (two models in one process), but not in one computation
    const x3 = input('x', [3]);
    expect(x3).not.toBe(x);
    expectError(
      () => evaluate(add(x, x3), { x: 1 }),
      'E_BAD_NAME',
      /two different leaves share the name 'x'/,
    );
    expectError(() => compile({ s: mul(param('x'), x) }), 'E_BAD_NAME', /param 'x' \(\)/);
  });

  it('gradients of a non-scalar are refused', () => {
    const X = input('Xvec', [3]);
    expectError(() => grad(mul(X, 2), [X]), 'E_GRAD_NONSCALAR', /\(3\)/);
  });

  it('bad shapes are named', () => {
    expectError(() => input('bad', [0]), 'E_SHAPE', /positive integer/);
    expectError(() => input('bad2', ['m', 'n']), 'E_SHAPE', /two symbolic/);
    const A = input('A4', [4, 3]);
    const B2 = input('B2', [2, 3]);
    expectError(
      () => add(A, B2),
      'E_SHAPE',
      /add: shapes \(4, 3\) and \(2, 3\)/,
      /errors\.test\.ts/,
    );
  });

  it('compile options and outputs are checked', () => {
    expectError(() => compile({ s: add(x, y) }, { inputs: [x] }), 'E_BAD_OPTION', /'y'/);
    expectError(() => compile({}), 'E_BAD_ARGUMENT', /no outputs/);
    expectError(() => compile({ s: 3 as unknown as typeof x }), 'E_BAD_ARGUMENT', /'s'/);
    expectError(() => compile({ s: x }, { name: 'not valid' }), 'E_BAD_OPTION', /identifier/);
  });
});

describe('names that are valid but collide with the module or with Object.prototype', () => {
  it('inputs named options, checkValues, key, toString, constructor compile, run and type-check', () => {
    const names = ['options', 'checkValues', 'key', 'toString', 'constructor', 'valueOf'];
    const leaves = names.map((n) => input(n));
    const J = leaves.reduce<ReturnType<typeof add>>(
      (s, l, i) => add(s, mul(i + 1, l)),
      constant(0),
    );
    const f = compile({ J });
    const values = Object.fromEntries(names.map((n, i) => [n, i + 1]));
    expect(f(values as never).J).toBe(names.reduce((s, _, i) => s + (i + 1) * (i + 1), 0));
    // an inherited name that is not passed is missing, not "a function"
    const { toString: _, ...withoutToString } = values;
    expectError(() => f(withoutToString as never), 'E_MISSING_INPUT', /missing input 'toString'/);
    const ds = strictDiagnostics(f.source);
    expect(ds.length, showDiagnostics(ds)).toBe(0);
  });

  it('an output named constructor or __proto__ is E_BAD_NAME at emit time (not a SyntaxError later)', () => {
    expectError(
      () => compile({ constructor: add(x, y) } as never),
      'E_BAD_NAME',
      /'constructor' is reserved/,
    );
    expectError(
      () => compile(JSON.parse('{"__proto__": 1}') as never),
      'E_BAD_NAME',
      /'__proto__' is reserved/,
    );
  });

  it('a batch dimension named like a local of the module is a clear E_BAD_NAME', () => {
    const X = input('Xopt', [2, 'options']);
    expectError(() => compile({ S: sum(X) }), 'E_BAD_NAME', /batch dimension 'options'/);
  });
});

describe('NaN is not hidden', () => {
  it('NaN propagates through relu in generated code, as in PyTorch (it was relu(NaN) = 0)', () => {
    const X = input('Xrelu', [1, 'm']);
    const f = compile({ S: sum(relu(X)), R: relu(X) });
    const out = f({ Xrelu: [1, Number.NaN, -2] }, { checkValues: false });
    expect(out.S).toBeNaN();
    expect(Array.from(out.R as Float64Array)).toEqual([1, Number.NaN, 0]);
  });
});
