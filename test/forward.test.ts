/**
 * Forward mode (jvp), vjp of non-scalar outputs and Hessian-vector products (hvp) on the course
 * models: against differences of the compiled cost and gradient, the adjoint identity, grad∘grad
 * on tensor graphs, the API's errors, and what the compiled JVP and HVP cost.
 */
import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  constant,
  exp,
  grad,
  hvp,
  input,
  jvp,
  matmul,
  mul,
  param,
  Rng,
  sum,
  tanh,
  vjp,
  type InputValues,
  type Node,
  type ParamNode,
} from '../src/index.ts';
import * as deep from '../samples/deep.ts';
import * as logistic from '../samples/logisticRegression.ts';
import * as planar from '../samples/planar.ts';
import { expectError } from './expectError.ts';
import { costOf } from './forwardCost.ts';

interface CourseModel {
  readonly name: string;
  readonly J: Node;
  readonly params: readonly ParamNode[];
  readonly at: InputValues;
}

const MODELS: readonly CourseModel[] = [
  {
    name: 'planar',
    J: planar.J,
    params: [planar.W1, planar.b1, planar.W2, planar.b2] as ParamNode[],
    at: planar.example(),
  },
  {
    name: 'logisticRegression',
    J: logistic.J,
    params: [logistic.w, logistic.b] as ParamNode[],
    at: logistic.example(),
  },
  { name: 'deep', J: deep.J, params: [...deep.W, ...deep.b] as ParamNode[], at: deep.example() },
];

const sizeOf = (p: Node) => p.shape.reduce<number>((a, d) => a * (d as number), 1);
const tangentsOf = (params: readonly ParamNode[], prefix = 'v') =>
  params.map((p) => input(`${prefix}_${p.name}`, p.shape));

/** Seeded N(0, 1) values for each of `nodes` (by name). */
function randomValues(nodes: readonly Node[], seed: number): Record<string, Float64Array> {
  const rng = new Rng(seed);
  return Object.fromEntries(
    nodes.map((n) => [
      (n as ParamNode).name,
      Float64Array.from({ length: sizeOf(n) }, () => rng.normal()),
    ]),
  );
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const asArray = (v: number | ArrayLike<number>) => (typeof v === 'number' ? [v] : v);
const norm = (a: ArrayLike<number>) => Math.sqrt(dot(a, a));

/** The point moved by t·v along the params (v by param name). */
function moved(at: InputValues, v: Record<string, Float64Array>, t: number): InputValues {
  const out: Record<string, InputValues[string]> = { ...at };
  for (const [name, dir] of Object.entries(v)) {
    const base = asArray(at[name]!);
    out[name] = Float64Array.from(base, (x, i) => x + t * dir[i]!);
  }
  return out;
}

describe('jvp, vjp and hvp on the course models', () => {
  for (const model of MODELS) {
    const { J, params, at } = model;
    const vs = tangentsOf(params);
    const v = randomValues(vs, 11);
    const vByParam = Object.fromEntries(params.map((p) => [p.name, v[`v_${p.name}`]!]));
    const point = { ...at, ...v };

    it(`${model.name}: J·v matches central differences of J along v (h = 1e-6, relative 1e-6)`, () => {
      const f = compile(
        { J, dJ: jvp(J, params, vs) },
        { inputs: [...params, ...vs, ...leavesOf(J)] },
      );
      const dJ = f(point).dJ as number;
      const h = 1e-6;
      const Jp = f({ ...moved(at, vByParam, h), ...v }).J as number;
      const Jm = f({ ...moved(at, vByParam, -h), ...v }).J as number;
      const numerical = (Jp - Jm) / (2 * h);
      expect(Math.abs(dJ - numerical) / (Math.abs(dJ) + Math.abs(numerical))).toBeLessThan(1e-6);
    });

    it(`${model.name}: ⟨J·v, w⟩ = ⟨v, vjp(w)⟩ to 1e-12 relative (w a random cotangent)`, () => {
      const w = input('w_cost');
      const back = vjp(J, params, [w]);
      const f = compile({
        dJ: jvp(J, params, vs),
        ...Object.fromEntries(back.map((g, i) => [`g${i}`, g])),
      });
      const out = f({ ...point, w_cost: -1.7 }) as Record<string, number | Float64Array>;
      const forward = (out.dJ as number) * -1.7;
      const reverse = params.reduce(
        (s, p, i) => s + dot(v[`v_${p.name}`]!, asArray(out[`g${i}`]!)),
        0,
      );
      expect(Math.abs(forward - reverse) / (Math.abs(forward) + Math.abs(reverse))).toBeLessThan(
        1e-12,
      );
    });

    it(`${model.name}: H·v matches central differences of the gradient along v (h = 1e-5, relative 1e-6)`, () => {
      const grads = grad(J, params);
      const hv = hvp(J, params, vs);
      const g = compile(Object.fromEntries(grads.map((n, i) => [`g${i}`, n])), {
        inputs: leavesOf(J),
      });
      const H = compile(Object.fromEntries(hv.map((n, i) => [`h${i}`, n])), {
        inputs: [...leavesOf(J), ...vs],
      });
      const analytic = params.flatMap((_, i) => Array.from(asArray(H(point)[`h${i}`]!)));
      const h = 1e-5;
      const up = g(moved(at, vByParam, h));
      const upValues = params.flatMap((_, i) => Array.from(asArray(up[`g${i}`]!)));
      const down = g(moved(at, vByParam, -h));
      const numerical = params
        .flatMap((_, i) => Array.from(asArray(down[`g${i}`]!)))
        .map((d, k) => (upValues[k]! - d) / (2 * h));
      const err = norm(numerical.map((x, k) => x - analytic[k]!));
      expect(err / (norm(numerical) + norm(analytic))).toBeLessThan(1e-6);
    });

    it(`${model.name}: grad∘grad on a tensor graph: grad(⟨∇J, v⟩) = hvp(J, v) to 1e-12`, () => {
      const grads = grad(J, params);
      const inner = grads.reduce<Node>((s, gi, i) => add(s, sum(mul(gi, vs[i]!))), constant(0));
      const twice = grad(inner, params);
      const hv = hvp(J, params, vs);
      const f = compile({
        ...Object.fromEntries(twice.map((n, i) => [`a${i}`, n])),
        ...Object.fromEntries(hv.map((n, i) => [`b${i}`, n])),
      });
      const out = f(point);
      params.forEach((p, i) => {
        const a = asArray(out[`a${i}`]!);
        const b = asArray(out[`b${i}`]!);
        const diff = norm(Array.from(a, (x, k) => x - b[k]!));
        expect(diff, p.name).toBeLessThanOrEqual(1e-12 * (norm(a) + norm(b)));
      });
    });
  }
});

function leavesOf(n: Node): Node[] {
  const seen = new Set<Node>();
  const out: Node[] = [];
  const stack = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x.kind === 'input' || x.kind === 'param') out.push(x);
    if (x.kind === 'apply') stack.push(...x.args);
  }
  return out;
}

describe('what the compiled JVP and HVP cost (optimized, m = 64)', () => {
  // Forward mode needs both products of a layer's matmul (Ẇ·A and W·Ȧ) and the activation's
  // derivative: about twice the forward pass's FLOPs. In kernels it is up to 3×: the forward
  // fuses each layer's bias and activation into its matmul and its stable loss into one pass
  // (deep: 6 kernels), while each of a layer's tangent products is a kernel of its own (18).
  // Forward over reverse differentiates the gradient.
  for (const model of MODELS) {
    it(`${model.name}: JVP ≤ 2.5× the forward pass's FLOPs, ≤ 3× its kernels; HVP ≤ 2.5× the gradient's FLOPs, ≤ 3× its kernels`, () => {
      const { J, params } = model;
      const vs = tangentsOf(params);
      const forward = costOf({ J }, 64);
      const gradient = costOf(Object.fromEntries(grad(J, params).map((g, i) => [`g${i}`, g])), 64);
      const tangent = costOf({ dJ: jvp(J, params, vs) }, 64);
      const hessian = costOf(
        Object.fromEntries(hvp(J, params, vs).map((h, i) => [`h${i}`, h])),
        64,
      );
      expect(tangent.flops / forward.flops).toBeLessThanOrEqual(2.5);
      expect(tangent.kernels / forward.kernels).toBeLessThanOrEqual(3);
      expect(hessian.flops / gradient.flops).toBeLessThanOrEqual(2.5);
      expect(hessian.kernels / gradient.kernels).toBeLessThanOrEqual(3);
    });
  }
});

describe('the API', () => {
  const x = input('x', [2, 1]);
  const W = param('W', [3, 2]);
  const Z = tanh(matmul(W, x));
  const J = sum(exp(Z));

  it('jvp keeps the structure of its outputs: a node, an array, a record; 0 for what does not vary', () => {
    const vW = input('vW', [3, 2]);
    const y = input('y');
    expect(jvp(J, [W], [vW]).shape).toEqual([]);
    const [a, b] = jvp([Z, y], [W], [vW]);
    expect(a.shape).toEqual([3, 1]);
    expect(b).toBe(constant(0, []));
    const r = jvp({ Z, J }, [W], [vW]);
    expect(Object.keys(r)).toEqual(['Z', 'J']);
  });

  it('jvp: the tangent of a leaf is its seed; a broadcast operand’s tangent is broadcast', () => {
    const b = param('bb', [3, 1]);
    const vb = input('vbb', [3, 1]);
    const Zb = add(matmul(W, input('X', [2, 'm'])), b);
    const t = jvp(Zb, [b], [vb]);
    expect(t.shape).toEqual([3, 'm']);
    expect(jvp(b, [b], [vb])).toBe(vb);
  });

  it('jvp, vjp, hvp: E_GRAD_NOT_INPUT, E_SHAPE, E_BAD_ARGUMENT, E_GRAD_NONSCALAR', () => {
    const vW = input('vW', [3, 2]);
    expectError(() => jvp(J, [Z], [vW]), 'E_GRAD_NOT_INPUT', /jvp: input 1/);
    expectError(() => jvp(J, [W], [input('bad', [2, 3])]), 'E_SHAPE', /jvp: tangents 1.*\(2, 3\)/);
    expectError(() => jvp(J, [W], []), 'E_BAD_ARGUMENT', /1 tangents expected/);
    expectError(() => jvp(3 as never, [W], [vW]), 'E_BAD_ARGUMENT', /jvp: outputs/);
    expectError(() => vjp([Z], [W], [input('w', [3, 2])]), 'E_SHAPE', /vjp: cotangents 1/);
    expectError(() => hvp(Z, [W], [vW]), 'E_GRAD_NONSCALAR', /hvp/);
    expectError(() => hvp(J, [x, W], [vW]), 'E_BAD_ARGUMENT', /hvp: 2 tangents expected/);
  });

  it('vjp of a scalar with cotangent 1 is grad; of a record, the gradient of Σ⟨y, w⟩', () => {
    expect(vjp(J, [W], [constant(1)])[0]).toBe(grad(J, [W])[0]);
    const w = input('wZ', [3, 1]);
    const [a] = vjp({ Z, J }, [W], { Z: w, J: constant(2) });
    const [b] = grad(add(sum(mul(Z, w)), mul(2, J)), [W]);
    const at = { x: [0.3, -0.2], W: [0.1, 0.2, -0.3, 0.4, 0.5, -0.6], wZ: [1, -2, 0.5] };
    const out = compile({ a: a!, b: b! })(at);
    expect(Array.from(out.a as Float64Array)).toEqual(Array.from(out.b as Float64Array));
  });
});
