/**
 * The year wheel against what happened (section 4b): planned meetings and TGL visits dated in
 * the period and on or before the as-of date (a plan for a later day is not due yet), and the
 * planned meetings held. Whether a plan was held is settled in the facts (`plan_held`: the
 * school held a meeting within the window of the planned date, at any date; one meeting may
 * serve two plans).
 */
import { FACTS } from '../facts/factTables.ts';
import { countOf, ratio, type FigureFamily } from './figureFamily.ts';

const t = 'year_wheel_figures';

export const yearWheelFigures: FigureFamily = {
  ctes: [
    `due_plans AS (
  SELECT sc.g, p.period, y.activity, y.plan_held
  FROM ${FACTS}.yearwheel y
  JOIN scope sc USING (school_no)
  JOIN periods p ON y.date BETWEEN p.p_from AND p.p_to
  WHERE y.date BETWEEN $from AND $to AND y.date <= $as_of
)`,
  ],
  table: t,
  aggregate: {
    from: 'due_plans',
    columns: [
      "count(*) FILTER (WHERE activity = 'meeting') AS planned_meetings",
      "count(*) FILTER (WHERE activity = 'meeting' AND plan_held) AS planned_meetings_held",
      "count(*) FILTER (WHERE activity = 'tgl_visit') AS planned_tgl_visits",
    ],
  },
  figures: {
    planned_meetings: countOf(t, 'planned_meetings'),
    planned_meetings_held: countOf(t, 'planned_meetings_held'),
    planned_meetings_missed: `${countOf(t, 'planned_meetings')} - ${countOf(t, 'planned_meetings_held')}`,
    plan_adherence_rate: ratio(`${t}.planned_meetings_held`, `${t}.planned_meetings`),
    planned_tgl_visits: countOf(t, 'planned_tgl_visits'),
  },
  bases: { planned_meetings: countOf(t, 'planned_meetings') },
};
