/**
 * Individual-part cases ended (closed or referred: closed_date in the period), those
 * referred to PPT, the days from first concern to end, and whether a PPT referral came
 * after an evaluated measure (evaluated_before_end in the case facts: any measure of the
 * case, any level, evaluated on or before closed_date).
 */
import { countOf, ratio, type FigureFamily } from './figureFamily.ts';

const t = 'ended_figures';

/** CTE `ended_cases`: the cases_ended of each group and period, with their days to end. */
export const endedCasesCte = `ended_cases AS (
  SELECT c.g, p.period, c.case_no, c.outcome, c.evaluated_before_end,
         (c.closed_date - c.first_concern_date)::DOUBLE AS days
  FROM case_facts c
  JOIN periods p ON c.closed_date BETWEEN p.p_from AND p.p_to
  WHERE c.individual_part AND c.closed_date BETWEEN $from AND $to
)`;

export const endedCaseFigures: FigureFamily = {
  ctes: [endedCasesCte],
  table: t,
  aggregate: {
    from: 'ended_cases',
    columns: [
      'count(*) AS cases_ended',
      "count(*) FILTER (WHERE outcome = 'referred_ppt') AS cases_referred_ppt",
      "count(*) FILTER (WHERE outcome = 'referred_ppt' AND evaluated_before_end) AS referred_ppt_tested",
      // quantile_cont interpolates, so an even count's median is the mean of the middle two
      'quantile_cont(days, 0.5) AS days_to_end_median',
      'quantile_cont(days, 0.9) AS days_to_end_p90',
    ],
  },
  figures: {
    cases_ended: countOf(t, 'cases_ended'),
    cases_referred_ppt: countOf(t, 'cases_referred_ppt'),
    days_to_end_median: `${t}.days_to_end_median`,
    days_to_end_p90: `${t}.days_to_end_p90`,
    tested_before_ppt_referral_rate: ratio(`${t}.referred_ppt_tested`, `${t}.cases_referred_ppt`),
  },
  bases: {
    cases_ended: countOf(t, 'cases_ended'),
    cases_referred_ppt: countOf(t, 'cases_referred_ppt'),
  },
  individualCases: `SELECT g, period, case_no FROM ended_cases`,
};
