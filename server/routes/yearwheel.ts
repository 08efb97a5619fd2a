/**
 * GET /api/yearwheel?school&from&to[&asOf]: what the rector's year wheel draws for one school
 * (etl/followup/yearWheelItems.ts): every planned item with its status (done, missed,
 * upcoming by the 4b rule, settled in SQL) and matched meeting date, and every meeting held
 * or cancelled with TGL present or not. Through the frame of the figure endpoints (scope,
 * queue, audit: server/auth/figureView.ts), but only for a viewer scoped to the school (their
 * own school, their municipality's, an administrator any): a peer school's plan is the
 * school's own business, like its follow-up lists (403, audited).
 */
import { Router } from 'express';
import { yearWheelItems } from '../../etl/followup/yearWheelItems.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { figureView } from '../auth/figureView.ts';
import { viewerOf } from '../auth/viewer.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';

const invalid = (parameter: string, message: string) => new HttpError(400, 'invalid_parameters', [{ parameter, message }]);

export function yearWheelRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/yearwheel', async (req, res) => {
    if (typeof req.query.school !== 'string' || req.query.school === '') throw invalid('school', 'årshjulet gjelder én skole; school må oppgis');
    for (const p of ['by', 'total', 'municipality'] as const) {
      if (req.query[p] !== undefined) throw invalid(p, 'årshjulet gjelder én skole; bruk bare school');
    }
    const body = await figureView(deps, req, res, 'yearwheel', async (conn, q, view) => {
      if (!view.isScopedRow({})) {
        await auditRequest(deps, req, viewerOf(res), { action: 'access_denied', target: `school:${q.school}`, details: { endpoint: 'yearwheel', status: 403 } }, conn);
        throw new HttpError(403, 'forbidden', { reason: 'school_out_of_scope' });
      }
      const items = await yearWheelItems(conn, q);
      return { school_id: q.school!, from: q.from, to: q.to, as_of: q.asOf, ...items };
    });
    res.json(body);
  });
  return router;
}
