/**
 * The histogram of days from first concern to end: the server counts cases per whole day and
 * outcome; here they are put in bins of equal width, every bin present for every outcome, so
 * the chart and its table show the same numbers.
 */
import { outcomes, type DurationRow, type Outcome } from '../api/types.ts';

export interface DurationBin {
  readonly outcome: Outcome;
  /** First day of the bin, inclusive. */
  readonly from: number;
  /** First day of the next bin (exclusive). */
  readonly to: number;
  readonly cases: number;
}

/** A bin width in days that gives 10–30 bins: a week, two weeks or a month. */
export function durationBinWidth(maxDays: number): number {
  if (maxDays <= 140) return 7;
  if (maxDays <= 400) return 14;
  return 30;
}

/** Bins [0, w), [w, 2w), … up to the longest duration, per outcome. */
export function binDurations(rows: readonly DurationRow[], width = durationBinWidth(Math.max(0, ...rows.map((r) => r.days ?? 0)))): DurationBin[] {
  if (rows.length === 0) return [];
  const maxDays = Math.max(...rows.map((r) => r.days ?? 0));
  const binCount = Math.floor(maxDays / width) + 1;
  const counts = new Map<Outcome, number[]>(outcomes.map((o) => [o, new Array<number>(binCount).fill(0)]));
  for (const row of rows) {
    const bins = counts.get(row.outcome);
    // Suppressed rows carry no numbers: they are left out (the view says so).
    if (bins && row.days !== null && row.cases !== null) bins[Math.floor(row.days / width)]! += row.cases;
  }
  return outcomes.flatMap((outcome) =>
    counts.get(outcome)!.map((cases, i) => ({ outcome, from: i * width, to: (i + 1) * width, cases })),
  );
}

/** Cases per outcome (for the panel titles). */
export function casesByOutcome(rows: readonly DurationRow[]): Record<Outcome, number> {
  const total = { resolved: 0, referred_ppt: 0, referred_other: 0 } as Record<Outcome, number>;
  for (const row of rows) total[row.outcome] += row.cases ?? 0;
  return total;
}
