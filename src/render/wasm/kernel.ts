/**
 * What the kernel generators (./gemm.ts, ./elementwise.ts) share: sizes and strides that are
 * literals or linear in a runtime i32 parameter, strided views into the memory, the kernel
 * function's parameters, addresses, vector/scalar loads and stores, the expression IR's code
 * (src/kernel/expr.ts), and counted loops.
 */
import { GradgenError } from '../../errors.js';
import {
  exprUses,
  MATH_FNS,
  type BinaryOp,
  type Cmp,
  type Dtype,
  type Expr,
} from '../../kernel/expr.js';
import { FuncBuilder, type Func, type Op, type ValType } from './instr.js';

/** A size or stride: a literal, or `mul·sym + add` with `sym` an i32 parameter (a batch size). */
export type Lin = number | { readonly sym: string; readonly mul?: number; readonly add?: number };

/** A byte offset into the memory: a literal, or an i32 parameter plus a literal. */
export type Base = number | { readonly param: string; readonly add?: number };

/** A strided view: element (x₀, x₁, …) at byte `base + Σ xₐ·strides[a]·bytesPerElement`. */
export interface View {
  readonly base: Base;
  /** In elements, one per axis of the kernel's index space; ≥ 0 (0 broadcasts). */
  readonly strides: readonly Lin[];
}

/** A kernel function parameter: an i32 (a size or a base address) or a scalar of the dtype. */
export interface KernelParam {
  readonly name: string;
  readonly type: 'i32' | 'scalar';
}

export const scale = (l: Lin, c: number): Lin =>
  typeof l === 'number' ? l * c : { sym: l.sym, mul: (l.mul ?? 1) * c, add: (l.add ?? 0) * c };

export const isLit = (l: Lin, v: number): boolean => typeof l === 'number' && l === v;

/** One kernel function being generated. */
export class Kernel {
  readonly f: FuncBuilder;
  /** Lanes per v128 (2 for float64, 4 for float32), bytes per element. */
  readonly W: number;
  readonly es: number;
  readonly s: 'f64' | 'f32';
  readonly v: 'f64x2' | 'f32x4';
  private readonly cache = new Map<string, number>();

  constructor(
    name: string,
    readonly dtype: Dtype,
    readonly params: readonly KernelParam[],
  ) {
    this.s = dtype === 'float64' ? 'f64' : 'f32';
    this.v = dtype === 'float64' ? 'f64x2' : 'f32x4';
    this.W = dtype === 'float64' ? 2 : 4;
    this.es = dtype === 'float64' ? 8 : 4;
    const ps = params.map((p) => ({
      name: p.name,
      type: (p.type === 'i32' ? 'i32' : this.s) as ValType,
    }));
    this.f = new FuncBuilder(name, ps);
  }

  param(name: string, type: 'i32' | 'scalar'): number {
    const i = this.params.findIndex((p) => p.name === name);
    if (i < 0 || this.params[i]!.type !== type)
      throw new GradgenError(
        'E_BAD_ARGUMENT',
        `wasm kernel ${this.f.name}: no ${type} parameter '${name}'`,
      );
    return i;
  }

  /** A local computed once at the function's entry, shared by key. */
  entryLocal(key: string, type: ValType, hint: string, emit: () => void): number {
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const l = this.f.local(type, hint);
    this.f.atEntry(() => {
      emit();
      this.f.set(l);
    });
    this.cache.set(key, l);
    return l;
  }

  /** Pushes the i32 value of `l`. */
  lin(l: Lin, hint = 'n'): void {
    if (typeof l === 'number') {
      this.f.i32(l);
      return;
    }
    const key = `lin ${l.sym} ${l.mul ?? 1} ${l.add ?? 0}`;
    const local = this.entryLocal(key, 'i32', hint, () => {
      this.f.get(this.param(l.sym, 'i32'));
      if ((l.mul ?? 1) !== 1) this.f.i32(l.mul!).op('i32.mul');
      if ((l.add ?? 0) !== 0) this.f.i32(l.add!).op('i32.add');
    });
    this.f.get(local);
  }

  /** Pushes a base address. */
  base(b: Base): void {
    if (typeof b === 'number') this.f.i32(b);
    else {
      this.f.get(this.param(b.param, 'i32'));
      if ((b.add ?? 0) !== 0) this.f.i32(b.add!).op('i32.add');
    }
  }

  /**
   * Adds `Σ idx[a]·strides[a]·es` bytes to the address on the stack: literal terms are returned
   * (for the memarg offset), symbolic ones added with entry-computed locals.
   */
  offset(v: View, idx: readonly number[]): number {
    let lit = 0;
    idx.forEach((x, a) => {
      if (x === 0) return;
      const t = scale(v.strides[a]!, x * this.es);
      if (typeof t === 'number') lit += t;
      else (this.lin(t, 'off'), this.f.op('i32.add'));
    });
    return lit;
  }

  /** Pushes `ptr + offset(idx)` and returns the memarg offset. */
  at(ptr: number, v: View, idx: readonly number[]): number {
    this.f.get(ptr);
    return this.offset(v, idx);
  }

  /** A scalar load of element idx (relative to `ptr`). */
  loadScalar(ptr: number, v: View, idx: readonly number[]): void {
    const off = this.at(ptr, v, idx);
    this.f.mem(`${this.s}.load`, off, Math.log2(this.es));
  }

  /**
   * A vector of W elements starting at idx along `axis`: a v128.load where the stride is 1, a
   * load-splat where it is 0, else W scalar loads into lanes.
   */
  loadVector(ptr: number, v: View, idx: readonly number[], axis: number): void {
    const st = v.strides[axis]!;
    const align = Math.log2(this.es);
    if (isLit(st, 1)) this.f.mem('v128.load', this.at(ptr, v, idx), align);
    else if (isLit(st, 0))
      this.f.mem(
        this.dtype === 'float64' ? 'v128.load64_splat' : 'v128.load32_splat',
        this.at(ptr, v, idx),
        align,
      );
    else
      for (let l = 0; l < this.W; l++) {
        const lane = idx.map((x, a) => (a === axis ? x + l : x));
        if (l === 0) (this.loadScalar(ptr, v, lane), this.f.op(`${this.v}.splat`));
        else {
          const tmp = this.f.local('v128', 'gather');
          this.f.set(tmp);
          this.f.get(tmp);
          this.loadScalar(ptr, v, lane);
          this.f.op(`${this.v}.replace_lane`, l);
        }
      }
  }

  /** Stores the value in local `val` (scalar or vector along `axis`) at idx. */
  store(ptr: number, v: View, idx: readonly number[], val: number, axis?: number): void {
    const align = Math.log2(this.es);
    if (axis === undefined) {
      const off = this.at(ptr, v, idx);
      this.f.get(val).mem(`${this.s}.store`, off, align);
    } else if (isLit(v.strides[axis]!, 1)) {
      const off = this.at(ptr, v, idx);
      this.f.get(val).mem('v128.store', off, align);
    } else
      for (let l = 0; l < this.W; l++) {
        const off = this.at(
          ptr,
          v,
          idx.map((x, a) => (a === axis ? x + l : x)),
        );
        this.f.get(val).op(`${this.v}.extract_lane`, l).mem(`${this.s}.store`, off, align);
      }
  }

  /** A pointer local set to the address of element idx (sizes may be runtime) of `v`. */
  pointer(local: number, v: View, idx: readonly (number | { local: number })[]): void {
    // a literal base 0 is left out (the first term starts the sum)
    let terms = 0;
    if (v.base !== 0) (this.base(v.base), terms++);
    const add = () => {
      if (terms++ > 0) this.f.op('i32.add');
    };
    idx.forEach((x, a) => {
      const st = scale(v.strides[a]!, this.es);
      if (typeof x === 'number') {
        if (x === 0 || isLit(st, 0)) return;
        this.lin(scale(st, x), 'off');
      } else {
        if (isLit(st, 0)) return;
        this.f.get(x.local);
        if (!isLit(st, 1)) (this.lin(st, 'stride'), this.f.op('i32.mul'));
      }
      add();
    });
    if (terms === 0) this.f.i32(0);
    this.f.set(local);
  }

  /** Pushes the sum of v128 local `v`'s lanes: l₀ + l₁ (float64), (l₀ + l₁) + (l₂ + l₃) (float32). */
  laneSum(v: number): void {
    const f = this.f;
    f.get(v).op(`${this.v}.extract_lane`, 0).get(v).op(`${this.v}.extract_lane`, 1);
    f.op(`${this.s}.add`);
    if (this.W === 4)
      f.get(v)
        .op('f32x4.extract_lane', 2)
        .get(v)
        .op('f32x4.extract_lane', 3)
        .op('f32.add')
        .op('f32.add');
  }

  /** A v128 local holding the splat of a constant or scalar parameter (computed at entry). */
  splat(e: Expr & ({ k: 'const' } | { k: 'param' })): number {
    const key =
      e.k === 'const' ? `splat ${Object.is(e.value, -0) ? '-0' : e.value}` : `splat $${e.name}`;
    const hint = e.k === 'param' ? e.name : e.value === 0 ? 'zero' : 'k';
    return this.entryLocal(key, 'v128', hint, () => {
      this.scalarLeaf(e);
      this.f.op(`${this.v}.splat`);
    });
  }

  private scalarLeaf(e: Expr & ({ k: 'const' } | { k: 'param' })): void {
    if (e.k === 'const') this.f.op(`${this.s}.const`, e.value);
    else this.f.get(this.param(e.name, 'scalar'));
  }

  /**
   * Pushes the value of `e`, vector or scalar; `leaf` pushes `acc` (view -1) and loads. Loads are
   * evaluated once each into locals first (so a formula may use one several times).
   */
  expr(e: Expr, vector: boolean, leaf: (view: number) => void): void {
    const t = vector ? 'v128' : this.s;
    const loaded = new Map<number, number>();
    for (const view of exprUses(e).loads) {
      const l = this.f.local(t, `in${view}`);
      leaf(view);
      this.f.set(l);
      loaded.set(view, l);
    }
    let acc: number | undefined;
    if (exprUses(e).acc) {
      acc = this.f.local(t, 'r');
      leaf(-1);
      this.f.set(acc);
    }
    this.exprCode(e, vector, (view) => this.f.get(view < 0 ? acc! : loaded.get(view)!));
  }

  private exprCode(e: Expr, vector: boolean, leaf: (view: number) => void): void {
    const p = vector ? this.v : this.s;
    const go = (x: Expr): void => {
      switch (x.k) {
        case 'acc':
          return leaf(-1);
        case 'load':
          return leaf(x.view);
        case 'const':
        case 'param':
          if (vector) this.f.get(this.splat(x));
          else this.scalarLeaf(x);
          return;
        case 'unary':
          go(x.a);
          this.f.op(`${p}.${x.op}` as Op);
          return;
        case 'call':
          go(x.a);
          return this.call(MATH_FNS.indexOf(x.fn), vector);
        case 'binary':
          if (!vector && (x.op === 'pmin' || x.op === 'pmax'))
            return this.scalarPminmax(x.op, x.a, x.b, go);
          go(x.a);
          go(x.b);
          this.f.op(`${p}.${x.op}` as Op);
          return;
        case 'select':
          go(x.then);
          go(x.else);
          go(x.a);
          go(x.b);
          this.f.op(`${p}.${x.cmp}` as Op);
          this.f.op(vector ? 'v128.bitselect' : 'select');
      }
    };
    go(e);
  }

  /** Calls imported function `fn` (f64 → f64) on the value on the stack, lane by lane. */
  private call(fn: number, vector: boolean): void {
    const f = this.f;
    const one = () => {
      if (this.s === 'f32') f.op('f64.promote_f32');
      f.op('call', fn);
      if (this.s === 'f32') f.op('f32.demote_f64');
    };
    if (!vector) return one();
    const x = f.local('v128', 'arg');
    const y = f.local('v128', 'res');
    f.set(x);
    for (let l = 0; l < this.W; l++) {
      if (l > 0) f.get(y);
      f.get(x).op(`${this.v}.extract_lane`, l);
      one();
      if (l === 0) f.op(`${this.v}.splat`);
      else f.op(`${this.v}.replace_lane`, l);
      f.set(y);
    }
    f.get(y);
  }

  /** pmin(a, b) = b < a ? b : a and pmax(a, b) = a < b ? b : a, in scalar code. */
  private scalarPminmax(op: BinaryOp, a: Expr, b: Expr, go: (x: Expr) => void): void {
    const ta = this.f.local(this.s, 'pa');
    const tb = this.f.local(this.s, 'pb');
    go(a);
    this.f.set(ta);
    go(b);
    this.f.set(tb);
    this.f.get(tb).get(ta);
    const cmp: Cmp = 'lt';
    if (op === 'pmin') this.f.get(tb).get(ta);
    else this.f.get(ta).get(tb);
    this.f.op(`${this.s}.${cmp}`).op('select');
  }

  /**
   * `for (iv = 0; iv < size; iv += step)` over blocks of `steps[0]`, the rest in smaller steps:
   * with a literal size, the full blocks in a loop, then one `body(rest)`; with a runtime size,
   * one loop per step (body(steps[0]) while a full block fits, then body(steps[1]), …); a size
   * in a local is a runtime size.
   */
  blocks(
    iv: number,
    size: Lin | { readonly local: number },
    steps: readonly number[],
    body: (len: number) => void,
  ): void {
    const f = this.f;
    f.i32(0).set(iv);
    if (typeof size === 'number') {
      const step = steps[0]!;
      const full = Math.floor(size / step);
      if (full > 1) {
        f.op('loop');
        body(step);
        f.get(iv)
          .i32(step)
          .op('i32.add')
          .tee(iv)
          .i32(full * step)
          .op('i32.lt_u')
          .op('br_if', 0);
        f.op('end');
      } else if (full === 1) (body(step), f.i32(step).set(iv));
      if (size % step) body(size % step);
      return;
    }
    for (const step of steps) {
      f.op('block').op('loop');
      f.get(iv).i32(step).op('i32.add');
      if (typeof size === 'object' && 'local' in size) f.get(size.local);
      else this.lin(size);
      f.op('i32.gt_u').op('br_if', 1);
      body(step);
      f.get(iv).i32(step).op('i32.add').set(iv).op('br', 0);
      f.op('end').op('end');
    }
  }

  finish(): Func {
    return this.f.finish();
  }
}
