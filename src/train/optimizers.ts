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
import { GradgenError, at } from '../errors.js';
import type { Node } from '../ir/node.js';
import { rememberCallSite, userCallSite } from '../ir/site.js';
import type { Decay, OptimizerSpec } from '../runtime/rng.js';

export type { Decay, OptimizerSpec } from '../runtime/rng.js';
export { learningRateAt } from '../runtime/rng.js';

function check(
  kind: string,
  values: Record<string, number | undefined>,
  ranges: Record<string, [number, number]>,
) {
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const [lo, hi] = ranges[key]!;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
      throw new GradgenError(
        'E_BAD_OPTION',
        `${kind}: ${key} must be a number in [${lo}, ${hi}], got ${String(v)}${at(userCallSite())}`,
      );
    }
  }
}

const LR: [number, number] = [0, Infinity];
const BETA: [number, number] = [0, 1];
const EPS: [number, number] = [0, 1];

export function sgd(o: { learningRate: number; decay?: Decay }): OptimizerSpec {
  check('sgd', { learningRate: o.learningRate }, { learningRate: LR });
  return rememberCallSite({ kind: 'sgd', ...o });
}

export function momentum(o: { learningRate: number; beta?: number; decay?: Decay }): OptimizerSpec {
  const spec = { kind: 'momentum' as const, beta: 0.9, ...o };
  check(
    'momentum',
    { learningRate: spec.learningRate, beta: spec.beta },
    { learningRate: LR, beta: BETA },
  );
  return rememberCallSite(spec);
}

export function rmsprop(o: {
  learningRate: number;
  beta?: number;
  epsilon?: number;
  decay?: Decay;
}): OptimizerSpec {
  const spec = { kind: 'rmsprop' as const, beta: 0.999, epsilon: 1e-8, ...o };
  check(
    'rmsprop',
    { learningRate: spec.learningRate, beta: spec.beta, epsilon: spec.epsilon },
    { learningRate: LR, beta: BETA, epsilon: EPS },
  );
  return rememberCallSite(spec);
}

export function adam(o: {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  decay?: Decay;
}): OptimizerSpec {
  const spec = { kind: 'adam' as const, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, ...o };
  check(
    'adam',
    {
      learningRate: spec.learningRate,
      beta1: spec.beta1,
      beta2: spec.beta2,
      epsilon: spec.epsilon,
    },
    { learningRate: LR, beta1: BETA, beta2: BETA, epsilon: EPS },
  );
  return rememberCallSite(spec);
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
