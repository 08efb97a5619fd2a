/**
 * The figure endpoints. All aggregate in SQL (etl/figures); none returns case rows.
 * GET /api/figures              one object for the scope, or with `by` a table of groups;
 *                               `total=all`: one object for every school of every municipality
 * GET /api/series/monthly       each figure per month (optionally per group)
 * GET /api/series/durations     days from first concern to end, counted per outcome
 * GET /api/series/survival      Kaplan–Meier points and Aalen–Johansen cumulative incidence
 * Each reads only the schools the viewer may see and suppresses what the viewer is not
 * scoped to (server/auth/README.md); every row carries `suppressed`, the hidden columns,
 * and `suppressed_reason`, why (null when nothing is hidden).
 */
import { Router } from 'express';
import { computeFigures, computeFiguresBy, durationDistribution, monthlySeries, survivalCurves } from '../../etl/figures/index.ts';
import { figureView } from '../auth/figureView.ts';
import type { AppContext } from '../appContext.ts';
import { cacheAnswers } from '../cache/cacheAnswers.ts';
import { figureTableSchema, flattenFigureRow, identitySchema } from '../http/figureTableSchema.ts';
import { sendTable, type TableSchema } from '../http/sendTable.ts';

const durationColumns = ['outcome', 'days', 'cases'];
const durationSchema: TableSchema = { ...identitySchema, outcome: 'utf8', days: 'int32', cases: 'int32', suppressed: 'utf8', suppressed_reason: 'utf8' };
const survivalColumns = ['t', 'at_risk', 'events', 'censored', 'survival', 'events_resolved', 'events_referred_ppt', 'events_referred_other']
  .concat(['cif_resolved', 'cif_referred_ppt', 'cif_referred_other', 'cif_referred']);
const survivalSchema: TableSchema = {
  ...identitySchema,
  ...Object.fromEntries(survivalColumns.map((k) => [k, 'float64' as const])),
  suppressed: 'utf8',
  suppressed_reason: 'utf8',
};
const monthlySchema: TableSchema = { month: 'utf8', ...figureTableSchema };

export function figureRoutes(deps: AppContext): Router {
  const router = Router();
  const cached = cacheAnswers(deps);

  router.get('/api/figures', cached, async (req, res) => {
    const shown = await figureView(deps, req, res, 'figures', async (conn, q, view) =>
      q.by ? { rows: await view.figureRows(await computeFiguresBy(conn, q, q.by)) } : { row: (await view.figureRows([await computeFigures(conn, q)]))[0]! },
    );
    if ('row' in shown) res.json(shown.row);
    else sendTable(req, res, shown.rows.map(flattenFigureRow), figureTableSchema);
  });
  router.get('/api/series/monthly', cached, async (req, res) => {
    const rows = await figureView(deps, req, res, 'series/monthly', async (conn, q, view) => view.monthlyRows(await monthlySeries(conn, q)));
    sendTable(req, res, rows.map(flattenFigureRow), monthlySchema);
  });
  router.get('/api/series/durations', cached, async (req, res) => {
    const rows = await figureView(deps, req, res, 'series/durations', async (conn, q, view) =>
      view.seriesRows(await durationDistribution(conn, q), q.by ?? 'all', durationColumns),
    );
    sendTable(req, res, rows, durationSchema);
  });
  router.get('/api/series/survival', cached, async (req, res) => {
    const rows = await figureView(deps, req, res, 'series/survival', async (conn, q, view) =>
      view.seriesRows(await survivalCurves(conn, q), q.by ?? 'all', survivalColumns),
    );
    sendTable(req, res, rows, survivalSchema);
  });
  return router;
}
