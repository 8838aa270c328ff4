/**
 * Training progress for `gradgen train`. On a terminal: one line redrawn in place (a bar, the
 * epoch, the cost, examples per second and the time left), at most every `redrawMs`. Elsewhere
 * (a pipe, a file, CI logs): plain lines, one per epoch for short runs and one every k-th epoch for
 * long ones, so a run never prints more than `maxLines` lines.
 */

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressOptions {
  /** Epochs the run will do. */
  readonly epochs: number;
  /** Training examples per epoch (for the examples/s figure). */
  readonly examplesPerEpoch: number;
  readonly stream: ProgressStream;
  /** Milliseconds since some origin (default: performance.now); injectable for tests. */
  readonly now?: () => number;
  /** Plain-line mode: the most lines a run prints (default 50). */
  readonly maxLines?: number;
  /** Terminal mode: the least time between two redraws (default 100 ms). */
  readonly redrawMs?: number;
}

export interface Progress {
  /** Reports a finished epoch (1-based) and its mean cost. */
  epoch(epoch: number, cost: number): void;
  /** Ends the progress display (a terminal line gets its newline). */
  done(): void;
}

/** 1234567.8 → `1,234,568` (locale-independent). */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatCost(cost: number): string {
  return Number.isFinite(cost) ? cost.toPrecision(6) : String(cost);
}

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(s % 60).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { epochs, examplesPerEpoch, stream } = options;
  const now = options.now ?? (() => performance.now());
  const start = now();
  const width = String(epochs).length;
  // examples/s over the epochs since the previous report (the first one: since the start)
  let lastEpoch = 0;
  let lastTime = start;
  const text = (epoch: number, cost: number, t: number) => {
    const seconds = (t - lastTime) / 1000;
    const rate =
      seconds > 0
        ? `${groupDigits(((epoch - lastEpoch) * examplesPerEpoch) / seconds)} examples/s`
        : '';
    lastEpoch = epoch;
    lastTime = t;
    return [`epoch ${String(epoch).padStart(width)}/${epochs}`, `cost ${formatCost(cost)}`, rate]
      .filter(Boolean)
      .join('  ');
  };

  if (!stream.isTTY) {
    const every = Math.max(1, Math.ceil(epochs / Math.max(1, options.maxLines ?? 50)));
    return {
      epoch(epoch, cost) {
        if (epoch % every === 0 || epoch === epochs) stream.write(`${text(epoch, cost, now())}\n`);
      },
      done() {},
    };
  }

  const redrawMs = options.redrawMs ?? 100;
  let last = -Infinity;
  let drawn = false;
  const BAR = 24;
  return {
    epoch(epoch, cost) {
      const t = now();
      if (t - last < redrawMs && epoch !== epochs) return;
      last = t;
      const filled = Math.min(BAR, Math.round((epoch / epochs) * BAR));
      const bar = `[${'='.repeat(filled)}${filled < BAR ? '>' : ''}${' '.repeat(Math.max(0, BAR - filled - 1))}]`;
      const left =
        epoch < epochs ? `  eta ${formatDuration(((t - start) / epoch) * (epochs - epoch))}` : '';
      let line = `${bar} ${text(epoch, cost, t)}${left}`;
      if (stream.columns && line.length >= stream.columns) line = line.slice(0, stream.columns - 1);
      // back to the start of the line, draw, clear whatever a longer previous line left
      stream.write(`\r${line}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
