import * as I from './interval.js';
import type { Attrs } from '../ir/node.js';
import { GradgenError, at } from '../errors.js';
import { formatShape, type Shape } from '../ir/shape.js';
import { forLoop, printed, type StructuralOp, type TensorValue } from './define.js';

const classesOf = (attrs: Attrs) => attrs.classes as number;
/** Labels given as numbers when the graph was built (no operand), else null. */
const fixedLabels = (attrs: Attrs) => attrs.labels as readonly number[] | null;

/** Why `label` is not a class index for `classes` classes, or undefined when it is one. */
export function labelProblem(label: number, classes: number): string | undefined {
  if (Number.isInteger(label) && label >= 0 && label < classes) return undefined;
  return `is not a class index (an integer in [0, ${classes}))`;
}

function checkedLabels(x: TensorValue, attrs: Attrs): ArrayLike<number> {
  const classes = classesOf(attrs);
  for (let i = 0; i < x.data.length; i++) {
    const problem = labelProblem(x.data[i]!, classes);
    if (problem) {
      throw new GradgenError(
        'E_BAD_LABEL',
        `oneHot: input '${String(attrs.input)}' has the label ${x.data[i]} at index ${i}, which ${problem}`,
      );
    }
  }
  return x.data;
}

/**
 * Integer class labels as one-hot columns: labels (1, m) — an input, or numbers fixed when the
 * graph is built — become a (C, m) tensor with a 1 in row `label` of each column. A label that is
 * not an integer in [0, C) is an error naming its index (at the module's boundary for an input).
 * Piecewise constant: no gradient flows to the labels. Each column sums to 1, which the rewrite
 * rules use (Σ over the classes of a one-hot is 1).
 */
export const oneHot: StructuralOp = {
  kind: 'structural',
  name: 'oneHot',
  arity: -1,
  commutative: false,
  smooth: false,
  shape: (args, attrs, site) => {
    const fixed = fixedLabels(attrs);
    if (fixed) return [classesOf(attrs), fixed.length];
    const [x] = args as [Shape];
    if (!(x.length === 1 || (x.length === 2 && x[0] === 1))) {
      throw new GradgenError(
        'E_SHAPE',
        `oneHot: labels ${formatShape(x)} must be one row of labels, (m) or (1, m)${at(site())}`,
      );
    }
    return [classesOf(attrs), x[x.length - 1]!];
  },
  eval: (args, attrs, [classes, n]) => {
    const labels = fixedLabels(attrs) ?? checkedLabels(args[0]!, attrs);
    const out = new Float64Array(classes! * n!);
    for (let j = 0; j < n!; j++) out[labels[j]! * n! + j] = 1;
    return out;
  },
  emit: (k) => {
    const [classes, n] = k.outDims as [string, string];
    const fixed = fixedLabels(k.attrs);
    const c = k.local('c');
    const j = k.local('j');
    // an input's labels were checked to be class indices when the call began
    let label: string;
    if (fixed) {
      const list = k.local('labels');
      k.line(`const ${list} = [${fixed.join(', ')}];`);
      label = `${list}[${j}]`;
    } else {
      label = k.load(0, k.args[0]!.dims.length === 1 ? [j] : ['0', j]);
    }
    k.line(forLoop(c, classes));
    k.line(forLoop(j, n));
    k.store([c, j], `+(${label} === ${c})`);
    k.line('}');
    k.line('}');
  },
  // labels are integers by contract (checked where they enter), so no perturbation of them is
  // meaningful and none crosses a kink a difference quotient could see
  kinks: () => [],
  range: () => I.interval(0, 1),
  math: (args, attrs) =>
    printed(
      `oneHot_${classesOf(attrs)}(${args[0]?.text ?? `[${fixedLabels(attrs)!.join(', ')}]`})`,
      5,
    ),
  jvp: () => null,
  vjp: ({ args }) => args.map(() => null),
};
