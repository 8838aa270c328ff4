/**
 * Node only (reads a file): exported from `gradgen/node`, never from the browser-safe entry.
 *
 * `loadCsv` (from `gradgen/node`): a CSV file of examples as rows → tensors with examples as
 * columns, gradgen's layout: X of shape (features, m) and the label(s) of shape (labels, m).
 * Parsing is csv-parse's (quotes, separators, BOMs, line endings); a cell that is not a finite
 * number is E_DATA_FILE naming the file, the row (as a spreadsheet numbers it) and the column.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { GradgenError } from '../errors.js';
import { checkOptions, type OptionSchema } from '../options.js';

export interface CsvOptions {
  /** The feature columns, by header name, in order (default: every column but the labels). */
  readonly columns?: readonly string[];
  /** The label column (or columns): they become `Y` (default: none). */
  readonly label?: string | readonly string[];
  /** The field separator (default `,`). */
  readonly delimiter?: string;
}

export interface CsvData {
  /** The features, (features, m) row-major: row i is column `features[i]` over the examples. */
  readonly X: Float64Array;
  /** The labels, (labels, m); absent without `label`. */
  readonly Y?: Float64Array;
  /** The number of examples (data rows). */
  readonly m: number;
  /** The feature and label column names, in the rows' order. */
  readonly features: readonly string[];
  readonly labels: readonly string[];
}

const STRINGS = {
  type: 'custom',
  expected: 'an array of column names',
  check: (v: unknown) =>
    Array.isArray(v) && v.every((c) => typeof c === 'string') ? undefined : '',
} as const;
const CSV_OPTIONS: OptionSchema = {
  columns: STRINGS,
  label: {
    type: 'custom',
    expected: 'a column name or an array of them',
    check: (v: unknown) => (typeof v === 'string' ? undefined : STRINGS.check(v)),
  },
  delimiter: { type: 'string' },
};

/** Reads `path` (a header row, then one example per row) into columns-as-examples tensors. */
export function loadCsv(path: string, options: CsvOptions = {}): CsvData {
  checkOptions('loadCsv', options, CSV_OPTIONS);
  const fail = (what: string): never => {
    throw new GradgenError('E_DATA_FILE', `loadCsv: ${path}: ${what}`);
  };
  let rows: string[][] = [];
  try {
    rows = parse(readFileSync(path, 'utf8'), {
      bom: true,
      delimiter: options.delimiter ?? ',',
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const [header, ...body] = rows;
  if (!header || body.length === 0) fail('no header row and data rows');
  const labels = options.label === undefined ? [] : [options.label].flat();
  const features = options.columns ?? header!.filter((h) => !labels.includes(h));
  const index = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) fail(`no column '${name}' (the columns are ${header!.join(', ')})`);
    return i;
  };
  // every column named exists before any cell is read
  const columnsOf = new Map([...features, ...labels].map((name) => [name, index(name)]));
  const read = (names: readonly string[]) => {
    const cols = names.map((name) => columnsOf.get(name)!);
    const m = body.length;
    const out = new Float64Array(cols.length * m);
    body.forEach((row, j) => {
      cols.forEach((c, k) => {
        const text = row[c] ?? '';
        const v = text === '' ? NaN : Number(text);
        if (!Number.isFinite(v)) {
          // row numbers as a spreadsheet shows them: the header is row 1
          fail(
            `row ${j + 2}, column '${header![c]}': ${JSON.stringify(text)} is not a finite number`,
          );
        }
        out[k * m + j] = v;
      });
    });
    return out;
  };
  const X = read(features);
  return {
    X,
    ...(labels.length ? { Y: read(labels) } : {}),
    m: body.length,
    features,
    labels,
  };
}
