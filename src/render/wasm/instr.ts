/**
 * The one instruction list both ./encoder.ts (bytes) and ./wat.ts (text) read: every opcode the
 * kernel generators use, its binary encoding and the kind of its immediate. A function body is an
 * `Instr[]` in stack-machine (linear) order, built with {@link FuncBuilder}.
 *
 * Only the void block type is used (blocks, loops and ifs leave nothing on the stack), so block
 * instructions carry no immediate. SIMD opcodes are 0xFD followed by the LEB128 sub-opcode.
 */
export type ValType = 'i32' | 'f32' | 'f64' | 'v128';
export const valTypeCode: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/**
 * Immediate kinds: `local` a local index, `func` a function index, `label` a branch depth,
 * `i32`/`f32`/`f64` a constant, `mem` a memarg (offset in bytes, alignment as log2 bytes),
 * `lane` a lane index byte, `shuffle` 16 byte indices (0–15 the first operand's, 16–31 the
 * second's).
 */
type Imm = 'none' | 'local' | 'func' | 'label' | 'i32' | 'f32' | 'f64' | 'mem' | 'lane' | 'shuffle';

interface OpInfo {
  readonly code: readonly number[];
  readonly imm: Imm;
  /** Natural alignment (log2 bytes) of a memory access, printed in WAT only when it differs. */
  readonly natural?: number;
}

const simd = (sub: number, imm: Imm = 'none', natural?: number): OpInfo =>
  natural === undefined ? { code: [0xfd, sub], imm } : { code: [0xfd, sub], imm, natural };
const plain = (code: number, imm: Imm = 'none', natural?: number): OpInfo =>
  natural === undefined ? { code: [code], imm } : { code: [code], imm, natural };

function table<const K extends string>(base: number, names: readonly K[], mk = plain) {
  return Object.fromEntries(names.map((n, i) => [n, mk(base + i)])) as Record<K, OpInfo>;
}

export const OPS = {
  unreachable: plain(0x00),
  nop: plain(0x01),
  block: plain(0x02),
  loop: plain(0x03),
  if: plain(0x04),
  else: plain(0x05),
  end: plain(0x0b),
  br: plain(0x0c, 'label'),
  br_if: plain(0x0d, 'label'),
  return: plain(0x0f),
  call: plain(0x10, 'func'),
  drop: plain(0x1a),
  select: plain(0x1b),
  'local.get': plain(0x20, 'local'),
  'local.set': plain(0x21, 'local'),
  'local.tee': plain(0x22, 'local'),
  'i32.load': plain(0x28, 'mem', 2),
  'f32.load': plain(0x2a, 'mem', 2),
  'f64.load': plain(0x2b, 'mem', 3),
  'i32.store': plain(0x36, 'mem', 2),
  'f32.store': plain(0x38, 'mem', 2),
  'f64.store': plain(0x39, 'mem', 3),
  'i32.const': plain(0x41, 'i32'),
  'f32.const': plain(0x43, 'f32'),
  'f64.const': plain(0x44, 'f64'),
  'i32.eqz': plain(0x45),
  ...table(0x46, ['i32.eq', 'i32.ne', 'i32.lt_s', 'i32.lt_u', 'i32.gt_s', 'i32.gt_u']),
  ...table(0x4c, ['i32.le_s', 'i32.le_u', 'i32.ge_s', 'i32.ge_u']),
  ...table(0x5b, ['f32.eq', 'f32.ne', 'f32.lt', 'f32.gt', 'f32.le', 'f32.ge']),
  ...table(0x61, ['f64.eq', 'f64.ne', 'f64.lt', 'f64.gt', 'f64.le', 'f64.ge']),
  ...table(0x6a, ['i32.add', 'i32.sub', 'i32.mul', 'i32.div_s', 'i32.div_u', 'i32.rem_s']),
  ...table(0x70, ['i32.rem_u', 'i32.and', 'i32.or', 'i32.xor', 'i32.shl', 'i32.shr_s']),
  ...table(0x8b, ['f32.abs', 'f32.neg', 'f32.ceil', 'f32.floor', 'f32.trunc', 'f32.nearest']),
  ...table(0x91, ['f32.sqrt', 'f32.add', 'f32.sub', 'f32.mul', 'f32.div', 'f32.min', 'f32.max']),
  ...table(0x99, ['f64.abs', 'f64.neg', 'f64.ceil', 'f64.floor', 'f64.trunc', 'f64.nearest']),
  ...table(0x9f, ['f64.sqrt', 'f64.add', 'f64.sub', 'f64.mul', 'f64.div', 'f64.min', 'f64.max']),
  'f32.demote_f64': plain(0xb6),
  'f64.promote_f32': plain(0xbb),
  'v128.load': simd(0x00, 'mem', 4),
  'v128.load32_splat': simd(0x09, 'mem', 2),
  'v128.load64_splat': simd(0x0a, 'mem', 3),
  'v128.store': simd(0x0b, 'mem', 4),
  'i8x16.shuffle': simd(0x0d, 'shuffle'),
  'f32x4.splat': simd(0x13),
  'f64x2.splat': simd(0x14),
  'f32x4.extract_lane': simd(0x1f, 'lane'),
  'f32x4.replace_lane': simd(0x20, 'lane'),
  'f64x2.extract_lane': simd(0x21, 'lane'),
  'f64x2.replace_lane': simd(0x22, 'lane'),
  ...table(0x41, ['f32x4.eq', 'f32x4.ne', 'f32x4.lt', 'f32x4.gt', 'f32x4.le', 'f32x4.ge'], simd),
  ...table(0x47, ['f64x2.eq', 'f64x2.ne', 'f64x2.lt', 'f64x2.gt', 'f64x2.le', 'f64x2.ge'], simd),
  ...table(0x4d, ['v128.not', 'v128.and', 'v128.andnot', 'v128.or', 'v128.xor'], simd),
  'v128.bitselect': simd(0x52),
  ...table(0xe0, ['f32x4.abs', 'f32x4.neg'], simd),
  ...table(0xe3, ['f32x4.sqrt', 'f32x4.add', 'f32x4.sub', 'f32x4.mul', 'f32x4.div'], simd),
  ...table(0xe8, ['f32x4.min', 'f32x4.max', 'f32x4.pmin', 'f32x4.pmax'], simd),
  ...table(0xec, ['f64x2.abs', 'f64x2.neg'], simd),
  ...table(0xef, ['f64x2.sqrt', 'f64x2.add', 'f64x2.sub', 'f64x2.mul', 'f64x2.div'], simd),
  ...table(0xf4, ['f64x2.min', 'f64x2.max', 'f64x2.pmin', 'f64x2.pmax'], simd),
} satisfies Record<string, OpInfo>;

export type Op = keyof typeof OPS;
export const opInfo = (op: Op): OpInfo => OPS[op];

/**
 * One instruction: the op and, per its immediate kind, `a` (and `b`: a memarg's alignment), or
 * `lanes` (a shuffle's 16 byte indices).
 */
export interface Instr {
  readonly op: Op;
  readonly a?: number;
  readonly b?: number;
  readonly lanes?: readonly number[];
}

/** A function: named params (first locals), results, further named locals and the body. */
export interface Func {
  readonly name: string;
  readonly params: readonly { name: string; type: ValType }[];
  readonly results: readonly ValType[];
  readonly locals: readonly { name: string; type: ValType }[];
  readonly body: readonly Instr[];
  /** Comments for the WAT text: printed before the instruction at that body index. */
  readonly notes: ReadonlyMap<number, string>;
  /** The bytes of scratch area the function uses at the address its spec gave (0: none). */
  readonly scratchBytes?: number;
}

/** A function imported from the host (e.g. `Math.exp` as `env.exp`). */
export interface ImportedFunc {
  readonly module: string;
  readonly field: string;
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

/** A module: imported memory `env.memory` (at least `memoryPages` pages), imported functions
 * (indices 0…), then defined functions, all exported under their names. */
export interface Module {
  readonly memoryPages: number;
  readonly imports: readonly ImportedFunc[];
  readonly funcs: readonly Func[];
  /** Further exports of defined functions under other names (`of`: the function's name). */
  readonly aliases?: readonly { readonly name: string; readonly of: string }[];
}

/** Builds one function body; locals are named (the WAT shows the names) and typed. */
export class FuncBuilder {
  private main: Instr[] = [];
  private entry: Instr[] = [];
  private readonly notes = new Map<number, string>();
  private readonly vars: { name: string; type: ValType }[] = [];
  private readonly taken = new Set<string>();
  private readonly nParams: number;

  constructor(
    readonly name: string,
    params: readonly { name: string; type: ValType }[],
    readonly results: readonly ValType[] = [],
  ) {
    for (const p of params) this.local(p.type, p.name);
    this.nParams = params.length;
  }

  /** A fresh local (a unique name derived from `hint`); returns its index. */
  local(type: ValType, hint: string): number {
    let name = hint;
    for (let k = 1; this.taken.has(name); k++) name = `${hint}_${k}`;
    this.taken.add(name);
    this.vars.push({ name, type });
    return this.vars.length - 1;
  }

  typeOf(local: number): ValType {
    return this.vars[local]!.type;
  }

  /** Emits `emit`'s instructions at the function's entry (before everything emitted so far). */
  atEntry(emit: () => void): void {
    const main = this.main;
    this.main = this.entry;
    try {
      emit();
    } finally {
      this.entry = this.main;
      this.main = main;
    }
  }

  op(op: Op, a?: number, b?: number): this {
    this.main.push(a === undefined ? { op } : b === undefined ? { op, a } : { op, a, b });
    return this;
  }
  get(local: number): this {
    return this.op('local.get', local);
  }
  set(local: number): this {
    return this.op('local.set', local);
  }
  tee(local: number): this {
    return this.op('local.tee', local);
  }
  i32(value: number): this {
    return this.op('i32.const', value | 0);
  }
  /**
   * i8x16.shuffle of the two vectors on the stack by lanes of `bytes` bytes: `lanes[q]` picks
   * result lane q, 0…(16 / bytes − 1) from the first vector, the next as many from the second.
   */
  shuffle(lanes: readonly number[], bytes: number): this {
    if (lanes.length * bytes !== 16 || lanes.some((l) => !(l >= 0 && l < 32 / bytes)))
      throw new Error(`FuncBuilder.shuffle: bad lanes ${lanes.join(' ')} of ${bytes} bytes`);
    const idx = lanes.flatMap((l) => Array.from({ length: bytes }, (_, b) => l * bytes + b));
    this.main.push({ op: 'i8x16.shuffle', lanes: idx });
    return this;
  }

  /** A memory access at `offset` bytes past the address on the stack, alignment 2^align. */
  mem(op: Op, offset: number, align: number): this {
    return this.op(op, offset, align);
  }

  /** A comment in the WAT text before the next instruction. */
  note(text: string): this {
    const at = this.main.length;
    const prev = this.notes.get(at);
    this.notes.set(at, prev === undefined ? text : `${prev}\n${text}`);
    return this;
  }

  finish(): Func {
    if (this.main === this.entry) throw new Error('FuncBuilder.finish inside atEntry');
    const shift = this.entry.length;
    const notes = new Map([...this.notes].map(([k, v]) => [k + shift, v]));
    return {
      name: this.name,
      params: this.vars.slice(0, this.nParams),
      results: this.results,
      locals: this.vars.slice(this.nParams),
      body: [...this.entry, ...this.main],
      notes,
    };
  }
}
