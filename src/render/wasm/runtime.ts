import { MATH_FNS } from '../../kernel/expr.js';

/**
 * The few WebAssembly host calls the kernels need, typed here because gradgen compiles without
 * the DOM lib (the global `WebAssembly` is there in Node 20+, Bun, Deno and browsers).
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (desc: { initial: number; maximum?: number }) => WasmMemory;
}

export const wasmApi = (): WasmApi =>
  (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * A module with one function `(param v128) (result v128)` doing f64x2.add of its param with
 * itself: valid only where SIMD128 is supported.
 */
// prettier-ignore
const SIMD_PROBE = Uint8Array.of(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x06, 0x01, 0x60, 0x01, 0x7b, 0x01, 0x7b, // type section: (v128) -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x0b, 0x01, 0x09, 0x00, 0x20, 0x00, 0x20, 0x00, 0xfd, 0xf0, 0x01, 0x0b, // code: f64x2.add
);

let simd: boolean | undefined;

/** Whether this engine runs WebAssembly SIMD128 (probed once with `WebAssembly.validate`). */
export function simdSupported(): boolean {
  if (simd === undefined) {
    try {
      simd = typeof wasmApi() === 'object' && wasmApi().validate(SIMD_PROBE);
    } catch {
      simd = false;
    }
  }
  return simd;
}

/** The probe's bytes (for tests: a module that is SIMD-only). */
export const simdProbeBytes = (): Uint8Array => SIMD_PROBE.slice();

/** Math's functions that kernel modules import (./expr.ts's MATH_FNS), by name. */
const MATH_ENV = Object.fromEntries(MATH_FNS.map((fn) => [fn, Math[fn]]));

/**
 * Compiles and instantiates `bytes` synchronously against `memory`, Math's functions and further
 * `env` imports. (Synchronous compilation: fine in Node, Bun, Deno and workers; Chromium's main
 * thread refuses modules over 8 MB (4 KB before), where the renderer must use
 * WebAssembly.compile.)
 */
export function instantiate(
  bytes: Uint8Array,
  memory: WasmMemory,
  env: Record<string, unknown> = {},
): Record<string, unknown> {
  const api = wasmApi();
  return new api.Instance(new api.Module(bytes), { env: { memory, ...MATH_ENV, ...env } }).exports;
}
