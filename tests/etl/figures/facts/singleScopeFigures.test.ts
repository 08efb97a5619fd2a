/**
 * A scope's total over the whole period is computed in another shape than a breakdown: each
 * figure family's table is one ungrouped row, cross-joined (etl/figures/definitions/familyCtes.ts).
 * Every key of sections 4 and 4b for one school, and for one municipality, as the scope of
 * computeFigures, equals the independent SQL reference (referenceFigures.ts) on the sample
 * data; and a scope without schools gives counts 0 and shares null, as the grouped shape does
 * for a group without rows.
 */
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../../etl/figures/index.ts';
import { useReadOnlySample } from '../../../helpers/readOnlySample.ts';
import { figureMismatches } from './figureMismatches.ts';
import { referenceFigures, type ReferencePeriod } from './referenceFigures.ts';

const period: ReferencePeriod = { from: '2025-08-01', to: '2026-07-31', asOf: '2026-03-15' };

/** The counts of sections 4 and 4b, written out from the contract: 0 without facts. */
const countKeys = [
  'meetings_held', 'meetings_cancelled', 'system_case_discussions', 'system_measures_started', 'staff_reached_total',
  'individual_case_discussions', 'anonymous_case_discussions', 'system_measures_for_individual_cases',
  'individual_measures_for_individual_cases', 'cases_ended', 'cases_referred_ppt', 'open_cases', 'planned_meetings',
  'planned_meetings_held', 'planned_meetings_missed', 'tgl_meetings', 'planned_tgl_visits', 'evaluations_overdue',
  'discussed_before_consent', 'meetings_without_agenda_in_advance', 'meetings_without_minutes', 'open_cases_over_90_days',
] as const;

/** The shares, means and medians: null without facts. */
const otherKeys = [
  'system_case_discussions_per_meeting', 'staff_reached_per_system_measure', 'individual_case_discussions_per_meeting',
  'days_to_end_median', 'days_to_end_p90', 'km_median_days', 'agenda_in_advance_rate', 'minutes_rate',
  'consent_before_discussion_rate', 'tested_before_ppt_referral_rate', 'evaluation_on_time_rate', 'plan_adherence_rate',
  'median_days_between_meetings',
] as const;

const contractKeys = [...countKeys, ...otherKeys];

type Row = Record<string, unknown>;

const mismatches = (scope: string, actual: Row, expected: Record<string, number | null>): string[] =>
  figureMismatches(scope, contractKeys, actual, expected);

const sample = useReadOnlySample('rt-single-', 60_000);

describe('a scope total (one row per figure family) equals the reference', () => {
  it('every key with each school as the scope', async () => {
    const expected = await referenceFigures(sample.conn, 'school_id', period);
    expect(expected.size).toBeGreaterThan(10);
    const found: string[] = [];
    for (const [school, reference] of expected) {
      found.push(...mismatches(school, (await computeFigures(sample.conn, { ...period, school, allowedSchools: null })) as unknown as Row, reference));
    }
    expect(found).toEqual([]);
  });

  it('every key with each municipality as the scope', async () => {
    const expected = await referenceFigures(sample.conn, 'municipality', period);
    const found: string[] = [];
    for (const [municipality, reference] of expected) {
      found.push(...mismatches(municipality, (await computeFigures(sample.conn, { ...period, municipality, allowedSchools: null })) as unknown as Row, reference));
    }
    expect(found).toEqual([]);
  });

  it('a viewer with no schools gets counts 0 and shares, means and medians null', async () => {
    const f = (await computeFigures(sample.conn, { ...period, allowedSchools: [] })) as unknown as Row;
    expect(Object.fromEntries(countKeys.map((k) => [k, f[k]]))).toEqual(Object.fromEntries(countKeys.map((k) => [k, 0])));
    expect(Object.fromEntries(otherKeys.map((k) => [k, f[k]]))).toEqual(Object.fromEntries(otherKeys.map((k) => [k, null])));
    expect(f.deviations_reported).toBe(0);
    expect(f.deviation_days_to_resolve_median).toBeNull();
  });
});
