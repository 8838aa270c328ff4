/**
 * Call sites: where in the user's code a node was built. Browser-safe: stack frames are parsed as
 * text (Node's paths and `file://` URLs, browsers' `http(s)://` URLs), with no `node:` module.
 */

import { commentSafe } from './text.js';

/** A frame's location: `path-or-url:line:column`, with or without parentheses around it. */
const FRAME = /\(?((?:[a-z][\w+.-]*:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/i;

/** The location (file path or URL) of the frame that called the function `fn`. */
function locationOfCaller(fn: (...args: never[]) => unknown): string | undefined {
  const holder: { stack?: string } = {};
  const capture = (Error as { captureStackTrace?: (o: object, f?: unknown) => void })
    .captureStackTrace;
  if (capture) capture(holder, fn);
  else holder.stack = new Error().stack;
  const frame = (holder.stack ?? '').split('\n').find((line) => FRAME.test(line));
  return frame ? FRAME.exec(frame)![1] : undefined;
}

/**
 * `file:///a/b%20c/d.js` → `/a/b c/d.js`; other URLs and paths as they are. Firefox and Safari
 * frames are `name@url:line:col`: the name is dropped.
 */
function filePath(frameLocation: string): string {
  const location = frameLocation.replace(/^[^@]*@(?=[a-z][\w+.-]*:)/i, '');
  if (!location.startsWith('file://')) return location;
  let path = decodeURIComponent(location.slice('file://'.length));
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1); // file:///C:/… on Windows
  return path;
}

/** The folder `levels` up from a path or URL (either separator). */
function folderOf(path: string, levels: number): string {
  let p = path;
  for (let i = 0; i < levels; i++)
    p = p.slice(0, Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')));
  return p;
}

/**
 * gradgen's own folder (`src/` or `dist/`: this file is `<it>/ir/site`) and this file itself:
 * frames in either are not the user's. When gradgen is bundled into one file with the user's
 * code, every frame of that file counts as gradgen's, so sites degrade to none (never a wrong
 * one).
 */
let own: { folder: string; file: string } | undefined;
function ownLocation(): { folder: string; file: string } {
  if (own) return own;
  const here = locationOfCaller(ownLocation);
  const file = here === undefined ? '' : filePath(here);
  // bundled (this file is not `…/ir/site.*`): only the bundle's own frames are known to be ours
  const unbundled = /[/\\]ir[/\\]site\.[cm]?[jt]s$/.test(file);
  own = { folder: unbundled ? folderOf(file, 2) : '\u0000', file };
  return own;
}

/** The working directory where there is one (Node, Bun, Deno), for relative sites. */
function workingDirectory(): string | undefined {
  const proc = (globalThis as { process?: { cwd?: () => string } }).process;
  try {
    return typeof proc?.cwd === 'function' ? proc.cwd() : undefined;
  } catch {
    return undefined; // Deno without --allow-read, say
  }
}

/**
 * `file:line` with the file relative to the working directory when it lies below it, safe to put
 * in a comment of generated code (a file name may contain a line break: it is escaped).
 */
function siteText(file: string, line: string, cwd: string | undefined): string {
  if (cwd !== undefined) {
    for (const sep of ['/', '\\']) {
      const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
      if (file.startsWith(prefix)) return commentSafe(`${file.slice(prefix.length)}:${line}`);
    }
  }
  return commentSafe(`${file}:${line}`);
}

/**
 * The user's call site (`file:line`, relative to the working directory) of the builder call that is
 * running now: the first stack frame outside gradgen's own files. Capturing a stack costs a few
 * microseconds, so builders call this once per *new* node only. Never throws: where the stack
 * cannot be read it returns `undefined`.
 */
export function userCallSite(): string | undefined {
  if (overriding) return overrideSite;
  try {
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 30;
    const holder: { stack?: string } = {};
    const capture = (Error as { captureStackTrace?: (o: object, f?: unknown) => void })
      .captureStackTrace;
    if (capture) capture(holder, userCallSite);
    else holder.stack = new Error().stack;
    Error.stackTraceLimit = saved;
    return siteFromStack(holder.stack ?? '', ownLocation(), workingDirectory());
  } catch {
    return undefined; // a stack we cannot read: no site
  }
}

/**
 * The first frame of `stack` (V8's `at f (loc)` / `at loc`, Firefox's and Safari's `f@loc`) that
 * is not gradgen's (`own`: its folder, and its own file — a bundle's, when bundled), Node's
 * internals or a dependency's, as `file:line` relative to `cwd`.
 */
export function siteFromStack(
  stack: string,
  own: { readonly folder: string; readonly file: string },
  cwd: string | undefined,
): string | undefined {
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const file = filePath(m[1]!);
    if (file.startsWith('node:') || /[/\\]node_modules[/\\]/.test(file)) continue;
    if (
      file === own.file ||
      file.startsWith(own.folder + '/') ||
      file.startsWith(own.folder + '\\')
    ) {
      continue;
    }
    return siteText(file, m[2]!, cwd);
  }
  return undefined;
}

/** Whether a {@link withCallSite} is running, and the site it gives (no object per call). */
let overriding = false;
let overrideSite: string | undefined;

/**
 * Runs `fn` with `site` as the call site of every node it creates: gradients and rewrites
 * attribute what they build to the user's code the work came from, not to gradgen's internals.
 * (Called once per node of a rewrite pass: it allocates nothing.)
 */
export function withCallSite<T>(site: string | undefined, fn: () => T): T {
  const wasOverriding = overriding;
  const savedSite = overrideSite;
  overriding = true;
  overrideSite = site;
  try {
    return fn();
  } finally {
    overriding = wasOverriding;
    overrideSite = savedSite;
  }
}

const remembered = new WeakMap<object, string>();

/**
 * Records the user's call site of the call that is making `value` (an optimizer's spec, a
 * training model), and returns `value`: the nodes gradgen builds for it later, away from the
 * user's code, are attributed to that call (see {@link rememberedCallSite}).
 */
export function rememberCallSite<T extends object>(value: T): T {
  const site = userCallSite();
  if (site !== undefined) remembered.set(value, site);
  return value;
}

/** `to` (a variant of `from`, e.g. the same spec with another option) with `from`'s call site. */
export function sameCallSite<T extends object>(from: object, to: T): T {
  const site = remembered.get(from);
  if (site !== undefined) remembered.set(to, site);
  return to;
}

/** The call site {@link rememberCallSite} recorded for `value`, if any. */
export function rememberedCallSite(value: object): string | undefined {
  return remembered.get(value);
}
