/**
 * The compiled forward-mode functions of a cost the adjoint and Hessian checks call: its JVP (the
 * directional derivative J·v) and its HVP (H·v), each emitted and compiled in float64 like any
 * gradgen function, on first use.
 */
import { jvp } from '../autodiff/jvp.js';
import { hvp } from '../autodiff/vjp.js';
import * as B from '../builder/core.js';
import { compile } from '../emit/compile.js';
import { isDeclaredName, isLeaf, type LeafNode, type Node } from '../ir/node.js';
import type { InputValue, InputValues } from '../ir/values.js';

/** Per input name, a direction of that input's size. */
export type Directions = Readonly<Record<string, Float64Array>>;

export interface ForwardDerivatives {
  /** J·v at `at` along `v` (inputs missing from `v` do not move). */
  jvp(at: InputValues, v: Directions): number;
  /** H·v at `at`: one array per checked input. */
  hvp(at: InputValues, v: Directions): Record<string, Float64Array>;
}

/** A name for the direction input of `name` that no leaf of the model has. */
function directionName(name: string, taken: ReadonlySet<string>): string {
  let candidate = `v_${name}`;
  for (let k = 2; taken.has(candidate) || isDeclaredName(candidate); k++)
    candidate = `v_${name}_${k}`;
  return candidate;
}

/** The JVP and HVP of `cost` with respect to `wrt`, compiled lazily. */
export function forwardDerivatives(
  cost: Node,
  inputs: readonly Node[],
  wrt: readonly LeafNode[],
): ForwardDerivatives {
  const taken = new Set(inputs.filter(isLeaf).map((l) => l.name));
  const vs = wrt.map((x) => {
    const v = B.input(directionName(x.name, taken), x.shape);
    taken.add(v.name);
    return v;
  });
  const all = [...inputs, ...vs];
  // every direction input gets a value: the given direction, or zeros (that input does not move)
  const args = (at: InputValues, v: Directions): InputValues => {
    const x: Record<string, InputValue> = { ...at };
    wrt.forEach((w, i) => {
      const value = at[w.name]!;
      const dir = v[w.name] ?? new Float64Array(typeof value === 'number' ? 1 : value.length);
      x[vs[i]!.name] = typeof value === 'number' ? dir[0]! : dir;
    });
    return x;
  };
  let jvpFn: ReturnType<typeof compile> | undefined;
  let hvpFn: ReturnType<typeof compile> | undefined;
  return {
    jvp(at, v) {
      jvpFn ??= compile({ dJ: jvp(cost, wrt, vs) }, { inputs: all, name: 'costJvp' });
      return jvpFn(args(at, v)).dJ as number;
    },
    hvp(at, v) {
      if (!hvpFn) {
        const hv = hvp(cost, wrt, vs);
        const outputs = Object.fromEntries(wrt.map((w, i) => [`Hv_${i}`, hv[i]!]));
        hvpFn = compile(outputs, { inputs: all, name: 'costHvp' });
      }
      const out = hvpFn(args(at, v));
      return Object.fromEntries(
        wrt.map((w, i) => {
          const r = out[`Hv_${i}`]!;
          return [w.name, typeof r === 'number' ? Float64Array.of(r) : Float64Array.from(r)];
        }),
      );
    },
  };
}
