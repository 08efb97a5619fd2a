/**
 * The key figures' definitions in English (the server sends the contract's bokmål wording,
 * `FigureSpec.definition`; an English reader gets these instead). Typed against every key,
 * so a new figure without an English definition does not compile. Keep in step with
 * etl/figures/figureKeys.ts.
 */
import type { FigureKey } from '../api/types.ts';

const held = 'meetings with status held and a date in the period';

export const definitionsEn: Readonly<Record<FigureKey, string>> = {
  meetings_held: `Number of ${held}.`,
  meetings_cancelled: 'Number of meetings with status cancelled and a date in the period.',
  system_case_discussions: `Number of discussions of system cases at ${held}.`,
  system_case_discussions_per_meeting: 'Discussions of system cases divided by the number of meetings held.',
  system_measures_started: 'System-level measures in system cases with a start date in the period.',
  staff_reached_total: 'The sum of staff who benefit, over the system measures started in the period (unknown counts as 0).',
  staff_reached_per_system_measure: 'The mean number of staff who benefit, over the system measures where the number is known.',
  individual_case_discussions: `Number of discussions of individual and anonymous cases at ${held}.`,
  anonymous_case_discussions: `Number of discussions of anonymous cases at ${held}.`,
  individual_case_discussions_per_meeting: 'Discussions of individual and anonymous cases divided by the number of meetings held.',
  system_measures_for_individual_cases: 'System-level measures in individual and anonymous cases, started in the period.',
  individual_measures_for_individual_cases: 'Individual-level measures in individual and anonymous cases, started in the period.',
  cases_ended: 'Individual and anonymous cases with an end date in the period (resolved or referred).',
  cases_referred_ppt: 'Of the cases ended: those referred to PPT.',
  days_to_end_median: 'The median of days from first concern to end date, over the cases ended. With an even number of cases: the mean of the middle two.',
  days_to_end_p90: 'The 90th percentile of days from first concern to end date, with linear interpolation.',
  km_median_days:
    'The Kaplan–Meier median of days from first concern to end, for individual and anonymous cases with first concern in the period. Cases not ended by the as-of date count up to that date (censored). Empty when fewer than half have ended.',
  open_cases: 'Individual and anonymous cases with first concern on or before the last day of the period that had not ended on that day.',
  agenda_in_advance_rate: 'Share of meetings held where the agenda was sent before the day of the meeting.',
  minutes_rate: 'Share of meetings held with minutes.',
  consent_before_discussion_rate:
    'Share of individual cases discussed at meetings held in the period where consent from the guardians was given on or before the day the case was first discussed.',
  tested_before_ppt_referral_rate: 'Share of the cases referred to PPT where at least one measure had been evaluated on or before the referral date.',
  evaluation_on_time_rate: 'Share of measures with an evaluation date in the period (and on or before the as-of date) that were evaluated on or before the evaluation date.',
  planned_meetings: 'Meetings in the year wheel with a date in the period and on or before the as-of date.',
  planned_meetings_held: 'Of the planned meetings: those where the school held a meeting at most 3 days before or after the planned date. One meeting can cover two planned ones.',
  planned_meetings_missed: 'Planned meetings minus planned meetings held.',
  plan_adherence_rate: 'Share of the planned meetings that were held.',
  median_days_between_meetings:
    'For each school: the days between each date with a meeting held in the period and the next. The median of all these gaps. Empty without at least two meeting dates.',
  tgl_meetings: `${held[0]!.toUpperCase()}${held.slice(1)} where TGL took part.`,
  planned_tgl_visits: 'TGL visits in the year wheel with a date in the period and on or before the as-of date.',
  evaluations_overdue: 'Measures with an evaluation date in the period and before the as-of date that had not been evaluated by the as-of date.',
  discussed_before_consent: 'Individual cases discussed at meetings held in the period where consent is missing or came after the first discussion.',
  meetings_without_agenda_in_advance: 'Meetings held in the period where the agenda was not sent before the day of the meeting.',
  meetings_without_minutes: 'Meetings held in the period without minutes recorded (no or unknown).',
  open_cases_over_90_days: 'Open cases that were more than 90 days old on the last day of the period (or on the as-of date, if earlier).',
  deviations_reported: 'Deviations (cooperation problems between agencies) dated in the period.',
  deviations_of_principle: 'Of the deviations dated in the period, those marked as of principle.',
  deviations_escalated: 'Of the deviations dated in the period, those reported on to the regional level on or before the as-of date.',
  deviations_open: 'Deviations dated on or before the last day of the period and not resolved by then.',
  deviations_answer_overdue: 'Deviations dated on or before the last day of the period and more than 60 days before the as-of date, neither answered nor resolved by the as-of date.',
  deviation_days_to_resolve_median: 'Median number of days from the date of a deviation to its resolution, over deviations resolved in the period.',
};
