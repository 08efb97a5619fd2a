/**
 * Figure latencies at national scale: one municipality and school year, and the national
 * breakdown, each two ways:
 * - as the dashboard asks for an ended school year (read as of its last day): served from the
 *   year figures when they are built (etl/figures/yearFigures/), as they are after an import
 *   on a server (its warmer builds them); the `municipality_year_*` and
 *   `national_by_municipality_ms` targets;
 * - the same year read as of the day after (`*_live_*`): no kept row answers that, so it is
 *   the figure query itself over the facts, what any other period costs (a term, the running
 *   year, one level of school).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeFigures, computeFiguresBy, type FigureQuery } from '../etl/figures/index.ts';
import { buildYearFigures } from '../etl/figures/yearFigures/buildYearFigures.ts';

/**
 * The school year the benches time, read as of the day after it ended: never kept, always
 * computed (the other benches time their own queries with it, as before the year figures).
 */
export const benchYear = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' } as const;
/** The same year read as of its last day: what the dashboard asks for an ended year, kept. */
const keptYear = { ...benchYear, asOf: '2025-07-31' } as const;

function quantile(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

async function municipalities(conn: DuckDBConnection): Promise<string[]> {
  const result = await conn.runAndReadAll('SELECT DISTINCT municipality FROM schools ORDER BY municipality');
  return result.getRows().map((r) => String(r[0]));
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Builds the year figures as a server does after an import; `today` fixed so the same years are built every run. */
export async function timeYearFigures(conn: DuckDBConnection, today = '2026-08-01') {
  const started = performance.now();
  const years = await buildYearFigures(conn, today);
  return { year_figures_build_s: (performance.now() - started) / 1000, year_figures_years: years.length };
}

async function timeYear(conn: DuckDBConnection, chosen: readonly string[], year: typeof benchYear | typeof keptYear) {
  const query = (municipality: string): FigureQuery => ({ ...year, municipality, allowedSchools: null });
  await computeFigures(conn, query(chosen[0]!)); // warm-up
  const times: number[] = [];
  for (const m of chosen) times.push(await timed(() => computeFigures(conn, query(m))));
  times.sort((a, b) => a - b);
  const national: number[] = [];
  for (let i = 0; i < 3; i++) {
    national.push(await timed(() => computeFiguresBy(conn, { ...year, by: 'municipality', allowedSchools: null }, 'municipality')));
  }
  national.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), national: national[1]! };
}

export async function timeFigures(conn: DuckDBConnection, sampleSize = 40) {
  const all = await municipalities(conn);
  // Every k-th municipality: a fixed, spread-out sample.
  const step = Math.max(1, Math.floor(all.length / sampleSize));
  const chosen = all.filter((_, i) => i % step === 0).slice(0, sampleSize);
  const kept = await timeYear(conn, chosen, keptYear);
  const live = await timeYear(conn, chosen, benchYear);
  return {
    municipalities_timed: chosen.length,
    municipality_year_p50_ms: kept.p50,
    municipality_year_p95_ms: kept.p95,
    national_by_municipality_ms: kept.national,
    municipality_year_live_p50_ms: live.p50,
    municipality_year_live_p95_ms: live.p95,
    national_by_municipality_live_ms: live.national,
  };
}
