/**
 * The rewrite engine: named rules, grouped in phases, applied bottom-up over the whole graph and
 * repeated to a fixed point with an iteration cap (a phase with a measure rewrites its regions
 * all at once per pass and keeps a pass only if it pays: {@link runRegionPass}). A rule that
 * keeps firing past the cap is a cycle and is reported by name. Rules build their results with the builder, so results are
 * interned, shape-checked, and attributed to the user's line the rewritten node came from.
 */
import * as B from '../builder/core.js';
import { GradgenError } from '../errors.js';
import { sameNodes, toposort, useCounts, usersOf } from '../ir/graph.js';
import { nameHint, newWalk, NodeBase, setNameHint, type ApplyNode, type Node } from '../ir/node.js';
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
   * the graph changes): a pass rewrites the graph as it stands, all at once, and is kept only if
   * it makes this measure strictly smaller (lexicographically), otherwise the phase stops — so
   * it always terminates. `graph`: the nodes of the graph of `roots`, or of the graph a pass
   * would make of it (each node standing for what it would be rebuilt as: the same op); a
   * measure reads only their kinds and ops.
   */
  readonly measure?: (roots: readonly Node[], graph?: readonly Node[]) => readonly number[];
}

/**
 * Total op nodes, then how many of them are negations: a graph-wide well-founded measure.
 * `graph`: the nodes to count (see `Phase.measure`); by default the graph of `roots`.
 */
export function graphSize(
  roots: readonly Node[],
  graph: readonly Node[] = toposort(roots),
): number[] {
  let ops = 0;
  let negs = 0;
  for (const n of graph) {
    if (n.kind !== 'apply') continue;
    ops++;
    if (n.op === 'neg') negs++;
  }
  return [ops, negs];
}

/**
 * The whole graph (`toposort(roots)`) of the roots a pass last walked whole, for the next pass or
 * phase given the same roots (a phase that changes nothing hands its roots on as they are): one
 * per optimization, so it holds that graph no longer than the optimization runs. Nodes are
 * immutable, so the graph of the same roots is the same graph.
 */
export class Walks {
  private roots: readonly Node[] = [];
  private graph: readonly Node[] | undefined;

  /** The graph of `roots`, if it is the one kept. */
  of(roots: readonly Node[]): readonly Node[] | undefined {
    return sameNodes(this.roots, roots) ? this.graph : undefined;
  }

  keep(roots: readonly Node[], graph: readonly Node[]): void {
    this.roots = [...roots];
    this.graph = graph;
  }

  /** The graph of `roots`: the one kept, or walked (and kept). */
  whole(roots: readonly Node[]): readonly Node[] {
    let graph = this.of(roots);
    if (!graph) this.keep(roots, (graph = toposort(roots)));
    return graph;
  }
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

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  if (a.size > b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
};

const NONE: ReadonlySet<string> = new Set();

/** `union` with `f` added: `union` itself when it holds `f` already, `f` when `union` is empty. */
function joined(union: ReadonlySet<string>, f: ReadonlySet<string> | string): ReadonlySet<string> {
  if (typeof f === 'string' ? union.has(f) : f === union || isSubset(f, union)) return union;
  if (union.size === 0 && typeof f !== 'string') return f;
  const set = new Set(union);
  if (typeof f === 'string') set.add(f);
  else for (const r of f) set.add(r);
  return set;
}

/**
 * The rules behind each node one optimization made: those that made it, and those behind its
 * operands. One per `optimize` call (nodes are shared between graphs: a table kept across calls
 * would mix their stories, and grow with every graph ever optimized). The record is kept on the
 * nodes ({@link NodeBase.setStory}); a node another History records too is given up to it, and
 * this one keeps what it had in a table of its own.
 */
export class History {
  /** The records of nodes another History has taken over since (weakly: they die with them). */
  private readonly given = new WeakMap<Node, ReadonlySet<string>>();

  of(node: Node): ReadonlySet<string> {
    const owner = NodeBase.storyOwner(node);
    if (owner === this) return NodeBase.storyIn(node, this)!;
    return owner === undefined ? NONE : (this.given.get(node) ?? NONE);
  }

  private set(node: Node, rules: ReadonlySet<string>): void {
    const owner = NodeBase.storyOwner(node);
    if (owner !== this && owner !== undefined) {
      const other = owner as History;
      other.given.set(node, NodeBase.storyIn(node, other)!);
    }
    NodeBase.setStory(node, this, rules);
  }

  /**
   * Adds the rule names (or sets of them, from the nodes `node` was made from) to `node`'s. Sets
   * are never changed once stored, so one that already holds the union is shared, not copied (a
   * rewrite's rules reach every node rebuilt above it).
   */
  add(node: Node, ...from: (ReadonlySet<string> | string)[]): void {
    const old = this.of(node);
    let union = old;
    for (const f of from) union = joined(union, f);
    if (union !== old) this.set(node, union);
  }

  /** `add(rebuilt, of(n), ...args.map(of))`: a node rebuilt over new operands (no arrays made). */
  addRebuilt(rebuilt: Node, n: Node, args: readonly Node[]): void {
    const old = this.of(rebuilt);
    let union = joined(old, this.of(n));
    for (const a of args) union = joined(union, this.of(a));
    if (union !== old) this.set(rebuilt, union);
  }
}

/** `n` over rewritten operands (`n` itself when none changed); a named node stays named. */
function rebuild(n: ApplyNode, args: readonly Node[]): Node {
  if (args.every((a, i) => a === n.args[i])) return n;
  const made = B.apply(n.op as never, args, n.attrs);
  return n.label === undefined ? made : B.withLabel(made, n.label);
}

/** The phase's rules indexed by the op at their pattern's root (`undefined`: any op). */
function rulesByOp(phase: Phase): (op: string) => readonly Rule[] {
  const byOp = new Map<string, Rule[]>();
  const anyOp: Rule[] = [];
  for (const r of phase.rules) {
    const op = rootOp(r.pattern);
    if (op === undefined) anyOp.push(r);
    else byOp.set(op, [...(byOp.get(op) ?? []), r]);
  }
  const lists = new Map<string, readonly Rule[]>();
  return (op) => {
    let list = lists.get(op);
    if (!list) lists.set(op, (list = [...(byOp.get(op) ?? []), ...anyOp]));
    return list;
  };
}

/**
 * Per phase, nodes known to be its fixed points: no rule of the phase fires on them or on anything
 * below them, and no rule asked for uses, users or the original node to decide — so in whatever
 * graph they stand, a pass maps them to themselves (and logs nothing). Nodes are immutable and
 * rules pure, so this holds for good: each node carries a bit per phase (on the node, not in a
 * table: it dies with the node, and a WeakSet of 10⁶ nodes kept its capacity after they died).
 * A pass walks only the nodes not known to be fixed: a fixed-point pass, and a phase run again on
 * a graph that is partly unchanged, cost what changed.
 */
const phaseBits = new WeakMap<Phase, number>();
/** Bits are never reused (a node's bit must not pass to another phase): phases past 29 go uncached. */
let bitsGiven = 0;
const MAX_BITS = 29;
let caching = true;

/** The bit of `phase` (0: not cached). */
function bitOf(phase: Phase): number {
  if (!caching) return 0;
  let bit = phaseBits.get(phase);
  if (bit === undefined) {
    bit = bitsGiven < MAX_BITS ? 1 << bitsGiven++ : 0;
    phaseBits.set(phase, bit);
  }
  return bit;
}

/**
 * Runs `fn` with no fixed points known or recorded (every pass walks every node, as without the
 * cache): for tests that compare the two.
 */
export function withoutFixedPointCache<T>(fn: () => T): T {
  const saved = caching;
  caching = false;
  try {
    return fn();
  } finally {
    caching = saved;
  }
}

/** Whether `n` is known to be a fixed point of `phase` (leaves and constants always are). */
export function isFixedPoint(phase: Phase, n: Node): boolean {
  const bit = phaseBits.get(phase) ?? 0;
  return n.kind !== 'apply' || (NodeBase.fixedBits(n) & bit) !== 0;
}

/** Passes running now (a rule may, in principle, run one inside another). */
let passesRunning = 0;

/** Nested re-settling deeper than this is left to the next pass (no deep recursion). */
const MAX_SETTLE_DEPTH = 200;

/**
 * One bottom-up pass of a phase with no measure over the graph of `roots`. A rule's result is
 * itself rewritten in the same pass (its new nodes bottom-up, then its root), so a rewrite that
 * moves something one level along a chain (a scalar pulled out of a product) goes the whole way
 * in one pass, not one level per pass. A budget on firings per pass keeps a rule set that never
 * settles from looping inside the pass: the pass cap then reports it.
 */
function runPass(
  roots: readonly Node[],
  phase: Phase,
  rulesFor: (op: string) => readonly Rule[],
  log: Firing[],
  /** Firings allowed in the pass; undefined: set from this pass's graph (a phase's first pass). */
  budget: (() => number) | undefined,
  history: History,
  walks: Walks,
): {
  next: Node[];
  fired: string[];
  budget: () => number;
} {
  const bit = bitOf(phase);
  const known = (x: Node) => (NodeBase.fixedBits(x) & bit) !== 0;
  const isFixed = (x: Node) => x.kind !== 'apply' || known(x);
  // the op nodes not known to be fixed points (the others map to themselves; leaves stand for
  // themselves), in graph order: from the whole graph, if it is at hand (what lies below a fixed
  // point is fixed, so leaving fixed points out of it is the walk that skips them)
  let skipped = false;
  const skip = (x: Node) => known(x) && (skipped = true);
  const kept = walks.of(roots);
  const order = kept ? kept.filter((x) => x.kind === 'apply' && !known(x)) : toposort(roots, skip);
  // the whole graph, for use counts, users and the budget only: walked when one is asked for
  // (unless the walk above skipped nothing: then it is the whole graph)
  let whole: readonly Node[] | undefined = kept ?? (skipped ? undefined : order);
  if (whole && !kept) walks.keep(roots, whole);
  const everything = () => (whole ??= walks.whole(roots));
  let users: Map<Node, readonly Node[]> | undefined;
  /** The tag the users of the whole graph are recorded under on its nodes (0: not yet). */
  let usersTag = 0;
  // what each node of `order` is rewritten to, and the nodes no rule of the phase fires on (as
  // found in this pass): on the nodes themselves (a pass inside a pass, if a rule ran one, in
  // tables of its own)
  const pass = newWalk();
  const outermost = passesRunning++ === 0;
  const memo = outermost ? undefined : new Map<Node, Node>();
  const settledSet = outermost ? undefined : new Set<Node>();
  const imageOf = (x: Node) => (memo ? memo.get(x) : NodeBase.imageIn(x, pass));
  const isSettled = (x: Node) => (settledSet ? settledSet.has(x) : NodeBase.settledIn(x, pass));
  const markSettled = (x: Node) => (settledSet ? settledSet.add(x) : NodeBase.markSettled(x, pass));
  const fired: string[] = [];
  let allowed: number | undefined;
  const limit = budget ?? (() => (allowed ??= 4 * everything().length + 256));
  // the whole graph is at least `order`: under this many firings the first pass is within budget
  const surelyAllowed = budget === undefined ? 4 * order.length + 256 : 0;
  const overBudget = () => fired.length > surelyAllowed && fired.length > limit();
  /** Whether a rule asked for the context (then what it decided is not the node's alone). */
  let asked = false;
  let original: Node;
  let rootUses: Map<Node, number> | undefined;
  // a node's users (one per operand slot), on the nodes themselves in the outermost pass
  const NONE_USE: readonly Node[] = [];
  const recordUsers = () => {
    if (usersTag !== 0) return;
    usersTag = newWalk();
    for (const u of everything()) {
      if (u.kind === 'apply') for (const a of u.args) NodeBase.addUser(a, usersTag, u);
    }
  };
  const usersIn = (x: Node): readonly Node[] => {
    if (!outermost) return (users ??= usersOf(everything())).get(x) ?? NONE_USE;
    recordUsers();
    return NodeBase.usersIn(x, usersTag) ?? NONE_USE;
  };
  const userCount = (x: Node): number => {
    if (!outermost) return usersIn(x).length;
    recordUsers();
    return NodeBase.userCount(x, usersTag);
  };
  // and its places among the roots
  const uses = (x: Node) => userCount(x) + ((rootUses ??= useCounts([], roots)).get(x) ?? 0);
  const ctx: RuleContext = {
    get original() {
      asked = true;
      return original;
    },
    uses: (x) => ((asked = true), uses(x)),
    users: (x) => ((asked = true), usersIn(x)),
  };

  /**
   * The first rule that rewrites `cur`, applied and logged; undefined if none does. `original`:
   * the node of the graph `cur` stands for (its uses are what a rule's context shows).
   */
  const fire = (cur: ApplyNode, context: Node, from: Node): Node | undefined => {
    original = context;
    asked = false;
    for (const rule of rulesFor(cur.op)) {
      const b = match(rule.pattern, cur);
      if (!b) continue;
      const next = rule.rewrite(b, cur, ctx);
      if (!next || next === cur) continue;
      log.push(firing(rule.name, phase.name, cur, next, from));
      fired.push(rule.name);
      history.add(next, history.of(cur), rule.name);
      return next;
    }
    return undefined;
  };

  /**
   * `start` (operands already rewritten) rewritten until no rule fires on it, within budget. The
   * first try sees the uses of `original` (the node of the graph it came from); what rules make is
   * new, with no uses in the graph of this pass (use-dependent rules see it again next pass).
   */
  const settle = (start: Node, original: Node, from: Node, depth: number): Node => {
    let cur = start;
    let context = original;
    while (cur.kind === 'apply') {
      const next = fire(cur, context, from);
      if (!next) {
        markSettled(cur);
        if (bit !== 0 && !asked && cur.args.every(isFixed)) NodeBase.markFixed(cur, bit);
        break;
      }
      if (overBudget() || depth > MAX_SETTLE_DEPTH) return next;
      cur = settleBelow(next, depth + 1);
      if (isSettled(cur) || known(cur)) break;
      context = cur;
    }
    return cur;
  };

  /** `root` with every node a rule just built below it settled (bottom-up), then rebuilt. */
  const settleBelow = (root: Node, depth: number): Node => {
    const done = new Map<Node, Node>();
    const fresh = (n: Node) => n.kind === 'apply' && !isSettled(n) && !known(n) && !done.has(n);
    const stack: { n: ApplyNode; next: number }[] = [];
    if (root.kind === 'apply') stack.push({ n: root, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.n.args.length) {
        const a = top.n.args[top.next++]!;
        if (fresh(a) && a.kind === 'apply') stack.push({ n: a, next: 0 });
        continue;
      }
      stack.pop();
      const n = top.n;
      const args = n.args.map((a) => done.get(a) ?? a);
      let cur = rebuild(n, args);
      if (cur !== n) history.addRebuilt(cur, n, args);
      // the root is tried again by the caller's loop; nodes below it are settled here
      if (n !== root) cur = settle(cur, cur, cur, depth);
      done.set(n, cur);
    }
    return done.get(root) ?? root;
  };

  // a node left out of `order` is a known fixed point: it stands for itself
  const rewritten = (a: Node) => imageOf(a) ?? a;
  /** `n` over its rewritten operands, settled (one function for every node: no closure each). */
  let n: ApplyNode;
  const changed = (a: Node) => rewritten(a) !== a;
  const rewriteNode = () => {
    // (most nodes of a pass keep their operands: no array is made for them)
    const args = n.args.some(changed) ? n.args.map(rewritten) : n.args;
    const rebuilt = rebuild(n, args);
    if (rebuilt !== n) history.addRebuilt(rebuilt, n, args);
    return settle(rebuilt, n, n, 0);
  };
  try {
    for (const node of order) {
      if (node.kind !== 'apply') continue; // a leaf or a constant stands for itself
      n = node;
      const cur = withCallSite(n.site, rewriteNode);
      if (cur !== n) {
        const hint = nameHint(n);
        if (hint) setNameHint(cur, hint);
        if (memo) memo.set(n, cur);
        else NodeBase.setImage(n, pass, cur);
      }
    }
    return { next: roots.map(rewritten), fired, budget: limit };
  } finally {
    passesRunning--;
    // (what a node was mapped to, or used by, is not kept alive by it)
    if (!memo) for (const node of order) NodeBase.setImage(node, 0, undefined);
    if (usersTag !== 0) for (const node of everything()) NodeBase.addUser(node, 0, undefined);
  }
}

/** A firing, its texts printed when read (a log of 10⁴ firings is rarely read in full). */
function firing(rule: string, phase: string, cur: Node, next: Node, from: Node): Firing {
  let before: string | undefined;
  let after: string | undefined;
  return {
    rule,
    phase,
    get before() {
      return (before ??= formula(cur, { depth: 3 }));
    },
    get after() {
      return (after ??= formula(next, { depth: 3 }));
    },
    site: from.site,
    from,
    to: next,
  };
}

/**
 * One pass of a phase with a measure (its rules rewrite regions, e.g. a rational normal form):
 * every node of the graph of `roots` is tried as it stands there (its operands, their uses), and
 * the rewrites found are made together — each replacement over the others' — only if the graph
 * they make is smaller by the measure. That graph is measured before it is built (see
 * {@link substitutedGraph}): a pass the measure refuses builds nothing above its rewrites.
 * Returns the new roots and the rules that fired, or undefined when nothing fired or the pass
 * did not pay.
 */
function runRegionPass(
  roots: readonly Node[],
  phase: Phase & { readonly measure: NonNullable<Phase['measure']> },
  rulesFor: (op: string) => readonly Rule[],
  log: Firing[],
  history: History,
  walks: Walks,
): { next: Node[]; fired: string[] } | undefined {
  const graph = walks.whole(roots);
  const context = graphContext(graph, roots);
  try {
    const found = new Map<Node, { rule: string; to: Node }>();
    for (const n of graph) {
      if (n.kind !== 'apply') continue;
      const to = withCallSite(n.site, () => firstRewrite(n, rulesFor, context.at(n)));
      if (to) found.set(n, to);
    }
    if (found.size === 0) return undefined;
    const before = phase.measure(roots, graph);
    const image = (n: Node) => found.get(n)?.to;
    if (!lexLess(phase.measure(roots, substitutedGraph(roots, image)), before)) return undefined;
    const fired: string[] = [];
    for (const [from, { rule, to }] of found) {
      log.push(firing(rule, phase.name, from, to, from));
      fired.push(rule);
      history.add(to, history.of(from), rule);
    }
    return { next: substitute(roots, image, history), fired };
  } finally {
    context.release();
  }
}

/** The first rule of `rulesFor(n.op)` that rewrites `n`, and what it gives; undefined if none. */
function firstRewrite(
  n: ApplyNode,
  rulesFor: (op: string) => readonly Rule[],
  ctx: RuleContext,
): { rule: string; to: Node } | undefined {
  for (const rule of rulesFor(n.op)) {
    const b = match(rule.pattern, n);
    if (!b) continue;
    const to = rule.rewrite(b, n, ctx);
    if (to && to !== n) return { rule: rule.name, to };
  }
  return undefined;
}

/**
 * Rule contexts for the nodes of `graph` (`toposort(roots)`), as they stand in it: uses count
 * places among the roots too. `release` forgets the users recorded on the nodes.
 */
function graphContext(graph: readonly Node[], roots: readonly Node[]) {
  // users on the nodes themselves in the outermost pass; in one a rule runs, a table of its own
  const outermost = passesRunning++ === 0;
  const tag = outermost ? newWalk() : 0;
  const table = outermost ? undefined : usersOf(graph);
  if (outermost) {
    for (const u of graph)
      if (u.kind === 'apply') for (const a of u.args) NodeBase.addUser(a, tag, u);
  }
  const rootUses = useCounts([], roots);
  const NO_USERS: readonly Node[] = [];
  const usersIn = (x: Node) => (table ? table.get(x) : NodeBase.usersIn(x, tag)) ?? NO_USERS;
  let original: Node = roots[0]!;
  const ctx: RuleContext = {
    get original() {
      return original;
    },
    uses: (x) =>
      (table ? (table.get(x)?.length ?? 0) : NodeBase.userCount(x, tag)) + (rootUses.get(x) ?? 0),
    users: usersIn,
  };
  return {
    at(n: Node): RuleContext {
      original = n;
      return ctx;
    },
    release() {
      passesRunning--;
      if (outermost) for (const n of graph) NodeBase.addUser(n, 0, undefined);
    },
  };
}

/**
 * The nodes of the graph `roots` would have with each node `image` gives a replacement for
 * replaced by it (every node read over the others' replacements), each standing for the node it
 * would be rebuilt as: the same op. As many or more than that graph has (rebuilt nodes that
 * would meet by hash-consing are counted apart), so a measure of them bounds its measure.
 */
function substitutedGraph(roots: readonly Node[], image: (n: Node) => Node | undefined): Node[] {
  const order: Node[] = [];
  const walk = newWalk();
  // depth first, operands before users (iterative: chains of 10⁵ nodes)
  const stack: { n: Node; next: number }[] = [];
  const enter = (n: Node) => {
    let at = n;
    for (let to = image(at); to !== undefined && to !== at; to = image(at)) at = to;
    if (NodeBase.reach(at, walk)) stack.push({ n: at, next: 0 });
  };
  for (const r of roots) {
    enter(r);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const args = top.n.kind === 'apply' ? top.n.args : [];
      if (top.next < args.length) enter(args[top.next++]!);
      else order.push(stack.pop()!.n);
    }
  }
  return order;
}

/**
 * `roots` rebuilt with each node `image` replaces replaced (the replacement itself rebuilt over
 * the others'), rebuilt nodes keeping their call sites and name hints and the rules behind them.
 */
function substitute(
  roots: readonly Node[],
  image: (n: Node) => Node | undefined,
  history: History,
): Node[] {
  const done = new Map<Node, Node>();
  const stack: { n: Node; next: number }[] = [];
  const target = (n: Node) => {
    const to = image(n);
    return to === undefined || to === n ? n : to;
  };
  const visit = (n: Node) => {
    if (!done.has(n)) stack.push({ n, next: 0 });
  };
  const result = (n: Node) => done.get(n)!;
  for (const r of roots) {
    visit(r);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const n = top.n;
      const to = target(n);
      if (to !== n) {
        // a replaced node is what its replacement becomes
        if (top.next === 0) {
          top.next = 1;
          visit(to);
          continue;
        }
        stack.pop();
        const made = result(to);
        const hint = nameHint(n);
        if (hint) setNameHint(made, hint);
        done.set(n, made);
        continue;
      }
      if (n.kind === 'apply' && top.next < n.args.length) {
        visit(n.args[top.next++]!);
        continue;
      }
      stack.pop();
      if (n.kind !== 'apply') {
        done.set(n, n);
        continue;
      }
      const args = n.args.map(result);
      const made = withCallSite(n.site, () => rebuild(n, args));
      if (made !== n) {
        history.addRebuilt(made, n, args);
        const hint = nameHint(n);
        if (hint) setNameHint(made, hint);
      }
      done.set(n, made);
    }
  }
  return roots.map(result);
}

/** Runs one phase to a fixed point; returns the new roots (same order) and appends firings. */
export function runPhase(
  roots: readonly Node[],
  phase: Phase,
  log: Firing[],
  history: History = new History(),
  walks: Walks = new Walks(),
): Node[] {
  const rulesFor = rulesByOp(phase);
  let current = [...roots];
  let lastPass: string[] = [];
  // firings allowed per pass, fixed by the first pass's graph (a graph that grows does not raise it)
  let budget: (() => number) | undefined;
  const measure = phase.measure;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let made: { next: Node[]; fired: string[] } | undefined;
    if (measure)
      made = runRegionPass(current, { ...phase, measure }, rulesFor, log, history, walks);
    else {
      const pass_ = runPass(current, phase, rulesFor, log, budget, history, walks);
      budget = pass_.budget;
      if (pass_.fired.length > 0) made = pass_;
      else current = pass_.next;
    }
    if (!made) return current;
    current = made.next;
    lastPass = made.fired;
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
