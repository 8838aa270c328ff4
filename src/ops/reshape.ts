import { GradgenError, at } from '../errors.ts';
import { formatShape, type Shape } from '../ir/shape.ts';
import { printed, PREC, type StructuralOp } from './define.ts';

function sizes(shape: Shape): { fixed: number; symbolic: string[] } {
  let fixed = 1;
  const symbolic: string[] = [];
  for (const d of shape) {
    if (typeof d === 'number') fixed *= d;
    else symbolic.push(d);
  }
  return { fixed, symbolic };
}

/** Same elements in the same (row-major) order, another shape. Free: it aliases its operand. */
export const reshape: StructuralOp = {
  kind: 'structural',
  name: 'reshape',
  arity: 1,
  commutative: false,
  smooth: true,
  shape: ([x], attrs, site) => {
    const target = attrs.shape as Shape;
    const a = sizes(x!);
    const b = sizes(target);
    if (a.fixed !== b.fixed || a.symbolic.join() !== b.symbolic.join()) {
      throw new GradgenError(
        'E_SHAPE',
        `reshape: ${formatShape(x!)} cannot become ${formatShape(target)}: the element counts differ${at(site())}`,
      );
    }
    return target;
  },
  eval: ([x]) => x!.data,
  emit: (k) => {
    const [x] = k.args;
    if (k.outIsScalar === x!.isScalar) k.line(`const ${k.out} = ${x!.ref};`);
    else if (k.outIsScalar) k.line(`const ${k.out} = ${x!.ref}[0];`);
    else k.line(`const ${k.out} = ${k.alloc('1')}.fill(${x!.ref});`);
  },
  range: ([a]) => a!,
  math: ([x]) => x!,
  vjp: ({ g, args: [x], b }) => [b.reshape(g, x!.shape)],
};
