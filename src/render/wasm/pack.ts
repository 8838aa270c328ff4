/**
 * Packing B for the rows form of ./gemm.ts, as BLAS libraries do. Where B's row stride is a
 * multiple of 4096 bytes (f64 m = 512, 1024, …; f32 m = 1024, 2048, …), the k block of B's rows
 * that the register blocks walk a few columns at a time maps to one L1 set per line: the lines
 * evict each other before the next register block (or row block of A) reads them again, and
 * every one comes from L2 or further (W4's Z₁ = W₁·X at f64 m = 512: 10 GFLOP/s against 18 at
 * m = 500). There, each k block × `nc` columns of B is first copied into a scratch area whose row
 * stride is an odd number of lines (`packedStride`), and the register blocks read the copy. The
 * copy changes no value (bit-exact loads and stores) and no summation order.
 */
import { scale, type Kernel, type Lin } from './kernel.js';

/**
 * Fewer rows of B than this share an L1 set without evicting each other (its ways): W4's layer 3
 * (k = 7, f64 m = 512 and 1024) gained nothing from packing, its layer 2 (k = 20) 1.1–1.7×.
 */
export const PACK_MIN_ROWS = 16;

/** Whether the rows form packs B: never, always (a literal stride), or where a check at run time says. */
export type Packing = 'never' | 'always' | 'runtime';

/** The packing for B's row stride `s0` (elements of `es` bytes), where a multiple of `align` bytes. */
export function packingOf(s0: Lin, es: number, align: number): Packing {
  if (align <= 0) return 'never';
  if (typeof s0 === 'number') return (s0 * es) % align === 0 ? 'always' : 'never';
  return 'runtime';
}

/**
 * The packed panel's row stride in elements: `nc`, plus one 64-byte line where nc columns span
 * an even number of lines (so that consecutive rows of a column fall in different L1 sets).
 */
export function packedStride(nc: number, es: number): number {
  const lines = Math.ceil((nc * es) / 64);
  return (lines % 2 === 0 ? lines + 1 : lines) * (64 / es);
}

/** The scratch bytes a packed panel of `kc` rows × `nc` columns takes. */
export const packedBytes = (kc: number, nc: number, es: number): number =>
  kc * packedStride(nc, es) * es;

/** Pushes B's runtime row stride `s0` in bytes mod `align` (a power of 2): 0 where B is packed. */
export function strideRest(K: Kernel, s0: Lin, align: number): void {
  K.lin(scale(s0, K.es), 'rowBytes');
  K.f.i32(align - 1).op('i32.and');
}

/**
 * `for (jb = 0; jb < m; jb += nc)` with `w` = min(nc, m − jb), the columns of this panel.
 */
export function panelLoop(
  K: Kernel,
  jb: number,
  w: number,
  m: Lin,
  nc: number,
  body: () => void,
): void {
  const f = K.f;
  f.i32(0).set(jb);
  f.op('block').op('loop');
  f.get(jb);
  K.lin(m, 'm');
  f.op('i32.ge_u').op('br_if', 1);
  // w = m − jb < nc ? m − jb : nc
  K.lin(m, 'm');
  f.get(jb).op('i32.sub').set(w);
  f.get(w).i32(nc).get(w).i32(nc).op('i32.lt_u').op('select').set(w);
  body();
  f.get(jb).i32(nc).op('i32.add').set(jb).op('br', 0);
  f.op('end').op('end');
}

/**
 * Copies `klen` rows × `w` columns (w a local) from `src` (a local: B's first element, advanced)
 * with row stride `s0` elements to the byte address `dst` on, with row stride `ld` elements: v128 copies,
 * then the last w mod W columns one at a time.
 */
export function packPanel(
  K: Kernel,
  src: number,
  s0: Lin,
  klen: Lin,
  w: number,
  dst: number,
  ld: number,
): void {
  const f = K.f;
  const es = K.es;
  const [to, rows, c, vecEnd, end] = ['to', 'rows', 'col', 'vecEnd', 'end'].map((h) =>
    f.local('i32', `pk${h}`),
  ) as [number, number, number, number, number];
  f.i32(dst).set(to);
  f.get(w).i32(es).op('i32.mul').tee(end).i32(-16).op('i32.and').set(vecEnd);
  K.lin(klen, 'k');
  f.set(rows);
  f.op('block').get(rows).op('i32.eqz').op('br_if', 0).op('loop');
  f.i32(0).set(c);
  copies(K, src, to, c, vecEnd, 16, 'v128');
  copies(K, src, to, c, end, es, K.s);
  f.get(src);
  K.lin(scale(s0, es), 'rowBytes');
  f.op('i32.add').set(src);
  f.get(to)
    .i32(ld * es)
    .op('i32.add')
    .set(to);
  f.get(rows).i32(1).op('i32.sub').tee(rows).op('br_if', 0);
  f.op('end').op('end');
}

/** `while (c < end) { to[c] = src[c]; c += step }` in `type` loads and stores. */
function copies(
  K: Kernel,
  src: number,
  to: number,
  c: number,
  end: number,
  step: number,
  type: 'v128' | 'f64' | 'f32',
): void {
  const f = K.f;
  const align = Math.log2(type === 'v128' ? K.es : step);
  f.op('block').get(c).get(end).op('i32.ge_u').op('br_if', 0).op('loop');
  f.get(to).get(c).op('i32.add');
  f.get(src).get(c).op('i32.add').mem(`${type}.load`, 0, align);
  f.mem(`${type}.store`, 0, align);
  f.get(c).i32(step).op('i32.add').tee(c).get(end).op('i32.lt_u').op('br_if', 0);
  f.op('end').op('end');
}
