/**
 * The WebAssembly text (WAT) of a {@link Module} (./instr.ts), in linear (stack) form, indented
 * by block nesting, with the named params and locals and the generators' comments. wabt's
 * `parseWat(text, { simd: true }).toBinary({})` gives exactly ./encoder.ts's bytes for it: the
 * types are declared explicitly in the encoder's order, floats are printed as the shortest
 * decimal that reads back to the same value.
 */
import { moduleTypes } from './encoder.js';
import { opInfo, type Func, type Instr, type Module } from './instr.js';

function floatText(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

function operand(f: Func, ins: Instr, funcNames: readonly string[]): string {
  const info = opInfo(ins.op);
  const vars = [...f.params, ...f.locals];
  switch (info.imm) {
    case 'none':
      return '';
    case 'local':
      return ` $${vars[ins.a!]!.name}`;
    case 'func':
      return ` $${funcNames[ins.a!]!}`;
    case 'label':
    case 'i32':
    case 'lane':
      return ` ${ins.a!}`;
    case 'shuffle':
      return ` ${ins.lanes!.join(' ')}`;
    case 'f32':
      return ` ${floatText(Math.fround(ins.a!))}`;
    case 'f64':
      return ` ${floatText(ins.a!)}`;
    case 'mem': {
      const off = ins.a! === 0 ? '' : ` offset=${ins.a!}`;
      const align = ins.b! === info.natural ? '' : ` align=${2 ** ins.b!}`;
      return off + align;
    }
  }
}

function funcText(f: Func, type: number, funcNames: readonly string[]): string[] {
  const params = f.params.map((p) => ` (param $${p.name} ${p.type})`).join('');
  const results = f.results.length ? ` (result ${f.results.join(' ')})` : '';
  const lines = [`  (func $${f.name} (type ${type})${params}${results}`];
  for (const l of f.locals) lines.push(`    (local $${l.name} ${l.type})`);
  let depth = 2;
  f.body.forEach((ins, i) => {
    const note = f.notes.get(i);
    if (ins.op === 'end' || ins.op === 'else') depth--;
    if (note !== undefined)
      for (const t of note.split('\n')) lines.push(`${'  '.repeat(depth)};; ${t}`);
    lines.push(`${'  '.repeat(depth)}${ins.op}${operand(f, ins, funcNames)}`);
    if (ins.op === 'block' || ins.op === 'loop' || ins.op === 'if' || ins.op === 'else') depth++;
  });
  lines.push('  )');
  return lines;
}

export function printWat(m: Module): string {
  const { sigs, index } = moduleTypes(m);
  const names = [...m.imports.map((f) => f.name), ...m.funcs.map((f) => f.name)];
  const sig = (s: string) => {
    const [ps, rs] = s.split('->');
    return `${ps ? ` (param ${ps})` : ''}${rs ? ` (result ${rs})` : ''}`;
  };
  const lines = ['(module'];
  sigs.forEach((s, i) => lines.push(`  (type (;${i};) (func${sig(s)}))`));
  lines.push(`  (import "env" "memory" (memory ${m.memoryPages}))`);
  m.imports.forEach((f, i) =>
    lines.push(`  (import "${f.module}" "${f.field}" (func $${f.name} (type ${index[i]!})))`),
  );
  m.funcs.forEach((f, i) => lines.push(...funcText(f, index[m.imports.length + i]!, names)));
  for (const f of m.funcs) lines.push(`  (export "${f.name}" (func $${f.name}))`);
  for (const a of m.aliases ?? []) lines.push(`  (export "${a.name}" (func $${a.of}))`);
  lines.push(')');
  return lines.join('\n') + '\n';
}
