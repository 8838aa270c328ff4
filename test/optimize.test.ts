/**
 * The optimize issue's promises, on the course's models: the backward is as lean as the textbook's
 * vectorized backprop (counted in the lowered program), dZ = A − Y appears symbolically and in the
 * generated code, transposes are never copied, the cross-entropy of a sigmoid is stable, calls do
 * not allocate, and `explain` shows the work.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  compile,
  explain,
  formula,
  grad,
  input,
  optimize,
  sigmoid,
  type Node,
} from '../src/index.ts';
import { emitModule } from '../src/emit/module.ts';
import { toposort } from '../src/ir/graph.ts';
import { GradgenError } from '../src/errors.ts';
import { runPhase, rule, type Firing } from '../src/rewrite/engine.ts';
import { op, v } from '../src/rewrite/pattern.ts';
import * as B from '../src/builder/core.ts';
import * as LR from '../samples/logisticRegression.ts';
import * as planar from '../samples/planar.ts';
import * as deep from '../samples/deep.ts';

const root = new URL('../', import.meta.url).pathname;

/** Kernels and buffers of the backward: steps computing nodes the forward pass does not. */
function backwardStats(outputs: Record<string, Node>, forward: readonly Node[]) {
  const mod = emitModule(outputs, {});
  const optimizedJ = optimize({ J: outputs.J! }).outputs.J;
  const forwardNodes = new Set(toposort([optimizedJ, ...forward]));
  const kernels = mod.program.steps.filter((s) => s.kind === 'kernel');
  const backward = kernels.filter((s) => !forwardNodes.has(s.node));
  return {
    kernels: backward.length,
    buffers: new Set(backward.map((s) => s.buffer).filter(Boolean)).size,
    allKernels: kernels.map((s) => s.name),
    transposes: mod.program.steps.filter(
      (s) => s.node.kind === 'apply' && s.node.op === 'transpose',
    ).length,
    source: mod.source,
  };
}

describe('the backward is no bigger than the textbook vectorized backprop', () => {
  it('logistic regression: dZ = A − Y, dw = (1/m)·X·dZᵀ, db = (1/m)·Σ dZ → 3 loops, 3 buffers', () => {
    const s = backwardStats({ J: LR.J, dw: LR.dw!, db: LR.db! }, [LR.A]);
    expect(s.kernels).toBeLessThanOrEqual(3);
    expect(s.buffers).toBeLessThanOrEqual(3);
    expect(s.transposes).toBe(0);
  });

  it('planar 2-layer net: dZ2, dW2, db2, dZ1, dW1, db1 → 6 loops, 6 buffers', () => {
    const { J, dW1, db1, dW2, db2, A1, A2 } = planar;
    const s = backwardStats({ J, dW1: dW1!, db1: db1!, dW2: dW2!, db2: db2! }, [A1, A2]);
    expect(s.kernels).toBeLessThanOrEqual(6);
    expect(s.buffers).toBeLessThanOrEqual(6);
    expect(s.transposes).toBe(0);
  });

  it('deep [12288, 20, 7, 5, 1]: per layer dZ, dW, db, dA_prev → at most 4·L loops and buffers', () => {
    const outputs: Record<string, Node> = { J: deep.J };
    deep.dW.forEach((d, i) => (outputs[`dW${i + 1}`] = d));
    deep.db.forEach((d, i) => (outputs[`db${i + 1}`] = d));
    const s = backwardStats(outputs, [deep.AL]);
    expect(s.kernels).toBeLessThanOrEqual(4 * 4);
    expect(s.buffers).toBeLessThanOrEqual(4 * 4);
    expect(s.transposes).toBe(0);
  });
});

describe('dZ = A − Y emerges symbolically', () => {
  it('in the optimized graph and in explain', () => {
    const e = explain({ J: planar.J, dW2: planar.dW2!, db2: planar.db2! });
    expect(e.outputs.dW2!.formula).toBe('(1/m)·(dZ2·A1ᵀ)');
    expect(e.outputs.db2!.formula).toBe('(1/m)·Σ_1 dZ2');
    expect(e.outputs.dW2!.rules).toContain('rational-normalize');
    // the cost is in the stable logits form
    expect(e.outputs.J!.formula).toMatch(/softplus\(Z2\)/);
    expect(e.outputs.J!.rules).toEqual(
      expect.arrayContaining(['log-sigmoid', 'log-one-minus-sigmoid']),
    );
    expect(e.text).toMatch(/^dW2 = \(1\/m\)·\(dZ2·A1ᵀ\)  \[.*rational-normalize.*\]$/m);
    const dZ2 = optimize({ dW2: planar.dW2! }).outputs.dW2;
    const inner =
      dZ2.kind === 'apply'
        ? dZ2.args.find((a) => a.kind === 'apply' && a.op === 'matmul')
        : undefined;
    expect(inner && inner.kind === 'apply' && formula(inner.args[0]!, { useNames: true })).toBe(
      'A2 − Y',
    );
  });

  it('in the committed generated code', () => {
    expect(readFileSync(`${root}codegen/planar.ts`, 'utf8')).toMatch(
      /dZ2\[k\] = A2(\[k\]!)? - Y\[k\]!;/,
    );
    expect(readFileSync(`${root}codegen/logisticRegression.ts`, 'utf8')).toMatch(
      /dZ\[k\] = A(\[k\]!)? - Y\[k\]!;/,
    );
    expect(readFileSync(`${root}codegen/deep.ts`, 'utf8')).toMatch(
      /dZ4\[k\] = (AL|A4)(\[k\]!)? - Y\[k\]!;/,
    );
  });
});

describe('binary cross-entropy of a sigmoid is stable', () => {
  const z = input('zStable', [1, 'm']);
  const y = input('yStable', [1, 'm']);
  const J = binaryCrossEntropy(sigmoid(z), y);
  const [dz] = grad(J, [z]);
  const zs = [40, -40, 800, -800, 40, -40, 800, -800];
  const ys = [0, 1, 0, 1, 1, 0, 1, 0];
  const m = zs.length;
  // J = (1/m) Σ softplus(z) − y·z, exactly: confidently wrong costs |z|, confidently right ~e^−|z|
  const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  const expectedJ = zs.reduce((s, x, i) => s + softplus(x) - ys[i]! * x, 0) / m;
  const expectedDz = zs.map((x, i) => (1 / (1 + Math.exp(-x)) - ys[i]!) / m);

  for (const dtype of ['float64', 'float32'] as const) {
    it(`finite loss and correct gradients at z = ±40 and ±800 (${dtype})`, () => {
      const out = compile({ J, dz: dz! }, { dtype })({ zStable: zs, yStable: ys });
      expect(out.J as number).toBeCloseTo(expectedJ, 10);
      Array.from(out.dz as Float64Array).forEach((g, i) =>
        expect(g).toBeCloseTo(expectedDz[i]!, 7),
      );
    });
  }

  it('where the unoptimized form gives Inf/NaN', () => {
    const out = compile({ J, dz: dz! }, { optimize: false })({ zStable: zs, yStable: ys });
    const finite =
      Number.isFinite(out.J as number) && Array.from(out.dz as Float64Array).every(Number.isFinite);
    expect(finite).toBe(false);
  });
});

describe('stability rules see through layout ops', () => {
  it('log(reshape(σ(z))) and log(1 − transpose(σ(z))) become softplus forms', () => {
    const z = B.input('zLayout', [2, 3]);
    const a = optimize({ a: B.log(B.reshape(sigmoid(z), [6])) }).outputs.a;
    // log σ(z) = −softplus(−z) (not z − softplus(z): that is 0 at z = 40, not −4.2e-18)
    expect(formula(a)).toBe('−softplus(−zLayout)');
    const b = optimize({ b: B.log(B.sub(1, B.transpose(sigmoid(z)))) }).outputs.b;
    expect(formula(b)).toMatch(/softplus\(zLayout\)/);
    expect(formula(b)).not.toMatch(/σ|log/);
  });

  it('1 − σ(x) becomes σ(−x) unless σ(x) is reused', () => {
    const x = B.input('xOneMinus', [3]);
    expect(formula(optimize({ y: B.sub(1, sigmoid(x)) }).outputs.y)).toBe('σ(−xOneMinus)');
    const s = sigmoid(x);
    const both = optimize({ s, y: B.sub(1, s) }).outputs;
    expect(formula(both.y)).toBe('1 − σ(xOneMinus)');
  });
});

describe('memory', () => {
  it('10,000 calls of the compiled planar step leave the heap flat', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const { J, dW1, db1, dW2, db2 } = planar;
    const f = compile({ J, dW1: dW1!, db1: db1!, dW2: dW2!, db2: db2! });
    const point = planar.example();
    for (let i = 0; i < 200; i++) f(point); // warm up: buffers sized, code optimized
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 10_000; i++) f(point);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    // a single Float64Array(400) per call would be 32 MB over 10k calls
    expect(growth).toBeLessThan(256 * 1024);
  });

  it('the result object and its arrays are reused between calls', () => {
    const f = compile({ J: planar.J, dW1: planar.dW1! });
    const point = planar.example();
    const a = f(point);
    const b = f(point);
    expect(b).toBe(a);
    expect(b.dW1).toBe(a.dW1);
  });
});

describe('the rewrite engine', () => {
  it('reports a rule that cycles by name', () => {
    const x = B.input('cyc_x');
    const phase = {
      name: 'broken',
      rules: [
        // never settles: each firing makes a new node that the pattern matches again
        rule('grow', 'exp(a) → exp(a + 0.5)', op('exp', v('a')), ({ a }) => B.exp(B.add(a!, 0.5))),
      ],
    };
    let caught: unknown;
    try {
      runPhase([B.exp(x)], phase, []);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GradgenError);
    expect((caught as GradgenError).code).toBe('E_REWRITE_CYCLE');
    expect((caught as GradgenError).message).toMatch(/still firing: grow/);
  });

  it('a pass run by a rule inside a pass keeps its own record of what it rewrote', () => {
    const x = B.input('nest_x');
    const y = B.input('nest_y');
    // inner: tanh → σ; outer: exp(a) → log(a) with tanh → σ below a, which the rule works out by
    // running inner on its original operand, over nodes the outer pass has already rewritten
    const inner = {
      name: 'inner',
      rules: [rule('t2s', 'tanh(a) → σ(a)', op('tanh', v('a')), ({ a }) => B.sigmoid(a!))],
    };
    const outer = {
      name: 'outer',
      rules: [
        rule('exp-to-log', 'exp(a) → log(a)', op('exp', v('a')), (_b, _n, ctx) => {
          const [operand] = (ctx.original as Node & { kind: 'apply' }).args;
          const [done] = runPhase([operand!], inner, []);
          return B.log(done!);
        }),
      ],
    };
    const e1 = B.exp(B.tanh(x));
    const a1 = B.add(e1, 1);
    const log: Firing[] = [];
    const [out] = runPhase([B.sub(B.exp(a1), B.mul(a1, y))], outer, log);
    const a1After = B.add(B.log(B.sigmoid(x)), 1);
    expect(out).toBe(B.sub(B.log(a1After), B.mul(a1After, y)));
    // in one pass: e₁, exp(a₁), and the exp(σ(x)) its result has (a second pass would fire again)
    expect(log.map((f) => f.from)).toEqual([e1, B.exp(a1), B.exp(B.sigmoid(x))]);
  });

  it('optimize is pure and the emitted text deterministic', () => {
    const outputs = { J: planar.J, dW1: planar.dW1! };
    expect(optimize(outputs).outputs.dW1).toBe(optimize(outputs).outputs.dW1);
    expect(emitModule(outputs).source).toBe(emitModule(outputs).source);
  });
});
