/**
 * The compiler flags of the strictest user project, in tsconfig form, shared by every test that
 * type-checks what users get: the published declarations (test/types.test.ts, the consumer
 * checks) and the generated modules (test/strict.ts, the consumer checks).
 */

/** What a strict consumer of the package sets: the .d.ts must compile under it. */
export const STRICT_CONSUMER = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  noPropertyAccessFromIndexSignature: true,
  skipLibCheck: false,
  target: 'ES2022',
  types: [] as string[],
  noEmit: true,
} as const;

/** And for generated modules, every other flag a project may add. */
export const STRICTEST_MODULE = {
  ...STRICT_CONSUMER,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
} as const;
