/**
 * The rector's follow-up at national scale: the 4b figures and the five lists of one school
 * for a school year (what `GET /api/followup?school=` computes), over a spread-out sample of schools.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { followUp } from '../etl/followup/followUp.ts';
import { benchYear } from './timeFigures.ts';

function quantile(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export async function timeFollowUp(conn: DuckDBConnection, sampleSize = 40) {
  const result = await conn.runAndReadAll('SELECT school_id FROM schools ORDER BY school_id');
  const all = result.getRows().map((r) => String(r[0]));
  const step = Math.max(1, Math.floor(all.length / sampleSize));
  const chosen = all.filter((_, i) => i % step === 0).slice(0, sampleSize);
  await followUp(conn, { ...benchYear, school: chosen[0]!, allowedSchools: null }); // warm-up
  const times: number[] = [];
  for (const school of chosen) {
    const started = performance.now();
    await followUp(conn, { ...benchYear, school, allowedSchools: null });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { followup_schools_timed: chosen.length, followup_school_year_p50_ms: quantile(times, 0.5), followup_school_year_p95_ms: quantile(times, 0.95) };
}
