import type { Shape } from './shape.js';

/** Attribute values an op can carry besides its operands (`pow`'s exponent, `sum`'s axis, ...). */
export type AttrValue = number | string | boolean | null | readonly (number | string)[];
export type Attrs = Readonly<Record<string, AttrValue>>;

/** How a parameter is initialized by the training API. */
export type ParamInit = 'zeros' | 'normal' | 'xavier' | 'he' | 'glorot';

let nextId = 0;
/** The bits of {@link NodeBase}'s `#fixed` that phases are given (29: see `rewrite/engine.ts`). */
const PHASE_BITS = (1 << 29) - 1;
/** Its bit of "some op node has been made with this node as an operand" (never cleared). */
const OPERAND = 1 << 29;
/** Its bit of "a gradient marker is this node or below it" (made with the node). */
const MARKED = 1 << 30;
let lastWalk = 0;

/** A walk number no node has been reached by yet (see {@link NodeBase.reach}). */
export function newWalk(): number {
  return ++lastWalk;
}

// ---- what the type checker knows about a node ------------------------------------------------

/** A node's rank as its type records it: a scalar (shape `[]`) or a tensor (rank ≥ 1). */
export type Rank = 'scalar' | 'tensor';

/**
 * A leaf (input or param) a node reads, as its type records it: the name, the leaf's rank, and
 * whether the node surely reads it (`false` for gradients, which may not read every leaf of the
 * cost). A `string` name means "not known": the node's leaves are not tracked.
 */
export interface LeafSig<
  N extends string = string,
  R extends Rank = Rank,
  Sure extends boolean = boolean,
> {
  readonly name: N;
  readonly rank: R;
  readonly sure: Sure;
}

/** Phantom keys: type-level only, never present at run time. */
declare const leavesKey: unique symbol;
declare const rankKey: unique symbol;

interface Phantom<L extends LeafSig, R extends Rank> {
  readonly [leavesKey]: L;
  readonly [rankKey]: R;
}

/** The leaves an operand reads (none for a number). */
export type LeavesOf<X> = X extends Phantom<infer L, Rank> ? L : never;
/** The rank of an operand (a number is a scalar). */
export type RankOf<X> = X extends number
  ? 'scalar'
  : X extends Phantom<LeafSig, infer R>
    ? R
    : Rank;

/**
 * Common fields of every node. Nodes are immutable and interned: building the same expression twice
 * returns the same object, so `===` is structural equality and common subexpressions are shared.
 * The fluent methods (`a.add(b)`) are installed by `builder/fluent.ts`.
 */
export abstract class NodeBase<L extends LeafSig = LeafSig, R extends Rank = Rank> {
  /** Type-level only: the leaves this node reads and its rank (see {@link LeafSig}). */
  declare readonly [leavesKey]: L;
  declare readonly [rankKey]: R;
  readonly id = nextId++;
  /** Scratch for graph walks: the number of the last walk that reached this node (not its value). */
  #walk = 0;
  /**
   * Marks `node` as reached by the walk numbered `walk` ({@link newWalk}); false if it already
   * was. A walk runs to its end before another starts (graph walks are synchronous).
   */
  static reach(node: NodeBase, walk: number): boolean {
    if (node.#walk === walk) return false;
    node.#walk = walk;
    return true;
  }
  /**
   * The rewrite phases this node is a known fixed point of, a bit each (see `rewrite/engine.ts`):
   * a fact about the immutable node itself, so it lives and dies with it.
   */
  #fixed = 0;
  /** The fixed-point bits of `node` (see {@link NodeBase.markFixed}). */
  static fixedBits(node: NodeBase): number {
    return node.#fixed & PHASE_BITS;
  }
  /** Whether a gradient marker is this node or below it (the bit above the phases' bits). */
  protected static readsMarkerBit(node: NodeBase): boolean {
    return (node.#fixed & MARKED) !== 0;
  }
  protected static markReadsMarker(node: NodeBase): void {
    node.#fixed |= MARKED;
  }
  /**
   * Whether an op node has ever been made over `node`: if not, no interned node has it as an
   * operand, so looking one up is sure to miss (most of a rewrite pass's rebuilt nodes stand on
   * nodes just made).
   */
  static isOperand(node: NodeBase): boolean {
    return (node.#fixed & OPERAND) !== 0;
  }
  protected static markOperand(node: NodeBase): void {
    node.#fixed |= OPERAND;
  }
  /** Records that `node` is a fixed point of the phase whose bit is `bit`. */
  static markFixed(node: NodeBase, bit: number): void {
    node.#fixed |= bit;
  }
  /**
   * Scratch of the rewrite pass running now (`rewrite/engine.ts`, one pass at a time, numbered
   * by {@link newWalk}): the node the pass maps this one to, and the pass that found no rule of
   * its phase firing on it. Fields, not tables: a pass over 3·10⁵ nodes spent more time in the
   * tables' hashing than in its rules.
   */
  #pass = 0;
  #image: Node | undefined = undefined;
  #settledIn = 0;
  /** What the pass numbered `pass` maps `node` to, if it has mapped it. */
  static imageIn(node: NodeBase, pass: number): Node | undefined {
    return node.#pass === pass ? node.#image : undefined;
  }
  /** Records that the pass numbered `pass` maps `node` to `image` (undefined: forgets it). */
  static setImage(node: NodeBase, pass: number, image: Node | undefined): void {
    node.#pass = pass;
    node.#image = image;
  }
  /** Whether the pass numbered `pass` found that no rule fires on `node`. */
  static settledIn(node: NodeBase, pass: number): boolean {
    return node.#settledIn === pass;
  }
  static markSettled(node: NodeBase, pass: number): void {
    node.#settledIn = pass;
  }
  /**
   * The users of this node in the graph of the pass (or walk) numbered `#usersIn`, in order: the
   * one user itself where there is one (most nodes have one: no array each, ~3·10⁵ per table).
   */
  #usersIn = 0;
  #users: Node | Node[] | undefined = undefined;
  /** The users of `node` recorded under `tag` (undefined: none). */
  static usersIn(node: NodeBase, tag: number): readonly Node[] | undefined {
    if (node.#usersIn !== tag) return undefined;
    const users = node.#users;
    return users === undefined || Array.isArray(users) ? users : [users];
  }
  /** How many users of `node` are recorded under `tag`. */
  static userCount(node: NodeBase, tag: number): number {
    if (node.#usersIn !== tag) return 0;
    const users = node.#users;
    return users === undefined ? 0 : Array.isArray(users) ? users.length : 1;
  }
  /** Records `user` as one more use of `node` under `tag` (0: forgets the users it has). */
  static addUser(node: NodeBase, tag: number, user: Node | undefined): void {
    if (node.#usersIn === tag && user) {
      const users = node.#users;
      if (users === undefined) node.#users = user;
      else if (Array.isArray(users)) users.push(user);
      else node.#users = [users, user];
    } else {
      node.#usersIn = tag;
      node.#users = user;
    }
  }
  /**
   * The rules behind this node, as the optimization that owns the record (`#storyOf`, a
   * `History` of `rewrite/engine.ts`) has them: on the node, not in a table of every node an
   * optimization touched (a 10⁵-node compile rebuilds ~6·10⁵, and the table's lookups and growth
   * cost more than its rules). One owner at a time: the History gives way keeps its own copy.
   */
  #storyOf: object | undefined = undefined;
  #story: ReadonlySet<string> | undefined = undefined;
  /** The owner of `node`'s record of rules (undefined: none has one). */
  static storyOwner(node: NodeBase): object | undefined {
    return node.#storyOf;
  }
  /** `node`'s rules as recorded by `owner`, if `owner` holds the record. */
  static storyIn(node: NodeBase, owner: object): ReadonlySet<string> | undefined {
    return node.#storyOf === owner ? node.#story : undefined;
  }
  /** Records `rules` as `node`'s, owned by `owner` (the caller saved another owner's record). */
  static setStory(node: NodeBase, owner: object, rules: ReadonlySet<string>): void {
    node.#storyOf = owner;
    node.#story = rules;
  }
  /**
   * A structural hash (op, operands' hashes, attributes, leaf names, constant values): the same
   * expression hashes the same in every process, whatever order nodes were created in. It orders
   * the operands of commutative ops canonically.
   */
  get hash(): number {
    return this.#hash >>> 0;
  }
  /**
   * The hash as a signed 32-bit integer: a field of a small integer, where an unsigned one (half
   * of them are ≥ 2³¹) makes every node's field a heap number of its own (10⁶ of them to copy).
   */
  #hash = 0;
  protected setHash(hash: number): void {
    this.#hash = hash | 0;
  }
  constructor(
    readonly shape: Shape,
    /** Where the user built this node (`file:line`), when known. */
    readonly site: string | undefined,
  ) {}
}

/**
 * {@link hashString} of `String(n)` for a 32-bit unsigned `n` (an operand's hash), without
 * making the string: its decimal digits, most significant first.
 */
export function hashUint32(n: number, seed: number): number {
  let h = seed >>> 0;
  let scale = 1;
  while (scale <= n / 10) scale *= 10;
  for (; scale >= 1; scale /= 10) {
    h ^= 48 + (Math.floor(n / scale) % 10);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The hash an op without attributes starts from, per op (hashed once). */
const opHashes = new Map<string, number>();

/** 32-bit FNV-1a over a string: a deterministic, fast structural hash ingredient. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Data fed in at call time. */
export class InputNode<L extends LeafSig = LeafSig, R extends Rank = Rank> extends NodeBase<L, R> {
  readonly kind = 'input' as const;
  constructor(
    readonly name: string,
    shape: Shape,
    site: string | undefined,
  ) {
    super(shape, site);
    this.setHash(hashString(`input ${name}`));
  }
}

/** A trainable parameter: an input that the training API initializes and updates. */
export class ParamNode<L extends LeafSig = LeafSig, R extends Rank = Rank> extends NodeBase<L, R> {
  readonly kind = 'param' as const;
  constructor(
    readonly name: string,
    shape: Shape,
    readonly init: ParamInit,
    site: string | undefined,
  ) {
    super(shape, site);
    this.setHash(hashString(`param ${name}`));
  }
}

/** A scalar constant (it broadcasts against any shape). */
export class ConstNode<L extends LeafSig = LeafSig, R extends Rank = Rank> extends NodeBase<L, R> {
  readonly kind = 'const' as const;
  constructor(
    readonly value: number,
    shape: Shape,
  ) {
    super(shape, undefined);
    this.setHash(hashString(constKey(value, shape)));
  }
}

/** An op applied to operand nodes. */
export class ApplyNode<L extends LeafSig = LeafSig, R extends Rank = Rank> extends NodeBase<L, R> {
  readonly kind = 'apply' as const;
  constructor(
    readonly op: string,
    readonly args: readonly Node[],
    readonly attrs: Attrs,
    shape: Shape,
    site: string | undefined,
    /**
     * The user's name for this value (`named()`): a named node is a node of its own, so naming a
     * shared node never renames it in a graph built before. The structural hash ignores it.
     */
    readonly label?: string,
  ) {
    super(shape, site);
    this.setHash(applyHash(op, attrs, args));
    // whether a gradient marker is this node or below it (made once: nodes are immutable)
    let marked = GRADIENT_MARKERS.has(op);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (!marked) marked = ApplyNode.readsMarker(a);
      NodeBase.markOperand(a);
    }
    if (marked) NodeBase.markReadsMarker(this);
  }
  /** Whether `node` is, or reads, a gradient marker ({@link GRADIENT_MARKERS}). */
  static readsMarker(node: Node): boolean {
    return node.kind === 'apply' && NodeBase.readsMarkerBit(node);
  }
}

/**
 * The ops that only tell the differentiators what to do: once the derivatives are built, each is
 * replaced by its value operand (`autodiff/markers.ts`).
 */
export const GRADIENT_MARKERS: ReadonlySet<string> = new Set(['stopGradient', 'customGradient']);

/**
 * The last hash {@link applyHash} made, and of what (one or two operands): the builder hashes a
 * node to look it up, then, not finding it, makes it over the same operands, which hashes it
 * again (7·10⁵ new nodes in a 10⁵-node compile).
 */
const lastHash = {
  op: '',
  attrs: undefined as Attrs | undefined,
  args: undefined as readonly Node[] | undefined,
  first: undefined as Node | undefined,
  second: undefined as Node | undefined,
  hash: 0,
};

/** The structural hash of the op node `op(args)` with `attrs` (see {@link NodeBase.hash}). */
export function applyHash(op: string, attrs: Attrs, args: readonly Node[]): number {
  const last = lastHash;
  // the same operands in the same array, unchanged, with the same op and attributes object
  if (
    args === last.args &&
    op === last.op &&
    attrs === last.attrs &&
    args.length <= 2 &&
    args[0] === last.first &&
    args[1] === last.second
  ) {
    return last.hash;
  }
  const h = hashOfApply(op, attrs, args);
  if (args.length <= 2) {
    last.op = op;
    last.attrs = attrs;
    last.args = args;
    last.first = args[0];
    last.second = args[1];
    last.hash = h;
  }
  return h;
}

function hashOfApply(op: string, attrs: Attrs, args: readonly Node[]): number {
  const attrKey = attrsKey(attrs);
  let h = attrKey === '' ? opHashes.get(op) : undefined;
  if (h === undefined) {
    h = hashString(`${op}${attrKey}`);
    if (attrKey === '') opHashes.set(op, h);
  }
  for (const a of args) h = hashUint32(a.hash, h);
  return h;
}

/**
 * A graph node. The type parameters are what the type checker knows: the leaves the node reads
 * and its rank; plain `Node` knows neither.
 */
export type Node<L extends LeafSig = LeafSig, R extends Rank = Rank> =
  InputNode<L, R> | ParamNode<L, R> | ConstNode<L, R> | ApplyNode<L, R>;
export type LeafNode = InputNode | ParamNode;

const KIND_RANK = { const: 0, input: 1, param: 1, apply: 2 } as const;

/**
 * The canonical operand order of commutative ops: constants first (`3·x`), then inputs and params
 * by name (`b·c`), then op nodes, lower rank first, then by structural hash. It does not depend on creation order, so
 * `mul(3, x)` and `x.mul(3)` are one node, in every process.
 */
export function compareCanonical(a: Node, b: Node): number {
  const rank = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (rank !== 0) return rank;
  if (a.kind === 'const' && b.kind === 'const') return a.value - b.value;
  if ((a.kind === 'input' || a.kind === 'param') && (b.kind === 'input' || b.kind === 'param')) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  }
  // scalars before tensors (`(1/m)·dZ`), then by structural hash
  return (
    a.shape.length - b.shape.length ||
    a.hash - b.hash ||
    compareLabels(a as ApplyNode, b as ApplyNode) ||
    a.id - b.id
  );
}

/** A node and its named twins hash alike: they order by name (the unnamed one first). */
function compareLabels(a: ApplyNode, b: ApplyNode): number {
  if (a.label === b.label) return 0;
  if (a.label === undefined) return -1;
  if (b.label === undefined) return 1;
  return a.label < b.label ? -1 : 1;
}

export function isNode(x: unknown): x is Node {
  return x instanceof NodeBase;
}

/**
 * Every copy of gradgen marks its nodes' prototype with this registry symbol, so a node of
 * another copy (a model file that imports a different installed gradgen than the command that
 * loads it) is recognized, and refused with a message that says so: nodes of two copies cannot
 * meet in one graph (each copy interns its own).
 */
const NODE_BRAND = Symbol.for('gradgen.node');
Object.defineProperty(NodeBase.prototype, NODE_BRAND, { value: true });

/** `what` for an error message about a value that is not one of this copy's nodes. */
export function describeNotANode(x: unknown): string {
  if (typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[NODE_BRAND] === true) {
    return 'a graph node of another copy of gradgen (the model and the code that compiles it must import the same installed gradgen)';
  }
  return 'not a graph node';
}

export function isLeaf(x: Node): x is LeafNode {
  return x.kind === 'input' || x.kind === 'param';
}

export function assertNever(x: never): never {
  throw new Error(`internal: unexpected ${JSON.stringify(x)}`);
}

// ---- interning ------------------------------------------------------------------------------

/**
 * The interning tables hold their nodes weakly: a graph nobody references any more is freed, and
 * its entries go with it. Op nodes are found by structural hash, then by op, operands (the same
 * objects), attributes and label; constants and leaves by a key string of what defines them. A
 * node can only be found again while its operands are alive. Which nodes exist never shows in
 * emitted text: names come from the graph (its leaves, labels and hints), operand order from
 * structural hashes.
 *
 * A node made in the job (the synchronous run of code) going on now is held strongly at first,
 * and by a WeakRef from a later task on: a WeakRef keeps its node alive to the end of the job
 * that made it anyway, and making 10⁶ of them in one job (a 10⁵-node compile) costs ~3 µs each
 * against ~0.2 µs made 2·10⁵ per task. So what is freed, and when, is as before: after the job.
 */
type Entry = WeakRef<Node> | Node;
/** Constants and leaves, by key string. */
const table = new Map<string, Entry>();
/**
 * Op nodes, by structural hash (30 bits of it: a small integer key): one entry, or the entries
 * whose hashes meet (named twins hash alike). No key strings: a 10⁵-node compile makes 10⁶ nodes.
 */
const applyTable = new Map<number, Entry | Entry[]>();
let applyEntries = 0;
const bucketOf = (hash: number) => hash >>> 2;
const deref = (e: Entry) => (e instanceof WeakRef ? e.deref() : e);
const dropDead = new FinalizationRegistry<string | number>((key) => {
  if (typeof key === 'number') {
    dropDeadApplies(key);
    return;
  }
  // the key may have been interned again (to a new node) since this one died
  if (lookup(key) === undefined) table.delete(key);
});
/** Entries whose node may still be held strongly (keys of `table`, or op nodes), from `weakened` on. */
let strong: (string | ApplyNode)[] = [];
let weakened = 0;
let scheduled = false;
/** Entries made weak per task. */
const WEAKEN_CHUNK = 200_000;
/** Runs `f` in a later task (setImmediate where there is one: no minimum delay), or undefined. */
const later = ((): ((f: () => void) => void) | undefined => {
  const g = globalThis as {
    setImmediate?: (f: () => void) => { unref?: () => void };
    setTimeout?: (f: () => void, ms: number) => { unref?: () => void } | number;
  };
  // unref: a process with nothing else to do exits (nothing is lost: it ends)
  if (g.setImmediate) return (f) => g.setImmediate!(f).unref?.();
  if (g.setTimeout) return (f) => void (g.setTimeout!(f, 0) as { unref?: () => void }).unref?.();
  return undefined;
})();

/** Enters `node` under `key`: strongly for now, weakly from a later task on. */
function enter(key: string, node: Node): void {
  if (!later) {
    table.set(key, new WeakRef(node));
    dropDead.register(node, key);
    return;
  }
  table.set(key, node);
  holdForNow(key);
}

function holdForNow(entry: string | ApplyNode): void {
  strong.push(entry);
  if (!scheduled) {
    scheduled = true;
    later!(weaken);
  }
}

/** Makes up to WEAKEN_CHUNK strong entries weak; schedules itself again while some are left. */
function weaken(): void {
  const end = Math.min(strong.length, weakened + WEAKEN_CHUNK);
  for (; weakened < end; weakened++) {
    const held = strong[weakened]!;
    if (typeof held !== 'string') {
      weakenApply(held);
      continue;
    }
    const entry = table.get(held);
    if (entry instanceof NodeBase) {
      table.set(held, new WeakRef(entry));
      dropDead.register(entry, held);
    }
  }
  if (weakened < strong.length) {
    later!(weaken);
    return;
  }
  strong = [];
  weakened = 0;
  scheduled = false;
}

/** The entry of `node` in its bucket made weak. */
function weakenApply(node: ApplyNode): void {
  const key = bucketOf(node.hash);
  const bucket = applyTable.get(key);
  const weak = new WeakRef<Node>(node);
  if (bucket === node) applyTable.set(key, weak);
  else if (Array.isArray(bucket)) {
    const i = bucket.indexOf(node);
    if (i < 0) return;
    bucket[i] = weak;
  } else return;
  dropDead.register(node, key);
}

/** The bucket `key` without its dead entries (gone when none is left). */
function dropDeadApplies(key: number): void {
  const bucket = applyTable.get(key);
  if (bucket === undefined) return;
  const entries = Array.isArray(bucket) ? bucket : [bucket];
  const live = entries.filter((e) => deref(e) !== undefined);
  applyEntries -= entries.length - live.length;
  if (live.length === 0) applyTable.delete(key);
  else applyTable.set(key, live.length === 1 ? live[0]! : live);
}

function attrsKey(attrs: Attrs): string {
  const keys = Object.keys(attrs);
  if (keys.length === 0) return '';
  keys.sort();
  return JSON.stringify(keys.map((k) => [k, attrs[k]]));
}

function numberKey(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/**
 * A key string of the op node `op(args)` (operands by id): what names a node structurally
 * within a process, for tables of one's own.
 */
export function applyKey(op: string, args: readonly Node[], attrs: Attrs, label?: string): string {
  const key = `${op}(${args.map((a) => a.id).join(',')})${attrsKey(attrs)}`;
  return label === undefined ? key : `${key}=${label}`;
}

/**
 * The interned op node `op(args)` with `attrs` and `label`, whose structural hash is `hash`
 * ({@link applyHash}), if there is one.
 */
export function lookupApply(
  hash: number,
  op: string,
  args: readonly Node[],
  attrs: Attrs,
  label?: string,
): ApplyNode | undefined {
  // a node no op node was ever made over is an operand of no interned node (exact, no table)
  for (let i = 0; i < args.length; i++) if (!NodeBase.isOperand(args[i]!)) return undefined;
  const bucket = applyTable.get(bucketOf(hash));
  if (bucket === undefined) return undefined;
  if (!Array.isArray(bucket)) return sameApply(deref(bucket), hash, op, args, attrs, label);
  for (const e of bucket) {
    const found = sameApply(deref(e), hash, op, args, attrs, label);
    if (found) return found;
  }
  return undefined;
}

function sameApply(
  n: Node | undefined,
  hash: number,
  op: string,
  args: readonly Node[],
  attrs: Attrs,
  label: string | undefined,
): ApplyNode | undefined {
  if (n?.kind !== 'apply' || n.hash !== hash || n.op !== op || n.label !== label) return undefined;
  if (n.args.length !== args.length) return undefined;
  for (let i = 0; i < args.length; i++) if (n.args[i] !== args[i]) return undefined;
  if (n.attrs !== attrs && attrsKey(n.attrs) !== attrsKey(attrs)) return undefined;
  return n;
}

/**
 * Interns the op node `node`, which the caller has just looked up (with {@link lookupApply}) and
 * not found, and has built nothing of its kind since: one table lookup per new node, not two.
 */
export function internApply<N extends ApplyNode>(node: N): N {
  const key = bucketOf(node.hash);
  const bucket = applyTable.get(key);
  const entry: Entry = later ? node : new WeakRef<Node>(node);
  if (bucket === undefined) applyTable.set(key, entry);
  else if (Array.isArray(bucket)) bucket.push(entry);
  else applyTable.set(key, [bucket, entry]);
  applyEntries++;
  if (later) holdForNow(node);
  else dropDead.register(node, key);
  return node;
}

/** Returns the interned node for `key`, creating it with `make` the first time. */
export function intern<N extends Node>(key: string, make: () => N): N {
  const found = lookup(key);
  if (found) return found as N;
  const made = make();
  enter(key, made);
  return made;
}

export function lookup(key: string): Node | undefined {
  const entry = table.get(key);
  return entry === undefined ? undefined : deref(entry);
}

/** How many entries are still held strongly (made in a job whose later tasks have not all run). */
export function heldStrongly(): number {
  return strong.length - weakened;
}

/** How many entries the interning tables hold (live nodes, and dead ones not yet swept). */
export function internedCount(): number {
  return table.size + applyEntries;
}

export function constKey(value: number, shape: Shape): string {
  return `#${numberKey(value)}:${shape.join(',')}`;
}

/**
 * Inputs and params are interned by everything that defines them (kind, name, shape, init), so two
 * models in one process may each have their own `W1`; a single graph that mixes two different
 * leaves of one name is refused when it is compiled or evaluated (see `leavesOf`).
 */
export function leafKey(kind: string, name: string, shape: Shape, init = ''): string {
  return `$${kind}:${name}:${shape.join(',')}:${init}`;
}

const declaredNames = new Set<string>();

/** Records that an input or param of this name exists somewhere. */
export function declareName(name: string): void {
  declaredNames.add(name);
}

export function isDeclaredName(name: string): boolean {
  return declaredNames.has(name);
}

// ---- name hints -----------------------------------------------------------------------------

const hints = new WeakMap<Node, string>();

/**
 * Attaches a readable name (`dZ2` for an adjoint, a rewritten node's name) used by the emitter
 * and printer; identity is unchanged, and a node keeps the first name it is given. The user's
 * names are not hints: `named()` makes a node of its own (see {@link ApplyNode.label}).
 */
export function setNameHint(node: Node, name: string): void {
  // Constants are shared by every use of the same value: a name would mislabel the others.
  if (node.kind === 'apply' && node.label === undefined && !hints.has(node)) hints.set(node, name);
}

export function nameHint(node: Node): string | undefined {
  if (node.kind === 'input' || node.kind === 'param') return node.name;
  if (node.kind === 'apply' && node.label !== undefined) return node.label;
  return hints.get(node);
}

// ---- the rank algebra of the builder (types only) -----------------------------------------------

/** The rank of an elementwise result: a tensor if any operand is one, a scalar if all are. */
export type Join<A extends Rank, B extends Rank> = [A] extends ['tensor']
  ? 'tensor'
  : [B] extends ['tensor']
    ? 'tensor'
    : [A | B] extends ['scalar']
      ? 'scalar'
      : Rank;

/** The rank of a node of shape `S`: `[]` is a scalar, a non-empty tuple a tensor, else unknown. */
export type RankOfShape<S extends Shape> = S extends readonly []
  ? 'scalar'
  : S extends readonly [unknown, ...unknown[]]
    ? 'tensor'
    : Rank;

/** The same leaves, no longer surely read (a gradient may not read every leaf of its cost). */
export type Unsure<L extends LeafSig> =
  L extends LeafSig<infer N, infer R> ? LeafSig<N, R, false> : never;

/** The same leaves, surely read (the inputs a function is declared to take). */
export type Sure<L extends LeafSig> =
  L extends LeafSig<infer N, infer R> ? LeafSig<N, R, true> : never;

// ---- fluent methods (implemented in builder/fluent.ts) ---------------------------------------

type Operand = Node | number;
/** A fluent elementwise method of one operand: the result reads what `this` reads, at its rank. */
type Elementwise1 = <T extends Node>(this: T) => Node<LeavesOf<T>, RankOf<T>>;
/** A fluent elementwise method of two operands (the rank of a broadcast of the two). */
type Elementwise2 = <T extends Node, O extends Operand>(
  this: T,
  other: O,
) => Node<LeavesOf<T> | LeavesOf<O>, Join<RankOf<T>, RankOf<O>>>;
/* The methods take `this` as a type parameter so the node's type flows into the result. */
export interface NodeBase<L extends LeafSig = LeafSig, R extends Rank = Rank> {
  add: Elementwise2;
  sub: Elementwise2;
  mul: Elementwise2;
  div: Elementwise2;
  neg: Elementwise1;
  exp: Elementwise1;
  log: Elementwise1;
  log1p: Elementwise1;
  expm1: Elementwise1;
  sqrt: Elementwise1;
  square: Elementwise1;
  abs: Elementwise1;
  pow<T extends Node, K extends number>(this: T, k: K): Node<PowerLeaves<T, K>, RankOf<T>>;
  sigmoid: Elementwise1;
  tanh: Elementwise1;
  relu: Elementwise1;
  leakyRelu<T extends Node>(this: T, slope?: number): Node<LeavesOf<T>, RankOf<T>>;
  clip<T extends Node>(this: T, lo: number, hi: number): Node<LeavesOf<T>, RankOf<T>>;
  max: Elementwise2;
  min: Elementwise2;
  /** This node's value, with a zero gradient and tangent (see `stopGradient`). */
  stopGradient: Elementwise1;
  /** A named node of its own with this value (this node is unchanged): use what it returns. */
  named(name: string): this;
}

/** The leaves of xᵏ: x⁰ is the constant 1 (it reads nothing); a `number` exponent might be 0. */
export type PowerLeaves<X, K extends number> = [K] extends [0]
  ? never
  : 0 extends K
    ? Unsure<LeavesOf<X>>
    : LeavesOf<X>;
