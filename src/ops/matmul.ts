import { GradgenError, at } from '../errors.js';
import { formatShape } from '../ir/shape.js';
import {
  forLoop,
  paren,
  printed,
  PREC,
  sizeExpr,
  type KernelWriter,
  type StructuralOp,
  tangentSum,
} from './define.js';

/** Matrix product of (n, k) and (k, m) matrices. */
export const matmul: StructuralOp = {
  kind: 'structural',
  name: 'matmul',
  arity: 2,
  commutative: false,
  smooth: true,
  shape: ([a, b], _attrs, site) => {
    if (a!.length !== 2 || b!.length !== 2) {
      throw new GradgenError(
        'E_SHAPE',
        `matmul: ${formatShape(a!)} @ ${formatShape(b!)}: both operands must be matrices (rank 2)${at(site())}`,
      );
    }
    if (a![1] !== b![0]) {
      throw new GradgenError(
        'E_SHAPE',
        `matmul: ${formatShape(a!)} @ ${formatShape(b!)}: inner dimensions ${a![1]} and ${b![0]} differ${at(site())}`,
      );
    }
    return [a![0]!, b![1]!];
  },
  eval: ([a, b], _attrs, [n, m]) => {
    const k = a!.shape[1]!;
    const out = new Float64Array(n! * m!);
    for (let i = 0; i < n!; i++) {
      for (let p = 0; p < k; p++) {
        const aip = a!.data[i * k + p]!;
        for (let j = 0; j < m!; j++) out[i * m! + j]! += aip * b!.data[p * m! + j]!;
      }
    }
    return out;
  },
  schedule: ([a, b], [n, m]) =>
    a!.rowContiguous && (!b!.rowContiguous || m === '1')
      ? dotsSchedule(n!, m!)
      : rowUpdatesSchedule(n!, m!, a!.dims[1]!),
  emit: (k) => {
    const [n, m] = k.outDims;
    const inner = k.args[0]!.dims[1]!;
    const s = (k.schedule ?? matmul.schedule!(k.args, k.outDims, k.attrs)) as MatmulSchedule;
    if (s.form === 'dots') emitDots(k, n!, m!, inner, s);
    else emitRowUpdates(k, n!, m!, inner, s);
  },
  emitPair: (g, z) => emitPipelined(g, z),
  math: ([a, b]) => printed(`${paren(a!, PREC.mul)}·${paren(b!, PREC.mul + 1)}`, PREC.mul),
  // d(AB) = dA·B + A·dB
  jvp: ({ tangents: [ta, tb], args: [x, y], b }) =>
    tangentSum(b, [ta ? b.matmul(ta, y!) : null, tb ? b.matmul(x!, tb) : null]),
  // d(AB)/dA = g·Bᵀ, d(AB)/dB = Aᵀ·g
  vjp: ({ g, args: [x, y], needs, b }) => [
    needs[0] ? b.matmul(g, b.transpose(y!)) : null,
    needs[1] ? b.matmul(b.transpose(x!), g) : null,
  ],
};

/*
 * Emission. The loops are register-blocked: a small tile of results (or of A's elements) lives in
 * local variables, so every element loaded from memory is used several times, and the loop that
 * walks the larger operand is the outer one, so that operand streams through the cache once.
 * Dimensions that are not a multiple of the tile get a remainder loop with a smaller tile.
 */

/** Where the estimate needs a number for the batch dimension. */
const TYPICAL_BATCH = 256;
/** The value of a literal dimension (`'12'` → 12); undefined for the batch symbol. */
const literalOf = (d: string) => (/^\d+$/.test(d) ? Number(d) : undefined);
const estimate = (d: string) => literalOf(d) ?? TYPICAL_BATCH;

/** `i`, `(i + 1)`, … : the index of row `r` of a tile starting at `i`. */
const plus = (i: string, r: number) => (r === 0 ? i : `(${i} + ${r})`);

/**
 * Loops `i` over [0, n) in tiles of `size`, then over the remainder one at a time; `body(i, size)`
 * writes one tile. Loops a literal `n` cannot have are not emitted.
 */
function tiled(
  k: KernelWriter,
  i: string,
  n: string,
  size: number,
  body: (i: string, size: number) => void,
): void {
  const literal = literalOf(n);
  if (size > 1 && (literal === undefined || literal >= size)) {
    const bound =
      literal === undefined ? `${i} + ${size - 1} < ${n}` : `${i} < ${literal - (literal % size)}`;
    k.line(`for (let ${i} = 0; ${bound}; ${i} += ${size}) {`);
    body(i, size);
    k.line('}');
  }
  if (size === 1 || literal === undefined || literal % size !== 0) {
    const start =
      size === 1
        ? '0'
        : literal === undefined
          ? `${n} - (${n} % ${size})`
          : String(literal - (literal % size));
    k.line(`for (let ${i} = ${start}; ${i} < ${n}; ${i}++) {`);
    body(i, 1);
    k.line('}');
  }
}

/**
 * The dot-product form, C = A·B with A's rows and B's columns both read along the inner index
 * (dZ·Xᵀ, X·dZᵀ): an R×S tile of C accumulates in R·S registers over the inner loop, R rows of A
 * and S columns of B loaded once per step; `outer`: the loop that streams its operand once.
 */
type DotsSchedule = {
  readonly form: 'dots';
  readonly rows: number;
  readonly cols: number;
  readonly outer: 'i' | 'j';
};

type MatmulSchedule = DotsSchedule | RowUpdatesSchedule;

function dotsSchedule(n: string, m: string): DotsSchedule {
  const [rows, cols] = m === '1' ? [8, 1] : n === '1' ? [1, 8] : [2, 4];
  // the operand with more elements streams once: its loop is the outer one
  return { form: 'dots', rows, cols, outer: estimate(m) > estimate(n) ? 'j' : 'i' };
}

function emitDots(k: KernelWriter, n: string, m: string, inner: string, s: DotsSchedule): void {
  const { rows, cols } = s;
  const [i, j, p] = [k.local('i'), k.local('j'), k.local('p')];
  const tile = (ii: string, r: number, jj: string, s: number) => {
    const acc = Array.from({ length: r }, (_, x) =>
      Array.from({ length: s }, (_, y) => k.local(r * s === 1 ? 'acc' : `acc${x}${y}`)),
    );
    for (const v of acc.flat()) k.line(`let ${v} = 0;`);
    k.line(forLoop(p, inner));
    const av = Array.from({ length: r }, (_, x) => {
      if (r * s === 1) return k.load(0, [ii, p]);
      const v = k.local(`a${x}`);
      k.line(`const ${v} = ${k.load(0, [plus(ii, x), p])};`);
      return v;
    });
    const bv = Array.from({ length: s }, (_, y) => {
      if (r * s === 1) return k.load(1, [p, jj]);
      const v = k.local(`x${y}`);
      k.line(`const ${v} = ${k.load(1, [p, plus(jj, y)])};`);
      return v;
    });
    for (let x = 0; x < r; x++)
      for (let y = 0; y < s; y++) k.line(`${acc[x]![y]} += ${av[x]} * ${bv[y]};`);
    k.line('}');
    for (let x = 0; x < r; x++)
      for (let y = 0; y < s; y++) k.store([plus(ii, x), plus(jj, y)], acc[x]![y]!);
  };
  if (s.outer === 'j') {
    tiled(k, j, m, cols, (jj, s) => tiled(k, i, n, rows, (ii, r) => tile(ii, r, jj, s)));
  } else {
    tiled(k, i, n, rows, (ii, r) => tiled(k, j, m, cols, (jj, s) => tile(ii, r, jj, s)));
  }
}

/**
 * The row-update form, C = A·B with B's and C's rows contiguous: C[i, :] += A[i, p]·B[p, :] for a
 * tile of R rows of C and U rows of B at a time (4 × 4), the R·U elements of A in registers;
 * `cSmall`: C stays in cache, so the loop over B's rows is the outer one and B streams once.
 */
type RowUpdatesSchedule = {
  readonly form: 'rows';
  readonly rows: number;
  readonly depth: number;
  readonly cSmall: boolean;
};

function rowUpdatesSchedule(n: string, m: string, inner: string): RowUpdatesSchedule {
  // 4×4 is the fastest tile measured on V8 (16 of A's elements in registers, or nearly: the
  // spills are cheaper than the loads and stores of C they save)
  const rows = n === '1' ? 1 : (literalOf(n) ?? 4) < 4 ? 2 : 4;
  const depth = inner === '1' ? 1 : rows === 1 ? 8 : 4;
  const cSmall = literalOf(n) !== undefined && estimate(n) * estimate(m) <= 65536;
  return { form: 'rows', rows, depth, cSmall };
}

function emitRowUpdates(
  k: KernelWriter,
  n: string,
  m: string,
  inner: string,
  s: RowUpdatesSchedule,
): void {
  const [i, p, j] = [k.local('i'), k.local('p'), k.local('j')];
  const { rows, depth, cSmall } = s;
  const update = (ii: string, r: number, pp: string, u: number) => {
    const av = Array.from({ length: r }, (_, x) =>
      Array.from({ length: u }, (_, y) => {
        const v = k.local(r * u === 1 ? 'a' : `a${x}${y}`);
        k.line(`const ${v} = ${k.load(0, [plus(ii, x), plus(pp, y)])};`);
        return v;
      }),
    );
    k.line(forLoop(j, m));
    const bv = Array.from({ length: u }, (_, y) => {
      if (r === 1) return k.load(1, [plus(pp, y), j]);
      const v = k.local(`x${y}`);
      k.line(`const ${v} = ${k.load(1, [plus(pp, y), j])};`);
      return v;
    });
    for (let x = 0; x < r; x++) {
      const terms = av[x]!.map((v, y) => `${v} * ${bv[y]}`);
      k.line(`${k.outAt([plus(ii, x), j])} += ${terms.join(' + ')};`);
    }
    k.line('}');
  };
  if (cSmall) {
    k.zero('0', sizeExpr([n, m]));
    tiled(k, p, inner, depth, (pp, u) => tiled(k, i, n, rows, (ii, r) => update(ii, r, pp, u)));
    if (k.epilogue) {
      k.line(forLoop(i, n));
      k.line(forLoop(j, m));
      k.store([i, j], k.outAt([i, j]));
      k.line('}');
      k.line('}');
    }
  } else {
    tiled(k, i, n, rows, (ii, r) => {
      k.zero(`${ii} * ${m}`, `${plus(ii, r)} * ${m}`);
      tiled(k, p, inner, depth, (pp, u) => update(ii, r, pp, u));
      if (k.epilogue) {
        for (let x = 0; x < r; x++) {
          k.line(forLoop(j, m));
          k.store([plus(ii, x), j], k.outAt([plus(ii, x), j]));
          k.line('}');
        }
      }
    });
  }
}

/**
 * A pipelined pair (src/kernel/pipeline.ts) in one pass over X's rows: `g` = epilogue(X·B), one
 * column (or its transpose B·Xᵀ, one row), and `z` = gᵀ·X (or g·X), one row. Per tile of rows of
 * X: g's dot products and their stores, then z's row updates from the values stored, while the
 * rows are in cache. The sums are those of the two kernels apart, bit for bit, where their
 * schedules tile X's rows alike (dot products of 8 rows, row updates of depth 8: what matmul's
 * rules choose for these shapes); else the two are emitted one after the other (false).
 */
function emitPipelined(g: KernelWriter, z: KernelWriter): boolean {
  const column = g.outDims[1] === '1';
  const n = column ? g.outDims[0]! : g.outDims[1]!;
  const gs = (g.schedule ?? matmul.schedule!(g.args, g.outDims, g.attrs)) as MatmulSchedule;
  const zs = (z.schedule ?? matmul.schedule!(z.args, z.outDims, z.attrs)) as MatmulSchedule;
  const tile = gs.form === 'dots' ? (column ? gs.rows : gs.cols) : 0;
  const alike =
    gs.form === 'dots' &&
    (column ? gs.cols : gs.rows) === 1 &&
    zs.form === 'rows' &&
    zs.rows === 1 &&
    (zs.depth === tile || n === '1');
  if (!alike) {
    matmul.emit!(g);
    matmul.emit!(z);
    return false;
  }
  const inner = g.args[column ? 0 : 1]!.dims[column ? 1 : 0]!;
  const m = z.outDims[1]!;
  const [i, p, j] = [g.local('i'), g.local('p'), g.local('j')];
  // X[row, q] as g reads it (operand 0 of X·B, operand 1 of B·Xᵀ), and B's element q
  const x = (row: string, q: string) => (column ? g.load(0, [row, q]) : g.load(1, [q, row]));
  const b = (q: string) => (column ? g.load(1, [q, '0']) : g.load(0, ['0', q]));
  const at = (row: string) => (column ? [row, '0'] : ['0', row]);
  z.zero('0', m);
  tiled(g, i, n, tile, (ii, r) => {
    const acc = Array.from({ length: r }, (_, t) => g.local(r === 1 ? 'acc' : `acc${t}`));
    for (const v of acc) g.line(`let ${v} = 0;`);
    g.line(forLoop(p, inner));
    const bv = g.local('x');
    g.line(`const ${bv} = ${b(p)};`);
    acc.forEach((v, t) => g.line(`${v} += ${x(plus(ii, t), p)} * ${bv};`));
    g.line('}');
    acc.forEach((v, t) => g.store(at(plus(ii, t)), v));
    // the values as stored (and as z would read them from g's buffer)
    const av = acc.map((_, t) => {
      const v = g.local(r === 1 ? 'a' : `a${t}`);
      g.line(`const ${v} = ${z.load(0, ['0', plus(ii, t)])};`);
      return v;
    });
    g.line(forLoop(j, m));
    const terms = av.map((v, t) => `${v} * ${z.load(1, [plus(ii, t), j])}`);
    g.line(`${z.outAt(['0', j])} += ${terms.join(' + ')};`);
    g.line('}');
  });
  return true;
}
