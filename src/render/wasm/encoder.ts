/**
 * The WebAssembly binary of a {@link Module} (./instr.ts): type, import, function, export and code
 * sections, nothing else (no name section). Function types are deduplicated in order of first use
 * (imports first), locals are grouped into runs of one type, LEB128 is minimal: the same bytes
 * wabt's `parseWat(…).toBinary({})` writes for ./wat.ts's text of the module (the tests' oracle).
 * Our own encoder rather than binaryen (a 132 MB dependency with an asynchronous start, not for
 * browsers) because the bytes and the readable text must come from one instruction list,
 * synchronously, in a browser-safe package.
 */
import { opInfo, valTypeCode, type Func, type Instr, type Module, type ValType } from './instr.js';

function uleb(out: number[], n: number): void {
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
}

function sleb(out: number[], n: number): void {
  n |= 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

function name(out: number[], s: string): void {
  const bytes = new TextEncoder().encode(s);
  uleb(out, bytes.length);
  for (const b of bytes) out.push(b);
}

function section(out: number[], id: number, body: number[]): void {
  out.push(id);
  uleb(out, body.length);
  for (const b of body) out.push(b);
}

function float(out: number[], value: number, bytes: 4 | 8): void {
  const view = new DataView(new ArrayBuffer(bytes));
  if (bytes === 8) view.setFloat64(0, value, true);
  else view.setFloat32(0, value, true);
  for (let i = 0; i < bytes; i++) out.push(view.getUint8(i));
}

function instr(out: number[], ins: Instr): void {
  const info = opInfo(ins.op);
  if (info.code[0] === 0xfd) {
    out.push(0xfd);
    uleb(out, info.code[1]!);
  } else out.push(info.code[0]!);
  switch (info.imm) {
    case 'none':
      if (ins.op === 'block' || ins.op === 'loop' || ins.op === 'if') out.push(0x40);
      return;
    case 'local':
    case 'func':
    case 'label':
      return uleb(out, ins.a!);
    case 'i32':
      return sleb(out, ins.a!);
    case 'f32':
      return float(out, ins.a!, 4);
    case 'f64':
      return float(out, ins.a!, 8);
    case 'mem':
      uleb(out, ins.b!);
      return uleb(out, ins.a!);
    case 'lane':
      out.push(ins.a!);
      return;
    case 'shuffle':
      out.push(...ins.lanes!);
      return;
  }
}

/** Function types in order of first use, and each function's (imports', then funcs') index. */
function types(m: Module): { sigs: string[]; index: number[] } {
  const sigs: string[] = [];
  const index: number[] = [];
  const sig = (params: readonly ValType[], results: readonly ValType[]) => {
    const key = `${params.join(' ')}->${results.join(' ')}`;
    if (!sigs.includes(key)) sigs.push(key);
    index.push(sigs.indexOf(key));
  };
  for (const f of m.imports) sig(f.params, f.results);
  for (const f of m.funcs)
    sig(
      f.params.map((p) => p.type),
      f.results,
    );
  return { sigs, index };
}

/** The signatures of the module, as `params->results` keys (shared with ./wat.ts). */
export const moduleTypes = types;

function localRuns(f: Func): [number, ValType][] {
  const runs: [number, ValType][] = [];
  for (const l of f.locals) {
    const last = runs[runs.length - 1];
    if (last && last[1] === l.type) last[0]++;
    else runs.push([1, l.type]);
  }
  return runs;
}

function code(f: Func): number[] {
  const body: number[] = [];
  const runs = localRuns(f);
  uleb(body, runs.length);
  for (const [n, t] of runs) {
    uleb(body, n);
    body.push(valTypeCode[t]);
  }
  for (const ins of f.body) instr(body, ins);
  body.push(0x0b);
  const out: number[] = [];
  uleb(out, body.length);
  for (const b of body) out.push(b);
  return out;
}

export function encodeModule(m: Module): Uint8Array {
  const { sigs, index } = types(m);
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const typeSec: number[] = [];
  uleb(typeSec, sigs.length);
  for (const s of sigs) {
    const [ps, rs] = s.split('->').map((x) => (x ? (x.split(' ') as ValType[]) : []));
    typeSec.push(0x60);
    for (const list of [ps!, rs!]) {
      uleb(typeSec, list.length);
      for (const t of list) typeSec.push(valTypeCode[t]);
    }
  }
  section(out, 1, typeSec);
  const imports: number[] = [];
  uleb(imports, 1 + m.imports.length);
  name(imports, 'env');
  name(imports, 'memory');
  imports.push(0x02, 0x00);
  uleb(imports, m.memoryPages);
  m.imports.forEach((f, i) => {
    name(imports, f.module);
    name(imports, f.field);
    imports.push(0x00);
    uleb(imports, index[i]!);
  });
  section(out, 2, imports);
  const funcSec: number[] = [];
  uleb(funcSec, m.funcs.length);
  m.funcs.forEach((_, i) => uleb(funcSec, index[m.imports.length + i]!));
  section(out, 3, funcSec);
  const exports: number[] = [];
  const aliases = m.aliases ?? [];
  uleb(exports, m.funcs.length + aliases.length);
  m.funcs.forEach((f, i) => {
    name(exports, f.name);
    exports.push(0x00);
    uleb(exports, m.imports.length + i);
  });
  for (const a of aliases) {
    name(exports, a.name);
    exports.push(0x00);
    uleb(exports, m.imports.length + m.funcs.findIndex((f) => f.name === a.of));
  }
  section(out, 7, exports);
  const codeSec: number[] = [];
  uleb(codeSec, m.funcs.length);
  for (const f of m.funcs) for (const b of code(f)) codeSec.push(b);
  section(out, 10, codeSec);
  return Uint8Array.from(out);
}
