/**
 * The rewrite engine: named rules, grouped in phases, applied bottom-up over the whole graph and
 * repeated to a fixed point with an iteration cap. A rule that keeps firing past the cap is a
 * cycle and is reported by name. Rules build their results with the builder, so results are
 * interned, shape-checked, and attributed to the user's line the rewritten node came from.
 */
import * as B from '../builder/core.js';
import { GradgenError } from '../errors.js';
import { toposort, useCounts, usersOf } from '../ir/graph.js';
import { nameHint, setNameHint, type ApplyNode, type Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { withCallSite } from '../ir/site.js';
import { match, rootOp, type Bindings, type Pattern } from './pattern.js';

export interface RuleContext {
  /** The node being rewritten, before its operands were rewritten (for use counts). */
  readonly original: Node;
  /** How many users a node has in the graph being rewritten (0 for nodes made in this pass). */
  uses(n: Node): number;
  /** The users of a node in the graph being rewritten. */
  users(n: Node): readonly Node[];
}

export interface Rule {
  readonly name: string;
  /** The algebra, on one line: `x·1 → x`. */
  readonly algebra: string;
  /** Where the rule is valid, when not everywhere (checked by `rewrite` before it fires). */
  readonly domain?: string;
  readonly pattern: Pattern;
  rewrite(b: Bindings, node: ApplyNode, ctx: RuleContext): Node | undefined;
}

export interface Phase {
  readonly name: string;
  readonly rules: readonly Rule[];
  /**
   * For phases whose rules are not locally terminating (a normal form over regions that shift as
   * the graph changes): a pass is kept only if it makes this measure strictly smaller
   * (lexicographically), otherwise the phase stops — so it always terminates.
   */
  readonly measure?: (roots: readonly Node[]) => readonly number[];
}

/** Total op nodes, then how many of them are negations: a graph-wide well-founded measure. */
export function graphSize(roots: readonly Node[]): number[] {
  const nodes = toposort(roots).filter((n) => n.kind === 'apply');
  return [nodes.length, nodes.filter((n) => n.kind === 'apply' && n.op === 'neg').length];
}

const lexLess = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/** One rule firing: which rule, in which phase, on what, from which line of user code. */
export interface Firing {
  readonly rule: string;
  readonly phase: string;
  readonly before: string;
  readonly after: string;
  readonly site: string | undefined;
  /** The node that was rewritten and its replacement. */
  readonly from: Node;
  readonly to: Node;
}

export const MAX_PASSES = 40;

/** The rules behind each rewritten node: those that made it, and those behind its operands. */
const history = new WeakMap<Node, ReadonlySet<string>>();

export function rulesBehind(node: Node): ReadonlySet<string> {
  return history.get(node) ?? new Set();
}

function addHistory(node: Node, ...from: (ReadonlySet<string> | string | undefined)[]): void {
  const set = new Set(history.get(node));
  for (const f of from) {
    if (typeof f === 'string') set.add(f);
    else if (f) for (const r of f) set.add(r);
  }
  if (set.size > 0) history.set(node, set);
}

function rebuild(n: ApplyNode, args: readonly Node[]): Node {
  return args.every((a, i) => a === n.args[i]) ? n : B.apply(n.op as never, args, n.attrs);
}

/** Runs one phase to a fixed point; returns the new roots (same order) and appends firings. */
export function runPhase(roots: readonly Node[], phase: Phase, log: Firing[]): Node[] {
  const byOp = new Map<string, Rule[]>();
  const anyOp: Rule[] = [];
  for (const r of phase.rules) {
    const op = rootOp(r.pattern);
    if (op === undefined) anyOp.push(r);
    else byOp.set(op, [...(byOp.get(op) ?? []), r]);
  }
  let current = [...roots];
  let lastPass: string[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const order = toposort(current);
    const counts = useCounts(order, current);
    const users = usersOf(order);
    const memo = new Map<Node, Node>();
    const fired: string[] = [];
    const logStart = log.length;
    for (const n of order) {
      if (n.kind !== 'apply') {
        memo.set(n, n);
        continue;
      }
      const args = n.args.map((a) => memo.get(a)!);
      let cur: Node = withCallSite(n.site, () => rebuild(n, args));
      if (cur !== n) addHistory(cur, history.get(n), ...args.map((a) => history.get(a)));
      if (cur.kind === 'apply') {
        const ctx: RuleContext = {
          original: n,
          uses: (x) => counts.get(x) ?? 0,
          users: (x) => users.get(x) ?? [],
        };
        for (const rule of [...(byOp.get(cur.op) ?? []), ...anyOp]) {
          const b = match(rule.pattern, cur);
          if (!b) continue;
          const at: ApplyNode = cur;
          const next: Node | undefined = withCallSite(n.site, () => rule.rewrite(b, at, ctx));
          if (!next || next === cur) continue;
          log.push({
            rule: rule.name,
            phase: phase.name,
            before: formula(cur, { depth: 3 }),
            after: formula(next, { depth: 3 }),
            site: n.site,
            from: n,
            to: next,
          });
          fired.push(rule.name);
          addHistory(next, history.get(cur), rule.name);
          cur = next;
          break;
        }
      }
      const hint = nameHint(n);
      if (hint && cur !== n) setNameHint(cur, hint);
      memo.set(n, cur);
    }
    const next = current.map((r) => memo.get(r)!);
    if (fired.length === 0) return next;
    if (phase.measure && !lexLess(phase.measure(next), phase.measure(current))) {
      log.length = logStart; // the pass did not pay: keep the graph as it was
      return current;
    }
    current = next;
    lastPass = fired;
  }
  const names = [...new Set(lastPass)].join(', ');
  throw new GradgenError(
    'E_REWRITE_CYCLE',
    `optimize: phase '${phase.name}' did not reach a fixed point in ${MAX_PASSES} passes; still firing: ${names}`,
  );
}

/** Helper for rules: a rule as data. */
export function rule(
  name: string,
  algebra: string,
  pattern: Pattern,
  rewrite: Rule['rewrite'],
  domain?: string,
): Rule {
  return { name, algebra, pattern, rewrite, ...(domain ? { domain } : {}) };
}
