/**
 * The dot form's loops over k, in one place: the GEMM's dot-form blocks (./gemm.ts) and the
 * pipelined pass over X's rows (./pipeline.ts) sum their products in this order, so the two give
 * the same bits. Per sum: W-lane vector partial sums along k (acc += a·b, lane by lane), then
 * their lane sum (the caller's), then the k mod W rest one product at a time, in order.
 */
import type { Kernel, Lin, View } from './kernel.js';

/** The locals the loops walk: A's and B's pointers (advanced past what they read) and a bound. */
export interface DotLocals {
  readonly pa: number;
  readonly pb: number;
  readonly end: number;
}

/**
 * acc[r][c] (v128 locals) += A[r, q…q+W)·B[q…q+W), c] for each of the ⌊klen / W⌋ vectors of k,
 * from pa (A[0, k0]) and pb (B[k0, 0]): A's rows and B's columns contiguous along k.
 */
export function dotVectors(
  K: Kernel,
  at: DotLocals,
  a: View,
  b: View,
  acc: readonly (readonly number[])[],
  klen: Lin,
): void {
  const f = K.f;
  const W = K.W;
  const align = Math.log2(K.es);
  // end = pa + ⌊klen / W⌋·W elements
  f.get(at.pa);
  if (typeof klen === 'number') f.i32(Math.floor(klen / W) * W * K.es);
  else (K.lin(klen, 'k'), f.i32(-W).op('i32.and').i32(K.es).op('i32.mul'));
  f.op('i32.add').set(at.end);
  if (typeof klen === 'number' && klen < W) return;
  const C = acc[0]?.length ?? 0;
  const bv = Array.from({ length: C }, (_, c) => f.local('v128', `b${c}`));
  const av = f.local('v128', 'a');
  f.op('block');
  f.get(at.pa).get(at.end).op('i32.ge_u').op('br_if', 0);
  f.op('loop');
  bv.forEach((l, c) => f.mem('v128.load', K.at(at.pb, b, [0, c]), align).set(l));
  acc.forEach((row, r) => {
    f.mem('v128.load', K.at(at.pa, a, [r, 0]), align).set(av);
    row.forEach((l, c) => f.get(l).get(av).get(bv[c]!).op(`${K.v}.mul`).op(`${K.v}.add`).set(l));
  });
  f.get(at.pa)
    .i32(W * K.es)
    .op('i32.add')
    .set(at.pa);
  f.get(at.pb)
    .i32(W * K.es)
    .op('i32.add')
    .set(at.pb);
  f.get(at.pa).get(at.end).op('i32.lt_u').op('br_if', 0).op('end');
  f.op('end');
}

/** sums[r][c] (scalar locals) += the last klen mod W products, in order, from pa and pb. */
export function dotTail(
  K: Kernel,
  at: DotLocals,
  a: View,
  b: View,
  sums: readonly (readonly number[])[],
  klen: Lin,
): void {
  const f = K.f;
  const step = () => {
    const bs = (sums[0] ?? []).map((_, c) => {
      const l = f.local(K.s, `tb${c}`);
      K.loadScalar(at.pb, b, [0, c]);
      f.set(l);
      return l;
    });
    sums.forEach((row, r) => {
      const av = f.local(K.s, 'ta');
      K.loadScalar(at.pa, a, [r, 0]);
      f.set(av);
      row.forEach((l, c) => f.get(l).get(av).get(bs[c]!).op(`${K.s}.mul`).op(`${K.s}.add`).set(l));
    });
    f.get(at.pa).i32(K.es).op('i32.add').set(at.pa);
    f.get(at.pb).i32(K.es).op('i32.add').set(at.pb);
  };
  if (typeof klen === 'number') {
    for (let q = 0; q < klen % K.W; q++) step();
    return;
  }
  // runtime k: end = pa + (klen mod W) elements
  f.get(at.pa);
  K.lin(klen, 'k');
  f.i32(K.W - 1)
    .op('i32.and')
    .i32(K.es)
    .op('i32.mul')
    .op('i32.add')
    .set(at.end);
  f.op('block').get(at.pa).get(at.end).op('i32.ge_u').op('br_if', 0).op('loop');
  step();
  f.get(at.pa).get(at.end).op('i32.lt_u').op('br_if', 0).op('end').op('end');
}
