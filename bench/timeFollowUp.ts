/**
 * The rector's page at national scale, over a spread-out sample of schools for a school year:
 * - the 4b figures and the five lists of one school (what `GET /api/followup?school=`
 *   computes for the school's own rector): `followup_school_year_*` (issue 10: p95 ≤ 50 ms);
 * - the year wheel's items of one school (`GET /api/yearwheel?school=`):
 *   `yearwheel_school_year_*`. Issue 10 asks the page's requests to stay within the speed
 *   targets and names only the follow-up's; the wheel is held to the same 50 ms.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../etl/figures/figureQuery.ts';
import { followUp } from '../etl/followup/followUp.ts';
import { yearWheelItems } from '../etl/followup/yearWheelItems.ts';
import { benchYear } from './timeFigures.ts';

function quantile(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

async function timeSchools(schools: readonly string[], work: (q: FigureQuery) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const query = (school: string): FigureQuery => ({ ...benchYear, school, allowedSchools: null });
  await work(query(schools[0]!)); // warm-up
  const times: number[] = [];
  for (const school of schools) {
    const started = performance.now();
    await work(query(school));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

export async function timeFollowUp(conn: DuckDBConnection, sampleSize = 40) {
  const result = await conn.runAndReadAll('SELECT school_id FROM schools ORDER BY school_id');
  const all = result.getRows().map((r) => String(r[0]));
  const step = Math.max(1, Math.floor(all.length / sampleSize));
  const chosen = all.filter((_, i) => i % step === 0).slice(0, sampleSize);
  const followUpTimes = await timeSchools(chosen, (q) => followUp(conn, q));
  const wheelTimes = await timeSchools(chosen, (q) => yearWheelItems(conn, q));
  return {
    followup_schools_timed: chosen.length,
    followup_school_year_p50_ms: followUpTimes.p50,
    followup_school_year_p95_ms: followUpTimes.p95,
    yearwheel_school_year_p50_ms: wheelTimes.p50,
    yearwheel_school_year_p95_ms: wheelTimes.p95,
  };
}
