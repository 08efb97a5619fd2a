/**
 * The periods figures are computed for: the whole query period, or each calendar month of
 * it. Every figure is written once against `periods(period, period_label, p_from, p_to)`,
 * so a monthly series is the same SQL as the headline figures, with more periods. The key
 * `period` is an integer (cheap to group and sort by); the label is 'YYYY-MM' or ''.
 */

export type Periodisation = 'whole' | 'month';

export function periodsCte(periodisation: Periodisation): string {
  if (periodisation === 'whole') return `periods AS (SELECT 0 AS period, '' AS period_label, $from AS p_from, $to AS p_to)`;
  // Months clipped to [from, to], so the first and last month cover only the asked days.
  return `periods AS (
  SELECT (row_number() OVER (ORDER BY m))::INTEGER AS period,
         strftime(m, '%Y-%m') AS period_label,
         greatest(m::DATE, $from) AS p_from,
         least((m + INTERVAL 1 MONTH)::DATE - 1, $to) AS p_to
  FROM range(date_trunc('month', $from)::TIMESTAMP, ($to + 1)::TIMESTAMP, INTERVAL 1 MONTH) AS months(m)
)`;
}
