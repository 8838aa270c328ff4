import prettier from '@prettier/sync';
import { Project, type SourceFile } from 'ts-morph';

let project: Project | undefined;

/** A fresh in-memory ts-morph source file (one shared project: creating a project is slow). */
export function newSourceFile(fileName: string): SourceFile {
  project ??= new Project({ useInMemoryFileSystem: true });
  return project.createSourceFile(fileName, '', { overwrite: true });
}

/** The repository's prettier style, applied to every emitted module. */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  printWidth: 100,
  singleQuote: true,
} as const;

export function formatTypeScript(text: string): string {
  return prettier.format(text, PRETTIER_OPTIONS);
}
