/**
 * evaluation_on_time_rate: measures (any level, any case kind) whose evaluation_due_date is
 * in the period and on or before the as-of date, the share evaluated on or before that due
 * date. A due date after the as-of date is not due yet, so it is left out; a measure that
 * is due but not evaluated is late.
 *
 * evaluations_overdue (section 4b): of those, the ones due before the as-of date (due on the
 * as-of date is not overdue yet) that had no evaluation on or before the as-of date.
 */
import { countOf, ratio, type FigureFamily } from './figureFamily.ts';

const t = 'evaluation_figures';

export const evaluationFigure: FigureFamily = {
  ctes: [
    `due_measures AS (
  SELECT mf.g, p.period, mf.case_no, mf.individual_part, mf.evaluated_on_time,
         mf.evaluation_due_date < $as_of AND NOT coalesce(mf.evaluated_date <= $as_of, false) AS overdue
  FROM measure_facts mf
  JOIN periods p ON mf.evaluation_due_date BETWEEN p.p_from AND p.p_to
  WHERE mf.evaluation_due_date BETWEEN $from AND $to AND mf.evaluation_due_date <= $as_of
)`,
  ],
  table: t,
  aggregate: {
    from: 'due_measures',
    columns: [
      'count(*) AS evaluations_due',
      'count(*) FILTER (WHERE evaluated_on_time) AS evaluated_on_time',
      'count(*) FILTER (WHERE overdue) AS evaluations_overdue',
    ],
  },
  figures: {
    evaluation_on_time_rate: ratio(`${t}.evaluated_on_time`, `${t}.evaluations_due`),
    evaluations_overdue: countOf(t, 'evaluations_overdue'),
  },
  bases: {
    evaluations_due: countOf(t, 'evaluations_due'),
  },
  individualCases: `SELECT g, period, case_no FROM due_measures WHERE individual_part`,
  individualCasesBase: 'individual_cases_with_evaluations_due',
};
