/**
 * GET /api/meta: what the dashboard needs to build its filters and explain its numbers:
 * the schools in scope, municipalities, the span of the data, and every figure's definition.
 */
import { Router } from 'express';
import { figureSpecs } from '../../etl/figures/figureKeys.ts';
import type { AppDeps } from '../createApp.ts';
import { withConnection } from '../withConnection.ts';

export function metaRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/meta', async (_req, res) => {
    const meta = await withConnection(deps.instance, async (conn) => {
      const schools = await conn.runAndReadAll(
        `SELECT school_id, school_name, municipality, level FROM schools ORDER BY municipality, school_name`,
      );
      const span = await conn.runAndReadAll(
        `SELECT strftime(min(d), '%Y-%m-%d') AS first_date, strftime(max(d), '%Y-%m-%d') AS last_date FROM (
           SELECT min(date) AS d FROM meetings UNION ALL SELECT max(date) FROM meetings
           UNION ALL SELECT min(first_concern_date) FROM cases UNION ALL SELECT max(closed_date) FROM cases)`,
      );
      return { schools: schools.getRowObjectsJson(), span: span.getRowObjectsJson()[0] };
    });
    const municipalities = [...new Set(meta.schools.map((s) => String(s.municipality)))].sort((a, b) => a.localeCompare(b, 'nb'));
    res.json({
      schools: meta.schools,
      municipalities,
      span: meta.span,
      asOf: deps.today(),
      figures: figureSpecs,
    });
  });
  return router;
}
