/**
 * The files the benchmark's child processes (./moduleRunner.ts under plain node, ./numpyPeer.py
 * under python3) read and write: raw little-endian float64, no header.
 *   data.bin:    X (n_x, m), Y (1, m), then W1, b1, W2, b2, … (row-major, W[l] is (n_l, n_{l−1}))
 *   out-<k>.bin: contender k's gradients at those parameters, then its parameters after one step,
 *                both in the order W1, b1, W2, b2, …
 * Node builtins only: ./moduleRunner.ts imports this from its temporary folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export type Named = Record<string, Float64Array>;

export function writeF64(file: string, arrays: readonly ArrayLike<number>[]): void {
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const flat = new Float64Array(total);
  let at = 0;
  for (const a of arrays) {
    flat.set(a, at);
    at += a.length;
  }
  writeFileSync(file, new Uint8Array(flat.buffer));
}

export function readF64(file: string): Float64Array {
  const bytes = readFileSync(file);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Float64Array(copy.buffer);
}

/** The sizes of W1, b1, W2, b2, … for `layers`. */
export function paramSizes(layers: readonly number[]): number[] {
  return layers.slice(1).flatMap((n, l) => [n * layers[l], n]);
}

/** Cuts `flat` at `sizes` from `offset`; throws unless exactly all of it is used. */
export function cut(flat: Float64Array, sizes: readonly number[], offset = 0): Float64Array[] {
  const out: Float64Array[] = [];
  let at = offset;
  for (const s of sizes) {
    out.push(flat.slice(at, at + s));
    at += s;
  }
  if (at !== flat.length)
    throw new Error(`bench: a child file has ${flat.length} values, expected ${at}`);
  return out;
}

/** Arrays in the order W1, b1, W2, b2, … keyed by those names. */
export function byName(arrays: readonly Float64Array[]): Named {
  const out: Named = {};
  arrays.forEach((a, i) => (out[`${i % 2 ? 'b' : 'W'}${(i >> 1) + 1}`] = a));
  return out;
}

/** An out-<k>.bin file: gradients, then parameters after one step. */
export function readOut(file: string, layers: readonly number[]): { grads: Named; params: Named } {
  const sizes = paramSizes(layers);
  const all = cut(readF64(file), [...sizes, ...sizes]);
  return { grads: byName(all.slice(0, sizes.length)), params: byName(all.slice(sizes.length)) };
}
