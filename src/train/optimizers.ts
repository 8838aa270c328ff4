/**
 * Optimizers as graph fragments: each turns a parameter W, its gradient g and its state into the
 * updated values, with the published formulas (course notation):
 * - sgd:       W ← W − α·g
 * - momentum:  v ← βv + (1 − β)g;            W ← W − α·v
 * - rmsprop:   s ← βs + (1 − β)g²;           W ← W − α·g/(√s + ε)
 * - adam:      m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;
 *              m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ);  W ← W − α·m̂/(√v̂ + ε)   (Kingma & Ba)
 * α (after decay) and Adam's bias corrections are scalar inputs set by the trainer each step.
 */
import * as B from '../builder/core.js';
import type { Node } from '../ir/node.js';
import { rememberCallSite } from '../ir/site.js';
import { checkOptions, type OptionRule, type OptionSchema } from '../options.js';
import type { Decay, OptimizerSpec } from '../runtime/rng.js';

export type { Decay, OptimizerSpec } from '../runtime/rng.js';
export { learningRateAt } from '../runtime/rng.js';

const LEARNING_RATE = { type: 'number', min: 0, required: true } as const;
/** β in [0, 1): at 1 the average never moves (and Adam's bias correction 1/(1 − βᵗ) is infinite). */
const BETA = { type: 'number', min: 0, below: 1 } as const;
const EPSILON = { type: 'number', min: 0, max: 1 } as const;
const RATE = { type: 'number', min: 0, required: true } as const;

/** Learning-rate decay schedules, by kind (see {@link Decay}). */
const DECAY: OptionRule = {
  type: 'variant',
  by: 'kind',
  schemas: {
    inverse: { kind: { type: 'string' }, rate: RATE },
    exponential: {
      kind: { type: 'string' },
      rate: { type: 'number', above: 0, max: 1, required: true },
    },
    staircase: {
      kind: { type: 'string' },
      rate: RATE,
      every: { type: 'number', integer: true, min: 1, required: true },
    },
    sqrt: { kind: { type: 'string' }, k: { type: 'number', above: 0, required: true } },
  },
};

/** What each optimizer function takes. */
const OPTIONS = {
  sgd: { learningRate: LEARNING_RATE, decay: DECAY },
  momentum: { learningRate: LEARNING_RATE, beta: BETA, decay: DECAY },
  rmsprop: { learningRate: LEARNING_RATE, beta: BETA, epsilon: EPSILON, decay: DECAY },
  adam: { learningRate: LEARNING_RATE, beta1: BETA, beta2: BETA, epsilon: EPSILON, decay: DECAY },
} as const satisfies Record<OptimizerSpec['kind'], OptionSchema>;

/**
 * An optimizer spec as the training functions take it (what sgd(…), … return): its kind, and
 * every hyperparameter of that kind present and in range. Built from {@link OPTIONS}.
 */
export const OPTIMIZER_SPEC: OptionRule = {
  type: 'variant',
  by: 'kind',
  schemas: Object.fromEntries(
    Object.entries(OPTIONS).map(([kind, schema]) => [
      kind,
      {
        kind: { type: 'string' },
        ...Object.fromEntries(
          Object.entries(schema).map(([key, rule]) => [
            key,
            key === 'decay' ? rule : { ...rule, required: true },
          ]),
        ),
      } as OptionSchema,
    ]),
  ),
};

export function sgd(o: { learningRate: number; decay?: Decay }): OptimizerSpec {
  checkOptions('sgd', o, OPTIONS.sgd);
  return rememberCallSite({ kind: 'sgd' as const, ...definedOf(o) });
}

export function momentum(o: { learningRate: number; beta?: number; decay?: Decay }): OptimizerSpec {
  checkOptions('momentum', o, OPTIONS.momentum);
  return rememberCallSite({ kind: 'momentum' as const, beta: 0.9, ...definedOf(o) });
}

export function rmsprop(o: {
  learningRate: number;
  beta?: number;
  epsilon?: number;
  decay?: Decay;
}): OptimizerSpec {
  checkOptions('rmsprop', o, OPTIONS.rmsprop);
  return rememberCallSite({
    kind: 'rmsprop' as const,
    beta: 0.999,
    epsilon: 1e-8,
    ...definedOf(o),
  });
}

export function adam(o: {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  decay?: Decay;
}): OptimizerSpec {
  checkOptions('adam', o, OPTIONS.adam);
  return rememberCallSite({
    kind: 'adam' as const,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
    ...definedOf(o),
  });
}

/** `o` without its undefined entries (`{ beta: undefined }` keeps the default). */
function definedOf<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The state slots an optimizer keeps per parameter (`v`, `s`, `m`), each of the parameter's shape. */
export function stateSlots(spec: OptimizerSpec): readonly string[] {
  switch (spec.kind) {
    case 'sgd':
      return [];
    case 'momentum':
      return ['v'];
    case 'rmsprop':
      return ['s'];
    case 'adam':
      return ['m', 'v'];
  }
}

/** The scalar inputs of the update: α, and Adam's bias corrections 1/(1 − β₁ᵗ), 1/(1 − β₂ᵗ). */
export interface UpdateInputs {
  readonly lr: Node;
  readonly c1: Node;
  readonly c2: Node;
}

/** The optimizer's new state for a parameter (v, s, or Adam's m and v) from its gradient g. */
export function nextState(
  spec: OptimizerSpec,
  g: Node,
  state: Readonly<Record<string, Node>>,
): Record<string, Node> {
  switch (spec.kind) {
    case 'sgd':
      return {};
    case 'momentum':
      return { v: B.add(B.mul(spec.beta!, state.v!), B.mul(1 - spec.beta!, g)) };
    case 'rmsprop':
      return { s: B.add(B.mul(spec.beta!, state.s!), B.mul(1 - spec.beta!, B.square(g))) };
    case 'adam': {
      const b1 = spec.beta1!;
      const b2 = spec.beta2!;
      return {
        m: B.add(B.mul(b1, state.m!), B.mul(1 - b1, g)),
        v: B.add(B.mul(b2, state.v!), B.mul(1 - b2, B.square(g))),
      };
    }
  }
}

/** W's new value from its gradient g and the optimizer's new state `next` (see {@link nextState}). */
export function nextParam(
  spec: OptimizerSpec,
  W: Node,
  g: Node,
  next: Readonly<Record<string, Node>>,
  hyper: UpdateInputs,
): Node {
  const { lr } = hyper;
  switch (spec.kind) {
    case 'sgd':
      return B.sub(W, B.mul(lr, g));
    case 'momentum':
      return B.sub(W, B.mul(lr, next.v!));
    case 'rmsprop':
      return B.sub(W, B.div(B.mul(lr, g), B.add(B.sqrt(next.s!), spec.epsilon!)));
    case 'adam': {
      const mHat = B.mul(hyper.c1, next.m!);
      const vHat = B.mul(hyper.c2, next.v!);
      return B.sub(W, B.div(B.mul(lr, mHat), B.add(B.sqrt(vHat), spec.epsilon!)));
    }
  }
}
