/**
 * How long a period the figure endpoints answer for: at most ten school years (`to` no later
 * than `from` plus ten years minus one day, so 1 August 2015 – 31 July 2025 is the longest
 * that starts on 1 August), and a monthly series at most 120 calendar months. Checked on the
 * query string alone, before any query runs: an unbounded period (0001-01-01 – 9999-12-31)
 * would otherwise compute a hundred thousand months and hold the figure queue for a minute.
 */

export const maxPeriodYears = 10;
export const maxSeriesMonths = 120;

/** One problem with a parameter, as the 400 answer lists it. */
export interface ParameterProblem {
  readonly parameter: string;
  readonly reason: string;
  readonly message: string;
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
}

/** The last day a period starting on `from` may end on (from + 10 years − 1 day). */
export function latestPeriodEnd(from: string): string {
  const [y, m, d] = parts(from);
  if (y + maxPeriodYears > 9999) return '9999-12-31';
  // Built in a leap year, then moved: setUTCFullYear keeps month and day where it can.
  const end = new Date(Date.UTC(2000, m - 1, d));
  end.setUTCFullYear(y + maxPeriodYears);
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0); // 29 Feb + 10 years rolled into March
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Calendar months the period touches (the first and last counted even when clipped). */
export function monthsSpanned(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Why a period (already valid dates, from ≤ to) is too long for the endpoint, or null. */
export function periodProblem(from: string, to: string, monthly: boolean): ParameterProblem | null {
  if (to > latestPeriodEnd(from)) {
    return { parameter: 'to', reason: 'period_too_long', message: 'Perioden kan være høyst ti skoleår. Velg en kortere periode.' };
  }
  if (monthly && monthsSpanned(from, to) > maxSeriesMonths) {
    return { parameter: 'to', reason: 'too_many_months', message: 'En serie per måned kan være høyst 120 måneder. Velg en kortere periode.' };
  }
  return null;
}
