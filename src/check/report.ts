/** gradcheck's report: one row per input, the overall verdict and the row that decided it, and why. */
import type { GradcheckEntry, GradcheckResult } from './gradcheck.js';
import { ROUNDOFF_MULTIPLE } from './differences.js';

const exp = (v: number) => (Number.isNaN(v) ? 'n/a' : v.toExponential(2));

function worstComponent(r: GradcheckResult, e: GradcheckEntry): string {
  if (e.numerical.length === 0) return '';
  const i = e.worstIndex;
  const kink = e.kinks.includes(i) ? ' (crossed a kink)' : '';
  const [num, ana] = [e.numerical[i]!.toPrecision(8), e.analytic[i]!.toPrecision(8)];
  if (r.mode === 'adjoint') return `pair [${i}] ⟨J·v, w⟩ ${num} vs ⟨v, Jᵀw⟩ ${ana}`;
  if (r.mode === 'hvp') return `[${i}] differences ${num} vs H·v ${ana}${kink}`;
  const where = e.numerical.length > 1 ? `${r.mode === 'full' ? '' : 'direction '}[${i}] ` : '';
  return `${where}numerical ${num} vs ${ana}${kink}`;
}

function table(r: GradcheckResult): string[] {
  const header = [
    'input',
    r.mode === 'adjoint' ? 'rel. diff.' : 'rel. error',
    'verdict',
    r.mode === 'adjoint' ? 'worst pair' : 'worst component',
  ];
  const rows = r.perInput.map((e) => [
    e.name,
    exp(e.relativeError),
    e.verdict,
    worstComponent(r, e),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** `overall: bug (FAILED), decided by b: …` — the verdict, and the row it comes from. */
function overall(r: GradcheckResult): string {
  const failed = r.ok ? '' : ' (FAILED)';
  const decider = r.perInput.find((e) => e.name === r.decidedBy);
  const together = `all components together ${exp(r.relativeError)}`;
  if (!decider) return `overall: ${r.verdict}${failed}; nothing to check`;
  const why =
    decider.verdict === 'roundoff'
      ? 'within round-off, not judged'
      : decider.verdict === 'kink'
        ? `${decider.kinks.length} of ${decider.numerical.length} ${r.mode === 'full' ? 'components' : 'directions'} crossed a kink`
        : `relative ${r.mode === 'adjoint' ? 'difference' : 'error'} ${exp(decider.relativeError)}`;
  return `overall: ${r.verdict}${failed}: the worst row is ${decider.name} (${why}); ${together}`;
}

function roundoffNote(r: GradcheckResult): string[] {
  const rows = r.perInput.filter((e) => e.verdict === 'roundoff');
  if (rows.length === 0) return [];
  const largest = Math.max(...rows.flatMap((e) => [...e.floor]));
  const u = r.dtype === 'float32' ? '2⁻²³ (float32)' : '2⁻⁵² (float64)';
  return [
    `roundoff: ${rows.map((e) => e.name).join(', ')}: every |numerical − analytic| is within the round-off ` +
      `floor of the differences (up to ${largest.toExponential(1)} = ${ROUNDOFF_MULTIPLE}·u·|J|/h, |J| = ` +
      `${r.cost.toPrecision(3)}, u = ${u}), so differences cannot judge ${rows.length === 1 ? 'this row' : 'these rows'}; ` +
      `a larger ε lowers the floor, and the adjoint check (forward vs reverse mode: mode 'adjoint', gradgen check --adjoint) judges them without differences`,
  ];
}

function kinkNote(r: GradcheckResult, tries: number): string[] {
  const rows = r.perInput.filter((e) => e.verdict === 'kink');
  const moved =
    r.resamples > 0
      ? `re-sampled the point ${r.resamples} time${r.resamples === 1 ? '' : 's'} to avoid kinks`
      : '';
  if (rows.length === 0) return moved ? [`${moved}; the rows are judged at the last point`] : [];
  const which = rows
    .map(
      (e) =>
        `${e.name} ${e.kinks
          .slice(0, 5)
          .map((i) => `[${i}]`)
          .join(' ')}${e.kinks.length > 5 ? ' …' : ''}`,
    )
    .join(', ');
  const advice =
    tries > 0
      ? `still there after ${r.resamples} re-sample${r.resamples === 1 ? '' : 's'} (avoidKinks tries: ${tries})`
      : 'avoidKinks: true (gradgen check --avoid-kinks) re-samples the point nearby';
  return [
    `kink: ${which}: the perturbation crossed a kink of the cost (the sign or order of a non-smooth ` +
      `op's operands changed between θ − h and θ + h), where a difference quotient is not the derivative; ${advice}`,
  ];
}

/** The first line: what was compared, how. */
function title(r: GradcheckResult): string {
  const per = r.perInput[0]?.numerical.length ?? 0;
  switch (r.mode) {
    case 'adjoint':
      return `adjoint check (⟨J·v, w⟩ from the emitted JVP vs ⟨v, Jᵀw⟩ from the gradient, ${per} seeded pairs (v, w) per input, float64${r.dtype === 'float32' ? ' JVP, float32 gradient' : ''}; no differences)`;
    case 'hvp':
      return `Hessian-vector check (emitted H·v vs two-sided differences of the gradient, h = ε·max(1, |θ|)·v, ε = ${r.epsilon}, seeded directions, ${r.dtype})`;
    default: {
      const how = r.mode === 'full' ? 'every component' : 'random directions';
      return `gradient check (two-sided, h = ε·max(1, |θ|), ε = ${r.epsilon}, ${how}, ${r.dtype})`;
    }
  }
}

export function formatReport(r: GradcheckResult, tries: number): string {
  return [
    title(r),
    ...table(r),
    overall(r),
    ...roundoffNote(r),
    ...kinkNote(r, tries),
    ...r.problems.slice(0, 10).map((p) => `  non-finite: ${p}`),
  ].join('\n');
}
