import { commentSafe } from '../ir/text.js';
import { formatStatement, PRINT_WIDTH } from './jsFormat.js';

/**
 * Lines prettier would print differently from how the lowering writes them: too wide, a
 * parenthesized negative literal (`x * (-1)`), an exponent with a plus sign (`1e+200`) or a
 * double-quoted string.
 */
const needsFormatting = (code: string, indent: number) =>
  indent + code.length > PRINT_WIDTH || /\(-[\d.I]|\de\+|"/.test(code);

/** Block openers and closers and comments are printed as they are. */
const isStatement = (line: string) => !line.startsWith('//') && !line.endsWith('{') && line !== '}';

/**
 * Prints the steps of a function body at `depth` (2 spaces a level) in prettier's style: one
 * statement per line, braces at line ends, and a line that prettier would print otherwise
 * formatted as prettier does (`jsFormat.ts`), so the module is byte-identical to prettier's
 * output while the common case costs nothing.
 */
export function printSteps(
  steps: readonly {
    readonly name: string;
    readonly comment: string;
    readonly lines: readonly string[];
    readonly buffer?: string;
  }[],
  depth: number,
  format = true,
  /** What each of the steps' lines is printed as (the TypeScript's non-null assertions). */
  code?: (line: string) => string,
): string {
  const out: string[] = [];
  for (const step of steps) {
    // a kernel hoisted into a function of its own is a one-line call that still has a buffer
    const single = step.lines.length === 1 && step.buffer === undefined;
    const own = !code ? step.lines : single ? [code(step.lines[0]!)] : step.lines.map(code);
    const lines = single
      ? own
      : [
          `// ${step.name} = ${commentSafe(step.comment)}`,
          ...(step.buffer ? [`const ${step.name} = ${step.buffer};`] : []),
          ...own,
        ];
    out.push(printBody(lines, depth, format, single ? step.comment : undefined));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Indentations by level, made once each. */
const INDENTS: string[] = [];
const indentOf = (level: number) => (INDENTS[level] ??= '  '.repeat(level));

/**
 * Lines of code starting at `depth`, indented by their braces; `comment` goes after the first
 * line (a one-line step's math).
 */
export function printBody(
  lines: readonly string[],
  depth: number,
  format: boolean,
  comment?: string,
): string {
  // (a scalar step's one line: a scalar graph has 10⁵)
  if (lines.length === 1 && !lines[0]!.startsWith('}') && !lines[0]!.endsWith('{')) {
    const line = lines[0]!;
    const printed = format
      ? printLine(line, depth, comment)
      : comment === undefined
        ? line
        : `${line} // ${commentSafe(comment)}`;
    return `${indentOf(depth)}${printed}`;
  }
  const out: string[] = [];
  let level = depth;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('}')) level--;
    const trailing = i === 0 ? comment : undefined;
    const printed = format
      ? printLine(line, level, trailing)
      : trailing === undefined
        ? line
        : `${line} // ${commentSafe(trailing)}`;
    out.push(`${indentOf(level)}${printed}`);
    if (line.endsWith('{')) level++;
  }
  return out.join('\n');
}

/**
 * One line of code at indentation `level`, with a trailing comment (given, or already on the
 * line: a trailing `// comment` does not count toward prettier's width).
 */
export function printLine(line: string, level: number, given?: string): string {
  const at = given === undefined && isStatement(line) ? line.indexOf(' // ') : -1;
  const code = at < 0 ? line : line.slice(0, at);
  const raw = at < 0 ? given : line.slice(at + 4);
  const comment = raw === undefined ? undefined : commentSafe(raw);
  const text = comment === undefined ? code : `${code} // ${comment}`;
  if (!isStatement(code) || !needsFormatting(code, level * 2)) return text;
  return formatStatement(code, level, comment) ?? text;
}
