/**
 * The deviations of contract section 4d: cooperation problems between agencies around a
 * child, counted per group and period straight from the `deviations` table (it is small: a
 * school reports a handful a year, so no figure facts are needed). A deviation belongs to its
 * school. An agency named twice in one deviation counts once in `deviations_by_agency`.
 */
import { answerDueDays } from '../followUpRules.ts';
import { countOf, type FigureFamily } from './figureFamily.ts';

const t = 'deviation_figures';

/** CTE `deviation_facts`: the in-scope deviations, each agency once. */
const deviationFactsCte = `deviation_facts AS (
  SELECT sc.g, d.date, d.principle, d.escalated_date, d.answered_date, d.resolved_date,
         list_distinct(d.agencies) AS agencies
  FROM deviations d JOIN scope sc ON sc.school_id = d.school_id
)`;

const reported = 'f.date BETWEEN p.p_from AND p.p_to';
const resolvedInPeriod = 'f.resolved_date BETWEEN p.p_from AND p.p_to';
/** Not yet answered nor resolved on the as-of date, and more than 60 days old on it. */
const answerOverdue = `f.date <= p.p_to AND $as_of - f.date > ${answerDueDays}
  AND NOT coalesce(f.answered_date <= $as_of, false) AND NOT coalesce(f.resolved_date <= $as_of, false)`;

export const deviationFigures: FigureFamily = {
  ctes: [deviationFactsCte],
  table: t,
  aggregate: {
    from: 'deviation_facts f CROSS JOIN periods p',
    keys: ['f.g', 'p.period'],
    columns: [
      `count(*) FILTER (WHERE ${reported}) AS reported`,
      `count(*) FILTER (WHERE ${reported} AND f.principle) AS of_principle`,
      `count(*) FILTER (WHERE ${reported} AND f.escalated_date <= $as_of) AS escalated`,
      'count(*) FILTER (WHERE f.date <= p.p_to AND NOT coalesce(f.resolved_date <= p.p_to, false)) AS open',
      `count(*) FILTER (WHERE ${answerOverdue}) AS answer_overdue`,
      `count(*) FILTER (WHERE ${resolvedInPeriod}) AS resolved`,
      // quantile_cont interpolates, so an even count's median is the mean of the middle two
      `quantile_cont((f.resolved_date - f.date)::DOUBLE, 0.5) FILTER (WHERE ${resolvedInPeriod}) AS days_to_resolve_median`,
      `list_aggregate(flatten(list(f.agencies) FILTER (WHERE ${reported})), 'histogram')::JSON::VARCHAR AS by_agency`,
    ],
  },
  figures: {
    deviations_reported: countOf(t, 'reported'),
    deviations_of_principle: countOf(t, 'of_principle'),
    deviations_escalated: countOf(t, 'escalated'),
    deviations_open: countOf(t, 'open'),
    deviations_answer_overdue: countOf(t, 'answer_overdue'),
    deviation_days_to_resolve_median: `${t}.days_to_resolve_median`,
  },
  objects: { deviations_by_agency: `${t}.by_agency` },
  bases: {
    deviations_reported: countOf(t, 'reported'),
    deviations_open: countOf(t, 'open'),
    deviations_answer_overdue: countOf(t, 'answer_overdue'),
    deviations_resolved: countOf(t, 'resolved'),
  },
};
