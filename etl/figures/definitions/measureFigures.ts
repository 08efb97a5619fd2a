/**
 * Measures started in the period (started_date in it): system measures on system cases and
 * the staff they reach, and system and individual measures on individual-part cases.
 * Grouped by the school of the measure's case.
 */
import { countOf, ratio, type FigureFamily } from './figureFamily.ts';

const t = 'measure_figures';
const systemOnSystem = `level = 'system' AND case_kind = 'system'`;

export const measureFigures: FigureFamily = {
  ctes: [
    `started_measures AS (
  SELECT mf.g, p.period, mf.case_no, mf.level, mf.case_kind, mf.individual_part, mf.staff_reached
  FROM measure_facts mf
  JOIN periods p ON mf.started_date BETWEEN p.p_from AND p.p_to
  WHERE mf.started_date BETWEEN $from AND $to
)`,
  ],
  table: t,
  aggregate: {
    from: 'started_measures',
    columns: [
      `count(*) FILTER (WHERE ${systemOnSystem}) AS system_measures_started`,
      // sum and count skip unknown staff_reached: 0 in the total, left out of the mean
      `sum(staff_reached) FILTER (WHERE ${systemOnSystem}) AS staff_reached_total`,
      `count(staff_reached) FILTER (WHERE ${systemOnSystem}) AS system_measures_with_staff_reached`,
      "count(*) FILTER (WHERE level = 'system' AND individual_part) AS system_measures_for_individual_cases",
      "count(*) FILTER (WHERE level = 'individual' AND individual_part) AS individual_measures_for_individual_cases",
    ],
  },
  figures: {
    system_measures_started: countOf(t, 'system_measures_started'),
    staff_reached_total: countOf(t, 'staff_reached_total'),
    staff_reached_per_system_measure: ratio(`${t}.staff_reached_total`, `${t}.system_measures_with_staff_reached`),
    system_measures_for_individual_cases: countOf(t, 'system_measures_for_individual_cases'),
    individual_measures_for_individual_cases: countOf(t, 'individual_measures_for_individual_cases'),
  },
  bases: {
    system_measures_with_staff_reached: countOf(t, 'system_measures_with_staff_reached'),
  },
  individualCases: `SELECT g, period, case_no FROM started_measures WHERE individual_part`,
  individualCasesBase: 'individual_cases_with_measures',
};
