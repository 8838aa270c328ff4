/**
 * What a lowered step reads of its function: the names it uses that the function declares at
 * its top level (inputs, batch sizes, earlier steps' results). The lowered code is our own
 * statements, so a scan of its identifiers is exact: no strings, no nested functions; locals are
 * declared with `const`/`let` inside the step.
 */
import type { LoweredProgram, LoweredStep } from '../lower/lower.js';

export type Kind = 'array' | 'number';

/** The names a function is given (its inputs and batch sizes) and their kind. */
export function entryNames(program: LoweredProgram): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const i of program.inputs) kinds.set(i.name, i.isScalar ? 'number' : 'array');
  for (const d of program.dims) kinds.set(d.symbol, 'number');
  return kinds;
}

/** The kind of a step's result: a buffer's array, or a number. */
export const stepKind = (st: LoweredStep): Kind => (st.buffer ? 'array' : 'number');

/** Names a function declares at its top level and their kind. */
export function topLevelNames(program: LoweredProgram): Map<string, Kind> {
  const kinds = entryNames(program);
  for (const st of program.steps) kinds.set(st.name, stepKind(st));
  return kinds;
}

/** Whether the character code `c` is an ASCII digit (what `\d` matches). */
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Whether `c` may start an identifier, `[A-Za-z_$]` (other characters are skipped one by one). */
const startsName = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
/** Whether `c` may continue an identifier, `[\w$]`. */
const continuesName = (c: number) => startsName(c) || isDigit(c);
/** Whether `c` is white space, as `\s` has it. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
/** Whether `c` is a word character, `\w` (`$` continues a name but is not one). */
const isWord = (c: number) => continuesName(c) && c !== 36;

/** Where the number starting at `i` ends: `\d[\d.]*(?:[eE][+-]?\d+)?`. */
function numberEnd(code: string, i: number): number {
  let j = i + 1;
  while (j < code.length && (isDigit(code.charCodeAt(j)) || code.charCodeAt(j) === 46)) j++;
  const e = code.charCodeAt(j);
  if (e !== 101 && e !== 69) return j;
  let k = j + 1;
  if (code.charCodeAt(k) === 43 || code.charCodeAt(k) === 45) k++;
  if (!isDigit(code.charCodeAt(k))) return j;
  while (k < code.length && isDigit(code.charCodeAt(k))) k++;
  return k;
}

/** Where the identifier starting at `i` ends. */
function nameEnd(code: string, i: number): number {
  let j = i + 1;
  while (j < code.length && continuesName(code.charCodeAt(j))) j++;
  return j;
}

/**
 * Whether the name `code[i, j)` ends in the keyword `const` or `let` at a word boundary (the
 * name itself, or after a `$` in it): what `\b(?:const|let)` finds there.
 */
function endsInKeyword(code: string, i: number, j: number): boolean {
  for (const length of [5, 3]) {
    const k = j - length;
    if (k < i || code.slice(k, j) !== (length === 5 ? 'const' : 'let')) continue;
    if (!isWord(code.charCodeAt(k - 1))) return true;
  }
  return false;
}

/**
 * Calls `f` with each identifier of `code` before `end` (not property names, not numbers), in
 * order, and whether it is declared: the name after `const` or `let` and white space. A scan of
 * character codes: a 10⁵-step function has 10⁵ lines to read.
 */
function scanNames(code: string, end: number, f: (name: string, declared: boolean) => void): void {
  let declaring = false;
  for (let i = 0; i < end;) {
    const c = code.charCodeAt(i);
    if (isDigit(c)) {
      i = numberEnd(code, i);
      declaring = false;
      continue;
    }
    if (!startsName(c)) {
      if (!isSpace(c)) declaring = false;
      i++;
      continue;
    }
    const j = nameEnd(code, i);
    if (code.charCodeAt(i - 1) !== 46) f(code.slice(i, j), declaring);
    // a declared name is never a keyword too (`const const x` declares `const`)
    declaring = !declaring && endsInKeyword(code, i, j) && isSpace(code.charCodeAt(j));
    i = j;
  }
}

/** The identifiers a piece of code reads or declares, in order (not property names, not numbers). */
export function codeNames(code: string): string[] {
  const names: string[] = [];
  scanNames(code, code.length, (name) => names.push(name));
  return names;
}

/** Where a line's code ends: before its trailing comment (a line that is a comment has none). */
function codeEnd(line: string): number {
  if (line.startsWith('//')) return 0;
  const at = line.indexOf(' // ');
  return at < 0 ? line.length : at;
}

/** A line without its trailing comment. */
export function codeOf(line: string): string {
  return line.slice(0, codeEnd(line));
}

/** The names a step declares inside itself (its loop indices and fused values). */
export function localNames(step: LoweredStep): Set<string> {
  const declared = new Set<string>();
  for (const line of step.lines) {
    // (most lines declare nothing: the scan is only run where a declaration may be)
    if (!line.includes('const') && !line.includes('let')) continue;
    scanNames(line, codeEnd(line), (name, declares) => {
      if (declares) declared.add(name);
    });
  }
  return declared;
}

/**
 * The top-level names `step` reads, in order of first use (its own result excluded): what it
 * needs from the rest of the function.
 */
export function stepReads(step: LoweredStep, kinds: ReadonlyMap<string, Kind>): string[] {
  // the top-level names it uses, then those it declares itself left out (a scalar step declares
  // its own result on its one line, which is left out anyway)
  const used: string[] = [];
  let declared: Set<string> | undefined;
  for (const line of step.lines) {
    scanNames(line, codeEnd(line), (name, declares) => {
      if (declares) (declared ??= new Set()).add(name);
      else if (name !== step.name && kinds.has(name) && !used.includes(name)) used.push(name);
    });
  }
  return declared ? used.filter((n) => !declared!.has(n)) : used;
}

/**
 * Whether `code[at, at + length)` is a use of a name there: not part of a longer identifier or
 * number, not a property (`.name`).
 */
function isUseAt(code: string, at: number, length: number): boolean {
  const before = code.charCodeAt(at - 1);
  return !continuesName(before) && before !== 46 && !continuesName(code.charCodeAt(at + length));
}

/** Whether the name at `at` follows `const ` or `let ` (the keyword at a word boundary). */
function declaredAt(code: string, at: number): boolean {
  for (const keyword of ['const ', 'let ']) {
    const k = at - keyword.length;
    if (k >= 0 && code.startsWith(keyword, k) && !isWord(code.charCodeAt(k - 1))) return true;
  }
  return false;
}

/**
 * The renderer's record of what a step reads, as {@link stepReads} has it: `candidates` are the
 * top-level names it looked up while writing `lines` (in any order, maybe repeated, maybe unused
 * in the end); the result is those the code uses, in order of first use, without `own` and
 * without any the step declares itself. Only the recorded names are looked for, so a step's
 * lines are not scanned identifier by identifier (a 10⁵-step function has 10⁵ steps).
 */
export function recordedReads(
  lines: readonly string[],
  candidates: readonly string[],
  own: string,
): string[] {
  // (a handful of names per step: arrays, not tables; a scalar graph has 10⁵ steps)
  const names: string[] = [];
  for (const name of candidates) if (name !== own && !names.includes(name)) names.push(name);
  if (names.length === 0) return names;
  const first: number[] = [];
  for (let n = 0; n < names.length; n++) first.push(-1);
  let declared: Set<string> | undefined;
  let offset = 0;
  for (const line of lines) {
    const end = codeEnd(line);
    for (let n = 0; n < names.length; n++) {
      const name = names[n]!;
      for (let at = line.indexOf(name); at >= 0 && at < end; at = line.indexOf(name, at + 1)) {
        if (!isUseAt(line, at, name.length)) continue;
        // (a declaration has a space before its name)
        if (line.charCodeAt(at - 1) === 32 && declaredAt(line, at))
          (declared ??= new Set()).add(name);
        else if (first[n]! < 0) first[n] = offset + at;
      }
    }
    offset += end + 1;
  }
  if (names.length === 1) return first[0]! >= 0 && !declared ? names : [];
  const used = names.filter((name, n) => first[n]! >= 0 && !declared?.has(name));
  if (used.length > 1) used.sort((a, b) => first[names.indexOf(a)]! - first[names.indexOf(b)]!);
  return used;
}
