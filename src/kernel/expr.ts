/**
 * The kernels' elementwise expression IR: a GEMM's epilogue (applied to each result element as it
 * is stored), an elementwise kernel's body, a reduction's summand and epilogue. Small on purpose:
 * every op is one or a few SIMD128 instructions, evaluated per element in the kernel's dtype
 * (float32: every op rounds to float32, as Math.fround after each JS op).
 *
 * Operands: `acc` (the kernel's own value: a GEMM's dot product, a reduction's sum), a constant,
 * a runtime scalar parameter of the kernel function (f64 or f32 per dtype), a load from one of the
 * kernel's extra strided views at the current element.
 *
 * Semantics (the same in the vector and the scalar code, and in {@link evalExpr}):
 * - `min`/`max` are JavaScript's Math.min/Math.max (f64x2.min/max, f64.min/max: NaN if either
 *   operand is NaN, −0 < +0), so `max(x, 0)` is gradgen's relu bit for bit.
 * - `pmin(a, b)` is `b < a ? b : a`, `pmax(a, b)` is `a < b ? b : a` (wasm's pseudo-min/max, a
 *   single minpd/maxpd on x86, cheaper than min/max, which need extra NaN and −0 fix-ups): the
 *   JavaScript ternary, for ops defined that way.
 * - `select(cmp, a, b, then, else)` is `a cmp b ? then : else` (both branches are evaluated; a
 *   comparison with NaN is false except `ne`): leaky relu is select('gt', x, 0, x, s·x), a
 *   comparison op's 1/0 is select(cmp, a, b, 1, 0), `where` is select('ne', c, 0, a, b).
 * - `call(fn, a)` is Math[fn](a) (see {@link MATH_FNS}): exact agreement with the TS target, at
 *   the price of a call per element.
 */
export type UnaryOp = 'neg' | 'abs' | 'sqrt';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max' | 'pmin' | 'pmax';
export type Cmp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/**
 * Transcendentals stay JavaScript's: every kernel module imports these from `env` (in this order,
 * function indices 0…), and ./runtime.ts's `instantiate` passes Math's. A call evaluates in
 * float64 (a float32 operand promoted, the result rounded back), one lane at a time.
 */
export const MATH_FNS = ['exp', 'log', 'log1p', 'expm1', 'tanh'] as const;
export type MathFn = (typeof MATH_FNS)[number];

export type Expr =
  | { readonly k: 'acc' }
  | { readonly k: 'const'; readonly value: number }
  | { readonly k: 'param'; readonly name: string }
  | { readonly k: 'load'; readonly view: number }
  | { readonly k: 'unary'; readonly op: UnaryOp; readonly a: Expr }
  | { readonly k: 'binary'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'call'; readonly fn: MathFn; readonly a: Expr }
  | {
      readonly k: 'select';
      readonly cmp: Cmp;
      readonly a: Expr;
      readonly b: Expr;
      readonly then: Expr;
      readonly else: Expr;
    };

/** Constructors, so that epilogues read as formulas: `E.max(E.add(E.acc, E.load(0)), E.c(0))`. */
export const E = {
  acc: { k: 'acc' } as Expr,
  c: (value: number): Expr => ({ k: 'const', value }),
  param: (name: string): Expr => ({ k: 'param', name }),
  load: (view: number): Expr => ({ k: 'load', view }),
  unary: (op: UnaryOp, a: Expr): Expr => ({ k: 'unary', op, a }),
  binary: (op: BinaryOp, a: Expr, b: Expr): Expr => ({ k: 'binary', op, a, b }),
  add: (a: Expr, b: Expr) => E.binary('add', a, b),
  sub: (a: Expr, b: Expr) => E.binary('sub', a, b),
  mul: (a: Expr, b: Expr) => E.binary('mul', a, b),
  div: (a: Expr, b: Expr) => E.binary('div', a, b),
  max: (a: Expr, b: Expr) => E.binary('max', a, b),
  min: (a: Expr, b: Expr) => E.binary('min', a, b),
  neg: (a: Expr) => E.unary('neg', a),
  call: (fn: MathFn, a: Expr): Expr => ({ k: 'call', fn, a }),
  select: (cmp: Cmp, a: Expr, b: Expr, then: Expr, otherwise: Expr): Expr => ({
    k: 'select',
    cmp,
    a,
    b,
    then,
    else: otherwise,
  }),
  /** gradgen's relu: Math.max(x, 0). */
  relu: (x: Expr) => E.max(x, E.c(0)),
  /** gradgen's leakyRelu: x > 0 ? x : slope·x. */
  leakyRelu: (x: Expr, slope: number) => E.select('gt', x, E.c(0), x, E.mul(E.c(slope), x)),
};

export type Dtype = 'float64' | 'float32';

/** What an expression reads, to evaluate it in JavaScript. */
export interface EvalEnv {
  readonly acc?: number;
  readonly params?: Readonly<Record<string, number>>;
  load(view: number): number;
}

const CMP: Record<Cmp, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};

const BIN: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  min: Math.min,
  max: Math.max,
  pmin: (a, b) => (b < a ? b : a),
  pmax: (a, b) => (a < b ? b : a),
};

const UN: Record<UnaryOp, (a: number) => number> = {
  neg: (a) => -a,
  abs: Math.abs,
  sqrt: Math.sqrt,
};

/** The value of `e` in JavaScript, rounding every result to `dtype` (the definition above). */
export function evalExpr(e: Expr, env: EvalEnv, dtype: Dtype): number {
  const r = dtype === 'float32' ? Math.fround : (x: number) => x;
  const go = (x: Expr): number => {
    switch (x.k) {
      case 'acc':
        return r(env.acc!);
      case 'const':
        return r(x.value);
      case 'param':
        return r(env.params![x.name]!);
      case 'load':
        return r(env.load(x.view));
      case 'unary':
        return r(UN[x.op](go(x.a)));
      case 'binary':
        return r(BIN[x.op](go(x.a), go(x.b)));
      case 'call':
        return r(Math[x.fn](go(x.a)));
      case 'select':
        return CMP[x.cmp](go(x.a), go(x.b)) ? go(x.then) : go(x.else);
    }
  };
  return go(e);
}

/** The loads (view indices) and params an expression reads, each once, in order of appearance. */
export function exprUses(e: Expr): { loads: number[]; params: string[]; acc: boolean } {
  const loads: number[] = [];
  const params: string[] = [];
  let acc = false;
  const go = (x: Expr): void => {
    if (x.k === 'acc') acc = true;
    else if (x.k === 'load') loads.includes(x.view) || loads.push(x.view);
    else if (x.k === 'param') params.includes(x.name) || params.push(x.name);
    else if (x.k === 'unary' || x.k === 'call') go(x.a);
    else if (x.k === 'binary') (go(x.a), go(x.b));
    else if (x.k === 'select') [x.a, x.b, x.then, x.else].forEach(go);
  };
  go(e);
  return { loads, params, acc };
}
