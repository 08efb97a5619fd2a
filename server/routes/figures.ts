/**
 * The figure endpoints. All aggregate in SQL (etl/figures); none returns case rows.
 * GET /api/figures              one object for the scope, or with `by` a table of groups
 * GET /api/series/monthly       each figure per month (optionally per group)
 * GET /api/series/durations     days from first concern to end, counted per outcome
 * GET /api/series/survival      Kaplan–Meier points and Aalen–Johansen cumulative incidence
 */
import { Router, type Request } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  computeFigures,
  computeFiguresBy,
  durationDistribution,
  monthlySeries,
  survivalCurves,
  type FigureQuery,
} from '../../etl/figures/index.ts';
import type { AppDeps } from '../createApp.ts';
import { figureQueryOf } from '../http/figureRequest.ts';
import { figureTableSchema, flattenFigureRow, identitySchema } from '../http/figureTableSchema.ts';
import { sendTable, type TableSchema } from '../http/sendTable.ts';
import { withConnection } from '../withConnection.ts';

const durationSchema: TableSchema = { ...identitySchema, outcome: 'utf8', days: 'int32', cases: 'int32' };
const survivalSchema: TableSchema = {
  ...identitySchema,
  ...Object.fromEntries(
    ['t', 'at_risk', 'events', 'censored', 'survival', 'events_resolved', 'events_referred_ppt', 'events_referred_other']
      .concat(['cif_resolved', 'cif_referred_ppt', 'cif_referred_other', 'cif_referred'])
      .map((k) => [k, 'float64' as const]),
  ),
};
const monthlySchema: TableSchema = { month: 'utf8', ...figureTableSchema };

export function figureRoutes(deps: AppDeps): Router {
  const router = Router();
  const run = <T>(req: Request, work: (conn: DuckDBConnection, q: FigureQuery) => Promise<T>) =>
    withConnection(deps.instance, (conn) => work(conn, figureQueryOf(req, deps.today())));

  router.get('/api/figures', async (req, res) => {
    const q = figureQueryOf(req, deps.today());
    if (q.by) {
      const rows = await withConnection(deps.instance, (conn) => computeFiguresBy(conn, q, q.by!));
      sendTable(req, res, rows.map(flattenFigureRow), figureTableSchema);
      return;
    }
    const row = await withConnection(deps.instance, (conn) => computeFigures(conn, q));
    res.json(row);
  });
  router.get('/api/series/monthly', async (req, res) => {
    const rows = await run(req, (conn, q) => monthlySeries(conn, q));
    sendTable(req, res, rows.map(flattenFigureRow), monthlySchema);
  });
  router.get('/api/series/durations', async (req, res) => {
    const rows = await run(req, (conn, q) => durationDistribution(conn, q));
    sendTable(req, res, rows, durationSchema);
  });
  router.get('/api/series/survival', async (req, res) => {
    const rows = await run(req, (conn, q) => survivalCurves(conn, q));
    sendTable(req, res, rows, survivalSchema);
  });
  return router;
}
