/**
 * A Wadler-style pretty printer: documents of text, groups, indentation and line breaks, printed
 * at a width. Groups print flat when they fit in what is left of the line — counting what follows
 * them up to the next possible break — and broken otherwise, the algorithm prettier uses; with the
 * documents `jsFormat.ts` builds, emitted code comes out as prettier would print it, without
 * prettier (which needs Node's worker threads to run synchronously, and is ~100× slower).
 */

export type Doc = string | readonly Doc[] | DocNode;

type DocNode =
  | { readonly kind: 'group'; readonly contents: Doc; readonly id?: symbol; broken?: boolean }
  | { readonly kind: 'indent'; readonly contents: Doc }
  | { readonly kind: 'line'; readonly soft: boolean; readonly hard: boolean }
  | { readonly kind: 'ifBreak'; readonly broken: Doc; readonly flat: Doc; readonly id?: symbol }
  | { readonly kind: 'lineSuffix'; readonly contents: string };

/** A space when its group is flat, a newline (and indentation) when it is broken. */
export const line: Doc = { kind: 'line', soft: false, hard: false };
/** Nothing when flat, a newline when broken. */
export const softline: Doc = { kind: 'line', soft: true, hard: false };
/** Always a newline; the groups around it break. */
export const hardline: Doc = { kind: 'line', soft: false, hard: true };

export function group(contents: Doc, options: { id?: symbol; broken?: boolean } = {}): Doc {
  return { kind: 'group', contents, ...options };
}
export function indent(contents: Doc): Doc {
  return { kind: 'indent', contents };
}
/** `broken` when the group `id` (default: the enclosing one) is broken, else `flat`. */
export function ifBreak(broken: Doc, flat: Doc = '', id?: symbol): Doc {
  return { kind: 'ifBreak', broken, flat, ...(id ? { id } : {}) };
}
/** Indented only when the group `id` broke. */
export function indentIfBreak(contents: Doc, id: symbol): Doc {
  return ifBreak(indent(contents), contents, id);
}
/** Text kept at the end of its line, not counted in the width (a trailing `// comment`). */
export function lineSuffix(contents: string): Doc {
  return { kind: 'lineSuffix', contents };
}
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [separator, d]));
}

type Mode = 'flat' | 'break';
interface Command {
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/** Marks every group that contains a hard line as broken (they can never print flat). */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) {
    let hard = false;
    for (const d of doc as readonly Doc[]) hard = propagateBreaks(d) || hard;
    return hard;
  }
  const node = doc as DocNode;
  switch (node.kind) {
    case 'line':
      return node.hard;
    case 'group': {
      const hard = propagateBreaks(node.contents);
      if (hard) node.broken = true;
      return hard || node.broken === true;
    }
    case 'indent':
      return propagateBreaks(node.contents);
    case 'ifBreak':
      return propagateBreaks(node.broken) || propagateBreaks(node.flat);
    case 'lineSuffix':
      return false;
  }
}

/**
 * Whether `next` fits in `width` columns, followed by the commands still to print (`rest`, in
 * their own modes) up to their first line break.
 */
function fits(
  next: Command,
  rest: readonly Command[],
  width: number,
  groupModes: ReadonlyMap<symbol, Mode>,
): boolean {
  let left = width;
  let restIndex = rest.length;
  const stack: { mode: Mode; doc: Doc }[] = [next];
  while (left >= 0) {
    const cmd = stack.pop();
    if (cmd === undefined) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = cmd;
    if (typeof doc === 'string') {
      left -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      const parts = doc as readonly Doc[];
      for (let i = parts.length - 1; i >= 0; i--) stack.push({ mode, doc: parts[i]! });
      continue;
    }
    const node = doc as DocNode;
    switch (node.kind) {
      case 'group':
        stack.push({ mode: node.broken ? 'break' : mode, doc: node.contents });
        break;
      case 'indent':
        stack.push({ mode, doc: node.contents });
        break;
      case 'ifBreak': {
        const groupMode = node.id ? (groupModes.get(node.id) ?? 'flat') : mode;
        stack.push({ mode, doc: groupMode === 'break' ? node.broken : node.flat });
        break;
      }
      case 'line':
        if (mode === 'break' || node.hard) return true;
        if (!node.soft) left--;
        break;
      case 'lineSuffix':
        break;
    }
  }
  return false;
}

/**
 * Prints `doc` at `width` columns, indenting by two spaces a level, starting at indentation
 * `level` (the first line is returned without its indentation).
 */
export function printDoc(doc: Doc, width: number, level = 0): string {
  propagateBreaks(doc);
  const out: string[] = [];
  const suffixes: string[] = [];
  const groupModes = new Map<symbol, Mode>();
  let column = level * 2;
  const stack: Command[] = [{ indent: level, mode: 'break', doc }];
  while (stack.length > 0) {
    const { indent: depth, mode, doc: d } = stack.pop()!;
    if (typeof d === 'string') {
      out.push(d);
      column += d.length;
      continue;
    }
    if (Array.isArray(d)) {
      const parts = d as readonly Doc[];
      for (let i = parts.length - 1; i >= 0; i--)
        stack.push({ indent: depth, mode, doc: parts[i]! });
      continue;
    }
    const node = d as DocNode;
    switch (node.kind) {
      case 'group': {
        const flat: Command = { indent: depth, mode: 'flat', doc: node.contents };
        const chosen: Command =
          mode === 'flat' && !node.broken
            ? flat
            : !node.broken && fits(flat, stack, width - column, groupModes)
              ? flat
              : { indent: depth, mode: 'break', doc: node.contents };
        stack.push(chosen);
        if (node.id) groupModes.set(node.id, chosen.mode);
        break;
      }
      case 'indent':
        stack.push({ indent: depth + 1, mode, doc: node.contents });
        break;
      case 'ifBreak': {
        const groupMode = node.id ? (groupModes.get(node.id) ?? 'flat') : mode;
        stack.push({ indent: depth, mode, doc: groupMode === 'break' ? node.broken : node.flat });
        break;
      }
      case 'lineSuffix':
        suffixes.push(node.contents);
        break;
      case 'line':
        if (mode === 'flat' && !node.hard) {
          if (!node.soft) {
            out.push(' ');
            column++;
          }
          break;
        }
        if (suffixes.length > 0) {
          // the trailing comment goes before the newline; the break is taken again after it
          stack.push({ indent: depth, mode, doc: node });
          out.push(...suffixes.splice(0));
          break;
        }
        trimTrailingSpaces(out);
        out.push('\n' + '  '.repeat(depth));
        column = depth * 2;
        break;
    }
  }
  out.push(...suffixes);
  return out.join('');
}

function trimTrailingSpaces(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, '');
    if (trimmed.length > 0 || last.length === 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
