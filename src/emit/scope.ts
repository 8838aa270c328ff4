/**
 * What a lowered step reads of its function: the names it uses that the function declares at
 * its top level (inputs, batch sizes, earlier steps' results). The lowered code is our own
 * statements, so a scan of its identifiers is exact: no strings, no nested functions; locals are
 * declared with `const`/`let` inside the step.
 */
import type { LoweredProgram, LoweredStep } from '../lower/lower.js';

export type Kind = 'array' | 'number';

/** Names a function declares at its top level and their kind. */
export function topLevelNames(program: LoweredProgram): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const i of program.inputs) kinds.set(i.name, i.isScalar ? 'number' : 'array');
  for (const d of program.dims) kinds.set(d.symbol, 'number');
  for (const st of program.steps) kinds.set(st.name, st.buffer ? 'array' : 'number');
  return kinds;
}

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /\d[\d.]*(?:[eE][+-]?\d+)?/y;

/** Whether the character code `c` is an ASCII digit (what `\d` matches). */
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Whether `c` may start an identifier, `[A-Za-z_$]` (other characters are skipped one by one). */
const startsName = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;

/** The identifiers a piece of code reads or declares, in order (not property names, not numbers). */
export function codeNames(code: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < code.length;) {
    const c = code.charCodeAt(i);
    if (isDigit(c)) {
      NUMBER.lastIndex = i;
      i = NUMBER.exec(code) ? NUMBER.lastIndex : i + 1;
      continue;
    }
    if (!startsName(c)) {
      i++;
      continue;
    }
    IDENT.lastIndex = i;
    const m = IDENT.exec(code)!;
    if (code[i - 1] !== '.') names.push(m[0]);
    i = IDENT.lastIndex;
  }
  return names;
}

/** A line without its trailing comment. */
export function codeOf(line: string): string {
  if (line.startsWith('//')) return '';
  const at = line.indexOf(' // ');
  return at < 0 ? line : line.slice(0, at);
}

const DECLARATION = /\b(?:const|let)\s+([A-Za-z_$][\w$]*)/g;

/** The names a step declares inside itself (its loop indices and fused values). */
export function localNames(step: LoweredStep): Set<string> {
  const declared = new Set<string>();
  for (const line of step.lines) {
    // (most lines declare nothing: the scan is only run where a declaration may be)
    if (!line.includes('const') && !line.includes('let')) continue;
    for (const d of codeOf(line).matchAll(DECLARATION)) {
      declared.add(d[1]!);
    }
  }
  return declared;
}

/**
 * The top-level names `step` reads, in order of first use (its own result excluded): what it
 * needs from the rest of the function.
 */
export function stepReads(step: LoweredStep, kinds: ReadonlyMap<string, Kind>): string[] {
  const declared = localNames(step);
  // a scalar step declares its own result on its one line
  declared.delete(step.name);
  const reads: string[] = [];
  for (const line of step.lines) {
    const names = codeNames(codeOf(line));
    for (const n of names) {
      if (n !== step.name && kinds.has(n) && !declared.has(n) && !reads.includes(n)) reads.push(n);
    }
  }
  return reads;
}
