/**
 * GET /api/meta: what the dashboard needs to build its filters and explain its numbers:
 * the schools the viewer may look at (each marked `scoped` when seen in full, otherwise
 * with suppression), every municipality (all viewers may compare municipality totals), the
 * span of the viewer's own data, the suppression threshold, and every figure's definition.
 */
import { Router } from 'express';
import { z } from 'zod';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { figureSpecs } from '../../etl/figures/figureKeys.ts';
import { authSettings } from '../auth/authSettings.ts';
import { viewerOf } from '../auth/viewer.ts';
import { accessOf, loadSchoolDirectory } from '../auth/viewerAccess.ts';
import type { AppDeps } from '../createApp.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

const NoParameters = z.object({}).strict();

export function metaRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/meta', async (req, res) => {
    const viewer = viewerOf(res);
    validateQuery(NoParameters, req);
    const meta = await withConnection(deps.instance, async (conn) => {
      const access = accessOf(viewer, await loadSchoolDirectory(conn));
      const schools = await conn.runAndReadAll(
        `SELECT school_id, school_name, municipality, level FROM schools ORDER BY municipality, school_name`,
      );
      const own = access.isAdmin ? null : listValue([...access.scoped]);
      const span = await conn.runAndReadAll(
        `SELECT strftime(min(d), '%Y-%m-%d') AS first_date, strftime(max(d), '%Y-%m-%d') AS last_date FROM (
           SELECT min(date) AS d FROM meetings WHERE $own IS NULL OR list_contains($own, school_id)
           UNION ALL SELECT max(date) FROM meetings WHERE $own IS NULL OR list_contains($own, school_id)
           UNION ALL SELECT min(first_concern_date) FROM cases WHERE $own IS NULL OR list_contains($own, school_id)
           UNION ALL SELECT max(closed_date) FROM cases WHERE $own IS NULL OR list_contains($own, school_id))`,
        { own },
        { own: LIST(VARCHAR) },
      );
      const visible = schools
        .getRowObjectsJson()
        .filter((s) => access.visible.has(String(s.school_id)))
        .map((s) => ({ ...s, scoped: access.scoped.has(String(s.school_id)) }));
      return { schools: visible, municipalities: [...access.municipalities], span: span.getRowObjectsJson()[0] };
    });
    res.json({
      schools: meta.schools,
      municipalities: meta.municipalities.sort((a, b) => a.localeCompare(b, 'nb')),
      span: meta.span,
      asOf: deps.today(),
      suppression: { threshold: authSettings(deps).suppressionThreshold },
      figures: figureSpecs,
    });
  });
  return router;
}
