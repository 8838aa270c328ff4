/**
 * The graph behind a model's outputs as Graphviz DOT or a Mermaid flowchart (`gradgen graph`).
 * Pure functions: outputs in, text out; the same outputs always give byte-identical text (node ids
 * follow the deterministic `toposort` order, never creation-order ids).
 *
 * The outputs are split in two sections: _forward_, the nodes the non-gradient outputs reach, and
 * _backward_, the rest. Op nodes show their op, their name hint or formula and their shape; inputs
 * and params are drawn apart (ellipses, filled), constants inline at each use, and every output is
 * a node of its own pointing from the value it names.
 */
import { toposort } from '../ir/graph.js';
import { isLeaf, nameHint, type Node } from '../ir/node.js';
import { formula } from '../ir/print.js';
import { formatShape } from '../ir/shape.js';
import { formatNumber } from '../ops/define.js';

export const GRAPH_FORMATS = ['dot', 'mermaid'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export function isGraphFormat(x: string): x is GraphFormat {
  return (GRAPH_FORMATS as readonly string[]).includes(x);
}

export interface GraphViewOptions {
  /** A title for the drawing (e.g. the model name). */
  readonly title?: string;
  /** The output keys that are gradients (default: {@link gradientOutputKeys}). */
  readonly gradients?: readonly string[];
}

/**
 * The outputs that are gradients: those named `d<leaf>` for an input or param `<leaf>` of the
 * graph, by key or by name hint (`grad` names each gradient `d<name>`).
 */
export function gradientOutputKeys(outputs: Readonly<Record<string, Node>>): string[] {
  const leaves = new Set(
    toposort(Object.values(outputs))
      .filter(isLeaf)
      .map((l) => l.name),
  );
  const isGradName = (s: string | undefined) =>
    s !== undefined && s.startsWith('d') && leaves.has(s.slice(1));
  return Object.keys(outputs).filter((k) => isGradName(k) || isGradName(nameHint(outputs[k]!)));
}

type Section = 'forward' | 'backward';
type Kind = 'input' | 'param' | 'const' | 'op' | 'output';

interface ViewNode {
  readonly id: string;
  readonly kind: Kind;
  readonly section: Section;
  /** Label lines, unescaped. */
  readonly lines: readonly string[];
}

interface View {
  readonly title: string | undefined;
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly (readonly [string, string])[];
}

const MAX_FORMULA = 80;

function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

function attrsText(attrs: Readonly<Record<string, unknown>>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}=${JSON.stringify(v)}`)
    .join('');
}

function buildView(outputs: Readonly<Record<string, Node>>, options: GraphViewOptions): View {
  const keys = Object.keys(outputs);
  const gradients = new Set(options.gradients ?? gradientOutputKeys(outputs));
  const forwardKeys = keys.filter((k) => !gradients.has(k));
  const backwardKeys = keys.filter((k) => gradients.has(k));
  const forward = new Set(toposort(forwardKeys.map((k) => outputs[k]!)));
  // Forward roots first: the forward nodes come first, in the same order as on their own.
  const order = toposort([...forwardKeys, ...backwardKeys].map((k) => outputs[k]!));
  const roots = new Set(keys.map((k) => outputs[k]!));
  const sectionOf = (key: string): Section => (gradients.has(key) ? 'backward' : 'forward');

  const nodes: ViewNode[] = [];
  const edges: (readonly [string, string])[] = [];
  const ids = new Map<Node, string>();
  let constants = 0;
  const constant = (n: Node & { kind: 'const' }, section: Section, id: string): ViewNode => ({
    id,
    kind: 'const',
    section,
    lines:
      n.shape.length > 0 ? [formatNumber(n.value), formatShape(n.shape)] : [formatNumber(n.value)],
  });

  for (const n of order) {
    const section: Section = forward.has(n) ? 'forward' : 'backward';
    const id = `n${ids.size}`;
    switch (n.kind) {
      case 'const':
        // Constants are drawn at each use; one that is itself an output gets a node of its own,
        // beside the (first) output that names it.
        if (!roots.has(n)) continue;
        ids.set(n, id);
        nodes.push(constant(n, sectionOf(keys.find((k) => outputs[k] === n)!), id));
        continue;
      case 'input':
      case 'param':
        ids.set(n, id);
        nodes.push({
          id,
          kind: n.kind,
          section,
          lines: [`${n.kind} ${n.name}`, formatShape(n.shape)],
        });
        continue;
      case 'apply': {
        ids.set(n, id);
        const hint = nameHint(n);
        const math = truncate(formula(n, { depth: 2, useNames: true }), MAX_FORMULA);
        nodes.push({
          id,
          kind: 'op',
          section,
          lines: [
            `${n.op}${attrsText(n.attrs)}`,
            hint ? `${hint} = ${math}` : math,
            formatShape(n.shape),
          ],
        });
        for (const a of n.args) {
          if (a.kind === 'const') {
            const k = `k${constants++}`;
            nodes.push(constant(a, section, k));
            edges.push([k, id]);
          } else edges.push([ids.get(a)!, id]);
        }
        continue;
      }
    }
  }
  keys.forEach((key, i) => {
    const id = `res${i}`;
    nodes.push({ id, kind: 'output', section: sectionOf(key), lines: [key] });
    edges.push([ids.get(outputs[key]!)!, id]);
  });
  return { title: options.title, nodes, edges };
}

/** One line of label text: no line breaks (they would end a DOT statement or a Mermaid line). */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

// ---- DOT ------------------------------------------------------------------------------------

/** A DOT double-quoted string: backslashes and quotes escaped, `\n` between lines. */
function dotString(lines: readonly string[]): string {
  return `"${lines.map((l) => oneLine(l).replace(/[\\"]/g, (c) => `\\${c}`)).join('\\n')}"`;
}

const DOT_STYLE: Record<Kind, string> = {
  input: 'shape=ellipse, style=filled, fillcolor="#dbeafe", color="#1e40af"',
  param: 'shape=ellipse, style=filled, fillcolor="#fef3c7", color="#92400e"',
  const: 'shape=plaintext',
  op: 'shape=box, style=rounded',
  output: 'shape=doubleoctagon, style=filled, fillcolor="#dcfce7", color="#166534"',
};

/** The graph as a Graphviz `digraph`, with the forward and backward sections as clusters. */
export function toDot(
  outputs: Readonly<Record<string, Node>>,
  options: GraphViewOptions = {},
): string {
  const view = buildView(outputs, options);
  const out: string[] = [`digraph ${dotString([view.title ?? 'gradgen'])} {`];
  if (view.title) out.push(`  graph [label=${dotString([view.title])}, labelloc=t];`);
  out.push('  node [fontname="Helvetica", fontsize=11];', '  edge [color="#475569"];');
  for (const section of ['forward', 'backward'] as const) {
    const members = view.nodes.filter((n) => n.section === section);
    if (members.length === 0) continue;
    out.push(
      `  subgraph cluster_${section} {`,
      `    label="${section}";`,
      '    style=dashed;',
      '    color="#94a3b8";',
    );
    for (const n of members) {
      out.push(`    ${n.id} [label=${dotString(n.lines)}, ${DOT_STYLE[n.kind]}];`);
    }
    out.push('  }');
  }
  for (const [from, to] of view.edges) out.push(`  ${from} -> ${to};`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

// ---- Mermaid --------------------------------------------------------------------------------

const MERMAID_ENTITY: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
};

/** A Mermaid quoted label: special characters as entity codes, `<br/>` between lines. */
function mermaidString(lines: readonly string[]): string {
  const esc = (l: string) => oneLine(l).replace(/["#&<>`]/g, (c) => MERMAID_ENTITY[c]!);
  return `"${lines.map(esc).join('<br/>')}"`;
}

const MERMAID_SHAPE: Record<Kind, readonly [string, string]> = {
  input: ['([', '])'],
  param: ['[(', ')]'],
  const: ['((', '))'],
  op: ['(', ')'],
  output: ['{{', '}}'],
};

const MERMAID_CLASS: Partial<Record<Kind, readonly [string, string]>> = {
  input: ['gInput', 'fill:#dbeafe,stroke:#1e40af'],
  param: ['gParam', 'fill:#fef3c7,stroke:#92400e'],
  const: ['gConst', 'fill:#f8fafc,stroke:#cbd5e1'],
  output: ['gOutput', 'fill:#dcfce7,stroke:#166534,stroke-width:2px'],
};

/** The graph as a Mermaid `flowchart TD`, with the forward and backward sections as subgraphs. */
export function toMermaid(
  outputs: Readonly<Record<string, Node>>,
  options: GraphViewOptions = {},
): string {
  const view = buildView(outputs, options);
  const out: string[] = ['flowchart TD'];
  if (view.title) out.push(`  %% ${oneLine(view.title)}`);
  for (const section of ['forward', 'backward'] as const) {
    const members = view.nodes.filter((n) => n.section === section);
    if (members.length === 0) continue;
    out.push(`  subgraph ${section} ["${section}"]`);
    for (const n of members) {
      const [open, close] = MERMAID_SHAPE[n.kind];
      out.push(`    ${n.id}${open}${mermaidString(n.lines)}${close}`);
    }
    out.push('  end');
  }
  for (const [from, to] of view.edges) out.push(`  ${from} --> ${to}`);
  for (const [kind, style] of Object.entries(MERMAID_CLASS)) {
    const members = view.nodes.filter((n) => n.kind === kind);
    if (!style || members.length === 0) continue;
    out.push(
      `  classDef ${style[0]} ${style[1]}`,
      `  class ${members.map((n) => n.id).join(',')} ${style[0]}`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function renderGraph(
  outputs: Readonly<Record<string, Node>>,
  format: GraphFormat,
  options: GraphViewOptions = {},
): string {
  return format === 'dot' ? toDot(outputs, options) : toMermaid(outputs, options);
}
