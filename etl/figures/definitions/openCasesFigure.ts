/**
 * open_cases: individual-part cases with first concern on or before the period's last day
 * and not ended on or before that day. A stock at the end of the period, not a flow.
 * open_cases_over_90_days (section 4b): those older than 90 days at the period's last day,
 * or at the as-of date when that comes first (a case is not older than the day it is read).
 */
import { openCaseAgeDays } from '../followUpRules.ts';
import { countOf, type FigureFamily } from './figureFamily.ts';

const t = 'open_figures';

export const openCasesFigure: FigureFamily = {
  ctes: [
    // Written as a range (first concern <= p_to < end) so DuckDB can use a range join.
    `open_at_end AS (
  SELECT cf.g, p.period, cf.case_no, least(p.p_to, $as_of) - cf.first_concern_date AS age_days
  FROM case_facts cf
  JOIN periods p ON cf.first_concern_date <= p.p_to AND p.p_to < coalesce(cf.closed_date, DATE 'infinity')
  WHERE cf.individual_part AND cf.first_concern_date <= $to
)`,
  ],
  table: t,
  aggregate: {
    from: 'open_at_end',
    columns: ['count(*) AS open_cases', `count(*) FILTER (WHERE age_days > ${openCaseAgeDays}) AS open_cases_over_90_days`],
  },
  figures: { open_cases: countOf(t, 'open_cases'), open_cases_over_90_days: countOf(t, 'open_cases_over_90_days') },
  bases: { open_cases: countOf(t, 'open_cases') },
  individualCases: `SELECT g, period, case_no FROM open_at_end`,
};
