/**
 * The seeded random number generator (xoshiro128** + Box–Muller): the runtime's own, which every
 * training module carries too, so the library and a generated module draw the same numbers.
 */
export { Rng } from './runtime/rng.js';
