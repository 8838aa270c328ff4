/**
 * Writes a module's text line by line in prettier's style (two-space indentation by brace level,
 * long statements broken as prettier breaks them), as TypeScript or — the same module with its
 * type annotations left out — as JavaScript, which `compile` evaluates without a TypeScript
 * compiler.
 */
import { group, ifBreak, indent, join, line, printDoc, softline, type Doc } from './doc.js';
import { commentSafe } from '../ir/text.js';
import { printLine } from './format.js';
import { PRINT_WIDTH, stringLiteral } from './jsFormat.js';

export type Language = 'ts' | 'js';

/**
 * In TypeScript the module's text; in JavaScript the body of a function that returns the
 * module's exports (for `new Function`: a function body cannot hold `export` declarations).
 */
export class ModuleWriter {
  private readonly out: string[] = [];
  private readonly exports: string[] = [];
  private level = 0;

  constructor(readonly language: Language) {}

  get types(): boolean {
    return this.language === 'ts';
  }

  /** `export ` before the declaration of `name` in TypeScript; JavaScript returns it instead. */
  export(name: string): string {
    this.exports.push(name);
    return this.types ? 'export ' : '';
  }

  /** `text` in TypeScript, nothing in JavaScript (an annotation such as `: number`). */
  ts(text: string): string {
    return this.types ? text : '';
  }

  /** A statement or a line of code at the current level (an empty string is a blank line). */
  line(code = ''): this {
    if (code === '') this.out.push('');
    else if (code.startsWith('}')) {
      this.level--;
      this.push(code);
      if (code.endsWith('{')) this.level++;
    } else {
      this.push(code);
      if (code.endsWith('{')) this.level++;
    }
    return this;
  }

  /** Several lines (see {@link line}). */
  lines(codes: readonly string[]): this {
    for (const c of codes) this.line(c);
    return this;
  }

  /** Lines one level deeper than the braces say (a `case` body). */
  indented(fn: () => void): this {
    this.level++;
    fn();
    this.level--;
    return this;
  }

  /** A TypeScript-only line (an interface member, a field declaration). */
  tsLine(code: string): this {
    return this.types ? this.line(code) : this;
  }

  /** `/** … *\/` with one line of text per entry (a doc comment). */
  doc(text: readonly string[]): this {
    if (!this.types) return this;
    const safe = text.map(commentSafe);
    if (safe.length === 1 && this.level * 2 + safe[0]!.length + 7 <= PRINT_WIDTH) {
      return this.raw(`/** ${safe[0]} */`);
    }
    this.raw('/**');
    for (const t of safe) this.raw(t === '' ? ' *' : ` * ${t}`);
    return this.raw(' */');
  }

  /** `// text`. */
  comment(text: string): this {
    return this.raw(`// ${commentSafe(text)}`);
  }

  /** Text printed as it is, indented at the current level (comments, pre-printed steps). */
  raw(text: string): this {
    this.out.push(`${'  '.repeat(this.level)}${text}`);
    return this;
  }

  /** Text already indented (the printed steps of a function body). */
  verbatim(text: string): this {
    if (text.length > 0) this.out.push(text.endsWith('\n') ? text.slice(0, -1) : text);
    return this;
  }

  /**
   * `function name(p: T, …): R {`, its parameter list broken one per line (with a trailing comma)
   * when the header does not fit, as prettier prints it.
   */
  functionHeader(
    prefix: string,
    name: string,
    params: readonly (readonly [string, string])[],
    returnType: string,
  ): this {
    const printed = params.map(([p, t]) => (this.types ? `${p}: ${t}` : p.replace(/\?$/, '')));
    const ret = this.ts(`: ${returnType}`);
    const doc: Doc = [
      `${prefix}function ${name}`,
      params.length === 0
        ? '()'
        : group(['(', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ')']),
      `${ret} {`,
    ];
    this.out.push(`${'  '.repeat(this.level)}${printDoc(doc, PRINT_WIDTH, this.level)}`);
    this.level++;
    return this;
  }

  /** `name(p: T, …): R;` of an interface, its parameters one per line when it does not fit. */
  methodSignature(
    name: string,
    params: readonly (readonly [string, string])[],
    returnType: string,
  ): this {
    const printed = params.map(([p, t]) => `${p}: ${t}`);
    const doc: Doc = [
      name,
      group(['(', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ')']),
      `: ${returnType};`,
    ];
    this.out.push(`${'  '.repeat(this.level)}${printDoc(doc, PRINT_WIDTH, this.level)}`);
    return this;
  }

  /** `export const name = value;` for a JSON-like value, printed as prettier prints literals. */
  constant(prefix: string, name: string, value: unknown, suffix = ''): this {
    const doc: Doc = [`${prefix}${name} = `, literal(value), this.ts(suffix), ';'];
    this.out.push(`${'  '.repeat(this.level)}${printDoc(doc, PRINT_WIDTH, this.level)}`);
    return this;
  }

  text(): string {
    const body = this.types ? this.out : [...this.out, `return { ${this.exports.join(', ')} };`];
    return `${body.join('\n')}\n`;
  }

  private push(code: string): void {
    const printed = this.types ? printLine(code, this.level) : code;
    this.out.push(`${'  '.repeat(this.level)}${printed}`);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A JSON-like value as a literal in prettier's layout: objects and arrays flat when they fit;
 * an array of several objects (or arrays) with more than one entry each always one per line.
 */
export function literal(value: unknown): Doc {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const spread = value.length > 1 && value.every((v) => entryCount(v) > 1);
    return group(
      ['[', indent([softline, join([',', line], value.map(literal))]), ifBreak(','), softline, ']'],
      { broken: spread },
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const quote = entries.some(([k]) => !IDENTIFIER.test(k));
    const props = entries.map(([k, v]) => [quote ? stringLiteral(k) : k, ': ', literal(v)]);
    return group(['{', indent([line, join([',', line], props)]), ifBreak(','), line, '}']);
  }
  throw new Error(`internal: no literal for ${typeof value}`);
}

/** Entries of an object or array (0 for anything else): prettier's rule for spreading arrays. */
function entryCount(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length;
  return 0;
}
