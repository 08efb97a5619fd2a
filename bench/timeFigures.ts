/** Figure latencies at national scale: one municipality and school year, and the national breakdown. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeFigures, computeFiguresBy, type FigureQuery } from '../etl/figures/index.ts';

export const benchYear = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' } as const;

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

export async function timeFigures(conn: DuckDBConnection, sampleSize = 40) {
  const all = await municipalities(conn);
  // Every k-th municipality: a fixed, spread-out sample.
  const step = Math.max(1, Math.floor(all.length / sampleSize));
  const chosen = all.filter((_, i) => i % step === 0).slice(0, sampleSize);
  const query = (municipality: string): FigureQuery => ({ ...benchYear, municipality, allowedSchools: null });
  await computeFigures(conn, query(chosen[0]!)); // warm-up
  const times: number[] = [];
  for (const m of chosen) times.push(await timed(() => computeFigures(conn, query(m))));
  times.sort((a, b) => a - b);
  const national: number[] = [];
  for (let i = 0; i < 3; i++) {
    national.push(await timed(() => computeFiguresBy(conn, { ...benchYear, by: 'municipality', allowedSchools: null }, 'municipality')));
  }
  national.sort((a, b) => a - b);
  return {
    municipalities_timed: chosen.length,
    municipality_year_p50_ms: quantile(times, 0.5),
    municipality_year_p95_ms: quantile(times, 0.95),
    national_by_municipality_ms: national[1]!,
  };
}
