/**
 * Training progress for `gradgen train`. On a terminal: a status line while the model compiles and
 * its data loads, then one line redrawn in place after every mini-batch, at most every `redrawMs`
 * (the epoch, the cost so far, the test cost, examples per second, the time left and a bar), fitted
 * to the terminal's width. Elsewhere (a pipe, a file, CI logs): plain lines, one per epoch for
 * short runs and one every k-th epoch for long ones, so a run never prints more than `maxLines`.
 */

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** `terminal`: lines redrawn in place; `plain`: lines appended. */
export type ProgressMode = 'terminal' | 'plain';

/**
 * How progress is shown on `stream`: on a terminal when it is one; `GRADGEN_PROGRESS=terminal`
 * (or `plain`) forces a mode, and `COLUMNS` gives the width where the stream has none (tests).
 */
export function displayFor(
  stream: ProgressStream,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { mode: ProgressMode; columns: number } {
  const forced = env.GRADGEN_PROGRESS;
  const mode =
    forced === 'terminal' || forced === 'plain' ? forced : stream.isTTY ? 'terminal' : 'plain';
  const fromEnv = Number(env.COLUMNS);
  const columns = stream.columns || (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80);
  return { mode, columns };
}

export interface ProgressOptions {
  /** Epochs the run will do. */
  readonly epochs: number;
  /** Training examples per epoch (for the examples/s figure and the bar within an epoch). */
  readonly examplesPerEpoch: number;
  readonly stream: ProgressStream;
  /** Default: a terminal when the stream is one. */
  readonly mode?: ProgressMode;
  /** Terminal mode: the width to fit (default: the stream's, else 80). */
  readonly columns?: number;
  /** Milliseconds since some origin (default: performance.now); injectable for tests. */
  readonly now?: () => number;
  /** Plain-line mode: the most lines a run prints (default 50). */
  readonly maxLines?: number;
  /** Terminal mode: the least time between two redraws (default 100 ms). */
  readonly redrawMs?: number;
  /** Terminal mode: what the line says until the first batch is done (`training: 8 epochs, …`). */
  readonly intro?: string;
  /** What the epoch's second cost is: `test` (default) or `dev`. */
  readonly heldOut?: 'test' | 'dev';
}

/** Where a run is after a mini-batch (what fit's onBatch reports). */
export interface BatchReport {
  readonly epoch: number;
  readonly examples: number;
  readonly cost: number;
}

export interface Progress {
  /** Reports a finished mini-batch: the epoch under way (1-based), examples done in it, its cost. */
  batch(report: BatchReport): void;
  /** Reports a finished epoch (1-based), its mean cost and, when there is test data, its test cost. */
  epoch(epoch: number, cost: number, testCost?: number): void;
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

/**
 * A one-line status on a terminal (`compiling digits…`), replaced by the next status or cleared;
 * nothing elsewhere.
 */
export function createStatus(stream: ProgressStream, mode: ProgressMode) {
  let shown = false;
  return {
    show(text: string): void {
      if (mode !== 'terminal') return;
      stream.write(`\r${text}\x1b[K`);
      shown = true;
    },
    clear(): void {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

export function createProgress(options: ProgressOptions): Progress {
  const mode = options.mode ?? (options.stream.isTTY ? 'terminal' : 'plain');
  return mode === 'terminal' ? terminalProgress(options) : plainProgress(options);
}

/** Plain lines: `epoch  6/300  cost 0.693147  test cost 0.701234  4,000 examples/s`. */
function plainProgress(options: ProgressOptions): Progress {
  const { epochs, examplesPerEpoch, stream } = options;
  const now = options.now ?? (() => performance.now());
  const width = String(epochs).length;
  const every = Math.max(1, Math.ceil(epochs / Math.max(1, options.maxLines ?? 50)));
  // examples/s over the epochs since the previous line (the first one: since the start)
  let lastEpoch = 0;
  let lastTime = now();
  return {
    batch() {},
    epoch(epoch, cost, testCost) {
      if (epoch % every !== 0 && epoch !== epochs) return;
      const t = now();
      const seconds = (t - lastTime) / 1000;
      const rate = seconds > 0 ? ((epoch - lastEpoch) * examplesPerEpoch) / seconds : undefined;
      [lastEpoch, lastTime] = [epoch, t];
      const parts = [
        `epoch ${String(epoch).padStart(width)}/${epochs}`,
        `cost ${formatCost(cost)}`,
        testCost !== undefined ? `${options.heldOut ?? 'test'} cost ${formatCost(testCost)}` : '',
        rate !== undefined ? `${groupDigits(rate)} examples/s` : '',
      ];
      stream.write(`${parts.filter(Boolean).join('  ')}\n`);
    },
    done() {},
  };
}

/** The pieces of a terminal progress line. */
export interface ProgressFields {
  /** Fraction of the run done, in [0, 1]. */
  readonly fraction: number;
  readonly epoch: string;
  readonly cost: string;
  readonly test?: string;
  readonly rate?: string;
  readonly eta?: string;
}

const BAR = 24;
const MIN_BAR = 6;

function bar(fraction: number, width: number): string {
  const filled = Math.min(width, Math.round(fraction * width));
  const head = filled < width ? '>' : '';
  return `[${'='.repeat(filled)}${head}${' '.repeat(Math.max(0, width - filled - 1))}]`;
}

/**
 * A progress line that fits in `columns` (leaving the last column free, so the terminal does not
 * wrap): the bar first when everything fits; narrower, the figures first and the bar after them,
 * shrunk or gone, dropping the rate, then the epoch, then the test cost before the cost and ETA.
 */
export function progressLine(f: ProgressFields, columns: number): string {
  const max = Math.max(1, columns - 1);
  const all = [f.epoch, f.cost, f.test, f.rate, f.eta];
  const wide = `${bar(f.fraction, BAR)} ${all.filter(Boolean).join('  ')}`;
  if (wide.length <= max) return wide;
  const choices = [
    [f.epoch, f.cost, f.test, f.eta],
    [f.cost, f.test, f.eta],
    [f.cost, f.eta],
    [f.cost],
  ];
  for (const parts of choices) {
    const text = parts.filter(Boolean).join('  ');
    if (text.length > max) continue;
    const room = max - text.length - 1 - 2; // a space and the brackets
    return room >= MIN_BAR ? `${text} ${bar(f.fraction, Math.min(BAR, room))}` : text;
  }
  return f.cost.slice(0, max);
}

/** One line redrawn in place, per mini-batch, throttled; the last epoch is always drawn. */
function terminalProgress(options: ProgressOptions): Progress {
  const { epochs, examplesPerEpoch, stream } = options;
  const now = options.now ?? (() => performance.now());
  const columns = options.columns ?? (stream.columns || 80);
  const redrawMs = options.redrawMs ?? 100;
  const start = now();
  let last = -Infinity;
  // what the line shows: nothing yet, the intro (erased at the end), or progress (kept)
  let shown: 'nothing' | 'intro' | 'progress' = 'nothing';
  if (options.intro) {
    stream.write(`\r${options.intro}\x1b[K`);
    shown = 'intro';
  }
  // the epoch under way: examples and summed cost so far (its running mean is what is shown)
  let current = { epoch: 1, examples: 0, total: 0 };
  let testCost: number | undefined;

  /** `done`: epochs done, fractional within one; `epoch`: the epoch shown (under way or just done). */
  const draw = (done: number, epoch: number, cost: number, force: boolean) => {
    const t = now();
    if (!force && t - last < redrawMs) return;
    last = t;
    const fraction = Math.min(1, done / epochs);
    const elapsed = t - start;
    const rate = elapsed > 0 ? (done * examplesPerEpoch * 1000) / elapsed : undefined;
    const eta = (elapsed / fraction) * (1 - fraction);
    const line = progressLine(
      {
        fraction,
        epoch: `epoch ${epoch}/${epochs}`,
        cost: `cost ${formatCost(cost)}`,
        ...(testCost !== undefined
          ? { test: `${options.heldOut ?? 'test'} ${formatCost(testCost)}` }
          : {}),
        ...(rate !== undefined ? { rate: `${groupDigits(rate)} examples/s` } : {}),
        ...(fraction > 0 && fraction < 1 ? { eta: `eta ${formatDuration(eta)}` } : {}),
      },
      columns,
    );
    // back to the start of the line, draw, clear whatever a longer previous line left
    stream.write(`\r${line}\x1b[K`);
    shown = 'progress';
  };

  return {
    batch({ epoch, examples, cost }) {
      if (epoch !== current.epoch) current = { epoch, examples: 0, total: 0 };
      current.total += cost * (examples - current.examples);
      current.examples = examples;
      const done = epoch - 1 + Math.min(1, examples / Math.max(1, examplesPerEpoch));
      if (examples < examplesPerEpoch) draw(done, epoch, current.total / examples, false);
    },
    epoch(epoch, cost, test) {
      testCost = test;
      current = { epoch: epoch + 1, examples: 0, total: 0 };
      draw(epoch, epoch, cost, epoch === epochs);
    },
    done() {
      if (shown !== 'nothing') stream.write(shown === 'progress' ? '\n' : '\r\x1b[K');
      shown = 'nothing';
    },
  };
}
