import { fileURLToPath } from 'node:url';
import { dirname, relative, sep } from 'node:path';

/** Directory of gradgen's own sources: frames inside it are not the user's call site. */
const SRC_DIR = dirname(dirname(fileURLToPath(import.meta.url))) + sep;

/**
 * The user's call site (`file:line`, relative to the working directory) of the builder call that is
 * running now: the first stack frame outside gradgen's `src/`. Capturing a stack costs a few
 * microseconds, so builders call this once per *new* node only.
 */
export function userCallSite(): string | undefined {
  if (override) return override.site;
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 30;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, userCallSite);
  Error.stackTraceLimit = saved;
  const lines = (holder.stack ?? '').split('\n').slice(1);
  for (const line of lines) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/.exec(line);
    if (!m) continue;
    let file = m[1]!;
    if (file.startsWith('file://')) file = fileURLToPath(file);
    if (file.startsWith('node:') || file.includes(`${sep}node_modules${sep}`)) continue;
    if (file.startsWith(SRC_DIR)) continue;
    const rel = relative(process.cwd(), file);
    return `${rel.startsWith('..') ? file : rel}:${m[2]}`;
  }
  return undefined;
}

let override: { site: string | undefined } | undefined;

/**
 * Runs `fn` with `site` as the call site of every node it creates: gradients and rewrites
 * attribute what they build to the user's code the work came from, not to gradgen's internals.
 */
export function withCallSite<T>(site: string | undefined, fn: () => T): T {
  const saved = override;
  override = { site };
  try {
    return fn();
  } finally {
    override = saved;
  }
}
