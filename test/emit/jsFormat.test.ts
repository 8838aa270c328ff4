/**
 * The emitter's own printer (src/emit/jsFormat.ts) against prettier, which stays a dev
 * dependency as the oracle: random statements of the subset the emitter writes, at random
 * nesting depths, must print byte-identically.
 */
import prettier from '@prettier/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStatement, printNumber, stringLiteral } from '../../src/emit/jsFormat.ts';

const PRETTIER = { parser: 'typescript', printWidth: 100, singleQuote: true } as const;

/** `code` inside `depth` nested blocks, as prettier prints it, and the statement's lines. */
function byPrettier(code: string, depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => (i === 0 ? 'function f() {' : '{'));
  const text = prettier.format(`${open.join('\n')}\n${code}\n${'}\n'.repeat(depth)}`, PRETTIER);
  const lines = text.trimEnd().split('\n');
  return lines
    .slice(depth, lines.length - depth)
    .join('\n')
    .slice(depth * 2);
}

const ident = fc
  .tuple(fc.constantFrom('a', 'dZ', 'W', 'acc', 't', 'x'), fc.nat({ max: 40 }))
  .map(([base, n]) => (n < 30 ? `${base}${n}` : `${base}_${'q'.repeat(n)}`));
const num = fc.constantFrom('0', '1', '2', '0.5', '1e-7', '1e+200', '1.50', '3', '12', '0.01');
const leaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: ident },
  { weight: 2, arbitrary: num },
  { weight: 1, arbitrary: num.map((n) => `(-${n})`) },
  { weight: 2, arbitrary: fc.tuple(ident, ident).map(([a, i]) => `${a}[${i} * m + j]`) },
  { weight: 2, arbitrary: fc.tuple(ident, ident).map(([a, i]) => `${a}[(${i} + 1) * m + j]!`) },
);
const BINARY = ['+', '-', '*', '/', '>', '<=', '===', '!==', '&&', '||', '%'];
/** Expressions without conditionals (the emitter's conditionals have plain operands: relu, where). */
const plain: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(tie('e'), fc.constantFrom(...BINARY), tie('e'))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(tie('e'), fc.constantFrom(...BINARY), tie('e')).map(([l, op, r]) => `${l} ${op} ${r}`),
    tie('e').map((x) => `-(${x})`),
    tie('e').map((x) => `+(${x})`),
    fc
      .tuple(
        fc.constantFrom('Math.exp', 'Math.max', 'Math.log1p', 'f'),
        fc.array(tie('e'), { minLength: 1, maxLength: 3 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
  ),
})).e;
const conditional = fc.tuple(plain, plain, plain).map(([c, a, b]) => `${c} ? ${a} : ${b}`);
const expression = fc.oneof(
  { weight: 3, arbitrary: plain },
  { weight: 1, arbitrary: conditional },
  { weight: 1, arbitrary: fc.tuple(plain, conditional).map(([a, c]) => `${a} * (${c})`) },
  { weight: 1, arbitrary: conditional.map((c) => `Math.max(${c}, 0)`) },
);

const statement = fc.oneof(
  fc.tuple(ident, expression).map(([n, e]) => `const ${n} = ${e};`),
  fc.tuple(ident, ident).map(([n, t]) => `const ${n}: ${t}Outputs = new ${t}Result();`),
  fc.tuple(ident, ident, expression).map(([a, i, e]) => `${a}[${i}]! += ${e};`),
  fc
    .tuple(ident, ident, expression, fc.constantFrom('=', '+='))
    .map(([a, i, e, op]) => `${a}[${i}] ${op} ${e};`),
  fc.tuple(ident, expression).map(([n, e]) => `${n} = ${e};`),
  expression.map((e) => `return ${e};`),
  fc
    .tuple(expression, ident)
    .map(([c, n]) => `if (${c}) throw new Error(${n}, 'E_X', \`\${${n}}: text \${typeof ${n}}\`);`),
  fc.tuple(ident, expression).map(([f, e]) => `${f}.fill(0, ${e}, ${e});`),
);

describe('the emitter prints statements as prettier does', () => {
  it('numbers and strings are normalized as prettier normalizes them', () => {
    for (const n of ['1e+200', '1.50', '.5', '1E-7', '2.0', '5e+0', '0.10e-05', '7.', '1_0']) {
      if (n.includes('_')) continue; // not written by the emitter
      expect(`x = ${printNumber(n)};`).toBe(byPrettier(`x = ${n};`, 1));
    }
    for (const v of ["(2, 'm')", 'X', `it's "quoted"`, 'a\\b', "'", 'line\nbreak']) {
      expect(`x = ${stringLiteral(v)};`).toBe(byPrettier(`x = ${JSON.stringify(v)};`, 1));
    }
  });

  it('random statements of the emitted subset, 600 cases, byte-identical to prettier', () => {
    fc.assert(
      fc.property(statement, fc.integer({ min: 1, max: 6 }), (code, depth) => {
        const expected = byPrettier(code, depth);
        const actual = formatStatement(code, depth);
        expect(actual, `code: ${code}`).toBe(expected);
      }),
      { seed: Number(process.env.SEED ?? 0x5eed), numRuns: Number(process.env.RUNS ?? 600) },
    );
  });

  it('the matmul tiles and skeleton lines that break', () => {
    const cases = [
      'A3[j] += a00 * t0[p * m + j] + a01 * t0[(p + 1) * m + j] + a02 * t0[(p + 2) * m + j] + a03 * t0[(p + 3) * m + j] + a04 * t0[(p + 4) * m + j];',
      "if (value === undefined) throw new GradgenInputError('E_MISSING_INPUT', `${fn}: missing input '${key}' (shape ${shape})`);",
      "const X = readTensor('planarLossAndGrad', 'X', inputs.X, \"(2, 'm')\", 2, true, checkValues);",
      "if (batched ? data.length === 0 || data.length % fixed !== 0 : data.length !== fixed) throw new E('x');",
    ];
    for (const code of cases) {
      for (const depth of [1, 3])
        expect(formatStatement(code, depth)).toBe(byPrettier(code, depth));
    }
  });
});
