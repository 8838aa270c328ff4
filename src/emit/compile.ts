import { GradgenError, at } from '../errors.js';
import type { LeafNode, LeavesOf, Node, Rank, RankOf, Sure } from '../ir/node.js';
import { userCallSite } from '../ir/site.js';
import type { Shape } from '../ir/shape.js';
import type { InputsFor, InputValues } from '../ir/values.js';
import type { Dtype } from '../lower/lower.js';
import { emitModule, type EmitOptions } from './module.js';
import { checkOptions, type OptionSchema } from '../options.js';

/** What a compiled function's call takes besides its inputs. */
const CALL_OPTIONS: OptionSchema = { checkValues: { type: 'boolean' } };

/** Scalars come back as numbers, tensors as row-major typed arrays (of the compiled dtype). */
export type CompiledValue = number | Float64Array | Float32Array;
export type CompiledOutputs<K extends string> = Record<K, CompiledValue>;

/** The typed array a tensor output of dtype `D` comes back as. */
export type ArrayOf<D extends Dtype> = [D] extends ['float32']
  ? Float32Array
  : [D] extends ['float64']
    ? Float64Array
    : Float64Array | Float32Array;
/** The value an output of rank `R` comes back as. */
export type CompiledValueOf<R extends Rank, D extends Dtype> = [R] extends ['scalar']
  ? number
  : [R] extends ['tensor']
    ? ArrayOf<D>
    : number | ArrayOf<D>;
/** The result object of a function compiled from the outputs `O`. */
export type CompiledResults<O, D extends Dtype> = O extends unknown
  ? { readonly [K in keyof O]: CompiledValueOf<RankOf<O[K]>, D> }
  : never;
/** Its inputs object: the leaves the outputs read, or exactly `options.inputs` when given. */
export type CompiledInputs<O, I extends readonly Node[]> = [I] extends [never]
  ? InputsFor<LeavesOf<O[keyof O]>>
  : InputsFor<Sure<LeavesOf<I[number]>>>;

/** `emit`'s options, with the dtype and the inputs seen by the types of the compiled function. */
export type CompileOptions<
  D extends Dtype = Dtype,
  I extends readonly Node[] = readonly Node[],
> = Omit<EmitOptions, 'dtype' | 'inputs'> & {
  readonly dtype?: D | undefined;
  readonly inputs?: I | undefined;
};

/**
 * The call: `checkValues: false` skips the scan of every tensor value for NaN and ±Infinity
 * (types and shapes are still checked), for a hot loop whose inputs are known to be finite.
 * Declared as a method so that it is bivariant in its inputs: a typed function is also a plain
 * `CompiledFunction` (which takes any `InputValues`, checked at run time).
 */
type Call<In, Out> = {
  call(inputs: In, options?: { readonly checkValues?: boolean | undefined }): Out;
}['call'];

/**
 * A compiled gradgen function: call it with named inputs; it carries its source and signature.
 * `compile` fills in the inputs and results types from what the output nodes' types know.
 */
export interface CompiledFunction<
  K extends string = string,
  In = InputValues,
  Out = CompiledOutputs<K>,
> extends Call<In, Out> {
  /** The emitted TypeScript module text. */
  readonly source: string;
  /** Input names and shapes, in signature order. */
  readonly inputs: readonly { readonly name: string; readonly shape: Shape }[];
  /** Output names and shapes. */
  readonly outputs: Readonly<Record<K, Shape>>;
  readonly dtype: 'float64' | 'float32';
  /** Where its kernels run (`target` option). */
  readonly target: 'ts' | 'wasm';
  /**
   * Resolves when the function can be called: at once, except on the wasm target where the
   * engine compiles WebAssembly only asynchronously (a browser's main thread); a call before is
   * E_NOT_READY. It rejects (E_NO_WASM) where WebAssembly SIMD128 is missing.
   */
  readonly ready: Promise<void>;
  /**
   * The wasm target: lays the memory out anew for batches of up to `maxBatch` examples (what
   * `ready` set up holds the `maxBatch` option's, 1024 unless given). A call with a larger batch
   * does this itself where the engine instantiates synchronously, else it is E_BATCH_TOO_LARGE
   * until this resolves. On the TS target it does nothing (buffers grow by themselves).
   */
  setup(options: { readonly maxBatch: number }): Promise<void>;
  /**
   * The wasm target: the inputs its kernels read, as views of its memory for batches of up to
   * `maxBatch` examples — a call given `view.subarray(0, size)` copies nothing (an ordinary array
   * is copied in). `{}` on the TS target, which reads the caller's arrays where they are.
   */
  inputViews(): Readonly<Record<string, Float64Array | Float32Array>>;
  /** The graph nodes behind the inputs and outputs (for gradcheck and tools). */
  readonly graph: {
    readonly inputs: readonly LeafNode[];
    readonly outputs: Readonly<Record<K, Node>>;
  };
}

/**
 * Evaluates an emitted module's JavaScript (`EmittedModule.javascript`, a function body that
 * returns the module's exports) in-process; its error class extends {@link GradgenError}. Under a
 * Content-Security-Policy without 'unsafe-eval' (a browser, an extension) code cannot be
 * evaluated: that is `E_UNSUPPORTED`, pointing to `emit` and importing the module instead.
 */
export function loadModule(javascript: (errorBase: string) => string): Record<string, unknown> {
  const base = 'GradgenErrorBase';
  let factory: (errorBase: typeof GradgenError) => Record<string, unknown>;
  try {
    factory = new Function(base, javascript(base)) as typeof factory;
  } catch (e) {
    if (e instanceof SyntaxError) throw e;
    throw new GradgenError(
      'E_UNSUPPORTED',
      `compile: this environment does not allow evaluating generated code (${e instanceof Error ? e.message : String(e)}); a Content-Security-Policy without 'unsafe-eval' forbids it. Use emit(outputs, { name }) to write the module's TypeScript, build it with your app and import it instead${at(userCallSite())}`,
    );
  }
  return factory(GradgenError);
}

/**
 * Emits the TypeScript for `outputs`, loads it, and returns it as a function:
 * `compile({ J, da })({ a: 5, b: 3, c: 2 })` → `{ J: 33, da: 3 }`.
 */
export function compile<
  O extends Readonly<Record<string, Node>>,
  D extends Dtype = 'float64',
  const I extends readonly Node[] = never,
>(
  outputs: O,
  options: CompileOptions<D, I> = {},
): CompiledFunction<keyof O & string, CompiledInputs<O, I>, CompiledResults<O, D>> {
  type K = keyof O & string;
  const mod = emitModule(outputs, options, 'compile');
  const exports = loadModule(mod.javascript);
  const fn = exports[mod.functionName] as (
    i: unknown,
    o?: { readonly checkValues?: boolean },
  ) => CompiledOutputs<K>;
  const compiled = (inputs: InputValues, o?: { readonly checkValues?: boolean }) => {
    if (o !== undefined) checkOptions(mod.functionName, o, CALL_OPTIONS);
    return fn(inputs, o);
  };
  const outputShapes = Object.fromEntries(
    Object.entries(mod.outputs).map(([k, n]) => [k, (n as Node).shape]),
  ) as Record<K, Shape>;
  // The typed signature is what the output nodes' types know; the function checks at run time.
  const typed: CompiledFunction<K> = Object.assign(compiled, {
    source: mod.source,
    dtype: mod.program.dtype,
    target: mod.wasm ? ('wasm' as const) : ('ts' as const),
    ready: mod.wasm ? (exports[mod.wasm.ready] as Promise<void>) : Promise.resolve(),
    setup: mod.wasm
      ? (exports[mod.wasm.setup] as CompiledFunction['setup'])
      : () => Promise.resolve(),
    inputViews: mod.wasm
      ? (exports[mod.wasm.inputViews] as CompiledFunction['inputViews'])
      : () => ({}),
    inputs: mod.inputs.map((l) => ({ name: l.name, shape: l.shape })),
    outputs: outputShapes,
    graph: { inputs: mod.inputs, outputs: mod.outputs as Readonly<Record<K, Node>> },
  });
  return typed as never;
}
