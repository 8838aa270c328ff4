/**
 * stopGradient and customGradient nodes only tell the differentiators what to do; once the
 * derivatives are built (before optimizing and compiling), each is replaced by its value operand.
 * This is the optimizer's one hook for them: no rewrite rule ever sees a custom gradient, so none
 * can change it (the user's VJP is already ordinary nodes in the gradient graph).
 */
import { rebuild } from '../builder/rebuild.js';
import { toposort } from '../ir/graph.js';
import { ApplyNode, GRADIENT_MARKERS, type Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { customGradientDef } from '../ops/customGradient.js';

const MARKERS = GRADIENT_MARKERS;

/** `roots` with every marker replaced by its first operand (the same nodes when there is none). */
export function withoutGradientMarkers(roots: readonly Node[]): Node[] {
  // (each node knows whether a marker is below it: a graph without one is not walked)
  if (!roots.some((r) => ApplyNode.readsMarker(r))) return [...roots];
  // (a marker's name hint is not moved to its value: hints are global, the value is shared)
  return rebuild(roots, (n, args) => (MARKERS.has(n.op) ? args[0]! : undefined));
}

/** The same, for a record of outputs. */
export function outputsWithoutGradientMarkers<K extends string>(
  outputs: Readonly<Record<K, Node>>,
): Record<K, Node> {
  const keys = Object.keys(outputs) as K[];
  const roots = withoutGradientMarkers(keys.map((k) => outputs[k]));
  return Object.fromEntries(keys.map((k, i) => [k, roots[i]!])) as Record<K, Node>;
}

/**
 * For `explain`: each custom gradient in the graph of `roots`, as a line naming it, where it was
 * defined and where it is applied — its VJP is the user's, not derived (empty: none).
 */
export function customGradientNotes(roots: readonly Node[]): string[] {
  const lines: string[] = [];
  for (const n of toposort(roots)) {
    if (n.kind !== 'apply' || n.op !== 'customGradient') continue;
    const def = customGradientDef(n.attrs.id as number);
    const applied = n.site ? `, applied at ${n.site}` : '';
    const defined = def.site
      ? ` (defined at ${def.site}${applied})`
      : applied
        ? ` (${applied.slice(2)})`
        : '';
    lines.push(
      `  ${def.name}: value ${formula(n.args[0]!, { useNames: true, depth: 6 })}; its VJP is user-supplied${defined}`,
    );
  }
  return lines.length ? ['', 'user-supplied gradients:', ...lines] : [];
}
