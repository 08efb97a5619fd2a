/**
 * The rector's-page benchmark on the sample data: every metric is reported, and the route's
 * body is timed as the school's own rector gets it (with the lists; the bench refuses a
 * body without them rather than time less work).
 */
import { describe, expect, it } from 'vitest';
import { timeFollowUp } from '../../bench/timeFollowUp.ts';
import { useReadOnlySample } from '../helpers/readOnlySample.ts';

describe('timeFollowUp', () => {
  const sample = useReadOnlySample('rt-bench-fu-');

  it('times followUp, the rector’s /api/followup body and the year wheel for the sampled schools', async () => {
    const side = await sample.instance.connect();
    const timed = await timeFollowUp(sample.conn, side, 3).finally(() => side.closeSync());
    expect(Object.keys(timed).sort()).toEqual([
      'followup_answer_school_year_p50_ms',
      'followup_answer_school_year_p95_ms',
      'followup_school_year_p50_ms',
      'followup_school_year_p95_ms',
      'followup_schools_timed',
      'yearwheel_school_year_p50_ms',
      'yearwheel_school_year_p95_ms',
    ]);
    expect(timed.followup_schools_timed).toBe(3);
    for (const [key, value] of Object.entries(timed)) {
      expect(Number.isFinite(value), key).toBe(true);
      expect(value, key).toBeGreaterThan(0);
    }
    expect(timed.followup_answer_school_year_p95_ms).toBeGreaterThanOrEqual(timed.followup_answer_school_year_p50_ms);
  }, 120_000);
});
