/**
 * The optimizer: the rewrite phases, in order, repeated until a round changes nothing. Pure:
 * outputs in, outputs out (nodes are immutable), plus the log of every rule that fired.
 */
import { GradgenError } from '../errors.js';
import type { Node } from '../ir/node.js';
import { checkNamedNodes, sameNodes } from '../ir/graph.js';
import { formula } from '../ir/print.js';
import { customGradientNotes, withoutGradientMarkers } from '../autodiff/markers.js';
import { History, runPhase, Walks, type Firing, type Phase } from './engine.js';
import { PHASES } from './rules.js';

export interface Optimized<K extends string = string> {
  readonly outputs: Readonly<Record<K, Node>>;
  readonly firings: readonly Firing[];
  /** The rules behind a node of the result: those that made it and those behind its operands. */
  readonly rulesBehind: (node: Node) => ReadonlySet<string>;
}

const MAX_ROUNDS = 6;

export function optimize<K extends string>(
  outputs: Readonly<Record<K, Node>>,
  phases: readonly Phase[] = PHASES,
): Optimized<K> {
  checkNamedNodes('optimize', outputs);
  const keys = Object.keys(outputs) as K[];
  // the derivatives are built: stopGradient and customGradient have done their work
  let roots = withoutGradientMarkers(keys.map((key) => outputs[key]));
  const firings: Firing[] = [];
  const history = new History();
  const walks = new Walks();
  // what each phase last returned: a phase given its own result again would return it unchanged
  // (it stopped there at a fixed point, or with a pass its measure refused), so it is skipped
  const lastResult = new Map<Phase, readonly Node[]>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = firings.length;
    for (const phase of phases) {
      const last = lastResult.get(phase);
      if (last && sameNodes(last, roots)) continue;
      roots = runPhase(roots, phase, firings, history, walks);
      lastResult.set(phase, roots);
    }
    if (firings.length === before) {
      return {
        outputs: Object.fromEntries(keys.map((key, i) => [key, roots[i]!])) as Record<K, Node>,
        firings,
        rulesBehind: (node) => history.of(node),
      };
    }
  }
  throw new GradgenError(
    'E_REWRITE_CYCLE',
    `optimize: the phases did not settle in ${MAX_ROUNDS} rounds; last rules: ${[...new Set(firings.slice(-10).map((f) => f.rule))].join(', ')}`,
  );
}

export interface Explanation {
  /** Per output: its final symbolic form and the rules that fired in its computation. */
  readonly outputs: Readonly<
    Record<string, { readonly formula: string; readonly rules: readonly string[] }>
  >;
  readonly firings: readonly Firing[];
  /** A readable report: `dZ2 = A2 − Y  [one-minus-sigmoid, rational-normalize]`. */
  readonly text: string;
}

/** What the optimizer does to `outputs`: each final form, and the rewrites behind it. */
export function explain(outputs: Readonly<Record<string, Node>>): Explanation {
  checkNamedNodes('explain', outputs);
  const { outputs: optimized, firings, rulesBehind } = optimize(outputs);
  const result: Record<string, { formula: string; rules: string[] }> = {};
  const lines: string[] = [];
  // A firing belongs to an output when the node it produced is in the output's final cone.
  const cones = new Map<string, Set<Node>>();
  for (const [key, node] of Object.entries(optimized)) {
    const cone = new Set<Node>();
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (cone.has(n)) continue;
      cone.add(n);
      if (n.kind === 'apply') stack.push(...n.args);
    }
    cones.set(key, cone);
  }
  for (const [key, node] of Object.entries(optimized)) {
    const cone = cones.get(key)!;
    const fired = new Set<string>();
    for (const n of cone) for (const r of rulesBehind(n)) fired.add(r);
    // in the order they first fired
    const rules = [...new Set(firings.map((f) => f.rule))].filter((r) => fired.has(r));
    const text = formula(node, { useNames: true, depth: 12 });
    result[key] = { formula: text, rules };
    lines.push(`${key} = ${text}${rules.length ? `  [${rules.join(', ')}]` : ''}`);
  }
  lines.push(...customGradientNotes(Object.values(outputs)));
  lines.push('', 'rewrites:');
  for (const f of firings) {
    lines.push(`  ${f.phase}/${f.rule}: ${f.before} → ${f.after}${f.site ? `  (${f.site})` : ''}`);
  }
  return { outputs: result, firings, text: lines.join('\n') };
}
