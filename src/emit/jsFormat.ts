/**
 * Formats one line of the code gradgen emits — a statement of a small JavaScript subset — the way
 * prettier prints it (printWidth 100, single quotes, trailing commas): the line is parsed,
 * redundant parentheses dropped and needed ones added, numbers normalized, and long lines broken
 * through the documents of `doc.ts`. Only what the emitter writes is supported: identifiers,
 * numbers, strings, template literals, member and index access, calls and `new`, unary, binary,
 * logical and conditional expressions; `const`/`let` declarations, assignments, `return`,
 * `throw`, expression statements and `if (…) statement`. Anything else is left as written.
 *
 * Why not prettier itself: prettier 3 formats asynchronously (its synchronous wrapper needs
 * Node's worker threads, so it cannot run in a browser) and runs at ~40 KB/s, while modules can be
 * megabytes. The property tests check this printer against prettier on random graphs.
 */
import {
  group,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  lineSuffix,
  printDoc,
  softline,
  type Doc,
} from './doc.js';

export const PRINT_WIDTH = 100;

// ---- tokens -------------------------------------------------------------------------------

type Token =
  | { readonly t: 'id'; readonly v: string }
  | { readonly t: 'num'; readonly v: string }
  | { readonly t: 'str'; readonly v: string } // the string's value
  | { readonly t: 'tpl'; readonly v: string } // the literal's source text, backticks included
  | { readonly t: 'op'; readonly v: string };

const PUNCTUATORS = [
  '>>>=',
  '===',
  '!==',
  '**=',
  '>>>',
  '<<=',
  '>>=',
  '...',
  '?.',
  '&&',
  '||',
  '??',
  '==',
  '!=',
  '<=',
  '>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '++',
  '--',
  '**',
  '<<',
  '>>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  ':',
  '?',
  '.',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '&',
  '|',
  '^',
  '~',
];

function tokenize(src: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const id = /^[A-Za-z_$][\w$]*/.exec(rest);
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = stringEnd(src, i);
      if (end < 0) return undefined;
      out.push({ t: 'str', v: unescape(src.slice(i + 1, end)) });
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const end = templateEnd(src, i);
      if (end < 0) return undefined;
      out.push({ t: 'tpl', v: src.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    const p = PUNCTUATORS.find((q) => rest.startsWith(q));
    if (!p) return undefined;
    out.push({ t: 'op', v: p });
    i += p.length;
  }
  return out;
}

function stringEnd(src: string, start: number): number {
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === src[start]) return i;
  }
  return -1;
}

/** The closing backtick of the template literal at `start` (nested `${…}` with braces). */
function templateEnd(src: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (depth === 0 && c === '`') return i;
    else if (c === '$' && src[i + 1] === '{') {
      depth++;
      i++;
    } else if (depth > 0 && c === '{') depth++;
    else if (depth > 0 && c === '}') depth--;
    else if (depth > 0 && (c === "'" || c === '"')) {
      i = stringEnd(src, i);
      if (i < 0) return -1;
    }
  }
  return -1;
}

function unescape(body: string): string {
  return body.replace(/\\(u\{[\da-fA-F]+\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|.)/g, (_, e: string) => {
    if (e[0] === 'u' && e.length > 1)
      return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' }[e] ?? e;
  });
}

// ---- syntax -------------------------------------------------------------------------------

type Expr =
  | { readonly k: 'id'; readonly name: string }
  | { readonly k: 'num'; readonly text: string }
  | { readonly k: 'str'; readonly value: string }
  | { readonly k: 'tpl'; readonly text: string }
  | {
      readonly k: 'member';
      readonly object: Expr;
      readonly property: Expr;
      readonly computed: boolean;
    }
  | {
      readonly k: 'call';
      readonly callee: Expr;
      readonly args: readonly Expr[];
      readonly isNew: boolean;
    }
  | { readonly k: 'unary'; readonly op: string; readonly arg: Expr }
  | { readonly k: 'update'; readonly op: string; readonly arg: Expr }
  | { readonly k: 'nonNull'; readonly arg: Expr } // TypeScript's `x!`
  | { readonly k: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly k: 'cond'; readonly test: Expr; readonly yes: Expr; readonly no: Expr };

type Stmt =
  | {
      readonly k: 'decl';
      readonly keyword: string;
      readonly name: string;
      /** A type annotation (a type name), when there is one. */
      readonly type: string | undefined;
      readonly init: Expr;
    }
  | { readonly k: 'assign'; readonly op: string; readonly target: Expr; readonly value: Expr }
  | { readonly k: 'expr'; readonly expr: Expr }
  | { readonly k: 'return' | 'throw'; readonly expr: Expr }
  | { readonly k: 'if'; readonly test: Expr; readonly then: Stmt };

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '??': 1,
  '||': 2,
  '&&': 3,
  '|': 4,
  '^': 5,
  '&': 6,
  '==': 7,
  '!=': 7,
  '===': 7,
  '!==': 7,
  '<': 8,
  '>': 8,
  '<=': 8,
  '>=': 8,
  instanceof: 8,
  in: 8,
  '<<': 9,
  '>>': 9,
  '>>>': 9,
  '+': 10,
  '-': 10,
  '*': 11,
  '/': 11,
  '%': 11,
  '**': 12,
};
const ASSIGNMENT_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=']);
const UNARY_OPS = new Set(['-', '+', '!', '~', 'typeof', 'void']);

/** `a || (b || c)` → `(a || b) || c`: prettier re-associates same-operator logical chains. */
function rebalance(e: Extract<Expr, { k: 'binary' }>): Expr {
  const r = e.right;
  if (!isLogicalOp(e.op) || r.k !== 'binary' || r.op !== e.op) return e;
  return rebalance({
    k: 'binary',
    op: e.op,
    left: rebalance({ ...e, right: r.left }),
    right: r.right,
  });
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  private isOp(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.t === 'op' && t.v === v;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'id' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new SyntaxError(`expected ${v}`);
    this.pos++;
  }
  done(): boolean {
    return this.pos === this.tokens.length;
  }

  statement(): Stmt {
    if (this.isWord('export') && this.peek(1)?.t === 'id' && this.peek(1)?.v === 'const') {
      this.pos++;
      const decl = this.statement();
      if (decl.k !== 'decl') throw new SyntaxError('expected a declaration');
      return { ...decl, keyword: `export ${decl.keyword}` };
    }
    const t = this.peek();
    if (t?.t === 'id' && (t.v === 'const' || t.v === 'let' || t.v === 'var')) {
      this.pos++;
      const name = this.peek();
      if (name?.t !== 'id') throw new SyntaxError('expected a name');
      this.pos++;
      let type: string | undefined;
      if (this.isOp(':')) {
        this.pos++;
        const typeName = this.peek();
        if (typeName?.t !== 'id') throw new SyntaxError('expected a type name');
        this.pos++;
        type = typeName.v;
      }
      this.expect('=');
      const init = this.expression();
      this.expect(';');
      return { k: 'decl', keyword: t.v, name: name.v, type, init };
    }
    if (t?.t === 'id' && (t.v === 'return' || t.v === 'throw')) {
      this.pos++;
      const expr = this.expression();
      this.expect(';');
      return { k: t.v, expr };
    }
    if (t?.t === 'id' && t.v === 'if') {
      this.pos++;
      this.expect('(');
      const test = this.expression();
      this.expect(')');
      return { k: 'if', test, then: this.statement() };
    }
    const expr = this.expression();
    const op = this.peek();
    if (op?.t === 'op' && ASSIGNMENT_OPS.has(op.v)) {
      this.pos++;
      const value = this.expression();
      this.expect(';');
      return { k: 'assign', op: op.v, target: expr, value };
    }
    this.expect(';');
    return { k: 'expr', expr };
  }

  expression(): Expr {
    const test = this.binary(1);
    if (!this.isOp('?')) return test;
    this.pos++;
    const yes = this.expression();
    this.expect(':');
    const no = this.expression();
    return { k: 'cond', test, yes, no };
  }

  private binary(min: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t && (t.t === 'op' || t.t === 'id') ? BINARY_PRECEDENCE[t.v] : undefined;
      if (t === undefined || prec === undefined || prec < min) return left;
      this.pos++;
      // `**` is right-associative; the rest are left-associative
      const right = this.binary(t.v === '**' ? prec : prec + 1);
      left = rebalance({ k: 'binary', op: t.v, left, right });
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t && (t.t === 'op' || t.t === 'id') && UNARY_OPS.has(t.v)) {
      this.pos++;
      return { k: 'unary', op: t.v, arg: this.unary() };
    }
    const expr = this.postfix();
    if (this.isOp('++') || this.isOp('--')) {
      const op = this.peek()!.v;
      this.pos++;
      return { k: 'update', op, arg: expr };
    }
    return expr;
  }

  private postfix(): Expr {
    let expr: Expr;
    if (this.isWord('new')) {
      this.pos++;
      let callee = this.primary();
      while (this.isOp('.')) {
        this.pos++;
        callee = { k: 'member', object: callee, property: this.name(), computed: false };
      }
      expr = { k: 'call', callee, args: this.isOp('(') ? this.args() : [], isNew: true };
    } else expr = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.pos++;
        expr = { k: 'member', object: expr, property: this.name(), computed: false };
      } else if (this.isOp('[')) {
        this.pos++;
        const property = this.expression();
        this.expect(']');
        expr = { k: 'member', object: expr, property, computed: true };
      } else if (this.isOp('(')) {
        expr = { k: 'call', callee: expr, args: this.args(), isNew: false };
      } else if (this.isOp('!')) {
        this.pos++;
        expr = { k: 'nonNull', arg: expr };
      } else return expr;
    }
  }

  private name(): Expr {
    const t = this.peek();
    if (t?.t !== 'id') throw new SyntaxError('expected a property name');
    this.pos++;
    return { k: 'id', name: t.v };
  }

  private args(): Expr[] {
    this.expect('(');
    const args: Expr[] = [];
    while (!this.isOp(')')) {
      args.push(this.expression());
      if (!this.isOp(')')) this.expect(',');
    }
    this.pos++;
    return args;
  }

  private primary(): Expr {
    const t = this.peek();
    if (t === undefined) throw new SyntaxError('unexpected end');
    this.pos++;
    switch (t.t) {
      case 'id':
        return { k: 'id', name: t.v };
      case 'num':
        return { k: 'num', text: t.v };
      case 'str':
        return { k: 'str', value: t.v };
      case 'tpl':
        return { k: 'tpl', text: t.v };
      case 'op':
        if (t.v === '(') {
          const e = this.expression();
          this.expect(')');
          return e;
        }
    }
    throw new SyntaxError(`unexpected ${t.v}`);
  }
}

/** The statement on `code`, or undefined when it is not in the supported subset. */
function parseStatement(code: string): Stmt | undefined {
  const tokens = tokenize(code);
  if (!tokens) return undefined;
  try {
    const p = new Parser(tokens);
    const s = p.statement();
    return p.done() ? s : undefined;
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}

// ---- printing, as prettier does it ----------------------------------------------------------

/** prettier's number normalization: lower case, no `+` or leading zeros in exponents, `0.5`… */
export function printNumber(text: string): string {
  return text
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, '$1$2$3')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/^([+-])?\./, '$10.')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '');
}

/** A string literal in prettier's quotes: single, unless the value has more single quotes. */
export function stringLiteral(value: string): string {
  const singles = (value.match(/'/g) ?? []).length;
  const doubles = (value.match(/"/g) ?? []).length;
  const quote = singles > doubles ? '"' : "'";
  const escaped = value.replace(/[\\\n\r\t\u2028\u2029]|'|"/g, (c) => {
    if (c === quote) return `\\${c}`;
    if (c === "'" || c === '"') return c;
    return {
      '\\': '\\\\',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\u2028': '\\u2028',
      '\u2029': '\\u2029',
    }[c]!;
  });
  return `${quote}${escaped}${quote}`;
}

type Parent =
  | 'statement' // expression statement, return, throw: no indentation of a broken chain
  | 'assignment' // right side of `=` or a declarator
  | 'if' // the test of an if
  | 'unary'
  | 'callee'
  | 'object' // object of a member access
  | 'binary' // an operand of an arithmetic or comparison operator
  | 'logical' // an operand of && || ??
  | 'cond' // the test or a branch of a conditional (not itself an argument, returned or thrown)
  | 'arg' // an argument of a call
  | 'other';

const isBinary = (e: Expr): e is Extract<Expr, { k: 'binary' }> => e.k === 'binary';
const isLogicalOp = (op: string) => op === '&&' || op === '||' || op === '??';
const sameKind = (a: string, b: string) => isLogicalOp(a) === isLogicalOp(b);
const MULTIPLICATIVE = new Set(['*', '/', '%']);
const EQUALITY = new Set(['==', '!=', '===', '!==']);
const BITSHIFT = new Set(['<<', '>>', '>>>']);

function shouldFlatten(parentOp: string, op: string): boolean {
  if (BINARY_PRECEDENCE[op] !== BINARY_PRECEDENCE[parentOp]) return false;
  if (parentOp === '**') return false;
  if (EQUALITY.has(parentOp) && EQUALITY.has(op)) return false;
  if ((op === '%' && MULTIPLICATIVE.has(parentOp)) || (parentOp === '%' && MULTIPLICATIVE.has(op)))
    return false;
  if (op !== parentOp && MULTIPLICATIVE.has(op) && MULTIPLICATIVE.has(parentOp)) return false;
  if (BITSHIFT.has(parentOp) && BITSHIFT.has(op)) return false;
  return true;
}

type Slot = 'left' | 'right' | 'callee' | 'object' | 'arg' | 'test' | 'yes' | 'no' | 'property';

/** Whether `e` needs parentheses in `slot` of `parent` (prettier's needs-parens, for the subset). */
function needsParens(e: Expr, parent: Expr, slot: Slot): boolean {
  switch (e.k) {
    case 'binary':
      if (parent.k === 'unary') return true;
      if (parent.k === 'member') return slot === 'object';
      if (parent.k === 'call') return slot === 'callee';
      if (parent.k === 'binary') {
        const pp = BINARY_PRECEDENCE[parent.op]!;
        const np = BINARY_PRECEDENCE[e.op]!;
        if (pp > np) return true;
        // `a && b || c` is printed `(a && b) || c`
        if (isLogicalOp(parent.op) && isLogicalOp(e.op) && parent.op !== e.op) return true;
        if (slot === 'right' && pp === np) return true;
        if (pp === np && !shouldFlatten(parent.op, e.op)) return true;
        if (pp < np && e.op === '%') return parent.op === '+' || parent.op === '-';
        return ['|', '^', '&', '<<', '>>', '>>>'].includes(parent.op);
      }
      return false;
    case 'cond':
      if (parent.k === 'unary' || parent.k === 'binary') return true;
      if (parent.k === 'call') return slot === 'callee';
      // a conditional in a conditional's test or consequent is parenthesized (prettier ≥ 3.1)
      if (parent.k === 'cond') return slot === 'test' || slot === 'yes';
      if (parent.k === 'member') return slot === 'object';
      return false;
    case 'unary':
    case 'update':
      if (parent.k === 'unary') {
        return e.k === 'unary' && e.op === parent.op && (e.op === '+' || e.op === '-');
      }
      if (parent.k === 'member') return slot === 'object';
      if (parent.k === 'call') return slot === 'callee';
      if (parent.k === 'binary') return slot === 'left' && parent.op === '**';
      return false;
    case 'num':
      return parent.k === 'member' && slot === 'object' && !parent.computed;
    default:
      return false;
  }
}

function sub(e: Expr, parent: Expr, slot: Slot, context: Parent): Doc {
  const doc = expr(e, context);
  return needsParens(e, parent, slot) ? ['(', doc, ')'] : doc;
}

/** The context of an operand of the binary expression `e`. */
const operandOf = (e: { readonly op: string }): Parent =>
  isLogicalOp(e.op) ? 'logical' : 'binary';

function expr(e: Expr, parent: Parent): Doc {
  switch (e.k) {
    case 'id':
      return e.name;
    case 'num':
      return printNumber(e.text);
    case 'str':
      return stringLiteral(e.value);
    case 'tpl':
      return e.text;
    case 'member':
      if (!e.computed)
        return [sub(e.object, e, 'object', 'object'), '.', expr(e.property, 'other')];
      return [
        sub(e.object, e, 'object', 'object'),
        e.property.k === 'num'
          ? ['[', expr(e.property, 'other'), ']']
          : group(['[', indent([softline, expr(e.property, 'other')]), softline, ']']),
      ];
    case 'call': {
      const callee = sub(e.callee, e, 'callee', 'callee');
      const args =
        e.args.length === 0
          ? '()'
          : group([
              '(',
              indent([
                softline,
                join(
                  [',', line],
                  e.args.map((a) => sub(a, e, 'arg', 'arg')),
                ),
              ]),
              ifBreak(','),
              softline,
              ')',
            ]);
      return [e.isNew ? 'new ' : '', callee, args];
    }
    case 'unary': {
      const space = /^[a-z]/.test(e.op) ? ' ' : '';
      return [e.op, space, sub(e.arg, e, 'arg', 'unary')];
    }
    case 'update':
      return [sub(e.arg, e, 'arg', 'other'), e.op];
    case 'nonNull':
      return [sub(e.arg, e, 'arg', 'other'), '!'];
    case 'binary':
      return binary(e, parent);
    case 'cond':
      return conditional(e, parent);
  }
}

/** The operands and operators of a chain of same-precedence binary expressions, as prettier. */
function binaryParts(
  e: Extract<Expr, { k: 'binary' }>,
  parentIsSameKind: boolean,
  insideIf: boolean,
): Doc[] {
  const parts: Doc[] = [];
  const left = e.left;
  if (isBinary(left) && shouldFlatten(e.op, left.op)) {
    parts.push(...binaryParts(left, sameKind(left.op, e.op), insideIf));
  } else {
    parts.push(group(sub(left, e, 'left', operandOf(e))));
  }
  const right = [e.op, line, sub(e.right, e, 'right', operandOf(e))];
  const groupRight =
    !(insideIf && isLogicalOp(e.op)) &&
    !parentIsSameKind &&
    !(isBinary(e.left) && sameKind(e.left.op, e.op)) &&
    !(isBinary(e.right) && sameKind(e.right.op, e.op));
  parts.push(' ', groupRight ? group(right) : right);
  return parts;
}

function binary(e: Extract<Expr, { k: 'binary' }>, parent: Parent): Doc {
  const parts = binaryParts(
    e,
    (parent === 'binary' && !isLogicalOp(e.op)) || (parent === 'logical' && isLogicalOp(e.op)),
    parent === 'if',
  );
  if (parent === 'if') return parts;
  if (parent === 'unary' || parent === 'callee' || parent === 'object') {
    return group([indent([softline, ...parts]), softline]);
  }
  if (parent === 'statement' || parent === 'assignment' || parent === 'cond') {
    return group(parts);
  }
  const [head, ...rest] = parts;
  return group([head!, indent(rest)]);
}

function conditional(e: Extract<Expr, { k: 'cond' }>, parent: Parent): Doc {
  // binary operands of a conditional break without indentation, unless the conditional is an
  // argument, returned or thrown
  const inner: Parent = parent === 'statement' || parent === 'arg' ? 'other' : 'cond';
  const test = sub(e.test, e, 'test', inner);
  const yes = sub(e.yes, e, 'yes', inner);
  const no = sub(e.no, e, 'no', inner);
  // a broken conditional indents its branches under the test, and their own lines by the width
  // of `? ` (prettier's align(2), which is one level at two spaces a level)
  return group([test, indent([line, '? ', indent(yes), line, ': ', indent(no)])]);
}

/** The layout of `left op right`, as prettier chooses it for assignments and declarations. */
function assignment(left: Doc, op: string, right: Expr): Doc {
  let bare = right;
  while (bare.k === 'unary' || bare.k === 'nonNull') bare = bare.arg;
  const breakAfterOperator =
    isBinary(right) ||
    (right.k === 'cond' && isBinary(right.test)) ||
    bare.k === 'str' ||
    isMemberChain(bare) ||
    isPoorlyBreakableChain(bare);
  const neverBreak = right.k === 'tpl' || isRequire(right);
  const rightDoc = expr(right, 'assignment');
  if (breakAfterOperator) return group([group(left), op, group(indent([line, rightDoc]))]);
  if (neverBreak) return group([group(left), op, ' ', rightDoc]);
  const id = Symbol('assignment');
  return group([group(left), op, group(indent(line), { id }), indentIfBreak(rightDoc, id)]);
}

const isRequire = (e: Expr) =>
  e.k === 'call' && !e.isNew && e.callee.k === 'id' && e.callee.name === 'require';
/**
 * A member or call chain with nothing to break inside (`Math.log1p(x)`, `a.b.c()`): no or one
 * short argument (a name or string of at most a quarter of the width, a number).
 */
function isPoorlyBreakableChain(e: Expr, deep = false): boolean {
  if (e.k === 'nonNull') return isPoorlyBreakableChain(e.arg, deep);
  if (e.k === 'member') return isPoorlyBreakableChain(e.object, true);
  if (e.k === 'call' && !e.isNew) {
    const [arg, ...more] = e.args;
    const short = arg === undefined || (more.length === 0 && isLoneShortArgument(arg));
    return short && isPoorlyBreakableChain(e.callee, true);
  }
  return deep && e.k === 'id';
}

function isLoneShortArgument(e: Expr): boolean {
  const threshold = PRINT_WIDTH / 4;
  if (e.k === 'id') return e.name.length <= threshold;
  if (e.k === 'num') return true;
  if (e.k === 'unary' && ['-', '+', '!', '~'].includes(e.op)) return isLoneShortArgument(e.arg);
  if (e.k === 'str') return stringLiteral(e.value).length <= threshold;
  if (e.k === 'tpl') return !e.text.includes('${') && e.text.length - 2 <= threshold;
  return false;
}

function isMemberChain(e: Expr): boolean {
  if (e.k === 'nonNull') return isMemberChain(e.arg);
  if (e.k !== 'member') return false;
  return e.object.k === 'id' || isMemberChain(e.object);
}

function statement(s: Stmt): Doc {
  switch (s.k) {
    case 'decl':
      return [assignment([s.keyword, ' ', s.name, s.type ? `: ${s.type}` : ''], ' =', s.init), ';'];
    case 'assign':
      return [assignment(expr(s.target, 'other'), ` ${s.op}`, s.value), ';'];
    case 'expr':
      return [expr(s.expr, 'other'), ';'];
    case 'return':
    case 'throw':
      return [s.k, ' ', returnArgument(s.expr), ';'];
    case 'if':
      return group([
        'if (',
        group([indent([softline, expr(s.test, 'if')]), softline]),
        ')',
        indent([line, statement(s.then)]),
      ]);
  }
}

/** `return a && b` breaks inside parentheses, as prettier prints a long returned binary. */
function returnArgument(e: Expr): Doc {
  if (isBinary(e)) {
    return group([ifBreak('('), indent([softline, expr(e, 'statement')]), softline, ifBreak(')')]);
  }
  return expr(e, 'statement');
}

/**
 * `code` (one statement, possibly with a trailing `// comment`) as prettier prints it at
 * `depth` levels of indentation: its lines, the first without indentation. Undefined when the
 * statement is outside the supported subset.
 */
export function formatStatement(code: string, depth: number, comment?: string): string | undefined {
  const s = parseStatement(code);
  if (!s) return undefined;
  let doc: Doc = statement(s);
  if (comment !== undefined) doc = [doc, lineSuffix(` // ${comment}`)];
  return printDoc(doc, PRINT_WIDTH, depth);
}
