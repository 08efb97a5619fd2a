import { describe, expect, it } from 'vitest';
import { schoolLevel } from '../../../etl/contract/vocabularies.ts';
import { figureBaseKeys, figureKeys, figureObjectKeys, figureSpecs, followUpKeys } from '../../../etl/figures/figureKeys.ts';
import { SchoolLevel } from '../../../etl/figures/figureQuery.ts';

describe('figureKeys', () => {
  it('figureKeys lists the 23 keys of contract section 4, the 12 of section 4b and the 6 numeric ones of 4d, in contract order', () => {
    expect(figureKeys).toEqual([
      'meetings_held',
      'meetings_cancelled',
      'system_case_discussions',
      'system_case_discussions_per_meeting',
      'system_measures_started',
      'staff_reached_total',
      'staff_reached_per_system_measure',
      'individual_case_discussions',
      'anonymous_case_discussions',
      'individual_case_discussions_per_meeting',
      'system_measures_for_individual_cases',
      'individual_measures_for_individual_cases',
      'cases_ended',
      'cases_referred_ppt',
      'days_to_end_median',
      'days_to_end_p90',
      'km_median_days',
      'open_cases',
      'agenda_in_advance_rate',
      'minutes_rate',
      'consent_before_discussion_rate',
      'tested_before_ppt_referral_rate',
      'evaluation_on_time_rate',
      'planned_meetings',
      'planned_meetings_held',
      'planned_meetings_missed',
      'plan_adherence_rate',
      'median_days_between_meetings',
      'tgl_meetings',
      'planned_tgl_visits',
      'evaluations_overdue',
      'discussed_before_consent',
      'meetings_without_agenda_in_advance',
      'meetings_without_minutes',
      'open_cases_over_90_days',
      'deviations_reported',
      'deviations_of_principle',
      'deviations_escalated',
      'deviations_open',
      'deviations_answer_overdue',
      'deviation_days_to_resolve_median',
    ]);
    expect(figureObjectKeys).toEqual(['deviations_by_agency']);
  });

  it('followUpKeys are the 12 keys of section 4b', () => {
    expect(followUpKeys).toEqual(figureKeys.slice(23, 35));
    expect(followUpKeys).toHaveLength(12);
    expect(followUpKeys[0]).toBe('planned_meetings');
  });

  it('the 4b figures that rest on individual-part cases share the unit of the figure they complement', () => {
    const cases = (key: string) => figureSpecs.find((s) => s.key === key)?.cases;
    expect(cases('discussed_before_consent')).toBe('consent_cases');
    expect(cases('open_cases_over_90_days')).toBe('open_cases');
    expect(cases('evaluations_overdue')).toBe('individual_cases_with_evaluations_due');
    const caseBased = new Set(['discussed_before_consent', 'open_cases_over_90_days', 'evaluations_overdue']);
    for (const key of followUpKeys.filter((k) => !caseBased.has(k))) expect(cases(key), key).toBeNull();
  });

  it('figureSpecs describes every key once, in order, with bases that exist', () => {
    expect(figureSpecs.map((s) => s.key)).toEqual([...figureKeys]);
    for (const spec of figureSpecs) {
      expect(spec.label.nb && spec.label.en && spec.definition).toBeTruthy();
      for (const base of [spec.denominator, spec.cases]) if (base !== null) expect(figureBaseKeys).toContain(base);
    }
  });

  it('figureSpecs gives every rate, mean and median a denominator', () => {
    for (const spec of figureSpecs.filter((s) => s.kind !== 'count' && s.kind !== 'sum')) expect(spec.denominator, spec.key).not.toBeNull();
  });

  it('SchoolLevel matches the contract vocabulary', () => {
    expect(SchoolLevel.options).toEqual(schoolLevel.codes);
  });
});
