/**
 * The import history over HTTP, for administrators (everything) and municipality users
 * (the batches they imported, and the quarantined rows naming their municipality's schools):
 *
 * GET /api/imports/history?limit            newest batches first: who, when, files, counts, outcome
 *                                           (refused batches too: batch_id null, outcome refused, reason)
 * GET /api/imports/:batch/quarantine?fixed  a batch's quarantined rows (file, line, column,
 *                                           reason); rows a later import fixed only with fixed=true
 */
import { Router, type Response } from 'express';
import * as z from 'zod';
import { listBatches, quarantinedRows, type ImportScope } from '../../etl/load/importHistory.ts';
import { requireRole, viewerOf } from '../auth/viewer.ts';
import type { AppContext } from '../appContext.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';
import { HttpError } from '../http/HttpError.ts';

const HistoryRequest = z.object({ limit: z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().int().min(1).max(1000)).optional() }).strict();
const QuarantineRequest = z.object({ fixed: z.enum(['true', 'false']).optional() }).strict();
const BatchParam = z.string().regex(/^\d{1,9}$/).transform(Number);

function scopeOf(res: Response): ImportScope {
  const viewer = viewerOf(res);
  requireRole(viewer, 'admin', 'municipality');
  if (viewer.role === 'municipality' && !viewer.municipality) throw new HttpError(403, 'forbidden', { reason: 'scope' });
  return { municipality: viewer.role === 'admin' ? null : viewer.municipality, username: viewer.username };
}

export function importHistoryRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/imports/history', async (req, res) => {
    const scope = scopeOf(res);
    const { limit } = validateQuery(HistoryRequest, req);
    res.json({ batches: await withConnection(deps.instance, (conn) => listBatches(conn, scope, limit ?? 100)) });
  });
  router.get('/api/imports/:batch/quarantine', async (req, res) => {
    const scope = scopeOf(res);
    const batch = BatchParam.safeParse(req.params.batch);
    if (!batch.success) throw new HttpError(400, 'invalid_batch');
    const { fixed } = validateQuery(QuarantineRequest, req);
    const rows = await withConnection(deps.instance, (conn) => quarantinedRows(conn, scope, batch.data, fixed === 'true'));
    res.json({ batch_id: batch.data, rows });
  });
  return router;
}
