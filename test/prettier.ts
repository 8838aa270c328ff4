/** prettier, the oracle the emitter's own printer is held to (a dev dependency only). */
import prettier from '@prettier/sync';

/** The repository's prettier style, which every emitted module must already be in. */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  printWidth: 100,
  singleQuote: true,
} as const;

export function formatTypeScript(text: string): string {
  return prettier.format(text, PRETTIER_OPTIONS);
}
