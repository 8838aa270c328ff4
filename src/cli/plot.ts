/**
 * The cost curve of a training run as a standalone SVG (`gradgen train --plot`), with the test
 * cost per epoch beside it (and a legend) when there is one. A pure function: the same costs always
 * give byte-identical text (every coordinate is printed with a fixed number of decimals). Epoch 1
 * is the first cost; non-finite costs (a diverged run) are left out of the curve and counted in
 * the subtitle. The epoch axis is linear, or logarithmic (`logX`).
 */

export interface CostPlotOptions {
  /** Heading above the plot (default: `cost per epoch`). */
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
  /** A second curve: the test (or dev) cost per epoch (as many as `costs`). */
  readonly test?: readonly number[];
  /** What the second curve is: `test` (default) or `dev`. */
  readonly testLabel?: 'test' | 'dev';
  /** A logarithmic epoch axis (decades, and 2 and 5 between them when there are few). */
  readonly logX?: boolean;
}

const STYLES = [
  { label: 'training cost', color: '#2563eb', dash: '' },
  { label: 'test cost', color: '#ea580c', dash: ' stroke-dasharray="6 3"' },
] as const;
type Style = { readonly label: string; readonly color: string; readonly dash: string };

/** The curves' styles, the second one labelled as what it is. */
const seriesStyles = (label: 'test' | 'dev'): Style[] => [
  STYLES[0],
  { ...STYLES[1], label: `${label} cost` },
];

type Point = { epoch: number; cost: number };

/** The x axis: its tick values and the map from epochs to [0, 1]. */
function epochAxis(
  n: number,
  logX: boolean,
): { ticks: number[]; step: number; at: (e: number) => number; last: number } {
  if (logX) {
    // epochs 1..n (at least one decade); ticks at 1, 10, 100 … and 2, 5 between when few
    const last = Math.max(n, 10);
    const decades = Math.log10(last);
    const ticks: number[] = [];
    for (let p = 1; p <= last; p *= 10) {
      for (const k of decades <= 3 ? [1, 2, 5] : [1]) if (k * p <= last) ticks.push(k * p);
    }
    return { ticks, step: 1, at: (e) => Math.log10(e) / decades, last };
  }
  const nice = niceTicks(0, n, 6);
  const step = Math.max(1, nice.step);
  const ticks: number[] = [];
  for (let t = 0; t < n + step; t += step) ticks.push(t);
  const last = ticks[ticks.length - 1]!;
  return { ticks, step, at: (e) => e / last, last };
}

const MARGIN = { left: 72, right: 24, top: 48, bottom: 52 };

/** Up to about `count` round tick values (1, 2 or 5 × 10ᵏ apart) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): { ticks: number[]; step: number } {
  const span = hi - lo;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(i * step);
  return { ticks, step };
}

/**
 * A tick label with just enough digits for `step` (no `-0`, no float noise); in exponent form for
 * ticks too small or too large to read in fixed notation (`1.2e-9`, `2.5e+6`).
 */
function tickLabel(v: number, step: number, largest: number): string {
  const stepExp = Math.floor(Math.log10(step) + 1e-9);
  if (Math.abs(v) < step / 2) return '0';
  if (step >= 1e-4 && largest < 1e6) return v.toFixed(Math.min(12, Math.max(0, -stepExp)));
  const digits = Math.min(12, Math.max(0, Math.floor(Math.log10(largest) + 1e-9) - stepExp));
  return v.toExponential(digits);
}

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const fmt = (v: number) => {
  const text = v.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
};

/**
 * A long run drawn with at most four points per pixel column (its first, lowest, highest and last,
 * in epoch order): the same picture as every point, in a file of a few hundred points.
 */
function perPixel<P extends { epoch: number; cost: number }>(
  run: readonly P[],
  sx: (epoch: number) => number,
): P[] {
  const out: P[] = [];
  let column: P[] = [];
  const flush = () => {
    if (column.length === 0) return;
    const low = column.reduce((a, b) => (b.cost < a.cost ? b : a));
    const high = column.reduce((a, b) => (b.cost > a.cost ? b : a));
    const keep = new Set([column[0]!, low, high, column[column.length - 1]!]);
    out.push(...column.filter((p) => keep.has(p)));
    column = [];
  };
  for (const p of run) {
    if (column.length > 0 && Math.floor(sx(p.epoch)) !== Math.floor(sx(column[0]!.epoch))) flush();
    column.push(p);
  }
  flush();
  return out;
}

const finitePoints = (costs: readonly number[]): Point[] =>
  costs.map((c, i) => ({ epoch: i + 1, cost: c })).filter((p) => Number.isFinite(p.cost));

/** The costs (one per epoch) as an SVG line chart with axes, ticks and a title. */
export function costPlot(costs: readonly number[], options: CostPlotOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const title = options.title ?? 'cost per epoch';
  const series = [costs, ...(options.test ? [options.test] : [])].map(finitePoints);
  const points = series[0]!;
  const omitted = costs.length - points.length;
  const everyPoint = series.flat();

  // ---- domains: epochs 0..n on integer ticks (or 1..10ᵏ on decades), costs min..max (padded
  // when flat) on round ticks
  const n = Math.max(1, costs.length);
  const xAxis = epochAxis(n, options.logX ?? false);
  const xStep = xAxis.step;
  const xTickValues = xAxis.ticks;
  const x1 = xAxis.last;
  let lo = everyPoint.length ? Math.min(...everyPoint.map((p) => p.cost)) : 0;
  let hi = everyPoint.length ? Math.max(...everyPoint.map((p) => p.cost)) : 1;
  if (hi - lo <= Math.abs(hi) * 1e-12) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const yTicks = niceTicks(lo, hi, 5);
  const y0 = yTicks.ticks[0]!;
  const y1 = yTicks.ticks[yTicks.ticks.length - 1]!;
  const yLargest = Math.max(Math.abs(y0), Math.abs(y1));

  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const sx = (epoch: number) => MARGIN.left + xAxis.at(epoch) * plotW;
  const sy = (cost: number) => MARGIN.top + (1 - (cost - y0) / (y1 - y0)) * plotH;
  const bottom = MARGIN.top + plotH;
  const right = MARGIN.left + plotW;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `  <rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `  <text x="${fmt(width / 2)}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  const last = points[points.length - 1];
  const lastTest = options.test ? series[1]![series[1]!.length - 1] : undefined;
  const styles = seriesStyles(options.testLabel ?? 'test');
  const short = (v: number) => String(Number(v.toPrecision(6)));
  const subtitle = [
    `${costs.length} epoch${costs.length === 1 ? '' : 's'}`,
    ...(last ? [`final cost ${short(last.cost)}`] : []),
    ...(lastTest ? [`final ${options.testLabel ?? 'test'} cost ${short(lastTest.cost)}`] : []),
    ...(omitted ? [`${omitted} non-finite cost${omitted === 1 ? '' : 's'} not drawn`] : []),
  ].join(', ');
  out.push(
    `  <text x="${fmt(width / 2)}" y="38" text-anchor="middle" fill="#475569">${escapeXml(subtitle)}</text>`,
  );

  // ---- grid and ticks
  out.push('  <g stroke="#e2e8f0" stroke-width="1">');
  for (const t of yTicks.ticks)
    out.push(
      `    <line x1="${fmt(MARGIN.left)}" y1="${fmt(sy(t))}" x2="${fmt(right)}" y2="${fmt(sy(t))}"/>`,
    );
  for (const t of xTickValues)
    out.push(
      `    <line x1="${fmt(sx(t))}" y1="${fmt(MARGIN.top)}" x2="${fmt(sx(t))}" y2="${fmt(bottom)}"/>`,
    );
  out.push('  </g>');
  out.push('  <g fill="#334155">');
  for (const t of yTicks.ticks)
    out.push(
      `    <text x="${fmt(MARGIN.left - 8)}" y="${fmt(sy(t) + 4)}" text-anchor="end">${tickLabel(t, yTicks.step, yLargest)}</text>`,
    );
  for (const t of xTickValues)
    out.push(
      `    <text x="${fmt(sx(t))}" y="${fmt(bottom + 18)}" text-anchor="middle">${tickLabel(t, xStep, x1)}</text>`,
    );
  out.push('  </g>');

  // ---- axes and their labels
  out.push(
    `  <path d="M${fmt(MARGIN.left)},${fmt(MARGIN.top)} V${fmt(bottom)} H${fmt(right)}" fill="none" stroke="#0f172a" stroke-width="1.5"/>`,
    `  <text x="${fmt(MARGIN.left + plotW / 2)}" y="${fmt(height - 10)}" text-anchor="middle" fill="#0f172a">${options.logX ? 'epoch (log scale)' : 'epoch'}</text>`,
    `  <text transform="translate(16 ${fmt(MARGIN.top + plotH / 2)}) rotate(-90)" text-anchor="middle" fill="#0f172a">cost</text>`,
  );

  // ---- the curves: one polyline per run of finite costs, and a dot on the last point
  series.forEach((run, i) => out.push(...curve(run, styles[i]!, sx, sy)));
  if (series.length > 1) out.push(...legend(right, styles));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** One series: a polyline per run of consecutive finite costs, and a dot on its last point. */
function curve(
  points: readonly Point[],
  style: Style,
  sx: (epoch: number) => number,
  sy: (cost: number) => number,
): string[] {
  const runs: Point[][] = [];
  let previous = 0;
  for (const p of points) {
    if (p.epoch !== previous + 1 || runs.length === 0) runs.push([]);
    runs[runs.length - 1]!.push(p);
    previous = p.epoch;
  }
  const out = [`  <g data-series="${style.label}">`];
  for (const run of runs) {
    const coords = perPixel(run, sx)
      .map((p) => `${fmt(sx(p.epoch))},${fmt(sy(p.cost))}`)
      .join(' ');
    out.push(
      `    <polyline points="${coords}" fill="none" stroke="${style.color}" stroke-width="2"${style.dash} stroke-linejoin="round"/>`,
    );
  }
  const last = points[points.length - 1];
  if (last)
    out.push(
      `    <circle cx="${fmt(sx(last.epoch))}" cy="${fmt(sy(last.cost))}" r="3" fill="${style.color}"/>`,
    );
  out.push('  </g>');
  return out;
}

/** The legend, top right inside the plot: a stroke of each series and its label. */
function legend(right: number, styles: readonly Style[]): string[] {
  const x = right - 150;
  const out = [
    '  <g class="legend">',
    `    <rect x="${fmt(x - 8)}" y="${fmt(MARGIN.top + 6)}" width="150" height="${fmt(10 + 18 * styles.length)}" fill="#ffffff" fill-opacity="0.85" stroke="#cbd5e1"/>`,
  ];
  styles.forEach((s, i) => {
    const y = MARGIN.top + 22 + 18 * i;
    out.push(
      `    <line x1="${fmt(x)}" y1="${fmt(y - 4)}" x2="${fmt(x + 24)}" y2="${fmt(y - 4)}" stroke="${s.color}" stroke-width="2"${s.dash}/>`,
      `    <text x="${fmt(x + 32)}" y="${fmt(y)}" fill="#0f172a">${s.label}</text>`,
    );
  });
  out.push('  </g>');
  return out;
}
