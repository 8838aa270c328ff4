/**
 * Tiles the wasm renderer chooses by shape, beyond the GEMM generator's defaults
 * (./gemm.ts `defaultTiles`).
 *
 * A C of one column (dw = X·dZᵀ, 12288 × 209 · 209 × 1 in W2): 6 rows per dot-form block, so 6
 * sums + 1 B + 1 A vector are live. Measured on that shape against the 3 × 2 default of the time:
 * 1.35× the speed in float64, 1.1× in float32, 8 rows spilling (0.9× and 0.65×); against today's
 * 2 × 4 default (with its read-ahead of B), on a slower memory system: 2.2–2.9× in float64, 1.25×
 * in float32 (8 rows: within noise in float64, 0.65× in float32).
 */
import type { GemmTiles } from './gemm.js';

export const ONE_COLUMN_TILES: Partial<GemmTiles> = { dr: 6, dc: 1 };
