/**
 * A strict consumer of the published types (test/types.test.ts compiles it against the built
 * package). Every `@ts-expect-error` must be used, and every `same<A, B>()` must hold.
 */
import {
  add,
  broadcastTo,
  compile,
  compileTraining,
  constant,
  defineGraph,
  dense,
  binaryCrossEntropy,
  evaluate,
  gradcheck,
  grad,
  input,
  matmul,
  mean,
  meanSquaredError,
  mul,
  param,
  pow,
  reshape,
  sgd,
  sum,
  transpose,
  where,
  type CompiledFunction,
  type CompiledValue,
  type InputValues,
  type Node,
  type RankOf,
  type TensorInput,
} from 'gradgen';

/** Compiles only when A and B are the same type. */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<A, B>(..._proof: Same<A, B> extends true ? [] : [never]): void {}

// ---- the README's example -----------------------------------------------------------------
const a = input('a'),
  b = input('b'),
  c = input('c');
const J = mul(3, add(a, mul(b, c)));
const [da, db, dc] = grad(J, [a, b, c]);
const nodes: Node[] = [da, db, dc]; // three Nodes, not Node | undefined
same<RankOf<typeof da>, 'scalar'>();
const f = compile({ J, da, db, dc });
same<Parameters<typeof f>[0], { readonly a: number; readonly b: number; readonly c: number }>();
const r = f({ a: 5, b: 3, c: 2 });
same<
  typeof r,
  { readonly J: number; readonly da: number; readonly db: number; readonly dc: number }
>();
const j: number = r.J + r.da;
// @ts-expect-error -- a misspelled input name
f({ a: 5, b: 3, cc: 2 });
// @ts-expect-error -- a missing input
f({ a: 5, b: 3 });
// @ts-expect-error -- a scalar input given an array
f({ a: 5, b: 3, c: [2] });
f({ a: 5, b: 3, c: 2 }, { checkValues: false });
const e = evaluate({ J, da }, { a: 5, b: 3, c: 2 });
same<typeof e, { J: number; da: number }>();
const e1: number = evaluate(J, { a: 5, b: 3, c: 2 });
// @ts-expect-error -- evaluate needs what J reads
evaluate(J, { a: 5, b: 3 });
gradcheck(J, { a: 5, b: 3, c: 2 });
gradcheck(f, { a: 5, b: 3, c: 2 });
const plain: CompiledFunction = f; // a typed function is also a plain one
const byName = new Map<string, CompiledFunction>([['f', f]]);

// ---- a gradient alone may read fewer inputs than its cost: they are optional ------------------
const g = compile({ db }); // db = 3c reads only c
same<Parameters<typeof g>[0], { readonly a?: number; readonly b?: number; readonly c?: number }>();
// @ts-expect-error -- still no unknown names
g({ cc: 2 });
const g2 = compile({ db }, { inputs: [a, b, c] }); // declared inputs are all required
same<Parameters<typeof g2>[0], { readonly a: number; readonly b: number; readonly c: number }>();

// ---- tensors -------------------------------------------------------------------------------
const X = input('X', [2, 'm']);
const Y = input('Y', [1, 'm']);
const W = param('W', [1, 2], { init: 'xavier' });
const bias = param('bias', [1, 1], { init: 'zeros' });
const A = dense(X, W, bias, 'sigmoid');
const L = binaryCrossEntropy(A, Y);
const [dW, dbias] = grad(L, [W, bias]);
same<RankOf<typeof A>, 'tensor'>();
same<RankOf<typeof L>, 'scalar'>();
const t = compile({ L, dW, dbias, A });
same<
  Parameters<typeof t>[0],
  {
    readonly X: TensorInput;
    readonly W: TensorInput;
    readonly bias: TensorInput;
    readonly Y: TensorInput;
  }
>();
const data = { X: new Float64Array(8), Y: new Float32Array(4), W: [0.1, 0.2], bias: [0] };
const tr = t(data);
same<
  typeof tr,
  {
    readonly L: number;
    readonly dW: Float64Array;
    readonly dbias: Float64Array;
    readonly A: Float64Array;
  }
>();
const t32 = compile({ L, A }, { dtype: 'float32' });
same<ReturnType<typeof t32>, { readonly L: number; readonly A: Float32Array }>();
const dtype: 'float64' | 'float32' = Math.random() < 0.5 ? 'float64' : 'float32';
const tAny = compile({ A }, { dtype });
same<ReturnType<typeof tAny>, { readonly A: Float64Array | Float32Array }>();
// @ts-expect-error -- a tensor input given a number
t({ ...data, X: 1 });
const custom = dense(X, W, bias, (z) => mul(z, param('scale')));
declare const act: 'relu' | ((z: Node) => Node);
const unknownActivation = dense(X, W, bias, act); // a function typed (z: Node) => Node
same<Parameters<ReturnType<typeof compile<{ u: typeof unknownActivation }>>>[0], InputValues>();
same<Parameters<ReturnType<typeof compile<{ custom: typeof custom }>>>[0]['scale'], number>();

// ---- the README's "What the types know" -------------------------------------------------------
{
  const X = input('X', [2, 'm']),
    Y = input('Y', [1, 'm']);
  const W = param('W', [1, 2]),
    b = param('b', [1, 1]);
  const A = dense(X, W, b, 'sigmoid');
  const J = meanSquaredError(A, Y);
  const [dW, db] = grad(J, [W, b]);
  const g = compile({ J, A, dW, db }, { dtype: 'float32' });
  const out = g({ X: new Float32Array(8), Y: [0, 1, 1, 0], W: [0.1, 0.2], b: [0] });
  same<
    Parameters<typeof g>[0],
    {
      readonly X: TensorInput;
      readonly Y: TensorInput;
      readonly W: TensorInput;
      readonly b: TensorInput;
    }
  >();
  same<
    typeof out,
    {
      readonly J: number;
      readonly A: Float32Array;
      readonly dW: Float32Array;
      readonly db: Float32Array;
    }
  >();
}

// ---- ranks through the ops -------------------------------------------------------------------
same<RankOf<ReturnType<typeof sum<typeof X>>>, 'scalar'>();
const s0 = sum(X, { axis: 0 }); // rank not known without shapes in the types
const s1 = sum(X, { axis: 1, keepdims: true });
const m0 = mean(X);
same<RankOf<typeof s0>, 'scalar' | 'tensor'>();
same<RankOf<typeof s1>, 'tensor'>();
same<RankOf<typeof m0>, 'scalar'>();
same<RankOf<ReturnType<typeof reshape<typeof J, []>>>, 'scalar'>();
same<RankOf<ReturnType<typeof reshape<typeof J, [1, 1]>>>, 'tensor'>();
const mm = matmul(W, X);
same<RankOf<typeof mm>, 'tensor'>();
same<RankOf<ReturnType<typeof transpose<typeof mm>>>, 'tensor'>();
const bc = broadcastTo(a, [2, 'm']);
same<RankOf<typeof bc>, 'tensor'>();
const fl = a.add(X).mul(2).sigmoid().named('fl');
same<RankOf<typeof fl>, 'tensor'>();
same<RankOf<ReturnType<typeof a.mul<typeof a, typeof b>>>, 'scalar'>();
const w = where(a, X, 0);
same<RankOf<typeof w>, 'tensor'>();
const one = compile({ one: pow(a, 0) }); // x⁰ = 1 reads nothing
same<Parameters<typeof one>[0], {}>();
const cst = compile({ k: constant(2, [3]) });
same<ReturnType<typeof cst>, { readonly k: Float64Array }>();
const ev = evaluate({ L, A }, data);
same<typeof ev, { L: number; A: Float64Array }>();

// ---- untyped nodes fall back to the loose types ------------------------------------------------
const loose: Node = J;
const h = compile({ loose });
same<Parameters<typeof h>[0], InputValues>();
same<ReturnType<typeof h>, { readonly loose: number | Float64Array }>();
const h32 = compile({ loose }, { dtype: 'float32' });
same<ReturnType<typeof h32>, { readonly loose: number | Float32Array }>();
const hAny = compile({ loose }, { dtype });
same<ReturnType<typeof hAny>, { readonly loose: CompiledValue }>();
h({ anything: 1 });
const named = input(String('dynamic'));
same<Parameters<ReturnType<typeof compile<{ named: typeof named }>>>[0], InputValues>();

// ---- models and training take typed nodes ------------------------------------------------------
const model = defineGraph({ name: 'costJ', outputs: { J, da }, example: { a: 5, b: 3, c: 2 } });
const trainer = compileTraining({
  loss: L,
  outputs: { A },
  optimizer: sgd({ learningRate: 0.5 }),
});
const state = trainer.init(1);
trainer.step(state, data);

export { plain, byName, nodes, j, e1, model, s0, mm, w, ev, custom, unknownActivation };
