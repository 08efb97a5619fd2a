/**
 * median_days_between_meetings (section 4b): per school, its distinct dates of held meetings
 * in the period, in order, and the days from each to the next; the median of all those gaps
 * pooled over the group's schools. Two meetings on one day are one date (no gap of 0); the
 * gaps stay inside the period, so a month's figure uses that month's meetings only. Null
 * with no gap (fewer than two dates at every school).
 */
import { countOf, type FigureFamily } from './figureFamily.ts';

const t = 'meeting_rhythm_figures';

export const meetingRhythmFigure: FigureFamily = {
  ctes: [
    `meeting_gaps AS (
  SELECT g, period, (lead(date) OVER (PARTITION BY g, period, school_no ORDER BY date) - date)::DOUBLE AS gap
  FROM (SELECT DISTINCT g, period, school_no, date FROM meeting_facts WHERE held)
)`,
  ],
  table: t,
  aggregate: {
    from: 'meeting_gaps',
    columns: [
      'count(gap) AS meeting_gaps',
      // quantile_cont interpolates, so an even count's median is the mean of the middle two
      'quantile_cont(gap, 0.5) AS median_days_between_meetings',
    ],
  },
  figures: { median_days_between_meetings: `${t}.median_days_between_meetings` },
  bases: { meeting_gaps: countOf(t, 'meeting_gaps') },
};
