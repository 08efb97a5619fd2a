/**
 * The municipalities' year-wheel norms (etl/followup/norms.ts):
 * - GET /api/norms[?municipality=N]: N's norms (the defaults until someone changes them); without N,
 *   the viewer's own municipality's (a rector's: their school's), or every municipality's for an
 *   administrator. Anyone signed in may read their own municipality's; only an administrator another's.
 * - PUT /api/norms `{municipality, meeting_interval_days, tgl_meetings_per_school_year}`: an
 *   administrator for any municipality, a municipality user for their own (403 otherwise,
 *   audited). CSRF-checked like every state change (server/auth/csrfProtection.ts); the body is
 *   checked with zod; the change is audited (`norms_set`) with the new values. A server on a
 *   read-only snapshot answers 503 `read_only` (after the checks of who may).
 * Reading is audited like the figures (`view_figures`, endpoint `norms`).
 */
import { Router } from 'express';
import * as z from 'zod';
import { Norms, normsWritable, readNorms, writeNorms } from '../../etl/followup/norms.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { mayReadNorms } from '../auth/mayReadNorms.ts';
import { viewerOf } from '../auth/viewer.ts';
import { accessOf, type ViewerAccess } from '../auth/viewerAccess.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

const NormsRequest = z.object({ municipality: z.string().trim().min(1).max(200).optional() }).strict();
const NormsChange = Norms.extend({ municipality: z.string().trim().min(1).max(200) }).strict();

/** The municipalities a GET answers for; 403/404 for one the viewer may not read. */
function readable(access: ViewerAccess, asked: string | undefined): string[] {
  if (asked !== undefined && !access.municipalities.has(asked)) throw new HttpError(404, 'unknown_municipality');
  if (asked !== undefined && !mayReadNorms(access, asked)) throw new HttpError(403, 'forbidden', { reason: 'municipality_out_of_scope' });
  if (asked !== undefined) return [asked];
  return access.isAdmin ? [...access.municipalities].sort() : access.home ? [access.home] : [];
}

/** 403/404 unless the viewer may change this municipality's norms. */
function checkWritable(access: ViewerAccess, municipality: string): void {
  if (access.viewer.role !== 'admin' && access.viewer.role !== 'municipality') throw new HttpError(403, 'forbidden', { reason: 'role' });
  if (!access.municipalities.has(municipality)) throw new HttpError(404, 'unknown_municipality');
  if (!access.isAdmin && municipality !== access.home) throw new HttpError(403, 'forbidden', { reason: 'municipality_out_of_scope' });
}

export function normsRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/norms', async (req, res) => {
    const viewer = viewerOf(res);
    const { municipality } = validateQuery(NormsRequest, req);
    const norms = await withConnection(deps.instance, async (conn) => {
      const access = accessOf(viewer, await deps.schoolDirectory(conn));
      const target = municipality === undefined ? 'scope' : `municipality:${municipality}`;
      let municipalities: string[];
      try {
        municipalities = readable(access, municipality);
      } catch (error) {
        if (error instanceof HttpError) await auditRequest(deps, req, viewer, { action: 'access_denied', target, details: { endpoint: 'norms', status: error.status } }, conn);
        throw error;
      }
      // Read like every other figure: who looked at which municipality's norms.
      await auditRequest(deps, req, viewer, { action: 'view_figures', target, details: { endpoint: 'norms' } }, conn);
      return readNorms(conn, municipalities);
    });
    res.json({ norms });
  });

  router.put('/api/norms', async (req, res) => {
    const viewer = viewerOf(res);
    const parsed = NormsChange.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, 'invalid_parameters', parsed.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message })));
    const { municipality, ...norms } = parsed.data;
    const target = `municipality:${municipality}`;
    const saved = await withConnection(deps.instance, async (conn) => {
      const access = accessOf(viewer, await deps.schoolDirectory(conn));
      try {
        checkWritable(access, municipality);
      } catch (error) {
        if (error instanceof HttpError) await auditRequest(deps, req, viewer, { action: 'access_denied', target, details: { endpoint: 'norms', method: 'PUT', status: error.status } }, conn);
        throw error;
      }
      // A server on a read-only snapshot cannot store them: say so instead of failing (500).
      if (!(await normsWritable(conn))) throw new HttpError(503, 'read_only', { reason: 'snapshot' });
      await writeNorms(conn, municipality, norms, viewer.username, deps.settings.now());
      await auditRequest(deps, req, viewer, { action: 'norms_set', target, details: { ...norms } }, conn);
      return (await readNorms(conn, [municipality]))[0]!;
    });
    // The follow-up answers carry the norms and whether they are met: cached ones are stale now.
    deps.dataChanged();
    res.json(saved);
  });
  return router;
}
