/**
 * What the comments of an emitted module cite, and whether the module declares it. The module's
 * own part is checked (the training runtime pasted after `// ---- the training runtime` is the
 * same text in every module, prose about itself): every `//` comment there and the formulas of
 * the header's output list.
 *
 * A cited identifier is a token of a comment's math that looks like a variable: it matches the
 * emitted names' pattern (`[A-Za-z_$][\w$]*`: `Z1`, `dW1`, `opt_m_W1`, `t3`, `e_2`, `m`), and it is
 * not
 * - a function of the math (`σ(Z2)`, `relu(Z1)`, `softplus(…)`: a name directly before `(`),
 * - the tail of a symbol or a number (`Σ_1`, `1e-8`: a name right after a letter, digit or `.`),
 * - in a call site (`[samples/planar.ts:30]` is stripped first),
 * - `Infinity` or `NaN` (constants of the math).
 * Superscripts and the transpose mark end a name (`A1²`, `Xᵀ`). The skeleton's prose comments
 * cite the names in their variable part only: `holds output K, L` cites K and L, `batch size,
 * from X` cites X, a pipelined pair's `in one pass over the rows of X: this kernel also computes
 * P (above)` cites X and P; the other prose comments (`the batch size the buffers are laid out for`,
 * section rulers `// ---- …`) cite nothing.
 */
import { ts } from 'ts-morph';

const RUNTIME_MARKER = '// ---- the training runtime';
const NAME = /(?<![\p{L}\p{N}_$.])[A-Za-z_$][\w$]*(?![\w$]|\()/gu;
const CONSTANTS = new Set(['Infinity', 'NaN']);
const SITE = /\s+\[[^\]]*:\d+\]$/;

/** The module's own text: everything before the pasted runtime. */
export function ownPart(source: string): string {
  const at = source.indexOf(RUNTIME_MARKER);
  return at < 0 ? source : source.slice(0, at);
}

/** The identifiers a piece of comment math cites. */
export function namesInMath(math: string): string[] {
  return [...math.replace(SITE, '').matchAll(NAME)]
    .map((m) => m[0])
    .filter((n) => !CONSTANTS.has(n));
}

/** The identifiers one `//` comment (its text after `//`) cites. */
export function namesInComment(text: string): string[] {
  const t = text.trim();
  const outputs = /^holds outputs? (.*)$/.exec(t);
  if (outputs) return outputs[1]!.split(/,\s*/);
  const batch = /^batch size, from (\S+)$/.exec(t);
  if (batch) return [batch[1]!];
  // a pipelined pair's (src/kernel/pipeline.ts): the X both read, and the product
  const pass =
    /^in one pass over the rows of (\S+): this kernel also computes (\S+) \(above\)$/.exec(t);
  if (pass) return [pass[1]!, pass[2]!];
  if (t === 'computed by the next kernel, from its result') return [];
  if (t.startsWith('----') || t.startsWith('the batch size the buffers')) return [];
  return namesInMath(t);
}

/** The `//` comments of a text (not inside strings), as their text after `//`. */
export function lineComments(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard);
  scanner.setText(source);
  const comments: string[] = [];
  // open braces inside each `${` of the template literals being scanned (innermost last)
  const templates: number[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.SingleLineCommentTrivia) comments.push(scanner.getTokenText().slice(2));
    else if (k === ts.SyntaxKind.TemplateHead) templates.push(0);
    else if (k === ts.SyntaxKind.OpenBraceToken && templates.length)
      templates[templates.length - 1]!++;
    else if (k === ts.SyntaxKind.CloseBraceToken && templates.length) {
      if (templates[templates.length - 1] === 0) {
        // the end of a `${…}`: the template literal goes on (its middle and tail are rescanned)
        if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) templates.pop();
      } else templates[templates.length - 1]!--;
    }
  }
  return comments;
}

/** The formulas of the header's output lines (`*   dW1 = (1/m)·(dZ1·Xᵀ)  (4, 2)`). */
export function headerFormulas(source: string): string[] {
  const end = source.indexOf('*/');
  if (!source.startsWith('/**') || end < 0) return [];
  const lines = source.slice(0, end).split('\n');
  const formulas: string[] = [];
  let inOutputs = false;
  for (const line of lines) {
    const text = line.replace(/^\s*\*\s?/, '');
    if (/^Outputs\b/.test(text)) inOutputs = true;
    else if (inOutputs && /^ {2}\S/.test(text)) {
      const m = /^\s*[\w$]+ = (.*?)(?: {2}\([^()]*\))?$/.exec(text);
      if (m) formulas.push(m[1]!);
    } else inOutputs = false;
  }
  return formulas;
}

/** Every name the module declares: variables, functions, classes, parameters, class fields. */
export function declaredNames(source: string): Set<string> {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.ES2022, true);
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

export interface Citation {
  readonly name: string;
  /** The comment or header formula that cites it. */
  readonly where: string;
}

/** The names the module's comments and header formulas cite that it does not declare. */
export function undeclaredCitations(source: string): Citation[] {
  const declared = declaredNames(source);
  const own = ownPart(source);
  const cited: Citation[] = [
    ...lineComments(own).flatMap((c) => namesInComment(c).map((name) => ({ name, where: c }))),
    ...headerFormulas(own).flatMap((f) => namesInMath(f).map((name) => ({ name, where: f }))),
  ];
  return cited.filter((c) => !declared.has(c.name));
}
