import prettier from '@prettier/sync';
import { Project, type SourceFile } from 'ts-morph';

let project: Project | undefined;

/** A fresh in-memory ts-morph source file (one shared project: creating a project is slow). */
export function newSourceFile(fileName: string): SourceFile {
  project ??= new Project({ useInMemoryFileSystem: true });
  return project.createSourceFile(fileName, '', { overwrite: true });
}

/** The repository's prettier style, applied to every emitted module. */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  printWidth: 100,
  singleQuote: true,
} as const;

export function formatTypeScript(text: string): string {
  return prettier.format(text, PRETTIER_OPTIONS);
}

/** Code part of a line (a trailing `// comment` does not count toward prettier's width). */
const codeOf = (line: string) => {
  const i = line.indexOf(' // ');
  return i < 0 ? line : line.slice(0, i);
};

/** Lines prettier would print differently: too wide, or a parenthesized negative literal. */
const needsPrettier = (line: string, indent: number) => {
  const code = codeOf(line);
  return indent + code.length > PRETTIER_OPTIONS.printWidth - 4 || /\(-[\d.]/.test(code);
};

/**
 * Prints the steps of a function body at `depth` (2 spaces a level) in prettier's style: one
 * statement per line, braces at line ends. A step with a line prettier would change is formatted
 * by prettier inside the same nesting, so the module stays byte-identical to prettier's output
 * while the common case costs nothing (prettier runs at ~40 KB/s; bodies can be megabytes).
 */
export function printSteps(
  steps: readonly {
    readonly name: string;
    readonly comment: string;
    readonly lines: readonly string[];
    readonly buffer?: string;
  }[],
  depth: number,
): string {
  const out: string[] = [];
  for (const step of steps) {
    const lines =
      step.lines.length === 1
        ? [`${step.lines[0]} // ${step.comment}`]
        : [
            `// ${step.name} = ${step.comment}`,
            ...(step.buffer ? [`const ${step.name} = ${step.buffer};`] : []),
            ...step.lines,
          ];
    let level = depth;
    const printed: string[] = [];
    let fallback = false;
    for (const line of lines) {
      if (line.startsWith('}')) level--;
      if (!line.startsWith('//') && needsPrettier(line, level * 2)) fallback = true;
      printed.push(`${'  '.repeat(level)}${line}`);
      if (line.endsWith('{')) level++;
    }
    if (fallback) {
      const open = Array.from({ length: depth }, (_, i) => (i === 0 ? 'function f() {' : '{'));
      const text = formatTypeScript(
        `${open.join('\n')}\n${lines.join('\n')}\n${'}\n'.repeat(depth)}`,
      );
      const inner = text.trimEnd().split('\n').slice(depth, -depth);
      out.push(...inner);
    } else out.push(...printed);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
