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
): string {
  const out: string[] = [];
  for (const step of steps) {
    const single = step.lines.length === 1;
    const lines = single
      ? step.lines
      : [
          `// ${step.name} = ${commentSafe(step.comment)}`,
          ...(step.buffer ? [`const ${step.name} = ${step.buffer};`] : []),
          ...step.lines,
        ];
    let level = depth;
    for (const [i, line] of lines.entries()) {
      if (line.startsWith('}')) level--;
      const comment = single && i === 0 ? step.comment : undefined;
      const printed = format
        ? printLine(line, level, comment)
        : comment === undefined
          ? line
          : `${line} // ${commentSafe(comment)}`;
      out.push(`${'  '.repeat(level)}${printed}`);
      if (line.endsWith('{')) level++;
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
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
