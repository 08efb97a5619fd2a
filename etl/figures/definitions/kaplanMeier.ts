/**
 * km_median_days: the Kaplan–Meier median of days from first concern to end, for the
 * individual-part cases whose first concern is in the period (and not after the as-of
 * date). A case not ended by the as-of date (no closed_date, or one after it) is censored
 * there. The step CTEs also feed the survival and cumulative-incidence curves.
 */
import { countOf, type FigureFamily } from './figureFamily.ts';

/** |S(t) − 0.5| within this counts as exactly 0.5 (the contract's tolerance). */
export const KM_TOLERANCE = 1e-9;

const ended = `cf.closed_date <= $as_of`;

/** CTE `km_cohort(g, period, case_no, t, ended, outcome)`: one row per case. */
const kmCohortCte = `km_cohort AS (
  SELECT cf.g, p.period, cf.case_no,
         coalesce(${ended}, false) AS ended,
         (CASE WHEN ${ended} THEN cf.closed_date ELSE $as_of END) - cf.first_concern_date AS t,
         CASE WHEN ${ended} THEN cf.outcome END AS outcome
  FROM case_facts cf
  JOIN periods p ON cf.first_concern_date BETWEEN p.p_from AND p.p_to
  WHERE cf.individual_part AND cf.first_concern_date BETWEEN $from AND $to AND cf.first_concern_date <= $as_of
)`;

/** CTE `km_steps`: per distinct time, the events (by outcome) and censorings there. */
const kmStepsCte = `km_steps AS (
  SELECT g, period, t,
         count(*) FILTER (WHERE ended) AS events,
         count(*) FILTER (WHERE NOT ended) AS censored,
         count(*) FILTER (WHERE outcome = 'resolved') AS events_resolved,
         count(*) FILTER (WHERE outcome = 'referred_ppt') AS events_referred_ppt,
         count(*) FILTER (WHERE outcome = 'referred_other') AS events_referred_other
  FROM km_cohort
  GROUP BY g, period, t
)`;

/**
 * CTE `km_at_risk`: n(t) = cases whose time is >= t, so a case censored at t is still at
 * risk at t (events come before censorings at a tie, as in R's survival).
 */
const kmAtRiskCte = `km_at_risk AS (
  SELECT *, sum(events + censored) OVER (PARTITION BY g, period ORDER BY t DESC) AS at_risk
  FROM km_steps
)`;

/** CTE `km_curve`: S(t) = Π over event times s <= t of (1 − d(s)/n(s)). */
const kmCurveCte = `km_curve AS (
  SELECT *,
         product(1 - events::DOUBLE / at_risk) OVER (PARTITION BY g, period ORDER BY t) AS survival,
         min(CASE WHEN events > 0 THEN t END)
           OVER (PARTITION BY g, period ORDER BY t ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_event_t,
         max(t) OVER (PARTITION BY g, period) AS t_max
  FROM km_at_risk
)`;

/** The CTEs that build the curve; survivalCurves reads `km_curve` too. */
export const kaplanMeierCtes: readonly string[] = [kmCohortCte, kmStepsCte, kmAtRiskCte, kmCurveCte];

const t = 'km_figures';

/*
 * The median as R's quantile.survfit reports it: the first event time where S(t) <= 0.5;
 * where S(t) is 0.5 itself the curve is flat at the median, so take the middle of the flat:
 * halfway to the next event time, or to the largest observed time when no event follows.
 * No such event time (S stays above 0.5) gives NULL.
 */
const kmMedian = `arg_min(
           CASE WHEN abs(survival - 0.5) <= ${KM_TOLERANCE}
                THEN (t + coalesce(next_event_t, t_max))::DOUBLE / 2
                ELSE t::DOUBLE END,
           t) FILTER (WHERE events > 0 AND survival <= 0.5 + ${KM_TOLERANCE})`;

export const kaplanMeier: FigureFamily = {
  ctes: kaplanMeierCtes,
  table: t,
  aggregate: { from: 'km_curve', columns: ['sum(events + censored) AS km_cases', `${kmMedian} AS km_median_days`] },
  figures: { km_median_days: `${t}.km_median_days` },
  bases: { km_cases: countOf(t, 'km_cases') },
  individualCases: `SELECT g, period, case_no FROM km_cohort`,
};
