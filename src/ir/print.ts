import { formatNumber, PREC, printed, type Printed } from '../ops/define.js';
import { opDef } from '../ops/index.js';
import { checkNamedNodes, toposort } from './graph.js';
import { assertNever, isNode, nameHint, type Node } from './node.js';
import { formatShape } from './shape.js';
import { GradgenError } from '../errors.js';
import { checkOptions, describeOption, type OptionSchema } from '../options.js';

const FORMULA_OPTIONS: OptionSchema = {
  depth: { type: 'number', integer: true, min: 0, infinite: true },
  useNames: { type: 'boolean' },
  names: { type: 'function' },
};

export interface FormulaOptions {
  /** Expand at most this many levels (deeper subexpressions print as `…`). */
  depth?: number;
  /** Print subexpressions that have a name (`named()`, gradients like `dZ2`) as that name. */
  useNames?: boolean;
  /**
   * Print subexpressions (and inputs and params, the root too) by these names where it gives one,
   * instead of their name hints: the names the generated code declares.
   */
  names?: (n: Node) => string | undefined;
}

/**
 * A node as a formula, e.g. `3·(a + b·c)`. By default everything but inputs and params is
 * expanded; with `useNames` or `names`, named subexpressions print as their names (the root
 * never does). Iterative, so a 100k-deep expression does not overflow the stack; a subexpression
 * shared by several operands is printed once per depth it is reached at.
 */
export function formula(node: Node, options: FormulaOptions = {}): string {
  if (!isNode(node)) {
    throw new GradgenError(
      'E_BAD_ARGUMENT',
      `formula: ${describeOption(node)} is not a graph node`,
    );
  }
  checkOptions('formula', options, FORMULA_OPTIONS);
  const naming: Naming = { names: options.names, useNames: options.useNames === true };
  return formulaOf(node, options.depth ?? Infinity, naming);
}

/**
 * {@link formula} of a node, with options known to be good: what the lowering calls for each of
 * the 10⁵ comments of a large module (no options object made and checked per comment).
 */
export function formulaOf(node: Node, depth: number, naming: Naming): string {
  // (a `names` callback of a fittingFormula try may print a formula whole)
  const saved = { fitting, hidden, gaveUp };
  fitting = Infinity;
  gaveUp = false;
  try {
    // the lowering prints a few levels of every node it writes: a tree walk, no memo, no closures
    const quick = depth <= SHALLOW_DEPTH ? shallow(node, depth, naming) : undefined;
    return quick ?? memoized(node, depth, naming);
  } finally {
    ({ fitting, hidden, gaveUp } = saved);
  }
}

export interface Naming {
  readonly names: ((n: Node) => string | undefined) | undefined;
  readonly useNames: boolean;
}

/**
 * {@link formulaOf} when that text fits in `width` and elides nothing (no `…`); otherwise
 * undefined. What a comment tries first: most tries do not fit, and a try gives up as soon as
 * what it has printed is sure to end up in the text — a `…`, or a part wider than `width`, under
 * ops whose math shows their operands' texts whole ({@link SHOWS_OPERANDS}).
 */
export function fittingFormula(
  node: Node,
  depth: number,
  naming: Naming,
  width: number,
): string | undefined {
  const saved = { fitting, hidden, gaveUp };
  fitting = width;
  hidden = 0;
  gaveUp = false;
  let text: string | undefined;
  try {
    text = depth <= SHALLOW_DEPTH ? shallow(node, depth, naming) : undefined;
    if (gaveUp) return undefined;
  } finally {
    ({ fitting, hidden, gaveUp } = saved);
  }
  text ??= memoized(node, depth, naming);
  return text.length <= width && !text.includes('…') ? text : undefined;
}

/**
 * Ops whose math text holds each operand's text whole (perhaps in parentheses): what is in an
 * operand's text is in theirs. Tested to be so (test/comments.test.ts).
 */
export const SHOWS_OPERANDS: ReadonlySet<string> = new Set([
  ...['add', 'sub', 'mul', 'div', 'neg', 'matmul', 'max', 'min', 'where', 'square', 'sqrt'],
  ...['exp', 'log', 'log1p', 'expm1', 'tanh', 'sigmoid', 'softplus', 'relu', 'sign', 'abs'],
  ...['broadcastTo', 'reshape', 'transpose', 'stopGradient'],
]);
/** The width a {@link fittingFormula} try running now must fit (Infinity: none is). */
let fitting = Infinity;
/** Ops above the operand being printed whose math may not show its text (see SHOWS_OPERANDS). */
let hidden = 0;
/** Set when the try running now gave up (what printTree returned then is {@link GAVE_UP}). */
let gaveUp = false;
const GAVE_UP = printed('', PREC.atom);

/** What `n` prints as without looking at its operands, if that is all there is to it. */
function direct(n: Node, d: number, root: boolean, naming: Naming): Printed | undefined {
  const { names } = naming;
  const name = names
    ? root && n.kind === 'apply'
      ? undefined
      : names(n)
    : naming.useNames && !root && n.kind === 'apply'
      ? nameHint(n)
      : undefined;
  if (name) return printed(name, PREC.atom);
  switch (n.kind) {
    case 'const':
      return printed(formatNumber(n.value), n.value < 0 ? PREC.unary : PREC.atom);
    case 'input':
    case 'param':
      return printed(n.name, PREC.atom);
    case 'apply':
      if (d > 0) return undefined;
      // a `…` every op above shows is in the text: a try that must elide nothing gives up
      if (fitting !== Infinity && hidden === 0) {
        gaveUp = true;
        return GAVE_UP;
      }
      return printed('…', PREC.atom);
    default:
      return assertNever(n);
  }
}

/** Depths a formula may be printed to as a tree (by recursion), and the operands it may visit. */
const SHALLOW_DEPTH = 16;
const SHALLOW_VISITS = 256;
/** Visits left to the shallow print running now. */
let visitsLeft = 0;
const TOO_WIDE = { tooWide: true } as const;

/**
 * A shallow formula printed as a tree (what a comment of a few levels shows costs less to print
 * twice than to look up), or undefined when it visits more than SHALLOW_VISITS operands (the
 * memoized walk prints it then). The same text: what a node prints as depends on it and the
 * depth left only.
 */
function shallow(node: Node, depth: number, naming: Naming): string | undefined {
  const saved = visitsLeft; // a `names` callback may print a formula of its own
  visitsLeft = SHALLOW_VISITS;
  try {
    return printTree(node, depth, true, naming).text;
  } catch (e) {
    if (e === TOO_WIDE) return undefined;
    throw e;
  } finally {
    visitsLeft = saved;
  }
}

function printTree(n: Node, d: number, root: boolean, naming: Naming): Printed {
  if (--visitsLeft < 0) throw TOO_WIDE;
  const leaf = direct(n, d, root, naming);
  if (leaf || n.kind !== 'apply') return leaf!;
  const args: Printed[] = [];
  // (no exceptions: unwinding a deep print costs more than the print)
  const hides = !SHOWS_OPERANDS.has(n.op);
  if (hides) hidden++;
  for (const a of n.args) {
    const p = printTree(a, d - 1, false, naming);
    if (gaveUp) break;
    args.push(p);
  }
  if (hides) hidden--;
  if (gaveUp) return GAVE_UP;
  const text = opDef(n.op).math(args, n.attrs);
  // (a part of the text wider than a try may be makes the text wider)
  if (text.text.length > fitting && hidden === 0) {
    gaveUp = true;
    return GAVE_UP;
  }
  return text;
}

/** The formula of `node` to `depth` levels (any), each (node, depth left) printed once. */
function memoized(node: Node, depth: number, naming: Naming): string {
  // memo[d] holds the nodes printed with d levels left (one level for an unbounded depth)
  const memo = new Map<number, Map<Node, Printed>>();
  const printedAt = (d: number) => {
    let m = memo.get(d);
    if (!m) memo.set(d, (m = new Map()));
    return m;
  };
  const stack: { n: Node; d: number }[] = [{ n: node, d: depth }];
  while (stack.length > 0) {
    const { n, d } = stack[stack.length - 1]!;
    const done = printedAt(d);
    if (done.has(n)) {
      stack.pop();
      continue;
    }
    const leaf = direct(n, d, n === node && d === depth, naming);
    if (leaf || n.kind !== 'apply') {
      done.set(n, leaf!);
      stack.pop();
      continue;
    }
    const below = printedAt(d - 1);
    const pending = n.args.filter((a) => !below.has(a));
    if (pending.length > 0) {
      for (let i = pending.length - 1; i >= 0; i--) stack.push({ n: pending[i]!, d: d - 1 });
      continue;
    }
    stack.pop();
    done.set(
      n,
      opDef(n.op).math(
        n.args.map((a) => below.get(a)!),
        n.attrs,
      ),
    );
  }
  return printedAt(depth).get(node)!.text;
}

/** A readable SSA listing of the graph behind `outputs`, one node per line. */
export function printGraph(outputs: Readonly<Record<string, Node>>): string {
  checkNamedNodes('printGraph', outputs);
  const roots = Object.values(outputs);
  const nodes = toposort(roots);
  const label = new Map<Node, string>();
  const lines: string[] = [];
  let temp = 0;
  for (const n of nodes) {
    switch (n.kind) {
      case 'const':
        label.set(n, formatNumber(n.value));
        continue;
      case 'input':
      case 'param':
        label.set(n, n.name);
        lines.push(`${n.kind} ${n.name} ${formatShape(n.shape)}`);
        continue;
      case 'apply': {
        const name = `%${temp++}`;
        label.set(n, name);
        const attrs = Object.entries(n.attrs)
          .map(([k, v]) => `, ${k}=${JSON.stringify(v)}`)
          .join('');
        const hint = nameHint(n);
        lines.push(
          `${name} = ${n.op}(${n.args.map((a) => label.get(a)).join(', ')}${attrs}) ${formatShape(n.shape)}${hint ? `  # ${hint}` : ''}`,
        );
        continue;
      }
      default:
        assertNever(n);
    }
  }
  for (const [k, v] of Object.entries(outputs)) lines.push(`${k} = ${label.get(v)}`);
  return lines.join('\n');
}
