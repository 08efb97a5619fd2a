/**
 * Case discussions at held meetings in the period, by case kind, and per held meeting.
 * Discussions at cancelled meetings are not in the facts at all.
 */
import { countOf, ratio, type FigureFamily } from './figureFamily.ts';

const t = 'discussion_figures';

export const discussionFigures: FigureFamily = {
  ctes: [],
  table: t,
  aggregate: {
    from: 'held_discussions',
    columns: [
      "count(*) FILTER (WHERE kind = 'system') AS system_case_discussions",
      'count(*) FILTER (WHERE individual_part) AS individual_case_discussions',
      "count(*) FILTER (WHERE kind = 'anonymous') AS anonymous_case_discussions",
    ],
  },
  figures: {
    system_case_discussions: countOf(t, 'system_case_discussions'),
    system_case_discussions_per_meeting: ratio(countOf(t, 'system_case_discussions'), 'meeting_figures.meetings_held'),
    individual_case_discussions: countOf(t, 'individual_case_discussions'),
    anonymous_case_discussions: countOf(t, 'anonymous_case_discussions'),
    individual_case_discussions_per_meeting: ratio(countOf(t, 'individual_case_discussions'), 'meeting_figures.meetings_held'),
  },
  bases: {},
  individualCases: `SELECT g, period, case_no FROM held_discussions WHERE individual_part`,
  individualCasesBase: 'individual_cases_discussed',
};
