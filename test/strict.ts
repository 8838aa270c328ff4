/**
 * Type-checks generated modules the way the strictest user project would: `strict` and every
 * flag a user may add (noUncheckedIndexedAccess, exactOptionalPropertyTypes, unused locals and
 * parameters, erasable syntax only, …), with only the ES2022 library — a module must import
 * nothing and need no DOM or Node types.
 */
import { Project, ts, type CompilerOptions, type Diagnostic } from 'ts-morph';
import { STRICTEST_MODULE } from './strictFlags.ts';

export const STRICTEST: CompilerOptions = {
  ...ts.convertCompilerOptionsFromJson(STRICTEST_MODULE, '/').options,
  module: ts.ModuleKind.ESNext,
  lib: ['lib.es2022.d.ts'],
};

/**
 * One in-memory project for all checks (creating one is slow). ts-morph loads its bundled lib
 * files into the in-memory file system, so `Error`, `Number.isFinite` and friends resolve;
 * nothing else is available.
 */
const project = new Project({ useInMemoryFileSystem: true, compilerOptions: STRICTEST });

export function strictDiagnostics(source: string, fileName = 'emitted.ts'): readonly Diagnostic[] {
  const file = project.createSourceFile(fileName, source, { overwrite: true });
  return file.getPreEmitDiagnostics();
}

/** The diagnostics as text, for a failure message. */
export function showDiagnostics(ds: readonly Diagnostic[]): string {
  return project.formatDiagnosticsWithColorAndContext([...ds]);
}
