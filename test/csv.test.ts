/**
 * loadCsv (gradgen/node): a CSV of examples as rows becomes tensors with examples as columns,
 * parsed by csv-parse; a bad cell names the file, the row and the column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  add,
  compileTraining,
  input,
  loadCsv,
  matmul,
  meanSquaredError,
  param,
  sgd,
} from '../src/node.ts';
import { expectError } from './expectError.ts';

const dir = mkdtempSync(join(tmpdir(), 'gradgen-csv-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('loadCsv', () => {
  it('reads rows of examples into (features, m) and (labels, m), quotes and a BOM included', () => {
    const path = file(
      'houses.csv',
      '\uFEFFrooms,"area, m²",price\r\n3,70,210\r\n"4",95.5,300\r\n\r\n2,40.25,150\r\n',
    );
    const d = loadCsv(path, { label: 'price' });
    expect(d.m).toBe(3);
    expect(d.features).toEqual(['rooms', 'area, m²']);
    expect(Array.from(d.X)).toEqual([3, 4, 2, 70, 95.5, 40.25]);
    expect(Array.from(d.Y!)).toEqual([210, 300, 150]);
    const only = loadCsv(path, { columns: ['area, m²'] });
    expect(Array.from(only.X)).toEqual([70, 95.5, 40.25]);
    expect(only.Y).toBeUndefined();
  });

  it('a bad cell, a missing column, an empty file and a bad option are named', () => {
    const path = file('bad.csv', 'a,b,y\n1,2,3\n4,x,6\n');
    expectError(
      () => loadCsv(path, { label: 'y' }),
      'E_DATA_FILE',
      /bad\.csv: row 3, column 'b': "x" is not a finite number/,
    );
    expectError(
      () => loadCsv(path, { label: 'price' }),
      'E_DATA_FILE',
      /no column 'price' \(the columns are a, b, y\)/,
    );
    expectError(
      () => loadCsv(file('empty.csv', 'a,b\n')),
      'E_DATA_FILE',
      /no header row and data rows/,
    );
    expectError(
      () => loadCsv(path, { lable: 'y' } as never),
      'E_BAD_OPTION',
      /did you mean 'label'/,
    );
    expectError(() => loadCsv(join(dir, 'none.csv')), 'E_DATA_FILE', /none\.csv: ENOENT/);
  });

  it('what it returns trains as it is (columns as examples)', () => {
    const lines = ['x1,x2,y'];
    for (let i = 0; i < 50; i++)
      lines.push(`${i / 50},${(i % 7) / 7},${2 * (i / 50) - (i % 7) / 7 + 0.5}`);
    const d = loadCsv(file('linear.csv', lines.join('\n')), { label: 'y' });
    const X = input('X', [2, 'm']);
    const Y = input('Y', [1, 'm']);
    const W = param('W', [1, 2]);
    const b = param('b', [1, 1]);
    const trainer = compileTraining({
      loss: meanSquaredError(add(matmul(W, X), b), Y),
      optimizer: sgd({ learningRate: 0.5 }),
    });
    const state = trainer.init(1);
    trainer.fit(state, { X: d.X, Y: d.Y! }, { epochs: 2000 });
    expect(Array.from(state.params.W!).map((v) => Number(v.toFixed(3)))).toEqual([2, -1]);
    expect(Number(state.params.b![0]!.toFixed(3))).toBe(0.5);
  });
});
